/**
 * Reading the CSV files of a result folder: a header row (BOM and blank
 * lines tolerated), required columns checked, and typed cell getters whose
 * errors name the folder, the file, the line and the column. The table
 * definitions (tables.ts) say which getter reads which column.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { UserError } from '../messages/catalog.js';
import { regularFileExistsAsync } from './regular-file.js';

/** A user error about one file of a result folder (and the line, when known). */
export function fail(dir: string, file: string, what: string, line?: number): UserError {
  return UserError.of('result_file_invalid', [what], { file: join(dir, file), ...(line !== undefined && { line }) });
}

/** One CSV record with its line number, and typed getters that report the cell on failure. */
export class Cells {
  constructor(
    private readonly dir: string,
    private readonly file: string,
    /** Its line in the file (for messages). */
    readonly line: number,
    private readonly record: Readonly<Record<string, string>>,
  ) {}

  private where(column: string, what: string): Error {
    return fail(this.dir, this.file, `column "${column}": ${what}`, this.line);
  }
  /** The header's column names, in file order. */
  columns(): string[] {
    return Object.keys(this.record);
  }
  raw(column: string): string {
    return this.record[column] ?? '';
  }
  str(column: string): string {
    const v = this.raw(column);
    if (v === '') throw this.where(column, 'expected a value, found an empty cell');
    return v;
  }
  optStr(column: string): string | null {
    const v = this.raw(column);
    return v === '' ? null : v;
  }
  optNum(column: string): number | null {
    const v = this.raw(column).trim();
    if (v === '') return null;
    if (v === 'NaN' || v === 'nan') return null;
    const n = Number(v);
    if (Number.isNaN(n)) throw this.where(column, `expected a number, found "${v}"`);
    return n;
  }
  num(column: string): number {
    const n = this.optNum(column);
    if (n === null) throw this.where(column, 'expected a number, found an empty cell');
    return n;
  }
  int(column: string): number {
    const n = this.num(column);
    if (!Number.isInteger(n)) throw this.where(column, `expected an integer, found "${this.raw(column)}"`);
    return n;
  }
  optBool(column: string): boolean | null {
    const v = this.raw(column).trim().toLowerCase();
    if (v === '') return null;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw this.where(column, `expected true/false or 1/0, found "${this.raw(column)}"`);
  }
  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const v = this.str(column);
    if (!(allowed as readonly string[]).includes(v)) throw this.where(column, `expected one of ${allowed.join(', ')}, found "${v}"`);
    return v as T;
  }
  optOneOf<T extends string>(column: string, allowed: readonly T[]): T | null {
    return this.raw(column) === '' ? null : this.oneOf(column, allowed);
  }
}

export interface CsvTable {
  readonly columns: readonly string[];
  readonly records: readonly Cells[];
}

type CsvRecord = { record: Record<string, string>; info: { lines: number } };

/**
 * The csv-parse options of every result file (header row, BOM, empty lines
 * skipped, line numbers for messages) and the header it saw.
 */
function csvOptions() {
  const header = { columns: [] as string[] };
  const options = {
    bom: true,
    skip_empty_lines: true,
    info: true,
    columns: (names: string[]) => {
      header.columns = names.map((h) => h.trim());
      return header.columns;
    },
  };
  return { options, header };
}

/** The header must exist and hold every `required` column. */
function checkColumns(columns: readonly string[], required: readonly string[], dir: string, file: string): void {
  if (columns.length === 0) throw fail(dir, file, 'empty file (no header line)');
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw fail(dir, file, `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
}

/** Parses CSV text with a header, checking that `required` columns exist. */
export function parseCsv(text: string, dir: string, file: string, required: readonly string[]): CsvTable {
  const { options, header } = csvOptions();
  let parsed: CsvRecord[];
  try {
    parsed = parse(text, options) as CsvRecord[];
  } catch (e) {
    throw fail(dir, file, `not valid CSV: ${(e as Error).message}`);
  }
  checkColumns(header.columns, required, dir, file);
  return { columns: header.columns, records: parsed.map((p) => new Cells(dir, file, p.info.lines, p.record)) };
}

/**
 * Streams a CSV file with a header record by record, with the checks of
 * `parseCsv`; `onRecord` sees each record once. False when the file is absent.
 */
export async function streamCsv(dir: string, file: string, required: readonly string[], onRecord: (c: Cells) => void): Promise<boolean> {
  const path = join(dir, file);
  // A regular file only: a pipe in its place would block the read forever.
  if (!(await regularFileExistsAsync(path))) return false;
  const { options, header } = csvOptions();
  const source = createReadStream(path);
  const parser = parseStream(options);
  // `pipe` does not pass a read error on: hand it to the parser, so that the
  // loop below throws it instead of an unhandled 'error' event.
  let readError: Error | undefined;
  source.on('error', (e) => {
    readError = e;
    parser.destroy(e);
  });
  source.pipe(parser);
  let checked = false;
  let ours: unknown;
  try {
    for await (const next of parser as AsyncIterable<CsvRecord>) {
      try {
        if (!checked) {
          checkColumns(header.columns, required, dir, file);
          checked = true;
        }
        onRecord(new Cells(dir, file, next.info.lines, next.record));
      } catch (e) {
        ours = e;
        throw e;
      }
    }
  } catch (e) {
    if (e === ours) throw e;
    if (readError !== undefined) throw fail(dir, file, `cannot read: ${readError.message}`);
    throw fail(dir, file, `not valid CSV: ${(e as Error).message}`);
  } finally {
    // Leaving the loop early (a bad cell) must not leave the file open.
    source.destroy();
    parser.destroy();
  }
  if (!checked) checkColumns(header.columns, required, dir, file);
  return true;
}

/** Whether a file or folder exists at `path`. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
