/**
 * MODEL.md 7.2-7.3 on hand-computed cases: the threshold decision on utility,
 * imitation and negative word of mouth, the authority flag, the mandate's
 * budget-line condition and complex contagion.
 *
 * With the default weights (w_ra .25, w_co .25, w_cx .2, w_tr .1, w_ob .1,
 * w_cap .1) and the attributes below, by hand:
 *   attributes = .25*.8 + .25*.6 - .2*.2 + .1*.5 + .1*.5 = 0.41
 *   capacity   = .1 * (0.6 + 0.4) / 2                    = 0.05
 *   U0         = 0.46   (no peers, no authority, no cost)
 */
import { describe, expect, it } from 'vitest';
import { awareness, countPeers, decision } from '../../src/model/diffusion.js';
import { refreshAnchors } from '../../src/model/instances.js';
import { step } from '../../src/model/step.js';
import { CAUSE, type World } from '../../src/model/world.js';
import { LINE, QUIET, STAGE, STATE, at, eventRows, live, opd, tick, world } from '../support/world.js';

const ATTRS = { relative_advantage: 0.8, compatibility: 0.6, complexity: 0.2, trialability: 0.5, observability: 0.5 };
const U0 = 0.46;
const W_PEER = 0.3;
const W_NEG = 0.2;
const W_MAND = 0.3;
const W_LEAD = 0.2;
const W_COST = 0.2;

const agency = (id: string, theta: number, extra: { champion?: boolean } = {}) =>
  opd(id, { theta, capacity: 0.6, slack: 0.4, ...extra });

const svc = (extra: Record<string, unknown> = {}) => ({
  id: 'svc',
  owner: 'opd' as const,
  funding: 'apbd' as const,
  launch: '2020-01',
  ...ATTRS,
  ...extra,
});

/** One decision phase in `month`, with peer counts taken first (as step() does). */
function decide(w: World, month: number): void {
  tick(w, month);
  countPeers(w);
  decision(w);
}

function aware(w: World, ...pairs: [string, string][]): void {
  for (const [o, k] of pairs) w.state[at(w, o, k)] = STATE.aware;
}

