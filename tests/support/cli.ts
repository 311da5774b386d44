/**
 * Running the built command line (`node dist/src/cli/main.js`) from tests.
 * `npm test` builds first (pretest); run `npm run build` before calling
 * vitest directly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
/**
 * The `difusi` command as installed (package.json "bin"): it runs the bundled
 * command line (dist/cli/; tests/cli/bundle.test.ts checks that it behaves
 * as CLI), which starts in about half the time of CLI's separate modules:
 * for tests that start the command many times, each for a refusal or a
 * warning.
 */
export const BIN = join(ROOT, 'bin', 'difusi.mjs');
export const SMALL_CITY = join(ROOT, 'tests', 'support', 'small-city.yaml');
export const DATA_FILES = ['summary.csv', 'timeseries.csv', 'outcomes.csv', 'agents.csv', 'events.csv'] as const;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does it)`);
}

/** A module that stops the CLI it is preloaded into once it has written a folder lock (hold-lock.mjs). */
const HOLD_LOCK = join(ROOT, 'tests', 'support', 'hold-lock.mjs');
/** A module that stops the run it is preloaded into once its records.jsonl holds a given number of lines (stop-mid-run.mjs). */
const STOP_MID_RUN = join(ROOT, 'tests', 'support', 'stop-mid-run.mjs');
/** A module that makes every write to files of one name fail as on a full disk (fail-write.mjs). */
const FAIL_WRITE = join(ROOT, 'tests', 'support', 'fail-write.mjs');
/** A module that makes every read of one file fail as for a file this user may not read (fail-read.mjs). */
const FAIL_READ = join(ROOT, 'tests', 'support', 'fail-read.mjs');
/** A module that makes one replication's record too long to save (long-record.mjs). */
const LONG_RECORD = join(ROOT, 'tests', 'support', 'long-record.mjs');

interface StartOptions {
  /** The process stops itself (SIGSTOP) as soon as it has taken a result folder's lock, and holds it until killed (tests/support/hold-lock.mjs). */
  holdLock?: boolean;
  /** The process stops itself (SIGSTOP) right after its part's records.jsonl has received this many lines, mid-run (tests/support/stop-mid-run.mjs). */
  stopAtRecord?: number;
  /** Every write to a file of this name (its last path segment) fails with ENOSPC (tests/support/fail-write.mjs). */
  failWrite?: string;
  /** Every read of this file (an absolute path) fails with EACCES, as for another user's file (tests/support/fail-read.mjs). */
  failRead?: string;
  /** Replication r's record (`'r'`, or `'r@n'`: the n-th made, the n-th arm's) is too long to save, as V8 refuses its JSON (tests/support/long-record.mjs). */
  longRecord?: string;
}

/** Starts the CLI; `done` resolves when it exits. */
export function startCli(args: readonly string[], options: StartOptions = {}): { child: ChildProcess; done: Promise<CliResult> } {
  return start(CLI, args, options);
}

function start(entry: string, args: readonly string[], options: StartOptions): { child: ChildProcess; done: Promise<CliResult> } {
  const preload = [
    ...(options.holdLock === true ? ['--import', pathToFileURL(HOLD_LOCK).href] : []),
    ...(options.stopAtRecord !== undefined ? ['--import', pathToFileURL(STOP_MID_RUN).href] : []),
    ...(options.failWrite !== undefined ? ['--import', pathToFileURL(FAIL_WRITE).href] : []),
    ...(options.failRead !== undefined ? ['--import', pathToFileURL(FAIL_READ).href] : []),
    ...(options.longRecord !== undefined ? ['--import', pathToFileURL(LONG_RECORD).href] : []),
  ];
  const preloadEnv = {
    ...(options.stopAtRecord !== undefined && { DIFUSI_TEST_STOP_AT_RECORD: String(options.stopAtRecord) }),
    ...(options.failWrite !== undefined && { DIFUSI_TEST_FAIL_WRITE: options.failWrite }),
    ...(options.failRead !== undefined && { DIFUSI_TEST_FAIL_READ: options.failRead }),
    ...(options.longRecord !== undefined && { DIFUSI_TEST_LONG_RECORD: options.longRecord }),
  };
  const child = spawn(process.execPath, [...preload, entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...preloadEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** The state letter of process `pid` in /proc/<pid>/stat (`T`: stopped), or undefined once it has gone. */
export function processState(pid: number): string | undefined {
  return existsSync(`/proc/${pid}/stat`) ? /^\d+ \(.*\) (\S)/s.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] : undefined;
}

/**
 * Waits (a minute at most) until `child` has stopped itself (the preload's `stopAtRecord` or `holdLock` sends it
 * SIGSTOP), runs `whileStopped`, then sends it `signal` and SIGCONT, so that the signal lands at a known point of
 * its work. On a failure the child is killed and the failure thrown on.
 */
export async function signalWhenStopped(child: ChildProcess, signal: NodeJS.Signals, whileStopped: () => void = () => {}): Promise<void> {
  try {
    const deadline = Date.now() + 60_000;
    while (processState(child.pid!) !== 'T' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(processState(child.pid!)).toBe('T');
    whileStopped();
    child.kill(signal);
    child.kill('SIGCONT');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

export function runCli(args: readonly string[]): Promise<CliResult> {
  return startCli(args).done;
}

/**
 * startCli for `difusi` as installed: BIN (bin/difusi.mjs, the bundle, which tests/cli/bundle.test.ts
 * checks behaves as CLI) with the same preloaded test modules, environment and folder. The bundle runs
 * in the process bin/difusi.mjs starts (a dynamic import, no child process), so a preload patches the fs
 * it writes with and a signal sent to the process reaches the job itself; it starts in about two thirds
 * of the CPU time of CLI's separate modules. Tests about the tsc output itself keep startCli.
 */
export function startBin(args: readonly string[], options: StartOptions = {}): { child: ChildProcess; done: Promise<CliResult> } {
  return start(BIN, args, options);
}

/** runCli for `difusi` as installed (BIN): the same environment, folder and result. */
export function runBin(args: readonly string[]): Promise<CliResult> {
  return start(BIN, args, {}).done;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A command-line test file's start: the build checked and a temporary folder
 * made before its tests, the folder removed after them. Returns the folder's
 * path (valid once the tests run).
 */
export function cliTestFolder(prefix: string): () => string {
  beforeAll(() => assertBuilt());
  return testFolder(prefix);
}

/** A test file's temporary folder, made before its tests and removed after, for tests that call src/ directly (no build needed). */
export function testFolder(prefix: string): () => string {
  let dir = '';
  beforeAll(() => {
    dir = tempDir(prefix);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** Every file under `dir` (not its folders), as paths relative to it, sorted: what a result folder holds. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

/** The result folders (not hidden part folders) of scenario `name` under an output root. */
export function runFolders(outRoot: string, name: string): string[] {
  const base = join(outRoot, name);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => join(base, d.name))
    .sort();
}

/** The one result folder of a run that is not a shard folder. */
export function resultFolder(outRoot: string, name: string): string {
  const folders = runFolders(outRoot, name).filter((d) => !/\.shard-\d+-of-\d+$/.test(d));
  if (folders.length !== 1) throw new Error(`expected one result folder under ${outRoot}/${name}, found ${folders.length}`);
  return folders[0]!;
}

export function readDataFiles(dir: string): Record<string, Buffer> {
  return Object.fromEntries(DATA_FILES.map((f) => [f, readFileSync(join(dir, f))]));
}

/** Lines of a CLI's stderr that look like a JavaScript stack trace. */
export function stackLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^\s+at /.test(l));
}

/** A refusal as the project's rule has it: exit 2, one line on stderr, no stack trace, nothing on stdout; the line. */
export function refusedInOneLine(r: { code: number | null; stdout: string; stderr: string }): string {
  expect(r.code, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stdout).toBe('');
  return lines[0]!;
}
