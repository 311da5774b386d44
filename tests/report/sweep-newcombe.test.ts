/**
 * The sweep summary compares its two extreme design points pair by pair. For
 * `sustained.<id>`, a yes or no per replication, it used the paired t
 * interval, which covers a rare 0/1 effect badly (every pair differing the
 * same way gives [1, 1]; two differing pairs of 20 an interval from the
 * normal approximation); compare.csv has used Newcombe's interval for paired
 * proportions (1998, method 10) for such rows, and the sweep now does too.
 * Other outcomes keep the paired t interval.
 */
import { describe, expect, it } from 'vitest';
import { newcombePaired, pairedDifference } from '../../src/experiment/stats/index.js';
import { sweepPairedDifference } from '../../src/report/summary.js';
import type { SweepTable } from '../../src/store/tables.js';

/** Two design points, `n` replications each, the outcome's value per replication at each. */
function table(outcome: string, low: readonly number[], high: readonly number[]): SweepTable {
  const rows = [low, high].flatMap((values, point) => values.map((v, replication) => ({ point, replication, values: { [outcome]: v } })));
  return { parameters: [], outcomes: [outcome], rows } as unknown as SweepTable;
}

describe('sweep summary: a sustained share compared with Newcombe', () => {
  it('two pairs of 20 differing: Newcombe, not the paired t interval', () => {
    const low = Array.from({ length: 20 }, () => 0);
    const high = low.map((_, i) => (i < 2 ? 1 : 0));
    const d = sweepPairedDifference(table('sustained.s', low, high), 'sustained.s', 0, 1, 0.95)!;
    const expected = newcombePaired({ both: 0, variantOnly: 2, baseOnly: 0, neither: 18 }, 0.95);
    expect([d.n, d.mean, d.low, d.high]).toEqual([20, expected.diff, expected.low, expected.high]);
    const t = pairedDifference(low, high, 0.95);
    expect(d.low).not.toBeCloseTo(t.diff_ci_low, 3);
  });

  it('every pair differing the same way: not the degenerate [1, 1]', () => {
    const d = sweepPairedDifference(table('sustained.s', Array(10).fill(0), Array(10).fill(1)), 'sustained.s', 0, 1, 0.95)!;
    expect(d.mean).toBe(1);
    expect(d.high).toBe(1);
    expect(d.low).toBeLessThan(0.8);
  });

  it('other outcomes keep the paired t interval', () => {
    const low = [0.1, 0.2, 0.15, 0.3];
    const high = [0.2, 0.25, 0.3, 0.35];
    const d = sweepPairedDifference(table('live_share', low, high), 'live_share', 0, 1, 0.95)!;
    const t = pairedDifference(low, high, 0.95);
    expect([d.mean, d.low, d.high]).toEqual([t.diff_mean, t.diff_ci_low, t.diff_ci_high]);
  });
});
