/**
 * Multipliers checked away from probabilities 0 and 1, where a wrong factor
 * (3 instead of 2, B^2 instead of B) changes the outcome: each probability
 * sits in the middle of [0, 1], is estimated from many instances (fixed
 * seeds), and must lie within 4 binomial standard deviations of the
 * formula's value, while the nearest wrong formula lies far outside.
 *
 *   stage advance (7.4): base_advance (1 + capacity) (champion ? champion_advance : 1) (line ? 1 : unfunded_advance) B
 *   hazard (7.8): h0 * m_anchor * m_integrated * m_champion * m_authority * m_late * m_disenchanted * m_low_T * m_unfunded
 *   usage (7.5): usage + kappa (A (1 + i_gain share) (line ? 1 : unfunded_usage) + effort - usage)
 */
import { describe, expect, it } from 'vitest';
import { implementation } from '../../src/model/implementation.js';
import { discontinuance, hazardRate } from '../../src/model/discontinuance.js';
import { usage } from '../../src/model/usage.js';
import { Process } from '../../src/model/processes.js';
import { monthlyProbability } from '../../src/engine/random.js';
import { CATEGORY_Z_BANDS } from '../../src/scenario/schema.js';
import { LINE, PLAIN, QUIET, STAGE, STATE, live, opd, tick, world } from '../support/world.js';

/** Agencies x services: 400 x 10 = 4,000 instances per estimate. */
const AGENCIES = 400;
const SERVICES = 10;
const services = Array.from({ length: SERVICES }, (_, j) => ({ id: `s${j}`, owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN }));

/** Tolerance: 4 binomial standard deviations of a share estimated from n draws. */
const tolerance = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

describe('stage advance away from 0 and 1 (7.4)', () => {
  interface Setup {
    capacity: number;
    champion: boolean;
    line: number;
    budget: number;
  }
  const BASE = 0.1;
  const UNFUNDED = 0.4;
  const CHAMPION = 2;

  function share(c: Setup): number {
    const list = Array.from({ length: AGENCIES }, (_, i) => opd(`o${i}`, { capacity: c.capacity, champion: c.champion }));
    const w = world({
      months: 24,
      opds: { list },
      innovations: services,
      parameters: { ...QUIET, base_advance: BASE, unfunded_advance: UNFUNDED, champion_advance: CHAMPION, reinvention_probability: 0 },
    });
    const size = AGENCIES * SERVICES;
    for (let i = 0; i < size; i++) live(w, i, { line: c.line });
    tick(w, 3);
    w.budget = c.budget;
    implementation(w);
    let moved = 0;
    for (let i = 0; i < size; i++) if (w.stage[i] === STAGE.clarifying) moved++;
    return moved / size;
  }

  const formula = (c: Setup) => BASE * (1 + c.capacity) * (c.champion ? CHAMPION : 1) * (c.line !== LINE.none ? 1 : UNFUNDED) * c.budget;

  const cases: [string, Setup, number][] = [
    // name, setup, the nearest wrong formula's value (a mutation the test must catch)
    ['champion, funded, B = 1', { capacity: 0.5, champion: true, line: LINE.apbd, budget: 1 }, 0.1 * 1.5 * 3], // factor 3 instead of 2
    ['champion, funded, B = 0.5', { capacity: 0.5, champion: true, line: LINE.apbd, budget: 0.5 }, 0.1 * 1.5 * 2 * 0.25], // B^2
    ['no champion, capacity 0.8', { capacity: 0.8, champion: false, line: LINE.apbd, budget: 1 }, 0.1 * 0.8], // capacity instead of 1 + capacity
    ['champion, unfunded', { capacity: 0.5, champion: true, line: LINE.none, budget: 1 }, 0.1 * 1.5 * 2 * 0.16], // unfunded_advance squared
  ];

  for (const [name, c, wrong] of cases) {
    it(`${name}: share advancing = ${formula(c).toFixed(3)}, not ${wrong.toFixed(3)}`, () => {
      const p = formula(c);
      const n = AGENCIES * SERVICES;
      expect(p).toBeGreaterThan(0.02);
      expect(p).toBeLessThan(0.98);
      // The wrong value lies outside the tolerance, so the test can tell them apart.
      expect(Math.abs(wrong - p)).toBeGreaterThan(tolerance(p, n) + tolerance(wrong, n));
      expect(Math.abs(share(c) - p)).toBeLessThan(tolerance(p, n));
    });
  }
});

