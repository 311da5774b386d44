/**
 * Three rules of docs/NATIONAL.md that no national test held apart from a
 * near miss, on the four-government fixture (tests/model/national-fixture.ts):
 *
 *  - A government without peers still launches a national service on its
 *    own ("Diffusion between governments": monthly probability
 *    1 - exp(-rate/12), rate = gov_launch_base + gov_imitation L +
 *    gov_competition C, with L = 0 when there are no peers). With
 *    same_province false and no pioneers no government has a peer; with
 *    gov_launch_base 1.2 per year, every service available from month 1
 *    and a 12-month horizon, the chance that a government has launched a
 *    service by the horizon is 1 - exp(-1.2) = 0.699. 120 replications x
 *    11 (government, service) pairs: binomial SE 0.013, tolerance 0.06.
 *  - A programme cohort that joins in the last month of the horizon still
 *    launches the services the programme anchors, in that month
 *    ("Programmes": a member launches the anchored services when it joins).
 *  - An election head whose `to` is the start month is in office in month 1
 *    and leaves at its end: the office is vacant from month 2 until the next
 *    head's `from` (MODEL.md section 5 and ODD.md's choices for it: a gap between `to` and
 *    the successor's `from` is a vacancy, commitment 0).
 *
 * Read through the replication results (`launched`, the event log), not the
 * worlds' arrays. Kept under tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/simulate.js';
import { simulateNationalReplication } from '../../src/model/national/simulate.js';
import { buildSmallNational, type Input } from './national-fixture.js';

const national = (s: Input, params: Record<string, number>) => {
  s['national_parameters'] = { ...(s['national_parameters'] as object), ...params };
};

describe('a government without peers launches at gov_launch_base', () => {
  it('has launched a service available for 12 months with probability 1 - exp(-base)', () => {
    const base = 1.2;
    const model = buildSmallNational((s) => {
      national(s, { gov_launch_base: base, gov_imitation: 1, gov_competition: 0 });
      s['government_network'] = { same_province: false };
      s['months'] = 12;
      for (const x of s['innovations'] as Input[]) x['launch'] = '2016-01';
    });
    for (const g of model.governments) expect(g.peers.length, g.id).toBe(0);
    const R = 120;
    let pairs = 0;
    let launched = 0;
    for (let r = 0; r < R; r++) {
      const result = simulateNationalReplication(model, model.scenario.seed, r);
      model.governments.forEach((g, gi) => {
        for (const j of g.serviceIndex) {
          if (j < 0) continue;
          pairs++;
          launched += result.launched[gi]![j]!;
        }
      });
    }
    expect(pairs).toBe(R * 11);
    expect(Math.abs(launched / pairs - (1 - Math.exp(-base)))).toBeLessThan(0.06);
  });
});

describe('a programme cohort joining in the last month', () => {
  it('launches the anchored service by the horizon, and nowhere else', () => {
    const model = buildSmallNational((s) => {
      national(s, { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 });
      s['programmes'] = [{ id: 'late', cohorts: [{ id: 'late-1', from: '2021-12', members: ['kab-b'] }], anchors: ['mandated-service'], strength: 0 }];
      s['government_network'] = { same_province: true };
    });
    expect(model.months).toBe(72);
    const s = model.services.indexOf('mandated-service');
    const result = simulateNationalReplication(model, model.scenario.seed, 0);
    const got = model.governments.map((g, gi) => [g.id, result.launched[gi]![g.serviceIndex[s]!]]);
    expect(got).toEqual([['prov-a', 0], ['kota-a', 0], ['kab-b', 1], ['kota-c', 0]]);
  });
});

describe('an election head whose term ends in the start month', () => {
  it('governs month 1; the office is vacant from month 2 until the next head', () => {
    const model = buildSmallNational((s) => {
      s['elections'] = [{ id: 'c2018', heads: [{ from: '2013-09', to: '2016-01', commitment: 0.9 }, { from: '2018-09', to: '2023-08' }] }];
      // No random successions: the calendar alone decides who is in office.
      s['parameters'] = { ...(s['parameters'] as object), leader_hazard: 0 };
    });
    const city = model.governments.find((g) => g.id === 'kota-a')!.model;
    const events = simulateReplication(city, 4, 0, { detail: true }).events!;
    const leadership = events.filter((e) => e.kind === 'leader_vacancy' || e.kind === 'leadership_change').map((e) => [e.month, e.kind]);
    // Vacant from month 2; the next head (2018-09, month 33) is the one leadership change.
    expect(leadership).toEqual([[2, 'leader_vacancy'], [33, 'leadership_change']]);
  });
});
