/**
 * The comparison table's rounding: base, variant and difference are printed
 * with the same decimals (so variant − base agrees with the difference to
 * the last digit), one number of decimals per column, and an interval end
 * that is not 0 keeps its sign: one that would round to 0 gets more decimals
 * (−0.0015 at two decimals is "−0.002", never "0.00" or "−0.00").
 */
import { describe, expect, test } from 'vitest';
import { relativePercent, signedBound } from '../../src/report/format.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { forestData } from '../../src/report/specs/forest.js';
import { compareTable } from '../../src/report/report-model.js';
import { compareRow } from '../support/compare-rows.js';

const row = (outcome: string, variant: string, base: number, v: number, low: number, high: number) => compareRow(outcome, variant, base, v, low, high, { n: 40, correlation: 0.9 });

/** The review's rows (compare.csv of bekasi-perda-budget-line, -r 40). */
const ROWS = [
  row('live_share', 'perda-with-budget-line', 0.154, 0.1572, -0.0031, 0.0096),
  row('sustained.parking-meters', 'perda-with-budget-line', 0.025, 0.075, -0.0314, 0.1314),
  row('ever_adopted_share', 'mandate-without-money', 0.5459, 0.547, -0.00015, 0.0024),
  row('discontinuations.disenchantment', 'mandate-without-money', 2.825, 3, 0.01, 0.34),
  row('discontinuations.hazard', 'perda-with-budget-line', 18.98, 19.075, -0.53, 0.73),
  row('discontinuations.defunded', 'mandate-without-money', 45.4, 45.4, 0, 0),
  row('discontinuations.vendor', 'mandate-without-money', 6.2, 6.2, 0, 0),
];

const value = (s: string): number => Number(s.replace(/[ %pp*]/g, '').replace('−', '-').replace('+', ''));
const decimals = (s: string): number => (/\d\.(\d+)/.exec(s)?.[1] ?? '').length;

describe('compare table rounding', () => {
  const table = compareTable(ROWS, en)!;
  // Columns: outcome, variant, n, base, variant mean, difference, interval, ... (the variant's name and its mean share a header).
  const COLUMNS = { base: 3, variantMean: 4, difference: 5, interval: 6 } as const;

  test('printed variant − base agrees with the printed difference (one unit of the last digit)', () => {
    for (const cells of table.rows) {
      const base = cells[COLUMNS.base]!;
      const variant = cells[COLUMNS.variantMean]!;
      const diff = cells[COLUMNS.difference]!;
      const d = decimals(diff);
      expect(decimals(base), `${cells[0]}: ${base} / ${diff}`).toBe(d);
      expect(decimals(variant), `${cells[0]}: ${variant}`).toBe(d);
      expect(Math.abs(value(variant) - value(base) - value(diff))).toBeLessThanOrEqual(10 ** -d + 1e-9);
    }
    // 15.40 % → 15.72 %, +0.32 pp (was 15 % → 16 %, +0.3 pp); 2.50 % → 7.50 % (was 3 % → 8 %, beside +200 %).
    expect(table.rows[0]!.slice(3, 6)).toEqual(['15.40 %', '15.72 %', '+0.32 pp']);
    expect(table.rows[1]!.slice(3, 5)).toEqual(['2.50 %', '7.50 %']);
  });

  test('one number of decimals in each numeric column', () => {
    for (const [name, k] of Object.entries(COLUMNS)) {
      expect(new Set(table.rows.map((cells) => decimals(cells[k]!))).size, name).toBe(1);
    }
  });

  test('an interval end that rounds to 0 keeps its sign', () => {
    const interval = table.rows[2]![COLUMNS.interval]!;
    expect(interval).toMatch(/^−0\.0\d* – \+0\.24 pp$/);
    expect(signedBound(-0.04, 1)).toBe('−0.04');
    expect(signedBound(0.004, 2)).toBe('+0.004');
    expect(signedBound(-0.0015, 2)).toBe('−0.002');
    expect(signedBound(0, 1)).toBe('0.0');
    expect(signedBound(-1e-17, 1)).toBe('0.0');
    // An exact zero interval stays unsigned.
    expect(table.rows[5]![COLUMNS.interval]).toBe('0.00 – 0.00');
  });
});

describe('relative change', () => {
  // A review of the Indonesian report: "+0.11 pp *" sat beside a relative change of "0 %", read as no change.
  test('one decimal below 10 %, whole percents from 10 %, "+<0.1" or "−<0.1" (signed) when a change rounds to 0.0, and 0 only for none', () => {
    expect(relativePercent(0.2)).toBe('+0.2');
    expect(relativePercent(-0.04)).toBe('−<0.1');
    expect(relativePercent(0.01)).toBe('+<0.1');
    expect(relativePercent(6.19)).toBe('+6.2');
    expect(relativePercent(-9.94)).toBe('−9.9');
    expect(relativePercent(9.96)).toBe('+10');
    expect(relativePercent(200)).toBe('+200');
    expect(relativePercent(0)).toBe('0');
  });

  test('in the table and the forest chart, in English and Indonesian', () => {
    const RELATIVE = 7;
    // live_share +2.1 %, parking meters +200 %, ever adopted +0.2 % (was "0 %"), disenchantment +6.2 %, hazard +0.5 %, none 0 %.
    expect(compareTable(ROWS, en)!.rows.map((cells) => cells[RELATIVE])).toEqual(['+2.1 %', '+200 %', '+0.2 %', '+6.2 %', '+0.5 %', '0 %', '0 %']);
    expect(compareTable(ROWS, id)!.rows.map((cells) => cells[RELATIVE])).toEqual(['+2.1 %', '+200 %', '+0.2 %', '+6.2 %', '+0.5 %', '0 %', '0 %']);
    const forest = forestData({ rows: ROWS, t: id }).map((r) => String(r['text']));
    expect(forest.filter((x) => x.includes('(+0,2%)'))).toHaveLength(1);
    // "(0%)" only for the two outcomes that did not change at all.
    expect(forest.filter((x) => x.includes('(0%)'))).toHaveLength(2);
  });
});
