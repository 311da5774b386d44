/**
 * The model's parameters, docs/MODEL.md section 11, as data.
 *
 * This table is the single source of every number the model uses: the
 * scenario schema builds `parameters:` from it, the engine reads the resolved
 * values from it, and the report lists it in ODD order. A number that is not
 * here (or in the scenario file) does not exist in the model.
 *
 * `source` says where the default comes from: `lit` (the literature cited in
 * `note` and listed in docs/MODEL.md) or `knob` (a modelling assumption;
 * calibrations are logged in docs/ODD.md). `unit` and `note` are shown in the
 * JSON Schema, docs/MODEL.md section 11 and `difusi odd` (src/odd/).
 * Every default is the model's uncalibrated value (docs/MODEL.md section 11):
 * values fitted to the Bekasi case live in that scenario's `parameters:`
 * block (docs/ODD.md section 12), not here.
 */

export type ParameterSource = 'lit' | 'knob';

export interface ParameterSpec {
  readonly name: string;
  /** Default value; `null` means "off" (only `readopt_months`). */
  readonly default: number | null;
  readonly unit: string;
  readonly source: ParameterSource;
  /** Citation or reason, shown in docs and reports. */
  readonly note: string;
  /** ODD submodel the parameter belongs to (for grouping in reports). */
  readonly group: string;
  readonly min?: number;
  /** `min` itself is refused (the range is open there): a fraction in (0, 1]. */
  readonly exclusiveMin?: boolean;
  readonly max?: number;
  readonly integer?: boolean;
}

const p = <const N extends string>(
  name: N,
  def: number | null,
  unit: string,
  source: ParameterSource,
  group: string,
  note: string,
  range: { min?: number; exclusiveMin?: boolean; max?: number; integer?: boolean } = {},
): ParameterSpec & { readonly name: N } => ({ name, default: def, unit, source, group, note, ...range });

const PROB = { min: 0, max: 1 };
const UNIT = { min: 0, max: 1 };
const RATE = { min: 0 };
const FACTOR = { min: 0 };
const MONTHS = { min: 0, integer: true };
/**
 * A run of consecutive months a condition must hold (gap, failing share,
 * failing usage, stable translation): at least 1, the condition in the
 * current month. At 0 the comparison `counter >= months` held with no
 * condition at all (every instance a double-loop candidate, a triple loop
 * with no failing share, every exit a disenchantment, routinizing at any T).
 */
const RUN_MONTHS = { min: 1, integer: true };
/**
 * A share of a whole that must be reached, in (0, 1]: at 0 the condition
 * would hold with nothing at all (a service live in no agency "keeping" its
 * peak), which is not a reading of the word it stands for.
 */
const SHARE = { min: 0, exclusiveMin: true, max: 1 };

