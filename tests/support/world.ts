/**
 * Hand-built worlds for submodel tests: a compiled inline scenario, an
 * initialized replication state, and small setters so that a test can put
 * instances in exactly the state a hand-computed case needs before calling
 * one phase function of src/model/*.ts.
 */
import { Streams } from '../../src/engine/random.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { initWorld } from '../../src/model/init.js';
import { LINE, STAGE, STATE, resetCounters, type World } from '../../src/model/world.js';
import { model } from '../model/helpers.js';

export { LINE, STAGE, STATE };

/** Attributes that make the default utility easy to compute by hand. */
export const PLAIN = {
  relative_advantage: 0.5,
  compatibility: 0.5,
  complexity: 0.5,
  trialability: 0.5,
  observability: 0.5,
} as const;

/**
 * The uncalibrated defaults (the starting values named in the notes of
 * src/scenario/parameters.ts; docs/ODD.md section 12), pinned here so that
 * hand-computed expectations follow the model's formulas and not a later
 * calibration of the defaults (readopt_months stays off).
 */
export const MODEL_DEFAULTS = {
  bass_p: 0.03, bass_q: 0.38, campaign_boost: 20, campaign_months: 12,
  theta_mean: 0.5, theta_sd: 0.15, capacity_mean: 0.5, capacity_sd: 0.15, champion_probability: 0.3,
  champion_rotation: 0.15, champion_emergence: 0.05, reflexivity: 0.05,
  vision_init: 0.5, vision_hold: 0.5, vision_loss_coordinator: 0.1, vision_loss_other: 0.6,
  leader_hazard: 0, sponsor_continuity: 0.3, leader_shock: 0.5, leader_enrol_min: 0.5,
  renew_anchored: 0.97, renew_other: 0.85, defund_discontinue: 0.8,
  takeover_opd: 0.9, takeover_coordinator: 0.6, takeover_vendor: 0.35, pilot_discontinue: 0.8,
  vendor_exit_discontinue: 0.5, budget_open_min: 0.5,
  w_ra: 0.25, w_co: 0.25, w_cx: 0.2, w_tr: 0.1, w_ob: 0.1,
  w_peer: 0.3, w_neg: 0.2, neg_wom_months: 12, w_mand: 0.3, w_lead: 0.2, w_cap: 0.1, w_cost: 0.2,
  decision_noise: 0, complex_k: 2, base_advance: 0.08, unfunded_advance: 0.2,
  reinvention_probability: 0.3, reinvent_compatibility: 0.15, reinvent_complexity: -0.1,
  T_stable: 0.7, T_stable_months: 12, T_low: 0.3,
  t_owner: 0.2, t_budget: 0.2, t_platform: 0.1, t_regulation: 0.15, t_champion: 0.15, t_leader: 0.1, t_users: 0.1,
  betrayal: 0.5, kappa: 0.1, i_gain: 0.5, unfunded_usage: 0.5, u_target: 0.6, u_fail: 0.3,
  alpha: 0.1, effort_max: 0.05, gap_months: 6,
  F_star: 0.4, triple_months: 12, city_reflexivity: 0.1, triple_strength: 0.5,
  h0_routinized: 0.03, h0_other: 0.12,
  m_anchor: 0.5, m_integrated: 0.5, m_champion: 0.7, m_authority: 2, m_late: 1.5,
  m_disenchanted: 3, disenchant_months: 12, m_low_T: 3, m_unfunded: 1.5,
  ban_replacement: 0.6, min_peak: 3,
} as const;

/**
 * Parameters that silence every process a test did not ask for: no champion
 * turnover, no betrayal, no random leaders, no hazard.
 */
export const QUIET = {
  champion_rotation: 0,
  champion_emergence: 0,
  leader_hazard: 0,
  betrayal: 0,
  h0_other: 0,
  h0_routinized: 0,
  ban_replacement: 0,
  city_reflexivity: 0,
  reflexivity: 0,
} as const;

