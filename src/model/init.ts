/**
 * Initialization of one replication (MODEL.md section 5).
 *
 * Thresholds, capacity, slack and champions are drawn per agency from the
 * initialization streams keyed by the agency's id, so adding an agency does
 * not change the draws of the others.
 */
import { startLeaderIndex, type CompiledModel } from './compile.js';
import { CAUSES, newCounters, type World } from './world.js';
import { buildNetwork } from './network.js';
import { activeListBytes, newActiveLists, resetActiveLists, type ArrayMaker } from './active.js';
import { carryPeerCounts, newPeerCounts, peerCountBytes } from './diffusion.js';
import { Process } from './processes.js';
import type { Streams } from '../engine/random.js';
import { CATEGORIES, CATEGORY_Z_BANDS, categoryOfZ } from '../scenario/vocabulary.js';



/** Redraw limit for truncated normals; past it the draw is clamped (documented in ODD). */
const MAX_REDRAWS = 10_000;

/**
 * Normal(mean, sd) truncated to [lo, hi] by redrawing (MODEL.md 2.3, 5).
 * Draws are keyed (process, 0, opd key, 0, k) for k = 0, 1, ...
 */
export function truncatedNormal(
  streams: Streams,
  process: number,
  opdKey: number,
  mean: number,
  sd: number,
  lo: number,
  hi: number,
): number {
  if (sd <= 0) return Math.min(hi, Math.max(lo, mean));
  for (let k = 0; k < MAX_REDRAWS; k++) {
    const x = mean + sd * streams.normal(process, 0, opdKey, 0, k);
    if (x >= lo && x <= hi) return x;
  }
  return Math.min(hi, Math.max(lo, mean));
}

/** Per model: the agencies' index by id and their keys, for buildNetwork (the same every replication). */
const networkInputs = new WeakMap<CompiledModel, { ids: Map<string, number>; keys: Uint32Array }>();

/**
 * The one buffer a new world's arrays are views into (`initWorld`), so that
 * a world's state lies in one block of memory, not in about 70 allocations
 * scattered over the heap: a national replication visits 552 worlds a
 * month, each cold in the cache, and a block is fewer pages to reach. Set
 * only while initWorld allocates; an array that does not fit is allocated
 * on its own (the same values either way).
 */
let arena: { buffer: ArrayBuffer; offset: number } | null = null;

/** Byte offset of `bytes` more in the arena (8-byte aligned), or -1 when there is none or it is full. */
function carve(bytes: number): number {
  if (arena === null) return -1;
  const at = arena.offset;
  const end = at + Math.ceil(bytes / 8) * 8;
  if (end > arena.buffer.byteLength) return -1;
  arena.offset = end;
  return at;
}

/** `old` zeroed (or filled with `value`), or a new array of `size` when there is none to reuse. */
function u8(old: Uint8Array | undefined, size: number, value = 0): Uint8Array {
  if (old !== undefined) return old.fill(value);
  const at = carve(size);
  const a = at < 0 ? new Uint8Array(size) : new Uint8Array(arena!.buffer, at, size);
  return value === 0 ? a : a.fill(value);
}
function i32(old: Int32Array | undefined, size: number, value = 0): Int32Array {
  if (old !== undefined) return old.fill(value);
  const at = carve(size * 4);
  const a = at < 0 ? new Int32Array(size) : new Int32Array(arena!.buffer, at, size);
  return value === 0 ? a : a.fill(value);
}
function f64(old: Float64Array | undefined, size: number): Float64Array {
  if (old !== undefined) return old.fill(0);
  const at = carve(size * 8);
  return at < 0 ? new Float64Array(size) : new Float64Array(arena!.buffer, at, size);
}

/** New zeroed arrays in the arena, for the world's lists. */
const inArena: ArrayMaker = { u8: (size) => u8(undefined, size), i32: (size) => i32(undefined, size), f64: (size) => f64(undefined, size) };

