/**
 * The peer network (network.ts) against an independent reference written
 * from docs/MODEL.md section 5 and the draw scheme network.ts documents: an
 * adjacency matrix instead of an edge set and compressed rows, each
 * generator a plain loop over it. The draws are the Network stream's
 * uniforms keyed by (generator salt: 0, or 1 for the generator among a
 * hub's others; the agencies' id keys; the draw index), so the reference
 * must give the same graph, edge for edge, for any seed, size and keys:
 * a mutant that changes a generator's degree, rewiring probability, pair
 * order, draw keys, Barabasi-Albert target list or the compressed rows
 * shows as a different edge.
 *
 * Kept under tests/model/ so the mutation test set (vitest.mutate.config.ts)
 * runs it; all set-up inside `it`.
 */
import { describe, expect, it } from 'vitest';
import { Streams, keyOf } from '../../src/engine/random.js';
import { Process } from '../../src/model/processes.js';
import { buildNetwork, jumpChoice, type Network } from '../../src/model/network.js';
import type { NetworkGeneratorSpec, NetworkSpec } from '../../src/scenario/schema.js';

type Draw = (a: number, b: number, d: number) => number;

/** Symmetric adjacency matrix of n agencies (self-links refused). */
class Adj {
  readonly m: Uint8Array;
  constructor(readonly n: number) {
    this.m = new Uint8Array(n * n);
  }
  link(i: number, j: number): void {
    if (i === j) return;
    this.m[i * this.n + j] = 1;
    this.m[j * this.n + i] = 1;
  }
  unlink(i: number, j: number): void {
    this.m[i * this.n + j] = 0;
    this.m[j * this.n + i] = 0;
  }
  linked(i: number, j: number): boolean {
    return this.m[i * this.n + j] === 1;
  }
  /** Sorted neighbour lists. */
  lists(): number[][] {
    return Array.from({ length: this.n }, (_, i) => Array.from({ length: this.n }, (_, j) => j).filter((j) => this.linked(i, j)));
  }
}

/** Jump consistent hashing (Lamping and Veach 2014, "A fast, minimal memory, consistent hash algorithm"), fed by uniforms. */
function jump(r: (step: number) => number, buckets: number): number {
  let b = -1;
  let j = 0;
  let step = 0;
  while (j < buckets) {
    b = j;
    j = Math.floor((b + 1) / (1 - r(step)));
    step += 1;
  }
  return b;
}

