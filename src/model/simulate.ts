/**
 * One replication of a compiled scenario: initialize, step every month,
 * observe. Pure: same model, master seed and replication index give the same
 * result on any machine, worker or shard.
 */
import { Streams, replicationSeed } from '../engine/random.js';
import { runLoop } from '../engine/loop.js';
import type { CompiledModel } from './compile.js';
import { initWorld } from './init.js';
import type { EventKind } from './vocabulary.js';
import { observeBass } from './bass.js';
import { agents, metricCount as metricCountOf, newTallies, observeAfterStep, outcomes, type AgentRow, type OutcomeRow } from './observation.js';
import { step } from './step.js';
import type { ModelEvent, World } from './world.js';

/**
 * Per model, the world of its last finished replication, which nobody reads
 * any more: the next replication of the same model refills its arrays
 * instead of allocating new ones (init.ts initWorld). Taken out while a
 * replication runs, so no two replications share one.
 */
const idle = new WeakMap<CompiledModel, World>();

export interface ReplicationResult {
  readonly replication: number;
  /** months x metrics, month-major (row m-1 = month m), columns as metricNames(). */
  readonly series: Float64Array;
  readonly outcomes: OutcomeRow[];
  /** Present for the first `detail` replications only. */
  readonly agents: AgentRow[] | null;
  readonly events: { month: number; kind: EventKind; opd: string; innovation: string; loop: ModelEvent['loop']; cause: string }[] | null;
}

export interface ReplicationOptions {
  /** Record the agents table and the event log (costly for large runs). */
  readonly detail: boolean;
}

export function simulateReplication(
  model: CompiledModel,
  masterSeed: number,
  replication: number,
  options: ReplicationOptions,
): ReplicationResult {
  const streams = new Streams(replicationSeed(masterSeed, replication));
  const reuse = idle.get(model);
  idle.delete(model);
  const world = initWorld(model, streams, options.detail, reuse);
  const metricCount = metricCountOf(model);
  const scratch = newTallies(model.innovations.length);
  const series = runLoop({
    months: model.months,
    metricCount,
    step: (month) => step(world, month),
    observe: model.bass ? (_month, row) => observeBass(world, row) : (_month, row) => observeAfterStep(world, row, scratch),
    observeAt: model.bass ? undefined : (_month, series, at) => observeAfterStep(world, series, scratch, at),
  });
  const events = world.events
    ? world.events.map((e: ModelEvent) => ({
        month: e.month,
        kind: e.kind,
        opd: e.opd >= 0 ? model.opds[e.opd]!.id : '',
        innovation: e.innovation >= 0 ? model.innovations[e.innovation]!.id : '',
        loop: e.loop,
        cause: e.cause,
      }))
    : null;
  const result = {
    replication,
    series,
    outcomes: outcomes(world),
    agents: options.detail ? agents(world) : null,
    events,
  };
  // The result holds no array of the world (outcomes and agents are new rows).
  idle.set(model, world);
  return result;
}
