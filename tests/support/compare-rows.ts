/**
 * A row of compare.csv for the report's tests: base and variant with
 * intervals of zero width (the table and the forest chart read only their
 * means), the difference and its interval as given, the relative change
 * and the level (0.975, two what-ifs) as compare.csv has them.
 */
import type { CompareRow } from '../../src/report/rows.js';

export interface CompareRowOptions {
  /** Replications per arm. */
  readonly n: number;
  /** Correlation of the paired arms. */
  readonly correlation: number;
  /** The paired difference's mean (default: variant − base, as with one replication pair). */
  readonly diff?: number;
}

export function compareRow(outcome: string, variant: string, base: number, v: number, low: number, high: number, options: CompareRowOptions): CompareRow {
  const diff = options.diff ?? v - base;
  return {
    outcome,
    variant,
    n: options.n,
    base_mean: base,
    base_ci_low: base,
    base_ci_high: base,
    variant_mean: v,
    variant_ci_low: v,
    variant_ci_high: v,
    diff_mean: diff,
    diff_ci_low: low,
    diff_ci_high: high,
    relative_change: base === 0 ? null : diff / base,
    correlation: options.correlation,
    level: 0.975,
  } as CompareRow;
}
