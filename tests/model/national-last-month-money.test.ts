/**
 * A programme's money reaches a cohort that joins in the last month of the
 * horizon (docs/NATIONAL.md, "Programmes": a member gets the programme's
 * money when it joins), as its forced launch does
 * (national-launch-rules.test.ts): the compiled money list keeps that month,
 * and the government's world has the money flag set after it. Kept under
 * tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import { initNational, nationalPhase, tallyServices } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { buildSmallNational } from './national-fixture.js';

describe('a funded programme cohort joining in the last month', () => {
  it('gets the money in that month', () => {
    const model = buildSmallNational((s) => {
      s['national_parameters'] = { ...(s['national_parameters'] as object), gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 };
      s['programmes'] = [{ id: 'late', cohorts: [{ id: 'late-1', from: '2021-12', members: ['kab-b'] }], anchors: ['mandated-service'], strength: 0, money: true }];
      s['government_network'] = { same_province: true };
    });
    expect(model.months).toBe(72);
    const s = model.services.indexOf('mandated-service');
    const gi = model.governments.findIndex((g) => g.id === 'kab-b');
    const j = model.governments[gi]!.serviceIndex[s]!;
    expect(j).toBeGreaterThanOrEqual(0);
    expect(model.governments[gi]!.money).toContainEqual([72, j]);
    const run = initNational(model, model.scenario.seed, 0);
    const flags: number[] = [];
    for (let month = 1; month <= model.months; month++) {
      nationalPhase(model, run, month);
      for (const w of run.worlds) step(w, month);
      tallyServices(model, run);
      flags.push(run.worlds[gi]!.national!.money[j]!);
    }
    // No money before the last month, and in it.
    expect(flags.indexOf(1)).toBe(71);
    expect(flags[71]).toBe(1);
    // The other governments, not members, never get it.
    run.worlds.forEach((w, x) => {
      if (x !== gi) expect(w.national!.money[model.governments[x]!.serviceIndex[s]!] ?? 0, model.governments[x]!.id).toBe(0);
    });
  });
});
