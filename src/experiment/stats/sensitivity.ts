/**
 * Global sensitivity measures computed from model outputs on the designs of
 * `designs.ts`: Morris elementary effects (screening) and Sobol' variance
 * indices with bootstrap confidence intervals.
 */
import { quantileSorted } from 'simple-statistics';
import { checkLevel, zCritical } from './critical.js';
import type { MorrisDesign } from './designs.js';
import { sampleMoments } from './moments.js';
import { type Rng, uniformIndex } from './random.js';

/** Morris screening measures of one factor. */
export interface MorrisEffect {
  readonly name: string;
  /** Mean elementary effect (signed; effects of opposite sign cancel). */
  readonly mu: number;
  /** Mean absolute elementary effect: the overall importance. */
  readonly mu_star: number;
  /** SD of the elementary effects (n - 1): non-linearity or interactions. */
  readonly sigma: number;
  /**
   * Half-width of the bootstrap confidence interval of mu* (SALib's
   * `mu_star_conf`); NaN without a bootstrap.
   */
  readonly mu_star_conf: number;
}

/** Options of {@link morrisEffects}: the bootstrap of mu*. */
export interface MorrisOptions {
  /** Resamples of the elementary effects for `mu_star_conf` (0: none, NaN). */
  readonly bootstrap?: number;
  /** Uniform [0, 1) source for the bootstrap; required when bootstrap > 0. */
  readonly rng?: Rng;
  /** Confidence level of the interval (default 0.95). */
  readonly level?: number;
}

/**
 * The bootstrap half-width of mu* for one factor, as SALib computes
 * `mu_star_conf` (SALib.analyze.morris, compute_mu_star_confidence):
 * resample the factor's r elementary effects with replacement `resamples`
 * times, take the mean absolute effect of each resample, and return
 * z_{(1+level)/2} times their SD (n - 1).
 */
export function muStarConf(effects: ArrayLike<number>, resamples: number, rng: Rng, level = 0.95): number {
  const r = effects.length;
  if (r === 0 || resamples < 2) return Number.NaN;
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b += 1) {
    let sum = 0;
    for (let k = 0; k < r; k += 1) sum += Math.abs(effects[uniformIndex(rng, r)] as number);
    means[b] = sum / r;
  }
  return zCritical(level) * Math.sqrt(sampleMoments(means).variance);
}

/**
 * Morris elementary effects per factor from the outputs of a
 * {@link morrisTrajectories} design.
 *
 * Formula: for the step of factor i in trajectory t,
 * EE_i^t = (y(x + Delta e_i) - y(x)) / Delta with Delta the signed step in
 * unit coordinates; mu_i = mean_t EE_i^t, mu*_i = mean_t |EE_i^t|,
 * sigma_i = SD_t EE_i^t. Effects are per whole range of the factor (unit
 * coordinates, as in SALib), so factors in different units compare: for
 * y = sum c_i x_i on [min_i, max_i], mu*_i = |c_i| (max_i - min_i) and
 * sigma_i = 0.
 *
 * Sources: M. D. Morris (1991), Technometrics 33(2):161-174 (mu, sigma);
 * F. Campolongo, J. Cariboni and A. Saltelli (2007), Environmental Modelling
 * & Software 22(10):1509-1518 (mu*).
 *
 * Complexity: O(r D) time, O(D) memory. Throws a `RangeError` when the
 * outputs do not match the design's rows.
 *
 * @example
 * const d = morrisTrajectories(space, 20, 4, seedrandom('m'));
 * morrisEffects(d, d.rows.map(model)); // [{ name, mu, mu_star, sigma }, ...]
 */
