/**
 * The automatic replication count (`--precision 0.05`): keep adding
 * replications until the confidence interval of the chosen outcome is
 * narrow relative to its mean.
 */
import { tInterval } from './describe.js';
import { sampleMoments } from './moments.js';

/**
 * Relative half-width of the t confidence interval of the mean:
 * delta(n, alpha) / |mean|.
 *
 * Formula: t_{(1+level)/2, n-1} s / sqrt(n) / |x-bar|.
 *
 * Source: A. M. Law and W. D. Kelton, Simulation Modeling and Analysis, 3rd
 * ed. (2000), section 9.4.1, "Obtaining a specified precision" (the
 * sequential procedure with relative error).
 *
 * Conventions: n < 2 gives Infinity (no estimate of spread yet, so never
 * "precise enough"); a zero half-width gives 0, even when the mean is 0 (a
 * constant outcome is known exactly); a mean of 0 with a positive
 * half-width gives Infinity; NaN values give NaN.
 *
 * Complexity: O(n) time, O(1) memory.
 *
 * @example
 * relativeHalfWidth([9, 10, 11, 10]); // 0.1299...
 */
export function relativeHalfWidth(values: ArrayLike<number>, level = 0.95): number {
  const { n, mean, variance } = sampleMoments(values);
  if (n < 2) return Number.POSITIVE_INFINITY;
  if (Number.isNaN(mean)) return Number.NaN;
  const { half_width: halfWidth } = tInterval(mean, Math.sqrt(variance), n, level);
  if (halfWidth === 0) return 0;
  return halfWidth / Math.abs(mean);
}

/**
 * Whether the replications so far meet Law and Kelton's relative-precision
 * stopping rule: at least `minimum` replications and
 * {@link relativeHalfWidth} <= `target`.
 *
 * `target` is compared with half-width / |mean| directly, as docs/EXPERIMENTS-USAGE.md
 * specifies. Law and Kelton show that stopping at gamma' = gamma / (1 + gamma)
 * bounds the actual relative error |x-bar - mu| / |mu| by gamma with
 * probability about `level`; pass {@link lawKeltonTarget}(gamma) for that
 * guarantee. The rule may never be met (a mean near 0), so callers must cap
 * the number of replications.
 *
 * Source: Law and Kelton (2000), section 9.4.1.
 *
 * Complexity: O(n) time, O(1) memory.
 *
 * @example
 * enoughReplications(outcomes, 0.05); // false until n >= 10 and CI is within 5 % of the mean
 */
export function enoughReplications(
  values: ArrayLike<number>,
  target: number,
  minimum = 10,
  level = 0.95,
): boolean {
  if (!(target > 0)) throw new RangeError(`target relative precision must be > 0, got ${target}`);
  if (!Number.isInteger(minimum) || minimum < 2) {
    throw new RangeError(`minimum replications must be an integer >= 2, got ${minimum}`);
  }
  if (values.length < minimum) return false;
  return relativeHalfWidth(values, level) <= target;
}

/**
 * Law and Kelton's adjusted target gamma / (1 + gamma): the relative
 * half-width at which to stop so that the actual relative error is at most
 * gamma.
 *
 * Source: Law and Kelton (2000), section 9.4.1.
 *
 * Complexity: O(1).
 *
 * @example
 * lawKeltonTarget(0.05); // 0.047619...
 */
export function lawKeltonTarget(gamma: number): number {
  if (!(gamma > 0)) throw new RangeError(`relative error must be > 0, got ${gamma}`);
  return gamma / (1 + gamma);
}
