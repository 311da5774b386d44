/**
 * The executive summary at the top of a report: a few generated sentences
 * a policy reader can act on, every number taken from the result files.
 *
 *   run:         which services last, which do not and which cannot be told
 *                yet (share of replications sustained with its Wilson 95 %
 *                interval, grouped by where that interval lies against one
 *                half), the main causes of exits and the months where they
 *                cluster (with the scheduled event there)
 *   comparison:  per what-if, the outcomes whose printed interval excludes
 *                zero, in percentage points for probabilities and shares
 *                (compare.csv's interval: Newcombe's for a share of
 *                replications, paired t otherwise), "borderline" re-checked
 *                by the same method at the level adjusted for every outcome
 *   sweep:       each outcome's lowest and highest design point, and whether
 *                their paired difference (common random numbers) excludes 0
 *   sensitivity: per outcome, the factors whose Morris mu* interval lies above 0
 *
 * Pure: a function of the rows and the catalog.
 */
import type { Catalog } from './i18n/en.js';
import { label, localNumber, whatIfText } from './i18n/index.js';
import { columnDigits, effect, factorName, isProbability, num, percent, plain, printedDifferences, signed } from './format.js';
import { newcombePaired, pairedDifference, pairedProportionDifference, tCritical, type PairedTable } from '../experiment/stats/index.js';
import { outcomeName, type ServiceNames } from './outcome-names.js';
import { CAUSES, descendingDefinedFirst, sobolUndefined, type CompareRow, type ResultSet, type SweepTable } from './rows.js';
import type { RunContext } from './charts.js';
import { dateOfMonth, type TimelineEvent } from './scenario-facts.js';
import { shifted } from '../messages/decimal.js';
import { twinText } from '../scenario/twins.js';
import { parameterOrDefault } from '../scenario/parameters.js';

/** A share of replications with its interval, as the summary prints it. */
function shareText(t: Catalog, name: string, p: { p: number; low: number; high: number }): string {
  return t.sumService(name, percent(p.p), percent(p.low), percent(p.high));
}

/**
 * Which side of one half a share of replications lies on, judged from its
 * interval as printed (whole percent, as the summary and the outcomes table
 * show it): likely to last when the printed lower end is above 50 %,
 * unlikely when the printed upper end is below 50 %, else it cannot be told
 * yet (an end printed as 50 % counts as including one half).
 */
export function lastingSide(w: { low: number; high: number }): 'likely' | 'unlikely' | 'unsure' {
  const low = Number(shifted(w.low, 2, 0));
  const high = Number(shifted(w.high, 2, 0));
  if (low > 50) return 'likely';
  if (high < 50) return 'unlikely';
  return 'unsure';
}

/** The run part: services that last, that do not, and those that cannot be told yet; causes, clusters. */
export function runSummary(results: ResultSet, context: RunContext): string[] {
  const { t, facts, names } = context;
  const out: string[] = [];
  const tally = results.outcomes;
  if (tally !== null && tally.innovations().length > 0) {
    const shares = tally.shares();
    const reps = Math.max(...shares.map((s) => s.replications));
    const horizon = facts.start !== null && facts.months !== null ? dateOfMonth(facts.start, facts.months) : `${facts.months ?? '?'}`;
    out.push(t.sumRunIntro(shares.length, reps, horizon));
    const byShare = [...shares].sort((a, b) => b.shares.sustained.p - a.shares.sustained.p || (a.innovation < b.innovation ? -1 : 1));
    const item = (s: (typeof shares)[number]) => shareText(t, names.get(s.innovation) ?? s.innovation, s.shares.sustained);
    // Grouped by the interval the sentence (and the outcomes table) prints, not by the point estimate:
    // a share whose interval includes one half can move to either side with more replications.
    const side = (s: (typeof shares)[number]) => lastingSide(s.shares.sustained);
    const lasting = byShare.filter((s) => side(s) === 'likely');
    const unsure = byShare.filter((s) => side(s) === 'unsure');
    const notLasting = byShare.filter((s) => side(s) === 'unlikely');
    if (lasting.length > 0) out.push(t.sumLasting(lasting.map(item).join('; ')));
    if (unsure.length > 0) out.push(t.sumUnsure(reps, unsure.length, unsure.map(item).join('; ')));
    if (lasting.length === 0 && unsure.length === 0) out.push(t.sumNoneLasting);
    if (notLasting.length > 0) out.push(t.sumNotLasting(notLasting.map(item).join('; ')));
    // What "sustained" is in this run: its sustain_fraction (the scenario's, else the default, as the parameters table shows it).
    const fraction = parameterOrDefault(facts.parameters, 'sustain_fraction');
    if (typeof fraction === 'number') out.push(t.sumSustainedMeans(num(fraction, 4), percent(fraction), fraction === 0.5, notLasting.length > 0));
    const single = shares.filter((s) => context.single.includes(s.innovation));
    if (single.length > 0) out.push(t.sumSingle(single.map((s) => names.get(s.innovation) ?? s.innovation).join(', ')));
  }
  const causes = exitCauses(results);
  if (causes.total > 0) {
    const top = causes.byCause.filter((c) => c.mean / causes.total >= NAMED_SHARE || c === causes.byCause[0]).slice(0, MOST_NAMED);
    out.push(t.sumCauses(num(causes.total, 1), top.map((c) => t.sumCause(label(t.cause, c.cause), percent(c.mean / causes.total))).join(', ')));
    const clusters = exitClusters(causes.months, facts.timeline, facts.start, t.sumMoreEvents);
    if (clusters.length > 0) {
      const events = (g: ClusterGroup) => (g.event === null ? null : { text: g.event, named: g.named, more: g.more });
      const before = (c: (typeof clusters)[number]) => (c.before === null ? null : { ...events(c.before)!, date: c.before.date });
      out.push(t.sumClusters(clusters.map((c) => t.sumCluster(c.date, num(c.mean, 1), events(c), before(c))).join('; ')));
    }
  } else if (results.summary.some((r) => r.metric.startsWith('discontinued_'))) {
    out.push(t.sumNoExits);
  }
  if (tally !== null && tally.innovations().length > 0) out.push(t.sumPerService);
  return out.map((s) => localNumber(t, s));
}

