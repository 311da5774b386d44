/**
 * From an experiment's `design` to the design points to run, and from the
 * points' mean outcomes back to sensitivity measures. Pure: randomness only
 * from seedrandom streams named by the experiment's seed.
 *
 *   design spec --buildDesign--> DesignPlan { names, rows (one per point), morris | saltelli }
 *   per-point means --sensitivityRows--> Morris mu, mu*, sigma | Sobol S1, ST with bootstrap CIs
 *
 * Designs (experiment/stats/designs.ts): `grid` full factorial (last factor
 * fastest), `lhs` Latin hypercube of `points`, `morris` r trajectories of
 * D + 1 points on a `levels` grid, `sobol` Saltelli's N (D + 2) points
 * (Sobol' sequence, random digital shift; or independent uniforms with
 * `sequence: random`). Factors are uniform on
 * [min, max]. An `integer` factor of a sampled design (LHS, Sobol') is
 * uniform on the whole numbers of [min, max]: the unit coordinate u maps to
 * lo + floor(u (hi - lo + 1)), clamped to hi (lo = ceil(min), hi =
 * floor(max)), so every whole number, the endpoints included, has
 * probability 1 / (hi - lo + 1). (Rounding a uniform on [min, max] would
 * give the endpoints half the weight of the others.) Grid values and
 * Morris's levels are points of a grid, not draws: they are rounded, and a
 * Morris step divides by the step taken after rounding.
 */
import seedrandom from 'seedrandom';
import {
  factorialGrid,
  gridFactor,
  latinHypercube,
  morrisEffects,
  morrisTrajectories,
  saltelliSample,
  sobolIndices,
  type Factor,
  type MorrisDesign,
  type MorrisEffect,
  type SobolIndex,
} from './stats/index.js';
import { DESIGN_DEFAULTS, type DesignMethod, type DesignSpec } from './spec.js';

/** The design points of a sweep or sensitivity analysis. */
export interface DesignPlan {
  readonly method: DesignMethod;
  /** Factor names (scenario paths), in design order. */
  readonly names: readonly string[];
  /** rows[p][j]: the value of factor j at point p. */
  readonly rows: readonly (readonly number[])[];
  /** Morris: the trajectories (rows t (D+1) .. t (D+1) + D). */
  readonly morris?: Pick<MorrisDesign, 'levels' | 'delta' | 'trajectories'>;
  /** Sobol: the Saltelli layout (`sequence` only when not the default Sobol' sequence, so older plans and keys stay as they were). */
  readonly saltelli?: { readonly N: number; readonly D: number; readonly sequence?: 'random' };
  /** Sobol: bootstrap resamples. */
  readonly bootstrap?: number;
}

/** The named random stream of a design (or its bootstrap), from the master seed. */
export function designRng(seed: number, purpose: string): () => number {
  return seedrandom(`difusi:${purpose}:${seed}`);
}

/**
 * The design points of `design`. `method` overrides the file's method
 * (`difusi sensitivity --method sobol`). Throws a `RangeError` for
 * settings the design functions reject.
 *
 * @example
 * buildDesign({ method: 'grid', factors: [{ name: 'parameters.takeover_vendor', values: [0, 1], integer: false }] }, 1).rows;
 * // [[0], [1]]
 */
