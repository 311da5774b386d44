/**
 * Rogers' categories from realized first-adoption months (agents.csv
 * `realized_category`): mean and sample SD over the agencies that adopted,
 * bands of z = (month - mean) / sd. Expected categories were computed by hand
 * (Python statistics.mean/stdev): mean 14.4545, sd 6.5934, z from -2.19 to
 * 1.75. A mean scaled by the count (sum * n instead of sum / n, a mutant that
 * survived the sampled mutation run) puts every adopter among the innovators.
 */
import { describe, expect, it } from 'vitest';
import { realizedCategories } from '../../src/model/observation.js';

describe('realized adopter categories', () => {
  it('classify the adopters by mean and SD of their first-adoption months; non-adopters have none', () => {
    const months = [0, 7, null, 14, 15, 15, 15, 15, 16, 16, null, 20, 26];
    expect(realizedCategories(months)).toEqual([
      'innovator', // z = -2.19
      'early_adopter', // z = -1.13
      null,
      'early_majority', // z = -0.07
      'late_majority', // z = 0.08
      'late_majority',
      'late_majority',
      'late_majority',
      'late_majority', // z = 0.23
      'late_majority',
      null,
      'late_majority', // z = 0.84
      'laggard', // z = 1.75
    ]);
  });

  it('the SD is the sample SD (n - 1): a month just inside a band with it is outside with the population SD', () => {
    // months 0, 10, 19: mean 9.667, sample SD 9.504, z = -1.017, 0.035, 0.982
    // (late majority); with the population SD (n) or n + 1 the last z is
    // 1.20 or 1.39 (laggard).
    expect(realizedCategories([0, 10, 19])).toEqual(['early_adopter', 'late_majority', 'late_majority']);
  });

  it('one adopter (no spread) is in the middle category; no adopters, no categories', () => {
    expect(realizedCategories([null, 12, null])).toEqual([null, 'early_majority', null]);
    expect(realizedCategories([null, null])).toEqual([null, null]);
  });
});
