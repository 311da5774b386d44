/**
 * `difusi sweep` and `difusi sensitivity` as library calls.
 *
 *   experiment file ──> base scenario (experiment `set`, command-line --set, seed, R)
 *     design ──buildDesign──> points; each point = base + factor values by path (checked up front)
 *     units u = point * R + r (this shard: u % n == i) ──runUnits (K workers)──> outcome vectors
 *       ──SweepPartWriter──> part (resumable) ──writeSweepFolder──> sweep.csv, sweep_summary.csv,
 *                                                                 sensitivity.csv + morris.csv | sobol.csv
 *
 * Output: `<outRoot>/<experiment name>/<key>/` (a shard: `<key>.shard-i-of-n/`,
 * merged with `difusi sweep <experiment> --merge` or `mergeSweepShards`).
 * The key hashes the base scenario, the design points, the outcomes, R and
 * the seed. Work in progress lives in a hidden `.<folder>.partial` beside it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildDesign, type DesignPlan } from '../experiment/design.js';
import { DEFAULT_OUTCOMES, type OutcomeSpec } from '../experiment/outcomes.js';
import { runUnits } from '../experiment/run-units.js';
import { shardUnits, unitPoint } from '../experiment/sweep.js';
import type { UnitTask } from '../experiment/sweep-worker.js';
import { designSizeIssue, unusedDesignSettings, type DesignMethod, type ExperimentSpec } from '../experiment/spec.js';
import { UserError, warning, warningText, type DesignUse, type WarningText } from '../messages/catalog.js';
import { scenarioWarnings } from '../model/warnings.js';
import { leverWarnings } from '../scenario/levers.js';
import { whatIfs } from '../scenario/apply-overrides.js';
import type { Scenario } from '../scenario/schema.js';
import { checkFactorFields, designPointScenario, experimentArms, loadArm, readExperimentFile, warningPlace } from '../store/experiment-file.js';
import { readScenarioFile, rereadScenarioFile } from '../store/scenario-file.js';
import { outcomeFor } from '../experiment/outcomes.js';
import { findShardFolders, finishPart } from '../store/run-folder.js';
import { claimFolder } from '../store/folder-lock.js';
import type { Shard } from './run.js';
import { readSweepMeta, SweepPartWriter, writeSweepFolder, type DesignKind, type DesignRows, type SweepPartMeta } from '../store/sweep-store.js';
import type { ManifestInput } from '../store/tables.js';
import type { DesignStore } from '../store/store.js';
import { TOOL_NAME, toolVersion } from '../store/version.js';

/** A design ready to run: points, replications, outcomes, and how to run a unit. */
export interface DesignJob {
  readonly kind: DesignKind;
  /** The output folder's parent name (the experiment's name). */
  readonly name: string;
  readonly plan: DesignPlan;
  readonly replications: number;
  readonly seed: number;
  readonly outcomes: readonly OutcomeSpec[];
  /** Everything else that determines the data files (hashed into the key). */
  readonly identity: unknown;
  /** Fixed manifest fields (experiment, scenario, design). */
  readonly manifest: ManifestInput;
  /** The model task of unit u. */
  readonly task: (unit: number) => UnitTask;
  /** Or a stand-in for the model (tests: the Ishigami function). */
  readonly evaluate?: (point: readonly number[], replication: number) => Float64Array;
}

export interface DesignRunOptions {
  readonly outRoot: string;
  readonly workers: number;
  readonly shard?: Shard;
  readonly resume?: boolean;
  readonly command: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** How the notes of an interrupted design's part are worded (--lang id: messages/warning-text-id.ts); English when absent. */
  readonly warningText?: WarningText;
}

export interface DesignRunResult {
  /** The result folder, or the shard's folder. */
  readonly dir: string;
  readonly job: DesignJob;
  readonly units: number;
  readonly ran: number;
  readonly resumed: number;
  /**
   * The rows written to sweep_summary.csv and sensitivity.csv (what the
   * terminal shows); absent for a shard's folder, whose rows come with the
   * merge (`mergeDesignShards`).
   */
  readonly rows?: DesignRows;
}

