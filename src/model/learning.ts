/**
 * Phase 6, learning loops (Argyris and Schon 1978; Pahl-Wostl 2009; Tosey,
 * Visser and Saunders 2012; MODEL.md 7.6).
 *  - single loop: agencies correct their effort toward the usage target;
 *  - double loop: rarely, an agency changes a governing variable of a service;
 *  - triple loop: the city changes its rules when failure is widespread or a
 *    ban on standalone apps arrives.
 * The vision's double loop happens at leadership changes (events.ts).
 */
import { OWNER } from './compile.js';
import { discontinue, refreshAnchors } from './instances.js';
import { clamp01, reinvent } from './implementation.js';
import { integratedAgencies } from './usage.js';
import { Process } from './processes.js';
import type { StreamPrefix } from '../engine/random.js';
import { liveList } from './active.js';
import { INTEGRATION, LINE, STAGE, STATE, isLive, record, type World } from './world.js';

export function learning(w: World): void {
  // The triple loop reads the failing share usage left (after phase 5), before
  // the double loop replaces any instance.
  // Phases 4-8 visit the live instances only (active.ts), in agency-major order.
  const count = liveList(w);
  const failing = failingShareOf(w, w.lists.live, count);
  singleLoop(w, w.lists.live, count);
  doubleLoop(w, w.lists.live, count);
  tripleLoop(w, failing);
}

/** The single loop's inputs that are the same for every instance in a month. */
function singleMonth(w: World) {
  const p = w.model.params;
  return { alpha: p.alpha, effortMax: p.effort_max, target: p.u_target, decay: p.unfunded_effort_decay };
}
type SingleMonth = ReturnType<typeof singleMonth>;

/** The single loop for live instance i: 1 when its effort changed. */
function singleInstance(w: World, m: SingleMonth, i: number): number {
  const effort = w.effort;
  const before = effort[i]!;
  if (w.line[i] === LINE.none) {
    effort[i] = before * m.decay;
    return effort[i] !== before ? 1 : 0;
  }
  const after = Math.min(m.effortMax, Math.max(0, before + m.alpha * (m.target - w.usage[i]!)));
  effort[i] = after;
  return after !== before ? 1 : 0;
}

function singleLoop(w: World, live: Int32Array, count: number): void {
  const m = singleMonth(w);
  const state = w.state;
  let changed = 0;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    if (!isLive(state[i]!)) continue;
    changed += singleInstance(w, m, i);
  }
  w.counters.learningSingle += changed;
}

/**
 * Phases 4, 5 and 6 as step() runs them: one pass over the live instances
 * for implementation, usage, the failing share and the single loop, then
 * the double and the triple loop. The same numbers as implementation(),
 * usage() and learning() one after the other: usage's integration share is
 * taken first (implementation changes no instance's integration or
 * liveness); each instance's implementation, usage and single loop read and
 * write only that instance (and agency-level inputs none of them write), in
 * the order of the phases; the failing share counts each instance's usage
 * as phase 5 left it; events are recorded only by implementation in that
 * pass, and the double loop, which records the rest, comes after it, over
 * the instances the pass found with a long enough gap (in the same order;
 * nothing between changes their state or gap). The three phases' steps are
 * written out in the loop (implementInstance(), useInstance(),
 * singleInstance(): the same operations in the same order), so that the
 * world's arrays are read once per month, not once per instance and call.
 */
export function implementationUsageLearning(w: World): void {
  // The month's draw prefixes are hashed here and the double and triple
  // loops run here, outside the pass's function: inlined into it, they took
  // the optimizer's inlining budget and left the pass's draw a call, which
  // allocates its arguments (a heap number per draw; discontinuance.ts).
  const streams = w.streams;
  implementationUsagePass(w, streams.prefix(Process.StageAdvance, w.month), streams.prefix(Process.Reinvention, w.month));
  doubleLoop(w, w.lists.scratch, passCounts[0]!);
  const live = passCounts[1]!;
  tripleLoop(w, live > 0 ? passCounts[2]! / live : 0);
}

/** What implementationUsagePass found: the double loop's candidates (listed in `w.lists.scratch`), the live instances and the failing ones. */
const passCounts = new Int32Array(3);

