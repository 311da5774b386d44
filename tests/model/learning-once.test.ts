/**
 * Two rules of the double loop (MODEL.md 7.6) and its neighbours:
 *
 *  - an instance is re-invented once at most ("re-invent it (once, as in
 *    7.4)"): one the double loop re-invented is not re-invented again on
 *    entering clarifying (7.4), in the phase's reference function and in the
 *    fused pass step() runs;
 *  - without a coordinator, the double loop integrates a service through
 *    its platform, and that integration ends when the platform shuts (7.1:
 *    "integration through it ends"); with a coordinator it integrates into
 *    the city, which outlives the platform.
 */
import { describe, expect, it } from 'vitest';
import { events } from '../../src/model/events.js';
import { implementation } from '../../src/model/implementation.js';
import { implementationUsageLearning, learning } from '../../src/model/learning.js';
import { INTEGRATION } from '../../src/model/world.js';
import { PLAIN, QUIET, STAGE, at, live, opd, tick, world } from '../support/world.js';

describe('re-invention happens once', () => {
  const build = () =>
    world({
      months: 24,
      opds: { list: [opd('a'), opd('b')] },
      innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      // Every live instance advances and every entry into clarifying re-invents.
      parameters: { ...QUIET, base_advance: 1, reinvention_probability: 1 },
    });
  for (const [name, phase] of [
    ['implementation()', implementation],
    ['the fused pass', implementationUsageLearning],
  ] as const) {
    it(`${name}: an instance already re-invented enters clarifying unchanged; one not yet is re-invented`, () => {
      const w = build();
      const done = at(w, 'a', 'svc');
      const fresh = at(w, 'b', 'svc');
      live(w, done, { reinvented: true });
      live(w, fresh);
      const before = [w.compatibility[done], w.complexity[done]];
      tick(w, 1);
      phase(w);
      expect([w.stage[done], w.stage[fresh]]).toEqual([STAGE.clarifying, STAGE.clarifying]);
      expect([w.compatibility[done], w.complexity[done]]).toEqual(before);
      expect(w.reinvented[fresh]).toBe(1);
      expect(w.compatibility[fresh]).not.toBe(w.compatibility[done]);
    });
  }
});

describe('the double loop integrates a service', () => {
  const build = (coordinator: boolean) =>
    world({
      months: 24,
      opds: { list: [opd('a', { reflexivity: 1 }), opd('hub')] },
      ...(coordinator && { coordinator: 'hub' }),
      vendors: [{ id: 'v' }],
      platforms: [{ id: 'plat', custodian: 'v', active_until: '2020-03' }],
      innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', platform: 'plat', ...PLAIN }],
      parameters: { ...QUIET, gap_months: 1 },
    });

  it('through its platform without a coordinator: the integration ends with the platform', () => {
    const w = build(false);
    const i = at(w, 'a', 'svc');
    live(w, i, { gapMonths: 5 });
    w.reflexivity.fill(1);
    tick(w, 1);
    learning(w);
    expect(w.integrated[i]).toBe(INTEGRATION.platform);
    tick(w, 4);
    events(w);
    expect(w.platformActive[0]).toBe(0);
    expect(w.integrated[i]).toBe(INTEGRATION.none);
  });

  it('into the city with a coordinator: the integration outlives the platform', () => {
    const w = build(true);
    const i = at(w, 'a', 'svc');
    live(w, i, { gapMonths: 5 });
    w.reflexivity.fill(1);
    tick(w, 1);
    learning(w);
    expect(w.integrated[i]).toBe(INTEGRATION.city);
    tick(w, 4);
    events(w);
    expect(w.platformActive[0]).toBe(0);
    expect(w.integrated[i]).toBe(INTEGRATION.city);
  });
});
