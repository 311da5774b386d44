/**
 * `difusi run --lang id` prints its outcome table in Bahasa Indonesia (the
 * Indonesian report's words), with the English table's figures row for row;
 * the `results:` line keeps its form, since scripts read it, and the folder
 * is the same one. The command lines run in the test's own process
 * (runInProcess, on the built code a process runs), since only what they
 * print is checked.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CITY, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-run-terminal-lang-');
const cells = (line: string) => line.trim().split(/\s{2,}/);

describe('run --lang id: the terminal table', () => {
  it('is in Indonesian, with the English run\'s figures, and the same results line', async () => {
    const out = join(folder(), 'run');
    const en = await runInProcess(['run', SMALL_CITY, '-r', '20', '-q', '--no-charts', '--out', out]);
    const id = await runInProcess(['run', SMALL_CITY, '-r', '20', '-q', '--no-charts', '--lang', 'id', '--out', out]);
    expect(en.code, en.stderr).toBe(0);
    expect(id.code, id.stderr).toBe(0);
    const e = en.stdout.split('\n');
    const i = id.stdout.split('\n');
    expect(i.length).toBe(e.length);
    expect(e[0]).toBe('small-city: 20 replications, seed 7');
    expect(i[0]).toBe('small-city: 20 replikasi, benih acak (seed) 7');
    expect(cells(e[2]!)).toEqual(['innovation', 'sustained (95% CI)', 'declining', 'discontinued (95% CI)', 'never']);
    expect(cells(i[2]!)).toEqual(['layanan', 'bertahan (IK 95%)', 'menurun', 'dihentikan (IK 95%)', 'tidak pernah diadopsi']);
    const rows = (lines: string[]) => lines.slice(4, lines.findIndex((l, k) => k > 3 && !/(\(\d+%-\d+%\)|\[\d+%; \d+%\])/.test(l))).map(cells);
    // The Indonesian interval form [lo; hi], read as the English (lo-hi) to compare the figures.
    const asEnglish = (r: string[]) => r.map((c) => c.replace(/\[(\d+%); (\d+%)\]/, '($1-$2)'));
    expect(rows(i).length).toBeGreaterThan(0);
    expect(rows(i).map(asEnglish)).toEqual(rows(e));
    expect(rows(i)[0]![1]).toMatch(/^\d+% \[\d+%; \d+%\]$/);
    expect(i.find((l) => l.startsWith('Proporsi replikasi'))).toBeDefined();
    expect(i.filter((l) => l.startsWith('results: '))).toEqual(e.filter((l) => l.startsWith('results: ')));
  }, 180_000);
});
