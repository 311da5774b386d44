/**
 * Phase 8, discontinuance (Rogers 2003 ch. 5; Parthasarathy 1995; MODEL.md
 * 7.8). A monthly hazard from an annual rate with multipliers, and the
 * replacement wave of a ban on standalone apps. The shocks (pilot end,
 * budget cycle, vendor exit, leadership change) act in phase 1.
 */
import { MonthlyProbabilityMemo, monthlyProbability, type StreamPrefix } from '../engine/random.js';
import { OWNER } from './compile.js';
import { discontinue } from './instances.js';
import { Process } from './processes.js';
import { liveList } from './active.js';
import { leaderEnrolled } from './translation.js';
import { isLive, LINE, STATE, type World } from './world.js';

/** Late majority and laggards (category indices 3 and 4) quit more (Prins, Verhoef and Franses 2009). */
const LATE_CATEGORY = 3;

/** The hazard's base rates and multipliers (MODEL.md 7.8), read once per month, not per instance. */
function hazardParameters(w: World) {
  const p = w.model.params;
  return {
    h0Routinized: p.h0_routinized,
    h0Other: p.h0_other,
    anchor: p.m_anchor,
    integrated: p.m_integrated,
    champion: p.m_champion,
    authority: p.m_authority,
    late: p.m_late,
    disenchantMonths: p.disenchant_months,
    disenchanted: p.m_disenchanted,
    lowT: p.T_low,
    lowTFactor: p.m_low_T,
    unfunded: p.m_unfunded,
  };
}
type HazardParameters = ReturnType<typeof hazardParameters>;

/** Annual discontinuance rate of a live instance (MODEL.md 7.8). */
export function hazardRate(w: World, i: number, m: HazardParameters = hazardParameters(w)): number {
  const o = Math.floor(i / w.k);
  let h = w.state[i] === STATE.routinized ? m.h0Routinized : m.h0Other;
  if (w.anchored[i]) h *= m.anchor;
  if (w.integrated[i]) h *= m.integrated;
  if (w.champion[o]) h *= m.champion;
  if (w.authority[i]) h *= m.authority;
  if (w.category[o]! >= LATE_CATEGORY) h *= m.late;
  if (w.failMonths[i]! >= m.disenchantMonths) h *= m.disenchanted;
  if (w.translation[i]! < m.lowT) h *= m.lowTFactor;
  if (w.line[i] === LINE.none) h *= m.unfunded;
  return h;
}

/**
 * The monthly probability monthlyProbability(hazardRate()) of each of the 512
 * combinations of hazardRate()'s nine conditions (bit 0 routinized, then the
 * multipliers in hazardRate()'s order), computed on first use by the same
 * multiplications in the same order, so the same numbers; kept per parameter
 * set. Saves an exponential per live instance and month.
 */
const hazardTables = new WeakMap<object, HazardMemo>();

/**
 * A parameter set's table, and the hazard's parameters its entries are
 * computed from (read from the same parameters, which never change: the
 * same numbers as reading them when an entry is first needed). Taken
 * whole every month, so that the loop makes the same calls and reads every
 * month: a read first made when the table first lacked an entry after the
 * loop was optimized threw the optimized loop away.
 */
interface HazardMemo {
  readonly table: Float64Array;
  readonly m: HazardParameters;
}

function hazardMemo(w: World): HazardMemo {
  let memo = hazardTables.get(w.model.params);
  if (memo === undefined) {
    memo = { table: new Float64Array(512).fill(-1), m: hazardParameters(w) };
    hazardTables.set(w.model.params, memo);
  }
  return memo;
}

function hazardOfMask(mask: number, m: HazardParameters): number {
  // Every factor read and every product taken whatever the mask, each
  // factor that does not apply being 1 (x * 1 is x exactly: the same hazard
  // as multiplying only by the factors that apply). This runs, inlined in
  // discontinuanceLoop, once for each mask the table lacks, and new masks
  // come as a run goes on: a read or product of a factor that first ran
  // then (after the loop was optimized) threw the optimized loop away.
  const routinized = m.h0Routinized;
  const other = m.h0Other;
  const anchor = m.anchor;
  const integrated = m.integrated;
  const champion = m.champion;
  const authority = m.authority;
  const late = m.late;
  const disenchanted = m.disenchanted;
  const lowT = m.lowTFactor;
  const unfunded = m.unfunded;
  let h = mask & 1 ? routinized : other;
  h *= mask & 2 ? anchor : 1;
  h *= mask & 4 ? integrated : 1;
  h *= mask & 8 ? champion : 1;
  h *= mask & 16 ? authority : 1;
  h *= mask & 32 ? late : 1;
  h *= mask & 64 ? disenchanted : 1;
  h *= mask & 128 ? lowT : 1;
  h *= mask & 256 ? unfunded : 1;
  return monthlyProbability(h);
}

export function discontinuance(w: World): void {
  discontinuancePass(w, false);
}

