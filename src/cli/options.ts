/** Options shared by several commands, and their parsing. */
import type { Options } from 'yargs';
import os from 'node:os';
import { UserError } from '../messages/catalog.js';
import { parseOverride } from '../scenario/apply-overrides.js';
import type { Shard } from '../jobs/run.js';
import type { Lang } from '../report/i18n/index.js';

export const commonRunOptions = {
  replications: { type: 'number', alias: 'r', describe: 'replications (overrides the scenario)' },
  seed: { type: 'number', alias: 's', describe: 'master seed (overrides the scenario)' },
  out: { type: 'string', default: 'output', describe: 'output root: results go to <out>/<scenario name>/<run key>/' },
  workers: { type: 'number', alias: 'w', describe: 'threads computing replications, the main one included (default: all cores); results are identical for any count' },
  set: { type: 'string', array: true, describe: 'override a scenario field: --set parameters.takeover_vendor=0.9' },
  quiet: { type: 'boolean', default: false, describe: 'no progress bar' },
  charts: { type: 'boolean', default: true, describe: 'write charts, report.html and report.md (--no-charts to skip)' },
  lang: { type: 'string', choices: ['en', 'id'], default: 'en', describe: 'language of the report: en (English) or id (Bahasa Indonesia)' },
} as const satisfies Record<string, Options>;

/** The arguments every command that runs replications takes (commonRunOptions). */
export interface CommonRunArgs {
  charts: boolean;
  replications?: number;
  seed?: number;
  out: string;
  workers?: number;
  set?: string[];
  quiet: boolean;
  lang: Lang;
}

/** Sharding and resuming, for run, sweep and sensitivity; `unit` names what is sharded. */
export function shardOptions(unit: string) {
  return {
    shard: { type: 'string', describe: `run only ${unit} with index % n == i: --shard i/n` },
    'shard-count': {
      type: 'number',
      describe: 'n, with i from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX',
    },
    resume: { type: 'boolean', default: false, describe: 'continue an interrupted run from what it wrote' },
  } as const satisfies Record<string, Options>;
}

export interface ShardArgs {
  shard?: string;
  'shard-count'?: number;
  resume: boolean;
}

/** The most worker threads a run may ask for. */
export const MAX_WORKERS = 256;

export function workersOption(value: number | undefined): number {
  if (value === undefined) return Math.max(1, os.availableParallelism());
  if (!Number.isInteger(value) || value < 1 || value > MAX_WORKERS) throw optionError('--workers', `a whole number from 1 to ${MAX_WORKERS}`, String(value));
  return value;
}

/**
 * An option given an empty value (`--seed ''`, `--out=`) is an error, not
 * zero or the current folder: yargs reads an empty number as 0.
 */
export function checkEmptyArguments(argv: readonly string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const eq = /^(--?[A-Za-z][\w-]*)=(.*)$/s.exec(a);
    if (eq !== null && eq[2]!.trim() === '') throw optionError(eq[1]!, 'a value', 'an empty string');
    if (/^--?[A-Za-z][\w-]*$/.test(a) && i + 1 < argv.length && argv[i + 1]!.trim() === '') throw optionError(a, 'a value', 'an empty string');
  }
}

/** What yargs tells a check about the options of the command being run (`getOptions()`). */
export interface DeclaredOptions {
  /** Every declared name, long names and aliases. */
  readonly key: Readonly<Record<string, unknown>>;
  /** Each option's aliases, by its declared name. */
  readonly alias: Readonly<Record<string, readonly string[]>>;
  /** The options (and positionals) that take a list: `--set`, `--outcomes`, `<files..>`. */
  readonly array: readonly string[];
}

/**
 * An option that takes one value, given more than once (`--out A --out B`,
 * `--lang en --lang id`, `-r 1 -r 2`), is refused: yargs hands it on as a
 * list, which the commands would otherwise use as a string or a number
 * (a crash, or minutes of work before one). Options that take a list
 * (`--set`, `--outcomes`) stay repeatable. A flag given twice is read by
 * yargs as its last value and is not seen here.
 */