/** A merged result folder and the rows written into it. */
export interface DesignMergeResult {
  readonly dir: string;
  readonly rows: DesignRows;
}

/** What a design job is built from (`sweepJob`). */
export interface SweepJobOptions {
  readonly experiment: string;
  readonly kind: DesignKind;
  /** Overrides the design's method (`difusi sensitivity --method`). */
  readonly method?: DesignMethod;
  readonly set?: Record<string, unknown>;
  readonly seed?: number;
  readonly replications?: number;
  readonly outcomes?: readonly string[];
  /** Scenario warnings of the base scenario (model/warnings.ts). */
  readonly onWarning?: (where: string, message: string) => void;
  /** How the warnings are worded (default English; messages/warning-text-id.ts under --lang id). */
  readonly warningText?: WarningText;
}

export interface SweepOptions extends SweepJobOptions, DesignRunOptions {}

function hashKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

/** The folder key of a design job. */
export function designKey(job: DesignJob): string {
  return hashKey({ kind: job.kind, identity: job.identity, plan: job.plan, R: job.replications, seed: job.seed, outcomes: job.outcomes });
}

function designPaths(outRoot: string, job: DesignJob, shard?: Shard) {
  const key = designKey(job);
  const base = path.join(outRoot, job.name);
  const name = shard && shard.count > 1 ? `${key}.shard-${shard.index}-of-${shard.count}` : key;
  return { root: base, key, final: path.join(base, name), partial: path.join(base, `.${name}.partial`) };
}

/** What set a design's replication count, as the design-size refusal names it: -r, the file's field, a --set, or the base scenario. */
function replicationsSource(options: Pick<SweepJobOptions, 'replications' | 'set'>, spec: ExperimentSpec): string {
  const setsReplications = (set: Record<string, unknown> | undefined) => set !== undefined && Object.keys(set).some((k) => k.trim() === 'replications');
  if (options.replications !== undefined) return '-r';
  if (spec.replications !== undefined) return 'replications';
  if (setsReplications(options.set)) return '--set replications';
  if (setsReplications(spec.set)) return "the experiment's set replications";
  return "the base scenario's";
}

