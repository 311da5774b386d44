/**
 * `difusi sweep <experiment>`: a grid or Latin hypercube over scenario
 * fields, R replications per design point, into sweep.csv and
 * sweep_summary.csv; `--shard i/n` and `--merge` to spread it over machines.
 */
import { warnLine } from './errors.js';
import { count, groupedId } from '../messages/count.js';
import { idDecimal, idInterval, type TerminalLang } from '../messages/terminal-lang.js';
import { checkOutRoot } from '../store/out-root.js';
import path from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { reportAfter } from './report.js';
import { formatNumber } from '../store/csv-format.js';
import { factorName, isUnitOutcome } from '../report/format.js';
import type { DesignKind, DesignRows } from '../store/sweep-store.js';
import type { DesignRunResult } from '../jobs/sweep.js';
import type { DesignMethod } from '../experiment/spec.js';
import { checkCountOptions, commonRunOptions, langWithTerminalTable, optionError, overridesFrom, shardCountOption, shardOption, shardOptions, workersOption, type CommonRunArgs, type ShardArgs } from './options.js';
import { progressBar } from './progress.js';
import { commandLine, shardMergeCommand } from './command-line.js';
import { warnLangOnShard } from './lang-warning.js';
import { warningTextFor } from './warning-lang.js';
import { toDecimal } from '../messages/decimal.js';

export interface DesignArgs extends CommonRunArgs, ShardArgs {
  experiment: string;
  merge: boolean;
  outcomes?: string[];
  method?: string;
}

/** The options of sweep and sensitivity. */
export function designBuilder(y: Argv<object>): Argv<DesignArgs> {
  return y
    .positional('experiment', { type: 'string', demandOption: true, describe: 'experiment file with a design (experiments/*.yaml)' })
    // As run's: --lang words the terminal table too (same place in --help).
    .options({ ...commonRunOptions, lang: langWithTerminalTable })
    .option('out', { ...commonRunOptions.out, describe: 'output root: results go to <out>/<experiment name>/<run key>/' })
    .options(shardOptions('design runs'))
    .option('merge', { type: 'boolean', default: false, describe: 'merge the finished shards of this experiment (under --out) into its result folder' })
    .option('outcomes', { type: 'string', array: true, describe: "outcomes to record (default: the experiment's)" }) as unknown as Argv<DesignArgs>;
}

/** Shared handler of sweep and sensitivity. */
export async function runDesign(args: DesignArgs, kind: DesignKind, method?: DesignMethod): Promise<DesignRunResult | undefined> {
  // A national scenario (or an experiment built on one) is one line naming it, not the experiment schema's errors.
  const { refuseNationalExperiment, refuseCityScenarioAsExperiment } = await import('./national-hint.js');
  refuseNationalExperiment(args.experiment, kind, args.lang);
  refuseCityScenarioAsExperiment(args.experiment, kind);
  const { executeDesignJob, findSweepShards, mergeDesignShards, sweepJob } = await import('../jobs/sweep.js');
  checkOutRoot(args.out);
  const command = commandLine();
  const counts = checkCountOptions(args);
  const set = overridesFrom({ ...(args.set !== undefined && { set: args.set }) });
  const job = sweepJob({
    experiment: args.experiment,
    kind,
    ...(method !== undefined && { method }),
    set,
    ...counts,
    ...(args.outcomes !== undefined && { outcomes: args.outcomes }),
    outRoot: args.out,
    workers: 1,
    command,
    onWarning: (where, w) => warnLine(where, w, args.lang),
    ...(await warningTextFor(args.lang)),
  });
  if (args.merge) {
    if (args.shard !== undefined) throw optionError('--merge', 'no --shard (merge collects every shard)', args.shard);
    const dirs = findSweepShards(job, args.out, shardCountOption(args['shard-count']));
    if (dirs.length === 0) throw optionError('--merge', `shard folders of this experiment under ${args.out}`, 'none');
    const { dir } = mergeDesignShards(dirs, args.out, command);
    process.stdout.write(`merged ${dirs.length} shards into ${dir}\n`);
    // The report the unsharded job writes: the merged folder is the folder one machine writes.
    await reportAfter(dir, args.charts, args.lang, args.png);
    return undefined;
  }
  const shard = shardOption(args.shard, args['shard-count']);
  const bar = progressBar(kind, args.quiet, args.lang);
  const result = await executeDesignJob(job, {
    outRoot: args.out,
    workers: workersOption(args.workers),
    ...(shard && { shard }),
    resume: args.resume,
    command,
    onProgress: (done, total) => bar.update(done, total),
    // The notes of an interrupted design's part, in the command's language.
    ...(await warningTextFor(args.lang)),
  });
  bar.stop();
  const points = job.plan.rows.length;
  if (shard && shard.count > 1) {
    process.stdout.write(`shard ${shard.index}/${shard.count}: ${result.ran + result.resumed} of ${result.units} design runs in ${result.dir}\n`);
    // The shard's own command with --merge: the merge finds the shards by the job's key, which -r, --seed, --set
    // and --outcomes decide (a line without them found none), and writes the report in the shard's --lang.
    const merge = shardMergeCommand();
    process.stdout.write(`merge all shards with: ${merge}` + `  (shards in ${path.dirname(result.dir)})\n`);
    warnLangOnShard(result.dir, args.lang, merge);
    return undefined;
  }
  // Under --lang id in the Indonesian report's words (titik desain, replikasi, simulasi, benih acak); the design's
  // method in Indonesian, with its name as the experiment file and --method write it (designId).
  process.stdout.write(
    args.lang === 'id'
      ? `${job.name}: ${designId(job.plan.method)}, ${groupedId(points)} titik x ${groupedId(job.replications)} replikasi = ${groupedId(result.units)} simulasi, benih acak (seed) ${job.seed}\n`
      : `${job.name}: ${job.plan.method} design, ${count(points, 'point')} x ${count(job.replications, 'replication')} = ${count(result.units, 'run')}, seed ${job.seed}\n`,
  );
  return result;
}

