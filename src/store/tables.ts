/**
 * Every result file defined once (docs/OUTPUTS.md): its name, its columns in
 * order, the row type, how a row becomes cells (`format`, used by the
 * writers) and how a record becomes a row (`parse`, used by the readers and
 * so by the report). The manifest is a zod schema: written typed, checked on
 * reading.
 *
 * Columns are an interface: extend at the end, never rename or reorder.
 * Rows read back have `null` for empty cells ("none", "not applicable");
 * columns beyond `required` may be absent from older or hand-made files.
 */
import { z } from 'zod';
import type { ComparisonRow } from '../experiment/compare.js';
import type { SensitivityRow } from '../experiment/design.js';
import type { Description } from '../experiment/stats/describe.js';
import type { OutcomeSpec } from '../experiment/outcomes.js';
import type { AgentRow as ModelAgentRow, OutcomeRow as ModelOutcomeRow } from '../model/observation.js';
import {
  CATEGORIES,
  EVENT_KINDS,
  LOOPS,
  OUTCOMES,
  metricFacets,
  type Category,
  type EventKind,
  type Loop,
  type Outcome,
} from '../model/vocabulary.js';
import type { Cell } from './csv.js';
import type { Cells } from './csv-read.js';
import { protectText, unprotectText } from './csv-format.js';

/** A CSV file of fixed columns. */
export interface Table<Row, Written = Row> {
  readonly file: string;
  readonly columns: readonly string[];
  /** The columns a reader insists on (the rest read as null when absent). */
  readonly required: readonly string[];
  /** The cells of one row, in column order. */
  readonly format: (row: Written) => Cell[];
  readonly parse: (c: Cells) => Row;
}

function table<Row, Written>(t: Table<Row, Written>): Table<Row, Written> {
  return t;
}

/** Every field may be null (an empty cell). */
type Nullable<T> = { readonly [K in keyof T]: T[K] | null };

// ---------------------------------------------------------------- summary.csv

/** summary.csv: per month statistics of one metric over the replications. */
export interface SummaryRow {
  readonly month: number;
  /** YYYY-MM */
  readonly date: string;
  readonly metric: string;
  readonly n: number;
  readonly mean: number;
  readonly sd: number | null;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly p05: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
  /** The innovation a per-service metric is about (`live.<id>` ...), else null (metricFacets). */
  readonly innovation: string | null;
  /** The cause a per-cause metric is about (`discontinued_<cause>`), else null. */
  readonly cause: string | null;
}

export const SUMMARY = table<SummaryRow, { month: number; date: string; metric: string } & Nullable<Description>>({
  file: 'summary.csv',
  // `innovation` and `cause` were added last (CHANGELOG.md): files written before lack them.
  columns: ['month', 'date', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'p05', 'p25', 'p50', 'p75', 'p95', 'innovation', 'cause'],
  required: ['month', 'date', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'p05', 'p25', 'p50', 'p75', 'p95'],
  format: (r) => [r.month, r.date, r.metric, r.n, r.mean, r.sd, r.ci_low, r.ci_high, r.p05, r.p25, r.p50, r.p75, r.p95, ...facetCells(r.metric)],
  parse: (c) => ({
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
    innovation: c.optStr('innovation'),
    cause: c.optStr('cause'),
  }),
});

/** A summary row of one arm of a comparison (summary.csv of that arm). */
export interface ArmSummaryRow extends SummaryRow {
  readonly variant: string;
}

/** arms.csv (older comparison folders): the arms' summaries in one file. */
export const ARMS = table<ArmSummaryRow, ArmSummaryRow>({
  file: 'arms.csv',
  columns: ['variant', ...SUMMARY.columns],
  required: ['variant', ...SUMMARY.required],
  format: (r) => [r.variant, ...SUMMARY.format(r as Parameters<typeof SUMMARY.format>[0])],
  parse: (c) => ({ ...SUMMARY.parse(c), variant: c.str('variant') }),
});

// ------------------------------------------------------------- timeseries.csv

