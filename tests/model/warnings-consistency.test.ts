/**
 * Warnings for fields that are valid alone but do not mean what they say
 * together (src/model/warnings.ts; docs/MODEL.md 10): `owner: vendor` with
 * no vendor behind it, u_fail above u_target, T_low above T_stable, and a
 * negative decision weight. The parameter ranges (src/scenario/parameters.ts)
 * do not exclude these values, so they are warnings, never errors.
 *
 * tests/fixtures/scenarios/full.yaml: e-office (innovations[0]) is agency-owned
 * with no platform; smart-city-app (innovations[1]) names its vendor acme and
 * runs on acme-cloud, in acme's custody; command-center (innovations[2]) runs
 * on city-portal, in the coordinator's custody; acme is the only vendor.
 * Its own warning (smart-city-app is costly and unseeded) is left out here.
 */
import { describe, expect, it } from 'vitest';
import { validateWithOverrides } from '../../src/scenario/overrides.js';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { fullInput, validScenarioWith } from '../scenario/helpers.js';

function warningsWith(overrides: Record<string, unknown>): string[] {
  return scenarioWarnings(validScenarioWith(overrides)).filter((w) => !w.includes(' is costly but '));
}

const TWO_VENDORS = { vendors: [{ id: 'acme', contract_end: '2017-06' }, { id: 'beta' }] };

describe('owner: vendor with no vendor behind it', () => {
  it('is warned in one line naming the innovation and the field, with the reason', () => {
    expect(warningsWith({ ...TWO_VENDORS, 'innovations[0].owner': 'vendor' })).toEqual([
      `innovations[0] "e-office": owner is vendor, but no vendor is behind it (it names none of the scenario's 2 vendors): ` +
        "no vendor's exit (contract_end, docs/MODEL.md 7.1) can act on it (name its vendor with vendor: <id>)",
    ]);
    // On a platform in the coordinator's custody: the platform gives no vendor either.
    expect(warningsWith({ ...TWO_VENDORS, 'innovations[2].owner': 'vendor' })).toEqual([
      expect.stringMatching(/^innovations\[2\] "command-center": owner is vendor, but no vendor is behind it \(it names none of the scenario's 2 vendors, and its platform is in no vendor's custody\)/),
    ]);
  });

  it('(controls) not when a vendor is resolved: named, the only one listed, or its platform\'s custodian; nor for another owner', () => {
    expect(warningsWith({ ...TWO_VENDORS, 'innovations[0].owner': 'vendor', 'innovations[0].vendor': 'beta' })).toEqual([]);
    expect(warningsWith({ 'innovations[0].owner': 'vendor' })).toEqual([]);
    expect(warningsWith({ ...TWO_VENDORS, 'innovations[1].vendor': null })).toEqual([]);
    expect(warningsWith(TWO_VENDORS)).toEqual([]);
  });
});

describe('inconsistent parameters', () => {
  it('u_fail above u_target: warned, naming both fields and values', () => {
    expect(warningsWith({ 'parameters.u_fail': 0.8 })).toEqual([
      'parameters.u_fail (0.8) is above parameters.u_target (0.6): an instance used between them meets its target ' +
        "(no gap, docs/MODEL.md 7.5) yet counts as failing (disenchantment, the triple loop's failing share, users not enrolled)",
    ]);
    // (control) equal is consistent: nothing lies between them.
    expect(warningsWith({ 'parameters.u_fail': 0.6 })).toEqual([]);
  });

  it('T_low above T_stable: warned; equal is not', () => {
    expect(warningsWith({ 'parameters.T_low': 0.75 })).toEqual([
      'parameters.T_low (0.75) is above parameters.T_stable (0.7): a translation score between them counts as stable ' +
        '(towards routinization, docs/MODEL.md 7.4) and as weak (hazard m_low_T, 7.8) at once',
    ]);
    expect(warningsWith({ 'parameters.T_low': 0.7 })).toEqual([]);
  });

  it('a negative decision weight: one line per weight, naming it; zero is not warned', () => {
    expect(warningsWith({ 'parameters.w_cx': -0.2 })).toEqual([
      'parameters.w_cx (-0.2) is negative: it reverses the direction docs/MODEL.md 7.3 gives its term in the utility',
    ]);
    const names = ['w_ra', 'w_co', 'w_cx', 'w_tr', 'w_ob', 'w_peer', 'w_neg', 'w_mand', 'w_lead', 'w_cap', 'w_cost'];
    const all = warningsWith(Object.fromEntries(names.map((n) => [`parameters.${n}`, -0.1])));
    expect(all.map((w) => w.split(' ')[0])).toEqual(names.map((n) => `parameters.${n}`));
    expect(warningsWith(Object.fromEntries(names.map((n) => [`parameters.${n}`, 0])))).toEqual([]);
    // (control) a negative parameter that is not a decision weight: re-invention lowers complexity by default.
    expect(warningsWith({ 'parameters.reinvent_complexity': -0.2 })).toEqual([]);
  });

  it('none of them is an error: the scenario still validates', () => {
    const r = validateWithOverrides(fullInput(), { 'parameters.u_fail': 0.9, 'parameters.T_low': 0.9, 'parameters.w_cx': -1 }, 'full.yaml');
    expect(r.ok).toBe(true);
  });
});
