/**
 * `--precision`: a run whose replication count is found while it runs.
 *
 *   GrowingRun: a store (store/store.ts) filled in batches 0..n1-1,
 *     n1..n2-1, ... through runReplications, the loop of every run
 *     (replication r depends only on (seed, r), so a batch is the same
 *     whatever count is finally chosen)
 *   nextCheckpoint(values of the chosen outcome) --> next n, or stop at R
 *   FileGrowingRun: the store is a part sized for the maximum count;
 *     finalize(R) relabels it as a run of R replications, written by
 *     writeRunFolder, the function a plain run uses
 *   in memory (jobs/in-memory.ts): the store is a MemoryRunStore; the
 *     replications 0..R-1 are the run
 *
 * So `difusi run s.yaml --precision 0.05`, stopping at R, writes the same
 * data files, in the same folder, as `difusi run s.yaml -r R`. Work lives
 * in a hidden `.<key>.growing` folder beside the results; `--resume`
 * continues it. Memory holds one number per replication and outcome.
 */
import fs from 'node:fs';
import path from 'node:path';
import { metricNames } from '../model/observation.js';
import { OutcomeExtractor, outcomeFor } from '../experiment/outcomes.js';
import { achievedPrecision, nextCheckpoint, type PrecisionRule } from '../experiment/precision.js';
import { UserError, warningText, type ScenarioWarning } from '../messages/catalog.js';
import type { Scenario } from '../scenario/schema.js';
import { PartAccess, PartWriter, readPart } from '../store/part-store.js';
import { sealedJson } from '../store/part-seal.js';
import type { RunStore } from '../store/store.js';
import type { OutcomeVectors } from '../store/arm-outcomes.js';
import { writeRunFolder, type RunFolderWritten } from '../store/run-folder.js';
import { writeFileDurably } from '../store/durable.js';
import { lockFolder } from '../store/folder-lock.js';
import {
  DEFAULT_DETAIL_REPLICATIONS,
  prepareRun,
  runKey,
  runManifest,
  runPartMeta,
  runPaths,
  runReplications,
  sayWarnings,
  type PreparedRun,
  type RunOptions,
  type RunResult,
} from './run.js';
import { readScenarioFile } from '../store/scenario-file.js';
import { scenarioWarnings } from '../model/warnings.js';

export interface PrecisionOptions extends PrecisionRule {
  /** The outcome whose relative precision is tested (experiment/outcomes.ts), e.g. live_share. */
  readonly outcome: string;
}

/** What --precision found. */
export interface PrecisionReport {
  readonly target: number;
  readonly outcome: string;
  readonly replications: number;
  /** The relative half-width achieved (the largest over arms). */
  readonly achieved: number;
  /** false when the maximum was reached first. */
  readonly reached: boolean;
}

export interface GrowingRunOptions {
  /** The scenario file, read and compiled (jobs/run.ts prepareRun) with its replications set to `maximum`. */
  readonly run: PreparedRun;
  readonly overrides?: Record<string, unknown>;
  readonly outRoot: string;
  readonly workers: number;
  readonly resume?: boolean;
  readonly detail?: number;
  readonly maximum: number;
  readonly outcomes: readonly string[];
}

// The outcome check moved to experiment/outcomes.ts (a pure check); kept here for importers.
export { outcomeFor } from '../experiment/outcomes.js';

/**
 * A run grown in batches into a store (store/store.ts): a part on disk
 * (FileGrowingRun) or replications in memory (jobs/in-memory.ts). It keeps
 * the chosen outcomes of every finished replication, which the precision
 * rule reads, at full precision whichever the store.
 */
export class GrowingRun {
  /** values[k][r]: outcome k of replication r (filled for finished replications). */
  readonly values: Float64Array[];

  constructor(
    protected readonly store: RunStore,
    readonly scenario: Scenario,
    readonly hash: string,
    private readonly extractor: OutcomeExtractor,
    readonly maximum: number,
    /** Replications below this record agents and events. */
    readonly detail: number,
    private readonly workers: number,
  ) {
    this.values = extractor.outcomes.map(() => new Float64Array(maximum));
  }

  /** Finished replications. */
  get done(): number {
    return this.store.done.size;
  }

