/**
 * MODEL.md 7.1 events and the shocks of 7.8 that act in phase 1: leadership
 * change (vision, sponsorship carry-over, the leadership shock), pilot end,
 * the January budget cycle, vendor contract end. Probabilities are set to 0
 * or 1 so that every outcome is known by hand.
 */
import { describe, expect, it } from 'vitest';
import { events } from '../../src/model/events.js';
import { awareness, countPeers, decision } from '../../src/model/diffusion.js';
import { betray, refreshAnchors } from '../../src/model/instances.js';
import { CAUSE, type World } from '../../src/model/world.js';
import { LINE, PLAIN, QUIET, STAGE, STATE, at, eventRows, innovationIndex, live, opd, tick, world } from '../support/world.js';

const svc = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  owner: 'opd' as const,
  funding: 'apbd' as const,
  launch: '2020-01',
  ...PLAIN,
  ...extra,
});

/** Runs phase 1 for months from..to (inclusive). */
function runEvents(w: World, from: number, to = from): void {
  for (let m = from; m <= to; m++) {
    tick(w, m);
    events(w);
  }
}

describe('leadership change: vision (7.1, 7.6)', () => {
  function visionAfterChange(coordinator: boolean, visionInit: number, lossCoordinator = 0.1): World {
    const w = world({
      months: 24,
      ...(coordinator && { coordinator: 'kom' }),
      opds: { list: [opd('a'), opd('kom')] },
      leaders: [
        { id: 'm1', from: '2020-01', commitment: 0.8 },
        { id: 'm2', from: '2020-04', commitment: 0.3 },
      ],
      innovations: [svc('svc')],
      parameters: { ...QUIET, vision_init: visionInit, vision_hold: 0.5, vision_loss_coordinator: lossCoordinator, vision_loss_other: 0.6 },
    });
    runEvents(w, 1, 3);
    expect(w.vision).toBe(visionInit); // nothing before the change
    runEvents(w, 4);
    return w;
  }
  const visionEvents = (w: World) => eventRows(w).filter((e) => e.kind === 'vision_reinterpreted');

  it.each<[string, boolean, number, number, number, boolean]>([
    // name, coordinator, V before, loss_coordinator, V after, city double loop
    ['coordinator and V >= vision_hold: x (1 - vision_loss_coordinator)', true, 0.8, 0.1, 0.8 * 0.9, true],
    ['no coordinator: x (1 - vision_loss_other)', false, 0.8, 0.1, 0.8 * 0.4, false],
    ['coordinator but V < vision_hold: x (1 - vision_loss_other)', true, 0.4, 0.1, 0.4 * 0.4, false],
    ['coordinator and V = vision_hold: coordinator branch, falls below hold', true, 0.5, 0.1, 0.5 * 0.9, false],
    ['coordinator, no loss: V stays at the hold, double loop recorded', true, 0.5, 0, 0.5, true],
  ])('%s', (_name, coordinator, before, loss, after, doubleLoop) => {
    const w = visionAfterChange(coordinator, before, loss);
    expect(w.vision).toBeCloseTo(after, 12);
    expect(w.leader).toBe(1);
    expect(w.commitment).toBe(0.3);
    expect(eventRows(w)).toContainEqual({ month: 4, kind: 'leadership_change', opd: '', innovation: '', loop: '', cause: 'm2' });
    if (doubleLoop) {
      expect(visionEvents(w)).toEqual([{ month: 4, kind: 'vision_reinterpreted', opd: '', innovation: '', loop: 'double', cause: '' }]);
      expect(w.counters.learningDouble).toBe(1);
      expect(w.counters.learningDoubleVision).toBe(1);
    } else {
      expect(visionEvents(w)).toEqual([]);
      expect(w.counters.learningDoubleVision).toBe(0);
    }
  });

  it('a random leader (leader_hazard) draws commitment Uniform(0,1)', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a')] },
      leaders: [{ id: 'm1', from: '2020-01', commitment: 0.8 }],
      innovations: [svc('svc')],
      parameters: { ...QUIET, leader_hazard: 1e9 },
    });
    const seen: number[] = [];
    for (let m = 2; m <= 13; m++) {
      runEvents(w, m);
      seen.push(w.commitment);
    }
    expect(eventRows(w).filter((e) => e.kind === 'leadership_change')).toHaveLength(12);
    expect(w.leader).toBe(-1);
    for (const c of seen) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThan(1);
    }
    expect(new Set(seen).size).toBe(12);
  });
});

