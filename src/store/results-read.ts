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
import { OutcomeTally } from '../experiment/outcome-table.js';
import { checkResultFolder } from './results-check.js';
import { PARAMETER_BY_NAME } from '../scenario/parameters.js';
import { factorName } from '../report/format.js';
import { UserError } from '../messages/catalog.js';
import { exists, fail, parseCsv, streamCsv } from './csv-read.js';
import { shardFolderOf } from './part-store.js';
import {
  AGENTS,
  ARMS,
  COMPARE,
  EVENTS,
  MORRIS,
  OUTCOMES_TABLE,
  SOBOL,
  SUMMARY,
  SWEEP,
  SWEEP_SUMMARY,
  manifestSchema,
  type AgentRow,
  type ArmSummaryRow,
  type CompareRow,
  type EventRow,
  type MorrisRow,
  type ResultManifest,
  type SobolRow,
  type SummaryRow,
  type SweepRow,
  type SweepTable,
} from './tables.js';
import { regularFileExistsAsync } from './regular-file.js';

export { exists, parseCsv };

/** Everything a result folder holds, as rows. Absent files are empty arrays / null. */
export interface ResultSet {
  /** The folder the rows were read from (for messages and titles). */
  readonly dir: string;
  readonly manifest: ResultManifest;
  readonly summary: readonly SummaryRow[];
  /** outcomes.csv summarized while read (constant memory); null when absent. */
  readonly outcomes: OutcomeTally | null;
  readonly agents: readonly AgentRow[];
  readonly events: readonly EventRow[];
  readonly compare: readonly CompareRow[];
  readonly arms: readonly ArmSummaryRow[];
  /** Each arm's resolved scenario (its own manifest), for its own timeline; absent arms are left out. */
  readonly armScenarios?: ReadonlyMap<string, unknown>;
  readonly sweep: SweepTable | null;
  /**
   * sweep.csv, one row per design run, when `sweep` was read from
   * sweep_summary.csv: replication r of every design point shares its seeds
   * (common random numbers), so the summary compares points pair by pair.
   * Absent or null when the folder has no sweep.csv (or `sweep` is it).
   */
  readonly sweepRuns?: SweepTable | null;
  readonly morris: readonly MorrisRow[];
  readonly sobol: readonly SobolRow[];
}

/** File names of a result folder. */
export const RESULT_FILES = {
  manifest: 'manifest.json',
  summary: SUMMARY.file,
  outcomes: OUTCOMES_TABLE.file,
  agents: AGENTS.file,
  events: EVENTS.file,
  compare: COMPARE.file,
  arms: ARMS.file,
  sweep: SWEEP.file,
  sweepSummary: SWEEP_SUMMARY.file,
  morris: MORRIS.file,
  sobol: SOBOL.file,
} as const;

async function readOptional(dir: string, file: string): Promise<string | null> {
  const path = join(dir, file);
  // A regular file only: a pipe in its place would block the read forever.
  if (!(await regularFileExistsAsync(path))) return null;
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
  if (text === null) {
    // A shard folder (run, national or design --shard) is a result folder once merged: name the merge.
    const shard = shardFolderOf(dir);
    if (shard !== undefined) throw UserError.of('part_of_other_kind', [shard.kind, shard.merge], { file: dir });
    throw fail(dir, RESULT_FILES.manifest, 'not found (is this a difusi result folder?)');
  }
  return parseManifest(text, dir);
}

