/**
 * Pure Bass mode as hazard clocks (src/model/bass.ts):
 *  - the metrics kept incrementally equal a full scan of the world, month by
 *    month, with several innovations, eligibility, initial adopters (some
 *    routinized), integration from a later month, sparse and complete graphs;
 *  - on a sparse graph the clocks give the distribution of the per-month
 *    draws they replace: the mean cumulative share over 40 replications
 *    matches a plain per-month loop of MODEL.md 7.2 on the same graph
 *    (tolerance 0.01; the standard error of each 40-replication mean is
 *    below 0.002 at 3,000 agencies);
 *  - without imitation (q = 0) the share adopted by month t is
 *    1 - (1 - p_m)^t (binomial, 20,000 agencies: SE < 0.0036; tolerance 0.012).
 */
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';
import { bassCurve, observeBass } from '../../src/model/bass.js';
import { initWorld } from '../../src/model/init.js';
import { buildNetwork, type Network } from '../../src/model/network.js';
import { metricNames, observe } from '../../src/model/observation.js';
import { step } from '../../src/model/step.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';

function scanEqualsKept(network: ScenarioInput['network']): void {
  const m = model({
    decision: 'bass',
    months: 36,
    opds: { generate: { count: 300 }, list: [{ id: 'opd1', type: 'dinas' }] },
    network,
    innovations: [
      { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
      { id: 'b', owner: 'opd', funding: 'apbd', launch: '2020-06', integrated_from: '2020-12', eligible: ['dinas', 'badan'], initial_adopters: ['opd1'], ...PLAIN },
    ],
    initial_adopters: [{ innovation: 'a', opds: ['opd2', 'opd3'], state: 'routinized' }],
    parameters: { bass_p: 0.2, bass_q: 1.5 },
  });
  const w = initWorld(m, new Streams([3, 4]), true);
  const width = metricNames(m).length;
  const kept = new Float64Array(width);
  const scanned = new Float64Array(width);
  let adoptions = 0;
  for (let t = 1; t <= m.months; t++) {
    step(w, t);
    observeBass(w, kept);
    observe(w, scanned);
    expect(Array.from(kept), `month ${t}`).toEqual(Array.from(scanned));
    adoptions += w.counters.newAdoptions;
  }
  expect(adoptions).toBeGreaterThan(100);
}

describe('pure Bass mode as hazard clocks', () => {
  it('kept metrics equal a full scan, sparse graph', () => scanEqualsKept({ type: 'small-world', degree: 6, rewire: 0.2 }));
  it('kept metrics equal a full scan, complete graph', () => scanEqualsKept({ type: 'complete' }));

  const pm = 0.004;
  const qm = 0.05;
  const months = 60;

  function naive(g: Network, streams: Streams): Float64Array {
    const n = g.n;
    const adopted = new Uint8Array(n);
    const curve = new Float64Array(months);
    let total = 0;
    const fresh: number[] = [];
    for (let t = 1; t <= months; t++) {
      fresh.length = 0;
      for (let o = 0; o < n; o++) {
        if (adopted[o]) continue;
        let live = 0;
        const d = g.offsets[o + 1]! - g.offsets[o]!;
        for (let e = g.offsets[o]!; e < g.offsets[o + 1]!; e++) live += adopted[g.neighbors[e]!]!;
        const prob = 1 - (1 - pm) * (1 - Math.min(1, (qm * live) / Math.max(1, d)));
        if (streams.uniform(99, t, o, 0) < prob) fresh.push(o);
      }
      for (const o of fresh) adopted[o] = 1;
      total += fresh.length;
      curve[t - 1] = total / n;
    }
    return curve;
  }

  it('same distribution as one draw per agency and month (sparse graph, 40 replications)', () => {
    const m = model({ opds: { generate: { count: 3000 } }, network: { type: 'small-world', degree: 8, rewire: 0.1 }, innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }] });
    const ids = new Map(m.opds.map((o, i) => [o.id, i]));
    const g = buildNetwork(m.scenario.network, 3000, ids, -1, new Streams([5, 6]));
    const reps = 40;
    const a = new Float64Array(months);
    const b = new Float64Array(months);
    for (let r = 0; r < reps; r++) {
      const x = naive(g, new Streams(replicationSeed(11, r)));
      const y = bassCurve(g, { p: pm, q: qm, months, streams: new Streams(replicationSeed(12, r)) });
      for (let t = 0; t < months; t++) {
        a[t]! += x[t]! / reps;
        b[t]! += y[t]! / reps;
      }
    }
    expect(b[months - 1]!).toBeGreaterThan(0.3); // imitation matters at this horizon
    for (const t of [6, 12, 24, 36, 48, 60]) expect(Math.abs(a[t - 1]! - b[t - 1]!), `month ${t}`).toBeLessThan(0.01);
  });

  it('without imitation the share adopted by month t is 1 - (1 - p_m)^t', () => {
    const n = 20_000;
    const g: Network = { n, offsets: new Int32Array(n + 1), neighbors: new Int32Array(0), complete: false };
    const p = 0.01;
    const curve = bassCurve(g, { p, q: 0, months: 120, streams: new Streams([7, 8]) });
    for (const t of [1, 12, 60, 120]) expect(Math.abs(curve[t - 1]! - (1 - Math.pow(1 - p, t)))).toBeLessThan(0.012);
  });
});
