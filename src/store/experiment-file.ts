/**
 * Reading an experiment file and the scenarios it names: the only place an
 * experiment touches the disk.
 *
 *     experiment.yaml ──parseExperimentText──> spec (+ locator)
 *       base / variants[].file (relative to the experiment file) ──readScenarioFile──> arms
 *       set (experiment, variant, command line) + seed + replications ──> each arm's overrides
 *
 * Problems are `UserError`s. An override that a scenario rejects is
 * reported at the line of the experiment file that wrote it.
 */
import { lstatSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { dirname, resolve, relative, isAbsolute } from 'node:path';
import { EXPERIMENT_SECTIONS, parseExperimentOrThrow, type ExperimentLocator, type ExperimentSection, type ExperimentSpec } from '../experiment/spec.js';
import { draft, makeIssue, UserError, formatFound, formatPath, type IssueCode, type ScenarioIssue } from '../messages/catalog.js';
import { commonSettingOf, optionDecides, refuseSameFieldSets, refuseShadowedSet, validateWithOverrides, type SettingDecider } from '../scenario/overrides.js';
import { scenarioHash } from '../scenario/hash.js';
import { fieldOfPath, fieldsOverlap, isMapping, resolveOverridePath, sameField } from '../scenario/override-path.js';
import { resolveParameters } from '../scenario/crossref.js';
import type { Scenario } from '../scenario/schema.js';
import { readScenarioFile, readUserText, warningOverride, type ScenarioFile } from './scenario-file.js';
import { MAX_FILE_BYTES } from '../scenario/limits.js';

export interface ExperimentFile {
  /** The path as given. */
  readonly file: string;
  readonly spec: ExperimentSpec;
  readonly locate: ExperimentLocator;
}

/**
 * Reads and checks an experiment file: the sections the command `reads`
 * (experiment/spec.ts ExperimentSection; by default both), and all else.
 */
export function readExperimentFile(file: string, reads: readonly ExperimentSection[] = EXPERIMENT_SECTIONS): ExperimentFile {
  const text = readUserText(file, MAX_FILE_BYTES, 'an experiment file (.yaml)');
  const { spec, locate } = parseExperimentOrThrow(text, file, reads);
  return { file, spec, locate };
}

/** A path written in the experiment file, resolved against the file's folder (kept relative to the working folder when it can be). */
export function experimentPath(exp: ExperimentFile, written: string): string {
  const abs = isAbsolute(written) ? written : resolve(dirname(exp.file), written);
  const rel = relative(process.cwd(), abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/** Where an override came from, to report a rejected value at its line. */
type Origin = { readonly path: (string | number)[] } | { readonly commandLine: true };

/** One arm of a comparison (or the base of a sweep): a scenario file and its overrides. */
export interface ArmSource {
  readonly name: string;
  readonly file: string;
  readonly overrides: Record<string, unknown>;
  readonly note: string;
  /** The note in Bahasa Indonesia (the variant's `note_id`), when given. */
  readonly noteId?: string;
  /** Where the arm's file is named in the experiment (for a missing file). */
  readonly at: (string | number)[];
  readonly origins: ReadonlyMap<string, Origin>;
  /**
   * Every override as written, in the order applied (the experiment's `set`,
   * the variant's own, the command line's), before `overrides` merges a
   * path given twice: what checkSameFields reads.
   */
  readonly written: readonly WrittenOverride[];
}

/** One override as written: its path, value, and which `set` wrote it. */
export interface WrittenOverride {
  readonly key: string;
  readonly value: unknown;
  readonly layer: 'set' | 'variant' | 'command line';
  readonly origin: Origin;
}

/** Settings of the command line that apply to every arm. */
export interface ArmSettings {
  readonly set?: Record<string, unknown>;
  readonly seed?: number;
  readonly replications?: number;
}

function layered(layers: { set: Record<string, unknown> | undefined; origin: (key: string) => Origin }[]) {
  // Keys are user paths: a map without a prototype, so no key can reach Object.prototype.
  const overrides: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const origins = new Map<string, Origin>();
  for (const { set, origin } of layers) {
    for (const [key, value] of Object.entries(set ?? {})) {
      delete overrides[key]; // a later layer's value is applied last
      overrides[key] = value;
      origins.set(key, origin(key));
    }
  }
  return { overrides, origins };
}

/**
 * How an arm's scenario file is read with its overrides: readScenarioFile,
 * or (sweep's what-ifs, jobs/sweep.ts) the base file as already read, with
 * other overrides (store/scenario-file.ts rereadScenarioFile).
 */
export type ReadScenario = (file: string, overrides: Record<string, unknown>) => ScenarioFile;

/**
 * The arms of an experiment, base first: each with the experiment's `set`,
 * the variant's own `set`, the command line's `--set`, and then the common
 * seed and replications, so that replication r of every arm has the same
 * seeds (common random numbers).
 */
export function experimentArms(exp: ExperimentFile, settings: ArmSettings, read: ReadScenario = readScenarioFile): { arms: ArmSource[]; seed: number; replications: number } {
  const { spec } = exp;
  const baseFile = experimentPath(exp, spec.base);
  const common = [
    { set: spec.set, origin: (key: string): Origin => ({ path: ['set', key] }) },
  ];
  const cli = { set: settings.set, origin: (): Origin => ({ commandLine: true }) };
  const entries = (set: Record<string, unknown> | undefined, layer: WrittenOverride['layer'], origin: (key: string) => Origin): WrittenOverride[] =>
    Object.entries(set ?? {}).map(([key, value]) => ({ key, value, layer, origin: origin(key) }));
  checkExists(exp, baseFile, ['base']);
  checkCommandLineCommon(exp, settings);
  const base0 = loadWithOrigins(exp, baseFile, { ...layered([...common, cli]), at: ['base'] }, read);
  const seed = settings.seed ?? spec.seed ?? base0.scenario.seed;
  const replications = settings.replications ?? spec.replications ?? base0.scenario.replications;
  const fixed = { set: { seed, replications }, origin: (): Origin => ({ commandLine: true }) };
  const arm = (name: string, file: string, at: (string | number)[], note: string, own: Record<string, unknown> | undefined, ownAt: (string | number)[]): ArmSource => {
    const ownOrigin = (key: string): Origin => ({ path: [...ownAt, key] });
    const { overrides, origins } = layered([...common, { set: own, origin: ownOrigin }, cli, fixed]);
    const written = [...entries(spec.set, 'set', common[0]!.origin), ...entries(own, 'variant', ownOrigin), ...entries(settings.set, 'command line', cli.origin)];
    return { name, file, overrides, note, at, origins, written };
  };
  const arms: ArmSource[] = [arm('base', baseFile, ['base'], 'the base scenario', undefined, [])];
  spec.variants.forEach((v, i) => {
    const file = v.file === undefined ? baseFile : experimentPath(exp, v.file);
    const source = arm(v.name, file, v.file === undefined ? ['base'] : ['variants', i, 'file'], v.note ?? '', v.set, ['variants', i, 'set']);
    arms.push(v.note_id === undefined ? source : { ...source, noteId: v.note_id });
  });
  return { arms, seed, replications };
}

/**
 * A command-line `--set seed=N` (or `replications`) that something else
 * wins over: `-s` / `-r`, or the experiment's own `seed:` / `replications:`
 * (the order of docs/EXPERIMENTS-USAGE.md). It used to be dropped without a
 * word; refused in one line naming the option that sets it, as the same
 * pair inside the file is. Alone, it is honoured (it is the base
 * scenario's field, which every arm then takes).
 */
function checkCommandLineCommon(exp: ExperimentFile, settings: ArmSettings): void {
  if (settings.set === undefined) return;
  const decider = (only: 'seed' | 'replications'): SettingDecider | undefined => {
    if (settings[only] !== undefined) return optionDecides(only);
    if (exp.spec[only] === undefined) return undefined;
    const { line } = exp.locate([only], 'key');
    return {
      winner: `the experiment's ${only}: ${String(exp.spec[only])} (${exp.file}${line === undefined ? '' : `:${line}`})`,
      hint: `run every arm under another ${only === 'seed' ? 'seed' : 'count'} with ${only === 'seed' ? '-s' : '-r'} instead`,
    };
  };
  refuseShadowedSet(Object.keys(settings.set), { seed: decider('seed'), replications: decider('replications') });
}

function checkExists(exp: ExperimentFile, file: string, at: (string | number)[]): void {
  // lstat, not existsSync: a link that loops or leads nowhere exists, and its reader says why it cannot be read.
  if (lstatSync(file, { throwIfNoEntry: false }) === undefined) {
    throw UserError.of('file_not_found', [], { file: exp.file, ...exp.locate(at), path: at }, { expected: 'an existing scenario file', found: formatFound(file) });
  }
}

function loadWithOrigins(
  exp: ExperimentFile,
  file: string,
  layers: { overrides: Record<string, unknown>; origins: ReadonlyMap<string, Origin>; at: (string | number)[] },
  read: ReadScenario,
): ScenarioFile {
  try {
    return read(file, layers.overrides);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(error.issues.map((issue) => atReference(exp, file, layers.at, relabel(exp, issue, layers.origins))));
  }
}

/** Problems of a named file as a whole, not of anything written inside it (store/scenario-file.ts, scenario/parse.ts). */
const WHOLE_FILE: ReadonlySet<IssueCode> = new Set<IssueCode>(['file_not_found', 'file_unreadable', 'file_too_large', 'empty_file', 'unsupported_extension', 'experiment_not_scenario']);

/**
 * A problem of the file that `base:` or `variants[i].file:` names as a
 * whole (a directory, no extension, too large, an experiment file rather
 * than a scenario), said as a missing one is: at that line of the
 * experiment, `→ at base`, naming the file. It used to name only the file,
 * not the experiment or the field (and, for an experiment file, suggested
 * the very command just run). A problem inside the file (its syntax, its
 * fields) keeps the file's own name and line: that is where to fix it.
 */
function atReference(exp: ExperimentFile, file: string, at: (string | number)[], issue: ScenarioIssue): ScenarioIssue {
  if (issue.file !== file || issue.line !== undefined || !WHOLE_FILE.has(issue.code)) return issue;
  const field = at[0] === 'base' ? 'base' : "a variant's file";
  const moved = issue.code === 'experiment_not_scenario' ? draft('experiment_arm_not_scenario', [field], at) : { ...issue, path: at };
  // The whole path (formatFound would shorten a long one to its start, dropping the file's name).
  return { ...moved, file: exp.file, ...exp.locate(at), found: JSON.stringify(file) };
}

/** An issue under an overridden path, placed at the experiment line that wrote the override. */
function relabel(exp: ExperimentFile, issue: ScenarioIssue, origins: ReadonlyMap<string, Origin>): ScenarioIssue {
  if (!issue.file.startsWith('override ')) return issue;
  const text = issue.file.slice('override '.length);
  const origin = origins.get(text);
  if (origin === undefined || 'commandLine' in origin) return { ...issue, file: `command line --set ${text}` };
  const { line, column } = exp.locate(origin.path, 'key');
  return { ...issue, file: exp.file, ...(line !== undefined && { line }), ...(column !== undefined && { column }) };
}

/**
 * Reads an arm's scenario with its overrides; a rejected override is reported
 * at its experiment line. Two overrides of the arm on one field are refused
 * first (checkSameFields), also when together they make the scenario invalid.
 */
export function loadArm(exp: ExperimentFile, arm: ArmSource, read: ReadScenario = readScenarioFile): ScenarioFile {
  checkExists(exp, arm.file, arm.at);
  let file: ScenarioFile;
  try {
    file = loadWithOrigins(exp, arm.file, arm, read);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    let written: unknown;
    try {
      written = read(arm.file, {}).writtenInput;
    } catch {
      throw error;
    }
    checkSameFields(exp, arm, written);
    throw error;
  }
  checkSameFields(exp, arm, file.writtenInput);
  return file;
}

/** `file:line` of a place in the experiment file (the file alone when the line is unknown). */
function lineOf(exp: ExperimentFile, path: (string | number)[]): string {
  const { line } = exp.locate(path, 'key');
  return line === undefined ? exp.file : `${exp.file}:${line}`;
}

const checked = new WeakSet<readonly WrittenOverride[]>();

/**
 * Overrides of one arm that name the same field, each by its own path
 * (`regulations[0].strength` and `regulations[id=perda].strength`): the
 * paths are resolved against the arm's file as written, so a selector is
 * compared by the element it selects, not as text.
 *
 * - two keys of one `set` (the experiment's, or one variant's) on one field:
 *   only the last took effect, and the manifest listed both as applied;
 *   refused at the second key's line, naming the first;
 * - two command-line `--set`s on one field, or one inside the other:
 *   refused in one line naming both, as `run` refuses them
 *   (scenario/apply-overrides.ts refuseSameFieldSets);
 * - a command-line `--set` on a field the variant's own `set` writes (or a
 *   whole element holding it, or a field inside it): the command line used
 *   to replace the variant's value without a word, shrinking or erasing its
 *   what-if; refused in one line naming the variant's line.
 *
 * The experiment's `set` under a variant's keeps its precedence (the variant
 * wins, docs/EXPERIMENTS-USAGE.md), as does `--set` over the experiment's `set`.
 */
function checkSameFields(exp: ExperimentFile, arm: ArmSource, input: unknown): void {
  if (checked.has(arm.written)) return;
  const resolved = arm.written.map((w) => ({ ...w, field: fieldOfPath(input, w.key) }));
  for (const layer of ['set', 'variant'] as const) {
    const mine = resolved.filter((w) => w.layer === layer);
    mine.forEach((w, i) => {
      const first = mine.slice(0, i).find((o) => o.field !== undefined && w.field !== undefined && o.key !== w.key && sameField(o.field, w.field));
      if (first === undefined || 'commandLine' in w.origin || 'commandLine' in first.origin) return;
      const at = w.origin.path;
      throw UserError.of('experiment_same_field', ['override', w.key, first.key, lineOf(exp, first.origin.path)], { file: exp.file, ...exp.locate(at, 'key'), path: at });
    });
  }
  // Two --set of the command line on one field: refused as for run (scenario/apply-overrides.ts).
  const commandLine = resolved.filter((w) => w.layer === 'command line');
  refuseSameFieldSets(input, Object.fromEntries(commandLine.map((w) => [w.key, w.value])));
  for (const cli of commandLine) {
    const own = resolved.find((w) => w.layer === 'variant' && w.field !== undefined && cli.field !== undefined && fieldsOverlap(w.field, cli.field));
    if (own === undefined || 'commandLine' in own.origin) continue;
    throw UserError.of('command_set_variant', [cli.key, arm.name, own.key, lineOf(exp, own.origin.path)], { file: 'command line' });
  }
  checked.add(arm.written);
}

/**
 * A setting that every arm takes alike, on a field where a variant's own
 * scenario file differs from the base's (`compare base.yaml variant.yaml
 * --set X`, or a variant with `file:` in an experiment): the command line's
 * `--set`, or the experiment's own top-level `set:`. It gives both arms the
 * same value there, so it erases the very difference the comparison is
 * about, and the comparison reported the rest without a word. Refused in
 * one line naming the path and the arm, as a `--set` on what a variant's
 * own `set` writes is (checkSameFields):
 *
 *     ✗ command line: --set parameters.takeover_vendor would erase a difference the comparison is about: parameters.takeover_vendor is 0.9 in the variant "high-takeover" (variant.yaml) and 0.35 in the base scenario, and the --set makes them the same; drop the --set, or edit the files
 *
 * The experiment's `set` is refused at its line. It is left alone in an arm
 * whose variant's own `set` writes the field (or an element or mapping
 * holding it): the variant's value wins there (docs/EXPERIMENTS-USAGE.md),
 * so the experiment's value reaches the base alone, and the arms still differ.
 *
 * Each path is resolved in each file as written, after validation (a
 * default left implicit in one file and written out in the other is no
 * difference; a parameter not written takes its default). The seed and the
 * replication count are left out: every arm runs under the common ones
 * anyway, and so are the fields that change no result (resultView:
 * `--set name=foo` on two files whose names differ runs, as does
 * `--set innovations[id=x].name=...`). A path that names nothing in one of
 * the files is refused when the overrides are applied to it.
 */
export function checkSetsAgainstVariantFiles(exp: ExperimentFile, arms: readonly { readonly source: ArmSource; readonly file: ScenarioFile }[]): void {
  const [base, ...variants] = arms;
  if (base === undefined) return;
  // Compared as the scenario reads them: a parameter left out is its default (resolved once per file).
  const readAs = (scenario: Scenario): Scenario => ({ ...scenario, parameters: resolveParameters(scenario) });
  const at = (scenario: Scenario, key: string) => {
    const found = resolveOverridePath(scenario, key);
    return found.ok ? found : undefined;
  };
  const baseRead = readAs(base.file.written);
  let baseView: unknown;
  for (const { source, file } of variants) {
    if (source.file === base.source.file) continue;
    let variantRead: Scenario | undefined;
    let variantView: unknown;
    for (const w of source.written) {
      if (w.layer === 'variant' || commonSettingOf(w.key) !== undefined) continue;
      variantRead ??= readAs(file.written);
      const own = at(variantRead, w.key);
      const theirs = at(baseRead, w.key);
      if (own === undefined || theirs === undefined || isDeepStrictEqual(own.value, theirs.value)) continue;
      // Only the fields that change a result count: the values again, without names, descriptions and levers.
      baseView ??= resultView(baseRead);
      variantView ??= resultView(variantRead);
      if (isDeepStrictEqual(valueAt(variantView, own.path), valueAt(baseView, theirs.path))) continue;
      if (w.layer === 'command line') {
        throw UserError.of(
          'command_set_variant_file',
          [w.key, formatPath(own.path), formatFound(own.value), source.name, experimentPath(exp, source.file), formatFound(theirs.value)],
          { file: 'command line' },
        );
      }
      // The experiment's set: the variant's own set on the field (or what holds it) wins in its arm.
      const mine = fieldOfPath(variantRead, w.key);
      const holds = source.written.some((v) => {
        if (v.layer !== 'variant') return false;
        const field = fieldOfPath(variantRead, v.key);
        return field !== undefined && mine !== undefined && field.length <= mine.length && fieldsOverlap(field, mine);
      });
      if (holds || 'commandLine' in w.origin) continue;
      const where = w.origin.path;
      throw UserError.of(
        'experiment_set_variant_file',
        [w.key, formatPath(own.path), formatFound(own.value), source.name, experimentPath(exp, source.file), formatFound(theirs.value)],
        { file: exp.file, ...exp.locate(where, 'key'), path: where },
      );
    }
  }
}

/**
 * Top-level scenario fields that change no result, so a setting on one
 * erases no difference a comparison is about: the scenario's name (a
 * variant file's always differs; it names the arm's folder), its
 * descriptions (shown in reports and the explorer), and its levers
 * (controls of the explorer; the model ignores them). Everything else is
 * read by the model or decides which results there are.
 */
const PRESENTATION_ONLY = ['name', 'description', 'description_id', 'levers'] as const;

/**
 * The lists whose elements carry a readable `name` and its Indonesian
 * `name_id`: shown in reports, charts and the explorer, never read by the
 * model (model/compile.ts keeps them for the reports alone), so they change
 * no result either.
 */
const NAMED_ELEMENTS = ['leaders', 'regulations', 'budget_shocks', 'vendors', 'platforms', 'innovations'] as const; // and opds.list
const ELEMENT_PRESENTATION_ONLY = ['name', 'name_id'] as const;

/** A scenario without the fields that change no result (PRESENTATION_ONLY, NAMED_ELEMENTS): what two arms must agree on to give the same results. */
function resultView(scenario: Scenario): Record<string, unknown> {
  const view: Record<string, unknown> = { ...scenario };
  for (const key of PRESENTATION_ONLY) delete view[key];
  const unnamed = (holder: Record<string, unknown>, key: string): void => {
    const list = holder[key];
    if (!Array.isArray(list)) return;
    holder[key] = list.map((element: unknown) => {
      if (!isMapping(element)) return element;
      const copy = { ...element };
      for (const field of ELEMENT_PRESENTATION_ONLY) delete copy[field];
      return copy;
    });
  };
  for (const key of NAMED_ELEMENTS) unnamed(view, key);
  const opds = view['opds'];
  if (isMapping(opds)) {
    const copy = { ...opds };
    unnamed(copy, 'list');
    view['opds'] = copy;
  }
  return view;
}

/** The value at a concrete path (keys and indices); undefined where it leads nowhere. */
function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const seg of path) {
    if (typeof seg === 'number' ? !Array.isArray(node) : !isMapping(node) || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/**
 * The design factors of a sweep or sensitivity analysis that name a field
 * something else also sets, resolved as checkSameFields resolves them:
 *
 * - a factor on the field of an earlier factor (`regulations[0].strength`
 *   and `regulations[id=perda].strength`): every point ran the later one's
 *   value, and the earlier one showed exactly no effect; refused at the
 *   later factor's line, naming the earlier;
 * - a factor on a field the experiment's `set` or a command-line `--set`
 *   writes (or an element holding it): the factor's values replaced it at
 *   every point, and the report showed the unused value; refused at the
 *   factor's line.
 */
export function checkFactorFields(exp: ExperimentFile, arm: ArmSource, base: ScenarioFile): void {
  const factors = exp.spec.design?.factors ?? [];
  const input = base.writtenInput;
  const fields = factors.map((f) => fieldOfPath(input, f.name));
  const sets = arm.written.map((w) => ({ ...w, field: fieldOfPath(input, w.key) }));
  fields.forEach((field, j) => {
    if (field === undefined) return;
    const at = ['design', 'factors', j, 'name'];
    const where = { file: exp.file, ...exp.locate(at), path: at };
    const i = fields.findIndex((other, k) => k < j && other !== undefined && sameField(other, field));
    if (i >= 0) {
      throw UserError.of('experiment_same_field', ['factor', factors[j]!.name, factors[i]!.name, lineOf(exp, ['design', 'factors', i, 'name'])], where);
    }
    for (const w of sets) {
      if (w.field === undefined || !fieldsOverlap(w.field, field)) continue;
      const by = 'commandLine' in w.origin ? `--set ${w.key}` : `the experiment's set ${JSON.stringify(w.key)} (${lineOf(exp, w.origin.path)})`;
      throw UserError.of('experiment_factor_set', [factors[j]!.name, by], where);
    }
  });
}

/**
 * The scenario of a design point: the base input with the factor values
 * set by path. A value the scenario rejects is reported at the factor's
 * line in the experiment file.
 */
export function designPointScenario(
  exp: ExperimentFile,
  base: ScenarioFile,
  baseFile: string,
  names: readonly string[],
  values: readonly number[],
): { scenario: Scenario; hash: string } {
  const overrides: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  names.forEach((name, j) => {
    overrides[name] = values[j];
  });
  const result = validateWithOverrides(base.input, overrides, baseFile);
  if (result.ok) return { scenario: result.scenario, hash: scenarioHash(result.scenario) };
  const first = result.issues.find((i) => i.file.startsWith('override ')) ?? result.issues[0]!;
  const factor = first.file.startsWith('override ') ? first.file.slice('override '.length) : names[0]!;
  const j = Math.max(0, names.indexOf(factor));
  const at = ['design', 'factors', j, 'name'];
  // One line: the factor's line, with the scenario's reason (its message and
  // expected/found) when an override of the point gave it; any other issue follows.
  const own = first.file.startsWith('override ');
  const reason = own ? first.message.charAt(0).toLowerCase() + first.message.slice(1) : undefined;
  const detail = own ? { ...(first.expected !== undefined && { expected: first.expected }), ...(first.found !== undefined && { found: first.found }) } : {};
  const point = makeIssue('experiment_point_invalid', [factor, formatFound(values[j]), reason], { file: exp.file, ...exp.locate(at), path: at }, detail);
  throw new UserError([point, ...result.issues.filter((i) => !own || i !== first)]);
}

/**
 * Where a warning of an arm's scenario (or a sweep's base) is named, as a
 * bad value of the experiment is: `undefined` when the arm's file as written
 * gives the warning too (the caller names that file, as before); otherwise
 * the experiment line of the override that gives it alone (the experiment's
 * or a variant's `set:`), `command line --set <path>` for a `--set`, or the
 * experiment file when only overrides together give it. `warningsOf` is the
 * caller's warnings of a scenario. Computed only for a warning the arm has,
 * once per file and override.
 */
export function warningPlace(exp: ExperimentFile, arm: ArmSource, file: ScenarioFile, warningsOf: (s: Scenario) => readonly string[]): (warning: string) => string | undefined {
  const which = warningOverride(file, arm.overrides, arm.file, warningsOf);
  return (warning) => {
    const key = which(warning);
    if (key === undefined) return undefined;
    if (key === null) return exp.file;
    const origin = arm.origins.get(key);
    if (origin === undefined || 'commandLine' in origin) return `command line --set ${key}`;
    const { line } = exp.locate(origin.path, 'key');
    return line === undefined ? exp.file : `${exp.file}:${line}`;
  };
}