/** An OPD entry with every drawn field fixed. */
export function opd(
  id: string,
  extra: { theta?: number; capacity?: number; slack?: number; champion?: boolean; reflexivity?: number; type?: 'dinas' | 'badan' | 'kecamatan' | 'secretariat' | 'other' } = {},
) {
  return { id, theta: 0.5, capacity: 0.5, slack: 0.5, champion: false, ...extra };
}

/** Compiles an inline scenario and initializes replication state with fixed seeds. */
export function world(input: Partial<ScenarioInput> & Pick<ScenarioInput, 'innovations'>, seed: [number, number] = [1, 2]): World {
  return initWorld(model({ ...input, parameters: { ...MODEL_DEFAULTS, ...input.parameters } }), new Streams(seed), true);
}

/** The instance index of (OPD id, innovation id). */
export function at(w: World, opdId: string, innovationId: string): number {
  const o = w.model.opds.findIndex((x) => x.id === opdId);
  const k = w.model.innovations.findIndex((x) => x.id === innovationId);
  if (o < 0 || k < 0) throw new Error(`no instance ${opdId}/${innovationId}`);
  return o * w.k + k;
}

export function opdIndex(w: World, opdId: string): number {
  const o = w.model.opds.findIndex((x) => x.id === opdId);
  if (o < 0) throw new Error(`no OPD ${opdId}`);
  return o;
}

export function innovationIndex(w: World, id: string): number {
  const k = w.model.innovations.findIndex((x) => x.id === id);
  if (k < 0) throw new Error(`no innovation ${id}`);
  return k;
}

/** Starts tick `month` the way step() does: set the month, reset the month's counters. */
export function tick(w: World, month: number): void {
  w.month = month;
  resetCounters(w.counters);
}

export interface LiveSetup {
  state?: number;
  stage?: number;
  line?: number;
  usage?: number;
  effort?: number;
  integrated?: boolean;
  owned?: boolean;
  authority?: boolean;
  reinvented?: boolean;
  adoptedAt?: number;
  lineOpened?: number;
  gapMonths?: number;
  failMonths?: number;
  stableMonths?: number;
  translation?: number;
}

/** Puts instance i in a live state (restructuring, apbd line unless told otherwise). */
export function live(w: World, i: number, s: LiveSetup = {}): void {
  w.state[i] = s.state ?? STATE.live;
  w.stage[i] = s.stage ?? (w.state[i] === STATE.routinized ? STAGE.routinized : STAGE.restructuring);
  w.everAdopted[i] = 1;
  w.adoptedAt[i] = s.adoptedAt ?? 0;
  w.line[i] = s.line ?? LINE.apbd;
  w.lineOpened[i] = s.lineOpened ?? 0;
  w.usage[i] = s.usage ?? 0.5;
  w.effort[i] = s.effort ?? 0;
  w.integrated[i] = s.integrated ? 1 : 0;
  w.owned[i] = s.owned ? 1 : 0;
  w.authority[i] = s.authority ? 1 : 0;
  w.reinvented[i] = s.reinvented ? 1 : 0;
  w.gapMonths[i] = s.gapMonths ?? 0;
  w.failMonths[i] = s.failMonths ?? 0;
  w.stableMonths[i] = s.stableMonths ?? 0;
  w.translation[i] = s.translation ?? 0.5;
  const k = i % w.k;
  const o = (i - k) / w.k;
  if (w.firstAdopted[k]! < 0 || w.firstAdopted[k]! > w.adoptedAt[i]!) w.firstAdopted[k] = w.adoptedAt[i]!;
  if (w.firstAdoption[o]! < 0 || w.firstAdoption[o]! > w.adoptedAt[i]!) w.firstAdoption[o] = w.adoptedAt[i]!;
}

/** Event rows of the world with ids instead of indices. */
export function eventRows(w: World): { month: number; kind: string; opd: string; innovation: string; loop: string; cause: string }[] {
  return (w.events ?? []).map((e) => ({
    month: e.month,
    kind: e.kind,
    opd: e.opd >= 0 ? w.model.opds[e.opd]!.id : '',
    innovation: e.innovation >= 0 ? w.model.innovations[e.innovation]!.id : '',
    loop: e.loop,
    cause: e.cause,
  }));
}
