/**
 * The command-line attacks of issue #15, repeated against the built CLI:
 * each either exits 0 with the bytes of a clean run, or exits 2 with one
 * line naming what is wrong (and what to rerun), no stack trace. The
 * command lines whose output and folders are checked run in the test's
 * process (runInProcess, the same built code as a process, without a
 * process's start-up cost); the jobs that are held at a lock, stopped,
 * signalled or killed stay processes (startBin), and so do the resumes that
 * run while other jobs wait for their moment to be killed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILES, ROOT, SMALL_CITY, processState, readDataFiles, resultFolder, runBin, signalWhenStopped, startBin, runFolders, stackLines, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { terminalSafe } from '../../src/cli/errors.js';

const tmp = cliTestFolder('difusi-cli-reliability-');

const NAME = 'small-city';
const BASS = join(ROOT, 'scenarios', 'validation', 'bass-complete.yaml');

/** Exit 2, one line on stderr (after any warnings), no stack trace, matching `says`. */
function expectUserError(r: { code: number | null; stderr: string }, says: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('⚠'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(says);
}

let cleanDir = '';
/** The clean run's command line, into `out`: --no-charts, since the tests below draw the report themselves or refuse before it. */
const cleanRun = (out: string) => ['run', SMALL_CITY, '--out', out, '--quiet', '--workers', '1', '--no-charts'];

describe.sequential('result files', () => {
  beforeAll(async () => {
    const out = join(tmp(), 'clean');
    const r = await runInProcess(cleanRun(out));
    expect(r.code, r.stderr).toBe(0);
    cleanDir = resultFolder(out, NAME);
  }, 120_000);

  it('report on a truncated outcomes.csv or timeseries.csv exits 2 naming the file', async () => {
    // The three reports, each on a copy of its own.
    await Promise.all(
      ['outcomes.csv', 'timeseries.csv', 'summary.csv'].map(async (file) => {
        const copy = join(tmp(), `truncated-${file}`);
        spawnSync('cp', ['-r', cleanDir, copy]);
        rmSync(join(copy, 'report.html'), { force: true });
        const text = readFileSync(join(copy, file), 'utf8').split('\n');
        writeFileSync(join(copy, file), text.slice(0, 5).join('\n') + '\n');
        const r = await runInProcess(['report', copy, '--no-png']);
        expectUserError(r, new RegExp(`${file.replace('.', '\\.')} does not match its checksum`));
        expect(existsSync(join(copy, 'report.html'))).toBe(false);
      }),
    );
  });

  it('report removes the temporary folder a killed report left', async () => {
    const copy = join(tmp(), 'leftover');
    spawnSync('cp', ['-r', cleanDir, copy]);
    mkdirSync(join(copy, '.report-tmp-abc123'));
    const r = await runInProcess(['report', copy, '--no-png']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(copy).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('three shards, 5,000 bytes cut from one series.bin: merge exits 2 naming the shard to rerun', async () => {
    const out = join(tmp(), 'shards');
    // The three shards, each into its own folder under its own lock, as an array job's tasks write them (here one after another, in the test's process).
    const shardRuns = await Promise.all([0, 1, 2].map((i) => runInProcess(['run', SMALL_CITY, '--out', out, '--quiet', '--workers', '1', '--shard', `${i}/3`])));
    for (const r of shardRuns) expect(r.code, r.stderr).toBe(0);
    const shard1 = readdirSync(join(out, NAME)).find((d) => d.endsWith('.shard-1-of-3'))!;
    const series = join(out, NAME, shard1, 'series.bin');
    truncateSync(series, statSync(series).size - 5000);
    const shards = readdirSync(join(out, NAME)).filter((d) => /\.shard-\d-of-3$/.test(d)).map((d) => join(out, NAME, d));
    const r = await runInProcess(['merge', ...shards, '--out', out]);
    expectUserError(r, /missing.*run shard 1\/3/);
    // A changed byte instead: named as damage of that shard.
    const out2 = join(tmp(), 'shards2');
    spawnSync('cp', ['-r', out, out2]);
    const r0 = await runInProcess(['run', SMALL_CITY, '--out', out2, '--quiet', '--workers', '1', '--shard', '1/3']);
    expect(r0.code, r0.stderr).toBe(0);
    const s2 = join(out2, NAME, shard1, 'series.bin');
    const bytes = readFileSync(s2);
    bytes[100] = bytes[100]! ^ 0x40;
    writeFileSync(s2, bytes);
    const shards2 = shards.map((d) => d.replace(out, out2));
    const r2 = await runInProcess(['merge', ...shards2, '--out', out2]);
    expectUserError(r2, /damaged.*replication \d+ does not match its checksum.*run shard 1\/3 again/);
  }, 120_000);

  it('a rerun into a result folder holding the user\'s files refuses and deletes nothing', async () => {
    // The clean run (the same command line, exit 0 checked in beforeAll), copied to where its run into `out` writes it.
    const out = join(tmp(), 'foreign');
    spawnSync('cp', ['-r', join(tmp(), 'clean'), out]);
    const dir = resultFolder(out, NAME);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    mkdirSync(join(dir, 'analysis'));
    const again = await runInProcess(cleanRun(out));
    expectUserError(again, /holds files difusi did not write \((analysis, notes\.txt|notes\.txt, analysis)\); nothing was deleted/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 'analysis'))).toBe(true);
  }, 120_000);
});

describe.sequential('locks and kills', () => {
  const args = (out: string) => ['run', BASS, '--out', out, '--quiet', '--workers', '1', '-r', '60', '--no-charts'];
  let reference: Record<string, Buffer> = {};
  beforeAll(async () => {
    const whole = join(tmp(), 'bass-reference');
    const r = await runInProcess(args(whole));
    expect(r.code, r.stderr).toBe(0);
    reference = readDataFiles(resultFolder(whole, 'bass-complete'));
  }, 120_000);

  const lockOf = (out: string) => {
    const base = join(out, 'bass-complete');
    return existsSync(base) ? readdirSync(base).find((d) => d.endsWith('.lock')) : undefined;
  };
  const records = (out: string) => {
    const base = join(out, 'bass-complete');
    const part = existsSync(base) ? readdirSync(base).find((d) => d.endsWith('.partial')) : undefined;
    if (part === undefined || !existsSync(join(base, part, 'records.jsonl'))) return 0;
    return readFileSync(join(base, part, 'records.jsonl'), 'utf8').split('\n').length - 1;
  };

  /** The pid the lock file of the run into `out` names, once it is written whole. */
  const lockHolder = (out: string): number | undefined => {
    const lock = lockOf(out);
    if (lock === undefined) return undefined;
    try {
      return (JSON.parse(readFileSync(join(out, 'bass-complete', lock), 'utf8')) as { pid: number }).pid;
    } catch {
      return undefined; // not there any more, or being written
    }
  };

  it('a second job on the same folder exits 2 naming the process that holds it; a stale lock is taken over', async () => {
    const out = join(tmp(), 'locked');
    // The first run stops itself once it has taken the lock (holdLock): it holds it, whatever the load,
    // until it is killed below, so the second run always meets a live holder.
    const { child, done } = startBin(args(out), { holdLock: true });
    let exited = false;
    void done.then(() => (exited = true));
    try {
      const deadline = Date.now() + 60_000;
      while (!exited && lockHolder(out) !== child.pid && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(exited, 'the first run ended before it took the lock').toBe(false);
      expect(lockHolder(out)).toBe(child.pid);
      // Stopped by hold-lock.mjs (state T), not merely still running: otherwise this would be the old race again.
      const state = () => /^\d+ \(.*\) (\S)/s.exec(readFileSync(`/proc/${child.pid}/stat`, 'utf8'))?.[1];
      const stopBy = Date.now() + 60_000;
      while (state() !== 'T' && Date.now() < stopBy) await new Promise((r) => setTimeout(r, 5));
      expect(state()).toBe('T');
      const second = await runInProcess([...args(out), '--resume']);
      expectUserError(second, new RegExp(`being written by process ${child.pid} \\(difusi run`));
    } finally {
      child.kill('SIGKILL'); // also when the check fails: a stopped process would wait for ever
    }
    await done;
    expect(lockOf(out)).toBeDefined(); // left behind by the killed job
    const third = await runInProcess([...args(out), '--resume']);
    expect(third.code, third.stderr).toBe(0);
    const got = readDataFiles(resultFolder(out, 'bass-complete'));
    for (const f of DATA_FILES) expect(got[f]!.equals(reference[f]!), f).toBe(true);
    expect(lockOf(out)).toBeUndefined();
  }, 180_000);

  it('SIGTERM or SIGINT releases the lock and ends with the signal (exit 143, 130): a requeued job on any host may resume', async () => {
    // The job stops itself once it holds the lock (holdLock); the signal then waits, and SIGCONT lets it act: no race.
    // The two jobs at once, each into its own --out.
    const signalled = async ([signal, status]: readonly ['SIGTERM' | 'SIGINT', number]) => {
      const out = join(tmp(), `signal-${signal}`);
      const { child, done } = startBin(args(out), { holdLock: true });
      await signalWhenStopped(child, signal, () => expect(lockHolder(out)).toBe(child.pid));
      const r = await done;
      // Raised again after the clean-up, the signal ends the process (a shell shows 128 + its number).
      expect(r.signal === signal || r.code === status, `${signal}: ${r.code} ${r.signal} ${r.stderr}`).toBe(true);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(lockOf(out), signal).toBeUndefined();
      expect(runFolders(out, 'bass-complete'), signal).toEqual([]);
    };
    await Promise.all((
      [
        ['SIGTERM', 143],
        ['SIGINT', 130],
      ] as const
    ).map(signalled));
  }, 180_000);

  it('SIGTERM mid-run keeps the work folder: no lock left, no finished folder, --resume gives the bytes of an uninterrupted run', async () => {
    // The run stops itself (SIGSTOP, tests/support/stop-mid-run.mjs) right after its 10th records.jsonl line, 50
    // replications before its end, whatever the load; only then is it sent SIGTERM (and SIGCONT). Polling for the
    // lines instead raced the run's end under load (the poll woke after the last line, or in the final synchronous
    // step), and a SIGTERM then rightly came too late.
    const out = join(tmp(), 'sigterm-resume');
    const { child, done } = startBin(args(out), { stopAtRecord: 10 });
    let exited = false;
    void done.then(() => (exited = true));
    try {
      // A guard against a hang only: the run stops itself.
      const deadline = Date.now() + 60_000;
      while (!exited && processState(child.pid!) !== 'T' && Date.now() < deadline) await new Promise((res) => setTimeout(res, 5));
      expect(exited, 'the run ended without stopping at its 10th record').toBe(false);
      expect(processState(child.pid!)).toBe('T');
      expect(records(out)).toBe(10);
      expect(runFolders(out, 'bass-complete')).toEqual([]);
      expect(lockHolder(out)).toBe(child.pid);
      child.kill('SIGTERM');
      child.kill('SIGCONT');
    } catch (error) {
      child.kill('SIGKILL'); // a stopped process would wait for ever
      throw error;
    }
    const r = await done;
    expect(r.signal === 'SIGTERM' || r.code === 143, `${r.code} ${r.signal} ${r.stderr}`).toBe(true);
    expect(lockOf(out)).toBeUndefined();
    expect(records(out)).toBeGreaterThanOrEqual(10);
    expect(runFolders(out, 'bass-complete')).toEqual([]);
    const resumed = await runInProcess([...args(out), '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).not.toMatch(/discard/);
    const got = readDataFiles(resultFolder(out, 'bass-complete'));
    for (const f of DATA_FILES) expect(got[f]!.equals(reference[f]!), f).toBe(true);
    expect(lockOf(out)).toBeUndefined();
  }, 180_000);

  it('SIGKILL at random moments, then --resume: always the bytes of an uninterrupted run', async () => {
    // Fixed "random" moments: after k finished records (k from a seeded sequence), and once right at the start.
    // The three jobs at once, each into its own --out (each killed at its own moment, then resumed).
    const moments = [0, 13, 37];
    const killedAndResumed = async (k: number) => {
      const out = join(tmp(), `kill-${k}`);
      const { child, done } = startBin(args(out));
      let exited = false;
      void done.then(() => (exited = true));
      const deadline = Date.now() + 60_000;
      while (!exited && records(out) < k && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      if (k === 0) await new Promise((r) => setTimeout(r, 150));
      child.kill('SIGKILL');
      await done;
      // A process, not runInProcess: a resume in this process would hold the event loop the other jobs' polls
      // need to kill them at their moment.
      const resumed = await runBin([...args(out), '--resume']);
      expect(resumed.code, resumed.stderr).toBe(0);
      const got = readDataFiles(resultFolder(out, 'bass-complete'));
      for (const f of DATA_FILES) expect(got[f]!.equals(reference[f]!), `${f} after a kill at ${k}`).toBe(true);
    };
    await Promise.all(moments.map(killedAndResumed));
  }, 300_000);
});

// The refusals run in the test's process (runInProcess: what they print and their exit code are the built
// code's, and a process would only add its start-up); so do the runs, merges and reports of this file. The
// processes it stops, kills or holds at a lock start `difusi` as installed (startBin: bin/difusi.mjs, the bundle,
// with the same preloaded modules as startCli: the bundle runs in the process bin/difusi.mjs starts, so the
// signals reach the job itself).
describe('command-line errors: one line, exit 2', () => {
  const file = () => {
    const f = join(tmp(), 'plain-file');
    writeFileSync(f, 'x');
    return f;
  };
  it.each([
    ['--out at a file', () => ['run', SMALL_CITY, '--out', file()], /it is a file, not a folder/],
    ['--out /dev/null', () => ['run', SMALL_CITY, '--out', '/dev/null'], /special file system/],
    ['--out /proc/self', () => ['run', SMALL_CITY, '--out', '/proc/self'], /special file system/],
    ['merge --out at a file', () => ['merge', tmp(), '--out', file()], /it is a file, not a folder/],
    ['-r 1000000000', () => ['run', SMALL_CITY, '-r', '1000000000', '--out', join(tmp(), 'big')], /Too many replications \(at most 100,000\)/],
    ['--max-replications 1e12', () => ['run', SMALL_CITY, '--precision', '0.05', '--max-replications', '1e12', '--out', join(tmp(), 'p')], /--max-replications/],
    ["--seed ''", () => ['run', SMALL_CITY, '--seed', '', '--out', join(tmp(), 's')], /--seed.*empty string/],
    ['--set __proto__.toString=null', () => ['run', SMALL_CITY, '--set', '__proto__.toString=null', '--out', join(tmp(), 'p2')], /"__proto__" cannot be used/],
    ['--set __proto__.hasOwnProperty=null', () => ['run', SMALL_CITY, '--set', '__proto__.hasOwnProperty=null', '--out', join(tmp(), 'p3')], /"__proto__" cannot be used/],
    ['a scenario that is a device', () => ['run', '/dev/zero', '--out', join(tmp(), 'z')], /not a regular file/],
  ])('%s', async (_name, argv, says) => {
    const r = await runInProcess(argv());
    expectUserError(r, says);
  });

  it('a name over 255 characters is refused in one line', async () => {
    const f = join(tmp(), 'long.yaml');
    writeFileSync(f, readFileSync(SMALL_CITY, 'utf8').replace('name: small-city', `name: ${'n'.repeat(300)}`));
    const r = await runInProcess(['run', f, '--out', join(tmp(), 'long'), '--quiet']);
    expectUserError(r, /The scenario name is too long/);
  });

  it('JSON nested 100,000 deep is refused in one line', async () => {
    const f = join(tmp(), 'deep.json');
    writeFileSync(f, '['.repeat(100_000) + ']'.repeat(100_000));
    const r = await runInProcess(['validate', f]);
    expect(r.code).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/deep\.json:1:65 The data is nested too deeply/);
  });

  it('a variant note with terminal escape sequences prints without them', async () => {
    const dir = join(tmp(), 'escapes');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 's.yaml'), readFileSync(SMALL_CITY, 'utf8').replace('replications: 6', 'replications: 2'));
    writeFileSync(
      join(dir, 'e.yaml'),
      'name: esc\nbase: s.yaml\nvariants:\n  - name: v\n    note: "\\e[2J\\e]0;owned\\a\\x9b31mred \\rline"\n    set: { parameters.bass_q: 0.2 }\n',
    );
    const r = await runInProcess(['compare', join(dir, 'e.yaml'), '--out', join(dir, 'out'), '--quiet', '--no-charts', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('red line');
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b\r]/);
    // The sequences go whole, not only their ESC: no "[2J", window title or "31m" left in the note.
    expect(r.stdout).toContain('v vs base (2 paired replications): red line');
  }, 120_000);
});

describe('a full disk (tmpfs of 132 kB, root only)', () => {
  const mountPoint = join('/tmp', `difusi-enospc-${process.pid}`);
  let mounted = false;
  beforeAll(() => {
    mkdirSync(mountPoint, { recursive: true });
    mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=132k', 'tmpfs', mountPoint]).status === 0;
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('ENOSPC is one line with exit 2; after the disk grows, --resume gives the clean bytes', async (ctx) => {
    if (!mounted) ctx.skip();
    const argv = ['run', SMALL_CITY, '--out', mountPoint, '--quiet', '--workers', '1', '--no-charts', '-r', '40'];
    // The run never interrupted, that the resumed one is checked against, is made meanwhile (on the other disk).
    const ref = join(tmp(), 'enospc-ref');
    const [full, r] = await Promise.all([runInProcess(argv), runInProcess(['run', SMALL_CITY, '--out', ref, '--quiet', '--workers', '1', '--no-charts', '-r', '40'])]);
    expectUserError(full, /ENOSPC|no space left/i);
    expect(spawnSync('mount', ['-o', 'remount,size=64m', mountPoint]).status).toBe(0);
    const resumed = await runInProcess([...argv, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(r.code).toBe(0);
    const want = readDataFiles(resultFolder(ref, NAME));
    const got = readDataFiles(resultFolder(mountPoint, NAME));
    for (const f of DATA_FILES) expect(got[f]!.equals(want[f]!), f).toBe(true);
  }, 180_000);
});

describe('terminalSafe', () => {
  it('removes escape sequences whole and keeps the text around them', () => {
    const cases: [string, string][] = [
      ['\u001b[2J\u001b[31mRED\u001b[0m done', 'RED done'],
      ['a\u001b]0;title\u0007b', 'ab'],
      ['a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b', 'alinkb'],
      ['\u009b31mred', 'red'],
      ['x\u001bcy', 'xy'],
      ['x\u001b(By', 'xy'],
      ['tab\tand\nline stay; a lone ESC at the end\u001b', 'tab\tand\nline stay; a lone ESC at the end'],
      ['unterminated title \u001b]0;gone', 'unterminated title '],
      ['kota [2J] and 31m stay as text', 'kota [2J] and 31m stay as text'],
    ];
    for (const [input, shown] of cases) expect(terminalSafe(input), JSON.stringify(input)).toBe(shown);
  });
});