function reference(spec: NetworkSpec, n: number, ids: ReadonlyMap<string, number>, coordinator: number, streams: Streams, keys: ArrayLike<number>): { lists: number[][]; complete: boolean } {
  if (spec.type === 'complete' || (spec.type === 'hub' && spec.among?.type === 'complete')) return { lists: [], complete: true };
  const adj = new Adj(n);
  const drawOf = (salt: number): Draw => (a, b, d) => streams.uniform(Process.Network, salt, keys[a]!, b === -1 ? 0 : keys[b]!, d);
  const run = (g: NetworkGeneratorSpec, nodes: number[], u: Draw) => {
    const size = nodes.length;
    if (g.type === 'complete') {
      for (const a of nodes) for (const b of nodes) adj.link(a, b);
    } else if (g.type === 'erdos-renyi') {
      if (size < 2) return;
      const p = Math.min(1, (g.mean_degree ?? 0) / (size - 1));
      for (let x = 0; x < size; x++)
        for (let y = x + 1; y < size; y++) {
          const a = nodes[x]!;
          const b = nodes[y]!;
          // One draw per unordered pair: keyed lower id key first.
          const draw = keys[a]! <= keys[b]! ? u(a, b, 0) : u(b, a, 0);
          if (draw < p) adj.link(a, b);
        }
    } else if (g.type === 'small-world') {
      const k = g.degree ?? 4;
      const beta = g.rewire ?? 0.1;
      const reach = (k - (k % 2)) / 2;
      for (let x = 0; x < size; x++) for (let s = 1; s <= reach; s++) adj.link(nodes[x]!, nodes[(x + s) % size]!);
      if (!(beta > 0) || size < 3) return;
      for (let s = 1; s <= reach; s++)
        for (let x = 0; x < size; x++) {
          const i = nodes[x]!;
          const j = nodes[(x + s) % size]!;
          if (!(u(i, j, 0) < beta)) continue;
          for (let attempt = 0; attempt < 32; attempt++) {
            const t = nodes[jump((step) => u(i, j, 1 + 64 * attempt + step), size)]!;
            if (t === i || adj.linked(i, t)) continue;
            adj.unlink(i, j);
            adj.link(i, t);
            break;
          }
        }
    } else if (g.type === 'scale-free') {
      const m = g.links ?? 2;
      const clique = Math.min(size, m + 1);
      const ends: number[] = [];
      for (let x = 0; x < clique; x++)
        for (let y = 0; y < clique; y++) {
          if (x !== y) adj.link(nodes[x]!, nodes[y]!);
        }
      // Every clique member once per link it holds (clique - 1 links each), member by member.
      for (let x = 0; x < clique; x++) for (let c = 1; c < clique; c++) ends.push(nodes[x]!);
      for (let x = clique; x < size; x++) {
        const i = nodes[x]!;
        const picked = new Set<number>();
        const want = Math.min(m, x);
        for (let attempt = 0; picked.size < want && attempt < 64 * m; attempt++) picked.add(ends[Math.floor(u(i, -1, attempt) * ends.length)]!);
        for (const t of [...picked].sort((a, b) => a - b)) {
          adj.link(i, t);
          ends.push(i, t);
        }
      }
    }
  };
  const everyone = Array.from({ length: n }, (_, i) => i);
  if (spec.type === 'hub') {
    const hub = spec.hub === undefined ? coordinator : ids.has(spec.hub) ? ids.get(spec.hub)! : -1;
    const rest = everyone.filter((i) => i !== hub);
    if (spec.among !== undefined) run(spec.among, rest, drawOf(1));
    if (hub !== -1) for (const i of rest) adj.link(hub, i);
  } else {
    run(spec as NetworkGeneratorSpec, everyone, drawOf(0));
  }
  for (const [a, b] of spec.edges ?? []) if (ids.has(a) && ids.has(b)) adj.link(ids.get(a)!, ids.get(b)!);
  return { lists: adj.lists(), complete: false };
}

const lists = (net: Network): number[][] => Array.from({ length: net.n }, (_, i) => Array.from(net.neighbors.subarray(net.offsets[i]!, net.offsets[i + 1]!)));
const names = (n: number) => Array.from({ length: n }, (_, i) => `opd-${i + 1}`);
const idMap = (ns: readonly string[]) => new Map(ns.map((id, i) => [id, i]));

/** buildNetwork and the reference on the same inputs; returns the network. */
function same(spec: NetworkSpec, n: number, seed: [number, number], opts: { coordinator?: number; idKeys?: boolean } = {}): Network {
  const ns = names(n);
  const ids = idMap(ns);
  const keys = opts.idKeys === false ? Int32Array.from({ length: n }, (_, i) => i) : Uint32Array.from(ns, (id) => keyOf(id));
  const coordinator = opts.coordinator ?? -1;
  const net = opts.idKeys === false ? buildNetwork(spec, n, ids, coordinator, new Streams(seed)) : buildNetwork(spec, n, ids, coordinator, new Streams(seed), keys);
  const want = reference(spec, n, ids, coordinator, new Streams(seed), keys);
  expect(net.n).toBe(n);
  expect(net.complete).toBe(want.complete);
  if (want.complete) {
    expect(Array.from(net.offsets)).toEqual(new Array(n + 1).fill(0));
    expect(net.neighbors.length).toBe(0);
    return net;
  }
  expect(lists(net)).toEqual(want.lists);
  // The compressed rows themselves: offsets are the running sum of the degrees.
  const offsets = [0];
  for (const l of want.lists) offsets.push(offsets[offsets.length - 1]! + l.length);
  expect(Array.from(net.offsets)).toEqual(offsets);
  expect(Array.from(net.neighbors)).toEqual(want.lists.flat());
  return net;
}