describe('leadership change: sponsorship and the leadership shock (7.1, 7.8)', () => {
  /**
   * m1 sponsors svc; m2 takes office in month 4. Instances of svc:
   *   a: live, restructuring, no champion, not anchored  -> exposed
   *   b: live, champion                                  -> protected
   *   c: routinized                                      -> protected
   *   d: anchored by an active regulation                -> protected
   * and a/other, an innovation nobody sponsors.
   */
  function shockWorld(params: Record<string, number>, m2Sponsors: string[] = []): World {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b', { champion: true }), opd('c'), opd('d')] },
      leaders: [
        { id: 'm1', from: '2020-01', commitment: 0.8, sponsors: ['svc'] },
        { id: 'm2', from: '2020-04', commitment: 0.3, sponsors: m2Sponsors },
      ],
      regulations: [{ id: 'reg', from: '2020-01', strength: 0.5, applies_to: ['d'], anchors: ['svc'] }],
      innovations: [svc('svc'), svc('other')],
      parameters: { ...QUIET, ...params },
    });
    runEvents(w, 1); // the regulation takes effect
    live(w, at(w, 'a', 'svc'));
    live(w, at(w, 'b', 'svc'));
    live(w, at(w, 'c', 'svc'), { state: STATE.routinized });
    live(w, at(w, 'd', 'svc'));
    live(w, at(w, 'a', 'other'));
    runEvents(w, 2, 4);
    return w;
  }

  it('sponsor_continuity 0, leader_shock 1: only the exposed instance ends, cause leadership', () => {
    const w = shockWorld({ sponsor_continuity: 0, leader_shock: 1 });
    expect(w.sponsored[innovationIndex(w, 'svc')]).toBe(0);
    expect(w.state[at(w, 'a', 'svc')]).toBe(STATE.discontinued);
    expect(w.cause[at(w, 'a', 'svc')]).toBe(CAUSE.leadership);
    expect(w.endedAt[at(w, 'a', 'svc')]).toBe(4);
    expect(w.state[at(w, 'b', 'svc')]).toBe(STATE.live);
    expect(w.state[at(w, 'c', 'svc')]).toBe(STATE.routinized);
    expect(w.state[at(w, 'd', 'svc')]).toBe(STATE.live);
    expect(w.state[at(w, 'a', 'other')]).toBe(STATE.live);
    expect(w.counters.discontinuedByCause[CAUSE.leadership]).toBe(1);
    expect(eventRows(w).filter((e) => e.kind === 'discontinuance')).toEqual([
      { month: 4, kind: 'discontinuance', opd: 'a', innovation: 'svc', loop: '', cause: 'leadership' },
    ]);
  });

  it('no shock when the sponsorship carries over, when the new leader sponsors it, or with leader_shock 0', () => {
    const carried = shockWorld({ sponsor_continuity: 1, leader_shock: 1 });
    expect(carried.sponsored[innovationIndex(carried, 'svc')]).toBe(1);
    expect(carried.state[at(carried, 'a', 'svc')]).toBe(STATE.live);

    const responsored = shockWorld({ sponsor_continuity: 0, leader_shock: 1 }, ['svc']);
    expect(responsored.sponsored[innovationIndex(responsored, 'svc')]).toBe(1);
    expect(responsored.state[at(responsored, 'a', 'svc')]).toBe(STATE.live);

    const calm = shockWorld({ sponsor_continuity: 0, leader_shock: 0 });
    expect(calm.sponsored[innovationIndex(calm, 'svc')]).toBe(0);
    expect(calm.state[at(calm, 'a', 'svc')]).toBe(STATE.live);
  });
});

