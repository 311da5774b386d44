/**
 * The report's Morris table shows each factor's noise floor (the summary names a factor only when its mu*
 * interval lies above it), with the table's decimals, and its note says what the floor is; a folder
 * written before the floor existed (no noise_floor) keeps the table it had.
 */
import { describe, expect, test } from 'vitest';
import { morrisTable } from '../../src/report/report-model.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import type { MorrisRow } from '../../src/store/tables.js';

const rows: MorrisRow[] = [
  { parameter: 'parameters.champion_rotation', outcome: 'live_share', mu: -0.022, mu_star: 0.022, sigma: 0.011, mu_star_conf: 0.007, noise_floor: 0.004 },
  { parameter: 'parameters.leader_shock', outcome: 'live_share', mu: -0.004, mu_star: 0.004, sigma: 0.002, mu_star_conf: 0.001, noise_floor: 0.0011 },
];

describe("the report's Morris table", () => {
  test('has a noise-floor column, last, printed with the outcome\'s decimals, and a note that says what it is', () => {
    const table = morrisTable(rows, en)!;
    expect(table.columns.at(-1)).toBe('noise floor');
    expect(table.rows.map((r) => r.at(-1))).toEqual(['0.004', '0.001']);
    expect(table.note).toContain('Noise floor: the mu* that replication noise alone gives the factor');
    expect(table.note).not.toContain('a factor whose interval reaches 0 cannot be told');
    const tid = morrisTable(rows, id)!;
    expect(tid.columns.at(-1)).toBe('batas derau');
    expect(tid.note).toContain('Batas derau: mu* yang dihasilkan derau replikasi saja');
  });

  test('an older folder without floors keeps its columns', () => {
    const old = rows.map(({ noise_floor: _floor, ...r }) => r);
    expect(morrisTable(old, en)!.columns).toEqual(['outcome', 'parameter', 'mu', 'mu*', 'mu* 95 % ±', 'sigma']);
  });
});
