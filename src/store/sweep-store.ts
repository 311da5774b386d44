/**
 * Sweep and sensitivity parts on disk, and the result folder written from
 * them: the same function for one machine and for merged shards, so a
 * merge gives exactly the bytes of a single-machine run.
 *
 *   sweep-part.json  what the part is: experiment key, design plan, outcomes, shard
 *   values.bin       one fixed-size record per finished design run:
 *                    float64 unit index, one float64 per outcome, then a
 *                    float64 checksum (48 bits of SHA-256 of the record's other bytes)
 *
 * A record counts once all its bytes are there and its checksum agrees;
 * `--resume` drops a record that fails (its design run runs again) and
 * continues; a merge reports it as damage, naming the shard to rerun.
 *
 *   parts --check(key, n, units)--> unit order
 *     --> sweep.csv          point, replication, factors, outcomes (one row per design run)
 *     --> sweep_summary.csv  point, factors, n, <outcome>_mean/_ci_low/_ci_high
 *     --> sensitivity.csv and morris.csv | sobol.csv   (Morris and Sobol designs)
 *     --> manifest.json
 *
 * Memory: an index of 8 bytes per design run and one point's summary at a
 * time (plus one mean per point and outcome for the sensitivity measures,
 * and the rows of sweep_summary.csv and sensitivity.csv, which the writer
 * returns so that nobody reads them back; sweep.csv's rows, one per design
 * run, are written and not kept).
 */
import stringify from 'safe-stable-stringify';
import fs from 'node:fs';
import path from 'node:path';
import { sensitivityRows, type DesignPlan, type SensitivityRow } from '../experiment/design.js';
import type { OutcomeSpec } from '../experiment/outcomes.js';
import { foldDesign } from '../experiment/sweep.js';
import { UserError, warning, type ScenarioWarning } from '../messages/catalog.js';
import { CsvWriter } from './csv.js';
import { replaceDir, startWriting } from './run-folder.js';
import type { DesignStore } from './store.js';
import { MORRIS, SENSITIVITY, SENSITIVITY_FLOOR, SOBOL, SWEEP, SWEEP_SUMMARY, manifestText, type ManifestInput, type SweepRow } from './tables.js';
import { checksum, readFully, syncFd, writeFileDurably, writeFully } from './durable.js';
import { missingShards, removeOwnFolder } from './part-store.js';
import { checkSealed, folderList, isRecord, notResumable, rerunShard, sealMeta, sealedJson, unsealed, wholeIn } from './part-seal.js';
import { MAX_REPLICATIONS } from '../scenario/limits.js';
import { requireRegularFiles } from './regular-file.js';

/** The record check value: 48 bits of SHA-256 of the record's other bytes, exact as a float64. */
function recordCheck(bytes: Uint8Array): number {
  return parseInt(checksum(bytes).slice(0, 12), 16);
}

function recordBytesOf(meta: SweepPartMeta): number {
  return 8 * (2 + meta.outcomes.length);
}

function sweepRerun(meta: SweepPartMeta, dir = ''): string {
  return rerunShard(meta, dir, 'run the same command again with --resume');
}

/**
 * What is wrong with the shape of a sealed sweep-part.json (types, counts
 * no design writes, a plan whose rows do not fit its factors), or
 * undefined: checked before any field is used.
 */
