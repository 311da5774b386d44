/**
 * Confidence interval for a proportion, e.g. the share of replications in
 * which an innovation is sustained.
 */
import { zCritical } from './critical.js';

/** An estimated proportion with its confidence interval. */
export interface ProportionInterval {
  readonly p: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval for a binomial proportion.
 *
 * Formula: with p = s / n and z the two-sided normal critical value,
 * centre = (s + z^2/2) / (n + z^2),
 * half-width = z sqrt(s (n - s) / n + z^2 / 4) / (n + z^2).
 * Unlike the Wald interval p +- z sqrt(p(1-p)/n) it stays inside [0, 1] and
 * keeps close to nominal coverage for small n and for p near 0 or 1.
 *
 * Source: E. B. Wilson (1927), "Probable inference, the law of succession,
 * and statistical inference", JASA 22(158):209-212; recommended by
 * R. G. Newcombe (1998), Statistics in Medicine 17:857-872 (method 3), whose
 * worked examples the tests reproduce (81/263 -> 0.2553-0.3662).
 *
 * Conventions: s = 0 gives low exactly 0 and s = n gives high exactly 1.
 * n = 0 carries no information: p is NaN and the interval is [0, 1].
 * Throws a `RangeError` unless 0 <= s <= n are integers.
 *
 * Complexity: O(1).
 *
 * @example
 * wilson(8, 10); // { p: 0.8, low: 0.4902, high: 0.9433 }
 */
export function wilson(successes: number, n: number, level = 0.95): ProportionInterval {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilson needs integers 0 <= successes <= n, got ${successes} of ${n}`);
  }
  const z = zCritical(level);
  if (n === 0) return { p: Number.NaN, low: 0, high: 1 };
  const z2 = z * z;
  const centre = (successes + z2 / 2) / (n + z2);
  const halfWidth = (z * Math.sqrt((successes * (n - successes)) / n + z2 / 4)) / (n + z2);
  return {
    p: successes / n,
    low: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
