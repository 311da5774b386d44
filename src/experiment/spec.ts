/**
 * The experiment file (`experiments/*.yaml`): a base scenario, named
 * variants, replications, outcomes of interest and, for sweeps and
 * sensitivity analyses, a design over scenario fields. Defined once, as the
 * scenario is (scenario/schema.ts): this zod schema is the type and the
 * runtime check; unknown fields are errors.
 *
 *     text ──YAML──> input ──experimentSchema──> shape ──checkExperiment──> ExperimentSpec
 *       │ syntax: line, column     │ zod issues: path -> line        │ names, paths, design needs -> line
 *       └────────────> ScenarioIssue[] (file:line, field path, expected, found) <──┘
 *
 * Example:
 *
 *     name: bekasi-pilot-takeover
 *     description: What if every pilot had a budget take-over rule?
 *     base: ../scenarios/bekasi-2015-2025.yaml     # relative to this file
 *     replications: 200
 *     outcomes: [sustained.*, live_share]
 *     variants:
 *       - name: takeover-rule
 *         note: the city takes over every pilot at its end
 *         set: { parameters.takeover_vendor: 1, parameters.takeover_coordinator: 1 }
 *       - name: other-file
 *         file: ../scenarios/other.yaml               # a whole scenario file
 *     design:                                         # sweep / sensitivity only
 *       method: grid                                  # grid | lhs | morris | sobol
 *       factors:
 *         - { name: parameters.takeover_vendor, values: [0, 0.5, 1] }
 *         - { name: parameters.champion_rotation, min: 0, max: 0.3, levels: 4 }
 *
 * Nothing here reads files: `src/store/experiment-file.ts` does, and resolves
 * the scenario paths.
 */
import { LineCounter, parseDocument } from 'yaml';
import { YAML_QUIET } from '../scenario/yaml-quiet.js';
import { z } from 'zod';
import { commonSettingOf, parseOverridePath } from '../scenario/overrides.js';
import { gridFactor } from './stats/designs.js';
import { draft, formatFound, makeIssue, UserError, type IssueDraft, type ScenarioIssue } from '../messages/catalog.js';
import { issuePlacer, nodeLocator, nestingDepth, yamlSyntaxIssues, yamlValueIssue, yamlVersionIssue, type Locator } from '../scenario/yaml-locate.js';
import { fromZodIssues, type TargetedDraft } from '../scenario/zod-issues.js';
import { unknownTagIssue } from '../scenario/parse.js';
import { notDifusiFileIssue } from '../scenario/not-a-scenario.js';
import {
  checkInput,
  inputProblemDraft,
  MAX_ALIAS_COUNT,
  MAX_BOOTSTRAP,
  MAX_DEPTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_DESIGN_POINTS,
  MAX_DESIGN_RUNS,
  MAX_DESIGN_VALUES,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_REPLICATIONS,
} from '../scenario/limits.js';

/** A name that becomes a folder name: an experiment's, a variant's (an arm's folder). */
export const FOLDER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const name = z
  .string()
  .max(MAX_NAME_LENGTH)
  .regex(FOLDER_NAME, { message: 'a name usable as a folder name (letters, digits, _ . -)' });

/** Overrides by path (scenario/overrides.ts): `parameters.takeover_vendor: 0.9`. */
const overrides = z.record(z.string(), z.unknown());

const variant = z
  .object({
    name,
    note: z.string().max(MAX_NOTE_LENGTH).optional().describe('what the variant changes and why, in a sentence'),
    note_id: z.string().max(MAX_NOTE_LENGTH).optional().describe('the note in Bahasa Indonesia, shown by the Indonesian report instead of note (default: note)'),
    file: z.string().optional().describe('a whole scenario file (relative to the experiment file) instead of the base'),
    set: overrides.optional().describe('overrides of scenario fields by path, applied after `file`'),
  })
  .strict();

const factor = z
  .object({
    name: z.string().describe('a scenario field by path, e.g. parameters.takeover_vendor'),
    min: z.number().optional(),
    max: z.number().optional(),
    values: z.array(z.number()).min(1).optional().describe('grid: explicit values'),
    levels: z.number().int().min(2).optional().describe('grid: evenly spaced values from min to max (morris uses the design\'s levels)'),
    integer: z.boolean().default(false).describe('whole numbers only (e.g. months): lhs and sobol draw each whole number of [min, max] equally often; grid and morris values are rounded'),
  })
  .strict();