describe('pilot end (7.1)', () => {
  /** A vendor-owned pilot launched in month 1 with pilot_months 6: it ends in month 7 (July, not January). */
  function pilotWorld(params: Record<string, number>, owner: 'vendor' | 'opd' = 'vendor'): World {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b'), opd('c', { theta: 0 })] },
      vendors: [{ id: 'acme' }],
      innovations: [svc('app', { owner, vendor: 'acme', funding: 'pilot', pilot_months: 6 })],
      parameters: { ...QUIET, takeover_opd: 0, takeover_vendor: 0, pilot_discontinue: 0, budget_open_min: 0.5, ...params },
    });
    live(w, at(w, 'a', 'app'), { line: LINE.pilot });
    live(w, at(w, 'b', 'app'), { line: LINE.pilot });
    runEvents(w, 2, 6);
    // Nothing happens while the pilot runs.
    expect(eventRows(w).filter((e) => e.kind.startsWith('pilot'))).toEqual([]);
    expect(w.line[at(w, 'a', 'app')]).toBe(LINE.pilot);
    runEvents(w, 7);
    return w;
  }

  it('take-over (takeover_<owner> 1): every live and future instance gets an apbd line', () => {
    const w = pilotWorld({ takeover_vendor: 1 });
    expect(eventRows(w).map((e) => e.kind)).toContain('pilot_takeover');
    for (const o of ['a', 'b']) {
      expect(w.state[at(w, o, 'app')]).toBe(STATE.live);
      expect(w.line[at(w, o, 'app')]).toBe(LINE.apbd);
    }
    // A later adopter gets an apbd line too.
    w.state[at(w, 'c', 'app')] = STATE.aware;
    tick(w, 8);
    countPeers(w);
    decision(w);
    expect(w.state[at(w, 'c', 'app')]).toBe(STATE.live);
    expect(w.line[at(w, 'c', 'app')]).toBe(LINE.apbd);
  });

  it('the owner picks the take-over parameter: a vendor pilot ignores takeover_opd', () => {
    const vendor = pilotWorld({ takeover_opd: 1, takeover_vendor: 0, pilot_discontinue: 1 });
    expect(vendor.withdrawn[0]).toBe(1);
    const own = pilotWorld({ takeover_opd: 1, takeover_vendor: 0, pilot_discontinue: 1 }, 'opd');
    expect(own.withdrawn[0]).toBe(0);
    expect(own.line[at(own, 'a', 'app')]).toBe(LINE.apbd);
  });

  it('withdrawal (take-over 0, pilot_discontinue 1): live instances end defunded, no further awareness or adoption', () => {
    const w = pilotWorld({ pilot_discontinue: 1, campaign_boost: 1000 });
    expect(w.withdrawn[0]).toBe(1);
    expect(eventRows(w).map((e) => e.kind)).toContain('pilot_withdrawn');
    for (const o of ['a', 'b']) {
      expect(w.state[at(w, o, 'app')]).toBe(STATE.discontinued);
      expect(w.cause[at(w, o, 'app')]).toBe(CAUSE.defunded);
    }
    expect(w.counters.discontinuedByCause[CAUSE.defunded]).toBe(2);
    // c is unaware: the launch campaign (p_m * c >= 1) no longer reaches it.
    tick(w, 8);
    countPeers(w);
    awareness(w);
    expect(w.state[at(w, 'c', 'app')]).toBe(STATE.unaware);
    // Even an aware agency with theta 0 does not adopt a withdrawn innovation.
    w.state[at(w, 'c', 'app')] = STATE.aware;
    decision(w);
    expect(w.state[at(w, 'c', 'app')]).toBe(STATE.aware);
  });

  it("withdrawal: every agency aware of the withdrawn pilot loses interest, and only of it (second of two innovations)", () => {
    // The pilot is the second innovation, so its (agency, innovation) slots
    // are o * k + 1: an index computed any other way misses them.
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b'), opd('c'), opd('d')] },
      vendors: [{ id: 'acme' }],
      innovations: [svc('other'), svc('app', { owner: 'vendor', vendor: 'acme', funding: 'pilot', pilot_months: 6 })],
      parameters: { ...QUIET, takeover_opd: 0, takeover_vendor: 0, pilot_discontinue: 1, budget_open_min: 0.5 },
    });
    for (const o of ['b', 'c', 'd']) {
      w.state[at(w, o, 'app')] = STATE.aware;
      w.state[at(w, o, 'other')] = STATE.aware;
    }
    runEvents(w, 1, 7);
    expect(w.withdrawn[innovationIndex(w, 'app')]).toBe(1);
    for (const o of ['b', 'c', 'd']) {
      expect(w.state[at(w, o, 'app')]).toBe(STATE.unaware);
      expect(w.state[at(w, o, 'other')]).toBe(STATE.aware);
    }
  });

  it('neither (take-over 0, pilot_discontinue 0): instances continue with no line', () => {
    const w = pilotWorld({});
    expect(eventRows(w).map((e) => e.kind)).toContain('pilot_lapsed');
    for (const o of ['a', 'b']) {
      expect(w.state[at(w, o, 'app')]).toBe(STATE.live);
      expect(w.line[at(w, o, 'app')]).toBe(LINE.none);
    }
    expect(w.withdrawn[0]).toBe(0);
  });
});

