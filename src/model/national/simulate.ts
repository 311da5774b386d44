/**
 * One replication of a national scenario (docs/NATIONAL.md).
 *
 * Each month: the national phase (peer-government pulls from last month's
 * state, national money arriving, programme visions), then every
 * government's city tick by the city model's own `step`, then the national
 * observation. Governments read the same snapshot of each other (the pulls
 * are computed before any government steps), so government order never
 * changes results.
 *
 * Random draws: each government has its own streams, seeded from the
 * replication seed and the government's id, so adding or removing a
 * government does not shift another's draws.
 */
import { Streams, keyOf, monthlyProbability, replicationSeed } from '../../engine/random.js';
import { Process } from '../processes.js';
import { initWorld } from '../init.js';
import { refreshAnchors } from '../instances.js';
import { agents, outcomes, type AgentRow, type OutcomeRow } from '../observation.js';
import { step } from '../step.js';
import { liveListAfterStep } from '../active.js';
import { CAUSE, CAUSES, LINE, STATE, isLive, type World } from '../world.js';
import type { CompiledGovernment, NationalModel } from './compile.js';

/** Streams of one government in one replication. */
export function governmentStreams(seed: readonly [number, number], governmentId: string): Streams {
  return new Streams([keyOf(`${seed[0]}:${seed[1]}:${governmentId}:0`) | 0, keyOf(`${seed[0]}:${seed[1]}:${governmentId}:1`) | 0]);
}

/** Per model (keyed by its governments, shared by the copies a run makes with another scenario object): built once, not per replication. */
const plans = new WeakMap<readonly CompiledGovernment[], PeerPlan>();
const groupCache = new WeakMap<readonly CompiledGovernment[], SeriesGroups>();
/**
 * Per model, the worlds of its last finished replication
 * (simulateNationalReplication), which nobody reads any more: the next
 * replication refills their arrays instead of allocating new ones (init.ts
 * initWorld). Taken out while a replication runs, so no two share them.
 */
const idleWorlds = new WeakMap<readonly CompiledGovernment[], { worlds: World[]; lastLive: Int32Array[] }>();

/** The groups national series are reported for. */
export interface SeriesGroups {
  readonly names: readonly string[];
  /** Per government, the group indices it belongs to. */
  readonly of: readonly (readonly number[])[];
}

export function seriesGroups(model: NationalModel): SeriesGroups {
  const cached = groupCache.get(model.governments);
  if (cached) return cached;
  const names = ['all', 'type:province', 'type:regency', 'type:city'];
  for (const c of model.cohorts) names.push(`cohort:${c.id}`);
  const programmes = [...new Set(model.cohorts.map((c) => c.programme))];
  for (const p of programmes) names.push(`programme:${p}:members`, `programme:${p}:others`);
  const of = model.governments.map((g) => {
    const gs = [0, names.indexOf(`type:${g.type}`)];
    for (const c of model.cohorts) if (c.members.includes(g.index)) gs.push(names.indexOf(`cohort:${c.id}`));
    for (const p of programmes) {
      const member = model.cohorts.some((c) => c.programme === p && c.members.includes(g.index));
      gs.push(names.indexOf(`programme:${p}:${member ? 'members' : 'others'}`));
    }
    return gs;
  });
  const groups = { names, of };
  groupCache.set(model.governments, groups);
  return groups;
}

export interface NationalReplicationResult {
  readonly replication: number;
  /** Per government, the city model's outcome rows at the horizon. */
  readonly outcomes: OutcomeRow[][];
  /** Per government: discontinuations per innovation and cause (the city model's endedByCause, index j * (CAUSES.length + 1) + cause). */
  readonly endedByCause: Int32Array[];
  /** Per government, per local innovation: 1 when the government launched it by the horizon. */
  readonly launched: Uint8Array[];
  /**
   * months x groups x services x 2: governments with the service live, and
   * governments that ever had it live, counted per group
   * (index ((m-1) * G + group) * S * 2 + s * 2 + {0 live, 1 ever}).
   */
  readonly series: Float64Array;
  /**
   * months x groups x services x 2, the same layout as `series`: agency
   * instances of the service replaced in the month (cause "replacement":
   * under a ban on standalone applications, or by the double loop), and live instances
   * integrated in the month (live and not integrated at the end of the
   * previous month, live and integrated at the end of this one), summed
   * over the group's governments (index ((m-1) * G + group) * S * 2 + s * 2
   * + {0 replaced, 1 integrated}).
   */
  readonly flows: Float64Array;
  /** Per group, the number of governments offering each service (group * S + s). */
  readonly offering: Int32Array;
  /** Agents' rows of the governments asked for in detail (`--detail`), by government index. */
  readonly agents: { government: number; rows: AgentRow[] }[];
}

