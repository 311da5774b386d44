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
 * Nothing here reads files: `src/io/experiment-file.ts` does, and resolves
 * the scenario paths.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { parseOverridePath } from '../scenario/overrides.js';
import { describeSchema } from '../scenario/parse.js';
import {
  draft,
  formatChoices,
  formatFound,
  makeIssue,
  UserError,
  type IssueDraft,
  type ScenarioIssue,
} from '../scenario/messages.js';

const name = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'a name usable as a folder name (letters, digits, _ . -)' });

/** Overrides by path (scenario/overrides.ts): `parameters.takeover_vendor: 0.9`. */
const overrides = z.record(z.string(), z.unknown());

const variant = z
  .object({
    name,
    note: z.string().optional().describe('what the variant changes and why, in a sentence'),
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
    levels: z.number().int().min(2).optional().describe('grid: evenly spaced values from min to max'),
    integer: z.boolean().default(false).describe('round sampled values to whole numbers (e.g. months)'),
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
    bootstrap: z.number().int().min(0).optional().describe('sobol: bootstrap resamples for the intervals (default 200)'),
    factors: z.array(factor).min(1),
  })
  .strict();

export const experimentSchema = z
  .object({
    name,
    description: z.string().default(''),
    base: z.string().describe('the base scenario file, relative to the experiment file'),
    replications: z.number().int().min(1).optional().describe("per arm or design point (default: the base scenario's)"),
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

type Path = readonly (string | number)[];

/** Where a path lies in the experiment text (1-based); `{}` when unknown. */
export type ExperimentLocator = (path: Path, target?: 'value' | 'key') => { line?: number; column?: number };

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
export function parseExperimentText(text: string, file: string): ExperimentParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
        const detail = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
        return makeIssue('yaml_syntax', [detail], { file, line: pos.line, column: pos.col });
      }),
    };
  }
  if (doc.contents === null) {
    return { ok: false, issues: [makeIssue('empty_file', [], { file }, { expected: 'an experiment mapping' })] };
  }
  const locate = locator(doc, lineCounter);
  const place = (d: IssueDraft, target: 'value' | 'key' = 'value'): ScenarioIssue => ({ ...d, file, ...locate(d.path, target) });
  const input: unknown = doc.toJS();
  const parsed = experimentSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.flatMap((zi) => fromZodIssue(zi, input).map(({ issue, target }) => place(issue, target))) };
  }
  const problems = checkExperiment(parsed.data);
  if (problems.length > 0) return { ok: false, issues: problems.map((p) => place(p.issue, p.target)) };
  return { ok: true, spec: parsed.data, locate };
}

/** Parses experiment text or throws the issues as a `UserError`. */
export function parseExperimentOrThrow(text: string, file: string): { spec: ExperimentSpec; locate: ExperimentLocator } {
  const r = parseExperimentText(text, file);
  if (!r.ok) throw new UserError(r.issues);
  return r;
}

/** Whether parsed YAML looks like an experiment file rather than a scenario (it has `base`, no `start`). */
export function looksLikeExperiment(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'base' in input && !('start' in input);
}

/** Checks beyond the shape: unique names, override paths, what each design needs. */
function checkExperiment(spec: ExperimentSpec): { issue: IssueDraft; target: 'value' | 'key' }[] {
  const out: { issue: IssueDraft; target: 'value' | 'key' }[] = [];
  const value = (issue: IssueDraft) => out.push({ issue, target: 'value' });
  const checkPaths = (set: Record<string, unknown> | undefined, at: (string | number)[]) => {
    for (const key of Object.keys(set ?? {})) {
      try {
        parseOverridePath(key);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        out.push({ issue: reissue(error, [...at, key]), target: 'key' });
      }
    }
  };
  checkPaths(spec.set, ['set']);
  const seen = new Map<string, number>();
  spec.variants.forEach((v, i) => {
    if (v.name === 'base') value(draft('experiment_reserved_name', [v.name], ['variants', i, 'name']));
    else if (seen.has(v.name)) value(draft('experiment_duplicate_name', ['variant', v.name], ['variants', i, 'name']));
    seen.set(v.name, i);
    checkPaths(v.set, ['variants', i, 'set']);
  });
  const d = spec.design;
  if (d !== undefined) {
    const names = new Set<string>();
    d.factors.forEach((f, i) => {
      const at = ['design', 'factors', i];
      try {
        parseOverridePath(f.name);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        value(reissue(error, [...at, 'name']));
      }
      if (names.has(f.name)) value(draft('experiment_duplicate_name', ['factor', f.name], [...at, 'name']));
      names.add(f.name);
      const hasRange = f.min !== undefined && f.max !== undefined && f.min <= f.max;
      const partial = f.min !== undefined || f.max !== undefined;
      if ((partial && !hasRange) || (!hasRange && f.values === undefined)) {
        value(draft('experiment_factor_range', [f.name], at, { found: `min ${formatFound(f.min)}, max ${formatFound(f.max)}` }));
      }
      if (d.method === 'grid' && f.values === undefined && f.levels === undefined && hasRange) {
        value(draft('experiment_design_needs', ['grid', 'values or levels for every factor'], at));
      }
      if (d.method !== 'grid' && f.values !== undefined) {
        value(draft('experiment_design_needs', [d.method, 'min and max (not values) for every factor'], [...at, 'values']));
      }
    });
    if (d.method === 'lhs' && d.points === undefined) {
      out.push({ issue: draft('experiment_design_needs', ['lhs', '"points"'], ['design']), target: 'key' });
    }
    if (d.method === 'morris' && d.levels !== undefined && d.levels % 2 !== 0) {
      value(draft('experiment_design_needs', ['morris', 'an even number of levels'], ['design', 'levels'], { found: String(d.levels) }));
    }
  }
  return out;
}

