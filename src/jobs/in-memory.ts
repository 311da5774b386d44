/**
 * The jobs with a memory store: the same replications and design runs as
 * `difusi run`, `compare`, `sweep` and `sensitivity`, returned as typed data
 * instead of written to a folder (for a notebook, a test or a browser).
 *
 *   runScenario       scenario -> replications -> RunData (summary.csv and outcomes.csv rows);
 *                     with `precision`, grown until the rule holds (jobs/precision.ts)
 *   compareScenarios  base + variants -> paired replications -> compare.csv rows
 *   sweepScenario     experiment file with a design -> sweep.csv and sweep_summary.csv rows
 *   sensitivity       the same with a Morris or Sobol' design -> sensitivity rows
 *
 * The numbers are those of the files: the same seeds, the same loops
 * (runReplications, runDesign), the same statistics. Formatted with the
 * tables of store/tables.ts, a run's summary and outcomes rows and a design's
 * rows give the files' bytes (tests/jobs/in-memory.test.ts). One difference:
 * a comparison from files pairs the arms on their metrics as timeseries.csv
 * holds them (12 significant digits, store/arm-outcomes.ts), so a compared
 * share may differ from the in-memory value in the 13th digit.
 *
 * Memory grows with replications x months x metrics (every series is kept):
 * for large runs use the file jobs (jobs/run.ts), which stay flat.
 */
import { compile, type CompiledModel } from '../model/compile.js';
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
import { sweepPointRow, sweepRunRow } from '../store/sweep-store.js';
import { OutcomeVectors } from '../store/arm-outcomes.js';
import type { CompareRow, OutcomeRow, SummaryRow, SweepRow } from '../store/tables.js';
import { DEFAULT_DETAIL_REPLICATIONS, runReplications } from './run.js';
import { runDesign, sweepJob } from './sweep.js';
import { GrowingRun, growTogether, type PrecisionOptions, type PrecisionReport } from './precision.js';

