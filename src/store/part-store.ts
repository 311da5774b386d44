/**
 * A part: the replications one process (a run, or one shard of it) has
 * finished, kept on disk as they complete so memory stays flat and an
 * interrupted run can resume.
 *
 *   part.json      what the part is: scenario hash, seed, shard, the indices it owns
 *   series.bin     one fixed-size record (months x metrics float64) per replication
 *   records.jsonl  one line per finished replication: index, record offset,
 *                  outcomes, and the agents/events detail when recorded
 *
 * A replication counts as done once its records.jsonl line is complete. Each
 * line ends in a tab and a checksum (SHA-256, 64 bits) of the replication's
 * series bytes and of the line's JSON, so a torn or changed line or series
 * record is found. The series data is written in full and fsynced before
 * the lines that declare it, so a crash leaves at most records without a
 * line (run again on resume); resume, merge and the run's own finish verify
 * every checksum and never read past the end of the data.
 */
import stringify from 'safe-stable-stringify';
import fs from 'node:fs';
import path from 'node:path';
import type { ReplicationResult } from '../model/simulate.js';
import { UserError, warning, type ScenarioWarning } from '../messages/catalog.js';
import { checksum, readFully, syncFd, writeFileDurably, writeFully, writeTextFully } from './durable.js';
import { checkSealed, isRecord, notResumable, rerunShard, sealMeta, sealedJson, unsealed, wholeIn } from './part-seal.js';
import { MAX_RECORD_CHARS, MAX_REPLICATIONS } from '../scenario/limits.js';
import type { RunStore } from './store.js';
import { regularFileExists, requireRegularFiles } from './regular-file.js';

/**
 * A replication's result, optionally with its timeseries.csv rows formatted
 * by the worker. This part format keeps only the checksummed series, so the
 * rows are formatted again when the folder is written (docs/PERFORMANCE.md).
 */
export type FormattedResult = ReplicationResult & { readonly timeseriesCsv?: string };

/** The part format; parts of another format are not resumed or merged. */
export const PART_FORMAT = 'difusi-part-2';

export interface PartMeta {
  readonly format: typeof PART_FORMAT;
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
  /** The Indonesian Info text, only when the scenario has one. */
  readonly info_id?: string;
  /**
   * The what-ifs of `difusi run --set` (path -> value, not the seed or the
   * replication count), only when given: the manifest of the run, and of
   * the merge of its shards, records them as `overrides`.
   */
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** The seal (store/part-seal.ts), last in part.json: the build that wrote it and the checksum of the rest. Absent in a meta not yet written. */
  readonly build?: string;
  readonly checksum?: string;
}

export interface PartRecord {
  readonly r: number;
  readonly offset: number;
  readonly outcomes: ReplicationResult['outcomes'];
  readonly agents: ReplicationResult['agents'];
  readonly events: ReplicationResult['events'];
}

const META = 'part.json';
const SERIES = 'series.bin';
const RECORDS = 'records.jsonl';

/**
 * How many record lines wait in memory for one fsync of the series data (and
 * at most how long: a timer flushes lines that have waited FLUSH_MS even when
 * no further replication arrives). The time bound is what limits the work a
 * crash can lose (about FLUSH_MS of finished replications run again on
 * resume); the count only bounds the memory of lines waiting. It was 16, which with fast
 * replications (Bekasi: 16 in about 30 ms) meant an fsync every 30 ms, 60
 * for a run of 1,000, each blocking a thread that also computes.
 */
const FLUSH_RECORDS = 256;
const FLUSH_MS = 250;
/** Most characters of record lines joined into one write (far below V8's longest string). */
const WRITE_BATCH_CHARS = 1 << 26;

/** What to tell the user to rerun when a part is damaged. */
export function rerunAdvice(meta: Pick<PartMeta, 'shard'> | undefined, dir = ''): string {
  return rerunShard(meta, dir, 'run the same command again with --resume (damaged replications are run again)');
}

/**
 * What is wrong with the shape of a part's meta (a type, a count no run
 * writes), or undefined. Only a part whose seal verifies gets here: this finds what
 * a checksum cannot (a forged part, a bug), before any field is used.
 */
