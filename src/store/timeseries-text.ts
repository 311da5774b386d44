import { formatNumber } from './csv-format.js';

/**
 * The rows of timeseries.csv for replication r (its series, month-major),
 * exactly as the table holds them. Workers call this so that the main
 * thread only copies text.
 */
export function timeseriesText(r: number, dates: readonly string[], metricCount: number, series: Float64Array): string {
  // Numbers and YYYY-MM dates never need quoting, so the rows are the cells
  // joined by commas: the same bytes as csvText() (tests/store), without its cost.
  let text = '';
  for (let m = 1; m <= dates.length; m++) {
    let line = `${r},${m},${dates[m - 1]!}`;
    const at = (m - 1) * metricCount;
    for (let j = 0; j < metricCount; j++) line += ',' + formatNumber(series[at + j]!);
    text += line + '\n';
  }
  return text;
}