/** A copy of `a` in the arena. */
function copied(a: Uint8Array): Uint8Array {
  const c = u8(undefined, a.length);
  c.set(a);
  return c;
}

/** Bytes of a world's arrays, with room for each array's alignment (initWorld). */
function arenaBytes(model: CompiledModel, n: number, k: number): number {
  const pairBytes = 7 * 8 + 11 * 4 + 12; // Float64, Int32 and Uint8 arrays per (agency, innovation) pair
  const agencyBytes = 4 * 8 + 4 + 4; // theta, capacity, slack, reflexivity; firstAdoption; category, champion, initialChampion, banned
  const innovationBytes = 4 + 3 * 4 + (CAUSES.length + 1) * 4;
  return activeListBytes(n, k) + peerCountBytes(n * k) + n * k * pairBytes + n * agencyBytes + k * innovationBytes + model.platforms.length + model.vendors.length + model.regulations.length + 96 * 8;
}

/**
 * Gives the world's changing fields their final form in V8 before any code
 * that reads them is optimized: each is set to another value and back, so
 * the world keeps the values initWorld gave it. V8 treats a field as
 * constant until it is first overwritten, and one that has held only small
 * integers as an integer field until it holds a fraction (the budget: 1,
 * then a fraction); either change, when it comes, discards the optimized code of
 * every function that read the field. Left to the model, these changes come
 * in the first replication (the first change of leader, budget cut, ban),
 * just after the hot functions were compiled, so those were compiled again,
 * in every thread of a run. Same values either way: a change of layout only.
 */
function settleWorldFields(w: World): void {
  // The object fields too: V8 tracks the kind of object a field holds, and
  // an object literal forgets it the second time it runs (the next
  // replication's world); a swap makes both fields hold any kind from the start.
  const anyKind = w as unknown as { counters: unknown; lists: unknown };
  const { counters, lists } = w;
  anyKind.counters = lists;
  anyKind.lists = counters;
  anyKind.counters = counters;
  anyKind.lists = lists;
  const { month, leader, vacant, commitment, vision, budget, banActive, cityBan, failingRun, triplePending, tripleDone, obligatoryPassagePoint } = w;
  // NaN (no value these fields hold) first, so that the fields that take fractions are kept as doubles.
  w.commitment = NaN;
  w.vision = NaN;
  w.budget = NaN;
  w.month = month + 1;
  w.leader = leader + 1;
  w.failingRun = failingRun + 1;
  w.tripleDone = tripleDone + 1;
  w.vacant = !vacant;
  w.banActive = !banActive;
  w.cityBan = !cityBan;
  w.triplePending = !triplePending;
  w.obligatoryPassagePoint = !obligatoryPassagePoint;
  w.month = month;
  w.leader = leader;
  w.vacant = vacant;
  w.commitment = commitment;
  w.vision = vision;
  w.budget = budget;
  w.banActive = banActive;
  w.cityBan = cityBan;
  w.failingRun = failingRun;
  w.triplePending = triplePending;
  w.tripleDone = tripleDone;
  w.obligatoryPassagePoint = obligatoryPassagePoint;
}

/**
 * A new world for one replication. `reuse`: a world of the same model that
 * nobody reads any more (a finished replication's); its typed arrays are
 * cleared and filled as new ones would be, so the new world holds the same
 * values as one allocated afresh, without allocating about 70 arrays (and
 * collecting the old ones) per replication and government.
 */