/** A number's bound in words ("a number of at least 0"), where zod's own message reads "Too small: expected number to be >=0". */
function boundWords(issue: { code: string; origin?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean }): string | undefined {
  if (issue.origin !== 'number') return undefined;
  if (issue.code === 'too_small') return `a number ${issue.inclusive === false ? 'above' : 'of at least'} ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `a number ${issue.inclusive === false ? 'below' : 'of at most'} ${String(issue.maximum)}`;
  return undefined;
}

/** Checks manifest JSON text against the manifest's schema (store/tables.ts); absent optional fields get neutral values. */
export function parseManifest(text: string, dir: string): ResultManifest {
  const file = RESULT_FILES.manifest;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw fail(dir, file, `not valid JSON: ${(e as Error).message}`);
  }
  if (!isObj(raw)) throw fail(dir, file, 'expected a JSON object');
  const checked = manifestSchema.safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const at = issue.path.map(String).join('.');
    let found: unknown = raw;
    for (const key of issue.path) found = isObj(found) || Array.isArray(found) ? (found as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    const expected = issue.code === 'invalid_value' ? `one of ${issue.values.map(String).join(', ')}` : issue.code === 'invalid_type' ? `${issue.expected}` : boundWords(issue) ?? issue.message;
    throw fail(dir, file, `"${at}": expected ${expected}, found ${found === undefined ? 'nothing' : JSON.stringify(found)}`);
  }
  return { ...checked.data, raw };
}

export function parseSummary(text: string, dir: string, file: string = RESULT_FILES.summary): SummaryRow[] {
  return parseCsv(text, dir, file, SUMMARY.required).records.map(SUMMARY.parse);
}

/**
 * outcomes.csv of a result folder, summarized row by row as it streams in
 * (constant memory whatever the number of replications); null when absent.
 */
export async function readOutcomeTally(dir: string): Promise<OutcomeTally | null> {
  const tally = new OutcomeTally();
  const found = await streamCsv(dir, RESULT_FILES.outcomes, OUTCOMES_TABLE.required, (c) => tally.add(OUTCOMES_TABLE.parse(c)));
  return found ? tally : null;
}

export function parseAgents(text: string, dir: string): AgentRow[] {
  return parseCsv(text, dir, RESULT_FILES.agents, AGENTS.required).records.map(AGENTS.parse);
}

export function parseEvents(text: string, dir: string): EventRow[] {
  return parseCsv(text, dir, RESULT_FILES.events, EVENTS.required).records.map(EVENTS.parse);
}

export function parseCompare(text: string, dir: string): CompareRow[] {
  return parseCsv(text, dir, RESULT_FILES.compare, COMPARE.required).records.map(COMPARE.parse);
}

export function parseMorris(text: string, dir: string): MorrisRow[] {
  return parseCsv(text, dir, RESULT_FILES.morris, MORRIS.required).records.map(MORRIS.parse);
}

export function parseSobol(text: string, dir: string): SobolRow[] {
  return parseCsv(text, dir, RESULT_FILES.sobol, SOBOL.required).records.map(SOBOL.parse);
}

/**
 * Parses sweep.csv (`point,replication,<parameter columns>,<outcome columns>`).
 * Parameter columns are the design's factors when the manifest lists them
 * (`design.factors[].name`, scenario paths), else the schema's parameter
 * names (optionally prefixed `parameters.`), else the columns constant
 * within every design point.
 */
export function parseSweep(text: string, dir: string, factors: readonly string[] = []): SweepTable {
  const t = parseCsv(text, dir, RESULT_FILES.sweep, [...SWEEP.required, ...factors]);
  const valueColumns = t.columns.filter((c) => c !== 'point' && c !== 'replication');
  const rows: SweepRow[] = t.records.map((c) => ({
    point: c.int('point'),
    replication: c.int('replication'),
    values: Object.fromEntries(valueColumns.map((col) => [col, c.optNum(col)])),
  }));
  if (factors.length > 0) return { parameters: [...factors], outcomes: valueColumns.filter((c) => !factors.includes(c)), rows };
  let parameters = valueColumns.filter((col) => PARAMETER_BY_NAME.has(factorName(col)));
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

/**
 * sweep.csv's rows when sweep_summary.csv is also there (the report's table
 * reads the summary; the sweep's summary pairs replications across points).
 * Not read for a sensitivity analysis, whose summary is its indices.
 */
async function readSweepRuns(dir: string, manifest: ResultManifest): Promise<SweepTable | null> {
  if (manifest.kind === 'sensitivity') return null;
  if ((await readOptional(dir, RESULT_FILES.sweepSummary)) === null) return null;
  const sweep = await readOptional(dir, RESULT_FILES.sweep);
  return sweep === null ? null : parseSweep(sweep, dir, manifestFactors(manifest.raw));
}

/** sweep_summary.csv: `point, <factors>, n, <outcome>_mean, _ci_low, _ci_high`. */
export function parseSweepSummary(text: string, dir: string): SweepTable {
  const t = parseCsv(text, dir, RESULT_FILES.sweepSummary, SWEEP_SUMMARY.required);
  const layout = SWEEP_SUMMARY.layout(t.columns);
  return { parameters: layout.factors, outcomes: layout.outcomes, rows: t.records.map((c) => SWEEP_SUMMARY.parse(c, layout)) };
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
    return parseCsv(armsCsv, dir, RESULT_FILES.arms, ARMS.required).records.map(ARMS.parse);
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
  if (!isDir) throw UserError.of('result_folder_missing', [], { file: dir });
  const manifest = await readManifest(dir);
  await checkResultFolder(dir, manifest.raw);
  const text = (file: string) => readOptional(dir, file);
  const [summary, outcomes, agents, events, compare, sweep, morris, sobol, sweepRuns] = await Promise.all([
    text(RESULT_FILES.summary),
    readOutcomeTally(dir),
    text(RESULT_FILES.agents),
    text(RESULT_FILES.events),
    text(RESULT_FILES.compare),
    readSweep(dir, manifest),
    text(RESULT_FILES.morris),
    text(RESULT_FILES.sobol),
    readSweepRuns(dir, manifest),
  ]);
  const compareRows = compare === null ? [] : parseCompare(compare, dir);
  await checkResultFolder(dir, manifest.raw, 'structure');
  const arms = manifest.kind === 'compare' || compareRows.length > 0 ? await readArms(dir, manifest) : [];
  // The manifest's order (base first), else 'base', then the order of compare.csv, then the rest.
  const order = [...manifestArms(manifest.raw).map((a) => a.name), 'base', ...new Set(compareRows.map((r) => r.variant))];
  const rank = (v: string): number => (order.includes(v) ? order.indexOf(v) : order.length);
  const sortedArms = [...arms].sort((a, b) => rank(a.variant) - rank(b.variant) || (a.variant < b.variant ? -1 : a.variant > b.variant ? 1 : 0));
  // Each arm's own scenario (its manifest), so its timeline shows only its own events.
  const armScenarios = new Map<string, unknown>();
  for (const arm of manifestArms(manifest.raw)) {
    const text = await readOptional(dir, join(arm.folder, RESULT_FILES.manifest));
    if (text !== null) armScenarios.set(arm.name, parseManifest(text, join(dir, arm.folder)).scenario.resolved);
  }
  return {
    dir,
    manifest,
    summary: summary === null ? [] : parseSummary(summary, dir),
    outcomes,
    agents: agents === null ? [] : parseAgents(agents, dir),
    events: events === null ? [] : parseEvents(events, dir),
    compare: compareRows,
    arms: sortedArms,
    armScenarios,
    sweep,
    sweepRuns,
    morris: morris === null ? [] : parseMorris(morris, dir),
    sobol: sobol === null ? [] : parseSobol(sobol, dir),
  };
}
