/**
 * report.md: the report for pasting into documents. Tables as pipe tables,
 * charts as links to charts/<name>.png (or .svg without PNGs), the
 * scenario's Info text with its headings demoted under the report's.
 * User-written text has `<` (and `&` before an entity) escaped outside
 * code, so a markdown viewer never turns it into HTML; scenario strings
 * also lose their emphasis markers, the Info page (meant as markdown) not.
 */
import type { ReportModel, Table } from './report-model.js';
import { codeParts, parameterCells, timelineCells } from './report-model.js';
import { plainLink, plainPath } from './html.js';
import { label } from './i18n/index.js';
import { CONTROL_CLASS, SEPARATOR_CLASS, safeText } from '../messages/safe-text.js';

/** What would break a code span's one line: control characters and the line and paragraph separators. */
const BREAKING = new RegExp(`[${CONTROL_CLASS}${SEPARATOR_CLASS}]`, 'g');

/**
 * Escapes the HTML in markdown text, and nothing a reader would notice:
 * `<` (which alone opens a tag, a comment or an autolink) and `&` where it
 * starts an entity (`&lt;`, `&#60;`); a `>` without its `<` is plain text,
 * so an arrow `->` stays as written. Also runs of three backticks or tildes
 * (which would open a code fence and swallow the rest of the report), and
 * links to script or data URLs. The Info page goes through this only: its
 * emphasis and lists are meant.
 */
