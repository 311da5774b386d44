/**
 * Runs design runs (units) of a sweep or sensitivity analysis on K worker
 * threads (piscina), or in this thread when K = 1, as `replicate()` does for
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
  await runOnPool<UnitTask, UnitResult>({
    filename: workerFile(import.meta.url, 'sweep-worker.js'),
    workers,
    items: units,
    task: options.task,
    onResult: options.onResult,
  });
}
