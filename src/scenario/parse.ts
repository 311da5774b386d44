/**
 * Scenario text -> validated `Scenario`, or every problem with its place.
 *
 *     text ──(YAML | JSON by extension)──> input ──scenarioSchema──> shape ──crossref──> Scenario
 *       │ syntax error: line, column          │ zod issues: path -> node -> line, column
 *       └──────────────> ScenarioIssue[] <────┴─ cross-reference issues: path -> line, column
 *
 * Nothing here reads files (see `src/io/scenario-file.ts`); the file name
 * only chooses the syntax and labels the issues.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { checkCrossReferences } from './crossref.js';
import {
  draft,
  formatChoices,
  formatFound,
  makeIssue,
  type IssueDraft,
  type ScenarioIssue,
} from './messages.js';
import { scenarioSchema, type Scenario } from './schema.js';

export type ParseResult =
  | { ok: true; scenario: Scenario; input: unknown }
  | { ok: false; issues: ScenarioIssue[] };

type Path = readonly (string | number)[];

/**
 * Where a path lies in the source text: 1-based line and column of the
 * node's value, or of its key when `target` is 'key' (unknown fields). A
 * path that does not exist (a missing field) falls back to the nearest
 * existing ancestor. Returns `{}` when the position is unknown.
 */
export type Locator = (path: Path, target?: 'value' | 'key') => { line?: number; column?: number };

const noLocation: Locator = () => ({});

/** The syntax of a scenario file, chosen by its extension. */
export function scenarioSyntax(file: string): 'yaml' | 'json' | undefined {
  const ext = extensionOf(file);
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  return undefined;
}

function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/**
 * Parses and validates scenario text. YAML for `.yaml`/`.yml`, JSON for
 * `.json`. Returns the validated scenario (defaults filled in) and the raw
 * input (for overrides), or all issues found, each with file, line and
 * column when known.
 *
 * @example
 * const r = parseScenarioText(text, 'scenarios/bekasi-2015-2025.yaml');
 * if (!r.ok) throw new UserError(r.issues);
 */
export function parseScenarioText(text: string, file: string): ParseResult {
  const syntax = scenarioSyntax(file);
  if (syntax === undefined) {
    return {
      ok: false,
      issues: [makeIssue('unsupported_extension', [extensionOf(file)], { file }, { expected: '.yaml, .yml or .json' })],
    };
  }
  const lineCounter = new LineCounter();
  if (syntax === 'json') {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      return { ok: false, issues: [jsonSyntaxIssue(text, file, error)] };
    }
    const doc = parseDocument(text, { lineCounter });
    return validateScenario(input, file, doc.errors.length === 0 ? nodeLocator(doc, lineCounter) : noLocation);
  }

  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
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
    return { ok: false, issues: [makeIssue('empty_file', [], { file }, { expected: 'a scenario mapping' })] };
  }
  let input: unknown;
  try {
    input = doc.toJS();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [makeIssue('yaml_syntax', [detail], { file })] };
  }
  return validateScenario(input, file, nodeLocator(doc, lineCounter));
}

/**
 * Validates an input object (parsed text, possibly with overrides applied):
 * shape first, then, when the shape is right, cross-references. `locate`
 * places issues in the source; without it they carry no line.
 */
export function validateScenario(input: unknown, file: string, locate: Locator = noLocation): ParseResult {
  const place = (d: IssueDraft, target: 'value' | 'key' = 'value'): ScenarioIssue => ({
    ...d,
    file,
    ...locate(d.path, target),
  });
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    const issues: ScenarioIssue[] = [];
    for (const zi of parsed.error.issues) {
      for (const { issue, target } of fromZodIssue(zi, input)) issues.push(place(issue, target));
    }
    return { ok: false, issues };
  }
  const crossref = checkCrossReferences(parsed.data);
  if (crossref.length > 0) return { ok: false, issues: crossref.map((d) => place(d)) };
  return { ok: true, scenario: parsed.data, input };
}

// ---------------------------------------------------------------------------
// zod issues -> catalog issues

type ZodIssue = z.core.$ZodIssue;

