/**
 * Phase 5, usage and performance (MODEL.md 7.5). Usage moves toward the
 * service's attainable level A plus the agency's extra effort at rate kappa.
 *
 * The reference definition of this phase, one phase at a time: step() runs
 * the same operations written out in one fused loop over the live instances
 * (learning.ts implementationUsageLearning), for speed. Tests read the phase here;
 * tests/model/fused-phases.test.ts holds the fused loop equal to these
 * functions, array by array and month by month, so a change made to one
 * copy only fails there. Change both together.
 */
import { clamp01 } from './implementation.js';
import { LINE, isLive, type World } from './world.js';
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

/** Agencies with a live integrated instance, from the live list (grouped by agency). */
export function integratedAgencies(w: World, live: Int32Array, count: number): number {
  const { state, integrated, agencyOf } = w;
  let agencies = 0;
  let lastAgency = -1;
  // Every test and read made for every instance, the count kept without a
  // branch: this loop is inlined in implementationUsagePass, and a test or
  // read that first runs after that was optimized (the first integrated
  // instance comes some months into a run) throws its optimized code away.
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    const o = agencyOf[i]!;
    const counted = (integrated[i] ? 1 : 0) & (isLive(state[i]!) ? 1 : 0) & (o !== lastAgency ? 1 : 0);
    agencies += counted;
    lastAgency = counted === 1 ? o : lastAgency;
  }
  return agencies;
}

/** Phase 5's inputs that are the same for every instance in a month (`agencies`: integratedAgencies()). */
export function usageMonth(w: World, agencies: number) {
  const p = w.model.params;
  return {
    integration: 1 + p.i_gain * (w.n === 0 ? 0 : agencies / w.n),
    kappa: p.kappa,
    unfunded: p.unfunded_usage,
    target: p.u_target,
    fail: p.u_fail,
  };
}
export type UsageMonth = ReturnType<typeof usageMonth>;

/** Phase 5 for live instance i of innovation j. */
export function useInstance(w: World, m: UsageMonth, i: number, j: number): void {
  const inn = w.model.innovations[j]!;
  const use = w.usage;
  let attainable = (inn.ra + w.compatibility[i]! + (1 - w.complexity[i]!) + inn.ob) / 4;
  if (w.integrated[i]) attainable *= m.integration;
  if (w.line[i] === LINE.none) attainable *= m.unfunded;
  const u = clamp01(use[i]! + m.kappa * (attainable + w.effort[i]! - use[i]!));
  use[i] = u;
  w.gapMonths[i] = u < m.target ? w.gapMonths[i]! + 1 : 0;
  w.failMonths[i] = u < m.fail ? w.failMonths[i]! + 1 : 0;
}

export function usage(w: World): void {
  const { state, innovationOf } = w;
  // The live instances in agency-major order (active.ts).
  const count = liveList(w);
  const live = w.lists.live;
  // integratedShare(w) from the live list.
  const m = usageMonth(w, integratedAgencies(w, live, count));
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    const s = state[i]!;
    if (!isLive(s)) continue;
    useInstance(w, m, i, innovationOf[i]!);
  }
}
