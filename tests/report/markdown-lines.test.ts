/**
 * A line break in a scenario string cannot add Markdown structure to
 * report.md: names in prose are folded to one line and their pipes escaped,
 * as table cells are, so no rule, setext heading, table or list appears.
 */
import { beforeAll, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { escapeMarkdownLine, renderMarkdown } from '../../src/report/markdown.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { fixture, RUN_DIR } from './helpers.js';

const PAYLOAD = 'x\n\n---\n| a | b |\n|---|---|\n| c | d |';
let md: string;

beforeAll(async () => {
  const r: ResultSet = await fixture(RUN_DIR);
  const resolved = JSON.parse(JSON.stringify(r.manifest.scenario.resolved)) as Record<string, unknown> & {
    innovations: { name?: string }[];
    leaders: { name?: string }[];
    description: string;
  };
  for (const i of resolved.innovations) i.name = PAYLOAD;
  resolved.leaders[1]!.name = `Mayor\r\n===`;
  resolved.description = '---';
  const run = { ...r, manifest: { ...r.manifest, scenario: { ...r.manifest.scenario, name: 'mini\n- item', resolved } } };
  md = renderMarkdown(reportModel(run, buildCharts(run)));
});

test('the name reaches the summary, on one line, with its pipes escaped', () => {
  expect(md).toContain('x  --- \\| a \\| b \\| \\|---\\|---\\| \\| c \\| d \\|');
});

test('no line of report.md is a rule, a setext underline or a table row the report did not write', () => {
  const lines = md.split('\n');
  // Thematic breaks and setext underlines: the report writes none.
  expect(lines.filter((l) => /^ {0,3}(?:(?:-[ \t]*){3,}|(?:=[ \t]*)+)$/.test(l))).toEqual([]);
  // Every table row starts with `| ` and has as many unescaped pipes as its table's header.
  let columns = -1;
  for (const l of lines) {
    if (!l.startsWith('|')) {
      columns = -1;
      continue;
    }
    const pipes = (l.match(/(?<!\\)\|/g) ?? []).length;
    if (columns < 0) columns = pipes;
    expect(pipes, l).toBe(columns);
  }
  // The scenario's name in the title does not open a list.
  expect(lines.filter((l) => /^- item/.test(l))).toEqual([]);
});

test('escapeMarkdownLine folds every line break and escapes pipes and the markup it already escaped', () => {
  expect(escapeMarkdownLine('a\r\nb\rc\nd\u2028e|f *g*')).toBe('a b c d e\\|f \\*g\\*');
  expect(escapeMarkdownLine('a\\|b')).toBe('a\\\\\\|b');
});