describe('hazard multipliers (7.8)', () => {
  // Distinct values, none 0 or 1, so that every factor is visible in the product.
  const M = {
    h0_routinized: 0.011,
    h0_other: 0.13,
    m_anchor: 0.6,
    m_integrated: 0.7,
    m_champion: 0.55,
    m_authority: 1.9,
    m_late: 1.45,
    m_disenchanted: 2.6,
    disenchant_months: 5,
    m_low_T: 3.3,
    T_low: 0.3,
    m_unfunded: 1.35,
  };

  function hazardWorld(extra: Record<string, number> = {}) {
    // theta pinned by category: a0 laggard (late), a1 early majority.
    const w = world({
      months: 24,
      opds: { list: [opd('a0', { champion: true }), opd('a1')] },
      innovations: [services[0]!],
      parameters: { ...QUIET, ...M, ...extra },
    });
    return w;
  }

  it('the rate is the product of every applicable factor, each exactly once', () => {
    const w = hazardWorld();
    w.category[0] = CATEGORY_Z_BANDS.length - 1; // laggard
    w.category[1] = 2; // early majority
    // a0: not routinized, anchored, integrated, champion, authority, late, disenchanted, low T, unfunded.
    live(w, 0, { integrated: true, authority: true, failMonths: 5, translation: 0.2, line: LINE.none });
    w.anchored[0] = 1;
    const all = M.h0_other * M.m_anchor * M.m_integrated * M.m_champion * M.m_authority * M.m_late * M.m_disenchanted * M.m_low_T * M.m_unfunded;
    expect(hazardRate(w, 0)).toBeCloseTo(all, 12);
    // a1: routinized, nothing else applies (failMonths one short, T at T_low, funded).
    live(w, 1, { state: STATE.routinized, failMonths: 4, translation: 0.3 });
    expect(hazardRate(w, 1)).toBeCloseTo(M.h0_routinized, 12);
    // Each factor alone on a1's neighbour: switch a0's conditions off one by one.
    w.anchored[0] = 0;
    expect(hazardRate(w, 0)).toBeCloseTo(all / M.m_anchor, 12);
    w.integrated[0] = 0;
    expect(hazardRate(w, 0)).toBeCloseTo(all / M.m_anchor / M.m_integrated, 12);
    w.authority[0] = 0;
    expect(hazardRate(w, 0)).toBeCloseTo(all / M.m_anchor / M.m_integrated / M.m_authority, 12);
    w.failMonths[0] = 4;
    expect(hazardRate(w, 0)).toBeCloseTo(all / M.m_anchor / M.m_integrated / M.m_authority / M.m_disenchanted, 12);
    w.translation[0] = 0.3;
    w.line[0] = LINE.apbd;
    expect(hazardRate(w, 0)).toBeCloseTo(M.h0_other * M.m_champion * M.m_late, 12);
    w.category[0] = 2;
    expect(hazardRate(w, 0)).toBeCloseTo(M.h0_other * M.m_champion, 12);
  });

  it('late majority counts as late, early majority does not', () => {
    const w = hazardWorld();
    live(w, 1);
    w.category[1] = 3; // late majority
    expect(hazardRate(w, 1)).toBeCloseTo(M.h0_other * M.m_late, 12);
    w.category[1] = 2;
    expect(hazardRate(w, 1)).toBeCloseTo(M.h0_other, 12);
  });

  it('monthly exits follow 1 - exp(-h/12) in the middle of [0, 1], not h/12', () => {
    // An annual rate of 6: monthly probability 1 - e^(-1/2) = 0.393, far from h/12 = 0.5 and from 0 and 1.
    const list = Array.from({ length: AGENCIES }, (_, i) => opd(`o${i}`));
    const w = world({
      months: 24,
      opds: { list },
      innovations: services,
      parameters: { ...QUIET, h0_other: 6, m_unfunded: 1, m_low_T: 1, m_disenchanted: 1, m_late: 1, m_authority: 1, m_champion: 1, m_integrated: 1, m_anchor: 1 },
    });
    const size = AGENCIES * SERVICES;
    for (let i = 0; i < size; i++) live(w, i, { translation: 0.9 });
    tick(w, 3);
    discontinuance(w);
    let ended = 0;
    for (let i = 0; i < size; i++) if (w.state[i] === STATE.discontinued) ended++;
    const p = monthlyProbability(6);
    expect(p).toBeCloseTo(1 - Math.exp(-0.5), 12);
    expect(Math.abs(ended / size - p)).toBeLessThan(tolerance(p, size));
    expect(Math.abs(0.5 - p)).toBeGreaterThan(2 * tolerance(p, size));
  });
});

