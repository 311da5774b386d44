/**
 * What the explorer shows, computed from replications as they arrive (in any
 * order): per-month means with 95 % t intervals (the charts' summary rows),
 * the outcome table with Wilson intervals (the same `OutcomeTally` as
 * `difusi run`), each replication's outcome vector for paired comparisons,
 * and the event log of the detailed replications. Pure: no DOM.
 */
import stringify from 'safe-stable-stringify';
import { monthDate } from '../scenario/calendar.js';
import type { Scenario } from '../scenario/schema.js';
import { OutcomeTally, type OutcomeShare } from '../experiment/outcome-table.js';
import { OutcomeExtractor, resolveOutcomes, type OutcomeSpec } from '../experiment/outcomes.js';
import { compareArms, type ArmValues, type ComparisonRow } from '../experiment/compare.js';
import { tInterval } from '../experiment/stats/describe.js';
import { sampleMoments } from '../experiment/stats/moments.js';
import type { CompareRow, EventRow, SummaryRow } from '../report/rows.js';
import { borderlineRows } from '../report/summary.js';
import { formatNumber } from '../store/csv-format.js';
import { metricFacets, type EventKind } from '../model/vocabulary.js';
import type { RepResult } from './engine.js';

/**
 * The outcomes the A/B view compares: each service's chance to be sustained,
 * and the number of services sustained (the `sustained_count` row of
 * `difusi compare`).
 */
export const COMPARED_OUTCOMES = ['sustained.*', 'sustained_count'] as const;

export class Aggregate {
  readonly months: number;
  readonly innovations: readonly string[];
  readonly outcomes: readonly OutcomeSpec[];
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;
  private readonly extractor: OutcomeExtractor;
  /** Outcome vectors by replication index. */
  private readonly vectors = new Map<number, Float64Array>();
  /** Outcome rows by replication index (the tally is rebuilt in index order, as a run folder is read). */
  private readonly rows = new Map<number, { outcomes: string[]; mainCauses: (string | null)[] }>();
  private readonly eventRows: EventRow[] = [];
  count = 0;

  constructor(
    readonly scenario: Scenario,
    readonly metrics: readonly string[],
    readonly replications: number,
  ) {
    this.months = scenario.months;
    this.innovations = scenario.innovations.map((i) => i.id);
    this.sum = new Float64Array(this.months * metrics.length);
    this.sumSq = new Float64Array(this.months * metrics.length);
    const ctx = { metrics, innovations: this.innovations };
    const resolved = resolveOutcomes([...COMPARED_OUTCOMES], ctx);
    if (!resolved.ok) throw new Error(`unknown outcomes ${resolved.unknown.join(', ')}`);
    this.outcomes = resolved.outcomes;
    this.extractor = new OutcomeExtractor(ctx, resolved.outcomes);
  }

  get done(): boolean {
    return this.count >= this.replications;
  }

  add(result: RepResult): void {
    if (this.rows.has(result.replication)) return;
    const s = result.series;
    for (let i = 0; i < s.length; i++) {
      const x = s[i]!;
      this.sum[i]! += x;
      this.sumSq[i]! += x * x;
    }
    this.rows.set(result.replication, { outcomes: result.outcomes, mainCauses: result.mainCauses });
    this.vectors.set(result.replication, this.extractor.fromSeries(s, this.months, result.outcomes));
    if (result.events) {
      for (const e of result.events) {
        this.eventRows.push({
          replication: result.replication,
          month: e.month,
          date: monthDate(this.scenario.start, e.month),
          kind: e.kind as EventKind,
          opd: e.opd === '' ? null : e.opd,
          innovation: e.innovation === '' ? null : e.innovation,
          loop: e.loop === '' ? null : (e.loop as EventRow['loop']),
          cause: e.cause === '' ? null : e.cause,
        });
      }
    }
    this.count++;
  }

  /** The outcome table: shares with Wilson 95 % intervals, innovations in scenario order. */
  shares(): OutcomeShare[] {
    const tally = new OutcomeTally();
    const indices = [...this.rows.keys()].sort((a, b) => a - b);
    for (const r of indices) {
      const row = this.rows.get(r)!;
      this.innovations.forEach((innovation, j) => tally.add({ innovation, outcome: row.outcomes[j]!, main_cause: row.mainCauses[j] ?? null }));
    }
    return tally.shares();
  }

  /** Summary rows (mean and 95 % t interval per month) of the metrics `keep` accepts. */
  summary(keep: (metric: string) => boolean): SummaryRow[] {
    const out: SummaryRow[] = [];
    const M = this.metrics.length;
    const n = this.count;
    this.metrics.forEach((metric, j) => {
      if (!keep(metric)) return;
      for (let m = 1; m <= this.months; m++) {
        const i = (m - 1) * M + j;
        const mean = n > 0 ? this.sum[i]! / n : Number.NaN;
        const variance = n > 1 ? Math.max(0, (this.sumSq[i]! - n * mean * mean) / (n - 1)) : Number.NaN;
        const sd = Math.sqrt(variance);
        const ci = n > 1 ? tInterval(mean, sd, n) : null;
        out.push({
          month: m,
          date: monthDate(this.scenario.start, m),
          metric,
          n,
          mean,
          sd: n > 1 ? sd : null,
          ci_low: ci ? ci.low : null,
          ci_high: ci ? ci.high : null,
          p05: null,
          p25: null,
          p50: null,
          p75: null,
          p95: null,
          ...metricFacets(metric),
        });
      }
    });
    return out;
  }

