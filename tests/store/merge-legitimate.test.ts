/**
 * Merges that are legitimate stay accepted now that parts are sealed and
 * compared field by field (store/run-folder.ts indexParts, store/part-store.ts
 * partMetaProblem): more shards than replications (a shard may hold none:
 * `--shard` allows it and every shard succeeds), and the same `--set`s given
 * in another order (one scenario hash, one run key, the same numbers). Each
 * merge must give the bytes of the run on one machine. Both were refused as
 * "damaged" or "another run" by the first version of the sealed parts. And
 * shards written by the two ways difusi runs (the bundle, bin/difusi.mjs, and
 * tsc's output, dist/src/cli/main.js) are one build: each reads its own stamp.
 */
import { readFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CITY, runBin, runCli, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = testFolder('difusi-merge-legitimate-');
const CSVS = ['summary.csv', 'timeseries.csv', 'outcomes.csv', 'agents.csv', 'events.csv'];

async function run(out: string, ...args: string[]): Promise<void> {
  const r = await runInProcess(['run', SMALL_CITY, '--no-charts', '--quiet', '-w', '1', '--out', out, ...args]);
  expect(r.code, r.stderr).toBe(0);
}

/** The one result folder under `out`. */
const resultDir = (out: string) => join(out, 'small-city', readdirSync(join(out, 'small-city')).filter((e) => !e.startsWith('.') && !e.includes('.shard-'))[0]!);
const shardDirs = (out: string) => readdirSync(join(out, 'small-city')).filter((e) => e.includes('.shard-')).map((e) => join(out, 'small-city', e));

async function expectMergeLikeOneRun(shards: string, one: string): Promise<void> {
  const merged = join(folder(), `${shards.split('/').pop()}-merged`);
  const r = await runInProcess(['merge', ...shardDirs(shards), '--no-charts', '--out', merged]);
  expect(r.code, r.stderr).toBe(0);
  for (const f of CSVS) expect(readFileSync(join(resultDir(merged), f)).equals(readFileSync(join(resultDir(one), f))), f).toBe(true);
}

describe('legitimate merges of sealed parts', () => {
  it('more shards than replications (shard 2 of 3 holds none of 2): merged, the bytes of one run', async () => {
    const one = join(folder(), 'one-r2');
    await run(one, '-r', '2');
    const shards = join(folder(), 'shards-r2');
    for (const i of [0, 1, 2]) await run(shards, '-r', '2', '--shard', `${i}/3`);
    await expectMergeLikeOneRun(shards, one);
  });

  it('a shard written by the bundle (bin/difusi.mjs) and one by dist/src/cli/main.js: merged, the bytes of one run', async () => {
    const one = join(folder(), 'one-two-ways');
    await run(one, '-r', '4');
    const shards = join(folder(), 'shards-two-ways');
    const args = (i: number) => ['run', SMALL_CITY, '-r', '4', '--shard', `${i}/2`, '--no-charts', '--quiet', '-w', '1', '--out', shards];
    for (const r of [await runBin(args(0)), await runCli(args(1))]) expect(r.code, r.stderr).toBe(0);
    await expectMergeLikeOneRun(shards, one);
  });

  it('a shard interrupted, resumed with the same --set values in another order: its work is kept, and it merges to the bytes of one run', async () => {
    const sets = ['--set', 'parameters.takeover_vendor=0.5', '--set', 'parameters.champion_rotation=0.2'];
    const reversed = [...sets.slice(2), ...sets.slice(0, 2)];
    const one = join(folder(), 'one-resume-sets');
    await run(one, '-r', '4', ...sets);
    // Shard 0's finished part put back as the work folder of an interrupted shard 0/2, then resumed with the --sets reversed.
    const shards = join(folder(), 'resume-sets');
    await run(shards, '-r', '4', '--shard', '0/2', ...sets);
    const [done] = shardDirs(shards);
    const key = done!.split('/').pop()!;
    renameSync(done!, join(shards, 'small-city', `.${key}.partial`));
    const r = await runInProcess(['run', SMALL_CITY, '--no-charts', '-w', '1', '--out', shards, '-r', '4', '--shard', '0/2', '--resume', ...reversed]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/another run|starting afresh/);
    await run(shards, '-r', '4', '--shard', '1/2', ...sets);
    await expectMergeLikeOneRun(shards, one);
  });

  it('the same --set values given in another order in each shard: merged, the bytes of one run', async () => {
    const sets = ['--set', 'parameters.takeover_vendor=0.5', '--set', 'parameters.champion_rotation=0.2'];
    const reversed = [...sets.slice(2), ...sets.slice(0, 2)];
    const one = join(folder(), 'one-sets');
    await run(one, '-r', '4', ...sets);
    const shards = join(folder(), 'shards-sets');
    await run(shards, '-r', '4', '--shard', '0/2', ...sets);
    await run(shards, '-r', '4', '--shard', '1/2', ...reversed);
    await expectMergeLikeOneRun(shards, one);
  });
});
