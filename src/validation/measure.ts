/**
 * Measurements and scenario variants that several pattern checks share.
 */
import { monthIndex } from '../scenario/calendar.js';
import type { Scenario } from '../scenario/schema.js';
import { wilson } from '../experiment/stats/wilson.js';
import { metricAt, type Ensemble } from '../experiment/ensemble.js';
import type { Overrides } from './check.js';

export const CAUSE_METRICS = ['defunded', 'vendor_exit', 'disenchantment', 'hazard', 'leadership', 'replacement'].map((c) => `discontinued_${c}`);

/** The model month (1-based) of a `YYYY-MM` date in the scenario's calendar. */
export function monthOf(s: Scenario, ym: string): number {
  return monthIndex(s.start, ym);
}

/** Calendar month (1-12) of model month m. */
export function calendarMonth(s: Scenario, m: number): number {
  const startMonth = Number(s.start.slice(5, 7));
  return ((startMonth - 1 + m - 1) % 12) + 1;
}

/** Calendar year of model month m. */
export function calendarYear(s: Scenario, m: number): number {
  const startYear = Number(s.start.slice(0, 4));
  const startMonth = Number(s.start.slice(5, 7));
  return startYear + Math.floor((startMonth - 1 + m - 1) / 12);
}

/** Model months of a calendar year inside the horizon. */
export function monthsOfYear(s: Scenario, year: number): number[] {
  const out: number[] = [];
  for (let m = 1; m <= s.months; m++) if (calendarYear(s, m) === year) out.push(m);
  return out;
}

/** Share of replications in which `innovation` ends with one of `outcomes` (Wilson interval). */
export function shareOutcome(e: Ensemble, innovation: string, outcomes: readonly string[]) {
  let hits = 0;
  let n = 0;
  for (const r of e.results) {
    const row = r.outcomes.find((o) => o.innovation === innovation);
    if (!row) continue;
    n++;
    if (outcomes.includes(row.outcome)) hits++;
  }
  return wilson(hits, n);
}

/** Exits (all causes) per replication and month: [replication][month - 1]. */
export function exitsPerMonth(e: Ensemble): number[][] {
  const perCause = CAUSE_METRICS.map((c) => Array.from({ length: e.scenario.months }, (_, m) => metricAt(e, c, m + 1)));
  return e.results.map((_, r) => Array.from({ length: e.scenario.months }, (_, m) => perCause.reduce((s, c) => s + c[m]![r]!, 0)));
}

/** Per replication, the mean of a monthly metric over the given months. */
export function meanOverMonths(e: Ensemble, metric: string, months: readonly number[]): number[] {
  const cols = months.map((m) => metricAt(e, metric, m));
  return e.results.map((_, r) => cols.reduce((s, c) => s + c[r]!, 0) / Math.max(1, cols.length));
}

/**
 * Every pilot taken over by the city whoever owns it, and no vendor contract
 * ending: the funding structure that ends vendor pilots is removed.
 */
export function pilotsKept(s: Scenario): Overrides {
  const o: Overrides = {
    'parameters.takeover_vendor': 1,
    'parameters.takeover_coordinator': 1,
    'parameters.takeover_opd': 1,
    'parameters.vendor_exit_discontinue': 0,
  };
  for (const v of s.vendors) if (v.contract_end !== undefined) o[`vendors[id=${v.id}].contract_end`] = null;
  return o;
}

/** Every service agency-owned, on the city budget, its own sponsor, and every agency championed (no rotation). */
export function everyServiceOwned(s: Scenario): Overrides {
  return { 'parameters.champion_probability': 1, 'parameters.champion_rotation': 0, ...ownedAndBudgeted(s) };
}

/** Every service agency-owned, on the city budget and its own sponsor (no vendor, no pilot); champions as shipped. */
function ownedAndBudgeted(s: Scenario): Overrides {
  const o: Overrides = {};
  for (const x of s.innovations) {
    o[`innovations[id=${x.id}].owner`] = 'opd';
    o[`innovations[id=${x.id}].funding`] = 'apbd';
    o[`innovations[id=${x.id}].sponsor`] = 'opd';
    if (x.vendor !== undefined) o[`innovations[id=${x.id}].vendor`] = null;
    if (x.pilot_months !== undefined) o[`innovations[id=${x.id}].pilot_months`] = null;
  }
  return o;
}

/**
 * Every service given the whole governance of the case's agency-owned
 * success (`model`, smart health in Bekasi), not only its owner and funding:
 * agency-owned, on the city budget, its own sponsor, on `model`'s platform
 * and integrated with it from its own launch, and anchored by every
 * regulation that anchors `model`. Champions are left as shipped: they are
 * an agency's, not a service's, and removing them from this control changes
 * nothing measurable (docs/ODD.md section 12, the ablation table). Owner and
 * funding alone (everyServiceOwned) leave a service on a vendor's platform
 * that shuts with the vendor's contract, unanchored and (self-sponsored)
 * without the leader: its translation score then stays below `T_stable`, so
 * it cannot routinize, and the 2023 ban replaces it as standalone. What
 * stays the service's own: its attributes, who may adopt it, its launch and
 * its launch adopters. Returns null when `model` is not in the scenario.
 */
export function everyServiceGovernedLike(s: Scenario, model: string): Overrides | null {
  const m = s.innovations.find((x) => x.id === model);
  if (!m) return null;
  const o: Overrides = { ...ownedAndBudgeted(s) };
  for (const x of s.innovations) {
    const at = `innovations[id=${x.id}]`;
    o[`${at}.platform`] = m.platform ?? null;
    o[`${at}.integrated_from`] = m.integrated_from === undefined ? null : x.launch;
  }
  const all = s.innovations.map((x) => x.id);
  for (const r of s.regulations) if ((r.anchors ?? []).includes(model)) o[`regulations[id=${r.id}].anchors`] = all;
  return o;
}

/**
 * Every service a vendor-owned, leader-sponsored 36-month pilot of the
 * scenario's first vendor. With `takeover` set, the city takes no pilot
 * over with more than that probability (0: the pilots all end with their
 * contract, as the Bekasi record has every vendor pilot).
 */
export function everyServiceVendorPilot(s: Scenario, takeover?: number): Overrides {
  const vendor = s.vendors[0]?.id;
  const o: Overrides = {};
  for (const x of s.innovations) {
    o[`innovations[id=${x.id}].owner`] = 'vendor';
    o[`innovations[id=${x.id}].funding`] = 'pilot';
    o[`innovations[id=${x.id}].pilot_months`] = 36;
    o[`innovations[id=${x.id}].sponsor`] = 'leader';
    if (vendor !== undefined) o[`innovations[id=${x.id}].vendor`] = vendor;
    if (takeover !== undefined) o[`innovations[id=${x.id}].takeover`] = takeover;
  }
  return o;
}
