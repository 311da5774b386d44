/**
 * Writing a run's result folder from its parts (one part for a run on one
 * machine, n for a sharded run): the same function in both cases, so a merge
 * of shards gives exactly the bytes of a single-machine run.
 *
 *   parts --check(hash, seed, n, indices)--> index order
 *         --> summary.csv   (per month: describe() of each metric over replications)
 *         --> timeseries.csv, outcomes.csv, agents.csv, events.csv
 *         --> manifest.json
 *   all written into a temporary sibling folder, then renamed into place.
 *
 * Memory stays flat in the number of replications: the summary reads one
 * month of every replication at a time from the parts' series files.
 */
import stringify from 'safe-stable-stringify';
import fs from 'node:fs';
import path from 'node:path';
import { describe } from '../experiment/stats/describe.js';
import { OutcomeTally } from '../experiment/outcome-table.js';
import { monthDate } from '../scenario/calendar.js';
import { UserError } from '../messages/catalog.js';
import { CsvWriter } from './csv.js';
export { DATA_FILES } from './tables.js';
import { AGENTS, DATA_FILES, EVENTS, OUTCOMES_TABLE, SUMMARY, TIMESERIES, manifestText, type ManifestInput } from './tables.js';
import { missingShards, PartAccess, readPart, rerunAdvice, verifyParts, type PartMeta, type PartReader } from './part-store.js';
import { writeFileDurably } from './durable.js';
import { folderList, mismatchAdvice } from './part-seal.js';
import { helperThread, workerFile } from '../engine/worker-pool.js';
import type { TimeseriesJob } from './timeseries-worker.js';
import { summaryDateCell, summaryMetricCells, summaryRowText } from './summary-text.js';
import { checkReplaceable } from './folder-lock.js';
import type { OutcomeVectors } from './arm-outcomes.js';

// timeseriesText lives in its own small module so worker threads can format
// rows without loading this one (its tables load zod, csv-stringify and the statistics).
import { RowBytes, timeseriesBytes, timeseriesText } from './timeseries-text.js';
import { readRegularText } from './regular-file.js';
export { timeseriesText };

/**
 * The fields of a part's meta that say which run it belongs to, in the
 * order a mismatch is told (the seed and counts first: what a user sets),
 * and how each is shown. How the scenario file was named, its Info text,
 * the tool version and the shard's index do not matter (as for resume).
 */
const RUN_FIELDS: readonly [keyof PartMeta, string][] = [
  ['seed', 'seed'],
  ['replications', 'replications'],
  ['detail_replications', 'detail_replications'],
  ['scenario_name', 'scenario name'],
  ['months', 'months'],
  ['start', 'start'],
  ['metrics', 'metrics'],
  ['overrides', 'overrides (--set)'],
  ['scenario_hash', 'scenario hash'],
  ['scenario', 'resolved scenario'],
  ['build', 'build'],
];

/** JSON with object keys sorted: the same for the same values, whatever order their keys were written in. */
const stableJson = (value: unknown): string => stringify(value) ?? 'undefined';

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? 'none' : JSON.stringify(value);
  return /^[0-9a-f]{64}$/.test(text) ? text.slice(0, 12) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Where each replication is: its part. Checks that the parts form one complete run. */
