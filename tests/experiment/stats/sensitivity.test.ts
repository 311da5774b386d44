import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { morrisTrajectories, saltelliSample, type ParameterSpace } from '../../../src/experiment/stats/designs.js';
import { ishigami, ishigamiFactors, ishigamiIndices } from '../../../src/experiment/stats/ishigami.js';
import { morrisEffects, sobolIndices } from '../../../src/experiment/stats/sensitivity.js';

describe('morrisEffects', () => {
  it('recovers |coefficients| of a linear function as mu*, the signed ones as mu, and sigma = 0', () => {
    const c = [3, -2, 0.5, 0];
    const space: ParameterSpace = c.map((_, i) => ({ name: `x${i}`, min: 0, max: 1 }));
    const design = morrisTrajectories(space, 10, 4, seedrandom('morris-linear'));
    const y = design.rows.map((x) => x.reduce((acc, xi, i) => acc + c[i]! * xi, 1));
    const effects = morrisEffects(design, y);
    effects.forEach((e, i) => {
      expect(e.name).toBe(`x${i}`);
      expect(e.mu_star).toBeCloseTo(Math.abs(c[i]!), 10);
      expect(e.mu).toBeCloseTo(c[i]!, 10);
      expect(e.sigma).toBeLessThan(1e-9);
    });
  });

  it('measures effects per whole range: mu* = |c| (max - min)', () => {
    const space: ParameterSpace = [
      { name: 'a', min: 0, max: 2 },
      { name: 'b', min: -5, max: 5 },
    ];
    const design = morrisTrajectories(space, 6, 6, seedrandom('morris-range'));
    const effects = morrisEffects(design, design.rows.map(([a, b]) => 4 * a! + 0.1 * b!));
    expect(effects[0]!.mu_star).toBeCloseTo(8, 10);
    expect(effects[1]!.mu_star).toBeCloseTo(1, 10);
  });

  it('flags interactions with sigma > 0 and leaves an inert factor at 0', () => {
    const space: ParameterSpace = ['a', 'b', 'c'].map((name) => ({ name, min: 0, max: 1 }));
    const design = morrisTrajectories(space, 20, 4, seedrandom('morris-inter'));
    const effects = morrisEffects(design, design.rows.map(([a, b]) => a! * b!));
    expect(effects[0]!.sigma).toBeGreaterThan(0.1);
    expect(effects[1]!.sigma).toBeGreaterThan(0.1);
    expect(effects[2]).toEqual({ name: 'c', mu: 0, mu_star: 0, sigma: 0, mu_star_conf: Number.NaN }); // no bootstrap asked for
    expect(() => morrisEffects(design, [1, 2])).toThrow(RangeError);
  });
});

describe('sobolIndices on the Ishigami function', () => {
  const truth = ishigamiIndices();

  it('has the textbook analytic indices', () => {
    expect(truth.S1[0]).toBeCloseTo(0.3139, 4);
    expect(truth.S1[1]).toBeCloseTo(0.4424, 4);
    expect(truth.ST[0]).toBeCloseTo(0.5576, 4);
    expect(truth.ST[2]).toBeCloseTo(0.2437, 4);
    expect(truth.variance).toBeCloseTo(13.8446, 4);
    expect(ishigami([0, Math.PI / 2, 1])).toBeCloseTo(7, 14);
  });

  // Tolerances from 20 seeds at N = 8192: the SD of the S1(x1) estimate is about 0.001 with the
  // shifted Sobol' sequence and 0.019 with plain random sampling (estimator unbiased in both).
  const cases = [
    { sequence: 'sobol', tolerance: 0.01 },
    { sequence: 'random', tolerance: 0.08 },
  ] as const;
  for (const { sequence, tolerance } of cases) {
    it(`N = 8192 (${sequence}) recovers S1 and ST within ${tolerance} (brief: 0.05 for the default), with bootstrap CIs`, () => {
      const N = 8192;
      const design = saltelliSample(ishigamiFactors, N, seedrandom(`ishigami-${sequence}`), { sequence });
      const y = design.rows.map((x) => ishigami(x));
      const indices = sobolIndices(y, N, 3, { bootstrap: 100, rng: seedrandom('bootstrap') });
      indices.forEach((ix, i) => {
        expect(ix.factor).toBe(i);
        expect(Math.abs(ix.S1 - truth.S1[i]!)).toBeLessThan(tolerance);
        expect(Math.abs(ix.ST - truth.ST[i]!)).toBeLessThan(tolerance);
        if (sequence === 'sobol') {
          expect(Math.abs(ix.S1 - truth.S1[i]!)).toBeLessThan(0.05);
          expect(Math.abs(ix.ST - truth.ST[i]!)).toBeLessThan(0.05);
        }
        expect(ix.S1_low).toBeLessThanOrEqual(ix.S1);
        expect(ix.S1_high).toBeGreaterThanOrEqual(ix.S1);
        expect(ix.ST_low).toBeLessThanOrEqual(ix.ST);
        expect(ix.ST_high).toBeGreaterThanOrEqual(ix.ST);
        expect(ix.S1_high - ix.S1_low).toBeLessThan(0.15);
        expect(ix.ST_high - ix.ST_low).toBeLessThan(0.15);
      });
    });
  }

  it('leaves the intervals NaN without a bootstrap, and validates its inputs', () => {
    const N = 256;
    const design = saltelliSample(ishigamiFactors, N, seedrandom('small'));
    const y = design.rows.map((x) => ishigami(x));
    const [first] = sobolIndices(y, N, 3);
    expect(first!.S1_low).toBeNaN();
    expect(first!.ST_high).toBeNaN();
    expect(() => sobolIndices(y, N, 4)).toThrow(RangeError);
    expect(() => sobolIndices(y, N, 3, { bootstrap: 10 })).toThrow(RangeError);
    expect(sobolIndices(new Array<number>(N * 5).fill(1), N, 3)[0]!.S1).toBeNaN();
  });

  it('is reproducible: same seeds, same bytes', () => {
    const run = () => {
      const design = saltelliSample(ishigamiFactors, 512, seedrandom('repro'));
      return sobolIndices(design.rows.map((x) => ishigami(x)), 512, 3, { bootstrap: 20, rng: seedrandom('b') });
    };
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });
});
