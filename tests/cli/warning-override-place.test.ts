/**
 * A warning only a `--set` gives names that --set, not the scenario file as
 * if the file said it: `difusi run <file> --set parameters.theta_sd=0`
 * warned "⚠ <file>: parameters.theta_sd is 0: every agency ... late
 * majority" though the file says nothing of theta_sd. Now it is "⚠ command
 * line --set parameters.theta_sd: ...", as sweep and compare name a --set's
 * warning; one the file as written gives still names the file. The same for
 * `--precision`, `validate`, `national`, `national --check` and `validate`
 * of a national file. The command lines run in the test's own process
 * (runInProcess, on the built code a process runs), since only what they
 * print and their exit codes are checked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLineWarningPlace, readScenarioFile } from '../../src/store/scenario-file.js';
import { cliTestFolder, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-warning-place-');
const PILOT = join(ROOT, 'tests', 'experiment', 'fixtures', 'pilot.yaml');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const THETA = ['--set', 'parameters.theta_sd=0'];
const WARNING = 'parameters.theta_sd is 0: every agency';

/** The lines of stderr holding the theta_sd warning. */
async function thetaLines(args: readonly string[]): Promise<string[]> {
  const r = await runInProcess(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stderr.split('\n').filter((l) => l.includes(WARNING));
}

describe('a warning only a --set gives names the --set', () => {
  it('run, run --precision and validate of a city file', async () => {
    const out = join(folder(), 'city');
    for (const args of [
      ['run', PILOT, ...THETA, '-r', '1', '--no-charts', '--quiet', '--out', out],
      ['run', PILOT, ...THETA, '--precision', '0.9', '--max-replications', '10', '--no-charts', '--quiet', '--out', out],
      ['validate', PILOT, '-s', '3', ...THETA],
    ]) {
      const lines = await thetaLines(args);
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0], args.join(' ')).toMatch(/^⚠ command line --set parameters\.theta_sd: parameters\.theta_sd is 0: /);
    }
  }, 120_000);

  it('a warning the file as written gives names the file, with a --set or without', async () => {
    const file = join(folder(), 'flat.yaml');
    writeFileSync(file, `${readFileSync(PILOT, 'utf8')}\nparameters:\n  theta_sd: 0\n`);
    for (const args of [
      ['run', file, '--set', 'parameters.leader_hazard=0.2', '-r', '1', '--no-charts', '--quiet', '--out', join(folder(), 'flat')],
      ['run', file, ...THETA, '-r', '1', '--no-charts', '--quiet', '--out', join(folder(), 'flat')],
      ['validate', file, '--set', 'parameters.leader_hazard=0.2'],
    ]) {
      expect(await thetaLines(args), args.join(' ')).toEqual([expect.stringMatching(new RegExp(`^⚠ ${escape(file)}: parameters\\.theta_sd is 0: `))]);
    }
  }, 120_000);

  it('national, national --check and validate of a national file', async () => {
    for (const args of [
      ['national', NATIONAL, ...THETA, '-r', '1', '--no-charts', '--quiet', '--out', join(folder(), 'national')],
      ['national', NATIONAL, ...THETA, '--check'],
      ['validate', NATIONAL, ...THETA],
    ]) {
      const r = await runInProcess(args);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stderr.split('\n');
      expect(lines.filter((l) => l.includes(WARNING)), args.join(' ')).toEqual([expect.stringMatching(/^⚠ command line --set parameters\.theta_sd: all 4 governments: parameters\.theta_sd is 0: /)]);
      // The fixture's own warning (its vendor leaves before the pilot ends) still names the file.
      expect(lines.filter((l) => l.includes('leaves in 2018-06')), args.join(' ')).toEqual([expect.stringMatching(new RegExp(`^⚠ ${escape(NATIONAL)}: `))]);
    }
  }, 180_000);

  it('a warning that only several --sets give together names them all', () => {
    const overrides = { 'parameters.leader_hazard': 0.2, 'parameters.reflexivity': 0.5 };
    const file = readScenarioFile(PILOT, overrides);
    // A warning of the two changed values together (neither alone, nor the file, gives it).
    const warningsOf = (s: typeof file.scenario) =>
      [s.parameters.leader_hazard === 0.2 ? 'hazard' : '', s.parameters.leader_hazard === 0.2 && s.parameters.reflexivity === 0.5 ? 'both' : '', 'own'].filter((w) => w !== '');
    const place = commandLineWarningPlace(file, overrides, PILOT, warningsOf);
    expect(place('own')).toBeUndefined();
    expect(place('hazard')).toBe('command line --set parameters.leader_hazard');
    expect(place('both')).toBe('command line --set parameters.leader_hazard, --set parameters.reflexivity');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
