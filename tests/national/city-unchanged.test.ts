/**
 * A one-city scenario runs exactly as before the national level existed:
 * the hashes below are of three replications' series, outcomes, agents and
 * events of two frozen copies of city scenarios, computed on commit 9a27ce5
 * (before the national level). A deliberate change of city results must
 * update them, and say so.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { compile } from '../../src/model/compile.js';
import { simulateReplication } from '../../src/model/simulate.js';

const BEFORE: Record<string, string> = {
  'bekasi-city-frozen.yaml': 'f4520a846b879a71f12e1bd7d7a3141f401bfe06d048617e86a8b252dd3b76b8',
  'small-city-frozen.yaml': '6be216bd7282263a6e90101b2997c85fbea4e375a84c4d615bad921a3db75bcf',
};

describe('one-city scenarios are unchanged by the national level', () => {
  it.each(Object.keys(BEFORE))('%s gives the same bytes as before', (file) => {
    const { scenario } = readScenarioFile(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url)));
    const model = compile(scenario);
    const h = createHash('sha256');
    for (const r of [0, 1, 2]) {
      const res = simulateReplication(model, scenario.seed, r, { detail: true });
      h.update(Buffer.from(res.series.buffer));
      h.update(JSON.stringify(res.outcomes));
      h.update(JSON.stringify(res.agents));
      h.update(JSON.stringify(res.events));
    }
    expect(h.digest('hex')).toBe(BEFORE[file]);
  });
});
