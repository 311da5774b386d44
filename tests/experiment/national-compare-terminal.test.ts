/**
 * `difusi national-compare`'s terminal table says in words when the change
 * acts nowhere (every difference exactly 0 in every replication), also when
 * some rows have no value: a service that no government launched in some
 * replication leaves its Heeks row empty, and that row used to hide the
 * sentence, leaving a table of 0.0000 (0.0000 to 0.0000) with the note
 * "* the interval excludes 0".
 */
import { describe, expect, it } from 'vitest';
import { formatNationalCompare } from '../../src/experiment/national-compare.js';
import { nationalCompareRow as row } from '../support/national-compare-rows.js';
const nowhere = 'every difference is exactly 0 in every replication: the change acts nowhere (common random numbers).';

describe('national-compare terminal table', () => {
  it('says that the change acts nowhere when every row with a value is exactly 0, empty rows or not', () => {
    const zero = [row('mean_sustained_share', 0, 0, 0), row('sustained_share.s', 0, 0, 0)];
    expect(formatNationalCompare(zero)).toContain(nowhere);
    const withEmpty = [...zero, row('heeks_success.s', Number.NaN, Number.NaN, Number.NaN)];
    expect(formatNationalCompare(withEmpty)).toContain(nowhere);
    expect(formatNationalCompare(withEmpty)).not.toContain('* the interval excludes 0');
  });

  it('does not say it when one row with a value differs, or when no row has a value', () => {
    const moved = [row('mean_sustained_share', 0, 0, 0), row('sustained_share.s', 0.01, -0.01, 0.03)];
    expect(formatNationalCompare(moved)).not.toContain(nowhere);
    expect(formatNationalCompare(moved)).toContain('* the interval excludes 0');
    expect(formatNationalCompare([row('heeks_success.s', Number.NaN, Number.NaN, Number.NaN)])).not.toContain(nowhere);
  });
});
