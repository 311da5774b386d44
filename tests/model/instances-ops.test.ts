/**
 * The shared instance operations of src/model/instances.ts, called directly on
 * hand-built worlds: adopt() (MODEL.md 7.3: integration on arrival from
 * `integrated_from` on, through the platform while it runs; the first
 * adoption month kept; the month's counters), discontinue() (only a live
 * instance ends) and betray() (MODEL.md 7.7: only a live instance with a
 * line, only a vendor pilot line or a leader's sole sponsorship; draws keyed
 * by the departing actor).
 */
import { describe, expect, it } from 'vitest';
import { adopt, betray, discontinue } from '../../src/model/instances.js';
import { CAUSE, INTEGRATION, type World } from '../../src/model/world.js';
import { CATEGORIES } from '../../src/scenario/vocabulary.js';
import { LINE, PLAIN, QUIET, STATE, at, eventRows, live, opd, tick, world } from '../support/world.js';

describe('adopt (7.3)', () => {
  function city(): World {
    return world({
      months: 24,
      opds: { list: [opd('a'), opd('b'), opd('c', { theta: 0.9 })] },
      vendors: [{ id: 'acme' }],
      platforms: [{ id: 'cloud', custodian: 'acme' }],
      innovations: [
        { id: 'own', owner: 'opd', funding: 'apbd', integrated_from: '2020-03', launch: '2020-01', ...PLAIN },
        { id: 'plat', owner: 'opd', funding: 'apbd', platform: 'cloud', integrated_from: '2020-03', launch: '2020-01', ...PLAIN },
        { id: 'never', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
      ],
      parameters: { ...QUIET },
    });
  }

  it('integrated from the month integrated_from names, not the month before', () => {
    const w = city();
    tick(w, 2);
    adopt(w, at(w, 'a', 'own'), false);
    adopt(w, at(w, 'a', 'plat'), false);
    expect(w.integrated[at(w, 'a', 'own')]).toBe(INTEGRATION.none);
    expect(w.integrated[at(w, 'a', 'plat')]).toBe(INTEGRATION.none);
    tick(w, 3);
    adopt(w, at(w, 'b', 'own'), false);
    adopt(w, at(w, 'b', 'plat'), false);
    adopt(w, at(w, 'b', 'never'), false);
    // No platform: into the city's; with a running platform: through it; no integrated_from: never.
    expect(w.integrated[at(w, 'b', 'own')]).toBe(INTEGRATION.city);
    expect(w.integrated[at(w, 'b', 'plat')]).toBe(INTEGRATION.platform);
    expect(w.integrated[at(w, 'b', 'never')]).toBe(INTEGRATION.none);
  });

  it('through a shut platform: not integrated', () => {
    const w = city();
    w.platformActive[0] = 0;
    tick(w, 5);
    adopt(w, at(w, 'a', 'plat'), false);
    expect(w.integrated[at(w, 'a', 'plat')]).toBe(INTEGRATION.none);
  });

  it("an agency's and an innovation's first adoption month is the first, not the latest", () => {
    const w = city();
    tick(w, 2);
    adopt(w, at(w, 'a', 'own'), false);
    tick(w, 5);
    adopt(w, at(w, 'a', 'never'), false);
    adopt(w, at(w, 'b', 'own'), false);
    const a = w.model.opds.findIndex((o) => o.id === 'a');
    const b = w.model.opds.findIndex((o) => o.id === 'b');
    expect([w.firstAdoption[a], w.firstAdoption[b]]).toEqual([2, 5]);
    expect(Array.from(w.firstAdopted)).toEqual([2, -1, 5]);
  });

  it("counts the month's adoptions by the agency's category", () => {
    const w = city();
    tick(w, 2);
    const c = w.model.opds.findIndex((o) => o.id === 'c');
    adopt(w, at(w, 'c', 'own'), false);
    adopt(w, at(w, 'c', 'never'), true);
    expect(w.counters.newAdoptions).toBe(2);
    const byCategory = Array.from(w.counters.adoptionsByCategory);
    expect(byCategory[w.category[c]!]).toBe(2);
    expect(byCategory.reduce((x, y) => x + y, 0)).toBe(2);
    // theta 0.9 with theta_mean 0.5, theta_sd 0.15: z = 2.67, a laggard.
    expect(CATEGORIES[w.category[c]!]).toBe('laggard');
  });
});

describe('discontinue', () => {
  it('ends a live instance once: a second call on the ended instance changes nothing', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a')] },
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET },
    });
    const i = at(w, 'a', 'x');
    live(w, i);
    tick(w, 4);
    discontinue(w, i, 'hazard');
    tick(w, 6);
    discontinue(w, i, 'defunded');
    expect(w.state[i]).toBe(STATE.discontinued);
    expect(w.cause[i]).toBe(CAUSE.hazard);
    expect(w.endedAt[i]).toBe(4);
    expect(w.lastEnded[0]).toBe(4);
    expect(w.counters.discontinuedByCause[CAUSE.defunded]).toBe(0);
    expect(eventRows(w).filter((e) => e.kind === 'discontinuance').map((e) => [e.month, e.cause])).toEqual([[4, 'hazard']]);
  });
});