describe('decision: utility against the threshold (7.3)', () => {
  it('adopts when U >= theta and not when U < theta (U0 = 0.46 by hand)', () => {
    // a: theta 0.45 <= 0.46 adopts; b: theta 0.47 > 0.46 does not.
    const w = world({ months: 36, opds: { list: [agency('a', 0.45), agency('b', 0.47)] }, innovations: [svc()], parameters: QUIET });
    aware(w, ['a', 'svc'], ['b', 'svc']);
    decide(w, 1);
    const a = at(w, 'a', 'svc');
    const b = at(w, 'b', 'svc');
    expect(w.state[a]).toBe(STATE.live);
    expect(w.state[b]).toBe(STATE.aware);
    // A new instance (7.3): apbd line (B = 1 >= budget_open_min), restructuring, not authority.
    expect(w.stage[a]).toBe(STAGE.restructuring);
    expect(w.line[a]).toBe(LINE.apbd);
    expect(w.authority[a]).toBe(0);
    expect(w.adoptedAt[a]).toBe(1);
    expect(w.counters.newAdoptions).toBe(1);
    expect(eventRows(w)).toContainEqual({ month: 1, kind: 'adoption', opd: 'a', innovation: 'svc', loop: '', cause: '' });
  });

  it('imitation: f is the share of eligible peers, seen from the next month on (synchronous update)', () => {
    // b: theta 0.7. With a live, f = 1/1 (c is not eligible) -> U = 0.46 + 0.3 = 0.76 >= 0.7.
    // Were c counted, f = 1/2 -> U = 0.61 < 0.7.
    const w = world({
      months: 36,
      opds: { list: [agency('a', 0.45), agency('b', 0.7), agency('c', 0)] },
      innovations: [svc({ eligible: ['a', 'b'] })],
      parameters: QUIET,
    });
    aware(w, ['a', 'svc'], ['b', 'svc']);
    decide(w, 1);
    // a adopts in month 1; b decides on the month-1 snapshot (f = 0) and waits.
    expect(w.state[at(w, 'a', 'svc')]).toBe(STATE.live);
    expect(w.state[at(w, 'b', 'svc')]).toBe(STATE.aware);
    decide(w, 2);
    expect(w.state[at(w, 'b', 'svc')]).toBe(STATE.live);
    expect(U0 + W_PEER * 1).toBeGreaterThanOrEqual(0.7);
    expect(U0 + W_PEER * 0.5).toBeLessThan(0.7);
    expect(w.eligiblePeers[at(w, 'b', 'svc')]).toBe(1);
  });

  it('negative word of mouth: g counts peers that quit disenchanted within neg_wom_months', () => {
    // a: theta 0.4. g = 1/2 -> U = 0.46 - 0.2 * 0.5 = 0.36 < 0.4; with g = 0, U = 0.46 >= 0.4.
    expect(U0 - W_NEG * 0.5).toBeLessThan(0.4);
    const setup = (cause: number, endedAt: number) => {
      const w = world({ months: 36, opds: { list: [agency('a', 0.4), agency('b', 0.9), agency('c', 0.9)] }, innovations: [svc()], parameters: QUIET });
      aware(w, ['a', 'svc']);
      const b = at(w, 'b', 'svc');
      w.state[b] = STATE.discontinued;
      w.everAdopted[b] = 1;
      w.cause[b] = cause;
      w.endedAt[b] = endedAt;
      return w;
    };
    const recent = setup(CAUSE.disenchantment, 1);
    decide(recent, 6); // 5 months after, within neg_wom_months = 12
    expect(recent.state[at(recent, 'a', 'svc')]).toBe(STATE.aware);

    const old = setup(CAUSE.disenchantment, 1);
    decide(old, 20); // 19 months after: forgotten
    expect(old.state[at(old, 'a', 'svc')]).toBe(STATE.live);

    const otherCause = setup(CAUSE.hazard, 1);
    decide(otherCause, 6); // not disenchantment: no negative word of mouth
    expect(otherCause.state[at(otherCause, 'a', 'svc')]).toBe(STATE.live);
  });

  it('decision noise is Normal(0, decision_noise): at theta = U about half adopt', () => {
    // 400 agencies with theta 0.46 - 1e-9 (just below U0): without noise all adopt;
    // with decision_noise 0.1 each adopts with P(noise >= -1e-9) = 0.5.
    const list = Array.from({ length: 400 }, (_, i) => agency(`n${i}`, U0 - 1e-9));
    const noiseless = world({ months: 36, opds: { list }, innovations: [svc()], parameters: QUIET });
    const noisy = world({ months: 36, opds: { list }, innovations: [svc()], parameters: { ...QUIET, decision_noise: 0.1 } });
    for (const w of [noiseless, noisy]) {
      for (let o = 0; o < w.n; o++) w.state[o] = STATE.aware;
      decide(w, 1);
    }
    expect(noiseless.counters.newAdoptions).toBe(400);
    // Binomial(400, 0.5): sd 10; 150..250 is +-5 sd.
    expect(noisy.counters.newAdoptions).toBeGreaterThan(150);
    expect(noisy.counters.newAdoptions).toBeLessThan(250);
  });

  it('agencies made aware this tick decide in this tick (step order 2 -> 3)', () => {
    // campaign_boost 1000: p_m * c >= 1, so every agency becomes aware in month 1.
    const w = world({
      months: 36,
      opds: { list: [agency('a', 0.45), agency('b', 0.47)] },
      innovations: [svc()],
      parameters: { ...QUIET, campaign_boost: 1000 },
    });
    step(w, 1);
    expect(w.state[at(w, 'a', 'svc')]).toBe(STATE.live);
    expect(w.state[at(w, 'b', 'svc')]).toBe(STATE.aware);
  });
});