export function buildDesign(design: DesignSpec, seed: number, method: DesignMethod = design.method): DesignPlan {
  const names = design.factors.map((f) => f.name);
  const integer = design.factors.map((f) => f.integer);
  const round = (rows: readonly (readonly number[])[]): number[][] =>
    rows.map((row) => row.map((x, j) => (integer[j] ? Math.round(x) : x)));
  // Sampled designs: integer factors from the unit coordinates, uniform on the whole numbers.
  const sampled = (rows: readonly (readonly number[])[], unit: readonly (readonly number[])[]): number[][] =>
    rows.map((row, p) => row.map((x, j) => (integer[j] ? wholeNumber(unit[p]![j]!, space[j]!.min, space[j]!.max) : x)));
  const space: Factor[] = design.factors.map((f) => ({
    name: f.name,
    min: f.min ?? Math.min(...(f.values ?? [0])),
    max: f.max ?? Math.max(...(f.values ?? [0])),
  }));
  switch (method) {
    case 'grid': {
      const grid = factorialGrid(
        design.factors.map((f) =>
          f.values !== undefined
            ? { name: f.name, values: f.values }
            : gridFactor({ name: f.name, min: f.min ?? 0, max: f.max ?? 0, levels: f.levels ?? 3 }),
        ),
      );
      return { method, names, rows: round(grid.rows) };
    }
    case 'lhs': {
      const lhs = latinHypercube(space, design.points ?? 10, designRng(seed, 'lhs'));
      return { method, names, rows: sampled(lhs.rows, lhs.unit) };
    }
    case 'morris': {
      const m = morrisTrajectories(
        space,
        design.trajectories ?? DESIGN_DEFAULTS.trajectories,
        design.levels ?? DESIGN_DEFAULTS.levels,
        designRng(seed, 'morris'),
      );
      // Integer factors are rounded; each elementary effect must then divide by
      // the step actually taken (in units of the factor's range), not the nominal one.
      const rows = round(m.rows);
      const trajectories = m.trajectories.map((t) => ({
        ...t,
        steps: t.steps.map((nominal, step) => {
          const f = t.order[step]!;
          const range = space[f]!.max - space[f]!.min;
          const taken = range > 0 ? (rows[t.start + step + 1]![f]! - rows[t.start + step]![f]!) / range : 0;
          return taken !== 0 ? taken : nominal;
        }),
      }));
      // An explicit `bootstrap` also sets the resamples of Morris's mu_star_conf (absent: the default, and the plan is unchanged).
      return { method, names, rows, morris: { levels: m.levels, delta: m.delta, trajectories }, ...(design.bootstrap !== undefined && { bootstrap: design.bootstrap }) };
    }
    case 'sobol': {
      const N = design.samples ?? DESIGN_DEFAULTS.samples;
      const random = design.sequence === 'random';
      const s = saltelliSample(space, N, designRng(seed, 'saltelli'), { sequence: random ? 'random' : 'sobol' });
      return {
        method,
        names,
        rows: sampled(s.rows, s.unit),
        saltelli: { N, D: names.length, ...(random && { sequence: 'random' as const }) },
        bootstrap: design.bootstrap ?? DESIGN_DEFAULTS.bootstrap,
      };
    }
  }
}

/**
 * The whole number of [min, max] that unit coordinate u in [0, 1] stands
 * for: lo + floor(u (hi - lo + 1)) clamped to hi, with lo = ceil(min) and
 * hi = floor(max); each of the hi - lo + 1 numbers takes an equal share of
 * [0, 1). A range holding no whole number gives the rounded midpoint.
 *
 * @example
 * wholeNumber(0, 12, 48); // 12
 * wholeNumber(0.999, 12, 48); // 48
 * wholeNumber(1, 12, 48); // 48 (clamped)
 */
export function wholeNumber(u: number, min: number, max: number): number {
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  if (hi < lo) return Math.round((min + max) / 2);
  return Math.min(hi, lo + Math.floor(u * (hi - lo + 1)));
}

/**
 * The outputs minus the mean of the A and B blocks (the first 2N). The
 * first-order estimator sum f_B (f_AB - f_A) is not shift-invariant: its
 * variance grows with the squared mean, so an outcome like a share near 0.2
 * with a small spread gets needlessly wide intervals. Centring (as SALib
 * does) leaves the variance, ST and the expectation of S1 unchanged.
 */
function centred(outputs: ArrayLike<number>, blocks: number): Float64Array {
  let sum = 0;
  for (let i = 0; i < blocks; i++) sum += outputs[i] as number;
  const mean = sum / blocks;
  return Float64Array.from(outputs as ArrayLike<number>, (y) => y - mean);
}

