/**
 * network.ts keeps the pair codes of a network of 1025 to 46,340 agencies
 * in an open-addressing table (CodeTable). It must answer as a Set does
 * after any sequence of additions and deletions, through its growth and its
 * reuse of deleted slots: a wrong answer would add an edge twice or rewire
 * onto an existing neighbour, and change the network.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeTable } from '../../src/model/network.js';

describe('CodeTable', () => {
  it('answers as a Set after any additions and deletions', () => {
    // Ops on a pool of random 31-bit codes (consecutive small codes never collide under this hash, so they would not test the probing).
    const pool = fc.uniqueArray(fc.integer({ min: 0, max: 0x7fffffff }), { minLength: 20, maxLength: 300 });
    const ops = fc.array(fc.tuple(fc.constantFrom('add', 'add', 'delete', 'has'), fc.nat()), { minLength: 200, maxLength: 3000 });
    fc.assert(
      fc.property(pool, ops, (codes, list) => {
        const table = new CodeTable();
        const set = new Set<number>();
        for (const [kind, at] of list) {
          const code = codes[at % codes.length]!;
          if (kind === 'add') {
            table.add(code);
            set.add(code);
          } else if (kind === 'delete') {
            table.delete(code);
            set.delete(code);
          } else if (table.has(code) !== set.has(code)) return false;
        }
        return codes.every((c) => table.has(c) === set.has(c));
      }),
      { seed: 20261205, numRuns: 200 },
    );
  });

  it('stays as large as the codes it holds under churn (adds and deletes of ever new codes)', () => {
    const table = new CodeTable();
    for (let c = 0; c < 1_000_000; c++) {
      table.add(c * 2003); // codes below 2^31
      table.delete(c * 2003);
    }
    table.add(5);
    expect(table.has(5)).toBe(true);
    // Rebuilt at its size while it held nothing: the first size (64 slots), not a million.
    expect(table.capacity).toBe(64);
  });

  it('finds every code left after deleting others from the probe runs it sits in, and every code added again', () => {
    // 20,000 random 31-bit codes: at up to half load, linear probing forms runs of codes displaced from their
    // home slot, so deleting every other code leaves deleted slots in front of codes that must still be found.
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff);
    const codes = [...new Set(Array.from({ length: 20000 }, next))];
    const table = new CodeTable();
    for (const c of codes) table.add(c);
    const kept = codes.filter((_, i) => i % 2 === 1);
    const gone = codes.filter((_, i) => i % 2 === 0);
    for (const c of gone) table.delete(c);
    expect(kept.filter((c) => !table.has(c))).toEqual([]);
    expect(gone.filter((c) => table.has(c))).toEqual([]);
    // Deleted codes added again are found again, and so are the others.
    for (let r = 0; r < 3; r++) {
      for (const c of gone) table.add(c);
      expect(codes.filter((c) => !table.has(c))).toEqual([]);
      for (const c of gone) table.delete(c);
      expect(gone.filter((c) => table.has(c))).toEqual([]);
    }
  });
});
