/**
 * The worker-side half of runOnPool's `batch` option (src/engine/batch.ts):
 * a block `{ batch: [...] }` runs every task, in order, and answers one
 * array; anything else is one task, passed through unchanged.
 */
import { describe, expect, it } from 'vitest';
import { batched } from '../../src/engine/batch.js';

describe('batched', () => {
  it('a block runs each task in order and returns their results as one array', () => {
    const seen: number[] = [];
    const run = batched((t: number) => {
      seen.push(t);
      return t * 10;
    });
    expect(run({ batch: [3, 1, 2] })).toEqual([30, 10, 20]);
    expect(seen).toEqual([3, 1, 2]);
    expect(run({ batch: [] })).toEqual([]);
  });

  it('a single task is run once and its result returned as is', () => {
    const run = batched((t: unknown) => ({ got: t }));
    expect(run(5 as never)).toEqual({ got: 5 });
    expect(run(null as never)).toEqual({ got: null });
    expect(run('batch' as never)).toEqual({ got: 'batch' });
    // An object whose `batch` is not an array is a task, not a block.
    expect(run({ batch: 'x' } as never)).toEqual({ got: { batch: 'x' } });
    expect(run({ other: [1] } as never)).toEqual({ got: { other: [1] } });
  });
});
