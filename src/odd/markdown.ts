/**
 * Escaping scenario strings for Markdown output. Scenario files are data:
 * a name or description must show as written, never as markup, links or
 * HTML, whatever renderer (GitHub, pandoc, a browser) reads the result.
 * Control and bidirectional characters are removed first, as in the reports
 * (messages/safe-text.ts).
 */
import { safeText } from '../messages/safe-text.js';

/** Inline text: HTML-escaped, Markdown punctuation backslash-escaped, one line. */
export function mdText(s: string): string {
  return safeText(s)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    // Block markup only matters at the start of a line (a heading, list or quote).
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * Text from difusi's own tables (units, notes): only what would break a
 * table cell or read as HTML is escaped, so "7.2" and "[0,1]" stay legible.
 */
export function mdCell(s: string): string {
  return safeText(s).replace(/\r?\n|\r/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

/** A paragraph of free text (a description): like mdText, but keeps blank-line paragraph breaks. */
export function mdParagraphs(s: string): string {
  return safeText(s)
    .trim()
    .split(/\n\s*\n/)
    .map((p) => mdText(p.replace(/\s+/g, ' ').trim()))
    .join('\n\n');
}

/** An identifier shown as code: backticks cannot be escaped inside code spans, so they are dropped. */
export function mdCode(s: string): string {
  return `\`${safeText(s).replace(/`/g, '').replace(/\r?\n|\r/g, ' ')}\``;
}

/** A Markdown table; cells are already escaped. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Replaces the text between `<!-- begin NAME -->` and `<!-- end NAME -->` (markers kept). */
export function replaceGenerated(text: string, name: string, content: string): string {
  const begin = `<!-- begin ${name} -->`;
  const end = `<!-- end ${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers ${begin} ... ${end} not found`);
  return `${text.slice(0, from + begin.length)}\n${content}\n${text.slice(to)}`;
}

/** The text between the markers (without the surrounding newlines), or null. */
export function generatedSection(text: string, name: string): string | null {
  const begin = `<!-- begin ${name} -->`;
  const end = `<!-- end ${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return null;
  return text.slice(from + begin.length, to).replace(/^\n/, '').replace(/\n$/, '');
}
