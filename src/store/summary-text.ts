/**
 * Rows of summary.csv as text, built directly: the same bytes as
 * `csvText([SUMMARY.format(row)])` (tests/store/summary-text.test.ts)
 * without building a cell array and running the CSV library per row
 * (summary.csv has a row per month and metric: 9,768 for Bekasi).
 * Numbers never need quoting; the text cells (date, metric, innovation,
 * cause) are quoted by the CSV library itself, once per metric or month.
 */
import type { Description } from '../experiment/stats/describe.js';
import { csvText } from './csv.js';
import { formatNumber } from './csv-format.js';
import { facetCells } from './tables.js';

/** The text cells of a metric's rows: its name, and its innovation and cause after the numbers. */
export interface SummaryMetricCells {
  readonly metric: string;
  readonly facets: string;
}

/** One row's cells as the CSV library writes them, without the final newline. */
function cellsText(cells: readonly (string | null)[]): string {
  return csvText([cells]).slice(0, -1);
}

export function summaryMetricCells(metric: string): SummaryMetricCells {
  return { metric: cellsText([metric]), facets: cellsText(facetCells(metric)) };
}

/** The date cell of a month's rows. */
export function summaryDateCell(date: string): string {
  return cellsText([date]);
}

/** One row of summary.csv, with its newline. */
export function summaryRowText(month: number, dateCell: string, cells: SummaryMetricCells, d: Description): string {
  return (
    `${month},${dateCell},${cells.metric},${formatNumber(d.n)},${formatNumber(d.mean)},${formatNumber(d.sd)},` +
    `${formatNumber(d.ci_low)},${formatNumber(d.ci_high)},${formatNumber(d.p05)},${formatNumber(d.p25)},${formatNumber(d.p50)},` +
    `${formatNumber(d.p75)},${formatNumber(d.p95)},${cells.facets}\n`
  );
}
