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

/**
 * A growing byte buffer that timeseries.csv rows are formatted into: each
 * cell's characters copied as bytes, without building a row or a
 * replication's rows as one string first (a replication of Bekasi is 132
 * rows of 75 cells; the strings concatenated for them were most of the
 * formatting's time and garbage).
 */
export class RowBytes {
  bytes: Uint8Array = new Uint8Array(1 << 20);
  used = 0;

  /** Room for `n` more bytes. */
  reserve(n: number): void {
    if (this.used + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + n));
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }

  /** The bytes formatted so far (a view, valid until the next write). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.used);
  }
}

/**
 * Appends the rows of timeseries.csv for replication r to `out`: the same
 * bytes as `timeseriesText` (all ASCII; tests/store/timeseries-text.test.ts).
 */
export function timeseriesBytes(out: RowBytes, r: number, dates: readonly string[], metricCount: number, series: Float64Array): void {
  for (let m = 1; m <= dates.length; m++) {
    const head = `${r},${m},${dates[m - 1]!}`;
    out.reserve(head.length + 1);
    let b = out.bytes;
    let u = out.used;
    for (let i = 0; i < head.length; i++) b[u++] = head.charCodeAt(i);
    const at = (m - 1) * metricCount;
    for (let j = 0; j < metricCount; j++) {
      const s = formatNumber(series[at + j]!);
      // Room for the comma, the cell and the row's newline (a typed array drops writes past its end).
      if (u + s.length + 2 > b.length) {
        out.used = u;
        out.reserve(s.length + 2);
        b = out.bytes;
      }
      b[u++] = 44; // ,
      for (let i = 0; i < s.length; i++) b[u++] = s.charCodeAt(i);
    }
    b[u++] = 10; // \n
    out.used = u;
  }
}
