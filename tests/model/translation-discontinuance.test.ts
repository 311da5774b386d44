/**
 * MODEL.md 7.7 (translation score T) and 7.8 (hazard rate, causes, the ban's
 * replacement wave) on hand-computed cases.
 */
import { describe, expect, it } from 'vitest';
import { translation } from '../../src/model/translation.js';
import { discontinuance, hazardRate } from '../../src/model/discontinuance.js';
import { events } from '../../src/model/events.js';
import { refreshAnchors } from '../../src/model/instances.js';
import { monthlyProbability } from '../../src/engine/random.js';
import { CAUSE, type World } from '../../src/model/world.js';
import { LINE, PLAIN, QUIET, STATE, at, eventRows, live, opd, tick, world } from '../support/world.js';

describe('translation T = sum of weights of enrolled actors (7.7)', () => {
  // Default weights: owner .2, budget .2, platform .1, regulation .15, champion .15, leader .1, users .1.
  function translationWorld(): World {
    const w = world({
      months: 36,
      coordinator: 'kom',
      opds: { list: [opd('a', { champion: true }), opd('b', { champion: false }), opd('kom')] },
      leaders: [{ id: 'mayor', from: '2020-01', commitment: 0.6, sponsors: ['own'] }],
      regulations: [{ id: 'reg', from: '2020-01', strength: 0.5, anchors: ['own'] }],
      vendors: [{ id: 'acme' }],
      platforms: [
        { id: 'portal', custodian: 'coordinator' },
        { id: 'cloud', custodian: 'acme' },
      ],
      innovations: [
        { id: 'own', owner: 'opd', funding: 'apbd', platform: 'portal', launch: '2020-01', ...PLAIN },
        { id: 'ven', owner: 'vendor', vendor: 'acme', funding: 'pilot', pilot_months: 12, platform: 'cloud', launch: '2020-01', ...PLAIN },
      ],
      parameters: { ...QUIET, leader_enrol_min: 0.5, u_fail: 0.3, T_stable: 0.7 },
    });
    w.regulationActive[0] = 1;
    refreshAnchors(w);
    live(w, at(w, 'a', 'own'), { line: LINE.apbd, usage: 0.5, stableMonths: 3 });
    live(w, at(w, 'b', 'own'), { line: LINE.none, usage: 0.1, stableMonths: 3 });
    live(w, at(w, 'a', 'ven'), { line: LINE.pilot, usage: 0.3 }); // usage = u_fail counts as users
    live(w, at(w, 'b', 'ven'), { line: LINE.none, usage: 0.29, owned: true });
    return w;
  }

  it('exact sums for chosen flag sets; T_stable run counter', () => {
    const w = translationWorld();
    tick(w, 2);
    translation(w);
    // a/own: every actor enrolled: .2 + .2 + .1 + .15 + .15 + .1 + .1 = 1.
    expect(w.translation[at(w, 'a', 'own')]).toBeCloseTo(1, 12);
    // b/own: owner .2 + platform .1 + regulation .15 + leader .1 = 0.55 (no line, no champion, usage < u_fail).
    expect(w.translation[at(w, 'b', 'own')]).toBeCloseTo(0.55, 12);
    // a/ven: budget .2 + platform .1 + champion .15 + users .1 = 0.55 (vendor-owned, not anchored, not sponsored).
    expect(w.translation[at(w, 'a', 'ven')]).toBeCloseTo(0.55, 12);
    // b/ven: owner (owned) .2 + platform .1 = 0.3.
    expect(w.translation[at(w, 'b', 'ven')]).toBeCloseTo(0.3, 12);
    // Not live: not scored.
    expect(w.translation[at(w, 'kom', 'own')]).toBe(0);
    // T >= T_stable extends the run; below it the run restarts.
    expect(w.stableMonths[at(w, 'a', 'own')]).toBe(4);
    expect(w.stableMonths[at(w, 'b', 'own')]).toBe(0);
  });

  it('a shut platform and a leader below leader_enrol_min leave the network', () => {
    const w = translationWorld();
    w.platformActive[1] = 0; // cloud
    w.commitment = 0.4;
    tick(w, 2);
    translation(w);
    expect(w.translation[at(w, 'a', 'own')]).toBeCloseTo(0.9, 12); // leader gone
    expect(w.translation[at(w, 'b', 'own')]).toBeCloseTo(0.45, 12);
    expect(w.translation[at(w, 'a', 'ven')]).toBeCloseTo(0.45, 12); // platform gone
    expect(w.translation[at(w, 'b', 'ven')]).toBeCloseTo(0.2, 12);
  });
});

