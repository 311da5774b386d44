/** Options shared by several commands, and their parsing. */
import type { Options } from 'yargs';
import { MAX_REPLICATIONS } from '../scenario/limits.js';
import os from 'node:os';
import { formatFound, makeIssue, UserError, type ScenarioIssue } from '../messages/catalog.js';
import { optionDecides, overridePathKey, parseOverride, refuseShadowedSet } from '../scenario/apply-overrides.js';
import type { Shard } from '../jobs/run.js';
import type { Lang } from '../report/i18n/index.js';

/**
 * An option that takes a whole number (`-r`, `--seed`, `--workers`,
 * `--port`, ...): yargs keeps its text as written (`string`), --help shows it
 * as a number (`type: 'number'`, which --help names last), and
 * readWholeNumbers (program.ts's check) turns decimal digits into the number or
 * refuses anything else. Declared as plain `number`, yargs would read it as
 * JavaScript does: `0x3`, `0b11`, `3e0`, `1.0`, `+3` and ` 3` would all be 3.
 */
export function wholeNumberOption<T extends Omit<Options, 'type' | 'string'>>(spec: T): T & { type: 'number'; string: true } {
  return { ...spec, type: 'number', string: true };
}

/**
 * An option that takes a decimal number (`--precision 0.05`): declared as a
 * wholeNumberOption is (text as written, shown as a number by --help), its
 * name listed in DECIMAL_OPTIONS, and read by readWholeNumbers as ordinary
 * decimal digits with at most one point (`0.05`, `.05`, `1`); any other text
 * (`0x1`, `1e0`, `+1`, ` 1`, `NaN`, `Infinity`) stays text, which the
 * option's own check refuses (decimalText). Declared as plain `number`,
 * yargs would read `0x1`, `1e0`, `+1` and ` 1` all as 1.
 */
export function decimalOption<T extends Omit<Options, 'type' | 'string'>>(spec: T): T & { type: 'number'; string: true } {
  return { ...spec, type: 'number', string: true };
}

/** The options declared with decimalOption, by long name: every other number option is a whole number. */
export const DECIMAL_OPTIONS: ReadonlySet<string> = new Set(['precision', 'level']);

/** Decimal digits with at most one point, as a decimalOption takes them. */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A decimalOption's text as a finite number, or undefined for anything else (`0x1`, `1e0`, `+1`, ` 1`, `NaN`). */
export function decimalText(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export const commonRunOptions = {
  replications: wholeNumberOption({ alias: 'r', describe: 'replications (overrides the scenario)' }),
  seed: wholeNumberOption({ alias: 's', describe: 'master seed (overrides the scenario)' }),
  out: { type: 'string', default: 'output', describe: 'output root: results go to <out>/<scenario name>/<run key>/' },
  workers: wholeNumberOption({ alias: 'w', describe: 'threads computing replications, the main one included (default: all cores); results are identical for any count' }),
  set: { type: 'string', array: true, describe: 'override a scenario field: --set parameters.takeover_vendor=0.9' },
  quiet: { type: 'boolean', default: false, describe: 'no progress bar' },
  charts: { type: 'boolean', default: true, describe: 'write charts, report.html and report.md (--no-charts to skip)' },
  png: { type: 'boolean', default: true, describe: 'draw each chart as a PNG beside its SVG (--no-png: SVG charts only, which report.md then shows; drawing the PNGs takes most of a small run\'s report time)' },
  lang: { type: 'string', choices: ['en', 'id'], default: 'en', describe: 'language of the report: en (English) or id (Bahasa Indonesia)' },
} as const satisfies Record<string, Options>;

/** `--lang` of a command that also words its terminal table in the language (run, compare, sweep), in the same place in --help. */
export const langWithTerminalTable = { ...commonRunOptions.lang, describe: 'language of the report and of the terminal table: en (English) or id (Bahasa Indonesia)' } as const;

/**
 * A wholeNumberOption's value in a command's arguments: the number when the
 * user wrote decimal digits; otherwise the text as written (`0x3`, `1.5`,
 * `abc`), which the option's own check refuses, naming its range, before
 * any work (readWholeNumbers).
 */
export type WholeNumberArg = number | string;

/** What a refusal of a whole-number option says it found: the number or text as written (quoted when it has spaces), `not a number` for text that reads as none. */
export function foundText(value: WholeNumberArg): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'not a number' : String(value);
  if (value.trim() === '') return 'no value';
  if (Number.isNaN(Number(value))) return 'not a number';
  return /\s/.test(value) ? JSON.stringify(value) : value;
}

