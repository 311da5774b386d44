/**
 * Phase 4, implementation stages inside the organization (Rogers 2003 ch. 10;
 * MODEL.md 7.4): restructuring -> clarifying -> routinized.
 */
import { Process } from './processes.js';
import { liveList } from './active.js';
import { LINE, STAGE, STATE, record, type World } from './world.js';

/** Re-invention (Rice and Rogers 1980): the agency adapts the service to itself. */
export function reinvent(w: World, i: number): void {
  const p = w.model.params;
  w.compatibility[i] = clamp01(w.compatibility[i]! + p.reinvent_compatibility);
  w.complexity[i] = clamp01(w.complexity[i]! + p.reinvent_complexity);
  w.reinvented[i] = 1;
}

export function implementation(w: World): void {
  const p = w.model.params;
  const { agencyOf, innovationOf } = w;
  const base = p.base_advance;
  const unfunded = p.unfunded_advance;
  const reinventP = p.reinvention_probability;
  const stableMonths = p.T_stable_months;
  const championAdvance = p.champion_advance;
  const { state, line, streams, opdKeys, innovationKeys } = w;
  const budget = w.budget;
  const advanceDraws = streams.prefix(Process.StageAdvance, w.month);
  const reinventDraws = streams.prefix(Process.Reinvention, w.month);
  // The live instances in agency-major order (active.ts): the order of a pass over all pairs.
  const count = liveList(w);
  const live = w.lists.live;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    if (state[i] !== STATE.live) continue;
    const j = innovationOf[i]!;
    const o = agencyOf[i]!;
    const capacityFactor = (1 + w.capacity[o]!) * (w.champion[o] ? championAdvance : 1);
    const okey = opdKeys[o]!;
    const stage = w.stage[i]!;
    if (stage === STAGE.clarifying) {
      // Routinization needs a lasting line and a stable actor-network.
      const lasting = line[i] === LINE.apbd || line[i] === LINE.national;
      if (!lasting || w.stableMonths[i]! < stableMonths) continue;
    }
    const advance = Math.min(1, base * capacityFactor * (line[i] ? 1 : unfunded) * budget);
    const ikey = innovationKeys[j]!;
    if (!streams.belowAfter(advanceDraws, okey, ikey, advance)) continue;
    if (stage === STAGE.restructuring) {
      w.stage[i] = STAGE.clarifying;
      if (streams.belowAfter(reinventDraws, okey, ikey, reinventP)) {
        reinvent(w, i);
        record(w, 'reinvention', o, j);
      }
    } else {
      w.stage[i] = STAGE.routinized;
      w.state[i] = STATE.routinized;
      record(w, 'routinized', o, j);
    }
  }
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
