/**
 * readCsvTable checks the header's columns as the CSV parser reads them, so
 * a header written with quotes ("code","name"), as spreadsheets export it,
 * names the same columns as one without.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/store/idn-area.js';

const dir = mkdtempSync(join(tmpdir(), 'difusi-csv-header-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function table(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return () => readCsvTable(file, ['code', 'name'], 'a test table');
}

describe('readCsvTable header', () => {
  it('accepts a quoted header and reads its rows', () => {
    const rows = table('quoted.csv', '"code","name"\n"11","Aceh, Provinsi"\n')();
    expect(rows).toEqual([{ row: { code: '11', name: 'Aceh, Provinsi' }, line: 2 }]);
  });

  it('accepts a quoted column name holding a comma beside the needed ones', () => {
    const rows = table('comma.csv', 'code,"name, official",name\n11,x,Aceh\n')();
    expect(rows[0]!.row['name']).toBe('Aceh');
  });

  it('refuses a header whose only "code" is inside a quoted name with commas', () => {
    // Split on commas, "x,code,y" looked like it held a column code; the rows have none.
    expect(table('inside.csv', 'name,"x,code,y"\nAceh,11\n')).toThrow(/no column .*code/);
  });

  it('still refuses a header without a needed column, naming it', () => {
    expect(table('missing.csv', '"code","title"\n11,Aceh\n')).toThrow(/no column .*name/);
  });

  it('still refuses a header-only file without a needed column', () => {
    expect(table('empty.csv', 'code\n')).toThrow(/no column .*name/);
  });
});
