import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  bonferroniLevel,
  pairedDifference,
  unpairedReplicationRatio,
} from '../../../src/experiment/stats/paired.js';
import { normalQuantile } from '../../../src/experiment/stats/normal.js';

describe('pairedDifference', () => {
  it('identical arms give a diff CI of exactly [0, 0]', () => {
    const rng = seedrandom('paired-zero');
    const base = Array.from({ length: 20 }, () => 100 * rng());
    const c = pairedDifference(base, base.slice());
    expect(c.diff_mean).toBe(0);
    expect(c.diff_sd).toBe(0);
    expect(c.diff_ci_low).toBe(0);
    expect(c.diff_ci_high).toBe(0);
    expect(c.relative_change).toBe(0);
    expect(c.correlation).toBeCloseTo(1, 12);
  });

  it('positive correlation (CRN) shrinks the diff CI compared with independent arms', () => {
    const rng = seedrandom('paired-crn');
    const n = 30;
    const noise = () => normalQuantile(rng());
    const common = Array.from({ length: n }, noise);
    const base = common.map((c) => 50 + 10 * c + noise());
    const crnVariant = common.map((c) => 52 + 10 * c + noise());
    const independentVariant = Array.from({ length: n }, () => 52 + 10 * noise() + noise());

    const crn = pairedDifference(base, crnVariant);
    const indep = pairedDifference(base, independentVariant);
    expect(crn.correlation).toBeGreaterThan(0.9);
    expect(Math.abs(indep.correlation)).toBeLessThan(0.5);
    const crnWidth = crn.diff_ci_high - crn.diff_ci_low;
    const indepWidth = indep.diff_ci_high - indep.diff_ci_low;
    expect(crnWidth).toBeLessThan(indepWidth / 3);
    expect(unpairedReplicationRatio(crn.base_sd, crn.variant_sd, crn.diff_sd)).toBeGreaterThan(10);
  });

  it('the 95 % diff CI covers the true difference about 95 % of the time (500 experiments, 3-sigma band)', () => {
    const rng = seedrandom('paired-coverage');
    const noise = () => normalQuantile(rng());
    let covered = 0;
    const experiments = 500;
    for (let e = 0; e < experiments; e += 1) {
      const common = Array.from({ length: 15 }, noise);
      const base = common.map((c) => 50 + 10 * c + noise());
      const variant = common.map((c) => 52 + 10 * c + noise());
      const c = pairedDifference(base, variant);
      if (c.diff_ci_low <= 2 && 2 <= c.diff_ci_high) covered += 1;
    }
    expect(covered / experiments).toBeGreaterThan(0.92);
    expect(covered / experiments).toBeLessThan(0.98);
  });

  it('reports arms, differences and relative change consistently', () => {
    const c = pairedDifference([10, 12, 11, 13], [11, 13, 13, 14]);
    expect(c.n).toBe(4);
    expect(c.base_mean).toBe(11.5);
    expect(c.variant_mean).toBe(12.75);
    expect(c.diff_mean).toBe(1.25);
    expect(c.diff_sd).toBeCloseTo(0.5, 14);
    // 1.25 +- 3.182446 * 0.5 / 2
    expect(c.diff_ci_low).toBeCloseTo(1.25 - 0.7956116, 6);
    expect(c.diff_ci_high).toBeCloseTo(1.25 + 0.7956116, 6);
    expect(c.relative_change).toBeCloseTo(1.25 / 11.5, 14);
    expect(pairedDifference([0, 0], [1, 2]).relative_change).toBeNaN();
    expect(pairedDifference([1, 1, 1], [1, 2, 3]).correlation).toBeNaN();
    expect(() => pairedDifference([1, 2], [1])).toThrow(RangeError);
  });

  it('bonferroniLevel and unpairedReplicationRatio', () => {
    expect(bonferroniLevel(0.95, 5)).toBeCloseTo(0.99, 15);
    expect(bonferroniLevel(0.95, 1)).toBe(0.95);
    expect(() => bonferroniLevel(0.95, 0)).toThrow(RangeError);
    expect(unpairedReplicationRatio(3, 4, 5)).toBe(1);
    expect(unpairedReplicationRatio(3, 4, 1)).toBe(25);
    expect(unpairedReplicationRatio(3, 4, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(unpairedReplicationRatio(0, 0, 0)).toBeNaN();
  });
});
