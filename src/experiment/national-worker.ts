/**
 * Worker-thread entry for national replications: compiles the national
 * scenario once per hash and runs one replication per task.
 */
import { compileNational, type NationalModel } from '../model/national/compile.js';
import { simulateNationalReplication, type NationalReplicationResult } from '../model/national/simulate.js';
import type { NationalScenario } from '../scenario/national-schema.js';

export interface NationalTask {
  readonly scenario: NationalScenario;
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
    model = compileNational(task.scenario);
    cache.set(task.hash, model);
  }
  return simulateNationalReplication(model, task.seed, task.replication, task.detail);
}

export default runNationalTask;
