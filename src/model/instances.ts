/**
 * Operations on service instances shared by several submodels: adopting,
 * discontinuing, funding and regulation anchors, betrayal.
 */
import { FUNDING, OWNER } from './compile.js';
import { CAUSE, CAUSES, INTEGRATION, LINE, STAGE, STATE, isLive, record, type Cause, type World } from './world.js';
import { Process } from './processes.js';
import { noteAdopted } from './active.js';

/** Is the innovation's pilot running this month? */
export function pilotRunning(w: World, k: number): boolean {
  const inn = w.model.innovations[k]!;
  return inn.funding === FUNDING.pilot && !w.pilotOver[k] && w.month >= inn.launch && w.month < inn.launch + inn.pilotMonths;
}

/**
 * Is funding open to an adopter this month (MODEL.md 7.3)? National money
 * always; a running pilot; city budget (apbd, or a pilot taken over) when the
 * budget climate B is at least `budget_open_min`.
 */
export function fundingOpen(w: World, k: number): boolean {
  const inn = w.model.innovations[k]!;
  if (inn.funding === FUNDING.national || w.national?.money[k] === 1) return true;
  if (pilotRunning(w, k)) return true;
  const cityMoney = inn.funding === FUNDING.apbd || w.takenOver[k] === 1;
  return cityMoney && w.budget >= w.model.params.budget_open_min;
}

/** The line a new instance gets (MODEL.md 7.3): pilot, apbd after a take-over, national, or none. */
export function lineForNewInstance(w: World, k: number): number {
  const inn = w.model.innovations[k]!;
  if (inn.funding === FUNDING.national || w.national?.money[k] === 1) return LINE.national;
  if (pilotRunning(w, k)) return LINE.pilot;
  if (inn.funding === FUNDING.apbd || w.takenOver[k]) return fundingOpen(w, k) ? LINE.apbd : LINE.none;
  return LINE.none;
}

/** In the OPD's own plan (Renstra): the agency owns the service. */
export function inPlan(w: World, i: number): boolean {
  const k = i % w.k;
  return w.model.innovations[k]!.owner === OWNER.opd || w.owned[i] === 1;
}

/** Recompute the regulation anchors after regulations start, lapse or are enacted. */
export function refreshAnchors(w: World): void {
  // The mandates are inputs of phase 3's decisions (active.ts decisionKey).
  w.lists.anchorsVersion++;
  w.anchored.fill(0);
  w.mandateFree.fill(0);
  w.mandateBudget.fill(0);
  const regulations = w.model.regulations;
  for (let idx = 0; idx < regulations.length; idx++) {
    if (!w.regulationActive[idx]) continue;
    const r = regulations[idx]!;
    applyRegulation(w, r.strength, r.requiresBudgetLine, r.applies, r.unfunded ? withNationalMoney(w, r.anchors) : r.anchors);
  }
  for (const r of w.extraRegulations) applyRegulation(w, r.strength, true, null, r.anchors);
}

/**
 * One regulation's anchors and mandate strength, for the anchored
 * innovations' instances only. Each instance is visited once per
 * regulation and regulations in their order, so every instance's maximum
 * is taken over the same strengths in the same order as a pass over all pairs.
 */
function applyRegulation(w: World, strength: number, requires: boolean, applies: Uint8Array | null, anchors: Uint8Array): void {
  const { n, k, anchored } = w;
  const mandate = requires ? w.mandateBudget : w.mandateFree;
  for (let j = 0; j < k; j++) {
    if (!anchors[j]) continue;
    for (let o = 0, i = j; o < n; o++, i += k) {
      if (applies && !applies[o]) continue;
      anchored[i] = 1;
      mandate[i] = Math.max(mandate[i]!, strength);
    }
  }
}

/**
 * An instance that starts afresh (MODEL.md 2.1): not owned, not re-invented,
 * its innovation's compatibility and complexity. At every adoption, and when
 * an instance is aware again after its discontinuance (readopt_months), so
 * that the new decision is made on the innovation's own attributes.
 */
export function startAfresh(w: World, i: number, inn: World['model']['innovations'][number]): void {
  w.owned[i] = 0;
  w.reinvented[i] = 0;
  w.compatibility[i] = inn.co;
  w.complexity[i] = inn.cx;
}

/** The anchors of an unfunded national mandate that have national money in this government. */
function withNationalMoney(w: World, anchors: Uint8Array): Uint8Array {
  return anchors.map((a, j) => (a && (w.model.innovations[j]!.funding === FUNDING.national || w.national?.money[j] === 1) ? 1 : 0));
}