export function morrisEffects(design: MorrisDesign, outputs: ArrayLike<number>, options: MorrisOptions = {}): MorrisEffect[] {
  const bootstrap = options.bootstrap ?? 0;
  if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new RangeError(`bootstrap must be a non-negative integer, got ${bootstrap}`);
  if (bootstrap > 0 && options.rng === undefined) throw new RangeError('a bootstrap needs an rng');
  checkLevel(options.level ?? 0.95);
  if (outputs.length !== design.rows.length) {
    throw new RangeError(`Morris needs one output per design row: ${design.rows.length} rows, ${outputs.length} outputs`);
  }
  const D = design.names.length;
  const r = design.trajectories.length;
  const effects: Float64Array[] = Array.from({ length: D }, () => new Float64Array(r));
  design.trajectories.forEach((t, k) => {
    t.order.forEach((factor, step) => {
      const before = outputs[t.start + step] as number;
      const after = outputs[t.start + step + 1] as number;
      // `+ 0` turns the -0 of 0 / (-delta) into 0.
      (effects[factor] as Float64Array)[k] = (after - before) / (t.steps[step] as number) + 0;
    });
  });
  return design.names.map((name, i) => {
    const ee = effects[i] as Float64Array;
    const { mean, variance } = sampleMoments(ee);
    let absSum = 0;
    for (let k = 0; k < r; k += 1) absSum += Math.abs(ee[k] as number);
    // One stream for all factors, in factor order: each factor's resamples follow the previous factor's.
    const conf = bootstrap > 0 ? muStarConf(ee, bootstrap, options.rng as Rng, options.level ?? 0.95) : Number.NaN;
    return { name, mu: mean, mu_star: absSum / r, sigma: Math.sqrt(variance), mu_star_conf: conf };
  });
}

/** Sobol' first-order and total indices of one factor with bootstrap CIs. */
export interface SobolIndex {
  /** Factor position (column of the design). */
  readonly factor: number;
  readonly S1: number;
  readonly S1_low: number;
  readonly S1_high: number;
  readonly ST: number;
  readonly ST_low: number;
  readonly ST_high: number;
}

/** Options of {@link sobolIndices}. */
export interface SobolOptions {
  /** Bootstrap resamples for the intervals; 0 (default) leaves them NaN. */
  readonly bootstrap?: number;
  /** Uniform [0, 1) source for the bootstrap; required when bootstrap > 0. */
  readonly rng?: Rng;
  /** Confidence level of the percentile intervals (default 0.95). */
  readonly level?: number;
}

/**
 * S1 and ST of every factor for one resample of base rows (idx), or for
 * all rows when idx is undefined.
 */
function estimate(
  y: ArrayLike<number>,
  N: number,
  D: number,
  idx: Int32Array | undefined,
  s1: Float64Array,
  st: Float64Array,
): void {
  const at = (j: number): number => (idx === undefined ? j : (idx[j] as number));
  // Total variance from the 2N outputs of A and B (divisor 2N, as SALib).
  let sum = 0;
  for (let j = 0; j < N; j += 1) sum += (y[at(j)] as number) + (y[N + at(j)] as number);
  const mean = sum / (2 * N);
  let ss = 0;
  for (let j = 0; j < N; j += 1) {
    const a = (y[at(j)] as number) - mean;
    const b = (y[N + at(j)] as number) - mean;
    ss += a * a + b * b;
  }
  const variance = ss / (2 * N);
  for (let i = 0; i < D; i += 1) {
    const offset = (2 + i) * N;
    let first = 0;
    let total = 0;
    for (let j = 0; j < N; j += 1) {
      const k = at(j);
      const fA = y[k] as number;
      const fB = y[N + k] as number;
      const fAB = y[offset + k] as number;
      first += fB * (fAB - fA);
      total += (fA - fAB) * (fA - fAB);
    }
    s1[i] = first / N / variance;
    st[i] = total / (2 * N) / variance;
  }
}

