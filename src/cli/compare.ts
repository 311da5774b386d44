/**
 * `difusi compare <experiment>` or `difusi compare <base> <variant>...`:
 * policy what-ifs with common random numbers, into compare.csv.
 */
import fs from 'node:fs';
import { parseDocument } from 'yaml';
import { YAML_QUIET } from '../scenario/yaml-quiet.js';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { reportAfter } from './report.js';
import { peekText } from '../store/peek.js';
import {
  commonRunOptions,
  detailOption,
  optionError,
  checkCountOptions,
  langWithTerminalTable,
  overridesFrom,
  shardOption,
  shardCountOption,
  shardOptions,
  workersOption,
  wholeNumberOption,
  type CommonRunArgs,
  type ShardArgs,
  type WholeNumberArg,
} from './options.js';
import { precisionFrom, precisionLine, precisionOptions, type PrecisionArgs } from './precision-options.js';
import { progressBar } from './progress.js';
import { warnLine } from './errors.js';
import { count, groupedId } from '../messages/count.js';
import { checkOutRoot } from '../store/out-root.js';
import { commandLine, shardMergeCommand } from './command-line.js';
import { warnLangOnShard } from './lang-warning.js';
import { warningTextFor } from './warning-lang.js';

interface CompareArgs extends PrecisionArgs, CommonRunArgs, ShardArgs {
  files: string[];
  merge: boolean;
  detail?: WholeNumberArg;
  outcomes?: string[];
}

/**
 * What a file given to compare is: an experiment file (it has `base` and no
 * `start`), another readable mapping (a scenario), or neither (it cannot be
 * read or parsed, or it is not a mapping: its reader then says why).
 * experiment/spec.ts loads the schema validator (zod): imported here, when
 * the command runs, so `difusi --help` does not load it.
 */
