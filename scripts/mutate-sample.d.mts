/** Types of scripts/mutate-sample.mjs (for the tests that import it). */
export function mutantKey(
  fileName: string,
  m: { location: { start: { line: number; column: number }; end: { line: number; column: number } }; mutatorName: string; replacement: string },
): string;
export function rng(seed: number): () => number;
export function draw<T>(list: readonly T[], n: number, seed: number): T[];
export function wilsonFpc(x: number, n: number, N: number, z?: number): [number, number];
export function exactHypergeometric(x: number, n: number, N: number): [number, number];
export const strykerPlugins: unknown[];
