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

export interface ReplicationTask {
  /** Absent on a worker thread: the run's data (`threadData`, sent once per thread) holds it. */
  readonly scenario?: Scenario;
  readonly hash: string;
  readonly seed: number;
  readonly replication: number;
  readonly detail: boolean;
  /** Also format the replication's timeseries.csv rows here, off the main thread. */
  readonly formatTimeseries?: boolean;
}

const cache = new Map<string, CompiledModel>();

export function runTask(task: ReplicationTask): FormattedResult {
  let model = cache.get(task.hash);
  if (!model) {
    if (cache.size > 8) cache.clear();
    model = compile(task.scenario ?? threadData<{ scenario: Scenario }>().scenario);
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
