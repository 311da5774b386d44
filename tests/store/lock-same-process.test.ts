/**
 * One job per result folder within one process too (store/folder-lock.ts): two jobs started in the same
 * Node process (the explorer's server, a library caller running two jobs at once) on one folder. The lock
 * file names the process, so its pid told the second job nothing: the lock was re-entrant within a process
 * (and a second copy of the modules, the CLI's, took the file naming its own pid for a stale one), and both
 * jobs wrote the same work folder. The second is now refused with the line a second process gets.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { executeRun } from '../../src/jobs/run.js';
import { lockFolder } from '../../src/store/folder-lock.js';
import { UserError } from '../../src/messages/catalog.js';

const BASS = join(ROOT, 'scenarios', 'validation', 'bass-complete.yaml');
const folder = testFolder('difusi-lock-same-process-');
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The line a job gets for folder `dir` held by job `command` of this process: the second process's line, but
 * naming another job of this process and not advising to delete the lock file (the process keeps the locks
 * it holds, so deleting it would not help).
 */
const lockedLine = (dir: string, command: string) =>
  new RegExp(
    `^${escaped(dir)} is being written by another job of this process ${process.pid} \\(${escaped(command)}, since [0-9T:.Z-]+; it releases the folder when it ends\\); wait for it to finish, or stop it$`,
  );

describe('two jobs of one process on one result folder', () => {
  it('started at once: the first runs, the second is refused in one line naming the job of this process that holds it', async () => {
    const out = join(folder(), 'two-runs');
    const options = (command: string) => ({ file: BASS, outRoot: out, workers: 1, command, overrides: { replications: 6 } });
    const first = executeRun(options('difusi run first'));
    const second = executeRun(options('difusi run second'));
    const [a, b] = await Promise.allSettled([first, second]);
    expect(a.status).toBe('fulfilled');
    const dir = (a as PromiseFulfilledResult<Awaited<typeof first>>).value.dir;
    expect(b.status).toBe('rejected');
    const error = (b as PromiseRejectedResult).reason as unknown;
    expect(error).toBeInstanceOf(UserError);
    const issue = (error as UserError).issues[0]!;
    expect(issue.code).toBe('folder_locked');
    expect(issue.message).toMatch(lockedLine(dir, 'difusi run first'));
    // The first job's folder whole, no lock nor work folder left.
    expect(readdirSync(join(out, 'bass-complete')).sort()).toEqual([dir.split('/').pop()]);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
  }, 120_000);

  it('the command line in a process where a job holds the folder: exit 2, that one line, nothing written; once released, it runs', async () => {
    const out = join(folder(), 'held');
    const args = ['run', BASS, '--out', out, '-q', '--no-charts', '--workers', '1', '-r', '4'];
    // Where the command line writes, found by a run elsewhere (the same scenario and counts give the same key).
    const probe = await runInProcess([...args.slice(0, 3), join(folder(), 'probe'), ...args.slice(4)]);
    expect(probe.code, probe.stderr).toBe(0);
    const key = readdirSync(join(folder(), 'probe', 'bass-complete'))[0]!;
    const dir = join(out, 'bass-complete', key);
    // A job of this process (this copy of the modules; the command line runs the built ones) holds the folder.
    const release = lockFolder(dir, 'difusi explore (a job of the same process)');
    try {
      const r = await runInProcess(args);
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.replace(/^✗ /, '')).toMatch(lockedLine(dir, 'difusi explore (a job of the same process)'));
      expect(readdirSync(join(out, 'bass-complete'))).toEqual([`.${key}.lock`]);
    } finally {
      release();
    }
    const again = await runInProcess(args);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(join(out, 'bass-complete'))).toEqual([key]);
  }, 120_000);
});
