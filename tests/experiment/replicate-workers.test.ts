/**
 * The worker count never changes a replication's bytes. `replicate()` runs
 * replications in this thread and hands blocks of them to K - 1 worker
 * threads (engine/worker-pool.ts): with K = 2 and 3 a run mixes
 * replications computed here with replications computed in threads (the
 * first block of each thread always goes to it), so any difference between
 * the two paths (the scenario a thread gets, the seed, the detail flag, the
 * block boundaries) shows as a difference from K = 1, which starts no
 * thread. Indices are those of one shard of 3 (not contiguous, not starting
 * at 0) and their count does not divide into the blocks, so the last blocks
 * are short; detail replications straddle the first block boundary.
 *
 * Worker threads load the build (dist/); `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { replicate } from '../../src/experiment/replicate.js';
import type { FormattedResult } from '../../src/store/part-store.js';
import { ROOT, assertBuilt } from '../support/cli.js';

/** Every result of a replicate() run by index; fails on a missing, extra or repeated index. */
async function byIndex(file: string, indices: number[], workers: number, detail: number): Promise<Map<number, FormattedResult>> {
  const { scenario, hash } = readScenarioFile(join(ROOT, file));
  const results = new Map<number, FormattedResult>();
  await replicate({
    scenario,
    hash,
    seed: scenario.seed,
    indices,
    detailReplications: detail,
    workers,
    formatTimeseries: true,
    onResult: (r) => {
      expect(results.has(r.replication), `replication ${r.replication} handed on twice`).toBe(false);
      results.set(r.replication, r);
    },
  });
  expect([...results.keys()].sort((a, b) => a - b)).toEqual(indices);
  return results;
}

/** A result as bytes: its series' float64s and the rest as JSON. */
function bytesOf(r: FormattedResult): string {
  const series = Buffer.from(r.series.buffer, r.series.byteOffset, r.series.byteLength).toString('base64');
  return JSON.stringify({ replication: r.replication, series, outcomes: r.outcomes, agents: r.agents, events: r.events, csv: r.timeseriesCsv });
}

describe('replicate(): the same bytes on 1, 2 and 3 threads', () => {
  it('Bekasi, 61 replications of shard 1 of 3, 7 with detail', async () => {
    assertBuilt();
    const indices = Array.from({ length: 61 }, (_, i) => 1 + 3 * i);
    const one = await byIndex('scenarios/bekasi-2015-2025.yaml', indices, 1, 20);
    // The detail replications (index below 20) really carry their agents and events.
    expect(one.get(19)!.agents).not.toBeNull();
    expect(one.get(22)!.agents).toBeNull();
    for (const workers of [2, 3]) {
      const many = await byIndex('scenarios/bekasi-2015-2025.yaml', indices, workers, 20);
      const differing = indices.filter((r) => bytesOf(many.get(r)!) !== bytesOf(one.get(r)!));
      expect(differing, `${workers} workers`).toEqual([]);
    }
  }, 120_000);
});