export const DESIGN_METHODS = ['grid', 'lhs', 'morris', 'sobol'] as const;
export type DesignMethod = (typeof DESIGN_METHODS)[number];

const design = z
  .object({
    method: z.enum(DESIGN_METHODS),
    points: z.number().int().min(1).optional().describe('lhs: number of design points'),
    trajectories: z.number().int().min(2).optional().describe('morris: trajectories r (default 10)'),
    levels: z.number().int().min(2).optional().describe('morris: grid levels p, even (default 4)'),
    samples: z.number().int().min(1).optional().describe("sobol: base sample N (rows N (D + 2)), a power of two (default 256)"),
    bootstrap: z.number().int().min(0).max(MAX_BOOTSTRAP).optional().describe('morris, sobol: bootstrap resamples for the intervals, Morris mu_star_conf and Sobol S1/ST (default 200, at most 100,000)'),
    sequence: z
      .enum(['sobol', 'random'])
      .optional()
      .describe("sobol: the base points, a Sobol' sequence (default: more accurate indices, conservative intervals) or random (independent uniforms: 95 % intervals that hold, any number of factors)"),
    factors: z.array(factor).min(1),
  })
  .strict();

export const experimentSchema = z
  .object({
    name,
    description: z.string().max(MAX_DESCRIPTION_LENGTH).default(''),
    description_id: z.string().max(MAX_DESCRIPTION_LENGTH).optional().describe('the description in Bahasa Indonesia, shown by the Indonesian report instead of description (default: description)'),
    base: z.string().describe('the base scenario file, relative to the experiment file'),
    replications: z.number().int().min(1).max(MAX_REPLICATIONS).optional().describe("per arm or design point (default: the base scenario's)"),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional().describe("master seed of every arm (default: the base scenario's)"),
    set: overrides.optional().describe('overrides applied to every arm and design point'),
    outcomes: z.array(z.string()).min(1).optional().describe('outcomes of interest (default: experiment/outcomes.ts DEFAULT_OUTCOMES)'),
    variants: z.array(variant).default([]),
    design: design.optional(),
  })
  .strict();

export type ExperimentSpec = z.output<typeof experimentSchema>;
export type VariantSpec = z.output<typeof variant>;
export type DesignSpec = z.output<typeof design>;
export type FactorSpec = z.output<typeof factor>;

/** Where a path lies in the experiment text (1-based); `{}` when unknown. */
export type ExperimentLocator = Locator;

export type ExperimentParse =
  | { ok: true; spec: ExperimentSpec; locate: ExperimentLocator }
  | { ok: false; issues: ScenarioIssue[] };

/** Default settings of the designs. */
export const DESIGN_DEFAULTS = { trajectories: 10, levels: 4, samples: 256, bootstrap: 200 } as const;

/**
 * Parses and checks experiment text (YAML, or JSON, which is YAML). Returns
 * the spec and a locator for later issues (an override a scenario rejects),
 * or every issue with file, line and path.
 */
export function parseExperimentText(text: string, file: string, reads: readonly ExperimentSection[] = EXPERIMENT_SECTIONS): ExperimentParse {
  const lineCounter = new LineCounter();
  const deep = nestingDepth(text);
  if (deep !== undefined) return { ok: false, issues: [makeIssue('too_deep', [MAX_DEPTH], { file, ...deep })] };
  const version = yamlVersionIssue(text, file);
  if (version !== undefined) return { ok: false, issues: [version] };
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { ...YAML_QUIET, lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) return { ok: false, issues: yamlSyntaxIssues(doc, lineCounter, file) };
  const tag = unknownTagIssue(doc, lineCounter, file);
  if (tag !== undefined) return { ok: false, issues: [tag] };
  if (doc.contents === null) {
    return { ok: false, issues: [makeIssue('empty_file', [], { file }, { expected: 'an experiment mapping' })] };
  }
  // An issue under an alias (`*name`) points at the alias, not at what it names.
  const locate = nodeLocator(doc, lineCounter, { followAliases: false });
  const place = issuePlacer(file, locate);
  let input: unknown;
  try {
    // The YAML reader refuses alias bombs (maxAliasCount) by throwing.
    input = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, issues: [yamlValueIssue(error, doc, lineCounter, file)] };
  }
  const problem = checkInput(input);
  if (problem !== undefined) return { ok: false, issues: [place(inputProblemDraft(problem), 'key')] };
  const parsed = experimentSchema.safeParse(input);
  if (!parsed.success) {
    // A file that is no difusi file at all (a docker-compose.yml) gets one line saying so, as a scenario file does.
    const notExperiment = notDifusiFileIssue(input, file, 'experiment');
    if (notExperiment !== undefined) return { ok: false, issues: [notExperiment] };
    // Too few/many list items show the schema's description and the list as is.
    const drafts = fromZodIssues(experimentSchema, parsed.error.issues, input, { countItems: false });
    return { ok: false, issues: drafts.map(({ issue, target }) => place(issue, target)) };
  }
  // A section's problems only where the command reads it (`reads`).
  const problems = checkExperiment(parsed.data).filter((p) => p.section === undefined || reads.includes(p.section));
  if (problems.length > 0) return { ok: false, issues: problems.map((p) => place(p.issue, p.target)) };
  return { ok: true, spec: parsed.data, locate };
}