export const PARAMETER_SPECS = [
  // 7.2 Awareness
  p('bass_p', 0.03, 'per year', 'lit', '7.2 awareness', 'Sultan, Farley and Lehmann 1990 (mean innovation coefficient)', PROB),
  p('bass_q', 0.38, 'per year', 'lit', '7.2 awareness', 'Sultan, Farley and Lehmann 1990 (mean imitation coefficient)', RATE),
  p('campaign_boost', 20, 'factor', 'knob', '7.2 awareness', 'centralized launch channel (Rogers ch. 9-10)', FACTOR),
  p('campaign_months', 12, 'months', 'knob', '7.2 awareness', 'length of the launch campaign', MONTHS),
  // 2.3 / 5 Initialization
  // [0, 1]: the thresholds are truncated to [0, 1] (init.ts), so a mean outside it made every agency a
  // laggard (below 0) or an innovator (above 1), and at 3 every threshold 1 after 10,000 rejected draws.
  p('theta_mean', 0.5, 'utility', 'knob', '5 initialization', 'mean adoption threshold', UNIT),
  p('theta_sd', 0.15, 'utility', 'knob', '5 initialization', 'SD of adoption thresholds', { min: 0 }),
  p('capacity_mean', 0.5, '[0,1]', 'knob', '5 initialization', 'mean capacity and slack', UNIT),
  p('capacity_sd', 0.15, '[0,1]', 'knob', '5 initialization', 'SD of capacity and slack', { min: 0 }),
  p('champion_probability', 0.3, 'probability', 'knob', '5 initialization', 'share of agencies with a champion', PROB),
  p('reflexivity', 0.05, 'probability per trigger', 'knob', '7.6 learning', 'Rushintadevi 2023 finds service-level double loop rare', PROB),
  // 7.1 Events
  p('champion_rotation', 0.15, 'per year', 'knob', '7.1 events', 'civil-service rotation (uncalibrated default; the Bekasi scenario calibrates 0.1)', RATE),
  p('champion_emergence', 0.05, 'per year', 'knob', '7.1 events', 'new champions (uncalibrated default; the Bekasi scenario calibrates 0.1)', RATE),
  p('vision_init', 0.5, '[0,1]', 'knob', '7.1 events', 'initial smart-city vision (uncalibrated default; the Bekasi scenario calibrates 0.8)', UNIT),
  p('vision_hold', 0.5, '[0,1]', 'knob', '7.1 events', 'vision level that counts as kept', UNIT),
  p('vision_loss_coordinator', 0.1, 'fraction', 'knob', '7.1 events', 'Rushintadevi 2023: vision kept by Diskominfostandi', UNIT),
  p('vision_loss_other', 0.6, 'fraction', 'knob', '7.1 events', 'vision lost without a coordinator', UNIT),
  p('leader_hazard', 0, 'per year', 'knob', '7.1 events', 'random leadership changes', RATE),
  p('sponsor_continuity', 0.3, 'probability', 'knob', '7.1 events', 'sponsorship carried over by a new leader', PROB),
  p('leader_shock', 0.5, 'probability', 'knob', '7.8 discontinuance', 'mechanism lit: Kumar and Best 2006 (services collapsed after officials moved; no rate given)', PROB),
  p('leader_enrol_min', 0.5, 'commitment', 'knob', '7.7 translation', 'commitment at which a leader counts as enrolled', UNIT),
  p('renew_anchored', 0.97, 'probability per year', 'knob', '7.1 events', 'budget-line renewal when anchored by a regulation or in the agency\'s own plan (uncalibrated default; the Bekasi scenario calibrates 0.99)', PROB),
  p('renew_other', 0.85, 'probability per year', 'knob', '7.1 events', 'budget-line renewal otherwise (neither anchored nor in the agency\'s own plan)', PROB),
  p('defund_discontinue', 0.8, 'probability', 'knob', '7.1 events', 'a line not renewed ends the service (uncalibrated default; the Bekasi scenario calibrates 0.1)', PROB),
  p('takeover_opd', 0.9, 'probability', 'knob', '7.1 events', 'city takes over an agency-owned pilot', PROB),
  p('takeover_coordinator', 0.6, 'probability', 'knob', '7.1 events', 'city takes over a coordinator-owned pilot', PROB),
  p('takeover_vendor', 0.35, 'probability', 'knob', '7.1 events', 'city takes over a vendor-owned pilot (uncalibrated default; the Bekasi scenario calibrates 0.15)', PROB),
  p('pilot_discontinue', 0.8, 'probability', 'knob', '7.1 events', 'a pilot not taken over is withdrawn (uncalibrated default; the Bekasi scenario calibrates 0.9)', PROB),
  p('vendor_exit_discontinue', 0.5, 'probability', 'knob', '7.1 events', 'vendor exit ends a service not owned', PROB),
  p('budget_open_min', 0.5, 'B', 'knob', '7.3 decision', 'budget climate at which apbd funding is open (uncalibrated default; the Bekasi scenario calibrates 0.8)', FACTOR),
  // 7.3 Decision
  p('w_ra', 0.25, 'utility', 'knob', '7.3 decision', 'relative advantage; sign lit (Rogers ch. 6)'),
  p('w_co', 0.25, 'utility', 'knob', '7.3 decision', 'compatibility; sign lit (Rogers ch. 6)'),
  p('w_cx', 0.2, 'utility', 'knob', '7.3 decision', 'complexity; sign lit (Rogers ch. 6)'),
  p('w_tr', 0.1, 'utility', 'knob', '7.3 decision', 'trialability; sign lit (Rogers ch. 6)'),
  p('w_ob', 0.1, 'utility', 'knob', '7.3 decision', 'observability; sign lit (Rogers ch. 6)'),
  p('w_peer', 0.3, 'utility', 'knob', '7.3 decision', 'imitation of adopting peers'),
  p('w_neg', 0.2, 'utility', 'knob', '7.3 decision', 'negative word of mouth; direction lit: Parthasarathy 1995'),
  p('neg_wom_months', 12, 'months', 'knob', '7.3 decision', 'memory of disenchanted peers', MONTHS),
  p('w_mand', 0.3, 'utility', 'knob', '7.3 decision', 'regulation (mandate) pressure'),
  p('w_lead', 0.2, 'utility', 'knob', '7.3 decision', 'leader sponsorship pressure'),
  p('w_cap', 0.1, 'utility', 'knob', '7.3 decision', 'capacity and slack'),
  p('w_cost', 0.2, 'utility', 'knob', '7.3 decision', 'cost under budget stress'),
  p('decision_noise', 0, 'utility', 'knob', '7.3 decision', 'SD of the decision noise', { min: 0 }),
  p('complex_k', 2, 'agencies', 'knob', '7.3 decision', 'complex contagion: Centola and Macy 2007', MONTHS),
  // 7.4 Implementation
  p('base_advance', 0.08, 'per month', 'knob', '7.4 implementation', 'stage advance probability', PROB),
  p('unfunded_advance', 0.2, 'factor', 'knob', '7.4 implementation', 'advance slow-down without a line', FACTOR),
  p('champion_advance', 2, 'factor', 'knob', '7.4 implementation', 'a champion speeds implementation (factor 2: docs/MODEL.md 7.4)', FACTOR),
  p('reinvention_probability', 0.3, 'probability', 'knob', '7.4 implementation', 're-invention: Rice and Rogers 1980', PROB),
  p('reinvent_compatibility', 0.15, 'attribute', 'knob', '7.4 implementation', 're-invention: Rice and Rogers 1980'),
  p('reinvent_complexity', -0.1, 'attribute', 'knob', '7.4 implementation', 're-invention: Rice and Rogers 1980'),
  // 7.7 Translation
  p('T_stable', 0.7, 'score', 'knob', '7.7 translation', 'translation score of a stable network', UNIT),
  p('T_stable_months', 12, 'months', 'knob', '7.7 translation', 'months of stable translation to routinize', RUN_MONTHS),
  p('T_low', 0.3, 'score', 'knob', '7.7 translation', 'weak translation', UNIT),
  p('t_owner', 0.2, 'weight', 'knob', '7.7 translation', 'enrolment weight: owner', UNIT),
  p('t_budget', 0.2, 'weight', 'knob', '7.7 translation', 'enrolment weight: budget', UNIT),
  p('t_platform', 0.1, 'weight', 'knob', '7.7 translation', 'enrolment weight: platform', UNIT),
  p('t_regulation', 0.15, 'weight', 'knob', '7.7 translation', 'enrolment weight: regulation', UNIT),
  p('t_champion', 0.15, 'weight', 'knob', '7.7 translation', 'enrolment weight: champion', UNIT),
  p('t_leader', 0.1, 'weight', 'knob', '7.7 translation', 'enrolment weight: leader', UNIT),
  p('t_users', 0.1, 'weight', 'knob', '7.7 translation', 'enrolment weight: users', UNIT),
  p('betrayal', 0.5, 'probability', 'knob', '7.7 translation', 'Callon 1986: an enrolled actor leaves', PROB),
  // 7.5 Usage
  p('kappa', 0.1, 'per month', 'knob', '7.5 usage', 'usage adjustment speed', PROB),
  p('i_gain', 0.5, 'factor', 'knob', '7.5 usage', 'integration benefit', FACTOR),
  p('unfunded_usage', 0.5, 'factor', 'knob', '7.5 usage', 'usage attainable without a line', FACTOR),
  p('u_target', 0.6, 'usage', 'knob', '7.5 usage', 'usage target', UNIT),
  p('u_fail', 0.3, 'usage', 'knob', '7.5 usage', 'failing usage', UNIT),
  // 7.6 Learning
  p('alpha', 0.1, 'per month', 'knob', '7.6 learning', 'single-loop effort correction', { min: 0 }),
  p('effort_max', 0.05, 'usage', 'knob', '7.6 learning', 'maximum extra effort', UNIT),
  p('unfunded_effort_decay', 0.5, 'factor', 'knob', '7.6 learning', 'effort kept each month without a line (a halving: docs/MODEL.md 7.6)', UNIT),
  p('gap_months', 6, 'months', 'knob', '7.6 learning', 'gap months that trigger the double loop', RUN_MONTHS),
  p('F_star', 0.4, 'share', 'knob', '7.6 learning', 'failing share that triggers the triple loop', UNIT),
  p('triple_months', 12, 'months', 'knob', '7.6 learning', 'months above F_star', RUN_MONTHS),
  p('city_reflexivity', 0.1, 'per month', 'knob', '7.6 learning', 'city rule change probability', PROB),
  p('triple_strength', 0.5, 'strength', 'knob', '7.6 learning', 'strength of a triple-loop regulation', UNIT),
  // 7.8 Discontinuance
  p('h0_routinized', 0.03, 'per year', 'knob', '7.8 discontinuance', 'base hazard, routinized', RATE),
  p('h0_other', 0.12, 'per year', 'knob', '7.8 discontinuance', 'base hazard, not routinized (uncalibrated default; the Bekasi scenario calibrates 0.06)', RATE),
  p('m_anchor', 0.5, 'factor', 'knob', '7.8 discontinuance', 'hazard multiplier: regulation anchor', FACTOR),
  p('m_integrated', 0.5, 'factor', 'knob', '7.8 discontinuance', 'hazard multiplier: integrated', FACTOR),
  p('m_champion', 0.7, 'factor', 'knob', '7.8 discontinuance', 'hazard multiplier: champion; championed services last (Rogers ch. 10; uncalibrated default; the Bekasi scenario calibrates 0.5)', FACTOR),
  p('m_authority', 2, 'factor', 'knob', '7.8 discontinuance', 'hazard multiplier: authority adoption', FACTOR),
  p('m_late', 1.5, 'factor', 'knob', '7.8 discontinuance', 'direction lit: Prins, Verhoef and Franses 2009', FACTOR),
  p('m_disenchanted', 3, 'factor', 'knob', '7.8 discontinuance', 'hazard multiplier: failing service', FACTOR),
  p('disenchant_months', 12, 'months', 'knob', '7.8 discontinuance', 'failing months before disenchantment', RUN_MONTHS),
  p('m_low_T', 3, 'factor', 'knob', '7.8 discontinuance', 'hazard multiplier: weak translation', FACTOR),
  p('m_unfunded', 1.5, 'factor', 'knob', '7.8 discontinuance', 'hazard multiplier: no line', FACTOR),
  p('ban_replacement', 0.6, 'per year', 'knob', '7.8 discontinuance', 'Perpres 82/2023 replacement wave', RATE),
  p('readopt_months', null, 'months', 'knob', '2.1 states', 'months before a discontinued instance is aware again (null = off)', { min: 1, integer: true }),
  p('min_peak', 3, 'agencies', 'knob', '8 observation', 'peak needed to call a service sustained', MONTHS),
  // The outcome definitions below decide headline results (docs/MODEL.md 8), so they are named, not literals.
  p('sustain_fraction', 0.5, 'fraction', 'knob', '8 observation', 'share of its peak a service must keep live at the end of the run to count as sustained (this project reads sustained as at least half; no source)', SHARE),
  p('heeks_failure_months', 12, 'months', 'knob', '8 observation', "months a service must run before its end counts as a partial (sustainability), not a total, failure: the project's reading, as one year, of Heeks' sustainability failure that fails after a year or so (his eGov4Dev definitions page); not a number from Heeks", RUN_MONTHS),
  p('heeks_success_share', 0.5, 'fraction', 'knob', '8 observation', 'share of the live instances of a sustained service that must be successes for a Heeks service success (this project reads mostly as at least half; no source)', SHARE),
] as const satisfies readonly ParameterSpec[];

export type ParameterName = (typeof PARAMETER_SPECS)[number]['name'];

/** Resolved parameter values: every name present. */
export type Parameters = Record<string, number | null>;

export const PARAMETER_DEFAULTS: Readonly<Record<string, number | null>> = Object.freeze(
  Object.fromEntries(PARAMETER_SPECS.map((s) => [s.name, s.default])),
);

/** A parameter's value in `values` (a scenario's `parameters:` block), else its package default. */
export function parameterOrDefault(values: Readonly<Record<string, number | null>>, name: string): number | null | undefined {
  return Object.hasOwn(values, name) ? values[name] : PARAMETER_DEFAULTS[name];
}

export const PARAMETER_BY_NAME: ReadonlyMap<string, ParameterSpec> = new Map(
  PARAMETER_SPECS.map((s) => [s.name, s]),
);

/** The translation weights, which must sum to 1 (docs/MODEL.md 7.7). */
export const TRANSLATION_WEIGHTS = [
  't_owner',
  't_budget',
  't_platform',
  't_regulation',
  't_champion',
  't_leader',
  't_users',
] as const;
