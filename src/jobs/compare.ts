/**
 * `difusi compare` as a library call: an experiment (or a base scenario and
 * variant files) -> one run folder per arm -> compare.csv.
 *
 *   experiment file ──experimentArms──> arms (base first), each with the same seed and R
 *     each arm ──executeRun (or GrowingRun with --precision)──> arms/<arm>/  (a full run folder)
 *     each arm folder ──readArmOutcomes──> values[outcome][replication]
 *   ──compareArms──> compare.csv  (+ manifest.json, kind "compare")
 *
 * Output: `<outRoot>/<experiment name>/<key>/`, the key a hash of the arms'
 * resolved scenarios (with seed and R), the detail setting and the outcomes.
 * Work in progress lives in a hidden `.<key>.partial` folder beside it;
 * finished arms are kept there, and `--resume` also continues an
 * interrupted arm. Common random numbers: every arm runs replications
 * 0..R-1 under one master seed, and replication r's seeds depend only on
 * (seed, r), so the arms pair up by replication.
 *
 * Across machines: `shard` runs replications r % n == i of every arm into
 * `<key>.shard-i-of-n/arms/<arm>/` (shard run folders); `merge` then merges
 * each arm's shards (as `difusi merge` does) and pairs them, giving the same
 * data files as one machine would.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compareArms, type ComparisonRow } from '../experiment/compare.js';
import { COMPARE, manifestText, type ManifestInput } from '../store/tables.js';
import { DEFAULT_OUTCOMES, outcomeFor, resolveOutcomes, type OutcomeSpec } from '../experiment/outcomes.js';
import { compile } from '../model/compile.js';
import { metricNames } from '../model/observation.js';
import type { ExperimentSpec } from '../experiment/spec.js';
import { UserError } from '../messages/catalog.js';
import { scenarioWarnings } from '../model/warnings.js';
import { CsvWriter } from '../store/csv.js';
import { readArmOutcomes } from '../store/arm-outcomes.js';
import { experimentArms, loadArm, readExperimentFile, type ArmSource, type ExperimentFile } from '../store/experiment-file.js';
import { GrowingRun, growTogether, type PrecisionOptions, type PrecisionReport } from './precision.js';
import { findShardFolders, indexParts, replaceDir } from '../store/run-folder.js';
import { readPart } from '../store/part-store.js';
import { claimFolder } from '../store/folder-lock.js';
import { DEFAULT_DETAIL_REPLICATIONS, executeRun, type Shard } from './run.js';
import { mergeParts } from './merge.js';
import { readScenarioFile, type ScenarioFile } from '../store/scenario-file.js';
import { TOOL_NAME, toolVersion } from '../store/version.js';

export interface CompareOptions {
  /** An experiment file, or ... */
  readonly experiment?: string;
  /** ... a base scenario file and variant scenario files. */
  readonly scenarios?: { readonly base: string; readonly variants: readonly string[] };
  /** Command-line overrides for every arm. */
  readonly set?: Record<string, unknown>;
  readonly seed?: number;
  readonly replications?: number;
  /** Outcomes to compare (default: the experiment's, else DEFAULT_OUTCOMES). */
  readonly outcomes?: readonly string[];
  readonly outRoot: string;
  readonly workers: number;
  readonly resume?: boolean;
  readonly detail?: number;
  readonly precision?: PrecisionOptions;
  readonly command: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Scenario warnings (model/warnings.ts), each said once, with the arm that first has it. */
  readonly onWarning?: (where: string, message: string) => void;
  /** Run only replications r % count == index of every arm (into a shard folder). */
  readonly shard?: Shard;
  /** Merge the finished shards of this comparison (under outRoot) and pair them. */
  readonly merge?: boolean;
  /** With `merge`: the shard count to merge when shards of several counts exist. */
  readonly shardCount?: number;
}

export interface CompareResult {
  readonly dir: string;
  readonly name: string;
  readonly rows: ComparisonRow[];
  readonly replications: number;
  readonly seed: number;
  readonly notes: ReadonlyMap<string, string>;
  readonly precision?: PrecisionReport;
  /** Set when this call ran one shard: `dir` is the shard folder, `rows` is empty. */
  readonly shard?: Shard;
}

