/**
 * The step loop: the one generic piece of time-stepping. It knows nothing of
 * e-services; a model supplies `step` (one tick) and `observe` (one row of
 * metrics after the tick). Ticks are 1-based months.
 */
export interface SteppableModel {
  readonly months: number;
  readonly metricCount: number;
  step(month: number): void;
  observe(month: number, row: Float64Array): void;
  /**
   * `observe`, writing the row into `series` from index `at` instead of
   * into a view of it: the same numbers in the same places, without a view
   * allocated every month (a call into the runtime each; a replication of a
   * small city is a few microseconds a month). Used instead of `observe`
   * when given.
   */
  observeAt?(month: number, series: Float64Array, at: number): void;
}

/** Runs every tick and returns the metrics, month-major: row m-1 holds month m. */
export function runLoop(model: SteppableModel): Float64Array {
  const series = new Float64Array(model.months * model.metricCount);
  const observeAt = model.observeAt;
  for (let month = 1; month <= model.months; month++) {
    model.step(month);
    if (observeAt !== undefined) observeAt(month, series, (month - 1) * model.metricCount);
    else model.observe(month, series.subarray((month - 1) * model.metricCount, month * model.metricCount));
  }
  return series;
}
