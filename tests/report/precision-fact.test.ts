/**
 * A --precision run's report says whether its target was reached, as the terminal did: the manifest
 * recorded it, but a reader of the forwarded report saw it nowhere.
 */
import { describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { fixture, RUN_DIR } from './helpers.js';

async function withPrecision(precision: unknown): Promise<ResultSet> {
  const base = await fixture(RUN_DIR);
  return { ...base, manifest: { ...base.manifest, raw: { ...(base.manifest.raw as object), precision } } };
}

describe('the precision rule in the report facts', () => {
  test('a target not reached says NOT reached, at the maximum, with the figure achieved (both languages)', async () => {
    const results = await withPrecision({ target: 0.01, outcome: 'live_share', replications: 20, achieved: 1.44051, reached: false });
    const facts = new Map(reportModel(results, buildCharts(results)).facts);
    expect(facts.get(en.factLabels.precision)).toBe(
      "target 0.01 for live_share NOT reached: stopped at the maximum, 20 replications (achieved 1.4405: the 95 % interval's half-width relative to the mean)",
    );
    const idFacts = new Map(reportModel(results, buildCharts(results, 'id'), 'id').facts);
    expect(idFacts.get(id.factLabels.precision)).toMatch(/^target 0,01 untuk live_share TIDAK tercapai: berhenti pada batas maksimum, 20 replikasi \(nilai yang dicapai 1,4405:/);
  });

  test('a target reached says so; a mean of 0 (achieved null in JSON) is undefined, not a number', async () => {
    const reached = await withPrecision({ target: 0.05, outcome: 'live_share', replications: 160, achieved: 0.0481, reached: true });
    expect(new Map(reportModel(reached, buildCharts(reached)).facts).get(en.factLabels.precision)).toMatch(/^target 0\.05 for live_share reached after 160 replications \(achieved 0\.0481:/);
    const zero = await withPrecision({ target: 0.05, outcome: 'sustained.x', replications: 40, achieved: null, reached: false });
    expect(new Map(reportModel(zero, buildCharts(zero)).facts).get(en.factLabels.precision)).toMatch(/achieved undefined, the mean is 0:/);
  });

  test('a run without --precision has no such fact', async () => {
    const results = await fixture(RUN_DIR);
    expect(new Map(reportModel(results, buildCharts(results)).facts).has(en.factLabels.precision)).toBe(false);
  });
});
