/**
 * `difusi compare` as a library call: an experiment (or a base scenario and
 * variant files) -> one run folder per arm -> compare.csv.
 *
 *   experiment file ──planCompare──> arms (base first), each read and compiled
 *     once, with the same seed and R; outcomes checked in every arm
 *   one mode, each returning every arm's values[outcome][replication]:
 *     runAllArms      each arm ──runPrepared──> arms/<arm>/ (a full run folder)
 *     growArms        --precision: the arms grow together (FileGrowingRun), then
 *                     each is written as a plain run of the count found
 *     mergeShardArms  --merge: each arm's shard parts ──mergeParts──> arms/<arm>/
 *     (compareShard   --shard: every arm's shard, nothing paired)
 *     the values are filled as each arm folder is written (OutcomeVectors, the
 *     metrics as timeseries.csv holds them); only an arm finished before a
 *     resume is read back from its files (readArmOutcomes)
 *   ──writeComparison (compareArms)──> compare.csv  (+ manifest.json, kind "compare")
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
import { twinText } from '../scenario/twins.js';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compareArms, type ArmValues, type ComparisonRow } from '../experiment/compare.js';
import { COMPARE, manifestText, type ManifestInput } from '../store/tables.js';
import { DEFAULT_OUTCOMES, outcomeFor, resolveOutcomes, type OutcomeContext, type OutcomeSpec } from '../experiment/outcomes.js';
import { compile, type CompiledModel } from '../model/compile.js';
import { metricNames } from '../model/observation.js';
import { type ExperimentSpec } from '../experiment/spec.js';
import { MAX_NAME_LENGTH } from '../scenario/limits.js';
import { UserError, warning, warningText, type ArmDamage, type WarningText } from '../messages/catalog.js';
import { scenarioWarnings } from '../model/warnings.js';
import { leverWarnings } from '../scenario/levers.js';
import { writeCsvFile } from '../store/csv.js';
import { OutcomeVectors, readArmOutcomes } from '../store/arm-outcomes.js';
import { checkSetsAgainstVariantFiles, experimentArms, loadArm, readExperimentFile, warningPlace, type ArmSource, type ExperimentFile } from '../store/experiment-file.js';
import { FileGrowingRun, growTogether, type PrecisionOptions, type PrecisionReport } from './precision.js';
import { findShardFolders, indexParts, replaceDir } from '../store/run-folder.js';
import { WriteFailure, writeFileDurably } from '../store/durable.js';
import { eachLine, readPart, rerunAdvice } from '../store/part-store.js';
import { checksumDamage } from '../store/results-check.js';
import { claimFolder } from '../store/folder-lock.js';
import { DEFAULT_DETAIL_REPLICATIONS, runPrepared, type PreparedRun, type Shard } from './run.js';
import { mergeParts } from './merge.js';
import { readScenarioFile, warningIdentity } from '../store/scenario-file.js';
import { TOOL_NAME, buildIdentity, toolVersion } from '../store/version.js';
import { isObj } from '../report/json-values.js';
import { readRegularText, regularFileExists } from '../store/regular-file.js';
import { CONTROL_CLASS } from '../messages/safe-text.js';

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
  /** How the scenario warnings are worded (default English; messages/warning-text-id.ts under --lang id). */
  readonly warningText?: WarningText;
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
  /** Each variant's `note_id` (its `note` where it has none or a blank one, as the report's twinText): what the terminal shows under `--lang id`. */
  readonly notesId: ReadonlyMap<string, string>;
  readonly precision?: PrecisionReport;
  /** Set when this call ran one shard: `dir` is the shard folder, `rows` is empty. */
  readonly shard?: Shard;
}

/**
 * A file's name usable as an arm's folder: no leading dot (`.`, `..`), no control character (C0, DEL or C1: a
 * next line, U+0085, breaks a line where a terminal or a CSV reader shows the arm's name) or backslash, at most
 * MAX_NAME_LENGTH.
 */
function usableArmFolder(name: string): boolean {
  return name.length > 0 && name.length <= MAX_NAME_LENGTH && !name.startsWith('.') && !NOT_IN_ARM_FOLDER.test(name);
}
const NOT_IN_ARM_FOLDER = new RegExp(`[${CONTROL_CLASS}\\\\]`);

