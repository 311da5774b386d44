/**
 * A difference that is 0 but for floating-point residue: a group's mean is a
 * sum over its governments, and two arms whose governments' values differ but
 * add up to the same total (0.75 + 0.75 against 0.875 + 0.625) can give sums
 * that differ in the last bits (a difference of 1e-16 where every
 * replication's true difference is 0). 1e-12 is far below the smallest real
 * difference of a mean share (one government's one service in 100,000
 * replications of 552 governments: about 2e-10) and far above the residue.
 */
export function nil(x: number): boolean {
  return Math.abs(x) < 1e-12;
}
