/**
 * Heeks' (2003) success and failure categories for a portfolio of e-services,
 * used by pattern P5 ("Heeks-like totals").
 *
 * Heeks counts *initiatives* (projects), and defines (Heeks 2003; the
 * definitions page of his eGov4Dev site):
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
 *   - success: `sustained` at the horizon, with at least half of its live
 *     instances MODEL.md successes (live, routinized, usage >= u_target);
 *   - partial: live at the horizon otherwise (goal failure; the zombie of
 *     P5), or discontinued at least SUSTAINABILITY_MONTHS after its first
 *     adoption (sustainability failure);
 *   - total failure: never live, or discontinued within
 *     SUSTAINABILITY_MONTHS of its first adoption;
 *   - replaced: discontinued with most instances migrated under a
 *     standalone ban (Heeks has no such class; left out of the shares).
 */
import type { OutcomeRow } from '../model/observation.js';

/** Heeks (2003): shares of e-government-for-development initiatives. */
export const HEEKS_2003 = { success: 0.15, partial: 0.5, total_failure: 0.35 } as const;

/**
 * "Fails after a year or so" (Heeks' sustainability failure): a service that
 * ran at least this long before it ended is a partial, not a total, failure.
 */
export const SUSTAINABILITY_MONTHS = 12;

export type HeeksClass = 'success' | 'partial' | 'total_failure' | 'replaced';

/** A service live at the horizon: a success when sustained with at least half its live instances successes. */
function liveClass(o: OutcomeRow): HeeksClass {
  return o.outcome === 'sustained' && o.heeks_success >= o.heeks_partial ? 'success' : 'partial';
}

export function heeksServiceClass(o: OutcomeRow, sustainabilityMonths = SUSTAINABILITY_MONTHS): HeeksClass {
  if (o.first_adoption_month === null || o.peak_live === 0) return 'total_failure';
  if (o.live_end > 0) return liveClass(o);
  if (o.heeks_replaced > o.heeks_failure) return 'replaced';
  if (o.last_discontinuation_month === null) throw new Error(`${o.innovation}: ended with no discontinuation month`);
  const ran = o.last_discontinuation_month - o.first_adoption_month;
  return ran >= sustainabilityMonths ? 'partial' : 'total_failure';
}

export type HeeksCounts = Record<HeeksClass, number>;

export function heeksPortfolio(rows: readonly OutcomeRow[], sustainabilityMonths = SUSTAINABILITY_MONTHS): HeeksCounts {
  const counts: HeeksCounts = { success: 0, partial: 0, total_failure: 0, replaced: 0 };
  for (const o of rows) counts[heeksServiceClass(o, sustainabilityMonths)]++;
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
export function neverRoutinizedClass(o: OutcomeRow, everRoutinized: boolean, sustainabilityMonths = SUSTAINABILITY_MONTHS): HeeksClass {
  const heeks = heeksServiceClass(o, sustainabilityMonths);
  return heeks === 'partial' && o.live_end === 0 && !everRoutinized ? 'total_failure' : heeks;
}

/** Per service, MODEL.md's classes: any discontinuance other than replacement is a failure. */
export function modelServiceClass(o: OutcomeRow): HeeksClass {
  if (o.live_end > 0) return liveClass(o);
  if (o.peak_live > 0 && o.heeks_replaced > o.heeks_failure) return 'replaced';
  return 'total_failure';
}

/**
 * Per instance, on Heeks' definitions: live instances as MODEL.md classes
 * them (success or partial); an ended instance is a sustainability (partial)
 * failure when it ran `sustainabilityMonths` or more since its adoption,
 * else a total failure; replaced instances are left out. Needs the
 * replication's events (adoption and discontinuance rows).
 */
export function heeksInstanceCounts(
  outcomes: readonly OutcomeRow[],
  events: readonly { month: number; kind: string; opd: string; innovation: string; cause: string }[],
  sustainabilityMonths = SUSTAINABILITY_MONTHS,
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
    else if (from !== undefined && e.month - from < sustainabilityMonths) counts.total_failure++;
    else counts.partial++;
  }
  return counts;
}