/** An experiment made from a base scenario and variant files on the command line. */
function adHocExperiment(base: string, variants: readonly string[]): ExperimentFile {
  const baseScenario = readScenarioFile(base).scenario;
  const used = new Set(['base']);
  const variantSpecs = variants.map((file) => {
    // A variant copied from the base keeps the base's `name`; a reader would
    // take an arm so named for the base itself, so it is named after its file.
    const own = readScenarioFile(file).scenario.name;
    const name0 = own === baseScenario.name ? path.basename(file, path.extname(file)) : own;
    let name = name0;
    // Compared without case: arms/Cheap and arms/cheap are one folder where the file system ignores case (macOS, Windows).
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${name0}-${i}`;
    // The arm's folder (arms/<name>/): `...yaml` gave the folder `..` (the comparison folder itself), `..yaml`
    // the folder `.`. Any other file name a folder can have is kept as it ran before (spaces too);
    // compare.csv protects a cell that would start a formula (`=1+2.yaml`).
    if (own === baseScenario.name && !usableArmFolder(name)) throw UserError.of('compare_arm_file_name', [name], { file });
    used.add(name.toLowerCase());
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

/** One arm of the comparison: its source in the experiment, its scenario read and compiled once. */
interface Arm {
  readonly source: ArmSource;
  readonly run: PreparedRun;
}

/** What every mode of a comparison shares: the arms, checked, and where the results go. */
interface ComparePlan {
  readonly exp: ExperimentFile;
  readonly arms: readonly Arm[];
  readonly seed: number;
  /** The replication count asked for (a precision rule finds its own). */
  readonly replications: number;
  readonly outcomes: readonly OutcomeSpec[];
  readonly detail: number;
  /** `<outRoot>/<experiment name>`. */
  readonly root: string;
  /** The folder key for `replications` replications. */
  readonly key: string;
  readonly notes: ReadonlyMap<string, string>;
  readonly notesId: ReadonlyMap<string, string>;
}

/** The arms paired: what the modes that pair (plain, --merge, --precision) hand to `writeComparison`. */
interface PairedArms {
  /** The hidden folder holding `arms/<arm>/`; compare.csv and manifest.json are written into it. */
  readonly partial: string;
  /**
   * Whether `--resume` opens `partial` again (a comparison's `.partial` with its finished arms, --precision's
   * `.growing`): a failed write of compare.csv or manifest.json then removes those two files and keeps the folder;
   * otherwise (--merge's `.merging`, made afresh from the shards by every merge) the whole folder.
   */
  readonly resumable: boolean;
  readonly replications: number;
  /** Each arm's outcome vectors, values[k][r], as the arm folders' files hold them. */
  readonly values: readonly (readonly Float64Array[])[];
  readonly precision?: PrecisionReport;
  /** With --merge: the shard count merged. */
  readonly merged?: number;
}

type ModeOptions = CompareOptions & { readonly detail: number };

export async function executeCompare(options: CompareOptions): Promise<CompareResult> {
  const started = new Date();
  const plan = planCompare(options);
  const shard = options.shard !== undefined && options.shard.count > 1 ? options.shard : undefined;
  if ((shard !== undefined || options.merge === true) && options.precision !== undefined) {
    throw UserError.of('invalid_option', [shard ? '--shard' : '--merge'], { file: 'command line' }, {
      expected: 'no --precision (a precision rule decides R from all replications; give -r instead)',
      found: '--precision',
    });
  }
  const modeOptions: ModeOptions = { ...options, detail: plan.detail };
  // One job per comparison folder.
  // Resumable (a stop keeps the finished arms for --resume, and says so), but for --merge, which has nothing to resume.
  const release = claimFolder(path.join(plan.root, shard !== undefined ? shardName(plan.key, shard) : plan.key), options.command, options.merge !== true);
  try {
    if (shard !== undefined) {
      const dir = await compareShard(plan, shard, modeOptions);
      return { dir, name: plan.exp.spec.name, rows: [], replications: plan.replications, seed: plan.seed, notes: plan.notes, notesId: plan.notesId, shard };
    }
    const paired =
      options.merge === true
        ? mergeShardArms(plan, modeOptions)
        : options.precision !== undefined
          ? await growArms(plan, options.precision, modeOptions, started)
          : await runAllArms(plan, modeOptions);
    return writeComparison(plan, paired, options, started);
  } finally {
    release();
  }
}

/**
 * Reads the experiment and every arm (each compiled once), says the
 * scenario warnings, and checks the outcomes in every arm: all before
 * anything runs.
 */
function planCompare(options: CompareOptions): ComparePlan {
  const exp =
    options.experiment !== undefined
      ? // Its design is sweep's and sensitivity's: warned of below, not checked (too large to build, it is not built here).
        readExperimentFile(options.experiment, ['variants'])
      : adHocExperiment(options.scenarios!.base, options.scenarios!.variants);
  const { spec } = exp;
  const { arms: sources, seed, replications } = experimentArms(exp, {
    ...(options.set !== undefined && { set: options.set }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.replications !== undefined && { replications: options.replications }),
  });
  if (sources.length < 2) throw errorNoVariants(exp);
  const loaded = sources.map((source) => ({ source, file: loadArm(exp, source) }));
  // Before anything compiles or runs: a --set that would erase a variant file's difference from the base.
  checkSetsAgainstVariantFiles(exp, loaded);
  const arms: Arm[] = loaded.map(({ source, file }) => ({ source, run: { file: source.file, source: file, model: compile(file.scenario) } }));
  // How the warnings are worded (English by default; Bahasa Indonesia under --lang id).
  const text = options.warningText ?? warningText;
  // The design is sweep's and sensitivity's: said at its line (the comparison runs as it would without it).
  if (options.onWarning && spec.design !== undefined) {
    const { line } = exp.locate(['design'], 'key');
    options.onWarning(line !== undefined ? `${exp.file}:${line}` : exp.file, text(warning('experiment_section_unread', 'design', 'compare', ['sweep', 'sensitivity'])));
  }
  if (options.onWarning) {
    const said = new Set<string>();
    for (const { source, run } of arms) {
      // A warning the file as written does not give comes from an override: named at its experiment line (warningPlace).
      const place = warningPlace(exp, source, run.source, (s) => scenarioWarnings(s, compile(s), undefined, text));
      // The same warning of two arms is one, whatever its element's index in each (a variant's set that removes an element before it).
      for (const w of scenarioWarnings(run.source.scenario, run.model, undefined, text).filter((w) => !said.has(warningIdentity(w)))) {
        said.add(warningIdentity(w));
        options.onWarning(`${place(w) ?? source.file} (arm ${source.name})`, w);
      }
    }
    // Each scenario file's levers as the file is written (what `difusi validate <file>` warns of), once a file: a
    // variant whose `set` removes a list entry on purpose (the acting mayor) is no edit of the file.
    const files = new Map<string, (typeof arms)[number]['run']['source']['written']>();
    for (const { source, run } of arms) if (!files.has(source.file)) files.set(source.file, run.source.written);
    for (const [file, written] of files) for (const w of leverWarnings(written, text)) options.onWarning(file, w);
    // Outcomes are read at each arm's horizon: arms over other months compare different dates.
    const base = arms[0]!.run.source.scenario;
    for (const { source, run } of arms.slice(1)) {
      const { start, months } = run.source.scenario;
      if (start !== base.start || months !== base.months) {
        // Named where the difference was written: the arm's own file, or the experiment's `set` on the base file.
        options.onWarning(`${source.file === arms[0]!.source.file ? exp.file : source.file} (arm ${source.name})`, text(warning('arm_months_differ', start, months, base.start, base.months)));
      }
    }
  }
  if (options.onWarning) {
    // A variant file's own seed and replication count, as written, give way to the base's (every arm runs
    // replication r on the same seed: common random numbers); said, so that it does not pass unseen.
    for (const { source, run } of arms.slice(1)) {
      if (source.file === arms[0]!.source.file) continue;
      // The file's own fields as written (`input` already carries the base's seed and count as overrides).
      const written = run.source.writtenInput;
      const input = written !== null && typeof written === 'object' && !Array.isArray(written) ? (written as Record<string, unknown>) : null;
      const own: { seed?: number; replications?: number } = {};
      if (typeof input?.['seed'] === 'number' && input['seed'] !== seed) own.seed = input['seed'];
      if (options.precision === undefined && typeof input?.['replications'] === 'number' && input['replications'] !== replications) {
        own.replications = input['replications'];
      }
      if (own.seed !== undefined || own.replications !== undefined) {
        options.onWarning(`${source.file} (arm ${source.name})`, text(warning('variant_draws_unused', own, seed, options.precision === undefined ? replications : undefined)));
      }
    }
  }
  const requested = options.outcomes ?? spec.outcomes ?? DEFAULT_OUTCOMES;
  // An unknown outcome is placed where it was named: the command line's --outcomes or the experiment file's outcomes:.
  const where = options.outcomes !== undefined ? 'command line --outcomes' : exp.file;
  const resolved = arms.map(({ source, run }) => outcomeFor(run.source.scenario, requested, `${where} (arm ${source.name})`, run.model).outcomes);
  const outcomes = resolved[0]!;
  // The base arm's expanded outcomes (sustained.<innovation>, ...) must exist
  // in every arm: a variant that removes an innovation cannot be paired on it.
  const names = outcomes.map((o) => o.name);
  for (const { source, run } of arms.slice(1)) {
    const check = resolveOutcomes(names, outcomeContext(run.model));
    if (!check.ok) {
      throw UserError.of('unknown_outcome', [check.unknown.join(', ')], { file: `${exp.file} (arm ${source.name})` }, {
        expected: 'outcomes that exist in every arm (name them with outcomes: or --outcomes, leaving out those of a removed innovation)',
      });
    }
  }
  const detail = options.detail ?? DEFAULT_DETAIL_REPLICATIONS;
  return {
    exp,
    arms,
    seed,
    replications,
    outcomes,
    detail,
    root: path.join(options.outRoot, spec.name),
    key: compareKey(arms.map((a) => [a.source.name, a.run.source.hash]), seed, replications, detail, outcomes),
    notes: new Map(arms.slice(1).map((a) => [a.source.name, a.source.note])),
    notesId: new Map(arms.slice(1).map((a) => [a.source.name, twinText({ note: a.source.note, note_id: a.source.noteId }, 'note', 'id') ?? a.source.note])),
  };
}

function outcomeContext(model: CompiledModel): OutcomeContext {
  return { metrics: metricNames(model), innovations: model.innovations.map((x) => x.id) };
}

/** An arm's outcome vectors, to be filled as its folder is written. */
function armVectors(plan: ComparePlan, arm: Arm, replications: number): OutcomeVectors {
  return new OutcomeVectors(outcomeContext(arm.run.model), plan.outcomes, replications, { asWritten: true });
}

/**
 * Starts a comparison afresh (no `--resume`): what an interrupted earlier
 * one left in `partial` is removed, and said, as a run says it
 * (store/part-store.ts): finished arms and replications of the arm that was
 * running (with --precision, of every arm growing) are thrown away, which
 * `--resume` would have kept (growArms keeps --precision's written arms too).
 */
export function discardPartial(partial: string, options: Pick<CompareOptions, 'onWarning' | 'warningText'>): void {
  if (!fs.existsSync(partial)) return;
  const arms = path.join(partial, 'arms');
  const finished = fs.existsSync(arms) ? fs.readdirSync(arms, { withFileTypes: true }).filter((e) => e.isDirectory()).length : 0;
  // Each unfinished arm works in work/<arm>/ (its run's part, records.jsonl, somewhere below).
  let replications = 0;
  let unfinished = 0;
  const work = path.join(partial, 'work');
  if (fs.existsSync(work)) {
    for (const arm of fs.readdirSync(work, { withFileTypes: true })) {
      if (!arm.isDirectory()) continue;
      let kept = 0;
      for (const entry of fs.readdirSync(path.join(work, arm.name), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || entry.name !== 'records.jsonl') continue;
        // Counted a chunk at a time: the file can pass what one read or one string holds (store/part-store.ts eachLine).
        const file = path.join(entry.parentPath, entry.name);
        regularFileExists(file);
        if (eachLine(file, (line) => (kept += line.length > 0 ? 1 : 0)) > 0) kept++;
      }
      if (kept > 0) unfinished++;
      replications += kept;
    }
  }
  fs.rmSync(partial, { recursive: true, force: true });
  if (finished > 0 || replications > 0) options.onWarning?.(partial, (options.warningText ?? warningText)(warning('comparison_discarded', finished, replications, unfinished)));
}

/** Plain: every arm runs R replications (`--resume` keeps finished arms and continues an interrupted one). */
async function runAllArms(plan: ComparePlan, options: ModeOptions): Promise<PairedArms> {
  const partial = path.join(plan.root, `.${plan.key}.partial`);
  if (options.resume !== true) discardPartial(partial, options);
  const values = await runArms(plan, partial, options);
  return { partial, resumable: true, replications: plan.replications, values };
}

/**
 * One shard of a comparison: replications r % n == i of every arm, each as a
 * shard run folder, in `<key>.shard-i-of-n/arms/<arm>/` (written under a
 * hidden name and renamed when complete; `resume` keeps finished arms).
 */
async function compareShard(plan: ComparePlan, shard: Shard, options: ModeOptions): Promise<string> {
  const name = shardName(plan.key, shard);
  const partial = path.join(plan.root, `.${name}.partial`);
  if (options.resume !== true) discardPartial(partial, options);
  await runArms(plan, partial, options, shard);
  const dir = path.join(plan.root, name);
  fs.rmSync(path.join(partial, BUILD_STAMP), { force: true });
  replaceDir(partial, dir);
  return dir;
}

/**
 * Runs every arm (or one shard of every arm) into `<partial>/arms/<arm>/`
 * and returns each arm's outcome vectors (none for a shard). An arm folder
 * appears only by an atomic rename once its run is complete, so one already
 * there (a resume) is kept, and its vectors are read back from its files;
 * an interrupted arm resumes in `<partial>/work/<arm>/`.
 */
async function runArms(plan: ComparePlan, partial: string, options: ModeOptions, shard?: Shard): Promise<Float64Array[][]> {
  keepArmsOfThisBuild(plan, partial, options);
  try {
    return await runEachArm(plan, partial, options, shard);
  } catch (error) {
    dropIfRecordRefused(error, partial);
    throw error;
  }
}

/**
 * A replication's record refused as too long to save (store/part-store.ts recordLine, a user error): the arm's own
 * part is gone (its writer removes it), and the comparison's hidden folder goes too, the arms it finished with it.
 * A `--resume` would refuse the same record again (the comparison's key holds --detail): kept, it would be a
 * `.partial` nothing can finish, where a refused run leaves nothing.
 */
function dropIfRecordRefused(error: unknown, partial: string): void {
  if (error instanceof UserError && error.issues.some((issue) => issue.code === 'record_too_long')) fs.rmSync(partial, { recursive: true, force: true });
}

/**
 * The file in a comparison's hidden folder (`.partial`, `.growing`) naming the build that finished its arms
 * (version.ts buildIdentity): an arm's manifest.json records no build, and a part's seal (part-seal.ts) goes with
 * the part once the arm is finished. Removed before the folder is put in place.
 */
const BUILD_STAMP = '.build';

/**
 * Before arms are kept or run in the hidden folder `partial` (on --resume): when the folder holds finished arms and
 * its stamp names another build (or none: a difusi from before the stamp, or one killed in the instant before the
 * rename), those arms are removed and said, as a part of another build is (part_not_resumed): they run again, as
 * `run --resume` runs a part of another build again, so that no comparison joins the arms of two builds. Then the
 * folder is stamped with this build, before any arm is finished in it.
 */
function keepArmsOfThisBuild(plan: ComparePlan, partial: string, options: Pick<CompareOptions, 'onWarning' | 'warningText'>): void {
  const stamp = path.join(partial, BUILD_STAMP);
  const armsDir = path.join(partial, 'arms');
  if (fs.existsSync(armsDir)) {
    let found = '';
    try {
      found = fs.readFileSync(stamp, 'utf8').trim();
    } catch {
      found = '';
    }
    if (found !== buildIdentity()) {
      const why = found === '' ? 'unrecorded-build' : 'other-build';
      for (const arm of plan.arms) {
        const armDir = path.join(armsDir, arm.source.name);
        if (!fs.existsSync(armDir)) continue;
        fs.rmSync(armDir, { recursive: true, force: true });
        options.onWarning?.(`${arm.source.file} (arm ${arm.source.name})`, (options.warningText ?? warningText)(warning('part_not_resumed', armDir, 'manifest.json', why)));
      }
    }
  }
  fs.mkdirSync(partial, { recursive: true });
  writeFileDurably(stamp, `${buildIdentity()}\n`);
}

/** runArms, arm by arm. */
async function runEachArm(plan: ComparePlan, partial: string, options: ModeOptions, shard?: Shard): Promise<Float64Array[][]> {
  const values: Float64Array[][] = [];
  for (let a = 0; a < plan.arms.length; a++) {
    const arm = plan.arms[a]!;
    const armDir = path.join(partial, 'arms', arm.source.name);
    // A shard's arm holds a part, whose records merge verifies; a whole arm's folder is checked here.
    if (shard !== undefined ? fs.existsSync(armDir) : keepFinishedArm(armDir, (R) => (R === plan.replications ? arm.run.source.hash : undefined), options)) {
      if (shard === undefined) values.push(await readArmOutcomes(armDir, plan.outcomes, outcomeContext(arm.run.model).innovations));
      continue;
    }
    const work = path.join(partial, 'work', arm.source.name);
    const vectors = shard === undefined ? armVectors(plan, arm, plan.replications) : undefined;
    const result = await runPrepared(
      arm.run,
      {
        outRoot: work,
        workers: options.workers,
        ...(shard !== undefined && { shard }),
        resume: options.resume === true,
        detail: options.detail,
        command: options.command,
        // What the arm's interrupted run held (resumed or discarded), said as a plain run says it; the arm's
        // scenario warnings were said once above, so not onWarning.
        ...(options.onWarning !== undefined && { onPartNote: (w: string) => options.onWarning!(`${arm.source.file} (arm ${arm.source.name})`, w) }),
        ...(options.warningText !== undefined && { warningText: options.warningText }),
        onProgress: (done, total) => options.onProgress?.(a * total + done, total * plan.arms.length),
      },
      vectors,
    );
    replaceDir(result.dir, armDir);
    fs.rmSync(work, { recursive: true, force: true });
    if (vectors !== undefined) values.push(vectors.values);
  }
  fs.rmSync(path.join(partial, 'work'), { recursive: true, force: true });
  return values;
}

/** --merge: each arm's shards merged (as `difusi merge` does) into `arms/<arm>/`, read from the shards' parts. */
function mergeShardArms(plan: ComparePlan, options: ModeOptions): PairedArms {
  const { root, key } = plan;
  const shards = findShardFolders(root, key, options.shardCount);
  if (shards.length === 0) {
    throw UserError.of('invalid_option', ['--merge'], { file: 'command line' }, {
      expected: `shard folders ${key}.shard-<i>-of-<n> of this comparison under ${root} (the same arms, -r, --seed, --set, --detail and --outcomes as the shards)`,
      found: 'none',
    });
  }
  // Every arm's shards are read and checked before anything is written.
  const parts = plan.arms.map((arm) => {
    const read = shards.map((d) => readPart(path.join(d, 'arms', arm.source.name)));
    // Each arm's folder must hold that arm's part (the plan knows its scenario's hash), not another arm's under its name.
    read.forEach((part, s) => {
      if (part.meta.scenario_hash === arm.run.source.hash) return;
      const problem = `arms/${arm.source.name} holds the part of another arm (scenario hash ${part.meta.scenario_hash.slice(0, 12)}; this comparison's arm ${arm.source.name} has ${arm.run.source.hash.slice(0, 12)})`;
      throw UserError.of('data_damaged', [shards[s]!, problem, rerunAdvice(part.meta, shards[s]!)], { file: part.dir });
    });
    indexParts(read);
    return read;
  });
  // Not the `.partial` folder of an unsharded comparison, which a resume may need.
  const partial = path.join(root, `.${key}.merging`);
  fs.rmSync(partial, { recursive: true, force: true });
  const values = plan.arms.map((arm, a) => {
    const vectors = armVectors(plan, arm, plan.replications);
    const dir = mergeParts(parts[a]!, path.join(partial, 'work', arm.source.name), options.command, vectors);
    replaceDir(dir, path.join(partial, 'arms', arm.source.name));
    return vectors.values;
  });
  fs.rmSync(path.join(partial, 'work'), { recursive: true, force: true });
  return { partial, resumable: false, replications: plan.replications, values, merged: shards.length };
}

