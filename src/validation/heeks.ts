/**
 * Heeks' (2003) success and failure categories for a portfolio of e-services,
 * used by pattern P5 ("Heeks-like totals").
 *
 * Heeks counts *initiatives* (projects), and defines (the definitions page
 * of his eGov4Dev site, egov4dev.org/success/sfdefinitions.shtml; the
 * categories are those of Heeks 2003):
 *   - total failure: "the initiative was never implemented or was implemented
 *     but immediately abandoned";
 *   - partial failure: "major goals ... not attained and/or significant
 *     undesirable outcomes", which includes the *sustainability failure*, an
 *     initiative that "succeeds initially but then fails after a year or so";
 *   - success: most stakeholder groups attained their major goals.
 * He estimates 35 % total failures, 50 % partial failures and 15 % successes
 * for e-government in developing countries.
 *
 * MODEL.md section 8 classes each *instance* (one agency's use of a service),
 * and its `failure` (discontinued other than by replacement) lumps Heeks'
 * total failures with his sustainability failures. Here each service of a
 * replication is classed as Heeks would class the initiative:
 *   - success: `sustained` at the horizon, with at least
 *     `heeks_success_share` (half, by default) of its live instances
 *     MODEL.md successes (live, routinized, usage >= u_target);
 *   - partial: live at the horizon otherwise (goal failure; the zombie of
 *     P5), or discontinued at least `heeks_failure_months` (12, by default)
 *     after its first adoption (sustainability failure; 12 months is the
 *     project's reading of "a year or so", not a number from Heeks);
 *   - total failure: never live, or discontinued within
 *     `heeks_failure_months` of its first adoption;
 *   - replaced: discontinued with most instances migrated under a
 *     standalone ban (Heeks has no such class; left out of the shares).
 */
import type { OutcomeRow } from '../model/observation.js';
import { PARAMETER_DEFAULTS } from '../scenario/parameters.js';

/** Heeks (2003): shares of e-government-for-development initiatives. */
export const HEEKS_2003 = { success: 0.15, partial: 0.5, total_failure: 0.35 } as const;

/**
 * The two cuts of the per-service classes, model parameters (docs/MODEL.md
 * sections 8 and 11) read from the run's resolved parameters, so that a
 * scenario or `--set` moves them and the classes follow:
 *   - `failureMonths` (`heeks_failure_months`, Heeks' "fails after a year
 *     or so"): a service that ran at least this long before it ended is a
 *     partial (sustainability), not a total, failure;
 *   - `successShare` (`heeks_success_share`): the share of a sustained
 *     service's live instances that must be successes for the service to be
 *     one (the project's reading of "mostly").
 */
export interface HeeksRule {
  readonly failureMonths: number;
  readonly successShare: number;
}

/** The rule of a run's resolved parameters (every name present: resolveParameters). */
export function heeksRule(params: { readonly heeks_failure_months: number | null; readonly heeks_success_share: number | null }): HeeksRule {
  const failureMonths = params.heeks_failure_months;
  const successShare = params.heeks_success_share;
  if (failureMonths === null || successShare === null) throw new Error('heeks_failure_months and heeks_success_share must be resolved');
  return { failureMonths, successShare };
}

/** The rule at the package defaults (parameters.ts). */
export const DEFAULT_HEEKS_RULE: HeeksRule = heeksRule({
  heeks_failure_months: PARAMETER_DEFAULTS['heeks_failure_months'] ?? null,
  heeks_success_share: PARAMETER_DEFAULTS['heeks_success_share'] ?? null,
});

export type HeeksClass = 'success' | 'partial' | 'total_failure' | 'replaced';

/** A service live at the horizon: a success when sustained with at least `successShare` of its live instances successes. */
function liveClass(o: OutcomeRow, rule: HeeksRule): HeeksClass {
  const live = o.heeks_success + o.heeks_partial;
  // A ratio (exact at a decimal share; at 0.5 the same as success >= partial). With no
  // instance counted live the condition holds, as 0 >= 0 did.
  return o.outcome === 'sustained' && (live === 0 || o.heeks_success / live >= rule.successShare) ? 'success' : 'partial';
}

