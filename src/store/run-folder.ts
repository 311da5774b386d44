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
import fs from 'node:fs';
import path from 'node:path';
import { describe } from '../experiment/stats/describe.js';
import { monthDate } from '../scenario/calendar.js';
import { UserError } from '../messages/catalog.js';
import { CsvWriter } from './csv.js';
import { PartAccess, readPart, verifyParts, type PartReader } from './part-store.js';
import { writeFileDurably } from './durable.js';
import { checkReplaceable } from './folder-lock.js';

export const SUMMARY_COLUMNS = ['month', 'date', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'p05', 'p25', 'p50', 'p75', 'p95'] as const;
export const OUTCOME_COLUMNS = [
  'replication',
  'innovation',
  'outcome',
  'peak_live',
  'live_end',
  'first_adoption_month',
  'last_discontinuation_month',
  'main_cause',
  'heeks_success',
  'heeks_partial',
  'heeks_failure',
  'heeks_replaced',
] as const;
export const AGENT_COLUMNS = [
  'replication',
  'opd',
  'type',
  'theta',
  'category',
  'capacity',
  'champion',
  'first_adoption_month',
  'realized_category',
] as const;
/** The columns issue #2 named, then `date` (appended: columns are extended, never reordered). */
export const EVENT_COLUMNS = ['replication', 'month', 'kind', 'opd', 'innovation', 'loop', 'cause', 'date'] as const;

/** The data files of a run folder (the manifest aside, these are byte-reproducible). */
export const DATA_FILES = ['summary.csv', 'timeseries.csv', 'outcomes.csv', 'agents.csv', 'events.csv'] as const;

/** Where each replication is: its part. Checks that the parts form one complete run. */
export function indexParts(parts: readonly PartReader[]): { owner: PartReader[]; replications: number } {
  if (parts.length === 0) throw UserError.of('merge_nothing', [], { file: '(merge)' });
  const first = parts[0]!.meta;
  for (const part of parts) {
    const m = part.meta;
    for (const key of ['scenario_hash', 'seed', 'replications', 'detail_replications'] as const) {
      if (m[key] !== first[key])
        throw UserError.of('merge_mismatch', [part.dir, key, String(m[key]), String(first[key])], { file: part.dir });
    }
    if (m.shard.count !== first.shard.count)
      throw UserError.of('merge_mismatch', [part.dir, 'shard count n', String(m.shard.count), String(first.shard.count)], {
        file: part.dir,
      });
  }
  const owner: (PartReader | undefined)[] = new Array<PartReader | undefined>(first.replications);
  const duplicates: number[] = [];
  for (const part of parts) {
    for (const r of part.lines.keys()) {
      if (r >= first.replications || r < 0) continue;
      if (owner[r] !== undefined) duplicates.push(r);
      else owner[r] = part;
    }
  }
  if (duplicates.length > 0) {
    throw UserError.of('merge_duplicates', [duplicates.sort((a, b) => a - b).slice(0, 50).join(', ')], { file: '(merge)' });
  }
  const missing: number[] = [];
  for (let r = 0; r < first.replications; r++) if (owner[r] === undefined) missing.push(r);
  if (missing.length > 0) {
    const n = first.shard.count;
    const shards = [...new Set(missing.map((r) => r % n))].sort((a, b) => a - b);
    throw UserError.of(
      'merge_missing',
      [missing.length, missing.slice(0, 50).join(', '), shards.map((s) => `${s}/${n}`).join(', ')],
      { file: '(merge)' },
    );
  }
  return { owner: owner as PartReader[], replications: first.replications };
}

export interface FolderManifest {
  readonly [key: string]: unknown;
}

/**
 * Writes the run folder `outDir` from complete parts, atomically: nothing
 * appears at `outDir` unless every file was written.
 */
