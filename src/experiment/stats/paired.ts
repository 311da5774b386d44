/**
 * Comparing policy what-ifs run with common random numbers (CRN): the
 * paired difference of two arms over the same replications, the achieved
 * correlation, and the Bonferroni adjustment for several variants.
 */
import { tInterval } from './describe.js';
import { checkLevel } from './critical.js';
import { sampleMoments } from './moments.js';

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
 * Conventions: when every difference is exactly 0 the diff interval is
 * exactly [0, 0]; n < 2 gives zero-width intervals (see {@link tInterval})
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
