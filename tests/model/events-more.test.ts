/**
 * Phase 1 events (MODEL.md 7.1) that tests/model/events.test.ts leaves
 * open: champion turnover, a platform's shut ending integration through it
 * (integration into the city stays), a ban lapsing with its regulation, the
 * initial adopters at launch (eligible ones only; `state: routinized`), and
 * integration from a later month for services already live. Probabilities
 * are 0 or 1 (or rates so high that the monthly probability rounds to 1) so
 * every outcome is known by hand.
 */
import { describe, expect, it } from 'vitest';
import { events } from '../../src/model/events.js';
import { monthlyProbability } from '../../src/engine/random.js';
import { INTEGRATION, type World } from '../../src/model/world.js';
import { LINE, PLAIN, QUIET, STAGE, STATE, at, eventRows, live, opd, tick, world } from '../support/world.js';

const svc = (id: string, extra: Record<string, unknown> = {}) => ({ id, owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN, ...extra });

function runEvents(w: World, from: number, to = from): void {
  for (let m = from; m <= to; m++) {
    tick(w, m);
    events(w);
  }
}

describe('champions rotate out and emerge (7.1)', () => {
  // A yearly rate of 600 gives a monthly probability of 1 - e^-50: every draw is below it.
  it('rotation certain, emergence 0: every champion leaves in month 1, nobody becomes one', () => {
    expect(monthlyProbability(600)).toBe(1);
    const w = world({
      opds: { list: [opd('a', { champion: true }), opd('b'), opd('c', { champion: true })] },
      innovations: [svc('x')],
      parameters: { ...QUIET, champion_rotation: 600, champion_emergence: 0 },
    });
    runEvents(w, 1, 3);
    expect(Array.from(w.champion)).toEqual([0, 0, 0]);
    expect(eventRows(w).filter((e) => e.kind.startsWith('champion')).map((e) => [e.month, e.kind, e.opd])).toEqual([
      [1, 'champion_left', 'a'],
      [1, 'champion_left', 'c'],
    ]);
  });

  it('emergence certain, rotation 0: every agency without one gains a champion in month 1 and keeps it', () => {
    const w = world({
      opds: { list: [opd('a', { champion: true }), opd('b'), opd('c')] },
      innovations: [svc('x')],
      parameters: { ...QUIET, champion_rotation: 0, champion_emergence: 600 },
    });
    runEvents(w, 1, 3);
    expect(Array.from(w.champion)).toEqual([1, 1, 1]);
    expect(eventRows(w).filter((e) => e.kind.startsWith('champion')).map((e) => [e.month, e.kind, e.opd])).toEqual([
      [1, 'champion_gained', 'b'],
      [1, 'champion_gained', 'c'],
    ]);
  });

  it("a champion leaving betrays its agency's vendor pilots (betrayal 1): the pilot line is lost", () => {
    const w = world({
      opds: { list: [opd('a', { champion: true }), opd('b')] },
      vendors: [{ id: 'acme' }],
      innovations: [svc('p', { owner: 'vendor', vendor: 'acme', funding: 'pilot', pilot_months: 24 })],
      parameters: { ...QUIET, champion_rotation: 600, betrayal: 1 },
    });
    live(w, at(w, 'a', 'p'), { line: LINE.pilot });
    live(w, at(w, 'b', 'p'), { line: LINE.pilot });
    runEvents(w, 1);
    expect(w.line[at(w, 'a', 'p')]).toBe(LINE.none);
    expect(w.line[at(w, 'b', 'p')]).toBe(LINE.pilot);
    expect(eventRows(w).filter((e) => e.kind === 'betrayal').map((e) => [e.opd, e.cause])).toEqual([['a', 'champion']]);
  });
});

describe('a platform shuts after active_until', () => {
  it('integration through it ends; integration into the city and services on other platforms stay', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a'), opd('b')] },
      vendors: [{ id: 'acme' }],
      platforms: [
        { id: 'old', custodian: 'acme', active_until: '2020-03' },
        { id: 'new', custodian: 'acme' },
      ],
      innovations: [svc('x', { platform: 'old' }), svc('y', { platform: 'new' })],
      parameters: QUIET,
    });
    live(w, at(w, 'a', 'x'));
    w.integrated[at(w, 'a', 'x')] = INTEGRATION.platform;
    live(w, at(w, 'b', 'x'));
    w.integrated[at(w, 'b', 'x')] = INTEGRATION.city;
    live(w, at(w, 'a', 'y'));
    w.integrated[at(w, 'a', 'y')] = INTEGRATION.platform;
    runEvents(w, 1, 3);
    expect(Array.from(w.platformActive)).toEqual([1, 1]);
    expect(w.integrated[at(w, 'a', 'x')]).toBe(INTEGRATION.platform);
    runEvents(w, 4);
    expect(Array.from(w.platformActive)).toEqual([0, 1]);
    expect(w.integrated[at(w, 'a', 'x')]).toBe(INTEGRATION.none);
    expect(w.integrated[at(w, 'b', 'x')]).toBe(INTEGRATION.city);
    expect(w.integrated[at(w, 'a', 'y')]).toBe(INTEGRATION.platform);
    runEvents(w, 5, 6);
    expect(eventRows(w).filter((e) => e.kind === 'platform_end').map((e) => [e.month, e.cause])).toEqual([[4, 'old']]);
  });
});

