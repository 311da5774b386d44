/**
 * A complete graph has two representations (src/model/network.ts): the
 * `complete` flag, whose peer counts come from totals per innovation
 * (diffusion.ts countPeersComplete; bass.ts one sorted order of thresholds
 * and a common hazard), and the same graph written out as an edge list
 * (`erdos-renyi` with mean_degree n - 1 links every pair: p = 1), whose counts
 * are kept per agency (diffusion.ts snapshotPeers; bass.ts per-agency
 * clocks in month buckets). Every random draw is keyed by agency and
 * innovation, not by the graph's representation (MODEL.md 3, 5), and the
 * network stream is used only to build the graph, so the two must give the
 * same run to the bit: the same adoption month for every agency, the same
 * metric rows. A wrong count on either side (an initial adopter not counted,
 * a peer denominator off by one, a rate from the wrong table slot, a
 * kept count that misses a change) makes them part.
 */
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';
import { bassCurve } from '../../src/model/bass.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { metricNames } from '../../src/model/observation.js';
import type { Network } from '../../src/model/network.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { Process } from '../../src/model/processes.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';

/** The complete graph on n nodes as an explicit adjacency list (complete: false). */
function explicitComplete(n: number): Network {
  const offsets = new Int32Array(n + 1);
  const neighbors = new Int32Array(n * (n - 1));
  let e = 0;
  for (let o = 0; o < n; o++) {
    for (let v = 0; v < n; v++) if (v !== o) neighbors[e++] = v;
    offsets[o + 1] = e;
  }
  return { n, offsets, neighbors, complete: false };
}

const flagged = (n: number): Network => ({ n, offsets: new Int32Array(n + 1), neighbors: new Int32Array(0), complete: true });

/** Adoptions in each month, from a cumulative share curve. */
function perMonth(curve: Float64Array, n: number): number[] {
  const out: number[] = [];
  let before = 0;
  for (const c of curve) {
    const total = Math.round(c * n);
    out.push(total - before);
    before = total;
  }
  return out;
}

describe('bassCurve: the complete flag and the explicit complete graph give the same adoptions', () => {
  // Degrees up to 64 read the imitation hazard from a table, larger ones compute it:
  // degree 39, 64 (the table's last row) and 100.
  it.each([40, 65, 101])('n = %i: the same adoptions month by month, with imitation visible', (n) => {
    const months = 48;
    const pm = 0.01;
    const qm = 0.12;
    for (let r = 0; r < 3; r++) {
      const a = bassCurve(flagged(n), { p: pm, q: qm, months, streams: new Streams(replicationSeed(31, r)) });
      const b = bassCurve(explicitComplete(n), { p: pm, q: qm, months, streams: new Streams(replicationSeed(31, r)) });
      expect(perMonth(b, n), `n ${n} r${r}`).toEqual(perMonth(a, n));
      // Imitation matters here: without it (q = 0) the same thresholds give far fewer adoptions by month 36
      // (1 - (1 - p_m)^36 = 0.30 expected, against about 0.9 with imitation).
      const noImitation = bassCurve(explicitComplete(n), { p: pm, q: 0, months, streams: new Streams(replicationSeed(31, r)) });
      expect(b[35]! - noImitation[35]!, `n ${n} r${r}`).toBeGreaterThan(0.3);
    }
  });

  it('n = 6: the last holdouts, with every peer live, adopt at the full imitation hazard', () => {
    // q_m = 0.5: with all 5 peers live the hazard is -ln(1 - p_m) - ln(0.5); a holdout waits about 1.4 months, not 1 / p_m.
    // p_m = 0.01: nobody starts within 120 months with probability 0.99^720 < 0.001, and once one has, each
    // holdout's monthly hazard is at least -ln(0.9): all six have adopted by month 120 in (nearly) every replication.
    let tail = 0;
    for (let r = 0; r < 20; r++) {
      const a = bassCurve(flagged(6), { p: 0.01, q: 0.5, months: 120, streams: new Streams(replicationSeed(8, r)) });
      const b = bassCurve(explicitComplete(6), { p: 0.01, q: 0.5, months: 120, streams: new Streams(replicationSeed(8, r)) });
      expect(perMonth(b, 6), `r${r}`).toEqual(perMonth(a, 6));
      if (a[119] === 1) tail++;
    }
    expect(tail).toBeGreaterThanOrEqual(19);
  });

  it('an empty graph gives a curve of zeros', () => {
    const empty: Network = { n: 0, offsets: new Int32Array(1), neighbors: new Int32Array(0), complete: false };
    expect(Array.from(bassCurve(empty, { p: 0.1, q: 0.3, months: 5, streams: new Streams([1, 2]) }))).toEqual([0, 0, 0, 0, 0]);
  });

  it('every agency adopts in the month its threshold E is reached by the common hazard (hand recount on the explicit graph)', () => {
    // Recount MODEL.md 7.2 as hazard clocks without the library's bookkeeping:
    // each month every unaware agency's hazard grows by -ln(1 - p_m) - ln(1 - min(1, q_m f)),
    // f the live share of its n - 1 peers at the start of the month; it adopts in the first
    // month its cumulative hazard reaches its E = -ln(1 - u).
    const n = 70;
    const months = 40;
    const pm = 0.02;
    const qm = 0.2;
    const streams = new Streams(replicationSeed(5, 0));
    const got = bassCurve(explicitComplete(n), { p: pm, q: qm, months, streams });
    const E = Array.from({ length: n }, (_, o) => -Math.log1p(-new Streams(replicationSeed(5, 0)).uniform(Process.AwarenessClock, 0, o, 0)));
    const adopted = new Uint8Array(n);
    let live = 0;
    let H = 0;
    const expected: number[] = [];
    for (let t = 1; t <= months; t++) {
      H += -Math.log1p(-pm) - Math.log1p(-Math.min(1, (qm * live) / (n - 1)));
      let fired = 0;
      for (let o = 0; o < n; o++) {
        if (adopted[o] || E[o]! > H + 1e-9) continue;
        adopted[o] = 1;
        fired++;
      }
      live += fired;
      expected.push(live / n);
    }
    expect(Array.from(got)).toEqual(expected.map((x) => expect.closeTo(x, 12)));
  });
});

