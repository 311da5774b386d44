/**
 * Phase 7, translation (Callon 1986; Heeks and Stanforth 2007; MODEL.md 7.7).
 * Each live instance's actor-network is scored by which actors are enrolled:
 * T = sum of the weights t_* of the enrolled actors.
 *
 * The reference definition of this phase, one phase at a time: step() runs
 * the same operations written out in one fused loop over the live instances
 * (discontinuance.ts discontinuancePass), for speed. Tests read the phase here;
 * tests/model/fused-phases.test.ts holds the fused loop equal to these
 * functions, array by array and month by month, so a change made to one
 * copy only fails there. Change both together.
 */
import { OWNER } from './compile.js';
import { LINE, isLive, type World } from './world.js';
import { liveList } from './active.js';

/**
 * The leader is enrolled (MODEL.md 7.7): someone is in office with commitment
 * at least `leader_enrol_min`. A vacant office enrols nobody, whatever
 * `leader_enrol_min` (MODEL.md 5), even 0.
 */
export function leaderEnrolled(w: World): boolean {
  return !w.vacant && w.commitment >= w.model.params.leader_enrol_min;
}

/** Translation's inputs that are the same for every instance in a month. */
export function translationMonth(w: World) {
  const p = w.model.params;
  return {
    tOwner: p.t_owner,
    tBudget: p.t_budget,
    tPlatform: p.t_platform,
    tRegulation: p.t_regulation,
    tChampion: p.t_champion,
    tLeader: p.t_leader,
    tUsers: p.t_users,
    stable: p.T_stable,
    uFail: p.u_fail,
    leaderEnrolled: leaderEnrolled(w),
  };
}
export type TranslationMonth = ReturnType<typeof translationMonth>;

/** The score T of live instance i (agency o, innovation j), and its run of stable months. */
export function translateInstance(w: World, m: TranslationMonth, i: number, o: number, j: number): void {
  const inn = w.model.innovations[j]!;
  let t = 0;
  // inPlan(): the agency owns the service.
  if (inn.owner === OWNER.opd || w.owned[i] === 1) t += m.tOwner;
  if (w.line[i] !== LINE.none) t += m.tBudget;
  if (inn.platform >= 0 && w.platformActive[inn.platform]) t += m.tPlatform;
  if (w.anchored[i]) t += m.tRegulation;
  if (w.champion[o]) t += m.tChampion;
  if (w.sponsored[j] && m.leaderEnrolled) t += m.tLeader;
  if (w.usage[i]! >= m.uFail) t += m.tUsers;
  w.translation[i] = t;
  w.stableMonths[i] = t >= m.stable ? w.stableMonths[i]! + 1 : 0;
}

export function translation(w: World): void {
  const { agencyOf, innovationOf, state } = w;
  const m = translationMonth(w);
  // The live instances in agency-major order (active.ts).
  const count = liveList(w);
  const live = w.lists.live;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    const s = state[i]!;
    if (!isLive(s)) continue;
    translateInstance(w, m, i, agencyOf[i]!, innovationOf[i]!);
  }
}
