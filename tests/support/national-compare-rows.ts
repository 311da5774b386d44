/** A row of national_compare.csv for tests of the terminal table: base 0.5, the variant `diff` above it. */
import type { NationalCompareRow } from '../../src/experiment/national-compare.js';

export function nationalCompareRow(outcome: string, diff: number, low: number, high: number, replications = 20): NationalCompareRow {
  return { outcome, base_mean: 0.5, variant_mean: 0.5 + diff, diff_mean: diff, diff_ci_low: low, diff_ci_high: high, level: 0.95, replications };
}