describe('usage update (7.5), every factor visible', () => {
  it('one step from 0.2 with integration, no line and effort, by hand', () => {
    const params = { ...QUIET, kappa: 0.3, i_gain: 0.4, unfunded_usage: 0.6, u_target: 0.6, u_fail: 0.3 };
    const w = world({ months: 24, opds: { list: [opd('a'), opd('b'), opd('c'), opd('d')] }, innovations: [services[0]!], parameters: params });
    // a: integrated, no line; b: integrated, funded; c, d: nothing live (share integrated = 2/4).
    live(w, 0, { usage: 0.2, effort: 0.03, integrated: true, line: LINE.none });
    live(w, 1, { usage: 0.2, effort: 0, integrated: true });
    tick(w, 3);
    usage(w);
    const A = (0.5 + 0.5 + (1 - 0.5) + 0.5) / 4; // PLAIN attributes
    const gain = 1 + 0.4 * 0.5;
    expect(w.usage[0]).toBeCloseTo(0.2 + 0.3 * (A * gain * 0.6 + 0.03 - 0.2), 12);
    expect(w.usage[1]).toBeCloseTo(0.2 + 0.3 * (A * gain - 0.2), 12);
    // Counters: a (0.257) below u_fail; b (0.32) below the target, above u_fail.
    expect(w.gapMonths[0]).toBe(1);
    expect(w.failMonths[0]).toBe(1);
    expect(w.gapMonths[1]).toBe(1);
    expect(w.failMonths[1]).toBe(0);
  });
});

describe('each instance reads its own agency and its own state (mutation-testing findings)', () => {
  const MANY = 400;
  const manyServices = Array.from({ length: MANY }, (_, j) => ({ id: `m${j}`, owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN }));
  const sd4 = (p: number) => tolerance(p, MANY);

  it('stage advance: a championed, capable agency 0.4, a plain one 0.1; instances not live never move', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('strong', { capacity: 1, champion: true }), opd('plain', { capacity: 0, champion: false }), opd('idle')] },
      innovations: manyServices,
      parameters: { ...QUIET, base_advance: 0.1, champion_advance: 2, reinvention_probability: 0 },
    });
    for (let j = 0; j < MANY; j++) {
      live(w, 0 * MANY + j);
      live(w, 1 * MANY + j);
      w.state[2 * MANY + j] = STATE.aware; // not live: must stay as it is
    }
    tick(w, 3);
    w.budget = 1;
    const idleBefore = [Array.from(w.stage.subarray(2 * MANY)), Array.from(w.state.subarray(2 * MANY))];
    implementation(w);
    expect([Array.from(w.stage.subarray(2 * MANY)), Array.from(w.state.subarray(2 * MANY))]).toEqual(idleBefore);
    const share = (o: number) => Array.from({ length: MANY }, (_, j) => w.stage[o * MANY + j]).filter((s) => s === STAGE.clarifying).length / MANY;
    expect(Math.abs(share(0) - 0.4)).toBeLessThan(sd4(0.4));
    expect(Math.abs(share(1) - 0.1)).toBeLessThan(sd4(0.1));
    expect(share(2)).toBe(0);
  });

  it('hazard: the champion multiplier follows the instance\'s agency when agencies run several services', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a0'), opd('a1', { champion: true })] },
      innovations: services.slice(0, 3),
      parameters: { ...QUIET, h0_other: 0.2, m_champion: 0.5, m_low_T: 1, m_unfunded: 1, m_late: 1, m_disenchanted: 1 },
    });
    for (let i = 0; i < 6; i++) live(w, i, { translation: 0.9 });
    for (let j = 0; j < 3; j++) {
      expect(hazardRate(w, 0 * 3 + j)).toBeCloseTo(0.2, 12);
      expect(hazardRate(w, 1 * 3 + j)).toBeCloseTo(0.1, 12);
    }
  });

  it('discontinuance: exits follow each agency\'s own hazard; not-live instances are left alone', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('safe', { champion: true }), opd('risky'), opd('idle')] },
      innovations: manyServices,
      parameters: { ...QUIET, h0_other: 6, m_champion: 0, m_low_T: 1, m_unfunded: 1, m_late: 1, m_disenchanted: 1 },
    });
    for (let j = 0; j < MANY; j++) {
      live(w, 0 * MANY + j, { translation: 0.9 });
      live(w, 1 * MANY + j, { translation: 0.9 });
      w.state[2 * MANY + j] = STATE.aware;
    }
    tick(w, 3);
    discontinuance(w);
    const ended = (o: number) => Array.from({ length: MANY }, (_, j) => w.state[o * MANY + j]).filter((s) => s === STATE.discontinued).length / MANY;
    expect(ended(0)).toBe(0);
    const p = monthlyProbability(6);
    expect(Math.abs(ended(1) - p)).toBeLessThan(sd4(p));
    expect(ended(2)).toBe(0);
  });

  it('the standalone ban replaces non-integrated instances at its monthly probability, not all of them', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b', { champion: true })] },
      innovations: manyServices,
      parameters: { ...QUIET, ban_replacement: 6 },
    });
    for (let j = 0; j < MANY; j++) {
      live(w, j, { translation: 0.9 });
      live(w, MANY + j, { translation: 0.9, integrated: true });
    }
    w.banActive = true;
    w.banned.fill(1);
    tick(w, 3);
    discontinuance(w);
    const replaced = Array.from({ length: MANY }, (_, j) => w.state[j]).filter((s) => s === STATE.discontinued).length / MANY;
    const p = monthlyProbability(6);
    expect(Math.abs(replaced - p)).toBeLessThan(sd4(p));
    // Integrated instances are not replaced.
    expect(Array.from({ length: MANY }, (_, j) => w.state[MANY + j]).every((s) => s === STATE.live)).toBe(true);
  });
});