describe('betray (7.7)', () => {
  const betrayals = (w: World) => eventRows(w).filter((e) => e.kind === 'betrayal').map((e) => `${e.opd}/${e.innovation}/${e.cause}`);

  function city(betrayal = 1): World {
    return world({
      months: 24,
      opds: { list: [opd('a'), opd('b')] },
      vendors: [{ id: 'acme' }],
      innovations: [
        { id: 'own', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
        { id: 'app', owner: 'vendor', vendor: 'acme', funding: 'pilot', pilot_months: 12, launch: '2020-01', ...PLAIN },
        { id: 'diy', owner: 'opd', funding: 'pilot', pilot_months: 12, launch: '2020-01', ...PLAIN },
      ],
      parameters: { ...QUIET, betrayal },
    });
  }

  it('a vendor pilot line is lost (betrayal 1; an innovation other than the first, agency other than the first)', () => {
    const w = city();
    tick(w, 3);
    live(w, at(w, 'b', 'app'), { line: LINE.pilot });
    betray(w, at(w, 'b', 'app'), 'vendor_exit');
    expect(w.line[at(w, 'b', 'app')]).toBe(LINE.none);
    expect(betrayals(w)).toEqual(['b/app/vendor_exit']);
  });

  it('a pilot line of a service with no vendor is not a vendor pilot line', () => {
    const w = city();
    tick(w, 3);
    live(w, at(w, 'b', 'diy'), { line: LINE.pilot });
    betray(w, at(w, 'b', 'diy'), 'champion');
    betray(w, at(w, 'b', 'diy'), 'leader', true); // owned by the agency (in its plan): not the leader's only sponsorship
    expect(w.line[at(w, 'b', 'diy')]).toBe(LINE.pilot);
    expect(betrayals(w)).toEqual([]);
  });

  it('a leader leaving betrays only where it was the only sponsor: not when the agency owns the vendor service', () => {
    const w = city();
    tick(w, 3);
    const owned = at(w, 'a', 'app');
    const notOwned = at(w, 'b', 'app');
    live(w, owned, { line: LINE.apbd, owned: true });
    live(w, notOwned, { line: LINE.apbd });
    betray(w, owned, 'leader', true);
    betray(w, notOwned, 'leader', true);
    expect(w.line[owned]).toBe(LINE.apbd);
    expect(w.line[notOwned]).toBe(LINE.none);
    expect(betrayals(w)).toEqual(['b/app/leader']);
  });

  it('another actor leaving is not a leader: an apbd line of a vendor service stays', () => {
    const w = city();
    tick(w, 3);
    const i = at(w, 'b', 'app');
    live(w, i, { line: LINE.apbd });
    betray(w, i, 'champion');
    expect(w.line[i]).toBe(LINE.apbd);
    expect(betrayals(w)).toEqual([]);
  });

  it('nothing to lose: a live instance without a line is not betrayed (no event)', () => {
    const w = city();
    tick(w, 3);
    const i = at(w, 'b', 'app');
    live(w, i, { line: LINE.none });
    betray(w, i, 'leader', true);
    expect(betrayals(w)).toEqual([]);
  });

  it('the draws are keyed by the departing actor: two actors give independent outcomes (betrayal 1/2)', () => {
    const many = () =>
      world({
        months: 24,
        opds: { list: Array.from({ length: 60 }, (_, o) => opd(`o${o}`)) },
        vendors: [{ id: 'acme' }],
        innovations: [{ id: 'app', owner: 'vendor', vendor: 'acme', funding: 'pilot', pilot_months: 12, launch: '2020-01', ...PLAIN }],
        parameters: { ...QUIET, betrayal: 0.5 },
      });
    const lost = (actor: string) => {
      const w = many();
      tick(w, 3);
      for (let o = 0; o < w.n; o++) live(w, o, { line: LINE.pilot });
      for (let o = 0; o < w.n; o++) betray(w, o, actor);
      return Array.from({ length: w.n }, (_, o) => (w.line[o] === LINE.none ? 1 : 0));
    };
    const exit = lost('vendor_exit');
    const platform = lost('platform_shut');
    // Binomial(60, 1/2) each: 30 +- 3.9; 12..48 is over 4.6 sd either way.
    for (const x of [exit, platform]) {
      const count = x.reduce((a: number, b) => a + b, 0);
      expect(count).toBeGreaterThanOrEqual(12);
      expect(count).toBeLessThanOrEqual(48);
    }
    // The same draws would give the same 60 outcomes; independent ones differ (chance 2^-60 of agreeing).
    expect(exit).not.toEqual(platform);
    // and the same actor gives the same outcomes (keyed, not sequential)
    expect(lost('vendor_exit')).toEqual(exit);
  });
});
