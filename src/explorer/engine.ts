/**
 * The explorer's engine path: what a Web Worker runs, and what the Node tests
 * run to prove that the browser gives the command line's numbers.
 *
 *     validated Scenario --compile (once per job)--> model
 *       --simulateReplication(model, seed, r)--> RepResult {series, outcomes, events?}
 *
 * It calls the same `compile` and `simulateReplication` as `difusi run`, with
 * the master seed and replication indices of the scenario, so replication r
 * here is replication r there. Pure: no DOM, no node: modules.
 */
import { compile, type CompiledModel } from '../model/compile.js';
import { initWorld } from '../model/init.js';
import { metricNames } from '../model/observation.js';
import { simulateReplication } from '../model/simulate.js';
import { Streams, replicationSeed } from '../engine/random.js';
import type { Scenario } from '../scenario/schema.js';

/** One event of a detailed replication (events.csv without replication and date). */
export interface RunEvent {
  readonly month: number;
  readonly kind: string;
  readonly opd: string;
  readonly innovation: string;
  readonly loop: string;
  readonly cause: string;
}

/** What a worker sends back per replication. */
export interface RepResult {
  readonly job: number;
  readonly replication: number;
  /** months x metrics, month-major. */
  readonly series: Float64Array;
  /** Outcome per innovation, in model order. */
  readonly outcomes: string[];
  readonly mainCauses: (string | null)[];
  /** Present for detailed replications. */
  readonly events: RunEvent[] | null;
}

/** What the page sends a worker. */
export interface JobMessage {
  readonly type: 'job';
  readonly job: number;
  readonly scenario: Scenario;
  readonly indices: readonly number[];
  /** Replications below this record their events (as `difusi run --detail`). */
  readonly detail: number;
}

/** The agencies and peer links of one replication, for the network view. */
export interface NetworkView {
  readonly opds: { id: string; name: string; type: string; coordinator: boolean; eligible: boolean[] }[];
  /** Undirected links as pairs of agency indices (i < j). */
  readonly edges: [number, number][];
}

const models = new Map<string, CompiledModel>();

/** The compiled model of a scenario, compiled once per distinct scenario (a worker keeps a few). */
export function modelOf(scenario: Scenario): CompiledModel {
  const key = JSON.stringify(scenario);
  let model = models.get(key);
  if (model === undefined) {
    if (models.size > 4) models.clear();
    model = compile(scenario);
    models.set(key, model);
  }
  return model;
}

/** Runs a job's replications in order, handing each result to `emit` as it finishes. */
export function runJob(message: JobMessage, emit: (result: RepResult) => void): void {
  const model = modelOf(message.scenario);
  for (const r of message.indices) {
    const result = simulateReplication(model, message.scenario.seed, r, { detail: r < message.detail });
    emit({
      job: message.job,
      replication: r,
      series: result.series,
      outcomes: result.outcomes.map((o) => o.outcome),
      mainCauses: result.outcomes.map((o) => o.main_cause ?? null),
      events: result.events,
    });
  }
}

/** Metric names of a scenario's model, in series order. */
export function metricsOf(scenario: Scenario): string[] {
  return metricNames(modelOf(scenario));
}

/**
 * The peer network of replication r: the network is drawn at initialization
 * from the replication's own Network stream, so a fresh initialization with
 * the same seed gives the network the run used.
 */
export function networkOf(scenario: Scenario, replication: number): NetworkView {
  const model = modelOf(scenario);
  const world = initWorld(model, new Streams(replicationSeed(scenario.seed, replication)), false);
  const { offsets, neighbors, n } = world.network;
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const j = neighbors[e]!;
      if (i < j) edges.push([i, j]);
    }
  }
  return {
    opds: model.opds.map((o, i) => ({
      id: o.id,
      name: o.name,
      type: o.type,
      coordinator: model.coordinator === i,
      eligible: model.innovations.map((inn) => inn.eligible[i] === 1),
    })),
    edges,
  };
}