export function writeRunFolder(partDirs: readonly string[], outDir: string, manifest: FolderManifest): string[] {
  const parts = partDirs.map((d) => readPart(d));
  const { owner, replications } = indexParts(parts);
  // Every record is checked before a number is written: a damaged part is an error naming it, never a result.
  verifyParts(owner);
  const meta = parts[0]!.meta;
  const metrics = meta.metrics;
  const M = metrics.length;
  const months = meta.months;

  const tmp = startWriting(outDir);
  const access = new PartAccess();
  try {
    // summary.csv: one month of every replication at a time.
    const summary = new CsvWriter(path.join(tmp, 'summary.csv'), SUMMARY_COLUMNS);
    const monthRows = new Float64Array(replications * M);
    const column = new Float64Array(replications);
    for (let m = 1; m <= months; m++) {
      for (let r = 0; r < replications; r++) {
        access.series(owner[r]!, r, (m - 1) * M, monthRows.subarray(r * M, (r + 1) * M));
      }
      const date = monthDate(meta.start, m);
      for (let j = 0; j < M; j++) {
        for (let r = 0; r < replications; r++) column[r] = monthRows[r * M + j]!;
        const d = describe(column);
        summary.write([m, date, metrics[j]!, d.n, d.mean, d.sd, d.ci_low, d.ci_high, d.p05, d.p25, d.p50, d.p75, d.p95]);
      }
    }
    summary.close();

    // timeseries.csv: replication by replication.
    const dates = Array.from({ length: months }, (_, i) => monthDate(meta.start, i + 1));
    const ts = new CsvWriter(path.join(tmp, 'timeseries.csv'), ['replication', 'month', 'date', ...metrics]);
    const record = new Float64Array(months * M);
    for (let r = 0; r < replications; r++) {
      access.series(owner[r]!, r, 0, record);
      for (let m = 1; m <= months; m++) {
        const row: (number | string)[] = [r, m, dates[m - 1]!];
        for (let j = 0; j < M; j++) row.push(record[(m - 1) * M + j]!);
        ts.write(row);
      }
    }
    ts.close();

    const outcomes = new CsvWriter(path.join(tmp, 'outcomes.csv'), OUTCOME_COLUMNS);
    const agents = new CsvWriter(path.join(tmp, 'agents.csv'), AGENT_COLUMNS);
    const events = new CsvWriter(path.join(tmp, 'events.csv'), EVENT_COLUMNS);
    for (let r = 0; r < replications; r++) {
      const rec = access.record(owner[r]!, r);
      for (const o of rec.outcomes) outcomes.write([r, ...OUTCOME_COLUMNS.slice(1).map((c) => o[c as keyof typeof o])]);
      for (const a of rec.agents ?? []) agents.write([r, ...AGENT_COLUMNS.slice(1).map((c) => a[c as keyof typeof a])]);
      for (const e of rec.events ?? [])
        events.write([r, e.month, e.kind, e.opd, e.innovation, e.loop, e.cause, e.month >= 1 ? monthDate(meta.start, e.month) : '']);
    }
    outcomes.close();
    agents.close();
    events.close();

    const files = [...DATA_FILES, 'manifest.json'];
    // What `report` checks the folder against: each data file's SHA-256 and row count.
    const written = { 'summary.csv': summary, 'timeseries.csv': ts, 'outcomes.csv': outcomes, 'agents.csv': agents, 'events.csv': events };
    const checksums = Object.fromEntries(Object.entries(written).map(([f, w]) => [f, w.sha256]));
    const rows = Object.fromEntries(Object.entries(written).map(([f, w]) => [f, w.rows]));
    writeFileDurably(path.join(tmp, 'manifest.json'), JSON.stringify({ ...manifest, files, checksums, rows }, null, 2) + '\n');
    access.close();
    replaceDir(tmp, outDir);
    return files;
  } catch (error) {
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

/** Moves `from` to `to`, replacing an older folder at `to` only once `from` is complete. */
export function replaceDir(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (fs.existsSync(to)) {
    checkReplaceable(to); // files difusi did not write are never deleted
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
