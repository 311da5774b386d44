/**
 * Lists of the instances a phase has work for, so that a month costs what
 * happens in it and not a pass over every (agency, innovation) pair per
 * phase: the live instances (phases 4-8) and, per innovation that is
 * launched and not withdrawn, the agencies that could become aware or decide
 * (phases 2-3). An innovation that is not launched yet, or withdrawn, has no
 * list and costs nothing in those phases.
 *
 * The lists are rebuilt at the start of phase 2 of every tick (step.ts): the
 * live list by the peer snapshot (diffusion.ts snapshotPeers, from the
 * instances it counted last month and the adoptions logged since), the
 * candidates by phase 2's own pass over the agencies of each innovation it
 * goes through (by a pass here for the others), so whatever changed the
 * states before it (events, the national level) is seen; a state set
 * directly, not by adopt(), between ticks is seen by the candidates but
 * not by the snapshot. Inside the tick the only way into
 * `live` is adopt() (instances.ts), which appends to `pending`; leaving it
 * (discontinue()) is seen by the phases themselves, which check each listed
 * instance's state, as they did in the pass over all pairs. Lists are in
 * increasing instance index (agency-major), the order of those passes, so
 * events are recorded and sums are added in the same order: results are the
 * same bytes.
 *
 * Outside a tick (a phase function called alone, as the submodel tests do)
 * every request rebuilds the lists from the states first.
 */
import { STATE, isLive, type World } from './world.js';

export interface ActiveLists {
  /** Set by step() between the rebuild of phase 2 and the end of the tick. */
  inStep: boolean;
  /**
   * Set by step() at the end of a tick, cleared at the start of the next:
   * the lists describe the world as the tick left it (observation.ts
   * tallyAfterStep). Whoever changes a world between step() and its
   * observation clears it.
   */
  observable: boolean;
  /** Live instances at the rebuild (sorted), then merged with `pending`. */
  readonly live: Int32Array;
  liveCount: number;
  /** Instances adopted since the rebuild (in adoption order). */
  readonly pending: Int32Array;
  pendingCount: number;
  /**
   * Every adoption since the last peer snapshot, inside a tick or not (in
   * adoption order; diffusion.ts snapshotPeers): with the instances the
   * snapshot counted, the only ones whose count can have changed. When more
   * adoptions come than it holds, `adoptedOverflow` asks for a full pass.
   */
  readonly adopted: Int32Array;
  adoptedCount: number;
  adoptedOverflow: boolean;
  /**
   * Per innovation j, agencies o (ascending) at `candidates[j * n ...]`, count
   * `candidateCount[j]`: unaware and eligible, aware, or (when re-adoption is
   * on) discontinued. Built only for innovations launched and not withdrawn;
   * in a national scenario, while the agency's government has not launched
   * the service (phase 2 skips it), the aware agencies only.
   */
  readonly candidates: Int32Array;
  readonly candidateCount: Int32Array;
  /** Per innovation: 2 all candidates listed, 1 the aware ones only, 0 none. */
  readonly listed: Uint8Array;
  /**
   * Per innovation j that phase 2 went through in this tick (`awareListed[j]`
   * 1): the agencies (ascending) aware when it finished, at
   * `aware[j * n ...]`, count `awareCount[j]`, the only candidates phase 3
   * can act on. Cleared by the rebuild; an innovation phase 2 skipped is
   * decided over its candidates.
   */
  readonly aware: Int32Array;
  readonly awareCount: Int32Array;
  readonly awareListed: Uint8Array;
  /**
   * Observation's counts of an innovation's column while it cannot change
   * (observation.ts): per innovation j, at j * 8, the eligible instances in
   * each of the 5 states that are not live, ever adopted, aware; kind 1 when
   * taken before the launch, 2 once withdrawn, 0 none.
   */
  readonly frozenCounts: Int32Array;
  readonly frozenKind: Uint8Array;
  /**
   * Phase 3's memory (diffusion.ts decision): 1 when the instance's last
   * decision gave no adoption and none of its own inputs changed since.
   * Cleared when its peer counts change (snapshotPeers), when it becomes
   * aware (phase 2), adopts (noteAdopted) or is made unaware again (a
   * withdrawn pilot). With its innovation's month-level inputs unchanged
   * too (`decisionKey`), the same inputs give the same answer: no adoption.
   */
  readonly decided: Uint8Array;
  /**
   * Per innovation j, at j * 5, the month-level inputs of its last decision
   * (funding open, leader pull, cost pressure, government pull, anchors
   * version); `decisionKeyed[j]` 1 when they are stored and the innovation's
   * `decided` flags were set under them.
   */
  readonly decisionKey: Float64Array;
  readonly decisionKeyed: Uint8Array;
  /**
   * Per instance, from its last evaluated decision (phase 3 with the memory
   * on): the utility before the government pull was added, and the
   * authority part. Read only for an instance still `decided` when the
   * government pull is its innovation's only month-level input that changed.
   */
  readonly decisionBase: Float64Array;
  readonly decisionAuthority: Float64Array;
  /** A list a phase fills and reads itself within its own call (learning.ts: the double loop's candidates). */
  readonly scratch: Int32Array;
  /** Bumped whenever the regulation anchors and mandates are recomputed (instances.ts refreshAnchors). */
  anchorsVersion: number;
}

