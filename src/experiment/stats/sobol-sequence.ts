/**
 * Sobol' low-discrepancy (quasi-random) points in the unit hypercube, the
 * base sample of {@link saltelliSample}. Quasi-random points fill the cube
 * more evenly than independent uniforms, so Sobol' indices converge faster
 * (error close to O(1/N) instead of O(1/sqrt N) for smooth models).
 */

/**
 * Joe and Kuo's initialisation for dimensions 2..40, one entry per dimension:
 * [s, a, m_1 .. m_s] where s is the degree of the primitive polynomial,
 * a encodes its inner coefficients and m_k are the initial direction
 * integers. The first 39 rows of new-joe-kuo-6.21201 (search criterion D6,
 * 21201 dimensions). Dimension 1 is the van der Corput sequence (all m = 1).
 */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
  [7, 7, 1, 1, 3, 13, 7, 35, 63],
  [7, 8, 1, 3, 5, 9, 1, 25, 53],
  [7, 14, 1, 3, 1, 13, 9, 35, 107],
  [7, 19, 1, 3, 1, 5, 27, 61, 31],
  [7, 21, 1, 1, 5, 11, 19, 41, 61],
  [7, 28, 1, 3, 5, 3, 3, 13, 69],
  [7, 31, 1, 1, 7, 13, 1, 19, 1],
  [7, 32, 1, 3, 7, 5, 13, 19, 59],
  [7, 37, 1, 1, 3, 9, 25, 29, 41],
  [7, 41, 1, 3, 5, 13, 23, 1, 55],
  [7, 42, 1, 3, 7, 3, 13, 59, 17],
  [7, 50, 1, 3, 1, 3, 5, 53, 69],
  [7, 55, 1, 1, 5, 5, 23, 33, 13],
  [7, 56, 1, 1, 7, 7, 1, 61, 123],
  [7, 59, 1, 1, 7, 9, 13, 61, 49],
  [7, 62, 1, 3, 3, 5, 3, 55, 33],
  [8, 14, 1, 3, 1, 15, 31, 13, 49, 245],
  [8, 21, 1, 3, 5, 15, 31, 59, 63, 97],
  [8, 22, 1, 3, 1, 11, 11, 11, 77, 249],
];

/** Bits of precision of each coordinate. */
const BITS = 32;

/** Largest dimension this generator supports (1 + the rows of the table). */
export const SOBOL_MAX_DIMENSION = JOE_KUO.length + 1;

/** The Joe-Kuo initialisation rows, for inspection and tests. */
export function joeKuoTable(): readonly (readonly number[])[] {
  return JOE_KUO;
}

/**
 * The 32 direction integers v_1..v_32 of one dimension (1-based), as
 * unsigned 32-bit integers (v_k = m_k 2^(32-k)).
 *
 * Formula (Bratley and Fox's recurrence): for k > s,
 * v_k = v_{k-s} XOR (v_{k-s} >> s) XOR (XOR_{j=1}^{s-1} a_j v_{k-j}),
 * where a_j is bit s-1-j of `a`.
 *
 * Source: P. Bratley and B. L. Fox (1988), "Algorithm 659: Implementing
 * Sobol's quasirandom sequence generator", ACM TOMS 14(1):88-100;
 * S. Joe and F. Y. Kuo (2008), "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30(5):2635-2654.
 *
 * Complexity: O(32 s).
 *
 * @example
 * directionNumbers(1)[0]; // 2147483648 (= 2^31)
 */
export function directionNumbers(dimension: number): Uint32Array {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > SOBOL_MAX_DIMENSION) {
    throw new RangeError(`Sobol' dimension must be an integer in [1, ${SOBOL_MAX_DIMENSION}], got ${dimension}`);
  }
  const v = new Uint32Array(BITS);
  if (dimension === 1) {
    for (let k = 0; k < BITS; k += 1) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const row = JOE_KUO[dimension - 2] as readonly number[];
  const s = row[0] as number;
  const a = row[1] as number;
  for (let k = 0; k < s; k += 1) v[k] = (row[2 + k] as number) * 2 ** (BITS - 1 - k);
  for (let k = s; k < BITS; k += 1) {
    const prev = v[k - s] as number;
    let x = prev ^ (prev >>> s);
    for (let j = 1; j < s; j += 1) {
      if ((a >>> (s - 1 - j)) & 1) x ^= v[k - j] as number;
    }
    v[k] = x >>> 0;
  }
  return v;
}

/**
 * The first `n` points of the `dimension`-dimensional Sobol' sequence, in
 * Gray-code order (Antonov and Saleev), as rows of numbers in [0, 1).
 * Unshifted, the first point is the origin and the points equal those of
 * SciPy's `qmc.Sobol(d, scramble=False)`.
 *
 * With `shift` (one unsigned 32-bit integer per dimension) each coordinate
 * is XOR-ed with it: a random digital shift, which keeps every (t, m, s)-net
 * property of the sequence while making each point uniform on the cube (so
 * the sample is unbiased and different seeds give independent replicates).
 *
 * Formula: x_i = x_{i-1} XOR v_{c(i-1)}, c(i) = index of the lowest zero bit
 * of i; coordinate = (x_i XOR shift) / 2^32.
 *
 * Sources: I. M. Sobol' (1967), USSR Comput. Math. Math. Phys. 7(4):86-112;
 * I. A. Antonov and V. M. Saleev (1979), USSR Comput. Math. Math. Phys.
 * 19(1):252-256; digital shift: P. L'Ecuyer and C. Lemieux (2002), "Recent
 * advances in randomized quasi-Monte Carlo methods", section 6.
 *
 * Balance: use n a power of two; only then is every 1-D projection exactly
 * one point per interval [k/n, (k+1)/n).
 *
 * Complexity: O(n d) time and memory, after O(32 d) set-up.
 *
 * @example
 * sobolSequence(4, 2); // [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 */
export function sobolSequence(n: number, dimension: number, shift?: ArrayLike<number>): number[][] {
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 30) {
    throw new RangeError(`number of Sobol' points must be an integer in [0, 2^30], got ${n}`);
  }
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > SOBOL_MAX_DIMENSION) {
    throw new RangeError(`Sobol' dimension must be an integer in [1, ${SOBOL_MAX_DIMENSION}], got ${dimension}`);
  }
  if (shift !== undefined && shift.length !== dimension) {
    throw new RangeError(`digital shift needs ${dimension} integers, got ${shift.length}`);
  }
  const directions = Array.from({ length: dimension }, (_, d) => directionNumbers(d + 1));
  const state = new Uint32Array(dimension);
  const masks = new Uint32Array(dimension);
  if (shift !== undefined) {
    for (let d = 0; d < dimension; d += 1) {
      const s = shift[d] as number;
      if (!Number.isInteger(s) || s < 0 || s >= 2 ** 32) {
        throw new RangeError(`digital shift must be unsigned 32-bit integers, got ${s}`);
      }
      masks[d] = s;
    }
  }
  const scale = 2 ** -BITS;
  const points: number[][] = [];
  for (let i = 0; i < n; i += 1) {
    if (i > 0) {
      const c = 31 - Math.clz32(i & -i); // lowest set bit of i = lowest zero bit of i - 1
      for (let d = 0; d < dimension; d += 1) {
        state[d] = ((state[d] as number) ^ ((directions[d] as Uint32Array)[c] as number)) >>> 0;
      }
    }
    const row = new Array<number>(dimension);
    for (let d = 0; d < dimension; d += 1) {
      row[d] = (((state[d] as number) ^ (masks[d] as number)) >>> 0) * scale;
    }
    points.push(row);
  }
  return points;
}
