/**
 * checkInput walks with parent links instead of a copy of the path per
 * value (a walk of a million values took seconds, mostly collecting those
 * copies). The problems it finds, and their paths, are the ones the
 * path-copying walk found: compared here with that walk on inputs that
 * stop at each kind of problem, and on inputs with none.
 */
import { describe, expect, it } from 'vitest';
import { checkInput, isReservedSegment, type InputProblem } from '../../src/scenario/limits.js';

/** The earlier walk, as it was. */
function copyingWalk(input: unknown, limit: number, maxValues: number): InputProblem | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  let count = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++count > maxValues) return { path, kind: 'large' };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length > limit) return { path, kind: 'deep' };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) if (isReservedSegment(key)) return { path: [...path, key], kind: 'reserved', key };
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (value as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
  }
  return undefined;
}

/** A small pseudo-random tree of maps, lists and scalars (fixed seed). */
function tree(seed: number, depth: number): unknown {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const grow = (d: number): unknown => {
    const r = next();
    if (d === 0 || r < 0.3) return r < 0.1 ? null : Math.round(r * 100);
    if (r < 0.65) return Array.from({ length: 1 + Math.floor(next() * 4) }, () => grow(d - 1));
    const keys = ['a', 'b', 'name', 'governments', 'x1', next() < 0.05 ? 'constructor' : 'y'];
    return Object.fromEntries(keys.slice(0, 1 + Math.floor(next() * keys.length)).map((k) => [k, grow(d - 1)]));
  };
  return grow(depth);
}

describe('checkInput finds what the path-copying walk found, at the same path', () => {
  it.each([
    [1, 8, 1000],
    [2, 12, 40],
    [3, 6, 1_000_000],
  ])('seeds from %i: depth limit %i, value limit %i', (first, limit, maxValues) => {
    for (let seed = first; seed < first + 300; seed += 3) {
      const input = tree(seed, 14);
      expect(checkInput(input, limit, maxValues), `seed ${seed}`).toEqual(copyingWalk(input, limit, maxValues));
    }
  });

  it('the shapes the limits are for: a long list, a deep one, a reserved key', () => {
    const long = { a: { b: Array.from({ length: 5000 }, (_, i) => [i]) } };
    let deep: unknown = 1;
    for (let i = 0; i < 80; i++) deep = i % 2 === 0 ? [deep] : { k: deep };
    const reserved = JSON.parse('{"a": [{"b": 1}, {"__proto__": 2}]}') as unknown;
    for (const input of [long, { deep }, reserved, {}]) {
      for (const [limit, max] of [[64, 1_000_000], [64, 2000], [10, 1_000_000]] as const) {
        expect(checkInput(input, limit, max)).toEqual(copyingWalk(input, limit, max));
      }
    }
  });
});
