/**
 * The phases visit only the instances they have work for (src/model/active.ts):
 * inside step() the lists are built once per tick and kept current by
 * adopt(). Called alone, outside step(), every phase rebuilds them from the
 * states first, which is the pass over every (agency, innovation) pair the
 * phases made before the lists. These tests run the same replication both
 * ways, in lockstep, and require every state array to be the same after
 * every month: a list that missed an instance (an adoption not appended, a
 * candidate left out, a merge that lost or doubled an entry) makes the two
 * runs part. The full-pass run takes its peer counts by the full rescan
 * (countPeers), so the kept counts of snapshotPeers (which visit only the
 * instances counted last month and those adopted since) and the live list
 * they build are checked against it every month, and its decisions read the
 * candidate lists, not the aware lists phase 2 builds inside a tick.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';
import { awareness, countPeers, decision } from '../../src/model/diffusion.js';
import { discontinuance } from '../../src/model/discontinuance.js';
import { events } from '../../src/model/events.js';
import { implementation } from '../../src/model/implementation.js';
import { initWorld } from '../../src/model/init.js';
import { learning } from '../../src/model/learning.js';
import { step } from '../../src/model/step.js';
import { translation } from '../../src/model/translation.js';
import { usage } from '../../src/model/usage.js';
import { STATE, resetCounters, type World } from '../../src/model/world.js';
import type { CompiledModel } from '../../src/model/compile.js';
import { compile } from '../../src/model/compile.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { liveList, rebuildLists } from '../../src/model/active.js';
import { model } from './helpers.js';
import { newTallies, tally, tallyAfterStep } from '../../src/model/observation.js';
import { PLAIN } from '../support/world.js';

/** One tick as step() orders it, each phase called alone (so each rebuilds the lists from the states). */
function stepByFullPasses(w: World, month: number): void {
  w.month = month;
  resetCounters(w.counters);
  events(w);
  countPeers(w);
  awareness(w);
  decision(w);
  implementation(w);
  usage(w);
  learning(w);
  translation(w);
  discontinuance(w);
}

const ARRAYS = ['peerLive', 'peerDisenchanted', 'state', 'stage', 'everAdopted', 'adoptedAt', 'line', 'integrated', 'reinvented', 'usage', 'effort', 'translation', 'cause', 'endedAt', 'stableMonths', 'gapMonths', 'failMonths'] as const;

/** Runs `m` both ways for `reps` replications; returns how many adoptions and discontinuations it saw. */
function lockstep(m: CompiledModel, reps: number): { adoptions: number; ended: number; readopted: number } {
  let adoptions = 0;
  let ended = 0;
  let readopted = 0;
  for (let r = 0; r < reps; r++) {
    const a = initWorld(m, new Streams(replicationSeed(7, r)), true);
    const b = initWorld(m, new Streams(replicationSeed(7, r)), true);
    for (let t = 1; t <= m.months; t++) {
      step(a, t);
      stepByFullPasses(b, t);
      // Observation from the lists step() left equals the full scan.
      expect(tallyAfterStep(a, newTallies(a.k)), `${m.scenario.name} r${r} month ${t}: tally`).toEqual(tally(b, newTallies(b.k)));
      for (const name of ARRAYS) expect(Array.from(a[name]), `${m.scenario.name} r${r} month ${t}: ${name}`).toEqual(Array.from(b[name]));
      expect(a.counters, `${m.scenario.name} r${r} month ${t}: counters`).toEqual(b.counters);
      adoptions += a.counters.newAdoptions;
    }
    expect(a.events, `${m.scenario.name} r${r}: events`).toEqual(b.events);
    for (let i = 0; i < a.state.length; i++) {
      if (a.endedAt[i]! >= 0) ended++;
      if (a.endedAt[i]! >= 0 && a.state[i] !== STATE.discontinued && a.adoptedAt[i]! > a.endedAt[i]!) readopted++;
    }
  }
  return { adoptions, ended, readopted };
}

describe('phases over active lists', () => {
  it('a sparse network with re-adoption, disenchantment and a ban: the same states as full passes, month by month', () => {
    const m = model({
      months: 72,
      opds: { generate: { count: 60 } },
      network: { type: 'small-world', degree: 6, rewire: 0.3 },
      innovations: [
        { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
        { id: 'b', owner: 'vendor', funding: 'pilot', pilot_months: 24, launch: '2020-04', ...PLAIN },
        { id: 'c', owner: 'opd', funding: 'apbd', launch: '2021-06', ...PLAIN },
      ],
      parameters: { h0_other: 2, h0_routinized: 1, u_fail: 0.9, disenchant_months: 2, neg_wom_months: 4, readopt_months: 3, theta_mean: 0.2, reflexivity: 0.5, gap_months: 2, ban_replacement: 0.5 },
    });
    const seen = lockstep(m, 3);
    // The run exercised what the lists must follow.
    expect(seen.adoptions).toBeGreaterThan(200);
    expect(seen.ended).toBeGreaterThan(50);
    expect(seen.readopted).toBeGreaterThan(5);
  });

  it('a complete network: the same states as full passes', () => {
    const m = model({
      months: 48,
      opds: { generate: { count: 30 } },
      innovations: [
        { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
        { id: 'b', owner: 'opd', funding: 'apbd', launch: '2020-06', ...PLAIN },
      ],
      parameters: { h0_other: 1, theta_mean: 0.3, readopt_months: 2 },
    });
    const seen = lockstep(m, 3);
    expect(seen.adoptions).toBeGreaterThan(50);
    expect(seen.ended).toBeGreaterThan(10);
  });

  it('the shipped city scenarios: the same states as full passes', () => {
    for (const file of ['bekasi-2015-2025.yaml', 'discontinued-vendor-pilot.yaml', 'sustained-opd-owned.yaml', 'validation/rogers-categories.yaml']) {
      const m = compile(readScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', file)).scenario);
      expect(lockstep(m, 1).adoptions, file).toBeGreaterThan(0);
    }
  });

  it('outside a tick the live list is rebuilt from the states (a state set directly is seen)', () => {
    const m = model({ innovations: [{ id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }] });
    const w = initWorld(m, new Streams([1, 2]), false);
    w.state[3] = STATE.live;
    w.state[7] = STATE.routinized;
    expect(Array.from(w.lists.live.subarray(0, liveList(w)))).toEqual([3, 7]);
    w.state[3] = STATE.discontinued;
    expect(Array.from(w.lists.live.subarray(0, liveList(w)))).toEqual([7]);
  });

  it('inside a tick adoptions are merged into the live list in index order, once', () => {
    const m = model({ opds: { generate: { count: 40 } }, innovations: [{ id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }] });
    const w = initWorld(m, new Streams([1, 2]), false);
    for (const i of [5, 20, 33]) w.state[i] = STATE.live;
    w.month = 1;
    rebuildLists(w);
    w.lists.inStep = true;
    expect(Array.from(w.lists.live.subarray(0, liveList(w)))).toEqual([5, 20, 33]);
    // adopt() appends; 20 is listed already (it left and came back within the tick).
    for (const i of [39, 0, 21, 20]) {
      w.state[i] = STATE.live;
      w.lists.pending[w.lists.pendingCount++] = i;
    }
    expect(Array.from(w.lists.live.subarray(0, liveList(w)))).toEqual([0, 5, 20, 21, 33, 39]);
    w.lists.inStep = false;
  });
});
