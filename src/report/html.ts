/**
 * report.html: one self-contained page (inline CSS, inline SVG charts, no
 * script, no external resource) that opens from disk with no network and no
 * server. A Content-Security-Policy forbids any load and any script, as a
 * second guard behind the escaping: every user-written text (scenario name,
 * description, Info text, ids, the manifest) is escaped before it is placed.
 */
import type { Compared, ParameterGroup, ReportModel, Table } from './report-model.js';
import type { Catalog } from './i18n/en.js';
import { label } from './i18n/index.js';
import { codeParts, parameterCells, timelineCells } from './report-model.js';
import type { TimelineEvent } from './scenario-facts.js';
import { safeJson, safeText } from '../messages/safe-text.js';

/** Escapes text for HTML element content and attribute values (after safeText: no control or bidi characters). */
export function escapeHtml(text: string): string {
  return safeText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A number as the report prints it: a date (2020-04), or a signed decimal with its unit (% or pp) when it has one. */
const NUMBER = String.raw`(?<![\p{L}\d])(?:\d{4}-\d{2}|[−+-]?\d[\d.,]*(?: ?(?:%|pp)(?![\p{L}\d]))?)`;

/**
 * An interval as the report prints it: two numbers joined by an en dash
 * ("64 %–95 %", "0.519 – 0.606", "−7.17 – +17.17 pp"), by "to" or
 * "hingga"/"sampai" in a sentence, or in brackets ("[0, 1]", "[0; 1]").
 */
const INTERVAL = new RegExp(String.raw`(${NUMBER}(?: ?– ?| to | hingga | sampai )${NUMBER}|\[${NUMBER}[;,] ${NUMBER}\])`, 'gu');

/** A number and its unit (% or pp) joined by a no-break space ("27 %" cannot end one line and start the next). */
function units(text: string): string {
  return text.replace(/(\d) (%|pp)(?![\p{L}\d])/gu, '$1\u00a0$2');
}

/**
 * A report text for the page (table cells, sentences, captions): escaped,
 * each number kept on one line with its unit (a no-break space before % and
 * pp) and each interval on one line (in a span the CSS does not wrap), so a
 * narrow column never shows "(12 %–38" and "%)" on two lines.
 */
export function reportText(text: string): string {
  return safeText(text)
    .split(INTERVAL)
    .map((part, i) => (i % 2 === 1 ? `<span class="nw">${escapeHtml(units(part))}</span>` : escapeHtml(units(part))))
    .join('');
}

/** A link of the Info text, from its already-escaped text and target. */
function link(text: string, href: string): string {
  // A scheme (https:, mailto:, javascript:...) or a path from the root: shown, never followed
  // (the page loads nothing and runs nothing).
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) return `${text} (${href})`;
  if (href.startsWith('#')) return text;
  // A target that is no plain path (an entity, `&#106;avascript:...`, or other punctuation): shown whole, as
  // text, where its file name would be a cut of it (`&amp;`) and the rest lost.
  if (!plainPath(href)) return `${text} (${href})`;
  // A relative link (../docs/MODEL.md) would point into the machine that wrote the report and
  // break once the page is sent on: the page names the file instead, as plain text.
  return plainLink(text, href);
}

/**
 * Whether a relative link's target (as written, or escaped for HTML) is a plain path: letters, digits and
 * `_ . - ~ + % /`, then a query or fragment, so that the file's name (linkedFileName) says where it points.
 */