/** timeseries.csv: `replication,month,date,<every metric>`, one row per replication and month. */
export const TIMESERIES = {
  file: 'timeseries.csv',
  /** The columns before the metrics. */
  fixed: ['replication', 'month', 'date'] as const,
  columns: (metrics: readonly string[]): string[] => ['replication', 'month', 'date', ...metrics],
} as const;

// --------------------------------------------------------------- outcomes.csv

/**
 * outcomes.csv: the model's outcome of one innovation (model/observation.ts)
 * in one replication.
 */
export type OutcomeRow = { readonly replication: number; readonly innovation: string; readonly outcome: Outcome } & Nullable<
  Omit<ModelOutcomeRow, 'innovation' | 'outcome'>
>;

export const OUTCOMES_TABLE = table<OutcomeRow, OutcomeRow>({
  file: 'outcomes.csv',
  columns: [
    'replication',
    'innovation',
    'outcome',
    'peak_live',
    'live_end',
    'first_adoption_month',
    'last_discontinuation_month',
    'main_cause',
    'heeks_success',
    'heeks_partial',
    'heeks_failure',
    'heeks_replaced',
  ],
  required: ['replication', 'innovation', 'outcome'],
  format: (o) => [
    o.replication,
    o.innovation,
    o.outcome,
    o.peak_live,
    o.live_end,
    o.first_adoption_month,
    o.last_discontinuation_month,
    o.main_cause,
    o.heeks_success,
    o.heeks_partial,
    o.heeks_failure,
    o.heeks_replaced,
  ],
  parse: (c) => ({
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
  }),
});

// ----------------------------------------------------------------- agents.csv

/** agents.csv: one row per detail replication and OPD (the model's agent row, model/observation.ts). */
export interface AgentRow {
  readonly replication: number;
  readonly opd: string;
  readonly type: string;
  readonly theta: number | null;
  /** Threshold-based Rogers category. */
  readonly category: Category | null;
  readonly capacity: number | null;
  /** A champion at initialization (written 1/0). */
  readonly champion: boolean | null;
  /** Month of the OPD's first adoption of any innovation; null = never. */
  readonly first_adoption_month: number | null;
  readonly realized_category: Category | null;
}

export const AGENTS = table<AgentRow, { replication: number } & ModelAgentRow>({
  file: 'agents.csv',
  columns: ['replication', 'opd', 'type', 'theta', 'category', 'capacity', 'champion', 'first_adoption_month', 'realized_category'],
  required: ['replication', 'opd', 'first_adoption_month'],
  format: (a) => [a.replication, a.opd, a.type, a.theta, a.category, a.capacity, a.champion, a.first_adoption_month, a.realized_category],
  parse: (c) => ({
    replication: c.int('replication'),
    opd: c.str('opd'),
    type: c.raw('type'),
    theta: c.optNum('theta'),
    category: c.optOneOf<Category>('category', CATEGORIES),
    capacity: c.optNum('capacity'),
    champion: c.optBool('champion'),
    first_adoption_month: c.optNum('first_adoption_month'),
    realized_category: c.optOneOf<Category>('realized_category', CATEGORIES),
  }),
});

// ----------------------------------------------------------------- events.csv

/** events.csv: the event log of the detail replications (docs/OUTPUTS.md says what each kind's columns hold). */
export interface EventRow {
  readonly replication: number;
  readonly month: number;
  /** YYYY-MM, or empty for an event before month 1. */
  readonly date: string;
  readonly kind: EventKind;
  readonly opd: string | null;
  readonly innovation: string | null;
  readonly loop: Loop | null;
  readonly cause: string | null;
}

/**
 * `date` last, as issue #2 named the columns. The project's first hour wrote `date` third; that one reorder is
 * in CHANGELOG.md (first and second development sessions). Columns are extended since, never reordered.
 */
