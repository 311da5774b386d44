/**
 * An input of phase 3's memory (diffusion.ts decision; active.ts
 * `decisionKey`) that the other memory tests leave unchanged: the cost
 * pressure of a costly innovation (w_cost times the budget's shortfall,
 * which changes when the budget does). A world decided with the memory and
 * a twin whose memory is wiped before every month (every aware agency
 * evaluated in full) must adopt in the same months. A key that ignored the
 * cost pressure would skip agencies whose utility has risen. (A pull back at
 * 0 from below: tests/model/decision-pull-memo.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { decision } from '../../src/model/diffusion.js';
import { rebuildLists } from '../../src/model/active.js';
import { STATE, type World } from '../../src/model/world.js';
import { opd, tick, world } from '../support/world.js';

const AGENCIES = 40;

/** Phase 3 as step() runs it (inside a tick, lists built first). */
function decide(w: World, month: number, set: (w: World) => void): void {
  tick(w, month);
  set(w);
  rebuildLists(w);
  w.lists.inStep = true;
  decision(w);
  w.lists.inStep = false;
}

/** Aware instances the memory would skip if nothing changed. */
function remembered(w: World): number {
  let c = 0;
  for (let o = 0; o < w.n; o++) if (w.state[o] === STATE.aware && w.lists.decided[o] === 1 && w.lists.decisionKeyed[0] === 1) c++;
  return c;
}

describe('phase 3 memory and the cost pressure', () => {
  // Utility of the costly innovation without cost: 0.25 + 0.1 + 0.1 (attributes at 1)
  // + 0.25 (compatibility 1) - 0 (complexity 0) + 0.1 * (0.5 + 0.5) / 2 = 0.75;
  // with w_cost 0.5 and a budget of b it is 0.75 - 0.5 (1 - b).
  function costlyWorld(): World {
    const w = world({
      months: 45,
      opds: { list: Array.from({ length: AGENCIES }, (_, o) => opd(`a${o}`, { theta: 0.255 + 0.01 * o })) },
      network: { type: 'none' },
      innovations: [
        {
          id: 'x',
          owner: 'opd',
          funding: 'apbd',
          launch: '2020-01',
          costly: true,
          relative_advantage: 1,
          compatibility: 1,
          complexity: 0,
          trialability: 1,
          observability: 1,
        },
      ],
      parameters: { champion_rotation: 0, champion_emergence: 0, w_cost: 0.5 },
    });
    for (let o = 0; o < AGENCIES; o++) w.state[o] = STATE.aware;
    return w;
  }

  it('adopts in the same months as evaluating every agency in full while the budget recovers', () => {
    const memo = costlyWorld();
    const full = costlyWorld();
    let reused = 0;
    const adoptedAt: number[] = [];
    for (let month = 1; month <= 45; month++) {
      // The budget rises by 0.023 a month from 0: the cost pressure falls by
      // 0.0115 a month from 0.5, and about one threshold is crossed each month.
      const budget = Math.min(1, 0.023 * (month - 1));
      const set = (w: World) => {
        w.budget = budget;
      };
      reused += remembered(memo);
      decide(memo, month, set);
      full.lists.decisionKeyed.fill(0);
      decide(full, month, set);
      expect(Array.from(memo.state), `month ${month}`).toEqual(Array.from(full.state));
      adoptedAt.push(...Array.from(memo.adoptedAt).filter((m) => m === month));
    }
    // The memory was in use, and the falling cost decided the adoptions, over many months.
    expect(reused).toBeGreaterThan(200);
    expect(new Set(adoptedAt).size).toBeGreaterThan(30);
    expect(adoptedAt.length).toBe(AGENCIES);
  });
});
