/**
 * zod issues -> catalog issue drafts, for any root schema (the scenario's,
 * the experiment file's): the field path, what the schema at that path
 * accepts ("expected", in words), what the input holds there ("found"), and
 * for an unknown field the allowed names with a "did you mean".
 *
 *     input ──root.safeParse──> zod issues ──fromZodIssues(root, …)──> { issue: IssueDraft, target }[]
 *
 * `target` says where the issue points in the source text: the value, or
 * the key for unknown fields (see `yaml-locate.ts`).
 */
import { suggest } from './suggest.js';
import { z } from 'zod';
import { decimalComma, draft, formatChoices, formatFound, type IssueDraft } from '../messages/catalog.js';

/** A field path in plain data: keys and 0-based array indices. */
export type Path = readonly (string | number)[];

/** Where an issue points in the source: the value at its path, or the key (unknown fields). */
export type Target = 'value' | 'key';

/** An issue draft and where in the source it points. */
export interface TargetedDraft {
  issue: IssueDraft;
  target: Target;
  /** For an unknown field with a "did you mean": the path of the field it names (a misspelt required field's, fromZodIssues). */
  meant?: Path;
}

export interface ZodIssueOptions {
  /**
   * Too few / too many list items: say how many items were found and what
   * count the list needs (true, the default: "3 items: [...]", "a list with
   * at least 2 items"), or show the schema's description and the list as is
   * (false).
   */
  countItems?: boolean;
}

type ZodIssue = z.core.$ZodIssue;

/**
 * The drafts of every issue of `root.safeParse(input)`, in zod's order. An
 * unknown-keys issue gives one draft per key.
 *
 * @example
 * const parsed = schema.safeParse(input);
 * if (!parsed.success) drafts = fromZodIssues(schema, parsed.error.issues, input);
 */