export const EVENTS = table<EventRow, Omit<EventRow, 'loop'> & { readonly loop: Loop | '' | null }>({
  file: 'events.csv',
  columns: ['replication', 'month', 'kind', 'opd', 'innovation', 'loop', 'cause', 'date'],
  required: ['replication', 'month', 'kind'],
  format: (e) => [e.replication, e.month, e.kind, e.opd, e.innovation, e.loop, e.cause, e.date],
  parse: (c) => ({
    replication: c.int('replication'),
    month: c.int('month'),
    date: c.raw('date'),
    kind: c.oneOf<EventKind>('kind', EVENT_KINDS),
    opd: c.optStr('opd'),
    innovation: c.optStr('innovation'),
    loop: c.optOneOf<Loop>('loop', LOOPS),
    cause: c.optStr('cause'),
  }),
});

/** The data files of a run folder (the manifest aside, these are byte-reproducible). */
export const DATA_FILES = [SUMMARY.file, TIMESERIES.file, OUTCOMES_TABLE.file, AGENTS.file, EVENTS.file] as const;

// ---------------------------------------------------------------- compare.csv

/** compare.csv: one row per (outcome, variant); differences are variant - base, paired by replication. */
export interface CompareRow {
  readonly outcome: string;
  readonly variant: string;
  readonly n: number;
  readonly base_mean: number;
  readonly base_ci_low: number | null;
  readonly base_ci_high: number | null;
  readonly variant_mean: number;
  readonly variant_ci_low: number | null;
  readonly variant_ci_high: number | null;
  readonly diff_mean: number;
  readonly diff_ci_low: number | null;
  readonly diff_ci_high: number | null;
  readonly relative_change: number | null;
  readonly correlation: number | null;
  /** Confidence level of the intervals (e.g. 0.95, or Bonferroni-adjusted). */
  readonly level: number | null;
  /** The innovation a per-service outcome is about (`sustained.<id>`, `live.<id>` ...), else null. */
  readonly innovation: string | null;
  /** The cause a per-cause outcome is about (`discontinuations.<cause>`), else null. */
  readonly cause: string | null;
}

export const COMPARE = table<CompareRow, ComparisonRow>({
  file: 'compare.csv',
  columns: [
    'outcome',
    'variant',
    'n',
    'base_mean',
    'base_ci_low',
    'base_ci_high',
    'variant_mean',
    'variant_ci_low',
    'variant_ci_high',
    'diff_mean',
    'diff_ci_low',
    'diff_ci_high',
    'relative_change',
    'correlation',
    'level',
    // Added last (CHANGELOG.md): files written before lack them.
    'innovation',
    'cause',
  ],
  required: ['outcome', 'variant', 'diff_mean', 'base_mean', 'variant_mean'],
  format: (r) => [
    r.outcome,
    // An arm's name as text, never a formula (csv-format.ts, protectText): names are held to a folder name's rule,
    // which no formula start passes; this keeps the cell safe whatever names an arm.
    protectText(r.variant),
    r.n,
    r.base_mean,
    r.base_ci_low,
    r.base_ci_high,
    r.variant_mean,
    r.variant_ci_low,
    r.variant_ci_high,
    r.diff_mean,
    r.diff_ci_low,
    r.diff_ci_high,
    r.relative_change,
    r.correlation,
    r.level,
    ...facetCells(r.outcome),
  ],
  parse: (c) => ({
    outcome: c.str('outcome'),
    variant: unprotectText(c.str('variant')),
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
    innovation: c.optStr('innovation'),
    cause: c.optStr('cause'),
  }),
});

// -------------------------------------------------- sweep.csv, sweep_summary.csv

/** One row of sweep.csv (or of sweep_summary.csv): a design point with its factor and outcome values. */
export interface SweepRow {
  readonly point: number;
  /** -1 for a row of sweep_summary.csv, which stands for `n` replications. */
  readonly replication: number;
  /** Replications the row stands for (absent: 1, a row of sweep.csv). */
  readonly n?: number;
  readonly values: Readonly<Record<string, number | null>>;
  /** 95 % interval of each outcome's mean at the point (sweep_summary.csv `_ci_low`, `_ci_high`), when known. */
  readonly ci?: Readonly<Record<string, readonly [number, number]>>;
}

