/**
 * Where a job's results go. The jobs (src/jobs) run replications or design
 * runs and hand each result to a store; what the store does with it is its
 * own business:
 *
 *   file store (part-store.ts, sweep-store.ts)  parts on disk: resume, shards,
 *                                               merge, the result folder's bytes
 *   memory store (here)                         results kept in memory and
 *                                               returned as typed data (a
 *                                               notebook, a test, a browser)
 *
 * A store sees results in the order they finish (any order with several
 * workers) and keys them by replication or unit index, so the data it gives
 * back never depends on the worker count.
 */
import type { ReplicationResult } from '../model/simulate.js';
import type { FormattedResult } from './part-store.js';

/** Where the replications of one run go. */
export interface RunStore {
  /** Replications already stored (a resumed run skips them). */
  readonly done: ReadonlySet<number>;
  /** A replication's result; a file store also takes its timeseries rows formatted by the worker. */
  append(result: FormattedResult): void;
  close(): void;
}

/** Where the design runs (units) of a sweep or sensitivity analysis go. */
export interface DesignStore {
  /** Whether unit `u` is already stored (a resumed run skips it). */
  has(unit: number): boolean;
  append(unit: number, values: ArrayLike<number>): void;
  close(): void;
}

/** A run held in memory: the replications by index. */
export class MemoryRunStore implements RunStore {
  readonly done = new Set<number>();
  private readonly byIndex = new Map<number, ReplicationResult>();

  append(result: ReplicationResult): void {
    this.byIndex.set(result.replication, result);
    this.done.add(result.replication);
  }

  close(): void {}

  /** The stored replications in index order. */
  results(): ReplicationResult[] {
    return [...this.byIndex.keys()].sort((a, b) => a - b).map((r) => this.byIndex.get(r)!);
  }
}

/** A design held in memory: each unit's outcome vector. */
export class MemoryDesignStore implements DesignStore {
  private readonly values: (Float64Array | undefined)[];

  constructor(readonly units: number) {
    this.values = new Array<Float64Array | undefined>(units);
  }

  has(unit: number): boolean {
    return this.values[unit] !== undefined;
  }

  append(unit: number, values: ArrayLike<number>): void {
    this.values[unit] = Float64Array.from(values as ArrayLike<number>);
  }

  close(): void {}

  /** Copies unit `u`'s values into `out` (every unit must be stored). */
  read(unit: number, out: Float64Array): void {
    const v = this.values[unit];
    if (v === undefined) throw new RangeError(`design run ${unit} was not run`);
    out.set(v);
  }
}