export function checkRepeatedOptions(argv: Readonly<Record<string, unknown>>, options: DeclaredOptions): void {
  const aliases = new Set(Object.values(options.alias).flat());
  const lists = new Set(options.array);
  for (const key of Object.keys(options.key)) {
    if (aliases.has(key) || lists.has(key)) continue;
    const value = argv[key];
    if (!Array.isArray(value)) continue;
    const short = (options.alias[key] ?? []).filter((a) => a.length === 1);
    const name = `--${key}${short.length > 0 ? ` (-${short[0]})` : ''}`;
    throw UserError.of('option_repeated', [name, value.length], { file: 'command line' }, { found: value.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ') });
  }
}

/** The largest master seed a scenario takes (its schema's bound). */
const MAX_SEED = 4294967295;

/** The commands that take `--seed` / `-s`. */
const SEED_COMMANDS = new Set(['run', 'validate', 'compare', 'sweep', 'sensitivity', 'national']);

/**
 * `--seed` / `-s` as the user wrote it: decimal digits only, at most
 * MAX_SEED. yargs reads a number as JavaScript does, so `0x10`, `1e3`, `+16`
 * and ` 16` would silently become seed 16 or 1000 (a run under a seed the
 * user may not have meant, with a folder key of its own), and a `--seed`
 * with no value would silently fall back to the scenario's seed.
 */
export function checkSeedArguments(argv: readonly string[]): void {
  // The command is the first word that is not an option: global flags may come before it (`difusi -q run ...`).
  const at = argv.findIndex((a) => !a.startsWith('-'));
  if (at < 0 || !SEED_COMMANDS.has(argv[at]!)) return;
  const expected = `a whole number from 0 to ${MAX_SEED}`;
  for (let i = 0; i < argv.length; i++) {
    if (i === at) continue;
    const a = argv[i]!;
    if (a === '--') break;
    // `--seed=X`, `-s=X`, and `-sX` with X starting with a digit (yargs reads `-s0x10` as -s 0x10);
    // the same after grouped short flags (`-qs 0x10`, `-qs0x10`, `-qs=0x10`), which yargs splits alike.
    const eq = /^(?:--seed=|-[A-Za-z]*s=|-[A-Za-z]*s(?=\d))(.*)$/s.exec(a);
    // `-sabc`, `-qsabc`: the rest of the word after the first `s` is its value, as for any short option that
    // takes one (yargs would read the letters as flags of their own, `Unknown arguments: a, b, c`, and `-sq`
    // as a --seed with no value, silently ignored, and --quiet).
    const glued = eq === null ? /^-[A-Za-rt-z]*s(.+)$/s.exec(a) : null;
    let text: string | undefined;
    if (eq !== null) text = eq[1];
    else if (a === '--seed' || /^-[A-Za-z]*s$/.test(a)) text = argv[++i];
    else if (glued !== null) text = glued[1];
    else continue;
    // The next word is another option (`--seed --quiet`): no value (a negative number is a value, refused below).
    if (text === undefined || (text.startsWith('-') && !/^-\d/.test(text))) throw optionError('--seed', expected, 'no value');
    if (!/^\d+$/.test(text) || Number(text) > MAX_SEED) throw optionError('--seed', expected, /\s/.test(text) ? JSON.stringify(text) : text);
  }
}

/**
 * `--replications` / `-r` and `--seed` / `-s` checked as the options the
 * user wrote, so that a bad value names the option, not a scenario field
 * the user never overrode (yargs reads `-r abc` as NaN).
 */
export function checkCountOptions(args: { replications?: number; seed?: number; outcomes?: readonly string[] }): void {
  const { replications, seed, outcomes } = args;
  // `--outcomes` given with no value arrives as an empty list: refused, since a job with no
  // outcome writes tables with no figure in them and looks like a success.
  if (outcomes !== undefined && outcomes.length === 0) {
    throw optionError('--outcomes', 'at least one outcome name, e.g. --outcomes live_share', 'no value');
  }
  if (replications !== undefined && (!Number.isSafeInteger(replications) || replications < 1)) {
    throw optionError('--replications', 'a whole number of at least 1', Number.isNaN(replications) ? 'not a number' : String(replications));
  }
  if (seed !== undefined && (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED)) {
    throw optionError('--seed', `a whole number from 0 to ${MAX_SEED}`, Number.isNaN(seed) ? 'not a number' : String(seed));
  }
}

export function overridesFrom(args: { replications?: number; seed?: number; set?: string[] }): Record<string, unknown> {
  checkCountOptions(args);
  // Keys are user paths: a map without a prototype, so no key can reach Object.prototype.
  const overrides: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const text of args.set ?? []) {
    const [path, value] = parseOverride(text);
    overrides[path] = value;
  }
  if (args.replications !== undefined) overrides['replications'] = args.replications;
  if (args.seed !== undefined) overrides['seed'] = args.seed;
  return overrides;
}

/**
 * `--shard i/n`, or the array index of a scheduler (Slurm, Kubernetes
 * Indexed Job, AWS Batch) with n given by `--shard-count` (n is always explicit).
 */
export function shardOption(shard: string | undefined, count: number | undefined): Shard | undefined {
  if (shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(shard);
    if (!m) throw optionError('--shard', 'i/n with 0 <= i < n, e.g. 2/7', shard);
    const index = Number(m[1]);
    const n = Number(m[2]);
    if (n < 1 || index >= n || !Number.isSafeInteger(n)) throw optionError('--shard', 'i/n with 0 <= i < n', shard);
    // Both given: they must agree, or the user meant another split than the one that would run.
    if (count !== undefined && count !== n) throw optionError('--shard-count', `${n}, as in --shard ${shard} (or only one of the two)`, String(count));
    return { index, count: n };
  }
  const env = process.env;
  const fromScheduler = env['SLURM_ARRAY_TASK_ID'] ?? env['JOB_COMPLETION_INDEX'] ?? env['AWS_BATCH_JOB_ARRAY_INDEX'];
  if (count !== undefined) {
    if (!Number.isInteger(count) || count < 1) throw optionError('--shard-count', 'a whole number n >= 1', String(count));
    if (fromScheduler === undefined)
      throw optionError('--shard-count', 'a scheduler index (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX) in the environment', 'none');
    const index = /^\d+$/.test(fromScheduler.trim()) ? Number(fromScheduler.trim()) : NaN;
    if (!Number.isInteger(index) || index < 0 || index >= count)
      throw optionError('--shard-count', `a scheduler index in [0, ${count})`, fromScheduler);
    return { index, count };
  }
  return undefined;
}

/** `--detail N`: how many replications record agents.csv and events.csv. */
export function detailOption(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw optionError('--detail', 'a whole number >= 0', String(value));
  return value;
}

export function optionError(option: string, expected: string, found: string): UserError {
  return UserError.of('invalid_option', [option], { file: 'command line' }, { expected, found });
}
