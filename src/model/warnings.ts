/**
 * Scenario warnings: files that are valid but probably not what the author
 * meant. They are printed (stderr) by the commands that read scenario files;
 * they never stop a run.
 */
import { compile, FUNDING, OWNER, type CompiledModel, type Params } from './compile.js';
import { monthDate } from '../scenario/calendar.js';
import type { Scenario } from '../scenario/schema.js';
import { unsafeCharacters } from '../messages/safe-text.js';
import { warning, warningText, type ScenarioWarning, type WarningText } from '../messages/catalog.js';
import { CATEGORIES, categoryOfZ } from '../scenario/vocabulary.js';
import { PARAMETER_DEFAULTS } from '../scenario/parameters.js';

/**
 * How a warning names an innovation, regulation or leader by its index: its
 * path and id in the file (`innovations[1] "smart-city-app"`). A national
 * file names the place in the national file its government's entry comes
 * from instead (jobs/national-warnings.ts), so that the same warning in
 * many governments reads the same.
 */
export interface WarningNames {
  innovation(k: number): string;
  regulation(r: number): string;
  leader(l: number): string;
}

function cityNames(model: CompiledModel): WarningNames {
  return {
    innovation: (k) => `innovations[${k}] "${model.innovations[k]!.id}"`,
    regulation: (r) => `regulations[${r}] "${model.regulations[r]!.id}"`,
    leader: (l) => `leaders[${l}] "${model.leaders[l]!.id}"`,
  };
}

/**
 * `model`: the scenario compiled, when the caller has it already; `names`: how to name its entries (default: by path
 * in the city file); `text`: how to word them (default English; messages/warning-text-id.ts under --lang id).
 */
export function scenarioWarnings(scenario: Scenario, model?: CompiledModel, names?: WarningNames, text: WarningText = warningText): string[] {
  return scenarioWarningList(scenario, model, names).map(text);
}

/** The warnings of scenarioWarnings as data (code and arguments), for a caller that words them later (jobs/national-warnings.ts). */
export function scenarioWarningList(scenario: Scenario, model?: CompiledModel, names?: WarningNames): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  if (scenario.decision === 'bass') return warnings;
  // Only the national file's warnings name entries their own way (jobs/national-warnings.ts).
  const inCityFile = names === undefined;
  model ??= compile(scenario);
  names ??= cityNames(model);
  warnings.push(...noEligibleAgency(scenario, model, names));
  warnings.push(...costlyWithoutSeed(scenario, model, names));
  warnings.push(...eventsWithoutEffect(scenario, model, names));
  warnings.push(...seedsOutsideEligible(model, names));
  warnings.push(...vendorOwnerWithoutVendor(scenario, model, names));
  warnings.push(...parameterWarnings(model));
  warnings.push(...budgetFactorBeyondEffect(scenario, model));
  warnings.push(...thresholdWarnings(scenario, model));
  if (inCityFile) warnings.push(...unreadInACity(scenario));
  return warnings;
}

/**
 * Parameters a city scenario can set but none of its outputs reads: the
 * per-service Heeks cuts decide the validation's P4b and P5b (`difusi
 * patterns`) and the national tables, while a city run's files classify
 * instances, not services. Set away from their defaults in a city file they
 * change the scenario's hash, and so its folder and the report's what-if
 * sentence, but no figure.
 */
const READ_ONLY_NATIONALLY = ['heeks_failure_months', 'heeks_success_share'] as const;

function unreadInACity(scenario: Scenario): ScenarioWarning[] {
  const given = scenario.parameters as Record<string, number | null | undefined>;
  return READ_ONLY_NATIONALLY.filter((name) => given[name] !== undefined && given[name] !== PARAMETER_DEFAULTS[name]).map((name) =>
    warning('parameter_unread_in_city', name, given[name] as number),
  );
}

/**
 * Rogers categories that come out otherwise than the file seems to say
 * (docs/MODEL.md 2.3). With theta_sd 0 every agency's z is 0, the lower
 * bound of the late majority's band, so every agency is late majority and
 * carries m_late: a "thresholds alike" control then raises every hazard.
 * An agency given both theta and category runs with its theta, and its
 * category follows from it, so a category outside theta's band is ignored.
 */
