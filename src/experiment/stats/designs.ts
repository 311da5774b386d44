/**
 * Experimental designs over a parameter space: which parameter values to
 * run. Every design returns plain rows (one number per factor, in factor
 * order) and never evaluates the model; the sweep runner turns rows into
 * scenario overrides and the tidy output table.
 *
 * Factors are treated as uniform on [min, max]. For other distributions,
 * map the `unit` rows (coordinates in [0, 1)) through the inverse CDF.
 */
import { draw, permutation, type Rng, uniformIndex } from './random.js';
import { SOBOL_MAX_DIMENSION, sobolSequence } from './sobol-sequence.js';

/** One input of a sweep: a scenario field (by path) and its range. */
export interface Factor {
  /** Scenario field path, e.g. `agencies.capacity.mean`. */
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Number of evenly spaced levels for a grid (see {@link gridFactor}). */
  readonly levels?: number;
}

/** The parameter space of a sweep or a sensitivity analysis. */
export type ParameterSpace = readonly Factor[];

/** A factor of a full factorial grid, with its explicit values. */
export interface GridFactor {
  readonly name: string;
  readonly values: readonly number[];
}

/** Design points: `rows[i][j]` is the value of factor `names[j]` at point i. */
export interface Design {
  readonly names: readonly string[];
  readonly rows: number[][];
}

/** A sampled design, also holding the points in unit coordinates [0, 1]. */
export interface UnitDesign extends Design {
  /** `unit[i][j]` = (rows[i][j] - min_j) / (max_j - min_j). */
  readonly unit: number[][];
}

/** One Morris trajectory: which rows it spans and how each step moved. */
export interface MorrisTrajectory {
  /** Index of the trajectory's first row in `rows`; it spans D + 1 rows. */
  readonly start: number;
  /** `order[k]` = the factor changed between rows start+k and start+k+1. */
  readonly order: readonly number[];
  /** `steps[k]` = the signed change, +delta or -delta in unit coordinates. */
  readonly steps: readonly number[];
}

/** A Morris design: r trajectories of D + 1 rows each, in trajectory order. */
export interface MorrisDesign extends UnitDesign {
  readonly levels: number;
  /** The step in unit coordinates, levels / (2 (levels - 1)). */
  readonly delta: number;
  readonly trajectories: readonly MorrisTrajectory[];
}

/** How the Saltelli base matrices are drawn. */
export type SaltelliSequence = 'sobol' | 'random';

/** A Saltelli design: N (D + 2) rows, blocks A, B, AB_1, ..., AB_D. */
export interface SaltelliDesign extends UnitDesign {
  readonly N: number;
  readonly D: number;
  readonly sequence: SaltelliSequence;
}

/**
 * Checks a parameter space: non-empty, unique non-empty names, finite
 * min <= max. Throws a `RangeError` naming the factor. O(D).
 *
 * @example
 * checkFactors([{ name: 'x', min: 0, max: 1 }]); // ok
 */
export function checkFactors(factors: ParameterSpace): void {
  if (factors.length === 0) throw new RangeError('a design needs at least one factor');
  const seen = new Set<string>();
  for (const f of factors) {
    if (f.name === '') throw new RangeError('factor names must be non-empty');
    if (seen.has(f.name)) throw new RangeError(`factor "${f.name}" appears twice`);
    seen.add(f.name);
    if (!Number.isFinite(f.min) || !Number.isFinite(f.max) || f.min > f.max) {
      throw new RangeError(`factor "${f.name}" needs finite min <= max, got [${f.min}, ${f.max}]`);
    }
  }
}

/**
 * The evenly spaced grid values of a factor with `levels` set:
 * min + k (max - min) / (levels - 1), k = 0..levels-1; the last is exactly
 * max. Throws unless `levels` is an integer >= 2.
 *
 * Complexity: O(levels).
 *
 * @example
 * gridFactor({ name: 'x', min: 0, max: 1, levels: 3 }); // { name: 'x', values: [0, 0.5, 1] }
 */
export function gridFactor(factor: Factor): GridFactor {
  checkFactors([factor]);
  const levels = factor.levels;
  if (levels === undefined || !Number.isInteger(levels) || levels < 2) {
    throw new RangeError(`factor "${factor.name}" needs an integer levels >= 2 for a grid, got ${String(levels)}`);
  }
  const span = factor.max - factor.min;
  const values = Array.from({ length: levels }, (_, k) =>
    k === levels - 1 ? factor.max : factor.min + (k * span) / (levels - 1),
  );
  return { name: factor.name, values };
}

/**
 * Full factorial grid: every combination of the factors' values.
 *
 * Order: like nested loops with the first factor outermost, so the last
 * factor varies fastest (Python's `itertools.product`, Mesa's `batch_run`).
 *
 * Source: e.g. D. C. Montgomery, Design and Analysis of Experiments, ch. 5.
 *
 * Complexity: O(D prod_j |values_j|) time and memory.
 *
 * @example
 * factorialGrid([{ name: 'a', values: [1, 2] }, { name: 'b', values: [0, 5] }]).rows;
 * // [[1, 0], [1, 5], [2, 0], [2, 5]]
 */
