/**
 * `difusi run` as a library call: scenario file -> replications -> result folder.
 *
 *   readScenarioFile --compile--> metric names
 *     --> PartWriter (resumable, on disk)  <-- replicate() on K workers
 *     --> writeRunFolder (single machine)   or a finished shard part (--shard i/n)
 *
 * Output: `<outRoot>/<scenario name>/<run key>/`, the key being the start of
 * the resolved scenario's hash (it includes seed and replications). Work in
 * progress lives in a hidden `.<key>.partial` folder beside it, which
 * `--resume` continues; no result folder appears until it is complete.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { compile } from '../model/compile.js';
import { metricNames } from '../model/observation.js';
import { replicate } from '../experiment/replicate.js';
import type { Scenario } from '../scenario/schema.js';
import { readScenarioFile } from '../store/scenario-file.js';
import { scenarioWarnings } from '../model/warnings.js';
import { PartWriter, type PartMeta } from '../store/part-store.js';
import { finishPart, writeRunFolder } from '../store/run-folder.js';
import { TOOL_NAME, toolVersion } from '../store/version.js';
import { claimFolder } from '../store/folder-lock.js';

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
  /** Scenario warnings (model/warnings.ts), said once before the run. */
  readonly onWarning?: (message: string) => void;
}

export interface RunResult {
  /** The result folder, or the shard's part folder. */
  readonly dir: string;
  readonly scenario: Scenario;
  readonly hash: string;
  readonly replications: number;
  readonly ran: number;
  readonly resumed: number;
}

export const DEFAULT_DETAIL_REPLICATIONS = 10;

/** The manifest of a run folder (EXPERIMENTS.md outputs); timings are the only varying fields. */
export function runManifest(
  meta: PartMeta,
  command: string,
  shard: unknown,
  started: Date,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const finished = new Date();
  return {
    tool: { name: TOOL_NAME, version: toolVersion() },
    kind: 'run',
    scenario: { name: meta.scenario_name, hash: meta.scenario_hash, file: meta.scenario_file, info: meta.info, resolved: meta.scenario },
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

export async function executeRun(options: RunOptions): Promise<RunResult> {
  const started = new Date();
  const file = readScenarioFile(options.file, options.overrides ?? {});
  const { scenario, hash } = file;
  const model = compile(scenario);
  if (options.onWarning) for (const w of scenarioWarnings(scenario, model)) options.onWarning(w);
  const shard = options.shard ?? { index: 0, count: 1 };
  const R = scenario.replications;
  const detail = Math.min(R, options.detail ?? DEFAULT_DETAIL_REPLICATIONS);
  const meta: PartMeta = {
    format: 'difusi-part-2',
    tool_version: toolVersion(),
    scenario_name: scenario.name,
    scenario_hash: hash,
    seed: scenario.seed,
    replications: R,
    detail_replications: detail,
    shard,
    months: scenario.months,
    metrics: metricNames(model),
    start: scenario.start,
    scenario,
    scenario_file: options.file,
    info: file.infoMarkdown,
  };
  const where = runPaths(options.outRoot, scenario, runKey(hash, detail), options.shard);
  // One job per result folder; refuses early to replace a folder holding files difusi did not write.
  const release = claimFolder(where.final, options.command);
  try {
    const writer = PartWriter.open(where.partial, meta, options.resume === true);
    for (const note of writer.notes) options.onWarning?.(note);
    const resumed = writer.done.size;
    const indices: number[] = [];
    for (let r = 0; r < R; r++) if (r % shard.count === shard.index && !writer.done.has(r)) indices.push(r);
    const total = indices.length + resumed;
    options.onProgress?.(resumed, total);
    try {
      await replicate({
        scenario,
        hash,
        seed: scenario.seed,
        indices,
        detailReplications: detail,
        workers: options.workers,
        onResult: (result) => {
          writer.append(result);
          options.onProgress?.(writer.done.size, total);
        },
      });
    } finally {
      writer.close();
    }

    finishPart(where, shard.count > 1, () =>
      writeRunFolder([where.partial], where.final, runManifest(meta, options.command, null, started, { workers: options.workers, resumed_replications: resumed })),
    );
    return { dir: where.final, scenario, hash, replications: R, ran: indices.length, resumed };
  } finally {
    release();
  }
}
