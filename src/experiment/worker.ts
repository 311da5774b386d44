/**
 * Worker-thread entry: runs one replication. The compiled model is cached
 * per scenario hash, so a worker compiles each scenario once.
 */
import { compile, type CompiledModel } from '../model/compile.js';
import { simulateReplication, type ReplicationResult } from '../model/simulate.js';
import type { Scenario } from '../scenario/schema.js';

export interface ReplicationTask {
  readonly scenario: Scenario;
  readonly hash: string;
  readonly seed: number;
  readonly replication: number;
  readonly detail: boolean;
}

const cache = new Map<string, CompiledModel>();

export function runTask(task: ReplicationTask): ReplicationResult {
  let model = cache.get(task.hash);
  if (!model) {
    if (cache.size > 8) cache.clear();
    model = compile(task.scenario);
    cache.set(task.hash, model);
  }
  return simulateReplication(model, task.seed, task.replication, { detail: task.detail });
}

export default runTask;