  /** Runs replications until 0..n-1 are all finished (the store stays open). */
  async extendTo(n: number, onResult?: () => void): Promise<void> {
    const store = this.store;
    const batch: RunStore = {
      done: store.done,
      append: (result) => {
        store.append(result);
        this.record(result.replication, result.series, result.outcomes.map((o) => o.outcome));
      },
      close: () => undefined, // closed once the count is known
    };
    let started = false;
    await runReplications(batch, {
      scenario: this.scenario,
      hash: this.hash,
      indices: Array.from({ length: n }, (_, r) => r),
      detail: this.detail,
      workers: this.workers,
      // The first call reports what was done before the batch; then one per result.
      onProgress: () => {
        if (started) onResult?.();
        started = true;
      },
    });
  }

  /** Keeps replication r's outcomes. */
  protected record(r: number, series: ArrayLike<number>, outcomes: readonly string[]): void {
    if (r >= this.maximum) return;
    const v = this.extractor.fromSeries(series, this.scenario.months, outcomes);
    for (let k = 0; k < v.length; k++) this.values[k]![r] = v[k]!;
  }
}

/**
 * A growing run whose store is a part on disk, in a hidden `.<key>.growing`
 * folder (resumable), finalized as the folder a plain run of R writes.
 */
export class FileGrowingRun extends GrowingRun {
  /** Releases the growing part's lock (finalize does, and release); a second call does nothing. */
  unlock: () => void = () => undefined;
  readonly resumed: number;
  /** What opening the part found (an interrupted run resumed or discarded), for the caller to say as a plain run does. */
  readonly notes: readonly ScenarioWarning[];
  private readonly writer: PartWriter;
  private writerOpen = true;

  private constructor(
    private readonly options: GrowingRunOptions,
    writer: PartWriter,
    extractor: OutcomeExtractor,
    readonly partDir: string,
  ) {
    const { scenario, hash } = options.run.source;
    super(writer, scenario, hash, extractor, options.maximum, writer.meta.detail_replications, options.workers);
    this.writer = writer;
    this.resumed = writer.done.size;
    this.notes = writer.notes;
    if (this.resumed > 0) this.loadFinished();
  }

