/**
 * Phase 8, discontinuance (Rogers 2003 ch. 5; Parthasarathy 1995; MODEL.md
 * 7.8). A monthly hazard from an annual rate with multipliers, and the
 * replacement wave of a ban on standalone apps. The shocks (pilot end,
 * budget cycle, vendor exit, leadership change) act in phase 1.
 */
import { monthlyProbability } from '../engine/random.js';
import { discontinue } from './instances.js';
import { Process } from './processes.js';
import { LINE, STATE, type World } from './world.js';

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

export function discontinuance(w: World): void {
  const p = w.model.params;
  const { n, k, state, integrated, streams } = w;
  const banP = monthlyProbability(p.ban_replacement);
  const m = hazardParameters(w);
  const banActive = w.banActive;
  const banDraws = streams.prefix(Process.BanReplacement, w.month);
  const hazardDraws = streams.prefix(Process.Hazard, w.month);
  const opds = w.model.opds;
  const innovations = w.model.innovations;
  for (let o = 0; o < n; o++) {
    const okey = opds[o]!.key;
    for (let j = 0; j < k; j++) {
      const i = o * k + j;
      const s = state[i]!;
      if (s !== STATE.live && s !== STATE.routinized) continue;
      const ikey = innovations[j]!.key;
      if (banActive && !integrated[i] && streams.uniformAfter(banDraws, okey, ikey) < banP) {
        discontinue(w, i, 'replacement');
        continue;
      }
      const q = monthlyProbability(hazardRate(w, i, m));
      if (streams.uniformAfter(hazardDraws, okey, ikey) < q) {
        discontinue(w, i, w.failMonths[i]! >= m.disenchantMonths ? 'disenchantment' : 'hazard');
      }
    }
  }
}
