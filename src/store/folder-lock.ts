/**
 * One job at a time per result folder. A job that writes `<dir>` (and its
 * hidden work folders `.<name>.partial`, `.growing`, `.writing-*`) first
 * creates the lock file `.<name>.lock` beside it, exclusively (O_EXCL):
 *
 *   {"pid": 1234, "host": "node-7", "started": "...", "command": "difusi run ..."}
 *
 * A second job finds the file and stops with one line naming the process
 * that holds it (exit 2), whether it runs in another process or in the same
 * one (the explorer's server, a library caller running two jobs at once:
 * this process's locks are kept in `held`, the pid alone telling no job apart). A lock whose process is gone (killed, crashed) on
 * this host is taken over. A lock from another host (a shared file system)
 * is respected; the message names the file to delete if that job is gone.
 * Locks are released when the job ends, and at the latest when the process
 * exits: normally, or on SIGTERM or SIGINT (a scheduler's requeue, a pod's
 * eviction, Ctrl-C), after which the process ends as the signal would have
 * ended it (exit status 143 or 130), first saying so in one line on stderr
 * (the folder the job was writing, and whether `--resume` continues it).
 * Work folders stay for `--resume`.
 *
 * `claimFolder` also refuses, before any work, to replace a result folder
 * that holds files difusi did not write (see `foreignEntries`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MESSAGES, UserError } from '../messages/catalog.js';
import { lineWording } from '../messages/terminal-lang.js';
import { writeError } from './durable.js';
import { readRegularText, regularFileExists } from './regular-file.js';
import { CONTROL_CLASS } from '../messages/safe-text.js';

/** The stop line's control characters, shown as `?`: it is written raw to stderr, on one line. */
const CONTROL = new RegExp(`[${CONTROL_CLASS}]`, 'g');

/** Where this process's locks are kept on globalThis. */
const LOCKS = Symbol.for('difusi.folder-locks');

interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  readonly command: string;
}

/**
 * The locks this process holds, kept once per process (on globalThis), not per copy of this module: a
 * program that loads difusi twice (its modules and its bundle, a test's fresh module registry) still has
 * one job per folder, where each copy took the other's lock file, naming this pid, for a stale one.
 */
const locks = ((globalThis as Record<symbol, ProcessLocks | undefined>)[LOCKS] ??= {
  held: new Map(),
  heldFor: new Map(),
  createdFor: new Map(),
});

interface ProcessLocks {
  /** Locks this process holds, by lock file, with what each lock file says; released at exit. */
  readonly held: Map<string, LockInfo>;
  /** The result folder of each lock held, and whether its job continues with --resume (lockFolder's `resumable`). */
  readonly heldFor: Map<string, { readonly dir: string; readonly resumable: boolean }>;
  /** Folders a lock created for itself, by lock file. */
  readonly createdFor: Map<string, string>;
}

const { held, heldFor, createdFor } = locks;
let exitHook = false;

/** The signals a job is usually stopped with; each releases the locks first. */
const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

function releaseAll(): void {
  for (const f of held.keys()) {
    removeIfMine(f);
    // The folders the lock made for itself, left empty (a job stopped before it wrote): nothing stays of it.
    removeCreatedIfEmpty(f);
  }
  held.clear();
  heldFor.clear();
}

/**
 * Node's default action on SIGTERM and SIGINT ends the process without its
 * 'exit' handlers, which left the lock behind: a requeued job on another
 * host was then refused. The signal ends the process at a point between two
 * steps of JavaScript, never inside one (a folder is put in place by one
 * rename): what it leaves is what a kill leaves, and `--resume` continues
 * from the work folder. Worker threads end with the process.
 */