const edges = (net: Network) => net.neighbors.length / 2;
const SEEDS: [number, number][] = [
  [3, 5],
  [20261206, 17],
];

describe('network generators equal an independent reference, edge for edge', () => {
  it('erdos-renyi: pair draws below mean_degree / (n - 1), ids keyed, for several sizes and degrees', () => {
    for (const seed of SEEDS) {
      for (const [n, d] of [[30, 3], [17, 6.5], [2, 1], [12, 0.4]] as const) {
        const net = same({ type: 'erdos-renyi', mean_degree: d } as NetworkSpec, n, seed);
        if (n === 30) expect(edges(net)).toBeGreaterThan(20); // a real graph, not an empty one
      }
    }
  });

  it('erdos-renyi: mean_degree n - 1 or more links every pair (p capped at 1), yet not flagged complete; 0 links none; one agency has none', () => {
    const all = same({ type: 'erdos-renyi', mean_degree: 40 } as NetworkSpec, 9, SEEDS[0]!);
    expect(edges(all)).toBe(36);
    expect(all.complete).toBe(false);
    const exact = same({ type: 'erdos-renyi', mean_degree: 8 } as NetworkSpec, 9, SEEDS[0]!);
    expect(edges(exact)).toBe(36);
    expect(edges(same({ type: 'erdos-renyi', mean_degree: 0 } as NetworkSpec, 9, SEEDS[0]!))).toBe(0);
    expect(edges(same({ type: 'erdos-renyi' } as NetworkSpec, 9, SEEDS[0]!))).toBe(0);
    expect(edges(same({ type: 'erdos-renyi', mean_degree: 3 } as NetworkSpec, 1, SEEDS[0]!))).toBe(0);
  });

  it('erdos-renyi with the default keys (the indices) when none are given', () => {
    for (const seed of SEEDS) same({ type: 'erdos-renyi', mean_degree: 4 } as NetworkSpec, 20, seed, { idKeys: false });
    for (const seed of SEEDS) same({ type: 'scale-free', links: 2 } as NetworkSpec, 20, seed, { idKeys: false });
    for (const seed of SEEDS) same({ type: 'small-world', degree: 4, rewire: 0.5 } as NetworkSpec, 20, seed, { idKeys: false });
  });

  it('small-world: ring of `degree` nearest neighbours, each ring link rewired with probability `rewire`', () => {
    for (const seed of SEEDS) {
      for (const [n, k, beta] of [[25, 4, 0.3], [24, 6, 0.15], [31, 2, 0.5], [20, 4, 1], [16, 5, 0.4], [12, 8, 0.6]] as const) {
        const net = same({ type: 'small-world', degree: k, rewire: beta } as NetworkSpec, n, seed);
        // Rewiring moves links, it never adds or drops one (n large enough for no ring overlap).
        expect(edges(net)).toBe(n * Math.floor(k / 2));
      }
    }
  });

  it('small-world defaults: degree 4 and rewire 0.1; rewire 0 is the ring itself', () => {
    for (const seed of SEEDS) {
      const net = same({ type: 'small-world' } as NetworkSpec, 40, seed);
      expect(edges(net)).toBe(80);
      const ring = same({ type: 'small-world', degree: 6, rewire: 0 } as NetworkSpec, 15, seed);
      for (let i = 0; i < 15; i++) expect(lists(ring)[i]).toEqual([1, 2, 3, 12, 13, 14].map((s) => (i + s) % 15).sort((a, b) => a - b));
    }
    // With the default rewire some of 40 x 2 ring links move (expected 8), with rewire 0 none do.
    const moved = (net: Network) => lists(net).reduce((c, l, i) => c + l.filter((j) => j > i && Math.min((j - i + 40) % 40, (i - j + 40) % 40) > 2).length, 0);
    const byDefault = moved(same({ type: 'small-world' } as NetworkSpec, 40, SEEDS[1]!));
    expect(byDefault).toBeGreaterThan(0);
    expect(byDefault).toBeLessThan(25);
  });

  it('small-world on tiny rings (the ring wraps onto itself; fewer than 3 agencies are never rewired)', () => {
    for (const seed of SEEDS) {
      for (const [n, k, beta] of [[4, 4, 0.9], [5, 4, 1], [3, 2, 1], [2, 2, 1], [6, 6, 0.7], [1, 4, 1]] as const) same({ type: 'small-world', degree: k, rewire: beta } as NetworkSpec, n, seed);
    }
  });

  it('small-world: a link is rewired within 32 target draws or kept (dense rings, where every draw may miss)', () => {
    // n = 8, k = 6: each agency has one non-neighbour, so a draw finds it with probability 1/8;
    // all 32 draws miss with probability (7/8)^32, about 1.4 % a link: over 150 seeds of 24 links, some do.
    for (let seed = 1; seed <= 150; seed++) same({ type: 'small-world', degree: 6, rewire: 1 } as NetworkSpec, 8, [seed, 99]);
  });

  it('scale-free: a clique of links + 1, then each agency links to `links` agencies drawn by degree', () => {
    for (const seed of SEEDS) {
      for (const [n, m] of [[40, 2], [30, 3], [25, 1], [3, 4], [6, 5], [14, 5], [12, 7]] as const) {
        const net = same({ type: 'scale-free', links: m } as NetworkSpec, n, seed);
        const clique = Math.min(n, m + 1);
        expect(edges(net)).toBe((clique * (clique - 1)) / 2 + m * Math.max(0, n - clique));
      }
      same({ type: 'scale-free' } as NetworkSpec, 30, seed);
    }
  });

  it('hub: the named agency, else the coordinator, linked to all; the generator among the others has its own salt', () => {
    for (const seed of SEEDS) {
      const ns = names(20);
      const named = same({ type: 'hub', hub: ns[7], among: { type: 'erdos-renyi', mean_degree: 3 } } as NetworkSpec, 20, seed, { coordinator: 2 });
      expect(lists(named)[7]!.length).toBe(19);
      same({ type: 'hub', among: { type: 'small-world', degree: 4, rewire: 0.4 } } as NetworkSpec, 20, seed, { coordinator: 0 });
      same({ type: 'hub', among: { type: 'scale-free', links: 2 } } as NetworkSpec, 20, seed, { coordinator: 19 });
      // No coordinator and no hub named: only the generator.
      const headless = same({ type: 'hub', among: { type: 'erdos-renyi', mean_degree: 3 } } as NetworkSpec, 20, seed);
      expect(Math.max(...lists(headless).map((l) => l.length))).toBeLessThan(19);
      // A hub id that is no agency: no hub, the generator over everyone.
      same({ type: 'hub', hub: 'nobody', among: { type: 'erdos-renyi', mean_degree: 3 } } as NetworkSpec, 20, seed, { coordinator: 4 });
      const star = same({ type: 'hub' } as NetworkSpec, 20, seed, { coordinator: 5 });
      expect(edges(star)).toBe(19);
      same({ type: 'hub', among: { type: 'none' } } as NetworkSpec, 20, seed, { coordinator: 5 });
    }
  });

  it('the generator among the hub\'s others draws on salt 1, not on the plain generator\'s salt 0', () => {
    const ns = names(30);
    const ids = idMap(ns);
    const keys = Uint32Array.from(ns, (id) => keyOf(id));
    const among = buildNetwork({ type: 'hub', among: { type: 'erdos-renyi', mean_degree: 4 } } as NetworkSpec, 30, ids, -1, new Streams([8, 8]), keys);
    const plain = buildNetwork({ type: 'erdos-renyi', mean_degree: 4 } as NetworkSpec, 30, ids, -1, new Streams([8, 8]), keys);
    expect(lists(among)).not.toEqual(lists(plain));
  });

  it('complete, and a hub with a complete generator among the others, are flagged complete with no edge list; a hub among none is not', () => {
    same({ type: 'complete' } as NetworkSpec, 12, SEEDS[0]!);
    const hubComplete = same({ type: 'hub', among: { type: 'complete' } } as NetworkSpec, 12, SEEDS[0]!, { coordinator: 3 });
    expect(hubComplete.complete).toBe(true);
    const hubNone = same({ type: 'hub', among: { type: 'none' } } as NetworkSpec, 12, SEEDS[0]!, { coordinator: 3 });
    expect(hubNone.complete).toBe(false);
    expect(edges(hubNone)).toBe(11);
    // `among` is the hub's: beside another type it is ignored, not a complete graph.
    const ignored = same({ type: 'erdos-renyi', mean_degree: 3, among: { type: 'complete' } } as NetworkSpec, 12, SEEDS[0]!);
    expect(ignored.complete).toBe(false);
    expect(edges(ignored)).toBeLessThan(40);
    expect(edges(same({ type: 'none', among: { type: 'complete' } } as NetworkSpec, 12, SEEDS[0]!))).toBe(0);
    // An erdos-renyi that happens to link every pair is not flagged (peer shares then walk the edges).
    expect(same({ type: 'erdos-renyi', mean_degree: 11 } as NetworkSpec, 12, SEEDS[0]!).complete).toBe(false);
  });

  it('explicit edges: added once, in either order; a self-loop, an unknown id and a repeat add nothing', () => {
    const spec = {
      type: 'none',
      edges: [
        ['opd-1', 'opd-5'],
        ['opd-5', 'opd-1'],
        ['opd-3', 'opd-3'],
        ['opd-2', 'ghost'],
        ['ghost', 'opd-2'],
        ['opd-4', 'opd-2'],
      ],
    } as NetworkSpec;
    const net = same(spec, 6, SEEDS[0]!);
    expect(lists(net)).toEqual([[4], [3], [], [1], [0], []]);
    // Explicit edges beside a generator, one of them already drawn.
    for (const seed of SEEDS) same({ type: 'small-world', degree: 2, rewire: 0, edges: [['opd-1', 'opd-2'], ['opd-1', 'opd-6']] } as NetworkSpec, 10, seed);
  });
});