describe('authority adoption (2.4, 7.3)', () => {
  it('a regulation (M) makes an agency adopt that would not otherwise; it carries the authority flag', () => {
    // a: theta 0.6 > U0, U0 + 0.3 * 1 = 0.76 >= 0.6 -> adopts, authority.
    // b: theta 0.45 <= U0 -> adopts, no authority although the regulation applies.
    // c: theta 0.6, the regulation does not apply to it -> no adoption.
    const w = world({
      months: 36,
      opds: { list: [agency('a', 0.6), agency('b', 0.45), agency('c', 0.6)] },
      regulations: [{ id: 'reg', from: '2020-01', strength: 1, applies_to: ['a', 'b'], anchors: ['svc'] }],
      innovations: [svc()],
      parameters: QUIET,
    });
    w.regulationActive[0] = 1;
    refreshAnchors(w);
    aware(w, ['a', 'svc'], ['b', 'svc'], ['c', 'svc']);
    decide(w, 1);
    expect(U0 + W_MAND * 1).toBeGreaterThanOrEqual(0.6);
    expect(w.state[at(w, 'a', 'svc')]).toBe(STATE.live);
    expect(w.authority[at(w, 'a', 'svc')]).toBe(1);
    expect(w.state[at(w, 'b', 'svc')]).toBe(STATE.live);
    expect(w.authority[at(w, 'b', 'svc')]).toBe(0);
    expect(w.state[at(w, 'c', 'svc')]).toBe(STATE.aware);
    expect(eventRows(w).filter((e) => e.kind === 'adoption').map((e) => [e.opd, e.cause])).toEqual([
      ['a', 'authority'],
      ['b', ''],
    ]);
  });

  it('a sponsoring leader (L = commitment) makes an agency adopt with the authority flag', () => {
    // theta 0.6: U0 + 0.2 * 1 = 0.66 >= 0.6 with commitment 1; U0 + 0.2 * 0.2 = 0.50 < 0.6 with 0.2.
    const make = (commitment: number) =>
      world({
        months: 36,
        opds: { list: [agency('a', 0.6)] },
        leaders: [{ id: 'mayor', from: '2020-01', commitment, sponsors: ['svc'] }],
        innovations: [svc(), svc({ id: 'other' })],
        parameters: QUIET,
      });
    const strong = make(1);
    aware(strong, ['a', 'svc'], ['a', 'other']);
    decide(strong, 1);
    expect(strong.state[at(strong, 'a', 'svc')]).toBe(STATE.live);
    expect(strong.authority[at(strong, 'a', 'svc')]).toBe(1);
    // The leader does not sponsor `other`: L = 0 there.
    expect(strong.state[at(strong, 'a', 'other')]).toBe(STATE.aware);

    const weak = make(0.2);
    aware(weak, ['a', 'svc']);
    decide(weak, 1);
    expect(U0 + W_LEAD * 0.2).toBeLessThan(0.6);
    expect(weak.state[at(weak, 'a', 'svc')]).toBe(STATE.aware);
  });

  it('M = 0 when the regulation requires_budget_line and funding is not open to the OPD', () => {
    // theta 0.6: adopts only with M = 1 (0.76), not with M = 0 (0.46).
    const make = (requires: boolean) => {
      const w = world({
        months: 36,
        opds: { list: [agency('a', 0.6)] },
        regulations: [
          { id: 'reg', from: '2020-01', strength: 1, anchors: ['city', 'nat', 'pil'], requires_budget_line: requires },
        ],
        innovations: [svc({ id: 'city' }), svc({ id: 'nat', funding: 'national' }), svc({ id: 'pil', funding: 'pilot', pilot_months: 6 })],
        parameters: QUIET,
      });
      w.regulationActive[0] = 1;
      refreshAnchors(w);
      aware(w, ['a', 'city'], ['a', 'nat'], ['a', 'pil']);
      return w;
    };
    // B = 0.4 < budget_open_min 0.5: apbd is closed; national is always open; the pilot runs (month 3 < 1 + 6).
    const closed = make(true);
    tick(closed, 3);
    closed.budget = 0.4;
    countPeers(closed);
    decision(closed);
    expect(closed.state[at(closed, 'a', 'city')]).toBe(STATE.aware);
    expect(closed.state[at(closed, 'a', 'nat')]).toBe(STATE.live);
    expect(closed.line[at(closed, 'a', 'nat')]).toBe(LINE.national);
    expect(closed.state[at(closed, 'a', 'pil')]).toBe(STATE.live);
    expect(closed.line[at(closed, 'a', 'pil')]).toBe(LINE.pilot);

    // B = 0.5 = budget_open_min: apbd is open again.
    const open = make(true);
    tick(open, 3);
    open.budget = 0.5;
    countPeers(open);
    decision(open);
    expect(open.state[at(open, 'a', 'city')]).toBe(STATE.live);
    expect(open.authority[at(open, 'a', 'city')]).toBe(1);

    // After the pilot (month 8 >= 1 + 6, not taken over) its funding is closed.
    const after = make(true);
    tick(after, 8);
    after.pilotOver[2] = 1;
    countPeers(after);
    decision(after);
    expect(after.state[at(after, 'a', 'pil')]).toBe(STATE.aware);

    // A regulation without requires_budget_line applies whatever the budget.
    const free = make(false);
    tick(free, 3);
    free.budget = 0.4;
    countPeers(free);
    decision(free);
    expect(free.state[at(free, 'a', 'city')]).toBe(STATE.live);
  });
});