/** Parses experiment text or throws the issues as a `UserError`. */
export function parseExperimentOrThrow(text: string, file: string, reads: readonly ExperimentSection[] = EXPERIMENT_SECTIONS): { spec: ExperimentSpec; locate: ExperimentLocator } {
  const r = parseExperimentText(text, file, reads);
  if (!r.ok) throw new UserError(r.issues);
  return r;
}

/** Whether parsed YAML looks like an experiment file rather than a scenario (it has `base`, no `start`). */
export function looksLikeExperiment(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'base' in input && !('start' in input);
}

/**
 * The sections of an experiment file that only some commands read: compare
 * reads `variants` (not `design`), sweep and sensitivity `design` (not
 * `variants`). Each warns of the section it does not read
 * (experiment_section_unread) and runs as it would without it.
 */
export type ExperimentSection = 'variants' | 'design';
export const EXPERIMENT_SECTIONS: readonly ExperimentSection[] = ['variants', 'design'];

/**
 * Checks beyond the shape: unique names, override paths, what each design
 * needs, each problem with the section it belongs to (none: the whole
 * file's). The reader refuses a section's problems only for a command that
 * reads it: compare ran no design, yet refused an experiment whose design
 * was too large to build (`design: { method: lhs, points: 100000000 }`).
 */