export function partMetaProblem(m: Record<string, unknown>): string | undefined {
  if (typeof m.scenario_name !== 'string' || m.scenario_name === '') return 'scenario_name is not a name';
  if (typeof m.scenario_hash !== 'string' || m.scenario_hash === '') return 'scenario_hash is not a scenario hash';
  if (!Number.isSafeInteger(m.seed)) return 'seed is not a whole number';
  if (!wholeIn(m.replications, 1, MAX_REPLICATIONS)) return `replications is not a whole number from 1 to ${MAX_REPLICATIONS}`;
  if (!wholeIn(m.detail_replications, 0, m.replications)) return 'detail_replications is not a whole number from 0 to replications';
  const shard = m.shard as Record<string, unknown>;
  if (!isRecord(shard) || !wholeIn(shard.count, 1, Number.MAX_SAFE_INTEGER) || !wholeIn(shard.index, 0, (shard.count as number) - 1)) return 'shard is not a shard i of n (0 <= i < n)';
  if (!wholeIn(m.months, 1, 100_000)) return 'months is not a whole number of months';
  const metrics = m.metrics;
  if (!Array.isArray(metrics) || metrics.length === 0 || !metrics.every((x) => typeof x === 'string' && x !== '') || new Set(metrics).size !== metrics.length)
    return 'metrics is not a list of distinct metric names';
  if (typeof m.start !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(m.start)) return 'start is not a month (YYYY-MM)';
  if (!isRecord(m.scenario)) return 'scenario is not a scenario';
  if (typeof m.tool_version !== 'string' || typeof m.scenario_file !== 'string' || typeof m.info !== 'string') return 'tool_version, scenario_file or info is not a text';
  if (m.info_id !== undefined && typeof m.info_id !== 'string') return 'info_id is not a text';
  if (m.overrides !== undefined && !isRecord(m.overrides)) return 'overrides is not a set of what-ifs';
  return undefined;
}

/**
 * Checks the part.json of `dir` (parsed, of the current format) before
 * any field is used: its seal (a checksum that matches, this build's
 * identity) and its shape. A user error naming the folder and what to do.
 */
export function checkPartMeta(dir: string, meta: PartMeta): void {
  checkSealed(dir, META, meta, rerunAdvice(meta, dir), () => partMetaProblem(meta as unknown as Record<string, unknown>));
}

/**
 * The shards that hold `missing` replications (or design units) of a run split
 * `count` ways (shard i runs those with r % count == i), as the merge tells
 * the user to run them: `1/3, 2/3`.
 */
export function missingShards(missing: readonly number[], count: number): string {
  const shards = [...new Set(missing.map((r) => r % count))].sort((a, b) => a - b);
  return shards.map((s) => `${s}/${count}`).join(', ');
}

/**
 * What kind of shard folder `dir` is and the merge that joins it, from the
 * file that marks it (part.json of a city or a national run, of any format
 * version; sweep-part.json of a sweep or sensitivity design), or undefined
 * for any other folder. For a message that names the command to use.
 */
export function shardFolderOf(dir: string): { kind: string; merge: string } | undefined {
  return shardKindOf(dir, readPartJson(dir));
}

/**
 * `difusi merge`'s shard folders all of one kind that merge joins: a shard another command merges (a
 * comparison's, a national run's) is named with that command, and one of another kind than the first
 * folder (a sweep's beside a city run's) is named with the first, whatever comes with them; otherwise
 * the merge of the first folder's kind would call the other "not a shard folder".
 */
export function refuseMixedShards(dirs: readonly string[]): void {
  const kinds = dirs.map((dir) => shardFolderOf(dir));
  kinds.forEach((kind, i) => {
    if (kind !== undefined && kind.merge !== 'difusi merge') throw UserError.of('part_of_other_kind', [kind.kind, kind.merge], { file: dirs[i]! });
  });
  const first = kinds[0];
  if (first === undefined) return;
  kinds.forEach((kind, i) => {
    if (kind !== undefined && kind.kind !== first.kind) throw UserError.of('merge_mixed_kinds', [kind.kind, first.kind, dirs[0]!], { file: dirs[i]! });
  });
}

/** The JSON in `dir`'s part.json, or undefined when there is none to read or it is not JSON. */
export function readPartJson(dir: string): { readonly value: unknown } | undefined {
  // Before the read: a pipe in its place would block it forever.
  if (!regularFileExists(path.join(dir, META))) return undefined;
  try {
    return { value: JSON.parse(fs.readFileSync(path.join(dir, META), 'utf8')) as unknown };
  } catch {
    return undefined;
  }
}

