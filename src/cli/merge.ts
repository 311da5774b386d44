/** `difusi merge <dirs>...`: the shards of one run into the run's result folder. */
import path from 'node:path';
import fs from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { checkOutRoot } from '../store/out-root.js';
import { commonRunOptions } from './options.js';
import { reportAfter } from './report.js';
import type { Lang } from '../report/i18n/index.js';
import { commandLine } from './command-line.js';

interface MergeArgs {
  dirs: string[];
  out: string;
  charts: boolean;
  png: boolean;
  lang: Lang;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'Merge shard folders (from run, sweep or sensitivity --shard i/n) into the result folder one machine writes',
  builder: (y: Argv<object>) =>
    y
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'shard folders' })
      .option('out', { type: 'string', default: 'output', describe: 'output root, as for run' })
      // The report the unsharded job writes, with the same options: a merged folder is the folder one machine writes.
      .option('charts', commonRunOptions.charts)
      .option('png', commonRunOptions.png)
      .option('lang', commonRunOptions.lang) as unknown as Argv<MergeArgs>,
  handler: async (args) => {
    const { mergeShards } = await import('../jobs/merge.js');
    const { mergeSweepShards } = await import('../jobs/sweep.js');
    const { isSweepPart } = await import('../store/sweep-store.js');
    checkOutRoot(args.out);
    const dirs = args.dirs.map((d) => path.resolve(d));
    const command = commandLine();
    const { refuseMixedShards } = await import('../store/part-store.js');
    refuseMixedShards(dirs);
    // Shards of a run, or of a sweep / sensitivity design: each kind merges its own way.
    const dir =
      dirs.length > 0 && fs.existsSync(dirs[0]!) && isSweepPart(dirs[0]!)
        ? mergeSweepShards(dirs, args.out, command)
        : mergeShards(dirs, args.out, command);
    process.stdout.write(`merged ${dirs.length} shards into ${dir}\n`);
    await reportAfter(dir, args.charts, args.lang, args.png);
  },
};
