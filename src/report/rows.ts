/**
 * Typed rows of a result folder (docs/OUTPUTS.md), the input of the report.
 *
 * One interface per file, columns named exactly as in the file. Empty cells
 * ("none", "not applicable") are `null`. The reader (`src/store/results-read.ts`)
 * is the only code that turns text into these rows; everything in
 * `src/report/` is a pure function of them.
 */
export { CATEGORIES, CAUSES, EVENT_KINDS, LOOPS, OUTCOMES, STAGES } from '../model/vocabulary.js';
export type { Category, Cause, EventKind, Loop, Outcome, Stage } from '../model/vocabulary.js';

/** The rows of every result file, defined once with their files (store/tables.ts). */
export type {
  AgentRow,
  ArmSummaryRow,
  CompareRow,
  EventRow,
  MorrisRow,
  OutcomeRow,
  ResultKind,
  ResultManifest,
  SobolRow,
  SummaryRow,
  SweepRow,
  SweepTable,
} from '../store/tables.js';
export type { ResultSet } from '../store/results-read.js';

/**
 * Whether an outcome's Sobol' indices are undefined: every row of it (one
 * per factor) has neither S1 nor ST, which sobol.csv leaves empty when the
 * outcome has no variance over the design (the same value at every point:
 * 0/0). False without rows.
 */
export function sobolUndefined(rows: readonly { readonly S1: number; readonly ST: number }[]): boolean {
  return rows.length > 0 && rows.every((r) => !Number.isFinite(r.S1) && !Number.isFinite(r.ST));
}

/** The outcomes among `rows` whose Sobol' indices are all undefined ({@link sobolUndefined}), in order of first appearance. */
export function sobolConstantOutcomes(rows: readonly { readonly outcome: string; readonly S1: number; readonly ST: number }[]): string[] {
  return [...new Set(rows.map((r) => r.outcome))].filter((o) => sobolUndefined(rows.filter((r) => r.outcome === o)));
}

/** A sort comparator: larger first, an undefined value (NaN, infinite) last; 0 between two undefined ones. */
export function descendingDefinedFirst(a: number, b: number): number {
  const x = Number.isFinite(a) ? a : -Infinity;
  const y = Number.isFinite(b) ? b : -Infinity;
  return y > x ? 1 : y < x ? -1 : 0;
}

/** Callon's moments of translation and the summary metric prefix of each (OUTPUTS.md). */
export const CALLON_MOMENTS = [
  { moment: 'problematization', metric: 'launched' },
  { moment: 'interessement', metric: 'aware' },
  { moment: 'enrolment', metric: 'live' },
  { moment: 'mobilization', metric: 'routinized' },
] as const;
export type CallonMoment = (typeof CALLON_MOMENTS)[number]['moment'];

