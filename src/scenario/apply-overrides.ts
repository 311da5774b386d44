/**
 * What-if overrides: change a scenario INPUT by path before validation.
 *
 *     input ──applyOverrides({path: value, ...})──> input' ──validateScenario──> Scenario | issues
 *
 * Paths use the notation of the error messages, with array indices 0-based
 * and an element also selectable by a field (usually its id):
 *
 *     parameters.takeover_vendor            set a field (missing mappings are created)
 *     regulations[1].requires_budget_line   the second regulation
 *     regulations[id=perda-02-2020].to      the regulation with that id
 *     leaders[id=acting-mayor]  = null      null removes an array element
 *     coordinator               = null      ... or a field (as if never written;
 *                                           readopt_months then takes its default, off)
 *     budget_shocks             = [...]     replaces the whole list
 *
 * Values are JSON values. A path naming a field the schema does not know is
 * caught when the result is validated again; a path into a missing array
 * element or id is a `UserError` naming the path. A `[field=value]`
 * selector names one element: one that matches several is a `UserError`
 * labelled `override <path>` (ambiguousSelector), never the first alone.
 *
 * This module does not validate, so it loads no schema validator (zod):
 * the command line parses `--set` with it at start-up, and `difusi --help`
 * must not pay for the schema (tests/cli/lazy-load.test.ts).
 * scenario/overrides.ts re-exports it with validateWithOverrides.
 */
import { Lexer, parseDocument, visit, type Document } from 'yaml';
import { YAML_QUIET } from './yaml-quiet.js';
import { formatPath, UserError, type ScenarioIssue } from '../messages/catalog.js';
import { checkInput, MAX_ALIAS_COUNT, MAX_DEPTH, MAX_VALUES } from './limits.js';
import { aliasCountExceeded, nestingDepth, nonDataTag, yamlVersionIssue } from './yaml-locate.js';
import { concreteOverridePath, fieldOfPath, fieldsOverlap, isMapping, OVERRIDE_SOURCE as SOURCE, parseOverridePath, showSegments, type FieldPath, type Segment } from './override-path.js';

// The path notation lives in override-path.ts; re-exported so every importer of this module (and of overrides.ts) sees it as before.
export { ambiguousSelector, overridePathKey, parseOverridePath, selectorMatches, type Segment } from './override-path.js';

/** `seed` or `replications` when an override path is that top-level field alone (a malformed path is reported where it is parsed). */
export function commonSettingOf(key: string): 'seed' | 'replications' | undefined {
  let segments;
  try {
    segments = parseOverridePath(key);
  } catch {
    return undefined;
  }
  const only = segments.length === 1 && segments[0]!.kind === 'key' ? segments[0]!.key : undefined;
  return only === 'seed' || only === 'replications' ? only : undefined;
}

/**
 * The what-ifs a run applied to its file, by path, for the manifest
 * (`overrides`) and the report's what-if sentence: its `--set path=value`s,
 * in the order given, but not the seed or the replication count (`-s`, `-r`
 * or their `--set`), which change the draws or their number, not the
 * scenario (the manifest's `seed` and `replications` give them). Only those
 * that changed the scenario: one without which the scenario's hash is the
 * same (a value the file already has) is left
 * out, so a run that changed nothing is recorded, and reported, as the
 * file's own (its folder is the same one: the key is the scenario's hash).
 * `hash`: the scenario's with every override; `hashWithout(others)` is the
 * hash of the file with the other overrides only (called on runs with --set
 * only, once per --set: callers take the file as they read and parsed it
 * once, store/scenario-file.ts scenarioWith, store/national-file.ts
 * nationalWith); a what-if without which the file does not validate
 * (another needs it) changed the scenario.
 */
export function whatIfs(
  overrides: Record<string, unknown> | undefined,
  hash: string,
  hashWithout: (others: Record<string, unknown>) => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const all = Object.entries(overrides ?? {});
  for (const [path, value] of all) {
    if (path === 'replications' || path === 'seed') continue;
    let changed = true;
    try {
      changed = hashWithout(Object.fromEntries(all.filter(([p]) => p !== path))) !== hash;
    } catch {
      // Without it the file does not validate: it changed the scenario.
    }
    if (changed) out[path] = value;
  }
  return out;
}

