/**
 * MODEL.md 2.1: with `readopt_months` set, a discontinued instance becomes
 * aware again and "a re-adopted instance starts over: not owned, not
 * re-invented" (ODD.md: a re-adoption is a new decision, not a resumption).
 * The decision to adopt again is therefore taken on the innovation's own
 * compatibility and complexity, not on the values the old instance
 * re-invented; until the instance is aware again it keeps the old
 * instance's values (what the month it ended shows).
 */
import { describe, expect, it } from 'vitest';
import { awareness, countPeers, decision } from '../../src/model/diffusion.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { model } from './helpers.js';
import { CAUSE } from '../../src/model/world.js';
import { MODEL_DEFAULTS, PLAIN, QUIET, STATE, live, opd, tick, world } from '../support/world.js';

describe('re-adoption starts afresh (MODEL.md 2.1)', () => {
  it('an instance aware again is neither owned nor re-invented, with its innovation attributes', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a', { theta: 0.9 })] },
      innovations: [{ id: 'svc', owner: 'vendor', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET, readopt_months: 2 },
    });
    live(w, 0, { owned: true, reinvented: true });
    w.compatibility[0] = 0.65;
    w.complexity[0] = 0.4;
    w.state[0] = STATE.discontinued;
    w.cause[0] = CAUSE.hazard;
    w.endedAt[0] = 3;
    // Before readopt_months have passed: still the old instance.
    tick(w, 4);
    countPeers(w);
    awareness(w);
    expect(w.state[0]).toBe(STATE.discontinued);
    expect([w.owned[0], w.reinvented[0], w.compatibility[0], w.complexity[0]]).toEqual([1, 1, 0.65, 0.4]);
    // Aware again: a new decision on the innovation's own attributes.
    tick(w, 5);
    countPeers(w);
    awareness(w);
    expect(w.state[0]).toBe(STATE.aware);
    expect([w.owned[0], w.reinvented[0], w.compatibility[0], w.complexity[0]]).toEqual([0, 0, 0.5, 0.5]);
    // theta 0.9 is above the plain utility: it does not adopt on the old instance's re-invented values.
    decision(w);
    expect(w.state[0]).toBe(STATE.aware);
  });

  it('re-invention of the old instance does not make re-adoption more likely', () => {
    // One agency whose threshold the plain attributes miss but the
    // re-invented ones (compatibility +0.15, complexity -0.1) reach: it
    // adopts only as an initial adopter, then ends at once (hazard). Asked
    // again each month, it decides on the plain attributes and never adopts.
    const adoptions = (reinvention: number) => {
      const m = model({
        months: 24,
        opds: { list: [{ id: 'a', type: 'dinas', theta: 0.28, capacity: 0, slack: 0, champion: false }] },
        network: { type: 'none' },
        innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN, initial_adopters: ['a'] }],
        parameters: {
          ...MODEL_DEFAULTS,
          reinvention_probability: reinvention,
          base_advance: 1,
          h0_other: 60,
          readopt_months: 1,
          champion_emergence: 0,
          reflexivity: 0,
        },
      });
      let n = 0;
      for (let r = 0; r < 5; r++) n += simulateReplication(m, 7, r, { detail: true }).events!.filter((e) => e.kind === 'adoption').length;
      return n;
    };
    expect(adoptions(0)).toBe(5);
    expect(adoptions(1)).toBe(5);
  });
});
