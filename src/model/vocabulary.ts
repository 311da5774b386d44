/**
 * The model's words, defined once: what an innovation's outcome can be, why
 * an instance ends, which events the log records, the learning loops and the
 * implementation stages, and how metric names are built.
 *
 * Every other layer (jobs, store, report) takes these lists from here, so a
 * new event kind or cause is added in one place and a misspelt one fails to
 * compile. The strings are an interface (docs/OUTPUTS.md): extend, never rename.
 */
import type { Category } from '../scenario/schema.js';
import { CATEGORIES } from '../scenario/vocabulary.js';

export { CATEGORIES, type Category };

/** Outcome of an innovation in one replication at the horizon (docs/OUTPUTS.md, outcomes.csv). */
export const OUTCOMES = ['sustained', 'declining', 'discontinued', 'never_adopted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Discontinuance causes, in the order reports list and charts stack them. */
export const CAUSES = ['defunded', 'vendor_exit', 'disenchantment', 'hazard', 'leadership', 'replacement'] as const;
export type Cause = (typeof CAUSES)[number];

/** Every `kind` of events.csv (docs/OUTPUTS.md lists what each row's columns hold). */
export const EVENT_KINDS = [
  'launch',
  'adoption',
  'routinized',
  'reinvention',
  'discontinuance',
  'readoption_possible',
  'budget_not_renewed',
  'budget_line_opened',
  'betrayal',
  'pilot_takeover',
  'pilot_withdrawn',
  'pilot_lapsed',
  'budget_shock_start',
  'budget_shock_end',
  'regulation_start',
  'regulation_end',
  'leadership_change',
  'leader_vacancy',
  'vendor_exit',
  'platform_end',
  'champion_gained',
  'champion_left',
  'double_loop',
  'vision_reinterpreted',
  'triple_loop',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The event that starts an instance's life (a spell, for survival analysis). */
export const ADOPTION_EVENT: EventKind = 'adoption';
/** The event that ends an instance's life. */
export const DISCONTINUANCE_EVENT: EventKind = 'discontinuance';

/** Learning loops (the `loop` column of events.csv; empty = none). */
export const LOOPS = ['single', 'double', 'triple'] as const;
export type Loop = (typeof LOOPS)[number];

/** Organizational implementation stages of a live instance. */
export const STAGES = ['restructuring', 'clarifying', 'routinized'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Per-innovation metrics of summary.csv and timeseries.csv: `<prefix>.<innovation id>`.
 * (`sustained.<id>` is the same scheme for the outcomes of compare, sweep and sensitivity.)
 */
export const PER_INNOVATION_METRICS = ['live', 'cumulative', 'routinized', 'aware', 'launched'] as const;

/**
 * The naming scheme of metrics and outcomes, read back: which innovation or
 * cause a name is about (docs/OUTPUTS.md, "Metric names"):
 *   `<per-innovation prefix>.<id>` and `sustained.<id>` -> innovation `<id>`;
 *   `discontinued_<cause>` (summary) and `discontinuations.<cause>` (outcomes) -> cause.
 * Anything else (city-wide metrics, `discontinuations.total`) is about neither.
 */
export function metricFacets(name: string): { readonly innovation: string | null; readonly cause: Cause | null } {
  const dot = name.indexOf('.');
  if (dot > 0) {
    const prefix = name.slice(0, dot);
    const rest = name.slice(dot + 1);
    if (prefix === 'sustained' || (PER_INNOVATION_METRICS as readonly string[]).includes(prefix)) return { innovation: rest, cause: null };
    if (prefix === 'discontinuations') return { innovation: null, cause: asCause(rest) };
    return { innovation: null, cause: null };
  }
  if (name.startsWith('discontinued_')) return { innovation: null, cause: asCause(name.slice('discontinued_'.length)) };
  return { innovation: null, cause: null };
}

function asCause(s: string): Cause | null {
  return (CAUSES as readonly string[]).includes(s) ? (s as Cause) : null;
}