/** shardFolderOf, given what a caller read of `dir`'s part.json (readPartJson), which is not read again. */
export function shardKindOf(dir: string, part: { readonly value: unknown } | undefined): { kind: string; merge: string } | undefined {
  if (fs.existsSync(path.join(dir, 'sweep-part.json'))) return { kind: 'a sweep or sensitivity design (difusi sweep --shard)', merge: 'difusi merge' };
  // A comparison's shard holds one run part per arm under arms/ (jobs/compare.ts), and no part of its own.
  if (part === undefined && /\.shard-\d+-of-\d+$/.test(dir.replace(/[\\/]+$/, '')) && fs.existsSync(path.join(dir, 'arms'))) {
    return { kind: 'a comparison (difusi compare --shard)', merge: 'difusi compare <experiment> --merge (with the same -r, --seed and --set as the shards)' };
  }
  if (part === undefined) return undefined;
  const format = (part.value as { format?: unknown } | null)?.format;
  if (typeof format !== 'string') return undefined;
  // NATIONAL_PART_FORMAT (store/national-file.ts, not loaded here) and PART_FORMAT, of any version.
  if (format.startsWith('difusi-national-part-')) return { kind: 'a national run (difusi national --shard)', merge: 'difusi national-merge' };
  if (format.startsWith('difusi-part-')) return { kind: 'a city run (difusi run --shard)', merge: 'difusi merge' };
  return undefined;
}

/**
 * One record line: `<json>\t<checksum of the series bytes and the json>\n`.
 * A line longer than MAX_RECORD_CHARS bytes (without its newline: what a
 * reader makes a string of) could be neither written from one string nor
 * read back: refused, naming the replication, with `file` (the scenario file)
 * for the place.
 */
export function recordLine(record: PartRecord, series: Uint8Array, file: string, limit = MAX_RECORD_CHARS): string {
  const refuse = () => UserError.of('record_too_long', [record.r, limit.toLocaleString('en-US')], { file });
  let json: string;
  try {
    json = JSON.stringify(record);
  } catch (error) {
    // V8's longest string passed while the JSON was built.
    if (error instanceof RangeError && /string length/i.test(error.message)) throw refuse();
    throw error;
  }
  // The line built below is the JSON and 18 characters (a tab, the 16-character checksum, the newline); in
  // bytes too, as a reader reads the line back (each byte at most one character).
  const extra = 18;
  if (json.length + extra > limit || Buffer.byteLength(json, 'utf8') + extra > limit) throw refuse();
  return `${json}\t${checksum(series, json)}\n`;
}

/** A parsed record line, or why it cannot be used. */
function parseLine(text: string): { record: PartRecord; json: string; sum: string } | undefined {
  const tab = text.lastIndexOf('\t');
  if (tab < 0) return undefined;
  const json = text.slice(0, tab);
  const sum = text.slice(tab + 1);
  if (!/^[0-9a-f]{16}$/.test(sum)) return undefined;
  try {
    const record = JSON.parse(json) as PartRecord;
    if (typeof record !== 'object' || record === null || !Number.isInteger(record.r) || !Number.isInteger(record.offset) || record.r < 0 || record.offset < 0) return undefined;
    return { record, json, sum };
  } catch {
    return undefined;
  }
}

export class PartWriter implements RunStore {
  private seriesFd: number;
  private recordsFd: number;
  private seriesBytes: number;
  private pending: string[] = [];
  /** A record was refused (recordLine): the part can never be finished, so closing removes it. */
  private refused = false;
  private lastFlush = Date.now();
  /** Flushes lines left waiting when no append comes within FLUSH_MS (unref'd: never keeps the process alive). */
  private flushTimer: NodeJS.Timeout | undefined;
  private timerFailure: unknown;
  readonly done: Set<number>;
  /** What opening the part found and did (dropped damaged records, rebuilt part.json), for the user: warnings, worded in the command's language. */
  readonly notes: ScenarioWarning[];

  private constructor(
    readonly dir: string,
    readonly meta: PartMeta,
    done: Set<number>,
    seriesBytes: number,
    notes: ScenarioWarning[],
  ) {
    this.done = done;
    this.seriesBytes = seriesBytes;
    this.notes = notes;
    this.seriesFd = fs.openSync(path.join(dir, SERIES), 'r+');
    this.recordsFd = fs.openSync(path.join(dir, RECORDS), 'a');
  }

