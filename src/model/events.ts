/**
 * Phase 1, events (MODEL.md 7.1): launches, leadership changes, regulations,
 * budget shocks and the annual budget cycle, pilot ends, vendor and platform
 * exits, champion rotation. Shocks that end services act here directly
 * (MODEL.md 7.8: pilot end, budget cycle, vendor exit, leadership change).
 */
import { MonthlyProbabilityMemo, type StreamPrefix } from '../engine/random.js';
import { EVENT_MONTH, OWNER, SPONSOR, type CompiledModel } from './compile.js';
import { adopt, betray, discontinue, inPlan, integrationOnArrival, lineForNewInstance, refreshAnchors } from './instances.js';
import { Process } from './processes.js';
import { INTEGRATION, LINE, STAGE, STATE, isLive, record, type World } from './world.js';

const TAKEOVER_PARAMETER = ['takeover_opd', 'takeover_coordinator', 'takeover_vendor'] as const;

export function events(w: World): void {
  // Regulations first: one taking effect in a month of leadership change
  // already anchors the services the leadership shock would hit. Launches
  // after the leadership change: an innovation launched in the month a new
  // leader takes office is the new leader's.
  // The scheduled passes run in the months the compiled model marks for them
  // (outside the horizon, always): in the others they would find nothing to do.
  const month = w.month;
  const model = w.model;
  const inHorizon = month >= 0 && month < model.eventMonths.length;
  const scheduled = inHorizon ? model.eventMonths[month]! : 255;
  if (scheduled & EVENT_MONTH.regulation) regulations(w);
  if (scheduled & EVENT_MONTH.leader) leadership(w);
  else leaderHazard(w);
  // The month's budget climate before launches: launch adopters get their
  // line from this month's B, as every adopter does (MODEL.md 7.3).
  budgetClimate(w, inHorizon ? model.budgetClimate[month]! : climateOf(model, month));
  // In a national scenario a government launches a national service in a month of its own, every month may be one.
  if (scheduled & EVENT_MONTH.launch || w.national !== undefined) launches(w);
  if (w.national !== undefined) governmentLaunchSponsors(w);
  if (model.calendarMonth[month] === 1) budgetCycle(w);
  if (scheduled & EVENT_MONTH.pilotEnd) pilotEnds(w);
  if (scheduled & EVENT_MONTH.vendorExit) vendorExits(w);
  if (scheduled & EVENT_MONTH.platformEnd) platformEnds(w);
  champions(w);
}

export function launches(w: World): void {
  const innovations = w.model.innovations;
  const national = w.national;
  for (let k = 0; k < innovations.length; k++) {
    const inn = innovations[k]!;
    // integrated_from after the launch: the instances already live integrate now.
    if (inn.integratedFrom === w.month && inn.integratedFrom > inn.launch) {
      forEachLive(w, k, (i) => {
        if (!w.integrated[i]) w.integrated[i] = integrationOnArrival(w, k);
      });
    }
    if (inn.launch === w.month) {
      record(w, 'launch', -1, k);
      // A leader-sponsored innovation is sponsored by the leader in office at
      // launch; launched while the office is vacant, nobody sponsors it (so the
      // successor's arrival is no loss of sponsorship). In a national
      // scenario the launch is the government's (governmentLaunchSponsors).
      if (inn.sponsor === SPONSOR.leader && !w.vacant && national === undefined) w.sponsored[k] = 1;
      if (national === undefined) launchAdopters(w, k);
    }
    // In a national scenario the initial adopters adopt when the government
    // launches the service (`launchedAt`: a national service's launch by the
    // government, its own service's `launch`), not when the service becomes
    // available (docs/NATIONAL.md). In its pilot's end month they wait for
    // the pilot's decision (pilotEnds), which can call that launch off.
    if (national !== undefined && national.launchedAt[k] === w.month && !pilotEndsNow(w, k)) launchAdopters(w, k);
  }
}

/** Whether innovation k's pilot is decided in this month's events (pilotEnds; pure Bass mode has no pilot ends). */
function pilotEndsNow(w: World, k: number): boolean {
  return !w.model.bass && pilotDue(w, k);
}

/** Innovation k has a pilot, not yet decided, that ends this month (`launch + pilot_months`). */
function pilotDue(w: World, k: number): boolean {
  const inn = w.model.innovations[k]!;
  return inn.pilotMonths > 0 && !w.pilotOver[k] && w.month === inn.launch + inn.pilotMonths;
}

