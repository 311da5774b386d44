/**
 * Worker-thread entry of sweeps and sensitivity analyses: one design run
 * (design point x replication) -> its outcome vector. Only the few outcome
 * numbers travel back, not the run's series. The compiled model and its
 * outcome extractor are cached per scenario hash, so a worker compiles each
 * design point once (units of a point are scheduled together).
 */
import { compile, type CompiledModel } from '../model/compile.js';
import { metricNames } from '../model/observation.js';
import { simulateReplication } from '../model/simulate.js';
import type { Scenario } from '../scenario/schema.js';
import { OutcomeExtractor, type OutcomeSpec } from './outcomes.js';
import { batched } from '../engine/batch.js';

export interface UnitTask {
  /** Run index: point * replications + replication. */
  readonly unit: number;
  readonly scenario: Scenario;
  readonly hash: string;
  readonly seed: number;
  readonly replication: number;
  readonly outcomes: readonly OutcomeSpec[];
}

export interface UnitResult {
  readonly unit: number;
  readonly values: Float64Array;
}

const cache = new Map<string, { model: CompiledModel; extractor: OutcomeExtractor }>();

/** The outcome extractor of a compiled model. */
export function extractorFor(model: CompiledModel, outcomes: readonly OutcomeSpec[]): OutcomeExtractor {
  return new OutcomeExtractor({ metrics: metricNames(model), innovations: model.innovations.map((i) => i.id) }, outcomes);
}

export function runUnit(task: UnitTask): UnitResult {
  const key = `${task.hash}:${task.outcomes.map((o) => o.name).join(',')}`;
  let entry = cache.get(key);
  if (!entry) {
    if (cache.size > 8) cache.clear();
    const model = compile(task.scenario);
    entry = { model, extractor: extractorFor(model, task.outcomes) };
    cache.set(key, entry);
  }
  const result = simulateReplication(entry.model, task.seed, task.replication, { detail: false });
  const values = entry.extractor.fromSeries(result.series, entry.model.months, result.outcomes.map((o) => o.outcome));
  return { unit: task.unit, values };
}

// One unit or a block of them (run-units.ts hands the threads blocks).
export default batched(runUnit);
