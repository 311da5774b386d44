/**
 * The outcome table's "main cause" column is the cause that is a
 * replication's main cause (outcomes.csv's main_cause) in the most
 * replications (OutcomeTally.mainCause). Its note said "the most frequent
 * cause of the agencies that stopped", which reads as the cause of the most
 * exits pooled over the replications: an independent recomputation found a
 * run where the two differ (Bekasi Iconic menus, 100 replications, seed 11:
 * pooled, replacement 434 exits against hazard 394; by replication, hazard
 * the main cause in 45 against replacement in 42). The note now says which.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';

describe('the outcome table says what its main cause is', () => {
  it('in English: per replication, then the most replications, not pooled exits', () => {
    expect(en.outcomesNote).toContain('main_cause in outcomes.csv');
    expect(en.outcomesNote).toContain('in the most replications');
    expect(en.outcomesNote).toContain('not the cause of the most exits pooled');
    expect(en.outcomesNote).not.toContain('the most frequent cause of the agencies that stopped');
  });
  it('in Bahasa Indonesia, the same', () => {
    expect(id.outcomesNote).toContain('main_cause dalam outcomes.csv');
    expect(id.outcomesNote).toContain('replikasi terbanyak');
    expect(id.outcomesNote).toContain('bila semua replikasi digabung');
  });
});
