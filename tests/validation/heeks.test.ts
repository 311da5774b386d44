import { describe, expect, it } from 'vitest';
import {
  heeksInstanceCounts,
  heeksLaunchedRange,
  heeksPortfolio,
  modelServiceClass,
  neverRoutinizedClass,
  heeksRule,
  heeksServiceClass,
  DEFAULT_HEEKS_RULE,
  type HeeksRule,
} from '../../src/validation/heeks.js';
import { PARAMETER_DEFAULTS } from '../../src/scenario/parameters.js';

/** The package defaults' rule: 12 months, half the live instances (parameters.ts). */
const D = DEFAULT_HEEKS_RULE;
const SUSTAINABILITY_MONTHS = D.failureMonths;
import type { OutcomeRow } from '../../src/model/observation.js';

const row = (o: Partial<OutcomeRow>): OutcomeRow => ({
  innovation: 'x',
  outcome: 'discontinued',
  peak_live: 5,
  live_end: 0,
  first_adoption_month: 10,
  last_discontinuation_month: 60,
  main_cause: 'defunded',
  heeks_success: 0,
  heeks_partial: 0,
  heeks_failure: 5,
  heeks_replaced: 0,
  ...o,
});

describe("Heeks' categories per service", () => {
  it('an ended service with no discontinuation month is a bug, not a class', () => {
    expect(() => heeksServiceClass(row({ last_discontinuation_month: null }), D)).toThrow(/no discontinuation month/);
  });

  it('a service never live is a total failure (never implemented)', () => {
    expect(heeksServiceClass(row({ outcome: 'never_adopted', peak_live: 0, heeks_failure: 0, first_adoption_month: null, last_discontinuation_month: null }), D)).toBe('total_failure');
  });

  it('an ended service is a total failure when abandoned within the year, a sustainability (partial) failure after', () => {
    const ended = (months: number) => row({ first_adoption_month: 10, last_discontinuation_month: 10 + months });
    expect(heeksServiceClass(ended(SUSTAINABILITY_MONTHS - 1), D)).toBe('total_failure');
    expect(heeksServiceClass(ended(SUSTAINABILITY_MONTHS), D)).toBe('partial');
    expect(heeksServiceClass(ended(36), D)).toBe('partial');
  });

  it('an ended service whose instances mostly migrated is replaced, not failed', () => {
    expect(heeksServiceClass(row({ heeks_failure: 2, heeks_replaced: 3 }), D)).toBe('replaced');
    expect(heeksServiceClass(row({ heeks_failure: 3, heeks_replaced: 3 }), D)).toBe('partial');
  });

  it('a live service is a success only when sustained with at least half its live instances successes', () => {
    const live = (o: Partial<OutcomeRow>) => row({ live_end: 4, heeks_failure: 1, last_discontinuation_month: null, ...o });
    expect(heeksServiceClass(live({ outcome: 'sustained', heeks_success: 2, heeks_partial: 2 }), D)).toBe('success');
    expect(heeksServiceClass(live({ outcome: 'sustained', heeks_success: 1, heeks_partial: 3 }), D)).toBe('partial');
    expect(heeksServiceClass(live({ outcome: 'declining', heeks_success: 4, heeks_partial: 0 }), D)).toBe('partial');
  });

  it('counts a portfolio', () => {
    const counts = heeksPortfolio([
      row({ outcome: 'sustained', live_end: 1, heeks_success: 1, heeks_failure: 0 }),
      row({}),
      row({ peak_live: 0 }),
      row({ heeks_replaced: 9 }),
    ], D);
    expect(counts).toEqual({ success: 1, partial: 1, total_failure: 1, replaced: 1 });
  });
});