/**
 * The summary names a cause of exits, or a month where exits cluster, only
 * when it holds at least this share of all exits (the largest cause always):
 * a sentence, not a table, so smaller ones are left to the exits chart and
 * summary.csv (docs/OUTPUTS.md). A choice of the report, not of the model.
 */
export const NAMED_SHARE = 0.1;
/** At most this many causes, and this many months, are named. */
export const MOST_NAMED = 3;

/** Mean exits per replication by cause (summed over months), largest first, and the monthly totals. */
export function exitCauses(results: ResultSet): { total: number; byCause: { cause: string; mean: number }[]; months: Map<number, number> } {
  const months = new Map<number, number>();
  const byCause = CAUSES.map((cause) => {
    let mean = 0;
    for (const r of results.summary) {
      if (r.metric !== `discontinued_${cause}`) continue;
      mean += r.mean;
      months.set(r.month, (months.get(r.month) ?? 0) + r.mean);
    }
    return { cause: cause as string, mean };
  })
    .filter((c) => c.mean > 0)
    .sort((a, b) => b.mean - a.mean);
  return { total: byCause.reduce((s, c) => s + c.mean, 0), byCause, months };
}

/** The scheduled events a sentence names at an exit cluster: their labels (the first three, then how many more), those three, and the count of the others. */
export interface ClusterGroup {
  /** The labels of the first three and `more`'s words; null when there are none. */
  readonly event: string | null;
  readonly named: TimelineEvent[];
  readonly more: number;
}

/** At most three events by name; the timeline table lists them all. */
function clusterGroup(events: readonly TimelineEvent[], more: (count: number) => string): ClusterGroup {
  const named = events.slice(0, 3);
  const labels = named.map((e) => e.label);
  if (events.length > 3) labels.push(more(events.length - 3));
  return { event: events.length === 0 ? null : labels.join(', '), named, more: Math.max(0, events.length - 3) };
}

/**
 * The months where exits cluster: at most three months that each hold at
 * least 10 % of all exits, largest first, each with the scheduled events
 * in force in that month (`event`, `named`, `more`: starting in it, or a
 * window that covers it) and, apart, those of the month before that were
 * over by then (`before`, with that month's `date`: the model acts on an
 * event in its month, so exits can follow it a month later). A sentence
 * says the exits coincide with the first and follow the second.
 */
export function exitClusters(
  months: ReadonlyMap<number, number>,
  timeline: readonly TimelineEvent[],
  start: string | null,
  more: (count: number) => string = (count) => `and ${count} more events`,
): ({ month: number; date: string; mean: number; before: (ClusterGroup & { date: string }) | null } & ClusterGroup)[] {
  const total = [...months.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  const dateOf = (m: number) => (start === null ? String(m) : dateOfMonth(start, m));
  return [...months.entries()]
    .filter(([, mean]) => mean >= NAMED_SHARE * total)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MOST_NAMED)
    .map(([month, mean]) => {
      const inForce = (e: TimelineEvent) => e.month === month || (e.endMonth !== null && e.month <= month && month <= e.endMonth);
      const over = (e: TimelineEvent) => !inForce(e) && (e.endMonth === null ? e.month === month - 1 : e.endMonth === month - 1);
      const before = clusterGroup(timeline.filter(over), more);
      return {
        month,
        date: dateOf(month),
        mean,
        ...clusterGroup(timeline.filter(inForce), more),
        before: before.event === null ? null : { ...before, date: dateOf(month - 1) },
      };
    });
}

