/**
 * Phase 9, observation (MODEL.md section 8): the monthly metrics of one
 * replication, and at the horizon the outcome of each innovation, the Heeks
 * classification of instances and the agents' table.
 *
 * Metric names are an interface (docs/OUTPUTS.md): extend, never rename.
 */
import type { CompiledModel } from './compile.js';
import { CATEGORIES, categoryOfZ } from '../scenario/vocabulary.js';
import { CAUSE, CAUSES, STAGE, STATE, isLive, type World } from './world.js';
import { liveListAfterStep } from './active.js';

import { OUTCOMES, PER_INNOVATION_METRICS, type Outcome } from './vocabulary.js';
export { OUTCOMES, type Outcome };

/** The city-wide shares and means (the rest of the city metrics are counts or levels). */
export const CITY_SHARE_METRICS = [
  'cumulative_adoption_share',
  'live_share',
  'routinized_share',
  'integrated_share',
  'failing_share',
  'mean_usage',
  'mean_translation',
] as const;

/** City metrics whose every value lies in [0, 1]: the shares and means above, the vision and the leader's commitment (levels). */
export const UNIT_METRICS = [...CITY_SHARE_METRICS, 'vision', 'leader_commitment'] as const;

const CITY_METRICS = [
  ...CITY_SHARE_METRICS,
  'state_unaware',
  'state_aware',
  'state_live',
  'state_routinized',
  'state_discontinued',
  'stage_restructuring',
  'stage_clarifying',
  'stage_routinized',
  'new_adoptions',
  ...CATEGORIES.map((c) => `adoptions_${c}`),
  ...CAUSES.map((c) => `discontinued_${c}`),
  'learning_single',
  'learning_double',
  'learning_double_vision',
  'learning_triple',
  'leader_commitment',
  'vision',
  'budget',
] as const;

/** The metric columns of a model, in output order. */
export function metricNames(model: CompiledModel): string[] {
  const names: string[] = [...CITY_METRICS];
  for (const prefix of PER_INNOVATION_METRICS) for (const inn of model.innovations) names.push(`${prefix}.${inn.id}`);
  return names;
}

/** `metricNames(model).length`, without building the names (every replication asks). */
export function metricCount(model: CompiledModel): number {
  return CITY_METRICS.length + PER_INNOVATION_METRICS.length * model.innovations.length;
}

/**
 * The counters' index of each cause, in CAUSES order: writeRow reads them
 * by number, not by a name looked up in CAUSE every month.
 */
const CAUSE_INDEX = Int32Array.from(CAUSES, (cause) => CAUSE[cause]);

/**
 * What a row of metrics is made of: counts over the eligible service
 * instances, and the city shares. `tally` scans the world; pure Bass mode
 * (bass.ts) keeps the same tallies incrementally.
 */
export interface Tallies {
  eligiblePairs: number;
  ever: number;
  usageSum: number;
  translationSum: number;
  integratedShare: number;
  failingShare: number;
  readonly stateCounts: Int32Array; // 5
  readonly stageCounts: Int32Array; // 4
  readonly liveBy: Int32Array; // k
  readonly everBy: Int32Array;
  readonly routinizedBy: Int32Array;
  readonly awareBy: Int32Array;
}

/**
 * Zeroes the per-state, per-stage and per-innovation counts (the sums are
 * set by the caller). By loops, not fill(): each fill() is a call into the
 * runtime, six a month for arrays of a few entries.
 */
function clearCounts(t: Tallies): void {
  const { stateCounts, stageCounts, liveBy, everBy, routinizedBy, awareBy } = t;
  for (let s = 0; s < stateCounts.length; s++) stateCounts[s] = 0;
  for (let s = 0; s < stageCounts.length; s++) stageCounts[s] = 0;
  for (let j = 0; j < liveBy.length; j++) liveBy[j] = 0;
  for (let j = 0; j < everBy.length; j++) everBy[j] = 0;
  for (let j = 0; j < routinizedBy.length; j++) routinizedBy[j] = 0;
  for (let j = 0; j < awareBy.length; j++) awareBy[j] = 0;
}

export function newTallies(k: number): Tallies {
  return new TallyScratch(k);
}

