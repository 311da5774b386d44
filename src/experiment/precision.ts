/**
 * `--precision X`: how many replications to run (docs/EXPERIMENTS-USAGE.md,
 * "Automatic replication count"). Replications are added in batches until
 * the 95 % CI half-width of the chosen outcome, relative to its mean, is at
 * most X in every arm (Law and Kelton's sequential relative-precision rule,
 * experiment/stats/precision.ts), with at least `minimum` replications and
 * at most `maximum`.
 *
 * Checkpoints: 10 replications first; then Law and Kelton's estimate
 * n (h / X)^2 of the count needed (h the relative half-width so far), at
 * least 10 more and at most twice as many. The count reported is the first
 * checkpoint that meets the rule, a pure function of the outcome values, so
 * it does not depend on worker count or order.
 */
import { relativeHalfWidth, wilson } from './stats/index.js';

/**
 * The relative 95 % half-width of an outcome so far. A 0/1 outcome (such as
 * `sustained.<innovation>`) uses the Wilson interval: ten replications that
 * are all 0 say little about a rare event (Wilson 0/10 is [0, 0.28]), while
 * the t interval of a constant sample has width 0 and would stop at once.
 */
export function relativePrecision(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.POSITIVE_INFINITY;
  if (values.every((v) => v === 0 || v === 1)) {
    const ones = values.reduce<number>((a, b) => a + b, 0);
    const w = wilson(ones, n);
    return ones === 0 ? Number.POSITIVE_INFINITY : (w.high - w.low) / 2 / w.p;
  }
  return relativeHalfWidth(values);
}

export interface PrecisionRule {
  /** Target relative half-width X (e.g. 0.05). */
  readonly target: number;
  readonly minimum: number;
  readonly maximum: number;
}

export { PRECISION_MAXIMUM, PRECISION_MINIMUM } from './precision-defaults.js';

/**
 * The next checkpoint after `n` replications, or `null` to stop (the rule
 * is met in every arm, or `n` reached the maximum). `arms[a]` holds at
 * least `n` values of the chosen outcome in replication order.
 *
 * @example
 * nextCheckpoint([values], 10, { target: 0.05, minimum: 10, maximum: 10000 }); // e.g. 20, or null
 */
export function nextCheckpoint(arms: readonly ArrayLike<number>[], n: number, rule: PrecisionRule): number | null {
  const minimum = Math.max(2, rule.minimum);
  if (n < minimum) return Math.min(minimum, rule.maximum);
  const prefix = (values: ArrayLike<number>) => Array.prototype.slice.call(values, 0, n) as number[];
  const met = arms.every((values) => n >= minimum && relativePrecision(prefix(values)) <= rule.target);
  if (met || n >= rule.maximum) return null;
  let worst = 0;
  for (const values of arms) {
    const h = relativePrecision(prefix(values));
    worst = Math.max(worst, Number.isFinite(h) ? h : Number.POSITIVE_INFINITY);
  }
  const estimate = Number.isFinite(worst) ? Math.ceil(n * (worst / rule.target) ** 2) : 2 * n;
  return Math.min(rule.maximum, Math.max(n + 10, Math.min(2 * n, estimate)));
}

/** The largest relative half-width over the arms after n replications (what was achieved). */
export function achievedPrecision(arms: readonly ArrayLike<number>[], n: number): number {
  let worst = 0;
  for (const values of arms) worst = Math.max(worst, relativePrecision(Array.prototype.slice.call(values, 0, n) as number[]));
  return worst;
}
