/**
 * MODEL.md 7.5 (usage) and 7.6 (single, double and triple learning loops) on
 * hand-computed cases.
 */
import { describe, expect, it } from 'vitest';
import { usage, integratedShare } from '../../src/model/usage.js';
import { failingShare, learning } from '../../src/model/learning.js';
import { CAUSE, type World } from '../../src/model/world.js';
import { LINE, QUIET, STATE, at, eventRows, live, opd, tick, world } from '../support/world.js';
import { INTEGRATION } from '../../src/model/world.js';

// RA .8, CO .6, CX .2, OB .4: A = (.8 + .6 + (1 - .2) + .4) / 4 = 0.65 (trialability does not enter).
const X = { relative_advantage: 0.8, compatibility: 0.6, complexity: 0.2, trialability: 0.9, observability: 0.4 };

describe('usage (7.5)', () => {
  function usageWorld(): World {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b'), opd('c'), opd('d')] },
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X }],
      parameters: { ...QUIET, kappa: 0.1, i_gain: 0.5, unfunded_usage: 0.5, u_target: 0.6, u_fail: 0.3 },
    });
    // a: integrated, funded, usage 0.2, effort 0.03; counters 2 (gap) and 5 (failing).
    live(w, at(w, 'a', 'x'), { integrated: true, line: LINE.apbd, usage: 0.2, effort: 0.03, gapMonths: 2, failMonths: 5 });
    // b: not integrated, no line, usage 0.5; failing counter 4.
    live(w, at(w, 'b', 'x'), { line: LINE.none, usage: 0.5, effort: 0, gapMonths: 1, failMonths: 4 });
    // c: funded, re-invented instance (compatibility 1, complexity 0).
    live(w, at(w, 'c', 'x'), { line: LINE.apbd, usage: 0.5, effort: 0 });
    w.compatibility[at(w, 'c', 'x')] = 1;
    w.complexity[at(w, 'c', 'x')] = 0;
    // d: not live.
    tick(w, 3);
    return w;
  }

  it('share_integrated = agencies with a live integrated instance / all agencies', () => {
    expect(integratedShare(usageWorld())).toBe(1 / 4);
  });

  it('usage <- clamp(usage + kappa (A + effort - usage)), one step, exact', () => {
    const w = usageWorld();
    usage(w);
    // a: A = 0.65 * (1 + 0.5 * 1/4) = 0.73125; 0.2 + 0.1 * (0.73125 + 0.03 - 0.2) = 0.256125.
    expect(w.usage[at(w, 'a', 'x')]).toBeCloseTo(0.256125, 12);
    // b: A = 0.65 * 0.5 (no line) = 0.325; 0.5 + 0.1 * (0.325 - 0.5) = 0.4825.
    expect(w.usage[at(w, 'b', 'x')]).toBeCloseTo(0.4825, 12);
    // c: A = (.8 + 1 + 1 + .4) / 4 = 0.8; 0.5 + 0.1 * 0.3 = 0.53.
    expect(w.usage[at(w, 'c', 'x')]).toBeCloseTo(0.53, 12);
    // d is not live: untouched.
    expect(w.usage[at(w, 'd', 'x')]).toBe(0);
  });

  it('counts consecutive months below u_target (gap) and below u_fail (failing)', () => {
    const w = usageWorld();
    usage(w);
    // a: 0.256 < 0.3 < 0.6: both counters go on.
    expect(w.gapMonths[at(w, 'a', 'x')]).toBe(3);
    expect(w.failMonths[at(w, 'a', 'x')]).toBe(6);
    // b: 0.4825 < 0.6 but >= 0.3: gap goes on, the failing run restarts.
    expect(w.gapMonths[at(w, 'b', 'x')]).toBe(2);
    expect(w.failMonths[at(w, 'b', 'x')]).toBe(0);
  });

  it('clamps usage to 1 and resets the gap counter at the target', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a')] },
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', relative_advantage: 1, compatibility: 1, complexity: 0, trialability: 1, observability: 1 }],
      parameters: { ...QUIET, kappa: 1, i_gain: 0.5 },
    });
    live(w, 0, { integrated: true, usage: 0.9, effort: 0.05, gapMonths: 7, failMonths: 0 });
    tick(w, 2);
    usage(w); // A = 1 * (1 + 0.5 * 1) = 1.5; 0.9 + 1 * (1.55 - 0.9) = 1.55 -> 1
    expect(w.usage[0]).toBe(1);
    expect(w.gapMonths[0]).toBe(0);
  });
});