/** Builds the design job of an experiment file (reads the files, checks every design point). */
export function sweepJob(options: SweepJobOptions & Partial<DesignRunOptions>): DesignJob {
  // Its variants are compare's: warned of below, not checked.
  const exp = readExperimentFile(options.experiment, ['design']);
  const { spec } = exp;
  const command = options.kind === 'sweep' ? 'difusi sweep' : 'difusi sensitivity';
  if (spec.design === undefined) throw UserError.of('experiment_no_design', [command], { file: exp.file, path: [] });
  const method: DesignMethod = options.method ?? spec.design.method;
  const text = options.warningText ?? warningText;
  const { arms, seed, replications } = experimentArms(exp, {
    ...(options.set !== undefined && { set: options.set }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.replications !== undefined && { replications: options.replications }),
  });
  // difusi sensitivity analyses Morris or Sobol' designs. A grid or LHS file is a sweep: refused at its
  // design.method line (it used to run as Morris over [min(values), max(values)] without a word).
  if (options.kind === 'sensitivity' && (method === 'grid' || method === 'lhs')) {
    const ranges = spec.design.factors.every((f) => f.values === undefined);
    throw UserError.of('sensitivity_sweep_design', [method, ranges], { file: exp.file, ...exp.locate(['design', 'method']), path: ['design', 'method'] });
  }
  // --method morris|sobol on a grid file: a factor's values are a grid's, not a range (refused as the file's own morris or
  // sobol would refuse them; a file's own method with values never gets here, its reader refuses it).
  if (options.method !== undefined && method !== 'grid') {
    const i = spec.design.factors.findIndex((f) => f.values !== undefined);
    if (i >= 0) throw UserError.of('sensitivity_method_values', [method], { file: exp.file, ...exp.locate(['design', 'factors', i, 'values']), path: ['design', 'factors', i, 'values'] });
  }
  // The design as this command runs it (--method, and the replications of -r, --set or the base scenario): past a
  // limit of scenario/limits.ts, refused at its line before anything is built (the file's own was checked when read).
  const size = designSizeIssue(spec.design, method, { count: replications, from: replicationsSource(options, spec) });
  if (size !== undefined) throw new UserError([{ ...size.issue, file: exp.file, ...exp.locate(size.issue.path, size.target) }]);
  // The variants are compare's: said at their line (the design runs as it would without them).
  if (options.onWarning && spec.variants.length > 0) {
    const { line } = exp.locate(['variants'], 'key');
    options.onWarning(line !== undefined ? `${exp.file}:${line}` : exp.file, text(warning('experiment_section_unread', 'variants', options.kind, ['compare'])));
  }
  const baseArm = arms[0]!;
  const base = loadArm(exp, baseArm);
  // The command line's --sets that changed the base scenario (as `difusi run` records them, jobs/run.ts):
  // without one, the base is read with the experiment's `set:` and the other --sets, as above.
  const settingsWithout = (others: Record<string, unknown>) => ({
    set: others,
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.replications !== undefined && { replications: options.replications }),
  });
  // The base file as read above, with other overrides, not read and parsed again for each --set (rereadScenarioFile).
  const again = (file: string, o: Record<string, unknown>) => (file === baseArm.file ? rereadScenarioFile(base, o, file) : readScenarioFile(file, o));
  const overrides = whatIfs(options.set, base.hash, (others) => loadArm(exp, experimentArms(exp, settingsWithout(others), again).arms[0]!, again).hash);
  // A factor on another factor's field, or on one that set: / --set writes: refused at its line before anything runs.
  checkFactorFields(exp, baseArm, base);
  if (options.onWarning) {
    // A warning the base file as written does not give comes from an override: named at its experiment line (warningPlace).
    const place = warningPlace(exp, baseArm, base, (s) => scenarioWarnings(s, undefined, undefined, text));
    for (const w of scenarioWarnings(base.scenario, undefined, undefined, text)) {
      const at = place(w);
      options.onWarning(at === undefined ? `${baseArm.file} (base of ${exp.file})` : at, w);
    }
  }
  // The base file's levers as it is written (what `difusi validate <file>` warns of).
  if (options.onWarning) for (const w of leverWarnings(base.written, text)) options.onWarning(baseArm.file, w);
  // An unknown outcome is placed where it was named: the command line's --outcomes or the experiment file's outcomes:.
  const { outcomes } = outcomeFor(base.scenario, options.outcomes ?? spec.outcomes ?? DEFAULT_OUTCOMES, options.outcomes !== undefined ? 'command line --outcomes' : exp.file);
  let plan: DesignPlan;
  try {
    plan = buildDesign(spec.design, seed, method);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw UserError.of('invalid_value', [error.message], { file: exp.file, ...exp.locate(['design']), path: ['design'] });
  }
  // Sobol' sequences are balanced only at powers of two: another N runs, with a warning (files that ran before still run).
  const N = plan.saltelli?.N;
  if (N !== undefined && plan.saltelli?.sequence === undefined && !Number.isInteger(Math.log2(N)) && options.onWarning) {
    const { line } = exp.locate(['design', 'samples']);
    const below = 2 ** Math.floor(Math.log2(N));
    options.onWarning(line !== undefined ? `${exp.file}:${line}` : exp.file, text(warning('sobol_samples_not_power_of_two', N, below)));
  }
  // A setting the method does not read (samples under morris...) changed nothing: warned at its line, not refused (such files ran before).
  if (options.onWarning) {
    const byOption = method !== spec.design.method;
    // `difusi sensitivity` runs one file as Morris or as Sobol' (--method), so a setting of either is
    // not unused there (the shipped bekasi-sensitivity.yaml carries both, and would warn on every run).
    const unused = unusedDesignSettings(spec.design, method)
      .filter((u) => !(options.kind === 'sensitivity' && u.usedBy.some((m) => m === 'morris' || m === 'sobol')))
      .map((u) => ({ ...u, line: exp.locate([...u.path]).line }));
    // In the order of the file's lines.
    unused.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    for (const { path: at, usedBy, line } of unused) {
      const field = at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
      const use: DesignUse = at[1] === 'bootstrap' ? { method, resamples: false } : methodUses(plan);
      options.onWarning(line !== undefined ? `${exp.file}:${line}` : exp.file, text(warning('design_setting_unused', field, method, byOption, usedBy, use)));
    }
  }
  // Every point is checked before anything runs; its hash goes into the key.
  const hashes = plan.rows.map((row) => designPointScenario(exp, base, baseArm.file, plan.names, row).hash);
  let cached: { point: number; scenario: Scenario; hash: string } | undefined;
  const scenarioOf = (point: number) => {
    if (cached?.point !== point) cached = { point, ...designPointScenario(exp, base, baseArm.file, plan.names, plan.rows[point]!) };
    return cached;
  };
  return {
    kind: options.kind,
    name: spec.name,
    plan,
    replications,
    seed,
    outcomes,
    identity: { base: base.hash, points: hashHashes(hashes) },
    manifest: {
      tool: { name: TOOL_NAME, version: toolVersion() },
      kind: options.kind,
      experiment: { name: spec.name, file: exp.file, description: spec.description, ...(spec.description_id !== undefined && { description_id: spec.description_id }) },
      scenario: { name: base.scenario.name, hash: base.hash, file: baseArm.file, info: base.infoMarkdown, ...(base.infoMarkdownId !== '' && { info_id: base.infoMarkdownId }), resolved: base.scenario },
      seed,
      replications,
      design: { method, factors: spec.design.factors, points: plan.rows.length, ...designSettings(plan) },
      outcomes: outcomes.map((o) => o.name),
      // Only when a --set changed the scenario; the folder writer moves it to the end (store/sweep-store.ts).
      ...(Object.keys(overrides).length > 0 && { overrides }),
    },
    task: (unit) => {
      const { point, replication } = unitPoint(unit, replications);
      const { scenario, hash } = scenarioOf(point);
      return { unit, scenario, hash, seed, replication, outcomes };
    },
  };
}