/**
 * The tallies as a class, not an object literal, and their sums first set
 * to NaN, then 0: V8 then keeps what each field holds (which kind of array;
 * doubles, not small integers) as it will be for the whole run. An object
 * literal forgets the kind of array the second time it runs (the next
 * replication's tallies), and a sum that held small integers until the
 * first month with a fraction changes its layout; either discards the
 * optimized tallyAfterStep and writeRow of the thread's first replication.
 */
class TallyScratch implements Tallies {
  eligiblePairs = -1;
  ever = -1;
  usageSum = NaN;
  translationSum = NaN;
  integratedShare = NaN;
  failingShare = NaN;
  readonly stateCounts = new Int32Array(5);
  readonly stageCounts = new Int32Array(4);
  readonly liveBy: Int32Array;
  readonly everBy: Int32Array;
  readonly routinizedBy: Int32Array;
  readonly awareBy: Int32Array;

  constructor(k: number) {
    this.liveBy = new Int32Array(k);
    this.everBy = new Int32Array(k);
    this.routinizedBy = new Int32Array(k);
    this.awareBy = new Int32Array(k);
    this.eligiblePairs = 0;
    this.ever = 0;
    this.usageSum = 0;
    this.translationSum = 0;
    this.integratedShare = 0;
    this.failingShare = 0;
  }
}

/** Counts the world's instances into `t` (reset first). */
export function tally(w: World, t: Tallies): Tallies {
  const { n, k, state, eligible, everAdopted, stage, usage, translation, integrated } = w;
  const { stateCounts, stageCounts, liveBy, everBy, routinizedBy, awareBy } = t;
  clearCounts(t);
  const fail = w.model.params.u_fail;
  let eligiblePairs = 0;
  let ever = 0;
  let usageSum = 0;
  let translationSum = 0;
  // One pass for the counts, integratedShare() and failingShare() (same definitions).
  let integratedAgencies = 0;
  let liveAll = 0;
  let failing = 0;
  for (let o = 0; o < n; o++) {
    let anyIntegrated = false;
    for (let j = 0; j < k; j++) {
      const i = o * k + j;
      const s = state[i]!;
      const live = isLive(s);
      if (live) {
        liveAll++;
        if (usage[i]! < fail) failing++;
        if (integrated[i]) anyIntegrated = true;
      }
      if (!eligible[i]) continue;
      eligiblePairs++;
      stateCounts[s]!++;
      if (everAdopted[i]) {
        ever++;
        everBy[j]!++;
      }
      if (s === STATE.aware) awareBy[j]!++;
      if (live) {
        liveBy[j]!++;
        stageCounts[stage[i]!]!++;
        usageSum += usage[i]!;
        translationSum += translation[i]!;
        if (s === STATE.routinized) routinizedBy[j]!++;
      }
    }
    if (anyIntegrated) integratedAgencies++;
  }
  t.eligiblePairs = eligiblePairs;
  t.ever = ever;
  t.usageSum = usageSum;
  t.translationSum = translationSum;
  t.integratedShare = n === 0 ? 0 : integratedAgencies / n;
  t.failingShare = liveAll > 0 ? failing / liveAll : 0;
  return t;
}

/**
 * `tally(w, t)`, the same numbers, for a world that step() just left (its
 * lists current, `w.lists.observable`): the live instances from the live
 * list (in index order, so sums add in the same order), the unaware and
 * aware ones of each launched innovation from its candidates, and the
 * discontinued ones as the rest of its eligible pairs (within a tick no
 * instance becomes unaware or aware outside the candidates, see active.ts).
 * An innovation not launched yet, or withdrawn, has no candidates: its
 * column is scanned. Otherwise (a world changed since) the full scan.
 */