/**
 * --precision: every arm grows together until the rule holds in each, then each is written as a plain run of R.
 * `--resume` continues the growth from the arms' parts (`work/<arm>/`); once the count is found and an arm is
 * written to `arms/<arm>/`, its part is gone, so a resume after that keeps the arms written (as a plain comparison's
 * resume does) and takes R and what the rule found from their manifests (finishedReport), writing only the rest.
 */
async function growArms(plan: ComparePlan, rule: PrecisionOptions, options: ModeOptions, started: Date): Promise<PairedArms> {
  const { arms, exp, detail } = plan;
  // Outcome check first, so a bad --precision-outcome fails before any run.
  for (const { source, run } of arms) outcomeFor(run.source.scenario, [rule.outcome], `command line --precision-outcome (arm ${source.name})`, run.model);
  const partial = path.join(plan.root, `.${hashKey({ arms: arms.map((a) => [a.source.name, a.run.source.hash]), seed: plan.seed, detail, rule })}.growing`);
  if (options.resume !== true) discardPartial(partial, options);
  const armDirs = arms.map((arm) => path.join(partial, 'arms', arm.source.name));
  // Arms another build wrote are removed (keepArmsOfThisBuild), and so is one written before that does not verify
  // (keepFinishedArm): each grows again, as one never written.
  // It was written as a plain run of the R the rule found (FileGrowingRun.finalize): its hash is that scenario's.
  keepArmsOfThisBuild(plan, partial, options);
  if (options.resume === true) {
    for (const [a, { source, run }] of arms.entries()) {
      keepFinishedArm(armDirs[a]!, (R) => (R <= rule.maximum ? readScenarioFile(run.file, { ...source.overrides, replications: R }).hash : undefined), options);
    }
  }
  const found = options.resume === true ? foundBefore(partial, armDirs, rule, options) : undefined;
  // The arms still to write, each growing in its own locked part; every part is closed and its lock released
  // however this ends (a failed write of an arm's folder, too), as a plain run releases its own.
  const runs: (FileGrowingRun | undefined)[] = [];
  try {
    for (const [a, { source, run }] of arms.entries()) {
      if (found !== undefined && fs.existsSync(armDirs[a]!)) {
        runs.push(undefined);
        continue;
      }
      runs.push(
        FileGrowingRun.open({
          // The replication count changes neither the model nor its metrics: the arm's model serves.
          run: { ...run, source: loadArm(exp, { ...source, overrides: { ...source.overrides, replications: rule.maximum } }) },
          overrides: source.overrides,
          outRoot: path.join(partial, 'work', source.name),
          workers: options.workers,
          resume: options.resume === true,
          detail,
          maximum: rule.maximum,
          outcomes: [rule.outcome],
        }),
      );
    }
    // What each growing arm's part held (resumed or discarded), said as a plain run says it.
    for (const [a, run] of runs.entries()) {
      const { source } = arms[a]!;
      for (const note of run?.notes ?? []) options.onWarning?.(`${source.file} (arm ${source.name})`, (options.warningText ?? warningText)(note));
    }
    let precision: PrecisionReport;
    if (found === undefined) {
      const grown = await growTogether(runs as FileGrowingRun[], rule, options.onProgress);
      precision = { target: rule.target, outcome: rule.outcome, ...grown };
    } else {
      // The count was found before: the arms not yet written need replications 0..R-1 (their parts hold them all,
      // unless a resume dropped a damaged record), then are written as the others were.
      precision = found;
      const R = found.replications;
      const total = R * arms.length;
      let done = runs.reduce((s, run) => s + (run === undefined ? R : Math.min(run.done, R)), 0);
      options.onProgress?.(done, total);
      for (const run of runs) await run?.extendTo(R, () => options.onProgress?.(++done, total));
    }
    // Every arm's grown replications on disk before the first arm is written: a failure (a full disk) or a kill
    // while writing the arms then leaves each unwritten arm's part whole for --resume.
    for (const run of runs) run?.flush();
    const R = precision.replications;
    const values: Float64Array[][] = [];
    for (const [a, arm] of arms.entries()) {
      const run = runs[a];
      if (run === undefined) {
        values.push(await readArmOutcomes(armDirs[a]!, plan.outcomes, outcomeContext(arm.run.model).innovations));
        continue;
      }
      const vectors = armVectors(plan, arm, R);
      const result = run.finalize(R, options.command, started, { precision }, vectors);
      replaceDir(result.dir, armDirs[a]!);
      fs.rmSync(path.join(partial, 'work', arm.source.name), { recursive: true, force: true });
      values.push(vectors.values);
    }
    fs.rmSync(path.join(partial, 'work'), { recursive: true, force: true });
    return { partial, resumable: true, replications: R, values, precision };
  } catch (error) {
    // Every growing part closed and unlocked first (release does it once; the finally's call then does nothing).
    for (const run of runs) run?.release();
    dropIfRecordRefused(error, partial);
    throw error;
  } finally {
    for (const run of runs) run?.release();
  }
}

