/**
 * Reading the Indonesian administrative-area tables (data/idn-area/, from
 * the idn-area-data package, ODbL; see NOTICE.md there): provinces,
 * regencies and cities, and the number of districts (kecamatan) of each.
 *
 * Every problem of a table (missing, not UTF-8, not a CSV table, a missing
 * column, a row of another length, a district code given on two rows, a
 * regency or city whose province_code names no province of provinces.csv) is
 * a UserError naming the file and line.
 */
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../messages/catalog.js';
import { MAX_FILE_BYTES } from '../scenario/limits.js';
import { readUserText } from './scenario-file.js';

export interface IdnProvince {
  readonly code: string;
  readonly name: string;
  /** Its line in provinces.csv (for messages). */
  readonly line: number;
}
export interface IdnRegency {
  readonly code: string;
  readonly provinceCode: string;
  readonly name: string;
  readonly districts: number;
  /** Its line in regencies.csv (for messages). */
  readonly line: number;
}

/** The tables of an area folder, as they are named in messages. */
export const IDN_AREA_FILES = ['provinces.csv', 'regencies.csv', 'districts.csv'] as const;

/**
 * A CSV table the user gives (the area tables, the public lists): strict
 * UTF-8, at most MAX_FILE_BYTES, a header row naming `columns`, every row
 * as long as the header. Rows come with their line in the file.
 */
export function readCsvTable(path: string, columns: readonly string[], expected: string): { row: Record<string, string>; line: number }[] {
  const text = readUserText(path, MAX_FILE_BYTES, expected).replace(/^\uFEFF/, '');
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, info: true }) as typeof records;
  } catch (error) {
    const e = error as { code?: unknown; lines?: unknown; message?: unknown; record?: unknown; columns?: unknown };
    const line = typeof e.lines === 'number' && e.lines > 0 ? e.lines : undefined;
    // A row of another length than the header: said in difusi's words (how many cells, how many columns), not csv-parse's.
    if (e.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' && Array.isArray(e.record) && Array.isArray(e.columns)) {
      throw UserError.of('csv_row_length', [e.record.length, e.columns.length], { file: path, ...(line !== undefined && { line }) }, { expected });
    }
    // csv-parse's own words without its "at line N" (the line is in front); a CsvError always has both.
    const detail = String(e.message ?? error).replace(/,? (at|on) line \d+/, '');
    throw UserError.of('csv_invalid', [detail], { file: path, ...(line !== undefined && { line }) }, { expected });
  }
  // The header as the parser reads it (quoted names, commas inside quotes), not split on commas.
  const header = (parse(text, { to_line: 1 }) as string[][])[0] ?? [];
  for (const c of columns) {
    if (!header.includes(c)) throw UserError.of('csv_no_column', [c], { file: path, line: 1 }, { expected: columns.join(', ') });
  }
  return records.map((r) => ({ row: r.record, line: r.info.lines }));
}

/**
 * Refuses a code given on two rows of `file`, naming both lines: a province
 * given twice would write each of its regencies twice, a district given
 * twice would be counted twice. (Districts here; provinces and regencies in
 * generate-national, after its check of ids, which names a row given twice
 * whole by its name.)
 */
export function onceEach(file: string, kind: string, rows: readonly { code: string; line: number }[]): void {
  const first = new Map<string, number>();
  for (const { code, line } of rows) {
    const before = first.get(code);
    if (before !== undefined) throw UserError.of('area_duplicate_code', [kind, code, before], { file, line }, { expected: `each ${kind} on one row` });
    first.set(code, line);
  }
}

export function readIdnAreas(dir: string): { provinces: IdnProvince[]; regencies: IdnRegency[] } {
  const expected = 'the idn-area-data CSV files (data/idn-area/)';
  const table = (file: string, columns: readonly string[]) => readCsvTable(join(dir, file), columns, expected);
  const provinces = table('provinces.csv', ['code', 'name']).map(({ row, line }) => ({ code: row['code']!, name: row['name']!, line }));
  /** Each regency code's districts: how many, and the first one's line and name (for a district of no regency, below). */
  const districts = new Map<string, { count: number; line: number; name: string }>();
  const districtRows = table('districts.csv', ['code', 'regency_code', 'name']);
  // A district given twice would be counted twice (one kecamatan agency too many) without a word.
  onceEach(join(dir, 'districts.csv'), 'district', districtRows.map(({ row, line }) => ({ code: row['code']!, line })));
  for (const { row: d, line } of districtRows) {
    const seen = districts.get(d['regency_code']!);
    if (seen === undefined) districts.set(d['regency_code']!, { count: 1, line, name: d['name']! });
    else seen.count++;
  }
  const regencies = table('regencies.csv', ['code', 'province_code', 'name']).map(({ row: r, line }) => ({
    code: r['code']!,
    provinceCode: r['province_code']!,
    name: r['name']!,
    districts: districts.get(r['code']!)?.count ?? 0,
    line,
  }));
  // A regency or city whose province is in no row of provinces.csv would be left out of the scenario without a word.
  const provinceCodes = new Set(provinces.map((p) => p.code));
  const orphan = regencies.find((r) => !provinceCodes.has(r.provinceCode));
  if (orphan !== undefined) {
    throw UserError.of('area_unknown_province', [orphan.name, orphan.provinceCode], { file: join(dir, 'regencies.csv'), line: orphan.line }, { expected: 'the code of a province in provinces.csv' });
  }
  // A district whose regency is in no row of regencies.csv would be counted nowhere (no kecamatan agency) without a word.
  const regencyCodes = new Set(regencies.map((r) => r.code));
  const stray = [...districts].find(([code]) => !regencyCodes.has(code));
  if (stray !== undefined) {
    const [code, { line, name }] = stray;
    throw UserError.of('area_unknown_regency', [name, code], { file: join(dir, 'districts.csv'), line }, { expected: 'the code of a regency or city in regencies.csv' });
  }
  return { provinces, regencies };
}
