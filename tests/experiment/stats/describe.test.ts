import { describe as suite, expect, it } from 'vitest';
import { describe, tInterval } from '../../../src/experiment/stats/describe.js';
import { tCritical, zCritical } from '../../../src/experiment/stats/critical.js';
import { sampleMoments } from '../../../src/experiment/stats/moments.js';
import { normalQuantile } from '../../../src/experiment/stats/normal.js';
import { quantileSorted } from 'simple-statistics';

suite('describe', () => {
  it('matches hand-computed values for [1, 2, 3, 4] (R: t.test(1:4), quantile(1:4, type = 7))', () => {
    const d = describe([4, 2, 1, 3]);
    expect(d.n).toBe(4);
    expect(d.mean).toBe(2.5);
    expect(d.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    // t_{0.975, 3} = 3.182446; half-width = 3.182446 * 1.290994 / 2 = 2.054260
    expect(d.ci_low).toBeCloseTo(0.4457397, 6);
    expect(d.ci_high).toBeCloseTo(4.5542603, 6);
    expect(d.p05).toBeCloseTo(1.15, 12);
    expect(d.p25).toBeCloseTo(1.75, 12);
    expect(d.p50).toBeCloseTo(2.5, 12);
    expect(d.p75).toBeCloseTo(3.25, 12);
    expect(d.p95).toBeCloseTo(3.85, 12);
  });

  it('gives the quantiles of a comparator sort bit for bit (ties, integers, signed zeros)', () => {
    // The reference: a plain array sorted with (a, b) => a - b, as describe did before it sorted typed arrays.
    const reference = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [0.05, 0.25, 0.5, 0.75, 0.95].map((p) => quantileSorted(sorted, p));
    };
    const quantiles = (values: number[]) => {
      const d = describe(values);
      return [d.p05, d.p25, d.p50, d.p75, d.p95];
    };
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const columns: number[][] = [
      // Counts with many ties (as summary.csv's count metrics), shares, and wide values.
      Array.from({ length: 1000 }, () => Math.floor(next() * 8)),
      Array.from({ length: 999 }, () => Math.floor(next() * 44) / 43),
      Array.from({ length: 37 }, () => (next() - 0.5) * 1e6),
      // -0 and +0 together: the comparator keeps their input order; the median here is -0.
      [0, -0, -0, 0, 1],
    ];
    for (const column of columns) {
      const got = quantiles(column);
      const want = reference(column);
      got.forEach((q, i) => expect(Object.is(q, want[i]), `quantile ${i}: ${q} vs ${want[i]}`).toBe(true));
    }
    expect(Object.is(describe([0, -0, -0, 0, 1]).p50, -0)).toBe(true);
  });

  it('does not mutate its input, and accepts typed arrays', () => {
    const values = [3, 1, 2];
    describe(values);
    expect(values).toEqual([3, 1, 2]);
    const typed = Float64Array.from([3, 1, 2]);
    expect(describe(typed).p50).toBe(2);
    expect(Array.from(typed)).toEqual([3, 1, 2]);
  });

  it('leaves sd and interval unknown (NaN) when n = 1, NaN everywhere when empty or when a value is NaN', () => {
    expect(describe([7])).toEqual({
      n: 1, mean: 7, sd: Number.NaN, ci_low: Number.NaN, ci_high: Number.NaN, p05: 7, p25: 7, p50: 7, p75: 7, p95: 7,
    });
    const empty = describe([]);
    expect(empty.n).toBe(0);
    expect(empty.mean).toBeNaN();
    expect(empty.p50).toBeNaN();
    const withNaN = describe([1, Number.NaN, 3]);
    expect(withNaN.n).toBe(3);
    expect(withNaN.mean).toBeNaN();
    expect(withNaN.p50).toBeNaN();
  });

  it('gives an exactly zero-width interval for a constant sample', () => {
    const d = describe([0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(d.mean).toBe(0.1);
    expect(d.sd).toBe(0);
    expect(d.ci_low).toBe(0.1);
    expect(d.ci_high).toBe(0.1);
  });

  it('tInterval scales with the level', () => {
    const i95 = tInterval(10, 2, 10);
    const i99 = tInterval(10, 2, 10, 0.99);
    // t_{0.975, 9} = 2.262157 (scipy.stats.t.ppf)
    expect(i95.half_width).toBeCloseTo((2.262157162798205 * 2) / Math.sqrt(10), 10);
    expect(i99.half_width).toBeGreaterThan(i95.half_width);
    expect(() => tInterval(0, 1, 5, 1)).toThrow(RangeError);
  });
});

suite('critical values and moments', () => {
  it('tCritical and zCritical match scipy', () => {
    expect(tCritical(0.95, 3)).toBeCloseTo(3.182446305283708, 12);
    expect(zCritical(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(zCritical(0.99)).toBeCloseTo(2.5758293035489004, 14);
  });

  it('normalQuantile (AS 241) matches scipy.stats.norm.ppf to 1e-14 relative', () => {
    const cases: [number, number][] = [
      [1e-300, -37.0470962993612],
      [1e-20, -9.262340089798409],
      [0.001, -3.090232306167813],
      [0.02425, -1.972961051311885],
      [0.3, -0.5244005127080409],
      [0.5, 0],
      [0.75, 0.6744897501960817],
      [0.975, 1.959963984540054],
      [0.999999, 4.753424308817087],
    ];
    for (const [p, z] of cases) {
      expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(z)));
    }
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  it('sampleMoments is accurate for a large offset (two-pass, not naive sums)', () => {
    const m = sampleMoments([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(m.mean).toBe(1e9 + 10);
    expect(m.variance).toBe(30);
  });
});