export function initWorld(model: CompiledModel, streams: Streams, recordEvents: boolean, reuse?: World): World {
  const n = model.opds.length;
  const k = model.innovations.length;
  const p = model.params;
  const size = n * k;
  const old = reuse !== undefined && reuse.model === model ? reuse : undefined;
  arena = old === undefined ? { buffer: new ArrayBuffer(arenaBytes(model, n, k)), offset: 0 } : null;

  const theta = f64(old?.theta, n);
  const category = u8(old?.category, n);
  const capacity = f64(old?.capacity, n);
  const slack = f64(old?.slack, n);
  const champion = u8(old?.champion, n);
  const reflexivity = f64(old?.reflexivity, n);
  const thetaMean = p.theta_mean;
  const thetaSd = p.theta_sd;
  model.opds.forEach((o, i) => {
    if (o.theta !== undefined) theta[i] = o.theta;
    else if (o.category !== undefined) {
      const [zlo, zhi] = CATEGORY_Z_BANDS[CATEGORIES.indexOf(o.category)]!;
      const lo = Math.max(0, thetaMean + zlo * thetaSd);
      const hi = Math.min(1, thetaMean + zhi * thetaSd);
      // The band's upper end is open; nudge it so a draw on it stays in the band.
      theta[i] = truncatedNormal(streams, Process.Theta, o.key, thetaMean, thetaSd, lo, hi - 1e-12);
    } else theta[i] = truncatedNormal(streams, Process.Theta, o.key, thetaMean, thetaSd, 0, 1);
    category[i] = categoryOfZ(thetaSd > 0 ? (theta[i]! - thetaMean) / thetaSd : 0);
    capacity[i] =
      o.capacity ?? truncatedNormal(streams, Process.Capacity, o.key, p.capacity_mean, p.capacity_sd, 0, 1);
    slack[i] = o.slack ?? truncatedNormal(streams, Process.Slack, o.key, p.capacity_mean, p.capacity_sd, 0, 1);
    champion[i] = (o.champion ?? streams.uniform(Process.Champion, 0, o.key, 0) < p.champion_probability) ? 1 : 0;
    reflexivity[i] = o.reflexivity ?? p.reflexivity;
  });

  let inputs = networkInputs.get(model);
  if (inputs === undefined) {
    inputs = { ids: new Map(model.opds.map((o, i) => [o.id, i])), keys: Uint32Array.from(model.opds, (o) => o.key) };
    networkInputs.set(model, inputs);
  }
  const network = buildNetwork(model.scenario.network, n, inputs.ids, model.coordinator, streams, inputs.keys);

  const eligible = u8(old?.eligible, size);
  for (let o = 0; o < n; o++) for (let j = 0; j < k; j++) eligible[o * k + j] = model.innovations[j]!.eligible[o]!;
  const eligiblePeers = i32(old?.eligiblePeers, size);
  if (network.complete) {
    for (let o = 0; o < n; o++) {
      for (let j = 0; j < k; j++) {
        const inn = model.innovations[j]!;
        eligiblePeers[o * k + j] = inn.eligibleCount - inn.eligible[o]!;
      }
    }
  } else {
    // Each agency's row of counts, neighbour by neighbour (the array starts
    // at zero): integer sums, the same in any order, read row by row.
    const { offsets, neighbors } = network;
    for (let o = 0; o < n; o++) {
      const row = o * k;
      for (let e = offsets[o]!; e < offsets[o + 1]!; e++) {
        const peerRow = neighbors[e]! * k;
        for (let j = 0; j < k; j++) eligiblePeers[row + j]! += eligible[peerRow + j]!;
      }
    }
  }

  const agencyOf = i32(old?.agencyOf, size);
  const innovationOf = i32(old?.innovationOf, size);
  for (let o = 0, i = 0; o < n; o++)
    for (let j = 0; j < k; j++, i++) {
      agencyOf[i] = o;
      innovationOf[i] = j;
    }

  const compatibility = f64(old?.compatibility, size);
  const complexity = f64(old?.complexity, size);
  for (let o = 0; o < n; o++)
    for (let j = 0; j < k; j++) {
      compatibility[o * k + j] = model.innovations[j]!.co;
      complexity[o * k + j] = model.innovations[j]!.cx;
    }

  // In office in month 1: the last leader to take office by the start, unless
  // their term (`to`) ended before it.
  const startLeader = startLeaderIndex(model.leaders);
  const first = startLeader >= 0 ? model.leaders[startLeader] : undefined;
  const commitment = first ? (first.commitment ?? streams.uniform(Process.LeaderCommitment, 0, 0, 0)) : 0;

  const w: World = {
    model,
    streams,
    network,
    n,
    k,
    month: 0,
    opdKeys: old !== undefined ? old.opdKeys : Float64Array.from(model.opds, (o) => o.key),
    innovationKeys: old !== undefined ? old.innovationKeys : Float64Array.from(model.innovations, (inn) => inn.key),
    agencyOf,
    innovationOf,
    theta,
    category,
    capacity,
    slack,
    champion,
    reflexivity,
    firstAdoption: i32(old?.firstAdoption, n, -1),
    eligiblePeers,
    eligible,
    state: u8(old?.state, size),
    stage: u8(old?.stage, size),
    everAdopted: u8(old?.everAdopted, size),
    adoptedAt: i32(old?.adoptedAt, size, -1),
    authority: u8(old?.authority, size),
    line: u8(old?.line, size),
    lineOpened: i32(old?.lineOpened, size, -1),
    proposable: u8(old?.proposable, size),
    owned: u8(old?.owned, size),
    integrated: u8(old?.integrated, size),
    reinvented: u8(old?.reinvented, size),
    compatibility,
    complexity,
    usage: f64(old?.usage, size),
    effort: f64(old?.effort, size),
    gapMonths: i32(old?.gapMonths, size),
    failMonths: i32(old?.failMonths, size),
    stableMonths: i32(old?.stableMonths, size),
    translation: f64(old?.translation, size),
    cause: u8(old?.cause, size),
    endedAt: i32(old?.endedAt, size, -1),
    peerLive: i32(old?.peerLive, size),
    peerDisenchanted: i32(old?.peerDisenchanted, size),
    anchored: u8(old?.anchored, size),
    mandateFree: f64(old?.mandateFree, size),
    mandateBudget: f64(old?.mandateBudget, size),
    withdrawn: u8(old?.withdrawn, k),
    takenOver: u8(old?.takenOver, k),
    pilotOver: u8(old?.pilotOver, k),
    sponsored: u8(old?.sponsored, k),
    peakLive: i32(old?.peakLive, k),
    endedByCause: i32(old?.endedByCause, k * (CAUSES.length + 1)),
    lastEnded: i32(old?.lastEnded, k, -1),
    firstAdopted: i32(old?.firstAdopted, k, -1),
    initialChampion: old !== undefined ? (old.initialChampion.set(champion), old.initialChampion) : copied(champion),
    platformActive: u8(old?.platformActive, model.platforms.length, 1),
    vendorActive: u8(old?.vendorActive, model.vendors.length, 1),
    regulationActive: u8(old?.regulationActive, model.regulations.length),
    banned: u8(old?.banned, n),
    extraRegulations: [],
    leader: startLeader,
    // Nobody in office at month 1 though the office is held (compile.ts vacantAtStart).
    vacant: model.vacantAtStart,
    commitment,
    vision: p.vision_init,
    budget: 1,
    banActive: false,
    cityBan: false,
    failingRun: 0,
    triplePending: false,
    tripleDone: 0,
    obligatoryPassagePoint: false,
    counters: newCounters(),
    lists: old !== undefined ? resetActiveLists(old.lists) : newActiveLists(n, k, inArena),
    events: recordEvents ? [] : null,
  };

  settleWorldFields(w);
  if (old === undefined) newPeerCounts(w, inArena);
  arena = null;
  if (first) for (const s of first.sponsors) w.sponsored[s] = 1;
  if (old !== undefined) carryPeerCounts(old, w);

  // Initial adopters adopt at their innovation's launch (events.ts).
  return w;
}