function thresholdWarnings(scenario: Scenario, model: CompiledModel): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  const p = model.params as Record<string, number>;
  const sd = p.theta_sd!;
  if (sd === 0) {
    warnings.push(warning('theta_sd_zero', p.m_late!));
  }
  (scenario.opds.list ?? []).forEach((o, i) => {
    if (o.theta === undefined || o.category === undefined) return;
    const follows = CATEGORIES[categoryOfZ(sd > 0 ? (o.theta - p.theta_mean!) / sd : 0)]!;
    if (follows === o.category) return;
    warnings.push(warning('category_ignored', i, o.id, o.theta, o.category, follows));
  });
  return warnings;
}

/**
 * `owner: vendor` with no vendor behind it: no `vendor` field, no platform in
 * a vendor's custody, and not exactly one vendor in the file (compile.ts
 * vendorOf). No vendor's contract end then acts on the service (7.1), the
 * main thing a vendor owner does, so the file probably forgot to name it.
 */
function vendorOwnerWithoutVendor(scenario: Scenario, model: CompiledModel, names: WarningNames): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  const listed = model.vendors.length;
  model.innovations.forEach((inn, k) => {
    if (inn.owner !== OWNER.vendor || inn.vendor >= 0) return;
    warnings.push(warning('vendor_owner_without_vendor', names.innovation(k), listed, scenario.innovations[k]!.platform !== undefined));
  });
  return warnings;
}

/** True when a regulation's `applies_to` (compiled: 1 per agency it binds) shares no agency with a service's eligible ones. */
function bindsNoneEligible(applies: Uint8Array, eligible: Uint8Array): boolean {
  for (let o = 0; o < eligible.length; o++) if (applies[o] === 1 && eligible[o] === 1) return false;
  return true;
}

/**
 * The decision weights whose sign docs/MODEL.md 7.3 writes into the utility
 * (`+ w_ra RA`, `- w_cx CX`, `- w_neg g`, ...): a negative value reverses the
 * direction the formula gives it. The parameter table sets no lower bound on
 * them (a reversed direction is a what-if one may mean), so a warning, not
 * an error.
 */
const SIGNED_WEIGHTS = ['w_ra', 'w_co', 'w_cx', 'w_tr', 'w_ob', 'w_peer', 'w_neg', 'w_mand', 'w_lead', 'w_cap', 'w_cost'] as const;

/**
 * Parameter values each valid alone but inconsistent together, or against
 * the direction the model's equations give them (docs/MODEL.md 10). Their
 * ranges (parameters.ts) do not exclude them, so they are warned, not
 * refused.
 */
function parameterWarnings(model: CompiledModel): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  const p = model.params as Record<string, number>;
  if (p.u_fail! > p.u_target!) {
    warnings.push(warning('u_fail_above_target', p.u_fail!, p.u_target!));
  }
  if (p.T_low! > p.T_stable!) {
    warnings.push(warning('t_low_above_stable', p.T_low!, p.T_stable!));
  }
  for (const name of SIGNED_WEIGHTS) {
    if (p[name]! < 0) {
      warnings.push(warning('weight_negative', name, p[name]!));
    }
  }
  return warnings;
}

/**
 * The budget climate at which every use of B is at its limit: city funding
 * opens at `budget_open_min` (instances.ts), the cost pressure is `w_cost (1 -
 * min(B, 1))` (diffusion.ts), a line's renewal `min(1, renew * B)`
 * (events.ts) and a stage's advance `min(1, base_advance * (1 + capacity) *
 * (champion_advance with a champion) * (unfunded_advance without a line) *
 * B)` (implementation.ts, learning.ts), capacity in [0, 1]. Past the largest
 * of these a larger B changes nothing (a multiplier of 0 is not counted: that
 * probability is 0 whatever B is).
 */
function budgetAtItsLimit(p: Params): number {
  const atMostOne = (f: number) => (f > 0 ? Math.min(1, f) : 1);
  let limit = Math.max(1, p.budget_open_min);
  for (const renew of [p.renew_anchored, p.renew_other]) if (renew > 0) limit = Math.max(limit, 1 / renew);
  const slowest = p.base_advance * atMostOne(p.champion_advance) * atMostOne(p.unfunded_advance);
  if (slowest > 0) limit = Math.max(limit, 1 / slowest);
  return limit;
}

