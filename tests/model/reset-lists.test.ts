/**
 * A world reused for a new replication (init.ts initWorld) resets its active
 * lists to what a new world gets: every array zeroed, counts 0, flags
 * false. Checked field by field against newActiveLists() after the lists
 * were dirtied, so a reset that misses a field (or a field with no zero)
 * fails here, not as a changed result much later.
 */
import { describe, expect, it } from 'vitest';
import { newActiveLists, resetActiveLists } from '../../src/model/active.js';

describe('resetActiveLists', () => {
  it('gives the lists a new world gets, whatever they held', () => {
    const n = 7;
    const k = 3;
    const lists = newActiveLists(n, k);
    const fields = lists as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      if (ArrayBuffer.isView(value)) (value as Uint8Array).fill(5);
      else if (typeof value === 'number') fields[key] = 9;
      else if (typeof value === 'boolean') fields[key] = true;
    }
    expect(resetActiveLists(lists)).toEqual(newActiveLists(n, k));
    // The same arrays, refilled (a reused world allocates nothing).
    expect(resetActiveLists(lists).live).toBe(lists.live);
  });

  it('refuses a field it cannot zero', () => {
    const lists = newActiveLists(2, 2) as unknown as Record<string, unknown>;
    lists['extra'] = { a: 1 };
    expect(() => resetActiveLists(lists as never)).toThrow(/extra/);
  });
});
