/**
 * Reading the Indonesian administrative-area tables (data/idn-area/, from
 * the idn-area-data package, ODbL; see NOTICE.md there): provinces,
 * regencies and cities, and the number of districts (kecamatan) of each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../messages/catalog.js';

export interface IdnProvince {
  readonly code: string;
  readonly name: string;
}
export interface IdnRegency {
  readonly code: string;
  readonly provinceCode: string;
  readonly name: string;
  readonly districts: number;
}

function table(dir: string, file: string, columns: readonly string[]): Record<string, string>[] {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw UserError.of('file_not_found', [], { file: path }, { expected: 'the idn-area-data CSV files (data/idn-area/)' });
  }
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  for (const c of columns) {
    if (rows.length > 0 && !(c in rows[0]!)) throw UserError.of('missing_field', [c], { file: path }, { expected: columns.join(', ') });
  }
  return rows;
}

export function readIdnAreas(dir: string): { provinces: IdnProvince[]; regencies: IdnRegency[] } {
  const provinces = table(dir, 'provinces.csv', ['code', 'name']).map((r) => ({ code: r['code']!, name: r['name']! }));
  const districtCount = new Map<string, number>();
  for (const d of table(dir, 'districts.csv', ['code', 'regency_code', 'name'])) {
    districtCount.set(d['regency_code']!, (districtCount.get(d['regency_code']!) ?? 0) + 1);
  }
  const regencies = table(dir, 'regencies.csv', ['code', 'province_code', 'name']).map((r) => ({
    code: r['code']!,
    provinceCode: r['province_code']!,
    name: r['name']!,
    districts: districtCount.get(r['code']!) ?? 0,
  }));
  return { provinces, regencies };
}