/**
 * A budget shock whose `factor` lies above that limit runs as the limit
 * would: the number written is not what acts. A factor above 1 is a budget
 * rise, and allowed (the schema's only bound is 0); past the limit it is
 * most likely a percentage typed for a fraction (65 for 0.65).
 */
function budgetFactorBeyondEffect(scenario: Scenario, model: CompiledModel): ScenarioWarning[] {
  const limit = budgetAtItsLimit(model.params);
  // 1 / (0.08 x 0.2) is 62.49999999999998 in floating point: a factor of 62.5 is at the limit, not past it.
  const shown = Number(limit.toPrecision(4));
  return scenario.budget_shocks.flatMap((s, k) => (s.factor > limit * (1 + 1e-9) ? [warning('budget_factor_beyond_effect', k, `${s.from}..${s.to}`, s.factor, shown)] : []));
}

/**
 * Initial adopters that are not eligible: only eligible agencies adopt at
 * launch (docs/MODEL.md 5), so a listed one outside `eligible` is skipped
 * without a word. Named by id (the first few), per innovation.
 */
function seedsOutsideEligible(model: CompiledModel, names: WarningNames): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  model.innovations.forEach((inn, k) => {
    const outside = new Set<number>();
    for (const a of model.initialAdopters) {
      if (a.innovation !== k) continue;
      a.opds.forEach((on, o) => {
        if (on === 1 && inn.eligible[o] === 0) outside.add(o);
      });
    }
    if (outside.size === 0) return;
    const ids = [...outside].sort((a, b) => a - b).map((o) => model.opds[o]!.id);
    warnings.push(warning('seeds_outside_eligible', names.innovation(k), ids));
  });
  return warnings;
}

/**
 * A service none of whose agencies is eligible (`eligible` names types or
 * ids the scenario has no agency of, e.g. kecamatan in a province
 * government): nobody can ever adopt it, yet it launches and is counted
 * among the outcomes (docs/NATIONAL.md: a launched service never live is a
 * total failure). In a national file the same line for many governments is
 * one line naming them (jobs/national-warnings.ts).
 */
function noEligibleAgency(scenario: Scenario, model: CompiledModel, names: WarningNames): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  model.innovations.forEach((inn, k) => {
    if (inn.eligibleCount === 0) warnings.push(warning('no_eligible_agency', names.innovation(k), scenario.innovations[k]!.eligible ?? []));
  });
  return warnings;
}

/** A costly innovation nobody can adopt first (docs/MODEL.md 7.3). */
function costlyWithoutSeed(scenario: Scenario, model: CompiledModel, names: WarningNames): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  const complexK = model.params.complex_k;
  if (!(complexK >= 1)) return warnings;
  model.innovations.forEach((inn, k) => {
    if (!scenario.innovations[k]!.costly) return;
    // Only eligible agencies adopt at launch (the others are skipped).
    const seeded = model.initialAdopters.some((a) => a.innovation === k && a.opds.some((on, o) => on === 1 && inn.eligible[o] === 1));
    if (seeded) return;
    // docs/MODEL.md 7.3: a costly innovation needs min(complex_k, eligible peers)
    // live peers, so without adopters at launch only an agency with no
    // eligible peer can go first.
    warnings.push(warning('costly_without_seed', names.innovation(k), complexK));
  });
  return warnings;
}

/**
 * Scheduled events that cannot act as written: the file is valid, but a
 * what-if built on them would change nothing. Months are compared
 * as the event phase orders them (docs/MODEL.md 7.1): in one month the pilot
 * end comes before the vendor's exit, so a contract ending in the pilot's
 * last month is fine.
 */
