/**
 * Phase 3's memory when only the government pull changed (diffusion.ts
 * decision; active.ts decisionBase, decisionAuthority): an aware agency
 * whose last decision gave no adoption and whose own inputs are unchanged
 * is decided again from its remembered utility before the pull, plus the
 * new pull. Here a world decided with the memory and a twin whose memory is
 * wiped before every month (every agency evaluated in full) see a pull that
 * rises a little every month, and must adopt in the same months: the
 * thresholds are 0.01 apart, so a remembered utility off by more than
 * that, or the old pull kept, moves some adoption to another month.
 */
import { describe, expect, it } from 'vitest';
import { decision } from '../../src/model/diffusion.js';
import { rebuildLists } from '../../src/model/active.js';
import { STATE, type World } from '../../src/model/world.js';
import { PLAIN, opd, tick, world } from '../support/world.js';

const AGENCIES = 40;

/** Thresholds `lowest`, `lowest` + 0.01, ... (PLAIN attributes: utility 0.3 before the pull). */
function pulledWorld(lowest = 0.305, months = 40): World {
  const w = world({
    months,
    opds: { list: Array.from({ length: AGENCIES }, (_, o) => opd(`a${o}`, { theta: lowest + 0.01 * o })) },
    network: { type: 'none' },
    innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
    parameters: { champion_rotation: 0, champion_emergence: 0 },
  });
  // A national service this government launched in month 1, with a pull from peer governments.
  w.national = { launchedAt: Int32Array.of(1), utility: new Float64Array(1), money: new Uint8Array(1) };
  for (let o = 0; o < AGENCIES; o++) w.state[o] = STATE.aware;
  return w;
}

/** Phase 3 as step() runs it (inside a tick, lists built first). */
function decide(w: World, month: number, pull: number): void {
  tick(w, month);
  w.national!.utility[0] = pull;
  rebuildLists(w);
  w.lists.inStep = true;
  decision(w);
  w.lists.inStep = false;
}

describe('phase 3 memory under a changing government pull', () => {
  it('adopts in the same months as evaluating every agency in full', () => {
    const remembered = pulledWorld();
    const full = pulledWorld();
    let reused = 0;
    const adoptedAt: number[] = [];
    for (let month = 1; month <= 40; month++) {
      // The pull rises by 0.0115 a month: a few thresholds are crossed each month.
      const pull = 0.0115 * (month - 1);
      for (let o = 0; o < AGENCIES; o++) if (remembered.state[o] === STATE.aware && remembered.lists.decided[o] === 1 && remembered.lists.decisionKeyed[0] === 1) reused++;
      decide(remembered, month, pull);
      full.lists.decisionKeyed.fill(0);
      decide(full, month, pull);
      expect(Array.from(remembered.state), `month ${month}`).toEqual(Array.from(full.state));
      adoptedAt.push(...Array.from(remembered.adoptedAt).filter((m) => m === month));
    }
    // The memory was used, and adoptions spread over many months (the pull decided them).
    expect(reused).toBeGreaterThan(200);
    expect(new Set(adoptedAt).size).toBeGreaterThan(20);
    expect(adoptedAt.length).toBe(AGENCIES);
  });
});

describe('phase 3 memory and a government pull back at 0', () => {
  // A pull that comes back to 0 from below must be stored, or the memory
  // skips agencies whose utility has risen. Thresholds 0.255 to 0.645.
  it('adopts in the same months as evaluating every agency in full', () => {
    const memo = pulledWorld(0.255, 6);
    const full = pulledWorld(0.255, 6);
    // A negative pull (competition) keeps every agency below its threshold;
    // back at 0, the five with thresholds up to 0.30 adopt; and so on.
    const pulls = [-0.1, 0, -0.1, 0.05, 0, -0.2];
    const adopted: number[] = [];
    pulls.forEach((pull, x) => {
      const month = x + 1;
      decide(memo, month, pull);
      full.lists.decisionKeyed.fill(0);
      decide(full, month, pull);
      expect(Array.from(memo.state), `month ${month}`).toEqual(Array.from(full.state));
      adopted.push(Array.from(memo.adoptedAt).filter((m) => m === month).length);
    });
    expect(adopted).toEqual([0, 5, 0, 5, 0, 0]);
  });
});

describe('phase 3 memory with two national services and a budget cut', () => {
  // Each innovation's month key is compared slot by slot; a pull compared
  // with another slot (the service before it, whose cost pressure sits two
  // slots earlier) would count a changed pull as unchanged whenever the new
  // pull equals that cost pressure. Here the second service's pull rises
  // from 0 to exactly the cost pressure of a budget cut (w_cost 0.1, budget
  // 0.5): the agencies it lifts over their thresholds must adopt.
  function twoServices(): World {
    const w = world({
      months: 4,
      opds: { list: Array.from({ length: AGENCIES }, (_, o) => opd(`a${o}`, { theta: 0.305 + 0.01 * o })) },
      network: { type: 'none' },
      innovations: [
        { id: 'first', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
        { id: 'second', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
      ],
      parameters: { champion_rotation: 0, champion_emergence: 0, w_cost: 0.1 },
    });
    w.national = { launchedAt: Int32Array.of(1, 1), utility: new Float64Array(2), money: new Uint8Array(2) };
    w.state.fill(STATE.aware);
    return w;
  }
  function decideBoth(w: World, month: number, pull: number): void {
    tick(w, month);
    w.budget = 0.5;
    w.national!.utility[1] = pull;
    rebuildLists(w);
    w.lists.inStep = true;
    decision(w);
    w.lists.inStep = false;
  }
  it('adopts in the same months as evaluating every agency in full', () => {
    const memo = twoServices();
    const full = twoServices();
    const costPressure = memo.model.params.w_cost * (1 - Math.min(0.5, 1));
    expect(costPressure).toBeGreaterThan(0);
    const adopted: number[] = [];
    [0, costPressure, costPressure].forEach((pull, x) => {
      const month = x + 1;
      decideBoth(memo, month, pull);
      full.lists.decisionKeyed.fill(0);
      decideBoth(full, month, pull);
      expect(Array.from(memo.state), `month ${month}`).toEqual(Array.from(full.state));
      adopted.push(Array.from(memo.adoptedAt).filter((m) => m === month).length);
    });
    // The pull of month 2 decided some adoptions of the second service (and the first has none).
    expect(adopted[0]).toBe(0);
    expect(adopted[1]).toBeGreaterThan(0);
  });
});
