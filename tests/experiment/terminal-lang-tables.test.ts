/**
 * Under `--lang id` the terminal tables of compare, sweep, sensitivity and
 * national-compare (and compare's --precision line) are in Bahasa
 * Indonesia, in the Indonesian report's words (report/i18n/id.ts), with
 * every number's decimal comma and every interval written [bawah; atas]
 * as the Indonesian report writes them; the figures are the English
 * table's, row for row. The English tables stay as they were, byte for
 * byte (scripts parse them): the default and `'en'` give the same text,
 * pinned here line by line where the Indonesian is.
 */
import { describe, expect, it } from 'vitest';
import { formatCompareTable, type ComparisonRow } from '../../src/experiment/compare.js';
import { formatNationalCompare } from '../../src/experiment/national-compare.js';
import { nationalCompareRow } from '../support/national-compare-rows.js';
import { formatSweepTable } from '../../src/cli/sweep.js';
import { formatSensitivity, noVarianceLine, noiseFloorLine } from '../../src/cli/sensitivity.js';
import { precisionLine } from '../../src/cli/precision-options.js';
import type { DesignRows } from '../../src/store/sweep-store.js';
import type { SensitivityRow } from '../../src/experiment/design.js';
import { id } from '../../src/report/i18n/id.js';

/** Every number of a text, in order; `comma`: decimal commas read as points. */
const numbers = (text: string, comma: boolean): number[] => (text.match(comma ? /[+-]?\d+(?:,\d+)?/g : /[+-]?\d+(?:\.\d+)?/g) ?? []).map((x) => Number(comma ? x.replace(',', '.') : x));
/** The lines of a text that hold a table row of `names` (they start with one of them). */
const rowsOf = (text: string, names: readonly string[]) => text.split('\n').filter((l) => names.some((n) => l.startsWith(`${n} `)));
/** A table's header cells (columns are two or more spaces apart). */
const cells = (line: string) => line.trim().split(/\s{2,}/);

const compareRow = (outcome: string, variant: string, over: Partial<ComparisonRow> = {}): ComparisonRow => ({
  outcome,
  variant,
  n: 30,
  base_mean: 0.143,
  base_ci_low: 0.1,
  base_ci_high: 0.19,
  variant_mean: 0.308,
  variant_ci_low: 0.25,
  variant_ci_high: 0.37,
  diff_mean: 0.166,
  diff_ci_low: 0.123,
  diff_ci_high: 0.209,
  relative_change: 1.16,
  correlation: 0.88,
  level: 0.95,
  unpaired_ratio: 5.6,
  ...over,
});

