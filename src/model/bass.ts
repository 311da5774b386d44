/**
 * Pure Bass mode (MODEL.md 7.2) as hazard clocks: the engine of
 * `decision: bass`, and the kernel the benchmark times on a given graph.
 *
 * An unaware agency adopts in month t with probability
 * P(t) = 1 - (1 - p_m)(1 - q_m f(t)). That is a discrete hazard of
 * lambda(t) = -ln(1 - P(t)) = -ln(1 - p_m) - ln(1 - q_m f(t)), and "adopt in
 * the first month t where lambda(launch) + ... + lambda(t) >= E, with
 * E ~ Exp(1)" has exactly the same distribution: the chance of surviving
 * month t is exp(-lambda(t)) = 1 - P(t). So each agency draws one E per
 * innovation (a keyed draw, Process.AwarenessClock), and its adoption month
 * follows from its cumulative hazard. Between adoptions of its peers its
 * rate is constant, so the month it fires is known in advance and it waits
 * in a bucket for that month; a peer's adoption changes its count of live
 * peers (kept incrementally, never rescanned) and moves it to a new bucket.
 *
 * Synchronous update (MODEL.md 3): every agency firing in month t fires on
 * the counts of the start of month t; their adoptions change their peers'
 * rates from month t + 1 on. On a complete graph every unaware agency has
 * the same rate, so the agencies fire in the order of their E: one sort, and
 * a pointer that moves as the common cumulative hazard grows.
 */
import type { Streams } from '../engine/random.js';
import type { Network } from './network.js';
import { Process } from './processes.js';
import { checkBassInputs } from './bass-input.js';
import { adopt } from './instances.js';
import { newTallies, tally, writeRow, type Tallies } from './observation.js';
import { STAGE, STATE, isLive, type World } from './world.js';

export interface BassClockSpec {
  readonly network: Network;
  /** Agencies that may adopt (null: all). */
  readonly eligible: Uint8Array | null;
  /** Eligible peers of each agency (the denominator of f). */
  readonly peers: Int32Array;
  /** Random-stream key of each agency (null: its index). */
  readonly keys: Int32Array | null;
  readonly innovationKey: number;
  readonly months: number;
  readonly streams: Streams;
}

/** -ln(1 - x) for a probability x, Infinity at 1. */
function hazardOf(x: number): number {
  return x >= 1 ? Infinity : -Math.log1p(-x);
}

const NEVER = 0x7fffffff;
/** Degrees up to this read the imitation hazard from a table (no logarithm per update). */
const TABLE_DEGREE = 64;

/** The hazard clocks of one innovation among the agencies of one replication. */
export class BassClock {
  private readonly n: number;
  private readonly spec: BassClockSpec;
  /** 1 once adopted (or not eligible: it never fires). */
  readonly done: Uint8Array;
  /** Live eligible peers of each agency. */
  private readonly count: Int32Array;
  private readonly threshold: Float64Array; // E
  private readonly hazard: Float64Array; // cumulative hazard through month `upto`
  private readonly upto: Int32Array;
  private readonly rate: Float64Array;
  private readonly fireAt: Int32Array;
  // Bucket queue by month: singly linked lists in growable arrays.
  private readonly head: Int32Array;
  private nextOf: Int32Array;
  private agentOf: Int32Array;
  private used = 0;
  private base = 0; // -ln(1 - p_m)
  private qm = 0;
  // Complete graph: agencies in the order of E, and the common cumulative hazard.
  private order: Int32Array | null = null;
  private cursor = 0;
  private commonHazard = 0;
  private live = 0;
  private eligibleCount = 0;
  private table: Float64Array | null = null;

  constructor(spec: BassClockSpec) {
    this.spec = spec;
    const n = spec.network.n;
    this.n = n;
    this.done = new Uint8Array(n);
    this.count = new Int32Array(n);
    this.threshold = new Float64Array(n);
    this.hazard = new Float64Array(n);
    this.upto = new Int32Array(n);
    this.rate = new Float64Array(n);
    this.fireAt = new Int32Array(n);
    this.head = new Int32Array(spec.months + 2).fill(-1);
    this.nextOf = new Int32Array(Math.max(16, n * 2));
    this.agentOf = new Int32Array(this.nextOf.length);
  }