function sweepMetaProblem(m: Record<string, unknown>): string | undefined {
  if (m.kind !== 'sweep' && m.kind !== 'sensitivity') return 'kind is not sweep or sensitivity';
  if (typeof m.name !== 'string' || m.name === '' || typeof m.key !== 'string' || m.key === '') return 'name or key is not a text';
  if (!Number.isSafeInteger(m.seed)) return 'seed is not a whole number';
  if (!wholeIn(m.replications, 1, MAX_REPLICATIONS)) return `replications is not a whole number from 1 to ${MAX_REPLICATIONS}`;
  const outcomes = m.outcomes;
  if (!Array.isArray(outcomes) || outcomes.length === 0 || !outcomes.every((o) => isRecord(o) && typeof o.name === 'string')) return 'outcomes is not a list of outcomes';
  const plan = m.plan as Record<string, unknown>;
  if (!isRecord(plan) || !Array.isArray(plan.names) || !plan.names.every((n) => typeof n === 'string')) return 'plan is not a design plan';
  const width = plan.names.length;
  if (!Array.isArray(plan.rows) || plan.rows.length === 0 || !plan.rows.every((r) => Array.isArray(r) && r.length === width && r.every((x) => typeof x === 'number' && Number.isFinite(x))))
    return 'plan.rows is not a list of design points, one number per factor';
  if (m.units !== plan.rows.length * m.replications) return 'units is not the design points times the replications';
  const shard = m.shard as Record<string, unknown>;
  if (!isRecord(shard) || !wholeIn(shard.count, 1, Number.MAX_SAFE_INTEGER) || !wholeIn(shard.index, 0, (shard.count as number) - 1)) return 'shard is not a shard i of n (0 <= i < n)';
  if (!isRecord(m.manifest)) return 'manifest is not a manifest';
  return undefined;
}

/**
 * Checks a parsed sweep-part.json of the current format before any field
 * is used: its seal (a checksum that matches, this build's identity) and
 * its shape. A user error naming the folder and what to do.
 */
function checkSweepMeta(dir: string, meta: SweepPartMeta): void {
  checkSealed(dir, META, meta, sweepRerun(meta, dir), () => sweepMetaProblem(meta as unknown as Record<string, unknown>));
}

export type DesignKind = 'sweep' | 'sensitivity';

export interface SweepPartMeta {
  readonly format: 'difusi-sweep-part-2';
  readonly tool_version: string;
  readonly kind: DesignKind;
  /** Experiment name (the output folder's parent). */
  readonly name: string;
  /** The result folder's key: a hash of everything that determines the data files. */
  readonly key: string;
  readonly units: number;
  readonly replications: number;
  readonly seed: number;
  readonly outcomes: readonly OutcomeSpec[];
  readonly plan: DesignPlan;
  readonly shard: { readonly index: number; readonly count: number };
  /** The fixed fields of the result folder's manifest (experiment, scenario, design). */
  readonly manifest: ManifestInput;
  /** The seal (store/part-seal.ts), last in sweep-part.json: the build that wrote it and the checksum of the rest. Absent in a meta not yet written. */
  readonly build?: string;
  readonly checksum?: string;
}

/**
 * A design's results as rows: what sweep_summary.csv and sensitivity.csv
 * hold, returned by the writer (and by the memory store, jobs/in-memory.ts)
 * so that a caller never parses the files it just wrote.
 */
export interface DesignRows {
  /** The design's factor paths, in column order. */
  readonly factors: readonly string[];
  /** The outcome names, in column order. */
  readonly outcomes: readonly string[];
  /** sweep_summary.csv's rows: one per design point, `values` by column name (factors, `<outcome>_mean`, `_ci_low`, `_ci_high`). */
  readonly points: readonly SweepRow[];
  /** sensitivity.csv's rows (none for grid and LHS designs). */
  readonly sensitivity: readonly SensitivityRow[];
}

function factorValues(plan: DesignPlan, point: number): Record<string, number> {
  return Object.fromEntries(plan.names.map((n, i) => [n, plan.rows[point]![i]!]));
}

/** A row of sweep.csv: one design run's factor and outcome values by column name. */
export function sweepRunRow(plan: DesignPlan, outcomes: readonly OutcomeSpec[], point: number, replication: number, values: ArrayLike<number>): SweepRow {
  return { point, replication, values: { ...factorValues(plan, point), ...Object.fromEntries(outcomes.map((o, k) => [o.name, values[k]!])) } };
}