function fromZodIssue(zi: ZodIssue, input: unknown): { issue: IssueDraft; target: 'value' | 'key' }[] {
  const path: (string | number)[] = zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const at = valueAt(input, path);
  const schema = schemaAt(path);
  const expected = schema === undefined ? undefined : describeSchema(schema);
  const found = at.present ? formatFound(at.value) : undefined;
  const one = (issue: IssueDraft) => [{ issue, target: 'value' as const }];

  switch (zi.code) {
    case 'invalid_type': {
      if (!at.present) {
        const field = path[path.length - 1];
        return one(draft('missing_field', [String(field ?? '')], path, withDefined({ expected })));
      }
      if (zi.expected === 'int') return one(draft('not_integer', [], path, withDefined({ expected, found })));
      return one(draft('wrong_type', [], path, withDefined({ expected, found })));
    }
    case 'too_big':
    case 'too_small': {
      if (zi.origin === 'array') {
        const code = zi.code === 'too_big' ? 'too_many_items' : 'too_few_items';
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
      return one(draft('out_of_range', [], path, withDefined({ expected, found })));
    }
    case 'invalid_format':
      return one(draft('bad_format', [], path, withDefined({ expected: expected ?? zi.message, found })));
    case 'invalid_value':
      return one(
        draft('not_an_option', [], path, withDefined({ expected: expected ?? `one of ${formatChoices(zi.values.map(String))}`, found })),
      );
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

/** The sub-schema of `scenarioSchema` at a data path, if the path exists in the schema. */
function schemaAt(path: Path): z.ZodType | undefined {
  let s: z.ZodType = scenarioSchema;
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
  if (s instanceof z.ZodNumber) {
    const noun = s.isInt ? 'an integer' : 'a number';
    const min = s.minValue !== null && s.minValue > -SAFE ? s.minValue : undefined;
    const max = s.maxValue !== null && s.maxValue < SAFE ? s.maxValue : undefined;
    if (min !== undefined && max !== undefined) return `${noun} in [${min},${max}]`;
    if (min !== undefined) return `${noun} >= ${min}`;
    if (max !== undefined) return `${noun} <= ${max}`;
    return noun;
  }
  if (s instanceof z.ZodString) {
    // A pattern's own message says what it wants ("a month as YYYY-MM").
    const probe = s.safeParse('');
    const first = probe.success ? undefined : probe.error.issues[0];
    return first?.code === 'invalid_format' ? first.message : 'a string';
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
  if (s instanceof z.ZodObject || s instanceof z.ZodRecord) return 'a mapping of fields';
  return 'a valid value';
}

/** The `.min(n)` of an array schema, if any. */
function minLength(schema: z.ZodArray): number | undefined {
  for (const check of schema.def.checks ?? []) {
    const def = check._zod.def;
    if (def.check === 'min_length' && 'minimum' in def && typeof def.minimum === 'number') return def.minimum;
  }
  return undefined;
}

/** The closest allowed name, for "did you mean", when it is close enough. */
function suggest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of allowed) {
    const d = editDistance(key.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
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
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

// ---------------------------------------------------------------------------
// Locations

/** A locator over a parsed YAML (or JSON-as-YAML) document. */
function nodeLocator(doc: Document, lineCounter: LineCounter): Locator {
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  return (path, target = 'value') => {
    let node: Node | null = resolve(doc, doc.contents);
    if (node === null) return { line: 1, column: 1 };
    let best: Node = node;
    for (let k = 0; k < path.length; k++) {
      const seg = path[k];
      const last = k === path.length - 1;
      let next: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (pair === undefined) break;
        const key = isScalar(pair.key) ? pair.key : null;
        if (last && target === 'key' && key?.range) return pos(key.range[0]);
        const value = resolve(doc, isNodeLike(pair.value) ? pair.value : null);
        if (value === null) {
          // `key:` with nothing after it: point at the key.
          if (key?.range) return pos(key.range[0]);
          break;
        }
        next = value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        next = resolve(doc, isNodeLike(item) ? item : null);
      }
      if (next === null) break;
      node = next;
      best = next;
    }
    return best.range ? pos(best.range[0]) : {};
  };
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

function resolve(doc: Document, node: Node | null | undefined): Node | null {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return isNodeLike(target) ? target : null;
  }
  return node;
}

// ---------------------------------------------------------------------------
// JSON syntax errors

function jsonSyntaxIssue(text: string, file: string, error: unknown): ScenarioIssue {
  const raw = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(raw);
  const offset = match?.[1] !== undefined ? Number(match[1]) : /end of JSON input/.test(raw) ? text.length : jsonErrorOffset(text);
  const detail = raw
    .replace(/ in JSON at position \d+[\s\S]*$/, '')
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/^Unexpected end of JSON input$/, 'unexpected end of input')
    .replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1));
  const { line, column } = lineColumn(text, Math.max(0, offset));
  return makeIssue('json_syntax', [detail], { file, line, column });
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * The offset of the first JSON syntax error (-1 if none): a small scanner,
 * used when the engine's message gives no position ("Unexpected token").
 */
function jsonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  class Stop {
    constructor(readonly at: number) {}
  }
  const fail = (): never => {
    throw new Stop(i);
  };
  const ws = (): void => {
    while (i < n && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const word = (w: string): void => {
    for (const c of w) {
      if (text.charAt(i) !== c) fail();
      i++;
    }
  };
  const str = (): void => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 92) {
        i++;
        const e = text.charAt(i);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if (e !== '' && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const num = (): void => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m === null || m[0] === '' || m[0] === '-') fail();
    else i += m[0].length;
  };
  const value = (): void => {
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      ws();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail();
        str();
        ws();
        if (text.charAt(i) !== ':') fail();
        i++;
        value();
        ws();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === '}') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === ']') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') str();
    else if (c === 't') word('true');
    else if (c === 'f') word('false');
    else if (c === 'n') word('null');
    else if (c === '-' || (c >= '0' && c <= '9' && c !== '')) num();
    else fail();
  };
  try {
    value();
    ws();
    if (i < n) fail();
    return -1;
  } catch (stop) {
    if (stop instanceof Stop) return stop.at;
    throw stop;
  }
}