export function indexParts(parts: readonly PartReader[]): { owner: PartReader[]; replications: number } {
  if (parts.length === 0) throw UserError.of('merge_nothing', [], { file: '(merge)' });
  // The run most parts belong to (the first part's on a tie); a part of another run is named, whatever its place.
  // Keys sorted (stableJson): --set given in another order is the same run, as its scenario hash says.
  const runOf = (m: PartMeta) => stableJson([...RUN_FIELDS.map(([k]) => m[k]), m.shard.count]);
  const groups = new Map<string, number>();
  for (const part of parts) groups.set(runOf(part.meta), (groups.get(runOf(part.meta)) ?? 0) + 1);
  let run = runOf(parts[0]!.meta);
  for (const [key, n] of groups) if (n > groups.get(run)!) run = key;
  const ref = parts.find((p) => runOf(p.meta) === run)!.meta;
  const others = parts.length - 1;
  for (const part of parts) {
    const m = part.meta;
    if (runOf(m) === run) continue;
    // Its shard index with the majority's shard count: a part of shard 1/4 among shards of 3 is run again as 1/3.
    const advice = mismatchAdvice(m.shard, ref.shard.count, part.dir, others, rerunAdvice);
    if (m.shard.count !== ref.shard.count)
      throw UserError.of('merge_mismatch', ['shard count n', String(m.shard.count), String(ref.shard.count), others, advice], { file: part.dir });
    const differs = (k: keyof PartMeta) => stableJson(m[k]) !== stableJson(ref[k]);
    // Another scenario is said first, by its name (the first field told otherwise is the seed, which says nothing of
    // it); one of the same name whose seed, counts and --sets are the others' is a changed file: said so.
    const sameRunSettings = !differs('seed') && !differs('replications') && !differs('detail_replications') && !differs('overrides');
    const otherScenario = differs('scenario_name') ? 'another scenario' : sameRunSettings && (differs('scenario_hash') || differs('scenario')) ? 'another scenario of the same name' : undefined;
    const [key, label] = differs('scenario_name') ? RUN_FIELDS.find(([k]) => k === 'scenario_name')! : RUN_FIELDS.find(([k]) => differs(k))!;
    const why = otherScenario ?? (key === 'seed' ? 'another seed' : key === 'build' ? 'another build' : undefined);
    throw UserError.of('merge_mismatch', [label, shown(m[key]), shown(ref[key]), others, advice, why], { file: part.dir });
  }
  const first = ref;
  const owner: (PartReader | undefined)[] = new Array<PartReader | undefined>(first.replications);
  const duplicates: number[] = [];
  const holders = new Set<PartReader>();
  for (const part of parts) {
    for (const r of part.lines.keys()) {
      if (r >= first.replications || r < 0) continue;
      if (owner[r] !== undefined) {
        duplicates.push(r);
        holders.add(owner[r]!).add(part);
      } else owner[r] = part;
    }
  }
  if (duplicates.length > 0) {
    // The folders that hold a replication twice: the same folder given twice, or a copy of one.
    throw UserError.of('merge_duplicates', [duplicates.sort((a, b) => a - b).slice(0, 50).join(', '), folderList([...holders].map((p) => p.dir))], { file: '(merge)' });
  }
  const missing: number[] = [];
  for (let r = 0; r < first.replications; r++) if (owner[r] === undefined) missing.push(r);
  if (missing.length > 0) {
    throw UserError.of('merge_missing', [missing.length, missing.slice(0, 50).join(', '), missingShards(missing, first.shard.count)], { file: '(merge)' });
  }
  return { owner: owner as PartReader[], replications: first.replications };
}

/** A run folder's manifest before `files` is added. */
export type FolderManifest = ManifestInput;

/** What writing a run folder gives back besides the files: the outcome tally of outcomes.csv, counted as it was written. */
export interface RunFolderWritten {
  readonly files: string[];
  readonly outcomes: OutcomeTally;
}

/**
 * Writes the run folder `outDir` from complete parts, atomically: nothing
 * appears at `outDir` unless every file was written. `vectors`, when given,
 * is filled with each replication's outcome vector as the files hold it (a
 * comparison pairs its arms on them without reading the files back).
 */
export function writeRunFolder(partDirs: readonly string[], outDir: string, manifest: FolderManifest, vectors?: OutcomeVectors): RunFolderWritten {
  const parts = partDirs.map((d) => readPart(d));
  const steps = folderSteps(parts, indexParts(parts), outDir, manifest, vectors, null);
  const step = steps.next();
  if (!step.done) throw new Error('writeRunFolder: rows asked for without a thread to format them');
  return step.value;
}

