/**
 * Phase 4, implementation stages inside the organization (Rogers 2003 ch. 10;
 * MODEL.md 7.4): restructuring -> clarifying -> routinized.
 *
 * The reference definition of this phase, one phase at a time: step() runs
 * the same operations written out in one fused loop over the live instances
 * (learning.ts implementationUsageLearning), for speed. Tests read the phase here;
 * tests/model/fused-phases.test.ts holds the fused loop equal to these
 * functions, array by array and month by month, so a change made to one
 * copy only fails there. Change both together.
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

/** Phase 4's inputs that are the same for every instance in a month. */
export function implementationMonth(w: World) {
  const p = w.model.params;
  return {
    base: p.base_advance,
    unfunded: p.unfunded_advance,
    reinventP: p.reinvention_probability,
    stableMonths: p.T_stable_months,
    championAdvance: p.champion_advance,
    budget: w.budget,
    advanceDraws: w.streams.prefix(Process.StageAdvance, w.month),
    reinventDraws: w.streams.prefix(Process.Reinvention, w.month),
  };
}
export type ImplementationMonth = ReturnType<typeof implementationMonth>;

/** Phase 4 for instance i (agency o, innovation j) in state `live`. */
export function implementInstance(w: World, m: ImplementationMonth, i: number, o: number, j: number): void {
  const { line, streams } = w;
  const capacityFactor = (1 + w.capacity[o]!) * (w.champion[o] ? m.championAdvance : 1);
  const okey = w.opdKeys[o]!;
  const stage = w.stage[i]!;
  if (stage === STAGE.clarifying) {
    // Routinization needs a lasting line and a stable actor-network.
    const lasting = line[i] === LINE.apbd || line[i] === LINE.national;
    if (!lasting || w.stableMonths[i]! < m.stableMonths) return;
  }
  const advance = Math.min(1, m.base * capacityFactor * (line[i] ? 1 : m.unfunded) * m.budget);
  const ikey = w.innovationKeys[j]!;
  if (!streams.belowAfter(m.advanceDraws, okey, ikey, advance)) return;
  if (stage === STAGE.restructuring) {
    w.stage[i] = STAGE.clarifying;
    // Re-invented once at most: not again when the double loop already did (MODEL.md 7.6).
    if (!w.reinvented[i] && streams.belowAfter(m.reinventDraws, okey, ikey, m.reinventP)) {
      reinvent(w, i);
      record(w, 'reinvention', o, j);
    }
  } else {
    w.stage[i] = STAGE.routinized;
    w.state[i] = STATE.routinized;
    record(w, 'routinized', o, j);
  }
}

export function implementation(w: World): void {
  const { agencyOf, innovationOf, state } = w;
  const m = implementationMonth(w);
  // The live instances in agency-major order (active.ts): the order of a pass over all pairs.
  const count = liveList(w);
  const live = w.lists.live;
  for (let x = 0; x < count; x++) {
    const i = live[x]!;
    if (state[i] !== STATE.live) continue;
    implementInstance(w, m, i, agencyOf[i]!, innovationOf[i]!);
  }
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
