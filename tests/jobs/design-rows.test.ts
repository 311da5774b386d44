/**
 * The sweep and sensitivity jobs return the rows they write (issue #10):
 * the returned rows of sweep_summary.csv and sensitivity.csv, formatted by
 * the table definitions, are the files' bytes, for a single run, a merge
 * of shards and a resumed run. A shard returns no rows (its rows come with
 * the merge).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { executeDesignJob, mergeDesignShards, sweepJob, type DesignJob } from '../../src/jobs/sweep.js';
import { csvText } from '../../src/store/csv.js';
import type { DesignRows } from '../../src/store/sweep-store.js';
import { SENSITIVITY_FLOOR, SWEEP_SUMMARY } from '../../src/store/tables.js';
import { fixture, tempRoot } from '../experiment/helpers.js';

const tmp = tempRoot('design-rows');
afterAll(() => tmp.cleanup());
const text = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

const sweep = (): DesignJob => sweepJob({ experiment: fixture('sweep.yaml'), kind: 'sweep' });
const morris = (): DesignJob => sweepJob({ experiment: fixture('morris.yaml'), kind: 'sensitivity', replications: 2 });

/** sweep_summary.csv as the returned rows format. */
function summaryText(job: DesignJob, rows: DesignRows): string {
  const cols = SWEEP_SUMMARY.columns(rows.factors, job.outcomes);
  const stats = cols.slice(2 + rows.factors.length);
  return csvText([
    cols,
    ...rows.points.map((p) => SWEEP_SUMMARY.format(p.point, rows.factors.map((f) => p.values[f]!), p.n!, stats.map((c) => p.values[c] ?? Number.NaN))),
  ]);
}

const sensitivityText = (rows: DesignRows) => csvText([SENSITIVITY_FLOOR.columns, ...rows.sensitivity.map(SENSITIVITY_FLOOR.format)]);

describe('design jobs return the rows they write', () => {
  it('sweep: the returned points are sweep_summary.csv, byte for byte; no sensitivity rows', async () => {
    const job = sweep();
    const r = await executeDesignJob(job, { outRoot: join(tmp.dir, 'sweep'), workers: 1, command: 'test' });
    expect(r.rows!.factors).toEqual(job.plan.names);
    expect(r.rows!.outcomes).toEqual(job.outcomes.map((o) => o.name));
    expect(r.rows!.points).toHaveLength(job.plan.rows.length);
    expect(summaryText(job, r.rows!)).toBe(text(r.dir, 'sweep_summary.csv'));
    expect(r.rows!.sensitivity).toEqual([]);
  });

  it('sensitivity: the returned rows are sensitivity.csv, byte for byte', async () => {
    const job = morris();
    const r = await executeDesignJob(job, { outRoot: join(tmp.dir, 'morris'), workers: 1, command: 'test' });
    expect(r.rows!.sensitivity.length).toBe(job.plan.names.length * job.outcomes.length);
    expect(sensitivityText(r.rows!)).toBe(text(r.dir, 'sensitivity.csv'));
    expect(summaryText(job, r.rows!)).toBe(text(r.dir, 'sweep_summary.csv'));
  });

  it('shards return no rows; their merge returns the rows it writes, those of one machine', async () => {
    const root = join(tmp.dir, 'shards');
    const single = await executeDesignJob(morris(), { outRoot: join(tmp.dir, 'single'), workers: 1, command: 'test' });
    const dirs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const shard = await executeDesignJob(morris(), { outRoot: root, workers: 1, shard: { index: i, count: 3 }, command: 'test' });
      expect(shard.rows).toBeUndefined();
      dirs.push(shard.dir);
    }
    const merged = mergeDesignShards(dirs, root, 'test');
    expect(sensitivityText(merged.rows)).toBe(text(merged.dir, 'sensitivity.csv'));
    expect(summaryText(morris(), merged.rows)).toBe(text(merged.dir, 'sweep_summary.csv'));
    expect(merged.rows).toEqual(single.rows);
  });

  it('a resumed run returns the rows of the whole design, not only of the runs it ran', async () => {
    const root = join(tmp.dir, 'resume');
    let seen = 0;
    await expect(
      executeDesignJob(sweep(), {
        outRoot: root,
        workers: 1,
        command: 'test',
        onProgress: (done) => {
          if (done > 0 && ++seen === 7) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(readdirSync(join(root, 'test-sweep')).filter((d) => d.endsWith('.partial'))).toHaveLength(1);
    const r = await executeDesignJob(sweep(), { outRoot: root, workers: 1, resume: true, command: 'test' });
    expect(r.resumed).toBe(7);
    expect(r.rows!.points).toHaveLength(sweep().plan.rows.length);
    expect(summaryText(sweep(), r.rows!)).toBe(text(r.dir, 'sweep_summary.csv'));
  });
});