/** What decides a scenario's seed or count in place of a `--set`: its words in the refusal, and what to do instead. */
export interface SettingDecider {
  readonly winner: string;
  readonly hint: string;
}

/** `-s` / `--seed` or `-r` / `--replications` beside `--set seed=` / `--set replications=`. */
export function optionDecides(only: 'seed' | 'replications'): SettingDecider {
  return { winner: only === 'seed' ? '--seed' : '--replications', hint: 'give only one of the two' };
}

/**
 * A command-line `--set seed=N` (or `--set replications=N`) beside something
 * that decides the same field: the option `-s` / `-r`, `--precision` (which
 * finds the count), or an experiment's own `seed:` / `replications:`. The
 * `--set` would change nothing, and used to be dropped without a word by
 * run, validate and national; refused in one line naming what wins:
 *
 *     ✗ command line: --set seed would change nothing: --seed wins over it; give only one of the two
 *
 * One check for every command: cli/options.ts (run, validate, national,
 * and compare's --precision) and store/experiment-file.ts (compare, sweep,
 * sensitivity). Alone, such a `--set` is honoured.
 */
export function refuseShadowedSet(keys: Iterable<string>, deciders: { readonly seed?: SettingDecider | undefined; readonly replications?: SettingDecider | undefined }): void {
  for (const key of keys) {
    const only = commonSettingOf(key);
    const decider = only === undefined ? undefined : deciders[only];
    if (decider !== undefined) throw UserError.of('command_set_shadowed', [key, decider.winner, decider.hint], { file: 'command line' });
  }
}

/**
 * Two `--set`s of one command line that name one field of the scenario,
 * each by its own path (`innovations[0].owner` and
 * `innovations[id=smart_health].owner` when the first innovation is
 * smart_health), or a whole mapping or list element and a field inside it
 * (`coordinator_office` and `coordinator_office.capacity`, or removing
 * `leaders[0]` and setting `leaders[0].from`, which would then set the next
 * leader's). The last one silently won; refused in one line naming both:
 *
 *     ✗ command line: --set innovations[id=smart_health].owner names the same field as --set innovations[0].owner (innovations[0].owner in the file): a field takes one value; give each field once
 *
 * The same rule as the same path written twice (cli/options.ts,
 * `command_set_repeated`), which needs no scenario; this one compares the
 * fields the paths name in the file as written (override-path.ts), in
 * either order. A path that names nothing in the file (into an element
 * another `--set` adds) is not compared: its own problem, if any, is
 * reported when the overrides are applied. Called by every command that
 * reads a file with `--set` (store/scenario-file.ts, store/national-file.ts,
 * and store/experiment-file.ts for the arms of compare, sweep and
 * sensitivity), before the scenario is validated.
 */
export function refuseSameFieldSets(input: unknown, overrides: Readonly<Record<string, unknown>>): void {
  const keys = Object.keys(overrides);
  if (keys.length < 2) return;
  const fields = keys.map((key) => ({ key, field: fieldOfPath(input, key) }));
  fields.forEach((later, j) => {
    if (later.field === undefined) return;
    for (const earlier of fields.slice(0, j)) {
      if (earlier.field === undefined || !fieldsOverlap(earlier.field, later.field)) continue;
      const removals = overrides[earlier.key] === null && overrides[later.key] === null;
      const [outer, inner] = earlier.field.length <= later.field.length ? [earlier, later] : [later, earlier];
      const inside =
        outer.field!.length === inner.field!.length
          ? undefined
          : { inner: inner.key, outer: outer.key, outerField: formatPath(outer.field!), removes: overrides[outer.key] === null };
      throw UserError.of('command_set_same_field', [later.key, earlier.key, formatPath(later.field), inside, removals], { file: 'command line' });
    }
    for (const earlier of fields.slice(0, j)) refuseShiftedIndex(input, earlier, later, overrides[earlier.key] === null);
  });
}