/** Makes zeroed arrays (initWorld passes one that places them next to the world's own). */
export interface ArrayMaker {
  u8(size: number): Uint8Array;
  i32(size: number): Int32Array;
  f64(size: number): Float64Array;
}

/** Plain new arrays, each its own allocation. */
export const newArrays: ArrayMaker = {
  u8: (size) => new Uint8Array(size),
  i32: (size) => new Int32Array(size),
  f64: (size) => new Float64Array(size),
};

/** Bytes of the lists' arrays of a world of n agencies and k innovations (for an ArrayMaker's buffer). */
export function activeListBytes(n: number, k: number): number {
  return n * k * (6 * 4 + 1 + 2 * 8) + k * (2 * 4 + 4 + 8 * 4 + 5 * 8);
}

export function newActiveLists(n: number, k: number, make: ArrayMaker = newArrays): ActiveLists {
  return {
    inStep: false,
    observable: false,
    live: make.i32(n * k),
    liveCount: 0,
    pending: make.i32(n * k),
    pendingCount: 0,
    adopted: make.i32(n * k),
    adoptedCount: 0,
    adoptedOverflow: false,
    candidates: make.i32(n * k),
    candidateCount: make.i32(k),
    listed: make.u8(k),
    aware: make.i32(n * k),
    awareCount: make.i32(k),
    awareListed: make.u8(k),
    frozenCounts: make.i32(k * 8),
    frozenKind: make.u8(k),
    decided: make.u8(n * k),
    decisionKey: make.f64(k * 5),
    decisionKeyed: make.u8(k),
    decisionBase: make.f64(n * k),
    decisionAuthority: make.f64(n * k),
    scratch: make.i32(n * k),
    anchorsVersion: 0,
  };
}

/**
 * The lists of a world reused for a new replication, as newActiveLists()
 * makes them: every array zeroed, every count 0, every flag false. Derived
 * from the lists' own fields, so a field added there is reset too.
 */
export function resetActiveLists(a: ActiveLists): ActiveLists {
  const fields = a as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (ArrayBuffer.isView(value)) (value as Uint8Array).fill(0);
    else if (typeof value === 'number') fields[key] = 0;
    else if (typeof value === 'boolean') fields[key] = false;
    else throw new Error(`resetActiveLists: the field ${key} has no zero`);
  }
  return a;
}

/**
 * One pass over the states: the live list and the candidate lists of this
 * month. `liveListed`: the live list was just built (snapshotPeers), only the
 * candidates are left. `awarenessLists`: phase 2 comes next and lists the
 * candidates of the innovations it goes through itself (all but those whose
 * candidates are the aware agencies only), in the same pass it makes anyway.
 */