/**
 * A number option's value when it is a number `accepts` takes; else one
 * line naming the option, what it takes and what was found (exit code 2).
 * Text arrives for what the user wrote that reads as no number of its kind
 * (readWholeNumbers): refused whatever `accepts` says.
 */
export function checkNumber(option: string, value: WholeNumberArg, expected: string, accepts: (n: number) => boolean): number {
  if (typeof value === 'string' || !accepts(value)) throw optionError(option, expected, foundText(value));
  return value;
}

/** Whole numbers from `least` to `most` (no bound above by default), for checkNumber. */
export function wholeFrom(least: number, most = Number.POSITIVE_INFINITY): (n: number) => boolean {
  return (n) => Number.isInteger(n) && n >= least && n <= most;
}

/** The arguments every command that runs replications takes (commonRunOptions). */
export interface CommonRunArgs {
  charts: boolean;
  png: boolean;
  replications?: WholeNumberArg;
  seed?: WholeNumberArg;
  out: string;
  workers?: WholeNumberArg;
  set?: string[];
  quiet: boolean;
  lang: Lang;
}

/** The commands whose options include shardOptions' --resume (sensitivity takes sweep's options). */
export const RESUMABLE_COMMANDS: ReadonlySet<string> = new Set(['run', 'compare', 'sweep', 'sensitivity']);

/** Sharding and resuming, for run, compare, sweep and sensitivity; `unit` names what is sharded. */
export function shardOptions(unit: string) {
  return {
    shard: { type: 'string', describe: `run only ${unit} with index % n == i: --shard i/n` },
    'shard-count': wholeNumberOption({
      describe: 'n, with i from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX',
    }),
    resume: { type: 'boolean', default: false, describe: 'continue an interrupted run from what it wrote' },
  } as const satisfies Record<string, Options>;
}

export interface ShardArgs {
  shard?: string;
  'shard-count'?: WholeNumberArg;
  resume: boolean;
}

/** The most worker threads a run may ask for. */
export const MAX_WORKERS = 256;

export function workersOption(value: WholeNumberArg | undefined): number {
  if (value === undefined) return Math.max(1, os.availableParallelism());
  return checkNumber('--workers', value, `a whole number from 1 to ${MAX_WORKERS}`, wholeFrom(1, MAX_WORKERS));
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
  /** The options yargs keeps as text (wholeNumberOption's among them). */
  readonly string: readonly string[];
  /** The options --help shows as numbers: with `string`, a wholeNumberOption. */
  readonly number: readonly string[];
  /** The flags (`--quiet`, `--charts`, `--help`): they take no value. */
  readonly boolean: readonly string[];
  /** Counting flags (`-vvv`), if any: no value either. */
  readonly count: readonly string[];
  /** Each option's fixed list of values (`--lang`: en, id), by its declared name. */
  readonly choices?: Readonly<Record<string, readonly unknown[]>>;
}

/**
 * A value outside an option's fixed list (`--lang fr`, sensitivity's
 * `--method x`), refused as any other bad option value is: "command line:
 * Invalid value for --lang (expected "en" or "id", found "fr")", one line
 * per option, each value as JSON (`--no-lang`, which reaches here as false,
 * as typed). program.ts runs this before yargs's own check of the choices,
 * whose refusal is in yargs's words ("Invalid values: Argument: lang, ..."):
 * the line is difusi's, whatever yargs's wording or language. As yargs's
 * check, the options in the order of `argv`, the values not in the list
 * (those given twice among them, `--lang fr --lang id`), none undefined.
 */
export function checkChoices(argv: Readonly<Record<string, unknown>>, options: Pick<DeclaredOptions, 'choices'>): void {
  const choices = options.choices ?? {};
  const issues: ScenarioIssue[] = [];
  for (const key of Object.keys(argv)) {
    if (key === '$0' || key === '--' || key === '_' || !Object.hasOwn(choices, key)) continue;
    const allowed = choices[key]!;
    const outside = ([] as unknown[]).concat(argv[key]).filter((v) => v !== undefined && !allowed.includes(v));
    if (outside.length === 0) continue;
    const listed = allowed.map((c) => JSON.stringify(c));
    const expected = listed.length === 2 ? listed.join(' or ') : `one of ${listed.join(', ')}`;
    const found = outside.map((v) => (v === false ? `--no-${key}` : JSON.stringify(v))).join(', ');
    issues.push(makeIssue('invalid_option', [key.length === 1 ? `-${key}` : `--${key}`], { file: 'command line' }, { expected, found }));
  }
  if (issues.length > 0) throw new UserError(issues);
}

