/**
 * An ensemble held in memory: R replications of one scenario, sorted by
 * index. For small analyses (the pattern report); runs that must keep memory
 * flat go through jobs/run.ts instead.
 */
import { compile, type CompiledModel } from '../model/compile.js';
import { metricNames } from '../model/observation.js';
import type { ReplicationResult } from '../model/simulate.js';
import { scenarioHash } from '../scenario/hash.js';
import type { Scenario } from '../scenario/schema.js';
import { replicate } from './replicate.js';

export interface Ensemble {
  readonly scenario: Scenario;
  readonly model: CompiledModel;
  readonly metrics: readonly string[];
  readonly results: readonly ReplicationResult[];
}

export async function runEnsemble(
  scenario: Scenario,
  options: { replications: number; workers: number; detail: number },
): Promise<Ensemble> {
  const model = compile(scenario);
  const results: ReplicationResult[] = [];
  await replicate({
    scenario,
    hash: scenarioHash(scenario),
    seed: scenario.seed,
    indices: Array.from({ length: options.replications }, (_, r) => r),
    detailReplications: options.detail,
    workers: options.workers,
    onResult: (r) => results.push(r),
  });
  results.sort((a, b) => a.replication - b.replication);
  return { scenario, model, metrics: metricNames(model), results };
}

/** The value of `metric` in `month` (1-based) for every replication. */
export function metricAt(e: Ensemble, metric: string, month: number): number[] {
  const j = e.metrics.indexOf(metric);
  if (j < 0) throw new Error(`no metric ${metric}`);
  const M = e.metrics.length;
  return e.results.map((r) => r.series[(month - 1) * M + j]!);
}

/** The mean over replications of `metric`, month by month (index 0 = month 1). */
export function meanSeries(e: Ensemble, metric: string): number[] {
  const out: number[] = [];
  for (let m = 1; m <= e.scenario.months; m++) {
    const xs = metricAt(e, metric, m);
    out.push(xs.reduce((a, b) => a + b, 0) / xs.length);
  }
  return out;
}

/** Per replication, the sum of `metric` over months [from, to] (1-based, inclusive). */
export function sumOver(e: Ensemble, metric: string, from: number, to: number): number[] {
  const j = e.metrics.indexOf(metric);
  if (j < 0) throw new Error(`no metric ${metric}`);
  const M = e.metrics.length;
  return e.results.map((r) => {
    let s = 0;
    for (let m = Math.max(1, from); m <= Math.min(e.scenario.months, to); m++) s += r.series[(m - 1) * M + j]!;
    return s;
  });
}
