/**
 * Streams.normal is Box-Muller on two uniform draws of the same key
 * (src/engine/random.ts): draw index 2k and 2k + 1 for normal number k, so
 * that normal k and normal k + 1 never share a uniform. Recomputed here from
 * `uniform` with the textbook formula z = sqrt(-2 ln(1 - u1)) cos(2 pi u2).
 */
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';

describe('normal draws', () => {
  it('normal k is Box-Muller of uniform draws 2k and 2k + 1 of the same key', () => {
    const s = new Streams(replicationSeed(42, 3));
    for (const [p, m, o, i] of [
      [3, 1, 7, 9],
      [11, 24, 123456, 77],
      [2, 0, 0, 0],
    ] as const) {
      for (let k = 0; k < 5; k++) {
        const u1 = 1 - s.uniform(p, m, o, i, 2 * k);
        const u2 = s.uniform(p, m, o, i, 2 * k + 1);
        expect(s.normal(p, m, o, i, k), `key ${p},${m},${o},${i} k ${k}`).toBe(Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
      }
    }
  });

  it('successive normals of one key are uncorrelated (they share no uniform)', () => {
    const s = new Streams(replicationSeed(1, 0));
    let sxy = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    const N = 20_000;
    for (let o = 0; o < N; o++) {
      const x = s.normal(5, 1, o, 0, 0);
      const y = s.normal(5, 1, o, 0, 1);
      sxy += x * y;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
    }
    const r = (sxy / N - (sx / N) * (sy / N)) / Math.sqrt((sxx / N - (sx / N) ** 2) * (syy / N - (sy / N) ** 2));
    // Standard error of r at N = 20,000 is about 0.007: tolerance 4 SE.
    expect(Math.abs(r)).toBeLessThan(0.028);
  });
});
