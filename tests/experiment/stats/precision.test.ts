import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  enoughReplications,
  lawKeltonTarget,
  relativeHalfWidth,
} from '../../../src/experiment/stats/precision.js';

describe('relative precision (Law and Kelton)', () => {
  it('computes half-width / |mean|', () => {
    // [9, 10, 11, 10]: mean 10, sd sqrt(2/3), t_{0.975,3} = 3.182446
    expect(relativeHalfWidth([9, 10, 11, 10])).toBeCloseTo((3.182446305283708 * Math.sqrt(2 / 3)) / 2 / 10, 12);
    expect(relativeHalfWidth([-9, -10, -11, -10])).toBeCloseTo(relativeHalfWidth([9, 10, 11, 10]), 15);
  });

  it('handles degenerate samples', () => {
    expect(relativeHalfWidth([5])).toBe(Number.POSITIVE_INFINITY);
    expect(relativeHalfWidth([0, 0, 0])).toBe(0);
    expect(relativeHalfWidth([-1, 1])).toBe(Number.POSITIVE_INFINITY);
    expect(relativeHalfWidth([1, Number.NaN])).toBeNaN();
  });

  it('needs the minimum number of replications and the target precision', () => {
    const rng = seedrandom('precision');
    const values: number[] = [];
    let stoppedAt = -1;
    for (let r = 1; r <= 1000; r += 1) {
      values.push(100 + 20 * (rng() - 0.5));
      if (enoughReplications(values, 0.01)) {
        stoppedAt = r;
        break;
      }
    }
    expect(stoppedAt).toBeGreaterThanOrEqual(10);
    expect(relativeHalfWidth(values)).toBeLessThanOrEqual(0.01);
    expect(relativeHalfWidth(values.slice(0, -1))).toBeGreaterThan(0.01);
    expect(enoughReplications([100, 100, 100], 0.05)).toBe(false); // below the minimum of 10
    expect(enoughReplications([100, 100, 100], 0.05, 3)).toBe(true);
    expect(() => enoughReplications([1, 2], 0)).toThrow(RangeError);
    expect(lawKeltonTarget(0.05)).toBeCloseTo(0.05 / 1.05, 15);
  });
});
