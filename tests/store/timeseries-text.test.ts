/**
 * timeseries.csv rows formatted by the workers (timeseriesText) are the
 * bytes the CSV writer gives for the same rows: integers, fractions, tiny
 * and huge magnitudes, negatives, -0, NaN and infinities (empty cells).
 */
import { describe, expect, it } from 'vitest';
import { csvText, type Cell } from '../../src/store/csv.js';
import { timeseriesText } from '../../src/store/run-folder.js';
import { RowBytes, timeseriesBytes } from '../../src/store/timeseries-text.js';

describe('timeseriesText', () => {
  it('equals csvText of the same rows', () => {
    const months = 14;
    const M = 9;
    const series = new Float64Array(months * M);
    const specials = [0, -0, 1, -3, 0.1 + 0.2, 1e-9, -2.5e-7, 1e21, 123456789.123456789, NaN, Infinity, -Infinity, 2 / 3];
    for (let x = 0; x < series.length; x++) series[x] = x % 3 === 0 ? specials[x % specials.length]! : Math.sin(x) * 10 ** ((x % 11) - 5);
    const dates = Array.from({ length: months }, (_, i) => `20${15 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const rows: Cell[][] = [];
    for (let m = 1; m <= months; m++) rows.push([7, m, dates[m - 1]!, ...Array.from(series.subarray((m - 1) * M, m * M))]);
    expect(timeseriesText(7, dates, M, series)).toBe(csvText(rows));
  });

  it('timeseriesBytes appends the same bytes, growing its buffer when full', () => {
    const months = 40;
    const M = 30;
    const series = Float64Array.from({ length: months * M }, (_, x) => (x % 5 === 0 ? -1.23456789012e-300 * (x + 1) : x % 7 === 0 ? -123456789012345680000 : Math.sin(x) / 3));
    const dates = Array.from({ length: months }, (_, i) => `2020-${String(i).padStart(2, '0')}`);
    const out = new RowBytes();
    // Start nearly full, so that rows and cells land across a growth.
    out.bytes = new Uint8Array(64);
    out.used = 3;
    out.bytes.set([65, 66, 67]);
    timeseriesBytes(out, 12, dates, M, series);
    timeseriesBytes(out, 13, dates, M, series);
    const expected = 'ABC' + timeseriesText(12, dates, M, series) + timeseriesText(13, dates, M, series);
    expect(Buffer.from(out.view()).toString('latin1')).toBe(expected);
  });
});