/** One what-if's effects as printed in the summary, with the numbers the sentence shows. */
export interface EffectSentence {
  readonly variant: string;
  readonly outcome: string;
  readonly text: string;
}

/**
 * The paired 2x2 table of a 0/1 row (`sustained.<id>`) rebuilt from
 * compare.csv: with n pairs, base share pb, variant share pv and Pearson r,
 * both = n (pb pv + r sqrt(pb(1 − pb) pv(1 − pv))) replications have 1 in
 * both arms (r blank: an arm is constant, and the term is 0). Null for any
 * other row, or when the numbers are not those of whole replications.
 */
export function pairedTableOfRow(row: CompareRow): PairedTable | null {
  if (!row.outcome.startsWith('sustained.') || !(row.n >= 1)) return null;
  const { n, base_mean: pb, variant_mean: pv } = row;
  const spread = Math.sqrt(pb * (1 - pb) * pv * (1 - pv));
  if (row.correlation === null && spread > 0) return null;
  const whole = (x: number) => (Math.abs(x - Math.round(x)) <= 1e-6 * Math.max(1, n) ? Math.round(x) + 0 : Number.NaN); // + 0: no -0
  const both = whole(n * (pb * pv + (row.correlation ?? 0) * spread));
  const baseOnes = whole(n * pb);
  const variantOnes = whole(n * pv);
  const table = { both, baseOnly: baseOnes - both, variantOnly: variantOnes - both, neither: n - baseOnes - variantOnes + both };
  return Object.values(table).every((c) => Number.isInteger(c) && c >= 0) ? table : null;
}

/**
 * Whether a row's interval still excludes 0 when its level is adjusted for
 * all `intervals` of the comparison (every outcome of every variant,
 * Bonferroni) instead of for the variants only, by the method that gave
 * the row's interval: a 0/1 row whose interval is Newcombe's for paired
 * proportions (compare.csv since that change) gets Newcombe's interval at
 * the wider level, from its table rebuilt by {@link pairedTableOfRow}; any
 * other row (a paired t interval) is widened by the ratio of the two t
 * quantiles (n − 1 degrees of freedom). True when it cannot be told (no
 * level, n < 2, no interval).
 */
export function clearOverAllOutcomes(row: CompareRow, variants: number, intervals: number): boolean {
  const level = row.level ?? 0.95;
  if (row.n < 2 || row.diff_ci_low === null || row.diff_ci_high === null || intervals <= variants) return true;
  // The family's error rate, as compare.csv's level spends it over the variants.
  const alpha = (1 - level) * variants;
  const wider = 1 - alpha / intervals;
  if (!(wider > level && wider < 1)) return true;
  const table = pairedTableOfRow(row);
  if (table !== null) {
    const asWritten = newcombePaired(table, level);
    // The file's interval is Newcombe's (to the 12 digits compare.csv writes): re-check with Newcombe's.
    if (Math.abs(asWritten.low - row.diff_ci_low) <= 1e-9 && Math.abs(asWritten.high - row.diff_ci_high) <= 1e-9) {
      const w = newcombePaired(table, wider);
      return w.low > 0 || w.high < 0;
    }
  }
  const half = ((row.diff_ci_high - row.diff_ci_low) / 2) * (tCritical(wider, row.n - 1) / tCritical(level, row.n - 1));
  return row.diff_mean - half > 0 || row.diff_mean + half < 0;
}

/**
 * Which rows of a comparison are "borderline": marked (the printed interval
 * excludes 0 at the stated level) but not clear at the level adjusted for
 * every outcome ({@link clearOverAllOutcomes}). The summary's sentences, the
 * comparison table and the forest chart's labels mark the same rows.
 */
export function borderlineRows(rows: readonly CompareRow[], printed: ReturnType<typeof printedDifferences> = printedDifferences(rows)): boolean[] {
  const variants = new Set(rows.map((r) => r.variant)).size;
  return rows.map((r, i) => printed[i]!.effect.marked && !clearOverAllOutcomes(r, variants, rows.length));
}

