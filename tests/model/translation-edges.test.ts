/**
 * MODEL.md 7.7 at its two boundaries: the leader is enrolled with commitment
 * *at least* leader_enrol_min, and a score of exactly T_stable extends the
 * run of stable months; and routinized instances are scored as live ones
 * are. Weights are powers of two (summing to 1), so the sums are exact in
 * floating point and "exactly T_stable" is exact.
 */
import { describe, expect, it } from 'vitest';
import { translation } from '../../src/model/translation.js';
import type { World } from '../../src/model/world.js';
import { LINE, PLAIN, QUIET, STATE, at, live, opd, tick, world } from '../support/world.js';

const WEIGHTS = { t_owner: 0.5, t_budget: 0.25, t_platform: 0, t_regulation: 0, t_champion: 0, t_leader: 0.125, t_users: 0.125 };

function city(commitment: number): World {
  return world({
    months: 24,
    opds: { list: [opd('a'), opd('b'), opd('c')] },
    leaders: [{ id: 'mayor', from: '2020-01', commitment, sponsors: ['x'] }],
    innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
    parameters: { ...QUIET, ...WEIGHTS, leader_enrol_min: 0.5, u_fail: 0.3, T_stable: 0.75 },
  });
}

describe('translation boundaries (7.7)', () => {
  it('commitment equal to leader_enrol_min enrols the leader; just below does not', () => {
    for (const [commitment, expected] of [
      [0.5, 0.5 + 0.25 + 0.125],
      [0.5 - 1e-9, 0.5 + 0.25],
    ] as const) {
      const w = city(commitment);
      live(w, at(w, 'a', 'x'), { line: LINE.apbd, usage: 0.1 }); // owner + budget (+ leader), usage below u_fail
      tick(w, 2);
      translation(w);
      expect(w.translation[at(w, 'a', 'x')], String(commitment)).toBe(expected);
    }
  });

  it('T exactly T_stable (0.75) extends the stable run; 0.5 restarts it', () => {
    const w = city(0); // leader not enrolled
    live(w, at(w, 'a', 'x'), { line: LINE.apbd, usage: 0.1, stableMonths: 4 }); // owner .5 + budget .25 = .75
    live(w, at(w, 'b', 'x'), { line: LINE.none, usage: 0.1, stableMonths: 4 }); // owner .5
    tick(w, 2);
    translation(w);
    expect(w.translation[at(w, 'a', 'x')]).toBe(0.75);
    expect(w.stableMonths[at(w, 'a', 'x')]).toBe(5);
    expect(w.translation[at(w, 'b', 'x')]).toBe(0.5);
    expect(w.stableMonths[at(w, 'b', 'x')]).toBe(0);
  });

  it('a routinized instance is scored like a live one; an aware or discontinued one is not', () => {
    const w = city(0);
    live(w, at(w, 'a', 'x'), { state: STATE.routinized, line: LINE.apbd, usage: 0.9, translation: 0 }); // .5 + .25 + .125
    w.state[at(w, 'b', 'x')] = STATE.aware;
    live(w, at(w, 'c', 'x'), { line: LINE.apbd, usage: 0.9, translation: 0.3 });
    w.state[at(w, 'c', 'x')] = STATE.discontinued;
    tick(w, 2);
    translation(w);
    expect(w.translation[at(w, 'a', 'x')]).toBe(0.875);
    expect(w.translation[at(w, 'b', 'x')]).toBe(0);
    expect(w.translation[at(w, 'c', 'x')]).toBe(0.3);
  });
});
