/**
 * Typed rows of a result folder (docs/OUTPUTS.md), the input of the report.
 *
 * One interface per file, columns named exactly as in the file. Empty cells
 * ("none", "not applicable") are `null`. The reader (`src/store/results-read.ts`)
 * is the only code that turns text into these rows; everything in
 * `src/report/` is a pure function of them.
 */
import { CATEGORIES, type Category } from '../scenario/schema.js';
import type { Outcome } from '../model/observation.js';

export { CATEGORIES, type Category };

/** Outcome of an innovation in one replication at the horizon (MODEL.md 8). */
export { OUTCOMES, type Outcome } from '../model/observation.js';

/** Discontinuance causes (MODEL.md 7.8), in the order charts stack them. */
export { CAUSES, type Cause } from '../model/world.js';

/** Learning loops (MODEL.md 7.6). */
export const LOOPS = ['single', 'double', 'triple'] as const;
export type Loop = (typeof LOOPS)[number];

/** Organizational implementation stages (MODEL.md 2.2). */
export const STAGES = ['restructuring', 'clarifying', 'routinized'] as const;
export type Stage = (typeof STAGES)[number];

/** Callon's moments of translation and the summary metric prefix of each (OUTPUTS.md). */
export const CALLON_MOMENTS = [
  { moment: 'problematization', metric: 'launched' },
  { moment: 'interessement', metric: 'aware' },
  { moment: 'enrolment', metric: 'live' },
  { moment: 'mobilization', metric: 'routinized' },
] as const;
export type CallonMoment = (typeof CALLON_MOMENTS)[number]['moment'];

/** What produced a result folder. */
export type ResultKind = 'run' | 'compare' | 'sweep' | 'sensitivity';

/** manifest.json. `resolved` is the full scenario as run; read it through `scenarioFacts`. */
export interface ResultManifest {
  readonly tool: { readonly name: string; readonly version: string };
  readonly kind: ResultKind;
  readonly scenario: {
    readonly name: string;
    readonly hash: string;
    readonly file: string;
    /** The scenario's Info-tab markdown, or "". */
    readonly info: string;
    readonly resolved: unknown;
  };
  readonly seed: number | null;
  readonly replications: number | null;
  readonly detail_replications: number | null;
  readonly command: string;
  readonly shard: { readonly index: number; readonly count: number } | null;
  readonly timings: unknown;
  readonly files: readonly string[];
  /** The parsed JSON as written, for showing in the report. */
  readonly raw: unknown;
}

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
}

/** A summary row of one arm of a comparison (summary.csv of that arm). */
export interface ArmSummaryRow extends SummaryRow {
  readonly variant: string;
}

/** outcomes.csv: one row per replication and innovation. */
export interface OutcomeRow {
  readonly replication: number;
  readonly innovation: string;
  readonly outcome: Outcome;
  readonly peak_live: number | null;
  readonly live_end: number | null;
  readonly first_adoption_month: number | null;
  readonly last_discontinuation_month: number | null;
  readonly main_cause: string | null;
  readonly heeks_success: number | null;
  readonly heeks_partial: number | null;
  readonly heeks_failure: number | null;
  readonly heeks_replaced: number | null;
}

/** agents.csv: one row per detail replication and OPD. */
export interface AgentRow {
  readonly replication: number;
  readonly opd: string;
  readonly type: string;
  readonly theta: number | null;
  /** Threshold-based Rogers category (MODEL.md 2.3). */
  readonly category: Category | null;
  readonly capacity: number | null;
  readonly champion: boolean | null;
  /** Month of the OPD's first adoption of any innovation; null = never. */
  readonly first_adoption_month: number | null;
  readonly realized_category: Category | null;
}

/** events.csv: the event log of the detail replications. */
export interface EventRow {
  readonly replication: number;
  readonly month: number;
  readonly date: string;
  readonly kind: string;
  readonly opd: string | null;
  readonly innovation: string | null;
  readonly loop: string | null;
  readonly cause: string | null;
}

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
}

/** One row of sweep.csv: a design point and replication with its parameter and outcome values. */
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

/** sweep.csv with its columns split into design parameters and outcomes. */
export interface SweepTable {
  readonly parameters: readonly string[];
  readonly outcomes: readonly string[];
  readonly rows: readonly SweepRow[];
}

/** morris.csv: elementary effects per parameter and outcome. */
export interface MorrisRow {
  readonly parameter: string;
  readonly outcome: string;
  readonly mu: number | null;
  readonly mu_star: number;
  readonly sigma: number;
  /** Half-width of the bootstrap 95 % interval of mu* (SALib's mu_star_conf); null in older folders. */
  readonly mu_star_conf?: number | null;
}

/** sobol.csv: first-order and total indices with bootstrap intervals. */
export interface SobolRow {
  readonly parameter: string;
  readonly outcome: string;
  readonly S1: number;
  readonly S1_low: number | null;
  readonly S1_high: number | null;
  readonly ST: number;
  readonly ST_low: number | null;
  readonly ST_high: number | null;
}

import type { OutcomeTally } from '../experiment/outcome-table.js';

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
  readonly morris: readonly MorrisRow[];
  readonly sobol: readonly SobolRow[];
}