describe('annual budget cycle in January (7.1)', () => {
  /**
   * Start 2020-01: month 13 is January 2021. Instances with an apbd line:
   *   a/ven: vendor-owned, not anchored, line opened in month 5 -> renew_other
   *   b/own: agency-owned (in its plan)                        -> renew_anchored
   *   c/ven: line opened this month                            -> not subject
   *   d/ven: a pilot line                                      -> not subject
   *   e/ven: anchored by an active regulation                  -> renew_anchored
   */
  function cycleWorld(params: Record<string, number>, shocks: { from: string; to: string; factor: number }[] = []): World {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b'), opd('c'), opd('d'), opd('e')] },
      vendors: [{ id: 'acme' }],
      regulations: [{ id: 'reg', from: '2020-01', strength: 0.5, applies_to: ['e'], anchors: ['ven'] }],
      budget_shocks: shocks,
      innovations: [svc('own'), svc('ven', { owner: 'vendor', vendor: 'acme' })],
      parameters: { ...QUIET, renew_anchored: 1, renew_other: 0, defund_discontinue: 1, ...params },
    });
    runEvents(w, 1);
    live(w, at(w, 'a', 'ven'), { line: LINE.apbd, lineOpened: 5 });
    live(w, at(w, 'b', 'own'), { line: LINE.apbd, lineOpened: 5 });
    live(w, at(w, 'c', 'ven'), { line: LINE.apbd, lineOpened: 13 });
    live(w, at(w, 'd', 'ven'), { line: LINE.pilot, lineOpened: 5 });
    live(w, at(w, 'e', 'ven'), { line: LINE.apbd, lineOpened: 5 });
    runEvents(w, 2, 12);
    expect([...w.state].filter((s) => s === STATE.discontinued)).toEqual([]); // not before January
    runEvents(w, 13);
    return w;
  }

  it('renew 0 and defund_discontinue 1: the unrenewed line ends the service (defunded)', () => {
    const w = cycleWorld({});
    expect(w.state[at(w, 'a', 'ven')]).toBe(STATE.discontinued);
    expect(w.cause[at(w, 'a', 'ven')]).toBe(CAUSE.defunded);
    expect(w.line[at(w, 'b', 'own')]).toBe(LINE.apbd);
    expect(w.state[at(w, 'c', 'ven')]).toBe(STATE.live);
    expect(w.line[at(w, 'c', 'ven')]).toBe(LINE.apbd);
    expect(w.line[at(w, 'd', 'ven')]).toBe(LINE.pilot);
    expect(w.line[at(w, 'e', 'ven')]).toBe(LINE.apbd);
    expect(eventRows(w).filter((e) => e.kind === 'budget_not_renewed').map((e) => e.opd)).toEqual(['a']);
  });

  it('defund_discontinue 0: the service continues with no line', () => {
    const w = cycleWorld({ defund_discontinue: 0 });
    expect(w.state[at(w, 'a', 'ven')]).toBe(STATE.live);
    expect(w.line[at(w, 'a', 'ven')]).toBe(LINE.none);
  });

  it('renewal probability is multiplied by B: B = 0 renews nothing', () => {
    const w = cycleWorld({ renew_anchored: 1, renew_other: 1 }, [{ from: '2021-01', to: '2021-02', factor: 0 }]);
    expect(w.budget).toBe(0);
    for (const o of ['a', 'e']) expect(w.cause[at(w, o, 'ven')]).toBe(CAUSE.defunded);
    expect(w.cause[at(w, 'b', 'own')]).toBe(CAUSE.defunded);
    expect(w.state[at(w, 'c', 'ven')]).toBe(STATE.live); // opened this month
  });
});

