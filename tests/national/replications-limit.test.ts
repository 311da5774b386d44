/**
 * A national run's replications, as a city run's: at most MAX_REPLICATIONS
 * (100,000). `national` and `national-compare` took any -r, and the file's
 * `replications:` any whole number: 10^9 ran out of memory (FATAL ERROR ...
 * heap out of memory, exit 134, a lock left by national-compare), and
 * `national --check -r 100001` passed. Now one line, exit 2, nothing
 * written: -r in the city commands' words and code, the file's field at its
 * line. Nothing here runs a replication: the checks and validate only.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { MAX_REPLICATIONS } from '../../src/scenario/limits.js';
import { cliTestFolder, refusedInOneLine, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-national-replications-');
const SMALL = readFileSync(join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'), 'utf8');
const TOO_MANY = MESSAGES.too_many('replications', '100,000');

/** The small national file with `replications: n`, in the test's folder. */
const withReplications = (n: number): string => {
  const file = join(folder(), `replications-${n}.yaml`);
  writeFileSync(file, SMALL.replace(/^replications: 6$/m, `replications: ${n}`));
  return file;
};
const line = SMALL.split('\n').indexOf('replications: 6') + 1;

describe('national replications, at most 100,000', () => {
  it('the limit is the city commands\' own', () => expect(MAX_REPLICATIONS).toBe(100_000));

  it('-r 100001: refused by national, national --check and national-compare, as a city run refuses it, with nothing written', async () => {
    const file = withReplications(6);
    const expected = `✗ command line --replications: ${TOO_MANY} → at replications (found 100001)`;
    // The city commands' words and code.
    expect(refusedInOneLine(await runInProcess(['run', join(ROOT, 'tests', 'support', 'small-city.yaml'), '-r', '100001', '--out', join(folder(), 'city')]))).toBe(expected);
    const out = join(folder(), 'out');
    expect(refusedInOneLine(await runInProcess(['national', file, '-r', '100001', '--no-charts', '--out', out]))).toBe(expected);
    expect(refusedInOneLine(await runInProcess(['national', file, '--check', '-r', '100001']))).toBe(expected);
    expect(refusedInOneLine(await runInProcess(['national-compare', file, '--set', 'national_parameters.gov_imitation=0', '-r', '100001', '--no-charts', '--out', out]))).toBe(expected);
    expect(refusedInOneLine(await runInProcess(['national', file, '-r', '1000000000', '--no-charts', '--out', out]))).toBe(`✗ command line --replications: ${TOO_MANY} → at replications (found 1000000000)`);
    expect(existsSync(out)).toBe(false);
  });

  it("the file's replications: 100001 is refused at its line, by validate, national --check, national and national-compare", async () => {
    const file = withReplications(100_001);
    const expected = `✗ ${file}:${line}:15 ${TOO_MANY} → at replications (found 100001)`;
    const out = join(folder(), 'out-file');
    expect(refusedInOneLine(await runInProcess(['validate', file]))).toBe(expected);
    expect(refusedInOneLine(await runInProcess(['national', file, '--check']))).toBe(expected);
    expect(refusedInOneLine(await runInProcess(['national', file, '--no-charts', '--out', out]))).toBe(expected);
    expect(refusedInOneLine(await runInProcess(['national-compare', file, '--set', 'national_parameters.gov_imitation=0', '--no-charts', '--out', out]))).toBe(expected);
    expect(existsSync(out)).toBe(false);
    // A --set of the field names the --set.
    expect(refusedInOneLine(await runInProcess(['national', withReplications(6), '--check', '--set', 'replications=100001']))).toBe(`✗ override replications: ${TOO_MANY} → at replications (found 100001)`);
  });

  it('100,000 is not refused by the checks (nothing is run)', async () => {
    const r = await runInProcess(['national', withReplications(6), '--check', '-r', '100000']);
    expect(r.code, r.stderr).toBe(0);
    const file = withReplications(100_000);
    for (const args of [['validate', file], ['national', file, '--check']]) {
      const ok = await runInProcess(args);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^✓ /);
    }
  });
});