export function escapeMarkdownHtml(text: string): string {
  return neutralizeLinks(
    safeText(text)
      .replace(/&(?=#\d+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)/gi, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/`{3,}|~{3,}/g, (run) => run.replace(/./g, (c) => `\\${c}`)),
  );
}

/** Whitespace, or the start or end of the text. */
const blank = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const alnum = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Escapes a scenario string (a name, a description, a label) for a markdown
 * paragraph or cell: whatever could make it markup, then escapeMarkdownHtml.
 * A `*`, `~` or `_` that could open or close emphasis or strikethrough is
 * backslash-escaped (one between two spaces cannot, nor a `_` inside a word
 * like `w_peer`: those stay), so is a square bracket (a name is never a
 * link or an image: `[x](https://...)` or `![i](http://...)` would be
 * followed or fetched by a viewer), a backtick (it would open a code span,
 * in which the escapes of `<` and `|` show as written), a backslash before punctuation or at
 * the end (it would undo the escape that follows, or escape the markup
 * written after the text), and a `>` or `#` that would start a quote or a
 * heading at the start of a line.
 */
export function escapeMarkdownText(raw: string): string {
  // First, so that a removed character cannot come between a backslash and what it escapes.
  const text = safeText(raw);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const before = text[i - 1];
    const after = text[i + 1];
    if (c === '\\' && (after === undefined || /[!-/:-@[-`{-~]/.test(after))) out += '\\\\';
    else if (c === '[' || c === ']') out += `\\${c}`;
    // A backtick would open a code span, inside which a viewer decodes no escape (`x&lt;y` shown as written).
    else if (c === '`') out += '\\`';
    else if ((c === '*' || c === '~') && !(blank(before) && blank(after))) out += `\\${c}`;
    else if (c === '_' && !(blank(before) && blank(after)) && !(alnum(before) && alnum(after))) out += '\\_';
    else out += c;
  }
  return escapeMarkdownHtml(out).replace(/^( {0,3})([>#])/gm, '$1\\$2');
}

/**
 * `[x](javascript:...)` and `[x]: data:...` lose their link syntax (the bracket is escaped). A
 * viewer reads the destination after its backslash escapes, so `javascript\:` is `javascript:`
 * there, and a reference's label may hold an escaped bracket (`[a\]b]: ...`): both are matched.
 */
function neutralizeLinks(text: string): string {
  return text
    .replace(/\]\(\s*(?:&lt;)?\s*(javascript|vbscript|data|file)\s*\\?:/gi, (m) => `]\\(${m.slice(2)}`)
    .replace(new RegExp(`^(${CONTAINERS})\\[${LABEL}\\]:(\\s*(?:&lt;)?\\s*${SCHEME})`, 'gim'), '$1\\[$2\\]:$3');
}

/**
 * What may stand before a link reference definition on its line: the markers of the blocks it
 * sits in (a quote's `>`, a list item's `-`, `+`, `*` or `1.`), which a viewer strips before it
 * reads the definition (`> [a]: javascript:...` is one, inside a quote), and any indentation (a
 * nested list item's content may be indented by more than three spaces; where the indentation
 * makes a code block instead, the escaped bracket is harmless).
 */
const CONTAINERS = '(?:[ \\t]*(?:>|[-+*][ \\t]|\\d{1,9}[.)][ \\t]))*[ \\t]*';
/** A reference's label: any character but a bracket or a line break, or a backslash escape (`[a\]b]`). */
const LABEL = '((?:[^\\]\\\\\\n]|\\\\.)*)';
/** A script or data scheme, its colon possibly written escaped (`javascript\:` reads as `javascript:`). */
const SCHEME = '(?:javascript|vbscript|data|file)\\s*\\\\?:';

/**
 * neutralizeLinks for a link whose destination starts on the next line
 * (`[x](` then `javascript:...)`, or `[r]:` then `javascript:...`; inside a
 * quote the next line starts with `>`): markdown
 * allows the line break, and the Info page is escaped line by line, so the
 * whole text is read for these first. The bracket is escaped as
 * neutralizeLinks does (inside a code block too: harmless there).
 */
function neutralizeSplitLinks(text: string): string {
  return text
    .replace(/\]\([ \t]*\n(?:[ \t]*>)*\s*<?\s*(javascript|vbscript|data|file)\s*\\?:/gi, (m) => `]\\(${m.slice(2)}`)
    .replace(new RegExp(`^(${CONTAINERS})\\[${LABEL}\\]:([ \\t]*\\n(?:[ \\t]*>)*\\s*<?\\s*${SCHEME})`, 'gim'), '$1\\[$2\\]:$3');
}

/**
 * Escapes a scenario string for one line of report.md (a table cell, a
 * heading, a list item, a paragraph of prose): escapeMarkdownText with line
 * breaks folded to spaces and pipes escaped, so the text cannot start a new
 * block (a rule, a setext heading, a table, a list) or add a column.
 */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdownText(text.replace(/\r\n?|[\n\u2028\u2029]/g, ' ')).replace(/\|/g, '\\|');
}

const cell = escapeMarkdownLine;

/**
 * escapeMarkdownLine for a paragraph of its own (a description, a note):
 * also a list marker (`- `, `+ `, `1. `, `1) `) or a rule (`---`, `- - -`)
 * the text starts with is escaped, since at the start of a block a viewer
 * would read it as such.
 */
function paragraph(text: string): string {
  return escapeMarkdownLine(text)
    .replace(/^( {0,3})([-+])(?=[ \t]|$)/, '$1\\$2')
    .replace(/^( {0,3})(\d{1,9})([.)])(?=[ \t]|$)/, '$1$2\\$3')
    .replace(/^( {0,3})-(?=(?:[ \t]*-){2,}[ \t]*$)/, '$1\\-');
}

/** A summary paragraph: paragraph() but for its texts of `code` (ReportModel.summaryCode), which are code spans. */
function summaryParagraph(text: string, code: readonly string[] | undefined): string {
  if (code === undefined || code.length === 0) return paragraph(text);
  return codeParts(text, code)
    .map((part, i) => (part.code ? codeSpan(part.text) : i === 0 ? paragraph(part.text) : escapeMarkdownLine(part.text)))
    .join('');
}

/**
 * Text as an inline code span: control characters and line breaks become
 * spaces (a blank line would end the span and the paragraph), and the span's
 * backtick fence is longer than any run of backticks inside (CommonMark 6.1),
 * so nothing inside is read as markdown or HTML.
 */
export function codeSpan(text: string): string {
  const flat = safeText(text).replace(BREAKING, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${flat} ${fence}`;
}

/** `text` as the single-backtick code span it needs no more than, else as {@link codeSpan} makes it. */
function plainCodeSpan(text: string): string {
  const span = codeSpan(text);
  const inner = span.slice(2, -2);
  return /[`]|^ | $|^$/.test(inner) ? span : `\`${inner}\``;
}

export function markdownTable(t: Table): string {
  const head = `| ${t.columns.map(cell).join(' | ')} |`;
  const rule = `| ${t.numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
  const rows = t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

/**
 * The Info text with headings demoted by `shift` levels and HTML escaped
 * outside fenced code blocks. Fences follow CommonMark: an opening line of
 * three or more backticks or tildes at the left margin; the block
 * ends at a line of the same character, at least as many, and nothing
 * else. Any other run of three backticks or tildes outside a block (in a
 * list item, a quote, after a tab) is escaped, so a markdown viewer opens
 * and closes code blocks exactly where this function does: text it
 * escaped is never inside a viewer's code block and, which matters, text it
 * left raw is never outside one. A block still open at the end is closed.
 * A relative link is written as its text and file name (plainLink): its
 * target would resolve on the machine that wrote the report only.
 */
export function demoteInfo(info: string, shift = 2): string {
  let fence: { char: string; length: number } | undefined;
  const out = neutralizeSplitLinks(safeText(info).replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line) => {
      if (fence !== undefined) {
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
        if (close !== null && close[1]!.charAt(0) === fence.char && close[1]!.length >= fence.length) fence = undefined;
        return line;
      }
      // Only at the margin: an indented fence may belong to a list item or a
      // quote in a viewer's reading, and is escaped below instead.
      const open = /^()(`{3,}|~{3,})(.*)$/.exec(line);
      if (open !== null && !(open[2]!.charAt(0) === '`' && open[3]!.includes('`'))) {
        fence = { char: open[2]!.charAt(0), length: open[2]!.length };
        // The info string is shown by no viewer as HTML, but keep it plain.
        return `${open[1]}${open[2]}${open[3]!.replace(/[<>&`~]/g, '')}`;
      }
      const h = /^(#{1,6})(\s+.*)$/.exec(line);
      const text = h ? `${'#'.repeat(Math.min(6, (h[1] as string).length + shift))}${h[2] as string}` : line;
      return plainLinks(escapeMarkdownHtml(text));
    });
  if (fence !== undefined) out.push(fence.char.repeat(fence.length));
  return out.join('\n');
}

/**
 * `[text](relative/target)` outside code spans as `text (target's file name)`: a relative link
 * points into the machine that wrote the report and breaks once report.md is sent on (as in
 * report.html). Links with a scheme, a fragment or from the root stay as they are. An image
 * (`![alt](url)`, `![alt][ref]`) is shown as the text it is written as: a viewer fetches an
 * image as it opens the page, so a remote one would tell its server who read the report and
 * when, and a relative one breaks once report.md is sent on; report.html shows none either.
 */
function plainLinks(line: string): string {
  return line
    .split(/(`+[^`]*`+)/g)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            // A target may hold parentheses in balanced pairs (`alert(1)`), as CommonMark reads it.
            .replace(/(?<!!)\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g, (m, text: string, href: string) => {
              if (/^[a-z][a-z0-9+.-]*:|^[#/<]/i.test(href)) return m;
              // A target that is no plain path (`&amp;#106;avascript:...`): its text and the whole target, as text.
              if (!plainPath(href)) return `${text} (${href})`;
              return plainLink(text, href);
            })
            .replace(/!\[/g, '!\\['),
    )
    .join('');
}

export interface MarkdownOptions {
  /** Chart image extension to link: 'png' (default) or 'svg'. */
  readonly image?: 'png' | 'svg';
  /** The folder of the chart images, relative to report.md (default `charts`). */
  readonly chartsDir?: string;
}

export function renderMarkdown(model: ReportModel, options: MarkdownOptions = {}): string {
  const ext = options.image ?? 'png';
  const chartsDir = options.chartsDir ?? 'charts';
  const out: string[] = [];
  const t = model.t;
  out.push(`# ${escapeMarkdownLine(model.title)}`, '');
  if (model.summary.length > 0) {
    out.push(`## ${escapeMarkdownLine(t.summary)}`, '');
    for (const p of model.summary) out.push(summaryParagraph(p, model.summaryCode), '');
  }
  if (model.description.trim() !== '') out.push(paragraph(model.description.trim()), '');
  if (model.englishOnly !== undefined) out.push(`*${escapeMarkdownLine(model.englishOnly)}*`, '');
  for (const [k, v] of model.facts) out.push(`- **${escapeMarkdownLine(k)}**: ${k === t.factLabels.command || k === t.factLabels.scenarioHash || k === t.factLabels.runHash ? codeSpan(v) : escapeMarkdownLine(v)}`);
  out.push('');
  const c = model.compared;
  if (c !== null) {
    out.push(`## ${escapeMarkdownLine(t.compared)}`, '');
    if (c.name !== '') out.push(`**${escapeMarkdownLine(t.experiment)}:** ${escapeMarkdownLine(c.name)}`, '');
    if (c.description !== '') out.push(paragraph(c.description), '');
    if (c.base !== '') out.push(`**${escapeMarkdownLine(t.baseScenario)}:** ${escapeMarkdownLine(c.base)}`, '');
    out.push(`### ${escapeMarkdownLine(t.variantChanges)}`, '');
    for (const v of c.variants) {
      out.push(`- **${escapeMarkdownLine(v.name)}**${v.note !== '' ? `: ${escapeMarkdownLine(v.note)}` : ''}`);
      // A code span with a fence longer than any run of backticks in the change (CommonMark), as the headline's;
      // a change with no backtick and no space at either end keeps the plain `...` it always had (the same bytes).
      for (const x of v.changes) out.push(`  - ${plainCodeSpan(x)}`);
    }
    out.push('');
  }
  for (const x of model.tables) {
    out.push(`## ${escapeMarkdownLine(x.title)}`, '', paragraph(x.note), '', markdownTable(x), '');
  }
  if (model.charts.length > 0) {
    out.push(`## ${escapeMarkdownLine(t.chartsHeading)}`, '');
    for (const c of model.charts) {
      // A title may hold a scenario's name (a national programme's): cell() escapes its brackets and a
      // trailing backslash, so nothing of it ends the image's text.
      out.push(`### ${escapeMarkdownLine(c.title)}`, '', `![${cell(c.title)}](${chartsDir}/${c.name}.${ext})`, '', paragraph(c.caption), '');
    }
  }
  if (model.glossary.length > 0) {
    out.push(`## ${escapeMarkdownLine(t.glossary)}`, '');
    for (const [term, def] of model.glossary) out.push(`- **${escapeMarkdownLine(term)}**: ${escapeMarkdownLine(def)}`);
    out.push('');
  }
  if (model.timeline.length > 0) {
    out.push(`## ${escapeMarkdownLine(t.timelineHeading)}`, '');
    out.push(
      markdownTable({
        id: 'timeline',
        title: '',
        note: '',
        columns: [t.col.date, t.col.month, t.col.kind, t.col.event],
        numeric: [false, true, false, false],
        rows: model.timeline.map((e) => {
          const cells = timelineCells(e, t);
          return [cells.date, cells.month, label(t.timelineKinds, e.kind), e.label];
        }),
      }),
      '',
    );
  }
  out.push(`## ${escapeMarkdownLine(t.parametersHeading)}`, '', escapeMarkdownLine(t.parametersNoteMd), '');
  out.push(
    markdownTable({
      id: 'parameters',
      title: '',
      note: '',
      // With each parameter's meaning, as report.html (in the report's language).
      columns: [t.col.group, t.col.name, t.col.value, t.col.default, t.col.unit, t.col.source, t.col.note],
      numeric: [false, false, true, true, false, false, false],
      rows: model.parameters.flatMap((g) =>
        g.parameters.map((p) => {
          const c = parameterCells(g.group, p, t);
          return [c.group, `${p.name}${p.changed ? ' *' : ''}`, c.value, c.default, c.unit, c.source, c.note];
        }),
      ),
    }),
    '',
  );
  if (model.info.trim() !== '') {
    out.push(`## ${escapeMarkdownLine(t.scenarioInfo)}`, '', ...(model.infoEnglishOnly === true ? [`*${escapeMarkdownLine(t.infoEnglishOnly)}*`, ''] : []), demoteInfo(model.info.trim(), 2), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
