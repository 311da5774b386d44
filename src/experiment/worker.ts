/**
 * Worker-thread entry: runs one replication, or a block of them (one message
 * each way per block; engine/worker-pool.ts `batched`). The compiled model
 * is cached per scenario hash, so a worker compiles each scenario once.
 *
 * The timeseries formatter (store/timeseries-text.js) is a static import: it
 * is one small module (with csv-format.js), so loading it up front costs a
 * thread next to nothing.
 */
import { compile, type CompiledModel } from '../model/compile.js';
import { simulateReplication } from '../model/simulate.js';
import { monthDate } from '../scenario/calendar.js';
import type { FormattedResult } from '../store/part-store.js';
import type { Scenario } from '../scenario/schema.js';
import { batched, threadData, type TaskBatch } from '../engine/batch.js';
import { timeseriesText } from '../store/timeseries-text.js';
// The run's data (the scenario) as engine/thread.ts received it; a thread's
// workerData only under a piscina pool.
import { workerData } from 'node:worker_threads';

export interface ReplicationTask {
  /** Absent on a worker thread: the pool's workerData holds it (sent once per thread). */
  readonly scenario?: Scenario;
  readonly hash: string;
  readonly seed: number;
  readonly replication: number;
  readonly detail: boolean;
  /** Also format the replication's timeseries.csv rows here, off the main thread. */
  readonly formatTimeseries?: boolean;
}

const cache = new Map<string, CompiledModel>();

/**
 * Kept for callers of the earlier lazy load: the formatter is now a static
 * import, loaded with this module, so there is nothing left to wait for.
 */
export async function loadFormatter(): Promise<void> {}

export function runTask(task: ReplicationTask): FormattedResult {
  let model = cache.get(task.hash);
  if (!model) {
    if (cache.size > 8) cache.clear();
    model = compile(task.scenario ?? threadData<{ scenario: Scenario }>(workerData).scenario);
    cache.set(task.hash, model);
  }
  const result = simulateReplication(model, task.seed, task.replication, { detail: task.detail });
  if (!task.formatTimeseries) return result;
  const dates = Array.from({ length: model.months }, (_, i) => monthDate(model.scenario.start, i + 1));
  return { ...result, timeseriesCsv: timeseriesText(task.replication, dates, result.series.length / model.months, result.series) };
}

const runBlock = batched(runTask);

export default function (task: ReplicationTask | TaskBatch<ReplicationTask>): FormattedResult | FormattedResult[] {
  return runBlock(task);
}
