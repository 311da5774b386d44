/**
 * A part: the replications one process (a run, or one shard of it) has
 * finished, kept on disk as they complete so memory stays flat and an
 * interrupted run can resume.
 *
 *   part.json      what the part is: scenario hash, seed, shard, the indices it owns
 *   series.bin     one fixed-size record (months x metrics float64) per replication
 *   records.jsonl  one line per finished replication: index, record offset,
 *                  outcomes, and the agents/events detail when recorded
 *   timeseries.txt the replication's timeseries.csv rows, formatted by the
 *                  worker that ran it (byte range `ts` in its record line)
 *
 * A replication counts as done once its records.jsonl line is complete; the
 * series record is written first, so a crash leaves at most a dangling
 * record, which `openPart` truncates away on resume.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ReplicationResult } from '../model/simulate.js';
import { UserError } from '../messages/catalog.js';
import type { RunStore } from './store.js';

export interface PartMeta {
  readonly format: 'difusi-part-1';
  readonly tool_version: string;
  readonly scenario_name: string;
  readonly scenario_hash: string;
  readonly seed: number;
  readonly replications: number;
  readonly detail_replications: number;
  readonly shard: { readonly index: number; readonly count: number };
  readonly months: number;
  readonly metrics: readonly string[];
  readonly start: string;
  /** The resolved scenario, its file and Info text (for the manifest of a merge). */
  readonly scenario: unknown;
  readonly scenario_file: string;
  readonly info: string;
}

export interface PartRecord {
  readonly r: number;
  readonly offset: number;
  readonly outcomes: ReplicationResult['outcomes'];
  readonly agents: ReplicationResult['agents'];
  readonly events: ReplicationResult['events'];
  /** Byte offset and length of its rows in timeseries.txt (absent in older parts). */
  readonly ts?: readonly [number, number];
}

/** A replication's result with its timeseries.csv rows already formatted (by the worker). */
export type FormattedResult = ReplicationResult & { readonly timeseriesCsv?: string };

const META = 'part.json';
const SERIES = 'series.bin';
const RECORDS = 'records.jsonl';
const TIMESERIES = 'timeseries.txt';

export class PartWriter implements RunStore {
  private seriesFd: number;
  private recordsFd: number;
  private seriesBytes: number;
  private textFd: number;
  private textBytes: number;
  readonly done: Set<number>;

  private constructor(
    readonly dir: string,
    readonly meta: PartMeta,
    done: Set<number>,
    seriesBytes: number,
    textBytes: number,
  ) {
    this.done = done;
    this.seriesBytes = seriesBytes;
    this.textBytes = textBytes;
    this.textFd = fs.openSync(path.join(dir, TIMESERIES), 'a+');
    this.seriesFd = fs.openSync(path.join(dir, SERIES), 'r+');
    this.recordsFd = fs.openSync(path.join(dir, RECORDS), 'a');
  }

  /**
   * Opens the part in `dir`: resumes it when `resume` is set and it belongs
   * to the same run (same meta), else starts it afresh.
   */
  static open(dir: string, meta: PartMeta, resume: boolean): PartWriter {
    if (resume && fs.existsSync(path.join(dir, META))) {
      const existing = JSON.parse(fs.readFileSync(path.join(dir, META), 'utf8')) as PartMeta;
      if (sameRun(existing, meta)) {
        const { records, validBytes } = readRecords(dir);
        const recordSize = meta.months * meta.metrics.length * 8;
        const seriesBytes = records.reduce((mx, r) => Math.max(mx, r.offset + recordSize), 0);
        fs.truncateSync(path.join(dir, RECORDS), validBytes);
        fs.truncateSync(path.join(dir, SERIES), seriesBytes);
        const textBytes = records.reduce((mx, r) => Math.max(mx, r.ts ? r.ts[0] + r.ts[1] : 0), 0);
        if (fs.existsSync(path.join(dir, TIMESERIES))) fs.truncateSync(path.join(dir, TIMESERIES), textBytes);
        return new PartWriter(dir, meta, new Set(records.map((r) => r.r)), seriesBytes, textBytes);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, META), JSON.stringify(meta, null, 2) + '\n');
    fs.writeFileSync(path.join(dir, SERIES), '');
    fs.writeFileSync(path.join(dir, RECORDS), '');
    return new PartWriter(dir, meta, new Set(), 0, 0);
  }

  append(result: FormattedResult): void {
    const bytes = new Uint8Array(result.series.buffer, result.series.byteOffset, result.series.byteLength);
    const offset = this.seriesBytes;
    fs.writeSync(this.seriesFd, bytes, 0, bytes.length, offset);
    this.seriesBytes += bytes.length;
    let ts: [number, number] | undefined;
    if (result.timeseriesCsv !== undefined) {
      const text = Buffer.from(result.timeseriesCsv, 'utf8');
      fs.writeSync(this.textFd, text, 0, text.length, this.textBytes);
      ts = [this.textBytes, text.length];
      this.textBytes += text.length;
    }
    const record: PartRecord = {
      r: result.replication,
      offset,
      outcomes: result.outcomes,
      agents: result.agents,
      events: result.events,
      ...(ts && { ts }),
    };
    fs.writeSync(this.recordsFd, JSON.stringify(record) + '\n');
    this.done.add(result.replication);
  }

