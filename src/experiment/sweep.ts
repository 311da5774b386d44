/**
 * Sweeps: a design (experiment/design.ts) run with R replications per
 * point. The unit of work is a design run u = point * R + replication;
 * a shard i/n runs the units with u % n == i (docs/EXPERIMENTS-USAGE.md, "Scaling").
 *
 * Replication r of every design point uses the seeds of (master seed, r):
 * common random numbers across points, so neighbouring points differ by
 * the parameters, not by luck, and Morris' differences are paired.
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

/**
 * Walks every unit of a design in order (point by point, replications in
 * order), reading each unit's outcome vector with `read`, and returns the
 * mean of every outcome at every design point (means[k][point]), which the
 * sensitivity measures take. The file store and the memory store both fold
 * through here, so they give the same numbers.
 */
export function foldDesign(
  points: number,
  replications: number,
  outcomes: readonly OutcomeSpec[],
  read: (unit: number, out: Float64Array) => void,
  emit: DesignFold = {},
): Float64Array[] {
  const means = outcomes.map(() => new Float64Array(points));
  const acc = new PointSummary(outcomes);
  const values = new Float64Array(outcomes.length);
  for (let u = 0; u < points * replications; u++) {
    read(u, values);
    const { point, replication } = unitPoint(u, replications);
    emit.run?.(point, replication, values);
    acc.push(values);
    if (replication === replications - 1) {
      emit.point?.(point, acc.n, acc.cells());
      acc.means().forEach((m, k) => {
        means[k]![point] = m;
      });
      acc.reset();
    }
  }
  return means;
}
