/**
 * Worker-thread entry for national replications: compiles the national
 * scenario once per hash and runs one replication per task. The scenario
 * (552 governments) comes once per thread in the pool's workerData, not
 * with every task.
 */
import { workerData } from 'piscina';
import { compileNational, type NationalModel } from '../model/national/compile.js';
import { simulateNationalReplication, type NationalReplicationResult } from '../model/national/simulate.js';
import type { NationalScenario } from '../scenario/national-schema.js';

export interface NationalTask {
  /** Absent on a worker thread: the pool's workerData holds it (sent once per thread). */
  readonly scenario?: NationalScenario;
  readonly hash: string;
  readonly seed: number;
  readonly replication: number;
  /** Government indices whose agents' rows to return. */
  readonly detail: readonly number[];
}

const cache = new Map<string, NationalModel>();

export function runNationalTask(task: NationalTask): NationalReplicationResult {
  let model = cache.get(task.hash);
  if (!model) {
    cache.clear();
    model = compileNational(task.scenario ?? (workerData as { scenario: NationalScenario }).scenario);
    cache.set(task.hash, model);
  }
  return simulateNationalReplication(model, task.seed, task.replication, task.detail);
}

export default runNationalTask;
