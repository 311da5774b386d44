/**
 * Runs replications of one scenario on K threads: this one and K - 1
 * worker threads (piscina). Each replication is a pure function of (scenario,
 * master seed, index), so the worker count never changes a result; results
 * are handed to `onResult` as they finish (in any order), and the caller
 * stores them by index.
 */
import os from 'node:os';
import type { Scenario } from '../scenario/schema.js';
import type { FormattedResult } from '../store/part-store.js';
import { runTask, type ReplicationTask } from './worker.js';
import { bundledWorkerFile, prestartThreads, runOnPool } from '../engine/worker-pool.js';

export interface ReplicateOptions {
  readonly scenario: Scenario;
  readonly hash: string;
  readonly seed: number;
  /** Replication indices to run. */
  readonly indices: readonly number[];
  /** Indices below this record agents and events. */
  readonly detailReplications: number;
  readonly workers: number;
  /** Format each replication's timeseries.csv rows in its worker (for a run folder). */
  readonly formatTimeseries?: boolean;
  readonly onResult: (result: FormattedResult) => void;
}

/** Default worker count: all cores. */
export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * Starts the K - 1 worker threads of a coming `replicate()` with `workers`
 * = K now (call it before reading the scenario): they load their modules
 * meanwhile. Optional; results never depend on it.
 */
export function prestartReplicate(workers: number): void {
  if (workers > 1) prestartThreads(workers - 1);
}

export async function replicate(options: ReplicateOptions): Promise<void> {
  const task = (replication: number): ReplicationTask => ({
    scenario: options.scenario,
    hash: options.hash,
    seed: options.seed,
    replication,
    detail: replication < options.detailReplications,
    ...(options.formatTimeseries && { formatTimeseries: true }),
  });
  const workers = Math.max(1, Math.min(options.workers, options.indices.length));
  // This thread is one of the K: it runs replications itself while K - 1
  // threads start and run blocks of them (engine/worker-pool.ts), so
  // --workers 1 starts no thread and --workers 2 starts one.
  await runOnPool<ReplicationTask, FormattedResult>({
    filename: bundledWorkerFile(import.meta.url, 'worker.js', 'replicate-worker.js'),
    workers,
    items: options.indices,
    // The scenario goes to each thread once, not with every replication.
    task: (replication) => {
      const { scenario: _sent, ...rest } = task(replication);
      return rest;
    },
    here: (replication) => runTask(task(replication)),
    workerData: { scenario: options.scenario },
    // Blocks of replications, one message each way per block: at most 16 (about
    // 30 ms of a Bekasi replication's work), smaller as the run nears its end.
    batch: 16,
    onResult: options.onResult,
  });
}