export function tallyAfterStep(w: World, t: Tallies): Tallies {
  const a = w.lists;
  if (!a.observable) return tally(w, t);
  const { n, k, state, eligible, everAdopted, stage, usage, translation, integrated, agencyOf, innovationOf } = w;
  const { stateCounts, stageCounts, liveBy, everBy, routinizedBy, awareBy } = t;
  clearCounts(t);
  const fail = w.model.params.u_fail;
  const innovations = w.model.innovations;
  let eligiblePairs = 0;
  let ever = 0;
  let usageSum = 0;
  let translationSum = 0;
  let integratedAgencies = 0;
  let lastAgency = -1;
  let liveAll = 0;
  let failing = 0;
  const count = liveListAfterStep(a);
  const live = a.live;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    const s = state[i]!;
    if (!isLive(s)) continue;
    liveAll++;
    if (usage[i]! < fail) failing++;
    // The integrated agencies and the routinized instances counted without
    // a branch (adding 0 when one does not count): the first integrated or
    // routinized instance comes after this function was optimized, and a
    // read or sum that first ran then threw its optimized code away.
    const o = agencyOf[i]!;
    const newIntegratedAgency = (integrated[i] ? 1 : 0) & (o !== lastAgency ? 1 : 0);
    integratedAgencies += newIntegratedAgency;
    lastAgency = newIntegratedAgency === 1 ? o : lastAgency;
    if (!eligible[i]) continue;
    const j = innovationOf[i]!;
    stateCounts[s]!++;
    if (everAdopted[i]) {
      ever++;
      everBy[j]!++;
    }
    liveBy[j]!++;
    stageCounts[stage[i]!]!++;
    usageSum += usage[i]!;
    translationSum += translation[i]!;
    routinizedBy[j]! += s === STATE.routinized ? 1 : 0;
  }
  const { candidates, candidateCount, listed } = a;
  for (let j = 0; j < k; j++) {
    const inn = innovations[j]!;
    eligiblePairs += inn.eligibleCount;
    if (listed[j] === 1) {
      // Only the aware ones listed: active.ts does that in a national government's world alone (a service the
      // government has not launched), and national worlds are tallied by national/simulate.ts, never here
      // (observeAfterStep runs in city simulate() only). Counting this column from its aware candidates would
      // be wrong, so a world that reaches here is a program error, not a count.
      throw new Error('tallyAfterStep: a national world (a service listed by its aware agencies only) is tallied by national/simulate.ts');
    }
    if (listed[j] === 0) {
      // No candidates were listed. Before its launch nothing touches an
      // innovation's instances, and after the tick that withdrew it (its
      // instances ended, its aware agencies back to unaware) neither: its
      // column is scanned once in each of those spans and the counts kept.
      const kind = w.withdrawn[j] ? 2 : 1;
      const f = a.frozenCounts;
      const at = j * 8;
      if (a.frozenKind[j] !== kind) {
        f.fill(0, at, at + 8);
        for (let o = 0, i = j; o < n; o++, i += k) {
          const s = state[i]!;
          if (!eligible[i] || isLive(s)) continue;
          f[at + s]!++;
          if (everAdopted[i]) f[at + 5]!++;
          if (s === STATE.aware) f[at + 6]!++;
        }
        a.frozenKind[j] = kind;
      }
      for (let s = 0; s < 5; s++) stateCounts[s]! += f[at + s]!;
      ever += f[at + 5]!;
      everBy[j]! += f[at + 5]!;
      awareBy[j]! += f[at + 6]!;
      continue;
    }
    let unaware = 0;
    let aware = 0;
    let everOthers = 0;
    for (let x = j * n, end = x + candidateCount[j]!; x < end; x++) {
      const i = candidates[x]! * k + j;
      if (!eligible[i]) continue;
      const s = state[i]!;
      if (s === STATE.unaware) unaware++;
      else if (s === STATE.aware) aware++;
      else continue;
      if (everAdopted[i]) everOthers++;
    }
    // Every discontinued instance was adopted (only live ones are discontinued).
    const discontinued = inn.eligibleCount - unaware - aware - liveBy[j]!;
    stateCounts[STATE.unaware]! += unaware;
    stateCounts[STATE.aware]! += aware;
    stateCounts[STATE.discontinued]! += discontinued;
    awareBy[j] = aware;
    everBy[j]! += everOthers + discontinued;
    ever += everOthers + discontinued;
  }
  t.eligiblePairs = eligiblePairs;
  t.ever = ever;
  t.usageSum = usageSum;
  t.translationSum = translationSum;
  t.integratedShare = n === 0 ? 0 : integratedAgencies / n;
  t.failingShare = liveAll > 0 ? failing / liveAll : 0;
  return t;
}

