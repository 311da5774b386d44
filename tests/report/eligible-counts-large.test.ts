/**
 * `difusi report` of a city run of 1,000,000 agencies (one replication
 * recording agents) ended in an internal error (RangeError: Maximum call
 * stack size exceeded): charts.ts eligibleCounts took the first
 * replication by Math.min(...) over every agent row, a spread of a million
 * arguments. The counts are now found with a loop, the same for any size.
 */
import { expect, it } from 'vitest';
import { eligibleCounts } from '../../src/report/charts.js';

it("counts the eligible agencies of the first replication's rows among a million and more", () => {
  const rows = Array.from({ length: 1_000_002 }, (_, i) => ({ replication: i < 1_000_000 ? 2 : 1, opd: `agency-${i}`, type: i % 2 === 0 ? 'dinas' : 'badan' }));
  const innovations = [
    { id: 'all', eligible: null },
    { id: 'dinas-only', eligible: ['dinas'] },
  ];
  expect(eligibleCounts(rows as never, innovations as never, ['all', 'dinas-only'])).toEqual({ all: 2, 'dinas-only': 1 });
  // The smallest replication number is the first, wherever its rows are.
  expect(eligibleCounts(rows.slice(0, 1_000_000).concat([{ replication: 0, opd: 'x', type: 'badan' }]) as never, innovations as never, ['all'])).toEqual({ all: 1 });
});
