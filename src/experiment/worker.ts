/**
 * Worker-thread entry: runs one replication, or a block of them (one message
 * each way per block; engine/worker-pool.ts `batched`). The compiled model
 * is cached per scenario hash, so a worker compiles each scenario once.
 *
 * The timeseries formatter (store/timeseries-text.js) is
 * loaded only when a task asks for it: a worker thread that only simulates
 * starts faster.
 */
import { compile, type CompiledModel } from '../model/compile.js';
import { simulateReplication } from '../model/simulate.js';
import { monthDate } from '../scenario/calendar.js';
import type { FormattedResult } from '../store/part-store.js';
import type { Scenario } from '../scenario/schema.js';
import { batched, type TaskBatch } from '../engine/batch.js';
// piscina hands the pool's workerData to its threads as is; reading it here
// spares each thread loading piscina's pool module.
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

let timeseriesText: typeof import('../store/timeseries-text.js').timeseriesText | undefined;

/** Loads the timeseries formatter; `runTask` with `formatTimeseries` needs it loaded. */
export async function loadFormatter(): Promise<void> {
  timeseriesText ??= (await import('../store/timeseries-text.js')).timeseriesText;
}

export function runTask(task: ReplicationTask): FormattedResult {
  let model = cache.get(task.hash);
  if (!model) {
    if (cache.size > 8) cache.clear();
    model = compile(task.scenario ?? (workerData as { scenario: Scenario }).scenario);
    cache.set(task.hash, model);
  }
  const result = simulateReplication(model, task.seed, task.replication, { detail: task.detail });
  if (!task.formatTimeseries) return result;
  if (timeseriesText === undefined) throw new Error('runTask: call loadFormatter() before a task with formatTimeseries');
  const dates = Array.from({ length: model.months }, (_, i) => monthDate(model.scenario.start, i + 1));
  return { ...result, timeseriesCsv: timeseriesText(task.replication, dates, result.series.length / model.months, result.series) };
}

const runBlock = batched(runTask);

export default async function (task: ReplicationTask | TaskBatch<ReplicationTask>): Promise<FormattedResult | FormattedResult[]> {
  const first = 'batch' in task ? task.batch[0] : task;
  if (first?.formatTimeseries) await loadFormatter();
  return runBlock(task);
}
