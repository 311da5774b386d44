/**
 * docs/OUTPUTS.md ("Run key") says what a run's folder name is a hash of,
 * and that it is not the scenario hash `validate` prints. This test checks
 * the stated formula against the program's and the worked example (the
 * shipped Bekasi file) against the values the code computes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/index.js';
import { DEFAULT_DETAIL_REPLICATIONS, runKey } from '../../src/jobs/run.js';
import { ROOT } from '../support/cli.js';

const OUTPUTS = readFileSync(join(ROOT, 'docs', 'OUTPUTS.md'), 'utf8').replace(/\s+/g, ' ');

describe('docs/OUTPUTS.md, run key', () => {
  it('states the formula the program uses', () => {
    expect(OUTPUTS).toContain('first 12 hexadecimal characters of the sha256 of `<scenario hash>:<detail>`');
    expect(OUTPUTS).toContain(`(\`--detail\`, default ${DEFAULT_DETAIL_REPLICATIONS}, at most the replication count;`);
    const hash = 'ab'.repeat(32);
    expect(runKey(hash, 7)).toBe(createHash('sha256').update(`${hash}:7`).digest('hex').slice(0, 12));
  });

  it("gives the shipped Bekasi file's validate hash and npm start folder as the code computes them", () => {
    const { hash, scenario } = readScenario(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'));
    const key = runKey(hash, Math.min(scenario.replications, DEFAULT_DETAIL_REPLICATIONS));
    expect(key).not.toBe(hash.slice(0, 12));
    expect(OUTPUTS).toContain(`(\`(hash ${hash.slice(0, 12)})\` for \`scenarios/bekasi-2015-2025.yaml\`)`);
    expect(OUTPUTS).toContain(`is run by \`npm start\` into \`output/bekasi-2015-2025/${key}/\``);
  });
});
