/**
 * metricCount (src/model/observation.ts) is the width of a replication's
 * series without building the names: it must equal metricNames(model).length
 * for any number of innovations, or every row after the first lands shifted.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile.js';
import { metricCount, metricNames } from '../../src/model/observation.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';

const BEKASI = fileURLToPath(new URL('../../scenarios/bekasi-2015-2025.yaml', import.meta.url));

describe('metricCount', () => {
  it('equals the number of metric names with all, one and no innovations', () => {
    const { scenario } = readScenarioFile(BEKASI);
    for (const innovations of [scenario.innovations, scenario.innovations.slice(0, 1), []]) {
      const model = compile({ ...scenario, innovations, initial_adopters: [] } as typeof scenario);
      expect(metricCount(model)).toBe(metricNames(model).length);
    }
  });

  it('is the width of a replication series', () => {
    const model = compile(readScenarioFile(BEKASI).scenario);
    const r = simulateReplication(model, 1, 0, { detail: false });
    expect(r.series.length).toBe(model.months * metricNames(model).length);
  });
});