function implementationUsagePass(w: World, advanceDraws: StreamPrefix, reinventDraws: StreamPrefix): void {
  const count = liveList(w);
  const live = w.lists.live;
  const p = w.model.params;
  const { state, agencyOf, innovationOf, stage, line, stableMonths, capacity, champion, opdKeys, innovationKeys, streams } = w;
  const { usage, effort, compatibility, complexity, integrated, gapMonths, failMonths, reinvented } = w;
  const innovations = w.model.innovations;
  // Phase 4's month inputs (implementationMonth()).
  const baseAdvance = p.base_advance;
  const unfundedAdvance = p.unfunded_advance;
  const reinventP = p.reinvention_probability;
  const stableNeeded = p.T_stable_months;
  const championAdvance = p.champion_advance;
  const budget = w.budget;
  // Phase 5's (usageMonth()).
  const agencies = integratedAgencies(w, live, count);
  const integration = 1 + p.i_gain * (w.n === 0 ? 0 : agencies / w.n);
  const kappa = p.kappa;
  const unfundedUsage = p.unfunded_usage;
  const target = p.u_target;
  const fail = p.u_fail;
  // The single loop's (singleMonth()).
  const alpha = p.alpha;
  const effortMax = p.effort_max;
  const decay = p.unfunded_effort_decay;
  // The double loop's candidates, found on the way (doubleLoop() tests them again).
  const gapNeeded = p.gap_months;
  const candidates = w.lists.scratch;
  let candidateCount = 0;
  let liveCount = 0;
  let failing = 0;
  let changed = 0;
  // For the stage's steps (below).
  const clarifyingStage = STAGE.clarifying;
  const routinizedStage = STAGE.routinized;
  const routinizedState = STATE.routinized;
  const events = w.events;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    const s = state[i]!;
    if (!isLive(s)) continue;
    const j = innovationOf[i]!;
    if (s === STATE.live) {
      // implementInstance(), the same operations in the same order.
      const o = agencyOf[i]!;
      const capacityFactor = (1 + capacity[o]!) * (champion[o] ? championAdvance : 1);
      const st = stage[i]!;
      const ln = line[i]!;
      const lasting = ln === LINE.apbd || ln === LINE.national;
      // Routinization needs a lasting line and a stable actor-network.
      if (!(st === STAGE.clarifying && (!lasting || stableMonths[i]! < stableNeeded))) {
        const advance = Math.min(1, baseAdvance * capacityFactor * (ln ? 1 : unfundedAdvance) * budget);
        const okey = opdKeys[o]!;
        const ikey = innovationKeys[j]!;
        if (streams.belowAfter(advanceDraws, okey, ikey, advance)) {
          // Both steps (restructuring to clarifying, clarifying to
          // routinized) write the stage and the state (written back
          // unchanged when restructuring) at the same two places, from
          // values read before the loop, and a routinization's event is
          // recorded only when events are kept: the first routinization
          // comes after this function was optimized, and a read, a write or
          // a call that first ran then threw its optimized code away.
          const restructuring = st === STAGE.restructuring;
          stage[i] = restructuring ? clarifyingStage : routinizedStage;
          state[i] = restructuring ? s : routinizedState;
          if (restructuring) {
            if (!reinvented[i] && streams.belowAfter(reinventDraws, okey, ikey, reinventP)) {
              reinvent(w, i);
              record(w, 'reinvention', o, j);
            }
          } else if (events !== null) record(w, 'routinized', o, j);
        }
      }
    }
    // useInstance().
    const inn = innovations[j]!;
    const unfunded = line[i] === LINE.none;
    let attainable = (inn.ra + compatibility[i]! + (1 - complexity[i]!) + inn.ob) / 4;
    // A factor of 1 when it does not apply (x * 1 is x exactly): the products
    // then run from the first month, not first when an instance is
    // integrated (after this function was optimized, which threw it away).
    attainable *= integrated[i] ? integration : 1;
    attainable *= unfunded ? unfundedUsage : 1;
    const before = usage[i]!;
    const u = clamp01(before + kappa * (attainable + effort[i]! - before));
    usage[i] = u;
    const gap = u < target ? gapMonths[i]! + 1 : 0;
    gapMonths[i] = gap;
    failMonths[i] = u < fail ? failMonths[i]! + 1 : 0;
    liveCount++;
    if (u < fail) failing++;
    // singleInstance().
    const e = effort[i]!;
    // The unfunded effort's decay computed for every instance (the same
    // product; used only for an unfunded one), so that it has run before
    // the first unfunded instance comes (see above).
    const decayed = e * decay;
    const after = unfunded ? decayed : Math.min(effortMax, Math.max(0, e + alpha * (target - u)));
    effort[i] = after;
    if (after !== e) changed++;
    if (!(gap < gapNeeded)) candidates[candidateCount++] = i;
  }
  w.counters.learningSingle += changed;
  passCounts[0] = candidateCount;
  passCounts[1] = liveCount;
  passCounts[2] = failing;
}