/** A manifest's scenario hash is the one expected (none is expected for a count the comparison cannot have written). */
const sameHash = (found: unknown, expected: string | undefined): boolean => expected !== undefined && found === expected;

/** A manifest's replication count: a whole number of at least 1. */
const isReplicationCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1;

/**
 * On `--resume`, whether the arm folder `armDir` an interrupted comparison finished earlier can be used:
 * it exists, its manifest lists its files' checksums, every file matches them (as `report` checks a folder
 * before drawing it, store/results-check.ts), and it is the run of this arm (`hashFor(R)`: the hash of the arm's
 * scenario run with the R replications the manifest records, undefined for an R this comparison cannot have
 * written). manifest.json holds the checksums, so its own fields are checked against what they must be.
 * A folder that fails is removed and said (a copy cut short, a file edited or deleted since): the arm runs
 * again, as a damaged record of a run's part does; its outcomes are never read from damaged files.
 */
function keepFinishedArm(armDir: string, hashFor: (R: number) => string | undefined, options: Pick<CompareOptions, 'onWarning' | 'warningText'>): boolean {
  if (!fs.existsSync(armDir)) return false;
  // A pipe or a device as its manifest.json is refused by name, as one among the arm's other files is (checksumDamage),
  // outside the try: taken for a manifest "missing or not valid JSON", the arm was removed, pipe and all, and run again.
  regularFileExists(path.join(armDir, 'manifest.json'));
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(armDir, 'manifest.json'), 'utf8'));
  } catch {
    raw = undefined;
  }
  let problem: ArmDamage | undefined;
  if (!isObj(raw)) problem = { kind: 'manifest-unreadable' };
  else if (!isObj(raw['checksums'])) problem = { kind: 'no-checksums' };
  else if (!isObj(raw['scenario']) || !isReplicationCount(raw['replications']) || !sameHash(raw['scenario']['hash'], hashFor(raw['replications']))) {
    // A replication count this comparison cannot have written (edited) has no hash: not this arm's run either.
    problem = { kind: 'other-run' };
  } else {
    const damage = checksumDamage(armDir, raw);
    if (damage !== undefined) problem = damage.missing ? { kind: 'file-missing', file: damage.file } : { kind: 'file-changed', file: damage.file };
  }
  if (problem === undefined) return true;
  fs.rmSync(armDir, { recursive: true, force: true });
  // Worded in the command's language (--lang id: messages/warning-text-id.ts).
  options.onWarning?.(armDir, (options.warningText ?? warningText)(warning('arm_damaged', problem)));
  return false;
}

