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
import { reinvent } from './implementation.js';
import { Process } from './processes.js';
import { INTEGRATION, LINE, isLive, record, type World } from './world.js';

export function learning(w: World): void {
  // The triple loop reads the failing share usage left (after phase 5), before
  // the double loop replaces any instance.
  const failing = failingShare(w);
  singleLoop(w);
  doubleLoop(w);
  tripleLoop(w, failing);
}

function singleLoop(w: World): void {
  const p = w.model.params;
  const alpha = p.alpha;
  const effortMax = p.effort_max;
  const target = p.u_target;
  const size = w.n * w.k;
  for (let i = 0; i < size; i++) {
    if (!isLive(w.state[i]!)) continue;
    const before = w.effort[i]!;
    if (w.line[i] === LINE.none) {
      w.effort[i] = before * p.unfunded_effort_decay;
      if (w.effort[i] !== before) w.counters.learningSingle++;
      continue;
    }
    const after = Math.min(effortMax, Math.max(0, before + alpha * (target - w.usage[i]!)));
    w.effort[i] = after;
    if (after !== before) w.counters.learningSingle++;
  }
}

/** The double loop's options, tried in this order (MODEL.md 7.6). */
function doubleLoop(w: World): void {
  const gapMonths = w.model.params.gap_months;
  const { n, k } = w;
  const cityPlatform = w.model.coordinator >= 0;
  for (let o = 0; o < n; o++) {
    const okey = w.model.opds[o]!.key;
    for (let j = 0; j < k; j++) {
      const i = o * k + j;
      if (!isLive(w.state[i]!) || w.gapMonths[i]! < gapMonths) continue;
      w.gapMonths[i] = 0;
      const inn = w.model.innovations[j]!;
      if (w.streams.uniform(Process.DoubleLoop, w.month, okey, inn.key) >= w.reflexivity[o]!) continue;
      let change: string;
      const platformUp = inn.platform >= 0 && w.platformActive[inn.platform] === 1;
      if (inn.owner === OWNER.vendor && !w.owned[i] && w.line[i] !== LINE.none) {
        w.owned[i] = 1;
        change = 'ownership';
      } else if (!w.integrated[i] && (platformUp || cityPlatform)) {
        w.integrated[i] = INTEGRATION.city;
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
    change = 'ban_standalone';
    w.tripleDone = 2;
  }
  w.tripleDone++;
  w.counters.learningTriple++;
  record(w, 'triple_loop', -1, -1, change, 'triple');
}