describe('yearly budget proposal for a city-funded service with no line (ODD choice)', () => {
  // Start 2020-01; January 2021 = month 13, January 2022 = month 25.
  function proposalWorld(shocks: { from: string; to: string; factor: number }[]): World {
    const w = world({
      months: 36,
      opds: { list: [opd('a'), opd('b')] },
      budget_shocks: shocks,
      innovations: [svc('own'), svc('pil', { funding: 'pilot', pilot_months: 3 })],
      parameters: { ...QUIET, renew_anchored: 1, renew_other: 1, defund_discontinue: 0, budget_open_min: 0.8, takeover_opd: 0, pilot_discontinue: 0 },
    });
    runEvents(w, 1);
    live(w, at(w, 'a', 'own'), { line: LINE.apbd, lineOpened: 1 });
    live(w, at(w, 'b', 'pil'), { line: LINE.pilot, lineOpened: 1 });
    runEvents(w, 2, 13);
    // B = 0 in January 2021: the line is not renewed; the service continues without one.
    expect(w.line[at(w, 'a', 'own')]).toBe(LINE.none);
    // The pilot ended in month 4 without a take-over: no line, and none to propose.
    expect(w.line[at(w, 'b', 'pil')]).toBe(LINE.none);
    runEvents(w, 14, 25);
    return w;
  }

  it('gets a line again in the next January when city funding is open', () => {
    const w = proposalWorld([{ from: '2021-01', to: '2021-01', factor: 0 }]);
    expect(w.line[at(w, 'a', 'own')]).toBe(LINE.apbd);
    expect(eventRows(w).filter((e) => e.kind === 'budget_line_opened').map((e) => [e.month, e.opd])).toEqual([[25, 'a']]);
    expect(w.line[at(w, 'b', 'pil')]).toBe(LINE.none);
  });

  it('a line taken by betrayal is not proposed again', () => {
    const w = world({
      months: 36,
      opds: { list: [opd('a'), opd('b')] },
      vendors: [{ id: 'acme' }],
      budget_shocks: [{ from: '2021-01', to: '2021-01', factor: 0 }],
      innovations: [svc('ven', { owner: 'vendor', vendor: 'acme' })],
      parameters: { ...QUIET, renew_anchored: 1, renew_other: 1, defund_discontinue: 0, betrayal: 1 },
    });
    runEvents(w, 1);
    live(w, at(w, 'a', 'ven'), { line: LINE.apbd, lineOpened: 1 });
    live(w, at(w, 'b', 'ven'), { line: LINE.apbd, lineOpened: 1 });
    runEvents(w, 2, 12);
    // The mayor who was b's only sponsor leaves: betrayal takes b's line.
    betray(w, at(w, 'b', 'ven'), 'mayor', true);
    expect(w.line[at(w, 'b', 'ven')]).toBe(LINE.none);
    runEvents(w, 13, 25);
    expect(w.line[at(w, 'a', 'ven')]).toBe(LINE.apbd); // lapsed in 2021, proposed again in 2022
    expect(w.line[at(w, 'b', 'ven')]).toBe(LINE.none);
  });

  it('is granted with the renewal probability: renew_other 0.5 opens about half the proposals', () => {
    const ids = Array.from({ length: 400 }, (_, x) => `o${x}`);
    const w = world({
      months: 36,
      opds: { list: ids.map((id) => opd(id)) },
      vendors: [{ id: 'acme' }],
      budget_shocks: [{ from: '2021-01', to: '2021-01', factor: 0 }],
      innovations: [svc('ven', { owner: 'vendor', vendor: 'acme' })],
      parameters: { ...QUIET, renew_anchored: 1, renew_other: 0.5, defund_discontinue: 0 },
    });
    runEvents(w, 1);
    for (const id of ids) live(w, at(w, id, 'ven'), { line: LINE.apbd, lineOpened: 1 });
    runEvents(w, 2, 25);
    // January 2021 (B = 0) removes every line; January 2022 grants each proposal with 0.5.
    const opened = ids.filter((id) => w.line[at(w, id, 'ven')] === LINE.apbd).length / ids.length;
    // 400 Bernoulli(0.5) draws: sd 0.025; the tolerance is 4 sd.
    expect(Math.abs(opened - 0.5)).toBeLessThan(0.1);
  });

  it('stays without a line while city funding is closed (B below budget_open_min)', () => {
    const w = proposalWorld([
      { from: '2021-01', to: '2021-01', factor: 0 },
      { from: '2021-02', to: '2022-12', factor: 0.7 },
    ]);
    expect(w.line[at(w, 'a', 'own')]).toBe(LINE.none);
    expect(eventRows(w).filter((e) => e.kind === 'budget_line_opened')).toEqual([]);
  });
});