async function fileKind(file: string): Promise<'experiment' | 'other' | 'broken'> {
  const { looksLikeExperiment } = await import('../experiment/spec.js');
  // Only a regular file of sensible size is read here; anything else is left to the readers' errors.
  const text = peekText(file);
  if (text === undefined) return 'broken';
  try {
    const doc = parseDocument(text, YAML_QUIET);
    if (doc.errors.length > 0) return 'broken';
    const js: unknown = doc.toJS();
    if (typeof js !== 'object' || js === null || Array.isArray(js)) return 'broken';
    if (looksLikeExperiment(js)) return 'experiment';
    // `base` with `start`: an experiment file with a stray scenario field, not a scenario.
    return 'base' in js ? 'broken' : 'other';
  } catch {
    return 'broken';
  }
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <files..>',
  describe: 'Compare a base scenario with variants (an experiment file, or scenario files), paired by replication',
  builder: (y: Argv<object>) =>
    y
      .positional('files', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'an experiment file (experiments/*.yaml), or a base scenario file followed by variant scenario files',
      })
      // As run's: --lang words the terminal table too (same place in --help).
      .options({ ...commonRunOptions, lang: langWithTerminalTable })
      .option('out', { ...commonRunOptions.out, describe: 'output root: results go to <out>/<experiment name>/<run key>/ (scenario files: <base scenario name>-compare)' })
      .options(shardOptions('replications (of every arm)'))
      .option('merge', { type: 'boolean', default: false, describe: 'merge the finished shards of this comparison (under --out) and pair them' })
      .option('detail', wholeNumberOption({ describe: 'replications per arm that record agents.csv and events.csv (default 10)' }))
      .option('outcomes', { type: 'string', array: true, describe: 'outcomes to compare, e.g. sustained.* live_share (default: the experiment\'s)' })
      .options(precisionOptions) as unknown as Argv<CompareArgs>,
  handler: async (args: ArgumentsCamelCase<CompareArgs>) => {
    // A national scenario (or an experiment built on one) is one line naming it, not the city schema's errors.
    const { refuseNationalExperiment } = await import('./national-hint.js');
    for (const file of args.files) refuseNationalExperiment(file, 'compare', args.lang);
    const { formatCompareTable } = await import('../experiment/compare.js');
    const { executeCompare } = await import('../jobs/compare.js');
    checkOutRoot(args.out);
    const [first, ...rest] = args.files;
    const kind = first === undefined ? 'other' : await fileKind(first);
    const experiment = kind === 'experiment';
    if (experiment && rest.length > 0) throw optionError('files', 'one experiment file, or a base scenario and variant scenario files', args.files.join(' '));
    // A lone file that does not exist is named as missing, not as the wrong kind of file.
    if (!experiment && rest.length === 0 && first !== undefined && !fs.existsSync(first)) {
      const { UserError } = await import('../messages/catalog.js');
      throw UserError.of('file_not_found', [], { file: first }, { expected: 'an experiment file, or a base scenario and at least one variant' });
    }
    // A lone file that cannot be an experiment as it stands: its reader names the problem (a folder, an empty file, a syntax error, a stray field).
    if (kind === 'broken' && rest.length === 0) {
      const { readExperimentFile } = await import('../store/experiment-file.js');
      readExperimentFile(first!, ['variants']);
    }
    if (!experiment && rest.length === 0) throw optionError('files', 'an experiment file, or a base scenario and at least one variant', String(first));
    const counts = checkCountOptions(args);
    const precision = precisionFrom(args);
    if (args.merge && args.shard !== undefined) throw optionError('--merge', 'no --shard (merge collects every shard)', args.shard);
    const shard = args.merge ? undefined : shardOption(args.shard, args['shard-count']);
    const shardCount = shardCountOption(args['shard-count']);
    const detail = detailOption(args.detail);
    // Only --set here: seed and replications apply to every arm as settings (a --set of either beside
    // -s or -r is refused with the experiment's arms); a --set replications beside --precision here.
    const set = overridesFrom({ ...(args.set !== undefined && { set: args.set }), ...(args.precision !== undefined && { precision: args.precision }) });
    const bar = progressBar('compare', args.quiet, args.lang);
    const result = await executeCompare({
      ...(experiment ? { experiment: first } : { scenarios: { base: first!, variants: rest } }),
      set,
      ...counts,
      ...(args.outcomes !== undefined && { outcomes: args.outcomes }),
      outRoot: args.out,
      workers: workersOption(args.workers),
      resume: args.resume,
      ...(detail !== undefined && { detail }),
      ...(precision !== undefined && { precision }),
      ...(shard !== undefined && { shard }),
      ...(args.merge && { merge: true }),
      ...(args.merge && shardCount !== undefined && { shardCount }),
      command: commandLine(),
      onProgress: (done, total) => bar.update(done, total),
      onWarning: (where, w) => warnLine(where, w, args.lang),
      ...(await warningTextFor(args.lang)),
    });
    bar.stop();
    if (result.shard !== undefined) {
      process.stdout.write(`shard ${result.shard.index}/${result.shard.count} of ${result.name}: every arm in ${result.dir}\n`);
      const merge = shardMergeCommand();
      process.stdout.write(`when all shards are done, pair them with: ${merge}\n`);
      warnLangOnShard(result.dir, args.lang, merge);
      return;
    }
    // Under --lang id the header, table, legend and precision line in the Indonesian report's words; the
    // results line keeps its form in either language (scripts read it), as run's does.
    const head =
      args.lang === 'id'
        ? `${result.name}: ${groupedId(result.replications)} replikasi per skenario, benih acak (seed) ${result.seed}, bilangan acak bersama`
        : `${result.name}: ${count(result.replications, 'replication')} per arm, seed ${result.seed}, common random numbers`;
    process.stdout.write(`${head}\n\n`);
    process.stdout.write(formatCompareTable(result.rows, args.lang === 'id' ? result.notesId : result.notes, args.lang) + '\n\n');
    if (result.precision !== undefined) process.stdout.write(precisionLine(result.precision, true, args.lang) + '\n');
    process.stdout.write(`results: ${result.dir}\n`);
    await reportAfter(result.dir, args.charts, args.lang, args.png);
  },
};