/** What the plan's method runs, for a design setting it does not read (design_setting_unused). */
function methodUses(plan: DesignPlan): DesignUse {
  const points = plan.rows.length;
  if (plan.morris) return { method: 'morris', trajectories: plan.morris.trajectories.length, points, levels: plan.morris.levels };
  if (plan.saltelli) return { method: 'sobol', samples: plan.saltelli.N, points };
  if (plan.method === 'lhs') return { method: 'lhs', points };
  return { method: 'grid', points, factors: plan.names.length };
}

function hashHashes(hashes: readonly string[]): string {
  return createHash('sha256').update(hashes.join('\n')).digest('hex');
}

function designSettings(plan: DesignPlan): Record<string, unknown> {
  if (plan.morris) return { trajectories: plan.morris.trajectories.length, levels: plan.morris.levels };
  if (plan.saltelli) return { samples: plan.saltelli.N, bootstrap: plan.bootstrap ?? 0, ...(plan.saltelli.sequence !== undefined && { sequence: plan.saltelli.sequence }) };
  return {};
}

/** Runs (this shard of) a design job and writes its result folder, or the shard's folder. */
export async function executeDesignJob(job: DesignJob, options: DesignRunOptions): Promise<DesignRunResult> {
  // One job per result folder; refuses early to replace a folder holding files difusi did not write.
  // Resumable: a stop (SIGTERM, SIGINT) keeps the part for --resume, and says so (store/folder-lock.ts).
  const release = claimFolder(designPaths(options.outRoot, job, options.shard).final, options.command, true);
  try {
    return await executeClaimedDesignJob(job, options);
  } finally {
    release();
  }
}

