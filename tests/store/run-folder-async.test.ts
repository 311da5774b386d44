/**
 * writeRunFolderAsync (timeseries.csv formatted by a worker thread while the
 * main thread computes summary.csv) writes the bytes writeRunFolder writes:
 * every data file and the manifest (with its checksums and row counts), for
 * one part and for three shards whose replications interleave, in chunks of
 * one, several or all replications. A damaged part is the same user error
 * and leaves no folder behind. Worker threads load the build (dist/).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../../src/model/simulate.js';
import { PART_FORMAT, PartWriter, type PartMeta } from '../../src/store/part-store.js';
import { DATA_FILES, writeRunFolder, writeRunFolderAsync } from '../../src/store/run-folder.js';
import { stopSpareThreads } from '../../src/engine/worker-pool.js';
import { assertBuilt } from '../support/cli.js';
import { userError } from '../support/errors.js';

const tmp = mkdtempSync(join(tmpdir(), 'difusi-folder-async-'));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await stopSpareThreads();
});

const R = 37;
const MONTHS = 7;
const METRICS = ['live', 'aware', 'live_share', 'mean_usage'];

function meta(shard: { index: number; count: number }): PartMeta {
  return {
    format: PART_FORMAT,
    tool_version: 'test',
    scenario_name: 'synthetic',
    scenario_hash: 'sha256:test',
    seed: 1,
    replications: R,
    detail_replications: 3,
    shard,
    months: MONTHS,
    metrics: METRICS,
    start: '2020-11',
    scenario: { name: 'synthetic' },
    scenario_file: 'synthetic.yaml',
    info: '',
  };
}

/** Replication r: integers, shares and long fractions that differ by replication, month and metric. */
function result(r: number): ReplicationResult {
  const series = new Float64Array(MONTHS * METRICS.length);
  for (let i = 0; i < series.length; i++) series[i] = i % 4 === 0 ? (r * 13 + i) % 50 : i % 4 === 1 ? ((r + i) % 9) / 8 : (((r + 1) * 7919 + i * 104729) % 1000) / 997;
  return {
    replication: r,
    series,
    outcomes: [{ innovation: 'e-office', outcome: r % 3 === 0 ? 'sustained' : 'discontinued', peak_live: r + 3, live_end: r % 4, first_adoption_month: 2, last_discontinuation_month: null, main_cause: null, heeks_success: 1, heeks_partial: 0, heeks_failure: r % 2, heeks_replaced: 0 }],
    agents: null,
    events: r < 3 ? [{ month: 2, kind: 'adoption', opd: 'a', innovation: 'e-office', loop: '', cause: '' }] : null,
  } as ReplicationResult;
}

let counter = 0;
const fresh = (name: string) => join(tmp, `${name}-${counter++}`);

/** Parts of `count` shards, each written in an order other than index order. */
function shards(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const dir = fresh(`part-${index}-of-${count}`);
    const w = PartWriter.open(dir, meta({ index, count }), false);
    const rs = Array.from({ length: R }, (_, r) => r).filter((r) => r % count === index);
    for (const r of [...rs].reverse()) w.append(result(r));
    w.close();
    return dir;
  });
}

const manifest = { kind: 'run' as const, scenario: { name: 'synthetic' } };
const bytes = (dir: string) => Object.fromEntries([...DATA_FILES, 'manifest.json'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('writeRunFolderAsync', () => {
  it('writes the bytes of writeRunFolder, for one part and for three shards, in chunks of any size', async () => {
    assertBuilt();
    for (const count of [1, 3]) {
      const parts = shards(count);
      const want = fresh('sync');
      writeRunFolder(parts, want, manifest);
      const expected = bytes(want);
      expect(expected['timeseries.csv']!.split('\n').length).toBe(R * MONTHS + 2);
      for (const chunk of [1, 5, R, undefined]) {
        const got = fresh('async');
        const written = await writeRunFolderAsync(parts, got, manifest, undefined, { workers: 2, ...(chunk !== undefined && { chunk }) });
        expect(bytes(got)).toEqual(expected);
        expect(written.files).toContain('timeseries.csv');
      }
    }
  });

  it('a damaged part: the same user error as writeRunFolder, and no folder or temporary folder left', async () => {
    assertBuilt();
    const [part] = shards(1);
    const series = join(part!, 'series.bin');
    const data = readFileSync(series);
    data[8 * METRICS.length * 2 + 3]! ^= 0xff;
    writeFileSync(series, data);
    const syncOut = fresh('damaged-sync');
    const syncError = userError(() => writeRunFolder([part!], syncOut, manifest));
    const out = fresh('damaged-async');
    let asyncError: unknown;
    try {
      await writeRunFolderAsync([part!], out, manifest, undefined, { workers: 2, chunk: 4 });
    } catch (error) {
      asyncError = error;
    }
    expect(asyncError).toBeDefined();
    expect((asyncError as Error).message).toBe(syncError.message);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((e) => e.includes('damaged-async'))).toEqual([]);
  });
});
