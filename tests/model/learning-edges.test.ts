/**
 * MODEL.md 7.6 (learning loops) at the edges the cases of
 * usage-learning.test.ts do not reach: a single-loop event is a non-zero
 * change only (also without a line); "failing" is usage strictly below
 * u_fail, in failingShare() and in the share the triple loop reads; the
 * double loop's "integrate it" option with a coordinator that is the first
 * agency, and without a coordinator through the innovation's own platform
 * only while it runs; the obligatory passage point integrates future
 * instances; the city's own ban outlives a regulation change.
 */
import { describe, expect, it } from 'vitest';
import { events } from '../../src/model/events.js';
import { adopt } from '../../src/model/instances.js';
import { failingShare, implementationUsageLearning, learning } from '../../src/model/learning.js';
import { INTEGRATION, type World } from '../../src/model/world.js';
import { LINE, QUIET, at, eventRows, live, opd, tick, world } from '../support/world.js';

// RA .8, CO .6, CX .2, OB .4 (as in usage-learning.test.ts).
const X = { relative_advantage: 0.8, compatibility: 0.6, complexity: 0.2, trialability: 0.9, observability: 0.4 };

describe('single loop: only a change is an event (7.6)', () => {
  function unfunded(): World {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b'), opd('c')] },
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X }],
      parameters: { ...QUIET, unfunded_effort_decay: 0.5, alpha: 0.1, u_target: 0.6, effort_max: 0.05 },
    });
    // Without a line effort halves: 0.04 -> 0.02 is a change, 0 -> 0 is none.
    live(w, at(w, 'a', 'x'), { line: LINE.none, usage: 0.1, effort: 0.04 });
    live(w, at(w, 'b', 'x'), { line: LINE.none, usage: 0.1, effort: 0 });
    live(w, at(w, 'c', 'x'), { line: LINE.none, usage: 0.9, effort: 0 });
    return w;
  }

  it('an unfunded instance with no effort left counts no event (learning)', () => {
    const w = unfunded();
    tick(w, 2);
    learning(w);
    expect(w.effort[at(w, 'a', 'x')]).toBeCloseTo(0.02, 12);
    expect(w.effort[at(w, 'b', 'x')]).toBe(0);
    expect(w.effort[at(w, 'c', 'x')]).toBe(0);
    expect(w.counters.learningSingle).toBe(1);
  });

  it('the same in the combined pass of phases 4-6 (implementationUsageLearning)', () => {
    const w = unfunded();
    tick(w, 2);
    implementationUsageLearning(w);
    expect(w.effort[at(w, 'a', 'x')]).toBeCloseTo(0.02, 12);
    expect(w.counters.learningSingle).toBe(1);
  });
});

describe('failing means usage strictly below u_fail (7.5, 7.6)', () => {
  function twoLive(usages: [number, number], F_star: number): World {
    const w = world({
      months: 24,
      coordinator: 'kom',
      opds: { list: [opd('kom'), opd('a'), opd('b')] },
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X }],
      // kappa 0: usage (phase 5) keeps each instance's usage, so the combined pass reads it unchanged.
      parameters: { ...QUIET, u_fail: 0.3, F_star, triple_months: 1, city_reflexivity: 1, kappa: 0 },
    });
    live(w, at(w, 'a', 'x'), { usage: usages[0] });
    live(w, at(w, 'b', 'x'), { usage: usages[1] });
    return w;
  }
  const triple = (w: World) => eventRows(w).filter((e) => e.kind === 'triple_loop').map((e) => e.cause);

  it('failingShare: usage equal to u_fail is not failing', () => {
    expect(failingShare(twoLive([0.3, 0.1], 0.4))).toBe(0.5);
    expect(failingShare(twoLive([0.3 - 1e-9, 0.1], 0.4))).toBe(1);
    expect(failingShare(twoLive([0.31, 0.3], 0.4))).toBe(0);
  });

  it('the triple loop reads the same share: 1/2 is not above F_star 0.5, 2/2 is (triple_months 1)', () => {
    const atFail = twoLive([0.3, 0.1], 0.5);
    tick(atFail, 1);
    learning(atFail);
    expect(triple(atFail)).toEqual([]);

    const below = twoLive([0.29, 0.1], 0.5);
    tick(below, 1);
    learning(below);
    expect(triple(below)).toEqual(['regulation']);
  });

  it('the same in the combined pass of phases 4-6, after usage (implementationUsageLearning)', () => {
    const atFail = twoLive([0.3, 0.1], 0.5);
    tick(atFail, 1);
    implementationUsageLearning(atFail);
    expect(atFail.usage[at(atFail, 'a', 'x')]).toBe(0.3);
    expect(triple(atFail)).toEqual([]);

    const below = twoLive([0.29, 0.1], 0.5);
    tick(below, 1);
    implementationUsageLearning(below);
    expect(triple(below)).toEqual(['regulation']);
  });
});

