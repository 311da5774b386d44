/** `difusi merge <dirs>...`: the shards of one run into the run's result folder. */
import path from 'node:path';
import fs from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { mergeShards } from '../io/merge.js';

interface MergeArgs {
  dirs: string[];
  out: string;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'Merge shard folders (from run --shard i/n) into the result folder a single run writes',
  builder: (y: Argv<object>) =>
    y
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'shard folders' })
      .option('out', { type: 'string', default: 'output', describe: 'output root, as for run' }) as unknown as Argv<MergeArgs>,
  handler: (args) => {
    const dirs = args.dirs.filter((d) => fs.existsSync(d) || true).map((d) => path.resolve(d));
    const dir = mergeShards(dirs, args.out, ['difusi', ...process.argv.slice(2)].join(' '));
    process.stdout.write(`merged ${dirs.length} shards into ${dir}\n`);
  },
};
