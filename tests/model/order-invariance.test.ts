/**
 * MODEL.md 3 and 9: within a phase every agent reads the same snapshot and
 * every draw is keyed by ids, so the order in which agencies are listed never
 * changes results. On a complete graph (generators draw by position, so only
 * the complete graph is the same network in both orders), listing the
 * agencies in reverse gives the same agents, outcomes, events and metrics.
 */
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/simulate.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { model } from './helpers.js';
import { MODEL_DEFAULTS } from '../support/world.js';

const ids = ['kominfo', ...Array.from({ length: 13 }, (_, i) => `dinas-${String.fromCharCode(97 + i)}`)];

function city(order: string[]): Partial<ScenarioInput> & Pick<ScenarioInput, 'innovations'> {
  const attrs = { relative_advantage: 0.7, compatibility: 0.5, complexity: 0.4, trialability: 0.6, observability: 0.6 };
  return {
    start: '2018-01',
    months: 60,
    coordinator: 'kominfo',
    opds: { list: order.map((id) => ({ id, type: id === 'kominfo' ? ('dinas' as const) : ('other' as const) })) },
    network: { type: 'complete' },
    leaders: [
      { id: 'm1', from: '2018-01', commitment: 0.8, sponsors: ['app'] },
      { id: 'm2', from: '2020-07' },
    ],
    regulations: [
      { id: 'perwal', from: '2018-06', strength: 0.6, anchors: ['office'], requires_budget_line: true },
      { id: 'ban', from: '2021-06', strength: 0.3, bans_standalone: true },
    ],
    budget_shocks: [{ from: '2020-04', to: '2020-12', factor: 0.6 }],
    vendors: [{ id: 'acme', contract_end: '2020-12' }],
    platforms: [
      { id: 'portal', custodian: 'coordinator' },
      { id: 'cloud', custodian: 'acme', active_until: '2021-06' },
    ],
    innovations: [
      { id: 'office', owner: 'opd', funding: 'apbd', launch: '2018-01', ...attrs },
      { id: 'app', owner: 'vendor', vendor: 'acme', funding: 'pilot', pilot_months: 12, platform: 'cloud', sponsor: 'leader', launch: '2018-03', ...attrs },
      { id: 'center', owner: 'coordinator', funding: 'national', platform: 'portal', costly: true, launch: '2018-06', ...attrs },
    ],
    initial_adopters: [{ innovation: 'center', opds: ['kominfo', 'dinas-a', 'dinas-b'] }],
    parameters: {
      ...MODEL_DEFAULTS,
      leader_hazard: 0.2,
      readopt_months: 24,
      reflexivity: 0.3,
      city_reflexivity: 0.3,
      decision_noise: 0.05,
      champion_rotation: 0.5,
      champion_emergence: 0.3,
    },
  };
}

describe('agent order never changes results (3, 9)', () => {
  it('the same city listed in reverse gives the same agents, outcomes, events and metrics', () => {
    const forward = model(city(ids));
    const backward = model(city([...ids].reverse()));
    let events = 0;
    for (const r of [0, 1, 2]) {
      const a = simulateReplication(forward, 11, r, { detail: true });
      const b = simulateReplication(backward, 11, r, { detail: true });
      const byId = <T extends { opd: string }>(rows: T[] | null) => [...(rows ?? [])].sort((x, y) => x.opd.localeCompare(y.opd));
      expect(byId(b.agents)).toEqual(byId(a.agents));
      expect(b.outcomes).toEqual(a.outcomes);
      const sortedEvents = (e: typeof a.events) => (e ?? []).map((x) => JSON.stringify(x)).sort();
      expect(sortedEvents(b.events)).toEqual(sortedEvents(a.events));
      events += a.events?.length ?? 0;
      // Sums over instances may be taken in another order: equal up to rounding.
      expect(b.series.length).toBe(a.series.length);
      let worst = 0;
      for (let x = 0; x < a.series.length; x++) worst = Math.max(worst, Math.abs(a.series[x]! - b.series[x]!));
      expect(worst).toBeLessThan(1e-9);
    }
    expect(events).toBeGreaterThan(100); // the run did something
  });
});
