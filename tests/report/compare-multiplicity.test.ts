/**
 * The comparison summary says how many outcomes each what-if was tested on
 * and that the interval level is adjusted for the what-ifs only, not for
 * the outcomes; a change whose interval would include 0 once the level is
 * also adjusted for every outcome is marked borderline. compare.csv is read,
 * never changed.
 */
import { describe, expect, test } from 'vitest';
import { runContext } from '../../src/report/charts.js';
import type { CompareRow, ResultSet } from '../../src/report/rows.js';
import { clearOverAllOutcomes, compareSummary, pairedTableOfRow } from '../../src/report/summary.js';
import { newcombePaired, pairedDifference } from '../../src/experiment/stats/index.js';
import { COMPARE_DIR, fixture } from './helpers.js';
import { id as idCatalog } from '../../src/report/i18n/id.js';

/** The review's rows: mandate-without-money's disenchantment (+0.17, 97.5 % interval +0.01 to +0.34, n 40) and perda's defunded exits (−1.05, −1.46 to −0.64). */
function row(variant: string, outcome: string, diff: number, low: number, high: number): CompareRow {
  return {
    outcome,
    variant,
    n: 40,
    base_mean: 2.825,
    base_ci_low: 2,
    base_ci_high: 3.6,
    variant_mean: 2.825 + diff,
    variant_ci_low: 2,
    variant_ci_high: 3.6,
    diff_mean: diff,
    diff_ci_low: low,
    diff_ci_high: high,
    relative_change: diff / 2.825,
    correlation: 0.99,
    level: 0.975,
  } as CompareRow;
}

function rows(): CompareRow[] {
  const out: CompareRow[] = [];
  for (const variant of ['perda-with-budget-line', 'mandate-without-money']) {
    out.push(variant === 'perda-with-budget-line' ? row(variant, 'discontinuations.defunded', -1.05, -1.46, -0.64) : row(variant, 'discontinuations.defunded', 0, 0, 0));
    out.push(variant === 'mandate-without-money' ? row(variant, 'discontinuations.disenchantment', 0.17, 0.01, 0.34) : row(variant, 'discontinuations.disenchantment', -0.1, -0.3, 0.1));
    // 17 more outcomes without effect: 19 per variant, 38 intervals.
    for (let k = 0; k < 17; k++) out.push(row(variant, `discontinuations.x${k}`, 0, -0.1, 0.1));
  }
  return out;
}

async function summary(lang: 'en' | 'id'): Promise<string[]> {
  const base = await fixture(COMPARE_DIR);
  const results: ResultSet = { ...base, compare: rows() };
  return compareSummary(results, runContext(results, lang));
}