export function rebuildLists(w: World, liveListed = false, awarenessLists = false): void {
  const a = w.lists;
  const { n, k, state, eligible } = w;
  const month = w.month;
  const innovations = w.model.innovations;
  const readopt = Number.isFinite(w.model.readoptMonths);
  const { live, candidates, candidateCount } = a;
  if (!liveListed) {
    let count = 0;
    const size = n * k;
    for (let i = 0; i < size; i++) {
      const s = state[i]!;
      if (isLive(s)) live[count++] = i;
    }
    a.liveCount = count;
    a.pendingCount = 0;
  }
  const { listed, awareListed } = a;
  for (let j = 0; j < k; j++) {
    candidateCount[j] = 0;
    listed[j] = 0;
    awareListed[j] = 0;
    // The condition under which phases 2 and 3 look at innovation j at all.
    if (month < innovations[j]!.launch || w.withdrawn[j]) continue;
    const base = j * n;
    let c = 0;
    if (w.national !== undefined && w.national.launchedAt[j]! < 0) {
      // Phase 2 skips the service until the government launches it: only phase 3 looks, at the aware.
      for (let o = 0, i = j; o < n; o++, i += k) if (state[i] === STATE.aware) candidates[base + c++] = o;
      listed[j] = 1;
    } else if (awarenessLists) {
      // Phase 2 goes through every agency of the innovation and lists its candidates on the way (diffusion.ts awareness).
      listed[j] = 2;
      continue;
    } else {
      for (let o = 0, i = j; o < n; o++, i += k) {
        const s = state[i]!;
        if (s === STATE.aware || (s === STATE.unaware && eligible[i]) || (readopt && s === STATE.discontinued)) candidates[base + c++] = o;
      }
      listed[j] = 2;
    }
    candidateCount[j] = c;
  }
}

/**
 * Appends an adoption to the live list (inside a tick; outside, the next
 * request rebuilds) and to the log of the peer snapshot.
 */
export function noteAdopted(w: World, i: number): void {
  const a = w.lists;
  a.decided[i] = 0;
  if (a.inStep) a.pending[a.pendingCount++] = i;
  if (a.adoptedCount < a.adopted.length) a.adopted[a.adoptedCount++] = i;
  else a.adoptedOverflow = true;
}

/**
 * The live list, current: the number of entries of `w.lists.live` to visit.
 * Entries may have left `live` since (the caller checks the state).
 */
export function liveList(w: World): number {
  const a = w.lists;
  if (!a.inStep) {
    rebuildLists(w);
    return a.liveCount;
  }
  if (a.pendingCount > 0) mergePending(a);
  return a.liveCount;
}

/** The live list as step() left it, with any adoption merged (for `observable` lists). */
export function liveListAfterStep(a: ActiveLists): number {
  if (a.pendingCount > 0) mergePending(a);
  return a.liveCount;
}

/** The candidate lists, current (phases 2-3 read them). */
export function candidateLists(w: World): ActiveLists {
  if (!w.lists.inStep) rebuildLists(w);
  return w.lists;
}

/**
 * Sorts the first `count` entries of `list` ascending, in place: insertion
 * sort for the handful of adoptions of a month in a city (no subarray to
 * allocate), the typed-array sort (numeric) for many. The same order either way.
 */
export function sortPrefix(list: Int32Array, count: number): void {
  if (count > 32) {
    list.subarray(0, count).sort();
    return;
  }
  for (let x = 1; x < count; x++) {
    const v = list[x]!;
    let y = x - 1;
    while (y >= 0 && list[y]! > v) {
      list[y + 1] = list[y]!;
      y--;
    }
    list[y + 1] = v;
  }
}

/** Sorts the few pending adoptions and merges them into the sorted live list, from the back. */
function mergePending(a: ActiveLists): void {
  const { live, pending } = a;
  const p = a.pendingCount;
  sortPrefix(pending, p);
  let src = a.liveCount - 1;
  let add = p - 1;
  let dst = a.liveCount + p - 1;
  let dropped = 0;
  while (add >= 0) {
    if (src >= 0 && live[src]! > pending[add]!) live[dst--] = live[src--]!;
    else if (src >= 0 && live[src] === pending[add]) {
      // Listed already (it left `live` and came back in this tick): keep one entry.
      add--;
      dropped++;
    } else live[dst--] = pending[add--]!;
  }
  // Each dropped entry left a gap between the untouched head and the merged tail.
  if (dropped > 0) live.copyWithin(src + 1, dst + 1, a.liveCount + p);
  a.liveCount += p - dropped;
  a.pendingCount = 0;
}