/** A national government's launch of innovation k in its pilot's end month, not called off by the pilot's end: its initial adopters adopt now. */
function adoptersAfterPilotEnd(w: World, k: number): void {
  if (w.national !== undefined && w.national.launchedAt[k] === w.month) launchAdopters(w, k);
}

/**
 * In a national scenario (docs/NATIONAL.md) a service is available from its
 * `launch` but launched by each government in a month of its own
 * (`launchedAt`, set by the national phase before this tick): a
 * leader-sponsored service is sponsored by the head in office at that
 * launch, after this month's leadership change, as in a city.
 */
function governmentLaunchSponsors(w: World): void {
  if (w.vacant) return;
  const launchedAt = w.national!.launchedAt;
  const innovations = w.model.innovations;
  for (let k = 0; k < innovations.length; k++) {
    if (launchedAt[k] === w.month && innovations[k]!.sponsor === SPONSOR.leader) w.sponsored[k] = 1;
  }
}

/**
 * The scenario's initial adopters of an innovation adopt in its launch
 * month (a platform launched with 17 agencies already connected in Bekasi),
 * before anyone else decides; `state: routinized` starts them routinized.
 */
function launchAdopters(w: World, k: number): void {
  for (const a of w.model.initialAdopters) {
    if (a.innovation !== k) continue;
    for (let o = 0; o < w.n; o++) {
      const i = o * w.k + k;
      if (!a.opds[o] || !w.eligible[i] || isLive(w.state[i]!)) continue;
      adopt(w, i, false);
      if (a.routinized) {
        w.stage[i] = STAGE.routinized;
        w.state[i] = STATE.routinized;
      }
    }
  }
}

/** Scheduled successions at each leader's `from`, and random ones at `leader_hazard`. */
function leadership(w: World): void {
  let scheduled = -1;
  if (w.month > 1) {
    const leaders = w.model.leaders;
    for (let x = 0; x < leaders.length; x++) {
      if (leaders[x]!.from === w.month) {
        scheduled = x;
        break;
      }
    }
  }
  if (scheduled >= 0) {
    const l = w.model.leaders[scheduled]!;
    changeLeader(w, scheduled, l.commitment, l.sponsors);
    return;
  }
  // A term that ends (`to`) before the successor's `from` leaves the office
  // vacant: no pull (L = 0) and no leader enrolment until the successor, whose
  // arrival is the leadership change (one change per succession).
  const current = w.leader >= 0 ? w.model.leaders[w.leader] : undefined;
  if (current !== undefined && current.to + 1 === w.month) {
    w.leader = -1;
    w.vacant = true;
    w.commitment = 0;
    record(w, 'leader_vacancy', -1, -1, current.id);
    return;
  }
  leaderHazard(w);
}

/** The leader hazard's monthly probability, computed once per parameter value, not every month (random.ts). */
const leaderHazardMemo = new MonthlyProbabilityMemo();

/**
 * A random succession at `leader_hazard` (leadership() in a month with no
 * leader's `from` or `to + 1`, which has nothing else to do). The draws of
 * this file that are compared with a probability use `below`, which is
 * `uniform(...) < p`, the same answer, mostly from the draw's first word
 * (random.ts): half the hashing.
 */
function leaderHazard(w: World): void {
  const h = w.model.params.leader_hazard;
  if (h > 0 && w.streams.below(Process.LeaderHazard, w.month, 0, 0, leaderHazardMemo.of(h))) {
    changeLeader(w, -1, undefined, []);
  }
}

