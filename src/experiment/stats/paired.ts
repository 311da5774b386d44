/**
 * Comparing policy what-ifs run with common random numbers (CRN): the
 * paired difference of two arms over the same replications, the achieved
 * correlation, and the Bonferroni adjustment for several variants.
 */
import { tInterval } from './describe.js';
import { checkLevel } from './critical.js';
import { sampleMoments } from './moments.js';
import { wilson } from './wilson.js';

/** Paired comparison of a variant against the base over R replications. */
export interface PairedComparison {
  readonly n: number;
  readonly base_mean: number;
  readonly base_sd: number;
  readonly base_ci_low: number;
  readonly base_ci_high: number;
  readonly variant_mean: number;
  readonly variant_sd: number;
  readonly variant_ci_low: number;
  readonly variant_ci_high: number;
  /** Mean of variant[r] - base[r]. */
  readonly diff_mean: number;
  readonly diff_sd: number;
  readonly diff_ci_low: number;
  readonly diff_ci_high: number;
  /** diff_mean / base_mean; NaN when base_mean is 0. */
  readonly relative_change: number;
  /** Pearson correlation of the pairs; NaN when either arm has zero variance. */
  readonly correlation: number;
}

/**
 * Paired comparison of two arms run over the same replications with common
 * random numbers: each arm's mean and t interval, and the t interval of the
 * mean paired difference d_r = variant_r - base_r.
 *
 * Formula: diff CI = mean(d) +- t_{(1+level)/2, n-1} sd(d) / sqrt(n), where
 * Var(d) = Var(base) + Var(variant) - 2 Cov(base, variant): the positive
 * correlation that CRN induces is what narrows this interval compared with
 * two independent runs. `correlation` reports the achieved Pearson r;
 * `relative_change` = diff_mean / base_mean.
 *
 * Source: Law and Kelton, Simulation Modeling and Analysis, 3rd ed. (2000),
 * section 10.2.1 (paired-t confidence interval) and section 11.2 (common
 * random numbers).
 *
 * For a 0/1 outcome (one yes/no per replication) this t interval is wrong
 * when the arms rarely differ: it is [0, 0] whenever no pair differs, and
 * covers a rare effect far less often than its level says; use
 * {@link pairedProportionDifference} for those.
 *
 * Conventions: when every difference is exactly 0 the diff interval is
 * exactly [0, 0]; n < 2 gives NaN intervals (see {@link tInterval})
 * and NaN correlation. Throws a `RangeError` when the arms differ in length.
 *
 * Complexity: O(n) time and memory; inputs are not mutated.
 *
 * @example
 * pairedDifference([10, 12, 11], [11, 13, 12.5]).diff_mean; // 1.1666...
 */
export function pairedDifference(
  base: ArrayLike<number>,
  variant: ArrayLike<number>,
  level = 0.95,
): PairedComparison {
  const n = base.length;
  if (variant.length !== n) {
    throw new RangeError(`paired arms need the same replications: base has ${n}, variant has ${variant.length}`);
  }
  checkLevel(level);
  const diff = new Float64Array(n);
  for (let i = 0; i < n; i += 1) diff[i] = (variant[i] as number) - (base[i] as number);

  const b = sampleMoments(base);
  const v = sampleMoments(variant);
  const d = sampleMoments(diff);
  const bSd = Math.sqrt(b.variance);
  const vSd = Math.sqrt(v.variance);
  const dSd = Math.sqrt(d.variance);
  const bCi = tInterval(b.mean, bSd, n, level);
  const vCi = tInterval(v.mean, vSd, n, level);
  const dCi = tInterval(d.mean, dSd, n, level);
  return {
    n,
    base_mean: b.mean,
    base_sd: bSd,
    base_ci_low: bCi.low,
    base_ci_high: bCi.high,
    variant_mean: v.mean,
    variant_sd: vSd,
    variant_ci_low: vCi.low,
    variant_ci_high: vCi.high,
    diff_mean: d.mean,
    diff_sd: dSd,
    diff_ci_low: dCi.low,
    diff_ci_high: dCi.high,
    relative_change: b.mean === 0 ? Number.NaN : d.mean / b.mean,
    correlation: pearson(base, variant, b.mean, v.mean),
  };
}