/** sweep.csv or sweep_summary.csv with its columns split into design parameters and outcomes. */
export interface SweepTable {
  readonly parameters: readonly string[];
  readonly outcomes: readonly string[];
  readonly rows: readonly SweepRow[];
}

/** sweep.csv: `point,replication,<factor paths>,<outcomes>`, one row per design run. */
export const SWEEP = {
  file: 'sweep.csv',
  required: ['point', 'replication'],
  columns: (factors: readonly string[], outcomes: readonly OutcomeSpec[]): string[] => [
    'point',
    'replication',
    ...factors,
    ...outcomes.map((o) => o.name),
  ],
  format: (point: number, replication: number, factorValues: readonly number[], values: ArrayLike<number>): Cell[] => [
    point,
    replication,
    ...factorValues,
    ...Array.from(values),
  ],
} as const;

/** sweep_summary.csv: `point,<factors>,n,<outcome>_mean,<outcome>_ci_low,<outcome>_ci_high,...`, one row per design point. */
export const SWEEP_SUMMARY = {
  file: 'sweep_summary.csv',
  required: ['point', 'n'],
  /** The statistics of each outcome, as column suffixes. */
  statistics: ['mean', 'ci_low', 'ci_high'] as const,
  columns: (factors: readonly string[], outcomes: readonly OutcomeSpec[]): string[] => [
    'point',
    ...factors,
    'n',
    ...outcomes.flatMap((o) => SWEEP_SUMMARY.statistics.map((s) => `${o.name}_${s}`)),
  ],
  format: (point: number, factorValues: readonly number[], n: number, cells: readonly number[]): Cell[] => [point, ...factorValues, n, ...cells],
  /** What a header holds: the factors between `point` and `n`, the outcomes named by the `_mean` columns after `n`. */
  layout: (columns: readonly string[]): { factors: string[]; outcomes: string[] } => {
    const n = columns.indexOf('n');
    return {
      factors: columns.slice(1, n),
      outcomes: columns
        .slice(n + 1)
        .filter((c) => c.endsWith('_mean'))
        .map((c) => c.slice(0, -'_mean'.length)),
    };
  },
  /** One row of the file, read back with the layout of its header. */
  parse: (c: Cells, layout: { factors: readonly string[]; outcomes: readonly string[] }): SweepRow => {
    const ci: Record<string, readonly [number, number]> = {};
    for (const o of layout.outcomes) {
      const lo = c.columns().includes(`${o}_ci_low`) ? c.optNum(`${o}_ci_low`) : null;
      const hi = c.columns().includes(`${o}_ci_high`) ? c.optNum(`${o}_ci_high`) : null;
      if (lo !== null && hi !== null) ci[o] = [lo, hi];
    }
    return {
      point: c.int('point'),
      replication: -1,
      n: c.int('n'),
      values: Object.fromEntries([...layout.factors.map((p) => [p, c.optNum(p)]), ...layout.outcomes.map((o) => [o, c.optNum(`${o}_mean`)])]),
      ci,
    };
  },
} as const;

// ------------------------------------------------- sensitivity, morris, sobol

/** morris.csv: elementary effects per parameter and outcome. */
export interface MorrisRow {
  readonly parameter: string;
  readonly outcome: string;
  readonly mu: number | null;
  readonly mu_star: number;
  readonly sigma: number;
  /** Half-width of the bootstrap 95 % interval of mu* (SALib's mu_star_conf); null in older folders. */
  readonly mu_star_conf?: number | null;
  /** The mu* replication noise alone gives this factor (design.ts morrisNoiseFloors); null in older folders or with one replication. */
  readonly noise_floor?: number | null;
}

/**
 * sobol.csv: first-order and total indices with bootstrap intervals. S1 and
 * ST are NaN (an empty cell) where the index is undefined: an outcome with
 * no variance over the design (the same value at every point) has 0/0 for
 * every factor (report/rows.ts sobolUndefined).
 */
