/**
 * `difusi run` as a library call: scenario file -> replications -> result folder.
 *
 *   readScenarioFile --compile--> metric names
 *     --> PartWriter (resumable, on disk)  <-- replicate() on K workers
 *     --> writeRunFolderAsync (single machine)   or a finished shard part (--shard i/n)
 *
 * Output: `<outRoot>/<scenario name>/<run key>/`, the key being the start of
 * the resolved scenario's hash (it includes seed and replications). Work in
 * progress lives in a hidden `.<key>.partial` folder beside it, which
 * `--resume` continues; no result folder appears until it is complete.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { compile, type CompiledModel } from '../model/compile.js';
import { metricNames } from '../model/observation.js';
import { prestartReplicate, replicate } from '../experiment/replicate.js';
import type { Scenario } from '../scenario/schema.js';
import { commandLineWarningPlace, readScenarioFile, sayWarningsPlaced, scenarioWith, type ScenarioFile } from '../store/scenario-file.js';
import { scenarioWarnings } from '../model/warnings.js';
import { warningText, type WarningText } from '../messages/catalog.js';
import { leverWarnings } from '../scenario/levers.js';
import type { ParsedText } from '../scenario/parse.js';
import { whatIfs } from '../scenario/apply-overrides.js';
import { PartWriter, type PartMeta } from '../store/part-store.js';
import type { RunStore } from '../store/store.js';
import type { OutcomeShare } from '../experiment/outcome-table.js';
import { finishPartAsync, writeRunFolderAsync } from '../store/run-folder.js';
import { TOOL_NAME, toolVersion } from '../store/version.js';
import type { ManifestInput } from '../store/tables.js';
import { claimFolder } from '../store/folder-lock.js';
import type { OutcomeVectors } from '../store/arm-outcomes.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export interface RunOptions {
  readonly file: string;
  readonly overrides?: Record<string, unknown>;
  readonly outRoot: string;
  readonly workers: number;
  readonly shard?: Shard;
  readonly resume?: boolean;
  /** How many replications record agents.csv and events.csv (default min(R, 10)). */
  readonly detail?: number;
  readonly command: string;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Scenario warnings (model/warnings.ts), said once before the run. `where`:
   * the override that gives the warning when the file as written does not
   * (`command line --set <path>`); absent when the file gives it.
   */
  readonly onWarning?: (message: string, where?: string) => void;
  /**
   * Where what opening the part found is said (an interrupted run resumed or discarded), when not through
   * onWarning: a comparison's arm (jobs/compare.ts) says its own scenario's warnings once, not per arm run.
   */
  readonly onPartNote?: (message: string) => void;
  /** How the warnings are worded (default English; messages/warning-text-id.ts under --lang id). */
  readonly warningText?: WarningText;
  /** The file as a caller has parsed it (the national sniff of `difusi run`, store/national-sniff.ts): not parsed again. */
  readonly parsed?: ParsedText;
}

export interface RunResult {
  /** The result folder, or the shard's part folder. */
  readonly dir: string;
  readonly scenario: Scenario;
  readonly hash: string;
  readonly replications: number;
  readonly ran: number;
  readonly resumed: number;
  /**
   * Each innovation's outcome shares over the replications, counted while
   * outcomes.csv was written (what `difusi run` prints); null for a shard,
   * whose outcomes are known only once merged.
   */
  readonly outcomes: readonly OutcomeShare[] | null;
}