export function factorialGrid(factors: readonly GridFactor[]): Design {
  if (factors.length === 0) throw new RangeError('a design needs at least one factor');
  const seen = new Set<string>();
  for (const f of factors) {
    if (seen.has(f.name)) throw new RangeError(`factor "${f.name}" appears twice`);
    seen.add(f.name);
    if (f.values.length === 0) throw new RangeError(`factor "${f.name}" has no values`);
  }
  let rows: number[][] = [[]];
  for (const f of factors) {
    const next: number[][] = [];
    for (const row of rows) for (const v of f.values) next.push([...row, v]);
    rows = next;
  }
  return { names: factors.map((f) => f.name), rows };
}

/** min + u (max - min), for every row. */
function scaleRows(factors: ParameterSpace, unit: readonly (readonly number[])[]): number[][] {
  return unit.map((u) => factors.map((f, j) => f.min + (u[j] as number) * (f.max - f.min)));
}

/**
 * Latin hypercube sample of n points: in every dimension, each of the n
 * equal-probability strata [k/n, (k+1)/n) holds exactly one point, placed
 * uniformly inside it.
 *
 * Formula: u_ij = (pi_j(i) + U_ij) / n with pi_j an independent random
 * permutation of {0..n-1} per factor and U_ij uniform; x = min + u (max - min).
 * Draw order: for each factor j in order, n - 1 draws for pi_j
 * ({@link permutation}), then n draws U_0j..U_(n-1)j.
 *
 * Source: M. D. McKay, R. J. Beckman and W. J. Conover (1979), "A comparison
 * of three methods for selecting values of input variables in the analysis
 * of output from a computer code", Technometrics 21(2):239-245.
 *
 * Complexity: O(n D) time, memory and draws.
 *
 * @example
 * latinHypercube([{ name: 'x', min: 0, max: 10 }], 5, seedrandom('lhs')).rows;
 * // five values, one in each of [0,2), [2,4), ..., [8,10)
 */
export function latinHypercube(factors: ParameterSpace, n: number, rng: Rng): UnitDesign {
  checkFactors(factors);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a Latin hypercube needs an integer n >= 1, got ${n}`);
  const unit: number[][] = Array.from({ length: n }, () => new Array<number>(factors.length).fill(0));
  for (let j = 0; j < factors.length; j += 1) {
    const strata = permutation(rng, n);
    for (let i = 0; i < n; i += 1) {
      const u = ((strata[i] as number) + draw(rng)) / n;
      // Guard the stratum against rounding up to the next one.
      (unit[i] as number[])[j] = Math.min(u, ((strata[i] as number) + 1 - 2 ** -40) / n);
    }
  }
  return { names: factors.map((f) => f.name), rows: scaleRows(factors, unit), unit };
}

/**
 * Morris elementary-effects design: r one-at-a-time trajectories on a grid
 * of `levels` values per factor. Each trajectory has D + 1 rows; consecutive
 * rows differ in exactly one factor, by +-delta in unit coordinates, and each
 * factor moves exactly once per trajectory.
 *
 * Formula: grid {0, 1/(p-1), ..., 1}, step delta = p / (2 (p - 1)) (p even).
 * A base point x* has each coordinate drawn uniformly from
 * {0, 1/(p-1), ..., 1 - delta}; each factor gets a direction d_j = +-1
 * (equally likely) and starts at x*_j when d_j = +1, x*_j + delta when
 * d_j = -1; then the factors move one at a time in a random order. This is
 * Morris's randomised orientation matrix B* written as a walk.
 * Draw order per trajectory: D draws for the base levels, D draws for the
 * directions, D - 1 draws for the order ({@link permutation}).
 *
 * Sources: M. D. Morris (1991), "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33(2):161-174; step as
 * recommended by F. Campolongo, J. Cariboni and A. Saltelli (2007), "An
 * effective screening design for sensitivity analysis of large models",
 * Environmental Modelling & Software 22(10):1509-1518 (their optimised
 * choice of trajectories is not implemented: trajectories are independent).
 *
 * Rows: trajectory t occupies rows t (D + 1) .. t (D + 1) + D; feed the model
 * outputs in row order to {@link morrisEffects}. `levels` must be even and
 * >= 2, r >= 2 (sigma needs two effects per factor).
 *
 * Complexity: O(r D^2) time and memory (r (D + 1) rows of D values); 3 D r draws.
 *
 * @example
 * const design = morrisTrajectories(space, 20, 4, seedrandom('morris'));
 * const effects = morrisEffects(design, design.rows.map(model));
 */
export function morrisTrajectories(factors: ParameterSpace, r: number, levels = 4, rng: Rng): MorrisDesign {
  checkFactors(factors);
  if (!Number.isInteger(r) || r < 2) throw new RangeError(`Morris needs an integer r >= 2 trajectories, got ${r}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new RangeError(`Morris needs an even number of levels >= 2, got ${levels}`);
  }
  const D = factors.length;
  const delta = levels / (2 * (levels - 1));
  const baseLevels = levels / 2; // x* in {0, ..., (levels/2 - 1)/(levels - 1)} = {0, ..., 1 - delta}
  const unit: number[][] = [];
  const trajectories: MorrisTrajectory[] = [];
  for (let t = 0; t < r; t += 1) {
    const base = Array.from({ length: D }, () => uniformIndex(rng, baseLevels) / (levels - 1));
    const direction = Array.from({ length: D }, () => (draw(rng) < 0.5 ? -1 : 1));
    const order = permutation(rng, D);
    let point = base.map((x, j) => (direction[j] === 1 ? x : x + delta));
    const start = unit.length;
    unit.push(point);
    const steps: number[] = [];
    for (const j of order) {
      const step = (direction[j] as number) * delta;
      point = point.slice();
      // Land exactly on the grid: recompute from the base rather than add.
      point[j] = direction[j] === 1 ? (base[j] as number) + delta : (base[j] as number);
      unit.push(point);
      steps.push(step);
    }
    trajectories.push({ start, order, steps });
  }
  return {
    names: factors.map((f) => f.name),
    rows: scaleRows(factors, unit),
    unit,
    levels,
    delta,
    trajectories,
  };
}