async function executeClaimedDesignJob(job: DesignJob, options: DesignRunOptions): Promise<DesignRunResult> {
  const started = new Date();
  const shard = options.shard ?? { index: 0, count: 1 };
  const where = designPaths(options.outRoot, job, options.shard);
  const units = job.plan.rows.length * job.replications;
  const meta: SweepPartMeta = {
    format: 'difusi-sweep-part-2',
    tool_version: toolVersion(),
    kind: job.kind,
    name: job.name,
    key: where.key,
    units,
    replications: job.replications,
    seed: job.seed,
    outcomes: job.outcomes,
    plan: job.plan,
    shard,
    manifest: job.manifest,
  };
  const writer = SweepPartWriter.open(where.partial, meta, options.resume === true);
  // What opening the part found (an interrupted sweep resumed, or discarded), worded in the command's language.
  for (const note of writer.notes) process.stderr.write(`⚠ ${(options.warningText ?? warningText)(note)}\n`);
  const mine = shardUnits(units, shard);
  const resumed = mine.filter((u) => writer.has(u)).length;
  const ran = await runDesign(job, writer, mine, options.workers, options.onProgress);
  let rows: DesignRows | undefined;
  finishPart(where, shard.count > 1, () => {
    ({ rows } = writeSweepFolder([where.partial], where.final, varyingManifest(options.command, null, started, { workers: options.workers, resumed_runs: resumed })));
  });
  return { dir: where.final, job, units, ran, resumed, ...(rows !== undefined && { rows }) };
}

/**
 * Runs the design runs `units` of a job that `store` does not hold yet into
 * it, and closes it. The one loop of every sweep and sensitivity analysis,
 * whichever store keeps the results (store/store.ts). Returns how many ran.
 */
export async function runDesign(
  job: DesignJob,
  store: DesignStore,
  units: readonly number[],
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const todo = units.filter((u) => !store.has(u));
  let done = units.length - todo.length;
  onProgress?.(done, units.length);
  const evaluate = job.evaluate;
  try {
    await runUnits({
      units: todo,
      workers,
      task: job.task,
      ...(evaluate !== undefined && {
        evaluate: (u: number) => {
          const { point, replication } = unitPoint(u, job.replications);
          return evaluate(job.plan.rows[point]!, replication);
        },
      }),
      onResult: (result) => {
        store.append(result.unit, result.values);
        onProgress?.(++done, units.length);
      },
    });
  } finally {
    store.close();
  }
  return todo.length;
}

function varyingManifest(command: string, shard: unknown, started: Date, extra: Record<string, unknown>): Record<string, unknown> {
  const finished = new Date();
  return {
    command,
    shard,
    timings: { started: started.toISOString(), finished: finished.toISOString(), seconds: (finished.getTime() - started.getTime()) / 1000, ...extra },
  };
}

/** `difusi sweep` / `difusi sensitivity`: builds the job from the experiment file and runs it. */
export async function executeSweep(options: SweepOptions): Promise<DesignRunResult> {
  return executeDesignJob(sweepJob(options), options);
}

/**
 * Merges the shard folders of one sweep or sensitivity analysis into the
 * result folder a single-machine run writes (the same bytes), checking one
 * key and one n and naming missing units and the shards to rerun. Returns
 * the folder.
 */
export function mergeSweepShards(dirs: readonly string[], outRoot: string, command: string): string {
  return mergeDesignShards(dirs, outRoot, command).dir;
}

/** `mergeSweepShards`, returning the rows written with the folder. */
export function mergeDesignShards(dirs: readonly string[], outRoot: string, command: string): DesignMergeResult {
  const started = new Date();
  const metas = dirs.map(readSweepMeta);
  const first = metas[0];
  if (first === undefined) throw UserError.of('sweep_merge_nothing', [], { file: '(merge)' });
  const out = path.join(outRoot, first.name, first.key);
  const release = claimFolder(out, command);
  try {
    const { rows } = writeSweepFolder(dirs, out, varyingManifest(command, null, started, { merged_parts: dirs.length }));
    return { dir: out, rows };
  } finally {
    release();
  }
}

/**
 * The shard folders of an experiment's sweep under `outRoot`: those of
 * count `count`, or of the only count present.
 */
export function findSweepShards(job: DesignJob, outRoot: string, count?: number): string[] {
  const { root, key } = designPaths(outRoot, job);
  return findShardFolders(root, key, count);
}
