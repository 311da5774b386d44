/**
 * The sweep's terminal table shows a share's 95 % interval clipped to
 * [0, 1], as the reports do: with 5 replications a t interval of
 * `routinized_share` printed `0.029 (-0.001 to 0.059)`. sweep_summary.csv
 * keeps the interval as computed (docs/OUTPUTS.md), and a note under the
 * table says so when a printed end was clipped. Counts are not shares and
 * are printed as computed.
 */
import { describe, expect, it } from 'vitest';
import { formatSweepTable } from '../../src/cli/sweep.js';
import { isUnitOutcome } from '../../src/report/format.js';
import { UNIT_METRICS } from '../../src/model/observation.js';
import { HORIZON_METRICS } from '../../src/report/report-model.js';
import type { DesignRows } from '../../src/store/sweep-store.js';

function rows(values: Record<string, number | null>, outcomes: string[]): DesignRows {
  return { factors: ['parameters.a'], outcomes, points: [{ point: 3, replication: -1, n: 5, values: { 'parameters.a': 0.5, ...values } }], sensitivity: [] };
}

describe("the sweep's terminal table", () => {
  it("clips a share's interval to [0, 1] and says that the file holds it as computed", () => {
    const table = formatSweepTable(rows({ routinized_share_mean: 0.029, routinized_share_ci_low: -0.001, routinized_share_ci_high: 0.059 }, ['routinized_share']), '/x/sweep_summary.csv');
    const lines = table.split('\n');
    expect(lines[2]).toMatch(/ 0\.029 \(0 to 0\.059\)$/);
    expect(table).not.toContain('-0.001');
    expect(lines[3]).toBe('(intervals of shares shown clipped to [0, 1]; sweep_summary.csv holds them as computed)');
    const high = formatSweepTable(rows({ live_share_mean: 0.99, live_share_ci_low: 0.97, live_share_ci_high: 1.012 }, ['live_share']), 'f');
    expect(high.split('\n')[2]).toMatch(/ 0\.99 \(0\.97 to 1\)$/);
  });

  it('leaves counts as computed, and adds no note when nothing printed changed', () => {
    const count = formatSweepTable(rows({ 'discontinuations.hazard_mean': 0.2, 'discontinuations.hazard_ci_low': -0.1, 'discontinuations.hazard_ci_high': 0.5 }, ['discontinuations.hazard']), 'f');
    expect(count.split('\n')[2]).toMatch(/ 0\.2 \(-0\.1 to 0\.5\)$/);
    expect(count).not.toContain('clipped');
    // -0.0001 prints as 0 either way: no note.
    const dust = formatSweepTable(rows({ live_share_mean: 0.01, live_share_ci_low: -0.0001, live_share_ci_high: 0.02 }, ['live_share']), 'f');
    expect(dust.split('\n')[2]).toMatch(/ 0\.01 \(0 to 0\.02\)$/);
    expect(dust).not.toContain('clipped');
  });

  it('treats as shares what the report clips, and the outcome shares', () => {
    expect([...UNIT_METRICS].sort()).toEqual([...HORIZON_METRICS].sort());
    for (const o of ['sustained.e-office', 'routinized_share', 'cumulative.e-office', 'vision', 'mean_usage']) expect(isUnitOutcome(o), o).toBe(true);
    for (const o of ['sustained_count', 'discontinuations.total', 'live.e-office', 'budget', 'new_adoptions']) expect(isUnitOutcome(o), o).toBe(false);
  });
});
