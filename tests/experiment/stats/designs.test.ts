import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  factorialGrid,
  gridFactor,
  latinHypercube,
  morrisTrajectories,
  saltelliSample,
  type ParameterSpace,
} from '../../../src/experiment/stats/designs.js';

const space: ParameterSpace = [
  { name: 'budget', min: 0, max: 10 },
  { name: 'champion_share', min: 0.1, max: 0.5 },
  { name: 'learning_rate', min: -1, max: 1 },
];

describe('factorialGrid', () => {
  it('crosses all values with the last factor varying fastest', () => {
    const g = factorialGrid([
      { name: 'a', values: [1, 2] },
      { name: 'b', values: [0, 5, 9] },
    ]);
    expect(g.names).toEqual(['a', 'b']);
    expect(g.rows).toEqual([[1, 0], [1, 5], [1, 9], [2, 0], [2, 5], [2, 9]]);
  });

  it('builds evenly spaced values from levels', () => {
    expect(gridFactor({ name: 'x', min: 0, max: 1, levels: 5 }).values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(gridFactor({ name: 'x', min: 0.1, max: 0.7, levels: 3 }).values.at(-1)).toBe(0.7);
    expect(() => gridFactor({ name: 'x', min: 0, max: 1 })).toThrow(RangeError);
    expect(() => factorialGrid([{ name: 'a', values: [] }])).toThrow(RangeError);
  });
});

describe('latinHypercube', () => {
  it('has exactly one point per stratum per dimension, inside [min, max]', () => {
    const n = 50;
    const d = latinHypercube(space, n, seedrandom('lhs'));
    expect(d.rows).toHaveLength(n);
    space.forEach((f, j) => {
      const strata = d.unit.map((u) => Math.floor((u[j] as number) * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
      for (const row of d.rows) {
        expect(row[j]).toBeGreaterThanOrEqual(f.min);
        expect(row[j]).toBeLessThanOrEqual(f.max);
      }
    });
  });

  it('is reproducible from its seed and differs across seeds', () => {
    expect(latinHypercube(space, 10, seedrandom('a')).rows).toEqual(latinHypercube(space, 10, seedrandom('a')).rows);
    expect(latinHypercube(space, 10, seedrandom('a')).rows).not.toEqual(latinHypercube(space, 10, seedrandom('b')).rows);
  });
});

describe('morrisTrajectories', () => {
  it('builds r one-at-a-time trajectories on the grid with step levels / (2 (levels - 1))', () => {
    const levels = 4;
    const r = 12;
    const d = morrisTrajectories(space, r, levels, seedrandom('morris'));
    const D = space.length;
    expect(d.delta).toBeCloseTo(2 / 3, 15);
    expect(d.rows).toHaveLength(r * (D + 1));
    expect(d.trajectories).toHaveLength(r);
    const grid = [0, 1 / 3, 2 / 3, 1];
    for (const t of d.trajectories) {
      expect([...t.order].sort()).toEqual([0, 1, 2]);
      for (let k = 0; k <= D; k += 1) {
        for (const u of d.unit[t.start + k] as number[]) {
          expect(grid.some((g) => Math.abs(g - u) < 1e-12)).toBe(true);
        }
      }
      t.order.forEach((factor, k) => {
        const before = d.unit[t.start + k] as number[];
        const after = d.unit[t.start + k + 1] as number[];
        for (let j = 0; j < D; j += 1) {
          if (j === factor) expect(after[j]! - before[j]!).toBeCloseTo(t.steps[k]!, 12);
          else expect(after[j]).toBe(before[j]);
        }
        expect(Math.abs(t.steps[k]!)).toBeCloseTo(d.delta, 15);
      });
    }
    // Physical rows are the unit rows scaled to [min, max].
    expect(d.rows[0]![1]).toBeCloseTo(0.1 + d.unit[0]![1]! * 0.4, 12);
  });

  it('validates its arguments', () => {
    expect(() => morrisTrajectories(space, 1, 4, seedrandom('x'))).toThrow(RangeError);
    expect(() => morrisTrajectories(space, 5, 3, seedrandom('x'))).toThrow(RangeError);
    expect(() => morrisTrajectories([], 5, 4, seedrandom('x'))).toThrow(RangeError);
    expect(() =>
      morrisTrajectories([{ name: 'a', min: 0, max: 1 }, { name: 'a', min: 0, max: 1 }], 5, 4, seedrandom('x')),
    ).toThrow(RangeError);
  });
});

describe('saltelliSample', () => {
  it('lays out N (D + 2) rows as A, B, AB_1..AB_D', () => {
    const N = 64;
    const D = space.length;
    for (const sequence of ['sobol', 'random'] as const) {
      const d = saltelliSample(space, N, seedrandom('saltelli'), { sequence });
      expect(d.rows).toHaveLength(N * (D + 2));
      expect(d.sequence).toBe(sequence);
      for (let j = 0; j < N; j += 1) {
        const a = d.unit[j]!;
        const b = d.unit[N + j]!;
        for (let i = 0; i < D; i += 1) {
          const ab = d.unit[(2 + i) * N + j]!;
          for (let k = 0; k < D; k += 1) expect(ab[k]).toBe(k === i ? b[k] : a[k]);
        }
      }
      for (const row of d.rows) {
        space.forEach((f, k) => {
          expect(row[k]).toBeGreaterThanOrEqual(f.min);
          expect(row[k]).toBeLessThanOrEqual(f.max);
        });
      }
    }
  });

  it('Sobol A and B blocks are stratified for N a power of two, and the shift depends on the seed', () => {
    const N = 128;
    const d = saltelliSample(space, N, seedrandom('strata'));
    for (let k = 0; k < space.length; k += 1) {
      for (const block of [0, 1]) {
        const cells = new Set(d.unit.slice(block * N, (block + 1) * N).map((u) => Math.floor(u[k]! * N)));
        expect(cells.size).toBe(N);
      }
    }
    expect(saltelliSample(space, 8, seedrandom('one')).rows).not.toEqual(saltelliSample(space, 8, seedrandom('two')).rows);
    expect(() => saltelliSample(Array.from({ length: 21 }, (_, i) => ({ name: `f${i}`, min: 0, max: 1 })), 8, seedrandom('x'))).toThrow(
      RangeError,
    );
  });
});
