/**
 * Phase 3's memory (diffusion.ts decision; active.ts `decisionKey`) with
 * more than one innovation: an aware agency that declined a service is
 * evaluated again when a regulation anchoring it takes effect (the anchors'
 * version is part of each innovation's key), whatever the keys of the
 * innovations decided before it hold. A mutation test let the version be
 * read from the previous innovation's slot of the key (there, its leader
 * pull): with a leader of commitment 1 sponsoring the first service, the
 * pull equals the first version number, and the mandate went unseen.
 */
import { describe, expect, it } from 'vitest';
import { decision } from '../../src/model/diffusion.js';
import { rebuildLists } from '../../src/model/active.js';
import { refreshAnchors } from '../../src/model/instances.js';
import { STATE, type World } from '../../src/model/world.js';
import { opd, tick, world } from '../support/world.js';

const AGENCIES = 4;

/** Phase 3 as step() runs it (inside a tick, lists built first). */
function decide(w: World, month: number): void {
  tick(w, month);
  rebuildLists(w);
  w.lists.inStep = true;
  decision(w);
  w.lists.inStep = false;
}

// Utility of `y` (all attributes 0.5, no peers, capacity and slack 0.5):
// 0.25 * 0.5 + 0.1 * 0.5 + 0.1 * 0.5 + 0.25 * 0.5 - 0.2 * 0.5 + 0.1 * 0.5 = 0.3,
// below theta 0.45; with the regulation's mandate (strength 1, w_mand 0.3) 0.6, above it.
// `x` (attributes 0, complexity 1) stays below theta even with the leader's pull (0.2).
function twoServices(): World {
  const w = world({
    months: 12,
    opds: { list: Array.from({ length: AGENCIES }, (_, o) => opd(`a${o}`, { theta: 0.45 })) },
    network: { type: 'none' },
    regulations: [{ id: 'r', from: '2020-04', strength: 1, anchors: ['y'] }],
    innovations: [
      { id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', relative_advantage: 0, compatibility: 0, complexity: 1, trialability: 0, observability: 0 },
      { id: 'y', owner: 'opd', funding: 'apbd', launch: '2020-01', relative_advantage: 0.5, compatibility: 0.5, complexity: 0.5, trialability: 0.5, observability: 0.5 },
    ],
    parameters: { champion_rotation: 0, champion_emergence: 0 },
  });
  // A leader of commitment 1 sponsors x: x's leader pull is 1.
  w.commitment = 1;
  w.sponsored[0] = 1;
  for (let i = 0; i < w.n * w.k; i++) w.state[i] = STATE.aware;
  return w;
}

describe('phase 3 memory and a mandate taking effect, with two services', () => {
  it('a regulation anchoring the second service makes every aware agency that declined it adopt it in the month it takes effect', () => {
    const w = twoServices();
    const y = (o: number) => o * w.k + 1;
    for (let month = 1; month <= 3; month++) decide(w, month);
    // Three months of declining: every agency is still aware of y, its decision remembered.
    for (let o = 0; o < AGENCIES; o++) expect(w.state[y(o)]).toBe(STATE.aware);
    // Month 4: the regulation takes effect (as events.ts regulations() does it).
    tick(w, 4);
    w.regulationActive[0] = 1;
    refreshAnchors(w);
    decide(w, 4);
    for (let o = 0; o < AGENCIES; o++) {
      expect(w.state[y(o)], `a${o}`).toBe(STATE.live);
      expect(w.adoptedAt[y(o)]).toBe(4);
      // x is still declined: the leader's pull alone does not carry it.
      expect(w.state[o * w.k]).toBe(STATE.aware);
    }
  });
});