function stopOnSignal(signal: NodeJS.Signals): void {
  // The job's own folder is the first lock taken (a comparison's before its arms'): one line says what was kept.
  const first = heldFor.values().next().value;
  if (first !== undefined) {
    // "Kept for --resume" only where a job's hidden work exists beside its folder: a stop before its first write
    // keeps nothing (the lock and the folders it made are removed below), and is told to run again.
    const kept = first.resumable && workBeside(first.dir);
    // Under --lang id in Bahasa Indonesia (messages/terminal-lang.ts lineWording, set by cli/program.ts before the command ran).
    const message = MESSAGES.stopped_by_signal(signal, 128 + (os.constants.signals[signal] ?? 0), kept);
    const line = `⚠ ${first.dir}: ${lineWording({ code: 'stopped_by_signal', message })}`;
    try {
      // Synchronously, before the signal ends the process; on a terminal after the progress bar's line.
      fs.writeSync(2, `${process.stderr.isTTY ? '\n' : ''}${line.replace(CONTROL, '?')}\n`);
    } catch {
      // stderr closed: the exit status still says it.
    }
  }
  releaseAll();
  for (const s of STOP_SIGNALS) process.removeListener(s, stopOnSignal);
  // Raised again without a handler, the signal ends the process as it would have (a shell sees 128 + its number).
  process.kill(process.pid, signal);
  process.exit(128 + (os.constants.signals[signal] ?? 0));
}

/**
 * Whether the folder holding `dir` has a hidden entry other than a lock: a job's work in progress
 * (`.<name>.partial`, `.growing`, `.writing-*`). Final folders are never hidden, so none is taken for work.
 */
function workBeside(dir: string): boolean {
  try {
    return fs.readdirSync(path.dirname(dir)).some((name) => name.startsWith('.') && !name.endsWith('.lock'));
  } catch {
    return false;
  }
}

function installExitHooks(): void {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', releaseAll);
  for (const s of STOP_SIGNALS) process.on(s, stopOnSignal);
}