  close(): void {
    fs.fsyncSync(this.seriesFd);
    fs.fsyncSync(this.recordsFd);
    fs.fsyncSync(this.textFd);
    fs.closeSync(this.seriesFd);
    fs.closeSync(this.recordsFd);
    fs.closeSync(this.textFd);
  }
}

/**
 * Whether an existing part belongs to the same run: everything that
 * determines the data must agree; how the scenario file was named, its Info
 * text and the tool version do not matter.
 */
function sameRun(a: PartMeta, b: PartMeta): boolean {
  const data = (m: PartMeta) => JSON.stringify({ ...m, tool_version: '', scenario_file: '', info: '' });
  return data(a) === data(b);
}

/** Complete lines of records.jsonl and the byte length they span. */
function readRecords(dir: string): { records: PartRecord[]; validBytes: number } {
  const text = fs.readFileSync(path.join(dir, RECORDS), 'utf8');
  const records: PartRecord[] = [];
  let validBytes = 0;
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) break;
    const line = text.slice(from, nl);
    try {
      records.push(JSON.parse(line) as PartRecord);
    } catch {
      break;
    }
    validBytes += Buffer.byteLength(line, 'utf8') + 1;
    from = nl + 1;
  }
  return { records, validBytes };
}

/** A finished or partial part, read for merging. */
export interface PartReader {
  readonly dir: string;
  readonly meta: PartMeta;
  /** Byte position of each replication's records.jsonl line, by index. */
  readonly lines: Map<number, { start: number; length: number; offset: number; ts?: readonly [number, number] }>;
}

export function readPart(dir: string): PartReader {
  const metaPath = path.join(dir, META);
  if (!fs.existsSync(metaPath)) throw UserError.of('not_a_part', [], { file: dir }, { expected: `a shard folder written by run --shard (with ${META})` });
  let meta: PartMeta;
  try {
    meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as PartMeta;
  } catch (error) {
    throw UserError.of('not_a_part', [], { file: metaPath }, { found: error instanceof Error ? error.message : String(error) });
  }
  if (meta.format !== 'difusi-part-1') throw UserError.of('not_a_part', [], { file: metaPath }, { found: String(meta.format) });
  const buffer = fs.readFileSync(path.join(dir, RECORDS));
  const lines = new Map<number, { start: number; length: number; offset: number; ts?: readonly [number, number] }>();
  let start = 0;
  while (start < buffer.length) {
    const nl = buffer.indexOf(10, start);
    if (nl < 0) break;
    const line = buffer.subarray(start, nl).toString('utf8');
    let rec: { r: number; offset: number; ts?: readonly [number, number] };
    try {
      rec = JSON.parse(line) as PartRecord;
    } catch {
      break;
    }
    if (lines.has(rec.r)) throw UserError.of('merge_duplicates', [String(rec.r)], { file: dir });
    lines.set(rec.r, { start, length: nl - start, offset: rec.offset, ...(rec.ts && { ts: rec.ts }) });
    start = nl + 1;
  }
  return { dir, meta, lines };
}

/** Random access to the parts' data for finalizing. */
export class PartAccess {
  private readonly seriesFds = new Map<string, number>();
  private readonly recordFds = new Map<string, number>();
  private readonly textFds = new Map<string, number>();

  record(part: PartReader, r: number): PartRecord {
    const where = part.lines.get(r)!;
    const fd = this.fd(this.recordFds, path.join(part.dir, RECORDS));
    const buf = Buffer.alloc(where.length);
    fs.readSync(fd, buf, 0, where.length, where.start);
    return JSON.parse(buf.toString('utf8')) as PartRecord;
  }

  /** Replication r's timeseries.csv rows as its worker formatted them, or null when the part has none. */
  timeseriesText(part: PartReader, r: number): string | null {
    const ts = part.lines.get(r)!.ts;
    if (ts === undefined) return null;
    const fd = this.fd(this.textFds, path.join(part.dir, TIMESERIES));
    const buf = Buffer.alloc(ts[1]);
    fs.readSync(fd, buf, 0, ts[1], ts[0]);
    return buf.toString('utf8');
  }

  /** Reads `count` float64 values of replication r's series from value position `at`. */
  series(part: PartReader, r: number, at: number, out: Float64Array): void {
    const where = part.lines.get(r)!;
    const fd = this.fd(this.seriesFds, path.join(part.dir, SERIES));
    const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    fs.readSync(fd, bytes, 0, bytes.length, where.offset + at * 8);
  }

  close(): void {
    for (const fd of [...this.seriesFds.values(), ...this.recordFds.values(), ...this.textFds.values()]) fs.closeSync(fd);
    this.seriesFds.clear();
    this.recordFds.clear();
    this.textFds.clear();
  }

  private fd(cache: Map<string, number>, file: string): number {
    let fd = cache.get(file);
    if (fd === undefined) {
      fd = fs.openSync(file, 'r');
      cache.set(file, fd);
    }
    return fd;
  }
}