function changeLeader(w: World, next: number, commitment: number | undefined, sponsors: readonly number[]): void {
  const p = w.model.params;
  const { n, k } = w;
  const lost = new Uint8Array(k); // sponsorships that did not carry over
  for (let j = 0; j < k; j++) {
    if (!w.sponsored[j]) continue;
    const carry = w.streams.uniform(Process.SponsorCarry, w.month, 0, w.innovationKeys[j]!) < p.sponsor_continuity;
    if (!carry) {
      w.sponsored[j] = 0;
      lost[j] = 1;
    }
  }
  for (const s of sponsors) {
    w.sponsored[s] = 1;
    lost[s] = 0;
  }
  w.leader = next;
  w.vacant = false;
  w.commitment = commitment ?? w.streams.uniform(Process.LeaderCommitment, w.month, 0, 0);
  record(w, 'leadership_change', -1, -1, next >= 0 ? w.model.leaders[next]!.id : 'random');

  // Vision (7.1, 7.6): kept by a coordinator when it is strong enough.
  const hasCoordinator = w.model.coordinator >= 0;
  const before = w.vision;
  const loss = hasCoordinator && before >= p.vision_hold ? p.vision_loss_coordinator : p.vision_loss_other;
  w.vision = before * (1 - loss);
  if (w.vision >= p.vision_hold) {
    w.counters.learningDouble++;
    w.counters.learningDoubleVision++;
    record(w, 'vision_reinterpreted', -1, -1, '', 'double');
  }

  // Betrayal and the leadership shock (7.7, 7.8) for services whose sponsorship ended.
  for (let o = 0; o < n; o++) {
    for (let j = 0; j < k; j++) {
      if (!lost[j]) continue;
      const i = o * k + j;
      if (!isLive(w.state[i]!)) continue;
      betray(w, i, 'leader', true);
      if (w.stage[i] !== STAGE.routinized && !w.champion[o] && !w.anchored[i]) {
        if (w.streams.below(Process.LeaderShock, w.month, w.opdKeys[o]!, w.innovationKeys[j]!, p.leader_shock))
          discontinue(w, i, 'leadership');
      }
    }
  }
}

/** Regulations starting or ending (events() calls it in the months marked EVENT_MONTH.regulation; in the others no activity changes). */
function regulations(w: World): void {
  let changed = false;
  const regs = w.model.regulations;
  for (let idx = 0; idx < regs.length; idx++) {
    const r = regs[idx]!;
    const active = w.month >= r.from && w.month <= r.to ? 1 : 0;
    if (active === w.regulationActive[idx]) continue;
    w.regulationActive[idx] = active;
    changed = true;
    record(w, active ? 'regulation_start' : 'regulation_end', -1, -1, r.id);
    // A ban on standalone apps taking effect also triggers the city's triple loop (7.6).
    if (active && r.bansStandalone) w.triplePending = true;
  }
  if (!changed) return;
  refreshAnchors(w);
  // A ban lapses with its regulation unless the city enacted its own (triple
  // loop, which binds every agency); a regulation's binds the agencies in its
  // `applies_to` (MODEL.md 7.1).
  const banned = w.banned;
  banned.fill(w.cityBan ? 1 : 0);
  if (!w.cityBan) {
    regs.forEach((r, idx) => {
      if (!r.bansStandalone || w.regulationActive[idx] !== 1) return;
      for (let o = 0; o < w.n; o++) if (r.applies[o]) banned[o] = 1;
    });
  }
  w.banActive = banned.includes(1);
}

/** B(t): the product of the factors of the shocks in force (1 = normal), in list order (as compile.ts tabulates it within the horizon). */
function climateOf(model: CompiledModel, month: number): number {
  let b = 1;
  for (const s of model.shocks) if (month >= s.from && month <= s.to) b *= s.factor;
  return b;
}

/**
 * The budget climate becomes `b` (climateOf() of the month). A change of B
 * is logged once, named by the windows, not by the sign of the change (a
 * factor above 1 is a budget rise, docs/MODEL.md 7.1): `budget_shock_start`
 * when a shock window opens this month (also when another closed the month
 * before: back-to-back windows give one row, the start of the second),
 * `budget_shock_end` when a window only closed. A month in which B does not
 * change (a factor of 1, back-to-back windows with the same factor) logs
 * nothing. Output only: the state and the draws do not depend on it.
 */
function budgetClimate(w: World, b: number): void {
  if (b !== w.budget) {
    const month = w.month;
    const opens = w.model.shocks.some((s) => s.from === month);
    record(w, opens ? 'budget_shock_start' : 'budget_shock_end', -1, -1, String(b));
  }
  w.budget = b;
}

/**
 * Each January every city-budget (apbd) line is renewed or not (MODEL.md
 * 7.1). **Choice** (MODEL.md is silent on a live city-funded instance whose
 * line was not renewed, or that was adopted while city funding was closed):
 * it is proposed again in each budget round and gets a line with the
 * renewal probability, when city funding is open. A line lost by betrayal
 * (7.7) is not proposed again.
 */
