/**
 * Peer counts kept between months (snapshotPeers) equal the full rescan
 * (countPeers) at every month of a run with adoptions, discontinuance by
 * disenchantment, the negative word-of-mouth window expiring and
 * re-adoption (readopt_months), on a sparse network with several
 * innovations. A kept count that missed a change would differ here.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { countPeers, snapshotPeers } from '../../src/model/diffusion.js';
import { initWorld } from '../../src/model/init.js';
import { step } from '../../src/model/step.js';
import { CAUSE, STATE } from '../../src/model/world.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';

describe('snapshotPeers', () => {
  it('equals countPeers every month', () => {
    const m = model({
      months: 60,
      opds: { generate: { count: 120 } },
      network: { type: 'small-world', degree: 6, rewire: 0.3 },
      innovations: [
        { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
        { id: 'b', owner: 'vendor', funding: 'pilot', pilot_months: 24, launch: '2020-04', ...PLAIN },
      ],
      parameters: { h0_other: 3, h0_routinized: 2, u_fail: 0.9, disenchant_months: 2, neg_wom_months: 4, readopt_months: 6, theta_mean: 0.2, campaign_boost: 20 },
    });
    const w = initWorld(m, new Streams([9, 10]), false);
    let disenchanted = 0;
    let readopted = 0;
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
      }
    }
    // The run exercised what the kept counts must follow.
    expect(disenchanted).toBeGreaterThan(50);
    expect(readopted).toBeGreaterThan(10);
  });
});