/** The double loop's options, tried in this order (MODEL.md 7.6). */
function doubleLoop(w: World, live: Int32Array, count: number): void {
  // The prefix is hashed outside the loop's function, so that the
  // optimizer's inlining budget goes to its draw (discontinuance.ts).
  doubleLoopOver(w, live, count, w.streams.prefix(Process.DoubleLoop, w.month));
}

function doubleLoopOver(w: World, live: Int32Array, count: number, draws: StreamPrefix): void {
  const gapMonths = w.model.params.gap_months;
  const { agencyOf, innovationOf } = w;
  const cityPlatform = w.model.coordinator >= 0;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    if (!isLive(w.state[i]!) || w.gapMonths[i]! < gapMonths) continue;
    const j = innovationOf[i]!;
    const o = agencyOf[i]!;
    w.gapMonths[i] = 0;
    const inn = w.model.innovations[j]!;
    if (!w.streams.belowAfter(draws, w.opdKeys[o]!, inn.key, w.reflexivity[o]!)) continue;
    let change: string;
    const platformUp = inn.platform >= 0 && w.platformActive[inn.platform] === 1;
    if (inn.owner === OWNER.vendor && !w.owned[i] && w.line[i] !== LINE.none) {
      w.owned[i] = 1;
      change = 'ownership';
    } else if (!w.integrated[i] && (platformUp || cityPlatform)) {
      // Into the city through the coordinator when there is one; else
      // through the service's platform, which takes it along when it shuts.
      w.integrated[i] = cityPlatform ? INTEGRATION.city : INTEGRATION.platform;
      change = 'integration';
    } else if (!w.reinvented[i]) {
      reinvent(w, i);
      change = 'reinvention';
    } else {
      change = 'replacement';
    }
    w.counters.learningDouble++;
    record(w, 'double_loop', o, j, change, 'double');
    if (change === 'replacement') discontinue(w, i, 'replacement');
  }
}

/** failingShare() over a list holding every live instance (active.ts). */
function failingShareOf(w: World, live: Int32Array, count: number): number {
  const fail = w.model.params.u_fail;
  const { state, usage } = w;
  let liveCount = 0;
  let failing = 0;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    if (!isLive(state[i]!)) continue;
    liveCount++;
    if (usage[i]! < fail) failing++;
  }
  return liveCount > 0 ? failing / liveCount : 0;
}

/** The failing share: live instances with usage below u_fail, over live instances (0 if none). */
export function failingShare(w: World): number {
  const fail = w.model.params.u_fail;
  const size = w.n * w.k;
  let live = 0;
  let failing = 0;
  for (let i = 0; i < size; i++) {
    if (!isLive(w.state[i]!)) continue;
    live++;
    if (w.usage[i]! < fail) failing++;
  }
  return live > 0 ? failing / live : 0;
}

function tripleLoop(w: World, failing: number): void {
  const p = w.model.params;
  if (failing > p.F_star) w.failingRun++;
  else w.failingRun = 0;
  if (w.failingRun >= p.triple_months) {
    w.triplePending = true;
    w.failingRun = 0;
  }
  if (!w.triplePending || w.tripleDone >= 3) return;
  if (w.streams.uniform(Process.TripleLoop, w.month, 0, 0) >= p.city_reflexivity) return;
  w.triplePending = false;
  const { n, k } = w;
  let change: string;
  if (w.tripleDone === 0) {
    // Enact a regulation anchoring every innovation that has live instances.
    const anchors = new Uint8Array(k);
    for (let i = 0; i < n * k; i++) if (isLive(w.state[i]!)) anchors[i % k] = 1;
    w.extraRegulations.push({ strength: p.triple_strength, anchors });
    refreshAnchors(w);
    change = 'regulation';
  } else if (w.tripleDone === 1 && w.model.coordinator >= 0) {
    // The coordinator becomes the obligatory passage point: everything integrates.
    w.obligatoryPassagePoint = true;
    for (let i = 0; i < n * k; i++) if (isLive(w.state[i]!)) w.integrated[i] = INTEGRATION.city;
    change = 'obligatory_passage_point';
  } else {
    // Without a coordinator there is no passage point to make obligatory (the
    // double loop refuses city integration then too): the ban comes next.
    w.cityBan = true;
    w.banActive = true;
    w.banned.fill(1);
    change = 'ban_standalone';
    w.tripleDone = 2;
  }
  w.tripleDone++;
  w.counters.learningTriple++;
  record(w, 'triple_loop', -1, -1, change, 'triple');
}