/**
 * On `--resume`: what the rule found before the interruption, when arms were already written (`arms/<arm>/`, each
 * manifest recording it under `precision`, as finalize writes it); undefined when none was. Arm folders whose
 * manifests do not record this rule's result, or disagree, are removed and said: those arms grow again.
 */
function foundBefore(partial: string, armDirs: readonly string[], rule: PrecisionOptions, options: Pick<CompareOptions, 'onWarning' | 'warningText'>): PrecisionReport | undefined {
  const written = armDirs.filter((dir) => fs.existsSync(dir));
  if (written.length === 0) return undefined;
  const reports = written.map((dir) => finishedReport(dir, rule));
  const first = reports[0];
  const same = (p: PrecisionReport | undefined) =>
    p !== undefined && first !== undefined && p.replications === first.replications && Object.is(p.achieved, first.achieved) && p.reached === first.reached;
  if (reports.every(same)) return first;
  for (const dir of written) fs.rmSync(dir, { recursive: true, force: true });
  options.onWarning?.(partial, (options.warningText ?? warningText)(warning('precision_arms_discarded', written.length)));
  return undefined;
}

/**
 * The precision record in the manifest of an arm written by this rule, or undefined (unreadable, or another rule's).
 * JSON has no Infinity: an achieved half-width that is not finite (an arm's mean of 0) is written as null, and read
 * back as Infinity, which is how the terminal line and the report read it (cli/precision-options.ts precisionLine).
 */
