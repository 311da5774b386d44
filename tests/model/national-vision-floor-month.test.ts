/**
 * A programme's vision floor applies in the month the government joins that
 * programme (docs/NATIONAL.md, programmes: `vision`), not earlier: a later
 * programme's floor is not applied in a month when something else national
 * happens to the government (here: an earlier programme's money). The
 * floor test beside this one has a single programme, so it could not tell
 * "the floors of this month" from "every floor".
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { expect, it } from 'vitest';
import { initNational, nationalPhase } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { buildSmallNational } from './national-fixture.js';

it("kab-b's money in month 13 leaves its vision alone; the vision floor of the programme it joins in month 37 applies then", () => {
  const model = buildSmallNational((s) => {
    s['parameters'] = { ...(s['parameters'] as object), vision_init: 0.3 };
    s['national_parameters'] = { ...(s['national_parameters'] as object), gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 };
    s['programmes'] = [
      { id: 'early', cohorts: [{ id: 'early-1', from: '2017-01', members: ['kab-b'] }], anchors: ['e-office'], strength: 0, money: true },
      { id: 'late', cohorts: [{ id: 'late-1', from: '2019-01', members: ['kab-b'] }], vision: 0.9 },
    ];
    s['government_network'] = { same_province: true };
  });
  const gi = model.governments.findIndex((g) => g.id === 'kab-b');
  const g = model.governments[gi]!;
  expect(g.money.map(([m]) => m)).toEqual([13]);
  expect(g.visionFloors).toEqual([[37, 0.9]]);
  const run = initNational(model, model.scenario.seed, 0);
  const w = run.worlds[gi]!;
  const visionAroundPhase = (month: number): [number, number] => {
    const before = w.vision;
    nationalPhase(model, run, month);
    const after = w.vision;
    for (const x of run.worlds) step(x, month);
    return [before, after];
  };
  for (let month = 1; month <= 36; month++) {
    const [before, after] = visionAroundPhase(month);
    expect(before).toBeLessThan(0.9);
    // No floor before month 37: the national phase does not touch the vision (month 13 brings the money).
    expect(after, `month ${month}`).toBe(before);
  }
  expect(w.national!.money.some((x) => x === 1)).toBe(true);
  const [before37, after37] = visionAroundPhase(37);
  expect(before37).toBeLessThan(0.9);
  expect(after37).toBe(0.9);
});
