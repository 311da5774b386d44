/**
 * The jobs with a memory store: the same replications and design runs as
 * `difusi run`, `compare`, `sweep` and `sensitivity`, returned as typed data
 * instead of written to a folder (for a notebook, a test or a browser).
 *
 *   runScenario       scenario -> replications -> RunData (summary.csv and outcomes.csv rows)
 *   compareScenarios  base + variants -> paired replications -> compare.csv rows
 *   sweepScenario     experiment file with a design -> sweep.csv and sweep_summary.csv rows
 *   sensitivity       the same with a Morris or Sobol' design -> sensitivity rows
 *
 * The numbers are those of the files: the same seeds, the same loops
 * (runReplications, runDesign), the same statistics. Formatted with the
 * tables of store/tables.ts, a run's summary and outcomes rows and a design's
 * rows give the files' bytes (tests/jobs/in-memory.test.ts). One difference:
 * a comparison from files reads the arms' metrics back from timeseries.csv,
 * which holds 12 significant digits, so a compared share may differ from the
 * in-memory value in the 13th digit.
 *
 * Memory grows with replications x months x metrics (every series is kept):
 * for large runs use the file jobs (jobs/run.ts), which stay flat.
 */
import { compile } from '../model/compile.js';
import { metricNames } from '../model/observation.js';
import type { ReplicationResult } from '../model/simulate.js';
import { metricFacets } from '../model/vocabulary.js';
import { compareArms, type ArmValues, type ComparisonRow } from '../experiment/compare.js';
import { sensitivityRows, type DesignPlan, type SensitivityRow } from '../experiment/design.js';
import { OutcomeTally, type OutcomeShare } from '../experiment/outcome-table.js';
import { DEFAULT_OUTCOMES, outcomeFor, type OutcomeSpec } from '../experiment/outcomes.js';
import type { DesignMethod } from '../experiment/spec.js';
import { describe } from '../experiment/stats/describe.js';
import { foldDesign } from '../experiment/sweep.js';
import { defaultWorkers } from '../experiment/replicate.js';
import { monthDate } from '../scenario/calendar.js';
import { scenarioHash } from '../scenario/hash.js';
import type { Scenario } from '../scenario/schema.js';
import { MemoryDesignStore, MemoryRunStore } from '../store/store.js';
import type { CompareRow, OutcomeRow, SummaryRow, SweepRow } from '../store/tables.js';
import { DEFAULT_DETAIL_REPLICATIONS, runReplications } from './run.js';
import { runDesign, sweepJob } from './sweep.js';