/** An experiment made from a base scenario and variant files on the command line. */
function adHocExperiment(base: string, variants: readonly string[]): ExperimentFile {
  const baseScenario = readScenarioFile(base).scenario;
  const used = new Set(['base']);
  const variantSpecs = variants.map((file) => {
    const name0 = readScenarioFile(file).scenario.name;
    let name = name0;
    for (let i = 2; used.has(name); i++) name = `${name0}-${i}`;
    used.add(name);
    return { name, file: path.resolve(file), note: file };
  });
  const spec: ExperimentSpec = {
    name: `${baseScenario.name}-compare`,
    description: `${base} against ${variants.join(', ')}`,
    base: path.resolve(base),
    variants: variantSpecs,
  };
  return { file: '(command line)', spec, locate: () => ({}) };
}

function hashKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

export async function executeCompare(options: CompareOptions): Promise<CompareResult> {
  const started = new Date();
  const exp =
    options.experiment !== undefined
      ? readExperimentFile(options.experiment)
      : adHocExperiment(options.scenarios!.base, options.scenarios!.variants);
  const { spec } = exp;
  const { arms, seed, replications } = experimentArms(exp, {
    ...(options.set !== undefined && { set: options.set }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.replications !== undefined && { replications: options.replications }),
  });
  if (arms.length < 2) throw errorNoVariants(exp);
  // Every arm is read and checked before anything runs.
  const files = arms.map((arm) => loadArm(exp, arm));
  if (options.onWarning) {
    const said = new Set<string>();
    files.forEach((file, i) => {
      for (const w of scenarioWarnings(file.scenario).filter((w) => !said.has(w))) {
        said.add(w);
        options.onWarning!(`${arms[i]!.file} (arm ${arms[i]!.name})`, w);
      }
    });
  }
  const requested = options.outcomes ?? spec.outcomes ?? DEFAULT_OUTCOMES;
  let outcomes: OutcomeSpec[] = [];
  files.forEach((file, i) => {
    const where = `${exp.file} (arm ${arms[i]!.name})`;
    const resolved = outcomeFor(file.scenario, requested, where).outcomes;
    if (i === 0) outcomes = resolved;
  });
  // The base arm's expanded outcomes (sustained.<innovation>, ...) must exist
  // in every arm: a variant that removes an innovation cannot be paired on it.
  const names = outcomes.map((o) => o.name);
  files.forEach((file, i) => {
    if (i === 0) return;
    const where = `${exp.file} (arm ${arms[i]!.name})`;
    const model = compile(file.scenario);
    const resolved = resolveOutcomes(names, { metrics: metricNames(model), innovations: model.innovations.map((x) => x.id) });
    if (!resolved.ok) {
      throw UserError.of('unknown_outcome', [resolved.unknown.join(', ')], { file: where }, {
        expected: 'outcomes that exist in every arm (name them with outcomes: or --outcomes, leaving out those of a removed innovation)',
      });
    }
  });
  const detail = options.detail ?? DEFAULT_DETAIL_REPLICATIONS;
  const root = path.join(options.outRoot, spec.name);
  const notes = new Map(arms.slice(1).map((a) => [a.name, a.note]));

  let R = replications;
  let precision: PrecisionReport | undefined;
  let partial: string;
  let merged: number | undefined;
  const shard = options.shard !== undefined && options.shard.count > 1 ? options.shard : undefined;
  if ((shard !== undefined || options.merge === true) && options.precision !== undefined) {
    throw UserError.of('invalid_option', [shard ? '--shard' : '--merge'], { file: 'command line' }, {
      expected: 'no --precision (a precision rule decides R from all replications; give -r instead)',
      found: '--precision',
    });
  }
  const key0 = compareKey(arms, files, seed, R, detail, outcomes);
  // One job per comparison folder.
  const release = claimFolder(path.join(root, shard !== undefined ? `${key0}.shard-${shard.index}-of-${shard.count}` : key0), options.command);
  try {
    if (shard !== undefined) {
      const dir = await runShard(arms, root, key0, shard, { ...options, detail });
      return { dir, name: spec.name, rows: [], replications: R, seed, notes, shard };
    }
    if (options.merge === true) {
      const shards = findShardFolders(root, key0, options.shardCount);
      if (shards.length === 0) {
        throw UserError.of('invalid_option', ['--merge'], { file: 'command line' }, {
          expected: `shard folders ${key0}.shard-<i>-of-<n> of this comparison under ${root} (the same arms, -r, --seed, --set, --detail and --outcomes as the shards)`,
          found: 'none',
        });
      }
      // Every arm's shards are read and checked before anything is written.
      const parts = arms.map((arm) => {
        const read = shards.map((d) => readPart(path.join(d, 'arms', arm.name)));
        indexParts(read);
        return read;
      });
      merged = shards.length;
      // Not the `.partial` folder of an unsharded comparison, which a resume may need.
      partial = path.join(root, `.${key0}.merging`);
      fs.rmSync(partial, { recursive: true, force: true });
      arms.forEach((arm, a) => {
        const dir = mergeParts(parts[a]!, path.join(partial, 'work', arm.name), options.command);
        replaceDir(dir, path.join(partial, 'arms', arm.name));
      });
    } else if (options.precision === undefined) {
      partial = path.join(root, `.${key0}.partial`);
      if (options.resume !== true) fs.rmSync(partial, { recursive: true, force: true });
      await runArms(arms, partial, { ...options, detail });
    } else {
      const rule = options.precision;
      // Outcome check first, so a bad --precision-outcome fails before any run.
      files.forEach((file, i) => outcomeFor(file.scenario, [rule.outcome], `--precision-outcome (arm ${arms[i]!.name})`));
      partial = path.join(root, `.${hashKey({ arms: arms.map((a, i) => [a.name, files[i]!.hash]), seed, detail, rule })}.growing`);
      if (options.resume !== true) fs.rmSync(partial, { recursive: true, force: true });
      const runs = arms.map((arm) =>
        GrowingRun.open({
          file: arm.file,
          overrides: arm.overrides,
          outRoot: path.join(partial, 'work', arm.name),
          workers: options.workers,
          resume: options.resume === true,
          detail,
          maximum: rule.maximum,
          outcomes: [rule.outcome],
        }),
      );
      const grown = await growTogether(runs, rule, options.onProgress);
      R = grown.replications;
      precision = { target: rule.target, outcome: rule.outcome, ...grown };
      runs.forEach((run, a) => {
        const arm = arms[a]!;
        const result = run.finalize(R, options.command, started, { precision });
        replaceDir(result.dir, path.join(partial, 'arms', arm.name));
        fs.rmSync(path.join(partial, 'work', arm.name), { recursive: true, force: true });
      });
    }
    fs.rmSync(path.join(partial, 'work'), { recursive: true, force: true });

    // Pair the arms by replication.
    const values = [];
    for (const arm of arms) values.push({ name: arm.name, values: await readArmOutcomes(path.join(partial, 'arms', arm.name), outcomes) });
    const rows = compareArms(outcomes, values[0]!, values.slice(1));
    const csv = new CsvWriter(path.join(partial, COMPARE.file), COMPARE.columns);
    for (const row of rows) csv.write(COMPARE.format(row));
    csv.close();

    const armFiles = R === replications ? files : arms.map((arm) => loadArm(exp, { ...arm, overrides: { ...arm.overrides, replications: R } }));
    const key = compareKey(arms, armFiles, seed, R, detail, outcomes);
    const finished = new Date();
    const base = armFiles[0]!;
    const manifest: ManifestInput = {
      tool: { name: TOOL_NAME, version: toolVersion() },
      kind: 'compare',
      experiment: { name: spec.name, file: exp.file, description: spec.description },
      scenario: { name: base.scenario.name, hash: base.hash, file: arms[0]!.file, info: base.infoMarkdown, resolved: base.scenario },
      seed,
      replications: R,
      detail_replications: Math.min(R, detail),
      level: rows[0]?.level ?? 0.95,
      outcomes: outcomes.map((o) => o.name),
      arms: arms.map((arm, i) => ({
        name: arm.name,
        note: arm.note,
        file: arm.file,
        set: withoutRunSettings(arm.overrides),
        hash: armFiles[i]!.hash,
        folder: `arms/${arm.name}`,
      })),
      ...(precision !== undefined && { precision }),
      command: options.command,
      shard: merged !== undefined ? { merged_from: merged, count: merged } : null,
      timings: { started: started.toISOString(), finished: finished.toISOString(), seconds: (finished.getTime() - started.getTime()) / 1000, workers: options.workers },
      files: ['compare.csv', 'manifest.json', ...arms.map((a) => `arms/${a.name}/`)],
      checksums: { 'compare.csv': csv.sha256 },
      rows: { 'compare.csv': csv.rows },
    };
    fs.writeFileSync(path.join(partial, 'manifest.json'), manifestText(manifest));
    const dir = path.join(root, key);
    replaceDir(partial, dir);
    return { dir, name: spec.name, rows, replications: R, seed, notes, ...(precision !== undefined && { precision }) };
  } finally {
    release();
  }
}

