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

/** A block of tasks sent to a worker as one message (see `batched`). */
export interface TaskBatch<T> {
  readonly batch: readonly T[];
}

/**
 * The worker-side half of `runOnPool`'s `batch` option: wraps a worker
 * module's task function so that it runs every task of a block, in order,
 * and returns their results as one array (one message each way per block
 * instead of per task).
 */
export function batched<T, R>(run: (task: T) => R): (task: T | TaskBatch<T>) => R | R[] {
  return (task) => (isBatch<T>(task) ? task.batch.map((t) => run(t)) : run(task));
}

function isBatch<T>(task: unknown): task is TaskBatch<T> {
  return typeof task === 'object' && task !== null && Array.isArray((task as { batch?: unknown }).batch);
}

/**
 * Runs `task(item)` for every item on `workers` threads of the worker
 * module `filename`, passing each result to `onResult` as it finishes. A
 * window of twice the thread count in flight keeps memory flat for long runs.
 *
 * With `batch` > 1, consecutive items go to a worker in blocks of up to
 * `batch` tasks (the module's task function must be wrapped in `batched`):
 * the cost of a message is paid once per block, which matters when one task
 * takes a few milliseconds. Results are still handed on one by one.
 */
export async function runOnPool<T, R>(options: {
  readonly filename: string;
  readonly workers: number;
  readonly items: readonly number[];
  readonly task: (item: number) => T;
  readonly onResult: (result: R) => void;
  /** Data every worker gets once at start-up (instead of with every task). */
  readonly workerData?: unknown;
  /** Items per message (default 1). */
  readonly batch?: number;
}): Promise<void> {
  const { filename, workers, items, task, onResult } = options;
  const batch = Math.max(1, Math.floor(options.batch ?? 1));
  const pool = new Piscina({ filename, minThreads: workers, maxThreads: workers, ...(options.workerData !== undefined && { workerData: options.workerData }) });
  try {
    const window = workers * 2;
    let next = 0;
    const inFlight = new Set<Promise<void>>();
    const launch = () => {
      if (batch === 1) {
        const item = items[next++]!;
        const p: Promise<void> = (pool.run(task(item)) as Promise<R>).then((result) => {
          inFlight.delete(p);
          onResult(result);
        });
        inFlight.add(p);
        return;
      }
      const block: T[] = [];
      while (block.length < batch && next < items.length) block.push(task(items[next++]!));
      const message: TaskBatch<T> = { batch: block };
      const p: Promise<void> = (pool.run(message) as Promise<R[]>).then((results) => {
        inFlight.delete(p);
        for (const result of results) onResult(result);
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
