/**
 * Running a `difusi` command line inside the test's own process, on the
 * built code a `node dist/src/cli/main.js` process runs (dist/src/cli/
 * program.js), for tests of what a command prints and its exit code: a
 * refusal, a warning, a small run. A process costs 0.3-0.8 s of CPU to start
 * and load; hundreds of such tests made most of the suite's time (docs/
 * TESTING.md). The result has the shape of runCli's (tests/support/cli.ts),
 * and tests/cli/in-process.test.ts checks that both give the same code,
 * stdout and stderr for a set of command lines.
 *
 * What differs from a process, so tests of these keep startCli/startBin:
 * signals, the process that holds a lock (a command refused by a lock
 * another process holds may run here; but a lock naming this process's pid
 * is the command's own: folder-lock.ts takes it over), preloaded test
 * modules, the environment and the working folder (always the suite's: the
 * repository), a terminal (stdout and stderr are never TTYs here), writes
 * after the command's first process.exit (dropped: the process would have
 * ended), process.exitCode (no command sets it: each ends by returning or
 * by process.exit), and work a command leaves running after it returns (a
 * process would end it). During a call, anything else the test process writes to
 * stdout or stderr lands in the call's result, and replications on the main
 * thread hold the event loop: a test that must act while a command runs
 * (kill it at a moment, poll its files) starts that command as a process.
 * Handlers a command installs once (folder-lock.ts's exit and signal
 * handlers, the renderer's font folder cleanup) stay in the test process.
 *
 * Calls never overlap: each waits for the previous one, since process.argv,
 * process.exit and the two streams' write are the process's own.
 */
import { join } from 'node:path';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import { CLI, ROOT, assertBuilt, type CliResult } from './cli.js';

/** Thrown in place of process.exit during a call: unwinds the command as exiting would. */
class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

interface Program {
  commandMain(args: readonly string[]): Promise<void>;
}
interface Errors {
  terminalSafe(text: string): string;
}

// dist/ is loaded by Node itself, not transformed by vitest (vitest.config.ts, server.deps.external): the
// command runs the same built modules a process would load, from their real place under dist/.
const nativeImport = <T>(url: string): Promise<T> => import(/* @vite-ignore */ url) as Promise<T>;

let loaded: Promise<[Program, Errors]> | undefined;
function load(): Promise<[Program, Errors]> {
  assertBuilt();
  loaded ??= Promise.all([
    nativeImport<Program>(pathToFileURL(join(ROOT, 'dist', 'src', 'cli', 'program.js')).href),
    nativeImport<Errors>(pathToFileURL(join(ROOT, 'dist', 'src', 'cli', 'errors.js')).href),
  ]);
  return loaded;
}

/**
 * What the calls share, kept on globalThis: a test file that calls
 * vi.resetModules() makes the next import of this module a new instance,
 * while the built modules (and yargs, which keeps the process.exit it found
 * on its first import) stay loaded once for the test process.
 */
interface Shared {
  /** What the running call's process.exit does; undefined between calls. */
  exiting: ((code?: number | string | null) => never) | undefined;
  /** process.exit as the test process has it outside the calls (vitest's guard against a test ending its process). */
  readonly processExit: typeof process.exit;
  /**
   * The one process.exit stand-in every call installs. A module may keep
   * the function it found when it loaded (yargs does), so the stand-in
   * stays the same function and asks which call is running; between calls
   * it is processExit.
   */
  readonly exitStandIn: typeof process.exit;
  /** The last call: each waits for the one before. */
  queue: Promise<unknown>;
  /** Whether yargs has been loaded with the stand-in in place (keepYargsOnStandIn). */
  yargsOnStandIn: boolean;
}
const SHARED = Symbol.for('difusi.tests.in-process');
const shared: Shared = ((globalThis as Record<symbol, Shared | undefined>)[SHARED] ??= (() => {
  const state: Shared = {
    exiting: undefined,
    processExit: process.exit,
    exitStandIn: ((code?: number | string | null) => (state.exiting ?? state.processExit)(code)) as typeof process.exit,
    queue: Promise.resolve(),
    yargsOnStandIn: false,
  };
  return state;
})());