/** The same scenario on both representations of the complete graph, series compared to the bit; returns the mean final cumulative adoption share. */
function sameRun(input: Partial<ScenarioInput> & Pick<ScenarioInput, 'innovations'>, count: number, reps: number): number {
  const flag = model({ ...input, opds: { generate: { count } }, network: { type: 'complete' } });
  const edges = model({ ...input, opds: { generate: { count } }, network: { type: 'erdos-renyi', mean_degree: count - 1 } });
  const width = metricNames(flag).length;
  const adoptionsCol = metricNames(flag).indexOf('cumulative_adoption_share');
  expect(adoptionsCol).toBeGreaterThanOrEqual(0);
  let moved = 0;
  for (let r = 0; r < reps; r++) {
    const a = simulateReplication(flag, 2026, r, { detail: true });
    const b = simulateReplication(edges, 2026, r, { detail: true });
    for (let t = 0; t < flag.months; t++) {
      expect(Array.from(b.series.subarray(t * width, (t + 1) * width)), `r${r} month ${t + 1}`).toEqual(Array.from(a.series.subarray(t * width, (t + 1) * width)));
    }
    expect(b.events, `r${r} events`).toEqual(a.events);
    expect(b.agents, `r${r} agents`).toEqual(a.agents);
    moved += a.series[(flag.months - 1) * width + adoptionsCol]! / reps;
  }
  return moved;
}

describe('a replication on the complete flag and on the explicit complete graph is the same run', () => {
  it('pure Bass mode with eligibility, initial adopters (some routinized) and a later launch', () => {
    const moved = sameRun(
      {
        decision: 'bass',
        months: 36,
        innovations: [
          { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
          { id: 'b', owner: 'opd', funding: 'apbd', launch: '2020-06', integrated_from: '2020-12', eligible: ['dinas', 'badan'], initial_adopters: ['opd1', 'opd2'], ...PLAIN },
        ],
        initial_adopters: [{ innovation: 'a', opds: ['opd3', 'opd4', 'opd5'], state: 'routinized' }],
        parameters: { bass_p: 0.05, bass_q: 1.2 },
      },
      80,
      3,
    );
    // Imitation at q = 1.2 per year carries adoption well past the innovators.
    expect(moved).toBeGreaterThan(0.5);
  });

  it('the full model: disenchantment, negative word of mouth, re-adoption, a costly innovation, a pilot', () => {
    const moved = sameRun(
      {
        months: 60,
        innovations: [
          { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
          { id: 'b', owner: 'vendor', funding: 'pilot', pilot_months: 24, launch: '2020-04', ...PLAIN },
          { id: 'c', owner: 'opd', funding: 'apbd', launch: '2021-01', costly: true, eligible: ['dinas', 'badan'], ...PLAIN },
        ],
        parameters: { h0_other: 2, h0_routinized: 1, u_fail: 0.9, disenchant_months: 2, neg_wom_months: 4, readopt_months: 3, theta_mean: 0.25, complex_k: 3, reflexivity: 0.5, gap_months: 2 },
      },
      60,
      3,
    );
    expect(moved).toBeGreaterThan(0.3);
  });
});