/** The effect of one row in words: "<outcome> rises by 2.6 pp (95 % interval +1.9 to +3.3)", flagged when it would not survive an adjustment for every outcome. */
export function effectSentence(
  row: CompareRow,
  rows: readonly CompareRow[],
  t: Catalog,
  services: ServiceNames,
  // The numbers the comparison table prints for this row (and the forest chart beside it); compareSummary
  // passes them in, computed once for all rows (printedDifferences looks at every row for each).
  printed?: ReturnType<typeof printedDifferences>[number],
): string | null {
  const i = rows.indexOf(row);
  const p = printed ?? (i < 0 ? printedDifferences([...rows, row]).at(-1) : printedDifferences(rows)[i])!;
  const e = p.effect;
  if (!e.marked) return null;
  const unit = e.pp ? ` ${t.ppUnit}` : '';
  const amount = `${p.meanText.replace(/^[+−]/, '')}${unit}`;
  const level = row.level === null ? '95 %' : `${num(100 * row.level, 2)} %`;
  const variants = new Set(rows.map((r) => r.variant)).size;
  const mark = clearOverAllOutcomes(row, variants, rows.length) ? null : t.sumBorderline;
  return t.sumEffect(outcomeName(row.outcome, t, services), e.mean > 0 ? t.sumUp : t.sumDown, amount, `${p.lowText}${unit}`, `${p.highText}${unit}`, level, mark);
}

/** The comparison part: per what-if, its marked effects (at most six), and how many outcomes show none. */
export function compareSummary(results: ResultSet, context: RunContext): string[] {
  const { t, names } = context;
  const rows = results.compare;
  if (rows.length === 0) return [];
  const variants = [...new Set(rows.map((r) => r.variant))];
  const out: string[] = [t.sumCompareIntro(variants.length, Math.max(...rows.map((r) => r.n)))];
  // How many outcomes each what-if was tested on, and what the interval level is adjusted for (the variants only).
  const perVariant = Math.max(...variants.map((v) => rows.filter((r) => r.variant === v).length));
  const level = rows[0]?.level ?? null;
  if (perVariant > 1) out.push(t.sumCompareMany(perVariant, variants.length, rows.length, level === null ? '95 %' : `${num(100 * level, 2)} %`));
  const printed = printedDifferences(rows);
  const printedOf = new Map(rows.map((r, i) => [r, printed[i]!]));
  for (const variant of variants) {
    const mine = rows.filter((r) => r.variant === variant);
    const sentences = mine.flatMap((r) => {
      const s = effectSentence(r, rows, t, names, printedOf.get(r));
      return s === null ? [] : [s];
    });
    if (sentences.length === 0) {
      out.push(t.sumNoEffect(variant, mine.length));
      continue;
    }
    const shown = sentences.slice(0, 6);
    const list = [...shown, ...(sentences.length > shown.length ? [t.sumMore(sentences.length - shown.length)] : [])].join('; ');
    out.push(`${t.sumEffects(variant, list)}${mine.length > sentences.length ? ` ${t.sumOthers(mine.length - sentences.length)}` : ''}`);
  }
  return out.map((s) => localNumber(t, s));
}

/** The values of `outcome` at design point `point` by replication (sweep.csv rows). */
function valuesByReplication(runs: SweepTable, point: number, outcome: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of runs.rows) {
    if (r.point !== point) continue;
    const v = r.values[outcome];
    if (v !== null && v !== undefined && Number.isFinite(v)) out.set(r.replication, v);
  }
  return out;
}

/**
 * The paired difference of an outcome between two design points: replication
 * r of every point runs on the same seeds (common random numbers,
 * experiment/sweep.ts), so d_r = hi_r − lo_r is a paired sample, with its t
 * interval; for `sustained.<id>` (a yes/no per replication) Newcombe's
 * interval for paired proportions, as compare.csv gives it (the t interval
 * covers a rare 0/1 effect badly: [0, 0] when no pair differs). Null when
 * fewer than two replications pair up.
 */
export function sweepPairedDifference(
  runs: SweepTable,
  outcome: string,
  lo: number,
  hi: number,
  level = 0.95,
): { n: number; mean: number; low: number; high: number } | null {
  const a = valuesByReplication(runs, lo, outcome);
  const b = valuesByReplication(runs, hi, outcome);
  const reps = [...a.keys()].filter((r) => b.has(r)).sort((x, y) => x - y);
  if (reps.length < 2) return null;
  const atLow = reps.map((r) => a.get(r) as number);
  const atHigh = reps.map((r) => b.get(r) as number);
  if (outcome.startsWith('sustained.') && [...atLow, ...atHigh].every((v) => v === 0 || v === 1)) {
    const p = pairedProportionDifference(atLow, atHigh, level);
    return { n: reps.length, mean: p.diff, low: p.low, high: p.high };
  }
  const d = pairedDifference(atLow, atHigh, level);
  return { n: reps.length, mean: d.diff_mean, low: d.diff_ci_low, high: d.diff_ci_high };
}

/**
 * The largest difference between two design points' means that `outcome` allows: 1 (100 pp) for a
 * share or probability; else the width of its range, from 0 (or its lowest value, when one is below
 * 0) to the largest value any replication in sweep.csv gave. An interval reaching past ± this bounds
 * nothing (few replications: the t quantile at n − 1 degrees of freedom is large).
 */
