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
 * computed by `simple-statistics`' `quantileSorted` on the order statistics
 * it reads (found by selection, see `quantiles`).
 *
 * Source: R. J. Hyndman and Y. Fan (1996), "Sample quantiles in statistical
 * packages", The American Statistician 50(4):361-365.
 *
 * Conventions: n = 0 gives NaN everywhere; n = 1 gives an unknown (NaN) sd
 * and interval (see {@link tInterval}); any NaN value makes
 * every statistic NaN (n still counts it), rather than quietly dropping it.
 *
 * Complexity: O(n) expected time (selection; O(n log n) at worst, and for a
 * column holding a -0, which is sorted), O(n) memory for a scratch copy;
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
  const [p05, p25, p50, p75, p95] = quantiles(values);
  return { n, mean, sd, ci_low: ci.low, ci_high: ci.high, p05: p05!, p25: p25!, p50: p50!, p75: p75!, p95: p95! };
}

/** The probabilities of describe's quantiles, in order. */
const PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** A scratch copy per size, reused (summary.csv describes thousands of columns of the same length). */
let scratch = new Float64Array(0);

/**
 * describe's quantiles: `quantileSorted(sorted, p)` for each p, where
 * `sorted` is the values in ascending order. quantileSorted reads only the
 * elements at floor and ceil of (n - 1) p, so those ten order statistics
 * are found by selection (a three-way quickselect on a scratch copy,
 * O(n) expected; or, for a column of small whole numbers, by counting)
 * instead of a full sort, and read through a view that
 * holds them at their sorted positions: the same values, bit for bit, since
 * the k-th smallest of values without NaN or -0 is one value whichever way
 * it is found. A column of one value needs no selection at all. A column
 * holding a -0 is sorted as before (sortedCopy): -0 and +0 compare equal,
 * and which of them lands at a position depends on the sort.
 * (summary.csv describes every month and metric over R replications:
 * 9,768 columns of 1,000 values for Bekasi.)
 */
function quantiles(values: ArrayLike<number>): number[] {
  const n = values.length;
  if (scratch.length !== n) scratch = new Float64Array(n);
  const a = scratch;
  let constant = true;
  // Whether every value is a whole number in 0..COUNTED - 1 (counts of agencies and events, mostly).
  let counted = true;
  let max = 0;
  const first = values[0]!;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (x === 0 && 1 / x < 0) {
      const sorted = sortedCopy(values);
      return PROBABILITIES.map((p) => quantileSorted(sorted, p));
    }
    if (x !== first) constant = false;
    if ((x >>> 0) === x && x < COUNTED) {
      if (x > max) max = x;
    } else counted = false;
    a[i] = x;
  }
  if (!constant) {
    const positions: number[] = [];
    for (const p of PROBABILITIES) {
      const idx = (n - 1) * p;
      positions.push(Math.floor(idx), Math.ceil(idx));
    }
    const ks = [...new Set(positions)].sort((x, y) => x - y);
    if (counted) countPositions(a, n, max, ks);
    else selectPositions(a, 0, n - 1, ks, 0, ks.length, 2 * Math.ceil(Math.log2(n)) + 8);
  }
  // `a` now holds at each position in ks the value a sort would put there
  // (a column of one value is its own sorted order).
  return PROBABILITIES.map((p) => quantileSorted(a as unknown as number[], p));
}

/** Columns of whole numbers below this are counted instead of selected (see countPositions). */
const COUNTED = 1024;
const tally = new Uint32Array(COUNTED);

/**
 * Puts at each position in ks (ascending) of a[0..n) the value it would
 * hold were a[0..n) sorted, for values that are all whole numbers in
 * 0..max (max < COUNTED): a count of each value, then a walk up the
 * cumulative counts. Whole numbers without -0 have one sorted order, so
 * these are the values selection or a sort would put there, bit for bit,
 * in O(n + max) time: most columns of summary.csv are counts (4,499 of
 * Bekasi's 5,959 columns that are not constant, none above 227).
 */
function countPositions(a: Float64Array, n: number, max: number, ks: readonly number[]): void {
  tally.fill(0, 0, max + 1);
  for (let i = 0; i < n; i++) tally[a[i]!]!++;
  let v = 0;
  let below = 0; // how many values are smaller than v
  for (const k of ks) {
    while (below + tally[v]! <= k) below += tally[v++]!;
    a[k] = v;
  }
}

/**
 * Rearranges a[lo..hi] so that each position ks[kLo..kHi) (ascending, within
 * lo..hi) holds the value it would hold were a[lo..hi] sorted ascending
 * (values without NaN). Three-way partitioning around a median of three, so
 * runs of equal values (counts, zeros) end a branch at once. After `rounds`
 * partitions the range is sorted instead (a bad run of pivots cannot make
 * it quadratic); values without NaN or -0 sort to the same order either way.
 */
function selectPositions(a: Float64Array, lo: number, hi: number, ks: readonly number[], kLo: number, kHi: number, rounds: number): void {
  while (kLo < kHi) {
    if (rounds-- <= 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    if (hi - lo < 24) {
      for (let i = lo + 1; i <= hi; i++) {
        const x = a[i]!;
        let j = i - 1;
        while (j >= lo && a[j]! > x) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    const mid = lo + ((hi - lo) >> 1);
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i] = a[lt]!;
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt] = v;
        gt--;
      } else i++;
    }
    // Positions in [lt, gt] hold the pivot: done. Those below and above are the two sides.
    let below = kLo;
    while (below < kHi && ks[below]! < lt) below++;
    let above = below;
    while (above < kHi && ks[above]! <= gt) above++;
    if (below - kLo <= kHi - above) {
      selectPositions(a, lo, lt - 1, ks, kLo, below, rounds);
      lo = gt + 1;
      kLo = above;
    } else {
      selectPositions(a, gt + 1, hi, ks, above, kHi, rounds);
      hi = lt - 1;
      kHi = below;
    }
  }
}

/**
 * The values in ascending order, as a new array. A Float64Array's own sort
 * (numeric, no comparator call per comparison) is several times faster than
 * sorting a plain array with `(a, b) => a - b`. Both give the same array
 * unless -0 and +0 are both present (the comparator calls them equal and
 * keeps their input order; the typed sort puts -0 first), so a column
 * holding a -0 is sorted the old way and the quantiles keep their bytes.
 * NaN never reaches here (describe returns early on it).
 */
function sortedCopy(values: ArrayLike<number>): readonly number[] {
  return Array.from(values).sort((a, b) => a - b);
}
