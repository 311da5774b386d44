/**
 * The pure Bass kernel from the library's entry point (docs/API.md, "Pure
 * Bass on a graph of your own"), on a graph the caller builds as compressed
 * sparse rows: the curve is the model the page states (synchronous update,
 * P = 1 - (1 - p)(1 - q f)), checked against the closed form where there is
 * one and against an independent naive loop written here where there is not.
 */
import { describe, expect, it } from 'vitest';
import { bassCurve, buildNetwork, replicationSeed, Streams, type Network, type NetworkSpec } from '../../src/index.js';

/** A ring: node i linked to i - 1 and i + 1 (mod n), neighbours sorted. */
function ring(n: number): Network {
  const offsets = new Int32Array(n + 1);
  const neighbors = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    offsets[i + 1] = 2 * (i + 1);
    const a = (i + n - 1) % n;
    const b = (i + 1) % n;
    neighbors[2 * i] = Math.min(a, b);
    neighbors[2 * i + 1] = Math.max(a, b);
  }
  return { n, offsets, neighbors, complete: false };
}

/** The model as the page states it, written independently: one uniform per agency and month. */
function naive(g: Network, p: number, q: number, months: number, seed: number): Float64Array {
  const adopted = new Uint8Array(g.n);
  const fresh: number[] = [];
  const curve = new Float64Array(months);
  let x = seed;
  const uniform = () => {
    // mulberry32
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let total = 0;
  for (let m = 0; m < months; m++) {
    fresh.length = 0;
    for (let i = 0; i < g.n; i++) {
      if (adopted[i]) continue;
      let live = 0;
      const from = g.offsets[i]!;
      const to = g.offsets[i + 1]!;
      for (let e = from; e < to; e++) live += adopted[g.neighbors[e]!]!;
      const f = to > from ? live / (to - from) : 0;
      if (uniform() < 1 - (1 - p) * (1 - q * f)) fresh.push(i);
    }
    for (const i of fresh) adopted[i] = 1;
    total += fresh.length;
    curve[m] = total / g.n;
  }
  return curve;
}

const N = 20_000;
const streams = (r: number) => new Streams(replicationSeed(1, r));

describe('bassCurve from the library entry point', () => {
  it('without imitation (q = 0) follows 1 - (1 - p)^t on any graph', () => {
    // One replication of 20,000 agencies: the share's SD is at most 0.0036; 5 SD allowed.
    const curve = bassCurve(ring(N), { p: 0.01, q: 0, months: 120, streams: streams(0) });
    for (const t of [1, 12, 60, 120]) expect(Math.abs(curve[t - 1]! - (1 - 0.99 ** t)), `month ${t}`).toBeLessThan(0.018);
  });

  it('with imitation on a ring it matches an independent naive loop of the stated model (mean of 4 replications each)', () => {
    const p = 0.004;
    const q = 0.3;
    const months = 96;
    const g = ring(N);
    const mean = (curves: Float64Array[], t: number) => curves.reduce((s, c) => s + c[t - 1]!, 0) / curves.length;
    const kernel = [0, 1, 2, 3].map((r) => bassCurve(g, { p, q, months, streams: streams(r) }));
    const yardstick = [11, 12, 13, 14].map((s) => naive(g, p, q, months, s));
    const noImitation = bassCurve(g, { p, q: 0, months, streams: streams(0) });
    for (const t of [12, 24, 48, 96]) {
      // Runs of adopters along the ring make the share noisier than independent draws;
      // at F = 0.5 the SD of a mean of 4 is below 0.005 here, and 0.02 is allowed.
      expect(Math.abs(mean(kernel, t) - mean(yardstick, t)), `month ${t}`).toBeLessThan(0.02);
    }
    // Imitation must show: the curve with q is clearly above the one without it.
    expect(mean(kernel, 96) - noImitation[95]!).toBeGreaterThan(0.1);
  });

  it('the same seed and graph give the same curve; another replication another one', () => {
    const g = ring(2_000);
    const a = bassCurve(g, { p: 0.01, q: 0.3, months: 60, streams: streams(5) });
    const b = bassCurve(g, { p: 0.01, q: 0.3, months: 60, streams: streams(5) });
    const c = bassCurve(g, { p: 0.01, q: 0.3, months: 60, streams: streams(6) });
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
  });

  it('buildNetwork gives a scenario-style small world with the stated mean degree', () => {
    const ids = new Map<string, number>();
    const g = buildNetwork({ type: 'small-world', degree: 10, rewire: 0.1 } as NetworkSpec, 5_000, ids, -1, streams(0));
    expect(g.complete).toBe(false);
    // A ring of degree 10 keeps 10 x n / 2 edges when rewired (no duplicates, no self-loops): mean degree 10 exactly.
    expect(g.offsets[g.n]! / g.n).toBe(10);
  });
});