function finishedReport(dir: string, rule: PrecisionOptions): PrecisionReport | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readRegularText(path.join(dir, 'manifest.json')));
  } catch {
    return undefined;
  }
  if (!isObj(raw) || !isObj(raw['precision'])) return undefined;
  const p = raw['precision'];
  const R = p['replications'];
  const achieved = typeof p['achieved'] === 'number' ? p['achieved'] : p['achieved'] === null ? Number.POSITIVE_INFINITY : undefined;
  if (p['target'] !== rule.target || p['outcome'] !== rule.outcome || typeof p['reached'] !== 'boolean' || achieved === undefined) return undefined;
  if (typeof R !== 'number' || !Number.isInteger(R) || R < 1 || R > rule.maximum || raw['replications'] !== R) return undefined;
  // The key order of the report growTogether's caller builds, so the comparison's manifest has the same bytes.
  return { target: rule.target, outcome: rule.outcome, replications: R, achieved, reached: p['reached'] };
}

/**
 * Pairs the arms by replication into compare.csv, writes the manifest, and puts the folder in place. A write
 * that fails (a full disk) leaves neither file half-written: both are removed, or the whole hidden folder when
 * no --resume continues from it (docs/RELIABILITY.md, "Leftovers").
 */
function writeComparison(plan: ComparePlan, paired: PairedArms, options: CompareOptions, started: Date): CompareResult {
  const { partial, resumable } = paired;
  const files = [path.join(partial, COMPARE.file), path.join(partial, 'manifest.json')];
  let key: string;
  let rows: ComparisonRow[];
  try {
    ({ key, rows } = writeComparisonFiles(plan, paired, options, started));
  } catch (error) {
    if (resumable) for (const file of files) fs.rmSync(file, { force: true });
    else {
      fs.rmSync(partial, { recursive: true, force: true });
      // The hidden folder is gone (--merge's .merging): nothing is left to --resume, so the advice is to run again.
      throw error instanceof WriteFailure ? error.forCommand(false) : error;
    }
    throw error;
  }
  const dir = path.join(plan.root, key);
  fs.rmSync(path.join(partial, BUILD_STAMP), { force: true });
  replaceDir(partial, dir);
  const { spec } = plan.exp;
  const { replications: R, precision } = paired;
  return { dir, name: spec.name, rows, replications: R, seed: plan.seed, notes: plan.notes, notesId: plan.notesId, ...(precision !== undefined && { precision }) };
}