/** The first issue of an override-path error, placed at `path` of the experiment. */
function reissue(error: UserError, path: (string | number)[]): IssueDraft {
  const { file: _file, line: _line, column: _column, ...rest } = error.issues[0]!;
  return { ...rest, path };
}

// ---------------------------------------------------------------------------
// zod issues -> catalog issues (as scenario/parse.ts does for scenarios)

type ZodIssue = z.core.$ZodIssue;

function fromZodIssue(zi: ZodIssue, input: unknown): { issue: IssueDraft; target: 'value' | 'key' }[] {
  const path: (string | number)[] = zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const at = valueAt(input, path);
  const schema = schemaAt(path);
  const expected = schema === undefined ? undefined : describeSchema(schema);
  const found = at.present ? formatFound(at.value) : undefined;
  const detail = (): { expected?: string; found?: string } => ({
    ...(expected !== undefined && { expected }),
    ...(found !== undefined && { found }),
  });
  const one = (issue: IssueDraft) => [{ issue, target: 'value' as const }];
  switch (zi.code) {
    case 'invalid_type':
      if (!at.present) return one(draft('missing_field', [String(path[path.length - 1] ?? '')], path, detail()));
      return one(draft(zi.expected === 'int' ? 'not_integer' : 'wrong_type', [], path, detail()));
    case 'too_big':
    case 'too_small':
      if (zi.origin === 'array') return one(draft(zi.code === 'too_big' ? 'too_many_items' : 'too_few_items', [], path, detail()));
      return one(draft('out_of_range', [], path, detail()));
    case 'invalid_format':
      return one(draft('bad_format', [], path, { ...detail(), expected: expected ?? zi.message }));
    case 'invalid_value':
      return one(draft('not_an_option', [], path, { ...detail(), expected: expected ?? `one of ${formatChoices(zi.values.map(String))}` }));
    case 'unrecognized_keys': {
      const allowed = schema === undefined ? [] : keysOf(schema);
      return zi.keys.map((key) => ({
        issue: draft('unknown_field', [key, suggest(key, allowed)], [...path, key], {
          expected: allowed.length === 0 ? 'no further fields' : `one of ${formatChoices(allowed, 12)}`,
        }),
        target: 'key' as const,
      }));
    }
    default:
      return one(draft('invalid_value', [zi.message], path, detail()));
  }
}

function valueAt(input: unknown, path: Path): { present: boolean; value: unknown } {
  let value: unknown = input;
  for (const seg of path) {
    if (Array.isArray(value) && typeof seg === 'number' && seg < value.length) value = value[seg];
    else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, seg)) {
      value = (value as Record<string | number, unknown>)[seg];
    } else return { present: false, value: undefined };
  }
  return { present: true, value };
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

function schemaAt(path: Path): z.ZodType | undefined {
  let s: z.ZodType = experimentSchema;
  for (const seg of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject && typeof seg === 'string') {
      const next = (s.shape as Record<string, z.ZodType>)[seg];
      if (next === undefined) return undefined;
      s = next;
    } else if (s instanceof z.ZodArray && typeof seg === 'number') s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
  }
  return s;
}

function keysOf(schema: z.ZodType): string[] {
  const s = unwrap(schema);
  return s instanceof z.ZodObject ? Object.keys(s.shape as Record<string, unknown>) : [];
}

function suggest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.min(3, Math.floor(key.length / 3))) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

// ---------------------------------------------------------------------------
// Locations

function locator(doc: Document, lineCounter: LineCounter): ExperimentLocator {
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  return (path, target = 'value') => {
    let node = doc.contents as Node | null;
    if (node === null) return { line: 1, column: 1 };
    let best: Node = node;
    for (let k = 0; k < path.length; k++) {
      const seg = path[k];
      let next: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (pair === undefined) break;
        const key = isScalar(pair.key) ? pair.key : null;
        if (k === path.length - 1 && target === 'key' && key?.range) return pos(key.range[0]);
        const value = pair.value as Node | null;
        if (value === null || value === undefined) {
          if (key?.range) return pos(key.range[0]);
          break;
        }
        next = value;
      } else if (isSeq(node) && typeof seg === 'number') {
        next = (node.items[seg] as Node | undefined) ?? null;
      }
      if (next === null) break;
      node = next;
      best = next;
    }
    return best.range ? pos(best.range[0]) : {};
  };
}