function checkExperiment(spec: ExperimentSpec): (TargetedDraft & { section?: ExperimentSection })[] {
  const out: (TargetedDraft & { section?: ExperimentSection })[] = [];
  // The section of the problems pushed while it is set.
  let section: ExperimentSection | undefined;
  const push = (d: TargetedDraft) => out.push(section === undefined ? d : { ...d, section });
  const value = (issue: IssueDraft) => push({ issue, target: 'value' });
  const checkPaths = (set: Record<string, unknown> | undefined, at: (string | number)[]) => {
    for (const key of Object.keys(set ?? {})) {
      // A key padded with spaces: the path reader trims it, the checks and the manifest would not (refused at its line).
      if (padded(key)) {
        push({ issue: draft('experiment_padded_name', ['override', key], [...at, key]), target: 'key' });
        continue;
      }
      try {
        parseOverridePath(key);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        push({ issue: reissue(error, [...at, key]), target: 'key' });
      }
    }
  };
  checkPaths(spec.set, ['set']);
  out.push(...shadowedSettingIssues(spec).filter((d) => !padded(String(d.issue.path.at(-1)))));
  section = 'variants';
  const seen = new Map<string, number>();
  // Each arm's name, lower-cased: arms/A and arms/a are one folder where the file system ignores case.
  const folded = new Map<string, string>([['base', 'base']]);
  spec.variants.forEach((v, i) => {
    const same = folded.get(v.name.toLowerCase());
    if (v.name === 'base') value(draft('experiment_reserved_name', [v.name], ['variants', i, 'name']));
    else if (seen.has(v.name)) value(draft('experiment_duplicate_name', ['variant', v.name], ['variants', i, 'name']));
    else if (same !== undefined) value(draft('experiment_case_only_name', [v.name, same], ['variants', i, 'name']));
    seen.set(v.name, i);
    if (!folded.has(v.name.toLowerCase())) folded.set(v.name.toLowerCase(), v.name);
    checkPaths(v.set, ['variants', i, 'set']);
    for (const d of commonSettingIssues(v.set, ['variants', i, 'set'])) if (!padded(String(d.issue.path.at(-1)))) push(d);
  });
  section = 'design';
  const d = spec.design;
  // Sobol' needs two base samples (experiment/stats/sensitivity.ts): refused whatever the method, as the value is wrong
  // for the only method that reads it (difusi sensitivity --method sobol runs a morris file's samples).
  if (d?.samples !== undefined && d.samples < 2) value(draft('experiment_sobol_samples', [], ['design', 'samples'], { found: String(d.samples) }));
  // A design too large to build, counted before anything is (and before the factors' checks, which build a grid's levels).
  const size = d === undefined ? undefined : designSizeIssue(d, d.method, spec.replications === undefined ? undefined : { count: spec.replications, from: 'replications' });
  if (size !== undefined) push(size);
  if (d !== undefined && size === undefined) {
    const names = new Set<string>();
    d.factors.forEach((f, i) => {
      const at = ['design', 'factors', i];
      // A name padded with spaces ran as the trimmed path, but the duplicate and seed checks below, sweep.csv's
      // header and the report saw it as written (" seed" ran and changed nothing; the report could not read the
      // header back): refused at its line, and checked no further.
      if (padded(f.name)) {
        value(draft('experiment_padded_name', ['factor', f.name], [...at, 'name']));
        return;
      }
      try {
        parseOverridePath(f.name);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        value(reissue(error, [...at, 'name']));
      }
      if (names.has(f.name)) value(draft('experiment_duplicate_name', ['factor', f.name], [...at, 'name']));
      // The common seed and replications are applied after a point's overrides: such a factor was dropped silently.
      if (f.name === 'seed' || f.name === 'replications') value(draft('experiment_factor_common', [f.name], [...at, 'name']));
      names.add(f.name);
      const hasRange = f.min !== undefined && f.max !== undefined && f.min <= f.max;
      const partial = f.min !== undefined || f.max !== undefined;
      if ((partial && !hasRange) || (!hasRange && f.values === undefined)) {
        value(draft('experiment_factor_range', [f.name], at, { found: `min ${formatFound(f.min)}, max ${formatFound(f.max)}` }));
      }
      if (d.method === 'grid' && f.values === undefined && f.levels === undefined && hasRange) {
        value(draft('experiment_design_needs', ['grid', 'values or levels for every factor'], at));
      }
      if (d.method === 'grid') {
        const twice = repeatedGridValue(f, hasRange);
        // A value twice runs the same design points twice (and counts them twice in the summaries): a slip, refused.
        if (twice !== undefined) value(draft('experiment_duplicate_value', [f.name, String(twice.value)], [...at, ...twice.at]));
      }
      if (d.method !== 'grid' && f.values !== undefined) {
        value(draft('experiment_design_needs', [d.method, 'min and max (not values) for every factor'], [...at, 'values']));
      }
    });
    if (d.method === 'lhs' && d.points === undefined) {
      push({ issue: draft('experiment_design_needs', ['lhs', '"points"'], ['design']), target: 'key' });
    }
    if (d.method === 'morris' && d.levels !== undefined && d.levels % 2 !== 0) {
      value(draft('experiment_design_needs', ['morris', 'an even number of levels'], ['design', 'levels'], { found: String(d.levels) }));
    }
  }
  return out;
}

/**
 * The design points `method` runs for `design`, counted without building
 * them: grid, the product of the factors' value counts (values, or levels,
 * 3 by default); lhs, points (10 by default); morris, trajectories x
 * (factors + 1); sobol, samples x (factors + 2). A product too large for a
 * number is Infinity.
 *
 * @example
 * designPointCount({ method: 'sobol', samples: 128, factors: [f, g, h, i, j] }); // 896
 */
export function designPointCount(design: DesignSpec, method: DesignMethod = design.method): number {
  const D = design.factors.length;
  switch (method) {
    case 'grid':
      return design.factors.reduce((n, f) => n * (f.values?.length ?? f.levels ?? 3), 1);
    case 'lhs':
      return design.points ?? 10;
    case 'morris':
      return (design.trajectories ?? DESIGN_DEFAULTS.trajectories) * (D + 1);
    case 'sobol':
      return (design.samples ?? DESIGN_DEFAULTS.samples) * (D + 2);
  }
}

