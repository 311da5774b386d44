import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardUnits, unitPoint } from '../../src/experiment/sweep.js';
import { executeDesignJob, mergeSweepShards, sweepJob, type DesignJob, type DesignRunResult } from '../../src/jobs/sweep.js';
import { readArmOutcomes } from '../../src/store/arm-outcomes.js';
import { formatNumber } from '../../src/store/csv.js';
import { parseSweep, readResults } from '../../src/store/results-read.js';
import { sweepTable } from '../../src/report/report-model.js';
import { heatmapData } from '../../src/report/specs/heatmap.js';
import { executeRun } from '../../src/jobs/run.js';
import { filesOf, fixture, tempRoot, userError } from './helpers.js';

const out = tempRoot('sweep');
afterAll(out.cleanup);

const FILES = ['sweep.csv', 'sweep_summary.csv'];
const job = (): DesignJob => sweepJob({ experiment: fixture('sweep.yaml'), kind: 'sweep', outRoot: out.dir, workers: 1, command: 'test' });

let single: DesignRunResult;
beforeAll(async () => {
  single = await executeDesignJob(job(), { outRoot: join(out.dir, 'single'), workers: 1, command: 'test' });
});

describe('difusi sweep', () => {
  it('writes one row per design point and replication, and a summary per point', () => {
    const rows = readFileSync(join(single.dir, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('point,replication,parameters.takeover_vendor,parameters.champion_rotation,live_share,sustained.vendor-pilot,discontinuations.total');
    expect(rows.length - 1).toBe(6 * 4);
    expect(rows.slice(1, 6).map((r) => r.split(',').slice(0, 4).join(','))).toEqual(['0,0,0,0', '0,1,0,0', '0,2,0,0', '0,3,0,0', '1,0,0,0.2']);
    const summary = readFileSync(join(single.dir, 'sweep_summary.csv'), 'utf8').trim().split('\n');
    expect(summary.length - 1).toBe(6);
    expect(summary[0]!.split(',').slice(0, 7)).toEqual([
      'point',
      'parameters.takeover_vendor',
      'parameters.champion_rotation',
      'n',
      'live_share_mean',
      'live_share_ci_low',
      'live_share_ci_high',
    ]);
    const manifest = JSON.parse(readFileSync(join(single.dir, 'manifest.json'), 'utf8')) as { kind: string; files: string[] };
    expect(manifest.kind).toBe('sweep');
    expect(manifest.files).toEqual(['sweep.csv', 'sweep_summary.csv', 'manifest.json']);
  });

  it("the report reads the per-point summary and shows what the per-replication rows give", async () => {
    const results = await readResults(single.dir);
    expect(results.sweep!.rows).toHaveLength(6); // one per point, not one per replication
    expect(results.sweep!.rows.every((r) => r.n === 4)).toBe(true);
    expect(results.sweep!.parameters).toEqual(['parameters.takeover_vendor', 'parameters.champion_rotation']);
    const raw = parseSweep(readFileSync(join(single.dir, 'sweep.csv'), 'utf8'), single.dir, results.sweep!.parameters);
    const fromRaw = { ...results, sweep: raw };
    expect(raw.rows).toHaveLength(24);
    expect(sweepTable(results)).toEqual(sweepTable(fromRaw));
    // The same cells; only sweep_summary.csv has the points' intervals (the replication noise of the panel titles,
    // and since session 39 the colour scale, widened to the noise, and so the cells' ink).
    const cells = (d: ReturnType<typeof heatmapData>) => ({
      ...d,
      panels: d.panels.map(({ noise: _noise, unbounded: _u, domain: _d, why: _w, values, ...p }) => ({ ...p, values: values.map(({ ink: _ink, ...v }) => v) })),
    });
    expect(cells(heatmapData({ sweep: results.sweep! }))).toEqual(cells(heatmapData({ sweep: raw })));
    // A noise, or (an interval past the outcome's range at 4 replications, session 39) one said unbounded.
    expect(heatmapData({ sweep: results.sweep! }).panels.every((p) => p.unbounded || (p.noise !== null && p.noise > 0))).toBe(true);
    expect(heatmapData({ sweep: raw }).panels.every((p) => p.noise === null && !p.unbounded)).toBe(true);
  });

  it('runs replication r of every point with the seeds of (master seed, r), as difusi run does', async () => {
    const run = await executeRun({
      file: fixture('pilot.yaml'),
      overrides: { 'parameters.takeover_vendor': 1, 'parameters.champion_rotation': 0.2, replications: 4 },
      outRoot: join(out.dir, 'run'),
      workers: 1,
      command: 'test',
    });
    const outcomes = single.job.outcomes;
    const values = await readArmOutcomes(run.dir, outcomes);
    const rows = readFileSync(join(single.dir, 'sweep.csv'), 'utf8').trim().split('\n').slice(1);
    const point5 = rows.filter((r) => r.startsWith('5,')).map((r) => r.split(',').slice(4).join(','));
    const fromRun = [0, 1, 2, 3].map((r) => values.map((v) => formatNumber(v[r]!)).join(','));
    expect(point5).toEqual(fromRun);
    expect(unitPoint(9, 4)).toEqual({ point: 2, replication: 1 });
    expect(shardUnits(10, { index: 1, count: 3 })).toEqual([1, 4, 7]);
  });

  it('gives the same bytes for 2 workers', async () => {
    const two = await executeDesignJob(job(), { outRoot: join(out.dir, 'w2'), workers: 2, command: 'test' });
    expect(filesOf(two.dir, FILES)).toEqual(filesOf(single.dir, FILES));
  });

  it('gives the same bytes merged from 3 or 7 shards, and names missing shards', async () => {
    for (const n of [3, 7]) {
      const root = join(out.dir, `shards-${n}`);
      const dirs: string[] = [];
      for (let i = 0; i < n; i++) dirs.push((await executeDesignJob(job(), { outRoot: root, workers: 1, shard: { index: i, count: n }, command: 'test' })).dir);
      if (n === 7) {
        const error = userError(() => mergeSweepShards(dirs.filter((_, i) => i !== 2 && i !== 5), root, 'test'));
        expect(error.issues[0]!.code).toBe('sweep_merge_missing');
        expect(error.issues[0]!.message).toContain('run shards 2/7, 5/7');
      }
      const merged = mergeSweepShards(dirs.reverse(), root, 'test');
      expect(merged.slice(root.length)).toBe(single.dir.slice(join(out.dir, 'single').length));
      expect(filesOf(merged, FILES)).toEqual(filesOf(single.dir, FILES));
    }
  });

  it('resumes an interrupted sweep to the same bytes', async () => {
    const root = join(out.dir, 'resume');
    let seen = 0;
    await expect(
      executeDesignJob(job(), {
        outRoot: root,
        workers: 1,
        command: 'test',
        onProgress: (done) => {
          if (done > 0 && ++seen === 10) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const partial = readdirSync(join(root, 'test-sweep')).filter((d) => d.endsWith('.partial'));
    expect(partial).toHaveLength(1);
    const resumed = await executeDesignJob(job(), { outRoot: root, workers: 2, resume: true, command: 'test' });
    expect(resumed.resumed).toBe(10);
    expect(resumed.ran).toBe(14);
    expect(filesOf(resumed.dir, FILES)).toEqual(filesOf(single.dir, FILES));
    expect(existsSync(join(root, 'test-sweep', partial[0]!))).toBe(false);
  });
});
