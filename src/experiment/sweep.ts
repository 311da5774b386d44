/**
 * Sweeps: a design (experiment/design.ts) run with R replications per
 * point. The unit of work is a design run u = point * R + replication;
 * a shard i/n runs the units with u % n == i (docs/EXPERIMENTS-USAGE.md, "Scaling").
 *
 * Replication r of every design point uses the seeds of (master seed, r):
 * common random numbers across points, so the noise every point shares
 * cancels between points and Morris' differences are paired; what a
 * parameter change does to the runs' draws stays as noise of each point
 * (foldDesign's `noise`).
 *
 *   units --(model or stand-in)--> outcome vectors, stored by unit
 *   in unit order --> sweep.csv rows   (point, replication, factors, outcomes)
 *                 --> PointSummary per point --> sweep_summary.csv rows
 *                     (mean and 95 % CI: Student t, Wilson for 0/1 outcomes)
 *
 * Pure: no I/O. Summaries are accumulated as units stream past in order,
 * so memory does not grow with replications.
 */
import type { OutcomeSpec } from './outcomes.js';
import { RunningStats, tInterval, wilson } from './stats/index.js';

/** The design point and replication of unit u. */
export function unitPoint(unit: number, replications: number): { point: number; replication: number } {
  return { point: Math.floor(unit / replications), replication: unit % replications };
}

/** The units of shard `index` of `count` among `total`: u % count == index. */
export function shardUnits(total: number, shard: { readonly index: number; readonly count: number }): number[] {
  const out: number[] = [];
  for (let u = shard.index; u < total; u += shard.count) out.push(u);
  return out;
}

/**
 * Running summary of one design point's replications: mean and 95 %
 * interval per outcome (Wilson for 0/1 outcomes, Student t otherwise).
 * Push values in replication order for byte-identical output.
 */
export class PointSummary {
  private stats: RunningStats[];

  constructor(private readonly outcomes: readonly OutcomeSpec[]) {
    this.stats = outcomes.map(() => new RunningStats());
  }

  push(values: ArrayLike<number>): void {
    for (let k = 0; k < this.stats.length; k++) this.stats[k]!.push(values[k] as number);
  }

  /** Replications pushed so far. */
  get n(): number {
    return this.stats[0]?.n ?? 0;
  }

  /** The mean of each outcome. */
  means(): number[] {
    return this.stats.map((s) => s.mean);
  }

  /** Each outcome's sum of squares about the point's mean, (n - 1) s^2. */
  sumsOfSquares(): number[] {
    return this.stats.map((s) => (s.n >= 2 ? s.variance * (s.n - 1) : 0));
  }

  /** Mean, CI low, CI high per outcome, flattened in column order. */
  cells(): number[] {
    return this.stats.flatMap((s, k) => {
      if (this.outcomes[k]!.kind === 'binary') {
        const w = wilson(Math.round(s.mean * s.n), s.n);
        return [s.mean, w.low, w.high];
      }
      const t = tInterval(s.mean, s.sd, s.n);
      return [s.mean, t.low, t.high];
    });
  }

  reset(): void {
    this.stats = this.outcomes.map(() => new RunningStats());
  }
}

/** What `foldDesign` hands on, in unit order. */
export interface DesignFold {
  /** One design run (a row of sweep.csv). */
  readonly run?: (point: number, replication: number, values: Float64Array) => void;
  /** One design point's summary over its replications (a row of sweep_summary.csv): mean, CI low, CI high per outcome. */
  readonly point?: (point: number, n: number, cells: readonly number[]) => void;
}