export interface SobolRow {
  readonly parameter: string;
  readonly outcome: string;
  readonly S1: number;
  readonly S1_low: number | null;
  readonly S1_high: number | null;
  readonly ST: number;
  readonly ST_low: number | null;
  readonly ST_high: number | null;
  /** The outcome's noise floor (the share of variance replication noise alone gives); null in older folders or with one replication. */
  readonly noise_floor?: number | null;
}

/** sensitivity.csv: both methods' measures in one file (the other method's cells empty). */
export const SENSITIVITY = table<SensitivityRow, SensitivityRow>({
  file: 'sensitivity.csv',
  // mu_star_conf added last: existing columns keep their positions.
  columns: ['method', 'parameter', 'outcome', 'mu', 'mu_star', 'sigma', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'mu_star_conf'],
  required: ['method', 'parameter', 'outcome'],
  format: (r) => [r.method, r.parameter, r.outcome, r.mu, r.mu_star, r.sigma, r.S1, r.S1_low, r.S1_high, r.ST, r.ST_low, r.ST_high, r.mu_star_conf],
  parse: (c) => ({
    method: c.oneOf('method', ['morris', 'sobol'] as const),
    parameter: c.str('parameter'),
    outcome: c.str('outcome'),
    mu: c.optNum('mu') ?? NaN,
    mu_star: c.optNum('mu_star') ?? NaN,
    sigma: c.optNum('sigma') ?? NaN,
    S1: c.optNum('S1') ?? NaN,
    S1_low: c.optNum('S1_low') ?? NaN,
    S1_high: c.optNum('S1_high') ?? NaN,
    ST: c.optNum('ST') ?? NaN,
    ST_low: c.optNum('ST_low') ?? NaN,
    ST_high: c.optNum('ST_high') ?? NaN,
    mu_star_conf: c.optNum('mu_star_conf') ?? NaN,
    noise_floor: c.optNum('noise_floor') ?? NaN,
  }),
});

/**
 * sensitivity.csv as written: SENSITIVITY's columns and then `noise_floor`,
 * appended last (Sobol': the outcome's share of variance; Morris: each
 * factor's mu* from noise alone). Older folders lack it (a Morris
 * analysis's until the Morris floor existed); SENSITIVITY reads both.
 */
export const SENSITIVITY_FLOOR = table<SensitivityRow, SensitivityRow>({
  ...SENSITIVITY,
  columns: [...SENSITIVITY.columns, 'noise_floor'],
  format: (r) => [...SENSITIVITY.format(r), r.noise_floor ?? Number.NaN],
});

/** The name SENSITIVITY_FLOOR had while only Sobol' analyses wrote the column (the library's `tables` export keeps it). */
export const SENSITIVITY_SOBOL = SENSITIVITY_FLOOR;

/** morris.csv: the Morris rows of sensitivity.csv, the file the report reads. */
export const MORRIS = table<MorrisRow, SensitivityRow>({
  file: 'morris.csv',
  // noise_floor added last: existing columns keep their positions; older files lack it.
  columns: ['parameter', 'outcome', 'mu', 'mu_star', 'sigma', 'mu_star_conf', 'noise_floor'],
  required: ['parameter', 'outcome', 'mu_star', 'sigma'],
  format: (r) => [r.parameter, r.outcome, r.mu, r.mu_star, r.sigma, r.mu_star_conf, r.noise_floor ?? Number.NaN],
  parse: (c) => ({
    parameter: c.str('parameter'),
    outcome: c.str('outcome'),
    mu: c.optNum('mu'),
    mu_star: c.num('mu_star'),
    sigma: c.num('sigma'),
    mu_star_conf: c.optNum('mu_star_conf'),
    noise_floor: c.optNum('noise_floor'),
  }),
});

