/**
 * Phase 7, translation (Callon 1986; Heeks and Stanforth 2007; MODEL.md 7.7).
 * Each live instance's actor-network is scored by which actors are enrolled:
 * T = sum of the weights t_* of the enrolled actors.
 */
import { inPlan } from './instances.js';
import { LINE, isLive, type World } from './world.js';

export function translation(w: World): void {
  const p = w.model.params;
  const { n, k } = w;
  const tOwner = p.t_owner;
  const tBudget = p.t_budget;
  const tPlatform = p.t_platform;
  const tRegulation = p.t_regulation;
  const tChampion = p.t_champion;
  const tLeader = p.t_leader;
  const tUsers = p.t_users;
  const stable = p.T_stable;
  const uFail = p.u_fail;
  const leaderEnrolled = w.commitment >= p.leader_enrol_min;
  for (let o = 0; o < n; o++) {
    for (let j = 0; j < k; j++) {
      const i = o * k + j;
      if (!isLive(w.state[i]!)) continue;
      const inn = w.model.innovations[j]!;
      let t = 0;
      if (inPlan(w, i)) t += tOwner;
      if (w.line[i] !== LINE.none) t += tBudget;
      if (inn.platform >= 0 && w.platformActive[inn.platform]) t += tPlatform;
      if (w.anchored[i]) t += tRegulation;
      if (w.champion[o]) t += tChampion;
      if (w.sponsored[j] && leaderEnrolled) t += tLeader;
      if (w.usage[i]! >= uFail) t += tUsers;
      w.translation[i] = t;
      w.stableMonths[i] = t >= stable ? w.stableMonths[i]! + 1 : 0;
    }
  }
}