/** compare.csv and manifest.json, written into the hidden folder; returns the comparison's folder key and rows. */
function writeComparisonFiles(plan: ComparePlan, paired: PairedArms, options: CompareOptions, started: Date): { key: string; rows: ComparisonRow[] } {
  const { exp, arms, seed, detail, outcomes } = plan;
  const { spec } = exp;
  const { partial, replications: R, precision, merged } = paired;
  // The arms as run: with a precision rule, R replications (not the count asked for).
  const armFiles = R === plan.replications ? arms.map((a) => a.run.source) : arms.map((a) => loadArm(exp, { ...a.source, overrides: { ...a.source.overrides, replications: R } }));
  // An arm's scenario hash (seed and R included, the same in every arm) is its identity: a variant of the base's own hash
  // ran the same simulation, the one case where a 0/1 outcome's difference interval is exactly [0, 0].
  const values: ArmValues[] = arms.map((arm, a) => ({ name: arm.source.name, values: paired.values[a]!, scenario: armFiles[a]!.hash }));
  const rows = compareArms(outcomes, values[0]!, values.slice(1));
  const csv = writeCsvFile(path.join(partial, COMPARE.file), COMPARE.columns, rows.map((row) => COMPARE.format(row)));

  const key = compareKey(arms.map((a, i) => [a.source.name, armFiles[i]!.hash]), seed, R, detail, outcomes);
  const finished = new Date();
  const base = armFiles[0]!;
  const manifest: ManifestInput = {
    tool: { name: TOOL_NAME, version: toolVersion() },
    kind: 'compare',
    experiment: { name: spec.name, file: exp.file, description: spec.description, ...(spec.description_id !== undefined && { description_id: spec.description_id }) },
    scenario: { name: base.scenario.name, hash: base.hash, file: arms[0]!.source.file, info: base.infoMarkdown, ...(base.infoMarkdownId !== '' && { info_id: base.infoMarkdownId }), resolved: base.scenario },
    seed,
    replications: R,
    detail_replications: Math.min(R, detail),
    level: rows[0]?.level ?? 0.95,
    outcomes: outcomes.map((o) => o.name),
    arms: arms.map(({ source }, i) => ({
      name: source.name,
      note: source.note,
      ...(source.noteId !== undefined && { note_id: source.noteId }),
      file: source.file,
      set: withoutRunSettings(source.overrides),
      hash: armFiles[i]!.hash,
      folder: `arms/${source.name}`,
    })),
    ...(precision !== undefined && { precision }),
    command: options.command,
    // Merged or not, no shard (as `difusi merge` writes it): the merge is recorded in `timings`.
    shard: null,
    timings: {
      started: started.toISOString(),
      finished: finished.toISOString(),
      seconds: (finished.getTime() - started.getTime()) / 1000,
      workers: options.workers,
      ...(merged !== undefined && { merged_parts: merged }),
    },
    files: ['compare.csv', 'manifest.json', ...arms.map((a) => `arms/${a.source.name}/`)],
    checksums: { 'compare.csv': csv.sha256 },
    rows: { 'compare.csv': csv.rows },
  };
  // Through the store's writer, as a run folder's manifest: every byte written and fsynced, a refusal naming the file.
  writeFileDurably(path.join(partial, 'manifest.json'), manifestText(manifest));
  return { key, rows };
}

function shardName(key: string, shard: Shard): string {
  return `${key}.shard-${shard.index}-of-${shard.count}`;
}

/** The folder key of a comparison: what determines its data files (`arms`: each arm's name and scenario hash). */
function compareKey(arms: readonly (readonly [string, string])[], seed: number, R: number, detail: number, outcomes: readonly OutcomeSpec[]): string {
  return hashKey({ kind: 'compare', arms, seed, R, detail: Math.min(R, detail), outcomes: outcomes.map((o) => o.name) });
}

function withoutRunSettings(overrides: Record<string, unknown>): Record<string, unknown> {
  const { seed: _seed, replications: _replications, ...rest } = overrides;
  return rest;
}

function errorNoVariants(exp: ExperimentFile): UserError {
  return UserError.of('experiment_no_variants', [], { file: exp.file, ...exp.locate(['variants']), path: ['variants'] });
}
