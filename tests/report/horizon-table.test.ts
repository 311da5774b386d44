/**
 * The report's table of city-wide metrics at the horizon: every metric lies
 * in [0, 1], so its printed 95 % interval does too, even when the t interval
 * of two replications reaches past 0 and 1 (summary.csv keeps it as computed).
 */
import { describe, expect, test } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { horizonTable } from '../../src/report/report-model.js';
import type { SummaryRow } from '../../src/store/tables.js';

/** A summary row at month 108 (the numbers of a 2-replication run of sustained-opd-owned). */
function row(metric: string, mean: number, ci_low: number | null, ci_high: number | null): SummaryRow {
  return { month: 108, date: '2024-12', metric, n: 2, mean, sd: 0.1, ci_low, ci_high, p05: 0.557, p25: 0.6, p50: 0.625, p75: 0.65, p95: 0.693 } as SummaryRow;
}

describe('horizon table', () => {
  test('a share interval past [0, 1] is printed clipped to it; one inside is printed as computed', () => {
    const table = horizonTable([row('live_share', 0.625, -0.328, 1.578), row('mean_usage', 0.971, 0.886, 1.055), row('failing_share', 0.2, 0.1, 0.3), row('vision', 0.45, null, null)], en)!;
    const ci = (metric: string) => table.rows.find((r) => r[0] === en.metric[metric as keyof typeof en.metric])![3];
    // Printed with the column's 3 decimals (format.ts columnDigits): 0.000, not 0.
    expect(ci('live_share')).toBe('0.000 – 1.000');
    expect(ci('mean_usage')).toBe('0.886 – 1.000');
    expect(ci('failing_share')).toBe('0.100 – 0.300');
    // No interval stays no interval.
    expect(ci('vision')).toBe('– – –');
    expect(table.note).toContain('clipped to [0, 1]');
    expect(horizonTable([row('live_share', 0.625, -0.328, 1.578)], id)!.note).toContain('dipotong ke [0; 1]');
  });
});
