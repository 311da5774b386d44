/**
 * One job per result folder (docs/RELIABILITY.md, "Folders"), for the national
 * commands as for the city ones: `difusi national` (and each shard's part
 * folder) and `difusi national-merge` take the folder's lock `.<folder>.lock`
 * before any work (store/folder-lock.ts claimFolder). A second job on the
 * folder stops with the line a city run gets, exit 2, nothing written; a lock
 * whose process is gone is taken over. They used to take no lock, so two jobs
 * writing one folder could interleave. The jobs that hold a lock, and those
 * refused by a lock naming this test's process, are processes; the others run
 * in the test's process (runInProcess, on the built code a process runs),
 * without a process's start-up.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNational, nationalFolderDir } from '../../src/jobs/national.js';
import { lockPath } from '../../src/store/folder-lock.js';
import { cliTestFolder, runBin, startBin, stackLines, type CliResult } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const tmp = cliTestFolder('difusi-national-lock-');
const NAME = 'small-national';
/** A process id no process has (as tests/store/lock-zombie.test.ts uses): a lock left by a job that is gone. */
const GONE = 2 ** 22 + 12345;

const national = (out: string, ...extra: string[]) => ['national', FIXTURE, '-r', '2', '--no-charts', '-q', '--workers', '1', '--out', out, ...extra];

/** The folder `difusi national FIXTURE -r 2` writes under `out`. */
const folderOf = (out: string) => nationalFolderDir(out, loadNational(FIXTURE), 2).dir;

/** Writes a lock on `dir` as a job of process `pid` on this host would. */
function plantLock(dir: string, pid: number, command: string): { file: string; started: string } {
  const file = lockPath(dir);
  const started = '2026-01-02T03:04:05.000Z';
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify({ pid, host: hostname(), started, command }) + '\n');
  return { file, started };
}

/** The one ✗ line of a refused job (the scenario's warnings aside), after exit 2 and no stack. */
function refusal(r: CliResult): string {
  expect(r.code, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('✗'));
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0]!;
}

/** The line folder-lock.ts gives a city job on a folder `pid` holds (tests/store/cli-reliability.test.ts). */
const lockedLine = (dir: string, pid: number, command: string, started: string, file: string) =>
  `✗ ${dir} is being written by process ${pid} (${command}, since ${started}; if no such job runs any more, delete ${file}); wait for it to finish, or stop it`;

/** What is in the scenario's folder under `out` besides `keep`: what a refused job would have written. */
const entriesBesides = (out: string, keep: readonly string[]) => (existsSync(join(out, NAME)) ? readdirSync(join(out, NAME)).filter((e) => !keep.includes(e)).sort() : []);

describe.sequential('national jobs take the result folder lock', () => {
  it('a second `national` on the folder a running one writes exits 2 naming it; once it is killed, its lock is taken over', async () => {
    const out = join(tmp(), 'run');
    const dir = folderOf(out);
    const lock = lockPath(dir);
    // The first run stops itself once it has taken the lock (tests/support/hold-lock.mjs): it holds it until killed.
    // `difusi` as installed (startBin: the bundle), which starts sooner.
    const { child, done } = startBin(national(out), { holdLock: true });
    let exited = false;
    void done.then(() => (exited = true));
    try {
      const holder = () => {
        try {
          return (JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid;
        } catch {
          return undefined;
        }
      };
      const deadline = Date.now() + 60_000;
      while (!exited && holder() !== child.pid && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(exited, 'the first run ended without taking the folder lock').toBe(false);
      const second = await runInProcess(national(out));
      const info = JSON.parse(readFileSync(lock, 'utf8')) as { command: string; started: string };
      expect(info.command).toMatch(/^difusi national /);
      expect(refusal(second)).toBe(lockedLine(dir, child.pid!, info.command, info.started, lock));
      // Nothing written by the refused job: no folder, no work folder, only the first job's lock.
      expect(entriesBesides(out, [])).toEqual([`.${dir.split('/').pop()}.lock`]);
    } finally {
      child.kill('SIGKILL'); // also when a check fails: a stopped process would wait for ever
    }
    await done;
    expect(existsSync(lock)).toBe(true); // left by the killed job
    const third = await runInProcess(national(out));
    expect(third.code, third.stderr).toBe(0);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  }, 120_000);

  it('a shard and `national-merge` are refused by a live lock and take over a stale one', async () => {
    const out = join(tmp(), 'shards');
    const dir = folderOf(out);
    const shard0 = `${dir}.shard-0-of-2`;
    // A lock held by a live process on this host (this test's): the shard is refused, nothing written. The refused
    // jobs are processes (runBin): a job in this process (runInProcess) would find its own pid in the lock and take
    // it as its own.
    const live = plantLock(shard0, process.pid, 'difusi national other-job');
    expect(refusal(await runBin(national(out, '--shard', '0/2')))).toBe(lockedLine(shard0, process.pid, 'difusi national other-job', live.started, live.file));
    expect(entriesBesides(out, [])).toEqual([`.${shard0.split('/').pop()}.lock`]);
    // The same lock left by a process that is gone: taken over, the shard written, the lock removed.
    plantLock(shard0, GONE, 'difusi national other-job');
    // The two shards, each into its own part folder under its own lock, as an array job's tasks write them (here one after another, in the test's process).
    const parts = [0, 1].map((i) => `${dir}.shard-${i}-of-2`);
    const shardRuns = await Promise.all([0, 1].map((i) => runInProcess(national(out, '--shard', `${i}/2`))));
    for (const r of shardRuns) expect(r.code, r.stderr).toBe(0);
    expect(existsSync(live.file)).toBe(false);

    const merge = ['national-merge', ...parts, '--no-charts', '--out', out];
    const held = plantLock(dir, process.pid, 'difusi national-merge other-job');
    expect(refusal(await runBin(merge))).toBe(lockedLine(dir, process.pid, 'difusi national-merge other-job', held.started, held.file));
    // No result folder and no work folder: the shards and the other job's lock only.
    expect(entriesBesides(out, parts.map((p) => p.split('/').pop()!))).toEqual([`.${dir.split('/').pop()}.lock`]);
    plantLock(dir, GONE, 'difusi national-merge other-job');
    const merged = await runInProcess(merge);
    expect(merged.code, merged.stderr).toBe(0);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
    expect(existsSync(held.file)).toBe(false);
  }, 120_000);
});
