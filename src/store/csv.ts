/**
 * CSV output with one number format everywhere, so that the same results
 * give the same bytes on every machine: integers as written, other finite
 * numbers with 12 significant digits (trailing zeros dropped), NaN, null
 * and undefined as an empty cell. Quoting follows RFC 4180 (csv-stringify).
 */
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return String(x);
  const s = String(Number(x.toPrecision(12)));
  return s === '-0' ? '0' : s;
}

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return v;
}

export function csvText(rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((r) => r.map(cell)),
    { record_delimiter: '\n' },
  );
}

/** Writes rows to a file in chunks, for tables too large to hold as one string. */
export class CsvWriter {
  private readonly fd: number;
  private buffer: Cell[][] = [];

  constructor(file: string, header: readonly string[]) {
    this.fd = fs.openSync(file, 'w');
    this.write([...header]);
  }

  write(row: Cell[]): void {
    this.buffer.push(row);
    if (this.buffer.length >= 4096) this.flush();
  }

  /** Appends rows already formatted by csvText (after the rows buffered so far). */
  writeText(text: string): void {
    this.flush();
    fs.writeSync(this.fd, text);
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    fs.writeSync(this.fd, csvText(this.buffer));
    this.buffer = [];
  }
}
