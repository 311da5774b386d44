/**
 * docs/EXPERIMENTS-USAGE.md "Scaling" and docs/MODEL.md section 9,
 * through the command line: the same command gives byte-identical data files;
 * worker count, sharding + merge and an interrupted-then-resumed run change
 * nothing; a merge with a missing shard names what to rerun.
 */
import { appendFileSync, cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeRun } from '../../src/jobs/run.js';
import {
  DATA_FILES,
  ROOT,
  SMALL_CITY,
  cliTestFolder,
  readDataFiles,
  resultFolder,
  runBin,
  runFolders,
  stackLines,
  startCli,
} from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { shared } from '../support/shared.js';

// The runs and merges run in the test's process (runInProcess, the built dist/src/cli/program.js), which costs
// no process start. Processes are kept where another process is the point: the second run of "the same command
// twice" (runBin: bin/difusi.mjs, the bundle) gives the bytes of the in-process runs; the three shards run at the
// same time as separate processes, as array jobs would; the run that is killed (startCli, dist/src/cli/main.js)
// is resumed here, from the part another process left.
const NAME = 'small-city'; // 6 replications, all of them with agents.csv and events.csv detail
const folder = cliTestFolder('difusi-cli-repro-');
let tmp = '';
let reference: Record<string, Buffer> = {};
let referenceKey = '';

