/**
 * National money for a service arrives in the month it is due and not
 * before (docs/NATIONAL.md, "Programmes": a member gets a programme's money
 * when it joins), also when the government has money for another service
 * due earlier: each entry of its money list waits for its own month. The
 * month loop looks at a government's money list only in its scheduled
 * months, so an entry taken early would arrive at the first of them.
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { expect, it } from 'vitest';
import { initNational, nationalPhase, tallyServices } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { buildTwoProgrammes } from './national-fixture.js';

it("two programmes' money for one government, due in months 13 and 37: each service's money arrives in its own month", () => {
  const model = buildTwoProgrammes('e-office', 'mandated-service');
  const gi = model.governments.findIndex((g) => g.id === 'kab-b');
  const local = (service: string) => model.governments[gi]!.serviceIndex[model.services.indexOf(service)]!;
  const office = local('e-office');
  const mandated = local('mandated-service');
  expect(model.governments[gi]!.money).toEqual([
    [13, office],
    [37, mandated],
  ]);
  const run = initNational(model, model.scenario.seed, 0);
  const first = { office: -1, mandated: -1 };
  for (let month = 1; month <= model.months; month++) {
    nationalPhase(model, run, month);
    for (const w of run.worlds) step(w, month);
    tallyServices(model, run);
    const money = run.worlds[gi]!.national!.money;
    if (first.office < 0 && money[office] === 1) first.office = month;
    if (first.mandated < 0 && money[mandated] === 1) first.mandated = month;
  }
  expect(first).toEqual({ office: 13, mandated: 37 });
});
