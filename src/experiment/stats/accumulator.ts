/**
 * Streaming mean and variance in O(1) memory, for summaries over many
 * replications or months that should not keep every value, and for
 * combining per-worker or per-shard partial summaries.
 */

/** The serialisable state of a {@link RunningStats}: count, mean, M2. */
export interface RunningState {
  readonly n: number;
  readonly mean: number;
  /** Sum of squared deviations from the mean. */
  readonly m2: number;
}

/**
 * Running count, mean and variance.
 *
 * Formulas: `push` is Welford's update
 * n' = n + 1, delta = x - mean, mean' = mean + delta / n',
 * M2' = M2 + delta (x - mean'); `merge` is the pairwise combination of Chan,
 * Golub and LeVeque: n = n_a + n_b, delta = mean_b - mean_a,
 * mean = mean_a + delta n_b / n, M2 = M2_a + M2_b + delta^2 n_a n_b / n.
 * variance = M2 / (n - 1).
 *
 * Sources: B. P. Welford (1962), "Note on a method for calculating corrected
 * sums of squares and products", Technometrics 4(3):419-420; T. F. Chan,
 * G. H. Golub and R. J. LeVeque (1979), "Updating formulae and a pairwise
 * algorithm for computing sample variances", Stanford CS report STAN-CS-79-773.
 *
 * Determinism: the results are independent of push/merge order in exact
 * arithmetic but not bit for bit in floating point. For byte-identical
 * output whatever the worker or shard count, push values in replication
 * index order (or merge partial states in a fixed index order), never in
 * completion order.
 *
 * Conventions (as {@link describe}): n = 0 gives mean and variance NaN;
 * n = 1 gives variance 0. A NaN pushed propagates.
 *
 * Complexity: O(1) time and memory per push or merge.
 *
 * @example
 * const s = new RunningStats();
 * for (const x of [1, 2, 3, 4]) s.push(x);
 * s.mean; // 2.5
 * s.variance; // 1.6666666666666667
 */
export class RunningStats {
  private count = 0;
  private mu = 0;
  private m2 = 0;

  /**
   * Statistics of a batch, pushed in index order. O(n).
   *
   * @example
   * RunningStats.of([1, 2, 3]).mean; // 2
   */
  static of(values: ArrayLike<number>): RunningStats {
    const s = new RunningStats();
    for (let i = 0; i < values.length; i += 1) s.push(values[i] as number);
    return s;
  }

  /**
   * Rebuild from a saved {@link RunningState} (e.g. a shard's summary). O(1).
   *
   * @example
   * RunningStats.fromState(a.state()).merge(b);
   */
  static fromState(state: RunningState): RunningStats {
    if (!Number.isInteger(state.n) || state.n < 0) {
      throw new RangeError(`RunningState.n must be a non-negative integer, got ${state.n}`);
    }
    const s = new RunningStats();
    s.count = state.n;
    s.mu = state.n === 0 ? 0 : state.mean;
    s.m2 = state.n === 0 ? 0 : state.m2;
    return s;
  }

  /** Add one value (Welford). O(1). Returns `this` for chaining. */
  push(x: number): this {
    this.count += 1;
    const delta = x - this.mu;
    this.mu += delta / this.count;
    this.m2 += delta * (x - this.mu);
    return this;
  }

  /** Absorb another accumulator (Chan et al.); `other` is unchanged. O(1). */
  merge(other: RunningStats): this {
    const nb = other.count;
    if (nb === 0) return this;
    const mb = other.mu;
    const m2b = other.m2;
    const na = this.count;
    if (na === 0) {
      this.count = nb;
      this.mu = mb;
      this.m2 = m2b;
      return this;
    }
    const n = na + nb;
    const delta = mb - this.mu;
    this.mu += (delta * nb) / n;
    this.m2 += m2b + (delta * delta * na * nb) / n;
    this.count = n;
    return this;
  }

  /** Number of values seen. */
  get n(): number {
    return this.count;
  }

  /** Mean; NaN when empty. */
  get mean(): number {
    return this.count === 0 ? Number.NaN : this.mu;
  }

  /** Unbiased sample variance M2 / (n - 1); NaN when empty, 0 when n = 1. */
  get variance(): number {
    if (this.count === 0) return Number.NaN;
    if (this.count === 1) return 0;
    return Math.max(0, this.m2 / (this.count - 1));
  }

  /** Sample standard deviation, sqrt of {@link variance}. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** Serialisable state for shards and checkpoints. */
  state(): RunningState {
    return { n: this.count, mean: this.mu, m2: this.m2 };
  }
}