describe('vendor contract end (7.1)', () => {
  function vendorWorld(discontinue: number): World {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b')] },
      vendors: [{ id: 'acme', contract_end: '2020-06' }],
      innovations: [svc('ven', { owner: 'vendor', vendor: 'acme' }), svc('own', { vendor: 'acme' })],
      parameters: { ...QUIET, vendor_exit_discontinue: discontinue },
    });
    live(w, at(w, 'a', 'ven'));
    live(w, at(w, 'b', 'ven'), { owned: true });
    live(w, at(w, 'a', 'own'));
    runEvents(w, 1, 5);
    expect(w.vendorActive[0]).toBe(1);
    runEvents(w, 6);
    return w;
  }

  it('vendor_exit_discontinue 1: instances of the vendor-owned innovation not owned end (vendor_exit); owned ones survive', () => {
    const w = vendorWorld(1);
    expect(w.vendorActive[0]).toBe(0);
    expect(eventRows(w)).toContainEqual({ month: 6, kind: 'vendor_exit', opd: '', innovation: '', loop: '', cause: 'acme' });
    expect(w.state[at(w, 'a', 'ven')]).toBe(STATE.discontinued);
    expect(w.cause[at(w, 'a', 'ven')]).toBe(CAUSE.vendor_exit);
    expect(w.state[at(w, 'b', 'ven')]).toBe(STATE.live);
    // An agency-owned service built by the vendor is not vendor-owned: it stays.
    expect(w.state[at(w, 'a', 'own')]).toBe(STATE.live);
    expect(w.counters.discontinuedByCause[CAUSE.vendor_exit]).toBe(1);
  });

  it('vendor_exit_discontinue 0: everything survives', () => {
    const w = vendorWorld(0);
    expect(w.state[at(w, 'a', 'ven')]).toBe(STATE.live);
  });

  // MODEL.md 7.1 "Vendor contract end (`contract_end` of a vendor, or a platform's
  // `active_until`): ... each instance of a vendor-owned innovation not yet `owned`
  // is discontinued with probability vendor_exit_discontinue". events.ts shutPlatform()
  // only betrays; a platform reaching active_until never ends vendor-owned services.
  it("a vendor platform's active_until acts as a contract end for the vendor-owned services on it", () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b')] },
      vendors: [{ id: 'acme' }],
      platforms: [{ id: 'cloud', custodian: 'acme', active_until: '2020-06' }],
      innovations: [svc('ven', { owner: 'vendor', vendor: 'acme', platform: 'cloud' })],
      parameters: { ...QUIET, vendor_exit_discontinue: 1 },
    });
    live(w, at(w, 'a', 'ven'));
    live(w, at(w, 'b', 'ven'), { owned: true });
    runEvents(w, 1, 8); // through active_until and the month after
    expect(w.platformActive[0]).toBe(0);
    expect(w.state[at(w, 'b', 'ven')]).toBe(STATE.live);
    expect(w.cause[at(w, 'a', 'ven')]).toBe(CAUSE.vendor_exit);
  });
});

describe('regulations (7.1)', () => {
  it('take effect at from and lapse after to', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a')] },
      regulations: [{ id: 'reg', from: '2020-03', to: '2020-05', strength: 0.7, anchors: ['svc'] }],
      innovations: [svc('svc')],
      parameters: QUIET,
    });
    const anchoredIn: number[] = [];
    for (let m = 1; m <= 8; m++) {
      runEvents(w, m);
      anchoredIn.push(w.anchored[0]!);
    }
    expect(anchoredIn).toEqual([0, 0, 1, 1, 1, 0, 0, 0]);
    expect(eventRows(w).filter((e) => e.kind.startsWith('regulation')).map((e) => [e.month, e.kind])).toEqual([
      [3, 'regulation_start'],
      [6, 'regulation_end'],
    ]);
    refreshAnchors(w);
    expect(w.mandateFree[0]).toBe(0);
  });

  it('budget shocks: B = factor inside the window, else 1', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a')] },
      budget_shocks: [{ from: '2020-03', to: '2020-04', factor: 0.7 }],
      innovations: [svc('svc')],
      parameters: QUIET,
    });
    const b: number[] = [];
    for (let m = 1; m <= 6; m++) {
      runEvents(w, m);
      b.push(w.budget);
    }
    expect(b).toEqual([1, 1, 0.7, 0.7, 1, 1]);
  });
});