describe('compare: the terminal table under --lang id', () => {
  const rows = [
    compareRow('live_share', 'no-pilot-end'),
    compareRow('discontinuations.total', 'no-pilot-end', { base_mean: 13.9, variant_mean: 8.9, diff_mean: -5, diff_ci_low: -6.32, diff_ci_high: -3.68, relative_change: -0.36, correlation: 0.63, unpaired_ratio: 2.7 }),
    compareRow('sustained.e-office', 'no-pilot-end', { base_mean: 0.633, variant_mean: 0.633, diff_mean: 0, diff_ci_low: -0.085, diff_ci_high: 0.085, relative_change: 0, correlation: 1, unpaired_ratio: Number.POSITIVE_INFINITY }),
  ];
  const notes = new Map([['no-pilot-end', 'the pilot never ends']]);
  const names = rows.map((r) => r.outcome);

  it('English as before (the default and --lang en alike); Indonesian: the report\'s words, decimal commas, intervals [bawah; atas], the English figures', () => {
    const en = formatCompareTable(rows, notes);
    expect(formatCompareTable(rows, notes, 'en')).toBe(en);
    const enLines = en.split('\n');
    expect(enLines[0]).toBe('no-pilot-end vs base (30 paired replications): the pilot never ends');
    expect(cells(enLines[1]!)).toEqual(['outcome', 'difference (95% CI)', 'relative', 'base', 'variant', 'r', 'CRN gain']);
    expect(rowsOf(en, names)[0]).toMatch(/^live_share\s+\+0\.166 \(\+0\.123 to \+0\.209\) \*\s+\+116%\s+0\.143\s+0\.308\s+0\.88\s+5\.6x$/);
    expect(rowsOf(en, names)[2]).toMatch(/ exact$/);
    expect(en).toContain('\n* the interval excludes 0.  r: correlation of the paired replications (common random numbers).\n');

    const text = formatCompareTable(rows, notes, 'id');
    const lines = text.split('\n');
    expect(lines[0]).toBe('no-pilot-end dibandingkan dengan skenario dasar (30 replikasi berpasangan): the pilot never ends');
    expect(cells(lines[1]!)).toEqual(['hasil', 'selisih (IK 95%)', 'perubahan relatif', 'dasar', 'pengandaian', 'r', 'penghematan CRN']);
    const [live, exits, same] = rowsOf(text, names);
    expect(live).toMatch(/^live_share\s+\+0,166 \[\+0,123; \+0,209\] \*\s+\+116%\s+0,143\s+0,308\s+0,88\s+5,6x$/);
    expect(exits).toContain('-5,00 [-6,32; -3,68] *');
    expect(same).toMatch(/ 0,000 \[-0,085; \+0,085\]\s+0%.* persis$/);
    // Row for row the English figures.
    expect(rowsOf(text, names).map((l) => numbers(l.slice(l.indexOf(' ')), true))).toEqual(rowsOf(en, names).map((l) => numbers(l.slice(l.indexOf(' ')), false)));
    // The legend in the report's words: no English sentence left, the interval form said.
    const legend = text.slice(text.indexOf('\n\n') + 2);
    expect(legend.startsWith('* interval tidak memuat 0.  IK: interval kepercayaan, ditulis [bawah; atas] seperti dalam laporan.\n')).toBe(true);
    expect(legend).toContain('bilangan acak bersama');
    expect(legend).not.toMatch(/\b(the|of|and|interval excludes)\b/);
    // As in English, no legend line starts with an outcome's name (it would read as a row).
    expect(legend.split('\n').filter((l) => /^(sustained|live|routinized|cumulative)\./.test(l))).toEqual([]);
  });

  it('Indonesian: the Bonferroni line and the n < 2 cell', () => {
    const three = ['a', 'b', 'c'].map((v) => compareRow('live_share', v, { level: 1 - 0.05 / 3 }));
    expect(formatCompareTable(three)).toContain('\n98.3% CI: Bonferroni-adjusted for 3 variants, so the 3 intervals of an outcome hold together at 95%.');
    const text = formatCompareTable(three, new Map(), 'id');
    expect(cells(text.split('\n')[1]!)[1]).toBe('selisih (IK 98,3%)');
    expect(text.endsWith('\nIK 98,3%: disesuaikan Bonferroni untuk 3 skenario pengandaian, sehingga 3 interval satu hasil bersama-sama berlaku pada 95%.')).toBe(true);
    const single = formatCompareTable([compareRow('live_share', 'v', { n: 1, diff_ci_low: Number.NaN, diff_ci_high: Number.NaN })], new Map(), 'id');
    expect(single).toContain('+0,166 (tanpa interval bila n < 2)');
  });

  it('a variant named dasar (only base is reserved) is quoted in its Indonesian block line, so it never reads as the base', () => {
    const text = formatCompareTable([compareRow('live_share', 'dasar')], new Map(), 'id');
    expect(text.split('\n')[0]).toMatch(/^"dasar" dibandingkan dengan skenario dasar \(/);
    // English, and any other name, as before.
    expect(formatCompareTable([compareRow('live_share', 'dasar')]).split('\n')[0]).toMatch(/^dasar vs base \(/);
    expect(formatCompareTable([compareRow('live_share', 'v')], new Map(), 'id').split('\n')[0]).toMatch(/^v dibandingkan dengan skenario dasar \(/);
  });
});

describe("compare's --precision line under --lang id", () => {
  const reached = { target: 0.05, outcome: 'live_share', replications: 1250, achieved: 0.04123, reached: true };
  const missed = { ...reached, reached: false, achieved: 0.0612, replications: 10000 };
  const zero = { ...missed, achieved: Number.POSITIVE_INFINITY };

  it('English as before; Indonesian as the report words the same rule (precisionFact)', () => {
    expect(precisionLine(reached, true)).toBe('precision: 1250 replications brought the relative 95% CI half-width of live_share to 0.0412 (target 0.05)');
    expect(precisionLine(reached, true, 'en')).toBe(precisionLine(reached, true));
    expect(precisionLine(missed, true)).toBe('precision: target 0.05 for live_share NOT reached after 10000 replications (the maximum); achieved 0.0612');
    // The report's sentence (precisionFact), its count with grouped thousands as run's terminal header writes counts.
    expect(precisionLine(reached, true, 'id')).toBe(`presisi: ${id.precisionFact('0,05', 'live_share', 1250, '0,0412', true).replace('1250', '1.250')}`);
    expect(precisionLine(reached, true, 'id')).toBe(
      'presisi: target 0,05 untuk live_share tercapai setelah 1.250 replikasi (nilai yang dicapai 0,0412: setengah lebar interval 95% dibagi rata-ratanya)',
    );
    expect(precisionLine(missed, true, 'id')).toBe(`presisi: ${id.precisionFact('0,05', 'live_share', 10000, '0,0612', false).replace('10000', '10.000')}`);
    expect(precisionLine(zero, true, 'id')).toMatch(/^presisi: target 0,05 untuk live_share TIDAK tercapai: berhenti pada batas maksimum, 10\.000 replikasi: rata-ratanya 0 pada salah satu skenario, sehingga .* tidak terdefinisi/);
  });
});

describe('sweep: the terminal table under --lang id', () => {
  const rows: DesignRows = {
    factors: ['parameters.takeover_vendor'],
    outcomes: ['live_share', 'discontinuations.total'],
    points: [
      { point: 0, replication: -1, n: 4, values: { 'parameters.takeover_vendor': 0.5, live_share_mean: 0.175, live_share_ci_low: -0.02, live_share_ci_high: 0.37, 'discontinuations.total_mean': 14.25, 'discontinuations.total_ci_low': 10.72, 'discontinuations.total_ci_high': 17.78 } },
      { point: 1, replication: -1, n: 4, values: { 'parameters.takeover_vendor': 1, live_share_mean: 0.237, live_share_ci_low: 0.1, live_share_ci_high: 0.533, 'discontinuations.total_mean': 11.5, 'discontinuations.total_ci_low': 8.453, 'discontinuations.total_ci_high': 14.55 } },
    ],
    sensitivity: [],
  };

  it('English as before; Indonesian: titik, IK 95%, decimal commas, [bawah; atas], and the notes in Indonesian', () => {
    const en = formatSweepTable(rows, '/r/sweep_summary.csv', 1);
    expect(formatSweepTable(rows, '/r/sweep_summary.csv', 1, 'en')).toBe(en);
    expect(en.split('\n')).toEqual([
      'point  takeover_vendor  n  live_share (95% CI)  discontinuations.total (95% CI)',
      '-----  ---------------  -  -------------------  -------------------------------',
      '    0              0.5  4    0.175 (0 to 0.37)           14.25 (10.72 to 17.78)',
      '(first 1 of 2 points; all in /r/sweep_summary.csv)',
      '(intervals of shares shown clipped to [0, 1]; sweep_summary.csv holds them as computed)',
    ]);
    expect(formatSweepTable(rows, '/r/sweep_summary.csv', 1, 'id').split('\n')).toEqual([
      'titik  takeover_vendor  n  live_share (IK 95%)  discontinuations.total (IK 95%)',
      '-----  ---------------  -  -------------------  -------------------------------',
      '    0              0,5  4      0,175 [0; 0,37]             14,25 [10,72; 17,78]',
      '(hanya 1 titik pertama dari 2 yang ditampilkan; semuanya ada di /r/sweep_summary.csv)',
      '(interval proporsi ditampilkan dipotong ke [0; 1]; sweep_summary.csv menyimpannya sebagaimana dihitung)',
    ]);
  });
});

describe('sensitivity: the terminal tables under --lang id', () => {
  const nan = Number.NaN;
  const base = { mu: nan, mu_star: nan, sigma: nan, mu_star_conf: nan, S1: nan, S1_low: nan, S1_high: nan, ST: nan, ST_low: nan, ST_high: nan };
  const morris: SensitivityRow[] = [
    { ...base, method: 'morris', parameter: 'parameters.takeover_vendor', outcome: 'live_share', mu: 0.094, mu_star: 0.094, sigma: 0.108, mu_star_conf: 0.109, noise_floor: 0.0001 },
    { ...base, method: 'morris', parameter: 'parameters.pilot_discontinue', outcome: 'live_share', mu: -0.019, mu_star: 0.019, sigma: 0.037, mu_star_conf: 0.034, noise_floor: 0.015 },
  ];
  const sobol: SensitivityRow[] = [
    { ...base, method: 'sobol', parameter: 'parameters.takeover_vendor', outcome: 'live_share', S1: 0.617, S1_low: 0.082, S1_high: 1.265, ST: 1.551, ST_low: 0.814, ST_high: 2.358, noise_floor: 0.523 },
    { ...base, method: 'sobol', parameter: 'parameters.pilot_discontinue', outcome: 'live_share', S1: -0.04, S1_low: -0.215, S1_high: 0.115, ST: 0.126, ST_low: 0.035, ST_high: 0.251, noise_floor: 0.523 },
    { ...base, method: 'sobol', parameter: 'parameters.a', outcome: 'y', noise_floor: nan },
  ];

  it('English as before; Indonesian Morris: batas derau, IK 95%, decimal commas, the English figures', () => {
    expect(formatSensitivity(morris, 'en')).toBe(formatSensitivity(morris));
    expect(formatSensitivity(sobol, 'en')).toBe(formatSensitivity(sobol));
    const em = formatSensitivity(morris).split('\n');
    expect(em[1]).toMatch(/^floor: the mu\* that replication noise alone gives/);
    expect(cells(em[2]!)).toEqual(['parameter', 'mu* (95% CI ±)', 'mu', 'sigma', 'floor']);
    expect(em[4]).toMatch(/^parameters\.takeover_vendor\s+0\.094 ± 0\.109\s+0\.094\s+0\.108\s+0\.000$/);
    const s = formatSensitivity(sobol);
    expect(cells(s.split('\n')[2]!)).toEqual(['parameter', 'S1 (95% CI*)', 'ST (95% CI*)']);
    expect(s).toMatch(/\nparameters\.pilot_discontinue\s+-0\.040 \(-0\.215 to 0\.115\)\s+0\.126 \(0\.035 to 0\.251\)\n/);
    expect(s).toContain(`\n\ny\n${noVarianceLine('y')}\n\n* Bootstrap percentile intervals:`);

    const m = formatSensitivity(morris, 'id').split('\n');
    expect(m[0]).toBe('live_share');
    expect(m[1]).toMatch(/^batas derau: mu\* yang dihasilkan derau replikasi saja untuk faktor itu, diukur pada langkahnya sendiri; /);
    expect(cells(m[2]!)).toEqual(['parameter', 'mu* (IK 95% ±)', 'mu', 'sigma', 'batas derau']);
    expect(m[4]).toMatch(/^parameters\.takeover_vendor\s+0,094 ± 0,109\s+0,094\s+0,108\s+0,000$/);
    const en = formatSensitivity(morris).split('\n');
    expect(m.slice(4).map((l) => numbers(l, true))).toEqual(en.slice(4).map((l) => numbers(l, false)));
  });

  it('Indonesian Sobol\': the noise floor line, [bawah; atas], "tak terdefinisi" and no-variance lines, the interval note', () => {
    const text = formatSensitivity(sobol, 'id');
    expect(text.startsWith(`live_share\n${noiseFloorLine(0.523, 'id')}\n`)).toBe(true);
    expect(noiseFloorLine(0.523, 'id')).toMatch(/^batas derau 0,523: proporsi variasi yang berasal dari derau replikasi; /);
    expect(cells(text.split('\n')[2]!)).toEqual(['parameter', 'S1 (IK 95%*)', 'ST (IK 95%*)']);
    expect(text).toMatch(/\nparameters\.takeover_vendor\s+0,617 \[0,082; 1,265\]\s+1,551 \[0,814; 2,358\]\n/);
    expect(text).toMatch(/\nparameters\.pilot_discontinue\s+-0,040 \[-0,215; 0,115\]\s+0,126 \[0,035; 0,251\]\n/);
    expect(text).toContain(`\n\ny\n${noVarianceLine('y', 'id')}\n\n* Interval persentil bootstrap, ditulis [bawah; atas] seperti dalam laporan: `);
    expect(noVarianceLine('y', 'id')).toMatch(/^tanpa variasi: y bernilai sama di setiap titik desain, sehingga indeks Sobol-nya tidak terdefinisi/);
    // An index with no value: the report's word for it.
    const undefinedIndex = formatSensitivity([{ ...sobol[0]!, ST: nan, ST_low: nan, ST_high: nan }], 'id');
    expect(undefinedIndex).toMatch(/\[0,082; 1,265\]\s+tak terdefinisi\n/);
  });
});

describe('national-compare: the terminal table under --lang id', () => {
  const row = nationalCompareRow;
  const rows = [row('mean_sustained_share', 0.0139, -0.0231, 0.0509), row('launched_share.e-office', -0.4167, -0.7752, -0.0581), row('heeks_success.s', Number.NaN, Number.NaN, Number.NaN)];
  const names = rows.map((r) => r.outcome);

  it("English as before; Indonesian: the report's words, decimal commas, [bawah; atas], the English figures and order", () => {
    const en = formatNationalCompare(rows);
    expect(formatNationalCompare(rows, 12, 'en')).toBe(en);
    const lines = en.split('\n');
    expect(lines[0]).toBe('the 3 largest of 3 differences (variant - base, 20 paired replications; all in national_compare.csv):');
    expect(cells(lines[1]!)).toEqual(['outcome', 'difference (95% CI)', 'base', 'variant']);
    expect(rowsOf(en, names)[0]).toMatch(/^launched_share\.e-office\s+-0\.4167 \(-0\.7752 to -0\.0581\) \*\s+0\.5000\s+0\.0833$/);
    expect(lines.at(-1)).toBe('* the interval excludes 0. Shares are of governments (or of launched services for heeks_*); 0.01 = 1 percentage point.');

    const text = formatNationalCompare(rows, 12, 'id');
    const idLines = text.split('\n');
    expect(idLines[0]).toBe('3 selisih terbesar dari 3 (pengandaian - dasar, 20 replikasi berpasangan; semuanya ada di national_compare.csv):');
    expect(cells(idLines[1]!)).toEqual(['hasil', 'selisih (IK 95%)', 'dasar', 'pengandaian']);
    expect(rowsOf(text, names)[0]).toMatch(/^launched_share\.e-office\s+-0,4167 \[-0,7752; -0,0581\] \*\s+0,5000\s+0,0833$/);
    expect(rowsOf(text, names)[2]).toMatch(/^heeks_success\.s\s+\(tanpa nilai: /);
    expect(rowsOf(text, names).map((l) => l.split(' ')[0])).toEqual(rowsOf(en, names).map((l) => l.split(' ')[0]));
    expect(rowsOf(text, names).map((l) => numbers(l.slice(l.indexOf(' ')), true))).toEqual(rowsOf(en, names).map((l) => numbers(l.slice(l.indexOf(' ')), false)));
    expect(idLines.at(-1)).toMatch(/^\* interval tidak memuat 0\. IK: interval kepercayaan, ditulis \[bawah; atas\] seperti dalam laporan\. Proporsi dihitung dari pemerintah daerah .*; 0,01 = 1 poin persentase\.$/);
  });

  it('Indonesian: the lines for no effect anywhere and for one replication', () => {
    expect(formatNationalCompare([row('a', 0, 0, 0)], 12, 'id').split('\n').at(-1)).toBe(
      'setiap selisih tepat 0 di setiap replikasi: perubahan itu tidak berpengaruh di mana pun (bilangan acak bersama).',
    );
    const one = formatNationalCompare([row('a', 0.1, Number.NaN, Number.NaN, 1)], 12, 'id');
    expect(one).toContain('+0,1000 (tanpa interval bila n < 2)');
    expect(one.split('\n').at(-1)).toBe('satu replikasi: tanpa interval (dibutuhkan sedikitnya 2 replikasi berpasangan; berikan -r 2 atau lebih).');
  });
});