  /**
   * Starts the clocks in month `month` (the launch): `isLive(o)` says which
   * agencies already have a live instance (initial adopters). pm and qm are
   * the monthly p_m and q_m of MODEL.md 7.2.
   */
  start(month: number, pm: number, qm: number, isLive: (o: number) => boolean): void {
    const { n, spec } = this;
    const { offsets, neighbors, complete } = spec.network;
    const eligible = spec.eligible;
    this.base = hazardOf(Math.min(1, pm));
    this.qm = qm;
    let eligibleCount = 0;
    for (let o = 0; o < n; o++) {
      const ok = eligible === null || eligible[o] === 1;
      if (ok) eligibleCount++;
      if (!ok || isLive(o)) {
        this.done[o] = 1;
        if (ok) this.live++;
      }
    }
    this.eligibleCount = eligibleCount;
    if (!complete) {
      for (let o = 0; o < n; o++) {
        if (!this.done[o] || (eligible !== null && eligible[o] !== 1)) continue;
        for (let e = offsets[o]!; e < offsets[o + 1]!; e++) this.count[neighbors[e]!]!++;
      }
    }
    const keys = spec.keys;
    const streams = spec.streams;
    const innKey = spec.innovationKey;
    let waiting = 0;
    for (let o = 0; o < n; o++) {
      if (this.done[o]) continue;
      const u = streams.uniform(Process.AwarenessClock, 0, keys === null ? o : keys[o]!, innKey);
      this.threshold[o] = -Math.log1p(-u);
      waiting++;
    }
    if (complete) {
      const order = new Int32Array(waiting);
      let c = 0;
      for (let o = 0; o < n; o++) if (!this.done[o]) order[c++] = o;
      const threshold = this.threshold;
      order.sort((a, b) => threshold[a]! - threshold[b]! || a - b);
      this.order = order;
      this.commonHazard = 0;
      this.cursor = 0;
      return;
    }
    for (let o = 0; o < n; o++) {
      if (this.done[o]) continue;
      this.upto[o] = month - 1;
      this.hazard[o] = 0;
      this.rate[o] = this.rateOf(o);
      this.schedule(o, month);
    }
  }

  private rateOf(o: number): number {
    const peers = this.spec.peers[o]!;
    const c = this.count[o]!;
    if (peers <= 0 || c === 0) return this.base;
    return this.base + hazardOf(Math.min(1, (this.qm * c) / peers));
  }

  /** Puts o in the bucket of the first month >= `from` where its cumulative hazard reaches E. */
  private schedule(o: number, from: number): void {
    const rate = this.rate[o]!;
    const remaining = this.threshold[o]! - this.hazard[o]!;
    let at: number;
    if (remaining <= 0 || rate === Infinity) at = from;
    else if (rate <= 0) at = NEVER;
    else at = Math.max(from, this.upto[o]! + Math.ceil(remaining / rate));
    this.fireAt[o] = at;
    if (at <= this.spec.months) this.push(o, at);
  }

  /**
   * The agencies whose clocks fire in `month`, written to `out` in ascending
   * order; returns how many. They are marked adopted; call `propagate`
   * afterwards with the same list so their peers see them from next month.
   */
  fire(month: number, out: Int32Array): number {
    let c = 0;
    if (this.order !== null) {
      const peers = this.eligibleCount - 1;
      const f = peers > 0 ? this.live / peers : 0;
      this.commonHazard += this.base + (f > 0 ? hazardOf(Math.min(1, this.qm * f)) : 0);
      const order = this.order;
      while (this.cursor < order.length && this.threshold[order[this.cursor]!]! <= this.commonHazard) {
        const o = order[this.cursor++]!;
        this.done[o] = 1;
        out[c++] = o;
      }
    } else {
      for (let slot = this.head[month]!; slot >= 0; slot = this.nextOf[slot]!) {
        const o = this.agentOf[slot]!;
        if (this.done[o] || this.fireAt[o] !== month) continue;
        this.done[o] = 1;
        out[c++] = o;
      }
      this.head[month] = -1;
    }
    if (c > 1) out.subarray(0, c).sort();
    this.live += c;
    return c;
  }