  static open(options: GrowingRunOptions): FileGrowingRun {
    const { run } = options;
    const { scenario, hash } = run.source;
    const { extractor } = outcomeFor(scenario, options.outcomes, 'command line --precision-outcome', run.model);
    const detail = Math.min(options.maximum, options.detail ?? DEFAULT_DETAIL_REPLICATIONS);
    const meta = runPartMeta(run.file, run.source, metricNames(run.model), detail, undefined, run.overrides);
    const { partial } = runPaths(options.outRoot, scenario, runKey(hash, detail));
    const partDir = partial.replace(/\.partial$/, '.growing');
    const unlock = lockFolder(partDir, 'difusi --precision', true); // one growing run at a time
    try {
      const grown = new FileGrowingRun(options, PartWriter.open(partDir, meta, options.resume === true), extractor, partDir);
      // Once: finalize releases the lock and so does the caller's finally (a second release of a lock held twice in
      // this process, re-entrantly, would free it for the other holder).
      let held = true;
      grown.unlock = () => {
        if (!held) return;
        held = false;
        unlock();
      };
      return grown;
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /**
   * Makes every grown replication durable (the part's writer otherwise keeps the last lines a moment): called once
   * the count is found, before any arm is written, so that a failure or a kill while writing loses none of them.
   */
  flush(): void {
    this.writer.flush();
  }

  /**
   * Closes the part, if finalize has not, and releases its lock: for a caller's finally, whatever happened. A
   * failure to close (the disk still full) is not thrown over the error being handled: the replications whose
   * lines did not reach the disk run again on --resume, which verifies every record.
   */
  release(): void {
    try {
      this.closeWriter();
    } catch {
      // see above
    } finally {
      this.unlock();
    }
  }

  private closeWriter(): void {
    if (!this.writerOpen) return;
    this.writerOpen = false;
    this.writer.close();
  }

  /** Outcome values of replications finished before a resume, from the part. */
  private loadFinished(): void {
    const part = readPart(this.partDir);
    const access = new PartAccess();
    const series = new Float64Array(part.meta.months * part.meta.metrics.length);
    try {
      for (const r of this.writer.done) {
        if (r >= this.maximum) continue;
        access.series(part, r, 0, series);
        this.record(r, series, access.record(part, r).outcomes.map((o) => o.outcome));
      }
    } finally {
      access.close();
    }
  }

  /**
   * Writes the result folder of the first R replications: the folder, and
   * the data files, a plain run with R replications writes. Removes the
   * growing part. `vectors`: as for writeRunFolder.
   */
  finalize(R: number, command: string, started: Date, extra: Record<string, unknown>, vectors?: OutcomeVectors): RunResult {
    this.closeWriter();
    const { run } = this.options;
    const file = readScenarioFile(run.file, { ...this.options.overrides, replications: R });
    const detail = Math.min(R, this.options.detail ?? DEFAULT_DETAIL_REPLICATIONS);
    const meta = runPartMeta(run.file, file, metricNames(run.model), detail, undefined, run.overrides);
    const where = runPaths(this.options.outRoot, file.scenario, runKey(file.hash, detail));
    // A relabelled view of the part (hard links): the growing part stays
    // intact until the folder is written, so a crash here loses nothing.
    const staging = `${this.partDir}.final-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    let written: RunFolderWritten;
    try {
      for (const name of ['series.bin', 'records.jsonl']) fs.linkSync(path.join(this.partDir, name), path.join(staging, name));
      // Through the store's writer, as the growing part's own part.json: a refusal (full disk) names the file, and
      // the staging folder goes with it (the finally below); the growing part stays for --resume.
      writeFileDurably(path.join(staging, 'part.json'), sealedJson(meta)); // sealed, as every part.json (store/part-seal.ts)
      written = writeRunFolder([staging], where.final, { ...runManifest(meta, command, null, started, { workers: this.options.workers }), ...extra }, vectors);
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    fs.rmSync(this.partDir, { recursive: true, force: true });
    this.unlock();
    return { dir: where.final, scenario: file.scenario, hash: file.hash, replications: R, ran: R, resumed: this.resumed, outcomes: written.outcomes.shares() };
  }
}

/**
 * Grows several runs together (the arms of a comparison, or one run) until
 * the chosen outcome meets the precision rule in every one. Returns the
 * count R; the caller finalizes each run with it.
 */
export async function growTogether(
  runs: readonly GrowingRun[],
  rule: PrecisionRule,
  onProgress?: (done: number, total: number) => void,
): Promise<{ replications: number; achieved: number; reached: boolean }> {
  let n = 0;
  for (;;) {
    const next = nextCheckpoint(runs.map((run) => run.values[0]!), n, rule);
    if (next === null) break;
    let done = runs.reduce((s, run) => s + Math.min(run.done, next), 0);
    onProgress?.(done, next * runs.length);
    for (const run of runs) {
      await run.extendTo(next, () => onProgress?.(++done, next * runs.length));
    }
    n = next;
  }
  const achieved = achievedPrecision(runs.map((run) => run.values[0]!), n);
  return { replications: n, achieved, reached: achieved <= rule.target };
}

/**
 * `difusi run --precision X`: grows the run until the chosen outcome's
 * relative CI half-width is at most X (at least `minimum` replications, at
 * most `maximum`), then writes the folder a plain run with that count writes.
 */
export async function executePrecisionRun(
  options: RunOptions,
  precision: PrecisionOptions,
): Promise<RunResult & { precision: PrecisionReport }> {
  const started = new Date();
  if (options.shard !== undefined && options.shard.count > 1) {
    throw UserError.of('invalid_option', ['--precision'], { file: 'command line' }, { expected: 'a run on one machine (not with --shard)', found: `--shard ${options.shard.index}/${options.shard.count}` });
  }
  const prepared = prepareRun(options.file, { ...options.overrides, replications: precision.maximum }, options.parsed);
  const run = FileGrowingRun.open({
    run: prepared,
    ...(options.overrides !== undefined && { overrides: options.overrides }),
    outRoot: options.outRoot,
    workers: options.workers,
    ...(options.resume !== undefined && { resume: options.resume }),
    ...(options.detail !== undefined && { detail: options.detail }),
    maximum: precision.maximum,
    outcomes: [precision.outcome],
  });
  try {
    // As a run without --precision (runPrepared): what opening the part found, worded in the command's
    // language (these notes were dropped: a resumed --precision run said nothing of what it kept or discarded),
    // and the levers naming no value of the scenario.
    for (const note of run.notes) options.onWarning?.((options.warningText ?? warningText)(note));
    if (options.onWarning) sayWarnings(prepared, scenarioWarnings(run.scenario, prepared.model, undefined, options.warningText), options.onWarning, options.warningText);
    const grown = await growTogether([run], precision, options.onProgress);
    const report: PrecisionReport = { target: precision.target, outcome: precision.outcome, ...grown };
    const result = run.finalize(grown.replications, options.command, started, { precision: report });
    return { ...result, precision: report };
  } finally {
    run.release();
  }
}