/** Text of timeseries.csv a thread formats per chunk, about (bytes). */
const CHUNK_TEXT_BYTES = 2_000_000;
/** Text formatted ahead of the writer at most (bytes): memory stays bounded whatever R. */
const AHEAD_TEXT_BYTES = 64_000_000;

/**
 * `writeRunFolder` with timeseries.csv's rows formatted by a worker thread
 * (with `workers` > 1; otherwise it is writeRunFolder): a thread of the run
 * that just ended (or a new one) reads the series from the parts and
 * formats chunks of replications while this thread checks the parts and
 * computes summary.csv; this thread then writes the chunks in replication
 * order. The same bytes as writeRunFolder (the same formatter, the same
 * order); what the user's --workers allows, no more: one thread besides this one.
 */
export async function writeRunFolderAsync(
  partDirs: readonly string[],
  outDir: string,
  manifest: FolderManifest,
  vectors: OutcomeVectors | undefined,
  options: { readonly workers: number; /** Replications per chunk (default: a few megabytes of text). */ readonly chunk?: number },
): Promise<RunFolderWritten> {
  if (options.workers <= 1) return writeRunFolder(partDirs, outDir, manifest, vectors);
  const parts = partDirs.map((d) => readPart(d));
  const indexed = indexParts(parts);
  const { owner, replications } = indexed;
  const meta = parts[0]!.meta;
  const M = meta.metrics.length;
  const dates = Array.from({ length: meta.months }, (_, i) => monthDate(meta.start, i + 1));
  // About 4 characters a cell: the size of a replication's rows, for chunks of a few megabytes.
  const perChunk = Math.max(1, Math.floor(options.chunk ?? CHUNK_TEXT_BYTES / Math.max(1, meta.months * M * 4)));
  // Chunks formatted ahead: two until the first arrives, then as many as AHEAD_TEXT_BYTES holds
  // at the first chunk's real size (a cell of a share takes about 20 characters, not 4).
  let ahead = 2;
  let sized = false;
  const chunks: RowsRequest[] = [];
  for (let from = 0; from < replications; from += perChunk) chunks.push({ from, to: Math.min(replications, from + perChunk) });
  const job: TimeseriesJob = {
    dirs: parts.map((p) => p.dir),
    partOf: Int32Array.from(owner, (p) => parts.indexOf(p)),
    offsets: Float64Array.from(owner, (p, r) => p.lines.get(r)!.offset),
    metrics: M,
    dates,
  };
  const helper = helperThread<Uint8Array>(workerFile(import.meta.url, 'timeseries-worker.js'), job);
  const texts: (Promise<Uint8Array> | undefined)[] = [];
  let sent = 0;
  let taken = 0;
  const send = () => {
    for (; sent < chunks.length && sent - taken < ahead; sent++) {
      const text = helper.run([chunks[sent]]).then((r) => r[0]!);
      // As soon as the first chunk arrives (folderSteps lets this thread's
      // event loop run between months of summary.csv), its size sets how far
      // ahead the thread may go, and it gets the next chunks at once: it
      // formats while this thread computes the summary, not only after.
      text.then(
        (t) => {
          if (sized) return;
          sized = true;
          ahead = Math.max(2, Math.floor(AHEAD_TEXT_BYTES / Math.max(1, t.byteLength)));
          send();
        },
        () => undefined, // awaited in order below; a failure is thrown there
      );
      texts[sent] = text;
    }
  };
  send();
  const steps = folderSteps(parts, indexed, outDir, manifest, vectors, chunks);
  try {
    let step = steps.next();
    while (!step.done) {
      if (step.value === TICK) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        step = steps.next();
        continue;
      }
      let text: Uint8Array;
      try {
        text = await texts[taken]!;
      } catch (error) {
        // The writer removes its temporary folder, then the error goes on.
        steps.throw(error);
        throw error;
      }
      texts[taken++] = undefined;
      send();
      step = steps.next(text);
    }
    helper.release();
    return step.value;
  } catch (error) {
    await helper.stop();
    throw error;
  }
}

