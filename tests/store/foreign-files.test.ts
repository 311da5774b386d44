/**
 * Files a user put inside a result folder, at any depth (charts/, an arm of
 * a comparison, a national folder), are never deleted by a rerun, a merge or
 * a report: the job stops with one line naming them (exit 2) and leaves
 * every file where it was. Every command line runs in the test's process
 * (runInProcess, on the built code a process runs): the tests check what
 * the commands print, their exit codes and the folders, which need no
 * process's start-up.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, resultFolder, stackLines, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { foreignFiles } from '../../src/store/folder-lock.js';

const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

const tmp = cliTestFolder('difusi-foreign-');

/** Exit 2 with one line (after warnings) naming every path in `names`, no stack trace. */
function expectRefused(r: { code: number | null; stderr: string }, names: readonly string[], lang: 'en' | 'id' = 'en'): void {
  expect(r.code, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('⚠'));
  expect(lines, r.stderr).toHaveLength(1);
  // Under --lang id in Bahasa Indonesia (messages/issue-text.ts foreign_files).
  expect(lines[0]).toMatch(lang === 'en' ? /holds files difusi did not write/ : /memuat berkas yang tidak ditulis difusi/);
  for (const n of names) expect(lines[0]).toContain(n);
}

function put(file: string, text = 'mine\n'): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

describe('foreignFiles', () => {
  it('looks into charts folders and arms, not only the top level', () => {
    const dir = join(tmp(), 'unit');
    put(join(dir, 'manifest.json'), JSON.stringify({ files: ['summary.csv', 'manifest.json'] }));
    put(join(dir, 'summary.csv'));
    put(join(dir, 'charts', 'adoption.svg'));
    put(join(dir, 'charts', 'adoption.png'));
    put(join(dir, 'charts.id', 'national-cohorts-spbe.svg'));
    put(join(dir, 'arms', 'base', 'summary.csv'));
    expect(foreignFiles(dir)).toEqual([]);
    put(join(dir, 'charts', 'my-chart.svg'));
    put(join(dir, 'charts', 'sub', 'my.txt'));
    put(join(dir, 'charts.id', 'n.txt'));
    put(join(dir, 'arms', 'base', 'notes.txt'));
    put(join(dir, 'arms', 'stray.txt'));
    put(join(dir, 'notes.txt'));
    expect(foreignFiles(dir).sort()).toEqual(
      ['arms/base/notes.txt', 'arms/stray.txt', 'charts.id/n.txt', 'charts/my-chart.svg', 'charts/sub', 'notes.txt'].sort(),
    );
  });
});

