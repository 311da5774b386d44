/**
 * `--precision` watching an outcome whose mean stays 0 (here a service that
 * is never sustained): the relative half-width h / |mean| is undefined, so
 * the rule cannot stop before --max-replications. The terminal said
 * "achieved Infinity"; it says why in words. What runs, and the bytes
 * written, are those of before: a plain run of the maximum, and the
 * manifest's `achieved: null`.
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs): the tests
 * check only what it prints, its exit code and what it writes, and starting
 * a process for each cost most of their time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { precisionLine } from '../../src/cli/precision-options.js';
import { ROOT, cliTestFolder, readDataFiles, resultFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-precision-zero-');
const PILOT = join(ROOT, 'scenarios', 'discontinued-vendor-pilot.yaml');

describe('--precision with an outcome whose mean is 0', () => {
  it('run says in words why the target cannot be reached, and runs and writes what it did before', async () => {
    const common = [PILOT, '-q', '--no-charts', '-w', '1'];
    const [precise, plain] = await Promise.all([
      runInProcess(['run', ...common, '--precision', '0.05', '--precision-outcome', 'sustained.vendor-pilot', '--max-replications', '20', '--out', join(tmp(), 'precise')]),
      runInProcess(['run', ...common, '-r', '20', '--out', join(tmp(), 'plain')]),
    ]);
    expect(precise.code, precise.stderr).toBe(0);
    expect(plain.code, plain.stderr).toBe(0);
    expect(precise.stdout).toContain(
      `precision: target 0.05 for sustained.vendor-pilot NOT reached after 20 replications (the maximum): ${MESSAGES.precision_zero_mean(false)}\n`,
    );
    expect(precise.stdout).not.toContain('Infinity');
    const folder = resultFolder(join(tmp(), 'precise'), 'discontinued-vendor-pilot');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { precision: unknown };
    expect(manifest.precision).toEqual({ target: 0.05, outcome: 'sustained.vendor-pilot', replications: 20, achieved: null, reached: false });
    const same = resultFolder(join(tmp(), 'plain'), 'discontinued-vendor-pilot');
    expect(folder.slice(join(tmp(), 'precise').length)).toBe(same.slice(join(tmp(), 'plain').length));
    expect(readDataFiles(folder)).toEqual(readDataFiles(same));
  }, 60_000);

  it('the line: an arm of a comparison, a finite miss and a reached target as before', () => {
    const report = { target: 0.05, outcome: 'sustained.x', replications: 40, reached: false };
    expect(precisionLine({ ...report, achieved: Number.POSITIVE_INFINITY }, true)).toBe(
      `precision: target 0.05 for sustained.x NOT reached after 40 replications (the maximum): ${MESSAGES.precision_zero_mean(true)}`,
    );
    expect(MESSAGES.precision_zero_mean(true)).toMatch(/^its mean is 0 in an arm, /);
    expect(precisionLine({ ...report, achieved: 0.12345 })).toBe('precision: target 0.05 for sustained.x NOT reached after 40 replications (the maximum); achieved 0.1235');
    expect(precisionLine({ ...report, reached: true, achieved: 0.04 })).toBe('precision: 40 replications brought the relative 95% CI half-width of sustained.x to 0.0400 (target 0.05)');
  });
});
