/**
 * summary.csv's rows built as text (store/summary-text.ts) are the bytes of
 * the table's own cell formatter through the CSV library, for metric names
 * that need quoting (comma, quote, newline), per-innovation and per-cause
 * metrics (their facet cells), NaN statistics (empty cells) and numbers of
 * every kind; and CsvWriter counts a quoted newline's row once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvWriter, csvText } from '../../src/store/csv.js';
import { SUMMARY } from '../../src/store/tables.js';
import { summaryDateCell, summaryMetricCells, summaryRowText } from '../../src/store/summary-text.js';
import { describe as describeSample } from '../../src/experiment/stats/describe.js';

const metrics = ['live_share', 'live.e-ktp', 'cumulative.lapor', 'discontinued_defunded', 'odd,name', 'say "hi"', 'two\nlines', 'cr\rhere', ' spaced '];
const samples = [[1, 2, 3, 4], [0.1, 0.2], [7], [], [NaN, 1], [1e-9, -2.5e-7, 1e21, 2 / 3], [0, -0, 0]];

describe('summaryRowText', () => {
  it('equals csvText of SUMMARY.format for the same row', () => {
    for (const metric of metrics) {
      for (const values of samples) {
        const d = describeSample(values);
        for (const date of ['2015-01', '2025-12']) {
          const want = csvText([SUMMARY.format({ month: 17, date, metric, ...d })]);
          expect(summaryRowText(17, summaryDateCell(date), summaryMetricCells(metric), d)).toBe(want);
        }
      }
    }
  });

  it('CsvWriter.writeRows counts rows, not newlines inside quoted cells', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'difusi-summary-text-'));
    try {
      const w = new CsvWriter(path.join(dir, 'summary.csv'), SUMMARY.columns);
      const d = describeSample([1, 2]);
      w.writeRows(summaryRowText(1, '2015-01', summaryMetricCells('two\nlines'), d) + summaryRowText(1, '2015-01', summaryMetricCells('plain'), d), 2);
      w.close();
      expect(w.rows).toBe(2);
      const text = fs.readFileSync(path.join(dir, 'summary.csv'), 'utf8');
      expect(text).toBe(csvText([SUMMARY.columns, SUMMARY.format({ month: 1, date: '2015-01', metric: 'two\nlines', ...d }), SUMMARY.format({ month: 1, date: '2015-01', metric: 'plain', ...d })]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
