/**
 * `--precision`: a run whose replication count is found while it runs.
 *
 *   GrowingRun: a part sized for the maximum count, filled in batches
 *     0..n1-1, n1..n2-1, ... (replication r depends only on (seed, r), so a
 *     batch is the same whatever count is finally chosen)
 *   nextCheckpoint(values of the chosen outcome) --> next n, or stop at R
 *   finalize(R): the part is relabelled as a run of R replications and
 *     written by writeRunFolder, the function a plain run uses
 *
 * So `difusi run s.yaml --precision 0.05`, stopping at R, writes the same
 * data files, in the same folder, as `difusi run s.yaml -r R`. Work lives
 * in a hidden `.<key>.growing` folder beside the results; `--resume`
 * continues it. Memory holds one number per replication and outcome.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compile } from '../model/compile.js';
import { metricNames } from '../model/observation.js';
import { replicate } from '../experiment/replicate.js';
import { OutcomeExtractor, outcomeFor } from '../experiment/outcomes.js';
import { achievedPrecision, nextCheckpoint, type PrecisionRule } from '../experiment/precision.js';
import { UserError } from '../messages/catalog.js';
import type { Scenario } from '../scenario/schema.js';
import { PartAccess, PartWriter, readPart, type PartMeta } from '../store/part-store.js';
import { writeRunFolder, type RunFolderWritten } from '../store/run-folder.js';
import { lockFolder } from '../store/folder-lock.js';
import { DEFAULT_DETAIL_REPLICATIONS, runKey, runManifest, runPaths, type RunOptions, type RunResult } from './run.js';
import { readScenarioFile } from '../store/scenario-file.js';
import { scenarioWarnings } from '../model/warnings.js';
import { toolVersion } from '../store/version.js';

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
  readonly file: string;
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

export class GrowingRun {
  /** Releases the growing part's lock (after finalize; on an error, when the process ends). */
  unlock: () => void = () => undefined;
  /** values[k][r]: outcome k of replication r (filled for finished replications). */
  readonly values: Float64Array[];
  private readonly writer: PartWriter;
  private readonly extractor: OutcomeExtractor;
  private readonly detail: number;

  private constructor(
    private readonly options: GrowingRunOptions,
    readonly scenario: Scenario,
    readonly hash: string,
    private readonly meta: PartMeta,
    readonly partDir: string,
    readonly resumed: number,
  ) {
    const { extractor } = outcomeFor(scenario, options.outcomes, '--precision-outcome');
    this.extractor = extractor;
    this.values = options.outcomes.map(() => new Float64Array(options.maximum));
    this.detail = meta.detail_replications;
    this.writer = PartWriter.open(partDir, meta, options.resume === true);
    this.resumed = this.writer.done.size;
    if (this.resumed > 0) this.loadFinished();
  }

  static open(options: GrowingRunOptions): GrowingRun {
    const file = readScenarioFile(options.file, { ...options.overrides, replications: options.maximum });
    const { scenario, hash } = file;
    const detail = Math.min(options.maximum, options.detail ?? DEFAULT_DETAIL_REPLICATIONS);
    const meta = partMeta(options.file, file.infoMarkdown, scenario, hash, detail);
    const { partial } = runPaths(options.outRoot, scenario, runKey(hash, detail));
    const partDir = partial.replace(/\.partial$/, '.growing');
    const unlock = lockFolder(partDir, 'difusi --precision'); // one growing run at a time
    const run = new GrowingRun(options, scenario, hash, meta, partDir, 0);
    run.unlock = unlock;
    return run;
  }

  /** Finished replications. */
  get done(): number {
    return this.writer.done.size;
  }

  /** Runs replications until 0..n-1 are all finished. */
  async extendTo(n: number, onResult?: () => void): Promise<void> {
    const indices: number[] = [];
    for (let r = 0; r < n; r++) if (!this.writer.done.has(r)) indices.push(r);
    await replicate({
      scenario: this.scenario,
      hash: this.hash,
      seed: this.scenario.seed,
      indices,
      detailReplications: this.detail,
      workers: this.options.workers,
      onResult: (result) => {
        this.writer.append(result);
        this.store(result.replication, result.series, result.outcomes.map((o) => o.outcome));
        onResult?.();
      },
    });
  }

  private store(r: number, series: ArrayLike<number>, outcomes: readonly string[]): void {
    const v = this.extractor.fromSeries(series, this.scenario.months, outcomes);
    for (let k = 0; k < v.length; k++) this.values[k]![r] = v[k]!;
  }

  /** Outcome values of replications finished before a resume, from the part. */
  private loadFinished(): void {
    const part = readPart(this.partDir);
    const access = new PartAccess();
    const series = new Float64Array(this.meta.months * this.meta.metrics.length);
    try {
      for (const r of this.writer.done) {
        if (r >= this.options.maximum) continue;
        access.series(part, r, 0, series);
        this.store(r, series, access.record(part, r).outcomes.map((o) => o.outcome));
      }
    } finally {
      access.close();
    }
  }

  /**
   * Writes the result folder of the first R replications: the folder, and
   * the data files, a plain run with R replications writes. Removes the
   * growing part.
   */
  finalize(R: number, command: string, started: Date, extra: Record<string, unknown>): RunResult {
    this.writer.close();
    const file = readScenarioFile(this.options.file, { ...this.options.overrides, replications: R });
    const detail = Math.min(R, this.options.detail ?? DEFAULT_DETAIL_REPLICATIONS);
    const meta = partMeta(this.options.file, file.infoMarkdown, file.scenario, file.hash, detail);
    const where = runPaths(this.options.outRoot, file.scenario, runKey(file.hash, detail));
    // A relabelled view of the part (hard links): the growing part stays
    // intact until the folder is written, so a crash here loses nothing.
    const staging = `${this.partDir}.final-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    for (const name of ['series.bin', 'records.jsonl']) fs.linkSync(path.join(this.partDir, name), path.join(staging, name));
    fs.writeFileSync(path.join(staging, 'part.json'), JSON.stringify(meta, null, 2) + '\n');
    let written: RunFolderWritten;
    try {
      written = writeRunFolder([staging], where.final, { ...runManifest(meta, command, null, started, { workers: this.options.workers }), ...extra });
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    fs.rmSync(this.partDir, { recursive: true, force: true });
    this.unlock();
    return { dir: where.final, scenario: file.scenario, hash: file.hash, replications: R, ran: R, resumed: this.resumed, outcomes: written.outcomes.shares() };
  }
}

/** The part meta of a run, field for field as executeRun builds it. */
function partMeta(scenarioFile: string, info: string, scenario: Scenario, hash: string, detail: number): PartMeta {
  return {
    format: 'difusi-part-2',
    tool_version: toolVersion(),
    scenario_name: scenario.name,
    scenario_hash: hash,
    seed: scenario.seed,
    replications: scenario.replications,
    detail_replications: detail,
    shard: { index: 0, count: 1 },
    months: scenario.months,
    metrics: metricNames(compile(scenario)),
    start: scenario.start,
    scenario,
    scenario_file: scenarioFile,
    info,
  };
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
  const run = GrowingRun.open({
    file: options.file,
    ...(options.overrides !== undefined && { overrides: options.overrides }),
    outRoot: options.outRoot,
    workers: options.workers,
    ...(options.resume !== undefined && { resume: options.resume }),
    ...(options.detail !== undefined && { detail: options.detail }),
    maximum: precision.maximum,
    outcomes: [precision.outcome],
  });
  try {
    if (options.onWarning) for (const w of scenarioWarnings(run.scenario)) options.onWarning(w);
    const grown = await growTogether([run], precision, options.onProgress);
    const report: PrecisionReport = { target: precision.target, outcome: precision.outcome, ...grown };
    const result = run.finalize(grown.replications, options.command, started, { precision: report });
    return { ...result, precision: report };
  } finally {
    run.unlock();
  }
}
