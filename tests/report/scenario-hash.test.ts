/**
 * The scenario hash a city report shows is labelled for what it is: the
 * hash of the scenario as run (overrides, seed and replication count
 * included; manifest.json's scenario.hash, unchanged), defined in the
 * glossary with how it relates to `difusi validate`; a comparison shows
 * every arm's hash, not only the base's.
 */
import { describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture, RUN_DIR } from './helpers.js';

describe('scenario hash label', () => {
  test('a run report: the manifest hash under the label "as run", with the glossary entry', async () => {
    const results = await fixture(RUN_DIR);
    const model = reportModel(results, buildCharts(results));
    const facts = new Map(model.facts);
    expect(facts.get('scenario hash as run (with overrides, seed and replication count)')).toBe(results.manifest.scenario.hash);
    expect(facts.has('scenario hash')).toBe(false);
    const entry = model.glossary.find(([term]) => term === 'scenario hash as run');
    expect(entry?.[1]).toMatch(/with the seed and the replication count/);
    expect(entry?.[1]).toMatch(/difusi validate/);
    const idModel = reportModel(results, buildCharts(results, 'id'), 'id');
    expect(new Map(idModel.facts).get(id.factLabels.runHash)).toBe(results.manifest.scenario.hash);
    expect(id.factLabels.runHash).toMatch(/seed dan jumlah replikasi/);
  });

  test("a comparison lists every arm's hash", async () => {
    const base = await fixture(COMPARE_DIR);
    const raw = { ...(base.manifest.raw as object), arms: [
      { name: 'base', hash: 'a'.repeat(64), folder: 'arms/base' },
      { name: 'mayor-stays', hash: 'b'.repeat(64), folder: 'arms/mayor-stays' },
    ] };
    const results: ResultSet = { ...base, manifest: { ...base.manifest, raw } };
    const facts = new Map(reportModel(results, buildCharts(results)).facts);
    expect(facts.get(en.factLabels.armHashes)).toBe(`base: ${'a'.repeat(12)}, mayor-stays: ${'b'.repeat(12)}`);
  });
});
