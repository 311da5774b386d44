/**
 * Runs replications of one scenario on K worker threads (piscina), or in
 * this thread when K = 1. Each replication is a pure function of (scenario,
 * master seed, index), so the worker count never changes a result; results
 * are handed to `onResult` as they finish (in any order), and the caller
 * stores them by index.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { Scenario } from '../scenario/schema.js';
import type { ReplicationResult } from '../model/simulate.js';
import { runTask, type ReplicationTask } from './worker.js';

export interface ReplicateOptions {
  readonly scenario: Scenario;
  readonly hash: string;
  readonly seed: number;
  /** Replication indices to run. */
  readonly indices: readonly number[];
  /** Indices below this record agents and events. */
  readonly detailReplications: number;
  readonly workers: number;
  readonly onResult: (result: ReplicationResult) => void;
}

/** Default worker count: all cores. */
export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/** The compiled worker module (tests run from TypeScript sources; workers need the build). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const root = path.resolve(path.dirname(here), '..', '..');
    return path.join(root, 'dist', 'src', 'experiment', 'worker.js');
  }
  return path.join(path.dirname(here), 'worker.js');
}

export async function replicate(options: ReplicateOptions): Promise<void> {
  const task = (replication: number): ReplicationTask => ({
    scenario: options.scenario,
    hash: options.hash,
    seed: options.seed,
    replication,
    detail: replication < options.detailReplications,
  });
  const workers = Math.max(1, Math.min(options.workers, options.indices.length));
  if (workers <= 1) {
    for (const r of options.indices) {
      options.onResult(runTask(task(r)));
      // Yield to the event loop so progress output and signals are handled.
      if (r % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  const pool = new Piscina({ filename: workerFile(), minThreads: workers, maxThreads: workers });
  try {
    // A bounded window of tasks in flight keeps memory flat for long runs.
    const window = workers * 2;
    let next = 0;
    const inFlight = new Set<Promise<void>>();
    const launch = () => {
      const r = options.indices[next++]!;
      const p: Promise<void> = (pool.run(task(r)) as Promise<ReplicationResult>).then((result) => {
        inFlight.delete(p);
        options.onResult(result);
      });
      inFlight.add(p);
    };
    while (next < options.indices.length || inFlight.size > 0) {
      while (next < options.indices.length && inFlight.size < window) launch();
      await Promise.race(inFlight);
    }
  } finally {
    await pool.destroy();
  }
}
