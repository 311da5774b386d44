/**
 * Worker threads for `replicate()` and `runUnits()`: the compiled worker
 * module to load, and a piscina pool that keeps a bounded window of tasks in
 * flight and hands each result on as it finishes (in any order).
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Piscina } from 'piscina';

/**
 * The compiled worker module `name` (e.g. 'worker.js') beside the caller
 * (`callerUrl` is the caller's `import.meta.url`). Tests run from TypeScript
 * sources; workers need the build, so from a `.ts` source this is the same
 * module under `dist/`.
 */
export function workerFile(callerUrl: string, name: string): string {
  const caller = fileURLToPath(callerUrl);
  if (caller.endsWith('.ts')) {
    const srcDir = path.dirname(caller);
    const root = path.resolve(srcDir.slice(0, srcDir.lastIndexOf(`${path.sep}src`)));
    return path.join(root, 'dist', path.relative(root, srcDir), name);
  }
  return path.join(path.dirname(caller), name);
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
  /** Data every worker gets once at start-up (instead of with every task). */
  readonly workerData?: unknown;
}): Promise<void> {
  const { filename, workers, items, task, onResult } = options;
  const pool = new Piscina({ filename, minThreads: workers, maxThreads: workers, ...(options.workerData !== undefined && { workerData: options.workerData }) });
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
