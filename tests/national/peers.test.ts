/**
 * The national phase counts a government's peers with a service live (or
 * routinized) from province and pioneer totals (simulate.ts, `peerPlan`)
 * instead of visiting each peer. These tests hold it to the peer-by-peer
 * count: the same launches, outcomes and series, on networks with and
 * without same-province links, with pioneers inside and outside a province.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { compileNational, type NationalModel } from '../../src/model/national/compile.js';
import { peerPlan, simulateNationalReplication } from '../../src/model/national/simulate.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const build = (edit: (s: Record<string, unknown>) => void): NationalModel => {
  const input = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  edit(input);
  return compileNational(nationalSchema.parse(input) as NationalScenario);
};

/** Strong pulls between governments, so that a wrong peer count shows in the results. */
const pulls = (imitation: number, sameProvince: boolean) => (s: Record<string, unknown>) => {
  s['national_parameters'] = { gov_launch_base: 0.2, gov_imitation: imitation, gov_competition: imitation, gov_learning: imitation > 0 ? 0.5 : 0 };
  (s['governments'] as unknown[]).push(
    { id: 'kab-d', type: 'regency', province: 'prov-a', districts: 6, fiscal_capacity: 0.95 },
    { id: 'kab-e', type: 'regency', province: 'prov-c', districts: 3 },
    { id: 'prov-c', type: 'province', province: 'prov-c' },
  );
  s['programmes'] = [
    { id: 'smart', cohorts: [{ id: 'smart-2017', from: '2017-01', members: ['kota-a'], select: { count: 2, by: 'fiscal_capacity' } }], vision: 0.8 },
  ];
  s['government_network'] = { same_province: sameProvince, pioneers: { cohorts: ['smart-2017'] } };
};

function results(model: NationalModel) {
  return [0, 1, 2, 3].map((r) => {
    const x = simulateNationalReplication(model, 11, r);
    return { outcomes: x.outcomes, launched: x.launched.map((a) => Array.from(a)), series: Array.from(x.series) };
  });
}

describe('peer counts from province and pioneer totals', () => {
  for (const sameProvince of [true, false]) {
    it(`give the same results as counting peer by peer (same_province: ${sameProvince})`, () => {
      const fast = build(pulls(3, sameProvince));
      const plan = peerPlan(fast);
      // Every government of these networks is of the form the totals assume.
      expect(Array.from(plan.peersByTotals)).toEqual(fast.governments.map(() => 1));
      expect(Array.from(plan.provinceByTotals)).toEqual(fast.governments.map(() => 1));
      // Pioneers in two provinces, and a province with no pioneer: every term of the totals is used.
      expect(new Set(fast.pioneers.map((g) => fast.governments[g]!.province)).size).toBe(2);
      // A second compile has its own plan; switched to peer-by-peer counting.
      const slow = build(pulls(3, sameProvince));
      const slowPlan = peerPlan(slow);
      expect(slowPlan).not.toBe(plan);
      slowPlan.peersByTotals.fill(0);
      slowPlan.provinceByTotals.fill(0);
      expect(results(fast)).toEqual(results(slow));
      // Not vacuous: the pulls change the results.
      expect(results(build(pulls(0, sameProvince)))).not.toEqual(results(fast));
    });
  }

  it('a government whose peer list is not of that form is counted peer by peer', () => {
    const model = build(pulls(3, true));
    const odd = build(pulls(3, true));
    // Drop one peer of government 1: its list is no longer province + pioneers.
    const g = odd.governments[1]! as { peers: Int32Array };
    g.peers = g.peers.slice(1);
    const plan = peerPlan(odd);
    expect(plan.peersByTotals[1]).toBe(0);
    expect(plan.peersByTotals[0]).toBe(1);
    // And it changes that government's pull, as the list says.
    expect(results(odd)).not.toEqual(results(model));
  });
});
