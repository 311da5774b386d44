/**
 * The national replication (model/national/simulate.ts), the paths the other
 * national tests do not reach: a government whose peer or competitor list is
 * the decomposition's list with its last entries missing (a prefix, which a
 * length-blind comparison would take for the full list) is counted peer by
 * peer; and months outside the plan's schedules (a copy of the model with
 * another horizon sharing its governments, whose plan was built for the
 * first) take the forced launches and national money from each
 * government's own lists, with the same results as the schedules give.
 *
 * Kept under tests/model/ so the mutation test set runs it; set-up inside `it`.
 */
import { describe, expect, it } from 'vitest';
import type { NationalModel } from '../../src/model/national/compile.js';
import { peerPlan, simulateNationalReplication } from '../../src/model/national/simulate.js';
import { buildSmallNational, type Input } from './national-fixture.js';

const build = buildSmallNational;

/** Seven governments, strong pulls between them, pioneers in two provinces. */
const pulls = (s: Input) => {
  s['months'] = 36;
  s['national_parameters'] = { gov_launch_base: 0.2, gov_imitation: 3, gov_competition: 3, gov_learning: 0.5 };
  (s['governments'] as unknown[]).push(
    { id: 'kab-d', type: 'regency', province: 'prov-a', districts: 6, fiscal_capacity: 0.95 },
    { id: 'kab-e', type: 'regency', province: 'prov-c', districts: 3 },
    { id: 'prov-c', type: 'province', province: 'prov-c' },
  );
  s['programmes'] = [{ id: 'smart', cohorts: [{ id: 'smart-2017', from: '2017-01', members: ['kota-a'], select: { count: 2, by: 'fiscal_capacity' } }], vision: 0.8 }];
  s['government_network'] = { same_province: true, pioneers: { cohorts: ['smart-2017'] } };
};

/** No launch on a government's own (base 0, no pulls): only coercion and inducement launch; money funds them. */
const forcedOnly = (s: Input) => {
  s['months'] = 40;
  s['national_parameters'] = { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0, gov_learning: 0 };
  s['national_regulations'] = [
    { id: 'funded', from: '2017-06', strength: 1, anchors: ['mandated-service'], money: true, governments: { except: ['kota-c'] } },
    { id: 'later', from: '2018-03', strength: 0.5, anchors: ['e-office'], money: true, governments: { ids: ['kota-c', 'kab-b'] } },
  ];
  s['programmes'] = [{ id: 'smart', cohorts: [{ id: 'smart-2017', from: '2017-01', members: ['kota-a'], select: { count: 1, by: 'fiscal_capacity' } }], vision: 0.8, anchors: ['e-office'] }];
};

function results(model: NationalModel, reps = 3) {
  return Array.from({ length: reps }, (_, r) => {
    const x = simulateNationalReplication(model, 11, r);
    return { outcomes: x.outcomes, launched: x.launched.map((a) => Array.from(a)), series: Array.from(x.series), flows: Array.from(x.flows) };
  });
}

describe('peer lists the totals do not describe are counted peer by peer', () => {
  it('a peer list missing its last peer (a prefix of the decomposition) is not taken for the full list', () => {
    const odd = build(pulls);
    const g = odd.governments[1]! as { peers: Int32Array };
    expect(g.peers.length).toBeGreaterThan(1);
    g.peers = g.peers.slice(0, -1);
    const plan = peerPlan(odd);
    expect(Array.from(plan.peersByTotals)).toEqual(odd.governments.map((_, i) => (i === 1 ? 0 : 1)));
    expect(plan.peerTotal[1]).toBe(g.peers.length);
    // The same results as counting every government peer by peer.
    const slow = build(pulls);
    (slow.governments[1]! as { peers: Int32Array }).peers = (slow.governments[1]!.peers as Int32Array).slice(0, -1);
    const slowPlan = peerPlan(slow);
    slowPlan.peersByTotals.fill(0);
    slowPlan.provinceByTotals.fill(0);
    expect(results(odd)).toEqual(results(slow));
  });

  it('a competitor list missing its last entry is not taken for the province', () => {
    const odd = build(pulls);
    const g = odd.governments[0]! as { provincePeers: Int32Array };
    expect(g.provincePeers.length).toBeGreaterThan(1);
    g.provincePeers = g.provincePeers.slice(0, -1);
    const plan = peerPlan(odd);
    expect(Array.from(plan.provinceByTotals)).toEqual(odd.governments.map((_, i) => (i === 0 ? 0 : 1)));
    expect(plan.provinceTotal[0]).toBe(g.provincePeers.length);
    const slow = build(pulls);
    (slow.governments[0]! as { provincePeers: Int32Array }).provincePeers = (slow.governments[0]!.provincePeers as Int32Array).slice(0, -1);
    const slowPlan = peerPlan(slow);
    slowPlan.peersByTotals.fill(0);
    slowPlan.provinceByTotals.fill(0);
    expect(results(odd)).toEqual(results(slow));
  });
});

describe('months outside the plan\'s schedules', () => {
  it('a shorter copy of a model whose plan was built for the longer horizon: the same forced launches, money and results', () => {
    const months = 30;
    // Planned: the plan is built for the copy's own horizon.
    const a = build(forcedOnly);
    const planned = { ...a, months };
    expect(peerPlan(planned).forcedStart.length).toBe(months + 3);
    // Unplanned: the plan was built for 40 months first, and the copy (sharing the governments) reuses it.
    const b = build(forcedOnly);
    expect(peerPlan(b).forcedStart.length).toBe(40 + 3);
    const unplanned = { ...b, months };
    expect(peerPlan(unplanned)).toBe(peerPlan(b));
    const want = results(planned);
    expect(results(unplanned)).toEqual(want);
    // Not vacuous: forced launches happen within the 30 months, and only they launch.
    const launched = want[0]!.launched;
    const svc = (gi: number, id: string) => launched[gi]![a.governments[gi]!.model.innovations.findIndex((x) => x.id === id)];
    // prov-a, kota-a and kab-b get the funded mandate from 2017-06 (month 18); kota-c does not.
    expect([0, 1, 2, 3].map((gi) => svc(gi, 'mandated-service'))).toEqual([1, 1, 1, 0]);
    // e-office: kota-a joins smart in 2017-01 (inducement), kab-b and kota-c get money from 2018-03 (month 27); prov-a has nothing.
    expect([0, 1, 2, 3].map((gi) => svc(gi, 'e-office'))).toEqual([0, 1, 1, 1]);
    // vendor-app (not offered in kota-c): nothing forces it and nobody launches on their own.
    expect([0, 1, 2].map((gi) => svc(gi, 'vendor-app'))).toEqual([0, 0, 0]);
  });
});
