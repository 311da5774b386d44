/**
 * Reads a result folder (docs/OUTPUTS.md) into typed rows for the report.
 *
 *   <dir>/manifest.json            required
 *   <dir>/summary.csv              run charts (adoption, stages, Callon, learning, exits)
 *   <dir>/outcomes.csv             outcome tables
 *   <dir>/agents.csv               Rogers categories, eligible counts
 *   <dir>/events.csv               Kaplan-Meier survival
 *   <dir>/compare.csv              comparison: forest plot and table
 *   <dir>/<arm folder>/summary.csv comparison: the arms' curves (folders from the
 *                                  manifest's arms[], else arms.csv, else
 *                                  [arms/|variants/]<variant>/summary.csv)
 *   <dir>/sweep_summary.csv        sweep: table and heat map, one row per design point
 *   <dir>/sweep.csv                (the same from every replication, for folders without the summary)
 *   <dir>/morris.csv, sobol.csv    sensitivity
 *
 * Every file but the manifest is optional: the report builds what the files
 * allow. A missing folder or manifest, a CSV without a required column, or a
 * cell that is not a number where one is expected throws an Error whose
 * message names the folder, the file and (for cells) the line and column.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { OutcomeTally } from '../experiment/outcome-table.js';
import { checkResultFolder } from './results-check.js';
import { PARAMETER_BY_NAME } from '../scenario/parameters.js';
import {
  CATEGORIES,
  OUTCOMES,
  type AgentRow,
  type ArmSummaryRow,
  type Category,
  type CompareRow,
  type EventRow,
  type MorrisRow,
  type Outcome,
  type OutcomeRow,
  type ResultKind,
  type ResultManifest,
  type ResultSet,
  type SobolRow,
  type SummaryRow,
  type SweepRow,
  type SweepTable,
} from '../report/rows.js';

/** File names of a result folder. */
export const RESULT_FILES = {
  manifest: 'manifest.json',
  summary: 'summary.csv',
  outcomes: 'outcomes.csv',
  agents: 'agents.csv',
  events: 'events.csv',
  compare: 'compare.csv',
  arms: 'arms.csv',
  sweep: 'sweep.csv',
  sweepSummary: 'sweep_summary.csv',
  morris: 'morris.csv',
  sobol: 'sobol.csv',
} as const;

const KINDS: readonly ResultKind[] = ['run', 'compare', 'sweep', 'sensitivity'];

/** An error about one file of a result folder. */
function fail(dir: string, file: string, what: string): Error {
  return new Error(`result folder ${dir}: ${file}: ${what}`);
}

/** One CSV record with its line number, and typed getters that report the cell on failure. */
class Cells {
  constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly line: number,
    private readonly record: Readonly<Record<string, string>>,
  ) {}

  private where(column: string, what: string): Error {
    return fail(this.dir, this.file, `line ${this.line}, column "${column}": ${what}`);
  }
  raw(column: string): string {
    return this.record[column] ?? '';
  }
  str(column: string): string {
    const v = this.raw(column);
    if (v === '') throw this.where(column, 'expected a value, found an empty cell');
    return v;
  }
  optStr(column: string): string | null {
    const v = this.raw(column);
    return v === '' ? null : v;
  }
  optNum(column: string): number | null {
    const v = this.raw(column).trim();
    if (v === '') return null;
    if (v === 'NaN' || v === 'nan') return null;
    const n = Number(v);
    if (Number.isNaN(n)) throw this.where(column, `expected a number, found "${v}"`);
    return n;
  }
  num(column: string): number {
    const n = this.optNum(column);
    if (n === null) throw this.where(column, 'expected a number, found an empty cell');
    return n;
  }
  int(column: string): number {
    const n = this.num(column);
    if (!Number.isInteger(n)) throw this.where(column, `expected an integer, found "${this.raw(column)}"`);
    return n;
  }
  optBool(column: string): boolean | null {
    const v = this.raw(column).trim().toLowerCase();
    if (v === '') return null;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw this.where(column, `expected true/false or 1/0, found "${this.raw(column)}"`);
  }
  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const v = this.str(column);
    if (!(allowed as readonly string[]).includes(v)) throw this.where(column, `expected one of ${allowed.join(', ')}, found "${v}"`);
    return v as T;
  }
  optOneOf<T extends string>(column: string, allowed: readonly T[]): T | null {
    return this.raw(column) === '' ? null : this.oneOf(column, allowed);
  }
}

interface CsvTable {
  readonly columns: readonly string[];
  readonly records: readonly Cells[];
}

