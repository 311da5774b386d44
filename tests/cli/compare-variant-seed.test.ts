/**
 * `difusi compare base.yaml variant.yaml`: every arm runs the base's seed and replication count
 * (common random numbers), so a variant file's own `seed:` and `replications:` are not used. That
 * was documented in general but passed without a word; it is now warned, naming the file and values.
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs): the tests
 * check only what it prints, its exit code and what it writes, and starting
 * a process for each cost most of their time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CITY, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const dir = cliTestFolder('difusi-variant-seed-');

function arms(variantSeed: string, variantReplications: string): [string, string] {
  const text = readFileSync(SMALL_CITY, 'utf8').replace('replications: 6', 'replications: 2');
  const base = join(dir(), 'base.yaml');
  const variant = join(dir(), `variant-${variantSeed}-${variantReplications}.yaml`);
  writeFileSync(base, text);
  let v = text.replace('seed: 7', variantSeed === '-' ? '' : `seed: ${variantSeed}`).replace('replications: 2', variantReplications === '-' ? '' : `replications: ${variantReplications}`);
  v = v.replace(/^name: .*$/m, 'name: variant-city');
  writeFileSync(variant, v);
  return [base, variant];
}

describe('compare: a variant file with its own seed or replication count', () => {
  it('warns that they are not used, naming the file and the values every arm runs', async () => {
    const [base, variant] = arms('999', '9');
    const r = await runInProcess(['compare', base, variant, '--out', join(dir(), 'out1'), '--quiet', '--no-charts', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`⚠ ${variant} (arm variant-city): its own seed 999 and replications 9 are not used: every arm runs the base's seed 7 and 2 replications`);
    expect(r.stdout).toMatch(/2 replications per arm, seed 7/);
  }, 120_000);

  it('says nothing when the variant file gives the same values or none', async () => {
    for (const [seed, reps] of [['7', '2'], ['-', '-']] as const) {
      const [base, variant] = arms(seed, reps);
      const r = await runInProcess(['compare', base, variant, '--out', join(dir(), `out-${seed}`), '--quiet', '--no-charts', '--workers', '1']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/are not used/);
    }
  }, 120_000);
});
