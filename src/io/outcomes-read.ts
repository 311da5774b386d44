/** Reading outcomes.csv back (for the terminal table and comparisons). */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export interface OutcomeCsvRow {
  readonly replication: number;
  readonly innovation: string;
  readonly outcome: string;
  readonly [column: string]: string | number;
}

export function readOutcomeRows(dir: string): OutcomeCsvRow[] {
  const text = fs.readFileSync(path.join(dir, 'outcomes.csv'), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => ({ ...r, replication: Number(r['replication']), innovation: r['innovation']!, outcome: r['outcome']! }));
}
