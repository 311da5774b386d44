/**
 * `difusi generate-national`: a regency or city whose province_code names
 * no province of provinces.csv is refused in one line naming regencies.csv
 * and its line (exit 2, nothing written). It used to be left out of the
 * scenario without a word (551 governments written instead of 552).
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the tests read its refusal and what it
 * writes, which need no process of its own.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { cliTestFolder, refusedInOneLine, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-gen-orphan-');

/** A copy of the shipped area tables in folder `name`, with the public lists beside it (DIR/../public-lists). */
function areaCopy(name: string): string {
  const idn = join(folder(), name);
  mkdirSync(idn);
  for (const f of ['provinces.csv', 'regencies.csv', 'districts.csv']) copyFileSync(join(ROOT, 'data', 'idn-area', f), join(idn, f));
  cpSync(join(ROOT, 'data', 'public-lists'), join(folder(), 'public-lists'), { recursive: true });
  return idn;
}

describe('generate-national: a regency of no province', () => {
  it('refused at its line of regencies.csv, nothing written', async () => {
    const idn = areaCopy('idn');
    const lines = readFileSync(join(idn, 'regencies.csv'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.endsWith(',KABUPATEN ACEH SELATAN'));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace(/^([^,]*),[^,]*,/, '$1,99,');
    writeFileSync(join(idn, 'regencies.csv'), lines.join('\n'));
    const before = readdirSync(folder()).sort();
    const r = await runInProcess(['generate-national', '--data', idn, '--out', join(folder(), 'out.yaml')]);
    expect(refusedInOneLine(r)).toBe(
      `✗ ${join(idn, 'regencies.csv')}:${at + 1}:1 ${MESSAGES.area_unknown_province('KABUPATEN ACEH SELATAN', '99')} (expected the code of a province in provinces.csv)`,
    );
    expect(readdirSync(folder()).sort()).toEqual(before);
  }, 60_000);

  it('a district of no regency: refused at its line of districts.csv, nothing written', async () => {
    const idn = areaCopy('idn-d');
    const lines = readFileSync(join(idn, 'districts.csv'), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const at = 1;
    const cells = lines[at]!.split(',');
    cells[header.indexOf('regency_code')] = '99.99';
    lines[at] = cells.join(',');
    writeFileSync(join(idn, 'districts.csv'), lines.join('\n'));
    const before = readdirSync(folder()).sort();
    const r = await runInProcess(['generate-national', '--data', idn, '--out', join(folder(), 'out-d.yaml')]);
    expect(refusedInOneLine(r)).toBe(
      `✗ ${join(idn, 'districts.csv')}:${at + 1}:1 ${MESSAGES.area_unknown_regency(cells[header.indexOf('name')]!, '99.99')} (expected the code of a regency or city in regencies.csv)`,
    );
    expect(readdirSync(folder()).sort()).toEqual(before);
  }, 60_000);
});