/** observe() for a world that step() just left (tallyAfterStep); the row from index `at` of `row` (runLoop's observeAt). */
export function observeAfterStep(w: World, row: Float64Array, scratch: Tallies, at = 0): void {
  writeRow(w, row, tallyAfterStep(w, scratch), at);
}

/** Writes month `w.month`'s metrics into `row` (length = metricNames().length). */
export function observe(w: World, row: Float64Array, scratch: Tallies = newTallies(w.k)): void {
  writeRow(w, row, tally(w, scratch));
}

/** Writes one row of metrics from the tallies of this month, into `row` from index `at`. */
export function writeRow(w: World, row: Float64Array, t: Tallies, at = 0): void {
  const { k } = w;
  const { eligiblePairs, ever, usageSum, translationSum, stateCounts, stageCounts, liveBy, everBy, routinizedBy, awareBy } = t;
  const live = stateCounts[STATE.live]! + stateCounts[STATE.routinized]!;
  const c = w.counters;
  let x = at;
  row[x++] = eligiblePairs > 0 ? ever / eligiblePairs : 0;
  row[x++] = eligiblePairs > 0 ? live / eligiblePairs : 0;
  row[x++] = eligiblePairs > 0 ? stateCounts[STATE.routinized]! / eligiblePairs : 0;
  row[x++] = t.integratedShare;
  row[x++] = t.failingShare;
  row[x++] = live > 0 ? usageSum / live : 0;
  row[x++] = live > 0 ? translationSum / live : 0;
  for (let s = 0; s < 5; s++) row[x++] = stateCounts[s]!;
  row[x++] = stageCounts[STAGE.restructuring]!;
  row[x++] = stageCounts[STAGE.clarifying]!;
  row[x++] = stageCounts[STAGE.routinized]!;
  row[x++] = c.newAdoptions;
  for (let cat = 0; cat < 5; cat++) row[x++] = c.adoptionsByCategory[cat]!;
  for (let cause = 0; cause < CAUSE_INDEX.length; cause++) row[x++] = c.discontinuedByCause[CAUSE_INDEX[cause]!]!;
  row[x++] = c.learningSingle;
  row[x++] = c.learningDouble;
  row[x++] = c.learningDoubleVision;
  row[x++] = c.learningTriple;
  row[x++] = w.commitment;
  row[x++] = w.vision;
  row[x++] = w.budget;
  for (let j = 0; j < k; j++) row[x++] = liveBy[j]!;
  for (let j = 0; j < k; j++) {
    const e = w.model.innovations[j]!.eligibleCount;
    row[x++] = e > 0 ? everBy[j]! / e : 0;
  }
  for (let j = 0; j < k; j++) row[x++] = routinizedBy[j]!;
  for (let j = 0; j < k; j++) row[x++] = awareBy[j]!;
  for (let j = 0; j < k; j++) row[x++] = w.month >= w.model.innovations[j]!.launch ? 1 : 0;
  for (let j = 0; j < k; j++) if (liveBy[j]! > w.peakLive[j]!) w.peakLive[j] = liveBy[j]!;
}

export interface OutcomeRow {
  innovation: string;
  outcome: Outcome;
  peak_live: number;
  live_end: number;
  first_adoption_month: number | null;
  last_discontinuation_month: number | null;
  main_cause: string | null;
  heeks_success: number;
  heeks_partial: number;
  heeks_failure: number;
  heeks_replaced: number;
}

/**
 * Per innovation at the horizon (MODEL.md section 8): `sustained` (live at
 * the end >= 1 and >= sustain_fraction of its peak, half by default, with
 * peak >= min(min_peak, eligible)),
 * `discontinued` (had live instances, none at the end, or withdrawn),
 * `never_adopted`, otherwise `declining`. Heeks (2003) per instance: success
 * (live, routinized, usage >= u_target), partial (live otherwise), failure
 * (discontinued other than by replacement), replaced.
 */
