/**
 * A pilot runs from its launch month through launch + pilot_months - 1
 * (MODEL.md 7.3; instances.ts `pilotRunning`): in those months funding is
 * open whatever the budget climate and a new instance gets the pilot line;
 * before the launch and from launch + pilot_months it does not.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { initWorld } from '../../src/model/init.js';
import { adopt, fundingOpen, lineForNewInstance, pilotRunning } from '../../src/model/instances.js';
import { LINE, STATE } from '../../src/model/world.js';
import { ATTRS, model } from './helpers.js';

describe('the pilot window', () => {
  it('opens in the launch month and closes pilot_months later', () => {
    const m = model({
      months: 30,
      vendors: [{ id: 'v' }],
      innovations: [
        { id: 'pilot', owner: 'vendor', vendor: 'v', funding: 'pilot', pilot_months: 6, launch: '2020-04', ...ATTRS },
        { id: 'own', owner: 'opd', funding: 'apbd', launch: '2020-04', ...ATTRS },
      ],
      // City money closed: only the pilot opens funding.
      parameters: { budget_open_min: 2 },
    });
    const w = initWorld(m, new Streams([1, 2]), false);
    const launch = m.innovations[0]!.launch;
    expect(launch).toBe(4);
    const running: number[] = [];
    for (let month = 1; month <= 14; month++) {
      w.month = month;
      const on = pilotRunning(w, 0);
      if (on) running.push(month);
      expect(fundingOpen(w, 0), `month ${month}`).toBe(on);
      expect(lineForNewInstance(w, 0), `month ${month}`).toBe(on ? LINE.pilot : LINE.none);
      // An innovation on the city budget is never a pilot.
      expect(pilotRunning(w, 1)).toBe(false);
      expect(fundingOpen(w, 1)).toBe(false);
    }
    expect(running).toEqual([4, 5, 6, 7, 8, 9]);
    // A pilot ended early (withdrawn or lapsed) is over whatever the month.
    w.month = 5;
    w.pilotOver[0] = 1;
    expect(pilotRunning(w, 0)).toBe(false);
  });

  it('an adoption gets the line funding allows, and city money closed at adoption is proposed at the next budget round', () => {
    const m = model({
      months: 30,
      opds: { generate: { count: 6 } },
      vendors: [{ id: 'v' }],
      innovations: [
        { id: 'pilot', owner: 'vendor', vendor: 'v', funding: 'pilot', pilot_months: 6, launch: '2020-04', ...ATTRS },
        { id: 'own', owner: 'opd', funding: 'apbd', launch: '2020-01', ...ATTRS },
        { id: 'nat', owner: 'opd', funding: 'national', launch: '2020-01', ...ATTRS },
      ],
      parameters: { budget_open_min: 0.9 },
    });
    const w = initWorld(m, new Streams([1, 2]), false);
    const k = w.k;
    // [agency, innovation, month, budget] -> [line, proposable]
    const cases: [number, number, number, number, number, number][] = [
      [0, 0, 4, 0.5, LINE.pilot, 0], // pilot running, budget closed
      [1, 0, 10, 1, LINE.none, 0], // pilot over, not taken over: no city money to propose
      [2, 1, 5, 1, LINE.apbd, 0], // city budget open
      [3, 1, 5, 0.5, LINE.none, 1], // city budget closed: proposed at the next round
      [4, 2, 5, 0.5, LINE.national, 0], // national money
    ];
    for (const [o, j, month, budget, line, proposable] of cases) {
      w.month = month;
      w.budget = budget;
      const i = o * k + j;
      adopt(w, i, false);
      expect([w.state[i], w.line[i], w.proposable[i], w.adoptedAt[i], w.lineOpened[i], w.everAdopted[i]], `agency ${o} innovation ${j}`).toEqual([STATE.live, line, proposable, month, month, 1]);
    }
    // A pilot taken over by the city is city money: closed at adoption, it is proposed.
    w.takenOver[0] = 1;
    w.month = 12;
    w.budget = 0.5;
    adopt(w, 5 * k + 0, false);
    expect([w.line[5 * k], w.proposable[5 * k]]).toEqual([LINE.none, 1]);
  });
});
