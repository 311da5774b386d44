/**
 * Three rules of docs/NATIONAL.md that no national test held apart from a
 * near miss, on the four-government fixture (tests/model/national-fixture.ts):
 *
 *  - A government without peers still launches a national service on its
 *    own ("Diffusion between governments": monthly probability
 *    1 - exp(-rate/12), rate = gov_launch_base + gov_imitation L +
 *    gov_competition C, with L = 0 when there are no peers). With
 *    same_province false and no pioneers no government has a peer; with
 *    gov_launch_base 1.2 per year the chance of a launch within the 12
 *    months from a service's `launch` is 1 - exp(-1.2) = 0.699. 120
 *    replications x 11 (government, service) pairs: binomial SE 0.013,
 *    tolerance 0.06.
 *  - A programme cohort that joins in the last month of the horizon still
 *    launches the services the programme anchors, in that month
 *    ("Programmes": a member launches the anchored services when it joins).
 *  - An election head whose `to` is the start month is in office in month 1
 *    and leaves at its end: the office is vacant from month 2 until the next
 *    head's `from` (MODEL.md section 5 and ODD.md's choices for it: a gap between `to` and
 *    the successor's `from` is a vacancy, commitment 0).
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { initWorld } from '../../src/model/init.js';
import { initNational, nationalPhase } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { buildSmallNational, type Input } from './national-fixture.js';

const national = (s: Input, params: Record<string, number>) => {
  s['national_parameters'] = { ...(s['national_parameters'] as object), ...params };
};

describe('a government without peers launches at gov_launch_base', () => {
  it('launches within a year of availability with probability 1 - exp(-base)', () => {
    const base = 1.2;
    const model = buildSmallNational((s) => {
      national(s, { gov_launch_base: base, gov_imitation: 1, gov_competition: 0 });
      s['government_network'] = { same_province: false };
    });
    for (const g of model.governments) expect(g.peers.length, g.id).toBe(0);
    const R = 120;
    let pairs = 0;
    let within = 0;
    for (let r = 0; r < R; r++) {
      const run = initNational(model, model.scenario.seed, r);
      for (let month = 1; month <= 24; month++) nationalPhase(model, run, month);
      model.governments.forEach((g, gi) => {
        const launchedAt = run.worlds[gi]!.national!.launchedAt;
        for (const j of g.serviceIndex) {
          if (j < 0) continue;
          const available = g.model.innovations[j]!.launch;
          expect(available + 11).toBeLessThanOrEqual(24);
          pairs++;
          const at = launchedAt[j]!;
          if (at >= available && at <= available + 11) within++;
          // Never before the service exists.
          if (at >= 0) expect(at).toBeGreaterThanOrEqual(available);
        }
      });
    }
    expect(pairs).toBe(R * 11);
    expect(Math.abs(within / pairs - (1 - Math.exp(-base)))).toBeLessThan(0.06);
  });
});

describe('a programme cohort joining in the last month', () => {
  it('launches the anchored service in that month, and nowhere else', () => {
    const model = buildSmallNational((s) => {
      national(s, { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 });
      s['programmes'] = [{ id: 'late', cohorts: [{ id: 'late-1', from: '2021-12', members: ['kab-b'] }], anchors: ['mandated-service'], strength: 0 }];
      s['government_network'] = { same_province: true };
    });
    expect(model.months).toBe(72);
    const s = model.services.indexOf('mandated-service');
    const member = model.governments.findIndex((g) => g.id === 'kab-b');
    const run = initNational(model, model.scenario.seed, 0);
    for (let month = 1; month <= model.months; month++) {
      nationalPhase(model, run, month);
      model.governments.forEach((g, gi) => {
        const at = run.worlds[gi]!.national!.launchedAt[g.serviceIndex[s]!]!;
        expect(at, `${g.id} in month ${month}`).toBe(gi === member && month === 72 ? 72 : -1);
      });
    }
  });
});

describe('an election head whose term ends in the start month', () => {
  it('governs month 1; the office is vacant from month 2 until the next head', () => {
    const model = buildSmallNational((s) => {
      s['elections'] = [{ id: 'c2018', heads: [{ from: '2013-09', to: '2016-01', commitment: 0.9 }, { from: '2018-09', to: '2023-08' }] }];
    });
    const city = model.governments.find((g) => g.id === 'kota-a')!.model;
    const w = initWorld(city, new Streams([4, 5]), true);
    step(w, 1);
    expect(w.leader).toBe(0);
    expect(w.commitment).toBe(0.9);
    for (let month = 2; month <= 4; month++) {
      step(w, month);
      expect(w.leader, `month ${month}`).toBe(-1);
      expect(w.vacant).toBe(true);
      expect(w.commitment).toBe(0);
    }
    expect(w.events!.filter((e) => e.kind === 'leader_vacancy').map((e) => e.month)).toEqual([2]);
  });
});