/** How many replications each design point runs, and what set the count (said in the message). */
export interface DesignReplications {
  readonly count: number;
  /** `replications` (the experiment's own), `-r`, ... */
  readonly from: string;
}

/**
 * The issue of a design past a limit of scenario/limits.ts, or undefined:
 * more than MAX_DESIGN_POINTS points, more than MAX_DESIGN_VALUES factor
 * values over them, or (with `replications`) more than MAX_DESIGN_RUNS runs.
 * Placed at the setting that makes the count: `design.points`,
 * `design.trajectories`, `design.samples`, or `design.factors` (a grid's
 * product, or a method's default count times many factors). Checked when
 * the experiment is read (its own method and replications) and again by
 * the command that runs it (`--method`, `-r`, the base scenario's count).
 */
export function designSizeIssue(design: DesignSpec, method: DesignMethod, replications?: DesignReplications): TargetedDraft | undefined {
  const points = designPointCount(design, method);
  const D = design.factors.length;
  const n = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US') : 'more than 10^308');
  // The method's own count, where the file writes it; else the factors (or, for lhs, which needs points, the method).
  const field = method === 'grid' ? undefined : ({ lhs: 'points', morris: 'trajectories', sobol: 'samples' } as const)[method];
  const at: (string | number)[] = field !== undefined && design[field] !== undefined ? ['design', field] : ['design', method === 'lhs' ? 'method' : 'factors'];
  const how = (): string => {
    switch (method) {
      case 'grid': {
        const counts = design.factors.map((f) => f.values?.length ?? f.levels ?? 3);
        return `grid: ${counts.length > 8 ? `${counts.slice(0, 8).join(' × ')} × ...` : counts.join(' × ')} values of its ${n(D)} factor${D === 1 ? '' : 's'}`;
      }
      case 'lhs':
        return `lhs: design.points${design.points === undefined ? ' (default 10)' : ''}`;
      case 'morris':
        return `morris: trajectories (${n(design.trajectories ?? DESIGN_DEFAULTS.trajectories)}) × (factors (${n(D)}) + 1)`;
      case 'sobol':
        return `sobol: samples (${n(design.samples ?? DESIGN_DEFAULTS.samples)}) × (factors (${n(D)}) + 2)`;
    }
  };
  const issue = (count: number, what: string, made: string, limit: number): TargetedDraft => ({
    issue: draft('experiment_design_too_large', [n(count), what, made, n(limit)], at),
    target: at[1] === 'factors' ? 'key' : 'value',
  });
  if (points > MAX_DESIGN_POINTS) return issue(points, 'points', how(), MAX_DESIGN_POINTS);
  if (points * D > MAX_DESIGN_VALUES) return issue(points * D, 'factor values', `${n(points)} points × ${n(D)} factors`, MAX_DESIGN_VALUES);
  if (replications !== undefined && points * replications.count > MAX_DESIGN_RUNS) {
    return issue(points * replications.count, 'design runs', `${n(points)} points × ${n(replications.count)} replications (${replications.from})`, MAX_DESIGN_RUNS);
  }
  return undefined;
}

/** Whether a factor name or override key has white space before or after it. */
function padded(name: string): boolean {
  return name !== name.trim();
}

/**
 * The first value a grid factor takes twice, as the design will use it
 * (integer factors rounded), and where it is written: the repeated item of
 * `values`, or `levels` when evenly spaced levels coincide (min = max, or
 * rounding); undefined when every value is distinct.
 */
function repeatedGridValue(f: FactorSpec, hasRange: boolean): { value: number; at: (string | number)[] } | undefined {
  const listed = f.values !== undefined;
  const values = f.values ?? (hasRange && f.levels !== undefined ? gridFactor({ name: f.name, min: f.min!, max: f.max!, levels: f.levels }).values : []);
  const seen = new Set<number>();
  for (const [k, raw] of values.entries()) {
    const v = f.integer ? Math.round(raw) : raw;
    if (seen.has(v)) return { value: v, at: listed ? ['values', k] : ['levels'] };
    seen.add(v);
  }
  return undefined;
}

