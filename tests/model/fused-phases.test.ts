/**
 * step() runs phases 4-6 (learning.ts implementationUsageLearning) and 7-8
 * (discontinuance.ts translationAndDiscontinuance) as fused passes with
 * each submodel written out in the loop. Here a world stepped by step()
 * and a twin stepped with the submodels' own functions one after the other
 * (implementation, usage, learning, translation, discontinuance) hold the
 * same bytes in every array, the same counters and the same event log at
 * the end of every month, in a run where every branch the fused passes
 * copy happens: stage advances, re-invention, routinization, unfunded
 * instances, the double loop's four options (ownership, integration,
 * re-invention, replacement), the triple loop, the ban's replacement wave,
 * and hazard and disenchantment discontinuance.
 *
 * The compile-time month bits of phase 1 (compile.ts EVENT_MONTH) and the
 * tabulated budget climate are checked against a hand count.
 */
import { describe, expect, it } from 'vitest';
import { events } from '../../src/model/events.js';
import { awareness, decision, snapshotPeers } from '../../src/model/diffusion.js';
import { implementation } from '../../src/model/implementation.js';
import { usage } from '../../src/model/usage.js';
import { learning } from '../../src/model/learning.js';
import { translation } from '../../src/model/translation.js';
import { discontinuance } from '../../src/model/discontinuance.js';
import { rebuildLists } from '../../src/model/active.js';
import { step } from '../../src/model/step.js';
import { EVENT_MONTH } from '../../src/model/compile.js';
import { resetCounters, type World } from '../../src/model/world.js';
import { PLAIN, world } from '../support/world.js';
import { model } from './helpers.js';

/** step() with phases 4-8 as the submodels' own functions, one after the other. */
function stepSeparately(w: World, month: number): void {
  w.month = month;
  w.lists.inStep = false;
  w.lists.observable = false;
  resetCounters(w.counters);
  events(w);
  const listed = snapshotPeers(w);
  rebuildLists(w, listed, true);
  w.lists.inStep = true;
  awareness(w);
  decision(w);
  implementation(w);
  usage(w);
  learning(w);
  translation(w);
  discontinuance(w);
  w.lists.inStep = false;
  w.lists.observable = true;
}

/** Every typed array of the world, by name. */
function arrays(w: World): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [key, value] of Object.entries(w)) if (ArrayBuffer.isView(value)) out[key] = Array.from(value as unknown as ArrayLike<number>);
  return out;
}

const svc = (id: string, extra: Record<string, unknown> = {}) => ({ id, owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN, ...extra });

describe('fused phases 4-8', () => {
  it('step() leaves the same world as the submodels called one by one, every month', () => {
    const input = {
      months: 60,
      opds: { generate: { count: 40 } },
      network: { type: 'small-world' as const, degree: 4, rewire: 0.2 },
      coordinator: 'opd-001',
      vendors: [{ id: 'acme' }],
      platforms: [{ id: 'hub', custodian: 'acme' }],
      regulations: [{ id: 'ban', from: '2022-06', strength: 0.4, anchors: ['a'], bans_standalone: true }],
      innovations: [
        svc('a', { platform: 'hub', integrated_from: '2021-01' }),
        svc('b', { owner: 'vendor', vendor: 'acme' }),
        svc('c', { funding: 'pilot', pilot_months: 18 }),
        svc('d', { costly: true }),
      ],
      parameters: {
        theta_mean: 0.2,
        campaign_boost: 30,
        base_advance: 0.5,
        reinvention_probability: 0.5,
        T_stable_months: 2,
        T_stable: 0.3,
        gap_months: 2,
        u_target: 0.9,
        u_fail: 0.5,
        reflexivity: 0.6,
        F_star: 0.2,
        triple_months: 2,
        city_reflexivity: 0.5,
        h0_other: 0.6,
        h0_routinized: 0.3,
        disenchant_months: 3,
        readopt_months: 6,
        ban_replacement: 0.5,
      },
    };
    const fused = world(input, [7, 8]);
    const separate = world(input, [7, 8]);
    const seen = new Set<string>();
    for (let t = 1; t <= input.months; t++) {
      step(fused, t);
      stepSeparately(separate, t);
      expect(arrays(fused), `month ${t}`).toEqual(arrays(separate));
      expect(fused.counters, `month ${t}`).toEqual(separate.counters);
      expect([fused.failingRun, fused.tripleDone, fused.triplePending, fused.banActive], `month ${t}`).toEqual([
        separate.failingRun,
        separate.tripleDone,
        separate.triplePending,
        separate.banActive,
      ]);
      expect(fused.events, `month ${t}`).toEqual(separate.events);
    }
    for (const e of fused.events!) seen.add(e.cause !== '' && e.kind !== 'launch' ? `${e.kind}:${e.cause}` : e.kind);
    // The run went through what the fused passes copy.
    for (const what of [
      'reinvention',
      'routinized',
      'double_loop:ownership',
      'double_loop:integration',
      'double_loop:reinvention',
      'double_loop:replacement',
      'triple_loop:regulation',
      'discontinuance:hazard',
      'discontinuance:disenchantment',
      'discontinuance:replacement',
    ])
      expect(seen, what).toContain(what);
  });
});

describe('phase 1 month bits', () => {
  const m = model({
    months: 24,
    opds: { generate: { count: 2 } },
    vendors: [{ id: 'acme' }],
    platforms: [
      { id: 'p1', custodian: 'acme', active_until: '2020-08' },
      { id: 'p2', custodian: 'acme', active_until: '2020-05' },
    ],
    leaders: [
      { id: 'l1', from: '2020-01', to: '2020-04' },
      { id: 'l2', from: '2020-07' },
    ],
    regulations: [{ id: 'r', from: '2020-10', to: '2021-02', strength: 0.5, anchors: ['x'] }],
    budget_shocks: [
      { from: '2020-03', to: '2020-06', factor: 0.5 },
      { from: '2020-05', to: '2020-09', factor: 0.7 },
    ],
    innovations: [svc('x')],
  });
  const months = (bit: number) => [...m.eventMonths.keys()].filter((t) => (m.eventMonths[t]! & bit) !== 0);

  it('regulations: month 1, each from and to + 1 (2021-02 is month 14), and the ticks outside the horizon (0 and months + 1)', () => {
    expect(months(EVENT_MONTH.regulation)).toEqual([0, 1, 10, 15, 25]);
  });

  it("leaders: each leader's from and to + 1", () => {
    expect(months(EVENT_MONTH.leader)).toEqual([1, 5, 7]);
  });

  it("platforms: every month after the first platform's active_until", () => {
    expect(months(EVENT_MONTH.platformEnd)).toEqual(Array.from({ length: 25 - 6 + 1 }, (_, x) => 6 + x));
  });

  it('the budget climate is the product of the shocks in force, in list order', () => {
    const expected = Array.from({ length: 26 }, (_, t) => {
      let b = 1;
      if (t >= 3 && t <= 6) b *= 0.5;
      if (t >= 5 && t <= 9) b *= 0.7;
      return b;
    });
    expect(Array.from(m.budgetClimate)).toEqual(expected);
    expect(m.budgetClimate[5]).toBe(0.5 * 0.7);
  });
});