  /**
   * Opens the part in `dir`: resumes it when `resume` is set and it belongs
   * to the same run (same meta), else starts it afresh. On resume every
   * record is checked (its line, its checksum, its data within series.bin);
   * a record that fails is dropped, so its replication runs again.
   */
  static open(dir: string, meta: PartMeta, resume: boolean): PartWriter {
    const metaFile = path.join(dir, META);
    const notes: ScenarioWarning[] = [];
    if (resume && fs.existsSync(dir)) {
      requireRegularFiles([metaFile, path.join(dir, RECORDS), path.join(dir, SERIES)]);
      let existing: PartMeta | undefined;
      let metaProblem: 'missing' | 'unreadable' = 'missing';
      try {
        existing = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as PartMeta;
      } catch {
        metaProblem = fs.existsSync(metaFile) ? 'unreadable' : 'missing';
      }
      const hasData = fs.existsSync(path.join(dir, RECORDS)) && fs.existsSync(path.join(dir, SERIES));
      if (existing === undefined && hasData) {
        // The folder's name is the run's key, and every record carries its own
        // checksum: what verifies is this run's, so part.json is rebuilt, not the work discarded.
        writeFileDurably(metaFile, sealedJson(meta));
        existing = sealMeta(meta);
        notes.push(warning('part_meta_rebuilt', metaFile, metaProblem, 'replication'));
      }
      // A part.json that is not intact, or that another build wrote, is not resumed (part-seal.ts notResumable).
      const why = existing === undefined ? undefined : notResumable(existing);
      if (why !== undefined && hasData) {
        notes.push(warning('part_not_resumed', dir, META, why));
        existing = undefined;
      }
      if (existing !== undefined && sameRun(existing, meta) && hasData) {
        const { records, dropped } = verifyForResume(dir, meta);
        if (dropped > 0) notes.push(warning('part_records_dropped', dir, dropped, 'replication'));
        const recordSize = recordBytes(meta);
        const seriesBytes = records.reduce((mx, r) => Math.max(mx, r.offset + recordSize), 0);
        // Shrink only: a file shorter than its records would be extended with zeros.
        if (fs.statSync(path.join(dir, SERIES)).size > seriesBytes) fs.truncateSync(path.join(dir, SERIES), seriesBytes);
        return new PartWriter(dir, meta, new Set(records.map((r) => r.r)), seriesBytes, notes);
      }
      if (existing !== undefined && hasData) notes.push(warning('part_other_run', dir));
    } else if (!resume && regularFileExists(path.join(dir, RECORDS))) {
      let kept = 0;
      if (eachLine(path.join(dir, RECORDS), (line) => (kept += line.length > 0 ? 1 : 0)) > 0) kept++;
      if (kept > 0) notes.push(warning('part_discarded', dir, kept, 'run'));
    }
    removeOwnFolder(dir, [META, SERIES, RECORDS]);
    fs.mkdirSync(dir, { recursive: true });
    writeFileDurably(metaFile, sealedJson(meta));
    writeFileDurably(path.join(dir, SERIES), '');
    writeFileDurably(path.join(dir, RECORDS), '');
    return new PartWriter(dir, meta, new Set(), 0, notes);
  }

  append(result: FormattedResult): void {
    if (this.timerFailure !== undefined) throw this.timerFailure;
    const bytes = new Uint8Array(result.series.buffer, result.series.byteOffset, result.series.byteLength);
    if (bytes.length !== recordBytes(this.meta)) throw new Error(`replication ${result.replication}: series of ${bytes.length} bytes, expected ${recordBytes(this.meta)}`);
    const offset = this.seriesBytes;
    const record: PartRecord = {
      r: result.replication,
      offset,
      outcomes: result.outcomes,
      agents: result.agents,
      events: result.events,
    };
    let line: string;
    try {
      line = recordLine(record, bytes, this.meta.scenario_file);
    } catch (error) {
      if (error instanceof UserError) this.refused = true;
      throw error;
    }
    writeFully(this.seriesFd, bytes, offset, path.join(this.dir, SERIES));
    this.seriesBytes += bytes.length;
    this.pending.push(line);
    this.done.add(result.replication);
    if (this.pending.length >= FLUSH_RECORDS || Date.now() - this.lastFlush >= FLUSH_MS) this.flush();
    else if (this.flushTimer === undefined) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        // A failure here (a full disk) has no caller to reach: kept for the next append or close to throw.
        try {
          this.flush();
        } catch (e) {
          this.timerFailure = e;
        }
      }, FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  /** Makes the pending records durable: their series data first, then their lines. */
  flush(): void {
    if (this.timerFailure !== undefined) throw this.timerFailure;
    if (this.flushTimer !== undefined) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    this.lastFlush = Date.now();
    if (this.pending.length === 0) return;
    syncFd(this.seriesFd, path.join(this.dir, SERIES));
    // Joined a batch at a time, each below the longest string (lines of agents and events can be hundreds of millions of characters).
    let batch: string[] = [];
    let chars = 0;
    const write = () => {
      if (batch.length > 0) writeTextFully(this.recordsFd, batch.join(''), path.join(this.dir, RECORDS));
      batch = [];
      chars = 0;
    };
    for (const line of this.pending) {
      if (chars + line.length > WRITE_BATCH_CHARS) write();
      batch.push(line);
      chars += line.length;
    }
    write();
    this.pending = [];
  }