function eventsWithoutEffect(scenario: Scenario, model: CompiledModel, names: WarningNames): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  const date = (m: number) => monthDate(scenario.start, m);
  const horizon = model.months;
  model.innovations.forEach((inn, k) => {
    const spec = scenario.innovations[k]!;
    const name = names.innovation(k);
    const pilotEnd = inn.pilotMonths > 0 ? inn.launch + inn.pilotMonths : Infinity;
    const vendor = inn.vendor >= 0 ? model.vendors[inn.vendor]! : undefined;
    if (vendor !== undefined && vendor.contractEnd < inn.launch) {
      warnings.push(warning('vendor_left_before_launch', name, date(inn.launch), vendor.id, date(vendor.contractEnd)));
    } else if (vendor !== undefined && vendor.contractEnd < pilotEnd && pilotEnd <= horizon) {
      warnings.push(warning('vendor_leaves_before_pilot_end', name, vendor.id, date(vendor.contractEnd), date(pilotEnd)));
    } else if (vendor !== undefined && pilotEnd !== Infinity && vendor.contractEnd < pilotEnd && vendor.contractEnd <= horizon) {
      // A pilot running past the horizon whose vendor leaves inside it is as
      // suspect as one ending inside it: the exit still strikes mid-pilot.
      warnings.push(warning('vendor_leaves_mid_pilot', name, vendor.id, date(vendor.contractEnd), date(pilotEnd)));
    }
    if (spec.takeover !== undefined && inn.funding !== FUNDING.pilot) {
      warnings.push(warning('takeover_not_pilot', name, String(spec.funding)));
    } else if (spec.takeover !== undefined && pilotEnd > horizon) {
      warnings.push(warning('takeover_after_horizon', name, date(pilotEnd), date(horizon)));
    }
    // Without a platform, integration is into the city's systems (instances.ts integrationOnArrival):
    // it still counts, so dropping a service's platform alone keeps it (docs/MODEL.md 7.3).
    if (inn.platform < 0 && inn.integratedFrom !== Infinity) warnings.push(warning('integrated_without_platform', name, spec.integrated_from!));
    if (inn.platform >= 0 && inn.integratedFrom !== Infinity) {
      const platform = model.platforms[inn.platform]!;
      const custodian = platform.custodianVendor >= 0 ? model.vendors[platform.custodianVendor]! : undefined;
      const shuts = Math.min(platform.activeUntil + 1, custodian?.contractEnd ?? Infinity);
      if (inn.integratedFrom >= shuts) {
        const along = custodian !== undefined && custodian.contractEnd === shuts ? custodian.id : undefined;
        warnings.push(warning('platform_shuts_before_integration', name, String(spec.integrated_from), platform.id, date(shuts), along));
      }
    }
  });
  model.regulations.forEach((reg, r) => {
    model.innovations.forEach((inn, k) => {
      if (reg.anchors[k] !== 1) return;
      if (reg.to < inn.launch) {
        warnings.push(warning('anchor_after_lapse', names.regulation(r), inn.id, date(inn.launch), date(reg.to)));
      } else if (bindsNoneEligible(reg.applies, inn.eligible)) {
        // A regulation anchors a service only in the agencies it binds (instances.ts applyRegulation).
        warnings.push(warning('anchor_binds_none_eligible', names.regulation(r), inn.id));
      }
    });
  });
  model.leaders.forEach((leader, l) => {
    const next = model.leaders[l + 1];
    const lastInOffice = Math.min(leader.to, next !== undefined ? next.from - 1 : Infinity, horizon);
    for (const k of leader.sponsors) {
      const inn = model.innovations[k]!;
      if (inn.launch > lastInOffice) {
        warnings.push(warning('sponsor_leaves_before_launch', names.leader(l), inn.id, date(lastInOffice), date(inn.launch)));
      }
    }
  });
  return warnings;
}

/**
 * Strings of the file that hold control or bidirectional characters (by
 * path, the first few): valid, but the reports remove those characters
 * (messages/safe-text.ts), so the name printed is not the one written.
 * Printed by `validate` only.
 */
export function textWarnings(scenario: unknown, text: WarningText = warningText): string[] {
  const found: string[] = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'string') {
      const removed = unsafeCharacters(v);
      if (removed.length > 0) found.push(`${at} (${removed.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')})`);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, at === '' ? k : `${at}.${k}`);
  };
  walk(scenario, '');
  if (found.length === 0) return [];
  return [text(warning('control_characters', found))];
}