/** A paired 2x2 table of two 0/1 outcomes over the same replications. */
export interface PairedTable {
  /** Replications where both arms are 1. */
  readonly both: number;
  /** Replications where the variant is 1 and the base 0. */
  readonly variantOnly: number;
  /** Replications where the base is 1 and the variant 0. */
  readonly baseOnly: number;
  /** Replications where both arms are 0. */
  readonly neither: number;
}

/** The difference of two paired proportions (variant - base) with its interval. */
export interface PairedProportionInterval {
  readonly n: number;
  /** (variantOnly - baseOnly) / n: the variant's share minus the base's. */
  readonly diff: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Counts the paired 2x2 table of two 0/1 vectors (base[r], variant[r]).
 * Throws a `RangeError` when the arms differ in length or a value is not 0 or 1.
 */
export function pairedTable(base: ArrayLike<number>, variant: ArrayLike<number>): PairedTable {
  const n = base.length;
  if (variant.length !== n) {
    throw new RangeError(`paired arms need the same replications: base has ${n}, variant has ${variant.length}`);
  }
  let both = 0;
  let variantOnly = 0;
  let baseOnly = 0;
  let neither = 0;
  for (let i = 0; i < n; i += 1) {
    const b = base[i] as number;
    const v = variant[i] as number;
    if ((b !== 0 && b !== 1) || (v !== 0 && v !== 1)) {
      throw new RangeError(`a paired proportion needs 0/1 values, got base ${b} and variant ${v} in pair ${i}`);
    }
    if (b === 1 && v === 1) both += 1;
    else if (v === 1) variantOnly += 1;
    else if (b === 1) baseOnly += 1;
    else neither += 1;
  }
  return { both, variantOnly, baseOnly, neither };
}

/**
 * Confidence interval for the difference of two proportions measured on the
 * same replications (a 0/1 outcome, paired by replication): the variant's
 * share minus the base's.
 *
 * Formula (Newcombe's method 10, score-based, no continuity correction): in
 * Newcombe's notation e = both, f = variantOnly, g = baseOnly, h = neither,
 * n = e + f + g + h, p1 = (e + f)/n the variant's share, p2 = (e + g)/n the
 * base's, theta = p1 - p2 = (f - g)/n. With (l1, u1) and (l2, u2) the
 * Wilson score intervals of p1 and p2 at the same level,
 *   low  = theta - sqrt((p1 - l1)^2 - 2 phi (p1 - l1)(u2 - p2) + (u2 - p2)^2)
 *   high = theta + sqrt((u1 - p1)^2 - 2 phi (u1 - p1)(p2 - l2) + (p2 - l2)^2)
 * where phi estimates the correlation of the two arms, with Newcombe's
 * correction: A = eh - fg; phi = (A - n/2)/sqrt((e+f)(g+h)(e+g)(f+h)) when
 * A > n/2, 0 when 0 <= A <= n/2, A/sqrt(...) when A < 0, and 0 when a
 * margin (e+f, g+h, e+g or f+h) is 0.
 *
 * No pair differing (f = g = 0) does not give [0, 0], since a rare effect
 * may simply not have shown in n pairs: at 95 %, -0.0729 to +0.0729 for
 * e = 53, h = 1; +-0.0097 for e = h = 100; and +-z^2/(n + z^2) (+-0.0188 for
 * n = 200) when every value is 0 (or every value 1) in both arms.
 *
 * Source: R. G. Newcombe (1998), "Improved confidence intervals for the
 * difference between binomial proportions based on paired data",
 * Statistics in Medicine 17(22):2635-2650, method 10; the tests reproduce
 * its worked examples (e = 36, f = 12, g = 2, h = 0 -> 0.0569 to 0.3404).
 * Wilson intervals: {@link wilson}.
 *
 * Conventions: n = 0 gives NaN. Throws a `RangeError` on counts that are not
 * non-negative integers, or on a bad level.
 *
 * Complexity: O(1).
 *
 * @example
 * newcombePaired({ both: 36, variantOnly: 12, baseOnly: 2, neither: 0 }); // { diff: 0.2, low: 0.0569, high: 0.3404 }
 */
export function newcombePaired(table: PairedTable, level = 0.95): PairedProportionInterval {
  checkLevel(level);
  const { both: e, variantOnly: f, baseOnly: g, neither: h } = table;
  for (const c of [e, f, g, h]) {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`a paired table needs counts that are integers >= 0, got ${e}, ${f}, ${g}, ${h}`);
  }
  const n = e + f + g + h;
  if (n === 0) return { n, diff: Number.NaN, low: Number.NaN, high: Number.NaN };
  const p1 = (e + f) / n;
  const p2 = (e + g) / n;
  const w1 = wilson(e + f, n, level);
  const w2 = wilson(e + g, n, level);
  const margins = (e + f) * (g + h) * (e + g) * (f + h);
  const a = e * h - f * g;
  const phi = margins === 0 ? 0 : a > n / 2 ? (a - n / 2) / Math.sqrt(margins) : a >= 0 ? 0 : a / Math.sqrt(margins);
  const dl1 = p1 - w1.low;
  const du1 = w1.high - p1;
  const dl2 = p2 - w2.low;
  const du2 = w2.high - p2;
  const diff = (f - g) / n;
  const delta = Math.sqrt(Math.max(0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2));
  const epsilon = Math.sqrt(Math.max(0, du1 * du1 - 2 * phi * du1 * dl2 + dl2 * dl2));
  return { n, diff, low: Math.max(-1, diff - delta), high: Math.min(1, diff + epsilon) };
}