  /** The adoptions of `month` raise their peers' counts from month + 1 on. */
  propagate(month: number, adopted: Int32Array, count: number): void {
    if (this.order !== null) return;
    const { offsets, neighbors } = this.spec.network;
    const peersOf = this.spec.peers;
    const done = this.done;
    const counts = this.count;
    const hazard = this.hazard;
    const upto = this.upto;
    const rates = this.rate;
    const threshold = this.threshold;
    const table = this.imitationTable();
    const base = this.base;
    const horizon = this.spec.months;
    const from = month + 1;
    for (let x = 0; x < count; x++) {
      const o = adopted[x]!;
      const end = offsets[o + 1]!;
      for (let e = offsets[o]!; e < end; e++) {
        const v = neighbors[e]!;
        const c = ++counts[v]!;
        if (done[v]) continue;
        // Months upto+1 .. month ran at the old rate.
        const h = hazard[v]! + rates[v]! * (month - upto[v]!);
        hazard[v] = h;
        upto[v] = month;
        const peers = peersOf[v]!;
        const rate = base + (peers <= TABLE_DEGREE ? table[peers * (TABLE_DEGREE + 1) + c]! : hazardOf(Math.min(1, (this.qm * c) / peers)));
        rates[v] = rate;
        // The first month >= from at which the cumulative hazard reaches E.
        const remaining = threshold[v]! - h;
        let at: number;
        if (remaining <= 0 || rate === Infinity) at = from;
        else if (rate <= 0) at = NEVER;
        else {
          at = month + Math.ceil(remaining / rate);
          if (at < from) at = from;
        }
        this.fireAt[v] = at;
        if (at <= horizon) this.push(v, at);
      }
    }
  }

  /** -ln(1 - min(1, q_m c / d)) for degrees d <= TABLE_DEGREE and counts c <= d. */
  private imitationTable(): Float64Array {
    if (this.table === null) {
      const t = new Float64Array((TABLE_DEGREE + 1) * (TABLE_DEGREE + 1));
      for (let d = 1; d <= TABLE_DEGREE; d++) for (let c = 1; c <= d; c++) t[d * (TABLE_DEGREE + 1) + c] = hazardOf(Math.min(1, (this.qm * c) / d));
      this.table = t;
    }
    return this.table;
  }

  private push(o: number, at: number): void {
    if (this.used === this.nextOf.length) {
      const nextOf = new Int32Array(this.used * 2);
      nextOf.set(this.nextOf);
      this.nextOf = nextOf;
      const agentOf = new Int32Array(this.used * 2);
      agentOf.set(this.agentOf);
      this.agentOf = agentOf;
    }
    const slot = this.used++;
    this.agentOf[slot] = o;
    this.nextOf[slot] = this.head[at]!;
    this.head[at] = slot;
  }
}

/**
 * Pure Bass on a given graph, every agency eligible, launch in month 1:
 * the cumulative adoption share at the end of each month. p and q are the
 * monthly p_m and q_m. The same clocks as `decision: bass` runs; the
 * benchmark times this beside a naive loop on the same graph. Its inputs
 * are checked (bass-input.ts): a graph the first time it is given.
 */
export function bassCurve(
  network: Network,
  options: { readonly p: number; readonly q: number; readonly months: number; readonly streams: Streams },
): Float64Array {
  checkBassInputs(network, options);
  const n = network.n;
  const peers = new Int32Array(n);
  for (let o = 0; o < n; o++) peers[o] = network.complete ? n - 1 : network.offsets[o + 1]! - network.offsets[o]!;
  const clock = new BassClock({ network, eligible: null, peers, keys: null, innovationKey: 0, months: options.months, streams: options.streams });
  clock.start(1, options.p, options.q, () => false);
  const fired = new Int32Array(n);
  const curve = new Float64Array(options.months);
  let total = 0;
  for (let month = 1; month <= options.months; month++) {
    const c = clock.fire(month, fired);
    clock.propagate(month, fired, c);
    total += c;
    curve[month - 1] = n > 0 ? total / n : 0;
  }
  return curve;
}

/**
 * The clocks of a world in pure Bass mode, and the tallies of its metrics
 * kept as adoptions happen (a month's row costs O(K), not O(N K)).
 */
class BassWorld {
  readonly clocks: (BassClock | null)[];
  readonly fired: Int32Array;
  readonly tallies: Tallies;
  /** Live integrated instances of each agency, and agencies with at least one. */
  readonly integratedLive: Int32Array;
  integratedAgencies = 0;

