/**
 * The one shape of randomness the statistics layer accepts, and the two
 * draws built on it that the designs and the bootstrap share.
 *
 * Nothing in `src/experiment/stats` uses the global, unseeded generator: every function that
 * needs randomness takes an {@link Rng}, normally a named stream derived from
 * (seed, replication, process), or `seedrandom('...')` in tests. The order of
 * draws is part of each function's documented contract, so the same stream
 * always yields the same design.
 */

/** A source of uniform draws in [0, 1), e.g. `seedrandom('sweep-1')`. */
export type Rng = () => number;

/**
 * One uniform draw in [0, 1), checked.
 *
 * Throws a `RangeError` when the source returns something outside [0, 1)
 * (a mis-wired stream would otherwise give silently out-of-range designs).
 *
 * Complexity: O(1), one draw.
 *
 * @example
 * draw(seedrandom('a')); // 0.43...
 */
export function draw(rng: Rng): number {
  const u = rng();
  if (!(u >= 0 && u < 1)) {
    throw new RangeError(`rng must return a number in [0, 1), got ${String(u)}`);
  }
  return u;
}

/**
 * A uniform integer in {0, ..., n - 1}: `floor(u * n)` with one draw `u`.
 *
 * Complexity: O(1), one draw.
 *
 * @example
 * uniformIndex(seedrandom('a'), 6); // a die roll minus one
 */
export function uniformIndex(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`uniformIndex needs an integer n >= 1, got ${n}`);
  }
  return Math.floor(draw(rng) * n);
}

/**
 * A uniformly random permutation of {0, ..., n - 1}.
 *
 * Method: the Fisher-Yates shuffle in Durstenfeld's form (Knuth, TAOCP
 * vol. 2, Algorithm 3.4.2 P): for i = n-1 down to 1, swap i with a uniform
 * index in {0..i}. Draw order: exactly n - 1 draws, for i = n-1, ..., 1.
 *
 * Complexity: O(n) time and memory, n - 1 draws.
 *
 * @example
 * permutation(seedrandom('a'), 4); // e.g. [2, 0, 3, 1]
 */
export function permutation(rng: Rng, n: number): number[] {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`permutation needs an integer n >= 0, got ${n}`);
  }
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = uniformIndex(rng, i + 1);
    const tmp = out[i] as number;
    out[i] = out[j] as number;
    out[j] = tmp;
  }
  return out;
}
