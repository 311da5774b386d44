/**
 * A task module's `transfer` (src/engine/thread.ts): the buffers it lists are
 * handed over with the block's reply, not copied; the main thread gets the
 * same values, and the thread's own references to them are emptied. The
 * fixture module lists one buffer twice, which the thread must send once.
 * Replicate's module lists each result's series (src/experiment/worker.ts).
 *
 * The thread loads the build (dist/src/engine/thread.js); `npm run build` first.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helperThread } from '../../src/engine/worker-pool.js';
import { transfer } from '../../src/experiment/worker.js';
import { runTask } from '../../src/experiment/worker.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { ROOT, assertBuilt } from '../support/cli.js';

interface Row {
  readonly n: number;
  readonly series: Float64Array;
  readonly keptBytes: number | null;
}

describe('engine/thread.js hands over the buffers a task module lists', () => {
  it('the main thread gets the values; the thread no longer holds them', async () => {
    assertBuilt();
    const thread = helperThread<Row>(path.join(ROOT, 'tests', 'fixtures', 'threads', 'transfer-task.mjs'), undefined);
    try {
      const first = await thread.run([1, 2]);
      const second = await thread.run([3]);
      expect(first.map((r) => [r.n, Array.from(r.series)])).toEqual([
        [1, [1, 1.5]],
        [2, [2, 2.5]],
      ]);
      expect(Array.from(second[0]!.series)).toEqual([3, 3.5]);
      expect(first[0]!.keptBytes).toBeNull();
      // The buffer of task 2, kept by the thread, was handed over with the first reply.
      expect(second[0]!.keptBytes).toBe(0);
    } finally {
      await thread.stop();
    }
  }, 30_000);
});

describe('replicate\'s worker module', () => {
  it('lists each result\'s series buffer, once per result', () => {
    const { scenario, hash } = readScenarioFile(path.join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'));
    const results = [0, 1].map((replication) => runTask({ scenario, hash, seed: scenario.seed, replication, detail: false }));
    const buffers = transfer(results);
    expect(buffers).toHaveLength(2);
    expect(buffers[0]).toBe(results[0]!.series.buffer);
    expect(buffers[1]).toBe(results[1]!.series.buffer);
    expect(buffers[0]).not.toBe(buffers[1]);
  });
});