describe('complex contagion and cost (7.3; Centola and Macy 2007)', () => {
  const costly = (eligible?: string[]) =>
    world({
      months: 36,
      opds: { list: [agency('a', 0), agency('b', 1), agency('c', 1), agency('d', 1)] },
      innovations: [svc({ costly: true, ...(eligible && { eligible }) }), svc({ id: 'cheap' })],
      parameters: QUIET,
    });

  it('a costly innovation needs min(complex_k, eligible peers) adopting peers, whatever the utility', () => {
    const w = costly();
    aware(w, ['a', 'svc'], ['a', 'cheap']);
    live(w, at(w, 'b', 'svc'));
    decide(w, 1);
    // One adopting peer of min(2, 3) = 2 needed: blocked although theta = 0.
    expect(w.state[at(w, 'a', 'svc')]).toBe(STATE.aware);
    // The non-costly innovation with no adopting peer at all: adopts.
    expect(w.state[at(w, 'a', 'cheap')]).toBe(STATE.live);
    live(w, at(w, 'c', 'svc'));
    decide(w, 2);
    expect(w.state[at(w, 'a', 'svc')]).toBe(STATE.live);
  });

  it('with fewer eligible peers than complex_k, all of them suffice', () => {
    const w = costly(['a', 'b']);
    aware(w, ['a', 'svc']);
    live(w, at(w, 'b', 'svc'));
    decide(w, 1); // min(2, 1) = 1
    expect(w.state[at(w, 'a', 'svc')]).toBe(STATE.live);
  });

  it('cost: - w_cost * costly * (1 - min(B, 1))', () => {
    // Three adopting peers of three: f = 1, U = 0.46 + 0.3 = 0.76 before cost; theta 0.7.
    // B = 0.5: cost 0.2 * 0.5 = 0.1 -> 0.66 < 0.7; B = 1 or 1.5: no cost -> adopts.
    expect(U0 + W_PEER - W_COST * 0.5).toBeLessThan(0.7);
    for (const [budget, adopts] of [
      [0.5, false],
      [1, true],
      [1.5, true],
    ] as const) {
      const w = world({
        months: 36,
        opds: { list: [agency('a', 0.7), agency('b', 1), agency('c', 1), agency('d', 1)] },
        innovations: [svc({ costly: true })],
        parameters: QUIET,
      });
      aware(w, ['a', 'svc']);
      for (const o of ['b', 'c', 'd']) live(w, at(w, o, 'svc'));
      tick(w, 1);
      w.budget = budget;
      countPeers(w);
      decision(w);
      expect(w.state[at(w, 'a', 'svc')], `B = ${budget}`).toBe(adopts ? STATE.live : STATE.aware);
    }
  });
});

