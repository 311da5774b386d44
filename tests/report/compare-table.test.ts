/**
 * The comparison table's rounding: base, variant and difference are printed
 * with the same decimals (so variant − base agrees with the difference to
 * the last digit), one number of decimals per column among the rows of one
 * unit (percentage points; counts), as many as the intervals' widths call
 * for, and an interval end that is not 0 keeps its sign: one that would
 * round to 0 gets more decimals (−0.0015 at two decimals is "−0.002", never
 * "0.00" or "−0.00"), and only that end does.
 */
import { describe, expect, test } from 'vitest';
import { relativePercent, signedBound } from '../../src/report/format.js';
import { en, type Catalog } from '../../src/report/i18n/en.js';
import { localNumber } from '../../src/report/i18n/index.js';
import { id } from '../../src/report/i18n/id.js';
import { forestData } from '../../src/report/specs/forest.js';
import { compareTable } from '../../src/report/report-model.js';
import { compareSummary } from '../../src/report/summary.js';
import { runContext } from '../../src/report/charts.js';
import type { ResultSet } from '../../src/report/rows.js';
import { compareRow } from '../support/compare-rows.js';
import { COMPARE_DIR, fixture } from './helpers.js';

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

// A borderline difference carries the summary's word after its mark ("+0.63 * (borderline)").
const value = (s: string): number => Number(s.replace(' (borderline)', '').replace(/[ %pp*]/g, '').replace('−', '-').replace('+', ''));
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
    // 15.4 % → 15.7 %, +0.3 pp (once 15 % → 16 %, +0.3 pp); 2.5 % → 7.5 % (once 3 % → 8 %, beside +200 %):
    // one decimal, as the intervals of some points wide call for (not two, which an end near 0 gave every row).
    expect(table.rows[0]!.slice(3, 6)).toEqual(['15.4 %', '15.7 %', '+0.3 pp']);
    expect(table.rows[1]!.slice(3, 5)).toEqual(['2.5 %', '7.5 %']);
  });

  test('one number of decimals in each numeric column among the rows of one unit', () => {
    for (const pp of [true, false]) {
      const rows = table.rows.filter((cells) => cells[COLUMNS.difference]!.includes('pp') === pp);
      expect(rows.length).toBeGreaterThan(1);
      for (const [name, k] of Object.entries(COLUMNS)) {
        // An interval end that would round to 0 has decimals of its own: the other end tells the column's.
        const cell = (cells: readonly string[]) => (k === COLUMNS.interval ? cells[k]!.split(' – ')[1]! : cells[k]!);
        expect(new Set(rows.map((cells) => decimals(cell(cells)))).size, `${name} (${pp ? 'pp' : 'counts'})`).toBe(1);
      }
    }
  });

  test('an interval end that rounds to 0 keeps its sign', () => {
    const interval = table.rows[2]![COLUMNS.interval]!;
    expect(interval).toMatch(/^−0\.0\d* – \+0\.2 pp$/);
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
    // live_share +2.1 %, parking meters (a base of 2.5 %: its +200 % is withheld, session 40, relative-tiny-base.test.ts),
    // ever adopted +0.2 % (was "0 %"), disenchantment +6.2 %, hazard +0.5 %, none 0 %.
    expect(compareTable(ROWS, en)!.rows.map((cells) => cells[RELATIVE])).toEqual(['+2.1 %', '– (base below 5 %)', '+0.2 %', '+6.2 %', '+0.5 %', '0 %', '0 %']);
    expect(compareTable(ROWS, id)!.rows.map((cells) => cells[RELATIVE])).toEqual(['+2.1 %', '– (nilai dasar di bawah 5 %)', '+0.2 %', '+6.2 %', '+0.5 %', '0 %', '0 %']);
    const forest = forestData({ rows: ROWS, t: id }).map((r) => String(r['text']));
    expect(forest.filter((x) => x.includes('(+0,2%)'))).toHaveLength(1);
    // "(0%)" only for the two outcomes that did not change at all.
    expect(forest.filter((x) => x.includes('(0%)'))).toHaveLength(2);
  });
});