/** A row of sweep_summary.csv from foldDesign's cells (mean, CI low, CI high per outcome); an undefined statistic is null. */
export function sweepPointRow(plan: DesignPlan, outcomes: readonly OutcomeSpec[], point: number, n: number, cells: readonly number[]): SweepRow {
  const S = SWEEP_SUMMARY.statistics;
  const stats = outcomes.flatMap((o, k) =>
    S.map((s, i) => {
      const x = cells[S.length * k + i]!;
      return [`${o.name}_${s}`, Number.isFinite(x) ? x : null] as const;
    }),
  );
  return { point, replication: -1, n, values: { ...factorValues(plan, point), ...Object.fromEntries(stats) } };
}

const META = 'sweep-part.json';
const VALUES = 'values.bin';

/** Whether `dir` holds a sweep or sensitivity part (shard). */
export function isSweepPart(dir: string): boolean {
  return fs.existsSync(path.join(dir, META));
}

export class SweepPartWriter implements DesignStore {
  private readonly fd: number;
  private bytes: number;
  private readonly record: Float64Array;

  private constructor(
    readonly dir: string,
    readonly meta: SweepPartMeta,
    /** done[u] = 1 once unit u is stored. */
    readonly done: Uint8Array,
    bytes: number,
  ) {
    this.bytes = bytes;
    this.record = new Float64Array(2 + meta.outcomes.length);
    this.fd = fs.openSync(path.join(dir, VALUES), 'r+');
  }

  /** What opening the part found and did, for the user: warnings, worded in the command's language. */
  notes: ScenarioWarning[] = [];

  /** Opens the part in `dir`: resumes it when `resume` is set and it is the same sweep and shard, else starts afresh. */
  static open(dir: string, meta: SweepPartMeta, resume: boolean): SweepPartWriter {
    const recordBytes = recordBytesOf(meta);
    const notes: ScenarioWarning[] = [];
    if (resume && fs.existsSync(dir)) {
      requireRegularFiles([path.join(dir, META), path.join(dir, VALUES)]);
      let existing: SweepPartMeta | undefined;
      try {
        existing = JSON.parse(fs.readFileSync(path.join(dir, META), 'utf8')) as SweepPartMeta;
      } catch {
        existing = undefined;
      }
      if (existing === undefined && fs.existsSync(path.join(dir, VALUES))) {
        // The folder's name is the job's key and every record carries its checksum: rebuild, keep the work.
        writeFileDurably(path.join(dir, META), sealedJson(meta));
        existing = sealMeta(meta);
        notes.push(warning('part_meta_rebuilt', path.join(dir, META), 'missing or unreadable', 'design run'));
      }
      // A sweep-part.json that is not intact, or that another build wrote, is not resumed (part-seal.ts notResumable).
      const why = existing === undefined ? undefined : notResumable(existing);
      if (why !== undefined && fs.existsSync(path.join(dir, VALUES))) {
        notes.push(warning('part_not_resumed', dir, META, why));
        existing = undefined;
      }
      if (existing !== undefined && sameMeta(existing, meta, true) && fs.existsSync(path.join(dir, VALUES))) {
        // The result folder's manifest is written from sweep-part.json: what the experiment file says now (its
        // description, edited since the interruption) is what a clean run would write, so the part takes it.
        if (stringify(existing.manifest) !== stringify(meta.manifest)) writeFileDurably(path.join(dir, META), sealedJson(meta));
        // Keep the records that verify, in order; drop the rest (they run again).
        const file = path.join(dir, VALUES);
        const done = new Uint8Array(meta.units);
        const kept: Uint8Array[] = [];
        let dropped = 0;
        const size = fs.statSync(file).size;
        forEachRecord(dir, meta, (unit, _index, ok, bytes) => {
          if (!ok || !(unit >= 0 && unit < meta.units) || done[unit] === 1) {
            dropped++;
            return;
          }
          done[unit] = 1;
          kept.push(bytes.slice());
        });
        if (dropped > 0 || size % recordBytes !== 0) {
          const tmp = `${file}.tmp-${process.pid}`;
          writeFileDurably(tmp, '');
          const fd = fs.openSync(tmp, 'r+');
          try {
            kept.forEach((b, i) => writeFully(fd, b, i * recordBytes, tmp));
            syncFd(fd, tmp);
          } finally {
            fs.closeSync(fd);
          }
          fs.renameSync(tmp, file);
        }
        const writer = new SweepPartWriter(dir, meta, done, kept.length * recordBytes);
        writer.notes.push(...notes);
        if (dropped > 0) writer.notes.push(warning('part_records_dropped', dir, dropped, 'design run'));
        return writer;
      }
    } else if (!resume && fs.existsSync(path.join(dir, VALUES))) {
      // Said, not silent, as a run's part says it (part-store.ts): a rerun without --resume throws finished work away.
      const kept = Math.floor(fs.statSync(path.join(dir, VALUES)).size / recordBytes);
      if (kept > 0) notes.push(warning('part_discarded', dir, kept, meta.kind === 'sweep' ? 'sweep' : 'sensitivity'));
    }
    removeOwnFolder(dir, [META, VALUES]);
    fs.mkdirSync(dir, { recursive: true });
    writeFileDurably(path.join(dir, META), sealedJson(meta));
    writeFileDurably(path.join(dir, VALUES), '');
    const writer = new SweepPartWriter(dir, meta, new Uint8Array(meta.units), 0);
    writer.notes.push(...notes);
    return writer;
  }

