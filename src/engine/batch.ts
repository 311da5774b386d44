/**
 * Blocks of tasks, one message each way per block (engine/worker-pool.ts
 * `runOnPool`'s `batch` option). Its own module so that a worker thread
 * imports it without loading piscina's pool.
 */

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

let shared: { readonly data: unknown } | undefined;

/**
 * The data a run hands every thread once (`runOnPool`'s `workerData`), as
 * engine/thread.ts received it with the task module. (A piscina pool's
 * threads, national runs, read piscina's `workerData` instead.)
 */
export function threadData<T>(): T {
  if (shared === undefined) throw new Error('threadData: this thread was not started by engine/thread.js');
  return shared.data as T;
}

/** Set by engine/thread.ts before it loads the task module. */
export function setThreadData(data: unknown): void {
  shared = { data };
}