describe('draws are keyed by the agencies, not by their number or position', () => {
  it('erdos-renyi: appending agencies leaves every link among the first ones as it was', () => {
    const keysOf = (n: number) => Uint32Array.from(names(n), (id) => keyOf(id));
    const small = buildNetwork({ type: 'erdos-renyi', mean_degree: 0.25 * 19 } as NetworkSpec, 20, idMap(names(20)), -1, new Streams([1, 1]), keysOf(20));
    const large = buildNetwork({ type: 'erdos-renyi', mean_degree: 0.25 * 39 } as NetworkSpec, 40, idMap(names(40)), -1, new Streams([1, 1]), keysOf(40));
    // The same p = 0.25 in both, so the same draws decide the same pairs.
    const among = lists(large).slice(0, 20).map((l) => l.filter((j) => j < 20));
    expect(among).toEqual(lists(small));
  });

  it('jumpChoice: uniform over [0, n), and its choice moves only to the added position when n grows', () => {
    const s = new Streams([5, 6]);
    const counts = new Array<number>(7).fill(0);
    let moved = 0;
    let movedElsewhere = 0;
    const N = 7000;
    for (let t = 0; t < N; t++) {
      const r = (step: number) => s.uniform(Process.Network, 9, t, 0, step);
      const c = jumpChoice(r, 7);
      expect(c).toBe(jump(r, 7));
      counts[c]!++;
      const c8 = jumpChoice(r, 8);
      if (c8 !== c) {
        moved++;
        if (c8 !== 7) movedElsewhere++;
      }
    }
    // Each of 7 positions: expected 1000, sd about 29; 5 sd.
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
    // Going to 8 moves the choice with probability 1/8 (875 expected, sd about 28), always to the new position 7.
    expect(Math.abs(moved - 875)).toBeLessThan(140);
    expect(movedElsewhere).toBe(0);
    expect(jumpChoice(r0, 1)).toBe(0);
    function r0(): number {
      return 0.999;
    }
  });
});