  has(unit: number): boolean {
    return this.done[unit] === 1;
  }

  /** Stored units. */
  get count(): number {
    return this.bytes / this.record.byteLength;
  }


  append(unit: number, values: ArrayLike<number>): void {
    this.record[0] = unit;
    for (let k = 0; k < values.length; k++) this.record[k + 1] = values[k] as number;
    const bytes = new Uint8Array(this.record.buffer);
    this.record[this.record.length - 1] = recordCheck(bytes.subarray(0, bytes.length - 8));
    writeFully(this.fd, bytes, this.bytes, path.join(this.dir, VALUES));
    this.bytes += bytes.length;
    this.done[unit] = 1;
  }

  close(): void {
    try {
      syncFd(this.fd, path.join(this.dir, VALUES));
    } finally {
      fs.closeSync(this.fd);
    }
  }
}

/** Same sweep (and, with `sameShard`, the same shard); the tool version may differ. */
function sameMeta(a: SweepPartMeta, b: SweepPartMeta, sameShard: boolean): boolean {
  const norm = (m: SweepPartMeta) =>
    JSON.stringify({ ...unsealed(m), tool_version: '', manifest: null, shard: sameShard ? m.shard : { index: 0, count: m.shard.count } });
  return norm(a) === norm(b);
}

/**
 * Calls `fn(unit, recordIndex, ok, bytes)` for every complete record of a
 * part, in file order; `ok` is whether its checksum agrees. A trailing
 * partial record is skipped.
 */