  constructor(w: World) {
    this.clocks = new Array<BassClock | null>(w.k).fill(null);
    this.fired = new Int32Array(w.n);
    this.tallies = newTallies(w.k);
    this.integratedLive = new Int32Array(w.n);
    this.recount(w);
  }

  /** A full count, after launches (initial adopters, integration of live instances). */
  recount(w: World): void {
    tally(w, this.tallies);
    this.integratedLive.fill(0);
    this.integratedAgencies = 0;
    const { n, k } = w;
    for (let o = 0; o < n; o++) {
      for (let j = 0; j < k; j++) {
        const i = o * k + j;
        if (w.integrated[i] && isLive(w.state[i]!)) this.integratedLive[o]!++;
      }
      if (this.integratedLive[o]! > 0) this.integratedAgencies++;
    }
  }

  /** Counts an adoption by a clock (state live, stage restructuring, usage and T zero). */
  adopted(w: World, o: number, j: number): void {
    const t = this.tallies;
    t.stateCounts[STATE.unaware]!--;
    t.stateCounts[STATE.live]!++;
    t.stageCounts[STAGE.restructuring]!++;
    t.liveBy[j]!++;
    t.everBy[j]!++;
    t.ever++;
    if (w.integrated[o * w.k + j] && this.integratedLive[o]!++ === 0) this.integratedAgencies++;
  }
}

const bassWorlds = new WeakMap<World, BassWorld>();

function bassWorld(w: World): BassWorld {
  let b = bassWorlds.get(w);
  if (b === undefined) {
    b = new BassWorld(w);
    bassWorlds.set(w, b);
  }
  return b;
}

/**
 * Phase 2 in pure Bass mode (after the launches): the clocks of every
 * launched innovation fire for this month; awareness is adoption.
 */
export function bassStep(w: World): void {
  const { n, k, model } = w;
  const b = bassWorld(w);
  const p = model.params;
  // In a national scenario an innovation starts at its government's launch (docs/NATIONAL.md):
  // a national service at the month the government launched it (never, while it has not), its own at its `launch`.
  const launchedAt = w.national?.launchedAt;
  let launched = false;
  for (let j = 0; j < k; j++) {
    const inn = model.innovations[j]!;
    if ((launchedAt === undefined ? inn.launch : launchedAt[j]!) === w.month || inn.integratedFrom === w.month) launched = true;
  }
  if (launched) b.recount(w);
  for (let j = 0; j < k; j++) {
    const inn = model.innovations[j]!;
    const start = launchedAt === undefined ? inn.launch : launchedAt[j]! < 0 ? Infinity : launchedAt[j]!;
    if (w.month < start || w.withdrawn[j]) continue;
    let clock = b.clocks[j];
    if (clock === null || clock === undefined) {
      const peers = new Int32Array(n);
      const keys = new Int32Array(n);
      for (let o = 0; o < n; o++) {
        peers[o] = w.eligiblePeers[o * k + j]!;
        keys[o] = model.opds[o]!.key;
      }
      clock = new BassClock({ network: w.network, eligible: inn.eligible, peers, keys, innovationKey: inn.key, months: model.months, streams: w.streams });
      const pm = 1 - Math.pow(1 - p.bass_p, 1 / 12);
      clock.start(w.month, pm, p.bass_q / 12, (o) => isLive(w.state[o * k + j]!));
      b.clocks[j] = clock;
    }
    const c = clock.fire(w.month, b.fired);
    for (let x = 0; x < c; x++) {
      const o = b.fired[x]!;
      adopt(w, o * k + j, false);
      b.adopted(w, o, j);
    }
    clock.propagate(w.month, b.fired, c);
  }
}

/** The metrics row of a world in pure Bass mode, from the kept tallies. */
export function observeBass(w: World, row: Float64Array): void {
  const b = bassWorld(w);
  const t = b.tallies;
  const live = t.stateCounts[STATE.live]! + t.stateCounts[STATE.routinized]!;
  t.integratedShare = w.n > 0 ? b.integratedAgencies / w.n : 0;
  // Usage stays 0 in pure Bass mode (no usage phase): every live instance is below u_fail when u_fail > 0.
  t.failingShare = live > 0 && 0 < w.model.params.u_fail ? 1 : 0;
  writeRow(w, row, t);
}
