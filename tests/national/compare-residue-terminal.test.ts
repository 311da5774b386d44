/**
 * national-compare's terminal reads a difference that is floating-point
 * residue (a group's mean summed from other values to the same total:
 * 3.7e-17 where every replication's true difference is 0) as the exact 0 it
 * stands for, as the report does (src/experiment/stats/residue.ts): a change
 * that acts nowhere is said to act nowhere, and a residue interval is not
 * marked as excluding 0.
 */
import { describe, expect, it } from 'vitest';
import { formatNationalCompare } from '../../src/experiment/national-compare.js';
import { nationalCompareRow } from '../support/national-compare-rows.js';

const row = (outcome: string, diff: number, low: number, high: number) => nationalCompareRow(outcome, diff, low, high, 3);

describe('national-compare terminal: residue is 0', () => {
  it('a change that acts nowhere but for residue is said to act nowhere', () => {
    const rows = [row('mean_sustained_share', 0, 0, 0), row('mean_sustained_share.province:prov-maluku', 3.7e-17, -1.22e-16, 1.96e-16), row('sustained_share.s', 0, 0, 0)];
    expect(formatNationalCompare(rows)).toContain('the change acts nowhere');
    // Printed as the 0 it is (not "+0.0000 (-0.0000 to +0.0000)"), and not sorted ahead of the exact zeros.
    const lines = formatNationalCompare(rows).split('\n');
    expect(lines.find((l) => l.startsWith('mean_sustained_share.province:prov-maluku'))).toMatch(/ {2}0\.0000 \( 0\.0000 to  0\.0000\) +0\.5000/);
    expect(lines.findIndex((l) => l.startsWith('mean_sustained_share '))).toBeLessThan(lines.findIndex((l) => l.startsWith('mean_sustained_share.province:prov-maluku')));
    expect(formatNationalCompare(rows, 12, 'id')).toContain('tidak berpengaruh di mana pun');
  });
  it('a residue interval the same in every replication is not marked as excluding 0; a real one is', () => {
    const text = formatNationalCompare([row('mean_sustained_share.province:prov-aceh', 1.1e-16, 1.1e-16, 1.1e-16), row('sustained_share.s', 0.1, 0.05, 0.15)]);
    const line = (name: string) => text.split('\n').find((l) => l.startsWith(name))!;
    expect(line('mean_sustained_share.province:prov-aceh')).not.toMatch(/\) \*/);
    expect(line('sustained_share.s')).toMatch(/\) \*/);
    expect(text).not.toContain('the change acts nowhere');
  });
});