/** Which methods read each design setting (the rest ignore it); a factor's `levels` is grid's. */
export const DESIGN_SETTING_METHODS = {
  points: ['lhs'],
  trajectories: ['morris'],
  levels: ['morris'],
  samples: ['sobol'],
  sequence: ['sobol'],
  bootstrap: ['morris', 'sobol'],
} as const satisfies Record<string, readonly DesignMethod[]>;

/** A design setting that the method run does not read: where it is written and which methods read it. */
export interface UnusedDesignSetting {
  /** The setting's path in the experiment file (`design.samples`, `design.factors.2.levels`). */
  readonly path: readonly (string | number)[];
  /** The methods that read it. */
  readonly usedBy: readonly DesignMethod[];
}

/**
 * The design settings written in the file that `method` ignores (`samples`
 * under morris, `trajectories` under sobol, a factor's `levels` outside
 * grid...), design fields first, then factors in order. Not refused: files that
 * carry one ran before and still run; the command warns at the line.
 *
 * @example
 * unusedDesignSettings({ method: 'morris', samples: 1024, factors: [] }, 'morris');
 * // [{ path: ['design', 'samples'], usedBy: ['sobol'] }]
 */
export function unusedDesignSettings(design: DesignSpec, method: DesignMethod): UnusedDesignSetting[] {
  const out: UnusedDesignSetting[] = [];
  for (const [field, usedBy] of Object.entries(DESIGN_SETTING_METHODS) as [keyof typeof DESIGN_SETTING_METHODS, readonly DesignMethod[]][]) {
    if (design[field] !== undefined && !usedBy.includes(method)) out.push({ path: ['design', field], usedBy });
  }
  if (method !== 'grid') {
    design.factors.forEach((f, i) => {
      if (f.levels !== undefined) out.push({ path: ['design', 'factors', i, 'levels'], usedBy: ['grid'] });
    });
  }
  return out;
}

/** `seed` and `replications` as the experiment itself takes them (the same bounds as its top-level fields). */
const commonSettings = z.object({ seed: experimentSchema.shape.seed.unwrap(), replications: experimentSchema.shape.replications.unwrap() }).partial();

/**
 * A variant's `set: { seed: abc }` (or `replications`): every arm runs under
 * the experiment's common seed and replications, which are applied after the
 * variant's overrides, so the scenario never sees the variant's value and
 * would not refuse it. A value the command line's `--seed` / `-r` would
 * refuse is refused here, at its line, with what was wrong with it; a valid
 * one too, saying that it would change nothing (it was silently dropped).
 */
function commonSettingIssues(set: Record<string, unknown> | undefined, at: (string | number)[]): TargetedDraft[] {
  const out: TargetedDraft[] = [];
  for (const [key, value] of Object.entries(set ?? {})) {
    const only = commonSettingOf(key);
    if (only === undefined) continue;
    const input = { [only]: value };
    const parsed = commonSettings.safeParse(input);
    // A valid value was overridden by the common one without a word; refused as a design factor named seed is.
    if (parsed.success) out.push({ issue: draft('experiment_variant_common', [only], [...at, key]), target: 'key' });
    else for (const d of fromZodIssues(commonSettings, parsed.error.issues, input)) out.push({ ...d, issue: { ...d.issue, path: [...at, key] } });
  }
  return out;
}

/**
 * The experiment's `set: { seed: 5 }` beside its own `seed: 11`: the
 * top-level field wins and the override was dropped without a word. Alone,
 * `set: { seed }` is the seed of every arm (the base scenario's field), so
 * only the pair is refused, at the override's line.
 */
function shadowedSettingIssues(spec: ExperimentSpec): TargetedDraft[] {
  const out: TargetedDraft[] = [];
  for (const key of Object.keys(spec.set ?? {})) {
    const only = commonSettingOf(key);
    if ((only === 'seed' && spec.seed !== undefined) || (only === 'replications' && spec.replications !== undefined)) {
      out.push({ issue: draft('experiment_set_shadowed', [only], ['set', key]), target: 'key' });
    }
  }
  return out;
}

/** The first issue of an override-path error, placed at `path` of the experiment. */
function reissue(error: UserError, path: (string | number)[]): IssueDraft {
  const { file: _file, line: _line, column: _column, ...rest } = error.issues[0]!;
  return { ...rest, path };
}
