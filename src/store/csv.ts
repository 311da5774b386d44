/**
 * CSV output with one number format everywhere, so that the same results
 * give the same bytes on every machine: integers as written, other finite
 * numbers with 12 significant digits (trailing zeros dropped), NaN, null
 * and undefined as an empty cell. Quoting follows RFC 4180 (csv-stringify).
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { syncFd, writeError, writeFully, writeTextFully } from './durable.js';

export { formatNumber, type Cell } from './csv-format.js';
import { formatCell, type Cell } from './csv-format.js';

export function csvText(rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((r) => r.map(formatCell)),
    { record_delimiter: '\n' },
  );
}

/**
 * Writes a whole table: the header, every row, closed (its checksum and row count then readable). On a failed write
 * the file is abandoned, so no descriptor is left open on a file whose folder the failure removes, and the error is
 * thrown on.
 */
export function writeCsvFile(file: string, header: readonly string[], rows: Iterable<Cell[]>): CsvWriter {
  const w = new CsvWriter(file, header);
  try {
    for (const row of rows) w.write(row);
    w.close();
  } catch (error) {
    w.abandon();
    throw error;
  }
  return w;
}

/** Writes rows to a file in chunks, for tables too large to hold as one string. */
export class CsvWriter {
  private readonly fd: number;
  private buffer: Cell[][] = [];
  private readonly hash = createHash('sha256');
  private digest: string | undefined;
  private closed = false;
  /** Data rows written (the header aside). */
  rows = -1;

  constructor(private readonly file: string, header: readonly string[]) {
    try {
      this.fd = fs.openSync(file, 'w');
    } catch (error) {
      throw writeError(error, file);
    }
    this.write([...header]);
  }

  /** SHA-256 (hex) of the bytes written, once closed (recorded in the manifest, checked by `report`). */
  get sha256(): string {
    if (this.digest === undefined) throw new Error(`${this.file}: checksum before close`);
    return this.digest;
  }

  write(row: Cell[]): void {
    this.rows++;
    this.buffer.push(row);
    if (this.buffer.length >= 4096) this.flush();
  }

  /** Appends rows already formatted by csvText (after the rows buffered so far). */
  writeText(text: string): void {
    let rows = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) rows++;
    this.writeRows(text, rows);
  }

  /**
   * Appends `rows` rows already formatted as csvText would (after the rows
   * buffered so far): for rows whose quoted cells may hold a newline, which
   * `writeText` would count as a row.
   */
  writeRows(text: string, rows: number): void {
    this.flush();
    this.rows += rows;
    this.hash.update(text);
    writeTextFully(this.fd, text, this.file);
  }

  /**
   * Appends rows already formatted as csvText would, as bytes (ASCII or
   * UTF-8), after the rows buffered so far; counts a row per newline byte
   * (for rows without quoted newlines, as writeText).
   */
  writeBytes(bytes: Uint8Array): void {
    this.flush();
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1)) this.rows++;
    this.hash.update(buffer);
    writeFully(this.fd, bytes, null, this.file);
  }

  close(): void {
    try {
      this.flush();
      syncFd(this.fd, this.file);
    } finally {
      this.closed = true;
      fs.closeSync(this.fd);
    }
    this.digest = this.hash.digest('hex');
  }

  /** Closes the file unfinished, on an error (its folder is removed): no descriptor is left open. Does nothing once closed. */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already failing: the error being thrown is the one to report.
    }
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const text = csvText(this.buffer);
    this.hash.update(text);
    writeTextFully(this.fd, text, this.file);
    this.buffer = [];
  }
}
