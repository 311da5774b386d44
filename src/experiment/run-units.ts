/**
 * Runs design runs (units) of a sweep or sensitivity analysis on K threads,
 * this one and K - 1 worker threads (piscina), as `replicate()` does for
 * the replications of one run. A unit's result is a pure function of its
 * task, so the worker count never changes a result; results reach
 * `onResult` as they finish, in any order, and the caller stores them by
 * unit index.
 *
 * `evaluate` replaces the model by a function of the unit (a cheap stand-in
 * such as the Ishigami function), run in this thread through the same path.
 */
import { runUnit, type UnitResult, type UnitTask } from './sweep-worker.js';
import { runOnPool, workerFile } from '../engine/worker-pool.js';

export interface RunUnitsOptions {
  readonly units: readonly number[];
  readonly workers: number;
  /** The model task of a unit (ignored when `evaluate` is given). */
  readonly task: (unit: number) => UnitTask;
  /** A stand-in for the model: the outcome vector of a unit. */
  readonly evaluate?: (unit: number) => Float64Array;
  readonly onResult: (result: UnitResult) => void;
}

export async function runUnits(options: RunUnitsOptions): Promise<void> {
  const { units } = options;
  const workers = Math.max(1, Math.min(options.workers, units.length));
  if (options.evaluate !== undefined || workers <= 1) {
    let i = 0;
    for (const u of units) {
      options.onResult(options.evaluate ? { unit: u, values: options.evaluate(u) } : runUnit(options.task(u)));
      // Yield to the event loop so progress output and signals are handled.
      if (++i % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  // This thread is one of the K, as in replicate(): it runs units itself
  // while K - 1 threads start and run blocks of them.
  await runOnPool<UnitTask, UnitResult>({
    filename: workerFile(import.meta.url, 'sweep-worker.js'),
    workers,
    items: units,
    task: options.task,
    here: (unit) => runUnit(options.task(unit)),
    // A unit carries its scenario; a few per message is enough.
    batch: 4,
    onResult: options.onResult,
  });
}