/** sobol.csv: the Sobol' rows of sensitivity.csv, the file the report reads. */
export const SOBOL = table<SobolRow, SensitivityRow>({
  file: 'sobol.csv',
  // noise_floor added last: existing columns keep their positions; older files lack it.
  columns: ['parameter', 'outcome', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'noise_floor'],
  required: ['parameter', 'outcome', 'S1', 'ST'],
  format: (r) => [r.parameter, r.outcome, r.S1, r.S1_low, r.S1_high, r.ST, r.ST_low, r.ST_high, r.noise_floor ?? Number.NaN],
  parse: (c) => ({
    parameter: c.str('parameter'),
    outcome: c.str('outcome'),
    // An empty cell is an undefined index (an outcome with no variance over the design), read as NaN
    // as SENSITIVITY reads it; the columns themselves are required.
    S1: c.optNum('S1') ?? Number.NaN,
    S1_low: c.optNum('S1_low'),
    S1_high: c.optNum('S1_high'),
    ST: c.optNum('ST') ?? Number.NaN,
    ST_low: c.optNum('ST_low'),
    ST_high: c.optNum('ST_high'),
    noise_floor: c.optNum('noise_floor'),
  }),
});

// --------------------------------------------------------------- manifest.json

export const RESULT_KINDS = ['run', 'compare', 'sweep', 'sensitivity'] as const;
/** What produced a result folder. */
export type ResultKind = (typeof RESULT_KINDS)[number];

/**
 * A shard's folder: which of `count` shards. Folders merged by earlier versions also
 * wrote how many shards they were merged from here; a merge now writes null, as one
 * machine does, and records the shards merged in `timings.merged_parts`.
 */
const shardSchema = z.union([
  z.object({ index: z.number().int().min(0), count: z.number().int().min(1) }),
  z.object({ merged_from: z.number().int().min(1), count: z.number().int().min(1) }),
]);

/**
 * manifest.json of every result folder. The fields the tools read are
 * checked; the rest (experiment, arms, design, precision...) are kept as
 * written. Absent optional fields read as neutral values (older folders).
 */
export const manifestSchema = z.looseObject({
  tool: z.looseObject({ name: z.string().default(''), version: z.string().default('') }).default({ name: '', version: '' }),
  kind: z.enum(RESULT_KINDS).default('run'),
  scenario: z.looseObject({
    name: z.string().default(''),
    hash: z.string().default(''),
    file: z.string().default(''),
    /** The scenario's Info-tab markdown, or "". */
    info: z.string().default(''),
    /** Its Indonesian Info page (`<basename>.id.md`), written only when there is one; "" when absent. */
    info_id: z.string().default(''),
    /** The full scenario as run (defaults and every parameter); read it through report/scenario-facts.ts. */
    resolved: z.unknown().default(null),
  }),
  seed: z.number().nullable().default(null),
  replications: z.number().int().min(0).nullable().default(null),
  detail_replications: z.number().int().min(0).nullable().default(null),
  command: z.string().default(''),
  // Read as the shard a folder is (a merged folder is none: its parts are in `raw`).
  shard: shardSchema
    .nullable()
    .default(null)
    .transform((s) => (s !== null && 'index' in s ? s : null)),
  timings: z.unknown().default(null),
  files: z.array(z.string()).default([]),
  // Added later (absent in older folders): each data file's SHA-256 and row count, checked by `difusi report` (docs/RELIABILITY.md).
  checksums: z.record(z.string(), z.string()).optional(),
  rows: z.record(z.string(), z.number().int().min(0)).optional(),
});

/** manifest.json as written (the writers' type: every field the readers check, typed). */
export type ManifestInput = z.input<typeof manifestSchema>;

/** manifest.json as read, with `raw`, the JSON as written, for showing in the report. */
export type ResultManifest = z.output<typeof manifestSchema> & { readonly raw: unknown };

/** The text of manifest.json: two-space JSON and a final newline. */
export function manifestText(manifest: ManifestInput): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

// ---------------------------------------------------------------- metric facets

/**
 * The `innovation` and `cause` a metric or outcome name is about
 * (model/vocabulary.ts `metricFacets`), as cells: empty where not applicable.
 */
export function facetCells(name: string): [string | null, string | null] {
  const f = metricFacets(name);
  return [f.innovation, f.cause];
}
