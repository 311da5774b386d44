import { describe, expect, it } from 'vitest';
import { lastMonth, monthDate, monthIndex } from '../../src/scenario/calendar.js';

describe('calendar', () => {
  it('numbers months from 1 at the start', () => {
    expect(monthIndex('2015-01', '2015-01')).toBe(1);
    expect(monthIndex('2015-01', '2015-12')).toBe(12);
    expect(monthIndex('2015-01', '2016-01')).toBe(13);
    expect(monthIndex('2015-07', '2016-03')).toBe(9);
    expect(monthIndex('2015-07', '2015-06')).toBe(0);
    expect(monthIndex('2015-07', '2014-07')).toBe(-11);
  });

  it('monthDate inverts monthIndex', () => {
    for (const start of ['2015-01', '2019-12', '0999-06']) {
      for (let m = -30; m <= 130; m++) expect(monthIndex(start, monthDate(start, m))).toBe(m);
    }
    expect(monthDate('2015-01', 1)).toBe('2015-01');
    expect(monthDate('2015-01', 132)).toBe('2025-12');
    expect(monthDate('2015-11', 3)).toBe('2016-01');
    expect(monthDate('2015-01', 0)).toBe('2014-12');
  });

  it('gives the last month of a horizon', () => {
    expect(lastMonth('2015-01', 132)).toBe('2025-12');
  });

  it('rejects malformed input', () => {
    expect(() => monthIndex('2015-1', '2015-01')).toThrow(/YYYY-MM/);
    expect(() => monthDate('2015-01', 1.5)).toThrow(/integer/);
  });
});
