/**
 * `difusi generate-national` writes the scenario's description (English and
 * Indonesian) with the numbers of governments, provinces, regencies and
 * cities, kabupaten, kota and Jakarta's administrative ones. They are counted
 * from the area tables it reads: a smaller table gives its own counts, not
 * the 552 / 38 / 514 / 415 / 93 / 6 of idn-area-data 3.1.2 (which were once
 * written into the text, and would have gone into the ODD protocol and the
 * report of a scenario generated from other data).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateNational } from '../../src/jobs/generate-national.js';
import { ROOT } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'difusi-gen-desc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DATA = join(ROOT, 'data', 'idn-area');
const LISTS = join(ROOT, 'data', 'public-lists');

/** Names compare as the generator compares them: no case, spaces, hyphens or "Provinsi" prefix. */
const key = (s: string) =>
  s
    .toUpperCase()
    .replace(/^PROVINSI /, '')
    .replace(/[^A-Z0-9]/g, '');

const rowsOf = (file: string) => readFileSync(file, 'utf8').trim().split('\n');
const nameOf = (row: string) => row.slice(row.lastIndexOf(',') + 1);
const codeOf = (row: string) => row.split(',')[0]!;

/** A copy of the public lists in `to` without the rows that name a government left out (by its name or idn_area_name). */
function listsWithout(to: string, gone: ReadonlySet<string>): void {
  mkdirSync(to);
  for (const f of ['pilkada-cycles.csv', 'smart-city-cohorts.csv']) {
    const [head, ...rows] = rowsOf(join(LISTS, f));
    const cols = head!.split(',');
    const named = (row: string) => {
      const cells = row.split(',');
      const idn = cells[cols.indexOf('idn_area_name')]!;
      return key(idn !== '' ? idn : cells[cols.indexOf('name')]!);
    };
    writeFileSync(join(to, f), [head, ...rows.filter((row) => !gone.has(named(row)))].join('\n') + '\n');
  }
}

describe('generate-national: the counts in the description', () => {
  it('are those of the area tables it reads', () => {
    const [pHead, ...provinces] = rowsOf(join(DATA, 'provinces.csv'));
    const [rHead, ...regencies] = rowsOf(join(DATA, 'regencies.csv'));
    const [dHead, ...districts] = rowsOf(join(DATA, 'districts.csv'));
    const provinceOf = (r: string) => r.split(',')[1]!;
    // Left out: a province (with its regencies), and elsewhere a kabupaten, a kota and an administrative city.
    const province = provinces.find((p) => nameOf(p) === 'SUMATERA BARAT')!;
    const rest = regencies.filter((r) => provinceOf(r) !== codeOf(province));
    const pick = (re: RegExp) => rest.find((r) => re.test(nameOf(r)) && nameOf(r) !== 'KOTA BEKASI')!;
    const dropped = new Set([pick(/^KABUPATEN (?!ADMINISTRASI )/), pick(/^KOTA (?!ADMINISTRASI )/), pick(/^KOTA ADMINISTRASI /)].map(codeOf));
    const keptProvinces = provinces.filter((p) => p !== province);
    const keptRegencies = rest.filter((r) => !dropped.has(codeOf(r)));
    const keptCodes = new Set(keptRegencies.map(codeOf));
    const gone = new Set([province, ...regencies.filter((r) => !keptCodes.has(codeOf(r)))].map((row) => key(nameOf(row))));
    const idn = join(dir, 'idn-area');
    mkdirSync(idn);
    const write = (f: string, head: string, rows: string[]) => writeFileSync(join(idn, f), [head, ...rows].join('\n') + '\n');
    write('provinces.csv', pHead!, keptProvinces);
    write('regencies.csv', rHead!, keptRegencies);
    write('districts.csv', dHead!, districts.filter((d) => keptCodes.has(d.split(',')[1]!)));
    const lists = join(dir, 'public-lists');
    listsWithout(lists, gone);

    const out = join(dir, 'smaller.yaml');
    const r = generateNational({ dataDir: idn, listsDir: lists, bekasiFile: join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), outFile: out });
    const P = keptProvinces.length;
    const R = keptRegencies.length;
    const A = keptRegencies.filter((x) => /^(KABUPATEN|KOTA) ADMINISTRASI /.test(nameOf(x))).length;
    const kota = keptRegencies.filter((x) => /^KOTA (?!ADMINISTRASI )/.test(nameOf(x))).length;
    const kabupaten = R - A - kota;
    expect(r.governments).toBe(P + R);
    expect([P + R, P, R, A, kabupaten, kota]).not.toEqual([552, 38, 514, 6, 415, 93]);

    const file = parse(readFileSync(out, 'utf8')) as { description: string; description_id: string };
    expect(file.description).toContain(`Indonesia's ${P + R} local governments (${P} provinces, ${R} regencies and cities), 2015-2025:`);
    expect(file.description).toContain(`Of the ${R} regencies and cities, the ${A} administrative ones of DKI Jakarta`);
    expect(file.description_id).toContain(
      `${P + R} pemerintah daerah di Indonesia, 2015-2025: ${P + R - A} daerah otonom (${P} provinsi, ${kabupaten} kabupaten, ${kota} kota) dan ${A} kota/kabupaten administrasi di DKI Jakarta`,
    );
  }, 60_000);
});