/**
 * The overrides apply in the order given, and removing a list element
 * (`leaders[0]=null`) moves the elements after it up by one. So a later
 * `--set` that names an element of the same list by an index past the
 * removed one (`leaders[1]` or `leaders[1].commitment`) reached the file's
 * next element instead: `--set leaders[0]=null --set leaders[1]=null`
 * removed the file's leaders 0 and 2, without a word. Refused in one line
 * naming both, so that every path that runs names what it names in the file
 * as written (both are resolved there, as refuseSameFieldSets compares
 * them). An index before the removed one, a `[field=value]` selector, and
 * a path given before the removal are not moved, and run.
 */
function refuseShiftedIndex(input: unknown, earlier: { key: string; field: FieldPath | undefined }, later: { key: string; field: FieldPath | undefined }, removes: boolean): void {
  if (!removes || earlier.field === undefined || later.field === undefined) return;
  const removed = earlier.field.at(-1);
  // Only the removal of a list element (a number: an index) moves others; a removed mapping field moves nothing.
  if (typeof removed !== 'number') return;
  const list = earlier.field.slice(0, -1);
  const at = list.length;
  const index = later.field[at];
  if (later.field.length <= at || typeof index !== 'number' || index <= removed || !fieldsOverlap(list, later.field)) return;
  const segments = parseOverridePath(later.key);
  if (segments[at]?.kind !== 'index') return;
  // The element the later path names in the file, and its path by id where it has one.
  let element: unknown = input;
  for (const step of later.field.slice(0, at + 1)) element = (element as Record<string | number, unknown>)[step];
  const id = isMapping(element) ? element['id'] : undefined;
  const byId =
    typeof id === 'string' || typeof id === 'number'
      ? showSegments([...segments.slice(0, at), { kind: 'match', field: 'id', value: String(id) }, ...segments.slice(at + 1)])
      : undefined;
  throw UserError.of('command_set_shifted_index', [later.key, `${earlier.key}=null`, formatPath(list), formatPath(later.field.slice(0, at + 1)), byId], { file: 'command line' });
}

/**
 * Parses one `path=value` override as given on the command line; the value
 * is read as a YAML scalar or flow collection, so `true`, `0.9`, `null`,
 * `[a, b]` and `{from: 2020-01, to: 2020-12, factor: 0.5}` all work.
 */
