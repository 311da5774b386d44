/**
 * Pattern P1 (MODEL.md 2.3): Rogers adopter categories from thresholds.
 * theta ~ Normal(theta_mean, theta_sd) truncated to [0,1]; the category is the
 * band of its z-score. Expected shares 2.28 / 13.59 / 34.13 / 34.13 / 15.87 %.
 * With theta_mean 0.5 and theta_sd 0.15 the truncation sits at z = +-3.33,
 * which moves these shares by less than 0.05 percentage points.
 */
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';
import { initWorld } from '../../src/model/init.js';
import { CATEGORIES } from '../../src/scenario/schema.js';
import { model } from './helpers.js';
import { MODEL_DEFAULTS, PLAIN } from '../support/world.js';

const MEAN = 0.5;
const SD = 0.15;
const EXPECTED = [2.28, 13.59, 34.13, 34.13, 15.87];
/** Band of each category in theta units: [lower, upper), from the z bands -inf, -2, -1, 0, 1, +inf. */
const BANDS: [number, number][] = [
  [-Infinity, MEAN - 2 * SD],
  [MEAN - 2 * SD, MEAN - SD],
  [MEAN - SD, MEAN],
  [MEAN, MEAN + SD],
  [MEAN + SD, Infinity],
];
const innovations = [{ id: 'svc', owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN }];
const params = { ...MODEL_DEFAULTS, theta_mean: MEAN, theta_sd: SD };

describe('P1: Rogers categories from thresholds (2.3)', () => {
  it('10,000 generated agencies: category shares within 1 percentage point of 2.28/13.59/34.13/34.13/15.87 %', () => {
    const m = model({ opds: { generate: { count: 10_000 } }, innovations, parameters: params });
    // Four replications (40,000 agencies) so that 1 point is about 4 standard errors for the 34 % bands.
    const counts = [0, 0, 0, 0, 0];
    const misplaced: string[] = [];
    let total = 0;
    for (let r = 0; r < 4; r++) {
      const w = initWorld(m, new Streams(replicationSeed(7, r)), false);
      expect(w.n).toBe(10_000);
      for (let o = 0; o < w.n; o++) {
        const theta = w.theta[o]!;
        const c = w.category[o]!;
        // Inside [0,1], and the category is the band of theta (lower threshold = earlier adopter).
        const [lo, hi] = BANDS[c]!;
        if (!(theta >= 0 && theta <= 1 && theta >= lo - 1e-12 && theta < hi + 1e-12)) misplaced.push(`${theta} as ${CATEGORIES[c]}`);
        counts[c]!++;
        total++;
      }
    }
    expect(misplaced).toEqual([]);
    const shares = counts.map((c) => (100 * c) / total);
    shares.forEach((s, c) => expect(Math.abs(s - EXPECTED[c]!), `${CATEGORIES[c]}: ${s.toFixed(2)} %`).toBeLessThan(1));
  });

  it('a pinned category draws theta inside its band (and varies inside it)', () => {
    const list = CATEGORIES.flatMap((category) => Array.from({ length: 60 }, (_, i) => ({ id: `${category}-${i}`, category })));
    const w = initWorld(model({ opds: { list }, innovations, parameters: params }), new Streams([3, 4]), false);
    CATEGORIES.forEach((category, c) => {
      const thetas: number[] = [];
      w.model.opds.forEach((o, i) => {
        if (o.category !== category) return;
        expect(w.category[i], o.id).toBe(c);
        const [lo, hi] = BANDS[c]!;
        expect(w.theta[i]!).toBeGreaterThanOrEqual(Math.max(0, lo));
        expect(w.theta[i]!).toBeLessThan(Math.min(1, hi) + 1e-12);
        thetas.push(w.theta[i]!);
      });
      expect(thetas).toHaveLength(60);
      // Drawn, not put on an edge: at least 50 distinct values in the band.
      expect(new Set(thetas).size).toBeGreaterThan(50);
    });
  });

  it('an explicit theta is kept and classified by its z-score', () => {
    const list = [
      { id: 'x1', theta: 0.19 }, // z = -2.07: innovator
      { id: 'x2', theta: 0.21 }, // z = -1.93: early adopter
      { id: 'x3', theta: 0.49 }, // early majority
      { id: 'x4', theta: 0.51 }, // late majority
      { id: 'x5', theta: 0.66 }, // z = 1.07: laggard
    ];
    const w = initWorld(model({ opds: { list }, innovations, parameters: params }), new Streams([1, 2]), false);
    expect(Array.from(w.theta)).toEqual([0.19, 0.21, 0.49, 0.51, 0.66]);
    expect(Array.from(w.category)).toEqual([0, 1, 2, 3, 4]);
  });
});
