/**
 * STYLE habit 2 / MODEL.md 9: every draw comes from a keyed stream. A full
 * replication (threshold and Bass mode, and the in-thread replicate() of the
 * experiment layer) never calls Math.random, and no source file under src/
 * mentions it outside comments.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { compile } from '../../src/model/compile.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { replicate } from '../../src/experiment/replicate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCENARIOS = [
  'tests/support/small-city.yaml',
  'tests/fixtures/scenarios/full.yaml',
  'scenarios/validation/bass-complete.yaml',
];

afterEach(() => vi.restoreAllMocks());

describe('Math.random is never called', () => {
  it('during full replications of threshold and Bass scenarios (spy: 0 calls)', async () => {
    const spy = vi.spyOn(Math, 'random');
    let replications = 0;
    for (const file of SCENARIOS) {
      // Bass: 120 months of 2,000 agencies is more than needed; 24 months show the same code.
      const { scenario, hash } = readScenarioFile(join(ROOT, file), file.includes('bass') ? { months: 24 } : {});
      const model = compile(scenario);
      for (let r = 0; r < 2; r++) {
        const res = simulateReplication(model, scenario.seed, r, { detail: true });
        expect(res.series.length).toBeGreaterThan(0);
        replications++;
      }
      await replicate({
        scenario,
        hash,
        seed: scenario.seed,
        indices: [2, 3],
        detailReplications: 3,
        workers: 1,
        onResult: () => replications++,
      });
    }
    expect(replications).toBe(SCENARIOS.length * 4);
    expect(spy).toHaveBeenCalledTimes(0);
  });
});

const MATH_RANDOM = /\bMath\s*(?:\.\s*random\b|\[\s*['"`]random['"`]\s*\])/;

describe('no source file under src/ mentions Math.random', () => {
  it('the pattern catches what it must', () => {
    expect(MATH_RANDOM.test('const x = Math.random();')).toBe(true);
    expect(MATH_RANDOM.test("const r = Math['random'];")).toBe(true);
    expect(MATH_RANDOM.test('const y = Math . random;')).toBe(true);
    expect(MATH_RANDOM.test('// Math.random in a comment counts too')).toBe(true);
    expect(MATH_RANDOM.test('const z = Math.max(1, 2);')).toBe(false);
  });

  // Stricter than "never called": not even a comment names it, so a plain
  // grep of src/ finds nothing to check by hand.
  it('static check of every .ts file, comments included', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|js|mjs|cjs)$/.test(f))
      .map((f) => join(ROOT, 'src', f));
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.filter((f) => MATH_RANDOM.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