export function parseOverride(text: string): [string, unknown] {
  let depth = 0;
  let eq = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '=' && depth === 0) {
      eq = i;
      break;
    }
  }
  const syntaxError = (reason: string) =>
    UserError.of('override_syntax', [text, reason], { file: SOURCE }, { expected: 'path=value' });
  // An "=" inside a "[" never closed (`parameters.a[2x=1`) was read as part of a selector: say so, not that there is none.
  if (eq < 0) throw syntaxError(depth > 0 && text.includes('=') ? 'a "[" is not closed before the "="' : 'there is no "="');
  const path = text.slice(0, eq).trim();
  parseOverridePath(path);
  const valueText = text.slice(eq + 1);
  if (valueText.trim() === '') throw syntaxError('the value is empty (write null to remove an element)');
  // Node reads a command-line argument as UTF-8 and puts U+FFFD for each byte that is not: such a value
  // was stored with the replacement character, where a scenario file with the same byte is refused.
  if (text.includes('\uFFFD')) throw syntaxError('it holds bytes that are not UTF-8 text (shown as \uFFFD); write it in UTF-8, as a scenario file is');
  // A " #" starts a YAML comment, which the value lost without a word (`name=Smart #1` set "Smart",
  // `name=#1` removed the field): refused, asking for quotes.
  const comment = [...new Lexer().lex(valueText)].find((token) => token.startsWith('#'));
  if (comment !== undefined) {
    throw syntaxError(`${JSON.stringify(comment.trimEnd())} would be read as a YAML comment and dropped; put the value in quotes (${path}='${valueText.trim().replace(/'/g, "''")}')`);
  }
  // As in a scenario file (yaml-locate.ts yamlVersionIssue, yaml-locate.ts nestingDepth): no YAML 1.1 readings,
  // and nesting refused before the parser recurses into it.
  if (yamlVersionIssue(valueText, SOURCE) !== undefined) throw syntaxError('a "%YAML" line other than %YAML 1.2 is not read (difusi reads YAML 1.2 only)');
  if (nestingDepth(valueText) !== undefined) throw syntaxError(`nested more than ${MAX_DEPTH} levels`);
  const doc = parseDocument(valueText, YAML_QUIET);
  const error = doc.errors[0];
  // The reader's first line ends with a colon before the excerpt it quotes on the next lines: the line alone without it.
  if (error !== undefined) throw syntaxError((error.message.split('\n')[0] ?? error.message).replace(/:\s*$/, ''));
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED') ?? nonDataTag(doc);
  if (tag !== undefined) throw syntaxError('YAML tags are not allowed in a value');
  // An alias inside the very node its anchor names (`&a [*a]`) makes a value that holds itself: said so, where the
  // nesting check below said "nested more than 64 levels" of a two-word value.
  const loop = selfAlias(doc);
  if (loop !== undefined) throw syntaxError(`the alias *${loop} is inside the value its anchor &${loop} names, so the value would hold itself`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // Aliases that expand too many times (a "billion laughs" value) in a scenario file's words (yaml-locate.ts
    // yamlValueIssue), at the override: it was the YAML reader's "Excessive alias count indicates a resource
    // exhaustion attack".
    if (aliasCountExceeded(e)) throw UserError.of('too_many_aliases', [MAX_ALIAS_COUNT], { file: `${SOURCE} ${path}` });
    throw syntaxError(e instanceof RangeError ? `nested more than ${MAX_DEPTH} levels` : e instanceof Error ? e.message : String(e));
  }
  const problem = checkInput(value);
  if (problem !== undefined) {
    throw syntaxError(
      problem.kind === 'reserved'
        ? `${JSON.stringify(problem.key)} cannot be used as a field name`
        : problem.kind === 'large'
          ? `more than ${MAX_VALUES.toLocaleString('en-US')} values, counting what each alias names once per alias`
          : `nested more than ${MAX_DEPTH} levels`,
    );
  }
  return [path, value];
}

