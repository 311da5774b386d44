/**
 * The difference of two paired proportions (a 0/1 outcome per replication,
 * variant − base): Newcombe (1998), Statistics in Medicine 17:2635-2650,
 * method 10, against the paper's worked examples and an independent
 * computation, and its coverage where the paired t interval fails.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { newcombePaired, pairedDifference, pairedProportionDifference, pairedTable } from '../../../src/experiment/stats/paired.js';

const table = (both: number, variantOnly: number, baseOnly: number, neither: number) => ({ both, variantOnly, baseOnly, neither });

describe('newcombePaired (Newcombe 1998, method 10)', () => {
  it("reproduces the paper's worked examples (Table II, method 10, to its 4 decimals)", () => {
    // Newcombe's (e, f, g, h): e both, f first only, g second only, h neither; theta = (f − g)/n.
    const examples: [number, number, number, number, number, number][] = [
      [36, 12, 2, 0, 0.0569, 0.3404],
      [18, 12, 2, 18, 0.0562, 0.329],
      [53, 0, 0, 1, -0.0729, 0.0729],
      [0, 30, 0, 0, 0.8395, 1],
    ];
    for (const [e, f, g, h, low, high] of examples) {
      const r = newcombePaired(table(e, f, g, h));
      expect(r.diff).toBe((f - g) / (e + f + g + h));
      expect(Math.abs(r.low - low), `${e} ${f} ${g} ${h} low`).toBeLessThan(0.00005);
      expect(Math.abs(r.high - high), `${e} ${f} ${g} ${h} high`).toBeLessThan(0.00005);
    }
  });

  it('agrees with an independent computation to 12 digits, at 95 % and at a Bonferroni level', () => {
    // Python 3 (statistics.NormalDist for z, Wilson limits as (2np + z² ∓ z sqrt(z² + 4np(1−p))) / (2(n + z²)),
    // Newcombe's corrected phi), written apart from stats/paired.ts; printed with %.15g.
    const cases: [number, number, number, number, number, number, number][] = [
      [36, 12, 2, 0, 0.95, 0.0569295840032389, 0.340427602974941],
      [18, 12, 2, 18, 0.95, 0.0561718439882533, 0.328975968885802],
      [53, 0, 0, 1, 0.95, -0.0729381454785768, 0.0729381454785768],
      [0, 30, 0, 0, 0.95, 0.839467819862384, 1],
      [0, 0, 0, 200, 0.95, -0.0188453263772666, 0.0188453263772666],
      [100, 0, 0, 100, 0.95, -0.00970704032578069, 0.00970704032578069],
      [199, 1, 0, 0, 0.95, -0.0142897544331156, 0.0277737043978929],
      [36, 12, 2, 0, 0.99, 0.0062900343487477, 0.386225873176358],
    ];
    for (const [e, f, g, h, level, low, high] of cases) {
      const r = newcombePaired(table(e, f, g, h), level);
      expect(r.low, `${e} ${f} ${g} ${h} ${level}`).toBeCloseTo(low, 12);
      expect(r.high, `${e} ${f} ${g} ${h} ${level}`).toBeCloseTo(high, 12);
    }
  });

  it('no pair differing does not give [0, 0]: the interval around 0 says how large an unseen effect could be', () => {
    for (const t of [table(0, 0, 0, 40), table(40, 0, 0, 0), table(20, 0, 0, 20), table(1, 0, 0, 199)]) {
      const r = newcombePaired(t);
      expect(r.diff).toBe(0);
      expect(r.low).toBeLessThan(0);
      expect(r.high).toBeGreaterThan(0);
    }
  });

  it('counts the paired table of two 0/1 vectors and refuses other values', () => {
    expect(pairedTable([0, 1, 1, 0, 0], [1, 1, 0, 0, 1])).toEqual(table(1, 2, 1, 1));
    expect(pairedProportionDifference([0, 1, 1, 0, 0], [1, 1, 0, 0, 1]).diff).toBeCloseTo(0.2, 15);
    expect(() => pairedTable([0, 2], [0, 1])).toThrow(RangeError);
    expect(() => pairedTable([0, 1], [0])).toThrow(RangeError);
  });
});

describe('coverage where a variant rarely changes a 0/1 outcome', () => {
  // Fixed before running: T = 4,000 simulated comparisons per case (fixed seeds); the nominal 95 % interval
  // must cover the true difference in at least 0.95 − 3 sqrt(0.95 · 0.05 / T) = 0.9397 of them. Pairs:
  // P(variant 1, base 0) = p10, P(base 1, variant 0) = p01, else both 1 with probability pb, else both 0.
  const T = 4000;
  const bar = 0.95 - 3 * Math.sqrt((0.95 * 0.05) / T);
  const cases: [number, number, number, number][] = [
    [200, 0.005, 0, 0.01], // the paired t interval covers about 63 %, [0, 0] in 36 %
    [200, 0.015, 0, 0.01], // paired t about 79 %
    [40, 0.05, 0, 0.05], // paired t about 87 %
  ];
  for (const [n, p10, p01, pb] of cases) {
    it(`n = ${n}, p(+) = ${p10}, p(−) = ${p01}: covers at least ${bar.toFixed(4)}; the paired t interval does not`, () => {
      const rng = seedrandom(`paired-proportion-${n}-${p10}`);
      const truth = p10 - p01;
      let covered = 0;
      let tCovered = 0;
      for (let s = 0; s < T; s++) {
        const base = new Float64Array(n);
        const variant = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const u = rng();
          if (u < p10) variant[i] = 1;
          else if (u < p10 + p01) base[i] = 1;
          else if (rng() < pb) base[i] = variant[i] = 1;
        }
        const r = pairedProportionDifference(base, variant);
        if (r.low <= truth && truth <= r.high) covered++;
        const t = pairedDifference(base, variant);
        if (t.diff_ci_low <= truth && truth <= t.diff_ci_high) tCovered++;
      }
      console.log(`n = ${n}, p(+) = ${p10}: Newcombe covers ${(covered / T).toFixed(4)}, paired t ${(tCovered / T).toFixed(4)} (T = ${T})`);
      expect(covered / T).toBeGreaterThanOrEqual(bar);
      expect(tCovered / T).toBeLessThan(bar);
    });
  }
});
