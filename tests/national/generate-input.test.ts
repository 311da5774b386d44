/**
 * `difusi generate-national` on bad input, as the project's input rule has
 * it (docs/RELIABILITY.md): one line naming the file and line (or the
 * option), exit code 2, nothing written; never "internal error" with a stack
 * trace, never an input overwritten.
 *
 * - a name of a public list that matches no government of the area data
 *   (docs/NATIONAL.md, "The Indonesian scenario"), or a government given
 *   twice in the area tables, names the list or table and line, and the
 *   folder actually read (not data/idn-area when --data named another);
 * - a CSV that is not one (a stray quote, a short row) or not UTF-8;
 * - public lists missing beside --data (they are read from DIR/../public-lists);
 * - --out naming one of the command's inputs (an area table, a list, the
 *   --bekasi scenario; by another spelling, a symbolic or a hard link);
 * - --bekasi given a national file, or no valid city scenario.
 *
 * And the generated description names the city scenario --bekasi gave.
 *
 * Each command line runs in the test's process (runInProcess, tests/support/
 * in-process.ts): what it prints and writes is checked, not a process's start.
 */
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MESSAGES } from '../../src/messages/catalog.js';
import { ROOT, assertBuilt, refusedInOneLine, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

beforeAll(() => assertBuilt());

const AREA = join(ROOT, 'data', 'idn-area');
const LISTS = join(ROOT, 'data', 'public-lists');
const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');
const NATIONAL = join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml');

/** A copy of the data: <dir>/idn/*.csv and <dir>/public-lists/, as --data <dir>/idn reads them. */
function dataCopy(): { dir: string; idn: string; lists: string } {
  const dir = tempDir('difusi-gen-input-');
  const idn = join(dir, 'idn');
  mkdirSync(idn);
  for (const f of ['provinces.csv', 'regencies.csv', 'districts.csv']) copyFileSync(join(AREA, f), join(idn, f));
  cpSync(LISTS, join(dir, 'public-lists'), { recursive: true });
  return { dir, idn, lists: join(dir, 'public-lists') };
}

const regencyLines = () => readFileSync(join(AREA, 'regencies.csv'), 'utf8').split('\n');

/** Refused in one line, and nothing written: no scenario, no temporary file beside it. */
async function refused(args: readonly string[], outDir: string): Promise<string> {
  const before = readdirSync(outDir).sort();
  const line = refusedInOneLine(await runInProcess(['generate-national', ...args]));
  expect(readdirSync(outDir).sort()).toEqual(before);
  return line;
}

describe('generate-national on bad data', () => {
  it('a name of a public list that matches no government: the list, its line, and the folder read', async () => {
    const { dir, idn, lists } = dataCopy();
    writeFileSync(join(idn, 'regencies.csv'), regencyLines().filter((l) => !l.includes('KOTA SORONG')).join('\n'));
    // Its districts go with it (a district of no regency is refused in its own right).
    const code = regencyLines().find((l) => l.includes('KOTA SORONG'))!.split(',')[0]!;
    const districts = join(idn, 'districts.csv');
    writeFileSync(districts, readFileSync(districts, 'utf8').split('\n').filter((l) => l.split(',')[1] !== code).join('\n'));
    const line = await refused(['--data', idn, '--out', join(dir, 'x.yaml')], dir);
    const row = readFileSync(join(lists, 'pilkada-cycles.csv'), 'utf8').split('\n').findIndex((l) => l.split(',')[2] === 'Kota Sorong') + 1;
    expect(row).toBeGreaterThan(1);
    expect(line).toBe(`✗ ${join(lists, 'pilkada-cycles.csv')}:${row}:1 ${MESSAGES.list_name_matches('Kota Sorong', 0, idn)}`);
  });

  it('a government given twice in the area table: the table and both lines', async () => {
    const { dir, idn } = dataCopy();
    const lines = regencyLines();
    const at = lines.findIndex((l) => l.includes('KOTA SORONG'));
    writeFileSync(join(idn, 'regencies.csv'), [...lines.slice(0, at + 1), lines[at]!, ...lines.slice(at + 1)].join('\n'));
    const line = await refused(['--data', idn, '--out', join(dir, 'x.yaml')], dir);
    expect(line).toBe(`✗ ${join(idn, 'regencies.csv')}:${at + 2}:1 ${MESSAGES.area_duplicate_government('KOTA SORONG', 'kota-sorong', at + 1)}`);
  });

  it('a stray quote, a short row, or bytes that are not UTF-8 in an area table: the table and line', async () => {
    const { dir, idn } = dataCopy();
    const table = join(idn, 'regencies.csv');
    const lines = regencyLines().filter((l) => l !== '');
    const last = lines.length + 1;
    const out = join(dir, 'x.yaml');
    writeFileSync(table, [...lines, 'KABUPATEN =CMD|" /C calc"!A0,1,2', ''].join('\n'));
    expect(await refused(['--data', idn, '--out', out], dir)).toMatch(new RegExp(`^✗ ${table}:${last}:1 Not a CSV table difusi can read: Invalid Opening Quote`));
    writeFileSync(table, [...lines, '99.01,99', ''].join('\n'));
    expect(await refused(['--data', idn, '--out', out], dir)).toMatch(new RegExp(`^✗ ${table}:${last}:1 The row has 2 cells; the header has 3 \\(expected `));
    writeFileSync(table, Buffer.concat([Buffer.from([...lines, '99.01,99,KOTA '].join('\n')), Buffer.from([0xe9, 0xff, 0x0a])]));
    expect(await refused(['--data', idn, '--out', out], dir)).toBe(`✗ ${table}:${last}:15 ${MESSAGES.not_utf8()} (expected UTF-8 text (save the file as UTF-8))`);
  });

  it('a public list with an unknown cycle, or missing beside --data (DIR/../public-lists)', async () => {
    const { dir, idn, lists } = dataCopy();
    const cycles = join(lists, 'pilkada-cycles.csv');
    const text = readFileSync(cycles, 'utf8');
    writeFileSync(cycles, `${text}c2016,city,Kota Sorong,,x\n`);
    const row = text.trimEnd().split('\n').length + 1;
    expect(await refused(['--data', idn, '--out', join(dir, 'x.yaml')], dir)).toBe(
      `✗ ${cycles}:${row}:1 ${MESSAGES.list_unknown_group('cycle', 'c2016')} (expected one of c2015, c2017, c2018)`,
    );
    const alone = join(tempDir('difusi-gen-alone-'), 'idn');
    cpSync(idn, alone, { recursive: true });
    expect(await refused(['--data', alone, '--out', join(dir, 'x.yaml')], dir)).toMatch(new RegExp(`^✗ ${join(alone, '..', 'public-lists', 'pilkada-cycles.csv')} File not found`));
  });
});

describe('generate-national --out', () => {
  it('refuses a file the command reads, however it is named, and leaves it unchanged', async () => {
    const { dir, idn, lists } = dataCopy();
    const table = join(idn, 'regencies.csv');
    const city = join(dir, 'my-city.yaml');
    copyFileSync(BEKASI, city);
    symlinkSync(table, join(dir, 'table-link.csv'));
    linkSync(city, join(dir, 'city-hard.yaml'));
    const cases: [string[], string, string][] = [
      [['--data', idn, '--out', table], table, `the area table ${table}`],
      [['--data', idn, '--out', join(idn, '..', 'idn', 'regencies.csv')], table, `the area table ${table}`],
      [['--data', idn, '--out', join(dir, 'table-link.csv')], table, `the area table ${table}`],
      [['--data', idn, '--out', join(lists, 'smart-city-cohorts.csv')], join(lists, 'smart-city-cohorts.csv'), `the public list ${join(lists, 'smart-city-cohorts.csv')}`],
      [['--data', idn, '--bekasi', city, '--out', city], city, 'the city scenario given as --bekasi'],
      [['--data', idn, '--bekasi', city, '--out', join(dir, 'city-hard.yaml')], city, 'the city scenario given as --bekasi'],
    ];
    for (const [args, input, what] of cases) {
      const before = readFileSync(input);
      const out = args[args.length - 1]!;
      expect(await refused(args, dir), args.join(' ')).toBe(`✗ command line --out: ${MESSAGES.bad_output_folder(out, `it is ${what}, which this command reads`)}`);
      expect(readFileSync(input).equals(before), input).toBe(true);
    }
  });
});

describe('generate-national --bekasi', () => {
  it('refuses a national file, and a file that is no valid city scenario, as run does', async () => {
    const dir = tempDir('difusi-gen-bekasi-');
    expect(await refused(['--bekasi', NATIONAL, '--out', join(dir, 'x.yaml')], dir)).toBe(`✗ ${NATIONAL} ${MESSAGES.bekasi_not_city()}`);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(BEKASI, 'utf8').replace(/^months: .*$/m, 'months: -5'));
    const r = await runInProcess(['generate-national', '--bekasi', bad, '--out', join(dir, 'x.yaml')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^✗ ${bad}:\\d+:\\d+ .*months`));
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });

  it('names the city scenario it was given in the description (its file name, outside the working folder)', async () => {
    const dir = tempDir('difusi-gen-bekasi-');
    const city = join(dir, 'my-city.yaml');
    copyFileSync(BEKASI, city);
    const r = await runInProcess(['generate-national', '--bekasi', city, '--out', join(dir, 'x.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    const written = parse(readFileSync(join(dir, 'x.yaml'), 'utf8')) as { description: string; description_id: string };
    expect(written.description).toContain('Kota Bekasi runs its own city scenario (my-city.yaml)');
    expect(written.description_id).toContain('skenario kotanya sendiri (my-city.yaml)');
    expect(written.description).not.toContain('bekasi-2015-2025.yaml');
  });
});
