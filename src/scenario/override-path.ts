/**
 * Override paths: the one reader of `regulations[id=perda-02-2020].strength`.
 *
 *     text ──parseOverridePath──> segments ──resolveOverridePath(scenario)──> concrete path (keys, indices) + value
 *                                                                          └─> refusal (one issue: unknown list,
 *                                                                              no such element, several match, ...)
 *
 * Every user of a path resolves it here: `--set` and an experiment's `set:`
 * (apply-overrides.ts setAt, which then writes at the concrete path), the
 * explorer's download (explorer/setting.ts), the levers (levers.ts), and
 * the checks that two overrides name one field (apply-overrides.ts,
 * store/experiment-file.ts), which compare concrete paths. So the rule of
 * what a path names, and every message refusing one, is written once.
 *
 * Pure, no Node modules: the explorer is bundled for the browser
 * (scripts/build-explorer.mjs).
 */
import { draft, formatChoices, formatFound, makeIssue, UserError, type IssueDraft, type ScenarioIssue } from '../messages/catalog.js';
import { isReservedSegment } from './limits.js';
import { suggestReference } from './suggest.js';

export type Segment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'match'; field: string; value: string };

/** A path as field names and list indices (`regulations[id=perda].strength` -> regulations, 1, strength). */
export type FieldPath = readonly (string | number)[];

/** Where override problems are reported (there is no file line). */
export const OVERRIDE_SOURCE = 'override';

const KEY = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Splits `a.b[1].c[id=x]` into segments; a `UserError` when malformed. */
export function parseOverridePath(text: string): Segment[] {
  const fail = (reason: string): never => {
    throw UserError.of('override_syntax', [text, reason], { file: OVERRIDE_SOURCE }, { expected: 'a path like regulations[id=perda-1].strength' });
  };
  const segments: Segment[] = [];
  let rest = text.trim();
  if (rest === '') fail('the path is empty');
  let first = true;
  while (rest !== '') {
    if (!first) {
      if (rest.startsWith('.')) rest = rest.slice(1);
      else if (!rest.startsWith('[')) fail(`unexpected ${JSON.stringify(rest.charAt(0))}`);
    }
    if (rest.startsWith('[')) {
      if (first) fail('the path must start with a field name');
      const close = rest.indexOf(']');
      if (close < 0) fail('a "[" is not closed');
      const inner = rest.slice(1, close).trim();
      rest = rest.slice(close + 1);
      if (/^\d+$/.test(inner)) {
        if (!Number.isSafeInteger(Number(inner))) fail(`the index ${inner} is too large`);
        segments.push({ kind: 'index', index: Number(inner) });
      }
      else {
        const eq = inner.indexOf('=');
        const field = inner.slice(0, eq).trim();
        const value = inner.slice(eq + 1).trim();
        if (eq < 0 || !KEY.test(field) || value === '') fail(`"[${inner}]" is neither an index nor field=value`);
        if (isReservedSegment(field)) fail(`${JSON.stringify(field)} cannot be used as a field name`);
        segments.push({ kind: 'match', field, value });
      }
    } else {
      const match = KEY.exec(rest);
      if (match === null) fail(`expected a field name at ${JSON.stringify(rest)}`);
      else if (isReservedSegment(match[0])) fail(`${JSON.stringify(match[0])} cannot be used as a field name`);
      else {
        segments.push({ kind: 'key', key: match[0] });
        rest = rest.slice(match[0].length);
      }
    }
    first = false;
  }
  return segments;
}

/** Segments written back as a path, one way (`leaders[ 0 ].from` is `leaders[0].from`). */
export function showSegments(segments: readonly Segment[]): string {
  return segments.map(show).join('').replace(/^\./, '');
}

/** An override path written one way (`leaders[ 0 ].from` is `leaders[0].from`), to tell two that name the same place. */
export function overridePathKey(text: string): string {
  return showSegments(parseOverridePath(text));
}

/**
 * What an override path names in a scenario (an input as parsed, or a
 * validated scenario): its concrete path and the value there, or why it
 * names nothing.
 *
 * A missing mapping on the way (or a null one), followed by a field name,
 * is no refusal: setting the path creates it (`parameters.x` in a file
 * without `parameters`), and the value there is `undefined`. A missing list
 * is (`leaders[0].from` without `leaders`).
 *
 * A refusal carries the issue that `--set` prints (`issue`, labelled
 * `override <path>`, the path as given) and what is missing, as the levers tell
 * it apart: `entry` when a list has no element the path selects (index or
 * `[field=value]`), `several` when a selector matches more than one (a
 * selector names one element, never the first of several), `field` for
 * anything else (no such list, a step into a value that is no mapping or list).
 */
export type Resolution =
  | { readonly ok: true; readonly path: (string | number)[]; readonly value: unknown }
  | { readonly ok: false; readonly missing: 'field' | 'entry' | 'several'; readonly issue: ScenarioIssue };

