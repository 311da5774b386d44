/**
 * Phase 1 events (MODEL.md 7.1): timing and scope that the other event
 * tests leave open, each against a hand count:
 *  - a first leader who takes office after month 1 arrives then (a
 *    scheduled change to leader 0), and the event rows name nobody else;
 *  - random successions happen at the monthly probability 1 - e^(-h/12);
 *  - regulations starting in the last month, ending the month before it,
 *    or ending in a month another starts;
 *  - budget shocks are logged when they start and end;
 *  - the pilot-end pass decides pilots only, in their month;
 *  - a vendor's exit acts on its own services and platforms only, with one
 *    keyed draw per instance (recounted from the streams).
 */
import { describe, expect, it } from 'vitest';
import { events } from '../../src/model/events.js';
import { monthlyProbability } from '../../src/engine/random.js';
import { Process } from '../../src/model/processes.js';
import type { World } from '../../src/model/world.js';
import { LINE, PLAIN, QUIET, STATE, at, eventRows, live, opd, tick, world } from '../support/world.js';

const svc = (id: string, extra: Record<string, unknown> = {}) => ({ id, owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN, ...extra });

function runEvents(w: World, from: number, to = from): void {
  for (let m = from; m <= to; m++) {
    tick(w, m);
    events(w);
  }
}
const kinds = (w: World, prefix: string) => eventRows(w).filter((e) => e.kind.startsWith(prefix));

describe('leaders', () => {
  it('a first leader taking office in month 3 arrives then: vacant before, the change logged with their id', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a'), opd('b')] },
      leaders: [
        { id: 'first', from: '2020-03', to: '2020-05', commitment: 0.7 },
        { id: 'second', from: '2020-08', commitment: 0.4 },
      ],
      innovations: [svc('x')],
      parameters: QUIET,
    });
    expect(w.vacant).toBe(true);
    runEvents(w, 1, 2);
    expect(w.leader).toBe(-1);
    runEvents(w, 3);
    expect([w.leader, w.vacant, w.commitment]).toEqual([0, false, 0.7]);
    runEvents(w, 4, 8);
    expect(kinds(w, 'leader')).toEqual([
      { month: 3, kind: 'leadership_change', opd: '', innovation: '', loop: '', cause: 'first' },
      { month: 6, kind: 'leader_vacancy', opd: '', innovation: '', loop: '', cause: 'first' },
      { month: 8, kind: 'leadership_change', opd: '', innovation: '', loop: '', cause: 'second' },
    ]);
  });

  it('random successions at leader_hazard h happen with monthly probability 1 - e^(-h/12)', () => {
    const months = 240;
    const h = 3;
    const w = world({ months, opds: { list: [opd('a')] }, innovations: [svc('x')], parameters: { ...QUIET, leader_hazard: h } });
    runEvents(w, 1, months);
    const changes = kinds(w, 'leadership_change');
    // Binomial(239, 0.2212) (month 1 has no succession check of its own here but is drawn too): mean about 53, SD 6.4; 4 SD.
    const p = monthlyProbability(h);
    expect(Math.abs(changes.length - months * p)).toBeLessThan(4 * Math.sqrt(months * p * (1 - p)) + 1);
    expect(changes.every((e) => e.cause === 'random')).toBe(true);
  });

  it("a change that ends the only sponsorship betrays the service's line (betrayal 1), logged with actor leader", () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a')] },
      leaders: [
        { id: 'm1', from: '2020-01', commitment: 0.8, sponsors: ['x'] },
        { id: 'm2', from: '2020-03', commitment: 0.3 },
      ],
      vendors: [{ id: 'acme' }],
      innovations: [svc('x', { owner: 'vendor', vendor: 'acme' })],
      parameters: { ...QUIET, sponsor_continuity: 0, leader_shock: 0, betrayal: 1 },
    });
    runEvents(w, 1);
    live(w, at(w, 'a', 'x'));
    runEvents(w, 2, 3);
    expect(w.line[at(w, 'a', 'x')]).toBe(LINE.none);
    expect(kinds(w, 'betrayal')).toEqual([{ month: 3, kind: 'betrayal', opd: 'a', innovation: 'x', loop: '', cause: 'leader' }]);
  });
});