export interface NationalRun {
  readonly worlds: World[];
  readonly live: Uint8Array; // G x S, this month
  readonly routinized: Uint8Array; // G x S
  readonly ever: Uint8Array; // G x S
  /** Instances of the service replaced this month, per government (G x S). */
  readonly replaced: Int32Array;
  /** Live instances of the service integrated this month, per government (G x S). */
  readonly integrated: Int32Array;
  /**
   * Per government, per instance: 2 * month + (1 if integrated) of the last
   * month-end at which the instance was live, or -1. Only live instances
   * are written, so the pass over the far more numerous others stays a read
   * of their state.
   */
  readonly lastLive: Int32Array[];
  /**
   * The governments' national inputs and observation records in one
   * buffer, government after government (`nationalRegions`), as 32-bit
   * words: each government's `national` arrays (utility, launchedAt, money)
   * are views into it, and from `replacedAt[gi]` come its replacements
   * counted up to the last observation (k words, per innovation) and then
   * its innovations' services (k words, the compiled government's
   * `serviceOf`). A month reads these few words of every government in
   * government order: in one buffer, in that order, they are read as one
   * stream, not as some 2,000 small arrays each a cache miss of its own.
   */
  readonly inputs: Int32Array;
  readonly replacedAt: Int32Array;
  /** How peer counts are formed (built once per model). */
  readonly plan: PeerPlan;
  /** Per government, its world's hot block as 32-bit words (init.ts hotBlock), read ahead of its month (`warmGovernment`). */
  readonly blocks: Int32Array[];
  /** The typed arrays of every government's world, government after government (from `viewStart[gi]`), read ahead of its month too (`warmGovernment`). */
  readonly views: ArrayLike<number>[];
  readonly viewStart: Int32Array;
  /**
   * Per government, 1 once its month has work on its instances (`hasInstanceWork`): from then on its
   * memory is read ahead of each month (`warmGovernment`); before, nothing is read ahead.
   */
  readonly started: Uint8Array;
  /** Scratch of the national phase and observation, reused every month (no allocation per month). */
  readonly scratch: {
    readonly provinceSum: Int32Array; // P x S
    readonly pioneerInProvince: Int32Array; // P x S
    readonly pioneerSum: Int32Array; // S
    /** The same totals of the routinized flags, for the learning pull (both are taken before any government moves). */
    readonly routinizedTotals: Totals;
    readonly liveBy: Int32Array; // max k
    readonly routinizedBy: Uint8Array; // max k
    readonly integratedBy: Int32Array; // max k
    /**
     * This month's flags as each government's observation writes them while
     * the month goes on (`nationalMonth`), copied into `live`, `routinized`,
     * `replaced` and `integrated` once every government has stepped: the
     * governments still to move read last month's.
     */
    readonly next: MonthFlags;
    /**
     * Per entry of the plan (a government's national service), the peer
     * and province counts its launch probability was last computed from
     * (-1: none yet) and that probability: the same counts give the same
     * probability, so it is computed again only when they change
     * (governmentLaunches).
     */
    readonly launchPeers: Int32Array;
    readonly launchProvince: Int32Array;
    readonly launchP: Float64Array;
  };
}

/** Province and pioneer totals of a G x S flag array (`totals`). */
export interface Totals {
  readonly provinceSum: Int32Array; // P x S
  readonly pioneerInProvince: Int32Array; // P x S
  readonly pioneerSum: Int32Array; // S
}

/** The per-month flags the national observation writes (G x S each). */
interface MonthFlags {
  readonly live: Uint8Array;
  readonly routinized: Uint8Array;
  readonly replaced: Int32Array;
  readonly integrated: Int32Array;
}

/**
 * How each government's peer counts are formed. A government's peers are
 * its province's other governments plus the pioneers outside its province
 * (or the pioneers other than itself when same-province links are off), and
 * its competitors its province's other governments (compile.ts). So the
 * number of peers with a flag set is a difference of province and pioneer
 * totals, taken once a month, instead of a visit to each of about 40 peers
 * for each government and service. The counts are integers, so the shares
 * are the same numbers as when counted peer by peer. A government whose
 * lists are not of that form (checked here, once) is counted peer by peer.
 */
export interface PeerPlan {
  readonly provinces: number;
  readonly province: Int32Array; // G: province index
  readonly pioneer: Uint8Array; // G
  readonly peersByTotals: Uint8Array; // G: 1 when `peers` is the decomposition above
  readonly provinceByTotals: Uint8Array; // G: 1 when `provincePeers` is the province minus the government
  readonly maxK: number;
  /**
   * The forced launches (`forcedLaunch`) of every government by month:
   * pairs (government, innovation) at `forcedLaunch[forcedStart[m] ...
   * forcedStart[m + 1]]`, months 0..months+1.
   */
  readonly forcedLaunch: Int32Array;
  readonly forcedStart: Int32Array;
  /**
   * (months + 2) x G: 1 when national money arrives or a vision floor starts
   * for the government in that month (index month * G + government): month
   * by month, so that a month's flags, read government after government,
   * are 552 consecutive bytes and not one byte every months + 2.
   */
  readonly scheduled: Uint8Array;
  /**
   * Each government's national services, flat (read every month by the
   * national phase, so that it reads typed arrays and not the compiled
   * innovations): entries `serviceStart[gi] ... serviceStart[gi + 1]`, in
   * service order, of the services the government has (local index >= 0):
   * the service, its local innovation, that innovation's launch month and
   * random-stream key.
   */
  readonly serviceStart: Int32Array; // G + 1
  readonly entryService: Int32Array;
  readonly entryInnovation: Int32Array;
  readonly entryLaunch: Float64Array;
  readonly entryKey: Float64Array;
  /** Per government, the lengths of `peers` and `provincePeers`. */
  readonly peerTotal: Int32Array;
  readonly provinceTotal: Int32Array;
}