describe('hazard rate h = h0 * product of multipliers (7.8)', () => {
  // Distinct multipliers so that each one is identifiable in the product.
  const P = {
    ...QUIET,
    h0_other: 0.1,
    h0_routinized: 0.02,
    m_anchor: 0.5,
    m_integrated: 0.7,
    m_champion: 0.9,
    m_authority: 2,
    m_late: 1.5,
    m_disenchanted: 3,
    disenchant_months: 12,
    m_low_T: 5,
    T_low: 0.3,
    m_unfunded: 1.25,
  };

  /** OPD a (early majority, no champion) with one live instance set by `f`; returns h. */
  function rate(f: (w: World, i: number) => void): number {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b')] },
      regulations: [{ id: 'reg', from: '2020-01', strength: 0.5, applies_to: ['b'], anchors: ['svc'] }],
      innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: P,
    });
    w.regulationActive[0] = 1;
    refreshAnchors(w);
    const i = at(w, 'a', 'svc');
    live(w, i, { line: LINE.apbd, translation: 0.5, failMonths: 0 });
    w.category[0] = 2; // early majority
    f(w, i);
    return hazardRate(w, i);
  }
  const anchor = (w: World) => {
    // The regulation applies to b only; extend it to a.
    w.model.regulations[0]!.applies[0] = 1;
    refreshAnchors(w);
  };

  it.each<[string, (w: World, i: number) => void, number]>([
    ['no multiplier: h0_other', () => undefined, 0.1],
    ['routinized: h0_routinized', (w, i) => void (w.state[i] = STATE.routinized), 0.02],
    ['anchored by a regulation', (w) => anchor(w), 0.1 * 0.5],
    ['integrated', (w, i) => void (w.integrated[i] = 1), 0.1 * 0.7],
    ['champion', (w) => void (w.champion[0] = 1), 0.1 * 0.9],
    ['authority flag', (w, i) => void (w.authority[i] = 1), 0.1 * 2],
    ['late majority', (w) => void (w.category[0] = 3), 0.1 * 1.5],
    ['laggard', (w) => void (w.category[0] = 4), 0.1 * 1.5],
    ['early adopter (no multiplier)', (w) => void (w.category[0] = 1), 0.1],
    ['failing for disenchant_months', (w, i) => void (w.failMonths[i] = 12), 0.1 * 3],
    ['failing for 11 months (not yet)', (w, i) => void (w.failMonths[i] = 11), 0.1],
    ['T < T_low', (w, i) => void (w.translation[i] = 0.29), 0.1 * 5],
    ['T = T_low (not below)', (w, i) => void (w.translation[i] = 0.3), 0.1],
    ['no line', (w, i) => void (w.line[i] = LINE.none), 0.1 * 1.25],
  ])('%s', (_name, f, expected) => {
    expect(rate(f)).toBeCloseTo(expected, 12);
  });

  it('all multipliers at once: the exact product', () => {
    const h = rate((w, i) => {
      anchor(w);
      w.integrated[i] = 1;
      w.champion[0] = 1;
      w.authority[i] = 1;
      w.category[0] = 4;
      w.failMonths[i] = 20;
      w.translation[i] = 0.1;
      w.line[i] = LINE.none;
      w.state[i] = STATE.routinized;
    });
    expect(h).toBeCloseTo(0.02 * 0.5 * 0.7 * 0.9 * 2 * 1.5 * 3 * 5 * 1.25, 12);
  });

  it('the monthly probability is 1 - exp(-h/12)', () => {
    expect(monthlyProbability(0)).toBe(0);
    expect(monthlyProbability(1.2)).toBeCloseTo(1 - Math.exp(-0.1), 15);
    expect(monthlyProbability(1e9)).toBe(1);
  });
});

describe('discontinuance causes (7.8)', () => {
  function causeWorld(params: Record<string, number>): World {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b'), opd('c'), opd('d')] },
      innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET, disenchant_months: 12, ...params },
    });
    live(w, at(w, 'a', 'svc'), { failMonths: 12 });
    live(w, at(w, 'b', 'svc'), { failMonths: 11 });
    live(w, at(w, 'c', 'svc'), { state: STATE.routinized });
    return w;
  }

  it('disenchantment when the failing counter reached disenchant_months, else hazard', () => {
    // h0_other 1e9 per year: monthly probability 1; h0_routinized 0: routinized instances stay.
    const w = causeWorld({ h0_other: 1e9, h0_routinized: 0 });
    tick(w, 5);
    discontinuance(w);
    const a = at(w, 'a', 'svc');
    const b = at(w, 'b', 'svc');
    expect(w.state[a]).toBe(STATE.discontinued);
    expect(w.cause[a]).toBe(CAUSE.disenchantment);
    expect(w.state[b]).toBe(STATE.discontinued);
    expect(w.cause[b]).toBe(CAUSE.hazard);
    expect(w.endedAt[b]).toBe(5);
    expect(w.line[b]).toBe(LINE.none);
    expect(w.state[at(w, 'c', 'svc')]).toBe(STATE.routinized);
    expect(w.counters.discontinuedByCause[CAUSE.disenchantment]).toBe(1);
    expect(w.counters.discontinuedByCause[CAUSE.hazard]).toBe(1);
    expect(eventRows(w).filter((e) => e.kind === 'discontinuance').map((e) => [e.opd, e.cause])).toEqual([
      ['a', 'disenchantment'],
      ['b', 'hazard'],
    ]);
  });

  it('no discontinuance at rate 0', () => {
    const w = causeWorld({ h0_other: 0, h0_routinized: 0 });
    tick(w, 5);
    discontinuance(w);
    expect([...w.state].filter((s) => s === STATE.discontinued)).toEqual([]);
  });

  it('a standalone ban replaces live, not integrated instances at ban_replacement (cause replacement)', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b')] },
      regulations: [{ id: 'perpres', from: '2020-03', strength: 0.5, bans_standalone: true }],
      innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET, ban_replacement: 1e9 },
    });
    live(w, at(w, 'a', 'svc'), { integrated: false });
    live(w, at(w, 'b', 'svc'), { integrated: true });
    for (const month of [1, 2]) {
      tick(w, month);
      events(w);
      discontinuance(w);
    }
    // Before the ban takes effect nothing is replaced.
    expect(w.state[at(w, 'a', 'svc')]).toBe(STATE.live);
    tick(w, 3);
    events(w);
    expect(w.banActive).toBe(true);
    expect(w.triplePending).toBe(true); // a ban taking effect also triggers the triple loop (7.6)
    discontinuance(w);
    expect(w.state[at(w, 'a', 'svc')]).toBe(STATE.discontinued);
    expect(w.cause[at(w, 'a', 'svc')]).toBe(CAUSE.replacement);
    expect(w.state[at(w, 'b', 'svc')]).toBe(STATE.live);
    expect(w.counters.discontinuedByCause[CAUSE.replacement]).toBe(1);
  });
});
