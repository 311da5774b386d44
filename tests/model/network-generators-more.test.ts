/**
 * Network generators (MODEL.md section 5), properties the generator tests in
 * network.test.ts leave open:
 *  - Watts-Strogatz: each lattice edge is rewired with probability `rewire`,
 *    so about a share 1 - rewire of the lattice edges stays (n = 1000, k = 4:
 *    2,000 edges, binomial SE at most 0.011; tolerance 0.045, 4 SE);
 *  - Barabasi-Albert: the seed clique of m + 1 nodes, then exactly m links
 *    per new node to distinct earlier nodes (targets are plentiful, so the
 *    attempt cap never binds: (m+1)m/2 + m(n - m - 1) edges); attachment is
 *    preferential, so the oldest nodes gather far more links than the
 *    youngest (under uniform attachment node i's expected degree is about
 *    m(1 + ln(n / i)); preferential gives m sqrt(n / i)).
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { initWorld } from '../../src/model/init.js';
import type { Network } from '../../src/model/network.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { model } from './helpers.js';
import { MODEL_DEFAULTS, PLAIN } from '../support/world.js';

const innovations = [{ id: 'svc', owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN }];

function build(n: number, network: ScenarioInput['network'], seed: [number, number] = [1, 2]): Network {
  const m = model({ opds: { generate: { count: n } }, network, innovations, parameters: MODEL_DEFAULTS });
  return initWorld(m, new Streams(seed), false).network;
}

const has = (net: Network, i: number, j: number) => net.neighbors.subarray(net.offsets[i]!, net.offsets[i + 1]!).includes(j);
const degree = (net: Network, i: number) => net.offsets[i + 1]! - net.offsets[i]!;

describe('small-world rewiring', () => {
  it.each([0.1, 0.3, 0.6])('rewire %f: a share of about 1 - rewire of the ring-lattice edges stays', (beta) => {
    const n = 1000;
    const net = build(n, { type: 'small-world', degree: 4, rewire: beta });
    let kept = 0;
    for (let x = 0; x < n; x++) for (const s of [1, 2]) if (has(net, x, (x + s) % n)) kept++;
    const share = kept / (2 * n);
    expect(Math.abs(share - (1 - beta)), `kept ${share}`).toBeLessThan(0.045);
    // Rewiring moves an edge, it neither adds nor drops one.
    expect(net.neighbors.length / 2).toBe(2 * n);
  });
});

describe('scale-free (Barabasi-Albert)', () => {
  it.each([
    [2, 600],
    [3, 400],
  ])('m = %i, n = %i: the seed clique, then exactly m links per new node', (m, n) => {
    for (const seed of [[1, 2], [3, 4]] as [number, number][]) {
      const net = build(n, { type: 'scale-free', links: m }, seed);
      expect(net.neighbors.length / 2).toBe(((m + 1) * m) / 2 + m * (n - m - 1));
      // The seed clique: the first m + 1 agencies are all linked to each other.
      for (let a = 0; a <= m; a++) for (let b = a + 1; b <= m; b++) expect(has(net, a, b), `${a}-${b}`).toBe(true);
      // Every later agency has at least its own m links, to earlier agencies.
      for (let x = m + 1; x < n; x++) {
        expect(degree(net, x)).toBeGreaterThanOrEqual(m);
        let earlier = 0;
        for (let e = net.offsets[x]!; e < net.offsets[x + 1]!; e++) if (net.neighbors[e]! < x) earlier++;
        expect(earlier, `agency ${x}`).toBe(m);
      }
    }
  });

  it('attachment is preferential: the first ten agencies hold far more links than under uniform attachment', () => {
    const n = 2000;
    const m = 2;
    let first = 0;
    for (const seed of [[1, 2], [5, 6], [7, 8]] as [number, number][]) {
      const net = build(n, { type: 'scale-free', links: m }, seed);
      for (let i = 0; i < 10; i++) first += degree(net, i) / 30;
    }
    // Preferential: node i's degree grows like m sqrt(n / i): mean over i = 1..10 about m sqrt(n) * 0.50 = 45 (node 0 counted as 1).
    // Uniform attachment: about m (1 + ln(n / i)), mean over the first ten about 2 * (1 + 6.0) = 14.
    expect(first).toBeGreaterThan(30);
  });
});
