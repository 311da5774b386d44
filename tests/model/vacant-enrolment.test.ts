/**
 * MODEL.md 5 and 7.7: while the office is vacant there is no leader
 * enrolment, whatever `leader_enrol_min`. With leader_enrol_min 0 a vacant
 * office (commitment 0) met "commitment at least leader_enrol_min" and
 * counted the leader as enrolled. Checked in the reference phase
 * (translation()) and in step()'s fused pass (discontinuance.ts).
 *
 * Weights are powers of two, so the sums are exact: owner 0.5 + budget 0.25,
 * plus 0.125 while the leader is enrolled; users never (u_fail 1).
 */
import { describe, expect, it } from 'vitest';
import { translation } from '../../src/model/translation.js';
import { step } from '../../src/model/step.js';
import type { World } from '../../src/model/world.js';
import { LINE, PLAIN, QUIET, at, live, opd, tick, world } from '../support/world.js';

const WEIGHTS = { t_owner: 0.5, t_budget: 0.25, t_platform: 0, t_regulation: 0, t_champion: 0, t_leader: 0.125, t_users: 0.125 };

function city(enrolMin: number): World {
  return world({
    months: 24,
    opds: { list: [opd('a')] },
    network: { type: 'none' },
    // In office January to June 2020, then vacant until July 2021.
    leaders: [
      { id: 'mayor-1', from: '2020-01', to: '2020-06', commitment: 0.8 },
      { id: 'mayor-2', from: '2021-07', commitment: 0.8 },
    ],
    innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', sponsor: 'leader', launch: '2020-01', ...PLAIN, initial_adopters: ['a'] }],
    parameters: { ...QUIET, ...WEIGHTS, leader_enrol_min: enrolMin, u_fail: 1, renew_other: 1, renew_anchored: 1 },
  });
}

describe('a vacant office enrols no leader (MODEL.md 5, 7.7)', () => {
  for (const enrolMin of [0, 0.5]) {
    it(`step(): enrolled while in office, not while vacant (leader_enrol_min ${enrolMin})`, () => {
      const w = city(enrolMin);
      const i = at(w, 'a', 'svc');
      for (let t = 1; t <= 6; t++) step(w, t);
      expect(w.vacant).toBe(false);
      expect(w.translation[i]).toBe(0.875);
      for (let t = 7; t <= 10; t++) {
        step(w, t);
        expect(w.vacant, `month ${t}`).toBe(true);
        expect(w.translation[i], `month ${t}`).toBe(0.75);
      }
    });
  }

  it('translation(): a vacant office with leader_enrol_min 0 adds no leader weight', () => {
    const w = city(0);
    const i = at(w, 'a', 'svc');
    w.sponsored[0] = 1;
    live(w, i, { line: LINE.apbd, usage: 0 });
    tick(w, 8);
    w.leader = -1;
    w.vacant = true;
    w.commitment = 0;
    translation(w);
    expect(w.translation[i]).toBe(0.75);
    // The same office filled, with commitment 0: at least leader_enrol_min 0, so enrolled.
    w.vacant = false;
    w.leader = 0;
    translation(w);
    expect(w.translation[i]).toBe(0.875);
  });
});