describe.sequential('reruns keep the user files', () => {
  it('run and report refuse while charts/ holds a file no report wrote', async () => {
    const out = join(tmp(), 'run');
    const argv = ['run', SMALL_CITY, '-r', '2', '--out', out, '--quiet', '--workers', '1'];
    expect((await runInProcess(argv)).code).toBe(0);
    const dir = resultFolder(out, 'small-city');
    put(join(dir, 'charts', 'my-chart.svg'), 'my chart\n');
    put(join(dir, 'charts', 'sub', 'my.txt'));
    expectRefused(await runInProcess(argv), ['charts/my-chart.svg', 'charts/sub']);
    expectRefused(await runInProcess(['report', dir, '--no-png']), ['charts/my-chart.svg']);
    expect(readFileSync(join(dir, 'charts', 'my-chart.svg'), 'utf8')).toBe('my chart\n');
    expect(existsSync(join(dir, 'charts', 'sub', 'my.txt'))).toBe(true);
    expect(existsSync(join(dir, 'charts', 'adoption.svg'))).toBe(true);
    rmSync(join(dir, 'charts', 'my-chart.svg'));
    rmSync(join(dir, 'charts', 'sub'), { recursive: true });
    expect((await runInProcess(['report', dir, '--no-png', '--lang', 'id'])).code).toBe(0);
    put(join(dir, 'charts.id', 'n.txt'));
    expectRefused(await runInProcess(['report', dir, '--no-png', '--lang', 'id']), ['charts.id/n.txt'], 'id');
    expect(existsSync(join(dir, 'charts.id', 'n.txt'))).toBe(true);
  }, 120_000);

  it('compare refuses while an arm or charts/ holds a user file', async () => {
    const dir = join(tmp(), 'compare');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 's.yaml'), readFileSync(SMALL_CITY, 'utf8').replace(/replications: \d+/, 'replications: 2'));
    writeFileSync(join(dir, 'e.yaml'), 'name: ex\nbase: s.yaml\nvariants:\n  - name: v\n    set: { parameters.bass_q: 0.2 }\n');
    // --no-png: the report's PNGs are not what this test is about (the run above keeps them: its reruns show
    // that the PNGs difusi drew are not counted as a user's files).
    const argv = ['compare', join(dir, 'e.yaml'), '--out', join(dir, 'out'), '--quiet', '--workers', '1', '--no-png'];
    expect((await runInProcess(argv)).code).toBe(0);
    const folder = resultFolder(join(dir, 'out'), 'ex');
    put(join(folder, 'arms', 'base', 'notes.txt'));
    expectRefused(await runInProcess(argv), ['arms/base/notes.txt']);
    expect(existsSync(join(folder, 'arms', 'base', 'notes.txt'))).toBe(true);
    rmSync(join(folder, 'arms', 'base', 'notes.txt'));
    put(join(folder, 'charts', 'notes.txt'));
    expectRefused(await runInProcess(argv), ['charts/notes.txt']);
    expect(existsSync(join(folder, 'charts', 'notes.txt'))).toBe(true);
  }, 180_000);

  it('national and national-merge refuse while the folder holds user files', async () => {
    const out = join(tmp(), 'national');
    // --no-charts: the refusals are about the files a user put there, not the national charts and report (which cost time to draw).
    const argv = ['national', NATIONAL, '-r', '2', '-w', '1', '-q', '--no-charts', '--out', out];
    expect((await runInProcess(argv)).code).toBe(0);
    const dir = resultFolder(out, 'small-national');
    put(join(dir, 'notes.txt'));
    put(join(dir, 'my-analysis', 'fig.R'));
    expectRefused(await runInProcess(argv), ['notes.txt', 'my-analysis']);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
    expect(existsSync(join(dir, 'my-analysis', 'fig.R'))).toBe(true);

    const shards = join(tmp(), 'national-shards');
    // The two shards, each into its own part folder under its own lock, as an array job's tasks write them (here one after another, in the test's process).
    const shardRuns = await Promise.all([0, 1].map((i) => runInProcess([...argv.slice(0, -1), shards, '--shard', `${i}/2`])));
    for (const r of shardRuns) expect(r.code).toBe(0);
    const parts = readdirSync(join(shards, 'small-national')).map((p) => join(shards, 'small-national', p));
    // The merge writes the folder the run above wrote (the same key): refused for the same files.
    expectRefused(await runInProcess(['national-merge', ...parts, '--out', out, '-q']), ['notes.txt']);
    expect(existsSync(join(dir, 'my-analysis', 'fig.R'))).toBe(true);
  }, 180_000);
  it('a file where the result folder goes (named as its key) is refused and kept: run and national', async () => {
    const cases = [
      { out: join(tmp(), 'file-run'), name: 'small-city', argv: ['run', SMALL_CITY, '-r', '2', '--quiet', '--workers', '1', '--no-charts'] },
      { out: join(tmp(), 'file-national'), name: 'small-national', argv: ['national', NATIONAL, '-r', '2', '-w', '1', '-q', '--no-charts'] },
    ];
    // The two cases: separate --out folders, nothing shared.
    await Promise.all(
      cases.map(async (c) => {
        const argv = [...c.argv, '--out', c.out];
        expect((await runInProcess(argv)).code).toBe(0);
        const dir = resultFolder(c.out, c.name);
        rmSync(dir, { recursive: true });
        writeFileSync(dir, 'my important notes\n');
        const r = await runInProcess(argv);
        expect(r.code, r.stderr).toBe(2);
        expect(stackLines(r.stderr)).toEqual([]);
        const lines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('⚠'));
        expect(lines, r.stderr).toEqual([`✗ ${dir} is a file difusi did not write, where the result folder goes; nothing was deleted: move it away, or choose another --out`]);
        expect(readFileSync(dir, 'utf8')).toBe('my important notes\n');
      }),
    );
  }, 180_000);
});
