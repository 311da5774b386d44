/**
 * The OPD peer network (MODEL.md section 5): undirected, simple, stored as
 * compressed sparse rows so that peer shares are one pass over typed arrays.
 *
 * Generators draw from the replication's `Network` stream only, keyed by the
 * agencies' id keys and the generator's own counters, so a network is a pure
 * function of the seed and the agencies' ids.
 */
import type { NetworkGeneratorSpec, NetworkSpec } from '../scenario/schema.js';
import type { Streams } from '../engine/random.js';
import { Process } from './processes.js';

export interface Network {
  readonly n: number;
  /** Neighbours of node i are `neighbors[offsets[i] .. offsets[i+1])`, sorted. */
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  /** True when every pair is linked (peer shares then need no edge walk). */
  readonly complete: boolean;
}

/**
 * A network as built here: a class, not an object literal. V8 tracks which
 * kind of array each field holds; a literal site forgets that the second
 * time it runs (the start of a thread's second replication), which discards
 * the optimized code of every function that read the fields meanwhile
 * (snapshotPeers, the learning loops). A constructor keeps it.
 */
class CsrNetwork implements Network {
  constructor(
    readonly n: number,
    readonly offsets: Int32Array,
    readonly neighbors: Int32Array,
    readonly complete: boolean,
  ) {}
}

/**
 * A set of pair codes lo * n + hi: a byte per code for the networks of a
 * city's or a government's agencies (n up to 1024, 1 MB at most); an
 * open-addressing table for larger ones (codes below n^2, exact as doubles
 * for any n a scenario allows). The same answers either way; the bytes
 * spare a replication of the national scenario the 552 tables of its
 * networks, and the table spares a large city's network (24,000 agencies,
 * 120,000 edges) a Set's boxed entries: codes past 2^31 were kept in a Set,
 * whose lookups took more than half of a 100,000-agency replication.
 */
class CodeSet {
  private readonly bytes: Uint8Array | null;
  private readonly table: CodeTable | null;
  /** `expected`: about how many codes it will hold (a table starts with room for them). */
  constructor(n: number, expected: number) {
    const small = n * n <= 1 << 20;
    this.bytes = small ? new Uint8Array(n * n) : null;
    // Two slots a code or more (the table keeps under half full): it holds the expected codes without
    // growing, which took a tenth of a 100,000-agency network's building when it started at 64 slots.
    this.table = small ? null : new CodeTable(2 * expected, n * n > 0x7fffffff);
  }
  has(code: number): boolean {
    return this.bytes !== null ? this.bytes[code] === 1 : this.table!.has(code);
  }
  add(code: number): void {
    if (this.bytes !== null) this.bytes[code] = 1;
    else this.table!.add(code);
  }
  delete(code: number): void {
    if (this.bytes !== null) this.bytes[code] = 0;
    else this.table!.delete(code);
  }
}

/** Free and deleted slots of a CodeTable, which holds code + 1 (codes are never negative), so that a new table's zeros are free slots, with no fill. */
const EMPTY = 0;
const DELETED = -1;

/**
 * A set of non-negative integers below 2^53 by open addressing with linear
 * probing (Knuth, TAOCP vol. 3, 6.4): multiplicative hashing of the code's
 * two 32-bit halves, deleted slots marked and reused, the table rebuilt
 * without them when more than half of it is taken: doubled when more than a
 * quarter holds codes, else at the same size.
 */
export class CodeTable {
  // 32-bit integers, or doubles for codes past 2^31 (networks of more than 46,340 agencies): doubles for
  // every table made building a 24,000-agency network 1.5 times slower (twice the memory to walk).
  private slots: Int32Array | Float64Array;
  private readonly wide: boolean;
  private mask: number;
  private shift: number; // 32 - log2(capacity)
  /** Slots holding a code or a deletion mark. */
  private taken = 0;

