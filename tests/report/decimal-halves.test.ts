/**
 * Printed numbers round the value's decimal form half away from zero
 * (messages/decimal.ts; docs/OUTPUTS.md "How numbers are rounded"), not the
 * binary value as toFixed does: a mean over 200 replications is often an
 * exact decimal half (49.755 = sum/200), and toFixed printed 49.755 as 49.76
 * but 50.385 as 50.38, so compare's base, variant and difference did not add
 * up (bekasi-early-integration's exits rows, found by a numbers audit). One
 * function does it for the report's tables and sentences, the chart labels
 * and the terminal's tables, in English and in Indonesian.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { shifted, toDecimal } from '../../src/messages/decimal.js';
import { formatCompareTable, type ComparisonRow } from '../../src/experiment/compare.js';
import { num, percent, plain, signed } from '../../src/report/format.js';
import { compareTable } from '../../src/report/report-model.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { localNumber } from '../../src/report/i18n/index.js';
import { compareRow } from '../support/compare-rows.js';
import { ROOT } from '../support/cli.js';

/** bekasi-early-integration's compare.csv (-r 200): outcome, base, variant, difference and its interval. */
const EXITS: readonly [string, number, number, number, number, number][] = [
  ['discontinuations.defunded', 49.755, 50.385, 0.63, 0.174386654257, 1.08561334574],
  ['discontinuations.leadership', 1.47, 1.845, 0.375, 0.240601352685, 0.509398647315],
  ['discontinuations.replacement', 18.775, 16.925, -1.85, -2.55696815013, -1.14303184987],
  ['discontinuations.total', 95.065, 91.82, -3.245, -4.00508044625, -2.48491955375],
];

describe('toDecimal: half away from zero on the decimal form', () => {
  test('the audit\'s halves', () => {
    expect(toDecimal(49.755, 2)).toBe('49.76');
    expect(toDecimal(50.385, 2)).toBe('50.39'); // toFixed: 50.38
    expect(toDecimal(1.845, 2)).toBe('1.85'); // toFixed: 1.84
    expect(toDecimal(18.775, 2)).toBe('18.78'); // toFixed: 18.77
    expect(toDecimal(95.065, 2)).toBe('95.07'); // toFixed: 95.06
    expect(toDecimal(-3.245, 2)).toBe('-3.25');
    expect(toDecimal(-1.845, 2)).toBe('-1.85');
    expect(toDecimal(2.5, 0)).toBe('3');
    expect(toDecimal(-2.5, 0)).toBe('-3');
  });

  test('the residue of a sum is the half it stands for (15 significant digits)', () => {
    expect(toDecimal(95.06499999999998, 2)).toBe('95.07');
    expect(toDecimal(0.1 + 0.2, 20)).toBe('0.30000000000000000000');
  });

  test('otherwise as toFixed: carries, padding, small and negative values', () => {
    for (const [x, d] of [[0.99999, 2], [9.9951, 2], [123, 2], [0, 3], [-0, 2], [-0.001, 2], [1e-7, 2], [1234.5678, 0], [0.0005, 3], [-7.25, 1]] as const) {
      expect(toDecimal(x, d), `${x} ${d}`).toBe(x.toFixed(d));
    }
    expect(toDecimal(9.995, 2)).toBe('10.00');
    expect(toDecimal(99.95, 1)).toBe('100.0');
    expect(toDecimal(-0.001, 2)).toBe('-0.00');
    expect(toDecimal(-0, 2)).toBe('0.00');
    expect(toDecimal(1.5e-7, 7)).toBe('0.0000002');
  });

  test('shifted moves the point in the text: a share as percent', () => {
    expect(shifted(0.12345, 2, 2)).toBe('12.35'); // 100 * 0.12345 = 12.344999999999999
    expect(shifted(0.145, 2, 0)).toBe('15');
    expect(percent(0.145)).toBe('15 %');
  });

  test('the report\'s helpers take it', () => {
    expect(plain(50.385, 2)).toBe('50.39');
    expect(signed(1.845, 2)).toBe('+1.85');
    expect(num(95.065, 1)).toBe('95.07');
  });
});

