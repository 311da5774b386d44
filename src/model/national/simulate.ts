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
import { LINE, STATE, isLive, type World } from '../world.js';
import type { CompiledGovernment, NationalModel } from './compile.js';

/** Streams of one government in one replication. */
export function governmentStreams(seed: readonly [number, number], governmentId: string): Streams {
  return new Streams([keyOf(`${seed[0]}:${seed[1]}:${governmentId}:0`) | 0, keyOf(`${seed[0]}:${seed[1]}:${governmentId}:1`) | 0]);
}

/** The groups national series are reported for. */
export interface SeriesGroups {
  readonly names: readonly string[];
  /** Per government, the group indices it belongs to. */
  readonly of: readonly (readonly number[])[];
}

export function seriesGroups(model: NationalModel): SeriesGroups {
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
  return { names, of };
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
}

/** Initializes one replication's worlds (exported for tests that step by hand). */
export function initNational(model: NationalModel, masterSeed: number, replication: number): NationalRun {
  const seed = replicationSeed(masterSeed, replication);
  const S = model.services.length;
  const worlds = model.governments.map((g) => {
    const w = initWorld(g.model, governmentStreams(seed, g.id), false);
    const k = g.model.innovations.length;
    // Services of the government's own (not national) are launched as the city spec says.
    const launchedAt = Int32Array.from(g.model.innovations, (inn) => inn.launch);
    for (const j of g.serviceIndex) if (j >= 0) launchedAt[j] = -1;
    w.national = { launchedAt, utility: new Float64Array(k), money: new Uint8Array(k) };
    return w;
  });
  const G = model.governments.length;
  return { worlds, live: new Uint8Array(G * S), routinized: new Uint8Array(G * S), ever: new Uint8Array(G * S) };
}

/**
 * The national observation of a month, in one pass over each government's
 * instances: which governments have each national service live and
 * routinized, and each innovation's peak live count (the part of the city
 * observation its horizon outcomes need; the full city metric row is not
 * kept at this scale).
 */
export function tallyServices(model: NationalModel, run: NationalRun): void {
  const S = model.services.length;
  run.live.fill(0);
  run.routinized.fill(0);
  model.governments.forEach((g, gi) => {
    const w = run.worlds[gi]!;
    const { n, k } = w;
    for (let j = 0; j < k; j++) {
      let live = 0;
      let rout = 0;
      for (let o = 0; o < n; o++) {
        const i = o * k + j;
        const st = w.state[i]!;
        if (!isLive(st) || !w.eligible[i]) continue;
        live++;
        if (st === STATE.routinized) rout = 1;
      }
      if (live > w.peakLive[j]!) w.peakLive[j] = live;
      const s = g.serviceOf[j]!;
      if (s < 0) continue;
      run.live[gi * S + s] = live > 0 ? 1 : 0;
      run.routinized[gi * S + s] = rout;
      if (live > 0) run.ever[gi * S + s] = 1;
    }
  });
}

/**
 * Phase 0 of a national month: governments launch national services
 * (coercion and inducement first, then their own rate, imitation of peers
 * and competition with same-province governments, from last month's
 * state), learning pulls, national money, programme visions.
 */
export function nationalPhase(model: NationalModel, run: NationalRun, month: number): void {
  const S = model.services.length;
  const { gov_launch_base, gov_imitation, gov_learning, gov_competition } = model.params;
  model.governments.forEach((g, gi) => {
    const w = run.worlds[gi]!;
    const ext = w.national!;
    for (const [m, j] of g.forcedLaunch) if (m === month && ext.launchedAt[j]! < 0) ext.launchedAt[j] = month;
    for (let s = 0; s < S; s++) {
      const j = g.serviceIndex[s]!;
      if (j < 0) continue;
      const inn = g.model.innovations[j]!;
      if (ext.launchedAt[j]! < 0 && month >= inn.launch) {
        const rate =
          gov_launch_base + gov_imitation * shareOf(run.live, g.peers, S, s) + gov_competition * shareOf(run.live, g.provincePeers, S, s);
        if (rate > 0 && w.streams.uniform(Process.GovernmentLaunch, month, 0, inn.key) < monthlyProbability(rate)) ext.launchedAt[j] = month;
      }
      ext.utility[j] = gov_learning * shareOf(run.routinized, g.peers, S, s);
    }
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
  });
}

function shareOf(flags: Uint8Array, peers: Int32Array, S: number, s: number): number {
  if (peers.length === 0) return 0;
  let c = 0;
  for (let p = 0; p < peers.length; p++) c += flags[peers[p]! * S + s]!;
  return c / peers.length;
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
  const offering = new Int32Array(Gr * S);
  model.governments.forEach((g, gi) => {
    for (let s = 0; s < S; s++) if (g.serviceIndex[s]! >= 0) for (const gr of groups.of[gi]!) offering[gr * S + s]!++;
  });
  for (let month = 1; month <= model.months; month++) {
    nationalPhase(model, run, month);
    for (const w of run.worlds) step(w, month);
    tallyServices(model, run);
    const base = (month - 1) * Gr * S * 2;
    for (let gi = 0; gi < run.worlds.length; gi++) {
      for (let s = 0; s < S; s++) {
        const live = run.live[gi * S + s]!;
        const ever = run.ever[gi * S + s]!;
        if (!live && !ever) continue;
        for (const gr of groups.of[gi]!) {
          series[base + (gr * S + s) * 2] += live;
          series[base + (gr * S + s) * 2 + 1] += ever;
        }
      }
    }
  }
  return {
    replication,
    outcomes: run.worlds.map((w) => outcomes(w)),
    endedByCause: run.worlds.map((w) => w.endedByCause.slice()),
    launched: run.worlds.map((w) => Uint8Array.from(w.national!.launchedAt, (m) => (m >= 0 && m <= model.months ? 1 : 0))),
    series,
    offering,
    agents: detailGovernments.map((gi) => ({ government: gi, rows: agents(run.worlds[gi]!) })),
  };
}


export type { CompiledGovernment };