/** The name of the first alias that stands inside the node its anchor names (a value holding itself), or undefined. */
function selfAlias(doc: Document): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      if (target !== undefined && path.includes(target)) {
        found = node.source;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Applies overrides to a copy of a scenario input, in the order given. Pure:
 * the input is not changed. Throws `UserError` for a path into a missing
 * array element or id, or through a value that is not a mapping or list.
 */
export function applyOverrides(input: unknown, overrides: Record<string, unknown>): unknown {
  return applyTraced(input, overrides).result;
}

/**
 * An issue at or under an overridden path is the override's: labelled
 * `override <path>`, without the file's line and column (the text no longer
 * matches); any other issue is returned as is.
 */
export function overrideIssue(issue: ScenarioIssue, touched: readonly Touched[]): ScenarioIssue {
  const hit = touched.find((t) => t.path.every((seg, i) => issue.path[i] === seg));
  if (hit === undefined) return issue;
  const { line: _line, column: _column, ...rest } = issue;
  return { ...rest, file: `${SOURCE} ${hit.text}` };
}

/**
 * The issues of a scenario with overrides applied, each labelled with the
 * override that caused it where that can be known: one at or under an
 * overridden path (overrideIssue), and also one elsewhere that the
 * overrides brought about (`coordinator = null` breaks
 * `platforms[0].custodian: coordinator`, which the file left alone). Such
 * an issue is the override's when the file without overrides has no
 * problem and the override alone gives the same issue (or it is the only
 * override); it keeps its field path. Any other issue is returned as is.
 *
 * `reproduce(subset)`: the issues of the file with only `subset` applied
 * ([] when valid), or undefined when that cannot be told. Called on this
 * error path only: once without overrides, then once per override until
 * one gives the issue.
 */
export function attributeToOverrides(
  issues: readonly ScenarioIssue[],
  touched: readonly Touched[],
  overrides: Record<string, unknown>,
  reproduce: (subset: Record<string, unknown>) => readonly ScenarioIssue[] | undefined,
): ScenarioIssue[] {
  const labelled = issues.map((issue) => overrideIssue(issue, touched));
  const keys = Object.keys(overrides);
  const own = (issue: ScenarioIssue) => issue.file.startsWith(`${SOURCE} `);
  if (keys.length === 0 || labelled.every(own)) return labelled;
  const results = new Map<string | undefined, readonly ScenarioIssue[] | undefined>();
  const issuesWith = (key: string | undefined) => {
    if (!results.has(key)) {
      let r: readonly ScenarioIssue[] | undefined;
      try {
        r = reproduce(key === undefined ? {} : { [key]: overrides[key] });
      } catch {
        // An override that needs another one first (a path into an element another adds).
        r = undefined;
      }
      results.set(key, r);
    }
    return results.get(key);
  };
  const same = (a: ScenarioIssue, b: ScenarioIssue) =>
    a.code === b.code && a.message === b.message && a.path.length === b.path.length && a.path.every((seg, i) => seg === b.path[i]);
  if (issuesWith(undefined)?.length !== 0) return labelled;
  return labelled.map((issue) => {
    if (own(issue)) return issue;
    const key = keys.length === 1 ? keys[0] : keys.find((k) => issuesWith(k)?.some((x) => same(x, issue)) === true);
    if (key === undefined) return issue;
    const { line: _line, column: _column, ...rest } = issue;
    return { ...rest, file: `${SOURCE} ${key}` };
  });
}

export interface Touched {
  text: string;
  path: (string | number)[];
}

/**
 * Applies overrides to a copy of the input and says which paths each one
 * touched, so a reader of another schema (the national file) can label its
 * own issues `override <path>` as validateWithOverrides (scenario/overrides.ts) does.
 *
 * A YAML alias (`*name`) is read as the same object as its anchor, and
 * `structuredClone` keeps that sharing (it must: a full copy of every alias
 * is what an alias bomb needs). So each list or mapping on an override's way
 * is copied before it is changed (`setAt`): an override changes only the
 * place it names, as if every alias had been written out in full.
 */
export function applyTraced(input: unknown, overrides: Record<string, unknown>): { result: unknown; touched: Touched[] } {
  const root: unknown = unshared(structuredClone(input));
  const touched: Touched[] = [];
  for (const [text, value] of Object.entries(overrides)) {
    touched.push({ text, path: setAt(root, parseOverridePath(text), structuredClone(value), text) });
  }
  return { result: root, touched };
}

type Mapping = Record<string, unknown>;

/** A shallow copy of a list or mapping (anything else as is), so changing it changes no other place that shares it. */
function unshared(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice();
  // Spread copies own keys as data (never through a setter such as __proto__).
  if (typeof value === 'object' && value !== null) return { ...(value as Mapping) };
  return value;
}

/**
 * Sets (or removes) the value at `segments`; returns the concrete path.
 * The path is resolved first (override-path.ts: a `UserError` when it names
 * nothing), then followed, each list or mapping on the way copied before it
 * is changed and a missing (or null) mapping created.
 */
function setAt(root: unknown, segments: Segment[], value: unknown, text: string): (string | number)[] {
  const concrete = concreteOverridePath(root, text, segments);
  // Each step of a resolved path is a key of a mapping or an index of a list.
  let node = root as Record<string | number, unknown>;
  for (const step of concrete.slice(0, -1)) {
    const child = Object.hasOwn(node, step) ? node[step] : undefined;
    // Only a mapping can be missing or null here: a path through any other value is refused when resolved.
    node = node[step] = (child === undefined || child === null ? {} : unshared(child)) as Record<string | number, unknown>;
  }
  const last = concrete.at(-1)!;
  if (value !== null) node[last] = value;
  else if (Array.isArray(node)) node.splice(last as number, 1);
  else delete node[last];
  return concrete;
}
