/**
 * A lever naming a list entry the scenario does not have (a copy of Bekasi
 * with `budget_shocks: []`) is a warning of `difusi validate`
 * (tests/scenario/dangling-levers.test.ts); `run`, `compare`, `sweep` and
 * `sensitivity` used to accept the edited file silently. Each now prints the
 * same ⚠ line on stderr, once, and still succeeds. An experiment variant whose
 * `set` removes an entry on purpose (the shipped no-leadership-change) is no
 * edit of the file: no warning. The command runs in the test's own process
 * (runInProcess, on the built code a process runs), since only what it
 * prints and its exit code are checked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');
const NO_SHOCK = readFileSync(BEKASI, 'utf8').replace(/^budget_shocks:\n(?: {2}.*\n)+/m, 'budget_shocks: []\n');
const WARN_SHOCK = 'levers[4] (path budget_shocks[0].factor) names no value of this scenario: the explorer leaves it out (levers are controls of the explorer; no result changes)';

const folder = cliTestFolder('difusi-lever-warnings-');

/** The edited copy of Bekasi, and an experiment over it of the given design. */
function edited(): { dir: string; file: string; experiment: (design: string) => string } {
  const dir = folder();
  const file = join(dir, 'bekasi-no-shock.yaml');
  writeFileSync(file, NO_SHOCK);
  const experiment = (design: string) => {
    const path = join(dir, 'design.yaml');
    writeFileSync(path, `name: lever-check\nbase: bekasi-no-shock.yaml\nreplications: 1\noutcomes: [live_share]\ndesign:\n${design}`);
    return path;
  };
  return { dir, file, experiment };
}

/** The ⚠ lines about levers on stderr. */
function leverLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.includes('levers['));
}

describe('the dangling-lever warning of validate, from the commands that run a scenario', () => {
  it('run: one ⚠ line, exit 0; with --precision too', async () => {
    const { dir, file } = edited();
    const r = await runInProcess(['run', file, '-r', '1', '-q', '--no-charts', '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(leverLines(r.stderr)).toEqual([`⚠ ${file}: ${WARN_SHOCK}`]);
    expect(r.stdout).not.toContain('levers[');
    const p = await runInProcess(['run', file, '--precision', '5', '--max-replications', '10', '-q', '--no-charts', '--out', join(dir, 'p')]);
    expect(p.code, p.stderr).toBe(0);
    expect(leverLines(p.stderr)).toEqual([`⚠ ${file}: ${WARN_SHOCK}`]);
  }, 120_000);

  it('compare of scenario files: once for the edited file, in either arm; none for the shipped one', async () => {
    const { dir, file } = edited();
    const r = await runInProcess(['compare', file, BEKASI, '-r', '1', '-q', '--no-charts', '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(leverLines(r.stderr)).toEqual([`⚠ ${file}: ${WARN_SHOCK}`]);
    const both = await runInProcess(['compare', BEKASI, file, file, '-r', '1', '-q', '--no-charts', '--out', join(dir, 'both')]);
    expect(both.code, both.stderr).toBe(0);
    expect(leverLines(both.stderr)).toEqual([`⚠ ${file}: ${WARN_SHOCK}`]);
  }, 120_000);

  it('compare of the shipped no-leadership-change experiment: its variant removes the acting mayor by set, no warning', async () => {
    const { dir } = edited();
    const r = await runInProcess(['compare', join(ROOT, 'experiments', 'bekasi-no-leadership-change.yaml'), '-r', '1', '-q', '--no-charts', '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(leverLines(r.stderr)).toEqual([]);
  }, 120_000);

  it('sweep and sensitivity over an experiment whose base is the edited file: one ⚠ line each', async () => {
    const { dir, file, experiment } = edited();
    const grid = experiment('  method: grid\n  factors:\n    - { name: parameters.takeover_vendor, values: [0, 1] }\n');
    const s = await runInProcess(['sweep', grid, '-q', '--no-charts', '--out', join(dir, 'sweep')]);
    expect(s.code, s.stderr).toBe(0);
    expect(leverLines(s.stderr)).toEqual([`⚠ ${file}: ${WARN_SHOCK}`]);
    const morris = experiment('  method: morris\n  trajectories: 2\n  levels: 4\n  factors:\n    - { name: parameters.takeover_vendor, min: 0, max: 1 }\n');
    const m = await runInProcess(['sensitivity', morris, '-q', '--no-charts', '--out', join(dir, 'sensitivity')]);
    expect(m.code, m.stderr).toBe(0);
    expect(leverLines(m.stderr)).toEqual([`⚠ ${file}: ${WARN_SHOCK}`]);
  }, 120_000);
});
