/**
 * The in-process halves of the worker pool (src/engine/worker-pool.ts):
 * where a worker module is found (under dist/ when the caller is a
 * TypeScript source, beside it when compiled) and the worker-side `batched`
 * wrapper (a block of tasks run in order, one result per task; a single
 * task as before). No thread is started here.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { batched, workerFile } from '../../src/engine/worker-pool.js';

describe('workerFile', () => {
  const root = path.resolve('/tmp/difusi-root');
  it('maps a TypeScript source under src/ to the same module under dist/', () => {
    const caller = pathToFileURL(path.join(root, 'src', 'jobs', 'run.ts')).href;
    expect(workerFile(caller, 'worker.js')).toBe(path.join(root, 'dist', 'src', 'jobs', 'worker.js'));
    const deeper = pathToFileURL(path.join(root, 'src', 'model', 'national', 'x.ts')).href;
    expect(workerFile(deeper, 'w.js')).toBe(path.join(root, 'dist', 'src', 'model', 'national', 'w.js'));
  });

  it('takes the last src/ of the path as the source root (a checkout under another src/ folder)', () => {
    const nested = path.join('/tmp', 'src', 'checkout');
    const caller = pathToFileURL(path.join(nested, 'src', 'jobs', 'run.ts')).href;
    expect(workerFile(caller, 'worker.js')).toBe(path.join(nested, 'dist', 'src', 'jobs', 'worker.js'));
  });

  it('finds a compiled caller\'s worker beside it', () => {
    const caller = pathToFileURL(path.join(root, 'dist', 'src', 'jobs', 'run.js')).href;
    expect(workerFile(caller, 'worker.js')).toBe(path.join(root, 'dist', 'src', 'jobs', 'worker.js'));
  });
});

describe('batched', () => {
  it('runs every task of a block in order and returns one result per task; a single task gives its result', () => {
    const seen: number[] = [];
    const run = batched((t: number) => {
      seen.push(t);
      return t * 10 + 1;
    });
    expect(run({ batch: [3, 1, 2] })).toEqual([31, 11, 21]);
    expect(seen).toEqual([3, 1, 2]);
    expect(run(7)).toBe(71);
    expect(run({ batch: [] })).toEqual([]);
    expect(seen).toEqual([3, 1, 2, 7]);
  });

  it('treats only an object with a `batch` array as a block', () => {
    const echo = batched((t: unknown) => ({ got: t }));
    expect(echo({ batch: 'no' } as never)).toEqual({ got: { batch: 'no' } });
    expect(echo(null as never)).toEqual({ got: null });
    expect(echo({ other: [1] } as never)).toEqual({ got: { other: [1] } });
  });
});