describe('stage bookkeeping after shocks', () => {
  it('a discontinued instance has no stage and no line', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a')] },
      vendors: [{ id: 'acme', contract_end: '2020-02' }],
      innovations: [svc('ven', { owner: 'vendor', vendor: 'acme' })],
      parameters: { ...QUIET, vendor_exit_discontinue: 1 },
    });
    live(w, 0, { stage: STAGE.clarifying });
    runEvents(w, 1, 2);
    expect(w.state[0]).toBe(STATE.discontinued);
    expect(w.stage[0]).toBe(STAGE.none);
    expect(w.line[0]).toBe(LINE.none);
  });
});

describe('betrayal (7.7): an enrolled actor leaves', () => {
  it('vendor exit: a pilot line paid by the vendor is lost (betrayal 1); other lines stay', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b')] },
      vendors: [{ id: 'acme', contract_end: '2020-03' }],
      innovations: [svc('app', { vendor: 'acme', funding: 'pilot', pilot_months: 12 }), svc('own', { vendor: 'acme' })],
      parameters: { ...QUIET, betrayal: 1, vendor_exit_discontinue: 0 },
    });
    live(w, at(w, 'a', 'app'), { line: LINE.pilot });
    live(w, at(w, 'a', 'own'), { line: LINE.apbd });
    runEvents(w, 2, 3);
    expect(w.line[at(w, 'a', 'app')]).toBe(LINE.none);
    expect(w.state[at(w, 'a', 'app')]).toBe(STATE.live);
    expect(w.line[at(w, 'a', 'own')]).toBe(LINE.apbd);
    expect(eventRows(w).filter((e) => e.kind === 'betrayal').map((e) => [e.opd, e.innovation])).toEqual([['a', 'app']]);
  });

  it("leader replaced without carry-over: the line goes where the leader's sponsorship was the only enrolled sponsor", () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b'), opd('c', { champion: true })] },
      vendors: [{ id: 'acme' }],
      leaders: [
        { id: 'm1', from: '2020-01', commitment: 0.9, sponsors: ['ven', 'own'] },
        { id: 'm2', from: '2020-03', commitment: 0.9 },
      ],
      innovations: [svc('ven', { owner: 'vendor', vendor: 'acme' }), svc('own')],
      parameters: { ...QUIET, betrayal: 1, sponsor_continuity: 0, leader_shock: 0 },
    });
    live(w, at(w, 'a', 'ven'), { line: LINE.apbd }); // only the leader: loses the line
    live(w, at(w, 'b', 'own'), { line: LINE.apbd }); // in its plan: keeps it
    live(w, at(w, 'c', 'ven'), { line: LINE.apbd }); // a champion: keeps it
    runEvents(w, 2, 3);
    expect(w.line[at(w, 'a', 'ven')]).toBe(LINE.none);
    expect(w.line[at(w, 'b', 'own')]).toBe(LINE.apbd);
    expect(w.line[at(w, 'c', 'ven')]).toBe(LINE.apbd);
    for (const o of ['a', 'b', 'c']) expect(w.state[at(w, o, o === 'b' ? 'own' : 'ven')]).toBe(STATE.live); // leader_shock 0
  });

  it('betrayal 0: nothing is lost', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a')] },
      vendors: [{ id: 'acme', contract_end: '2020-03' }],
      innovations: [svc('app', { vendor: 'acme', funding: 'pilot', pilot_months: 12 })],
      parameters: { ...QUIET, betrayal: 0, vendor_exit_discontinue: 0 },
    });
    live(w, 0, { line: LINE.pilot });
    runEvents(w, 2, 3);
    expect(w.line[0]).toBe(LINE.pilot);
  });
});