  close(): void {
    if (this.refused) {
      // A refused record (too long to save): the part can never be finished, and nothing of it is left.
      fs.closeSync(this.seriesFd);
      fs.closeSync(this.recordsFd);
      removeOwnFolder(this.dir, [META, SERIES, RECORDS]);
      return;
    }
    try {
      this.flush();
      syncFd(this.recordsFd, path.join(this.dir, RECORDS));
    } finally {
      fs.closeSync(this.seriesFd);
      fs.closeSync(this.recordsFd);
    }
  }
}

/** Bytes of one replication's series record. */
function recordBytes(meta: Pick<PartMeta, 'months' | 'metrics'>): number {
  return meta.months * meta.metrics.length * 8;
}

/** Bytes of records.jsonl read at a time. */
const READ_CHUNK = 1 << 24;

/**
 * Calls `onLine(bytes, start)` for each complete line of `file` (its bytes
 * without the newline, valid only during the call; `start`: its position),
 * reading the file a chunk at a time: a records file can hold more than one
 * read takes (2 GiB) and a line more than a chunk. Returns the bytes after
 * the last newline (a line cut short).
 */
export function eachLine(file: string, onLine: (bytes: Buffer, start: number) => void): number {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    let carry: Buffer[] = [];
    let carried = 0;
    let pos = 0;
    let lineStart = 0;
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, READ_CHUNK, pos);
      if (n <= 0) break;
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl >= 0 && nl < n; nl = chunk.indexOf(10, from)) {
        let bytes = chunk.subarray(from, nl);
        if (carried > 0) {
          bytes = Buffer.concat([...carry, bytes]);
          carry = [];
          carried = 0;
        }
        onLine(bytes, lineStart);
        lineStart = pos + nl + 1;
        from = nl + 1;
      }
      if (from < n) {
        carry.push(Buffer.from(chunk.subarray(from, n)));
        carried += n - from;
      }
      pos += n;
    }
    return carried;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Removes a part folder the tool made; refuses (a user error) when it holds
 * anything else, so files the tool did not write are never deleted.
 */