describe('compare summary and the number of outcomes', () => {
  test('says how many outcomes each what-if was tested on and what the level is adjusted for', async () => {
    const text = (await summary('en')).join('\n');
    expect(text).toContain('Each what-if is tested on 19 outcomes (38 intervals in all). The 97.5 % level of the intervals is adjusted for the 2 what-ifs only (Bonferroni), not for the number of outcomes');
    const id = (await summary('id')).join('\n');
    expect(id).toContain('Setiap skenario pengandaian diuji pada 19 hasil (38 interval seluruhnya). Tingkat kepercayaan 97,5% pada interval hanya disesuaikan untuk 2 skenario pengandaian (Bonferroni), bukan untuk jumlah hasil');
  });

  test('a change that would not survive an adjustment for every outcome is marked borderline; a clear one is not', async () => {
    const text = await summary('en');
    const mandate = text.find((s) => s.startsWith('The what-if mandate-without-money changes'))!;
    expect(mandate).toMatch(/rises by 0\.17 \(97\.5 % interval \+0\.01 to \+0\.34\) \(borderline\)/);
    const perda = text.find((s) => s.startsWith('The what-if perda-with-budget-line changes'))!;
    expect(perda).toMatch(/falls by 1\.05 \(97\.5 % interval −1\.46 to −0\.64\)\./);
    expect(perda).not.toMatch(/borderline/);
    // In Bahasa Indonesia the mark goes inside the interval's parentheses, not in a second pair right after them.
    const mandateId = (await summary('id')).find((s) => s.startsWith('Skenario pengandaian mandate-without-money mengubah'))!;
    expect(mandateId).toMatch(/\(interval 97,5%: \+0,01 hingga \+0,34; di ambang batas\)/);
    expect(mandateId).not.toMatch(/\) \(/);
    const perdaId = (await summary('id')).find((s) => s.startsWith('Skenario pengandaian perda-with-budget-line mengubah'))!;
    expect(perdaId).not.toMatch(/ambang batas/);
    // The outcomes left to the table are named as outcomes (hasil), not "3 lainnya" of nothing in particular.
    expect(idCatalog.sumMore(3)).toBe('dan 3 hasil lainnya (lihat tabel)');
  });

  test('the adjustment over all intervals: 1 − 0.05/38 widens +0.01..+0.34 past 0, not −1.46..−0.64', () => {
    const all = rows();
    expect(clearOverAllOutcomes(all.find((r) => r.variant === 'mandate-without-money' && r.outcome === 'discontinuations.disenchantment')!, 2, 38)).toBe(false);
    expect(clearOverAllOutcomes(all.find((r) => r.variant === 'perda-with-budget-line' && r.outcome === 'discontinuations.defunded')!, 2, 38)).toBe(true);
    // Only the variants to adjust for: nothing changes.
    expect(clearOverAllOutcomes(all.find((r) => r.variant === 'mandate-without-money' && r.outcome === 'discontinuations.disenchantment')!, 2, 2)).toBe(true);
  });

  test("a share of replications (sustained.<id>) is re-checked with Newcombe's interval, the method compare.csv's interval comes from", async () => {
    // 40 pairs: the variant alone sustains the service in 16, the base alone in 3, neither in 21 (both in none).
    const counts = { both: 0, variantOnly: 16, baseOnly: 3, neither: 21 };
    const base = [...Array(16).fill(0), ...Array(3).fill(1), ...Array(21).fill(0)];
    const variant = [...Array(16).fill(1), ...Array(3).fill(0), ...Array(21).fill(0)];
    const p = pairedDifference(base, variant, 0.975);
    const written = (x: number) => Number(x.toPrecision(12));
    const interval = newcombePaired(counts, 0.975);
    const shareRow = {
      ...row('mandate-without-money', 'sustained.smart-city', p.diff_mean, written(interval.low), written(interval.high)),
      base_mean: p.base_mean,
      variant_mean: p.variant_mean,
      correlation: written(p.correlation),
    } as CompareRow;
    expect(pairedTableOfRow(shareRow)).toEqual(counts);
    // Marked at 97.5 % (+0.09 to +0.52); at 1 − 0.05/38 Newcombe's interval reaches below 0, so it is borderline,
    // though widening it as a t interval (the re-check before) would have called it clear.
    expect(interval.low).toBeGreaterThan(0);
    expect(newcombePaired(counts, 1 - 0.05 / 38).low).toBeLessThan(0);
    expect(clearOverAllOutcomes(shareRow, 2, 38)).toBe(false);
    // A compare.csv written before (the row's interval is the paired t one): re-checked as a t interval, as then.
    const older = { ...shareRow, diff_ci_low: p.diff_ci_low, diff_ci_high: p.diff_ci_high };
    const tWider = pairedDifference(base, variant, 1 - 0.05 / 38);
    expect(clearOverAllOutcomes(older, 2, 38)).toBe(tWider.diff_ci_low > 0);
    const tClear = { ...older, diff_mean: 0.5, diff_ci_low: 0.5 - (p.diff_ci_high - p.diff_ci_low) / 2, diff_ci_high: 0.5 + (p.diff_ci_high - p.diff_ci_low) / 2 };
    expect(clearOverAllOutcomes(tClear, 2, 38)).toBe(true);
    // Other outcomes have no table.
    expect(pairedTableOfRow(row('x', 'sustained_count', 0.1, 0, 0.2))).toBeNull();
  });
});
