/**
 * The one sanitising step every scenario string goes through before it is
 * shown in a report (report.html, report.md, the SVG and PNG charts), so a
 * name reads the same in every output and no output can be broken by it.
 *
 * Removed: the characters XML 1.0 forbids (C0 controls except tab, line
 * feed and carriage return; unpaired surrogates; U+FFFE, U+FFFF), which
 * would make an SVG chart unparseable; DEL and the C1 controls, which XML
 * allows but nothing displays; and the bidirectional formatting controls
 * (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), which would
 * reorder the text after the name (a right-to-left override before
 * "(52 %-57 %)" shows its digits reversed). The terminal output removes
 * the same controls (cli/errors.ts, terminalSafe). Letters of right-to-left
 * scripts stay. The line and paragraph separators (U+2028, U+2029, which a
 * text pasted from a word processor or a PDF may hold) become spaces: the
 * charts' library refuses them raw inside the expressions it builds from
 * the data (a chart's sort order, a legend's names), and no report shows
 * them as breaks anyway.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters above, and its line and paragraph separators as spaces. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, '').replace(/[\u2028\u2029]/g, ' ');
}

/** The characters of `text` that safeText removes, each once, in order of first appearance. */
export function unsafeCharacters(text: string): string[] {
  return [...new Set(text.match(UNSAFE) ?? [])];
}

/**
 * JSON text (as JSON.stringify writes it) with the characters above written
 * as \u escapes instead of removed: in JSON they can only stand inside a
 * string, where the escape means the same character, so the text shown is
 * still the file's content.
 */
export function safeJson(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every string inside `value` (arrays and plain objects, deeply) made safe; other values as they are. */
export function safeStrings<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map((v) => safeStrings(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = safeStrings(v);
    return out as T;
  }
  return value;
}

/**
 * Invisible format characters, as a regular expression character class body: the Arabic letter mark,
 * the zero-width space and joiners, the left-to-right and right-to-left marks, and the bidirectional
 * embeddings, overrides and isolates. A terminal shows nothing for them or reorders the text around
 * them; the terminal output drops them (cli/errors.ts terminalSafe), so a path holding one would be
 * printed as another path (store/out-root.ts refuses such an --out).
 */
export const INVISIBLE_FORMAT_CLASS = '\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/**
 * The control characters, as a regular expression character class body: C0 (U+0000-U+001F, among them
 * tab, line feed and carriage return), DEL and the C1 controls (U+007F-U+009F, among them next line,
 * U+0085). Each place that refuses, replaces or escapes them builds its pattern from this one, adding
 * what it needs (SEPARATOR_CLASS, INVISIBLE_FORMAT_CLASS, a backslash), so that they stay in step.
 */
export const CONTROL_CLASS = '\\u0000-\\u001f\\u007f-\\u009f';

/** The line and paragraph separators (U+2028, U+2029), as a character class body: a line break to many readers. */
export const SEPARATOR_CLASS = '\\u2028\\u2029';

