/**
 * What the property suites (tests/reliability) use to make broken scenario
 * files: every path to a value in a parsed input, a copy with one value
 * replaced or removed, and random text edits (insert, delete, duplicate a
 * line, cut, replace a character with a control or odd one).
 */
import fc from 'fast-check';

/** Every path to a value in `value` (objects and arrays walked, the root left out). */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const out: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  for (const [k, v] of entries) out.push(...paths(v, [...prefix, k]));
  return out;
}

/** A deep copy of `root` with the value at `path` replaced (removed when `value` is undefined). */
export function setPath(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]!] as Record<string | number, unknown>;
  if (value === undefined) delete node[path[path.length - 1]!];
  else node[path[path.length - 1]!] = value;
  return copy;
}

export type TextEdit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'line'; at: number }
  | { kind: 'cut'; at: number }
  | { kind: 'char'; at: number; c: string };

/** One random text edit, placed at a fraction `at` of the text. */
export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.string({ maxLength: 6, unit: 'binary' }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('char' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), c: fc.constantFrom('\u0000', '\t', '\r', '\u001b', '\ufeff', '"', "'", ':', '-', '[', '{', '&', '*', '!', '%', '#', '|', '>', '\\', '\u2028', '\ud800') }),
);

export function applyEdit(text: string, e: TextEdit): string {
  const i = Math.floor(e.at * text.length);
  switch (e.kind) {
    case 'insert':
      return text.slice(0, i) + e.text + text.slice(i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + e.length);
    case 'cut':
      return text.slice(0, i);
    case 'char':
      return text.slice(0, i) + e.c + text.slice(i + 1);
    case 'line': {
      const lines = text.split('\n');
      const j = Math.floor(e.at * lines.length);
      lines.splice(j, 0, lines[j] ?? '');
      return lines.join('\n');
    }
  }
}
