/**
 * Three choices docs/NATIONAL.md states, held here: `same_province: false`
 * takes the province out of the network but not out of the competition term
 * ("Diffusion between governments"); a selector's `cohorts` names
 * governments, not a time, so a mandate selecting a cohort reaches its
 * members from the mandate's `from` ("selector"); a programme's vision floor
 * is applied once, in the national phase of the join month, so a change of
 * head in that month cuts it ("Monthly order").
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import { initNational, nationalPhase } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { monthIndex } from '../../src/scenario/calendar.js';
import { buildSmallNational, type Input } from './national-fixture.js';

const ids = (model: ReturnType<typeof buildSmallNational>, xs: Int32Array) => Array.from(xs, (i) => model.governments[i]!.id).sort();

describe('documented choices of the national level', () => {
  it('same_province: false keeps the province peers of the competition term, the network has the pioneers only', () => {
    const model = buildSmallNational((s) => {
      s['government_network'] = { same_province: false, pioneers: { ids: ['kota-c'] } };
    });
    const kab = model.governments.find((g) => g.id === 'kab-b')!;
    expect(ids(model, kab.peers)).toEqual(['kota-c']);
    expect(ids(model, kab.provincePeers)).toEqual(['kota-a', 'prov-a']);
  });

  it("a mandate selecting a cohort reaches its members from the mandate's from, before the cohort joins", () => {
    const model = buildSmallNational((s) => {
      (s['programmes'] as Input[]).push({ id: 'later', cohorts: [{ id: 'later-1', from: '2019-01', members: ['kab-b'] }] });
      s['national_regulations'] = [{ id: 'm', from: '2017-01', strength: 0.5, anchors: ['e-office'], money: true, governments: { cohorts: ['later-1'] } }];
    });
    const kab = model.governments.find((g) => g.id === 'kab-b')!;
    const reg = kab.model.regulations.find((r) => r.id === 'national.m')!;
    expect(reg.from).toBe(monthIndex(model.scenario.start, '2017-01'));
    expect(kab.money.map(([m]) => m)).toContain(monthIndex(model.scenario.start, '2017-01'));
    // Not a member's: the others get no such regulation.
    for (const g of model.governments) if (g.id !== 'kab-b') expect(g.model.regulations.some((r) => r.id === 'national.m'), g.id).toBe(false);
  });

  it('a vision floor applied in the month a head changes is cut by that change, and not raised again', () => {
    const model = buildSmallNational((s) => {
      s['parameters'] = { ...(s['parameters'] as object), vision_init: 0.3 };
      s['national_parameters'] = { ...(s['national_parameters'] as object), gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 };
      s['elections'] = [...(s['elections'] as Input[]), { id: 'c2019', heads: [{ from: '2014-01' }, { from: '2019-01' }] }];
      (s['governments'] as Input[]).find((g) => g['id'] === 'kab-b')!['election'] = 'c2019';
      s['programmes'] = [{ id: 'late', cohorts: [{ id: 'late-1', from: '2019-01', members: ['kab-b'] }], vision: 0.9 }];
      s['government_network'] = { same_province: true };
    });
    const gi = model.governments.findIndex((g) => g.id === 'kab-b');
    const join = monthIndex(model.scenario.start, '2019-01');
    expect(model.governments[gi]!.visionFloors).toEqual([[join, 0.9]]);
    const run = initNational(model, model.scenario.seed, 0);
    const w = run.worlds[gi]!;
    for (let month = 1; month < join; month++) {
      nationalPhase(model, run, month);
      for (const x of run.worlds) step(x, month);
    }
    nationalPhase(model, run, join);
    expect(w.vision).toBe(0.9);
    for (const x of run.worlds) step(x, join);
    expect(w.vision).toBeLessThan(0.9);
    const cut = w.vision;
    nationalPhase(model, run, join + 1);
    expect(w.vision).toBe(cut);
  });
});