export function adopt(w: World, i: number, authority: boolean): void {
  const k = i % w.k;
  const o = (i - k) / w.k;
  const inn = w.model.innovations[k]!;
  w.state[i] = STATE.live;
  noteAdopted(w, i);
  w.stage[i] = STAGE.restructuring;
  w.everAdopted[i] = 1;
  w.adoptedAt[i] = w.month;
  w.authority[i] = authority ? 1 : 0;
  w.line[i] = lineForNewInstance(w, k);
  w.lineOpened[i] = w.month;
  // City money that was closed at adoption: proposed at the next budget round.
  w.proposable[i] = w.line[i] === LINE.none && (inn.funding === FUNDING.apbd || w.takenOver[k] === 1) ? 1 : 0;
  // INTEGRATION.city read on every adoption: a read first made once the
  // passage point has come (late in a run) would throw away adopt's
  // optimized code, which was compiled without it.
  const city = INTEGRATION.city;
  w.integrated[i] = w.obligatoryPassagePoint ? city : w.month >= inn.integratedFrom ? integrationOnArrival(w, k) : INTEGRATION.none;
  // A re-adoption starts afresh: ownership and re-invention belonged to the old instance.
  startAfresh(w, i, inn);
  w.usage[i] = 0;
  w.effort[i] = 0;
  w.gapMonths[i] = 0;
  w.failMonths[i] = 0;
  w.stableMonths[i] = 0;
  w.cause[i] = 0;
  if (w.firstAdoption[o]! < 0) w.firstAdoption[o] = w.month;
  if (w.firstAdopted[k]! < 0) w.firstAdopted[k] = w.month;
  w.counters.newAdoptions++;
  w.counters.adoptionsByCategory[w.category[o]!]!++;
  record(w, 'adoption', o, k, authority ? 'authority' : '');
}

/**
 * The integration an instance of innovation k gets once `integrated_from` has
 * come: through its platform while that platform is active, into the city
 * when the innovation has no platform (MODEL.md 7.3).
 */
export function integrationOnArrival(w: World, k: number): number {
  const platform = w.model.innovations[k]!.platform;
  if (platform < 0) return INTEGRATION.city;
  return w.platformActive[platform] ? INTEGRATION.platform : INTEGRATION.none;
}

export function discontinue(w: World, i: number, cause: Cause): void {
  if (!isLive(w.state[i]!)) return;
  const k = i % w.k;
  const o = (i - k) / w.k;
  w.state[i] = STATE.discontinued;
  w.stage[i] = STAGE.none;
  w.cause[i] = CAUSE[cause];
  w.endedAt[i] = w.month;
  w.line[i] = LINE.none;
  w.proposable[i] = 0;
  w.counters.discontinuedByCause[CAUSE[cause]]!++;
  w.endedByCause[k * (CAUSES.length + 1) + CAUSE[cause]]!++;
  w.lastEnded[k] = w.month;
  record(w, 'discontinuance', o, k, cause);
}

/**
 * Betrayal (Callon 1986; MODEL.md 7.7): an enrolled actor leaves. Each
 * instance that depended on it loses its line with probability `betrayal`
 * when that line was a pilot line paid by a vendor, or when the leader's
 * sponsorship was its only enrolled sponsor.
 */
export function betray(w: World, i: number, actor: string, leaderWasSponsor = false): void {
  if (!isLive(w.state[i]!) || w.line[i] === LINE.none) return;
  const k = i % w.k;
  const o = (i - k) / w.k;
  const inn = w.model.innovations[k]!;
  const vendorPilot = w.line[i] === LINE.pilot && inn.vendor >= 0;
  const onlyLeader = leaderWasSponsor && !inPlan(w, i) && !w.anchored[i] && !w.champion[o];
  if (!vendorPilot && !onlyLeader) return;
  // `below` is `uniform(...) < p`, the same answer, mostly from the draw's first word (random.ts).
  if (w.streams.below(Process.Betrayal, w.month, w.opdKeys[o]!, inn.key, w.model.params.betrayal, actorSalt(actor))) {
    w.line[i] = LINE.none;
    w.proposable[i] = 0;
    record(w, 'betrayal', o, k, actor);
  }
}

function actorSalt(actor: string): number {
  let h = 0;
  for (let c = 0; c < actor.length; c++) h = (Math.imul(h, 31) + actor.charCodeAt(c)) | 0;
  return h;
}
