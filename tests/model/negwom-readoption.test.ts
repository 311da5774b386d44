/**
 * MODEL.md 7.3, `g`: a peer whose instance ended in disenchantment counts
 * for neg_wom_months, or until it adopts again. With `readopt_months` set it
 * becomes aware again before the window closes; it counted only while
 * `discontinued`, so re-adoption cut negative word of mouth short. The full
 * rescan (countPeers, both the edge list and the complete graph's totals)
 * and the kept counts (snapshotPeers) are checked.
 */
import { describe, expect, it } from 'vitest';
import { countPeers, decision, snapshotPeers } from '../../src/model/diffusion.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { CAUSE, type World } from '../../src/model/world.js';
import { model } from './helpers.js';
import { MODEL_DEFAULTS, PLAIN, QUIET, STATE, at, live, opd, tick, world } from '../support/world.js';

const NETWORKS = [{ type: 'complete' }, { type: 'small-world', degree: 2, rewire: 0 }] as const;

/**
 * a (theta 0.2) is aware; its peer b quit disenchanted in month 1 and is
 * aware again (readopt_months 2); c never adopted. U = 0.25 without g, 0.25 -
 * 0.2 * 1/2 = 0.15 with b counted (PLAIN attributes, capacity 0).
 */
function city(network: (typeof NETWORKS)[number]): World {
  const agency = (id: string, theta: number) => opd(id, { theta, capacity: 0, slack: 0 });
  const w = world({
    months: 36,
    opds: { list: [agency('a', 0.2), agency('b', 0.99), agency('c', 0.99)] },
    network: network as never,
    innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
    parameters: { ...QUIET, readopt_months: 2, neg_wom_months: 12 },
  });
  w.state[at(w, 'a', 'svc')] = STATE.aware;
  const b = at(w, 'b', 'svc');
  live(w, b, { adoptedAt: 0 });
  w.state[b] = STATE.aware;
  w.cause[b] = CAUSE.disenchantment;
  w.endedAt[b] = 1;
  return w;
}

describe('negative word of mouth outlasts a peer being aware again (MODEL.md 7.3)', () => {
  for (const network of NETWORKS) {
    for (const count of [countPeers, snapshotPeers]) {
      it(`${network.type}, ${count.name}: counted within neg_wom_months while aware again, not after, not once live again`, () => {
        const w = city(network);
        const a = at(w, 'a', 'svc');
        tick(w, 6);
        count(w);
        expect(w.peerDisenchanted[a]).toBe(1);
        decision(w);
        expect(w.state[a]).toBe(STATE.aware);
        // The window closed (month 14 = ended + 13): forgotten, a adopts.
        tick(w, 14);
        count(w);
        expect(w.peerDisenchanted[a]).toBe(0);
        decision(w);
        expect(w.state[a]).toBe(STATE.live);
      });

      it(`${network.type}, ${count.name}: a peer that adopted again no longer counts as disenchanted`, () => {
        const w = city(network);
        const a = at(w, 'a', 'svc');
        const b = at(w, 'b', 'svc');
        tick(w, 5);
        count(w);
        expect(w.peerDisenchanted[a]).toBe(1);
        live(w, b, { adoptedAt: 5 });
        w.cause[b] = 0; // adopt() clears the cause
        tick(w, 6);
        count(w);
        expect([w.peerDisenchanted[a], w.peerLive[a]]).toEqual([0, 1]);
      });
    }
  }

  it('a whole run: readopt_months does not shorten the memory of a disenchanted peer', () => {
    // a adopts at launch and quits disenchanted (usage never reaches
    // u_fail 0.99); with theta 1 it never adopts again. b's threshold is met
    // only while g = 0: it adopts only after neg_wom_months (24), with or
    // without a's becoming aware again after 2 months.
    const earliest = (readopt: number | null) => {
      const m = model({
        months: 60,
        opds: { list: [{ id: 'a', type: 'dinas', theta: 1, capacity: 0, slack: 0, champion: false }, { id: 'b', type: 'dinas', theta: 0.2, capacity: 0, slack: 0, champion: false }] },
        network: { type: 'complete' },
        innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN, initial_adopters: ['a'] }],
        parameters: {
          ...MODEL_DEFAULTS, h0_other: 60, u_fail: 0.99, u_target: 0.99, disenchant_months: 1, neg_wom_months: 24, readopt_months: readopt, w_peer: 0, w_neg: 0.2,
          bass_p: 0.2, bass_q: 0, campaign_months: 0, reinvention_probability: 0, champion_emergence: 0, reflexivity: 0,
        },
      });
      let soonest = Infinity;
      let ended = 0;
      for (let r = 0; r < 20; r++) {
        const ev = simulateReplication(m, 11, r, { detail: true }).events!;
        const end = ev.find((e) => e.kind === 'discontinuance' && e.opd === 'a');
        if (end?.cause !== 'disenchantment') continue;
        ended++;
        const b = ev.find((e) => e.kind === 'adoption' && e.opd === 'b');
        if (b) soonest = Math.min(soonest, b.month - end.month);
      }
      return { ended, soonest };
    };
    for (const readopt of [null, 2]) {
      const r = earliest(readopt);
      expect(r.ended, `readopt_months ${readopt}`).toBeGreaterThan(5);
      expect(r.soonest, `readopt_months ${readopt}`).toBeGreaterThan(24);
    }
  });
});
