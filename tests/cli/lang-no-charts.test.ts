/**
 * `--lang id` asks for a report in Bahasa Indonesia; `--no-charts` writes no
 * report. Together they used to write nothing and say nothing, so a planning
 * officer who asked for the Indonesian report found none. The commands now
 * say so in one ⚠ line on stderr, with the command that writes the report
 * later; exit code and stdout are as without --lang, and that command works.
 * run, compare, sweep, sensitivity and merge share one place for it
 * (src/cli/report.ts reportAfter); national, national-merge and
 * national-compare call it themselves.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, cliTestFolder, runBin } from '../support/cli.js';

const folder = cliTestFolder('difusi-lang-no-charts-');
const SMALL_NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/** The folder a command printed on its `results:` line. */
const resultsDir = (stdout: string): string => /^results: (.*)$/m.exec(stdout)![1]!;
const warnings = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('⚠'));
const expected = (dir: string) => `⚠ ${dir}: --lang id has no effect with --no-charts (no report is written); write the report later with: difusi report ${dir} --lang id`;

describe('--lang id with --no-charts', () => {
  it('run: one ⚠ line naming the folder and `difusi report <folder> --lang id`, which then writes it; stdout and exit code as without --lang', async () => {
    const out = join(folder(), 'run');
    const plain = await runBin(['run', SMALL_CITY, '-r', '1', '-q', '--no-charts', '--out', out]);
    const id = await runBin(['run', SMALL_CITY, '-r', '1', '-q', '--no-charts', '--lang', 'id', '--out', out]);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout).toBe(plain.stdout);
    expect(warnings(plain.stderr)).toEqual([]);
    const dir = resultsDir(id.stdout);
    expect(warnings(id.stderr)).toEqual([expected(dir)]);
    expect(existsSync(join(dir, 'report.id.html'))).toBe(false);
    const report = await runBin(['report', dir, '--lang', 'id', '--no-png']);
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(dir, 'report.id.html'))).toBe(true);
    // With the charts, the report is written and nothing is said.
    const charts = await runBin(['run', SMALL_CITY, '-r', '1', '-q', '--lang', 'id', '--out', join(folder(), 'charts')]);
    expect(charts.code, charts.stderr).toBe(0);
    expect(warnings(charts.stderr)).toEqual([]);
  }, 180_000);

  it('national: the same line, and the report written later from the folder', async () => {
    const out = join(folder(), 'national');
    const plain = await runBin(['national', SMALL_NATIONAL, '-r', '1', '-q', '--no-charts', '--out', out]);
    const id = await runBin(['national', SMALL_NATIONAL, '-r', '1', '-q', '--no-charts', '--lang', 'id', '--out', out]);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout).toBe(plain.stdout);
    const dir = resultsDir(id.stdout);
    // The fixture's own scenario warning (its vendor leaves before a pilot ends) comes first, as without --lang.
    expect(warnings(id.stderr)).toEqual([...warnings(plain.stderr), expected(dir)]);
    const report = await runBin(['report', dir, '--lang', 'id']);
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(dir, 'report.id.html'))).toBe(true);
  }, 180_000);

  it('national-compare: the same line, and the comparison\'s report written later from its folder', async () => {
    const out = join(folder(), 'national-compare');
    const args = ['national-compare', SMALL_NATIONAL, '--set', 'national_parameters.gov_imitation=0', '-r', '1', '-q', '--no-charts', '--out', out];
    const plain = await runBin(args);
    const id = await runBin([...args, '--lang', 'id']);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout.replace(/ \(already in the store: read, not run again\)/g, '')).toBe(plain.stdout);
    const dir = resultsDir(id.stdout);
    expect(warnings(id.stderr)).toEqual([...warnings(plain.stderr), expected(dir)]);
    expect(existsSync(join(dir, 'report.id.html'))).toBe(false);
    const report = await runBin(['report', dir, '--lang', 'id']);
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(dir, 'report.id.html'))).toBe(true);
  }, 180_000);
});