/** What `foldDesign` returns: per outcome k, the design points' means and the noise in them. */
export interface DesignMeans {
  /** means[k][p]: the mean of outcome k over point p's replications. */
  readonly means: Float64Array[];
  /**
   * noise[k]: the variance of a point's mean that replication noise gives
   * and common random numbers do not cancel between points: the residual
   * mean square of the two-way table (point x replication) divided by R,
   *
   *   MS_res = (sum_p,r (y_pr - ybar_p.)^2 - P sum_r (ybar_.r - ybar_..)^2) / ((P - 1)(R - 1)).
   *
   * Replication r of every point shares the seeds of (seed, r); the part of
   * the noise that all points share moves every mean alike and drops out
   * of every difference between points (and so of every index). Without a
   * shared part it is the mean over points of s_p^2 / R. NaN with R < 2 or
   * P < 2.
   */
  readonly noise: number[];
  /**
   * stepNoise[k][p]: the variance of the difference between point p's mean
   * and point p - 1's (the step a Morris trajectory takes between them), from
   * their paired replications: var_r(y_pr - y_(p-1)r) / R. Replication r of
   * two neighbouring points shares its seeds, and how much of the noise the
   * pair shares depends on how alike the two scenarios are: more than the
   * average pair of points (`noise`) for a step that changes little. NaN for
   * p = 0 and with R < 2.
   */
  readonly stepNoise: Float64Array[];
}

/**
 * Walks every unit of a design in order (point by point, replications in
 * order), reading each unit's outcome vector with `read`, and returns the
 * mean of every outcome at every design point (means[k][point]), which the
 * sensitivity measures take, with the squared standard error of each mean
 * (the noise floor's input). The file store and the memory store both fold
 * through here, so they give the same numbers.
 */
export function foldDesign(
  points: number,
  replications: number,
  outcomes: readonly OutcomeSpec[],
  read: (unit: number, out: Float64Array) => void,
  emit: DesignFold = {},
): DesignMeans {
  const means = outcomes.map(() => new Float64Array(points));
  // Per outcome: the sum over points of (R - 1) s_p^2, and each replication's sum over points.
  const within = new Float64Array(outcomes.length);
  const byReplication = outcomes.map(() => new Float64Array(replications));
  const acc = new PointSummary(outcomes);
  const values = new Float64Array(outcomes.length);
  const K = outcomes.length;
  // This point's and the previous point's values, replication by replication (stepNoise).
  let previous = new Float64Array(K * replications);
  let current = new Float64Array(K * replications);
  const stepNoise = outcomes.map(() => new Float64Array(points).fill(Number.NaN));
  for (let u = 0; u < points * replications; u++) {
    read(u, values);
    const { point, replication } = unitPoint(u, replications);
    emit.run?.(point, replication, values);
    acc.push(values);
    for (let k = 0; k < K; k++) byReplication[k]![replication]! += values[k]!;
    current.set(values, replication * K);
    if (replication === replications - 1) {
      if (point > 0 && replications > 1) {
        for (let k = 0; k < K; k++) {
          let mean = 0;
          for (let r = 0; r < replications; r++) mean += current[r * K + k]! - previous[r * K + k]!;
          mean /= replications;
          let ss = 0;
          for (let r = 0; r < replications; r++) ss += (current[r * K + k]! - previous[r * K + k]! - mean) ** 2;
          stepNoise[k]![point] = ss / (replications - 1) / replications;
        }
      }
      [previous, current] = [current, previous];
      emit.point?.(point, acc.n, acc.cells());
      acc.means().forEach((m, k) => {
        means[k]![point] = m;
      });
      acc.sumsOfSquares().forEach((ss, k) => {
        within[k]! += ss;
      });
      acc.reset();
    }
  }
  const noise = outcomes.map((_, k) => {
    if (replications < 2 || points < 2) return Number.NaN;
    const rep = byReplication[k]!;
    let grand = 0;
    for (let r = 0; r < replications; r++) grand += rep[r]! / points;
    grand /= replications;
    let shared = 0;
    for (let r = 0; r < replications; r++) shared += (rep[r]! / points - grand) ** 2;
    const residual = Math.max(0, within[k]! - points * shared) / ((points - 1) * (replications - 1));
    return residual / replications;
  });
  return { means, noise, stepNoise };
}