describe('single loop (7.6)', () => {
  it('effort <- clamp(effort + alpha (u_target - usage), 0, effort_max) with a line; halved without', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b'), opd('c'), opd('d'), opd('e')] },
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X }],
      parameters: { ...QUIET, alpha: 0.1, u_target: 0.6, effort_max: 0.05 },
    });
    live(w, at(w, 'a', 'x'), { usage: 0.4, effort: 0.01 }); // 0.01 + 0.1 * 0.2 = 0.03
    live(w, at(w, 'b', 'x'), { usage: 0.0, effort: 0.01 }); // 0.01 + 0.06 = 0.07 -> 0.05
    live(w, at(w, 'c', 'x'), { usage: 0.9, effort: 0.01 }); // 0.01 - 0.03 < 0 -> 0
    live(w, at(w, 'd', 'x'), { usage: 0.6, effort: 0.02 }); // at the target: no change
    tick(w, 2);
    learning(w);
    expect(w.effort[at(w, 'a', 'x')]).toBeCloseTo(0.03, 12);
    expect(w.effort[at(w, 'b', 'x')]).toBe(0.05);
    expect(w.effort[at(w, 'c', 'x')]).toBe(0);
    expect(w.effort[at(w, 'd', 'x')]).toBe(0.02);
    // Three non-zero changes, three single-loop events (a count, not event rows).
    expect(w.counters.learningSingle).toBe(3);
    expect(eventRows(w).filter((e) => e.loop === 'single')).toEqual([]);

    live(w, at(w, 'e', 'x'), { line: LINE.none, usage: 0.1, effort: 0.04 });
    tick(w, 3);
    learning(w);
    expect(w.effort[at(w, 'e', 'x')]).toBeCloseTo(0.02, 12);
  });
});

describe('double loop (7.6): ownership -> integration -> re-invention -> replacement', () => {
  const vendorApp = {
    id: 'app',
    owner: 'vendor' as const,
    vendor: 'acme',
    funding: 'pilot' as const,
    pilot_months: 24,
    launch: '2020-01',
    ...X,
  };

  function doubleWorld(opts: { coordinator: boolean; reflexivity?: number }): World {
    return world({
      months: 48,
      ...(opts.coordinator && { coordinator: 'kom' }),
      opds: { list: [opd('a', { reflexivity: opts.reflexivity ?? 1 }), opd('kom')] },
      vendors: [{ id: 'acme' }],
      innovations: [vendorApp, { id: 'own', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X }],
      parameters: { ...QUIET, gap_months: 6, reinvent_compatibility: 0.15, reinvent_complexity: -0.1 },
    });
  }

  const changes = (w: World) => eventRows(w).filter((e) => e.kind === 'double_loop');

  it('with reflexivity 1, each trigger takes the first feasible option, in order', () => {
    const w = doubleWorld({ coordinator: true });
    const i = at(w, 'a', 'app');
    live(w, i, { line: LINE.pilot, gapMonths: 6 });
    const expected = ['ownership', 'integration', 'reinvention', 'replacement'];
    expected.forEach((change, round) => {
      tick(w, 2 + round);
      w.gapMonths[i] = 6;
      learning(w);
      expect(changes(w).map((e) => e.cause)).toEqual(expected.slice(0, round + 1));
      expect(w.counters.learningDouble).toBe(1);
      expect(w.gapMonths[i]).toBe(0); // the gap counter restarts
    });
    expect(w.owned[i]).toBe(1);
    expect(w.integrated[i]).toBe(INTEGRATION.city);
    expect(w.reinvented[i]).toBe(1);
    expect(w.compatibility[i]).toBeCloseTo(0.75, 12);
    expect(w.complexity[i]).toBeCloseTo(0.1, 12);
    expect(w.state[i]).toBe(STATE.discontinued);
    expect(w.cause[i]).toBe(CAUSE.replacement);
    expect(changes(w).every((e) => e.loop === 'double' && e.opd === 'a' && e.innovation === 'app')).toBe(true);
  });

  it('ownership needs a line; integration needs a city platform (coordinator) or the innovation platform', () => {
    const noLine = doubleWorld({ coordinator: true });
    live(noLine, at(noLine, 'a', 'app'), { line: LINE.none, gapMonths: 6 });
    tick(noLine, 2);
    learning(noLine);
    expect(changes(noLine).map((e) => e.cause)).toEqual(['integration']);
    expect(noLine.owned[at(noLine, 'a', 'app')]).toBe(0);

    // Owned by the agency, no coordinator and no platform: re-invention comes first.
    const noPlatform = doubleWorld({ coordinator: false });
    live(noPlatform, at(noPlatform, 'a', 'own'), { gapMonths: 6 });
    tick(noPlatform, 2);
    learning(noPlatform);
    expect(changes(noPlatform).map((e) => e.cause)).toEqual(['reinvention']);
    expect(noPlatform.integrated[at(noPlatform, 'a', 'own')]).toBe(0);
  });

  it('needs gap_months gap months; with reflexivity 0 nothing changes but the counter restarts', () => {
    const short = doubleWorld({ coordinator: true });
    live(short, at(short, 'a', 'app'), { line: LINE.pilot, gapMonths: 5 });
    tick(short, 2);
    learning(short);
    expect(changes(short)).toEqual([]);
    expect(short.gapMonths[at(short, 'a', 'app')]).toBe(5);

    const rigid = doubleWorld({ coordinator: true, reflexivity: 0 });
    live(rigid, at(rigid, 'a', 'app'), { line: LINE.pilot, gapMonths: 6 });
    tick(rigid, 2);
    learning(rigid);
    expect(changes(rigid)).toEqual([]);
    expect(rigid.owned[at(rigid, 'a', 'app')]).toBe(0);
    expect(rigid.gapMonths[at(rigid, 'a', 'app')]).toBe(0);
  });
});

