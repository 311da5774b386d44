/**
 * A comparison's relative change on a tiny base: a share going from 1 % to 6 % was printed "+500 %" in
 * report.md's comparison table and beside the forest chart's row, read as a huge effect where the
 * difference was 5 percentage points. The report now shows the difference only there, and says why in
 * a short phrase, when the base is below 5 % (a share) or 1 (a count), or the base arm's interval
 * includes 0 (format.ts relativeWithheld). compare.csv is read, never changed: the rows keep their
 * relative_change.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { compareTable, reportModel } from '../../src/report/report-model.js';
import { forestData } from '../../src/report/specs/forest.js';
import { isUnitOutcome, relativeWithheld, MIN_RELATIVE_BASE_SHARE } from '../../src/report/format.js';
import { formatCompareTable } from '../../src/experiment/compare.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import type { CompareRow, ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture } from './helpers.js';

function row(outcome: string, base: number, low: number, high: number, diff: number): CompareRow {
  return {
    outcome,
    variant: 'mandate',
    n: 50,
    base_mean: base,
    base_ci_low: low,
    base_ci_high: high,
    variant_mean: base + diff,
    variant_ci_low: base + diff - 0.01,
    variant_ci_high: base + diff + 0.01,
    diff_mean: diff,
    diff_ci_low: diff / 2,
    diff_ci_high: 1.5 * diff,
    relative_change: diff / base,
    correlation: 0.5,
    level: 0.95,
    innovation: null,
    cause: null,
  };
}

/** A share from 1 % to 6 % (its interval clear of 0: Wilson), a count of 3 whose interval includes 0, and a share of 40 % (shown as before). */
const ROWS: CompareRow[] = [row('live_share', 0.01, 0.004, 0.02, 0.05), row('discontinuations.total', 3, -1, 7, 2), row('routinized_share', 0.4, 0.35, 0.45, 0.08)];

let cmp: ResultSet;
beforeAll(async () => {
  cmp = await fixture(COMPARE_DIR);
});

describe('relative change on a tiny base', () => {
  test('the rule', () => {
    expect(relativeWithheld(ROWS[0]!, true)).toBe('small');
    expect(relativeWithheld(ROWS[1]!, false)).toBe('zero');
    expect(relativeWithheld(ROWS[2]!, true)).toBeNull();
    // A count below one per replication; a share at the threshold is shown.
    expect(relativeWithheld(row('discontinuations.hazard', 0.25, 0.1, 0.4, 1), false)).toBe('small');
    expect(relativeWithheld(row('live_share', MIN_RELATIVE_BASE_SHARE, 0.04, 0.06, 0.01), true)).toBeNull();
  });

  test("the comparison table: the difference only, and why (the row's relative_change unchanged)", () => {
    const table = compareTable(ROWS, en)!;
    const col = table.columns.indexOf(en.col.relative);
    expect(table.rows.map((r) => r[col])).toEqual(['– (base below 5 %)', '– (base interval includes 0)', '+20 %']);
    expect(table.rows.map((r) => r.join(' ')).join('\n')).not.toContain('+500');
    expect(ROWS[0]!.relative_change).toBeCloseTo(5, 12);
  });

  test('report.md in both languages', () => {
    const md = renderMarkdown(reportModel({ ...cmp, compare: ROWS }, [], 'en'));
    expect(md).toContain('– (base below 5 %)');
    expect(md).not.toContain('+500 %');
    const mdId = renderMarkdown(reportModel({ ...cmp, compare: ROWS }, [], 'id'));
    expect(mdId).toContain('– (nilai dasar di bawah 5%)');
    expect(mdId).toContain('– (interval nilai dasar memuat 0)');
    expect(mdId).not.toContain('+500%');
  });

  test('the forest chart: the difference only, and why', () => {
    const text = forestData({ rows: ROWS, t: en }).map((d) => String(d['text']));
    expect(text[0]).toMatch(/\(relative change not shown: base below 5 %\)$/);
    expect(text[1]).toMatch(/\(relative change not shown: base interval includes 0\)$/);
    expect(text[2]).toMatch(/\(\+20 %\)$/);
    expect(forestData({ rows: ROWS, t: id }).map((d) => String(d['text']))[0]).toMatch(/\(perubahan relatif tidak ditampilkan: nilai dasar di bawah 5%\)$/);
  });

  test("the explorer's rows (already in percentage points, `unit` given): the same rule on a base in percent", () => {
    const pp = ROWS.filter((r) => r.outcome.endsWith('_share')).map((r) => ({ ...r, base_mean: 100 * r.base_mean, base_ci_low: 100 * r.base_ci_low!, base_ci_high: 100 * r.base_ci_high!, diff_mean: 100 * r.diff_mean }));
    const text = forestData({ rows: pp, t: en, unit: 'percentage points', format: (x) => x.toFixed(1) }).map((d) => String(d['text']));
    expect(text[0]).toContain('relative change not shown: base below 5 %');
    expect(text[1]).toMatch(/\(\+20 %\)$/);
  });
});

