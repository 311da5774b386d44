/**
 * The decimals of a report table's column (format.ts columnDigits, docs/OUTPUTS.md "Numbers in report
 * tables"): those of its largest value as it would print, so that a column never prints a value with more
 * digits than the rule gives it (99.996 would otherwise print 100.00, 9.9996 10.000).
 */
import { describe, expect, test } from 'vitest';
import { columnDigits, fixed } from '../../src/report/format.js';

describe('columnDigits', () => {
  test('3 below 10, 2 below 100, 1 from 100, by the largest value', () => {
    expect(columnDigits([0.06, 0.6, 1])).toBe(3);
    expect(columnDigits([2.25, 45.88])).toBe(2);
    expect(columnDigits([99.3, 101])).toBe(1);
    expect(columnDigits([null, undefined, Number.NaN])).toBe(3);
    expect(columnDigits([-150, 2])).toBe(1);
  });

  test('decided on the value as it prints: a value that rounds up to 10 or 100 takes the next rule', () => {
    expect(columnDigits([99.996])).toBe(1);
    expect(fixed(99.996, columnDigits([99.996]))).toBe('100.0');
    expect(columnDigits([9.9996])).toBe(2);
    expect(fixed(9.9996, columnDigits([9.9996]))).toBe('10.00');
    // Not rounding up: unchanged.
    expect(columnDigits([99.994])).toBe(2);
    expect(columnDigits([9.9994])).toBe(3);
  });
});