export function lockPath(dir: string): string {
  const abs = path.resolve(dir);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.lock`);
}

/**
 * Whether process `pid` still runs. A zombie (ended, not yet reaped by its parent: a run killed a moment
 * ago) answers signal 0 like a live one, so on Linux its state in /proc is read too: a killed run's lock
 * is not held against the rerun that follows it at once.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return true; // no /proc (not Linux), or unreadable: signal 0 is the answer
  }
  // "pid (name) S ...": the state follows the last ')' (a name may hold parentheses).
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readRegularText(file)) as LockInfo;
    return typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of result folder `dir` for this job; returns the function
 * that releases it (once; a second call does nothing). Exclusive within one
 * process too: a second job of this process (the explorer's server, a
 * library caller running two jobs at once) is refused as a second process
 * is, in the same line, naming this process and the job holding the lock.
 */
export function lockFolder(dir: string, command: string, resumable = false): () => void {
  const file = lockPath(dir);
  // Another job of this process holds it (the lock file's pid alone cannot tell the two jobs apart): refused.
  const holding = held.get(file);
  if (holding !== undefined) throw lockedBy(dir, file, holding, true);
  // Before the lock and its folders exist, so that no signal finds either without its handler: a stop that
  // came before is handled (its default action, no handler yet) with nothing made; one from here on, once the
  // job's synchronous step ends, as any stop of a job holding its lock (stopOnSignal), the folders the lock
  // made removed again when nothing else was put in them.
  installExitHooks();
  // The first folder this lock had to create, if any: released with nothing
  // else in it (a job refused before writing, or stopped), it is removed again.
  const created = fs.mkdirSync(path.dirname(file), { recursive: true });
  if (created !== undefined) createdFor.set(file, created);
  const info: LockInfo = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      try {
        fs.writeSync(fd, JSON.stringify(info) + '\n');
      } catch (error) {
        // A full disk: no empty lock, nor the folders made for it, left behind; the message names the lock file.
        fs.closeSync(fd);
        fs.rmSync(file, { force: true });
        removeCreatedIfEmpty(file);
        throw writeError(error, file);
      }
      fs.closeSync(fd);
      held.set(file, info);
      heldFor.set(file, { dir: path.resolve(dir), resumable });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release(file, info);
      };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
    const other = readLock(file);
    const sameHost = other !== undefined && other.host === os.hostname();
    // A lock file naming this process that no job of it holds (held above) is one a process of the same pid left: stale.
    if (other !== undefined && (!sameHost || processAlive(other.pid)) && !(sameHost && other.pid === process.pid)) throw lockedBy(dir, file, other);
    // Stale (its process is gone on this host) or unreadable (a crash between
    // creating and writing it; give a live writer a moment first): take it over.
    if (other === undefined) {
      const age = Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < 1000) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000 - age);
        continue;
      }
    }
    fs.rmSync(file, { force: true });
  }
  throw UserError.of('folder_locked', [path.resolve(dir), `another job (the lock ${file} keeps changing)`], { file: path.resolve(dir) });
}

/** The one line refusing `dir`, whose lock `file` says `other` holds it. */
function lockedBy(dir: string, file: string, other: LockInfo, sameProcess = false): UserError {
  const where = other.host === os.hostname() ? `process ${other.pid}` : `process ${other.pid} on ${other.host}`;
  // Another job of this very process: deleting the lock file would not help (the process keeps the locks it
  // holds), and the job ends with its lock released.
  const holder = sameProcess
    ? `another job of this process ${other.pid} (${other.command}, since ${other.started}; it releases the folder when it ends)`
    : `${where} (${other.command}, since ${other.started}; if no such job runs any more, delete ${file})`;
  return UserError.of('folder_locked', [path.resolve(dir), holder], { file: path.resolve(dir) });
}

/** Releases lock `file` taken as `info`: nothing when it is no longer that lock (released at a signal, and taken again since). */
function release(file: string, info: LockInfo): void {
  if (held.get(file) !== info) return;
  held.delete(file);
  heldFor.delete(file);
  removeIfMine(file);
  removeCreatedIfEmpty(file);
}

function removeCreatedIfEmpty(file: string): void {
  const created = createdFor.get(file);
  createdFor.delete(file);
  if (created === undefined) return;
  const top = path.resolve(created);
  for (let dir = path.resolve(path.dirname(file)); ; dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir); // only an empty folder
    } catch {
      return;
    }
    if (dir === top || path.dirname(dir) === dir) return;
  }
}

function removeIfMine(file: string): void {
  const info = readLock(file);
  if (info !== undefined && info.pid === process.pid && info.host === os.hostname()) fs.rmSync(file, { force: true });
}

/** Names difusi writes in a result folder (any kind), besides those its manifest lists. */
const OWN_NAMES = new Set([
  'manifest.json',
  'charts',
  'report.html',
  'report.md',
  // The Indonesian report (report/i18n reportFiles).
  'charts.id',
  'report.id.html',
  'report.id.md',
  'arms',
  'work',
  'part.json',
  'series.bin',
  'records.jsonl',
  'sweep-part.json',
  'values.bin',
  'summary.csv',
  'timeseries.csv',
  'outcomes.csv',
  'agents.csv',
  'events.csv',
  'compare.csv',
  'arms.csv',
  'sweep.csv',
  'sweep_summary.csv',
  'sensitivity.csv',
  'morris.csv',
  'sobol.csv',
]);

/** Entries of an existing result folder that difusi did not write (empty when `dir` does not exist). */
export function foreignEntries(dir: string): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const listed = new Set<string>();
  // A pipe or a device as manifest.json is refused by name here, outside the try: taken for no manifest, it made
  // every table of a national folder "files difusi did not write", and a city folder was replaced, pipe and all.
  regularFileExists(path.join(dir, 'manifest.json'));
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files?: unknown };
    if (Array.isArray(manifest.files)) for (const f of manifest.files) if (typeof f === 'string') listed.add(f.replace(/\/.*$/, ''));
  } catch {
    // no manifest: only the fixed names count as ours
  }
  return entries.filter((e) => !OWN_NAMES.has(e) && !listed.has(e) && !e.startsWith('.report-tmp-'));
}

/** The charts a report draws (report/charts.ts, report/national-charts.ts), by name without extension. */
const CHART_NAMES = new Set([
  'adoption',
  'rogers',
  'survival',
  'stages',
  'callon',
  'learning',
  'forest',
  'arms',
  'sweep',
  'heatmap',
  'morris',
  'sobol',
  'national-spread',
  'national-provinces',
  'national-replacements',
  // The national comparison's forest (report/specs/national-compare-forest.ts).
  'national-compare',
]);

/** A file name a report writes into charts/ (or charts.<lang>/). */
export function isChartFile(name: string): boolean {
  const m = /^(.+)\.(svg|png)$/.exec(name);
  return m !== null && (CHART_NAMES.has(m[1]!) || /^national-cohorts-[^/]+$/.test(m[1]!));
}

/** Something other than a folder (a file, a link, a device) is at `file`; false when nothing is. */
function isOtherThanFolder(file: string): boolean {
  try {
    return !fs.lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Files and folders under charts folder `dir` (`charts/`, `charts.id/`) that
 * no report wrote, as paths starting with `prefix`: a report replaces the
 * folder whole, so anything else in it would be lost.
 */
export function foreignChartFiles(dir: string, prefix: string): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries
    .filter((e) => !(isChartFile(e) && !isDirectory(path.join(dir, e))))
    .map((e) => prefix + e);
}

/**
 * Every file or folder in result folder `dir`, at any depth, that difusi did
 * not write, as paths relative to `dir`: the top level
 * by `foreignEntries`, the charts folders by chart names, and each arm of a
 * comparison (`arms/<name>/`) as a result folder of its own. Replacing `dir`
 * removes everything in it, so all of these must be absent first.
 */
export function foreignFiles(dir: string, prefix = ''): string[] {
  const out = foreignEntries(dir).map((e) => prefix + e);
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e);
    if (!OWN_NAMES.has(e) || !isDirectory(full)) continue;
    if (e === 'charts' || /^charts\.[a-z]+$/.test(e)) out.push(...foreignChartFiles(full, `${prefix}${e}/`));
    else if (e === 'arms') {
      for (const arm of fs.readdirSync(full).sort()) {
        if (isDirectory(path.join(full, arm))) out.push(...foreignFiles(path.join(full, arm), `${prefix}arms/${arm}/`));
        else out.push(`${prefix}arms/${arm}`);
      }
    }
  }
  return out;
}

function refuseForeign(dir: string, foreign: readonly string[]): UserError {
  return UserError.of('foreign_files', [dir, foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, … (${foreign.length} in all)` : '')], { file: dir });
}

/** Refuses (a user error, nothing deleted) to replace `dir` while it holds files difusi did not write, at any depth. */
export function checkReplaceable(dir: string): void {
  // A file (or a link) where the result folder goes is one difusi did not write either: replacing the
  // folder would delete it, and foreignFiles finds nothing inside a file.
  if (isOtherThanFolder(dir)) throw UserError.of('foreign_file_at_folder', [dir], { file: dir });
  const foreign = foreignFiles(dir);
  if (foreign.length > 0) throw refuseForeign(dir, foreign);
}

/** Refuses (a user error, nothing deleted) to replace charts folder `<dir>/<charts>` while it holds files no report wrote. */
export function checkChartsReplaceable(dir: string, charts: string): void {
  const foreign = foreignChartFiles(path.join(dir, charts), `${charts}/`);
  if (foreign.length > 0) throw refuseForeign(dir, foreign);
}

/** Locks result folder `dir` for a job and checks it may be replaced; returns the release function. */
export function claimFolder(dir: string, command: string, resumable = false): () => void {
  const release = lockFolder(dir, command, resumable);
  try {
    checkReplaceable(dir);
  } catch (error) {
    release();
    throw error;
  }
  return release;
}