  /** Events of the detailed replications, by replication then month. */
  events(): EventRow[] {
    return [...this.eventRows].sort((a, b) => a.replication - b.replication || a.month - b.month);
  }

  /** The number of services sustained at the horizon: mean over the replications received, with its 95 % t interval. */
  sustainedCount(): { n: number; mean: number; low: number; high: number } {
    const k = this.outcomes.findIndex((o) => o.name === 'sustained_count');
    const values = this.indices().map((r) => this.vectors.get(r)![k]!);
    // The moments every interval of the project takes (stats/moments.ts), as compare's sustained_count row.
    const { n, mean, variance } = sampleMoments(values);
    const ci = tInterval(mean, Math.sqrt(variance), n);
    return { n, mean, low: ci.low, high: ci.high };
  }

  /** The mean of a metric at a month over the replications received (NaN before any arrives or for an unknown metric). */
  meanAt(metric: string, month: number): number {
    const j = this.metrics.indexOf(metric);
    if (j < 0 || this.count === 0 || month < 1 || month > this.months) return Number.NaN;
    return this.sum[(month - 1) * this.metrics.length + j]! / this.count;
  }

  /** The replication indices received, sorted. */
  indices(): number[] {
    return [...this.vectors.keys()].sort((a, b) => a - b);
  }

  /** The outcome values of replications 0..R-1 (complete runs only), as `compare` pairs them. */
  arm(name: string): ArmValues {
    const indices = this.indices();
    return {
      name,
      values: this.outcomes.map((_, k) => Float64Array.from(indices, (r) => this.vectors.get(r)![k]!)),
    };
  }
}

/**
 * The paired comparison of a variant with a pinned baseline: the same
 * `compareArms` as `difusi compare` (common random numbers; the difference
 * of a service's chance to be sustained with Newcombe's interval for paired
 * proportions, that of the number sustained with the paired t interval).
 * Each arm's identity is its scenario's canonical JSON (what `difusi
 * compare`'s scenario hash is taken of), so the baseline compared with
 * itself gives [0, 0] as `difusi compare` does. Null when the two runs
 * cannot be paired (other seed, other replications, other services).
 */
export function comparePinned(base: Aggregate, variant: Aggregate): ComparisonRow[] | null {
  if (!base.done || !variant.done) return null;
  if (base.scenario.seed !== variant.scenario.seed || base.replications !== variant.replications) return null;
  if (base.outcomes.map((o) => o.name).join() !== variant.outcomes.map((o) => o.name).join()) return null;
  const arm = (a: Aggregate, name: string) => {
    const identity = stringify(a.scenario);
    return { ...a.arm(name), ...(identity !== undefined && { scenario: identity }) };
  };
  return compareArms(base.outcomes, arm(base, 'baseline'), [arm(variant, 'current')]);
}

/**
 * The comparison's rows as compare.csv holds them once read back: every
 * number to the 12 significant digits the file writes (store/csv-format.ts),
 * NaN (a correlation with a constant arm, a relative change from 0) as an
 * empty cell, null; the facet columns as the file writes them.
 */
export function asWrittenRows(rows: readonly ComparisonRow[]): CompareRow[] {
  const cell = (x: number): number | null => {
    const text = formatNumber(x);
    return text === '' ? null : Number(text);
  };
  return rows.map((r) => ({
    outcome: r.outcome,
    variant: r.variant,
    n: cell(r.n) ?? 0,
    base_mean: cell(r.base_mean) ?? Number.NaN,
    base_ci_low: cell(r.base_ci_low),
    base_ci_high: cell(r.base_ci_high),
    variant_mean: cell(r.variant_mean) ?? Number.NaN,
    variant_ci_low: cell(r.variant_ci_low),
    variant_ci_high: cell(r.variant_ci_high),
    diff_mean: cell(r.diff_mean) ?? Number.NaN,
    diff_ci_low: cell(r.diff_ci_low),
    diff_ci_high: cell(r.diff_ci_high),
    relative_change: cell(r.relative_change),
    correlation: cell(r.correlation),
    level: cell(r.level),
    ...metricFacets(r.outcome),
  }));
}

/**
 * Which rows of a comparison are "borderline", by the rule of `difusi
 * compare`'s report (report/summary.ts borderlineRows, one function for
 * both): the interval excludes 0 at its level (as the report prints it) but
 * would not at the level adjusted for every outcome compared (Bonferroni
 * over all the rows: here each service and the number sustained). Judged on
 * the rows as compare.csv writes them ({@link asWrittenRows}), as the report
 * reads them: the rule sees the same numbers as the report of `difusi
 * compare --outcomes 'sustained.*,sustained_count'` on the downloaded YAMLs.
 */
export function borderlineOf(rows: readonly ComparisonRow[]): boolean[] {
  return borderlineRows(asWrittenRows(rows));
}