/**
 * Saltelli's sample for Sobol' indices: N (D + 2) rows.
 *
 * Layout (blocks of N rows, base row j at the same offset in each block):
 * rows [0, N) = A; rows [N, 2N) = B; rows [(2 + i) N, (3 + i) N) = AB_i, for
 * i = 0..D-1, which is A with column i taken from B. Evaluate the model on
 * every row in order and pass the outputs to {@link sobolIndices}.
 *
 * Sequence: by default A and B are the first D and last D coordinates of a
 * 2D-dimensional Sobol' sequence (Joe-Kuo direction numbers, Gray-code
 * order) with a random digital shift drawn from `rng` (2 D draws, one
 * 32-bit integer floor(u 2^32) per coordinate), as Saltelli (2010)
 * recommends; use N a power of two. This supports D <= 20. With
 * `sequence: 'random'` A and B are independent uniforms instead (draw
 * order: row by row, A's D coordinates then B's D coordinates), for any D.
 *
 * Sources: A. Saltelli (2002), "Making best use of model evaluations to
 * compute sensitivity indices", Comput. Phys. Commun. 145(2):280-297;
 * A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto and
 * S. Tarantola (2010), "Variance based sensitivity analysis of model output.
 * Design and estimator for the total sensitivity index", Comput. Phys.
 * Commun. 181(2):259-270.
 *
 * Complexity: O(N D^2) time and memory (N (D + 2) rows of D values).
 *
 * @example
 * const design = saltelliSample(ishigamiFactors, 1024, seedrandom('sobol'));
 * const y = design.rows.map((x) => ishigami(x));
 * sobolIndices(y, 1024, 3);
 */
export function saltelliSample(
  factors: ParameterSpace,
  N: number,
  rng: Rng,
  options: { readonly sequence?: SaltelliSequence } = {},
): SaltelliDesign {
  checkFactors(factors);
  if (!Number.isInteger(N) || N < 1) throw new RangeError(`Saltelli sampling needs an integer N >= 1, got ${N}`);
  const D = factors.length;
  const sequence = options.sequence ?? 'sobol';
  let base: number[][];
  if (sequence === 'sobol') {
    if (2 * D > SOBOL_MAX_DIMENSION) {
      throw new RangeError(
        `the Sobol' sequence here has ${SOBOL_MAX_DIMENSION} dimensions, so at most ${SOBOL_MAX_DIMENSION / 2} factors; ` +
          `got ${D} (use sequence: random)`,
      );
    }
    const shift = Array.from({ length: 2 * D }, () => Math.floor(draw(rng) * 2 ** 32));
    base = sobolSequence(N, 2 * D, shift);
  } else {
    base = Array.from({ length: N }, () => Array.from({ length: 2 * D }, () => draw(rng)));
  }
  const unit: number[][] = [];
  for (const row of base) unit.push(row.slice(0, D)); // A
  for (const row of base) unit.push(row.slice(D)); // B
  for (let i = 0; i < D; i += 1) {
    for (const row of base) {
      const ab = row.slice(0, D);
      ab[i] = row[D + i] as number;
      unit.push(ab); // AB_i
    }
  }
  return { names: factors.map((f) => f.name), rows: scaleRows(factors, unit), unit, N, D, sequence };
}