/** The timeseries.csv rows of replications `from` to `to` - 1, which `folderSteps` asks its driver for. */
interface RowsRequest {
  readonly from: number;
  readonly to: number;
}

/**
 * What `folderSteps` yields between months of summary.csv when a thread
 * formats the rows: its driver lets the event loop run (the thread's
 * finished chunks are taken in and it is sent the next), then goes on.
 */
const TICK: RowsRequest = { from: -1, to: -1 };

/**
 * The steps of writing a run folder. With `chunks` null it formats
 * timeseries.csv itself and never yields; otherwise it yields TICK after
 * each month of summary.csv, then each chunk of replications in order, and
 * writes the bytes it is given for it (the rows
 * `timeseriesBytes` gives: formatted by a thread, `writeRunFolderAsync`).
 * Everything else, and the order of every byte, is the same either way.
 */
function* folderSteps(
  parts: readonly PartReader[],
  indexed: { owner: PartReader[]; replications: number },
  outDir: string,
  manifest: FolderManifest,
  vectors: OutcomeVectors | undefined,
  chunks: readonly RowsRequest[] | null,
): Generator<RowsRequest, RunFolderWritten, Uint8Array | undefined> {
  const { owner, replications } = indexed;
  // Every record is checked before a number is written: a damaged part is an error naming it, never a result.
  verifyParts(owner);
  const meta = parts[0]!.meta;
  const metrics = meta.metrics;
  const M = metrics.length;
  const months = meta.months;

  const tmp = startWriting(outDir);
  const access = new PartAccess();
  // Every table opened, so that an error (a chunk a thread failed to format, a full disk) leaves no descriptor open.
  const opened: CsvWriter[] = [];
  const open = (file: string, columns: readonly string[]): CsvWriter => {
    const writer = new CsvWriter(file, columns);
    opened.push(writer);
    return writer;
  };
  try {
    // summary.csv: one month of every replication at a time.
    const summary = open(path.join(tmp, SUMMARY.file), SUMMARY.columns);
    // A block of months per read (at most about 4 million values in memory).
    const block = Math.max(1, Math.min(months, Math.floor(4_000_000 / Math.max(1, replications * M))));
    const blockRows = new Float64Array(replications * block * M);
    // One month of every metric and replication, metric by metric (each metric's values contiguous).
    const monthColumns = new Float64Array(M * replications);
    const metricCells = metrics.map((name) => summaryMetricCells(name));
    for (let m0 = 1; m0 <= months; m0 += block) {
      const span = Math.min(block, months - m0 + 1);
      for (let r = 0; r < replications; r++) {
        access.series(owner[r]!, r, (m0 - 1) * M, blockRows.subarray(r * block * M, r * block * M + span * M));
      }
      for (let m = m0; m < m0 + span; m++) {
        const dateCell = summaryDateCell(monthDate(meta.start, m));
        const at = (m - m0) * M;
        // A month's rows as one text (the same bytes as SUMMARY.format through the CSV writer).
        // Read each replication's month in order (its metrics lie together), not a metric at a time across replications.
        for (let r = 0; r < replications; r++) {
          const from = r * block * M + at;
          for (let j = 0; j < M; j++) monthColumns[j * replications + r] = blockRows[from + j]!;
        }
        let text = '';
        for (let j = 0; j < M; j++) {
          text += summaryRowText(m, dateCell, metricCells[j]!, describe(monthColumns.subarray(j * replications, (j + 1) * replications)));
        }
        summary.writeRows(text, M);
        if (chunks !== null) yield TICK;
      }
    }
    summary.close();

    // timeseries.csv: replication by replication, formatted as text directly
    // (the same bytes as the table's cell formatter, without its cost).
    const dates = Array.from({ length: months }, (_, i) => monthDate(meta.start, i + 1));
    const ts = open(path.join(tmp, TIMESERIES.file), TIMESERIES.columns(metrics));
    const record = new Float64Array(months * M);
    if (chunks === null) {
      // Formatted as bytes, written about a megabyte at a time.
      const out = new RowBytes();
      for (let r = 0; r < replications; r++) {
        access.series(owner[r]!, r, 0, record);
        timeseriesBytes(out, r, dates, M, record);
        if (out.used >= 1 << 20 || r === replications - 1) {
          ts.writeBytes(out.view());
          out.used = 0;
        }
      }
    } else {
      let next = 0;
      for (const chunk of chunks) {
        if (chunk.from !== next) throw new Error(`writeRunFolder: rows of replication ${chunk.from} asked for before ${next}`);
        const bytes = yield chunk;
        if (bytes === undefined) throw new Error(`writeRunFolder: no rows given for replications ${chunk.from} to ${chunk.to - 1}`);
        ts.writeBytes(bytes);
        next = chunk.to;
      }
      if (next !== replications) throw new Error(`writeRunFolder: rows of ${next} of ${replications} replications`);
    }
    ts.close();

    const outcomes = open(path.join(tmp, OUTCOMES_TABLE.file), OUTCOMES_TABLE.columns);
    const agents = open(path.join(tmp, AGENTS.file), AGENTS.columns);
    const events = open(path.join(tmp, EVENTS.file), EVENTS.columns);
    const tally = new OutcomeTally();
    for (let r = 0; r < replications; r++) {
      const rec = access.record(owner[r]!, r);
      if (vectors !== undefined) {
        access.series(owner[r]!, r, 0, record);
        vectors.add(r, record, rec.outcomes);
      }
      for (const o of rec.outcomes) {
        outcomes.write(OUTCOMES_TABLE.format({ replication: r, ...o }));
        tally.add(o);
      }
      for (const a of rec.agents ?? []) agents.write(AGENTS.format({ replication: r, ...a }));
      for (const e of rec.events ?? [])
        events.write(EVENTS.format({ replication: r, ...e, date: e.month >= 1 ? monthDate(meta.start, e.month) : '' }));
    }
    outcomes.close();
    agents.close();
    events.close();

    const files = [...DATA_FILES, 'manifest.json'];
    // What `report` checks the folder against: each data file's SHA-256 and row count.
    const written = { 'summary.csv': summary, 'timeseries.csv': ts, 'outcomes.csv': outcomes, 'agents.csv': agents, 'events.csv': events };
    const checksums = Object.fromEntries(Object.entries(written).map(([f, w]) => [f, w.sha256]));
    const rows = Object.fromEntries(Object.entries(written).map(([f, w]) => [f, w.rows]));
    // `overrides` (a run's what-ifs, only with --set) appended last, after the fields that were there before it.
    const { overrides, ...fields } = manifest as FolderManifest & { overrides?: unknown };
    writeFileDurably(path.join(tmp, 'manifest.json'), manifestText({ ...fields, files, checksums, rows, ...(overrides !== undefined && { overrides }) }));
    access.close();
    replaceDir(tmp, outDir);
    return { files, outcomes: tally };
  } catch (error) {
    for (const writer of opened) writer.abandon();
    access.close();
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Puts a finished part folder in place. A shard's result is its part (merged
 * later), renamed into place once complete; a whole run's part is written by
 * `write` as the result folder, then removed.
 */
export function finishPart(where: { readonly partial: string; readonly final: string }, sharded: boolean, write: () => void): void {
  if (sharded) replaceDir(where.partial, where.final);
  else {
    write();
    fs.rmSync(where.partial, { recursive: true, force: true });
  }
}

/** `finishPart` with a `write` that returns a promise (writeRunFolderAsync). */
export async function finishPartAsync(where: { readonly partial: string; readonly final: string }, sharded: boolean, write: () => Promise<void>): Promise<void> {
  if (sharded) replaceDir(where.partial, where.final);
  else {
    await write();
    fs.rmSync(where.partial, { recursive: true, force: true });
  }
}

/** A hidden sibling of `dir` for work in progress: `.<name>.<tag>-<pid>`. */
function hiddenSibling(dir: string, tag: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.${tag}-${process.pid}`);
}

/**
 * Creates the hidden folder a result is written into before it is renamed to
 * `outDir`, after removing what an interrupted earlier write (Ctrl-C, kill)
 * left of the same result. Nothing half-written is ever visible at `outDir`.
 */
export function startWriting(outDir: string): string {
  const parent = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}.`;
  if (fs.existsSync(parent)) {
    for (const entry of fs.readdirSync(parent)) {
      if (entry.startsWith(prefix) && /\.(writing|old)-\d+$/.test(entry)) {
        fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
      }
    }
  }
  const tmp = hiddenSibling(outDir, 'writing');
  fs.mkdirSync(tmp, { recursive: true });
  return tmp;
}

/** What a report writes into a result folder (report/i18n reportFiles, in English and Indonesian). */
const REPORT_ENTRIES = ['report.html', 'report.md', 'charts', 'report.id.html', 'report.id.md', 'charts.id'];

/** The data checksums of folder `dir`'s manifest, as text; undefined without any. */
function dataChecksums(dir: string): string | undefined {
  try {
    const m = JSON.parse(readRegularText(path.join(dir, 'manifest.json'))) as { checksums?: unknown };
    const text = JSON.stringify(m.checksums ?? null);
    return text === 'null' || text === '{}' ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * Copies the report of folder `old` into the new folder `next` when both
 * hold the same data (the same checksums: a rerun of the same key): the
 * folder put in place then has a complete report from the start, and a job
 * killed while it draws the new report (which replaces the copy, each part
 * by a rename) leaves a folder with a report, never one without. A copy,
 * not a move: a kill during it leaves the old folder whole.
 */
function carryReport(old: string, next: string): void {
  const sums = dataChecksums(old);
  if (sums === undefined || sums !== dataChecksums(next)) return;
  for (const entry of REPORT_ENTRIES) {
    const src = path.join(old, entry);
    const dst = path.join(next, entry);
    if (fs.existsSync(src) && !fs.existsSync(dst)) fs.cpSync(src, dst, { recursive: true });
  }
}

/** Moves `from` to `to`, replacing an older folder at `to` only once `from` is complete. */
export function replaceDir(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (fs.existsSync(to)) {
    checkReplaceable(to); // files difusi did not write are never deleted
    carryReport(to, from);
    const old = hiddenSibling(to, 'old');
    fs.renameSync(to, old);
    fs.renameSync(from, to);
    fs.rmSync(old, { recursive: true, force: true });
  } else fs.renameSync(from, to);
}

/**
 * The finished shard folders `<key>.shard-<i>-of-<n>` under `root`, sorted by
 * index, for the shard count `count` (or the only count present; several
 * counts without `count` is a user error).
 */
export function findShardFolders(root: string, key: string, count?: number): string[] {
  const pattern = new RegExp(`^${key}\\.shard-(\\d+)-of-(\\d+)$`);
  const found = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .map((name) => ({ name, m: pattern.exec(name) }))
        .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    : [];
  const counts = [...new Set(found.map((x) => Number(x.m[2])))];
  const n = count ?? (counts.length === 1 ? counts[0] : undefined);
  if (n === undefined && counts.length > 1) {
    throw UserError.of('invalid_option', ['--merge'], { file: 'command line' }, { expected: `--shard-count n to choose among ${counts.join(', ')}`, found: `shards of ${counts.length} counts` });
  }
  return found
    .filter((x) => Number(x.m[2]) === n)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((x) => path.join(root, x.name));
}
