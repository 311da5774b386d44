/** A row of national_compare.csv for tests of the terminal table: base 0.5, the variant `diff` above it. */
import type { NationalCompareRow } from '../../src/experiment/national-compare.js';

export function nationalCompareRow(outcome: string, diff: number, low: number, high: number, replications = 20): NationalCompareRow {
  return { outcome, base_mean: 0.5, variant_mean: 0.5 + diff, diff_mean: diff, diff_ci_low: low, diff_ci_high: high, level: 0.95, replications };
}

/** A row of national_compare.csv with its own base and variant means (the difference their gap), for tests of the report. */
export function nationalCompareRowOf(outcome: string, base: number, variant: number, low: number, high: number, replications = 4): NationalCompareRow {
  return { outcome, base_mean: base, variant_mean: variant, diff_mean: variant - base, diff_ci_low: low, diff_ci_high: high, level: 0.95, replications };
}