async function run(out: string, ...extra: string[]) {
  const r = await runInProcess(['run', SMALL_CITY, '--out', out, '--quiet', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** run, in a process of its own (`difusi` as installed: runBin). */
async function runElsewhere(out: string, ...extra: string[]) {
  const r = await runBin(['run', SMALL_CITY, '--out', out, '--quiet', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/**
 * The runs compared with the reference are made with --no-charts: the report
 * is drawn after the data folder is complete (cli/run.ts, reportAfter) and
 * never rewrites a data file, and it costs about three times what the six
 * replications themselves do. The reference keeps the charts, so the
 * comparisons also show that drawing them changes no data byte.
 */
const runData = (out: string, ...extra: string[]) => run(out, '--no-charts', ...extra);

/** Shards 0/3, 1/3 and 2/3 of the reference run, in `<tmp>/shards`: one set for the merge tests below. */
const threeShards = shared(async () => {
  const out = join(tmp, 'shards');
  // The shards run at the same time, as array jobs would.
  await Promise.all([0, 1, 2].map((i) => runElsewhere(out, '--no-charts', '--workers', '1', '--shard', `${i}/3`)));
  return { out, shards: runFolders(out, NAME) };
});

function expectSameBytes(dir: string): void {
  const got = readDataFiles(dir);
  for (const f of DATA_FILES) expect(got[f]!.equals(reference[f]!), `${f} differs in ${dir}`).toBe(true);
}

beforeAll(async () => {
  tmp = folder();
  const out = join(tmp, 'reference');
  await run(out, '--workers', '1');
  const dir = resultFolder(out, NAME);
  referenceKey = basename(dir);
  reference = readDataFiles(dir);
});

describe('reproducibility through the CLI', () => {
  it('the reference run wrote every data file with the expected shape', () => {
    const lines = (f: string) => reference[f]!.toString('utf8').trimEnd().split('\n');
    expect(lines('outcomes.csv')).toHaveLength(1 + 6 * 3); // 6 replications x 3 innovations
    expect(lines('agents.csv')).toHaveLength(1 + 6 * 16); // 16 agencies, all replications detailed
    expect(lines('timeseries.csv')).toHaveLength(1 + 6 * 60);
    expect(lines('events.csv').length).toBeGreaterThan(100);
    // No partial folder is left behind.
    expect(readdirSync(join(tmp, 'reference', NAME)).filter((d) => d.endsWith('.partial'))).toEqual([]);
  });

  it('the same command twice gives byte-identical data files', async () => {
    const out = join(tmp, 'twice');
    await runData(out, '--workers', '1');
    const first = readDataFiles(resultFolder(out, NAME));
    // The second time in a process of its own: the same bytes from another process.
    await runElsewhere(out, '--no-charts', '--workers', '1');
    const dir = resultFolder(out, NAME);
    expect(basename(dir)).toBe(referenceKey);
    const second = readDataFiles(dir);
    for (const f of DATA_FILES) expect(second[f]!.equals(first[f]!), f).toBe(true);
    expectSameBytes(dir);
    // The manifest names the run; only its timings may differ.
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ kind: 'run', seed: 7, replications: 6 });
  });

  it('--workers 2 gives the bytes of --workers 1', async () => {
    const out = join(tmp, 'workers2');
    await runData(out, '--workers', '2');
    expectSameBytes(resultFolder(out, NAME));
  });

  it('--shard 0/3, 1/3, 2/3 then merge gives the bytes of the single run', async () => {
    const { out, shards } = await threeShards();
    expect(shards.map((d) => basename(d))).toEqual([0, 1, 2].map((i) => `${referenceKey}.shard-${i}-of-3`));
    const merged = await runInProcess(['merge', ...shards, '--out', out, '--no-charts']);
    expect(merged.code, merged.stderr).toBe(0);
    expectSameBytes(join(out, NAME, referenceKey));
  });

  it('merge with a missing shard exits non-zero, naming the missing replications and the shard to rerun', async () => {
    const out = join(tmp, 'missing');
    // Shards 0/3 and 1/3 of the set above, copied beside nothing else: what two finished array jobs of three leave.
    for (const shard of (await threeShards()).shards.slice(0, 2)) cpSync(shard, join(out, NAME, basename(shard)), { recursive: true });
    expect(runFolders(out, NAME).map((d) => basename(d))).toEqual([0, 1].map((i) => `${referenceKey}.shard-${i}-of-3`));
    const merged = await runInProcess(['merge', ...runFolders(out, NAME), '--out', out]);
    expect(merged.code).not.toBe(0);
    expect(merged.code).not.toBeNull();
    // Shard 2/3 holds replications r with r % 3 == 2 of 0..5: 2 and 5.
    expect(merged.stderr).toMatch(/\b2, 5\b/);
    expect(merged.stderr).toContain('2/3');
    expect(stackLines(merged.stderr)).toEqual([]);
    expect(existsSync(join(out, NAME, referenceKey))).toBe(false);
  });

  it('--resume after an interruption (and a torn last write) gives the bytes of an uninterrupted run', async () => {
    const out = join(tmp, 'resume');
    // Interrupt the library run after two replications, as a crash would.
    await expect(
      executeRun({
        file: SMALL_CITY,
        outRoot: out,
        workers: 1,
        command: 'test',
        onProgress: (done) => {
          if (done >= 2) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(runFolders(out, NAME)).toEqual([]); // no result folder for an unfinished run
    const partials = readdirSync(join(out, NAME)).filter((d) => d.endsWith('.partial'));
    expect(partials).toHaveLength(1);
    const part = join(out, NAME, partials[0]!);
    expect(readFileSync(join(part, 'records.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(2);
    // A crash in the middle of the next replication: a dangling series record and half a line.
    appendFileSync(join(part, 'series.bin'), Buffer.alloc(4096, 7));
    appendFileSync(join(part, 'records.jsonl'), '{"r":2,"offset":');

    await runData(out, '--workers', '1', '--resume');
    const dir = resultFolder(out, NAME);
    expectSameBytes(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { timings: { resumed_replications?: number } };
    expect(manifest.timings.resumed_replications).toBe(2);
    expect(existsSync(part)).toBe(false);
  });

  it('--resume after the process was killed (SIGKILL) gives the bytes of an uninterrupted run', async () => {
    // Bass validation scenario: about 2.5 ms per replication, and records reach the part file in
    // batches (up to 250 ms apart): 40 replications once fitted in one batch, so the kill came after
    // the last record and nothing was interrupted. 1,000 take a few seconds, many batches.
    const scenario = join(ROOT, 'scenarios', 'validation', 'bass-complete.yaml');
    // --no-charts: the data are compared, and the report of 1,000 replications is drawn after them.
    const args = (out: string) => ['run', scenario, '--out', out, '--quiet', '--workers', '1', '-r', '1000', '--no-charts'];
    const whole = join(tmp, 'kill-reference');
    const complete = await runInProcess(args(whole));
    expect(complete.code, complete.stderr).toBe(0);

    const out = join(tmp, 'kill');
    const { child, done } = startCli(args(out));
    let exited = false;
    void done.then(() => (exited = true));
    const base = join(out, 'bass-complete');
    const lines = () => {
      if (!existsSync(base)) return 0;
      const part = readdirSync(base).find((d) => d.endsWith('.partial'));
      if (part === undefined || !existsSync(join(base, part, 'records.jsonl'))) return 0;
      return readFileSync(join(base, part, 'records.jsonl'), 'utf8').split('\n').length - 1;
    };
    const deadline = Date.now() + 60_000;
    while (!exited && lines() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(exited, 'the run finished before it could be interrupted').toBe(false);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    expect(runFolders(out, 'bass-complete')).toEqual([]);

    const resumed = await runInProcess([...args(out), '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const dir = resultFolder(out, 'bass-complete');
    const want = readDataFiles(resultFolder(whole, 'bass-complete'));
    const got = readDataFiles(dir);
    for (const f of DATA_FILES) expect(got[f]!.equals(want[f]!), f).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { timings: { resumed_replications?: number } };
    expect(manifest.timings.resumed_replications).toBeGreaterThanOrEqual(3);
    expect(manifest.timings.resumed_replications).toBeLessThan(1000);
  });
});