/**
 * Values on [0, 1] that the reports do not print in percent (the translation index, a service's
 * cumulative share) take the share threshold, not the count's: a translation index of 0.53 is no count
 * below 1, and its relative change (+3.8 %) was withheld as "base below 1".
 */
describe('relative change of values on [0, 1] that are not printed in percent', () => {
  const UNIT_ROWS: CompareRow[] = [row('mean_translation', 0.53, 0.5, 0.56, 0.02), row('cumulative.e-office', 0.4, 0.35, 0.45, 0.04), row('mean_translation', 0.03, 0.02, 0.04, 0.02)];

  test('the rule takes them on the share scale', () => {
    for (const o of ['mean_translation', 'cumulative.e-office', 'vision', 'live_share', 'sustained.e-office']) expect(isUnitOutcome(o), o).toBe(true);
    for (const o of ['discontinuations.total', 'sustained_count', 'live.e-office']) expect(isUnitOutcome(o), o).toBe(false);
  });

  test('the comparison table shows them, and names the threshold as a value below 0.05, not 5 %', () => {
    const table = compareTable(UNIT_ROWS, en)!;
    const col = table.columns.indexOf(en.col.relative);
    expect(table.rows.map((r) => r[col])).toEqual(['+3.8 %', '+10 %', '– (base below 0.05)']);
  });

  test('the forest chart shows them', () => {
    const text = forestData({ rows: UNIT_ROWS, t: en }).map((d) => String(d['text']));
    expect(text[0]).toMatch(/\(\+3\.8 %\)$/);
    expect(text[1]).toMatch(/\(\+10 %\)$/);
    expect(text[2]).toMatch(/\(relative change not shown: base below 0\.05\)$/);
  });
});

/** The terminal table of `difusi compare` printed +500 % where the report now withholds it. */
describe("the terminal's comparison table", () => {
  const terminalRows = [...ROWS, row('mean_translation', 0.53, 0.5, 0.56, 0.02)].map((r) => ({
    ...r,
    base_ci_low: r.base_ci_low!,
    base_ci_high: r.base_ci_high!,
    variant_ci_low: r.variant_ci_low!,
    variant_ci_high: r.variant_ci_high!,
    diff_ci_low: r.diff_ci_low!,
    diff_ci_high: r.diff_ci_high!,
    relative_change: r.relative_change!,
    correlation: r.correlation!,
    level: r.level!,
    unpaired_ratio: 2,
  }));

  test('withholds it as the report does ("-"), and says so once in the legend, in both languages', () => {
    const text = formatCompareTable(terminalRows);
    const cells = (name: string) => text.split('\n').find((l) => l.startsWith(`${name} `))!;
    expect(text).not.toContain('+500%');
    expect(cells('live_share')).toMatch(/ - +0\.010 /);
    expect(cells('discontinuations.total')).toMatch(/ - +3\.000 /);
    expect(cells('routinized_share')).toContain('+20%');
    expect(cells('mean_translation')).toContain('+3.8%');
    expect(text).toContain("relative -: not shown on a base below 5% (a share; 0.05 for another value on 0 to 1), below 1 for a count, or when the base's interval includes 0 (compare.csv keeps it).");
    expect(formatCompareTable(terminalRows, new Map(), 'id')).toContain('perubahan relatif -: tidak ditampilkan bila nilai dasar di bawah 5% (proporsi; 0,05 untuk nilai lain antara 0 dan 1), di bawah 1 untuk jumlah, atau bila interval nilai dasar memuat 0 (compare.csv tetap memuatnya).');
  });

  test('no legend line when nothing is withheld', () => {
    expect(formatCompareTable(terminalRows.filter((r) => r.outcome === 'routinized_share'))).not.toContain('relative -:');
  });
});
