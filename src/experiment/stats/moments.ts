/**
 * Sample mean and unbiased sample variance of a batch of numbers: the
 * building block under {@link describe}, paired comparisons and the
 * relative-precision rule.
 */

/** Size, mean and unbiased variance (divisor n - 1) of a sample. */
export interface Moments {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

/**
 * Sample mean and unbiased sample variance, by the corrected two-pass
 * algorithm.
 *
 * Formula: m = (1/n) sum x_i;
 * s^2 = [ sum (x_i - m)^2 - (1/n) (sum (x_i - m))^2 ] / (n - 1).
 * The second term corrects the rounding error of m (it is exactly zero in
 * exact arithmetic).
 *
 * Source: T. F. Chan, G. H. Golub and R. J. LeVeque (1983), "Algorithms for
 * computing the sample variance: analysis and recommendations", The American
 * Statistician 37(3):242-247, eq. (1.7).
 *
 * Conventions: n = 0 gives mean NaN and variance NaN; n = 1 gives variance 0
 * (undefined in theory; 0 keeps tables numeric, and callers that care test
 * n). A sample whose values are all identical returns that value as the mean
 * and a variance of exactly 0, so a constant outcome has an exact,
 * zero-width interval. NaN anywhere gives NaN mean and variance.
 *
 * Complexity: O(n) time, O(1) memory; two passes; the input is not mutated.
 *
 * @example
 * sampleMoments([1, 2, 3, 4]); // { n: 4, mean: 2.5, variance: 1.6666666666666667 }
 */
export function sampleMoments(values: ArrayLike<number>): Moments {
  const n = values.length;
  if (n === 0) return { n, mean: Number.NaN, variance: Number.NaN };
  const first = values[0] as number;
  let sum = 0;
  let constant = true;
  for (let i = 0; i < n; i += 1) {
    const x = values[i] as number;
    sum += x;
    if (x !== first) constant = false;
  }
  if (Number.isNaN(sum)) return { n, mean: Number.NaN, variance: Number.NaN };
  if (constant) return { n, mean: first, variance: 0 };
  const mean = sum / n;
  if (n === 1) return { n, mean, variance: 0 };
  let squares = 0;
  let residual = 0;
  for (let i = 0; i < n; i += 1) {
    const d = (values[i] as number) - mean;
    squares += d * d;
    residual += d;
  }
  const variance = Math.max(0, (squares - (residual * residual) / n) / (n - 1));
  return { n, mean, variance };
}
