/**
 * MODEL.md 7.4: the monthly stage-advance probability
 *   min(1, base_advance * (1 + capacity) * (champion ? 2 : 1) * (line ? 1 : unfunded_advance) * B),
 * re-invention on entering `clarifying`, and the conditions of routinization.
 * Each factor is checked by choosing base_advance so that the probability is
 * exactly 1 (every instance advances) or 0 (none does), against a control
 * with probability 1/2 (some advance, some do not).
 */
import { describe, expect, it } from 'vitest';
import { implementation } from '../../src/model/implementation.js';
import type { World } from '../../src/model/world.js';
import { LINE, PLAIN, QUIET, STAGE, STATE, at, eventRows, live, opd, tick, world } from '../support/world.js';

const N = 200;

interface Case {
  base: number;
  capacity: number;
  champion: boolean;
  line: number;
  unfunded?: number;
  budget?: number;
}

/** Runs phase 4 once on N restructuring instances set up alike; returns how many advanced. */
function advanced(c: Case): number {
  const list = Array.from({ length: N }, (_, i) => opd(`o${i}`, { capacity: c.capacity, champion: c.champion }));
  const w = world({
    months: 24,
    opds: { list },
    innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
    parameters: { ...QUIET, base_advance: c.base, unfunded_advance: c.unfunded ?? 0.2, reinvention_probability: 0 },
  });
  for (let o = 0; o < N; o++) live(w, o, { line: c.line });
  tick(w, 2);
  w.budget = c.budget ?? 1;
  implementation(w);
  let n = 0;
  for (let o = 0; o < N; o++) {
    if (w.stage[o] === STAGE.clarifying) n++;
    else expect(w.stage[o]).toBe(STAGE.restructuring);
    expect(w.state[o]).toBe(STATE.live);
  }
  return n;
}

describe('stage advance probability (7.4)', () => {
  it('control: probability 1/2 moves some instances and not others', () => {
    const n = advanced({ base: 0.5, capacity: 0, champion: false, line: LINE.apbd });
    // Binomial(200, 0.5): sd 7.1; 60..140 is beyond +-5 sd.
    expect(n).toBeGreaterThan(60);
    expect(n).toBeLessThan(140);
  });

  it.each<[string, Case, number]>([
    ['base_advance 1', { base: 1, capacity: 0, champion: false, line: LINE.apbd }, N],
    ['(1 + capacity): 0.5 * (1 + 1) = 1', { base: 0.5, capacity: 1, champion: false, line: LINE.apbd }, N],
    ['champion doubles: 0.5 * 2 = 1', { base: 0.5, capacity: 0, champion: true, line: LINE.apbd }, N],
    ['any line counts (pilot): 0.5 * 2 = 1', { base: 0.5, capacity: 0, champion: true, line: LINE.pilot }, N],
    ['no line: times unfunded_advance 0 = 0', { base: 1, capacity: 1, champion: true, line: LINE.none, unfunded: 0 }, 0],
    ['no line: 0.5 * unfunded_advance 2 = 1', { base: 0.5, capacity: 0, champion: false, line: LINE.none, unfunded: 2 }, N],
    ['a line ignores unfunded_advance: 1 * 1 = 1', { base: 1, capacity: 0, champion: false, line: LINE.apbd, unfunded: 0 }, N],
    ['B = 0 stops everything', { base: 1, capacity: 1, champion: true, line: LINE.apbd, budget: 0 }, 0],
    ['B = 2: 0.5 * 2 = 1', { base: 0.5, capacity: 0, champion: false, line: LINE.apbd, budget: 2 }, N],
    ['base_advance 0', { base: 0, capacity: 1, champion: true, line: LINE.apbd, budget: 2 }, 0],
  ])('%s', (_name, c, expected) => {
    expect(advanced(c)).toBe(expected);
  });
});

describe('re-invention on entering clarifying (7.4; Rice and Rogers 1980)', () => {
  const make = (probability: number) => {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b')] },
      innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN, compatibility: 0.6, complexity: 0.4 }],
      parameters: { ...QUIET, base_advance: 1, reinvention_probability: probability },
    });
    live(w, at(w, 'a', 'svc'));
    live(w, at(w, 'b', 'svc'));
    // b's instance was adapted before: near the bounds, so the change is clamped to [0,1].
    w.compatibility[at(w, 'b', 'svc')] = 0.95;
    w.complexity[at(w, 'b', 'svc')] = 0.05;
    tick(w, 2);
    implementation(w);
    return w;
  };

  it('with probability 1: compatibility += 0.15, complexity -= 0.1, clamped, per instance', () => {
    const w = make(1);
    const a = at(w, 'a', 'svc');
    const b = at(w, 'b', 'svc');
    expect(w.stage[a]).toBe(STAGE.clarifying);
    expect(w.compatibility[a]).toBeCloseTo(0.75, 12);
    expect(w.complexity[a]).toBeCloseTo(0.3, 12);
    expect(w.compatibility[b]).toBe(1);
    expect(w.complexity[b]).toBe(0);
    expect(w.reinvented[a]).toBe(1);
    // The innovation itself is unchanged: re-invention is the agency's own.
    expect(w.model.innovations[0]!.co).toBe(0.6);
    expect(eventRows(w).filter((e) => e.kind === 'reinvention').map((e) => e.opd)).toEqual(['a', 'b']);
  });

  it('with probability 0: nothing changes', () => {
    const w = make(0);
    const a = at(w, 'a', 'svc');
    expect(w.stage[a]).toBe(STAGE.clarifying);
    expect(w.compatibility[a]).toBe(0.6);
    expect(w.complexity[a]).toBe(0.4);
    expect(w.reinvented[a]).toBe(0);
  });
});

describe('routinization (7.4)', () => {
  /** One clarifying instance with a line and `stable` months of T >= T_stable, advance probability 1. */
  function routinizes(line: number, stable: number): World {
    const w = world({
      months: 24,
      opds: { list: [opd('a')] },
      innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET, base_advance: 1, T_stable_months: 12 },
    });
    live(w, 0, { stage: STAGE.clarifying, line, stableMonths: stable });
    tick(w, 20);
    implementation(w);
    return w;
  }

  it('needs an apbd or national line and T >= T_stable for the last T_stable_months months', () => {
    for (const line of [LINE.apbd, LINE.national]) {
      const w = routinizes(line, 12);
      expect(w.state[0]).toBe(STATE.routinized);
      expect(w.stage[0]).toBe(STAGE.routinized);
      expect(eventRows(w).map((e) => e.kind)).toContain('routinized');
    }
  });

  it.each([
    ['a pilot line', LINE.pilot, 12],
    ['no line', LINE.none, 12],
    ['11 stable months of 12', LINE.apbd, 11],
  ])('stays in clarifying with %s', (_name, line, stable) => {
    const w = routinizes(line, stable);
    expect(w.state[0]).toBe(STATE.live);
    expect(w.stage[0]).toBe(STAGE.clarifying);
  });
});
