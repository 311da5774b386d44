/**
 * An unordered pair of agencies gets one draw, the same whichever end comes
 * first (network.ts `pairDraw`; MODEL.md section 5: the network is a pure
 * function of the seed and the agencies' ids, not of their list order).
 * Reordering the agency list must give the same edges between the same ids,
 * for Erdos-Renyi and for an Erdos-Renyi generator among a hub's others.
 */
import { describe, expect, it } from 'vitest';
import { Streams, keyOf } from '../../src/engine/random.js';
import { buildNetwork, type Network } from '../../src/model/network.js';
import type { NetworkSpec } from '../../src/scenario/schema.js';

const N = 40;
const names = Array.from({ length: N }, (_, i) => `agency-${i}`);

/** Edges as sorted id pairs, for the agencies listed in `order`. */
function edgesOf(spec: NetworkSpec, order: readonly string[]): string[] {
  const ids = new Map(order.map((id, i) => [id, i]));
  const keys = Int32Array.from(order, (id) => keyOf(id));
  const net: Network = buildNetwork(spec, order.length, ids, ids.get('agency-0')!, new Streams([7, 9]), keys);
  const out: string[] = [];
  for (let i = 0; i < net.n; i++)
    for (let x = net.offsets[i]!; x < net.offsets[i + 1]!; x++) {
      const j = net.neighbors[x]!;
      if (order[i]! < order[j]!) out.push(`${order[i]}|${order[j]}`);
    }
  return out.sort();
}

/** A fixed shuffle (not a random draw): every 7th agency, wrapping. */
const shuffled = Array.from({ length: N }, (_, i) => names[(i * 7) % N]!);
const reversed = [...names].reverse();

describe('pair draws do not depend on which end of the pair comes first', () => {
  const specs: [string, NetworkSpec][] = [
    ['erdos-renyi', { type: 'erdos-renyi', mean_degree: 6 } as NetworkSpec],
    ['hub with erdos-renyi among the others', { type: 'hub', hub: 'agency-0', among: { type: 'erdos-renyi', mean_degree: 4 } } as NetworkSpec],
  ];
  it.each(specs)('%s: the same edges between the same agencies in any list order', (_, spec) => {
    const base = edgesOf(spec, names);
    // Not vacuous: a sparse graph, neither empty nor complete.
    expect(base.length).toBeGreaterThan(N);
    expect(base.length).toBeLessThan((N * (N - 1)) / 4);
    expect(edgesOf(spec, reversed)).toEqual(base);
    expect(edgesOf(spec, shuffled)).toEqual(base);
  });

  it('another seed gives other edges (the draws are real)', () => {
    const spec = { type: 'erdos-renyi', mean_degree: 6 } as NetworkSpec;
    const ids = new Map(names.map((id, i) => [id, i]));
    const keys = Int32Array.from(names, (id) => keyOf(id));
    const a = buildNetwork(spec, N, ids, -1, new Streams([7, 9]), keys);
    const b = buildNetwork(spec, N, ids, -1, new Streams([8, 9]), keys);
    expect(Array.from(b.neighbors)).not.toEqual(Array.from(a.neighbors));
  });
});

describe('a pair draw is keyed by both ends', () => {
  // Erdos-Renyi with p = 20 / 39 (about 1/2): each pair gets its own draw.
  // Keyed by one end only, every pair sharing that (lower-keyed) end would
  // get the same draw, so an agency would be linked to all of its
  // higher-keyed partners or to none of them.
  it('no agency with 15 or more higher-keyed partners is linked to all or none of them', () => {
    const spec = { type: 'erdos-renyi', mean_degree: 20 } as NetworkSpec;
    const edges = new Set(edgesOf(spec, names));
    const key = new Map(names.map((id) => [id, keyOf(id)]));
    let checked = 0;
    for (const a of names) {
      const higher = names.filter((b) => b !== a && key.get(b)! > key.get(a)!);
      if (higher.length < 15) continue;
      checked++;
      const linked = higher.filter((b) => edges.has(a < b ? `${a}|${b}` : `${b}|${a}`)).length;
      // Binomial(m >= 15, 1/2): 0 or m has probability at most 2^-14 per agency.
      expect(linked).toBeGreaterThan(0);
      expect(linked).toBeLessThan(higher.length);
    }
    expect(checked).toBeGreaterThan(10);
  });
});
