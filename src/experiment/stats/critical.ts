/**
 * Two-sided critical values: the multipliers of the standard error in a
 * confidence interval at a given confidence level.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { normalQuantile } from './normal.js';

/**
 * Throws a `RangeError` unless 0 < level < 1.
 *
 * Complexity: O(1).
 *
 * @example
 * checkLevel(0.95); // ok
 */
export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
  }
}

/**
 * Two-sided Student t critical value: the (1 + level) / 2 quantile of the t
 * distribution with `df` degrees of freedom, so that P(|T| <= t) = level.
 *
 * Source: the t quantile of `@stdlib/stats-base-dists-t-quantile` (inverse
 * regularized incomplete beta function); the t interval itself is
 * W. S. Gosset ("Student", 1908), Biometrika 6(1):1-25.
 *
 * Complexity: O(1) (an iterative special-function evaluation).
 *
 * @example
 * tCritical(0.95, 3); // 3.182446305283708
 */
const tCache = new Map<string, number>();

export function tCritical(level: number, df: number): number {
  checkLevel(level);
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  // A run's summary asks for the same (level, df) once per month and metric.
  const key = `${level}:${df}`;
  let t = tCache.get(key);
  if (t === undefined) {
    t = tQuantile((1 + level) / 2, df);
    if (tCache.size > 4096) tCache.clear();
    tCache.set(key, t);
  }
  return t;
}

/**
 * Two-sided standard normal critical value z with P(|Z| <= z) = level.
 *
 * Source: Wichura's AS 241 (see {@link normalQuantile}).
 *
 * Complexity: O(1).
 *
 * @example
 * zCritical(0.95); // 1.959963984540054
 */
export function zCritical(level: number): number {
  checkLevel(level);
  return normalQuantile((1 + level) / 2);
}
