/**
 * formatNumber (its cache of known values and its short cut through
 * String(x)) gives exactly the string of the format's definition,
 * formatNumberReference (String(Number(x.toPrecision(12)))), for any number:
 * fractions of agency counts as the model writes them, doubles of every
 * magnitude and bit pattern, values near the 12-digit rounding edge, ties,
 * subnormals, and the same value asked again (from the cache).
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, formatNumberReference } from '../../src/store/csv-format.js';

const same = (x: number) => {
  const a = formatNumber(x);
  const b = formatNumberReference(x);
  if (a !== b) throw new Error(`formatNumber(${x}) = ${a}, reference ${b}`);
  // Asked again: now from the cache.
  if (formatNumber(x) !== b) throw new Error(`formatNumber(${x}) changed on a second call`);
};

describe('formatNumber', () => {
  it('equals the reference on shares and means of agency counts', () => {
    for (let n = 1; n <= 400; n++) for (let k = -n; k <= n; k++) same(k / n);
    for (let n = 1; n <= 60; n++) for (let k = 0; k <= 10 * n; k++) same((k * 0.1) / n);
  });

  it('equals the reference on chosen edge values', () => {
    const edges = [
      0, -0, 1, -1, 0.1, 0.1 + 0.2, 1 / 3, 2 / 3, -2 / 3, 1e-7, 1.5e-7, -2.5e-7, 1e-6, 1.23e-6, 0.000001234567890123, 1e21, 1.5e21, 123456789.123456789,
      123456789012.5, 1234567890123.5, 4503599627370495.5, 0.9999999999995, 0.99999999999949, 0.99999999999951, 9.999999999995, 99999.99999995,
      0.1234567890125, 0.12345678901249999, 1.000000000005, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 4.9406564584124654e-312,
      1.7976931348623157e308, Number.EPSILON, 1 + Number.EPSILON, NaN, Infinity, -Infinity,
    ];
    for (const x of edges) same(x);
  });

  it('equals the reference on random doubles (property)', () => {
    fc.assert(fc.property(fc.double(), (x) => same(x)), { numRuns: 20_000, seed: 1107 });
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => same(x)), { numRuns: 20_000, seed: 1107 });
    // Every bit pattern: subnormals, huge and tiny magnitudes alike.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (hi, lo) => {
        const v = new DataView(new ArrayBuffer(8));
        v.setUint32(0, hi);
        v.setUint32(4, lo);
        same(v.getFloat64(0));
      }),
      { numRuns: 20_000, seed: 1107 },
    );
  });

  it('equals the reference on decimals of 11 to 14 digits and their neighbours (property)', () => {
    // A 12-digit decimal plus or minus a few units in the last place of the double: the rounding edge.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999_999 }), fc.integer({ min: -20, max: 5 }), fc.integer({ min: -3, max: 3 }), (m, e, ulps) => {
        let x = m * 10 ** e;
        const v = new DataView(new ArrayBuffer(8));
        v.setFloat64(0, x);
        v.setBigInt64(0, v.getBigInt64(0) + BigInt(ulps));
        x = v.getFloat64(0);
        same(x);
        same(-x);
      }),
      { numRuns: 30_000, seed: 1108 },
    );
  });
});
