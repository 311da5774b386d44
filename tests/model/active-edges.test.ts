/**
 * The phases' lists (src/model/active.ts) against what they must hold,
 * worked out from the states set by hand: the live list and the
 * candidates of each innovation (unaware and eligible, aware, discontinued
 * only with re-adoption on; none before the launch or once withdrawn; the
 * aware ones only while a national government has not launched the
 * service), sortPrefix on both sides of its insertion-sort cutoff against
 * a numeric sort, the merge of adoptions into the live list (one entry for
 * an instance that left and came back), and the adoption log's overflow,
 * which must make the next peer snapshot a full pass. (Written for issue
 * #9: the mutation score of active.ts.)
 */
import { describe, expect, it } from 'vitest';
import { candidateLists, liveList, noteAdopted, rebuildLists, sortPrefix } from '../../src/model/active.js';
import { countPeers, snapshotPeers } from '../../src/model/diffusion.js';
import { adopt, discontinue } from '../../src/model/instances.js';
import type { World } from '../../src/model/world.js';
import { PLAIN, QUIET, STATE, live, opd, tick, world } from '../support/world.js';

function listOf(a: Int32Array, from: number, count: number): number[] {
  return Array.from(a.subarray(from, from + count));
}

/** 6 agencies (a0..a2 dinas, a3..a5 badan); x for everyone, y for dinas only (launch 3), z withdrawn. */
function listsWorld(readopt: number | null): World {
  return world({
    opds: { list: Array.from({ length: 6 }, (_, o) => opd(`a${o}`, { type: o < 3 ? 'dinas' : 'badan' })) },
    innovations: [
      { id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
      { id: 'y', owner: 'opd', funding: 'apbd', launch: '2020-03', eligible: ['dinas'], ...PLAIN },
      { id: 'z', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
    ],
    parameters: { ...QUIET, readopt_months: readopt },
  });
}

/** States by hand: (agency, innovation) -> state. */
function setStates(w: World): void {
  const s = (o: number, j: number, state: number) => {
    const i = o * w.k + j;
    if (state === STATE.live || state === STATE.routinized) live(w, i, { state });
    else w.state[i] = state;
  };
  // x: a0 live, a1 aware, a2 discontinued, a3 unaware, a4 routinized, a5 discontinued.
  [STATE.live, STATE.aware, STATE.discontinued, STATE.unaware, STATE.routinized, STATE.discontinued].forEach((st, o) => s(o, 0, st));
  // y: a0 aware, a1 unaware, a2 discontinued; a3 unaware (not eligible), a4 aware (not eligible), a5 unaware.
  [STATE.aware, STATE.unaware, STATE.discontinued, STATE.unaware, STATE.aware, STATE.unaware].forEach((st, o) => s(o, 1, st));
  // z: withdrawn; a1 aware, a2 live.
  s(1, 2, STATE.aware);
  s(2, 2, STATE.live);
  w.withdrawn[2] = 1;
}

describe('rebuildLists: the live list and the candidates', () => {
  it('re-adoption off, month 3: candidates are the unaware eligible and the aware; discontinued ones are not', () => {
    const w = listsWorld(null);
    tick(w, 3);
    setStates(w);
    const a = candidateLists(w);
    const n = w.n;
    // Live instances (i = o * 3 + j): x a0 (0), z a2 (8), x a4 (12).
    expect(listOf(a.live, 0, a.liveCount)).toEqual([0, 8, 12]);
    // x: a1 aware, a3 unaware; y: a0 aware, a1 unaware, a4 aware (aware though not eligible); z: withdrawn, none.
    expect(listOf(a.candidates, 0, a.candidateCount[0]!)).toEqual([1, 3]);
    expect(listOf(a.candidates, n, a.candidateCount[1]!)).toEqual([0, 1, 4]);
    expect(a.candidateCount[2]).toBe(0);
    expect(Array.from(a.listed)).toEqual([2, 2, 0]);
  });

  it('re-adoption on: the discontinued are candidates too; before its launch an innovation has none', () => {
    const w = listsWorld(6);
    tick(w, 2);
    setStates(w);
    const a = candidateLists(w);
    expect(listOf(a.candidates, 0, a.candidateCount[0]!)).toEqual([1, 2, 3, 5]);
    // y launches in month 3.
    expect(a.candidateCount[1]).toBe(0);
    expect(Array.from(a.listed)).toEqual([2, 0, 0]);
    // A month later y has its candidates, the discontinued a2 among them.
    tick(w, 3);
    candidateLists(w);
    expect(listOf(a.candidates, w.n, a.candidateCount[1]!)).toEqual([0, 1, 2, 4]);
  });

  it('a service a national government has not launched yet: the aware agencies only (listed 1); launched: all candidates', () => {
    const w = listsWorld(null);
    tick(w, 3);
    setStates(w);
    // Only launchedAt is read here: x not launched by this government, y launched in month 2.
    (w as { national?: unknown }).national = { launchedAt: Int32Array.from([-1, 2, -1]) };
    rebuildLists(w);
    const a = w.lists;
    expect(listOf(a.candidates, 0, a.candidateCount[0]!)).toEqual([1]);
    expect(listOf(a.candidates, w.n, a.candidateCount[1]!)).toEqual([0, 1, 4]);
    expect(Array.from(a.listed)).toEqual([1, 2, 0]);
    // With phase 2 listing its own candidates, x (aware only) is still listed here, y is left to phase 2.
    rebuildLists(w, false, true);
    expect(listOf(a.candidates, 0, a.candidateCount[0]!)).toEqual([1]);
    expect(a.candidateCount[1]).toBe(0);
    expect(Array.from(a.listed)).toEqual([1, 2, 0]);
  });
});

describe('sortPrefix', () => {
  it('sorts the first count entries ascending and leaves the rest, for every count 0..40 (insertion sort up to 32, typed-array sort above)', () => {
    for (let count = 0; count <= 40; count++) {
      // Keyed pseudo-random values with repeats, some above 2^16 (a string sort would misplace them).
      const values = Array.from({ length: count + 5 }, (_, x) => ((x * 7919 + count * 104729) % 97) * (x % 3 === 0 ? 70_001 : 1));
      const list = Int32Array.from(values);
      sortPrefix(list, count);
      const want = [...values.slice(0, count).sort((p, q) => p - q), ...values.slice(count)];
      expect(Array.from(list), `count ${count}`).toEqual(want);
    }
  });
});

describe('the live list inside a tick', () => {
  it('merges the adoptions since the rebuild in order, keeping one entry for an instance listed already', () => {
    const w = listsWorld(null);
    tick(w, 3);
    setStates(w);
    rebuildLists(w);
    w.lists.inStep = true;
    // Listed: 0, 8, 12. New: 13 (y a4), 4 (y a1), 3 (x a1); 8 again (it left and came back).
    for (const i of [13, 8, 4, 3]) noteAdopted(w, i);
    const count = liveList(w);
    expect(listOf(w.lists.live, 0, count)).toEqual([0, 3, 4, 8, 12, 13]);
    expect(w.lists.pendingCount).toBe(0);
    // Another adoption later in the tick merges into the merged list.
    noteAdopted(w, 1);
    expect(listOf(w.lists.live, 0, liveList(w))).toEqual([0, 1, 3, 4, 8, 12, 13]);
    w.lists.inStep = false;
  });

  it('an adoption of an instance listed first or last, and several listed already', () => {
    const w = listsWorld(null);
    tick(w, 3);
    setStates(w);
    rebuildLists(w);
    w.lists.inStep = true;
    for (const i of [12, 0, 17, 8]) noteAdopted(w, i);
    expect(listOf(w.lists.live, 0, liveList(w))).toEqual([0, 8, 12, 17]);
    w.lists.inStep = false;
  });
});

describe('the adoption log', () => {
  it('more adoptions between two snapshots than it holds: the next snapshot is a full pass, and the counts are right', () => {
    // 4 agencies on a ring, one innovation: the log holds n * k = 4 adoptions.
    const w = world({
      opds: { list: Array.from({ length: 4 }, (_, o) => opd(`a${o}`)) },
      network: { type: 'none', edges: [['a0', 'a1'], ['a1', 'a2'], ['a2', 'a3'], ['a3', 'a0']] },
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET },
    });
    tick(w, 1);
    snapshotPeers(w);
    tick(w, 2);
    // a0 adopts four times (quitting in between), then a2 adopts: five adoptions.
    for (let r = 0; r < 4; r++) {
      w.state[0] = STATE.aware;
      adopt(w, 0, false);
      if (r < 3) discontinue(w, 0, 'hazard');
    }
    w.state[2] = STATE.aware;
    adopt(w, 2, false);
    expect(w.lists.adoptedCount).toBe(4);
    expect(w.lists.adoptedOverflow).toBe(true);
    tick(w, 3);
    snapshotPeers(w);
    const kept = Array.from(w.peerLive);
    countPeers(w);
    // a0 and a2 live: a1 and a3 each see both; a0 and a2 see none.
    expect(Array.from(w.peerLive)).toEqual([0, 2, 0, 2]);
    expect(kept).toEqual([0, 2, 0, 2]);
    expect(w.lists.adoptedOverflow).toBe(false);
  });
});