export interface RunDataOptions {
  /** Replications (default: the scenario's). */
  readonly replications?: number;
  /** Master seed (default: the scenario's). */
  readonly seed?: number;
  /** Worker threads (default 1: in this thread; results are identical for any count). */
  readonly workers?: number;
  /** Replications that record agents and events (default min(R, 10)). */
  readonly detail?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** A run held in memory. */
export interface RunData {
  /** The scenario as run (replications and seed applied). */
  readonly scenario: Scenario;
  readonly hash: string;
  /** Metric names, in series order. */
  readonly metrics: readonly string[];
  /** Every replication by index: monthly series, outcomes, and agents and events for the first `detail`. */
  readonly replications: readonly ReplicationResult[];
  /** The rows of summary.csv. */
  readonly summary: readonly SummaryRow[];
  /** The rows of outcomes.csv. */
  readonly outcomes: readonly OutcomeRow[];
  /** Each innovation's outcome shares with Wilson intervals (what `difusi run` prints). */
  readonly shares: readonly OutcomeShare[];
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The scenario with the run settings applied. */
function withSettings(scenario: Scenario, options: { replications?: number; seed?: number }): Scenario {
  return {
    ...scenario,
    ...(options.replications !== undefined && { replications: options.replications }),
    ...(options.seed !== undefined && { seed: options.seed }),
  };
}

/** Runs a scenario's replications in memory and returns them with their summary (as `difusi run` writes it). */
export async function runScenario(scenario: Scenario, options: RunDataOptions = {}): Promise<RunData> {
  const s = withSettings(scenario, options);
  const hash = scenarioHash(s);
  const metrics = metricNames(compile(s));
  const R = s.replications;
  const store = new MemoryRunStore();
  await runReplications(store, {
    scenario: s,
    hash,
    indices: Array.from({ length: R }, (_, r) => r),
    detail: Math.min(R, options.detail ?? DEFAULT_DETAIL_REPLICATIONS),
    workers: options.workers ?? 1,
    ...(options.onProgress !== undefined && { onProgress: options.onProgress }),
  });
  const replications = store.results();
  return { scenario: s, hash, metrics, replications, ...summarize(s, metrics, replications) };
}

/** summary.csv's and outcomes.csv's rows of replications held in memory (run-folder.ts writes the same from parts). */
function summarize(scenario: Scenario, metrics: readonly string[], results: readonly ReplicationResult[]) {
  const M = metrics.length;
  const facets = metrics.map((m) => metricFacets(m));
  const summary: SummaryRow[] = [];
  const column = new Float64Array(results.length);
  for (let m = 1; m <= scenario.months; m++) {
    const date = monthDate(scenario.start, m);
    for (let j = 0; j < M; j++) {
      results.forEach((r, i) => {
        column[i] = r.series[(m - 1) * M + j]!;
      });
      const d = describe(column);
      summary.push({
        month: m,
        date,
        metric: metrics[j]!,
        n: d.n,
        mean: d.mean,
        sd: orNull(d.sd),
        ci_low: orNull(d.ci_low),
        ci_high: orNull(d.ci_high),
        p05: orNull(d.p05),
        p25: orNull(d.p25),
        p50: orNull(d.p50),
        p75: orNull(d.p75),
        p95: orNull(d.p95),
        innovation: facets[j]!.innovation,
        cause: facets[j]!.cause,
      });
    }
  }
  const tally = new OutcomeTally();
  const outcomes: OutcomeRow[] = [];
  for (const r of results) {
    for (const o of r.outcomes) {
      outcomes.push({ replication: r.replication, ...o });
      tally.add(o);
    }
  }
  return { summary, outcomes, shares: tally.shares() };
}

export interface CompareVariant {
  readonly name: string;
  readonly scenario: Scenario;
}

export interface CompareDataOptions extends RunDataOptions {
  /** Outcomes to compare, wildcards allowed (default: experiment/outcomes.ts DEFAULT_OUTCOMES). */
  readonly outcomes?: readonly string[];
}

/** A comparison held in memory. */
export interface CompareData {
  readonly outcomes: readonly OutcomeSpec[];
  /** compare.csv's rows (with the spread ratio the terminal table shows). */
  readonly rows: readonly (ComparisonRow & Pick<CompareRow, 'innovation' | 'cause'>)[];
  /** The base first, then the variants, each a full run. */
  readonly arms: readonly (RunData & { readonly name: string })[];
}

/**
 * Compares variants with a base scenario with common random numbers: every
 * arm runs replications 0..R-1 under the base's seed and replication count
 * (as `difusi compare` does), and arms pair up by replication.
 */
export async function compareScenarios(base: Scenario, variants: readonly CompareVariant[], options: CompareDataOptions = {}): Promise<CompareData> {
  const settings = { replications: options.replications ?? base.replications, seed: options.seed ?? base.seed };
  const { outcomes } = outcomeFor(withSettings(base, settings), options.outcomes ?? DEFAULT_OUTCOMES, 'compareScenarios (base)');
  const arms: (RunData & { name: string })[] = [];
  for (const [name, scenario] of [['base', base] as const, ...variants.map((v) => [v.name, v.scenario] as const)]) {
    // Every outcome must exist in every arm (a variant may drop an innovation).
    outcomeFor(withSettings(scenario, settings), outcomes.map((o) => o.name), `compareScenarios (arm ${name})`);
    arms.push({ name, ...(await runScenario(scenario, { ...options, ...settings })) });
  }
  const values: ArmValues[] = arms.map((arm) => {
    const { extractor } = outcomeFor(arm.scenario, outcomes.map((o) => o.name), `compareScenarios (arm ${arm.name})`);
    const byReplication = arm.replications.map((r) => extractor.fromSeries(r.series, arm.scenario.months, r.outcomes.map((o) => o.outcome)));
    return { name: arm.name, values: outcomes.map((_, k) => Float64Array.from(byReplication, (v) => v[k]!)) };
  });
  const rows = compareArms(outcomes, values[0]!, values.slice(1)).map((r) => ({ ...r, ...metricFacets(r.outcome) }));
  return { outcomes, rows, arms };
}

export interface DesignDataOptions {
  readonly set?: Record<string, unknown>;
  readonly seed?: number;
  readonly replications?: number;
  readonly outcomes?: readonly string[];
  /** sensitivity(): the method (default the design's, grid and LHS becoming Morris). */
  readonly method?: DesignMethod;
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** A sweep or sensitivity analysis held in memory. */
export interface DesignData {
  readonly name: string;
  readonly plan: DesignPlan;
  readonly replications: number;
  readonly seed: number;
  readonly outcomes: readonly OutcomeSpec[];
  /** sweep.csv's rows: one per design run, factor and outcome values by column name. */
  readonly runs: readonly SweepRow[];
  /** sweep_summary.csv's rows: one per design point, `<outcome>_mean`, `_ci_low`, `_ci_high` and `n`. */
  readonly points: readonly SweepRow[];
  /** sensitivity.csv's rows (none for grid and LHS designs). */
  readonly sensitivity: readonly SensitivityRow[];
}

async function designData(experiment: string, kind: 'sweep' | 'sensitivity', options: DesignDataOptions): Promise<DesignData> {
  const job = sweepJob({
    experiment,
    kind,
    ...(options.method !== undefined && { method: options.method }),
    ...(options.set !== undefined && { set: options.set }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.replications !== undefined && { replications: options.replications }),
    ...(options.outcomes !== undefined && { outcomes: options.outcomes }),
  });
  const { plan, replications: R, outcomes } = job;
  const units = plan.rows.length * R;
  const store = new MemoryDesignStore(units);
  const all = Array.from({ length: units }, (_, u) => u);
  await runDesign(job, store, all, options.workers ?? 1, options.onProgress);
  const factorValues = (point: number) => Object.fromEntries(plan.names.map((n, i) => [n, plan.rows[point]![i]!]));
  const runs: SweepRow[] = [];
  const points: SweepRow[] = [];
  const means = foldDesign(plan.rows.length, R, outcomes, (u, out) => store.read(u, out), {
    run: (point, replication, values) =>
      runs.push({ point, replication, values: { ...factorValues(point), ...Object.fromEntries(outcomes.map((o, k) => [o.name, values[k]!])) } }),
    point: (point, n, cells) =>
      points.push({
        point,
        replication: -1,
        n,
        values: {
          ...factorValues(point),
          ...Object.fromEntries(outcomes.flatMap((o, k) => ['mean', 'ci_low', 'ci_high'].map((s, i) => [`${o.name}_${s}`, orNull(cells[3 * k + i]!)]))),
        },
      }),
  });
  const sensitivity = sensitivityRows(plan, outcomes.map((o) => o.name), means, job.seed);
  return { name: job.name, plan, replications: R, seed: job.seed, outcomes, runs, points, sensitivity };
}

/** `difusi sweep` in memory: an experiment file's grid or Latin hypercube design. */
export function sweepScenario(experiment: string, options: DesignDataOptions = {}): Promise<DesignData> {
  return designData(experiment, 'sweep', options);
}

/** `difusi sensitivity` in memory: an experiment file's Morris or Sobol' design and its measures. */
export function sensitivity(experiment: string, options: DesignDataOptions = {}): Promise<DesignData> {
  return designData(experiment, 'sensitivity', options);
}

/** The default worker count of the file jobs (all cores), for callers that want it. */
export { defaultWorkers };