  /**
   * `capacity`: slots to start with, rounded up to a power of two from 64 to 2^24 (the table grows as it
   * needs); `wide`: codes may pass 2^31 - 2 (held as doubles, exact below 2^53).
   */
  constructor(capacity = 64, wide = false) {
    let bits = 6;
    while (bits < 24 && 1 << bits < capacity) bits++;
    this.wide = wide;
    this.slots = this.storage(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  private storage(size: number): Int32Array | Float64Array {
    return this.wide ? new Float64Array(size) : new Int32Array(size);
  }

  /** Slots in the table (for tests of its growth). */
  get capacity(): number {
    return this.slots.length;
  }

  private home(code: number): number {
    // The low half (`>>> 0` keeps a double's low 32 bits) and the high half folded in; a code below 2^32 hashes as the low half alone.
    const high = code > 0xffffffff ? Math.floor(code / 4294967296) : 0;
    return Math.imul((code >>> 0) ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  has(code: number): boolean {
    const { slots, mask } = this;
    const held = code + 1;
    for (let x = this.home(code); ; x = (x + 1) & mask) {
      const v = slots[x]!;
      if (v === held) return true;
      if (v === EMPTY) return false;
    }
  }

  add(code: number): void {
    const { slots, mask } = this;
    const held = code + 1;
    let free = -1;
    let x = this.home(code);
    for (; ; x = (x + 1) & mask) {
      const v = slots[x]!;
      if (v === held) return;
      if (v === EMPTY) break;
      if (v === DELETED && free < 0) free = x;
    }
    if (free >= 0) {
      slots[free] = held; // a deletion mark reused: nothing more taken
      return;
    }
    slots[x] = held;
    if (++this.taken * 2 > slots.length) this.grow();
  }

  delete(code: number): void {
    const { slots, mask } = this;
    const held = code + 1;
    for (let x = this.home(code); ; x = (x + 1) & mask) {
      const v = slots[x]!;
      if (v === held) {
        slots[x] = DELETED;
        return;
      }
      if (v === EMPTY) return;
    }
  }

  private grow(): void {
    const old = this.slots;
    // Mostly deletion marks (add and delete churn): rebuilt at the same size, so the table follows the codes held, not the churn.
    let live = 0;
    for (let x = 0; x < old.length; x++) if (old[x]! > 0) live++;
    const double = live * 4 > old.length;
    this.slots = this.storage(double ? old.length * 2 : old.length);
    this.mask = this.slots.length - 1;
    if (double) this.shift--;
    this.taken = 0;
    for (let x = 0; x < old.length; x++) {
      const v = old[x]!;
      if (v > 0) this.add(v - 1);
    }
  }
}

/** Collects undirected edges without duplicates or self-loops. */
class EdgeSet {
  private readonly seen: CodeSet;
  readonly a: number[] = [];
  readonly b: number[] = [];
  constructor(private readonly n: number, expected: number) {
    this.seen = new CodeSet(n, expected);
  }
  add(i: number, j: number): boolean {
    if (i === j) return false;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    const code = lo * this.n + hi;
    if (this.seen.has(code)) return false;
    this.seen.add(code);
    this.a.push(lo);
    this.b.push(hi);
    return true;
  }
  has(i: number, j: number): boolean {
    return this.seen.has(Math.min(i, j) * this.n + Math.max(i, j));
  }
  remove(i: number, j: number): void {
    this.seen.delete(Math.min(i, j) * this.n + Math.max(i, j));
  }
}

function toCsr(n: number, edges: EdgeSet, complete: boolean): Network {
  // The arrays keep the insertion history: a pair removed by rewiring may have
  // been added again later, so keep each pair present in the set once.
  const keep = new Uint8Array(edges.a.length);
  const emitted = new CodeSet(n, edges.a.length);
  for (let e = 0; e < edges.a.length; e++) {
    const i = edges.a[e]!;
    const j = edges.b[e]!;
    const code = i * n + j;
    if (!edges.has(i, j) || emitted.has(code)) continue;
    emitted.add(code);
    keep[e] = 1;
  }
  const degree = new Int32Array(n);
  for (let e = 0; e < edges.a.length; e++) {
    if (!keep[e]) continue;
    degree[edges.a[e]!]!++;
    degree[edges.b[e]!]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(offsets[n]!);
  for (let e = 0; e < edges.a.length; e++) {
    if (!keep[e]) continue;
    const i = edges.a[e]!;
    const j = edges.b[e]!;
    neighbors[fill[i]!++] = j;
    neighbors[fill[j]!++] = i;
  }
  for (let i = 0; i < n; i++) sortRange(neighbors, offsets[i]!, offsets[i + 1]!);
  return new CsrNetwork(n, offsets, neighbors, complete);
}

/**
 * Sorts `a[lo..hi)` ascending in place: by insertion for a row of a few
 * neighbours (no view allocated, no call into the runtime; every agency's
 * row, every replication), by the typed-array sort (numeric) for long ones.
 * Integers have one ascending order, so the same row either way.
 */
function sortRange(a: Int32Array, lo: number, hi: number): void {
  if (hi - lo > 32) {
    a.subarray(lo, hi).sort();
    return;
  }
  for (let x = lo + 1; x < hi; x++) {
    const v = a[x]!;
    let y = x - 1;
    while (y >= lo && a[y]! > v) {
      a[y + 1] = a[y]!;
      y--;
    }
    a[y + 1] = v;
  }
}

/**
 * A draw source for one generator: counter-keyed uniforms on the Network
 * stream, keyed by the agencies' id keys (never by list position or by the
 * number of agencies), so that adding an agency leaves the draws of every
 * other pair unchanged (common random numbers across compared arms).
 * `u(a, b, d)` is draw `d` of nodes a and b (b = -1 for a draw of a alone).
 */
type Draw = (a: number, b: number, d: number) => number;

function drawer(streams: Streams, salt: number, keys: ArrayLike<number>): Draw {
  return (a, b, d) => streams.uniform(Process.Network, salt, keys[a]!, b < 0 ? 0 : keys[b]!, d);
}

/** Draw of an unordered pair: the same whichever end comes first. */
function pairDraw(u: Draw, keys: ArrayLike<number>, i: number, j: number, d: number): number {
  return keys[i]! <= keys[j]! ? u(i, j, d) : u(j, i, d);
}

/**
 * A uniform choice of a position in [0, n) that moves only when the new
 * position is the one added: jump consistent hashing (Lamping and Veach
 * 2014), fed by the draws `r(0), r(1), ...`. With agencies appended to the
 * list, going from n to n + 1 agencies changes the choice with probability
 * 1 / (n + 1), where floor(u * n) would change it about half the time.
 */
export function jumpChoice(r: (step: number) => number, n: number): number {
  let b = -1;
  let j = 0;
  for (let step = 0; j < n; step++) {
    b = j;
    j = Math.floor((b + 1) / (1 - r(step))); // 1 - r in (0, 1]
  }
  return b;
}

function complete(nodes: readonly number[], edges: EdgeSet): void {
  for (let x = 0; x < nodes.length; x++) for (let y = x + 1; y < nodes.length; y++) edges.add(nodes[x]!, nodes[y]!);
}

/** Erdos-Renyi G(n, p) with p = mean_degree / (n - 1). O(n^2) pair draws. */
function erdosRenyi(nodes: readonly number[], meanDegree: number, edges: EdgeSet, u: Draw, keys: ArrayLike<number>): void {
  const n = nodes.length;
  if (n < 2) return;
  const p = Math.min(1, meanDegree / (n - 1));
  for (let x = 0; x < n; x++)
    for (let y = x + 1; y < n; y++) if (pairDraw(u, keys, nodes[x]!, nodes[y]!, 0) < p) edges.add(nodes[x]!, nodes[y]!);
}

/** Watts-Strogatz small world: ring lattice of even degree k, each edge rewired with probability beta. */
function smallWorld(nodes: readonly number[], k: number, beta: number, edges: EdgeSet, u: Draw): void {
  const n = nodes.length;
  const half = Math.floor(k / 2);
  for (let x = 0; x < n; x++) for (let s = 1; s <= half; s++) edges.add(nodes[x]!, nodes[(x + s) % n]!);
  if (beta <= 0 || n < 3) return;
  for (let s = 1; s <= half; s++) {
    for (let x = 0; x < n; x++) {
      const i = nodes[x]!;
      const j = nodes[(x + s) % n]!;
      // Keyed by the lattice edge's two agencies: draw 0 decides, draws from 1 pick the target.
      if (u(i, j, 0) >= beta) continue;
      // Rewire (i, j) to (i, target) with a uniformly chosen non-neighbour.
      for (let attempt = 0; attempt < 32; attempt++) {
        const target = nodes[jumpChoice((step) => u(i, j, 1 + attempt * 64 + step), n)]!;
        if (target !== i && !edges.has(i, target)) {
          edges.remove(i, j);
          edges.add(i, target);
          break;
        }
      }
    }
  }
}

/** Barabasi-Albert preferential attachment: each new node links to m existing nodes. */
function scaleFree(nodes: readonly number[], m: number, edges: EdgeSet, u: Draw): void {
  const n = nodes.length;
  const seed = Math.min(n, m + 1);
  complete(nodes.slice(0, seed), edges);
  const targets: number[] = []; // each node repeated by its degree
  for (let x = 0; x < seed; x++) for (let c = 0; c < seed - 1; c++) targets.push(nodes[x]!);
  for (let x = seed; x < n; x++) {
    const i = nodes[x]!;
    const chosen = new Set<number>();
    for (let attempt = 0; chosen.size < Math.min(m, x) && attempt < 64 * m; attempt++) {
      const t = targets.length > 0 ? targets[Math.floor(u(i, -1, attempt) * targets.length)]! : nodes[Math.floor(u(i, -1, attempt) * x)]!;
      chosen.add(t);
    }
    for (const t of [...chosen].sort((a, b) => a - b)) {
      edges.add(i, t);
      targets.push(i, t);
    }
  }
}

function generate(spec: NetworkGeneratorSpec, nodes: readonly number[], edges: EdgeSet, u: Draw, keys: ArrayLike<number>): void {
  switch (spec.type) {
    case 'complete':
      return complete(nodes, edges);
    case 'erdos-renyi':
      return erdosRenyi(nodes, spec.mean_degree ?? 0, edges, u, keys);
    case 'small-world':
      return smallWorld(nodes, spec.degree ?? 4, spec.rewire ?? 0.1, edges, u);
    case 'scale-free':
      return scaleFree(nodes, spec.links ?? 2, edges, u);
    case 'hub':
    case 'none':
      return;
  }
}

/** About how many edges a network will have (only to size the table of its pairs; any answer gives the same network). */
function expectedEdges(spec: NetworkSpec, n: number): number {
  const generator = spec.type === 'hub' ? spec.among : spec;
  let edges = (spec.type === 'hub' ? n : 0) + (spec.edges?.length ?? 0);
  if (generator?.type === 'small-world') edges += n * Math.floor((generator.degree ?? 4) / 2) * (1 + (generator.rewire ?? 0.1));
  else if (generator?.type === 'scale-free') edges += n * (generator.links ?? 2);
  else if (generator?.type === 'erdos-renyi') edges += (n * (generator.mean_degree ?? 0)) / 2;
  return edges;
}

/**
 * Builds the peer network. `ids` maps OPD ids to indices (for explicit edges
 * and the hub); `hub` is the coordinator's index when the spec names none;
 * `keys` are the agencies' random-stream keys (their ids' hashes), by index
 * (the indices themselves when omitted).
 */
export function buildNetwork(
  spec: NetworkSpec,
  n: number,
  ids: ReadonlyMap<string, number>,
  coordinator: number,
  streams: Streams,
  keys: ArrayLike<number> = Int32Array.from({ length: n }, (_, i) => i),
): Network {
  const isComplete = spec.type === 'complete' || (spec.type === 'hub' && spec.among?.type === 'complete');
  if (isComplete) {
    // Every pair is linked: peer shares come from totals, no edge list is needed
    // (a complete graph on 50,000 agencies would hold 2.5 billion entries).
    return new CsrNetwork(n, new Int32Array(n + 1), new Int32Array(0), true);
  }
  const edges = new EdgeSet(n, expectedEdges(spec, n));
  const all = Array.from({ length: n }, (_, i) => i);
  if (spec.type === 'hub') {
    const hub = spec.hub !== undefined ? (ids.get(spec.hub) ?? -1) : coordinator;
    const rest = all.filter((i) => i !== hub);
    if (spec.among) generate(spec.among, rest, edges, drawer(streams, 1, keys), keys);
    if (hub >= 0) for (const i of rest) edges.add(hub, i);
  } else {
    generate({ ...spec, type: spec.type }, all, edges, drawer(streams, 0, keys), keys);
  }
  for (const [a, b] of spec.edges ?? []) {
    const i = ids.get(a);
    const j = ids.get(b);
    if (i !== undefined && j !== undefined) edges.add(i, j);
  }
  return toCsr(n, edges, false);
}