function budgetCycle(w: World): void {
  const p = w.model.params;
  const { n, k, state, lineOpened, line, proposable, anchored, streams } = w;
  const month = w.month;
  const size = n * k;
  for (let i = 0; i < size; i++) {
    const s = state[i]!;
    if (!isLive(s) || lineOpened[i] === month) continue;
    const j = i % k;
    // `proposable` implies no line (it is cleared whenever a line opens).
    const proposal = proposable[i] === 1 && lineForNewInstance(w, j) === LINE.apbd;
    if (line[i] !== LINE.apbd && !proposal) continue;
    const o = (i - j) / k;
    const isAnchored = anchored[i] === 1 || inPlan(w, i);
    const renew = Math.min(1, (isAnchored ? p.renew_anchored : p.renew_other) * w.budget);
    const okey = w.opdKeys[o]!;
    const ikey = w.innovationKeys[j]!;
    if (proposal) {
      if (streams.below(Process.BudgetProposal, month, okey, ikey, renew)) {
        line[i] = LINE.apbd;
        lineOpened[i] = month;
        proposable[i] = 0;
        record(w, 'budget_line_opened', o, j);
      }
      continue;
    }
    if (streams.below(Process.BudgetRenewal, month, okey, ikey, renew)) continue;
    record(w, 'budget_not_renewed', o, j);
    if (streams.below(Process.BudgetDefund, month, okey, ikey, p.defund_discontinue)) discontinue(w, i, 'defunded');
    else {
      line[i] = LINE.none;
      proposable[i] = 1;
    }
  }
}

/** One decision per pilot at `launch + pilot_months` (MODEL.md 7.1), unless national money pays for the service already. */
function pilotEnds(w: World): void {
  const p = w.model.params;
  const innovations = w.model.innovations;
  for (let k = 0; k < innovations.length; k++) {
    if (!pilotDue(w, k)) continue;
    const inn = innovations[k]!;
    w.pilotOver[k] = 1;
    // National money for the service in this government (a funded mandate or
    // programme, docs/NATIONAL.md) already pays for it in place of the pilot:
    // nothing is left for the city to take over or withdraw, and the
    // instances keep their national lines.
    if (w.national !== undefined && w.national.money[k] === 1) {
      adoptersAfterPilotEnd(w, k);
      continue;
    }
    // An innovation's own `takeover` overrides the owner's parameter (a per-service what-if).
    const takeover = w.model.scenario.innovations[k]!.takeover ?? p[TAKEOVER_PARAMETER[inn.owner]!]!;
    if (w.streams.uniform(Process.PilotTakeover, w.month, 0, inn.key) < takeover) {
      w.takenOver[k] = 1;
      record(w, 'pilot_takeover', -1, k);
      forEachLive(w, k, (i) => {
        w.line[i] = LINE.apbd;
        w.lineOpened[i] = w.month;
        w.proposable[i] = 0;
      });
    } else if (w.streams.uniform(Process.PilotDiscontinue, w.month, 0, inn.key) < p.pilot_discontinue) {
      w.withdrawn[k] = 1;
      record(w, 'pilot_withdrawn', -1, k);
      // A government that launched the service this very month (national
      // scenarios: its launch comes before its city tick) calls the launch
      // off: the pilot it launched is over before any agency could adopt it.
      if (w.national !== undefined && w.national.launchedAt[k] === w.month) w.national.launchedAt[k] = -1;
      forEachLive(w, k, (i) => discontinue(w, i, 'defunded'));
      // Nothing is left to decide about: aware agencies lose interest.
      for (let o = 0; o < w.n; o++) {
        if (w.state[o * w.k + k] !== STATE.aware) continue;
        w.state[o * w.k + k] = STATE.unaware;
        w.lists.decided[o * w.k + k] = 0;
      }
    } else {
      record(w, 'pilot_lapsed', -1, k);
      forEachLive(w, k, (i) => {
        if (w.line[i] === LINE.pilot) w.line[i] = LINE.none;
      });
    }
    // (A launch called off above is no launch: launchedAt is -1 again.)
    adoptersAfterPilotEnd(w, k);
  }
}

/**
 * A vendor's contract ends in its `contract_end` month (MODEL.md 7.1); a
 * platform in its custody shuts with it.
 */
