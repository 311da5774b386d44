/**
 * startCli (tests/support/cli.ts) for `difusi` as installed: BIN (bin/difusi.mjs, the bundle, which
 * tests/cli/bundle.test.ts checks behaves as dist/src/cli/main.js) with the same preloaded test modules
 * (hold-lock.mjs, stop-mid-run.mjs, fail-write.mjs), environment and folder. The bundle runs in the process
 * bin/difusi.mjs starts (a dynamic import, no child process), so a preload patches the fs it writes with and
 * a signal sent to the process reaches the job itself; it starts in about two thirds of the CPU time of
 * dist/src/cli/main.js's separate modules, for the reliability tests that start many jobs to hold, stop,
 * kill or refuse a write. Tests about the tsc output itself keep startCli.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT, type CliResult } from './cli.js';

interface StartOptions {
  /** The process stops itself (SIGSTOP) as soon as it has taken a result folder's lock (tests/support/hold-lock.mjs). */
  holdLock?: boolean;
  /** The process stops itself (SIGSTOP) right after its part's records.jsonl has received this many lines (tests/support/stop-mid-run.mjs). */
  stopAtRecord?: number;
  /** Every write to a file of this name (its last path segment) fails with ENOSPC (tests/support/fail-write.mjs). */
  failWrite?: string;
}

const preloadOf = (file: string) => ['--import', pathToFileURL(join(ROOT, 'tests', 'support', file)).href];

/** Starts BIN as startCli starts CLI; `done` resolves when it exits. */
export function startBin(args: readonly string[], options: StartOptions = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const preload = [
    ...(options.holdLock === true ? preloadOf('hold-lock.mjs') : []),
    ...(options.stopAtRecord !== undefined ? preloadOf('stop-mid-run.mjs') : []),
    ...(options.failWrite !== undefined ? preloadOf('fail-write.mjs') : []),
  ];
  const preloadEnv = {
    ...(options.stopAtRecord !== undefined && { DIFUSI_TEST_STOP_AT_RECORD: String(options.stopAtRecord) }),
    ...(options.failWrite !== undefined && { DIFUSI_TEST_FAIL_WRITE: options.failWrite }),
  };
  const child = spawn(process.execPath, [...preload, BIN, ...args], {
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
