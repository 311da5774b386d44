/**
 * What the tests of pipes and devices in difusi's folders share
 * (tests/store/not-regular-files*.test.ts): the CLI in a process of its own
 * with a watchdog, a pipe or a /dev/zero link planted in place of a file, the
 * one-line refusal, and the locks and folders a refused job must not leave.
 */
import { existsSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { startCli, type CliResult } from './cli.js';

/** Runs the CLI; a run still going after `seconds` (20 s: a refusal takes about one) is killed and fails the test as hung. */
export async function runWithin(args: readonly string[], seconds = 20): Promise<CliResult> {
  const { child, done } = startCli(args);
  const timer = setTimeout(() => child.kill('SIGKILL'), seconds * 1000);
  const r = await done;
  clearTimeout(timer);
  expect(r.signal, `${args.join(' ')}: hung (killed after ${seconds} s)`).toBeNull();
  return r;
}

/** A job that must succeed (the runs the cases start from, a job that removes a pipe unread): given more time than a refusal. */
export async function ok(args: readonly string[]): Promise<CliResult> {
  const r = await runWithin(args, 60);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** `fn` on every item, two at a time (a small machine, other tests beside, finishes well within the watchdog). */
export async function eachInPairs<T>(items: readonly T[], fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all([lane(), lane()]);
}

/** `file` replaced by a named pipe. */
export function pipeAt(file: string): void {
  rmSync(file, { force: true });
  execFileSync('mkfifo', [file]);
}

/** `file` replaced by a link to /dev/zero (a read never ends). */
export function zeroAt(file: string): void {
  rmSync(file, { force: true });
  symlinkSync('/dev/zero', file);
}

export const refusal = (file: string) => `✗ ${file} Cannot read the file: it is not a regular file but a named pipe, a device or a socket, which difusi does not read (a read from one can wait or run forever)`;

/** Every `.lock` file under `dir`, at any depth: a refused job leaves none. */
export function locksUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.lock'));
}

/** The entries of `dir` whose names do not start with a dot (result and shard folders). */
export const visible = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((e) => !e.startsWith('.')).sort() : []);
