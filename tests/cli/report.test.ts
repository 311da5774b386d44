/**
 * `run` writes the report by default; `--no-charts` skips it; `report` on a bad folder is a user error.
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs): the tests
 * check only what it prints, its exit code and what it writes, and starting
 * a process for each cost most of their time.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CITY, assertBuilt, resultFolder, stackLines, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

beforeAll(assertBuilt);

describe('reports from the command line', () => {
  it('run writes charts, report.html and report.md and prints the report path', async () => {
    const out = tempDir('difusi-report-');
    const r = await runInProcess(['run', SMALL_CITY, '--out', out, '--quiet', '-r', '3', '-w', '1']);
    expect(r.code).toBe(0);
    const dir = resultFolder(out, 'small-city');
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'report.md'))).toBe(true);
    const charts = readdirSync(join(dir, 'charts'));
    for (const name of ['adoption', 'rogers', 'survival', 'stages', 'callon', 'learning']) {
      expect(charts).toContain(`${name}.svg`);
      expect(charts).toContain(`${name}.png`);
    }
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`report: ${join(dir, 'report.html')}`);
  });

  it('--no-charts writes the data files only', async () => {
    const out = tempDir('difusi-report-');
    const r = await runInProcess(['run', SMALL_CITY, '--out', out, '--quiet', '-r', '2', '-w', '1', '--no-charts']);
    expect(r.code).toBe(0);
    const dir = resultFolder(out, 'small-city');
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
    expect(existsSync(join(dir, 'charts'))).toBe(false);
  });

  it('report on a folder that is not a result folder exits 2 without a stack trace', async () => {
    const missing = join(tempDir('difusi-report-'), 'nothing-here');
    const r = await runInProcess(['report', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });
});