export function removeOwnFolder(dir: string, own: readonly string[]): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  const foreign = entries.filter((e) => !own.includes(e) && !/\.tmp-\d+$/.test(e));
  if (foreign.length > 0) {
    throw UserError.of('foreign_files', [dir, foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, … (${foreign.length} in all)` : '')], { file: dir });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Whether an existing part belongs to the same run: everything that
 * determines the data must agree; how the scenario file was named, its Info
 * text and the tool version do not matter.
 */
function sameRun(a: PartMeta, b: PartMeta): boolean {
  // Keys sorted: the same --sets given in another order are the same run (one scenario hash), as for merge.
  const data = (m: PartMeta) => stringify({ ...unsealed(m), tool_version: '', scenario_file: '', info: '', info_id: '' });
  return data(a) === data(b);
}

/**
 * The records of a part that verify (complete line, checksum of line and
 * series data, data within series.bin, first copy of a replication), in
 * file order; records.jsonl is rewritten without the others.
 */
function verifyForResume(dir: string, meta: PartMeta): { records: PartRecord[]; dropped: number } {
  const recordsFile = path.join(dir, RECORDS);
  const seriesFile = path.join(dir, SERIES);
  const size = recordBytes(meta);
  const seriesSize = fs.statSync(seriesFile).size;
  const fd = fs.openSync(seriesFile, 'r');
  const series = new Uint8Array(size);
  const records: PartRecord[] = [];
  // Where each kept line lies (with its newline): copied, not held, as a line can be hundreds of megabytes.
  const kept: { start: number; length: number }[] = [];
  const seen = new Set<number>();
  let dropped = 0;
  let changed = false;
  try {
    const cut = eachLine(recordsFile, (bytes, start) => {
      const line = bytes.length <= MAX_RECORD_CHARS ? parseLine(bytes.toString('utf8')) : undefined;
      let ok = line !== undefined && line.record.r < meta.replications && line.record.offset + size <= seriesSize && !seen.has(line.record.r);
      if (ok && line !== undefined) {
        const n = fs.readSync(fd, series, 0, size, line.record.offset);
        ok = n === size && checksum(series, line.json) === line.sum;
      }
      if (!ok || line === undefined) {
        dropped++;
        changed = true;
        return;
      }
      seen.add(line.record.r);
      records.push(line.record);
      kept.push({ start, length: bytes.length + 1 });
    });
    if (cut > 0) changed = true; // a line cut short by a crash: never counted as done
  } finally {
    fs.closeSync(fd);
  }
  if (changed) {
    const tmp = `${recordsFile}.tmp-${process.pid}`;
    copyLines(recordsFile, tmp, kept);
    fs.renameSync(tmp, recordsFile);
  }
  return { records, dropped };
}

/** Writes the byte ranges `lines` of `from` to a new file `to`, in order, durably. */
function copyLines(from: string, to: string, lines: readonly { start: number; length: number }[]): void {
  const src = fs.openSync(from, 'r');
  try {
    writeFileDurably(to, '');
    const out = fs.openSync(to, 'a');
    try {
      const buf = Buffer.allocUnsafe(READ_CHUNK);
      for (const { start, length } of lines) {
        for (let done = 0; done < length; ) {
          const part = buf.subarray(0, Math.min(READ_CHUNK, length - done));
          readFully(src, part, start + done, from, 'run it again without --resume');
          writeFully(out, part, null, to);
          done += part.length;
        }
      }
      syncFd(out, to);
    } finally {
      fs.closeSync(out);
    }
  } finally {
    fs.closeSync(src);
  }
}

/** A finished or partial part, read for merging. */
export interface PartReader {
  readonly dir: string;
  readonly meta: PartMeta;
  /** Byte position of each replication's records.jsonl line, by index. */
  readonly lines: Map<number, { start: number; length: number; offset: number }>;
}

/**
 * Reads a part's index. Records whose data would lie past the end of
 * series.bin are left out (their replications count as missing); a line
 * that is not a record is damage, reported with what to rerun.
 */
export function readPart(dir: string): PartReader {
  const metaPath = path.join(dir, META);
  // Nothing of the folder is opened before each file is known to be a file (a pipe would block the read forever).
  requireRegularFiles([metaPath, path.join(dir, RECORDS), path.join(dir, SERIES)]);
  if (!fs.existsSync(metaPath)) {
    // A comparison's shard (its parts are under arms/): say how that one is merged.
    const other = shardFolderOf(dir);
    if (other !== undefined && other.merge !== 'difusi merge') throw UserError.of('part_of_other_kind', [other.kind, other.merge], { file: dir });
    throw UserError.of('not_a_part', [], { file: dir }, { expected: `a shard folder written by run --shard (with ${META})` });
  }
  let meta: PartMeta;
  try {
    meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as PartMeta;
  } catch (error) {
    throw UserError.of('not_a_part', [], { file: metaPath }, { found: error instanceof Error ? error.message : String(error) });
  }
  if (typeof meta !== 'object' || meta === null) throw UserError.of('not_a_part', [], { file: metaPath }, { found: 'not an object' });
  // A national run's shard: difusi national-merge joins it.
  const other = shardFolderOf(dir);
  if (other !== undefined && other.merge !== 'difusi merge') throw UserError.of('part_of_other_kind', [other.kind, other.merge], { file: dir });
  if (meta.format !== PART_FORMAT) {
    throw UserError.of('not_a_part', [], { file: metaPath }, { expected: PART_FORMAT, found: String(meta.format) });
  }
  // Nothing of part.json is used before it is known to be intact, of this build and of a shape difusi writes.
  checkPartMeta(dir, meta);
  const recordsFile = path.join(dir, RECORDS);
  const seriesFile = path.join(dir, SERIES);
  if (!fs.existsSync(recordsFile) || !fs.existsSync(seriesFile)) {
    throw UserError.of('data_damaged', [dir, `${RECORDS} or ${SERIES} is missing`, rerunAdvice(meta)], { file: dir });
  }
  const seriesSize = fs.statSync(seriesFile).size;
  const size = recordBytes(meta);
  const lines = new Map<number, { start: number; length: number; offset: number }>();
  let lineNo = 0;
  // A line cut short at the end: its replication is missing.
  eachLine(recordsFile, (bytes, start) => {
    lineNo++;
    // A line longer than a string holds (MAX_RECORD_CHARS) was never written by difusi: not a record.
    const line = bytes.length <= MAX_RECORD_CHARS ? parseLine(bytes.toString('utf8')) : undefined;
    if (line === undefined) {
      throw UserError.of('data_damaged', [recordsFile, `line ${lineNo} is not a record`, rerunAdvice(meta)], { file: recordsFile, line: lineNo });
    }
    const rec = line.record;
    if (rec.offset + size <= seriesSize) {
      // One part holding a replication twice is damage of that part, not a second part.
      if (lines.has(rec.r)) throw UserError.of('data_damaged', [recordsFile, `replication ${rec.r} has two records (line ${lineNo} and an earlier one)`, rerunAdvice(meta, dir)], { file: recordsFile, line: lineNo });
      lines.set(rec.r, { start, length: bytes.length, offset: rec.offset });
    }
  });
  return { dir, meta, lines };
}

/**
 * Checks every record of `parts` that `owner` uses against its checksum
 * (line and series data); a mismatch is a user error naming the part,
 * the replication and what to rerun.
 */
export function verifyParts(owner: readonly PartReader[]): void {
  const access = new PartAccess();
  try {
    for (let r = 0; r < owner.length; r++) access.verify(owner[r]!, r);
  } finally {
    access.close();
  }
}

/** Random access to the parts' data for finalizing. */
export class PartAccess {
  private readonly seriesFds = new Map<string, number>();
  private readonly recordFds = new Map<string, number>();
  private verifyBytes = new Uint8Array(0);

  record(part: PartReader, r: number): PartRecord {
    const line = this.line(part, r);
    return line.record;
  }

  /** Reads `count` float64 values of replication r's series from value position `at`. */
  series(part: PartReader, r: number, at: number, out: Float64Array): void {
    const where = part.lines.get(r)!;
    const file = path.join(part.dir, SERIES);
    const fd = this.fd(this.seriesFds, file);
    const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    readFully(fd, bytes, where.offset + at * 8, file, rerunAdvice(part.meta));
  }

  /** Checks replication r's line and series data against the line's checksum. */
  verify(part: PartReader, r: number): void {
    const line = this.line(part, r);
    const where = part.lines.get(r)!;
    const file = path.join(part.dir, SERIES);
    // One buffer for every record checked (a record is tens of kilobytes: a
    // new one each, zeroed and collected, cost as much as reading it).
    const size = recordBytes(part.meta);
    if (this.verifyBytes.length !== size) this.verifyBytes = new Uint8Array(size);
    const bytes = this.verifyBytes;
    readFully(this.fd(this.seriesFds, file), bytes, where.offset, file, rerunAdvice(part.meta));
    if (checksum(bytes, line.json) !== line.sum || line.record.r !== r) {
      throw UserError.of('data_damaged', [part.dir, `replication ${r} does not match its checksum`, rerunAdvice(part.meta)], { file: part.dir });
    }
  }

  private line(part: PartReader, r: number): { record: PartRecord; json: string; sum: string } {
    const where = part.lines.get(r)!;
    const file = path.join(part.dir, RECORDS);
    const fd = this.fd(this.recordFds, file);
    const buf = new Uint8Array(where.length);
    readFully(fd, buf, where.start, file, rerunAdvice(part.meta));
    const line = parseLine(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8'));
    if (line === undefined) throw UserError.of('data_damaged', [file, `the record of replication ${r} changed while it was read`, rerunAdvice(part.meta)], { file });
    return line;
  }

  close(): void {
    for (const fd of [...this.seriesFds.values(), ...this.recordFds.values()]) fs.closeSync(fd);
    this.seriesFds.clear();
    this.recordFds.clear();
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
