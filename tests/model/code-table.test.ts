/**
 * network.ts keeps the pair codes of a network of more than 1024 agencies
 * in an open-addressing table (CodeTable); past 46,340 agencies the codes
 * pass 2^31. It must answer as a Set does
 * after any sequence of additions and deletions, through its growth and its
 * reuse of deleted slots: a wrong answer would add an edge twice or rewire
 * onto an existing neighbour, and change the network.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeTable } from '../../src/model/network.js';

describe('CodeTable', () => {
  it('answers as a Set after any additions and deletions', () => {
    // Ops on a pool of random 31-bit codes (consecutive small codes never collide under this hash, so they would not test the
    // probing), up to the largest a 32-bit table holds (it keeps code + 1): a network's codes stay below n^2 <= 2^31 - 1.
    const pool = fc.uniqueArray(fc.integer({ min: 0, max: 0x7ffffffe }), { minLength: 20, maxLength: 300 });
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

  it('holds codes past 2^31 and 2^32 exactly (networks of more than 46,340 agencies), apart from codes that share their low 32 bits', () => {
    const n = 100_000; // a 100,000-agency network's codes reach n^2, about 2^33
    const table = new CodeTable(64, true);
    const big = [2 ** 31, 2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 5, (n - 2) * n + (n - 1), 2 ** 53 - 1];
    for (const c of big) table.add(c);
    expect(big.filter((c) => !table.has(c))).toEqual([]);
    // A code and the one 2^32 above it share their low half: each is told apart from the other.
    expect(table.has(5)).toBe(false);
    expect(table.has(1)).toBe(false);
    table.delete(2 ** 32 + 5);
    expect(table.has(2 ** 32 + 5)).toBe(false);
    expect(table.has(2 ** 32)).toBe(true);
    // Through growth: 5,000 wide codes (64 slots at first).
    const wide = Array.from({ length: 5000 }, (_, i) => (i * 7919 + 3) * n + 17 + i);
    for (const c of wide) table.add(c);
    expect(wide.filter((c) => !table.has(c))).toEqual([]);
    expect(wide.map((c) => c - 1).filter((c) => table.has(c))).toEqual([]);
  });

  it('starts at the capacity asked, rounded up to a power of two from 64 to 2^24, and answers as at the default', () => {
    expect(new CodeTable().capacity).toBe(64);
    expect(new CodeTable(10).capacity).toBe(64);
    expect(new CodeTable(1000).capacity).toBe(1024);
    expect(new CodeTable(1024).capacity).toBe(1024);
    expect(new CodeTable(1e9).capacity).toBe(1 << 24);
    const table = new CodeTable(1_100_000, true); // as a 100,000-agency small world's of degree 10 (2 x 550,000 expected pairs)
    expect(table.capacity).toBe(1 << 21);
    const codes = Array.from({ length: 3000 }, (_, i) => i * 100_003 * 7 + 1);
    for (const c of codes) table.add(c);
    for (const c of codes.filter((_, i) => i % 3 === 0)) table.delete(c);
    expect(codes.filter((c, i) => table.has(c) !== (i % 3 !== 0))).toEqual([]);
    expect(table.capacity).toBe(1 << 21); // no growth below a quarter's load
  });
});