describe('each instance draws with its own keys (agency id, service id)', () => {
  const K = 5;
  const few = Array.from({ length: K }, (_, j) => ({ id: `k${j}`, owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN }));
  const agencies = Array.from({ length: 6 }, (_, o) => opd(`g${o}`));

  it('stage advance: instance (o, j) advances exactly when its StageAdvance draw is below its probability', () => {
    const w = world({ months: 24, opds: { list: agencies }, innovations: few, parameters: { ...QUIET, base_advance: 0.2, reinvention_probability: 0 } });
    for (let i = 0; i < 6 * K; i++) live(w, i);
    tick(w, 4);
    w.budget = 1;
    const p = w.capacity.map((c, o) => 0.2 * (1 + c) * (w.champion[o] ? 2 : 1));
    implementation(w);
    let moved = 0;
    for (let o = 0; o < 6; o++)
      for (let j = 0; j < K; j++) {
        const u = w.streams.uniform(Process.StageAdvance, 4, w.model.opds[o]!.key, w.model.innovations[j]!.key);
        expect(w.stage[o * K + j] === STAGE.clarifying, `g${o}/k${j}`).toBe(u < p[o]!);
        if (u < p[o]!) moved++;
      }
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(6 * K);
  });

  it('hazard: instance (o, j) ends exactly when its Hazard draw is below its monthly probability', () => {
    const w = world({
      months: 24,
      opds: { list: agencies },
      innovations: few,
      parameters: { ...QUIET, h0_other: 6, m_champion: 1, m_late: 1, m_low_T: 1, m_unfunded: 1, m_disenchanted: 1 },
    });
    for (let i = 0; i < 6 * K; i++) live(w, i, { translation: 0.9 });
    tick(w, 4);
    discontinuance(w);
    const q = monthlyProbability(6);
    let ended = 0;
    for (let o = 0; o < 6; o++)
      for (let j = 0; j < K; j++) {
        const u = w.streams.uniform(Process.Hazard, 4, w.model.opds[o]!.key, w.model.innovations[j]!.key);
        expect(w.state[o * K + j] === STATE.discontinued, `g${o}/k${j}`).toBe(u < q);
        if (u < q) ended++;
      }
    expect(ended).toBeGreaterThan(0);
    expect(ended).toBeLessThan(6 * K);
  });
});