export function sweepDifferenceBound(runs: SweepTable, outcome: string): number {
  if (isProbability(outcome)) return 1;
  const values = runs.rows.map((r) => r.values[outcome]).filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  if (values.length === 0) return Infinity;
  const max = Math.max(...values);
  return max - Math.min(0, ...values);
}

/** The level of the sweep summary's interval for the extremes of `points` design points: 95 %, Bonferroni over their pairs. */
export function sweepLevel(points: number): number {
  const pairs = (points * (points - 1)) / 2;
  return 1 - 0.05 / Math.max(1, pairs);
}

/**
 * A level as the summary prints it: 95 %, 98.33 %, 99.17 %, 99.5 %, 99.995 %: two decimals (trailing
 * zeros dropped), more when two would round it to 100 %. Fewer would misstate it: 1 - 0.05/6 printed
 * as "99 %" (the fewest digits that tell it from 100 %) said a lower level than the one used.
 */
function levelText(level: number): string {
  for (let digits = 2; digits < 6; digits++) {
    const text = shifted(level, 2, digits);
    if (Number(text) < 100) return `${Number(text)} %`;
  }
  return `${shifted(level, 2, 6)} %`;
}

/**
 * The sweep part: per outcome, the design points with the lowest and highest
 * mean, and whether they differ, judged from the paired differences over the
 * replications they share (a t interval that excludes 0: "changes"; else no
 * change detectable with that many replications; never "no effect"). Without
 * sweep.csv the range is given untested.
 */
export function sweepSummary(results: ResultSet, context: RunContext): string[] {
  const { t, names } = context;
  const sweep = results.sweep;
  if (sweep === null || sweep.rows.length === 0) return [];
  // sweep.csv itself (no summary file), or the runs read beside sweep_summary.csv.
  const runs = sweep.rows.every((r) => r.replication >= 0) ? sweep : (results.sweepRuns ?? null);
  const points = [...new Set(sweep.rows.map((r) => r.point))];
  const out: string[] = [];
  let paired = 0;
  let pointsCompared = 0;
  // Outcomes given a paired interval: each at its own level (corrected for the pairs of points, not across outcomes).
  let tested = 0;
  for (const outcome of sweep.outcomes.slice(0, 6)) {
    const means = points.flatMap((p) => {
      const rows = sweep.rows.filter((r) => r.point === p);
      const mean = pointMean(rows, outcome);
      const first = rows[0];
      if (mean === null || first === undefined) return [];
      const at = sweep.parameters.map((p2) => `${factorName(p2)} = ${num(first.values[p2])}`).join(t.numberListSep);
      return [{ point: p, mean, at }];
    });
    if (means.length < 2) continue;
    const lowest = means.reduce((a, b) => (b.mean < a.mean ? b : a));
    const highest = means.reduce((a, b) => (b.mean > a.mean ? b : a));
    // An extreme that other points share: named as the first of them, "and N more" said beside it (as the national report's ties).
    const tied = (m: (typeof means)[number]) => {
      const more = means.filter((x) => x.mean === m.mean).length - 1;
      return more === 0 ? m : { ...m, at: `${m.at}${t.sumSweepTied(more)}` };
    };
    const lo = tied(lowest);
    const hi = tied(highest);
    const name = outcomeName(outcome, t, names);
    if (lo.mean === hi.mean) {
      const reps = Math.min(...sweep.rows.map((r) => r.n ?? 1));
      out.push(t.sumSweepSame(name, isProbability(outcome) ? percent(lo.mean) : num(lo.mean), sweep.rows.some((r) => r.n !== undefined) ? reps : null));
      continue;
    }
    // The two points are the extremes of P, picked after the fact: the interval is corrected for the
    // K = P(P-1)/2 pairs they could have been (Bonferroni), so that chance alone, which always makes
    // some pair differ at 95 %, is not reported as a change (with 20 points of equal means, the
    // uncorrected rule said "changes" in most sweeps, and more often with more replications).
    const d = runs === null ? null : sweepPairedDifference(runs, outcome, lo.point, hi.point, sweepLevel(means.length));
    if (d === null) {
      const show = (x: number) => (isProbability(outcome) ? percent(x) : num(x));
      // Without sweep.csv nothing can be paired; with it, fewer than two replications per point pair up.
      out.push((runs === null ? t.sumSweepUntested : t.sumSweepOneReplication)(name, show(lo.mean), lo.at, show(hi.mean), hi.at));
      continue;
    }
    paired = Math.max(paired, d.n);
    tested += 1;
    const level = levelText(sweepLevel(means.length));
    pointsCompared = Math.max(pointsCompared, means.length);
    // At few replications the t quantile (df = n − 1, at the corrected level) makes the interval wider
    // than any difference the outcome allows (bekasi-sweep at -r 2: "−1938.3 pp to +1947.9 pp" for a
    // share). Such an interval bounds nothing: said as too few replications, as run reports say "Cannot
    // tell yet", with the means and the difference at the sweep table's decimals. (The heat map judges its own noise against the
    // outcome's range, specs/heatmap.ts: a point's interval, not this difference.)
    const bound = sweepDifferenceBound(runs as SweepTable, outcome);
    if (d.low < -bound || d.high > bound) {
      const digits = columnDigits(means.map((m) => m.mean));
      const pp = isProbability(outcome);
      const showCol = (x: number) => (pp ? `${plain(100 * x, Math.max(0, digits - 2))} %` : plain(x, digits));
      const meanText = pp ? `${signed(100 * d.mean, Math.max(0, digits - 2))} ${t.ppUnit}` : signed(d.mean, digits);
      const boundText = pp ? `±100 ${t.ppUnit}` : `±${num(bound)}`;
      out.push(t.sumSweepUnbounded(name, showCol(lo.mean), lo.at, showCol(hi.mean), hi.at, meanText, d.n, level, boundText, pp));
      continue;
    }
    const e = effect(outcome, d.mean, d.low, d.high, Math.max(Math.abs(lo.mean), Math.abs(hi.mean)));
    const unit = e.pp ? ` ${t.ppUnit}` : '';
    // The point means at the difference's precision, so the printed numbers agree with it.
    const show = (x: number) => (e.pp ? `${plain(100 * x, e.digits)} %` : plain(x, e.digits));
    const diff = { mean: `${e.meanText}${unit}`, low: `${e.lowText}${unit}`, high: `${e.highText}${unit}` };
    out.push(
      e.marked
        ? t.sumSweepChange(name, show(lo.mean), lo.at, show(hi.mean), hi.at, diff, d.n, level)
        : t.sumSweepNone(name, show(lo.mean), lo.at, show(hi.mean), hi.at, diff, d.n, level),
    );
  }
  if (paired > 0) out.unshift(t.sumSweepIntro(paired, pointsCompared, levelText(sweepLevel(pointsCompared)), tested));
  return out.map((s) => localNumber(t, s));
}