describe("the precision of a comparison of 100 replications (the newcomer review: '+7,00 pp', '84,00%' beside '84%')", () => {
  // compare.csv of bekasi-pilot-takeover, -r 100.
  const row100 = (outcome: string, base: number, v: number, diff: number, low: number, high: number, correlation: number) =>
    ({ ...compareRow(outcome, 'takeover-rule', base, v, low, high, { n: 100, correlation, diff }), level: 0.95 });
  const ROWS100 = [
    row100('sustained.smart-health', 0.87, 0.87, 0, -0.033456478251, 0.033456478251, 1),
    row100('sustained.sorot-reporting', 0.01, 0.06, 0.05, 0.000169691275224, 0.113750411874, 0.397805427627),
    row100('sustained.parking-meters', 0.02, 0.12, 0.1, 0.0398626359413, 0.175403726001, 0.386858971649),
    row100('sustained_count', 2.15, 2.32, 0.17, 0.0605723844297, 0.27942761557, 0.745994390518),
    row100('live_share', 0.156064257028, 0.192369477912, 0.0363052208835, 0.0304571750808, 0.0421532666861, 0.814037773093),
  ];
  // As the report shows them: its numeric cells in the language's numbers (report-model.ts localTable).
  const cells = (t: Catalog) => compareTable(ROWS100, t)!.rows.map((c) => c.slice(3, 7).map((x) => localNumber(t, x)));

  test('percentage points with one decimal, counts with two, in English and Indonesian; an end near 0 keeps its own', () => {
    expect(cells(en)).toEqual([
      ['87.0 %', '87.0 %', '0.0 pp', '−3.3 – +3.3 pp'],
      // The lower end, +0.017 pp, would round to 0.0: it alone gets more decimals; its row and the others do not.
      // Borderline, as the summary says: at the level adjusted for the 5 outcomes its interval includes 0.
      ['1.0 %', '6.0 %', '+5.0 pp * (borderline)', '+0.02 – +11.4 pp'],
      ['2.0 %', '12.0 %', '+10.0 pp *', '+4.0 – +17.5 pp'],
      ['2.15', '2.32', '+0.17 *', '+0.06 – +0.28'],
      ['15.6 %', '19.2 %', '+3.6 pp *', '+3.0 – +4.2 pp'],
    ]);
    expect(cells(id)).toEqual([
      ['87,0%', '87,0%', '0,0 pp', '[−3,3; +3,3] pp'],
      ['1,0%', '6,0%', '+5,0 pp * (di ambang batas)', '[+0,02; +11,4] pp'],
      ['2,0%', '12,0%', '+10,0 pp *', '[+4,0; +17,5] pp'],
      ['2,15', '2,32', '+0,17 *', '[+0,06; +0,28]'],
      ['15,6%', '19,2%', '+3,6 pp *', '[+3,0; +4,2] pp'],
    ]);
  });

  test('the forest chart and the summary write the same numbers', async () => {
    const forest = forestData({ rows: ROWS100, t: id }).map((r) => String(r['text']));
    expect(forest[1]).toMatch(/^\+5,0 pp \[\+0,02; \+11,4\] \*/);
    expect(forest[2]).toMatch(/^\+10,0 pp \[\+4,0; \+17,5\] \*/);
    const base = await fixture(COMPARE_DIR);
    const results: ResultSet = { ...base, compare: ROWS100 };
    const summary = compareSummary(results, runContext(results, 'id')).join(' ');
    expect(summary).toContain('naik 10,0 pp (interval 95%: +4,0 pp hingga +17,5 pp');
    expect(summary).toContain('naik 3,6 pp (interval 95%: +3,0 pp hingga +4,2 pp)');
    // The amounts with one decimal; only an interval end near 0 (+0,02 pp) has two.
    expect(summary).not.toMatch(/(naik|turun) \d+,\d\d pp/);
  });
});
