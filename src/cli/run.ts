/** `difusi run <scenario>`: replications of one scenario into a result folder. */
import path from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { commonRunOptions, detailOption, langWithTerminalTable, wholeNumberOption, overridesFrom, shardOption, shardOptions, workersOption, type CommonRunArgs, type ShardArgs, type WholeNumberArg } from './options.js';
import { progressBar } from './progress.js';
import { warnLine } from './errors.js';
import { count, groupedId } from '../messages/count.js';
import { checkOutRoot } from '../store/out-root.js';
import { reportAfter } from './report.js';
import { precisionFrom, precisionLine, precisionOptions, type PrecisionArgs } from './precision-options.js';
import { commandLine, shellGlob, shellWord } from './command-line.js';
import { warnLangOnShard } from './lang-warning.js';
import { warningTextFor } from './warning-lang.js';

interface RunArgs extends PrecisionArgs, CommonRunArgs, ShardArgs {
  scenario: string;
  detail?: WholeNumberArg;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Run a scenario\'s replications and write the result folder',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.yaml, .yml or .json)' })
      // --lang also words the terminal table and the precision line; same place in --help.
      .options({ ...commonRunOptions, lang: langWithTerminalTable })
      .options(shardOptions('replications'))
      .option('detail', wholeNumberOption({ describe: 'replications that record agents.csv and events.csv (default 10)' }))
      .options(precisionOptions) as unknown as Argv<RunArgs>,
  handler: async (args: ArgumentsCamelCase<RunArgs>) => {
    const { refuseNationalScenario } = await import('./national-hint.js');
    // What the check parsed of the file goes to the reader: it is parsed once.
    const parsed = refuseNationalScenario(args.scenario, 'run', args.lang);
    checkOutRoot(args.out);
    const { executeRun } = await import('../jobs/run.js');
    const { formatOutcomeTable, outcomeTableNote } = await import('../experiment/outcome-table.js');
    const { executePrecisionRun } = await import('../jobs/precision.js');
    const shard = shardOption(args.shard, args['shard-count']);
    const bar = progressBar('run', args.quiet, args.lang);
    const precision = precisionFrom(args);
    const detail = detailOption(args.detail);
    const options = {
      file: args.scenario,
      // Worded here, not in the job: the Indonesian texts load only under --lang id.
      ...(await warningTextFor(args.lang)),
      overrides: overridesFrom(args),
      outRoot: args.out,
      workers: workersOption(args.workers),
      ...(shard && { shard }),
      resume: args.resume,
      ...(detail !== undefined && { detail }),
      command: commandLine(),
      ...(parsed !== undefined && { parsed }),
      onProgress: (done: number, total: number) => bar.update(done, total),
      // A warning only a --set gives names it, not the file (jobs/run.ts sayWarnings).
      onWarning: (w: string, where?: string) => warnLine(where ?? args.scenario, w, args.lang),
    };
    const grown = precision === undefined ? undefined : await executePrecisionRun(options, precision);
    const result = grown ?? (await executeRun(options));
    bar.stop();
    if (shard && shard.count > 1) {
      process.stdout.write(`shard ${shard.index}/${shard.count}: ${count(result.ran + result.resumed, 'replication')} in ${result.dir}\n`);
      // The run's key in the pattern: another run's shards in the same folder do not match it. The merge writes
      // the report, in the language it is given: a --lang given to the shard goes to the merge's command.
      // Quoted for a shell where a part needs it (a folder with a space), its `*` left for the shell to expand.
      const lang = args.lang === 'en' ? '' : ` --lang ${args.lang}`;
      const merge = `difusi merge ${shellGlob(path.join(path.dirname(result.dir), path.basename(result.dir).replace(/\.shard-\d+-of-/, '.shard-*-of-')))} --out ${shellWord(args.out)}${lang}`;
      process.stdout.write(`merge all shards with: ${merge}\n`);
      warnLangOnShard(result.dir, args.lang, merge);
      return;
    }
    // Printed from what the job returns, not read back from the folder it wrote.
    const shares = result.outcomes ?? [];
    // Under --lang id the table speaks the Indonesian report's words; the results and report lines keep their form (scripts read them).
    const head =
      args.lang === 'id'
        ? `${result.scenario.name}: ${groupedId(result.replications)} replikasi, benih acak (seed) ${result.scenario.seed}`
        : `${result.scenario.name}: ${count(result.replications, 'replication')}, seed ${result.scenario.seed}`;
    process.stdout.write(`${head}\n\n`);
    process.stdout.write(formatOutcomeTable(shares, args.lang) + '\n');
    // Each share is rounded on its own, so a row can add up to anything from 99 % to 102 %: said, not forced, so every figure is its own nearest whole percent.
    if (shares.length > 0) process.stdout.write(outcomeTableNote(args.lang) + '\n');
    process.stdout.write('\n');
    if (grown !== undefined) process.stdout.write(precisionLine(grown.precision, false, args.lang) + '\n');
    process.stdout.write(`results: ${result.dir}\n`);
    await reportAfter(result.dir, args.charts, args.lang, args.png);
  },
};