describe('regulation months', () => {
  it('one starting in the last month, one ending the month before it, one ending as another starts', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a')] },
      regulations: [
        { id: 'last', from: '2020-12', strength: 0.5, anchors: ['x'] },
        { id: 'until-nov', from: '2020-02', to: '2020-11', strength: 0.5, anchors: ['y'] },
        { id: 'ends-in-5', from: '2020-02', to: '2020-05', strength: 0.5, anchors: ['z'] },
        { id: 'starts-in-5', from: '2020-05', strength: 0.5, anchors: ['x'] },
      ],
      innovations: [svc('x'), svc('y'), svc('z')],
      parameters: QUIET,
    });
    const active: string[] = [];
    for (let m = 1; m <= 12; m++) {
      runEvents(w, m);
      active.push(Array.from(w.regulationActive).join(''));
    }
    expect(active).toEqual(['0000', '0110', '0110', '0110', '0111', '0101', '0101', '0101', '0101', '0101', '0101', '1001']);
  });
});

describe('budget shocks', () => {
  it('logged at the start (with B) and at the end (B back to 1)', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a')] },
      budget_shocks: [{ from: '2020-03', to: '2020-05', factor: 0.7 }],
      innovations: [svc('x')],
      parameters: QUIET,
    });
    const b: number[] = [];
    for (let m = 1; m <= 8; m++) {
      runEvents(w, m);
      b.push(w.budget);
    }
    expect(b).toEqual([1, 1, 0.7, 0.7, 0.7, 1, 1, 1]);
    expect(kinds(w, 'budget_shock')).toEqual([
      { month: 3, kind: 'budget_shock_start', opd: '', innovation: '', loop: '', cause: '0.7' },
      { month: 6, kind: 'budget_shock_end', opd: '', innovation: '', loop: '', cause: '1' },
    ]);
  });
});

describe('pilot ends', () => {
  it.each([
    ['take-over', { takeover_opd: 1 }, 'pilot_takeover'],
    ['withdrawal', { takeover_opd: 0, pilot_discontinue: 1 }, 'pilot_withdrawn'],
    ['lapse', { takeover_opd: 0, pilot_discontinue: 0 }, 'pilot_lapsed'],
  ])('%s: decided for the pilot in its end month only, not for a service launched that month', (_, params, kind) => {
    const w = world({
      months: 24,
      opds: { list: [opd('a')] },
      innovations: [svc('p', { funding: 'pilot', pilot_months: 6 }), svc('x', { launch: '2020-07' })],
      parameters: { ...QUIET, ...params },
    });
    runEvents(w, 1, 12);
    expect(kinds(w, 'pilot')).toEqual([{ month: 7, kind, opd: '', innovation: 'p', loop: '', cause: '' }]);
  });
});

describe('vendor exits', () => {
  function twoVendors(discontinue: number, betrayal = 0): World {
    const ids = Array.from({ length: 40 }, (_, i) => `a${i}`);
    const w = world({
      months: 24,
      opds: { list: ids.map((id) => opd(id)) },
      vendors: [
        { id: 'acme', contract_end: '2020-04' },
        { id: 'bolt', contract_end: '2020-09' },
      ],
      platforms: [
        { id: 'acme-cloud', custodian: 'acme' },
        { id: 'bolt-cloud', custodian: 'bolt' },
      ],
      innovations: [
        // acme's service second, so that its instance index o * k + k differs from o * k (k = 1).
        svc('vb', { owner: 'vendor', vendor: 'bolt', funding: 'pilot', pilot_months: 24, platform: 'bolt-cloud' }),
        svc('va', { owner: 'vendor', vendor: 'acme', funding: 'pilot', pilot_months: 24, platform: 'acme-cloud' }),
      ],
      parameters: { ...QUIET, vendor_exit_discontinue: discontinue, betrayal },
    });
    for (const id of ids) for (const s of ['va', 'vb']) live(w, at(w, id, s), { line: LINE.pilot });
    runEvents(w, 1, 3);
    return w;
  }

  it("acme's exit ends its platform and acts on its services only; bolt, its platform and services stay", () => {
    const w = twoVendors(1, 1);
    runEvents(w, 4);
    expect(Array.from(w.vendorActive)).toEqual([0, 1]);
    expect(Array.from(w.platformActive)).toEqual([0, 1]);
    const states = (s: string) => w.model.opds.map((o) => w.state[at(w, o.id, s)]);
    expect(new Set(states('va'))).toEqual(new Set([STATE.discontinued]));
    expect(new Set(states('vb'))).toEqual(new Set([STATE.live]));
    expect(kinds(w, 'vendor_exit')).toEqual([{ month: 4, kind: 'vendor_exit', opd: '', innovation: '', loop: '', cause: 'acme' }]);
    // Betrayal (line lost) is by the actor named for the vendor, on acme's services only.
    const betrayals = kinds(w, 'betrayal');
    expect(betrayals).toHaveLength(40);
    expect(new Set(betrayals.map((e) => `${e.innovation} ${e.cause}`))).toEqual(new Set(['va vendor:acme']));
    runEvents(w, 5, 9);
    expect(Array.from(w.vendorActive)).toEqual([0, 0]);
    expect(Array.from(w.platformActive)).toEqual([0, 0]);
  });

  it('vendor_exit_discontinue 0.5: exactly the instances whose keyed VendorExit draw is below it end', () => {
    const w = twoVendors(0.5);
    runEvents(w, 4);
    const va = w.model.innovations.find((x) => x.id === 'va')!;
    const want = w.model.opds.map((o) => w.streams.uniform(Process.VendorExit, 4, o.key, va.key) < 0.5);
    const got = w.model.opds.map((o) => w.state[at(w, o.id, 'va')] === STATE.discontinued);
    expect(got).toEqual(want);
    expect(want.filter(Boolean).length).toBeGreaterThan(5);
    expect(want.filter((x) => !x).length).toBeGreaterThan(5);
  });
});