describe('compare: base, variant and difference add up as printed', () => {
  const terminalRows = EXITS.map(([outcome, base, variant, diff, low, high]) => ({
    outcome,
    variant: 'integrated-at-launch',
    n: 200,
    base_mean: base,
    variant_mean: variant,
    base_ci_low: base,
    base_ci_high: base,
    variant_ci_low: variant,
    variant_ci_high: variant,
    diff_mean: diff,
    diff_ci_low: low,
    diff_ci_high: high,
    relative_change: diff / base,
    correlation: 0.9,
    unpaired_ratio: 10,
    level: 0.95,
  })) as unknown as ComparisonRow[];

  const cells = (text: string, outcome: string) => text.split('\n').find((l) => l.startsWith(`${outcome} `))!.trim().split(/\s{2,}/);

  test('the terminal, in English and in Indonesian', () => {
    const text = formatCompareTable(terminalRows);
    const ids = formatCompareTable(terminalRows, new Map(), 'id');
    const expected: Record<string, [string, string]> = {
      'discontinuations.defunded': ['49.76', '50.39'],
      'discontinuations.leadership': ['1.470', '1.845'],
      'discontinuations.replacement': ['18.78', '16.93'],
      'discontinuations.total': ['95.07', '91.82'],
    };
    for (const [outcome, [base, variant]] of Object.entries(expected)) {
      expect(cells(text, outcome).slice(3, 5), outcome).toEqual([base, variant]);
      expect(cells(ids, outcome).slice(3, 5), outcome).toEqual([base.replace('.', ','), variant.replace('.', ',')]);
    }
    expect(cells(text, 'discontinuations.total')[1]).toMatch(/^-3\.25 /);
  });

  test('the report\'s table, in English and in Indonesian', () => {
    const rows = EXITS.map(([outcome, base, variant, diff, low, high]) => compareRow(outcome, 'integrated-at-launch', base, variant, low, high, { n: 200, correlation: 0.9, diff }));
    for (const [t, dec] of [[en, '.'], [id, ',']] as const) {
      const table = compareTable(rows, t)!;
      // The Indonesian decimal comma is put in as the report is written (i18n localNumber), as for every cell.
      const shown = table.rows.map((r) => r.slice(3, 6).map((c) => localNumber(t, c.replace(' *', ''))));
      const d = (s: string) => s.replace('.', dec);
      expect(shown).toEqual([
        [d('49.76'), d('50.39'), d('+0.63')],
        [d('1.47'), d('1.85'), d('+0.38')],
        [d('18.78'), d('16.93'), d('−1.85')],
        [d('95.07'), d('91.82'), d('−3.25')],
      ]);
    }
  });
});

describe('one rounding: no toFixed where numbers are printed for a reader', () => {
  /** Files that print numbers for a reader: the report, the terminal's tables and lines, the explorer's numbers, the patterns' texts. */
  const files = (dir: string): string[] =>
    readdirSync(join(ROOT, dir)).flatMap((f) => {
      const path = join(dir, f);
      return statSync(join(ROOT, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const printing = [...files('src/report'), ...files('src/cli'), ...files('src/validation'), 'src/jobs/patterns.ts', 'src/explorer/format.ts', 'src/experiment/compare.ts', 'src/experiment/outcome-table.ts', 'src/experiment/national-compare.ts'];
  // generate-national's file size in KiB is not a result.
  const ALLOWED = new Set(['src/cli/generate-national.ts']);

  test.each(printing.filter((f) => !ALLOWED.has(f)))('%s', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    expect(source.split('\n').filter((l) => /\.toFixed\(/.test(l) && !/^\s*(\/\/|\*)/.test(l))).toEqual([]);
  });
});