/**
 * Sobol' first-order (S1) and total (ST) sensitivity indices from the
 * outputs of a {@link saltelliSample} design, with bootstrap percentile
 * confidence intervals.
 *
 * Formulas (f_A, f_B, f_ABi the outputs of the A, B, AB_i blocks; V the
 * variance of the 2N outputs of A and B, divisor 2N):
 * S1_i = (1/N) sum_j f_B(j) (f_ABi(j) - f_A(j)) / V   (Saltelli et al. 2010, Table 2 (b));
 * ST_i = (1/2N) sum_j (f_A(j) - f_ABi(j))^2 / V       (Jansen 1999; Saltelli et al. 2010, Table 2 (f)).
 * Bootstrap: B times, draw N base-row indices with replacement (N draws
 * floor(u N) per resample, in order), recompute V, S1 and ST on those rows
 * (rows of A, B and every AB_i move together), and take the
 * (1 - level)/2 and (1 + level)/2 quantiles (Hyndman-Fan 7) of the B values.
 * The resampling treats the N base rows as independent draws: right for
 * `saltelliSample(..., { sequence: 'random' })`; with the (default) Sobol'
 * sequence the estimates vary far less than that, and the intervals are
 * conservative (wider than `level`; on Ishigami, N = 1024, 2 to 24 times
 * the needed width: scripts/stats-checks/sobol-coverage.mjs).
 * Estimates can fall slightly outside [0, 1] by sampling error; they are not
 * clipped. A constant output (V = 0) gives NaN.
 *
 * Sources: A. Saltelli et al. (2010), Comput. Phys. Commun. 181(2):259-270;
 * M. J. W. Jansen (1999), "Analysis of variance designs for model output",
 * Comput. Phys. Commun. 117(1-2):35-43; B. Efron and R. J. Tibshirani (1993),
 * An Introduction to the Bootstrap, ch. 13 (percentile interval).
 *
 * Complexity: O((B + 1) N D) time, O(N + B D) memory; B N draws.
 *
 * @example
 * const d = saltelliSample(ishigamiFactors, 8192, seedrandom('s'));
 * sobolIndices(d.rows.map((x) => ishigami(x)), 8192, 3, { bootstrap: 200, rng: seedrandom('b') });
 * // [{ factor: 0, S1: 0.31, ST: 0.56, ... }, ...]
 */
export function sobolIndices(
  outputs: ArrayLike<number>,
  N: number,
  D: number,
  options: SobolOptions = {},
): SobolIndex[] {
  if (!Number.isInteger(N) || N < 1 || !Number.isInteger(D) || D < 1) {
    throw new RangeError(`Sobol' indices need integers N >= 1 and D >= 1, got N = ${N}, D = ${D}`);
  }
  if (outputs.length !== N * (D + 2)) {
    throw new RangeError(`Sobol' indices need N (D + 2) = ${N * (D + 2)} outputs, got ${outputs.length}`);
  }
  const bootstrap = options.bootstrap ?? 0;
  const level = options.level ?? 0.95;
  checkLevel(level);
  if (!Number.isInteger(bootstrap) || bootstrap < 0) {
    throw new RangeError(`bootstrap must be a non-negative integer, got ${bootstrap}`);
  }
  const s1 = new Float64Array(D);
  const st = new Float64Array(D);
  estimate(outputs, N, D, undefined, s1, st);

  const s1Boot: number[][] = Array.from({ length: D }, () => []);
  const stBoot: number[][] = Array.from({ length: D }, () => []);
  if (bootstrap > 0) {
    const rng = options.rng;
    if (rng === undefined) throw new RangeError('a bootstrap needs an rng');
    const idx = new Int32Array(N);
    const bs1 = new Float64Array(D);
    const bst = new Float64Array(D);
    for (let b = 0; b < bootstrap; b += 1) {
      for (let j = 0; j < N; j += 1) idx[j] = uniformIndex(rng, N);
      estimate(outputs, N, D, idx, bs1, bst);
      for (let i = 0; i < D; i += 1) {
        (s1Boot[i] as number[]).push(bs1[i] as number);
        (stBoot[i] as number[]).push(bst[i] as number);
      }
    }
  }
  const lowP = (1 - level) / 2;
  const highP = (1 + level) / 2;
  const interval = (values: number[]): [number, number] => {
    if (values.length === 0 || values.some(Number.isNaN)) return [Number.NaN, Number.NaN];
    const sorted = values.slice().sort((a, b) => a - b);
    return [quantileSorted(sorted, lowP), quantileSorted(sorted, highP)];
  };
  return Array.from({ length: D }, (_, i) => {
    const [S1_low, S1_high] = interval(s1Boot[i] as number[]);
    const [ST_low, ST_high] = interval(stBoot[i] as number[]);
    return { factor: i, S1: s1[i] as number, S1_low, S1_high, ST: st[i] as number, ST_low, ST_high };
  });
}
