/**
 * `difusi national --lang id` (and `national-merge --lang id`) word the
 * terminal's summary in Bahasa Indonesia, as the Indonesian report words
 * P14 (report/p14-text.ts), with the same figures: a planning officer who
 * asked for Indonesian reads the verdict in Indonesian. p14.txt stays the
 * English file every folder has (its checksum is in the manifest), and the
 * `results:` line keeps its form, since scripts read it. The command lines
 * run in the test's own process (runInProcess, on the built code a process
 * runs), since only what they print and write is checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { nationalCatalog } from '../../src/report/i18n/index.js';
import { p14Reading } from '../../src/validation/p14-national.js';

const SMALL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const folder = cliTestFolder('difusi-national-terminal-lang-');
const resultsDir = (stdout: string): string => /^results: (.*)$/m.exec(stdout)![1]!;
/** Every number of a text, decimal commas read as points and thousands points dropped. */
const numbers = (text: string, decimal: ',' | '.'): number[] =>
  (text.match(decimal === ',' ? /\d+(?:\.\d{3})*(?:,\d+)?/g : /\d+(?:\.\d+)?/g) ?? []).map((x) => Number(decimal === ',' ? x.replace(/\./g, '').replace(',', '.') : x));

describe('the national terminal summary under --lang id', () => {
  it('national: Indonesian header, P14 lines and reading, the English run\'s figures; p14.txt and the results line as in English', async () => {
    const out = join(folder(), 'run');
    const en = await runInProcess(['national', SMALL, '-r', '2', '-q', '--no-charts', '--out', out]);
    const id = await runInProcess(['national', SMALL, '-r', '2', '-q', '--no-charts', '--lang', 'id', '--out', out]);
    expect(en.code, en.stderr).toBe(0);
    expect(id.code, id.stderr).toBe(0);
    const enLines = en.stdout.split('\n');
    const idLines = id.stdout.split('\n');
    expect(idLines.length).toBe(enLines.length);
    expect(enLines[0]).toMatch(/^small-national: 4 governments, 62 agencies, 2 replications, seed 11$/);
    expect(idLines[0]).toBe('small-national: 4 pemerintah daerah, 62 perangkat daerah, 2 replikasi, benih acak (seed) 11');
    // The P14 lines: each in Indonesian, with the English line's numbers.
    const p14 = readFileSync(join(resultsDir(en.stdout), 'p14.txt'), 'utf8').trim().split('\n');
    for (let i = 0; i < p14.length; i++) {
      expect(enLines[2 + i]).toBe(p14[i]);
      expect(idLines[2 + i]).not.toBe(p14[i]);
      // The same numbers (the Indonesian sentence orders them its own way).
      const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
      expect(sorted(numbers(idLines[2 + i]!, ',')), idLines[2 + i]).toEqual(sorted(numbers(p14[i]!, '.')));
    }
    expect(idLines[2]).toMatch(/^P14 total Heeks nasional .*: (DI LUAR pita acuan|di dalam pita acuan)$/);
    const reading = idLines[2 + p14.length]!;
    expect(reading).toMatch(/^P14 membandingkan proporsi ini dengan Heeks \(2003/);
    expect(reading).not.toMatch(/\b(the|and|governments)\b/);
    // Same folder, same p14.txt: the language changes the terminal only.
    expect(resultsDir(id.stdout)).toBe(resultsDir(en.stdout));
    expect(readFileSync(join(resultsDir(id.stdout), 'p14.txt'), 'utf8')).toBe(p14.join('\n') + '\n');
  }, 180_000);

  it('national-merge: the same summary in Indonesian after the merge', async () => {
    const out = join(folder(), 'shards');
    for (const s of ['0/2', '1/2']) {
      const r = await runInProcess(['national', SMALL, '-r', '2', '-q', '--no-charts', '--shard', s, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
    }
    const parts = (await import('node:fs')).readdirSync(join(out, 'small-national')).map((d) => join(out, 'small-national', d));
    const merged = await runInProcess(['national-merge', ...parts, '--no-charts', '--lang', 'id', '--out', join(folder(), 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    const lines = merged.stdout.split('\n');
    expect(lines[0]).toBe('2 bagian digabung, 2 replikasi');
    expect(lines[2]).toMatch(/^P14 total Heeks nasional dari \d+ pasangan pemerintah daerah–layanan dalam 2 replikasi/);
    expect(merged.stdout).toMatch(/^results: /m);
  }, 180_000);

  it('the Indonesian reading gives each verdict, as the English one does', () => {
    const idReading = nationalCatalog('id').terminalP14Reading;
    const enReading = nationalCatalog('en').terminalP14Reading;
    for (const [totals, spread] of [[true, true], [true, false], [false, true], [false, false]] as const) {
      expect(enReading(totals, spread)).toBe(p14Reading({ totalsPass: totals, spreadPass: spread }));
      expect(idReading(totals, spread)).not.toContain('\n');
    }
    expect(idReading(true, true)).toContain('Simulasi ini mereproduksinya');
    expect(idReading(false, true)).toContain('tidak mereproduksinya (total keberhasilan dan kegagalan menurut Heeks di luar pita acuan)');
    expect(idReading(true, false)).toContain('tidak mereproduksinya (sebaran antarpemerintah daerah tidak cukup lebar)');
    expect(idReading(false, false)).toContain('(total keberhasilan dan kegagalan menurut Heeks di luar pita acuan, dan sebaran antarpemerintah daerah tidak cukup lebar)');
  });
});