/**
 * An option that takes a value, given as the last word or followed by
 * another option (`--out`, `-r --quiet`, `-qr`), or glued to flags after it
 * (`-rq`), is refused in one line:
 * yargs would silently use its default (`--out` alone writes to `output`,
 * `--port` alone serves on any port) or an empty text. A negative number
 * (`-r -1`) is a value, refused by the option's own check. Only the words
 * before `--` are read; an unknown name is left to yargs (strict mode); a
 * list with no value is its command's to refuse (`--outcomes`, `--set`).
 */
export function checkMissingValues(words: readonly string[], options: DeclaredOptions): void {
  // A list (`--set`, `--outcomes`) given no value arrives empty, and its command refuses that in its own words.
  const skip = new Set([...options.boolean, ...options.count, ...options.array]);
  const takesValue = (name: string) => Object.hasOwn(options.key, name) && !skip.has(name);
  // The long name the user's short one stands for (`-r`: --replications).
  const refuse = (name: string): never => {
    const full = Object.keys(options.alias).find((k) => options.alias[k]!.includes(name)) ?? name;
    throw optionError(full.length === 1 ? `-${full}` : `--${full}`, 'a value', 'no value');
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') break;
    const long = /^--([A-Za-z][\w-]*)$/.exec(word);
    // `-r`, or a group of short flags ending in one that takes a value (`-qr`).
    const short = long === null ? /^-[A-Za-z]*([A-Za-z])$/.exec(word) : null;
    // A group with a letter that takes a value before another letter (`-rq`): yargs gives it no value
    // (its default, or an empty text) and reads the rest as flags. A letter followed by its value
    // (`-r3`, `-r=3`, `-qr3`) is not this.
    const glued = long === null ? /^-[A-Za-z]+/.exec(word) : null;
    if (glued !== null) {
      for (let j = 1; j < glued[0].length - 1; j++) if (takesValue(word[j]!)) refuse(word[j]!);
    }
    const name = long?.[1] ?? short?.[1];
    if (name === undefined || !takesValue(name)) continue;
    const next = words[i + 1];
    if (next !== undefined && (!next.startsWith('-') || /^-\d/.test(next))) continue;
    refuse(name);
  }
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
    // A number option's values are its text (wholeNumberOption, decimalOption): shown as the numbers they
    // are; a value that is not one is refused first, as the option given once refuses it (`-r 1.5 -r 2`:
    // 1.5 is not a whole number), rather than listed beside numbers as if it were one.
    if (options.number.includes(key)) {
      const decimal = DECIMAL_OPTIONS.has(key);
      const read = (v: unknown) => (typeof v === 'number' ? v : typeof v !== 'string' ? undefined : decimal ? decimalText(v) : /^\d+$/.test(v) ? Number(v) : undefined);
      const bad = value.find((v) => read(v) === undefined);
      if (bad !== undefined) throw optionError(`--${key}`, decimal ? 'a decimal number' : 'a whole number', typeof bad === 'string' ? foundText(bad) : String(bad));
      throw UserError.of('option_repeated', [name, value.length], { file: 'command line' }, { found: value.map((v) => String(read(v))).join(', ') });
    }
    throw UserError.of('option_repeated', [name, value.length], { file: 'command line' }, { found: value.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ') });
  }
}

/**
 * Every wholeNumberOption given on the command line, read from its text as
 * written: decimal digits (`20`, `007`) become the number, set in `argv`
 * under its aliases too; any other text (`0x3`, `3e0`, `0b11`, `1.0`, `+3`,
 * ` 3`, `-1`) stays text, which the command's own check of the option
 * refuses in one line naming its range (WholeNumberArg). A decimalOption
 * (DECIMAL_OPTIONS) is read alike, its digits with at most one point
 * (`0.05`). `--no-port` and the like are refused here. A default (a number
 * already) is left as it is. Run after checkMissingValues and
 * checkRepeatedOptions: a value is never a list.
 */
export function readWholeNumbers(argv: Record<string, unknown>, options: DeclaredOptions): void {
  const aliases = new Set(Object.values(options.alias).flat());
  const texts = new Set(options.string);
  for (const key of options.number) {
    if (aliases.has(key) || !texts.has(key)) continue;
    const value = argv[key];
    if (value === undefined || typeof value === 'number') continue;
    const decimal = DECIMAL_OPTIONS.has(key);
    if (typeof value !== 'string') throw optionError(`--${key}`, decimal ? 'a number' : 'a whole number', value === false ? `--no-${key}` : String(value));
    // Beyond a safe integer the text stays text, so the option's own check refuses it as written (not as 1e+23).
    const number = decimal ? decimalText(value) : /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : undefined;
    if (number === undefined) continue;
    for (const k of [key, ...(options.alias[key] ?? [])]) argv[k] = number;
  }
}

/**
 * The checks of a parsed command line that need yargs' view of the command's
 * options (program.ts runs them as a yargs check, which is middleware: the argv
 * it is given is the one the command's handler gets): an option with no
 * value, one given twice, then each whole-number option's digits read as
 * its number.
 */
export function checkCommandLine(words: readonly string[], argv: Record<string, unknown>, options: DeclaredOptions): void {
  checkMissingValues(words, options);
  checkRepeatedOptions(argv, options);
  readWholeNumbers(argv, options);
}

/** The largest master seed a scenario takes (its schema's bound). */
const MAX_SEED = 4294967295;

/** The commands that take `--seed` / `-s`. */
const SEED_COMMANDS = new Set(['run', 'validate', 'compare', 'sweep', 'sensitivity', 'national', 'national-compare']);

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
export function checkCountOptions(args: { replications?: WholeNumberArg; seed?: WholeNumberArg; outcomes?: readonly string[] }): { replications?: number; seed?: number } {
  const { outcomes } = args;
  // `--outcomes` given with no value arrives as an empty list: refused, since a job with no
  // outcome writes tables with no figure in them and looks like a success.
  if (outcomes !== undefined && outcomes.length === 0) {
    throw optionError('--outcomes', 'at least one outcome name, e.g. --outcomes live_share', 'no value');
  }
  const replications = args.replications === undefined ? undefined : checkNumber('--replications', args.replications, 'a whole number of at least 1', wholeFrom(1, Number.MAX_SAFE_INTEGER));
  // Over the limit: refused here, as the option the user wrote, by every command that takes -r; a scenario's
  // reader (store/scenario-file.ts) then sees a count over it only from a `--set replications=N` and says so.
  checkReplicationsLimit(replications);
  const seed = args.seed === undefined ? undefined : checkNumber('--seed', args.seed, `a whole number from 0 to ${MAX_SEED}`, wholeFrom(0, MAX_SEED));
  return { ...(replications !== undefined && { replications }), ...(seed !== undefined && { seed }) };
}

/**
 * The -r of every command that takes it (checkCountOptions): at most
 * MAX_REPLICATIONS, refused as `command line --replications` before any
 * work (-r 1000000000 ran out of memory after seconds, a lock left). Once
 * checked in the scenario's reader, which could not tell -r from a
 * `--set replications=N` (both arrive as the override `replications`) and
 * named --replications for either.
 */
export function checkReplicationsLimit(replications: number | undefined): void {
  if (replications === undefined || replications <= MAX_REPLICATIONS) return;
  throw new UserError([
    makeIssue('too_many', ['replications', MAX_REPLICATIONS.toLocaleString('en-US')], { file: 'command line --replications', path: ['replications'] }, { found: String(replications) }),
  ]);
}

/**
 * The scenario overrides of a command line: each `--set path=value`, then
 * `-r` and `-s` as the fields `replications` and `seed`. A `--set seed=N`
 * beside `-s`, or `--set replications=N` beside `-r` or `--precision`
 * (which finds the count), would change nothing: refused in one line
 * naming what wins (scenario/apply-overrides.ts, refuseShadowedSet), as
 * compare, sweep and sensitivity refuse it. `apart`: a count the command
 * takes apart from the overrides (national's `-r`), checked the same way.
 */
export function overridesFrom(
  args: { replications?: WholeNumberArg; seed?: WholeNumberArg; set?: string[]; precision?: unknown },
  apart: { replications?: WholeNumberArg } = {},
): Record<string, unknown> {
  const { replications, seed } = checkCountOptions(args);
  // `--set` with no value arrives as an empty list: refused, as it would change nothing.
  if (args.set !== undefined && args.set.length === 0) throw optionError('--set', 'path=value, e.g. --set parameters.takeover_vendor=0.9', 'no value');
  // Keys are user paths: a map without a prototype, so no key can reach Object.prototype.
  const overrides: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  // Each path once: a repeated path kept its first place with its last value, so `leaders[0]=null` twice removed one leader.
  const given = new Map<string, string>();
  for (const text of args.set ?? []) {
    const [path, value] = parseOverride(text);
    const key = overridePathKey(path);
    const earlier = given.get(key);
    if (earlier !== undefined) throw UserError.of('command_set_repeated', [path, formatFound(overrides[earlier]), formatFound(value), overrides[earlier] === null && value === null], { file: 'command line' });
    given.set(key, path);
    overrides[path] = value;
  }
  refuseShadowedSet(Object.keys(overrides), {
    seed: args.seed === undefined ? undefined : optionDecides('seed'),
    replications:
      args.precision !== undefined
        ? { winner: '--precision', hint: 'it decides how many replications run (at most --max-replications); give only one of the two' }
        : args.replications !== undefined || apart.replications !== undefined
          ? optionDecides('replications')
          : undefined,
  });
  if (replications !== undefined) overrides['replications'] = replications;
  if (seed !== undefined) overrides['seed'] = seed;
  return overrides;
}

/** The schedulers' array index variables --shard-count reads, first the one that wins (all must agree). */
const SCHEDULER_INDEX = ['SLURM_ARRAY_TASK_ID', 'JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

/**
 * `--shard i/n`, or the array index of a scheduler (Slurm, Kubernetes
 * Indexed Job, AWS Batch) with n given by `--shard-count` (n is always explicit).
 */
export function shardOption(shard: string | undefined, given: WholeNumberArg | undefined): Shard | undefined {
  const count = shardCountOption(given);
  if (shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(shard);
    if (!m) throw optionError('--shard', 'i/n with 0 <= i < n, e.g. 2/7', shard);
    const index = Number(m[1]);
    const n = Number(m[2]);
    if (n < 1 || index >= n || !Number.isSafeInteger(n)) throw optionError('--shard', 'i/n with 0 <= i < n, e.g. 2/7', shard);
    // Both given: they must agree, or the user meant another split than the one that would run.
    if (count !== undefined && count !== n) throw optionError('--shard-count', `${n}, as in --shard ${shard} (or only one of the two)`, String(count));
    return { index, count: n };
  }
  const env = process.env;
  const fromScheduler = env['SLURM_ARRAY_TASK_ID'] ?? env['JOB_COMPLETION_INDEX'] ?? env['AWS_BATCH_JOB_ARRAY_INDEX'];
  if (count !== undefined) {
    // Two schedulers' variables (a Slurm job's environment passed into a Kubernetes pod, a leftover export) that
    // disagree: which is this job's index cannot be told, and Slurm's silently won. The same index from both is fine.
    const set = SCHEDULER_INDEX.filter((name) => env[name] !== undefined);
    if (new Set(set.map((name) => env[name]!.trim())).size > 1) {
      throw UserError.of('scheduler_index_disagree', [set.map((name) => `${name}=${env[name]}`).join(', ')], { file: 'command line' });
    }
    if (fromScheduler === undefined)
      throw optionError('--shard-count', 'a scheduler index (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX) in the environment', 'none');
    const index = /^\d+$/.test(fromScheduler.trim()) ? Number(fromScheduler.trim()) : NaN;
    if (!Number.isInteger(index) || index < 0 || index >= count)
      throw optionError('--shard-count', `a scheduler index in [0, ${count})`, fromScheduler);
    return { index, count };
  }
  return undefined;
}

/** `--shard-count n`, for sharding and for merging shards: a whole number n >= 1. */
export function shardCountOption(count: WholeNumberArg | undefined): number | undefined {
  if (count === undefined) return undefined;
  return checkNumber('--shard-count', count, 'a whole number n >= 1', wholeFrom(1));
}

/** `--detail N`: how many replications record agents.csv and events.csv. */
export function detailOption(value: WholeNumberArg | undefined): number | undefined {
  if (value === undefined) return undefined;
  return checkNumber('--detail', value, 'a whole number >= 0', wholeFrom(0));
}

export function optionError(option: string, expected: string, found: string): UserError {
  return UserError.of('invalid_option', [option], { file: 'command line' }, { expected, found });
}
