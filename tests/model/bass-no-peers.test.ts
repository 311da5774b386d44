/**
 * Pure Bass mode (MODEL.md 7.2) where imitation has nothing to act on:
 *  - an agency without eligible peers has f = 0 ("0 without eligible peers"),
 *    so it becomes aware (and, in pure Bass mode, adopts) at the innovation
 *    probability p_m alone, however large q is: on the `none` network the
 *    share adopted by month t is 1 - (1 - p_m)^t. 40,000 agencies, so the
 *    binomial standard error of a month's share is below 0.0025; the
 *    tolerance is 0.012 (about 5 standard errors), tight enough that a
 *    monthly rate taken as bass_p / 12 instead of compounded (0.332 instead
 *    of 0.36 by month 24) fails. (A rate computed as q_m * 0 / 0 would be NaN and
 *    the agency would never adopt; the q = 0 test of bass-clock.test.ts
 *    cannot tell an agency without peers from one whose peers are idle.)
 *  - BassClock's `eligible: null` means "every agency eligible" (bass.ts):
 *    with initial adopters on a sparse graph it fires the same agencies in
 *    the same months as an all-ones mask, and the initial adopters do raise
 *    their peers' rates (the run without them differs). The simulation
 *    always passes a mask and bassCurve has no initial adopters, so this
 *    pins the exported class's own contract.
 */
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';
import { BassClock } from '../../src/model/bass.js';
import { initWorld } from '../../src/model/init.js';
import { buildNetwork } from '../../src/model/network.js';
import { step } from '../../src/model/step.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';

describe('pure Bass mode without eligible peers', () => {
  it('on the none network every agency adopts at p_m alone, even with a large q', () => {
    const bassP = 0.2;
    const n = 40_000;
    const m = model({
      decision: 'bass',
      months: 24,
      opds: { generate: { count: n } },
      network: { type: 'none' },
      innovations: [{ id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { bass_p: bassP, bass_q: 3 },
    });
    const w = initWorld(m, new Streams(replicationSeed(5, 0)), false);
    const pm = 1 - Math.pow(1 - bassP, 1 / 12);
    let adopted = 0;
    for (let t = 1; t <= m.months; t++) {
      step(w, t);
      adopted += w.counters.newAdoptions;
      expect(Math.abs(adopted / n - (1 - Math.pow(1 - pm, t))), `month ${t}`).toBeLessThan(0.012);
    }
    // By month 24: 1 - (1 - 0.2)^2 = 0.36.
    expect(adopted / n).toBeGreaterThan(0.33);
  });
});

describe('BassClock: eligible null is every agency eligible', () => {
  const n = 600;
  const months = 36;
  const network = buildNetwork({ type: 'small-world', degree: 4, rewire: 0.1 }, n, new Map(Array.from({ length: n }, (_, i) => [`o${i}`, i])), -1, new Streams([9, 9]));
  const peers = new Int32Array(n);
  for (let o = 0; o < n; o++) peers[o] = network.offsets[o + 1]! - network.offsets[o]!;
  const seeds = new Set([0, 100, 200, 300, 400, 500]);

  /** The month each agency fires (0: never, -1: initial adopter). */
  function fireMonths(eligible: Uint8Array | null, initial: ReadonlySet<number>): Int32Array {
    const clock = new BassClock({ network, eligible, peers, keys: null, innovationKey: 7, months, streams: new Streams(replicationSeed(3, 1)) });
    clock.start(1, 0.002, 0.6, (o) => initial.has(o));
    const at = new Int32Array(n);
    for (const o of initial) at[o] = -1;
    const out = new Int32Array(n);
    for (let month = 1; month <= months; month++) {
      const c = clock.fire(month, out);
      for (let x = 0; x < c; x++) at[out[x]!] = month;
      clock.propagate(month, out, c);
    }
    return at;
  }

  it('fires the same agencies in the same months as an all-ones mask, initial adopters counted', () => {
    const withNull = fireMonths(null, seeds);
    const withMask = fireMonths(new Uint8Array(n).fill(1), seeds);
    expect(Array.from(withNull)).toEqual(Array.from(withMask));
    // The initial adopters' peers see them: the same draws without them give other months.
    const without = fireMonths(null, new Set());
    const fired = (a: Int32Array) => a.filter((x) => x > 0).length;
    expect(fired(withNull)).toBeGreaterThan(fired(without));
  });
});
