/**
 * MonthlyProbabilityMemo (src/engine/random.ts) keeps the last rate's
 * monthly probability: it must give exactly monthlyProbability(rate) for
 * every rate asked, whatever was asked before (a changed rate is computed
 * again; NaN, -0 and 0 as the expression gives them).
 */
import { describe, expect, it } from 'vitest';
import { MonthlyProbabilityMemo, monthlyProbability } from '../../src/engine/random.js';

describe('MonthlyProbabilityMemo', () => {
  it('gives monthlyProbability(rate) for a sequence of repeated and changed rates', () => {
    const memo = new MonthlyProbabilityMemo();
    const rates = [0.1, 0.1, 0.25, 0.1, 0, -0, 0, NaN, NaN, 0.3, 3, 3, 1e-9, Infinity, 0.1];
    for (const rate of rates) expect(Object.is(memo.of(rate), monthlyProbability(rate))).toBe(true);
  });

  it('keeps one memo per instance (two parameters do not share one)', () => {
    const a = new MonthlyProbabilityMemo();
    const b = new MonthlyProbabilityMemo();
    expect(a.of(0.2)).toBe(monthlyProbability(0.2));
    expect(b.of(0.7)).toBe(monthlyProbability(0.7));
    expect(a.of(0.2)).toBe(monthlyProbability(0.2));
  });
});
