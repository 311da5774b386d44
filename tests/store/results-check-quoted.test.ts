/**
 * A folder written before checksums (the fixture bekasi-mini has none) is
 * checked for its replication ids and row counts (store/results-check.ts).
 * The check reads outcomes.csv and timeseries.csv with the CSV parser, so a
 * valid file whose cells are all quoted (Python's csv.QUOTE_ALL, R's
 * write.csv) is read as the same file, and a damaged one is still refused.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readResults } from '../../src/store/results-read.js';
import { RUN_DIR } from '../report/helpers.js';

const temps: string[] = [];
function copyOf(dir: string): string {
  const t = mkdtempSync(join(tmpdir(), 'difusi-quoted-'));
  temps.push(t);
  cpSync(dir, t, { recursive: true });
  return t;
}
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** Rewrites a CSV file with every cell quoted (and a BOM, CRLF line ends), rows passed through `edit`. */
function quoteAll(file: string, edit: (rows: string[][]) => string[][] = (r) => r): void {
  const rows = edit(parse(readFileSync(file, 'utf8')) as string[][]);
  writeFileSync(file, '\uFEFF' + rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n');
}

describe('a folder written before checksums, its CSV files fully quoted', () => {
  test('is read as the same folder', async () => {
    const t = copyOf(RUN_DIR);
    expect(JSON.parse(readFileSync(join(t, 'manifest.json'), 'utf8')).checksums).toBeUndefined();
    for (const f of ['outcomes.csv', 'timeseries.csv', 'summary.csv']) quoteAll(join(t, f));
    const r = await readResults(t);
    const plain = await readResults(RUN_DIR);
    expect(r.outcomes!.shares()).toEqual(plain.outcomes!.shares());
    expect(r.summary).toEqual(plain.summary);
  });

  test('a replication missing from a quoted outcomes.csv is still refused, naming the line', async () => {
    const t = copyOf(RUN_DIR);
    // Drop replication 1's rows: replication 2 follows 0.
    quoteAll(join(t, 'outcomes.csv'), (rows) => rows.filter((r, i) => i === 0 || r[0] !== '1'));
    await expect(readResults(t)).rejects.toThrow(/outcomes\.csv line \d+: replication 2 where 1 was expected/);
  });
});