describe('double loop, "integrate it" (7.6)', () => {
  const changes = (w: World) => eventRows(w).filter((e) => e.kind === 'double_loop').map((e) => e.cause);

  it('a coordinator listed first (agency index 0) is a city platform all the same', () => {
    const w = world({
      months: 24,
      coordinator: 'kom',
      opds: { list: [opd('kom'), opd('a', { reflexivity: 1 })] },
      innovations: [{ id: 'own', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X }],
      parameters: { ...QUIET, gap_months: 6 },
    });
    const i = at(w, 'a', 'own');
    live(w, i, { gapMonths: 6 });
    tick(w, 2);
    learning(w);
    expect(changes(w)).toEqual(['integration']);
    expect(w.integrated[i]).toBe(INTEGRATION.city);
    expect(w.reinvented[i]).toBe(0);
  });

  function platformWorld(): World {
    // No coordinator; the service's platform is the first platform (index 0), in acme's custody.
    return world({
      months: 24,
      opds: { list: [opd('a', { reflexivity: 1 }), opd('b')] },
      vendors: [{ id: 'acme' }],
      platforms: [{ id: 'cloud', custodian: 'acme' }],
      innovations: [
        { id: 'on', owner: 'opd', funding: 'apbd', platform: 'cloud', launch: '2020-01', ...X },
        { id: 'off', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X },
      ],
      parameters: { ...QUIET, gap_months: 6 },
    });
  }

  it('without a coordinator: integrated through its own platform while it runs', () => {
    const w = platformWorld();
    const i = at(w, 'a', 'on');
    live(w, i, { gapMonths: 6 });
    tick(w, 2);
    learning(w);
    expect(changes(w)).toEqual(['integration']);
    expect(w.integrated[i]).not.toBe(INTEGRATION.none);
    expect(w.reinvented[i]).toBe(0);
  });

  it('without a coordinator: a shut platform, or none, leaves re-invention', () => {
    const shut = platformWorld();
    shut.platformActive[0] = 0;
    const i = at(shut, 'a', 'on');
    live(shut, i, { gapMonths: 6 });
    tick(shut, 2);
    learning(shut);
    expect(changes(shut)).toEqual(['reinvention']);
    expect(shut.integrated[i]).toBe(INTEGRATION.none);

    const none = platformWorld(); // the platform runs, but 'off' is not on it
    const j = at(none, 'a', 'off');
    live(none, j, { gapMonths: 6 });
    tick(none, 2);
    learning(none);
    expect(changes(none)).toEqual(['reinvention']);
    expect(none.integrated[j]).toBe(INTEGRATION.none);
  });
});

describe('triple loop steps act beyond their month (7.6)', () => {
  function cityWorld(): World {
    const w = world({
      months: 24,
      coordinator: 'kom',
      opds: { list: [opd('kom'), opd('a'), opd('b'), opd('c')] },
      regulations: [{ id: 'later', from: '2020-09', strength: 0.3, anchors: ['x'] }],
      innovations: [
        { id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X },
        { id: 'y', owner: 'opd', funding: 'apbd', launch: '2020-01', ...X },
      ],
      parameters: { ...QUIET, u_fail: 0.3, F_star: 0.4, triple_months: 1, city_reflexivity: 1 },
    });
    // Everything live is failing: with triple_months 1 a step is taken every month.
    live(w, at(w, 'a', 'x'), { usage: 0 });
    live(w, at(w, 'b', 'x'), { usage: 0 });
    return w;
  }
  const triple = (w: World) => eventRows(w).filter((e) => e.kind === 'triple_loop').map((e) => e.cause);

  it('after the obligatory passage point a new instance arrives integrated into the city platform', () => {
    const w = cityWorld();
    for (let m = 1; m <= 2; m++) {
      tick(w, m);
      learning(w);
    }
    expect(triple(w)).toEqual(['regulation', 'obligatory_passage_point']);
    tick(w, 3);
    const i = at(w, 'c', 'y'); // y has no platform and no integrated_from: integrated only by the OPP
    adopt(w, i, false);
    expect(w.integrated[i]).toBe(INTEGRATION.city);
  });

  it('without the passage point a new instance of the same service arrives unintegrated (control)', () => {
    const w = cityWorld();
    tick(w, 1);
    learning(w);
    expect(triple(w)).toEqual(['regulation']);
    tick(w, 2);
    const i = at(w, 'c', 'y');
    adopt(w, i, false);
    expect(w.integrated[i]).toBe(INTEGRATION.none);
  });

  it("the city's own ban stays when a later regulation (not a ban) takes effect", () => {
    const w = cityWorld();
    for (let m = 1; m <= 3; m++) {
      tick(w, m);
      learning(w);
    }
    expect(triple(w)).toEqual(['regulation', 'obligatory_passage_point', 'ban_standalone']);
    expect(w.banActive).toBe(true);
    tick(w, 9); // 2020-09: 'later' starts, and the regulation pass recomputes the ban
    events(w);
    expect(eventRows(w).filter((e) => e.kind === 'regulation_start').map((e) => e.month)).toEqual([9]);
    expect(w.banActive).toBe(true);
  });
});