/**
 * Loads yargs with the stand-in as process.exit, once per test process:
 * yargs keeps the process.exit it finds on its first import, and the test
 * files and the built command line share one yargs (node_modules is loaded
 * by Node, not by vitest). A test file that imports yargs before any call
 * would otherwise leave it vitest's guard, and every later --help or
 * --version in that process would end in "process.exit unexpectedly
 * called". Run before every test file (tests/support/in-process-setup.ts,
 * vitest.config.ts setupFiles), before the file's own imports.
 */
export async function keepYargsOnStandIn(): Promise<void> {
  if (shared.yargsOnStandIn) return;
  const before = process.exit;
  process.exit = shared.exitStandIn;
  try {
    await import('yargs');
  } finally {
    process.exit = before;
  }
  shared.yargsOnStandIn = true;
}

/** Runs `difusi <args>` in this process; resolves as runCli would for the same command line. */
export function runInProcess(args: readonly string[]): Promise<CliResult> {
  const call = shared.queue.then(() => runNow(args));
  shared.queue = call.catch(() => undefined);
  return call;
}

/** The stdout of a command line that must succeed, run in this process: a non-zero exit is an error (as execFile's). */
export async function stdoutInProcess(args: readonly string[]): Promise<string> {
  const r = await runInProcess(args);
  if (r.code !== 0) throw new Error(`difusi ${args.join(' ')}: exit code ${r.code}: ${r.stderr}`);
  return r.stdout;
}

async function runNow(args: readonly string[]): Promise<CliResult> {
  const [program, { terminalSafe }] = await load();
  let stdout = '';
  let stderr = '';
  let exitCode: number | undefined;
  const text = (chunk: string | Uint8Array): string => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  const saved = {
    argv: process.argv,
    exit: process.exit,
    out: process.stdout.write,
    err: process.stderr.write,
    outTTY: process.stdout.isTTY,
    errTTY: process.stderr.isTTY,
    log: console.log,
    error: console.error,
  };
  // A write's callback, when given, as a stream would call it.
  const done = (rest: unknown[]): true => {
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    if (callback !== undefined) queueMicrotask(callback);
    return true;
  };
  process.argv = [process.execPath, CLI, ...args];
  shared.exiting = (code) => {
    exitCode ??= Number(code ?? 0);
    throw new ExitCalled(exitCode);
  };
  process.exit = shared.exitStandIn;
  // As cli/start.ts guardStdout: stdout terminal-safe, stderr as written.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (exitCode === undefined) stdout += typeof chunk === 'string' ? terminalSafe(chunk) : text(chunk);
    return done(rest);
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (exitCode === undefined) stderr += text(chunk);
    return done(rest);
  }) as typeof process.stderr.write;
  process.stdout.isTTY = false;
  process.stderr.isTTY = false;
  // yargs prints --help, --version and its messages with console.log and console.error, which vitest
  // replaces with its own: written to the streams here, as Node's console writes them.
  console.log = (...parts: unknown[]) => void process.stdout.write(format(...parts) + '\n');
  console.error = (...parts: unknown[]) => void process.stderr.write(format(...parts) + '\n');
  try {
    await program.commandMain(args);
  } catch (error) {
    if (!(error instanceof ExitCalled) && exitCode === undefined) throw error;
  } finally {
    process.argv = saved.argv;
    process.exit = saved.exit;
    shared.exiting = undefined;
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.stdout.isTTY = saved.outTTY;
    process.stderr.isTTY = saved.errTTY;
    console.log = saved.log;
    console.error = saved.error;
  }
  return { code: exitCode ?? 0, signal: null, stdout, stderr };
}