export function heeksServiceClass(o: OutcomeRow, rule: HeeksRule): HeeksClass {
  if (o.first_adoption_month === null || o.peak_live === 0) return 'total_failure';
  if (o.live_end > 0) return liveClass(o, rule);
  if (o.heeks_replaced > o.heeks_failure) return 'replaced';
  if (o.last_discontinuation_month === null) throw new Error(`${o.innovation}: ended with no discontinuation month`);
  const ran = o.last_discontinuation_month - o.first_adoption_month;
  return ran >= rule.failureMonths ? 'partial' : 'total_failure';
}

export type HeeksCounts = Record<HeeksClass, number>;

export function heeksPortfolio(rows: readonly OutcomeRow[], rule: HeeksRule): HeeksCounts {
  const counts: HeeksCounts = { success: 0, partial: 0, total_failure: 0, replaced: 0 };
  for (const o of rows) counts[heeksServiceClass(o, rule)]++;
  return counts;
}

export type Range = readonly [number, number];

/**
 * The shares Heeks' rates allow for a portfolio of *launched* services. A
 * scenario lists what a city launched (a case record names what ran, not
 * what was planned and never built). Heeks' total failures are either never
 * implemented (then outside any such portfolio) or implemented and
 * immediately abandoned (then inside it); he does not give the split. At
 * one extreme all 35 % are inside (15 / 50 / 35), at the other none are
 * (15/65, 50/65, 0). A launched portfolio matching Heeks lies between.
 */
export function heeksLaunchedRange(): { success: Range; partial: Range; total_failure: Range } {
  const implemented = HEEKS_2003.success + HEEKS_2003.partial;
  return {
    success: [HEEKS_2003.success, HEEKS_2003.success / implemented],
    partial: [HEEKS_2003.partial, HEEKS_2003.partial / implemented],
    total_failure: [0, HEEKS_2003.total_failure],
  };
}

/**
 * Other readings of the same outcomes, reported beside P5b so that the
 * comparison does not rest on one reading (docs/ODD.md section 12).
 */

/**
 * Per service, a pilot never routinized anywhere counts as never
 * "implemented": a service that ended without ever being routinized in
 * some agency is a total failure, whatever it ran.
 */
export function neverRoutinizedClass(o: OutcomeRow, everRoutinized: boolean, rule: HeeksRule): HeeksClass {
  const heeks = heeksServiceClass(o, rule);
  return heeks === 'partial' && o.live_end === 0 && !everRoutinized ? 'total_failure' : heeks;
}

/** Per service, MODEL.md's classes: any discontinuance other than replacement is a failure. */
export function modelServiceClass(o: OutcomeRow, rule: HeeksRule): HeeksClass {
  if (o.live_end > 0) return liveClass(o, rule);
  if (o.peak_live > 0 && o.heeks_replaced > o.heeks_failure) return 'replaced';
  return 'total_failure';
}

/**
 * Per instance, on Heeks' definitions: live instances as MODEL.md classes
 * them (success or partial); an ended instance is a sustainability (partial)
 * failure when it ran `rule.failureMonths` or more since its adoption,
 * else a total failure; replaced instances are left out. Needs the
 * replication's events (adoption and discontinuance rows).
 */
export function heeksInstanceCounts(
  outcomes: readonly OutcomeRow[],
  events: readonly { month: number; kind: string; opd: string; innovation: string; cause: string }[],
  rule: HeeksRule,
): HeeksCounts {
  const counts: HeeksCounts = { success: 0, partial: 0, total_failure: 0, replaced: 0 };
  for (const o of outcomes) {
    counts.success += o.heeks_success;
    counts.partial += o.heeks_partial;
  }
  const adopted = new Map<string, number>();
  for (const e of events) {
    const key = `${e.opd}|${e.innovation}`;
    if (e.kind === 'adoption') adopted.set(key, e.month);
    if (e.kind !== 'discontinuance') continue;
    const from = adopted.get(key);
    adopted.delete(key);
    if (e.cause === 'replacement') counts.replaced++;
    else if (from !== undefined && e.month - from < rule.failureMonths) counts.total_failure++;
    else counts.partial++;
  }
  return counts;
}
