/**
 * nationalMonth reads each government's block of memory ahead of its month
 * (simulate.ts `warmGovernment`) so that its phases find the world in the cache. That
 * only helps if the block is the memory the month reads: the world's
 * instance arrays, its lists and its kept peer counts all in the one buffer
 * initWorld carves them from, on a first replication and on one that reuses
 * the worlds. The read changes nothing, which the golden and national tests
 * show (same bytes); this test checks that it reads the right memory.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { compileNational } from '../../src/model/national/compile.js';
import { initNational, simulateNationalReplication } from '../../src/model/national/simulate.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const model = compileNational(nationalSchema.parse(parse(readFileSync(FIXTURE, 'utf8'))) as NationalScenario);

function checkBlocks(run: ReturnType<typeof initNational>): void {
  expect(run.blocks).toHaveLength(run.worlds.length);
  run.worlds.forEach((w, gi) => {
    const block = run.blocks[gi]!;
    // The whole buffer, word by word.
    expect(block.byteOffset).toBe(0);
    expect(block.byteLength).toBe(w.state.buffer.byteLength - (w.state.buffer.byteLength % 4));
    // The arrays the month reads are views into it.
    for (const a of [w.state, w.usage, w.effort, w.compatibility, w.peerLive, w.eligiblePeers, w.agencyOf, w.lists.live, w.lists.candidates, w.lists.decided]) {
      expect(a.buffer).toBe(block.buffer);
    }
  });
}

/** Each government's typed arrays (their objects, which hold where the data is) are read ahead too: its own, not another's. */
function checkViews(run: ReturnType<typeof initNational>): void {
  expect(run.viewStart).toHaveLength(run.worlds.length + 1);
  run.worlds.forEach((w, gi) => {
    const mine = new Set(run.views.slice(run.viewStart[gi]!, run.viewStart[gi + 1]!));
    for (const a of [w.state, w.usage, w.line, w.peerLive, w.agencyOf, w.theta, w.lists.live, w.lists.candidates, w.national!.launchedAt, w.network.neighbors]) {
      expect(mine.has(a)).toBe(true);
    }
    run.worlds.forEach((other, oi) => {
      if (oi !== gi) expect(mine.has(other.state)).toBe(false);
    });
  });
}

describe('the blocks nationalMonth reads ahead', () => {
  it("hold each government's own typed arrays, on new and on reused worlds", () => {
    checkViews(initNational(model, model.scenario.seed, 0));
    simulateNationalReplication(model, model.scenario.seed, 1);
    checkViews(initNational(model, model.scenario.seed, 2));
  });

  it('are each world buffer, holding its arrays and lists, on new and on reused worlds', () => {
    const first = initNational(model, model.scenario.seed, 0);
    checkBlocks(first);
    // A finished replication leaves its worlds for the next, which refills them.
    simulateNationalReplication(model, model.scenario.seed, 1);
    checkBlocks(initNational(model, model.scenario.seed, 2));
  });
});
