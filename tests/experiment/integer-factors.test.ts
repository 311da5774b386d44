/**
 * Integer factors of sampled designs (LHS, Sobol') are uniform on the whole
 * numbers of [min, max]: every value, the endpoints included, is drawn with
 * probability 1 / (max - min + 1). Rounding a uniform on [min, max] (the old
 * mapping) gave the endpoints half that weight.
 */
import { describe, expect, it } from 'vitest';
import { buildDesign, wholeNumber } from '../../src/experiment/design.js';
import type { DesignSpec } from '../../src/experiment/spec.js';

const factor = { name: 'months', min: 12, max: 48, integer: true };
const values = 48 - 12 + 1;

/** Counts of each whole number 12..48 in column 0 of the plan. */
function counts(design: DesignSpec): { n: number; count: number[] } {
  const rows = buildDesign(design, 20_261_205).rows;
  const count = new Array<number>(values).fill(0);
  for (const row of rows) {
    const x = row[0]!;
    expect(Number.isInteger(x) && x >= 12 && x <= 48, `value ${x}`).toBe(true);
    count[x - 12]! += 1;
  }
  return { n: rows.length, count };
}

/**
 * Every count within 4.5 binomial standard deviations of n / 37 (for 37
 * independent values, a false alarm below 37 * 7e-6 = 3e-4; the stratified
 * designs are more even than independent draws, so this is conservative).
 */
function expectUniform({ n, count }: { n: number; count: number[] }): void {
  const p = 1 / values;
  const sd = Math.sqrt(n * p * (1 - p));
  count.forEach((c, k) => expect(Math.abs(c - n * p), `${12 + k}: ${c} of ${n}, expected ${(n * p).toFixed(1)} ± ${(4.5 * sd).toFixed(1)}`).toBeLessThan(4.5 * sd));
  // The endpoints in particular: not half-weighted (the old rounding gave about n p / 2).
  expect(count[0]! / (n * p)).toBeGreaterThan(0.75);
  expect(count[values - 1]! / (n * p)).toBeGreaterThan(0.75);
}

describe('integer factors of sampled designs', () => {
  it('LHS: uniform on 12..48, endpoints included', () => {
    expectUniform(counts({ method: 'lhs', points: 7400, factors: [factor, { name: 'x', min: 0, max: 1, integer: false }] }));
  });

  it("Sobol' (Saltelli): uniform on 12..48 over all N (D + 2) points, endpoints included", () => {
    expectUniform(counts({ method: 'sobol', samples: 4096, factors: [factor, { name: 'x', min: 0, max: 1, integer: false }] }));
  });

  it('maps the unit interval to equal shares, clamping u = 1', () => {
    expect(wholeNumber(0, 12, 48)).toBe(12);
    expect(wholeNumber(1 / 37 - 1e-12, 12, 48)).toBe(12);
    expect(wholeNumber(1 / 37 + 1e-12, 12, 48)).toBe(13);
    expect(wholeNumber(36 / 37 + 1e-12, 12, 48)).toBe(48);
    expect(wholeNumber(1, 12, 48)).toBe(48);
    // Non-integer bounds: the whole numbers inside them.
    expect(wholeNumber(0, 0.5, 3.2)).toBe(1);
    expect(wholeNumber(0.999, 0.5, 3.2)).toBe(3);
  });

  it("Morris keeps its level grid: integer levels stay the grid's values, equally weighted", () => {
    // [12, 48] with 4 levels: 12, 24, 36, 48 exactly (a grid of levels, not a draw), so Morris is unchanged.
    const rows = buildDesign({ method: 'morris', trajectories: 40, levels: 4, factors: [factor] }, 5).rows;
    expect([...new Set(rows.map((r) => r[0]!))].sort((a, b) => a - b)).toEqual([12, 24, 36, 48]);
  });
});