describe("the Heeks cuts are the run's parameters heeks_failure_months and heeks_success_share", () => {
  const rule = (o: Partial<HeeksRule>): HeeksRule => ({ ...D, ...o });
  const ended = (months: number) => row({ first_adoption_month: 10, last_discontinuation_month: 10 + months });
  const live = (success: number, partial: number) =>
    row({ outcome: 'sustained', live_end: success + partial, heeks_success: success, heeks_partial: partial, heeks_failure: 0, last_discontinuation_month: null });

  it('default to the package values, 12 months and one half (so every shipped result is unchanged)', () => {
    expect(D).toEqual({ failureMonths: 12, successShare: 0.5 });
    expect(heeksRule({ heeks_failure_months: PARAMETER_DEFAULTS['heeks_failure_months']!, heeks_success_share: PARAMETER_DEFAULTS['heeks_success_share']! })).toEqual(D);
    expect(() => heeksRule({ heeks_failure_months: null, heeks_success_share: 0.5 })).toThrow(/must be resolved/);
  });

  it('at 24 months, a service that ran 12 to 23 months becomes a total failure; one that ran 24 stays partial', () => {
    const at24 = rule({ failureMonths: 24 });
    for (const ran of [12, 18, 23]) {
      expect(heeksServiceClass(ended(ran), D), `ran ${ran}`).toBe('partial');
      expect(heeksServiceClass(ended(ran), at24), `ran ${ran}`).toBe('total_failure');
    }
    expect(heeksServiceClass(ended(24), at24)).toBe('partial');
    const portfolio = [ended(6), ended(14), ended(30)];
    expect(heeksPortfolio(portfolio, D)).toEqual({ success: 0, partial: 2, total_failure: 1, replaced: 0 });
    expect(heeksPortfolio(portfolio, at24)).toEqual({ success: 0, partial: 1, total_failure: 2, replaced: 0 });
  });

  it('per instance, the same months cut an ended instance', () => {
    const ev = (month: number, kind: string, opd: string, cause = '') => ({ month, kind, opd, innovation: 'x', cause });
    const events = [ev(1, 'adoption', 'a'), ev(19, 'discontinuance', 'a', 'hazard')]; // 18 months
    const outcomes = [row({ heeks_failure: 1 })];
    expect(heeksInstanceCounts(outcomes, events, D)).toEqual({ success: 0, partial: 1, total_failure: 0, replaced: 0 });
    expect(heeksInstanceCounts(outcomes, events, rule({ failureMonths: 24 }))).toEqual({ success: 0, partial: 0, total_failure: 1, replaced: 0 });
  });

  it('the success share decides how many live instances must succeed, exactly at a decimal share', () => {
    // 1 of 4: a success at 0.25, not at the default half.
    expect(heeksServiceClass(live(1, 3), D)).toBe('partial');
    expect(heeksServiceClass(live(1, 3), rule({ successShare: 0.25 }))).toBe('success');
    // 2 of 4: a success at the default, not at 0.75.
    expect(heeksServiceClass(live(2, 2), D)).toBe('success');
    expect(heeksServiceClass(live(2, 2), rule({ successShare: 0.75 }))).toBe('partial');
    // 3 of 10 at 0.3 (10 * 0.3 is 3.0000000000000004 in floating point): a success.
    expect(heeksServiceClass(live(3, 7), rule({ successShare: 0.3 }))).toBe('success');
    // All successes at 1; a declining service is never a success.
    expect(heeksServiceClass(live(4, 0), rule({ successShare: 1 }))).toBe('success');
    expect(heeksServiceClass(live(3, 1), rule({ successShare: 1 }))).toBe('partial');
    expect(modelServiceClass(live(1, 3), rule({ successShare: 0.25 }))).toBe('success');
  });
});

describe("Heeks' rates for a launched portfolio", () => {
  it('lie between all total failures inside the portfolio (15 / 50 / 35) and none (15/65, 50/65, 0)', () => {
    const r = heeksLaunchedRange();
    expect(r.success[0]).toBe(0.15);
    expect(r.success[1]).toBeCloseTo(0.15 / 0.65, 12);
    expect(r.partial[0]).toBe(0.5);
    expect(r.partial[1]).toBeCloseTo(0.5 / 0.65, 12);
    expect(r.total_failure).toEqual([0, 0.35]);
  });
});

describe('the other readings beside P5b', () => {
  it('a pilot never routinized anywhere, ended after years, is a total failure in that reading only', () => {
    const pilot = row({ first_adoption_month: 10, last_discontinuation_month: 46 });
    expect(heeksServiceClass(pilot, D)).toBe('partial');
    expect(neverRoutinizedClass(pilot, false, D)).toBe('total_failure');
    expect(neverRoutinizedClass(pilot, true, D)).toBe('partial');
    // A live service is judged the same way in every reading.
    const zombie = row({ live_end: 3, outcome: 'declining', heeks_partial: 3, last_discontinuation_month: null });
    expect(neverRoutinizedClass(zombie, false, D)).toBe('partial');
  });

  it("MODEL.md's classes per service: any discontinuance other than replacement is a failure", () => {
    expect(modelServiceClass(row({ first_adoption_month: 10, last_discontinuation_month: 46 }), D)).toBe('total_failure');
    expect(modelServiceClass(row({ heeks_failure: 1, heeks_replaced: 4 }), D)).toBe('replaced');
    expect(modelServiceClass(row({ outcome: 'sustained', live_end: 2, heeks_success: 2, heeks_failure: 0 }), D)).toBe('success');
  });

  it('per instance on Heeks definitions: ended within a year total, later partial, replaced apart, live ones as classed', () => {
    const outcomes = [row({ heeks_success: 2, heeks_partial: 1, heeks_failure: 2, heeks_replaced: 1 })];
    const ev = (month: number, kind: string, opd: string, cause = '') => ({ month, kind, opd, innovation: 'x', cause });
    const events = [
      ev(1, 'adoption', 'a'),
      ev(5, 'discontinuance', 'a', 'hazard'), // 4 months: total failure
      ev(1, 'adoption', 'b'),
      ev(40, 'discontinuance', 'b', 'defunded'), // 39 months: sustainability failure
      ev(2, 'adoption', 'c'),
      ev(70, 'discontinuance', 'c', 'replacement'),
    ];
    expect(heeksInstanceCounts(outcomes, events, D)).toEqual({ success: 2, partial: 2, total_failure: 1, replaced: 1 });
  });
});
