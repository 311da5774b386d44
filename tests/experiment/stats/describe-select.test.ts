/**
 * describe() finds its quantiles by selection (a partial order of a scratch
 * copy) instead of a sort: on any column the quantiles are, bit for bit,
 * those of quantileSorted on the column sorted with (a, b) => a - b, the
 * definition they had. Columns of counts with many ties, shares, constants,
 * infinities, signed zeros, sizes 1 to 3,000 (property-based, fast-check
 * with fixed seeds), and a column ordered so that pivots go badly. Columns
 * of whole numbers below 1,024 are counted rather than selected: columns
 * of counts only, up to and across that bound.
 */
import { describe as suite, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantileSorted } from 'simple-statistics';
import { describe } from '../../../src/experiment/stats/describe.js';

const P = [0.05, 0.25, 0.5, 0.75, 0.95];
const reference = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return P.map((p) => quantileSorted(sorted, p));
};
const check = (values: number[]) => {
  const d = describe(values);
  const got = [d.p05, d.p25, d.p50, d.p75, d.p95];
  const want = reference(values);
  for (let i = 0; i < P.length; i++) {
    if (!Object.is(got[i], want[i])) throw new Error(`n = ${values.length}, quantile ${P[i]}: ${got[i]} vs ${want[i]}`);
  }
  // Typed input (summary.csv's columns) gives the same.
  const t = describe(Float64Array.from(values));
  expect([t.p05, t.p25, t.p50, t.p75, t.p95]).toEqual(got);
};

suite('describe quantiles by selection', () => {
  it('equal those of a full sort on counts, shares and wide values (property)', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 7 }),
      fc.integer({ min: 0, max: 43 }).map((k) => k / 43),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.constantFrom(Infinity, -Infinity, 0, -0, 1),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), (values) => {
        // +Infinity with -Infinity makes the mean NaN (every statistic NaN): not a quantile case.
        if (values.includes(Infinity) && values.includes(-Infinity)) return;
        check(values);
      }),
      { numRuns: 600, seed: 1109 },
    );
  });

  it('equal those of a full sort on columns of one value, few values, sorted and reversed runs', () => {
    for (const n of [1, 2, 3, 4, 5, 19, 20, 21, 24, 25, 26, 100, 999, 1000, 1001]) {
      check(Array.from({ length: n }, () => 0.25));
      check(Array.from({ length: n }, () => 0));
      check(Array.from({ length: n }, (_, i) => i % 3));
      check(Array.from({ length: n }, (_, i) => i / 7));
      check(Array.from({ length: n }, (_, i) => (n - i) / 7));
      check(Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i : n - i)));
      check(Array.from({ length: n }, (_, i) => (i === n >> 1 ? Infinity : i)));
    }
  });

  it('equal those of a full sort where median-of-three pivots are poor (organ pipe, sawtooth)', () => {
    const n = 5000;
    check(Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i)));
    check(Array.from({ length: n }, (_, i) => i % 64));
    check(Array.from({ length: n }, (_, i) => (i * 7919) % n));
  });

  it('equal those of a full sort on columns of whole numbers only (counted), within and across the bound (property)', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 230 }), fc.integer({ min: 1000, max: 1030 }));
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 2000 }), (values) => check(values)),
      { numRuns: 600, seed: 1111 },
    );
    for (const n of [2, 20, 21, 1000, 1001]) {
      check(Array.from({ length: n }, (_, i) => (i === 0 ? 1023 : 0)));
      check(Array.from({ length: n }, (_, i) => (i === n - 1 ? 0 : 1023)));
      check(Array.from({ length: n }, (_, i) => (i * 37) % 11));
      check(Array.from({ length: n }, (_, i) => n - 1 - (i % 500)));
    }
  });
});
