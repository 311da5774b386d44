import { describe, expect, test } from 'vitest';
import { EXPECTED_SHARES, realizedCategory, realizedClassification, rogersSummary } from '../../src/report/rogers.js';
import { CATEGORIES, type AgentRow } from '../../src/report/rows.js';

describe('realized categories (Rogers: mean and SD of adoption times)', () => {
  // Months 1..9: mean 5, sample SD sqrt(60/8) = 2.7386.
  const c = realizedClassification([1, 2, 3, 4, 5, 6, 7, 8, 9])!;

  test('mean, SD and boundaries', () => {
    expect(c.mean).toBe(5);
    expect(c.sd).toBeCloseTo(Math.sqrt(7.5), 12);
    expect(c.boundaries.map((b) => b.month)).toEqual([5 - 2 * c.sd, 5 - c.sd, 5, 5 + c.sd].map((x) => expect.closeTo(x, 12)));
  });

  test('categories by z-score, lower bound inclusive', () => {
    expect(realizedCategory(5 - 2.1 * c.sd, c)).toBe('innovator');
    expect(realizedCategory(5 - 2 * c.sd, c)).toBe('early_adopter');
    expect(realizedCategory(5 - c.sd, c)).toBe('early_majority');
    expect(realizedCategory(5, c)).toBe('late_majority');
    expect(realizedCategory(5 + c.sd, c)).toBe('laggard');
  });

  test('no adopter, and a zero SD', () => {
    expect(realizedClassification([])).toBeNull();
    const flat = realizedClassification([4, 4, 4])!;
    expect(flat.sd).toBe(0);
    expect(realizedCategory(4, flat)).toBe('early_majority');
  });

  test("Rogers' expected shares sum to one", () => {
    expect(CATEGORIES.reduce((s, k) => s + EXPECTED_SHARES[k], 0)).toBeCloseTo(1, 3);
  });
});

test('rogersSummary: threshold shares over agents, realized shares over adopters', () => {
  const agent = (opd: string, category: AgentRow['category'], first: number | null): AgentRow => ({
    replication: 0,
    opd,
    type: 'dinas',
    theta: 0.5,
    category,
    capacity: 0.5,
    champion: false,
    first_adoption_month: first,
    realized_category: null,
  });
  const s = rogersSummary([agent('a', 'innovator', 1), agent('b', 'laggard', 10), agent('c', 'laggard', null), agent('d', 'early_majority', 5)]);
  expect(s.agents).toBe(4);
  expect(s.neverAdopted).toBe(1);
  expect(s.thresholdShares).toEqual({ innovator: 0.25, early_adopter: 0, early_majority: 0.25, late_majority: 0, laggard: 0.5 });
  expect(s.adopters.map((a) => a.opd)).toEqual(['a', 'b', 'd']);
  expect(Object.values(s.realizedShares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
});
