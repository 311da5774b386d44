/**
 * Worker threads for `replicate()` and `runUnits()`: the compiled worker
 * module to load, and a piscina pool that keeps a bounded window of tasks in
 * flight and hands each result on as it finishes (in any order).
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Piscina } from 'piscina';

/**
 * The compiled worker module `name` (e.g. 'worker.js') of this folder. Tests
 * run from TypeScript sources; workers need the build, so from a `.ts`
 * source this is the module under `dist/`.
 */
export function workerFile(name: string): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const root = path.resolve(path.dirname(here), '..', '..');
    return path.join(root, 'dist', 'src', 'experiment', name);
  }
  return path.join(path.dirname(here), name);
}

/**
 * Runs `task(item)` for every item on `workers` threads of the worker
 * module `filename`, passing each result to `onResult` as it finishes. A
 * window of twice the thread count in flight keeps memory flat for long runs.
 */
export async function runOnPool<T, R>(options: {
  readonly filename: string;
  readonly workers: number;
  readonly items: readonly number[];
  readonly task: (item: number) => T;
  readonly onResult: (result: R) => void;
}): Promise<void> {
  const { filename, workers, items, task, onResult } = options;
  const pool = new Piscina({ filename, minThreads: workers, maxThreads: workers });
  try {
    const window = workers * 2;
    let next = 0;
    const inFlight = new Set<Promise<void>>();
    const launch = () => {
      const item = items[next++]!;
      const p: Promise<void> = (pool.run(task(item)) as Promise<R>).then((result) => {
        inFlight.delete(p);
        onResult(result);
      });
      inFlight.add(p);
    };
    while (next < items.length || inFlight.size > 0) {
      while (next < items.length && inFlight.size < window) launch();
      await Promise.race(inFlight);
    }
  } finally {
    await pool.destroy();
  }
}
