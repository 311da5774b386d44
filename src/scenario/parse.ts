/**
 * Scenario text -> validated `Scenario`, or every problem with its place.
 *
 *     text ──(YAML | JSON by extension)──> input ──scenarioSchema──> shape ──crossref──> Scenario
 *       │ syntax error: line, column          │ zod issues: path -> node -> line, column
 *       └──────────────> ScenarioIssue[] <────┴─ cross-reference issues: path -> line, column
 *
 * Nothing here reads files (see `src/store/scenario-file.ts`); the file name
 * only chooses the syntax and labels the issues.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { YAML_QUIET } from './yaml-quiet.js';
import { checkCrossReferences } from './crossref.js';
import { checkLevers } from './levers.js';
import { makeIssue, type ScenarioIssue } from '../messages/catalog.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { issuePlacer, nodeLocator, noLocation, nestingDepth, nonDataTag, yamlSyntaxIssues, yamlValueIssue, yamlVersionIssue, type Locator } from './yaml-locate.js';
import { fromZodIssues } from './zod-issues.js';
import { notDifusiFileIssue } from './not-a-scenario.js';
import { byPosition } from '../messages/issue-order.js';
import { bracketDepth, checkInput, inputProblemDraft, MAX_ALIAS_COUNT, MAX_DEPTH } from './limits.js';

export { describeSchema } from './zod-issues.js';
export type { Locator } from './yaml-locate.js';

export type ParseResult =
  | { ok: true; scenario: Scenario; input: unknown }
  | { ok: false; issues: ScenarioIssue[] };

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
export function parseScenarioText(text: string, file: string, given?: ParsedText): ParseResult {
  const read = parseDataText(text, file, given);
  if (!read.ok) return read;
  const { input, locate } = read;
  return notScenarioHint(experimentHint(withLeverChecks(validateScenario(input, file, locate), file, locate), input, file), input, file);
}

/**
 * A mapping none of whose keys is, or is close to, a scenario's or an
 * experiment file's (a docker-compose.yml, a file that is no scenario at
 * all): one line says what it is (scenario/not-a-scenario.ts), in place of
 * one "Missing required field" line per required field and one "Unknown
 * field" line per key. Only a file that fails anyway is looked at.
 */
function notScenarioHint(result: ParseResult, input: unknown, file: string): ParseResult {
  if (result.ok) return result;
  const issue = notDifusiFileIssue(input, file, 'scenario');
  return issue === undefined ? result : { ok: false, issues: [issue] };
}

/**
 * A scenario file's text as a caller has already parsed it (the national
 * sniff, store/national-sniff.ts, which `difusi validate` runs first),
 * handed to the reader so that the file is parsed once: the YAML document
 * with its line counter (parsed as parseDataText parses, `prettyErrors`
 * on), or the value JSON.parse read. Used only for this very `text`.
 */
export interface ParsedText {
  readonly text: string;
  /** `value`: the document's `toJS()`, when the parser already took it (the sniff), so it is not built twice. */
  readonly yaml?: { readonly doc: Document; readonly lineCounter: LineCounter; readonly value?: { readonly js: unknown } };
  readonly json?: { readonly value: unknown };
}

/** A scenario file's text read as data, before any schema: its value and where each of its nodes is. */
export type DataResult = { ok: true; input: unknown; locate: Locator } | { ok: false; issues: ScenarioIssue[] };

/**
 * The whole-file checks every scenario file gets, city or national: the
 * extension chooses the syntax (YAML for `.yaml`/`.yml`, JSON for `.json`,
 * anything else refused), then nesting depth, syntax, duplicate keys,
 * unresolved tags and an empty file (nothing but comments), each one issue
 * with its place. The national reader (store/national-file.ts) uses it too,
 * so a broken national file gets the same line as a broken city file.
 * `given`: what a caller parsed of the same text (ParsedText), not parsed again.
 */