/**
 * {@link newcombePaired} of two 0/1 vectors paired by index (variant - base).
 *
 * @example
 * pairedProportionDifference([0, 0, 1, 0], [1, 0, 1, 0]).diff; // 0.25
 */
export function pairedProportionDifference(base: ArrayLike<number>, variant: ArrayLike<number>, level = 0.95): PairedProportionInterval {
  return newcombePaired(pairedTable(base, variant), level);
}

/** Pearson r from centred sums; NaN when n < 2 or either variance is 0. */
function pearson(x: ArrayLike<number>, y: ArrayLike<number>, mx: number, my: number): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Per-comparison confidence level that keeps the family-wise level when
 * `comparisons` intervals are reported together (several variants against
 * one base).
 *
 * Formula: 1 - (1 - level) / m.
 *
 * Source: O. J. Dunn (1961), "Multiple comparisons among means", JASA
 * 56(293):52-64 (the Bonferroni inequality applied to intervals); Law and
 * Kelton (2000), section 10.3.
 *
 * Complexity: O(1).
 *
 * @example
 * bonferroniLevel(0.95, 5); // 0.99
 */
export function bonferroniLevel(level: number, comparisons: number): number {
  checkLevel(level);
  if (!Number.isInteger(comparisons) || comparisons < 1) {
    throw new RangeError(`comparisons must be an integer >= 1, got ${comparisons}`);
  }
  return 1 - (1 - level) / comparisons;
}

/**
 * How many times more replications an unpaired (independent streams) design
 * would need to reach the same diff CI width as the paired CRN design: the
 * variance-reduction factor of common random numbers.
 *
 * Formula: (sd_base^2 + sd_variant^2) / sd_diff^2, since independent arms
 * give Var(d) = Var(base) + Var(variant) while CRN gives the measured
 * Var(d) = Var(base) + Var(variant) - 2 Cov. 1 means CRN did not help; 10
 * means an unpaired study would need 10 times the replications (the t
 * quantile's dependence on df is ignored). Returns Infinity when sd_diff is 0
 * and the arms vary, NaN when all three are 0.
 *
 * Source: Law and Kelton (2000), section 11.2.
 *
 * Complexity: O(1).
 *
 * @example
 * const c = pairedDifference(base, variant);
 * unpairedReplicationRatio(c.base_sd, c.variant_sd, c.diff_sd); // e.g. 8.3
 */
export function unpairedReplicationRatio(sdBase: number, sdVariant: number, sdDiff: number): number {
  const unpaired = sdBase * sdBase + sdVariant * sdVariant;
  const paired = sdDiff * sdDiff;
  if (paired === 0) return unpaired === 0 ? Number.NaN : Number.POSITIVE_INFINITY;
  return unpaired / paired;
}