describe('a ban on standalone apps', () => {
  it('is in force while its regulation is and lapses with it', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a')] },
      regulations: [{ id: 'perpres', from: '2020-03', to: '2020-05', strength: 0.5, bans_standalone: true }],
      innovations: [svc('x')],
      parameters: QUIET,
    });
    const ban: boolean[] = [];
    for (let m = 1; m <= 8; m++) {
      runEvents(w, m);
      ban.push(w.banActive);
    }
    expect(ban).toEqual([false, false, true, true, true, false, false, false]);
    // Taking effect, it also asks the city for its triple loop (7.6).
    expect(w.triplePending).toBe(true);
  });

  it("a city's own ban (triple loop) outlives the regulation", () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a')] },
      regulations: [{ id: 'perpres', from: '2020-03', to: '2020-05', strength: 0.5, bans_standalone: true }],
      innovations: [svc('x')],
      parameters: QUIET,
    });
    runEvents(w, 1, 4);
    w.cityBan = true;
    runEvents(w, 5, 8);
    expect(w.banActive).toBe(true);
  });

  it('a regulation without a ban never sets it', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a')] },
      regulations: [{ id: 'perwal', from: '2020-02', to: '2020-05', strength: 0.5, anchors: ['x'] }],
      innovations: [svc('x')],
      parameters: QUIET,
    });
    for (let m = 1; m <= 8; m++) {
      runEvents(w, m);
      expect(w.banActive, `month ${m}`).toBe(false);
    }
    expect(w.triplePending).toBe(false);
  });
});

describe('initial adopters at launch', () => {
  it('adopt in the launch month, eligible ones only; routinized ones start routinized; others live in restructuring', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a', { type: 'dinas' }), opd('b', { type: 'badan' }), opd('c', { type: 'dinas' }), opd('d', { type: 'dinas' })] },
      innovations: [svc('x', { launch: '2020-03', eligible: ['dinas'] }), svc('y', { launch: '2020-05' })],
      initial_adopters: [
        { innovation: 'x', opds: ['a', 'b'] },
        { innovation: 'x', opds: ['c'], state: 'routinized' },
        { innovation: 'y', opds: ['d'] },
      ],
      parameters: QUIET,
    });
    const states = (inn: string) => ['a', 'b', 'c', 'd'].map((id) => w.state[at(w, id, inn)]);
    runEvents(w, 1, 2);
    expect(states('x')).toEqual([STATE.unaware, STATE.unaware, STATE.unaware, STATE.unaware]);
    runEvents(w, 3);
    expect(states('x')).toEqual([STATE.live, STATE.unaware, STATE.routinized, STATE.unaware]);
    // Each list adopts its own innovation only, at that innovation's launch; not by authority.
    expect(states('y')).toEqual([STATE.unaware, STATE.unaware, STATE.unaware, STATE.unaware]);
    expect(w.authority[at(w, 'a', 'x')]).toBe(0);
    runEvents(w, 4, 5);
    expect(states('y')).toEqual([STATE.unaware, STATE.unaware, STATE.unaware, STATE.live]);
    expect(states('x')).toEqual([STATE.live, STATE.unaware, STATE.routinized, STATE.unaware]);
    expect(w.stage[at(w, 'a', 'x')]).toBe(STAGE.restructuring);
    expect(w.stage[at(w, 'c', 'x')]).toBe(STAGE.routinized);
    expect(w.adoptedAt[at(w, 'a', 'x')]).toBe(3);
    expect(eventRows(w).filter((e) => e.kind === 'launch').map((e) => [e.month, e.innovation])).toEqual([[3, 'x'], [5, 'y']]);
  });
});

describe('integrated_from after the launch', () => {
  it('the instances live in that month integrate then (into the city without a platform); earlier months they are not', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a'), opd('b')] },
      innovations: [svc('x', { launch: '2020-01', integrated_from: '2020-04' })],
      parameters: QUIET,
    });
    runEvents(w, 1);
    live(w, at(w, 'a', 'x'));
    runEvents(w, 2, 3);
    expect(w.integrated[at(w, 'a', 'x')]).toBe(INTEGRATION.none);
    runEvents(w, 4);
    expect(w.integrated[at(w, 'a', 'x')]).toBe(INTEGRATION.city);
    expect(w.integrated[at(w, 'b', 'x')]).toBe(INTEGRATION.none);
  });

  it('on a platform that is running: integrated through the platform', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a'), opd('b')] },
      vendors: [{ id: 'acme' }],
      platforms: [{ id: 'cloud', custodian: 'acme' }],
      innovations: [svc('x', { launch: '2020-01', integrated_from: '2020-04', platform: 'cloud' })],
      parameters: QUIET,
    });
    runEvents(w, 1);
    live(w, at(w, 'a', 'x'));
    live(w, at(w, 'b', 'x'));
    // b was integrated into the city already (a double loop, say): integrated_from leaves it so.
    w.integrated[at(w, 'b', 'x')] = INTEGRATION.city;
    runEvents(w, 2, 4);
    expect(w.integrated[at(w, 'a', 'x')]).toBe(INTEGRATION.platform);
    expect(w.integrated[at(w, 'b', 'x')]).toBe(INTEGRATION.city);
  });
});
