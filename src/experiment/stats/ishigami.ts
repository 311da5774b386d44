/**
 * The Ishigami function: the standard test case for Sobol' index code,
 * strongly non-linear and non-monotonic, with an x1-x3 interaction and a
 * factor (x3) whose first-order index is 0 but whose total index is not.
 */
import type { ParameterSpace } from './designs.js';

/** Ishigami's usual parameters. */
export const ISHIGAMI_A = 7;
export const ISHIGAMI_B = 0.1;

/** The three inputs, each uniform on [-pi, pi]. */
export const ishigamiFactors: ParameterSpace = [
  { name: 'x1', min: -Math.PI, max: Math.PI },
  { name: 'x2', min: -Math.PI, max: Math.PI },
  { name: 'x3', min: -Math.PI, max: Math.PI },
];

/**
 * f(x) = sin x1 + a sin^2 x2 + b x3^4 sin x1.
 *
 * Source: T. Ishigami and T. Homma (1990), "An importance quantification
 * technique in uncertainty analysis for computer models", Proc. ISUMA '90,
 * pp. 398-403.
 *
 * Complexity: O(1).
 *
 * @example
 * ishigami([0, Math.PI / 2, 1]); // 7
 */
export function ishigami(x: ArrayLike<number>, a = ISHIGAMI_A, b = ISHIGAMI_B): number {
  const x1 = x[0] as number;
  const x2 = x[1] as number;
  const x3 = x[2] as number;
  const s2 = Math.sin(x2);
  return Math.sin(x1) + a * s2 * s2 + b * x3 ** 4 * Math.sin(x1);
}

/** Analytic variance and Sobol' indices of the Ishigami function. */
export interface IshigamiIndices {
  readonly variance: number;
  readonly S1: readonly [number, number, number];
  readonly ST: readonly [number, number, number];
}

/**
 * Analytic variance and first-order / total Sobol' indices of
 * {@link ishigami} with inputs uniform on [-pi, pi].
 *
 * Formula: V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0,
 * V13 = 8 b^2 pi^8 / 225, V = 1/2 + a^2/8 + b pi^4/5 + b^2 pi^8/18;
 * S1 = (V1, V2, 0) / V, ST = (V1 + V13, V2, V13) / V.
 * For a = 7, b = 0.1: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
 *
 * Source: A. Saltelli, K. Chan and E. M. Scott (eds., 2000), Sensitivity
 * Analysis, Wiley, section 2.9; T. Homma and A. Saltelli (1996), Reliability
 * Engineering & System Safety 52(1):1-17.
 *
 * Complexity: O(1).
 *
 * @example
 * ishigamiIndices().S1[0]; // 0.3139...
 */
export function ishigamiIndices(a = ISHIGAMI_A, b = ISHIGAMI_B): IshigamiIndices {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = (8 * b * b * pi8) / 225;
  const variance = 0.5 + (a * a) / 8 + (b * pi4) / 5 + (b * b * pi8) / 18;
  return {
    variance,
    S1: [v1 / variance, v2 / variance, 0],
    ST: [(v1 + v13) / variance, v2 / variance, v13 / variance],
  };
}