export function resolveOverridePath(root: unknown, text: string, segments: readonly Segment[] = parseOverridePath(text)): Resolution {
  const concrete: (string | number)[] = [];
  const refuse = (missing: 'field' | 'entry' | 'several', issue: ScenarioIssue): Resolution => ({ ok: false, missing, issue });
  let node: unknown = root;
  const shown = (upTo: number): string => showSegments(segments.slice(0, upTo + 1));
  // Labelled with the path as given, as every other problem of an override is (`✗ override <path>: ...`).
  const file = `${OVERRIDE_SOURCE} ${text}`;
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k]!;
    const where = { file, path: [...concrete] };
    if (seg.kind === 'key') {
      if (!isMapping(node)) return refuse('field', makeIssue('override_not_container', [shown(k), kindOf(node)], where, { expected: 'a mapping' }));
      concrete.push(seg.key);
      let child = Object.hasOwn(node, seg.key) ? node[seg.key] : undefined;
      const next = segments[k + 1];
      if (next !== undefined && (child === undefined || (child === null && next.kind === 'key'))) {
        if (next.kind !== 'key') {
          return refuse('field', makeIssue('override_missing', [shown(k + 1)], { file, path: [...concrete] }, { expected: 'an existing list' }));
        }
        child = {}; // created when the path is set (apply-overrides.ts setAt)
      }
      node = child;
      continue;
    }
    if (!Array.isArray(node)) return refuse('field', makeIssue('override_not_container', [shown(k), kindOf(node)], where, { expected: 'a list' }));
    const list: unknown[] = node;
    let index: number;
    if (seg.kind === 'index') {
      index = seg.index;
      if (index >= list.length) {
        return refuse('entry', makeIssue('override_missing', [shown(k)], where, {
          expected: list.length === 0 ? 'a non-empty list' : `an index in 0..${list.length - 1}`,
          found: String(index),
        }));
      }
    } else {
      const matches = selectorMatches(list, seg.field, seg.value);
      // A selector names one element: one that matches several used to change the first alone, without a word.
      if (matches.length > 1) return refuse('several', { ...ambiguousSelector([], segments.slice(0, k), seg, list, matches), file });
      if (matches[0] === undefined) {
        const known = list
          .map((item) => (isMapping(item) ? scalarText(item[seg.field]) : undefined))
          .filter((s): s is string => s !== undefined);
        // A mistyped id is answered with the one it most likely meant, as an unknown id in the file is.
        return refuse('entry', makeIssue('override_missing', [shown(k), suggestReference(seg.value, known)], where, {
          expected: known.length === 0 ? `an element with ${seg.field}` : `one of ${formatChoices(known)}`,
          found: formatFound(seg.value),
        }));
      }
      index = matches[0];
    }
    concrete.push(index);
    node = list[index];
  }
  return { ok: true, path: concrete, value: node };
}

/** The concrete path of an override path in `root`; a `UserError` (the refusal) when it names nothing there. */
export function concreteOverridePath(root: unknown, text: string, segments?: readonly Segment[]): (string | number)[] {
  const found = resolveOverridePath(root, text, segments);
  if (!found.ok) throw new UserError([found.issue]);
  return found.path;
}

/**
 * The field an override path names in a scenario input, as field names and
 * list indices (`regulations[id=perda].strength` -> regulations, 1,
 * strength): where applying it alone to `input` writes. Undefined when it
 * names nothing there (a path into an element another override adds, or a
 * malformed path: its own problem is reported when the overrides are applied).
 */
export function fieldOfPath(input: unknown, text: string): FieldPath | undefined {
  try {
    const found = resolveOverridePath(input, text);
    return found.ok ? found.path : undefined;
  } catch {
    return undefined;
  }
}

/** Whether one field path is the other, or lies inside it (a whole list element and a field of it). */
export function fieldsOverlap(a: FieldPath, b: FieldPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two field paths are one. */
export function sameField(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && fieldsOverlap(a, b);
}

/** The indices of the elements of `list` that a `[field=value]` selector matches: mappings whose field, as text, is the value. */
export function selectorMatches(list: readonly unknown[], field: string, value: string): number[] {
  const out: number[] = [];
  list.forEach((item, i) => {
    if (isMapping(item) && scalarText(item[field]) === value) out.push(i);
  });
  return out;
}

/** How many ids (or indices) the refusal of a selector that matches several elements names. */
const AMBIGUOUS_SHOWN = 3;

/**
 * The refusal of a `[field=value]` selector that matches several elements
 * of `list` (`matches`, at least two): a selector names one element, so
 * the path would change less than it says. Names how many match, the first
 * few by id (by index where they have none) and how to name one:
 *
 *     ✗ override governments[type=city].fiscal_capacity: The selector [type=city] matches 98 governments (kota-banda-aceh, kota-sabang, kota-langsa, …); name one by its id, e.g. [id=kota-banda-aceh]
 *
 * `before`: the segments up to the list, which name what it holds.
 */
export function ambiguousSelector(
  path: (string | number)[],
  before: readonly Segment[],
  seg: { field: string; value: string },
  list: readonly unknown[],
  matches: readonly number[],
): IssueDraft {
  const keys = before.filter((s): s is { kind: 'key'; key: string } => s.kind === 'key').map((s) => s.key);
  // `opds.list` holds agencies: named by the key before `list`.
  const what = (keys.at(-1) === 'list' ? keys.at(-2) : keys.at(-1)) ?? 'elements';
  const idOf = (i: number) => {
    const item = list[i];
    return isMapping(item) ? scalarText(item['id']) : undefined;
  };
  const names = matches.slice(0, AMBIGUOUS_SHOWN).map((i) => idOf(i) ?? `[${i}]`);
  const more = matches.length > AMBIGUOUS_SHOWN ? ', …' : '';
  const first = matches[0]!;
  const firstId = idOf(first);
  const hint = firstId !== undefined ? `name one by its id, e.g. [id=${firstId}]` : `name one by its index, e.g. [${first}]`;
  return draft('override_ambiguous', [`[${seg.field}=${seg.value}]`, matches.length, what, `${names.join(', ')}${more}`, hint], path);
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(seg: Segment): string {
  switch (seg.kind) {
    case 'key':
      return `.${seg.key}`;
    case 'index':
      return `[${seg.index}]`;
    case 'match':
      return `[${seg.field}=${seg.value}]`;
  }
}

function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `the value ${formatFound(value)}`;
}