type CsvRecord = { record: Record<string, string>; info: { lines: number } };

/**
 * The csv-parse options of every result file (header row, BOM, empty lines
 * skipped, line numbers for messages) and the header it saw.
 */
function csvOptions() {
  const header = { columns: [] as string[] };
  const options = {
    bom: true,
    skip_empty_lines: true,
    info: true,
    columns: (names: string[]) => {
      header.columns = names.map((h) => h.trim());
      return header.columns;
    },
  };
  return { options, header };
}

/** The header must exist and hold every `required` column. */
function checkColumns(columns: readonly string[], required: readonly string[], dir: string, file: string): void {
  if (columns.length === 0) throw fail(dir, file, 'empty file (no header line)');
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw fail(dir, file, `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
}

/** Parses CSV text with a header, checking that `required` columns exist. */
export function parseCsv(text: string, dir: string, file: string, required: readonly string[]): CsvTable {
  const { options, header } = csvOptions();
  let parsed: CsvRecord[];
  try {
    parsed = parse(text, options) as CsvRecord[];
  } catch (e) {
    throw fail(dir, file, `not valid CSV: ${(e as Error).message}`);
  }
  checkColumns(header.columns, required, dir, file);
  return { columns: header.columns, records: parsed.map((p) => new Cells(dir, file, p.info.lines, p.record)) };
}

/**
 * Streams a CSV file with a header record by record, with the checks of
 * `parseCsv`; `onRecord` sees each record once. False when the file is absent.
 */
async function streamCsv(dir: string, file: string, required: readonly string[], onRecord: (c: Cells) => void): Promise<boolean> {
  const path = join(dir, file);
  if (!(await exists(path))) return false;
  const { options, header } = csvOptions();
  const source = createReadStream(path);
  const parser = parseStream(options);
  // `pipe` does not pass a read error on: hand it to the parser, so that the
  // loop below throws it instead of an unhandled 'error' event.
  let readError: Error | undefined;
  source.on('error', (e) => {
    readError = e;
    parser.destroy(e);
  });
  source.pipe(parser);
  let checked = false;
  let ours: unknown;
  try {
    for await (const next of parser as AsyncIterable<CsvRecord>) {
      try {
        if (!checked) {
          checkColumns(header.columns, required, dir, file);
          checked = true;
        }
        onRecord(new Cells(dir, file, next.info.lines, next.record));
      } catch (e) {
        ours = e;
        throw e;
      }
    }
  } catch (e) {
    if (e === ours) throw e;
    if (readError !== undefined) throw fail(dir, file, `cannot read: ${readError.message}`);
    throw fail(dir, file, `not valid CSV: ${(e as Error).message}`);
  } finally {
    // Leaving the loop early (a bad cell) must not leave the file open.
    source.destroy();
    parser.destroy();
  }
  if (!checked) checkColumns(header.columns, required, dir, file);
  return true;
}

/** Whether a file or folder exists at `path`. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function readOptional(dir: string, file: string): Promise<string | null> {
  const path = join(dir, file);
  if (!(await exists(path))) return null;
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw fail(dir, file, `cannot read: ${(e as Error).message}`);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks manifest.json. */
export async function readManifest(dir: string): Promise<ResultManifest> {
  const text = await readOptional(dir, RESULT_FILES.manifest);
  if (text === null) throw fail(dir, RESULT_FILES.manifest, 'not found (is this a difusi result folder?)');
  return parseManifest(text, dir);
}

/** Checks manifest JSON text; absent optional fields get neutral values. */
export function parseManifest(text: string, dir: string): ResultManifest {
  const file = RESULT_FILES.manifest;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw fail(dir, file, `not valid JSON: ${(e as Error).message}`);
  }
  if (!isObj(raw)) throw fail(dir, file, 'expected a JSON object');
  const kind = raw['kind'] ?? 'run';
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    throw fail(dir, file, `"kind": expected one of ${KINDS.join(', ')}, found ${JSON.stringify(kind)}`);
  }
  const scenario = raw['scenario'];
  if (!isObj(scenario)) throw fail(dir, file, '"scenario": expected an object');
  const s = (o: Obj, k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');
  const n = (k: string): number | null => (typeof raw[k] === 'number' ? (raw[k] as number) : null);
  const tool = isObj(raw['tool']) ? raw['tool'] : {};
  const shard = isObj(raw['shard']) && typeof raw['shard']['index'] === 'number' && typeof raw['shard']['count'] === 'number'
    ? { index: raw['shard']['index'] as number, count: raw['shard']['count'] as number }
    : null;
  const files = Array.isArray(raw['files']) ? raw['files'].filter((f): f is string => typeof f === 'string') : [];
  return {
    tool: { name: s(tool, 'name'), version: s(tool, 'version') },
    kind: kind as ResultKind,
    scenario: { name: s(scenario, 'name'), hash: s(scenario, 'hash'), file: s(scenario, 'file'), info: s(scenario, 'info'), resolved: scenario['resolved'] ?? null },
    seed: n('seed'),
    replications: n('replications'),
    detail_replications: n('detail_replications'),
    command: typeof raw['command'] === 'string' ? raw['command'] : '',
    shard,
    timings: raw['timings'] ?? null,
    files,
    raw,
  };
}

const SUMMARY_COLUMNS = ['month', 'date', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'p05', 'p25', 'p50', 'p75', 'p95'] as const;

function summaryRow(c: Cells): SummaryRow {
  return {
    month: c.int('month'),
    date: c.raw('date'),
    metric: c.str('metric'),
    n: c.num('n'),
    mean: c.num('mean'),
    sd: c.optNum('sd'),
    ci_low: c.optNum('ci_low'),
    ci_high: c.optNum('ci_high'),
    p05: c.optNum('p05'),
    p25: c.optNum('p25'),
    p50: c.optNum('p50'),
    p75: c.optNum('p75'),
    p95: c.optNum('p95'),
  };
}

export function parseSummary(text: string, dir: string, file: string = RESULT_FILES.summary): SummaryRow[] {
  return parseCsv(text, dir, file, SUMMARY_COLUMNS).records.map(summaryRow);
}

/**
 * outcomes.csv of a result folder, summarized row by row as it streams in
 * (constant memory whatever the number of replications); null when absent.
 */
export async function readOutcomeTally(dir: string): Promise<OutcomeTally | null> {
  const tally = new OutcomeTally();
  const found = await streamCsv(dir, RESULT_FILES.outcomes, ['replication', 'innovation', 'outcome'], (c) => tally.add(outcomeRow(c)));
  return found ? tally : null;
}

function outcomeRow(c: Cells): OutcomeRow {
  return {
    replication: c.int('replication'),
    innovation: c.str('innovation'),
    outcome: c.oneOf<Outcome>('outcome', OUTCOMES),
    peak_live: c.optNum('peak_live'),
    live_end: c.optNum('live_end'),
    first_adoption_month: c.optNum('first_adoption_month'),
    last_discontinuation_month: c.optNum('last_discontinuation_month'),
    main_cause: c.optStr('main_cause'),
    heeks_success: c.optNum('heeks_success'),
    heeks_partial: c.optNum('heeks_partial'),
    heeks_failure: c.optNum('heeks_failure'),
    heeks_replaced: c.optNum('heeks_replaced'),
  };
}

export function parseAgents(text: string, dir: string): AgentRow[] {
  const t = parseCsv(text, dir, RESULT_FILES.agents, ['replication', 'opd', 'first_adoption_month']);
  return t.records.map((c) => ({
    replication: c.int('replication'),
    opd: c.str('opd'),
    type: c.raw('type'),
    theta: c.optNum('theta'),
    category: c.optOneOf<Category>('category', CATEGORIES),
    capacity: c.optNum('capacity'),
    champion: c.optBool('champion'),
    first_adoption_month: c.optNum('first_adoption_month'),
    realized_category: c.optOneOf<Category>('realized_category', CATEGORIES),
  }));
}

export function parseEvents(text: string, dir: string): EventRow[] {
  const t = parseCsv(text, dir, RESULT_FILES.events, ['replication', 'month', 'kind']);
  return t.records.map((c) => ({
    replication: c.int('replication'),
    month: c.int('month'),
    date: c.raw('date'),
    kind: c.str('kind'),
    opd: c.optStr('opd'),
    innovation: c.optStr('innovation'),
    loop: c.optStr('loop'),
    cause: c.optStr('cause'),
  }));
}

export function parseCompare(text: string, dir: string): CompareRow[] {
  const t = parseCsv(text, dir, RESULT_FILES.compare, ['outcome', 'variant', 'diff_mean']);
  return t.records.map((c) => ({
    outcome: c.str('outcome'),
    variant: c.str('variant'),
    n: c.optNum('n') ?? 0,
    base_mean: c.num('base_mean'),
    base_ci_low: c.optNum('base_ci_low'),
    base_ci_high: c.optNum('base_ci_high'),
    variant_mean: c.num('variant_mean'),
    variant_ci_low: c.optNum('variant_ci_low'),
    variant_ci_high: c.optNum('variant_ci_high'),
    diff_mean: c.num('diff_mean'),
    diff_ci_low: c.optNum('diff_ci_low'),
    diff_ci_high: c.optNum('diff_ci_high'),
    relative_change: c.optNum('relative_change'),
    correlation: c.optNum('correlation'),
    level: c.optNum('level'),
  }));
}

export function parseMorris(text: string, dir: string): MorrisRow[] {
  const t = parseCsv(text, dir, RESULT_FILES.morris, ['parameter', 'outcome', 'mu_star', 'sigma']);
  return t.records.map((c) => ({ parameter: c.str('parameter'), outcome: c.str('outcome'), mu: c.optNum('mu'), mu_star: c.num('mu_star'), sigma: c.num('sigma') }));
}

export function parseSobol(text: string, dir: string): SobolRow[] {
  const t = parseCsv(text, dir, RESULT_FILES.sobol, ['parameter', 'outcome', 'S1', 'ST']);
  return t.records.map((c) => ({
    parameter: c.str('parameter'),
    outcome: c.str('outcome'),
    S1: c.num('S1'),
    S1_low: c.optNum('S1_low'),
    S1_high: c.optNum('S1_high'),
    ST: c.num('ST'),
    ST_low: c.optNum('ST_low'),
    ST_high: c.optNum('ST_high'),
  }));
}

/**
 * Parses sweep.csv (`point,replication,<parameter columns>,<outcome columns>`).
 * Parameter columns are the design's factors when the manifest lists them
 * (`design.factors[].name`, scenario paths), else the schema's parameter
 * names (optionally prefixed `parameters.`), else the columns constant
 * within every design point.
 */
export function parseSweep(text: string, dir: string, factors: readonly string[] = []): SweepTable {
  const t = parseCsv(text, dir, RESULT_FILES.sweep, ['point', 'replication', ...factors]);
  const valueColumns = t.columns.filter((c) => c !== 'point' && c !== 'replication');
  const rows: SweepRow[] = t.records.map((c) => ({
    point: c.int('point'),
    replication: c.int('replication'),
    values: Object.fromEntries(valueColumns.map((col) => [col, c.optNum(col)])),
  }));
  if (factors.length > 0) return { parameters: [...factors], outcomes: valueColumns.filter((c) => !factors.includes(c)), rows };
  let parameters = valueColumns.filter((col) => PARAMETER_BY_NAME.has(col.replace(/^parameters\./, '')));
  if (parameters.length === 0) {
    const byPoint = new Map<number, SweepRow[]>();
    for (const r of rows) byPoint.set(r.point, [...(byPoint.get(r.point) ?? []), r]);
    parameters = valueColumns.filter((col) => [...byPoint.values()].every((g) => new Set(g.map((r) => r.values[col])).size === 1));
  }
  return { parameters, outcomes: valueColumns.filter((c) => !parameters.includes(c)), rows };
}

/**
 * A design run's table for the report: sweep_summary.csv (one row per design
 * point, with its replication count `n`), which stays small however many
 * replications ran; else sweep.csv (one row per replication). Null when
 * neither exists.
 */
async function readSweep(dir: string, manifest: ResultManifest): Promise<SweepTable | null> {
  const summary = await readOptional(dir, RESULT_FILES.sweepSummary);
  if (summary !== null) return parseSweepSummary(summary, dir);
  const sweep = await readOptional(dir, RESULT_FILES.sweep);
  return sweep === null ? null : parseSweep(sweep, dir, manifestFactors(manifest.raw));
}

/** sweep_summary.csv: `point, <factors>, n, <outcome>_mean, _ci_low, _ci_high`. */
export function parseSweepSummary(text: string, dir: string): SweepTable {
  const t = parseCsv(text, dir, RESULT_FILES.sweepSummary, ['point', 'n']);
  const parameters = t.columns.slice(1, t.columns.indexOf('n'));
  const outcomes = t.columns.filter((c) => c.endsWith('_mean')).map((c) => c.slice(0, -'_mean'.length));
  const rows: SweepRow[] = t.records.map((c) => ({
    point: c.int('point'),
    replication: -1,
    n: c.int('n'),
    values: Object.fromEntries([...parameters.map((p) => [p, c.optNum(p)]), ...outcomes.map((o) => [o, c.optNum(`${o}_mean`)])]),
  }));
  return { parameters, outcomes, rows };
}

/** The arms a comparison's manifest lists (`arms[].name`, `arms[].folder`), base first. */
function manifestArms(raw: unknown): { name: string; folder: string }[] {
  const arms = isObj(raw) && Array.isArray(raw['arms']) ? raw['arms'] : [];
  return arms.flatMap((a) =>
    isObj(a) && typeof a['name'] === 'string' ? [{ name: a['name'], folder: typeof a['folder'] === 'string' ? a['folder'] : join('arms', a['name']) }] : [],
  );
}

/** The design factors a sweep's manifest lists (`design.factors[].name`). */
function manifestFactors(raw: unknown): string[] {
  const design = isObj(raw) && isObj(raw['design']) ? raw['design'] : {};
  const factors = Array.isArray(design['factors']) ? design['factors'] : [];
  return factors.flatMap((f) => (isObj(f) && typeof f['name'] === 'string' ? [f['name']] : typeof f === 'string' ? [f] : []));
}

/**
 * Summary files of the arms: the manifest's arms (`<folder>/summary.csv`,
 * in its order), else arms.csv, else <variant>/summary.csv in the folder,
 * arms/ or variants/.
 */
async function readArms(dir: string, manifest: ResultManifest): Promise<ArmSummaryRow[]> {
  const listed = manifestArms(manifest.raw);
  if (listed.length > 0) {
    const out: ArmSummaryRow[] = [];
    for (const arm of listed) {
      const file = join(arm.folder, RESULT_FILES.summary);
      const text = await readOptional(dir, file);
      if (text !== null) for (const r of parseSummary(text, dir, file)) out.push({ ...r, variant: arm.name });
    }
    return out;
  }
  const armsCsv = await readOptional(dir, RESULT_FILES.arms);
  if (armsCsv !== null) {
    const t = parseCsv(armsCsv, dir, RESULT_FILES.arms, ['variant', ...SUMMARY_COLUMNS]);
    return t.records.map((c) => ({ ...summaryRow(c), variant: c.str('variant') }));
  }
  const out: ArmSummaryRow[] = [];
  for (const parent of ['', 'arms', 'variants']) {
    const base = join(dir, parent);
    let entries: string[];
    try {
      entries = (await readdir(base, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    } catch {
      continue;
    }
    for (const variant of entries) {
      if (parent === '' && (variant === 'arms' || variant === 'variants' || variant === 'charts' || variant.startsWith('.'))) continue;
      const file = join(parent, variant, RESULT_FILES.summary);
      const text = await readOptional(dir, file);
      if (text === null) continue;
      for (const r of parseSummary(text, dir, file)) out.push({ ...r, variant });
    }
  }
  return out;
}

/** Reads a result folder into rows. Throws an Error naming the folder and file on any problem. */
export async function readResults(dir: string): Promise<ResultSet> {
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new Error(`result folder ${dir}: not found or not a folder`);
  const manifest = await readManifest(dir);
  await checkResultFolder(dir, manifest.raw);
  const text = (file: string) => readOptional(dir, file);
  const [summary, outcomes, agents, events, compare, sweep, morris, sobol] = await Promise.all([
    text(RESULT_FILES.summary),
    readOutcomeTally(dir),
    text(RESULT_FILES.agents),
    text(RESULT_FILES.events),
    text(RESULT_FILES.compare),
    readSweep(dir, manifest),
    text(RESULT_FILES.morris),
    text(RESULT_FILES.sobol),
  ]);
  const compareRows = compare === null ? [] : parseCompare(compare, dir);
  await checkResultFolder(dir, manifest.raw, 'structure');
  const arms = manifest.kind === 'compare' || compareRows.length > 0 ? await readArms(dir, manifest) : [];
  // The manifest's order (base first), else 'base', then the order of compare.csv, then the rest.
  const order = [...manifestArms(manifest.raw).map((a) => a.name), 'base', ...new Set(compareRows.map((r) => r.variant))];
  const rank = (v: string): number => (order.includes(v) ? order.indexOf(v) : order.length);
  const sortedArms = [...arms].sort((a, b) => rank(a.variant) - rank(b.variant) || (a.variant < b.variant ? -1 : a.variant > b.variant ? 1 : 0));
  return {
    dir,
    manifest,
    summary: summary === null ? [] : parseSummary(summary, dir),
    outcomes,
    agents: agents === null ? [] : parseAgents(agents, dir),
    events: events === null ? [] : parseEvents(events, dir),
    compare: compareRows,
    arms: sortedArms,
    sweep,
    morris: morris === null ? [] : parseMorris(morris, dir),
    sobol: sobol === null ? [] : parseSobol(sobol, dir),
  };
}
