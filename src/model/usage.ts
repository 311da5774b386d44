/**
 * Phase 5, usage and performance (MODEL.md 7.5). Usage moves toward the
 * service's attainable level A plus the agency's extra effort at rate kappa.
 */
import { clamp01 } from './implementation.js';
import { LINE, STATE, isLive, type World } from './world.js';
import { liveList } from './active.js';

/** Agencies with at least one live integrated instance, over all agencies. */
export function integratedShare(w: World): number {
  const { n, k } = w;
  if (n === 0) return 0;
  let count = 0;
  for (let o = 0; o < n; o++) {
    for (let j = 0; j < k; j++) {
      const i = o * k + j;
      if (w.integrated[i] && isLive(w.state[i]!)) {
        count++;
        break;
      }
    }
  }
  return count / n;
}

export function usage(w: World): void {
  const p = w.model.params;
  const { n, state, compatibility, complexity, integrated, line, effort, gapMonths, failMonths, agencyOf, innovationOf } = w;
  const use = w.usage;
  // The live instances in agency-major order (active.ts).
  const count = liveList(w);
  const live = w.lists.live;
  // integratedShare(w) from the live list: agencies with a live integrated instance (the list is grouped by agency).
  let integratedAgencies = 0;
  let lastAgency = -1;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    const s = state[i]!;
    if (!integrated[i] || (s !== STATE.live && s !== STATE.routinized)) continue;
    const o = agencyOf[i]!;
    if (o !== lastAgency) {
      integratedAgencies++;
      lastAgency = o;
    }
  }
  const integration = 1 + p.i_gain * (n === 0 ? 0 : integratedAgencies / n);
  const kappa = p.kappa;
  const unfunded = p.unfunded_usage;
  const target = p.u_target;
  const fail = p.u_fail;
  const innovations = w.model.innovations;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    const s = state[i]!;
    if (s !== STATE.live && s !== STATE.routinized) continue;
    const inn = innovations[innovationOf[i]!]!;
    let attainable = (inn.ra + compatibility[i]! + (1 - complexity[i]!) + inn.ob) / 4;
    if (integrated[i]) attainable *= integration;
    if (line[i] === LINE.none) attainable *= unfunded;
    const u = clamp01(use[i]! + kappa * (attainable + effort[i]! - use[i]!));
    use[i] = u;
    gapMonths[i] = u < target ? gapMonths[i]! + 1 : 0;
    failMonths[i] = u < fail ? failMonths[i]! + 1 : 0;
  }
}