describe('triple loop (7.6)', () => {
  function tripleWorld(cityReflexivity: number, failing: number, healthy: number): World {
    const list = Array.from({ length: failing + healthy + 1 }, (_, i) => opd(`o${i}`));
    const w = world({
      months: 48,
      coordinator: 'o0',
      opds: { list },
      innovations: [
        { id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X },
        { id: 'y', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X },
      ],
      parameters: { ...QUIET, F_star: 0.4, triple_months: 3, city_reflexivity: cityReflexivity, triple_strength: 0.5, u_fail: 0.3 },
    });
    // Live instances of x only; o0 is the coordinator with none.
    for (let o = 1; o <= failing + healthy; o++) live(w, at(w, `o${o}`, 'x'), { usage: o <= failing ? 0 : 0.5, gapMonths: 0 });
    return w;
  }
  const tripleEvents = (w: World) => eventRows(w).filter((e) => e.kind === 'triple_loop');

  it('failing share > F_star for triple_months months, city_reflexivity 1: enacts, then the OPP, then the ban', () => {
    const w = tripleWorld(1, 2, 0);
    expect(failingShare(w)).toBe(1);
    for (let m = 1; m <= 2; m++) {
      tick(w, m);
      learning(w);
    }
    expect(tripleEvents(w)).toEqual([]);
    tick(w, 3);
    learning(w);
    expect(tripleEvents(w)).toEqual([{ month: 3, kind: 'triple_loop', opd: '', innovation: '', loop: 'triple', cause: 'regulation' }]);
    expect(w.counters.learningTriple).toBe(1);
    // The regulation anchors every innovation with live instances (x, not y), for every agency,
    // with strength triple_strength, and requires a budget line.
    for (let o = 0; o < w.n; o++) {
      expect(w.anchored[o * w.k + 0]).toBe(1);
      expect(w.anchored[o * w.k + 1]).toBe(0);
      expect(w.mandateBudget[o * w.k + 0]).toBe(0.5);
      expect(w.mandateFree[o * w.k + 0]).toBe(0);
    }

    for (let m = 4; m <= 6; m++) {
      tick(w, m);
      learning(w);
    }
    expect(tripleEvents(w).map((e) => e.cause)).toEqual(['regulation', 'obligatory_passage_point']);
    expect(w.integrated[at(w, 'o1', 'x')]).toBe(INTEGRATION.city);
    expect(w.integrated[at(w, 'o2', 'x')]).toBe(INTEGRATION.city);
    expect(w.banActive).toBe(false);

    for (let m = 7; m <= 20; m++) {
      tick(w, m);
      learning(w);
    }
    // Three rule changes, then nothing further.
    expect(tripleEvents(w).map((e) => [e.month, e.cause])).toEqual([
      [3, 'regulation'],
      [6, 'obligatory_passage_point'],
      [9, 'ban_standalone'],
    ]);
    expect(w.banActive).toBe(true);
  });

  it('nothing with city_reflexivity 0, or when the failing share is exactly F_star', () => {
    const rigid = tripleWorld(0, 2, 0);
    const boundary = tripleWorld(1, 2, 3); // 2 / 5 = 0.4, not > 0.4
    expect(failingShare(boundary)).toBe(0.4);
    for (const w of [rigid, boundary]) {
      for (let m = 1; m <= 24; m++) {
        tick(w, m);
        learning(w);
      }
      expect(tripleEvents(w)).toEqual([]);
      expect(w.extraRegulations).toEqual([]);
    }
  });
});
