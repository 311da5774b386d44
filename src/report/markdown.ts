/**
 * report.md: the report for pasting into documents. Tables as pipe tables,
 * charts as links to charts/<name>.png (or .svg without PNGs), the
 * scenario's Info text with its headings demoted under the report's.
 * User-written text has `<`, `>` and `&` escaped outside code, so a
 * markdown viewer never turns it into HTML.
 */
import type { ReportModel, Table } from './report-model.js';
import { fmt } from './report-model.js';
import { label } from './i18n/index.js';

/** Escapes text for a markdown paragraph: HTML-significant characters only. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
}

/** Escapes a table cell: also pipes and line breaks. */
function cell(text: string): string {
  return escapeMarkdownText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function markdownTable(t: Table): string {
  const head = `| ${t.columns.map(cell).join(' | ')} |`;
  const rule = `| ${t.numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
  const rows = t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

/**
 * The Info text with headings demoted by `shift` levels and HTML escaped
 * outside fenced code blocks.
 */
export function demoteInfo(info: string, shift = 2): string {
  let fenced = false;
  return info
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return line;
      }
      if (fenced) return line;
      const h = /^(#{1,6})(\s+.*)$/.exec(line);
      const text = h ? `${'#'.repeat(Math.min(6, (h[1] as string).length + shift))}${h[2] as string}` : line;
      return escapeMarkdownText(text);
    })
    .join('\n');
}

export interface MarkdownOptions {
  /** Chart image extension to link: 'png' (default) or 'svg'. */
  readonly image?: 'png' | 'svg';
}

export function renderMarkdown(model: ReportModel, options: MarkdownOptions = {}): string {
  const ext = options.image ?? 'png';
  const out: string[] = [];
  const t = model.t;
  out.push(`# ${escapeMarkdownText(model.title)}`, '');
  if (model.summary.length > 0) {
    out.push(`## ${escapeMarkdownText(t.summary)}`, '');
    for (const p of model.summary) out.push(escapeMarkdownText(p), '');
  }
  if (model.description.trim() !== '') out.push(escapeMarkdownText(model.description.trim()), '');
  for (const [k, v] of model.facts) out.push(`- **${escapeMarkdownText(k)}**: ${k === t.factLabels.command || k === t.factLabels.scenarioHash ? `\`${v.replace(/`/g, "'")}\`` : escapeMarkdownText(v)}`);
  out.push('');
  const c = model.compared;
  if (c !== null) {
    out.push(`## ${escapeMarkdownText(t.compared)}`, '');
    if (c.name !== '') out.push(`**${escapeMarkdownText(t.experiment)}:** ${escapeMarkdownText(c.name)}`, '');
    if (c.description !== '') out.push(escapeMarkdownText(c.description), '');
    if (c.base !== '') out.push(`**${escapeMarkdownText(t.baseScenario)}:** ${escapeMarkdownText(c.base)}`, '');
    out.push(`### ${escapeMarkdownText(t.variantChanges)}`, '');
    for (const v of c.variants) {
      out.push(`- **${escapeMarkdownText(v.name)}**${v.note !== '' ? `: ${escapeMarkdownText(v.note)}` : ''}`);
      for (const x of v.changes) out.push(`  - \`${x.replace(/`/g, "'")}\``);
    }
    out.push('');
  }
  for (const x of model.tables) {
    out.push(`## ${escapeMarkdownText(x.title)}`, '', escapeMarkdownText(x.note), '', markdownTable(x), '');
  }
  if (model.charts.length > 0) {
    out.push(`## ${escapeMarkdownText(t.chartsHeading)}`, '');
    for (const c of model.charts) {
      out.push(`### ${escapeMarkdownText(c.title)}`, '', `![${cell(c.title)}](charts/${c.name}.${ext})`, '', escapeMarkdownText(c.caption), '');
    }
  }
  if (model.glossary.length > 0) {
    out.push(`## ${escapeMarkdownText(t.glossary)}`, '');
    for (const [term, def] of model.glossary) out.push(`- **${escapeMarkdownText(term)}**: ${escapeMarkdownText(def)}`);
    out.push('');
  }
  if (model.timeline.length > 0) {
    out.push(`## ${escapeMarkdownText(t.timelineHeading)}`, '');
    out.push(
      markdownTable({
        id: 'timeline',
        title: '',
        note: '',
        columns: [t.col.date, t.col.month, t.col.kind, t.col.event],
        numeric: [false, true, false, false],
        rows: model.timeline.map((e) => [e.endDate ? `${e.date} – ${e.endDate}` : e.date, e.endMonth !== null ? `${e.month}–${e.endMonth}` : String(e.month), label(t.timelineKinds, e.kind), e.label]),
      }),
      '',
    );
  }
  out.push(`## ${escapeMarkdownText(t.parametersHeading)}`, '', escapeMarkdownText(t.parametersNoteMd), '');
  out.push(
    markdownTable({
      id: 'parameters',
      title: '',
      note: '',
      columns: [t.col.group, t.col.name, t.col.value, t.col.default, t.col.unit, t.col.source],
      numeric: [false, false, true, true, false, false],
      rows: model.parameters.flatMap((g) =>
        g.parameters.map((p) => [g.group, `${p.name}${p.changed ? ' *' : ''}`, p.value === null ? 'off' : fmt(p.value, 4), p.default === null ? 'off' : fmt(p.default, 4), p.unit, p.source]),
      ),
    }),
    '',
  );
  if (model.info.trim() !== '') out.push(`## ${escapeMarkdownText(t.scenarioInfo)}`, '', demoteInfo(model.info.trim()), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