describe('more scope', () => {
  it('a ban is in force while any banning regulation is, whatever the others', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a')] },
      regulations: [
        { id: 'anchor', from: '2020-02', strength: 0.5, anchors: ['x'] },
        { id: 'ban', from: '2020-03', to: '2020-06', strength: 0.5, bans_standalone: true },
      ],
      innovations: [svc('x')],
      parameters: QUIET,
    });
    const ban: boolean[] = [];
    for (let m = 1; m <= 8; m++) {
      runEvents(w, m);
      ban.push(w.banActive);
    }
    expect(ban).toEqual([false, false, true, true, true, true, false, false]);
  });

  it("two pilots ending in different months: each is decided in its own month only", () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a')] },
      innovations: [svc('p', { funding: 'pilot', pilot_months: 6 }), svc('q', { funding: 'pilot', pilot_months: 9 })],
      parameters: { ...QUIET, takeover_opd: 1 },
    });
    runEvents(w, 1, 12);
    expect(kinds(w, 'pilot').map((e) => [e.month, e.innovation])).toEqual([
      [7, 'p'],
      [10, 'q'],
    ]);
  });

  it("a champion leaving betrays each of its agency's vendor pilots, the second innovation's too", () => {
    const w = world({
      opds: { list: [opd('a'), opd('b', { champion: true }), opd('c')] },
      vendors: [{ id: 'acme' }],
      innovations: [
        svc('p', { owner: 'vendor', vendor: 'acme', funding: 'pilot', pilot_months: 24 }),
        svc('q', { owner: 'vendor', vendor: 'acme', funding: 'pilot', pilot_months: 24 }),
      ],
      parameters: { ...QUIET, champion_rotation: 600, betrayal: 1 },
    });
    for (const id of ['a', 'b', 'c']) for (const s of ['p', 'q']) live(w, at(w, id, s), { line: LINE.pilot });
    runEvents(w, 1);
    expect(kinds(w, 'betrayal').map((e) => `${e.opd} ${e.innovation} ${e.cause}`)).toEqual(['b p champion', 'b q champion']);
  });

  it('a platform reaching active_until: logged with its id and no agency, its vendor pilots betrayed by the platform', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a'), opd('b')] },
      vendors: [{ id: 'acme' }],
      platforms: [{ id: 'cloud', custodian: 'acme', active_until: '2020-02' }],
      innovations: [svc('p', { owner: 'vendor', vendor: 'acme', funding: 'pilot', pilot_months: 24, platform: 'cloud' })],
      parameters: { ...QUIET, betrayal: 1, vendor_exit_discontinue: 0 },
    });
    live(w, at(w, 'a', 'p'), { line: LINE.pilot });
    runEvents(w, 1, 3);
    expect(kinds(w, 'platform_end')).toEqual([{ month: 3, kind: 'platform_end', opd: '', innovation: '', loop: '', cause: 'cloud' }]);
    expect(kinds(w, 'betrayal')).toEqual([{ month: 3, kind: 'betrayal', opd: 'a', innovation: 'p', loop: '', cause: 'platform:cloud' }]);
  });
});