/**
 * Phases 7 and 8 in one pass over the live instances (step.ts): each
 * instance's translation score, then its discontinuance. The same numbers
 * as translation() then discontinuance(): an instance's translation reads
 * nothing that another instance's discontinuance writes (discontinue()
 * changes only the instance it ends, and counters), translation records no
 * events, and each instance is scored before its own hazard reads the score.
 * The score is written out in the loop (translateInstance(), the same sum in
 * the same order), so that the world's arrays are read once per month.
 */
export function translationAndDiscontinuance(w: World): void {
  discontinuancePass(w, true);
}

function discontinuancePass(w: World, translate: boolean): void {
  // The month's draw prefixes are hashed here, not in the loop's function:
  // there their inlined hashing used up the optimizer's inlining budget and
  // left `belowAfter` a call, which allocates its arguments (a heap number
  // per draw; docs/performance-history.md, ninth session).
  const streams = w.streams;
  discontinuanceLoop(w, translate, streams.prefix(Process.BanReplacement, w.month), streams.prefix(Process.Hazard, w.month));
}

/** The ban's monthly probability, computed once per parameter value, not every month (random.ts). */
const banMemo = new MonthlyProbabilityMemo();

function discontinuanceLoop(w: World, translate: boolean, banDraws: StreamPrefix, hazardDraws: StreamPrefix): void {
  const p = w.model.params;
  const { state, integrated, streams, opdKeys, innovationKeys, agencyOf, innovationOf } = w;
  const { anchored, champion, authority, category, failMonths, translation, line } = w;
  const banP = banMemo.of(p.ban_replacement);
  const { table, m } = hazardMemo(w);
  const banActive = w.banActive;
  const banned = w.banned;
  const disenchantMonths = p.disenchant_months;
  const lowT = p.T_low;
  // The live instances in agency-major order (active.ts).
  const count = liveList(w);
  const live = w.lists.live;
  // Translation's month inputs (translationMonth()).
  const { owned, platformActive, sponsored, usage, stableMonths } = w;
  const innovations = w.model.innovations;
  const tOwner = p.t_owner;
  const tBudget = p.t_budget;
  const tPlatform = p.t_platform;
  const tRegulation = p.t_regulation;
  const tChampion = p.t_champion;
  const tLeader = p.t_leader;
  const tUsers = p.t_users;
  const stable = p.T_stable;
  const uFail = p.u_fail;
  const leaderIn = leaderEnrolled(w);
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    const s = state[i]!;
    if (!isLive(s)) continue;
    const j = innovationOf[i]!;
    const o = agencyOf[i]!;
    if (translate) {
      // translateInstance(), the same sum in the same order.
      const inn = innovations[j]!;
      let t = 0;
      if (inn.owner === OWNER.opd || owned[i] === 1) t += tOwner;
      if (line[i] !== LINE.none) t += tBudget;
      if (inn.platform >= 0 && platformActive[inn.platform]) t += tPlatform;
      if (anchored[i]) t += tRegulation;
      if (champion[o]) t += tChampion;
      if (sponsored[j] && leaderIn) t += tLeader;
      if (usage[i]! >= uFail) t += tUsers;
      translation[i] = t;
      stableMonths[i] = t >= stable ? stableMonths[i]! + 1 : 0;
    }
    const okey = opdKeys[o]!;
    const ikey = innovationKeys[j]!;
    // hazardRate()'s conditions, as bits of the table's index.
    const fm = failMonths[i]!;
    // Both read for every instance, though the ban's test below needs them
    // only while a ban is active: a read that first runs after this loop
    // was optimized (the ban comes late in a run, if at all) throws the
    // optimized loop away, and it is compiled again.
    const integratedHere = integrated[i]!;
    const bannedHere = banned[o]!;
    const mask =
      (s === STATE.routinized ? 1 : 0) |
      (anchored[i] ? 2 : 0) |
      (integratedHere ? 4 : 0) |
      (champion[o] ? 8 : 0) |
      (authority[i] ? 16 : 0) |
      (category[o]! >= LATE_CATEGORY ? 32 : 0) |
      (fm >= disenchantMonths ? 64 : 0) |
      (translation[i]! < lowT ? 128 : 0) |
      (line[i] === LINE.none ? 256 : 0);
    // Read back from the table, not taken from the call: a variable that is
    // either a Float64Array element or a call's result is kept as a heap
    // object by the optimizer, one allocation per instance and month.
    if (table[mask]! < 0) table[mask] = hazardOfMask(mask, m);
    // The ban's replacement draw (d = 0, when the ban applies to the
    // instance), then, if it did not replace it, the hazard's (d = 1): the
    // same draws in the same order as two tests one after the other (the
    // hazard's inputs above are read before the ban's draw, but nothing
    // between changes them). One call site, so that the optimizer inlines
    // it: with two, the ban's was left a call, whose arguments were
    // allocated afresh for every draw (about 15 MB a national replication).
    for (let d = banActive && !integratedHere && bannedHere ? 0 : 1; d < 2; d++) {
      if (!streams.belowAfter(d === 0 ? banDraws : hazardDraws, okey, ikey, d === 0 ? banP : table[mask]!)) continue;
      discontinue(w, i, d === 0 ? 'replacement' : fm >= disenchantMonths ? 'disenchantment' : 'hazard');
      break;
    }
  }
}
