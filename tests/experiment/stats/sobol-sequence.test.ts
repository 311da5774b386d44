import { describe, expect, it } from 'vitest';
import {
  SOBOL_MAX_DIMENSION,
  directionNumbers,
  joeKuoTable,
  sobolSequence,
} from '../../../src/experiment/stats/sobol-sequence.js';

/** Order of x modulo the GF(2) polynomial `poly` (bit k = coefficient of x^k). */
function orderOfX(poly: number, degree: number): number {
  let r = 1;
  for (let k = 1; k <= 2 ** degree; k += 1) {
    r <<= 1;
    if (r & (1 << degree)) r ^= poly;
    if (r === 1) return k;
  }
  return -1;
}

describe('Sobol sequence', () => {
  it('matches scipy.stats.qmc.Sobol(d, scramble=False) exactly', () => {
    expect(sobolSequence(8, 2)).toEqual([
      [0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875], [0.625, 0.125], [0.125, 0.625],
    ]);
    const points = sobolSequence(16384, 40);
    const dims = [1, 2, 7, 21, 33, 38, 40];
    const expected: Record<number, number[]> = {
      1000: [0.2197265625, 0.0966796875, 0.0458984375, 0.5224609375, 0.2958984375, 0.8310546875, 0.4794921875],
      12345: [0.64093017578125, 0.81341552734375, 0.12725830078125, 0.19927978515625, 0.50262451171875, 0.32232666015625, 0.94818115234375],
      16383: [6.103515625e-5, 0.79998779296875, 0.40435791015625, 0.33917236328125, 0.21136474609375, 0.58380126953125, 0.26776123046875],
    };
    for (const [index, values] of Object.entries(expected)) {
      expect(dims.map((d) => points[Number(index)]?.[d - 1])).toEqual(values);
    }
  });

  it('every Joe-Kuo row is a primitive polynomial with valid odd initial numbers m_k < 2^k', () => {
    expect(SOBOL_MAX_DIMENSION).toBe(40);
    for (const [s, a, ...m] of joeKuoTable()) {
      const degree = s as number;
      expect(m.length).toBe(degree);
      // x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1, with a's bits as the inner coefficients
      const poly = (1 << degree) | ((a as number) << 1) | 1;
      expect(orderOfX(poly, degree)).toBe(2 ** degree - 1);
      m.forEach((mk, k) => {
        expect(mk % 2).toBe(1);
        expect(mk).toBeLessThan(2 ** (k + 1));
      });
    }
    expect(directionNumbers(1)[0]).toBe(2 ** 31);
  });

  it('2^m points are perfectly stratified in every dimension, with or without a digital shift', () => {
    const n = 256;
    const shift = Array.from({ length: 40 }, (_, d) => (d * 2654435761) >>> 0);
    for (const points of [sobolSequence(n, 40), sobolSequence(n, 40, shift)]) {
      for (let d = 0; d < 40; d += 1) {
        const cells = new Set(points.map((p) => Math.floor((p[d] as number) * n)));
        expect(cells.size).toBe(n);
      }
    }
  });

  it('rejects unsupported dimensions and bad shifts', () => {
    expect(() => sobolSequence(4, 41)).toThrow(RangeError);
    expect(() => sobolSequence(4, 2, [1])).toThrow(RangeError);
    expect(() => sobolSequence(4, 1, [-1])).toThrow(RangeError);
  });
});