/**
 * One row of sensitivity.csv: a method's measures of one parameter on one
 * outcome (the other method's cells NaN). `noise_floor`: Sobol', the same
 * for every factor of an outcome ({@link noiseFloor}); Morris, per factor
 * ({@link morrisNoiseFloors}).
 */
export type SensitivityRow = { readonly method: 'morris' | 'sobol'; readonly parameter: string; readonly outcome: string } & Omit<
  MorrisEffect,
  'name'
> &
  Omit<SobolIndex, 'factor'> & { readonly noise_floor?: number };

/**
 * The noise floor of a Sobol' analysis of one outcome: the share of the
 * variance V of the design points' means (the A and B blocks, divisor 2N,
 * what the estimator divides by) that replication noise alone gives,
 *
 *   floor = noise / V,
 *
 * `noise` the variance of a point's mean from the noise that common random
 * numbers do not cancel between points (foldDesign's `noise`: the
 * point x replication residual mean square / R; the mean over points of
 * s_p^2 / R when no noise is shared). A factor that changes the runs'
 * randomness but not their expected outcome gets a total index ST of about
 * the floor (Jansen's ST averages (f_A - f_AB)^2 / 2; the noise in the two
 * means adds about `noise`), and a factor the model ignores entirely gets
 * 0 (its points run identical scenarios with identical seeds). More
 * samples N do not lower the floor (they narrow the estimates around the
 * noisy value); only more replications R do (about as 1 / R). NaN with
 * R < 2, without a Sobol' design, or when V is 0.
 */
export function noiseFloor(plan: DesignPlan, means: ArrayLike<number>, noise: number | undefined): number {
  if (plan.saltelli === undefined || noise === undefined || !Number.isFinite(noise)) return Number.NaN;
  const { N } = plan.saltelli;
  let sum = 0;
  for (let j = 0; j < 2 * N; j++) sum += means[j] as number;
  const mean = sum / (2 * N);
  let ss = 0;
  for (let j = 0; j < 2 * N; j++) ss += ((means[j] as number) - mean) ** 2;
  const V = ss / (2 * N);
  return V > 0 ? noise / V : Number.NaN;
}

/**
 * The noise floor of a Morris analysis of one outcome, per factor: the mu*
 * that replication noise alone gives a factor without effect on the mean.
 * (This project's derivation; Morris 1991 defines the method, not the floor.)
 *
 * An elementary effect is (f(after) - f(before)) / s, the step s in units
 * of the factor's whole range (the design's delta = p / (2 (p - 1)), or for
 * an integer factor the step actually taken after rounding). If w is the
 * variance of the difference f(after) - f(before) that replication noise
 * gives, a null factor's effect is about N(0, w / s^2), and
 * E|EE| = sqrt(2 / pi) sqrt(w) / |s|. mu* averages |EE| over the factor's
 * r steps, so
 *
 *   floor_i = mean_k sqrt(2 / pi) sqrt(w_ik) / |s_ik|.
 *
 * w is measured for each step on its own paired replications (`stepNoise`,
 * foldDesign: var_r(y_after,r - y_before,r) / R): replication r of the two
 * points shares its seeds, and how much of the noise they share depends on
 * the step (a step that changes little keeps the runs close), so one
 * design-wide figure would misjudge some factors. Without `stepNoise`, w =
 * 2 `noise` (independent noise of variance `noise` in each mean): then
 * floor_i = 2 sqrt(v / pi) * mean_k (1 / |s_ik|). A factor with effect has
 * mu* above its floor; a factor that changes the runs' randomness but not
 * their expected outcome has mu* about it; a factor the model ignores
 * entirely has mu* 0 and floor 0 (identical runs). More replications lower
 * it (as 1 / sqrt(R)); more trajectories do not. NaN for every factor when
 * a step's noise is unknown (R < 2) or without a Morris design.
 *
 * @example
 * // w = 2 * 0.01 on every step, levels 4 (delta 2/3): sqrt(2 / pi) sqrt(0.02) / (2/3) = 0.1693
 */
