/**
 * Government names are the scenario's free text (the schema allows any
 * character in them), and the national CSVs write them (`name`,
 * `province_name`). A control character in one (C0, DEL, C1) reached the
 * CSVs raw: a NUL, an escape or a bell in a cell, a line break that made
 * one row two lines. Now a tab, line break or next line (U+0085) is
 * written as a space and the others are dropped, as the report shows the
 * name; ids cannot hold one (letters, digits, `_ . -`). The city tables
 * hold no free text, so they have no such rule.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFolder, plainName } from '../../src/store/national-tables.js';

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

const NAMES: Record<string, string> = {
  'prov-a': 'Provinsi\u0000 A\u0007\u001b[31m',
  'kota-a': 'Kota\nA\r\nBarat',
  'kab-b': 'Kabupaten\tB\u0085Timur\u007f\u009b2J',
  // A formula start behind a control character: still written as text.
  'kota-c': '\u0001=HYPERLINK("x")',
};
const WRITTEN: Record<string, string> = {
  'prov-a': 'Provinsi A[31m',
  'kota-a': 'Kota A  Barat',
  'kab-b': 'Kabupaten B Timur2J',
  'kota-c': '=HYPERLINK("x")',
};
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe('plainName', () => {
  it('writes a tab or line break as a space, drops the other control characters, and leaves other text alone', () => {
    for (const [id, name] of Object.entries(NAMES)) expect(plainName(name)).toBe(WRITTEN[id]);
    for (const s of ['Kota Bekasi', "'s-Kota, \"Barat\"", 'Kabupaten Kepulauan Seribu', 'Jawa \u2014 Barat é']) expect(plainName(s)).toBe(s);
  });
});

describe('a national run whose government names hold control characters', () => {
  let dir: string;
  beforeAll(async () => {
    assertBuilt();
    const doc = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
    for (const g of doc['governments']) g['name'] = NAMES[g['id']];
    const file = join(tempDir('difusi-ncontrol-'), 'control.yaml');
    writeFileSync(file, stringify(doc));
    dir = (await executeNationalRun({ file, outRoot: tempDir('difusi-ncontrol-out-'), workers: 1, replications: 2, command: 'test' })).dir;
  });

  it('writes no control character into any CSV, and every row on one line', () => {
    const csvs = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThanOrEqual(7);
    for (const f of csvs) {
      const text = readFileSync(join(dir, f), 'utf8');
      const lines = text.split('\n').slice(0, -1);
      for (const line of lines) expect(CONTROL.test(line), `${f}: ${JSON.stringify(line)}`).toBe(false);
      expect(parseCsvSync(text)).toHaveLength(lines.length);
    }
  });

  it('writes each name as the report shows it, a formula start behind a control character protected, and reads them back', async () => {
    const rows = parseCsvSync(readFileSync(join(dir, 'government_summary.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.fromEntries(rows.map((r) => [r['government'], r['name']]))).toEqual({ ...WRITTEN, 'kota-c': `'${WRITTEN['kota-c']}` });
    expect(new Set(rows.filter((r) => r['province'] === 'prov-a').map((r) => r['province_name']))).toEqual(new Set([WRITTEN['prov-a']]));
    const tables = await readNationalFolder(dir);
    expect(Object.fromEntries(tables.governmentSummary.map((g) => [g.government, g.name]))).toEqual(WRITTEN);
    expect(new Set(tables.governmentOutcomes.map((g) => `${g.government}:${g.name}`))).toEqual(new Set(Object.entries(WRITTEN).map(([k, v]) => `${k}:${v}`)));
  });
});