function vendorExits(w: World): void {
  const vendors = w.model.vendors;
  for (let vi = 0; vi < vendors.length; vi++) {
    const v = vendors[vi]!;
    if (v.contractEnd !== w.month || !w.vendorActive[vi]) continue;
    w.vendorActive[vi] = 0;
    record(w, 'vendor_exit', -1, -1, v.id);
    const affected = new Uint8Array(w.k);
    w.model.innovations.forEach((inn, k) => {
      if (inn.vendor === vi) affected[k] = 1;
    });
    w.model.platforms.forEach((pl, pi) => {
      if (pl.custodianVendor === vi && w.platformActive[pi]) shutPlatform(w, pi, affected);
    });
    exitServices(w, affected, `vendor:${v.id}`);
  }
}

/**
 * A platform is active through its `active_until` month and shuts the month
 * after; MODEL.md 7.1 treats that like a vendor's contract end for the
 * services on it.
 */
function platformEnds(w: World): void {
  const platforms = w.model.platforms;
  for (let pi = 0; pi < platforms.length; pi++) {
    const pl = platforms[pi]!;
    if (!w.platformActive[pi] || w.month <= pl.activeUntil) continue;
    const affected = new Uint8Array(w.k);
    shutPlatform(w, pi, affected);
    exitServices(w, affected, `platform:${pl.id}`);
  }
}

/** Ends a platform's enrolment and marks the innovations on it in `affected`. */
function shutPlatform(w: World, pi: number, affected: Uint8Array): void {
  w.platformActive[pi] = 0;
  record(w, 'platform_end', -1, -1, w.model.platforms[pi]!.id);
  w.model.innovations.forEach((inn, k) => {
    if (inn.platform !== pi) return;
    affected[k] = 1;
    // Integration through this platform ends with it (integration into the city stays).
    forEachLive(w, k, (i) => {
      if (w.integrated[i] === INTEGRATION.platform) w.integrated[i] = INTEGRATION.none;
    });
  });
}

/**
 * Betrayal (7.7) for every live instance of the affected innovations, then
 * each instance of a vendor-owned one not yet `owned` is discontinued with
 * `vendor_exit_discontinue` (cause `vendor_exit`). One draw per instance and
 * month, however many actors left together.
 */
function exitServices(w: World, affected: Uint8Array, actor: string): void {
  const p = w.model.params;
  w.model.innovations.forEach((inn, k) => {
    if (!affected[k]) return;
    forEachLive(w, k, (i) => betray(w, i, actor));
    if (inn.owner !== OWNER.vendor) return;
    forEachLive(w, k, (i) => {
      if (w.owned[i]) return;
      const o = (i - k) / w.k;
      const u = w.streams.uniform(Process.VendorExit, w.month, w.opdKeys[o]!, inn.key);
      if (u < p.vendor_exit_discontinue) discontinue(w, i, 'vendor_exit');
    });
  });
}

/** Champions rotate out at `champion_rotation` and emerge at `champion_emergence` (per year). */
function champions(w: World): void {
  // The prefixes are hashed outside the loop's function, so that the
  // optimizer's inlining budget goes to its draws (discontinuance.ts).
  championsLoop(w, w.streams.prefix(Process.ChampionRotation, w.month), w.streams.prefix(Process.ChampionEmergence, w.month));
}

/** The month's champion rates, computed once per parameter value, not every month (random.ts). */
const leaveMemo = new MonthlyProbabilityMemo();
const emergeMemo = new MonthlyProbabilityMemo();

function championsLoop(w: World, rotation: StreamPrefix, emergence: StreamPrefix): void {
  const p = w.model.params;
  const leave = leaveMemo.of(p.champion_rotation);
  const emerge = emergeMemo.of(p.champion_emergence);
  const { streams, opdKeys, champion, n, k } = w;
  for (let o = 0; o < n; o++) {
    // One draw per agency, from the stream of its case: one call site, so
    // that the optimizer inlines it (two did not fit its inlining budget,
    // and the call allocated its arguments).
    const was = champion[o] === 1;
    if (!streams.belowAfter(was ? rotation : emergence, opdKeys[o]!, 0, was ? leave : emerge)) continue;
    if (was) {
      champion[o] = 0;
      record(w, 'champion_left', o);
      for (let j = 0; j < k; j++) betray(w, o * k + j, 'champion');
    } else {
      champion[o] = 1;
      record(w, 'champion_gained', o);
    }
  }
}

function forEachLive(w: World, k: number, f: (i: number) => void): void {
  for (let o = 0; o < w.n; o++) {
    const i = o * w.k + k;
    if (isLive(w.state[i]!)) f(i);
  }
}