export function outcomes(w: World): OutcomeRow[] {
  const p = w.model.params;
  const sustainFraction = p.sustain_fraction;
  const { n, k } = w;
  const rows: OutcomeRow[] = [];
  for (let j = 0; j < k; j++) {
    const inn = w.model.innovations[j]!;
    let liveEnd = 0;
    const heeks = { success: 0, partial: 0, failure: 0, replaced: 0 };
    for (let o = 0; o < n; o++) {
      const i = o * k + j;
      const s = w.state[i]!;
      if (isLive(s)) liveEnd++;
      if (!w.everAdopted[i]) continue;
      if (isLive(s)) {
        if (s === STATE.routinized && w.usage[i]! >= p.u_target) heeks.success++;
        else heeks.partial++;
      } else if (w.cause[i] === CAUSE.replacement) heeks.replaced++;
      else if (w.cause[i]! > 0) heeks.failure++;
    }
    const peak = w.peakLive[j]!;
    let outcome: Outcome;
    if (w.firstAdopted[j]! < 0) outcome = 'never_adopted';
    else if (w.withdrawn[j] || liveEnd === 0) outcome = 'discontinued';
    // A ratio, not liveEnd >= peak * f: 10 * 0.3 is 3.0000000000000004 in floating point, which would
    // call 3 of 10 short of 0.3; the division rounds exactly at the decimal (and equals peak / 2 at 0.5).
    // liveEnd >= 1 here, so the ratio is finite or, for a peak of 0, Infinity, as liveEnd >= 0 was.
    else if (liveEnd / peak >= sustainFraction && peak >= Math.min(p.min_peak, inn.eligibleCount)) outcome = 'sustained';
    else outcome = 'declining';
    let mainCause: string | null = null;
    let most = 0;
    CAUSES.forEach((cause) => {
      const count = w.endedByCause[j * (CAUSES.length + 1) + CAUSE[cause]]!;
      if (count > most) {
        most = count;
        mainCause = cause;
      }
    });
    const row: OutcomeRow = {
      innovation: inn.id,
      outcome,
      peak_live: peak,
      live_end: liveEnd,
      first_adoption_month: null,
      last_discontinuation_month: null,
      main_cause: mainCause,
      heeks_success: heeks.success,
      heeks_partial: heeks.partial,
      heeks_failure: heeks.failure,
      heeks_replaced: heeks.replaced,
    };
    // The months set after, not in the literal: a literal that has stored
    // only whole months there is optimized for them, and discarded at the
    // first null (the same row either way).
    if (w.firstAdopted[j]! >= 0) row.first_adoption_month = w.firstAdopted[j]!;
    if (w.lastEnded[j]! >= 0) row.last_discontinuation_month = w.lastEnded[j]!;
    rows.push(row);
  }
  return rows;
}

export interface AgentRow {
  opd: string;
  type: string;
  theta: number;
  category: string;
  capacity: number;
  champion: number;
  first_adoption_month: number | null;
  realized_category: string | null;
}

/**
 * Rogers' own categories from realized first-adoption months (mean and SD
 * over the agencies that adopted; Rogers 2003 ch. 7): earlier than mean-2sd
 * innovators, then early adopters, early majority, late majority, and
 * laggards from mean+sd on.
 */
export function realizedCategories(months: readonly (number | null)[]): (string | null)[] {
  const xs = months.filter((m): m is number => m !== null);
  if (xs.length === 0) return months.map(() => null);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return months.map((m) => {
    if (m === null) return null;
    return CATEGORIES[sd === 0 ? 2 : categoryOfZ((m - mean) / sd)]!;
  });
}

export function agents(w: World): AgentRow[] {
  const firsts = Array.from(w.firstAdoption, (m) => (m >= 0 ? m : null));
  const realized = realizedCategories(firsts);
  return w.model.opds.map((o, i) => ({
    opd: o.id,
    type: o.type,
    theta: w.theta[i]!,
    category: CATEGORIES[w.category[i]!]!,
    capacity: w.capacity[i]!,
    champion: w.initialChampion[i]!,
    first_adoption_month: firsts[i]!,
    realized_category: realized[i]!,
  }));
}