export interface ReplicationsOptions {
  readonly scenario: Scenario;
  readonly hash: string;
  /** Every replication index this job owns (those the store holds are skipped). */
  readonly indices: readonly number[];
  /** Replications below this record agents and events. */
  readonly detail: number;
  readonly workers: number;
  /** Have the workers format each replication's timeseries.csv rows (file stores: keeps the main thread free). */
  readonly formatTimeseries?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the replications `indices` of a scenario that `store` does not hold
 * yet into it, and closes it. The one loop of every run, whichever store
 * keeps the results (store/store.ts). Returns how many ran.
 */
export async function runReplications(store: RunStore, options: ReplicationsOptions): Promise<number> {
  const todo = options.indices.filter((r) => !store.done.has(r));
  const total = options.indices.length;
  const owned = new Set(options.indices);
  const doneOf = () => [...store.done].filter((r) => owned.has(r)).length;
  let done = doneOf();
  options.onProgress?.(done, total);
  try {
    await replicate({
      scenario: options.scenario,
      hash: options.hash,
      seed: options.scenario.seed,
      indices: todo,
      detailReplications: options.detail,
      workers: options.workers,
      ...(options.formatTimeseries === true && { formatTimeseries: true }),
      onResult: (result) => {
        store.append(result);
        options.onProgress?.(++done, total);
      },
    });
  } finally {
    store.close();
  }
  return todo.length;
}

export const DEFAULT_DETAIL_REPLICATIONS = 10;

/** The manifest of a run folder (EXPERIMENTS.md outputs); timings are the only varying fields. */
export function runManifest(
  meta: PartMeta,
  command: string,
  shard: ManifestInput['shard'],
  started: Date,
  extra: Record<string, unknown>,
): ManifestInput {
  const finished = new Date();
  return {
    tool: { name: TOOL_NAME, version: toolVersion() },
    kind: 'run',
    scenario: { name: meta.scenario_name, hash: meta.scenario_hash, file: meta.scenario_file, info: meta.info, ...(meta.info_id !== undefined && meta.info_id !== '' && { info_id: meta.info_id }), resolved: meta.scenario },
    seed: meta.seed,
    replications: meta.replications,
    detail_replications: meta.detail_replications,
    command,
    shard,
    timings: {
      started: started.toISOString(),
      finished: finished.toISOString(),
      seconds: (finished.getTime() - started.getTime()) / 1000,
      ...extra,
    },
    // The what-ifs of `--set`, only when given; the folder writer moves them to the end (store/run-folder.ts).
    ...(meta.overrides !== undefined && { overrides: meta.overrides }),
  };
}

/**
 * The folder name of a run: the resolved scenario's hash (seed and
 * replications are fields of it) and the detail setting, which changes
 * what events.csv and agents.csv hold.
 */
export function runKey(hash: string, detail: number): string {
  return createHash('sha256').update(`${hash}:${detail}`).digest('hex').slice(0, 12);
}

/** Where a run's folders go. */
export function runPaths(outRoot: string, scenario: Scenario, key: string, shard?: Shard) {
  const base = path.join(outRoot, scenario.name);
  const shardName = shard && shard.count > 1 ? `${key}.shard-${shard.index}-of-${shard.count}` : undefined;
  return {
    final: path.join(base, shardName ?? key),
    partial: path.join(base, `.${shardName ?? key}.partial`),
  };
}

/** A scenario file read and compiled once, ready to run (or to be one arm of a comparison). */
export interface PreparedRun {
  /** The scenario file as given (the manifest's scenario.file). */
  readonly file: string;
  readonly source: ScenarioFile;
  readonly model: CompiledModel;
  /**
   * The what-ifs to record in the manifest (`overrides`): a run's `--set`s
   * that changed the scenario (whatIfs), absent when there are none. A comparison's arms have none
   * here: the comparison's manifest records each arm's `set`.
   */
  readonly overrides?: Readonly<Record<string, unknown>>;
}

export function prepareRun(file: string, overrides: Record<string, unknown> = {}, parsed?: ParsedText): PreparedRun {
  const source = readScenarioFile(file, overrides, parsed, { commandLine: true });
  // The file without each --set: from what was read and parsed of it above, not read again for each (scenarioWith).
  const recorded = whatIfs(overrides, source.hash, (others) => scenarioWith(source, others, file).hash);
  return { file, source, model: compile(source.scenario), ...(Object.keys(recorded).length > 0 && { overrides: recorded }) };
}

/**
 * The part meta of a run. `source` holds the scenario as run (its
 * replication count R); `metrics` are those of its model, which R does not
 * change (so a --precision run relabelled at R reuses them).
 */
export function runPartMeta(
  file: string,
  source: ScenarioFile,
  metrics: readonly string[],
  detail: number,
  shard: Shard = { index: 0, count: 1 },
  overrides?: Readonly<Record<string, unknown>>,
): PartMeta {
  const { scenario, hash } = source;
  return {
    format: 'difusi-part-2',
    tool_version: toolVersion(),
    scenario_name: scenario.name,
    scenario_hash: hash,
    seed: scenario.seed,
    replications: scenario.replications,
    detail_replications: detail,
    shard,
    months: scenario.months,
    metrics: [...metrics],
    start: scenario.start,
    scenario,
    scenario_file: file,
    info: source.infoMarkdown,
    ...(source.infoMarkdownId !== '' && { info_id: source.infoMarkdownId }),
    ...(overrides !== undefined && { overrides }),
  };
}

export async function executeRun(options: RunOptions): Promise<RunResult> {
  // The worker threads start while the scenario is read and checked.
  prestartReplicate(options.workers);
  return runPrepared(prepareRun(options.file, options.overrides ?? {}, options.parsed), options);
}

/**
 * A run's scenario warnings and those of its levers, each with the --set that
 * gives it when the file as written does not (a warning only `--set
 * parameters.theta_sd=0` gives is not the file's). `warnings`: the
 * scenario's (model/warnings.ts), computed with its compiled model.
 */
export function sayWarnings(run: PreparedRun, warnings: readonly string[], say: (message: string, where?: string) => void, text: WarningText = warningText): void {
  const { source } = run;
  const all = [...warnings, ...leverWarnings(source.scenario, text)];
  if (all.length === 0) return;
  const place = commandLineWarningPlace(source, run.overrides ?? {}, run.file, (s) => [...scenarioWarnings(s, undefined, undefined, text), ...leverWarnings(s, text)]);
  sayWarningsPlaced(all, place, say);
}

/**
 * `executeRun` of a prepared scenario. `vectors`, when given, is filled with
 * each replication's outcome vector as the folder's files hold them (not for
 * a shard, whose folder is a part).
 */
export async function runPrepared(run: PreparedRun, options: Omit<RunOptions, 'file' | 'overrides'>, vectors?: OutcomeVectors): Promise<RunResult> {
  const started = new Date();
  const { scenario, hash } = run.source;
  // A lever naming a list entry the scenario does not have: said as `difusi validate` says it for the same file and --set.
  if (options.onWarning) sayWarnings(run, scenarioWarnings(scenario, run.model, undefined, options.warningText), options.onWarning, options.warningText);
  const shard = options.shard ?? { index: 0, count: 1 };
  const R = scenario.replications;
  const detail = Math.min(R, options.detail ?? DEFAULT_DETAIL_REPLICATIONS);
  const meta = runPartMeta(run.file, run.source, metricNames(run.model), detail, shard, run.overrides);
  const where = runPaths(options.outRoot, scenario, runKey(hash, detail), options.shard);
  // One job per result folder; refuses early to replace a folder holding files difusi did not write.
  // Resumable: a stop (SIGTERM, SIGINT) keeps the part for --resume, and says so (store/folder-lock.ts).
  const release = claimFolder(where.final, options.command, true);
  try {
    const writer = PartWriter.open(where.partial, meta, options.resume === true);
    // What opening the part found (an interrupted run resumed, or discarded), worded in the command's language.
    const sayNote = options.onPartNote ?? options.onWarning;
    for (const note of writer.notes) sayNote?.((options.warningText ?? warningText)(note));
    const resumed = writer.done.size;
    const indices: number[] = [];
    for (let r = 0; r < R; r++) if (r % shard.count === shard.index) indices.push(r);
    const ran = await runReplications(writer, {
      scenario,
      hash,
      indices,
      detail,
      workers: options.workers,
      ...(options.onProgress !== undefined && { onProgress: options.onProgress }),
    });

    let outcomes: readonly OutcomeShare[] | null = null;
    // With more than one worker, a thread of the run formats timeseries.csv
    // while this one computes summary.csv (the same bytes: store/run-folder.ts).
    await finishPartAsync(where, shard.count > 1, async () => {
      const written = await writeRunFolderAsync(
        [where.partial],
        where.final,
        runManifest(meta, options.command, null, started, { workers: options.workers, resumed_replications: resumed }),
        vectors,
        { workers: options.workers },
      );
      outcomes = written.outcomes.shares();
    });
    return { dir: where.final, scenario, hash, replications: R, ran, resumed, outcomes };
  } finally {
    release();
  }
}
