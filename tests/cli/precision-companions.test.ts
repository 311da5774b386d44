/**
 * `--precision-outcome` and `--max-replications` only shape what `--precision`
 * does. Given without it they were ignored without a word, even with a value
 * that is no count at all (`--max-replications x`), and the run went ahead
 * with its fixed count. Refused in one line naming the option and what it
 * needs, exit code 2, nothing written, by `run` and `compare`. With
 * `--precision` both still work, and the outcome's default (live_share)
 * still applies when it is left out (controls).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CITY, cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-precision-companions-');
let dir = '';
beforeAll(() => {
  dir = folder();
});

describe('--precision-outcome and --max-replications need --precision', () => {
  for (const [option, value] of [
    ['--max-replications', 'x'],
    ['--max-replications', '50'],
    ['--precision-outcome', 'live_share'],
  ] as const) {
    it(`run ${option} ${value} without --precision is refused in one line`, async () => {
      const out = join(dir, `run-${option.slice(2)}-${value}`);
      const line = refusedInOneLine(await runInProcess(['run', SMALL_CITY, '-r', '2', option, value, '--out', out]));
      expect(line).toContain(`${option} needs --precision`);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('compare --max-replications without --precision is refused too', async () => {
    const out = join(dir, 'compare');
    const line = refusedInOneLine(await runInProcess(['compare', SMALL_CITY, SMALL_CITY, '--max-replications', '20', '--out', out]));
    expect(line).toContain('--max-replications needs --precision');
    expect(existsSync(out)).toBe(false);
  });

  it('with --precision, the companions and their defaults still apply (control)', async () => {
    const given = await runInProcess(['run', SMALL_CITY, '--precision', '0.9', '--precision-outcome', 'routinized_share', '--max-replications', '20', '--out', join(dir, 'given'), '--no-charts']);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout).toMatch(/of routinized_share/);
    const defaults = await runInProcess(['run', SMALL_CITY, '--precision', '0.9', '--out', join(dir, 'defaults'), '--no-charts']);
    expect(defaults.code, defaults.stderr).toBe(0);
    expect(defaults.stdout).toMatch(/of live_share/);
  });
});