export function morrisNoiseFloors(plan: DesignPlan, noise: number | undefined, stepNoise?: ArrayLike<number>): number[] {
  const D = plan.names.length;
  if (plan.morris === undefined) return new Array<number>(D).fill(Number.NaN);
  const sum = new Float64Array(D);
  const count = new Float64Array(D);
  let known = true;
  for (const t of plan.morris.trajectories) {
    t.order.forEach((f, k) => {
      // The variance of this step's difference of means: measured on the step's own paired
      // replications when given (foldDesign's stepNoise), else 2 v (independent noise).
      const w = stepNoise !== undefined ? (stepNoise[t.start + k + 1] as number) : noise !== undefined ? 2 * noise : Number.NaN;
      if (!Number.isFinite(w) || w < 0) known = false;
      sum[f]! += (Math.sqrt(2 / Math.PI) * Math.sqrt(w)) / Math.abs(t.steps[k]!);
      count[f]! += 1;
    });
  }
  if (!known) return new Array<number>(D).fill(Number.NaN);
  return Array.from({ length: D }, (_, f) => (count[f]! > 0 ? sum[f]! / count[f]! : Number.NaN));
}

/**
 * Sensitivity measures of every outcome, from the mean outcome of each
 * design point (in point order): Morris elementary effects per whole factor
 * range, or Sobol' indices of the centred outputs with bootstrap
 * percentile 95 % intervals; given the noise in the points' means
 * (`noise`, from foldDesign), each row's noise floor ({@link
 * morrisNoiseFloors}, {@link noiseFloor}; the bootstrap stream is named by `seed` and the
 * outcome, so each outcome's intervals are reproducible on their own).
 * Grid and LHS designs give no rows.
 */
export function sensitivityRows(
  plan: DesignPlan,
  outcomes: readonly string[],
  means: readonly ArrayLike<number>[],
  seed: number,
  noise?: readonly number[],
  stepNoise?: readonly ArrayLike<number>[],
): SensitivityRow[] {
  const nan = Number.NaN;
  const rows: SensitivityRow[] = [];
  if (plan.morris !== undefined) {
    const design: MorrisDesign = { names: plan.names, rows: plan.rows.map((r) => [...r]), unit: [], ...plan.morris };
    outcomes.forEach((outcome, k) => {
      // mu_star_conf: SALib's bootstrap of the elementary effects, on a stream named by the seed and the outcome.
      const effects = morrisEffects(design, means[k]!, { bootstrap: plan.bootstrap ?? DESIGN_DEFAULTS.bootstrap, rng: designRng(seed, `bootstrap:morris:${outcome}`) });
      const floors = morrisNoiseFloors(plan, noise?.[k], stepNoise?.[k]);
      effects.forEach((e, i) => {
        rows.push({ method: 'morris', parameter: e.name, outcome, mu: e.mu, mu_star: e.mu_star, sigma: e.sigma, mu_star_conf: e.mu_star_conf, S1: nan, S1_low: nan, S1_high: nan, ST: nan, ST_low: nan, ST_high: nan, noise_floor: floors[i]! });
      });
    });
  } else if (plan.saltelli !== undefined) {
    const { N, D } = plan.saltelli;
    outcomes.forEach((outcome, k) => {
      const floor = noiseFloor(plan, means[k]!, noise?.[k]);
      const indices = sobolIndices(centred(means[k]!, 2 * N), N, D, { bootstrap: plan.bootstrap ?? 0, rng: designRng(seed, `bootstrap:${outcome}`) });
      for (const s of indices) {
        rows.push({ method: 'sobol', parameter: plan.names[s.factor]!, outcome, mu: nan, mu_star: nan, sigma: nan, mu_star_conf: nan, S1: s.S1, S1_low: s.S1_low, S1_high: s.S1_high, ST: s.ST, ST_low: s.ST_low, ST_high: s.ST_high, noise_floor: floor });
      }
    });
  }
  return rows;
}
