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
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Piscina } from 'piscina';
import { runUnit, type UnitResult, type UnitTask } from './sweep-worker.js';

export interface RunUnitsOptions {
  readonly units: readonly number[];
  readonly workers: number;
  /** The model task of a unit (ignored when `evaluate` is given). */
  readonly task: (unit: number) => UnitTask;
  /** A stand-in for the model: the outcome vector of a unit. */
  readonly evaluate?: (unit: number) => Float64Array;
  readonly onResult: (result: UnitResult) => void;
}

/** The compiled worker module (tests run from TypeScript sources; workers need the build). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const root = path.resolve(path.dirname(here), '..', '..');
    return path.join(root, 'dist', 'src', 'experiment', 'sweep-worker.js');
  }
  return path.join(path.dirname(here), 'sweep-worker.js');
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
  const pool = new Piscina({ filename: workerFile(), minThreads: workers, maxThreads: workers });
  try {
    // A bounded window of tasks in flight keeps memory flat for long sweeps.
    const window = workers * 2;
    let next = 0;
    const inFlight = new Set<Promise<void>>();
    const launch = () => {
      const u = units[next++]!;
      const p: Promise<void> = (pool.run(options.task(u)) as Promise<UnitResult>).then((result) => {
        inFlight.delete(p);
        options.onResult(result);
      });
      inFlight.add(p);
    };
    while (next < units.length || inFlight.size > 0) {
      while (next < units.length && inFlight.size < window) launch();
      await Promise.race(inFlight);
    }
  } finally {
    await pool.destroy();
  }
}