describe('awareness (7.2): P(aware) = 1 - (1 - p_m c)(1 - q_m f)', () => {
  const N = 4000;
  /** Share of N unaware agencies made aware in `month`, with the first `liveShare` of them live. */
  function awareShare(params: Record<string, number>, month: number, liveShare = 0, vision?: number): number {
    const list = Array.from({ length: N }, (_, i) => agency(`a${i}`, 1));
    const w = world({ months: 36, opds: { list }, innovations: [svc()], parameters: { ...QUIET, ...params } });
    const live0 = Math.round(N * liveShare);
    for (let o = 0; o < live0; o++) live(w, o);
    if (vision !== undefined) w.vision = vision;
    tick(w, month);
    countPeers(w);
    awareness(w);
    let aware = 0;
    for (let o = live0; o < N; o++) if (w.state[o] === STATE.aware) aware++;
    return aware / (N - live0);
  }
  // Binomial(4000, P) has sd <= 0.008; tolerances are about 4 sd.
  const pm = (p: number) => 1 - Math.pow(1 - p, 1 / 12);

  it('campaign: c = campaign_boost during the first campaign_months after launch', () => {
    const expected = pm(0.3) * 20; // 0.586
    expect(Math.abs(awareShare({ bass_p: 0.3, bass_q: 0, campaign_boost: 20, campaign_months: 12 }, 1) - expected)).toBeLessThan(0.03);
    expect(Math.abs(awareShare({ bass_p: 0.3, bass_q: 0, campaign_boost: 20, campaign_months: 12 }, 12) - expected)).toBeLessThan(0.03);
  });

  it('after the campaign: c = 1 + V', () => {
    // Month 13 = launch + 12: the campaign is over. V = 0.5 -> c = 1.5; V = 0 -> c = 1.
    expect(Math.abs(awareShare({ bass_p: 0.3, bass_q: 0, campaign_months: 12 }, 13, 0, 0.5) - pm(0.3) * 1.5)).toBeLessThan(0.012);
    expect(Math.abs(awareShare({ bass_p: 0.3, bass_q: 0, campaign_months: 12 }, 13, 0, 0) - pm(0.3))).toBeLessThan(0.012);
  });

  it('imitation: q_m = bass_q / 12 is a rate multiplying f (not converted like a probability)', () => {
    // bass_p 0: P = q_m f = (6 / 12) * (half the peers live) = 0.25.
    const got = awareShare({ bass_p: 0, bass_q: 6, campaign_months: 0 }, 5, 0.5);
    expect(Math.abs(got - 0.25)).toBeLessThan(0.03);
    // No one live, no spontaneous awareness: nobody.
    expect(awareShare({ bass_p: 0, bass_q: 6, campaign_months: 0 }, 5, 0)).toBe(0);
  });

  it('before launch nobody becomes aware', () => {
    const w = world({ months: 36, opds: { list: [agency('a', 1)] }, innovations: [svc({ launch: '2020-06' })], parameters: { ...QUIET, campaign_boost: 1000 } });
    tick(w, 5);
    countPeers(w);
    awareness(w);
    expect(w.state[0]).toBe(STATE.unaware);
    tick(w, 6);
    countPeers(w);
    awareness(w);
    expect(w.state[0]).toBe(STATE.aware);
  });

  it('readopt_months: a discontinued instance is aware again after that many months (off by default)', () => {
    const make = (readopt: number | null) => {
      const w = world({ months: 36, opds: { list: [agency('a', 1)] }, innovations: [svc()], parameters: { ...QUIET, readopt_months: readopt } });
      live(w, 0);
      w.state[0] = STATE.discontinued;
      w.cause[0] = CAUSE.hazard;
      w.endedAt[0] = 2;
      return w;
    };
    const on = make(3);
    tick(on, 4);
    countPeers(on);
    awareness(on);
    expect(on.state[0]).toBe(STATE.discontinued);
    tick(on, 5);
    countPeers(on);
    awareness(on);
    expect(on.state[0]).toBe(STATE.aware);
    const off = make(null);
    tick(off, 30);
    countPeers(off);
    awareness(off);
    expect(off.state[0]).toBe(STATE.discontinued);
  });
});