function sameList(a: Int32Array, b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function peerPlan(model: NationalModel): PeerPlan {
  const cached = plans.get(model.governments);
  if (cached) return cached;
  const G = model.governments.length;
  const ids = new Map<string, number>();
  const province = new Int32Array(G);
  const members: number[][] = [];
  model.governments.forEach((g, gi) => {
    let p = ids.get(g.province);
    if (p === undefined) {
      p = ids.size;
      ids.set(g.province, p);
      members.push([]);
    }
    province[gi] = p;
    members[p]!.push(gi);
  });
  const pioneer = new Uint8Array(G);
  for (const gi of model.pioneers ?? []) pioneer[gi] = 1;
  const peersByTotals = new Uint8Array(G);
  const provinceByTotals = new Uint8Array(G);
  model.governments.forEach((g, gi) => {
    const own = members[province[gi]!]!.filter((x) => x !== gi);
    const others = (model.pioneers ?? []).filter((x) => x !== gi);
    const expected = model.sameProvince ? [...new Set([...own, ...others])].sort((a, b) => a - b) : others;
    peersByTotals[gi] = model.pioneers !== undefined && sameList(g.peers, expected) ? 1 : 0;
    provinceByTotals[gi] = sameList(g.provincePeers, own) ? 1 : 0;
  });
  const months = model.months;
  const byMonth: number[][] = Array.from({ length: months + 2 }, () => []);
  const scheduled = new Uint8Array(G * (months + 2));
  const inRange = (m: number) => Number.isInteger(m) && m >= 0 && m <= months + 1;
  model.governments.forEach((g, gi) => {
    for (const [m, j] of g.forcedLaunch) if (inRange(m)) byMonth[m]!.push(gi, j);
    for (const [m] of g.money) if (inRange(m)) scheduled[m * G + gi] = 1;
    for (const [m] of g.visionFloors) if (inRange(m)) scheduled[m * G + gi] = 1;
  });
  const forcedStart = new Int32Array(months + 3);
  for (let m = 0; m <= months + 1; m++) forcedStart[m + 1] = forcedStart[m]! + byMonth[m]!.length;
  const serviceStart = new Int32Array(G + 1);
  const entries: { s: number; j: number; launch: number; key: number }[] = [];
  model.governments.forEach((g, gi) => {
    g.serviceIndex.forEach((j, s) => {
      if (j >= 0) entries.push({ s, j, launch: g.model.innovations[j]!.launch, key: g.model.innovations[j]!.key });
    });
    serviceStart[gi + 1] = entries.length;
  });
  const plan: PeerPlan = {
    serviceStart,
    entryService: Int32Array.from(entries, (e) => e.s),
    entryInnovation: Int32Array.from(entries, (e) => e.j),
    entryLaunch: Float64Array.from(entries, (e) => e.launch),
    entryKey: Float64Array.from(entries, (e) => e.key),
    peerTotal: Int32Array.from(model.governments, (g) => g.peers.length),
    provinceTotal: Int32Array.from(model.governments, (g) => g.provincePeers.length),
    forcedLaunch: Int32Array.from(byMonth.flat()),
    forcedStart,
    scheduled,
    provinces: ids.size,
    province,
    pioneer,
    peersByTotals,
    provinceByTotals,
    maxK: model.governments.reduce((a, g) => Math.max(a, g.model.innovations.length), 0),
  };
  plans.set(model.governments, plan);
  return plan;
}

/**
 * Where each government's region of a run's `inputs` buffer starts, in
 * bytes (G + 1 entries, the last the buffer's size): for k innovations,
 * utility (k float64), launchedAt, replacements counted, services (k int32
 * each), money (k bytes), rounded up to 8 bytes so that every region's
 * float64 array is aligned. Built once per model.
 */
function nationalRegions(model: NationalModel): { start: Int32Array } {
  const cached = regionCache.get(model.governments);
  if (cached) return cached;
  const start = new Int32Array(model.governments.length + 1);
  model.governments.forEach((g, gi) => {
    const k = g.model.innovations.length;
    start[gi + 1] = start[gi]! + Math.ceil((21 * k) / 8) * 8;
  });
  const region = { start };
  regionCache.set(model.governments, region);
  return region;
}
const regionCache = new WeakMap<readonly CompiledGovernment[], { start: Int32Array }>();

/** Initializes one replication's worlds (exported for tests that step by hand). */
export function initNational(model: NationalModel, masterSeed: number, replication: number): NationalRun {
  const seed = replicationSeed(masterSeed, replication);
  const S = model.services.length;
  const idle = idleWorlds.get(model.governments);
  idleWorlds.delete(model.governments);
  const G = model.governments.length;
  const region = nationalRegions(model);
  const buffer = new ArrayBuffer(region.start[G]!);
  const words = new Int32Array(buffer);
  const worlds = model.governments.map((g, gi) => {
    const w = initWorld(g.model, governmentStreams(seed, g.id), false, idle?.worlds[gi]);
    const k = g.model.innovations.length;
    const at = region.start[gi]!;
    const launchedAt = new Int32Array(buffer, at + 8 * k, k);
    // Services of the government's own (not national) are launched as the city spec says.
    // (A loop: Int32Array.from with a mapping function takes the engine's slow generic path.)
    for (let j = 0; j < k; j++) launchedAt[j] = g.model.innovations[j]!.launch;
    for (const j of g.serviceIndex) if (j >= 0) launchedAt[j] = -1;
    // Each innovation's national service (-1: none), for the observation.
    words.set(g.serviceOf, (at + 16 * k) >> 2);
    w.national = { launchedAt, utility: new Float64Array(buffer, at, k), money: new Uint8Array(buffer, at + 20 * k, k) };
    return w;
  });
  const plan = peerPlan(model);
  return {
    worlds,
    live: new Uint8Array(G * S),
    routinized: new Uint8Array(G * S),
    ever: new Uint8Array(G * S),
    replaced: new Int32Array(G * S),
    integrated: new Int32Array(G * S),
    lastLive: worlds.map((w, gi) => {
      const old = idle?.lastLive[gi];
      return old !== undefined && old.length === w.n * w.k ? old.fill(-1) : new Int32Array(w.n * w.k).fill(-1);
    }),
    inputs: words,
    replacedAt: Int32Array.from(region.start.subarray(0, G), (at, gi) => (at + 12 * worlds[gi]!.k) >> 2),
    plan,
    blocks: worlds.map((w) => new Int32Array(w.state.buffer, 0, w.state.buffer.byteLength >> 2)),
    ...worldViews(worlds),
    started: new Uint8Array(G),
    scratch: {
      provinceSum: new Int32Array(plan.provinces * S),
      pioneerInProvince: new Int32Array(plan.provinces * S),
      pioneerSum: new Int32Array(S),
      routinizedTotals: {
        provinceSum: new Int32Array(plan.provinces * S),
        pioneerInProvince: new Int32Array(plan.provinces * S),
        pioneerSum: new Int32Array(S),
      },
      liveBy: new Int32Array(plan.maxK),
      routinizedBy: new Uint8Array(plan.maxK),
      integratedBy: new Int32Array(plan.maxK),
      next: { live: new Uint8Array(G * S), routinized: new Uint8Array(G * S), replaced: new Int32Array(G * S), integrated: new Int32Array(G * S) },
      launchPeers: new Int32Array(plan.entryService.length).fill(-1),
      launchProvince: new Int32Array(plan.entryService.length).fill(-1),
      launchP: new Float64Array(plan.entryService.length),
    },
  };
}

/**
 * The national observation of a month, in one pass over each government's
 * instances (in memory order): which governments have each national
 * service live and routinized, and each innovation's peak live count (the
 * part of the city observation its horizon outcomes need; the full city
 * metric row is not kept at this scale); and the month's replacements and
 * integrations of each national service (the mandate's replacement wave).
 */
export function tallyServices(model: NationalModel, run: NationalRun): void {
  run.live.fill(0);
  run.routinized.fill(0);
  run.replaced.fill(0);
  run.integrated.fill(0);
  const month = run.worlds.length > 0 ? run.worlds[0]!.month : 0;
  for (let gi = 0; gi < model.governments.length; gi++) tallyGovernment(model, run, gi, month, run);
}

/**
 * tallyServices' part for government `gi`, after its step of `month`: its
 * row of `out` (zero on entry), its peak live counts and its replacement and
 * integration bookkeeping. Reads and writes nothing of another government.
 */
function tallyGovernment(model: NationalModel, run: NationalRun, gi: number, month: number, out: MonthFlags): void {
  const S = model.services.length;
  const { liveBy, routinizedBy, integratedBy } = run.scratch;
  const causes = CAUSES.length + 1;
  const liveNow = 2 * month;
  const standaloneLastMonth = 2 * (month - 1);
  const w = run.worlds[gi]!;
  const { n, k, state, eligible, integrated, peakLive, endedByCause } = w;
  const lastLive = run.lastLive[gi]!;
  // This government's replacements counted so far (k words from `before`) and its innovations' services (the next k).
  const words = run.inputs;
  const before = run.replacedAt[gi]!;
  // Loops, not fill(0, 0, k): k is a handful, and fill() is a call into the runtime (resetCounters, world.ts).
  for (let j = 0; j < k; j++) {
    liveBy[j] = 0;
    routinizedBy[j] = 0;
    integratedBy[j] = 0;
  }
  // Only live instances count or are written: from the live list step()
  // left (active.ts; it holds every live instance, and entries that left
  // are skipped by the state test), else by a pass over all of them. The
  // counts are sums and each instance is visited once: the order does not matter.
  if (w.lists.observable) {
    const live = w.lists.live;
    const innovationOf = w.innovationOf;
    const count = liveListAfterStep(w.lists);
    for (let x = 0; x < count; x++) {
      const i = live[x]!;
      const st = state[i]!;
      if ((st !== STATE.live && st !== STATE.routinized) || !eligible[i]) continue;
      const j = innovationOf[i]!;
      liveBy[j]!++;
      if (st === STATE.routinized) routinizedBy[j] = 1;
      const now = integrated[i] ? 1 : 0;
      // Integrated this month: live and standalone at the end of the previous one.
      if (now === 1 && lastLive[i] === standaloneLastMonth) integratedBy[j]!++;
      lastLive[i] = liveNow + now;
    }
  } else {
    let i = 0;
    for (let o = 0; o < n; o++) {
      for (let j = 0; j < k; j++, i++) {
        const st = state[i]!;
        if ((st !== STATE.live && st !== STATE.routinized) || !eligible[i]) continue;
        liveBy[j]!++;
        if (st === STATE.routinized) routinizedBy[j] = 1;
        const now = integrated[i] ? 1 : 0;
        // Integrated this month: live and standalone at the end of the previous one.
        if (now === 1 && lastLive[i] === standaloneLastMonth) integratedBy[j]!++;
        lastLive[i] = liveNow + now;
      }
    }
  }
  for (let j = 0; j < k; j++) {
    const live = liveBy[j]!;
    if (live > peakLive[j]!) peakLive[j] = live;
    const replacedSoFar = endedByCause[j * causes + CAUSE.replacement]!;
    const replaced = replacedSoFar - words[before + j]!;
    words[before + j] = replacedSoFar;
    const s = words[before + k + j]!;
    if (s < 0) continue;
    const at = gi * S + s;
    out.live[at] = live > 0 ? 1 : 0;
    out.routinized[at] = routinizedBy[j]!;
    if (live > 0) run.ever[at] = 1;
    out.replaced[at] = replaced;
    out.integrated[at] = integratedBy[j]!;
  }
}

/** Province and pioneer totals of a G x S flag array, into `sums`. */
function totals(run: NationalRun, flags: Uint8Array, S: number, sums: Totals): void {
  const { province, pioneer } = run.plan;
  const { provinceSum, pioneerInProvince, pioneerSum } = sums;
  provinceSum.fill(0);
  pioneerInProvince.fill(0);
  pioneerSum.fill(0);
  for (let gi = 0; gi < province.length; gi++) {
    const p = province[gi]! * S;
    const at = gi * S;
    const pio = pioneer[gi] === 1;
    for (let s = 0; s < S; s++) {
      const f = flags[at + s]!;
      if (f === 0) continue;
      provinceSum[p + s]! += f;
      if (pio) {
        pioneerInProvince[p + s]! += f;
        pioneerSum[s]! += f;
      }
    }
  }
}

/** Peers of government `gi` with service `s` flagged (`sums`: the totals of `flags`). */
function peerCount(model: NationalModel, run: NationalRun, flags: Uint8Array, sums: Totals, gi: number, s: number, S: number): number {
  const plan = run.plan;
  if (!plan.peersByTotals[gi]) return countOf(flags, model.governments[gi]!.peers, S, s);
  const self = flags[gi * S + s]!;
  if (!model.sameProvince) return sums.pioneerSum[s]! - (plan.pioneer[gi] ? self : 0);
  const p = plan.province[gi]! * S + s;
  return sums.provinceSum[p]! - self + sums.pioneerSum[s]! - sums.pioneerInProvince[p]!;
}

function provinceCount(model: NationalModel, run: NationalRun, flags: Uint8Array, sums: Totals, gi: number, s: number, S: number): number {
  if (!run.plan.provinceByTotals[gi]) return countOf(flags, model.governments[gi]!.provincePeers, S, s);
  return sums.provinceSum[run.plan.province[gi]! * S + s]! - flags[gi * S + s]!;
}

/** The months of the plan's schedules (months outside them are looked up government by government). */
function plannedMonth(model: NationalModel, run: NationalRun, month: number): boolean {
  return Number.isInteger(month) && month >= 0 && month <= model.months + 1 && run.plan.forcedStart.length === model.months + 3;
}

/**
 * The month's forced launches (coercion and inducement), before the draws:
 * a government's draws read only its own launches and last month's flags.
 */
function forcedLaunches(run: NationalRun, month: number): void {
  const plan = run.plan;
  const forced = plan.forcedLaunch;
  for (let x = plan.forcedStart[month]!, end = plan.forcedStart[month + 1]!; x < end; x += 2) {
    const w = run.worlds[forced[x]!]!;
    const launchedAt = w.national!.launchedAt;
    const j = forced[x + 1]!;
    // A pilot withdrawn in this government is over here: nothing is left to launch (docs/NATIONAL.md, shared vendors).
    if (launchedAt[j]! < 0 && !w.withdrawn[j]) launchedAt[j] = month;
  }
}

/**
 * Government `gi`'s own launches of the month (`sums`: totals of last
 * month's live flags): for each of its national services not launched yet
 * (and past the innovation's launch month, and not a pilot withdrawn in
 * this government), one draw with monthly
 * probability 1 - exp(-rate / 12), rate = base + imitation x (share of
 * peers with it live) + competition x (share of same-province governments
 * with it live). The probability is kept per (government, service) with the
 * two counts it came from: while they stay the same (most months) it is the
 * same number, not computed again. A draw is a pure function of its key
 * (random.ts), so one not made (probability 0, `below` false whatever the
 * draw) changes nothing.
 */
function governmentLaunches(model: NationalModel, run: NationalRun, gi: number, month: number, planned: boolean, sums: Totals): void {
  const S = model.services.length;
  const plan = run.plan;
  const w = run.worlds[gi]!;
  const launchedAt = w.national!.launchedAt;
  const withdrawn = w.withdrawn;
  if (!planned) for (const [m, j] of model.governments[gi]!.forcedLaunch) if (m === month && launchedAt[j]! < 0 && !withdrawn[j]) launchedAt[j] = month;
  const { entryService, entryInnovation, entryLaunch, entryKey } = plan;
  const { launchPeers, launchProvince, launchP } = run.scratch;
  const nPeers = plan.peerTotal[gi]!;
  const nProvince = plan.provinceTotal[gi]!;
  for (let x = plan.serviceStart[gi]!, end = plan.serviceStart[gi + 1]!; x < end; x++) {
    const j = entryInnovation[x]!;
    // A pilot withdrawn in this government (its end came before the government launched it) is never launched there.
    if (launchedAt[j]! >= 0 || !(month >= entryLaunch[x]!) || withdrawn[j]) continue;
    const s = entryService[x]!;
    const peers = nPeers === 0 ? 0 : peerCount(model, run, run.live, sums, gi, s, S);
    const province = nProvince === 0 ? 0 : provinceCount(model, run, run.live, sums, gi, s, S);
    let p = launchP[x]!;
    if (peers !== launchPeers[x] || province !== launchProvince[x]) {
      const { gov_launch_base, gov_imitation, gov_competition } = model.params;
      const imitation = nPeers === 0 ? 0 : peers / nPeers;
      const competition = nProvince === 0 ? 0 : province / nProvince;
      const rate = gov_launch_base + gov_imitation * imitation + gov_competition * competition;
      p = rate > 0 ? monthlyProbability(rate) : 0;
      launchPeers[x] = peers;
      launchProvince[x] = province;
      launchP[x] = p;
    }
    // `below` is `uniform(...) < p`, the same answer, mostly from the draw's first word (random.ts).
    if (p > 0 && w.streams.below(Process.GovernmentLaunch, month, 0, entryKey[x]!, p)) launchedAt[j] = month;
  }
}

/** How a government's peers are counted (peerCount's cases): none; its own list, one by one; from totals over the pioneers only; or over its province and the pioneers. */
const PEERS = { none: 0, listed: 1, pioneers: 2, provinceAndPioneers: 3 } as const;

/** Government `gi`'s learning pull, national money and vision floor of the month (`sums`: totals of last month's routinized flags). */
function governmentPulls(model: NationalModel, run: NationalRun, gi: number, month: number, planned: boolean, sums: Totals): void {
  const S = model.services.length;
  const { gov_learning } = model.params;
  const plan = run.plan;
  const w = run.worlds[gi]!;
  const ext = w.national!;
  const utility = ext.utility;
  const { entryService, entryInnovation } = plan;
  const nPeers = plan.peerTotal[gi]!;
  const flags = run.routinized;
  const { provinceSum, pioneerInProvince, pioneerSum } = sums;
  const at = gi * S;
  const p = plan.province[gi]! * S;
  // peerCount's three cases, decided once for the government.
  const how = nPeers === 0 ? PEERS.none : !plan.peersByTotals[gi] ? PEERS.listed : !model.sameProvince ? PEERS.pioneers : PEERS.provinceAndPioneers;
  const pioneerSelf = plan.pioneer[gi] === 1;
  for (let x = plan.serviceStart[gi]!, end = plan.serviceStart[gi + 1]!; x < end; x++) {
    const s = entryService[x]!;
    let share = 0;
    if (how === PEERS.provinceAndPioneers) share = (provinceSum[p + s]! - flags[at + s]! + pioneerSum[s]! - pioneerInProvince[p + s]!) / nPeers;
    else if (how === PEERS.pioneers) share = (pioneerSum[s]! - (pioneerSelf ? flags[at + s]! : 0)) / nPeers;
    // The compiled government (another object to fetch, for each government and month) only for a list.
    else if (how === PEERS.listed) share = countOf(flags, model.governments[gi]!.peers, S, s) / nPeers;
    utility[entryInnovation[x]!] = gov_learning * share;
  }
  if (planned && plan.scheduled[month * plan.province.length + gi] === 0) return;
  const g = model.governments[gi]!;
  let moneyArrived = false;
  for (const [m, j] of g.money) {
    if (m !== month || ext.money[j] === 1) continue;
    ext.money[j] = 1;
    moneyArrived = true;
    // Live instances move onto the national line.
    for (let o = 0; o < w.n; o++) {
      const i = o * w.k + j;
      if (isLive(w.state[i]!)) {
        w.line[i] = LINE.national;
        w.lineOpened[i] = month;
        w.proposable[i] = 0;
      }
    }
  }
  if (moneyArrived) refreshAnchors(w);
  for (const [m, v] of g.visionFloors) if (m === month && w.vision < v) w.vision = v;
}

/**
 * What a national month does before any government moves (nationalPhase,
 * nationalMonth): the totals of last month's live flags (launches) and
 * routinized flags (learning), and the month's forced launches. Returns
 * whether the month is in the plan's schedules.
 */
function monthStart(model: NationalModel, run: NationalRun, month: number): boolean {
  const S = model.services.length;
  totals(run, run.live, S, run.scratch);
  totals(run, run.routinized, S, run.scratch.routinizedTotals);
  const planned = plannedMonth(model, run, month);
  if (planned) forcedLaunches(run, month);
  return planned;
}

/**
 * Phase 0 of a national month: governments launch national services
 * (coercion and inducement first, then their own rate, imitation of peers
 * and competition with same-province governments, from last month's
 * state), learning pulls, national money, programme visions.
 */
export function nationalPhase(model: NationalModel, run: NationalRun, month: number): void {
  const scratch = run.scratch;
  const planned = monthStart(model, run, month);
  const G = model.governments.length;
  for (let gi = 0; gi < G; gi++) governmentLaunches(model, run, gi, month, planned, scratch);
  for (let gi = 0; gi < G; gi++) governmentPulls(model, run, gi, month, planned, scratch.routinizedTotals);
}

/**
 * One national month as nationalPhase, every government's step and
 * tallyServices give it, government by government: each government's
 * national phase, city tick and observation run one after the other, while
 * its arrays are in the processor's cache (a pass of each of the three over
 * all governments finds them evicted). The same numbers: a government's
 * national phase reads its own world and last month's flags of the others
 * (their totals are taken first; the flags this month's observation writes
 * go to `scratch.next` and replace them only when every government has
 * stepped), its step reads only its own world, and its observation writes
 * only its own row; the forced launches, which come before any draw, come
 * first; draws are keyed, not consumed in order.
 */
export function nationalMonth(model: NationalModel, run: NationalRun, month: number): void {
  const scratch = run.scratch;
  const planned = monthStart(model, run, month);
  const next = scratch.next;
  next.live.fill(0);
  next.routinized.fill(0);
  next.replaced.fill(0);
  next.integrated.fill(0);
  const worlds = run.worlds;
  const started = run.started;
  for (let gi = 0; gi < worlds.length; gi++) {
    // Read ahead only the memory of a government whose month works on its instances. The read
    // changes nothing (it only reads), so reading or not gives the same numbers; see hasInstanceWork.
    if (started[gi] === 1 || hasInstanceWork(worlds[gi]!, month)) {
      started[gi] = 1;
      warmGovernment(run, gi);
    }
    governmentLaunches(model, run, gi, month, planned, scratch);
    governmentPulls(model, run, gi, month, planned, scratch.routinizedTotals);
    step(worlds[gi]!, month);
    tallyGovernment(model, run, gi, month, next);
  }
  run.live.set(next.live);
  run.routinized.set(next.routinized);
  run.replaced.set(next.replaced);
  run.integrated.set(next.integrated);
}

/**
 * Reads one 4-byte word of every 64-byte cache line of a government's block
 * of memory (init.ts puts a world's arrays, lists and peer counts in one
 * ArrayBuffer), in address order, before its month starts. A national month
 * visits 552 worlds of about 80 KB each, more than the processor's caches
 * hold, so each world arrives cold; its phases then touch its arrays in
 * dependent, scattered reads (the live instances' twenty-odd fields), each
 * miss waited for in turn. These loads are independent and sequential: the
 * processor overlaps them and the hardware prefetcher streams the block, so
 * the month that follows finds it in the cache. Reads only, nothing changes.
 * Measured with bench/paired.ts (docs/performance-history.md, "Eighth
 * session: the national replication"): a read every 128 bytes (every other
 * line) was about 20 % slower than one every 64, no better than none, so
 * every line is read. Before the block,
 * the objects of its typed arrays (`run.views`) are read too: each holds
 * where its data lies, and the month reaches every array through its
 * object, so each was a miss of its own the block's read did not cover
 * (docs/performance-history.md, "National replication: working set").
 */
export function warmGovernment(run: NationalRun, gi: number): void {
  const block = run.blocks[gi]!;
  let sum = 0;
  const views = run.views;
  for (let x = run.viewStart[gi]!, end = run.viewStart[gi + 1]!; x < end; x++) sum += views[x]!.length;
  for (let x = 0; x < block.length; x += 16) sum += block[x]!;
  // The observation's record of the live instances (tallyGovernment reads it for each), and the
  // innovations' objects, which the phases read for each instance too: neither is in the block.
  const last = run.lastLive[gi]!;
  for (let x = 0; x < last.length; x += 16) sum += last[x]!;
  const inns = run.worlds[gi]!.model.innovations;
  for (let j = 0; j < inns.length; j++) sum += inns[j]!.launch;
  // Stored where the optimizer cannot see it unused, so the loads stay.
  warmed.sum = sum;
}
const warmed = { sum: 0 };

/**
 * Whether government `w`'s month works on its instances: a service it has
 * launched by `month` (phase 2 visits each agency's instance of it), or live
 * instances at its last step (phases 4-8 and the observation visit them).
 * Before either, its month works only on its agencies (leaders, budget,
 * champions) and its innovations' few flags: every instance is unaware
 * (awareness needs a launched service, and every other state follows
 * awareness), so reading ahead its block, about 180 bytes for each of its
 * pairs, would bring in memory the month does not read. In the Indonesian
 * scenario that is about one government-month in six (the first two or
 * three years, while few governments have launched anything).
 */
function hasInstanceWork(w: World, month: number): boolean {
  if (w.lists.liveCount > 0) return true;
  const launchedAt = w.national!.launchedAt;
  for (let j = 0; j < launchedAt.length; j++) {
    const m = launchedAt[j]!;
    if (m >= 0 && m <= month) return true;
  }
  return false;
}

/** The typed arrays of each world (its own, its lists', its national inputs', its network's), flat, for `warmGovernment`. */
function worldViews(worlds: readonly World[]): { views: ArrayLike<number>[]; viewStart: Int32Array } {
  const views: ArrayLike<number>[] = [];
  const viewStart = new Int32Array(worlds.length + 1);
  worlds.forEach((w, gi) => {
    for (const holder of [w, w.lists, w.national, w.network, w.counters] as unknown as Record<string, unknown>[]) {
      if (holder === undefined) continue;
      for (const value of Object.values(holder)) if (ArrayBuffer.isView(value)) views.push(value as unknown as ArrayLike<number>);
    }
    viewStart[gi + 1] = views.length;
  });
  return { views, viewStart };
}

/** Peers with service `s` flagged, visited one by one. */
function countOf(flags: Uint8Array, peers: Int32Array, S: number, s: number): number {
  let c = 0;
  for (let p = 0; p < peers.length; p++) c += flags[peers[p]! * S + s]!;
  return c;
}

export function simulateNationalReplication(
  model: NationalModel,
  masterSeed: number,
  replication: number,
  detailGovernments: readonly number[] = [],
): NationalReplicationResult {
  const run = initNational(model, masterSeed, replication);
  const groups = seriesGroups(model);
  const S = model.services.length;
  const Gr = groups.names.length;
  const series = new Float64Array(model.months * Gr * S * 2);
  const flows = new Float64Array(model.months * Gr * S * 2);
  const offering = new Int32Array(Gr * S);
  model.governments.forEach((g, gi) => {
    for (let s = 0; s < S; s++) if (g.serviceIndex[s]! >= 0) for (const gr of groups.of[gi]!) offering[gr * S + s]!++;
  });
  // Each government's groups, flattened (read every month).
  const groupStart = new Int32Array(model.governments.length + 1);
  groups.of.forEach((gs, gi) => (groupStart[gi + 1] = groupStart[gi]! + gs.length));
  const groupOf = Int32Array.from(groups.of.flat());
  // The group counts of governments with each service live and ever live, kept from the month's
  // changes of the flags: sums of 0s and 1s, integers, so the same numbers in any order.
  const liveSum = new Float64Array(Gr * S);
  const everSum = new Float64Array(Gr * S);
  const seenLive = new Uint8Array(model.governments.length * S);
  const seenEver = new Uint8Array(model.governments.length * S);
  for (let month = 1; month <= model.months; month++) {
    nationalMonth(model, run, month);
    const base = (month - 1) * Gr * S * 2;
    for (let gi = 0, at = 0; gi < run.worlds.length; gi++) {
      for (let s = 0; s < S; s++, at++) {
        const live = run.live[at]!;
        const ever = run.ever[at]!;
        const replaced = run.replaced[at]!;
        const integrated = run.integrated[at]!;
        // (An instance adopted and replaced in one month leaves `ever` at 0: replacements are tested on their own.)
        if (live === seenLive[at] && ever === seenEver[at] && !replaced && !integrated) continue;
        const dLive = live - seenLive[at]!;
        const dEver = ever - seenEver[at]!;
        seenLive[at] = live;
        seenEver[at] = ever;
        for (let x = groupStart[gi]!; x < groupStart[gi + 1]!; x++) {
          const gs = groupOf[x]! * S + s;
          liveSum[gs] += dLive;
          everSum[gs] += dEver;
          flows[base + gs * 2] += replaced;
          flows[base + gs * 2 + 1] += integrated;
        }
      }
    }
    for (let gs = 0; gs < Gr * S; gs++) {
      series[base + gs * 2] = liveSum[gs]!;
      series[base + gs * 2 + 1] = everSum[gs]!;
    }
  }
  const result = {
    replication,
    outcomes: run.worlds.map((w) => outcomes(w)),
    endedByCause: run.worlds.map((w) => w.endedByCause.slice()),
    launched: run.worlds.map((w) => Uint8Array.from(w.national!.launchedAt, (m) => (m >= 0 && m <= model.months ? 1 : 0))),
    series,
    flows,
    offering,
    agents: detailGovernments.map((gi) => ({ government: gi, rows: agents(run.worlds[gi]!) })),
  };
  // The result holds copies, no array of a world.
  idleWorlds.set(model.governments, { worlds: run.worlds, lastLive: run.lastLive });
  return result;
}


export type { CompiledGovernment };
