/**
 * `difusi generate-national` refuses area tables it used to turn into an
 * invalid scenario with exit 0 (a province code given twice wrote each of
 * its regencies twice; an empty or over-long name an invalid id or name), or
 * into a wrong one (a district row given twice was counted twice): one line
 * naming the table and its line (both lines for a code given twice), exit 2,
 * nothing written. As a backstop, the scenario is validated before it is
 * written (generatedProblem).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, UserError } from '../../src/messages/catalog.js';
import { generateNational, generatedProblem } from '../../src/jobs/generate-national.js';
import { cliTestFolder, refusedInOneLine, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-gen-bad-area-');
const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');

/** A copy of the shipped area tables in folder `name` (the public lists beside it), `edit` applied to `file`'s lines. */
function areaCopy(name: string, file: string, edit: (lines: string[]) => void): string {
  const root = join(folder(), name);
  const idn = join(root, 'idn-area');
  mkdirSync(idn, { recursive: true });
  for (const f of ['provinces.csv', 'regencies.csv', 'districts.csv']) copyFileSync(join(ROOT, 'data', 'idn-area', f), join(idn, f));
  cpSync(join(ROOT, 'data', 'public-lists'), join(root, 'public-lists'), { recursive: true });
  const lines = readFileSync(join(idn, file), 'utf8').split('\n');
  edit(lines);
  writeFileSync(join(idn, file), lines.join('\n'));
  return idn;
}

/** The one-line message generateNational throws for `idn`, with nothing written at `out`. */
function refusal(idn: string): string {
  const out = join(idn, '..', 'out.yaml');
  let error: unknown;
  try {
    generateNational({ dataDir: idn, bekasiFile: BEKASI, outFile: out });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UserError);
  expect(existsSync(out)).toBe(false);
  const message = (error as UserError).message;
  expect(message.split('\n')).toHaveLength(1);
  return message;
}

const lineOf = (lines: string[], ending: string) => {
  const at = lines.findIndex((l) => l.endsWith(ending));
  expect(at).toBeGreaterThan(0);
  return at;
};

describe('generate-national: a code given twice', () => {
  it('a province code: refused at the second line, naming the first; exit 2, nothing written (CLI)', async () => {
    let first = 0;
    let second = 0;
    const idn = areaCopy('dp', 'provinces.csv', (lines) => {
      first = lineOf(lines, ',ACEH') + 1;
      const last = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
      lines.splice(last, 0, '11,ACEH BARU');
      second = last + 1;
    });
    const before = readdirSync(join(idn, '..')).sort();
    const r = await runInProcess(['generate-national', '--data', idn, '--out', join(idn, '..', 'out.yaml')]);
    expect(refusedInOneLine(r)).toBe(`✗ ${join(idn, 'provinces.csv')}:${second}:1 ${MESSAGES.area_duplicate_code('province', '11', first)} (expected each province on one row)`);
    expect(readdirSync(join(idn, '..')).sort()).toEqual(before);
  }, 60_000);

  it('a regency code', () => {
    let at = 0;
    const idn = areaCopy('dr', 'regencies.csv', (lines) => {
      at = lineOf(lines, ',KABUPATEN PIDIE JAYA');
      lines[at] = lines[at]!.replace('KABUPATEN PIDIE JAYA', 'KABUPATEN PIDIE JAYA BARU');
      lines.splice(at + 1, 0, lines[at]!.replace('KABUPATEN PIDIE JAYA BARU', 'KABUPATEN PIDIE JAYA'));
    });
    expect(refusal(idn)).toBe(`✗ ${join(idn, 'regencies.csv')}:${at + 2}:1 ${MESSAGES.area_duplicate_code('regency or city', '11.18', at + 1)} (expected each regency or city on one row)`);
  });

  it('a district row given twice (it was counted as a second kecamatan)', () => {
    let n = 0;
    let code = '';
    const idn = areaCopy('dd', 'districts.csv', (lines) => {
      while (lines[lines.length - 1] === '') lines.pop();
      n = lines.length;
      code = lines[n - 1]!.split(',')[0]!;
      lines.push(lines[n - 1]!, '');
    });
    expect(refusal(idn)).toBe(`✗ ${join(idn, 'districts.csv')}:${n + 1}:1 ${MESSAGES.area_duplicate_code('district', code, n)} (expected each district on one row)`);
  });
});

describe('generate-national: a name the scenario cannot hold', () => {
  const regency = (name: string, value: string) => {
    let at = 0;
    const idn = areaCopy(name, 'regencies.csv', (lines) => {
      at = lineOf(lines, ',KABUPATEN PIDIE JAYA');
      lines[at] = lines[at]!.replace('KABUPATEN PIDIE JAYA', value);
    });
    return { idn, where: `✗ ${join(idn, 'regencies.csv')}:${at + 1}:1` };
  };

  it('an empty name', () => {
    const { idn, where } = regency('u3', '');
    expect(refusal(idn)).toBe(`${where} ${MESSAGES.area_name_empty()}`);
  });

  it('a blank name', () => {
    const { idn, where } = regency('u3b', '   ');
    expect(refusal(idn)).toBe(`${where} ${MESSAGES.area_name_empty()}`);
  });

  it('a name with no letter or digit to make an id from', () => {
    const { idn, where } = regency('u5', 'أتشيه');
    expect(refusal(idn)).toBe(`${where} ${MESSAGES.area_name_no_id('أتشيه')}`);
  });

  it('a name over 300 characters', () => {
    const long = `KABUPATEN ${'X'.repeat(400)}`;
    const { idn, where } = regency('u2', long);
    expect(refusal(idn)).toBe(`${where} ${MESSAGES.area_name_too_long(long, 410, 300)}`);
  });

  it('a province name that is over 300 characters once written "Provinsi ..."', () => {
    const name = 'A'.repeat(295);
    let at = 0;
    const idn = areaCopy('pl', 'provinces.csv', (lines) => {
      at = lineOf(lines, ',ACEH');
      lines[at] = lines[at]!.replace(',ACEH', `,${name}`);
    });
    expect(refusal(idn)).toBe(`✗ ${join(idn, 'provinces.csv')}:${at + 1}:1 ${MESSAGES.area_name_too_long(name, 304, 300)}`);
  });
});

describe('generatedProblem: the scenario is validated before it is written', () => {
  const shipped = readFileSync(join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml'), 'utf8');

  it('the shipped scenario validates', () => {
    expect(generatedProblem(shipped)).toBeUndefined();
  });

  it('a government id given twice, an empty id, a key given twice: the first problem, with its path', () => {
    const twice = shipped.replace('id: kab-aceh-tenggara,', 'id: kab-aceh-selatan,');
    expect(twice).not.toBe(shipped);
    expect(generatedProblem(twice)).toMatch(/Duplicate government id "kab-aceh-selatan" → at governments\[\d+\]\.id/);
    expect(generatedProblem(shipped.replace('id: kab-aceh-tenggara,', 'id: "",'))).toMatch(/→ at governments\[\d+\]\.id/);
    expect(generatedProblem(shipped.replace('id: kab-aceh-tenggara,', 'id: kab-aceh-tenggara, districts: -1,'))).toBeDefined();
  });
});