/**
 * One shard of a comparison: replications r % n == i of every arm, each as a
 * shard run folder, in `<key>.shard-i-of-n/arms/<arm>/` (written under a
 * hidden name and renamed when complete; `resume` keeps finished arms).
 */
async function runShard(arms: readonly ArmSource[], root: string, key: string, shard: Shard, options: CompareOptions & { detail: number }): Promise<string> {
  const name = `${key}.shard-${shard.index}-of-${shard.count}`;
  const partial = path.join(root, `.${name}.partial`);
  if (options.resume !== true) fs.rmSync(partial, { recursive: true, force: true });
  await runArms(arms, partial, options, shard);
  const dir = path.join(root, name);
  replaceDir(partial, dir);
  return dir;
}

/**
 * Runs every arm (or one shard of every arm) into `<partial>/arms/<arm>/`.
 * An arm folder appears only by an atomic rename once its run is complete,
 * so one already there (a resume) is kept; an interrupted arm resumes in
 * `<partial>/work/<arm>/`.
 */
async function runArms(arms: readonly ArmSource[], partial: string, options: CompareOptions & { detail: number }, shard?: Shard): Promise<void> {
  for (let a = 0; a < arms.length; a++) {
    const arm = arms[a]!;
    const armDir = path.join(partial, 'arms', arm.name);
    if (fs.existsSync(armDir)) continue;
    const work = path.join(partial, 'work', arm.name);
    const result = await executeRun({
      file: arm.file,
      overrides: arm.overrides,
      outRoot: work,
      workers: options.workers,
      ...(shard !== undefined && { shard }),
      resume: options.resume === true,
      detail: options.detail,
      command: options.command,
      onProgress: (done, total) => options.onProgress?.(a * total + done, total * arms.length),
    });
    replaceDir(result.dir, armDir);
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.rmSync(path.join(partial, 'work'), { recursive: true, force: true });
}

/** The folder key of a comparison: what determines its data files. */
function compareKey(arms: readonly ArmSource[], files: readonly ScenarioFile[], seed: number, R: number, detail: number, outcomes: readonly OutcomeSpec[]): string {
  return hashKey({ kind: 'compare', arms: arms.map((a, i) => [a.name, files[i]!.hash]), seed, R, detail: Math.min(R, detail), outcomes: outcomes.map((o) => o.name) });
}

function withoutRunSettings(overrides: Record<string, unknown>): Record<string, unknown> {
  const { seed: _seed, replications: _replications, ...rest } = overrides;
  return rest;
}

function errorNoVariants(exp: ExperimentFile): UserError {
  return UserError.of('experiment_no_variants', [], { file: exp.file, ...exp.locate(['variants']), path: ['variants'] });
}
