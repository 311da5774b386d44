/**
 * network.ts keeps the pair codes of a network of up to 1024 agencies in a
 * byte array and of a larger one in an open-addressing table (CodeSet), whose
 * codes pass 2^31 beyond 46,340 agencies: every way must give a simple
 * graph with every rewired edge moved, not doubled. A small world of degree 4
 * on n agencies has exactly 2n edges after rewiring (each rewiring removes
 * one edge and adds one); an edge whose removal was not recorded would be
 * emitted as well.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { buildNetwork, type Network } from '../../src/model/network.js';

function build(n: number): Network {
  const ids = new Map(Array.from({ length: n }, (_, i) => [`o${i}`, i] as [string, number]));
  return buildNetwork({ type: 'small-world', degree: 4, rewire: 0.3 }, n, ids, -1, new Streams([5, 6]));
}

function problems(net: Network): string[] {
  const out: string[] = [];
  for (let i = 0; i < net.n; i++) {
    const nb = Array.from(net.neighbors.subarray(net.offsets[i]!, net.offsets[i + 1]!));
    if (nb.includes(i)) out.push(`self-loop at ${i}`);
    if (new Set(nb).size !== nb.length) out.push(`repeated neighbour of ${i}`);
    for (let x = 1; x < nb.length; x++) if (nb[x - 1]! > nb[x]!) out.push(`unsorted neighbours of ${i}`);
  }
  return out;
}

describe('small-world networks on both sides of the byte-array limit and past 31-bit pair codes', () => {
  for (const n of [1024, 1100, 46_340, 46_341]) {
    it(`${n} agencies: a simple graph with 2n edges, some rewired`, () => {
      const net = build(n);
      expect(problems(net)).toEqual([]);
      expect(net.offsets[n]).toBe(4 * n); // 2n edges, each listed at both ends
      // Rewiring happened: some agency is linked beyond its ring neighbours.
      let rewired = 0;
      for (let i = 0; i < n; i++) {
        for (let e = net.offsets[i]!; e < net.offsets[i + 1]!; e++) {
          const d = Math.abs(net.neighbors[e]! - i);
          if (Math.min(d, n - d) > 2) rewired++;
        }
      }
      expect(rewired).toBeGreaterThan(n / 10);
    });
  }
});
