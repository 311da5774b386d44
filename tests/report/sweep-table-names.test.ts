/**
 * The sweep and sensitivity tables name their columns as a reader says
 * them: a factor without its `parameters.` prefix, an outcome by its name
 * (a service by its scenario name), in both languages; sweep.csv keeps the
 * field names.
 */
import { describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { fixture, SWEEP_DIR } from './helpers.js';

async function sweepResults(): Promise<ResultSet> {
  const base = await fixture(SWEEP_DIR);
  const sweep = base.sweep!;
  const rename: Record<string, string> = { sustained_share: 'live_share', live_end: 'sustained.smart-health' };
  return {
    ...base,
    sweep: {
      parameters: sweep.parameters,
      outcomes: sweep.outcomes.map((o) => rename[o] ?? o),
      rows: sweep.rows.map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [rename[k] ?? k, v])) })),
    },
  };
}

describe('sweep table column names', () => {
  test('factors without parameters., outcomes by name (en, id)', async () => {
    const results = await sweepResults();
    expect(results.sweep!.parameters.some((p) => p.startsWith('parameters.'))).toBe(true);
    const table = reportModel(results, buildCharts(results)).tables.find((t) => t.id === 'sweep')!;
    expect(table.columns.some((c) => c.startsWith('parameters.'))).toBe(false);
    expect(table.columns).toContain('bass_q');
    expect(table.columns).toContain('services in use (share of eligible agency-service pairs)');
    expect(table.columns.some((c) => /sustained \(probability\)$/.test(c) && !c.includes('sustained.'))).toBe(true);
    const id = reportModel(results, buildCharts(results, 'id'), 'id').tables.find((t) => t.id === 'sweep')!;
    expect(id.columns.some((c) => c.startsWith('parameters.') || c === 'live_share')).toBe(false);
  });
});
