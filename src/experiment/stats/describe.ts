/**
 * The per-month summary of R replications in summary.csv (docs/OUTPUTS.md):
 * mean, SD, 95 % t confidence interval of the mean and the 5/25/50/75/95 %
 * quantiles.
 */
import { quantileSorted } from 'simple-statistics';
import { tCritical } from './critical.js';
import { sampleMoments } from './moments.js';

/** A confidence interval and its half-width. */
export interface Interval {
  readonly low: number;
  readonly high: number;
  readonly half_width: number;
}

/** Summary of one sample (e.g. one metric in one month over replications). */
export interface Description {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation, divisor n - 1. */
  readonly sd: number;
  readonly ci_low: number;
  readonly ci_high: number;
  readonly p05: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/**
 * Student t confidence interval for a mean, from its summary statistics.
 *
 * Formula: mean +- t_{(1+level)/2, n-1} * sd / sqrt(n).
 *
 * Source: "Student" (1908), Biometrika 6(1):1-25; any text, e.g. Law and
 * Kelton, Simulation Modeling and Analysis, 3rd ed. (2000), eq. (4.12).
 *
 * Conventions: n < 2 cannot estimate a spread, so the interval is unknown
 * (NaN: an empty cell in CSV files, never a zero-width interval that would
 * look certain). An sd of exactly 0 gives an exactly zero-width interval.
 *
 * Complexity: O(1).
 *
 * @example
 * tInterval(2.5, Math.sqrt(5 / 3), 4); // { low: 0.44574, high: 4.55426, half_width: 2.05426 }
 */
export function tInterval(mean: number, sd: number, n: number, level = 0.95): Interval {
  if (!(n >= 0) || !Number.isInteger(n)) {
    throw new RangeError(`n must be a non-negative integer, got ${n}`);
  }
  if (n < 2) return { low: Number.NaN, high: Number.NaN, half_width: Number.NaN };
  const halfWidth = (tCritical(level, n - 1) * sd) / Math.sqrt(n);
  return { low: mean - halfWidth, high: mean + halfWidth, half_width: halfWidth };
}

/**
 * Summary statistics of a sample: n, mean, sample SD (divisor n - 1), the
 * t confidence interval of the mean at `level`, and the 5, 25, 50, 75 and
 * 95 % quantiles.
 *
 * Formulas: mean and SD by the corrected two-pass algorithm
 * ({@link sampleMoments}); CI by {@link tInterval}; quantiles by Hyndman
 * and Fan's definition 7 (the default of R and NumPy): on the sorted values
 * x_(1) <= ... <= x_(n), with h = (n - 1) p + 1,
 * Q(p) = x_(floor h) + (h - floor h) (x_(floor h + 1) - x_(floor h)),
 * computed by `simple-statistics`' `quantileSorted` on a sorted copy.
 *
 * Source: R. J. Hyndman and Y. Fan (1996), "Sample quantiles in statistical
 * packages", The American Statistician 50(4):361-365.
 *
 * Conventions: n = 0 gives NaN everywhere; n = 1 gives an unknown (NaN) sd
 * and interval (see {@link tInterval}); any NaN value makes
 * every statistic NaN (n still counts it), rather than quietly dropping it.
 *
 * Complexity: O(n log n) time (the sort), O(n) memory for the sorted copy;
 * the input is never mutated.
 *
 * @example
 * describe([1, 2, 3, 4]);
 * // { n: 4, mean: 2.5, sd: 1.29099, ci_low: 0.44574, ci_high: 4.55426,
 * //   p05: 1.15, p25: 1.75, p50: 2.5, p75: 3.25, p95: 3.85 }
 */
export function describe(values: ArrayLike<number>, level = 0.95): Description {
  const { n, mean, variance } = sampleMoments(values);
  if (n === 0 || Number.isNaN(mean)) {
    const nan = Number.NaN;
    return { n, mean: nan, sd: nan, ci_low: nan, ci_high: nan, p05: nan, p25: nan, p50: nan, p75: nan, p95: nan };
  }
  const sd = n < 2 ? Number.NaN : Math.sqrt(variance);
  const ci = tInterval(mean, sd, n, level);
  const sorted = sortedCopy(values);
  return {
    n,
    mean,
    sd,
    ci_low: ci.low,
    ci_high: ci.high,
    p05: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
  };
}

/**
 * The values in ascending order, as a new array. A Float64Array's own sort
 * (numeric, no comparator call per comparison) is several times faster than
 * sorting a plain array with `(a, b) => a - b`, which mattered: summary.csv
 * sorts every (month, metric) column of R replications. Both give the same
 * array unless -0 and +0 are both present (the comparator calls them equal
 * and keeps their input order; the typed sort puts -0 first), so a column
 * holding a -0 is sorted the old way and the quantiles keep their bytes.
 * NaN never reaches here (describe returns early on it).
 */
function sortedCopy(values: ArrayLike<number>): readonly number[] {
  const sorted = Float64Array.from(values);
  for (let i = 0; i < sorted.length; i++) if (Object.is(sorted[i], -0)) return Array.from(values).sort((a, b) => a - b);
  // quantileSorted reads only length and elements, which a Float64Array has.
  return sorted.sort() as unknown as readonly number[];
}
