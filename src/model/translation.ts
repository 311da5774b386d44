/**
 * Phase 7, translation (Callon 1986; Heeks and Stanforth 2007; MODEL.md 7.7).
 * Each live instance's actor-network is scored by which actors are enrolled:
 * T = sum of the weights t_* of the enrolled actors.
 */
import { OWNER } from './compile.js';
import { LINE, STATE, type World } from './world.js';
import { liveList } from './active.js';

export function translation(w: World): void {
  const p = w.model.params;
  const { agencyOf, innovationOf, state, line, anchored, champion, sponsored, usage, owned, stableMonths, platformActive } = w;
  const score = w.translation;
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
  const innovations = w.model.innovations;
  // The live instances in agency-major order (active.ts).
  const count = liveList(w);
  const live = w.lists.live;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    const s = state[i]!;
    if (s !== STATE.live && s !== STATE.routinized) continue;
    const j = innovationOf[i]!;
    const o = agencyOf[i]!;
    const inn = innovations[j]!;
    let t = 0;
    // inPlan(): the agency owns the service.
    if (inn.owner === OWNER.opd || owned[i] === 1) t += tOwner;
    if (line[i] !== LINE.none) t += tBudget;
    if (inn.platform >= 0 && platformActive[inn.platform]) t += tPlatform;
    if (anchored[i]) t += tRegulation;
    if (champion[o]) t += tChampion;
    if (sponsored[j] && leaderEnrolled) t += tLeader;
    if (usage[i]! >= uFail) t += tUsers;
    score[i] = t;
    stableMonths[i] = t >= stable ? stableMonths[i]! + 1 : 0;
  }
}