export function parseDataText(text: string, file: string, given?: ParsedText): DataResult {
  const parsed = given !== undefined && given.text === text ? given : undefined;
  const syntax = scenarioSyntax(file);
  if (syntax === undefined) {
    return {
      ok: false,
      issues: [makeIssue('unsupported_extension', [extensionOf(file)], { file }, { expected: '.yaml, .yml or .json' })],
    };
  }
  // JSON nests only in brackets; YAML in indented blocks too.
  const deep = syntax === 'json' ? bracketDepth(text) : nestingDepth(text);
  if (deep !== undefined) return { ok: false, issues: [makeIssue('too_deep', [MAX_DEPTH], { file, ...deep })] };
  if (syntax === 'json') {
    let input: unknown;
    try {
      input = parsed?.json !== undefined ? parsed.json.value : JSON.parse(text);
    } catch (error) {
      return { ok: false, issues: [jsonSyntaxIssue(text, file, error)] };
    }
    // JSON.parse keeps the last of two equal keys: a scan of the text finds them.
    const duplicate = duplicateKeyOffset(text);
    if (duplicate !== undefined) {
      const { line, column } = lineColumn(text, duplicate);
      return { ok: false, issues: [makeIssue('duplicate_key', [jsonKeyAt(text, duplicate)], { file, line, column })] };
    }
    return { ok: true, input, locate: jsonLocator(text) };
  }

  const version = yamlVersionIssue(text, file);
  if (version !== undefined) return { ok: false, issues: [version] };
  const { doc, lineCounter, value } = parsed?.yaml ?? parseYaml(text);
  if (doc.errors.length > 0) return { ok: false, issues: yamlSyntaxIssues(doc, lineCounter, file) };
  const tag = unknownTagIssue(doc, lineCounter, file);
  if (tag !== undefined) return { ok: false, issues: [tag] };
  if (doc.contents === null) {
    return { ok: false, issues: [makeIssue('empty_file', [], { file }, { expected: 'a scenario mapping' })] };
  }
  let input: unknown;
  try {
    input = value !== undefined ? value.js : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, issues: [yamlValueIssue(error, doc, lineCounter, file)] };
  }
  return { ok: true, input, locate: nodeLocator(doc, lineCounter) };
}

/** YAML text parsed with its line counter, as a scenario file is read. */
function parseYaml(text: string): { doc: Document; lineCounter: LineCounter; value?: { js: unknown } } {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { ...YAML_QUIET, lineCounter, prettyErrors: true }), lineCounter };
}

/**
 * An experiment file (docs/EXPERIMENTS-USAGE.md: `base`, then `variants`
 * or `design`) given where a scenario goes (`difusi validate`, `run`)
 * fails on every scenario field it lacks; one line naming the command that
 * runs it says more. Only a file that fails anyway is looked at.
 */
function experimentHint(result: ParseResult, input: unknown, file: string): ParseResult {
  if (result.ok || typeof input !== 'object' || input === null || Array.isArray(input)) return result;
  const doc = input as Record<string, unknown>;
  if (!('base' in doc) || 'opds' in doc) return result;
  const design = doc['design'];
  const method = typeof design === 'object' && design !== null ? (design as Record<string, unknown>)['method'] : undefined;
  // Morris and Sobol' designs are sensitivity studies; a grid or Latin hypercube is a sweep.
  const command = 'variants' in doc ? 'compare' : design === undefined ? undefined : method === 'morris' || method === 'sobol' ? 'sensitivity' : 'sweep';
  if (command === undefined) return result;
  return { ok: false, issues: [makeIssue('experiment_not_scenario', [command, file], { file })] };
}

/**
 * Levers (levers.ts) are checked in the file as written. A lever naming a
 * list entry the scenario does not have (removed from a copy of the file, or
 * by an override: an experiment variant without the leadership change, say)
 * is not an error: `difusi validate` warns (leverWarnings) and the explorer
 * leaves that lever out.
 */
function withLeverChecks(result: ParseResult, file: string, locate: Locator): ParseResult {
  if (!result.ok) return result;
  const drafts = checkLevers(result.scenario);
  if (drafts.length === 0) return result;
  const place = issuePlacer(file, locate);
  return { ok: false, issues: drafts.map((d) => place(d)) };
}

