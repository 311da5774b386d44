/**
 * Every shipped scenario (scenarios/**, the generated schema aside) validates
 * and runs: two replications through the library, one outcome row per
 * innovation, finite metrics. Found at run time, so new scenarios are covered.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { compile } from '../../src/model/compile.js';
import { metricNames } from '../../src/model/observation.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { formatIssues, UserError } from '../../src/messages/catalog.js';
import { isNationalFile } from '../../src/store/national-file.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(SCENARIOS, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.split(/[\\/]/).includes('schema'))
  // National files (docs/NATIONAL.md) have their own tests (tests/national/).
  .filter((f) => !isNationalFile(join(SCENARIOS, f)))
  .sort();

describe('shipped scenarios', () => {
  it('there are shipped scenarios to check', () => {
    expect(files).toContain('validation/bass-complete.yaml');
  });

  it.each(files)('%s validates and runs 2 replications', (file) => {
    let loaded;
    try {
      loaded = readScenarioFile(join(SCENARIOS, file));
    } catch (error) {
      if (error instanceof UserError) expect.fail(formatIssues(error.issues));
      throw error;
    }
    const { scenario } = loaded;
    const model = compile(scenario);
    const width = metricNames(model).length;
    for (const r of [0, 1]) {
      const res = simulateReplication(model, scenario.seed, r, { detail: true });
      expect(res.outcomes.map((o) => o.innovation)).toEqual(scenario.innovations.map((x) => x.id));
      expect(res.series.length).toBe(scenario.months * width);
      const bad = res.series.findIndex((x) => !Number.isFinite(x));
      expect(bad, `non-finite metric ${metricNames(model)[bad % width]} in month ${Math.floor(bad / width) + 1}`).toBe(-1);
      expect(res.agents).toHaveLength(model.opds.length);
    }
  });
});