function forEachRecord(dir: string, meta: SweepPartMeta, fn: (unit: number, index: number, ok: boolean, bytes: Uint8Array) => void): void {
  const recordBytes = recordBytesOf(meta);
  const file = path.join(dir, VALUES);
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const count = Math.floor(size / recordBytes);
    const chunkRecords = Math.max(1, Math.floor((1 << 20) / recordBytes));
    const buf = new Float64Array((chunkRecords * recordBytes) / 8);
    const bytes = new Uint8Array(buf.buffer);
    const per = recordBytes / 8;
    for (let start = 0; start < count; start += chunkRecords) {
      const n = Math.min(chunkRecords, count - start);
      readFully(fd, bytes.subarray(0, n * recordBytes), start * recordBytes, file, sweepRerun(meta));
      for (let i = 0; i < n; i++) {
        const rec = bytes.subarray(i * recordBytes, (i + 1) * recordBytes);
        const ok = recordCheck(rec.subarray(0, recordBytes - 8)) === buf[i * per + per - 1];
        fn(buf[i * per]!, start + i, ok, rec);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

export function readSweepMeta(dir: string): SweepPartMeta {
  const file = path.join(dir, META);
  // Before any read: a pipe in either place would block it forever.
  requireRegularFiles([file, path.join(dir, VALUES)]);
  if (!fs.existsSync(file)) throw UserError.of('file_not_found', [], { file }, { expected: 'a sweep or sensitivity shard folder' });
  let meta: SweepPartMeta;
  try {
    meta = JSON.parse(fs.readFileSync(file, 'utf8')) as SweepPartMeta;
  } catch (error) {
    throw UserError.of('not_a_part', [], { file }, { found: error instanceof Error ? error.message : String(error) });
  }
  if (typeof meta !== 'object' || meta === null || meta.format !== 'difusi-sweep-part-2') {
    throw UserError.of('not_a_part', [], { file }, { expected: 'difusi-sweep-part-2', found: String((meta as { format?: unknown } | null)?.format) });
  }
  // Nothing of sweep-part.json is used before it is known to be intact, of this build and of a shape difusi writes.
  checkSweepMeta(dir, meta);
  if (!fs.existsSync(path.join(dir, VALUES))) throw UserError.of('data_damaged', [dir, `${VALUES} is missing`, sweepRerun(meta)], { file: dir });
  return meta;
}

/** Where each unit is: its part and record, after checking the parts form one complete sweep. */
function indexSweepParts(dirs: readonly string[]): { metas: SweepPartMeta[]; part: Int32Array; record: Int32Array } {
  if (dirs.length === 0) throw UserError.of('sweep_merge_nothing', [], { file: '(merge)' });
  const metas = dirs.map(readSweepMeta);
  const first = metas[0]!;
  metas.forEach((m, i) => {
    for (const key of ['key', 'units', 'replications', 'seed'] as const) {
      if (m[key] !== first[key]) throw UserError.of('sweep_merge_mismatch', [key, String(m[key]), String(first[key])], { file: dirs[i]! });
    }
    if (m.shard.count !== first.shard.count) {
      throw UserError.of('sweep_merge_mismatch', ['shard count n', String(m.shard.count), String(first.shard.count)], { file: dirs[i]! });
    }
    if (!sameMeta(m, first, false)) throw UserError.of('sweep_merge_mismatch', ['design', 'different', 'another'], { file: dirs[i]! });
  });
  const part = new Int32Array(first.units).fill(-1);
  const record = new Int32Array(first.units);
  const duplicates: number[] = [];
  const holders = new Set<string>();
  dirs.forEach((dir, p) => {
    forEachRecord(dir, metas[p]!, (unit, index, ok) => {
      if (!ok) throw UserError.of('data_damaged', [dir, `record ${index} of ${VALUES} does not match its checksum`, sweepRerun(metas[p]!)], { file: dir });
      if (!(unit >= 0 && unit < first.units)) return;
      if (part[unit] !== -1) {
        if (part[unit] !== p) {
          duplicates.push(unit);
          holders.add(dirs[part[unit]!]!).add(dir);
        }
        return; // a unit stored twice by one resumed part: the first copy is identical
      }
      part[unit] = p;
      record[unit] = index;
    });
  });
  if (duplicates.length > 0) {
    throw UserError.of('sweep_merge_duplicates', [[...new Set(duplicates)].sort((a, b) => a - b).slice(0, 50).join(', '), folderList(holders)], { file: '(merge)' });
  }
  const missing: number[] = [];
  for (let u = 0; u < first.units; u++) if (part[u] === -1) missing.push(u);
  if (missing.length > 0) {
    throw UserError.of('sweep_merge_missing', [missing.length, missing.slice(0, 50).join(', '), missingShards(missing, first.shard.count)], {
      file: '(merge)',
    });
  }
  return { metas, part, record };
}

/**
 * Writes the result folder `outDir` of a sweep or sensitivity analysis from
 * complete parts, atomically. `manifest` adds the varying fields (command,
 * shard, timings) to the parts' fixed manifest fields. Returns the files
 * and the rows of sweep_summary.csv and sensitivity.csv.
 */
export function writeSweepFolder(
  partDirs: readonly string[],
  outDir: string,
  manifest: Record<string, unknown>,
): { readonly files: string[]; readonly rows: DesignRows } {
  const { metas, part, record } = indexSweepParts(partDirs);
  const meta = metas[0]!;
  const { plan, outcomes, replications: R } = meta;
  const K = outcomes.length;
  const recordBytes = recordBytesOf(meta);
  const tmp = startWriting(outDir);
  const fds = partDirs.map((d) => fs.openSync(path.join(d, VALUES), 'r'));
  try {
    const rows = new CsvWriter(path.join(tmp, SWEEP.file), SWEEP.columns(plan.names, outcomes));
    const summary = new CsvWriter(path.join(tmp, SWEEP_SUMMARY.file), SWEEP_SUMMARY.columns(plan.names, outcomes));
    // A record: unit index, K outcome values, a check value over the rest (docs/RELIABILITY.md).
    const buf = new Float64Array(2 + K);
    const bytes = new Uint8Array(buf.buffer);
    const points: SweepRow[] = [];
    const { means, noise, stepNoise } = foldDesign(
      plan.rows.length,
      R,
      outcomes,
      (u, out) => {
        const p = part[u]!;
        readFully(fds[p]!, bytes, record[u]! * recordBytes, path.join(partDirs[p]!, VALUES), sweepRerun(metas[p]!));
        if (recordCheck(bytes.subarray(0, recordBytes - 8)) !== buf[K + 1] || buf[0] !== u) {
          throw UserError.of('data_damaged', [partDirs[p]!, `design run ${u} changed while it was read`, sweepRerun(metas[p]!)], { file: partDirs[p]! });
        }
        out.set(buf.subarray(1, 1 + K));
      },
      {
        run: (point, replication, values) => rows.write(SWEEP.format(point, replication, plan.rows[point]!, values)),
        point: (point, n, cells) => {
          summary.write(SWEEP_SUMMARY.format(point, plan.rows[point]!, n, cells));
          points.push(sweepPointRow(plan, outcomes, point, n, cells));
        },
      },
    );
    rows.close();
    summary.close();
    const files: string[] = [SWEEP.file, SWEEP_SUMMARY.file];
    const checksums: Record<string, string> = { [SWEEP.file]: rows.sha256, [SWEEP_SUMMARY.file]: summary.sha256 };
    const rowCounts: Record<string, number> = { [SWEEP.file]: rows.rows, [SWEEP_SUMMARY.file]: summary.rows };

    const sensitivity = sensitivityRows(plan, outcomes.map((o) => o.name), means, meta.seed, noise, stepNoise);
    if (sensitivity.length > 0) {
      // noise_floor appended last (Sobol': per outcome; Morris: per factor).
      const table = SENSITIVITY_FLOOR;
      const all = new CsvWriter(path.join(tmp, table.file), table.columns);
      for (const r of sensitivity) all.write(table.format(r));
      all.close();
      // The per-method file the report reads (src/store/results-read.ts).
      const own = plan.morris !== undefined ? MORRIS : SOBOL;
      const writer = new CsvWriter(path.join(tmp, own.file), own.columns);
      for (const r of sensitivity) writer.write(own.format(r));
      writer.close();
      files.push(SENSITIVITY.file, own.file);
      checksums[SENSITIVITY.file] = all.sha256;
      checksums[own.file] = writer.sha256;
      rowCounts[SENSITIVITY.file] = all.rows;
      rowCounts[own.file] = writer.rows;
    }
    files.push('manifest.json');
    // `overrides` (the command line's what-ifs, only with --set) appended last, after the fields that were there before it.
    const { overrides, ...fixed } = meta.manifest as ManifestInput & { overrides?: unknown };
    writeFileDurably(
      path.join(tmp, 'manifest.json'),
      manifestText({ ...fixed, ...manifest, files, checksums, rows: rowCounts, ...(overrides !== undefined && { overrides }) }),
    );
    for (const fd of fds.splice(0)) fs.closeSync(fd);
    replaceDir(tmp, outDir);
    return { files, rows: { factors: plan.names, outcomes: outcomes.map((o) => o.name), points, sensitivity } };
  } catch (error) {
    for (const fd of fds) fs.closeSync(fd);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