export function plainPath(href: string): boolean {
  const cut = href.search(/[?#]/);
  return /^[\p{L}\p{N}_.\-~+%/]*$/u.test(cut < 0 ? href : href.slice(0, cut));
}

/** A relative link as plain text: its text, then the file's name unless the text already ends with it. */
export function plainLink(text: string, href: string): string {
  const file = linkedFileName(href);
  return file === '' || text === file || text.endsWith(`/${file}`) ? text : `${text} (${file})`;
}

/** The file a relative link names, without its folders, query or fragment ('' for none). */
export function linkedFileName(href: string): string {
  const cut = href.search(/[?#]/);
  const path = cut < 0 ? href : href.slice(0, cut);
  return path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..').pop() ?? '';
}

/** **bold**, *italic*, _italic_ on already-escaped text (snake_case names stay as they are). */
function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_([^_\s][^_]*)_(?!\w)/g, '$1<em>$2</em>');
}

/**
 * Inline markdown on already-escaped text: `code`, **bold**, *italic*,
 * [text](url): never a live link (see link): a relative url as its text and
 * file name, any other as "text (url)".
 */
function inline(escaped: string): string {
  const parts = escaped.split(/(`[^`]+`)/g);
  return parts
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return `<code>${part.slice(1, -1)}</code>`;
      // Links first, so emphasis never reaches inside a link's target.
      return part
        // A target may hold parentheses in balanced pairs (`alert(1)`), as CommonMark reads it.
        .split(/(\[[^\]]+\]\((?:[^()\s]|\([^()\s]*\))+\))/g)
        .map((piece) => {
          const l = /^\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)$/.exec(piece);
          return l ? link(emphasis(l[1]!), l[2]!) : emphasis(piece);
        })
        .join('');
    })
    .join('');
}

/** The cells of a pipe-table row: outer pipes dropped, `\|` kept as a pipe inside a cell. */
function tableCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** How markdownToHtml writes a pipe table's headers. */
export interface MarkdownHtmlOptions {
  /**
   * Header cells as `<th scope="col">` (an empty one, a cross-table's corner, as `<td>`: it names nothing), and
   * each body row's first cell, when the table has another column and the cell is not empty, as
   * `<th scope="row">`: an author's table names its row in its first column (every table of the shipped Info
   * pages: a date, a service, a mandate, a setting; a cross-table with an empty corner most of all), and where
   * it does not, a screen reader only reads that cell once more with the others; the text, its order and the
   * look (the CSS draws it as a cell) stay as they were. Asked for by report.html and the explorer's Info
   * page (whose markup check, src/explorer/about.ts INFO_SCOPES, allows exactly these two scopes on `th`);
   * off by default for any other caller.
   */
  readonly scopedHeaders?: boolean;
}

/**
 * A tiny, safe markdown renderer for the scenario's Info text: headings
 * (shifted by `headingShift` levels), paragraphs, bullet and numbered
 * lists, pipe tables, fenced code blocks and inline code, bold, italic,
 * links. Everything is escaped first (table cells one by one); no HTML from
 * the input survives. No link is followed: a relative link becomes its text
 * and the file's name (`the model (MODEL.md)`), others their text and target.
 */
export function markdownToHtml(markdown: string, headingShift = 2, options: MarkdownHtmlOptions = {}): string {
  const scoped = options.scopedHeaders === true;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  // The Info text's numbers keep their units on their line too (see reportText).
  const md = (text: string): string => inline(escapeHtml(units(text)));
  const flush = (): void => {
    if (paragraph.length > 0) out.push(`<p>${md(paragraph.join(' '))}</p>`);
    paragraph = [];
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${md(i)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] as string).trimStart().startsWith(fence[1] as string)) code.push(lines[i++] as string);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    // A pipe table: a header row, a rule of dashes (colons for alignment), rows until a blank line.
    if (line.includes('|') && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1] as string) && (lines[i + 1] as string).includes('-')) {
      const head = tableCells(line);
      const rule = tableCells(lines[i + 1] as string);
      if (rule.length === head.length) {
        flush();
        const cls = (k: number): string => (/-:$/.test(rule[k] ?? '') ? ' class="num"' : '');
        const rows: string[] = [];
        i += 2;
        for (; i < lines.length && (lines[i] as string).trim() !== '' && (lines[i] as string).includes('|'); i++) {
          const cells = tableCells(lines[i] as string);
          rows.push(
            `<tr>${head
              .map((_h, k) => {
                const html = md(cells[k] ?? '');
                return scoped && k === 0 && head.length > 1 && html !== '' ? `<th scope="row"${cls(k)}>${html}</th>` : `<td${cls(k)}>${html}</td>`;
              })
              .join('')}</tr>`,
          );
        }
        i--;
        const headCell = (h: string, k: number): string => {
          const html = md(h);
          return !scoped ? `<th${cls(k)}>${html}</th>` : html === '' ? `<td${cls(k)}></td>` : `<th scope="col"${cls(k)}>${html}</th>`;
        };
        out.push(`<div class="scroll"><table>\n<thead><tr>${head.map(headCell).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`);
        continue;
      }
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(6, (heading[1] as string).length + headingShift);
      out.push(`<h${level}>${md(heading[2] as string)}</h${level}>`);
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (paragraph.length > 0 || (list && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push(((bullet ?? numbered) as RegExpExecArray)[1] as string);
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      // Continuation of the last list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (list) flush();
    paragraph.push(line.trim());
  }
  flush();
  return out.join('\n');
}

/**
 * Makes the ids of an inline SVG unique in the page (vega numbers its clip
 * paths and gradients from 1 in every chart): `id="x"`, `url(#x)` and
 * `href="#x"` get the prefix.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${prefix}-${id}"`);
}

/** Drops an XML prolog or doctype so the SVG can sit inside HTML. */
function inlineSvg(svg: string, prefix: string): string {
  const body = svg.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
  // Shown 1.25 times its pixel size (legible on screen), shrinking to the page width (CSS max-width).
  const scaled = body.replace(/^<svg\b([^>]*?)\swidth="([\d.]+)"\sheight="([\d.]+)"/, (_m, attrs: string, w: string, h: string) => {
    const f = (v: string): string => String(Math.round(Number(v) * 1.25));
    return `<svg${attrs} width="${f(w)}" height="${f(h)}"`;
  });
  return prefixSvgIds(scaled, prefix).replace(/^<svg\b/, `<svg role="img" aria-labelledby="${prefix}-title"`);
}

/**
 * A numeric table cell's text: escaped as written (no no-break spaces: copied into a spreadsheet it stays as the
 * CSV's text), each interval, and each number with its unit, in a span that does not wrap. On screen the cell never wraps (td.num); printed it may
 * wrap, between the value and its interval only, so a wide table fits the page's width.
 */
function numericCell(text: string): string {
  return safeText(text)
    .split(INTERVAL)
    .map((part, i) => (i % 2 === 1 ? `<span class="nw">${escapeHtml(part)}</span>` : escapeHtml(part).replace(/(?<![\d.,])(\d[\d.,]*) (%|pp)(?![\p{L}\d])/gu, '<span class="nw">$1 $2</span>')))
    .join('');
}

/**
 * A data table named by its section's heading and described by its note (aria-labelledby, aria-describedby: the
 * heading is its caption, shown once), its column headers scoped.
 */
function table(t: Table): string {
  const cls = (i: number): string => (t.numeric[i] ? ' class="num"' : '');
  const head = t.columns.map((c, i) => `<th scope="col"${cls(i)}>${reportText(c)}</th>`).join('');
  // A numeric cell is never wrapped on screen (td.num in the CSS), so its text stays as written; the others wrap between intervals.
  const cell = (c: string, i: number): string => (t.numeric[i] ? numericCell(c) : reportText(c));
  const body = t.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${cell(c, i)}</td>`).join('')}</tr>`).join('\n');
  const id = `table-${escapeHtml(t.id)}`;
  return `<section id="${id}">
<h2 id="${id}-title">${reportText(t.title)}</h2>
<p class="note" id="${id}-note">${reportText(t.note)}</p>
<div class="scroll"><table aria-labelledby="${id}-title" aria-describedby="${id}-note">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table></div>
</section>`;
}

function parameters(groups: readonly ParameterGroup[], t: Catalog): string {
  const rows = groups
    .map((g) => {
      // Each group its own row group, headed by its name (scope="rowgroup"): a screen reader names the group in its rows.
      const head = `<tr class="group"><th colspan="6" scope="rowgroup">${escapeHtml(label(t.paramGroup, g.group))}</th></tr>`;
      const lines = g.parameters
        .map((p) => {
          const c = parameterCells(g.group, p, t);
          return `<tr${p.changed ? ' class="changed"' : ''}><td><code>${escapeHtml(p.name)}</code></td><td class="num">${escapeHtml(c.value)}</td><td class="num">${escapeHtml(c.default)}</td><td>${escapeHtml(c.unit)}</td><td>${escapeHtml(c.source)}</td><td>${escapeHtml(c.note)}</td></tr>`;
        })
        .join('\n');
      return `<tbody>\n${head}\n${lines}\n</tbody>`;
    })
    .join('\n');
  const c = t.col;
  return `<section id="parameters">
<h2 id="parameters-title">${escapeHtml(t.parametersHeading)}</h2>
<p class="note" id="parameters-note">${reportText(t.parametersNote)}</p>
<div class="scroll"><table aria-labelledby="parameters-title" aria-describedby="parameters-note">
<thead><tr><th scope="col">${escapeHtml(c.name)}</th><th scope="col" class="num">${escapeHtml(c.value)}</th><th scope="col" class="num">${escapeHtml(c.default)}</th><th scope="col">${escapeHtml(c.unit)}</th><th scope="col">${escapeHtml(c.source)}</th><th scope="col">${escapeHtml(c.note)}</th></tr></thead>
${rows}
</table></div>
</section>`;
}

function timeline(events: readonly TimelineEvent[], t: Catalog): string {
  if (events.length === 0) return '';
  const rows = events
    .map((e) => {
      const cells = timelineCells(e, t);
      return `<tr><td>${reportText(cells.date)}</td><td class="num">${escapeHtml(cells.month)}</td><td>${escapeHtml(label(t.timelineKinds, e.kind))}</td><td>${reportText(e.label)}</td></tr>`;
    })
    .join('\n');
  const c = t.col;
  return `<section id="timeline">
<h2 id="timeline-title">${escapeHtml(t.timelineHeading)}</h2>
<p class="note" id="timeline-note">${reportText(t.timelineNote)}</p>
<table aria-labelledby="timeline-title" aria-describedby="timeline-note">
<thead><tr><th scope="col">${escapeHtml(c.date)}</th><th scope="col" class="num">${escapeHtml(c.month)}</th><th scope="col">${escapeHtml(c.kind)}</th><th scope="col">${escapeHtml(c.event)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

/** The executive summary: one paragraph per sentence group; its texts of `code` (ReportModel.summaryCode) as code. */
function summary(paragraphs: readonly string[], t: Catalog, code: readonly string[] = []): string {
  if (paragraphs.length === 0) return '';
  const paragraph = (p: string) => codeParts(p, code).map((part) => (part.code ? `<code>${escapeHtml(part.text)}</code>` : reportText(part.text))).join('');
  return `<section id="summary" class="summary">
<h2>${escapeHtml(t.summary)}</h2>
${paragraphs.map((p) => `<p>${paragraph(p)}</p>`).join('\n')}
</section>`;
}

/** The experiment's description and each variant's changes. */
function comparedSection(c: Compared | null, t: Catalog): string {
  if (c === null) return '';
  const variants = c.variants
    .map(
      (v) =>
        `<li><strong>${escapeHtml(v.name)}</strong>${v.note !== '' ? `: ${reportText(v.note)}` : ''}${
          v.changes.length > 0 ? `<ul>${v.changes.map((x) => `<li><code>${escapeHtml(x)}</code></li>`).join('')}</ul>` : ''
        }</li>`,
    )
    .join('\n');
  return `<section id="compared">
<h2>${escapeHtml(t.compared)}</h2>
${c.name !== '' ? `<p><strong>${escapeHtml(t.experiment)}:</strong> ${escapeHtml(c.name)}</p>` : ''}
${c.description !== '' ? `<p class="description">${reportText(c.description)}</p>` : ''}
${c.base !== '' ? `<p><strong>${escapeHtml(t.baseScenario)}:</strong> ${escapeHtml(c.base)}</p>` : ''}
<h3>${escapeHtml(t.variantChanges)}</h3>
<ul>
${variants}
</ul>
</section>`;
}

function glossary(entries: readonly (readonly [string, string])[], t: Catalog): string {
  if (entries.length === 0) return '';
  return `<section id="glossary">
<h2>${escapeHtml(t.glossary)}</h2>
<p class="note">${reportText(t.glossaryNote)}</p>
<dl class="glossary">
${entries.map(([term, def]) => `<dt>${reportText(term)}</dt><dd>${reportText(def)}</dd>`).join('\n')}
</dl>
</section>`;
}

const CSS = `
:root { color-scheme: light; }
body { font-family: 'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif; color: #222; background: #fff; margin: 0 auto; max-width: 1200px; padding: 1.5rem 2rem 4rem; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 .3rem; }
.description { font-size: 1.05rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .8rem 0; }
dl.facts dt { color: #555; } dl.facts dd { margin: 0; font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: .9rem; word-break: break-all; }
nav ul { columns: 2; padding-left: 1.2rem; }
table { border-collapse: collapse; font-size: .9rem; margin: .3rem 0 1rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
/* An Info page's row header (its table's first column) looks as the cell it was. */
.info th[scope="row"] { background: none; font-weight: normal; }
/* An empty header cell (a cross-table's corner) is a td inside thead: grey as the header row around it. */
.info thead td { background: #f4f4f4; }
.info th.num[scope="row"] { white-space: nowrap; }
tr.group th { background: #e8eef5; text-align: left; }
tr.changed td { background: #fff4d6; }
.note { color: #555; font-size: .9rem; margin: .2rem 0 .5rem; }
.scroll { overflow-x: auto; }
figure { margin: 1rem 0 2rem; }
figure svg { max-width: 100%; height: auto; display: block; }
figure svg text { font-family: 'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif; }
figcaption { color: #444; font-size: .9rem; margin-top: .3rem; }
pre { background: #f6f6f6; padding: .7rem; overflow-x: auto; font-size: .85rem; }
code { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: .9em; }
.info { border-left: 3px solid #cfd8e3; padding-left: 1rem; }
.summary { background: #f3f7fb; border-left: 4px solid #0072B2; padding: .2rem 1rem .6rem; }
.summary h2 { border-bottom: none; margin-top: 1rem; }
dl.glossary dt { font-weight: bold; margin-top: .5rem; } dl.glossary dd { margin: 0 0 0 1.2rem; }
details summary { cursor: pointer; color: #0072B2; }
.nw { white-space: nowrap; }
/* Printed: no table or code block cut at the page's edge (a scroll box prints only what it shows): smaller text,
   numeric cells wrapped between their values (each value and its interval whole in its span); charts, rows,
   headings kept with what follows. */
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  table { font-size: 8pt; }
  th, td { padding: .15rem .3rem; }
  td.num, .info th.num[scope="row"] { white-space: normal; }
  /* A header or name without a space (champion_rotation, a long id) may break anywhere rather than widen its table
     past the page; a code block's long line (an Info page's command) wraps instead of being cut at the edge. */
  th, td:not(.num) { overflow-wrap: anywhere; }
  .info th.num[scope="row"] { overflow-wrap: normal; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
  thead { display: table-header-group; }
  figure, tr, dt, dd { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  /* A chart shrinks to the page's width (718 px on A4 with the default margins: a 1,154 px chart to 0.62 of its size), and its
     smallest labels (an event's on the timeline, a point's: 10 px; a heat-map cell's number: 9 px) printed at 4.7 pt.
     Printed, the 10 px labels take the size of the chart's axis labels (11 px), for which their 13 px lanes leave
     room, and a cell's number 10 px (a number of five characters, 28.6 px, still fits the 30 px cell of a 12-level
     axis); nothing overlaps or is cut (the print test measures it); the SVG and the screen keep 9 and 10 px. */
  figure svg .role-mark text[font-size="10px"] { font-size: 11px; }
  figure svg .role-mark text[font-size="9px"] { font-size: 10px; }
  .summary, th, .info thead td, tr.changed td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * The whole page. `svgs` holds each chart's SVG by chart name; a chart with
 * no SVG is listed with its caption only.
 */
export function renderHtml(model: ReportModel, svgs: Readonly<Record<string, string>>): string {
  const facts = model.facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('\n');
  const t = model.t;
  const toc = [
    ...(model.summary.length > 0 ? [['summary', t.summary]] : []),
    ...(model.compared !== null ? [['compared', t.compared]] : []),
    ...model.tables.map((x) => [`table-${x.id}`, x.title]),
    ...(model.charts.length > 0 ? [['charts', t.chartsHeading]] : []),
    ...(model.glossary.length > 0 ? [['glossary', t.glossary]] : []),
    ...(model.info.trim() !== '' ? [['info', t.scenarioInfo]] : []),
    ...(model.timeline.length > 0 ? [['timeline', t.timelineHeading]] : []),
    ['parameters', t.parametersHeading],
    ['manifest', t.manifestHeading],
  ]
    .map(([id, title]) => `<li><a href="#${escapeHtml(id as string)}">${escapeHtml(title as string)}</a></li>`)
    .join('\n');
  const charts = model.charts
    .map((c) => {
      const svg = svgs[c.name];
      const id = `chart-${c.name}`;
      // The chart's own title is drawn inside the SVG; the caption names the figure for screen readers.
      return `<figure id="${escapeHtml(id)}">
${svg ? inlineSvg(svg, id) : `<p class="note">${escapeHtml(t.chartNotRendered(c.title))}</p>`}
<figcaption id="${escapeHtml(id)}-title"><strong>${reportText(c.title)}.</strong> ${reportText(c.caption)}</figcaption>
</figure>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(model.title)}</h1>
${summary(model.summary, t, model.summaryCode)}
${model.description.trim() !== '' ? `<p class="description"${model.descriptionEnglishOnly === true ? ' lang="en"' : ''}>${reportText(model.description)}</p>` : ''}${model.englishOnly !== undefined ? `\n<p class="english-only"><em>${escapeHtml(model.englishOnly)}</em></p>` : ''}
<dl class="facts">
${facts}
</dl>
<nav><ul>
${toc}
</ul></nav>
</header>
<main>
${comparedSection(model.compared, t)}
${model.tables.map(table).join('\n')}
${model.charts.length > 0 ? `<section id="charts">\n<h2>${escapeHtml(t.chartsHeading)}</h2>\n${charts}\n</section>` : ''}
${glossary(model.glossary, t)}
${model.info.trim() !== '' ? `<section id="info">\n<h2>${escapeHtml(t.scenarioInfo)}</h2>\n${model.infoEnglishOnly === true ? `<p class="english-only"><em>${escapeHtml(t.infoEnglishOnly)}</em></p>\n` : ''}<div class="info"${model.infoEnglishOnly === true ? ' lang="en"' : ''}>\n${markdownToHtml(model.info, 2, { scopedHeaders: true })}\n</div>\n</section>` : ''}
${timeline(model.timeline, t)}
${parameters(model.parameters, t)}
<section id="manifest">
<h2>${escapeHtml(t.manifestHeading)}</h2>
<details><summary>manifest.json</summary>
<pre><code>${escapeHtml(safeJson(model.manifestJson))}</code></pre>
</details>
</section>
</main>
</body>
</html>
`;
}