/** One Morris factor as the summary prints it: mu* and its interval in the unit shown. */
interface MorrisItem {
  readonly factor: string;
  readonly mu: number;
  readonly muText: string;
  readonly confText: string | null;
  /** The factor's noise floor in the unit shown (morris.csv noise_floor); null without one (one replication, older folders). */
  readonly floor: number | null;
  /** The floor as printed, with mu*'s decimals; null without one. */
  readonly floorText: string | null;
  /**
   * Whether mu* minus its half-width lies above the floor: on the unrounded values (those morris.csv
   * holds), and also on the printed numbers, so that what the sentence names never contradicts what
   * it prints; null without a floor or without an interval.
   */
  readonly clears: boolean | null;
}

/**
 * The Morris factors of one outcome as printed: mu* in percentage points
 * for shares and probabilities (else the outcome's unit), two significant
 * digits of the largest mu*, with its bootstrap half-width where morris.csv
 * has one.
 */
export function morrisItems(
  rows: readonly { parameter: string; mu_star: number; mu_star_conf?: number | null; noise_floor?: number | null }[],
  outcome: string,
): MorrisItem[] {
  const f = isProbability(outcome) ? 100 : 1;
  const digits = twoSignificant(Math.max(...rows.map((r) => Math.abs(r.mu_star * f))));
  return [...rows]
    .sort((a, b) => b.mu_star - a.mu_star || (a.parameter < b.parameter ? -1 : 1))
    .map((r) => {
      const mu = r.mu_star * f;
      const conf = r.mu_star_conf === null || r.mu_star_conf === undefined || !Number.isFinite(r.mu_star_conf) ? null : r.mu_star_conf * f;
      const muText = plain(mu, digits);
      const confText = conf === null ? null : plain(conf, digits);
      const floor = r.noise_floor === null || r.noise_floor === undefined || !Number.isFinite(r.noise_floor) ? null : r.noise_floor * f;
      const floorText = floor === null ? null : plain(floor, digits);
      // The printed numbers compared as whole units of their last decimal: in floating point the printed
      // 0.10 − 0.04 is 0.06000000000000001, "above" a floor printed 0.06 (the shipped leader_shock, whose
      // unrounded 0.0975 − 0.0429 = 0.055 is below its floor 0.063).
      const units = (text: string): number => Math.round(Number(text) * 10 ** digits);
      const clears =
        floor === null || conf === null || floorText === null || confText === null
          ? null
          : r.mu_star - (r.mu_star_conf as number) > (r.noise_floor as number) && units(muText) - units(confText) > units(floorText);
      return { factor: factorName(r.parameter), mu, muText, confText, floor, floorText, clears };
    });
}

