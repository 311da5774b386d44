/**
 * A pilot runs from its launch month through launch + pilot_months - 1
 * (MODEL.md 7.3; instances.ts `pilotRunning`): in those months funding is
 * open whatever the budget climate and a new instance gets the pilot line;
 * before the launch and from launch + pilot_months it does not.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { initWorld } from '../../src/model/init.js';
import { fundingOpen, lineForNewInstance, pilotRunning } from '../../src/model/instances.js';
import { LINE } from '../../src/model/world.js';
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
});