/** Each design method in Indonesian (help-id.ts: "desain kisi atau Latin hypercube"). */
const DESIGN_ID: Readonly<Record<DesignMethod, string>> = { grid: 'kisi', lhs: 'Latin hypercube', morris: 'Morris', sobol: 'Sobol' };

/**
 * A design as the Indonesian terminal line names it: `desain kisi (grid)`, the method's name as the user
 * wrote it in the experiment file (or --method) kept in parentheses; `desain grid` read as a mix of two languages.
 */
export function designId(method: DesignMethod): string {
  return `desain ${DESIGN_ID[method]} (${method})`;
}

/**
 * A number as the result files hold it (12 significant digits,
 * store/csv-format.ts), NaN for an empty cell: the terminal tables round
 * what the files say, so the two never disagree in a printed digit.
 */
export function asWritten(x: number | null | undefined): number {
  if (x === null || x === undefined || !Number.isFinite(x)) return Number.NaN;
  return Number(formatNumber(x));
}

/**
 * The sweep table's words, by `--lang`; the Indonesian are the Indonesian report's (report/i18n/id.ts: titik,
 * dipotong ke [0; 1]); IK 95% = interval kepercayaan 95%, as run's table heads it (experiment/outcome-table.ts).
 */
const SWEEP_WORDS = {
  en: {
    point: 'point',
    ci: (outcome: string) => `${outcome} (95% CI)`,
    interval: (low: string, high: string) => `(${low} to ${high})`,
    more: (limit: number, all: number, file: string) => `(first ${limit} of ${all} points; all in ${file})`,
    clipped: (file: string) => `(intervals of shares shown clipped to [0, 1]; ${file} holds them as computed)`,
  },
  id: {
    point: 'titik',
    ci: (outcome: string) => `${outcome} (IK 95%)`,
    interval: idInterval,
    more: (limit: number, all: number, file: string) => `(hanya ${groupedId(limit)} titik pertama dari ${groupedId(all)} yang ditampilkan; semuanya ada di ${file})`,
    clipped: (file: string) => `(interval proporsi ditampilkan dipotong ke [0; 1]; ${file} menyimpannya sebagaimana dihitung)`,
  },
} as const;

/**
 * The sweep's table for the terminal, from the rows written to
 * sweep_summary.csv (`file`, named in the note on points left out): one
 * line per design point (the first `limit`), its factor values, and each
 * outcome's mean with its 95 % confidence interval. A share's interval is
 * shown clipped to [0, 1] (a share cannot be -0.001); the file keeps it
 * as computed, and a note under the table says so when a printed end was
 * clipped. `lang` `id`: the Indonesian report's words, numbers with a
 * decimal comma and intervals written [bawah; atas]; the same figures.
 */
export function formatSweepTable(rows: DesignRows, file: string, limit = 40, lang: TerminalLang = 'en'): string {
  const { factors, outcomes, points } = rows;
  const words = SWEEP_WORDS[lang];
  const n = (r: (typeof points)[number], column: string) => asWritten(r.values[column]);
  const en = (x: number) => (Number.isFinite(x) ? String(Number(toDecimal(x, Math.abs(x) >= 100 ? 1 : Math.abs(x) >= 10 ? 2 : 3))).replace(/^-0$/, '0') : '');
  const f = lang === 'id' ? (x: number) => idDecimal(en(x)) : en;
  let clipped = false;
  const end = (o: string, x: number) => {
    if (!isUnitOutcome(o) || !Number.isFinite(x)) return f(x);
    const within = Math.min(1, Math.max(0, x));
    if (f(within) !== f(x)) clipped = true;
    return f(within);
  };
  const header = [words.point, ...factors.map((c) => factorName(c)), 'n', ...outcomes.map((o) => words.ci(o))];
  const table = points.slice(0, limit).map((r) => [
    String(r.point),
    ...factors.map((c) => f(n(r, c))),
    String(r.n ?? 1),
    ...outcomes.map((o) => `${f(n(r, `${o}_mean`))} ${words.interval(end(o, n(r, `${o}_ci_low`)), end(o, n(r, `${o}_ci_high`)))}`),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((t) => t[c]!.length)));
  const line = (t: string[]) => t.map((x, c) => x.padStart(widths[c]!)).join('  ');
  const more = points.length > limit ? `\n${words.more(limit, points.length, file)}` : '';
  const clip = clipped ? `\n${words.clipped(path.basename(file))}` : '';
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n') + more + clip;
}

export const sweepCommand: CommandModule<object, DesignArgs> = {
  command: 'sweep <experiment>',
  describe: 'Run a grid or Latin hypercube design over scenario fields: sweep.csv and sweep_summary.csv',
  builder: designBuilder,
  handler: async (args: ArgumentsCamelCase<DesignArgs>) => {
    const result = await runDesign(args, 'sweep');
    if (result?.rows === undefined) return;
    // store/tables.ts loads the schema validator (zod): imported when the command runs, not for --help.
    const { SWEEP_SUMMARY } = await import('../store/tables.js');
    const text = formatSweepTable(result.rows, path.join(result.dir, SWEEP_SUMMARY.file), undefined, args.lang);
    process.stdout.write(`\n${text}\n\n`);
    process.stdout.write(`results: ${result.dir}\n`);
    await reportAfter(result.dir, args.charts, args.lang, args.png);
  },
};