export function fromZodIssues(
  root: z.ZodType,
  issues: readonly ZodIssue[],
  input: unknown,
  options: ZodIssueOptions = {},
): TargetedDraft[] {
  // zod 4 reports an integer beyond 2^53 twice (its safe-integer bound and the schema's .max()), which read the same here: one line each.
  const seen = new Set<string>();
  const drafts = issues.flatMap((zi) => fromZodIssue(root, zi, input, options));
  const misspelt = new Set(drafts.flatMap((d) => (d.meant === undefined ? [] : [JSON.stringify(d.meant)])));
  return drafts
    .filter((d) => {
      // A required field written misspelt is one mistake: its "Unknown field ... (did you mean ...?)" line says it,
      // and the field's "Missing required field" line, which the same typo causes, is not said beside it.
      if (d.issue.code === 'missing_field' && misspelt.has(JSON.stringify(d.issue.path))) return false;
      const key = JSON.stringify([d.target, d.issue.code, d.issue.path, d.issue.message, d.issue.expected, d.issue.found]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Limits a number field has beyond its schema (checked after validation,
 * where the message can name the command-line option: replications, at
 * most MAX_REPLICATIONS), so that what a message says the field accepts
 * ("an integer in [1,100000]") is the whole truth. A registry of its own,
 * not zod's global one: the JSON schemas stay as they are.
 */
/** The message of the month pattern (schema.ts `monthString`), which zod-issues recognises. */
export const MONTH_FORMAT = 'a month as YYYY-MM';

export const checkedAfterSchema = z.registry<{ maximum: number }>();

/**
 * How a mapping is written, for the "expected" of a value of another type:
 * "a mapping of fields" alone does not say what to write where a list is
 * natural to try (`governments: [kab-b, kota-d]` for a selector, which is
 * `governments: { ids: [kab-b, kota-d] }`). Its own registry, as above:
 * the JSON schemas stay as they are.
 */
export const mappingExample = z.registry<{ example: string }>();

function fromZodIssue(root: z.ZodType, zi: ZodIssue, input: unknown, options: ZodIssueOptions): TargetedDraft[] {
  const path: (string | number)[] = zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const at = valueAt(input, path);
  const schema = schemaAt(root, path);
  const expected = schema === undefined ? undefined : describeSchema(schema);
  const found = at.present ? formatFound(at.value) : undefined;
  const one = (issue: IssueDraft) => [{ issue, target: 'value' as const }];

  // An absent required field is reported as missing, whatever its type
  // (zod reports an absent enum as an invalid value).
  if (!at.present && (zi.code === 'invalid_type' || zi.code === 'invalid_value')) {
    const field = path[path.length - 1];
    return one(draft('missing_field', [String(field ?? '')], path, withDefined({ expected })));
  }
  switch (zi.code) {
    case 'invalid_type': {
      if (zi.expected === 'int') return one(draft('not_integer', [], path, withDefined({ expected, found })));
      const comma = zi.expected === 'number' ? decimalComma(at.value) : undefined;
      return one(draft('wrong_type', comma === undefined ? [] : [comma], path, withDefined({ expected, found })));
    }
    case 'too_big':
    case 'too_small': {
      if (zi.origin === 'array') {
        const code = zi.code === 'too_big' ? 'too_many_items' : 'too_few_items';
        if (options.countItems === false) return one(draft(code, [], path, withDefined({ expected, found })));
        const limit =
          zi.code === 'too_big' ? `at most ${String(zi.maximum)}` : `at least ${String(zi.minimum)}`;
        const isTuple = schema !== undefined && unwrap(schema) instanceof z.ZodTuple;
        const length = Array.isArray(at.value) ? at.value.length : 0;
        return one(
          draft(code, [], path, {
            expected: isTuple && expected !== undefined ? expected : `a list with ${limit} item${limit.endsWith(' 1') ? '' : 's'}`,
            found: `${length} item${length === 1 ? '' : 's'}: ${formatFound(at.value)}`,
          }),
        );
      }
      if (zi.origin === 'string' && zi.code === 'too_big') {
        const length = typeof at.value === 'string' ? at.value.length : 0;
        return one(draft('too_long', ['The text', Number(zi.maximum)], path, { found: `${length} characters` }));
      }
      return one(draft('out_of_range', [], path, withDefined({ expected, found })));
    }
    case 'invalid_format': {
      // YYYY-MM in form, but no such month ("2019-13", "2019-00"): say which part is wrong.
      const month = typeof at.value === 'string' && zi.message === MONTH_FORMAT ? /^\d{4}-(\d\d)$/.exec(at.value)?.[1] : undefined;
      if (month !== undefined) return one(draft('no_such_month', [month], path, withDefined({ expected: expected ?? zi.message, found })));
      return one(draft('bad_format', [], path, withDefined({ expected: expected ?? zi.message, found })));
    }
    case 'invalid_value':
      return one(
        draft('not_an_option', [], path, withDefined({ expected: expected ?? `one of ${formatChoices(zi.values.map(String))}`, found })),
      );
    case 'unrecognized_keys': {
      const allowed = schema === undefined ? [] : keysOf(schema);
      return zi.keys.map((key) => {
        const near = suggest(key, allowed);
        return {
          issue: draft('unknown_field', [key, near], [...path, key], {
            expected: allowed.length === 0 ? 'no further fields' : `one of ${formatChoices(allowed, 12)}`,
          }),
          target: 'key' as const,
          ...(near !== undefined && { meant: [...path, near] }),
        };
      });
    }
    default:
      return one(draft('invalid_value', [zi.message], path, withDefined({ expected, found })));
  }
}

function withDefined(detail: { expected?: string | undefined; found?: string | undefined }): {
  expected?: string;
  found?: string;
} {
  const out: { expected?: string; found?: string } = {};
  if (detail.expected !== undefined) out.expected = detail.expected;
  if (detail.found !== undefined) out.found = detail.found;
  return out;
}

/** The value at `path` in plain data, and whether it is there at all. */
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

/** Strips optional/default wrappers (nullable is kept: it changes the text). */
function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else return s;
  }
}

/** The sub-schema of `root` at a data path (a list's element at any index), if the path exists in the schema. */
export function schemaAt(root: z.ZodType, path: Path): z.ZodType | undefined {
  let s: z.ZodType = root;
  for (const seg of path) {
    s = unwrap(s);
    if (s instanceof z.ZodNullable) s = unwrap(s.unwrap() as z.ZodType);
    if (s instanceof z.ZodObject && typeof seg === 'string') {
      const next = (s.shape as Record<string, z.ZodType>)[seg];
      if (next === undefined) return undefined;
      s = next;
    } else if (s instanceof z.ZodArray && typeof seg === 'number') s = s.element as z.ZodType;
    else if (s instanceof z.ZodTuple && typeof seg === 'number') {
      const next = (s.def.items as readonly z.ZodType[])[seg];
      if (next === undefined) return undefined;
      s = next;
    } else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
  }
  return s;
}

/** The field names a mapping schema allows. */
function keysOf(schema: z.ZodType): string[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) return Object.keys(s.shape as Record<string, unknown>);
  if (s instanceof z.ZodRecord) {
    const key = s.keyType as z.ZodType;
    if (key instanceof z.ZodEnum) return (key.options as readonly (string | number)[]).map(String);
  }
  return [];
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** What a schema accepts, in words: "a number in [0,1]", "an integer >= 1". */
export function describeSchema(schema: z.ZodType): string {
  const s = unwrap(schema);
  if (s instanceof z.ZodNullable) return `${describeSchema(s.unwrap() as z.ZodType)} or null`;
  if (s instanceof z.ZodNumber) return describeRange(numberRange(s)!);
  if (s instanceof z.ZodString) {
    // A pattern's own message says what it wants ("a month as YYYY-MM"). A pattern that takes the empty
    // string (an id prefix, which may be empty) is asked with a space, so that its rule is said too.
    for (const text of ['', ' ']) {
      const probe = s.safeParse(text);
      const first = probe.success ? undefined : probe.error.issues[0];
      if (first?.code === 'invalid_format') return first.message;
    }
    return 'a string';
  }
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodEnum) return `one of ${formatChoices((s.options as readonly (string | number)[]).map(String))}`;
  if (s instanceof z.ZodTuple) {
    const items = (s.def.items as readonly z.ZodType[]).map(describeSchema);
    const same = items.every((d) => d === items[0]);
    return same && items[0] !== undefined
      ? `a list of ${items.length} items, each ${items[0]}`
      : `a list [${items.join('; ')}]`;
  }
  if (s instanceof z.ZodArray) {
    const min = minLength(s);
    return min !== undefined && min > 0 ? `a list with at least ${min} item${min === 1 ? '' : 's'}` : 'a list';
  }
  if (s instanceof z.ZodObject || s instanceof z.ZodRecord) {
    const example = mappingExample.get(s)?.example;
    return example === undefined ? 'a mapping of fields' : `a mapping of fields such as ${example} (fields: ${keysOf(s).join(', ')})`;
  }
  if (s instanceof z.ZodLiteral) return formatChoices((s.def.values as readonly unknown[]).map(String));
  if (s instanceof z.ZodUnion) {
    const options = (s.def.options as readonly z.ZodType[]).map(describeSchema);
    return options.length > 1 ? `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}` : (options[0] ?? 'a valid value');
  }
  return 'a valid value';
}

/** What a number field accepts, as its schema says: whole numbers only, and its bounds (absent: none). */
export interface NumberRange {
  readonly integer: boolean;
  readonly min?: number;
  /** The lower bound itself is refused (`.gt(min)`): a share in (0,1]. */
  readonly openMin: boolean;
  readonly max?: number;
}

/**
 * The range of a number schema (its `.int()`, `.min()`, `.gt()`, `.max()`,
 * and a maximum checked after it, checkedAfterSchema), through optional,
 * default and nullable wrappers, and a union's one number (a parameter that
 * can be "off"); undefined for a schema that holds no number.
 */
export function numberRange(schema: z.ZodType): NumberRange | undefined {
  let s = unwrap(schema);
  if (s instanceof z.ZodNullable) s = unwrap(s.unwrap() as z.ZodType);
  if (s instanceof z.ZodUnion) {
    const numbers = (s.def.options as readonly z.ZodType[]).map((o) => numberRange(o)).filter((r) => r !== undefined);
    return numbers.length === 1 ? numbers[0] : undefined;
  }
  if (!(s instanceof z.ZodNumber)) return undefined;
  const min = s.minValue !== null && s.minValue > -SAFE ? s.minValue : undefined;
  const max = s.maxValue !== null && s.maxValue < SAFE ? s.maxValue : checkedAfterSchema.get(s)?.maximum;
  return {
    integer: s.isInt === true,
    ...(min !== undefined && { min }),
    // A fraction in (0,1] (`.gt(0)`, parameters.ts SHARE) must not read as [0,1]: 0 is refused.
    openMin: min !== undefined && exclusiveMinimum(s) === min,
    ...(max !== undefined && { max }),
  };
}

/**
 * A number range in words, the one form every message writes it in (a
 * refused value's "expected", a lever's bounds): "a number in [0,1]",
 * "a number in (0,1]", "an integer >= 1", "a number > 0", "a number <= 5".
 */
export function describeRange(range: NumberRange): string {
  const noun = range.integer ? 'an integer' : 'a number';
  const { min, max, openMin } = range;
  if (min !== undefined && max !== undefined) return `${noun} in ${openMin ? '(' : '['}${min},${max}]`;
  if (min !== undefined) return `${noun} ${openMin ? '>' : '>='} ${min}`;
  if (max !== undefined) return `${noun} <= ${max}`;
  return noun;
}

/** Whether a number lies inside a range's bounds (whole numbers are not checked: a slider's bounds may fall between them). */
export function withinRange(range: NumberRange, value: number): boolean {
  if (range.min !== undefined && (range.openMin ? value <= range.min : value < range.min)) return false;
  return range.max === undefined || value <= range.max;
}

/** The bound of a number schema's `.gt(n)` (an open lower end), if any. */
function exclusiveMinimum(schema: z.ZodNumber): number | undefined {
  let bound: number | undefined;
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def as { check?: string; value?: unknown; inclusive?: boolean };
    if (def.check === 'greater_than' && def.inclusive === false && typeof def.value === 'number') bound = def.value;
  }
  return bound;
}

/** The `.min(n)` of an array schema, if any. */
function minLength(schema: z.ZodArray): number | undefined {
  for (const check of schema.def.checks ?? []) {
    const def = check._zod.def;
    if (def.check === 'min_length' && 'minimum' in def && typeof def.minimum === 'number') return def.minimum;
  }
  return undefined;
}