/**
 * A tag the YAML reader does not resolve (`!!js/function`, `!custom`) is an
 * error, not a string: a scenario file is data, and a tag that another
 * reader would execute must not pass here silently. So is one it resolves
 * into something other than plain data (YAML 1.1's `!!binary`, `!!set`,
 * `!!omap`, `!!timestamp`: bytes, a set, a date), at its line.
 */
export function unknownTagIssue(doc: Document, lineCounter: LineCounter, file: string): ScenarioIssue | undefined {
  const w = doc.warnings.find((x) => x.code === 'TAG_RESOLVE_FAILED');
  if (w === undefined) {
    const other = nonDataTag(doc);
    if (other === undefined) return undefined;
    const { line, col } = lineCounter.linePos(other.offset);
    return makeIssue('yaml_tag_not_data', [other.tag], { file, line, column: col });
  }
  const tag = /Unresolved tag: (\S+)/.exec(w.message)?.[1] ?? '?';
  const { line, col } = lineCounter.linePos(w.pos[0]);
  return makeIssue('unknown_tag', [tag.replace(/^tag:yaml\.org,2002:/, '!!')], { file, line, column: col });
}

// ---------------------------------------------------------------------------
// JSON: parsed once (JSON.parse), the YAML reader only to place a problem

/**
 * Where each node of a JSON file is, for the problems found in it (schema,
 * references): the text is parsed by the YAML reader, which keeps node
 * positions, only when a problem is placed, and then once. A file it
 * reads with errors places nothing (as before: no line rather than a wrong one).
 */
function jsonLocator(text: string): Locator {
  let locate: Locator | undefined;
  return (path, target) => {
    if (locate === undefined) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { ...YAML_QUIET, lineCounter });
      locate = doc.errors.length === 0 ? nodeLocator(doc, lineCounter) : noLocation;
    }
    return locate(path, target);
  };
}

/**
 * The offset of the first key of a JSON object that repeats an earlier key
 * of the same object (its opening quote), or undefined. Keys are compared
 * as JSON.parse reads them (`"a"` and `"\u0061"` are the same key). Only for
 * text JSON.parse has accepted: it does not check the syntax.
 */
export function duplicateKeyOffset(text: string): number | undefined {
  // An object's keys so far, or null for an array, innermost last.
  const open: (Set<string> | null)[] = [];
  let key = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92 /* \ */) {
          escaped = true;
          i++;
        }
      }
      const keys = open[open.length - 1];
      if (key && keys) {
        const name = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
        if (keys.has(name)) return start;
        keys.add(name);
        key = false;
      }
    } else if (c === 123 /* { */) {
      open.push(new Set());
      key = true;
    } else if (c === 91 /* [ */) {
      open.push(null);
      key = false;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      open.pop();
      key = false;
    } else if (c === 44 /* , */) {
      key = open[open.length - 1] !== null && open.length > 0;
    }
  }
  return undefined;
}

/** The key whose opening quote is at `offset`, as written between its quotes. */
function jsonKeyAt(text: string, offset: number): string {
  return /^"((?:[^"\\]|\\.)*)"/.exec(text.slice(offset))?.[1] ?? text.slice(offset, offset + 40).split(/[:\n]/)[0]!;
}

/**
 * Validates an input object (parsed text, possibly with overrides applied):
 * shape first, then, when the shape is right, cross-references. `locate`
 * places issues in the source; without it they carry no line.
 */
export function validateScenario(input: unknown, file: string, locate: Locator = noLocation): ParseResult {
  const place = issuePlacer(file, locate);
  const problem = checkInput(input);
  if (problem !== undefined) return { ok: false, issues: [place(inputProblemDraft(problem), 'key')] };
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    const drafts = fromZodIssues(scenarioSchema, parsed.error.issues, input);
    return { ok: false, issues: byPosition(drafts.map(({ issue, target }) => place(issue, target))) };
  }
  const crossref = checkCrossReferences(parsed.data);
  if (crossref.length > 0) return { ok: false, issues: byPosition(crossref.map((d) => place(d))) };
  return { ok: true, scenario: parsed.data, input };
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
