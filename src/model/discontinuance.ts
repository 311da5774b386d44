/**
 * Phase 8, discontinuance (Rogers 2003 ch. 5; Parthasarathy 1995; MODEL.md
 * 7.8). A monthly hazard from an annual rate with multipliers, and the
 * replacement wave of a ban on standalone apps. The shocks (pilot end,
 * budget cycle, vendor exit, leadership change) act in phase 1.
 */
import { monthlyProbability } from '../engine/random.js';
import { discontinue } from './instances.js';
import { Process } from './processes.js';
import { LINE, STATE, isLive, type World } from './world.js';

/** Late majority and laggards (category indices 3 and 4) quit more (Prins, Verhoef and Franses 2009). */
const LATE_CATEGORY = 3;

/** Annual discontinuance rate of a live instance (MODEL.md 7.8). */
export function hazardRate(w: World, i: number): number {
  const p = w.model.params;
  const o = Math.floor(i / w.k);
  let h = w.state[i] === STATE.routinized ? p['h0_routinized']! : p['h0_other']!;
  if (w.anchored[i]) h *= p['m_anchor']!;
  if (w.integrated[i]) h *= p['m_integrated']!;
  if (w.champion[o]) h *= p['m_champion']!;
  if (w.authority[i]) h *= p['m_authority']!;
  if (w.category[o]! >= LATE_CATEGORY) h *= p['m_late']!;
  if (w.failMonths[i]! >= p['disenchant_months']!) h *= p['m_disenchanted']!;
  if (w.translation[i]! < p['T_low']!) h *= p['m_low_T']!;
  if (w.line[i] === LINE.none) h *= p['m_unfunded']!;
  return h;
}

export function discontinuance(w: World): void {
  const p = w.model.params;
  const { n, k } = w;
  const banP = monthlyProbability(p['ban_replacement']!);
  const disenchantMonths = p['disenchant_months']!;
  for (let o = 0; o < n; o++) {
    const okey = w.model.opds[o]!.key;
    for (let j = 0; j < k; j++) {
      const i = o * k + j;
      if (!isLive(w.state[i]!)) continue;
      const ikey = w.model.innovations[j]!.key;
      if (w.banActive && !w.integrated[i] && w.streams.uniform(Process.BanReplacement, w.month, okey, ikey) < banP) {
        discontinue(w, i, 'replacement');
        continue;
      }
      const q = monthlyProbability(hazardRate(w, i));
      if (w.streams.uniform(Process.Hazard, w.month, okey, ikey) < q) {
        discontinue(w, i, w.failMonths[i]! >= disenchantMonths ? 'disenchantment' : 'hazard');
      }
    }
  }
}
