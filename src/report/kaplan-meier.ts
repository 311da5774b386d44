/**
 * Survival of service instances: the Kaplan-Meier product-limit estimator.
 *
 *   events.csv rows --spellsFromEvents--> spells (duration, event?)
 *                   --kaplanMeier-------> step curve S(t) with 95 % band
 *
 * A spell is one life of an (replication, OPD, innovation) instance: it
 * starts at an adoption event and ends at a discontinuance event, or is
 * censored at the horizon. Time is measured in months since the adoption
 * month, at month ends: an instance adopted in month `a` and discontinued in
 * month `d` failed at `t = d - a`; one still live at the horizon `H` is
 * censored at `t = H - a`.
 *
 * The band is the 95 % pointwise interval on the complementary log-log
 * scale (Kalbfleisch and Prentice 2002) with Greenwood's variance; it stays
 * inside [0, 1].
 */
import { ADOPTION_EVENT, DISCONTINUANCE_EVENT } from '../model/vocabulary.js';
import type { EventRow } from './rows.js';

/** One instance life. */
export interface Spell {
  readonly replication: number;
  readonly opd: string;
  readonly innovation: string;
  /** Adoption month (1-based). */
  readonly start: number;
  /** Months from adoption to the discontinuance or to the horizon. */
  readonly duration: number;
  /** true = discontinued (an event), false = censored at the horizon. */
  readonly event: boolean;
  readonly cause: string | null;
}

/** One step of the Kaplan-Meier curve: the state just after time `time`. */
export interface KmPoint {
  /** Months since adoption. */
  readonly time: number;
  /** Spells at risk just before `time`. */
  readonly atRisk: number;
  /** Discontinuances at `time`. */
  readonly events: number;
  /** Spells censored at `time`. */
  readonly censored: number;
  /** S(time), share still live. */
  readonly survival: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** Survival curve of one innovation, pooled over the detail replications. */
export interface InnovationSurvival {
  readonly innovation: string;
  readonly spells: number;
  readonly events: number;
  /** Replications in which the innovation had at least one spell. */
  readonly replications: number;
  readonly curve: readonly KmPoint[];
}

/** Standard normal quantile for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * Splits the event log into instance spells, censoring open spells at
 * `horizon` (the scenario's months). Rows are taken in (month, file) order
 * per instance; a discontinuance with no open spell and a second adoption of
 * an open spell are ignored.
 * Complexity O(n log n) in the number of events.
 */
export function spellsFromEvents(events: readonly EventRow[], horizon: number): Spell[] {
  interface Open {
    start: number;
  }
  const rows = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.opd !== null && e.innovation !== null && (e.kind === ADOPTION_EVENT || e.kind === DISCONTINUANCE_EVENT))
    .sort((a, b) => a.e.month - b.e.month || a.i - b.i);
  const open = new Map<string, Open>();
  const spells: Spell[] = [];
  const key = (e: EventRow): string => JSON.stringify([e.replication, e.opd, e.innovation]);
  for (const { e } of rows) {
    const k = key(e);
    const o = open.get(k);
    if (e.kind === ADOPTION_EVENT) {
      if (!o) open.set(k, { start: e.month });
    } else if (o) {
      open.delete(k);
      spells.push({
        replication: e.replication,
        opd: e.opd as string,
        innovation: e.innovation as string,
        start: o.start,
        duration: e.month - o.start,
        event: true,
        cause: e.cause,
      });
    }
  }
  for (const [k, o] of open) {
    const [replication, opd, innovation] = JSON.parse(k) as [number, string, string];
    spells.push({ replication, opd, innovation, start: o.start, duration: Math.max(0, horizon - o.start), event: false, cause: null });
  }
  return spells.sort(
    (a, b) =>
      (a.innovation < b.innovation ? -1 : a.innovation > b.innovation ? 1 : 0) ||
      a.replication - b.replication ||
      (a.opd < b.opd ? -1 : a.opd > b.opd ? 1 : 0) ||
      a.start - b.start,
  );
}

/**
 * Kaplan-Meier estimate from spells: S(t) = prod over event times t_i <= t
 * of (1 - d_i / n_i). Ties: events before censorings at the same time.
 * Returns a point at time 0 (S = 1), then one per distinct event or
 * censoring time (a second point at 0 when spells end at 0), so the step
 * curve runs to the last follow-up.
 * Complexity O(n log n).
 * @example kaplanMeier([{duration: 2, event: true}, {duration: 3, event: false}])
 *   // [{time 0, S 1}, {time 2, S 0.5}, {time 3, S 0.5}]
 */
export function kaplanMeier(spells: readonly { readonly duration: number; readonly event: boolean }[], z: number = Z95): KmPoint[] {
  const byTime = new Map<number, { d: number; c: number }>();
  for (const s of spells) {
    const c = byTime.get(s.duration) ?? { d: 0, c: 0 };
    if (s.event) c.d += 1;
    else c.c += 1;
    byTime.set(s.duration, c);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  let atRisk = spells.length;
  let survival = 1;
  let greenwood = 0;
  const points: KmPoint[] = [];
  points.push({ time: 0, atRisk, events: 0, censored: 0, survival: 1, ciLow: 1, ciHigh: 1 });
  for (const t of times) {
    const { d, c } = byTime.get(t) as { d: number; c: number };
    const n = atRisk;
    if (d > 0) {
      survival *= 1 - d / n;
      greenwood += n > d ? d / (n * (n - d)) : Number.POSITIVE_INFINITY;
    }
    const [ciLow, ciHigh] = logLogInterval(survival, greenwood, z);
    if (t > 0 || d > 0) points.push({ time: t, atRisk: n, events: d, censored: c, survival, ciLow, ciHigh });
    atRisk -= d + c;
  }
  return points;
}

/** Pointwise interval on the log(-log S) scale; degenerate at S = 0 or 1. */
function logLogInterval(s: number, greenwood: number, z: number): [number, number] {
  if (s <= 0) return [0, 0];
  if (s >= 1) return [1, 1];
  const logS = Math.log(s);
  const se = Math.sqrt(greenwood) / Math.abs(logS);
  if (!Number.isFinite(se)) return [0, 1];
  return [s ** Math.exp(z * se), s ** Math.exp(-z * se)];
}

/**
 * Kaplan-Meier curve per innovation from events.csv rows, censored at
 * `horizon`. Innovations are listed in `order` first (the scenario's order),
 * then any others found in the log, alphabetically.
 */
export function survivalByInnovation(
  events: readonly EventRow[],
  horizon: number,
  order: readonly string[] = [],
): InnovationSurvival[] {
  const spells = spellsFromEvents(events, horizon);
  const groups = new Map<string, Spell[]>();
  for (const s of spells) {
    const g = groups.get(s.innovation) ?? [];
    g.push(s);
    groups.set(s.innovation, g);
  }
  const ids = [...order.filter((id) => groups.has(id)), ...[...groups.keys()].filter((id) => !order.includes(id)).sort()];
  return ids.map((innovation) => {
    const g = groups.get(innovation) as Spell[];
    return { innovation, spells: g.length, events: g.filter((s) => s.event).length, replications: new Set(g.map((s) => s.replication)).size, curve: kaplanMeier(g) };
  });
}
