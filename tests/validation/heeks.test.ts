import { describe, expect, it } from 'vitest';
import {
  heeksInstanceCounts,
  heeksLaunchedRange,
  heeksPortfolio,
  modelServiceClass,
  neverRoutinizedClass,
  heeksServiceClass,
  SUSTAINABILITY_MONTHS,
} from '../../src/validation/heeks.js';
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
    expect(() => heeksServiceClass(row({ last_discontinuation_month: null }))).toThrow(/no discontinuation month/);
  });

  it('a service never live is a total failure (never implemented)', () => {
    expect(heeksServiceClass(row({ outcome: 'never_adopted', peak_live: 0, heeks_failure: 0, first_adoption_month: null, last_discontinuation_month: null }))).toBe('total_failure');
  });

  it('an ended service is a total failure when abandoned within the year, a sustainability (partial) failure after', () => {
    const ended = (months: number) => row({ first_adoption_month: 10, last_discontinuation_month: 10 + months });
    expect(heeksServiceClass(ended(SUSTAINABILITY_MONTHS - 1))).toBe('total_failure');
    expect(heeksServiceClass(ended(SUSTAINABILITY_MONTHS))).toBe('partial');
    expect(heeksServiceClass(ended(36))).toBe('partial');
  });

  it('an ended service whose instances mostly migrated is replaced, not failed', () => {
    expect(heeksServiceClass(row({ heeks_failure: 2, heeks_replaced: 3 }))).toBe('replaced');
    expect(heeksServiceClass(row({ heeks_failure: 3, heeks_replaced: 3 }))).toBe('partial');
  });

  it('a live service is a success only when sustained with at least half its live instances successes', () => {
    const live = (o: Partial<OutcomeRow>) => row({ live_end: 4, heeks_failure: 1, last_discontinuation_month: null, ...o });
    expect(heeksServiceClass(live({ outcome: 'sustained', heeks_success: 2, heeks_partial: 2 }))).toBe('success');
    expect(heeksServiceClass(live({ outcome: 'sustained', heeks_success: 1, heeks_partial: 3 }))).toBe('partial');
    expect(heeksServiceClass(live({ outcome: 'declining', heeks_success: 4, heeks_partial: 0 }))).toBe('partial');
  });

  it('counts a portfolio', () => {
    const counts = heeksPortfolio([
      row({ outcome: 'sustained', live_end: 1, heeks_success: 1, heeks_failure: 0 }),
      row({}),
      row({ peak_live: 0 }),
      row({ heeks_replaced: 9 }),
    ]);
    expect(counts).toEqual({ success: 1, partial: 1, total_failure: 1, replaced: 1 });
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
    expect(heeksServiceClass(pilot)).toBe('partial');
    expect(neverRoutinizedClass(pilot, false)).toBe('total_failure');
    expect(neverRoutinizedClass(pilot, true)).toBe('partial');
    // A live service is judged the same way in every reading.
    const zombie = row({ live_end: 3, outcome: 'declining', heeks_partial: 3, last_discontinuation_month: null });
    expect(neverRoutinizedClass(zombie, false)).toBe('partial');
  });

  it("MODEL.md's classes per service: any discontinuance other than replacement is a failure", () => {
    expect(modelServiceClass(row({ first_adoption_month: 10, last_discontinuation_month: 46 }))).toBe('total_failure');
    expect(modelServiceClass(row({ heeks_failure: 1, heeks_replaced: 4 }))).toBe('replaced');
    expect(modelServiceClass(row({ outcome: 'sustained', live_end: 2, heeks_success: 2, heeks_failure: 0 }))).toBe('success');
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
    expect(heeksInstanceCounts(outcomes, events)).toEqual({ success: 2, partial: 2, total_failure: 1, replaced: 1 });
  });
});