/** The decimals that give x two significant digits (at most four; 0 for x <= 0), as morrisItems prints mu*. */
function twoSignificant(x: number): number {
  return x > 0 ? Math.max(0, Math.min(4, 1 - Math.floor(Math.log10(x)))) : 0;
}

/** x with two significant digits (at most four decimals). */
function significant(x: number): string {
  return plain(x, twoSignificant(x));
}

/** Items in groups of equal printed mu* (ties are not ranked against each other), largest first. */
function tiedGroups(items: readonly MorrisItem[]): MorrisItem[][] {
  const groups: MorrisItem[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[0]!.muText === item.muText) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/** The smallest total index the report's summary names a factor for (a share of the outcome's variance). */
export const SOBOL_MIN_SHARE = 0.05;

/**
 * The sensitivity part: per outcome, the factors with the largest Morris mu*,
 * largest first (at most three groups; factors whose printed mu* ties are
 * named together as tied, not ranked), as a ranking, not a test; Sobol'
 * total indices of the factors that clear the noise floor and
 * {@link SOBOL_MIN_SHARE}.
 */
export function sensitivitySummary(results: ResultSet, context: RunContext): string[] {
  const { t, names } = context;
  const out: string[] = [];
  // Whether a sentence before has tested against the noise floor (a language may define the floor in the first only).
  let floorDefined = false;
  for (const outcome of [...new Set(results.morris.map((r) => r.outcome))]) {
    const items = morrisItems(
      results.morris.filter((r) => r.outcome === outcome),
      outcome,
    );
    const unit = isProbability(outcome) ? ` ${t.ppUnit}` : '';
    // A factor as the sentence names it: mu* with its interval, and its floor where the sentence tests against it.
    const text = (i: MorrisItem, floor: boolean) =>
      t.sumMorrisItem(i.factor, `${i.muText}${i.confText === null ? '' : ` ± ${i.confText}`}${unit}`, floor && i.floorText !== null ? `${i.floorText}${unit}` : undefined);
    const list = (groups: MorrisItem[][], floor: boolean) =>
      groups.map((g) => (g.length === 1 ? text(g[0]!, floor) : t.sumMorrisTied(g.map((i) => text(i, floor))))).join('; ');
    const name = outcomeName(outcome, t, names);
    const floors = items.map((i) => i.floor).filter((f): f is number => f !== null);
    // Without a floor, or without mu*'s interval (bootstrap: 0), nothing is tested: about half of the
    // factors without effect have a mu* above their floor, which is its expected value.
    if (floors.length === 0 || items.some((i) => i.clears === null)) {
      // Without a noise floor (one replication, or a folder written before it existed) Morris screening
      // ranks the factors; it does not test them: mu* averages the absolute elementary effects, so
      // replication noise alone keeps it (and its bootstrap interval) above 0 for a factor without effect.
      // So the summary ranks, with the intervals, and claims no influence.
      out.push(t.sumMorris(name, list(tiedGroups(items).slice(0, 3), false), unit !== ''));
      continue;
    }
    // Replication noise gives a factor without effect a mu* of about its noise floor (design.ts
    // morrisNoiseFloors, measured on the factor's own steps), as it gives Sobol' ST the floor: the
    // summary names only factors whose mu* interval lies above their own floor, largest first, at
    // most three groups, each with its floor.
    const lo = Math.min(...floors);
    const hi = Math.max(...floors);
    const floorRange = { low: significant(lo), high: significant(hi), unit };
    const clearing = tiedGroups(items.filter((i) => i.clears === true));
    const named = list(clearing.slice(0, 3), true);
    // The list stops at three groups: say how many more clear their floor, so that it does not read as all of them.
    const more = clearing.slice(3).reduce((n, g) => n + g.length, 0);
    out.push(t.sumMorrisFloor(name, more > 0 ? `${named}${t.sumMorrisMore(more)}` : named, floorRange, unit !== '', !floorDefined));
    floorDefined = true;
  }
  for (const outcome of [...new Set(results.sobol.map((r) => r.outcome))]) {
    // Largest ST first; an undefined ST (NaN) last.
    const rows = results.sobol.filter((r) => r.outcome === outcome).sort((a, b) => descendingDefinedFirst(a.ST, b.ST));
    // An outcome with no variance over the design (the same value at every point): every index is 0/0,
    // undefined (empty in sobol.csv). Said as such: no factor can be named or ruled out.
    if (sobolUndefined(rows)) {
      out.push(t.sumSobolNoVariance(outcomeName(outcome, t, names)));
      continue;
    }
    // Replication noise gives every factor's ST about the noise floor, an ignored factor's included: the
    // summary names only factors with ST >= SOBOL_MIN_SHARE whose interval (or, without one, ST) lies above
    // the floor (above 0 in folders written before the floor was), largest first, at most three.
    // With one replication per point the floor cannot be estimated, and it is then at its largest: say so
    // rather than test against 0 as for a folder written before the floor existed.
    if (results.manifest.replications === 1) {
      out.push(t.sumSobolOneReplication(outcomeName(outcome, t, names)));
      continue;
    }
    const floor = rows.map((r) => r.noise_floor).find((f): f is number => f !== null && f !== undefined && Number.isFinite(f));
    const clear = rows.filter((r) => r.ST >= SOBOL_MIN_SHARE && (r.ST_low ?? r.ST) > (floor ?? 0));
    out.push(
      t.sumSobol(
        outcomeName(outcome, t, names),
        clear.slice(0, 3).map((r) => t.sumSobolItem(factorName(r.parameter), num(r.ST))).join(', '),
        floor === undefined ? null : num(floor),
      ),
    );
  }
  return out.map((s) => localNumber(t, s));
}

/** The ids a summary paragraph can start with (what-ifs, services, outcomes, factors), as written in the result files. */
function summaryIds(results: ResultSet, context: RunContext): string[] {
  return [
    ...results.compare.flatMap((r) => [r.variant, r.outcome]),
    ...(results.outcomes?.innovations() ?? []),
    ...context.names.keys(),
    ...(results.sweep?.outcomes ?? []),
    ...(results.sweep?.parameters ?? []),
    ...results.morris.map((r) => r.outcome),
    ...results.sobol.map((r) => r.outcome),
  ].filter((id) => id !== '');
}

/**
 * A paragraph with its first letter capitalised, unless it starts with an
 * id (a what-if's, a service's, an outcome's): an id is never re-cased
 * (`bekasi-cctv-city` stays as the terminal, compare.csv and the manifest
 * write it).
 */
export function sentenceCase(paragraph: string, ids: readonly string[], lang: string): string {
  const id = ids.some((i) => paragraph.startsWith(i) && !/[\p{L}\p{N}_.-]/u.test(paragraph.charAt(i.length)));
  return id ? paragraph : paragraph.charAt(0).toLocaleUpperCase(lang) + paragraph.slice(1);
}

/**
 * Each `--set` of a what-if as the summary's what-if sentence words it
 * (`path = value`, whatIfText), for ReportModel.summaryCode: report.md shows
 * them as code spans (as plain text they read `leaders\[0\].name`) and
 * report.html in <code>. None for a run without `overrides`.
 */
export function whatIfCode(overrides: unknown, t: Catalog): string[] {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return [];
  return Object.entries(overrides as Record<string, unknown>).map(([path, v]) => whatIfText({ [path]: v }, t) ?? path);
}

/** The whole executive summary of a result folder, paragraph by paragraph. */
export function executiveSummary(results: ResultSet, context: RunContext): string[] {
  // A sensitivity design's points are not a sweep to read one by one: its summary is the factors' influence.
  const sensitivity = results.morris.length > 0 || results.sobol.length > 0;
  const ids = summaryIds(results, context);
  // A run with `--set` says first that it is a what-if (manifest.json `overrides`; folders written before say nothing).
  const changes = whatIfText((results.manifest.raw as Record<string, unknown> | null)?.['overrides'], context.t);
  // Then, before any figure, what the numbers are (a model's, not the city's); it names the Info section where the report has one (report-model.ts `info`).
  const scenario = results.manifest.scenario;
  const info = (twinText({ info: scenario.info, info_id: scenario.info_id }, 'info', context.t.lang === 'id' ? 'id' : 'en') ?? '').trim() !== '';
  return [
    ...(changes !== null ? [context.t.sumWhatIf(changes)] : []),
    context.t.sumModelCaveat(info),
    ...compareSummary(results, context),
    ...runSummary(results, context),
    ...(sensitivity ? [] : sweepSummary(results, context)),
    ...sensitivitySummary(results, context),
  ].map((p) => sentenceCase(p, ids, context.t.lang));
}

/**
 * A design point's mean of one column over its rows (rows of sweep.csv, or
 * one row of sweep_summary.csv standing for its n replications: means are
 * weighted by n); null when no row has a value. To the 12 significant
 * digits the CSV files keep, so a mean read from sweep_summary.csv and one
 * summed from sweep.csv round alike at a tie (the sweep table and the
 * summary's best and worst points read the same numbers).
 */
export function pointMean(rows: readonly { readonly n?: number | null; readonly values: Readonly<Record<string, number | null | undefined>> }[], col: string): number | null {
  let sum = 0;
  let n = 0;
  for (const r of rows) {
    const v = r.values[col];
    if (v === null || v === undefined) continue;
    sum += (r.n ?? 1) * v;
    n += r.n ?? 1;
  }
  return n === 0 ? null : Number((sum / n).toPrecision(12));
}