export interface RunDataOptions {
  /** Replications (default: the scenario's). */
  readonly replications?: number;
  /** Master seed (default: the scenario's). */
  readonly seed?: number;
  /** Worker threads (default 1: in this thread; results are identical for any count). */
  readonly workers?: number;
  /** Replications that record agents and events (default min(R, 10)). */
  readonly detail?: number;
  /**
   * Find the replication count while running, as `--precision` does: grow
   * until the outcome's relative CI half-width is at most the target
   * (`replications` is then not used). The result is that of a run of the
   * count found.
   */
  readonly precision?: PrecisionOptions;
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
  /** With `precision`: what it found (the count, the precision achieved). */
  readonly precision?: PrecisionReport;
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

/** A scenario with its settings applied, compiled once. */
interface MemoryArm {
  readonly name: string;
  readonly scenario: Scenario;
  readonly model: CompiledModel;
}

function memoryArm(name: string, scenario: Scenario, settings: { replications?: number; seed?: number }): MemoryArm {
  const s = withSettings(scenario, settings);
  return { name, scenario: s, model: compile(s) };
}

/** Runs a scenario's replications in memory and returns them with their summary (as `difusi run` writes it). */
export async function runScenario(scenario: Scenario, options: RunDataOptions = {}): Promise<RunData> {
  const arm = memoryArm('run', scenario, options);
  if (options.precision !== undefined) {
    const [data] = await growInMemory([arm], options.precision, options, 'runScenario');
    return data!;
  }
  return runArm(arm, options);
}

/** One arm's R replications in a memory store, as RunData. */
async function runArm(arm: MemoryArm, options: RunDataOptions): Promise<RunData> {
  const s = arm.scenario;
  const hash = scenarioHash(s);
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
  return runData(s, metricNames(arm.model), store.results());
}

function runData(scenario: Scenario, metrics: readonly string[], replications: readonly ReplicationResult[]): RunData {
  return { scenario, hash: scenarioHash(scenario), metrics, replications, ...summarize(scenario, metrics, replications) };
}

/**
 * `--precision` in memory: the arms grow together in memory stores (the
 * loop of jobs/precision.ts, whose file run keeps a part on disk) until the
 * outcome meets the rule in every one; each arm is then the run of the count
 * found, replications 0..R-1.
 */
async function growInMemory(arms: readonly MemoryArm[], rule: PrecisionOptions, options: RunDataOptions, where: string): Promise<(RunData & { precision: PrecisionReport })[]> {
  const stores = arms.map(() => new MemoryRunStore());
  const runs = arms.map((arm, a) => {
    const s = withSettings(arm.scenario, { replications: rule.maximum });
    const { extractor } = outcomeFor(s, [rule.outcome], `${where} precision outcome${arms.length > 1 ? ` (arm ${arm.name})` : ''}`, arm.model);
    const detail = Math.min(rule.maximum, options.detail ?? DEFAULT_DETAIL_REPLICATIONS);
    return new GrowingRun(stores[a]!, s, scenarioHash(s), extractor, rule.maximum, detail, options.workers ?? 1);
  });
  const grown = await growTogether(runs, rule, options.onProgress);
  const R = grown.replications;
  const precision: PrecisionReport = { target: rule.target, outcome: rule.outcome, ...grown };
  return arms.map((arm, a) => {
    const results = stores[a]!.results().filter((r) => r.replication < R);
    return { ...runData(withSettings(arm.scenario, { replications: R }), metricNames(arm.model), results), precision };
  });
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
  /** With `precision`: what it found (every arm has the count found). */
  readonly precision?: PrecisionReport;
}

/**
 * Compares variants with a base scenario with common random numbers: every
 * arm runs replications 0..R-1 under the base's seed and replication count
 * (as `difusi compare` does), and arms pair up by replication. With
 * `precision`, the arms grow together to one count (`compare --precision`).
 */
export async function compareScenarios(base: Scenario, variants: readonly CompareVariant[], options: CompareDataOptions = {}): Promise<CompareData> {
  const settings = { replications: options.replications ?? base.replications, seed: options.seed ?? base.seed };
  const arms = [memoryArm('base', base, settings), ...variants.map((v) => memoryArm(v.name, v.scenario, settings))];
  const { outcomes } = outcomeFor(arms[0]!.scenario, options.outcomes ?? DEFAULT_OUTCOMES, 'compareScenarios (base)', arms[0]!.model);
  // Every outcome must exist in every arm (a variant may drop an innovation): checked before anything runs.
  for (const arm of arms) outcomeFor(arm.scenario, outcomes.map((o) => o.name), `compareScenarios (arm ${arm.name})`, arm.model);
  const runs: (RunData & { name: string })[] = [];
  let precision: PrecisionReport | undefined;
  if (options.precision !== undefined) {
    const grown = await growInMemory(arms, options.precision, options, 'compareScenarios');
    grown.forEach((data, a) => runs.push({ name: arms[a]!.name, ...data }));
    precision = grown[0]!.precision;
  } else {
    for (const arm of arms) runs.push({ name: arm.name, ...(await runArm(arm, options)) });
  }
  const values: ArmValues[] = runs.map((run, a) => {
    const model = arms[a]!.model;
    const ctx = { metrics: metricNames(model), innovations: model.innovations.map((i) => i.id) };
    const vectors = new OutcomeVectors(ctx, outcomes, run.replications.length, { asWritten: false });
    for (const r of run.replications) vectors.add(r.replication, r.series, r.outcomes);
    // The arm's scenario hash (every arm has the base's seed and R): a variant of the base's own scenario gets [0, 0].
    return { name: run.name, values: vectors.values, scenario: scenarioHash(arms[a]!.scenario) };
  });
  const rows = compareArms(outcomes, values[0]!, values.slice(1)).map((r) => ({ ...r, ...metricFacets(r.outcome) }));
  return { outcomes, rows, arms: runs.map(({ precision: _p, ...run }) => run), ...(precision !== undefined && { precision }) };
}

export interface DesignDataOptions {
  readonly set?: Record<string, unknown>;
  readonly seed?: number;
  readonly replications?: number;
  readonly outcomes?: readonly string[];
  /** sensitivity(): the method (default the design's; a grid or LHS design is a sweep and is refused, and so is a factor's `values` under morris or sobol). */
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
  const runs: SweepRow[] = [];
  const points: SweepRow[] = [];
  // The rows are built as the file writer builds them (store/sweep-store.ts).
  const { means, noise, stepNoise } = foldDesign(plan.rows.length, R, outcomes, (u, out) => store.read(u, out), {
    run: (point, replication, values) => runs.push(sweepRunRow(plan, outcomes, point, replication, values)),
    point: (point, n, cells) => points.push(sweepPointRow(plan, outcomes, point, n, cells)),
  });
  const sensitivity = sensitivityRows(plan, outcomes.map((o) => o.name), means, job.seed, noise, stepNoise);
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
