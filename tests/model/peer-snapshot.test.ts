/**
 * Peer counts kept between months (snapshotPeers) equal the full rescan
 * (countPeers) at every month of a run with adoptions, discontinuance by
 * disenchantment, the negative word-of-mouth window expiring and
 * re-adoption (readopt_months; a peer aware again still counts as
 * disenchanted until its window closes or it adopts again), on a sparse
 * network with several innovations. A kept count that missed a change
 * would differ here.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { countPeers, snapshotPeers } from '../../src/model/diffusion.js';
import { initWorld } from '../../src/model/init.js';
import { step } from '../../src/model/step.js';
import { CAUSE, STATE } from '../../src/model/world.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';

/**
 * Steps a run and compares the kept counts with the full rescan every month;
 * returns how often the cases the kept counts must follow came up.
 */
function compareEveryMonth(readopt: number) {
  const m = model({
    months: 60,
    opds: { generate: { count: 120 } },
    network: { type: 'small-world', degree: 6, rewire: 0.3 },
    innovations: [
      { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
      { id: 'b', owner: 'vendor', funding: 'pilot', pilot_months: 24, launch: '2020-04', ...PLAIN },
    ],
    parameters: { h0_other: 3, h0_routinized: 2, u_fail: 0.9, disenchant_months: 2, neg_wom_months: 4, readopt_months: readopt, theta_mean: 0.2, campaign_boost: 20 },
  });
  const w = initWorld(m, new Streams([9, 10]), false);
  let disenchanted = 0;
  let readopted = 0;
  // Aware again after a disenchanted end: inside the window (still counted) and past it.
  let awareInside = 0;
  let awarePast = 0;
  for (let t = 1; t <= m.months; t++) {
    step(w, t);
    snapshotPeers(w);
    const live = w.peerLive.slice();
    const dis = w.peerDisenchanted.slice();
    countPeers(w);
    expect(Array.from(live), `live, month ${t}`).toEqual(Array.from(w.peerLive));
    expect(Array.from(dis), `disenchanted, month ${t}`).toEqual(Array.from(w.peerDisenchanted));
    for (let i = 0; i < w.state.length; i++) {
      if (w.state[i] === STATE.discontinued && w.cause[i] === CAUSE.disenchantment) disenchanted++;
      if (w.state[i] !== STATE.discontinued && w.endedAt[i]! >= 0) readopted++;
      if (w.state[i] === STATE.aware && w.cause[i] === CAUSE.disenchantment) {
        if (t - w.endedAt[i]! <= 4) awareInside++;
        else awarePast++;
      }
    }
  }
  return { disenchanted, readopted, awareInside, awarePast };
}

describe('snapshotPeers', () => {
  it('equals countPeers every month', () => {
    const seen = compareEveryMonth(6);
    // The run exercised what the kept counts must follow.
    expect(seen.disenchanted).toBeGreaterThan(50);
    expect(seen.readopted).toBeGreaterThan(10);
  });

  it('equals countPeers every month when peers are aware again inside the negative word-of-mouth window (MODEL.md 7.3)', () => {
    const seen = compareEveryMonth(2);
    expect(seen.disenchanted).toBeGreaterThan(50);
    expect(seen.awareInside).toBeGreaterThan(10);
    expect(seen.awarePast).toBeGreaterThan(10);
  });
});
