/**
 * Scenario strings with control characters (which XML 1.0 forbids) and
 * bidirectional controls: every chart still parses and draws, and no output
 * (report.html, report.md, the SVG charts) carries them; the same name reads
 * the same everywhere.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { escapeHtml, renderHtml } from '../../src/report/html.js';
import { codeSpan, demoteInfo, escapeMarkdownText, renderMarkdown } from '../../src/report/markdown.js';
import { reportModel } from '../../src/report/report-model.js';
import { renderPng, renderSvg } from '../../src/report/render.js';
import type { ResultSet } from '../../src/report/rows.js';
import { safeJson, safeText } from '../../src/messages/safe-text.js';
import { nationalCompareForestSpec } from '../../src/report/specs/national-compare-forest.js';
import { nationalCompareEn } from '../../src/report/i18n/national-compare-en.js';
import { fixture, RUN_DIR } from './helpers.js';

// eslint-disable-next-line no-control-regex
const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;

let run: ResultSet;

/** The fixture with a leader, a regulation, a budget shock, the scenario and its description named with controls. */
function withControls(r: ResultSet): ResultSet {
  const resolved = JSON.parse(JSON.stringify(r.manifest.scenario.resolved)) as Record<string, unknown> & {
    leaders: { name?: string }[];
    regulations: { name?: string }[];
    budget_shocks: { name?: string }[];
    description: string;
  };
  resolved.description = 'esc \u001b[31m red \u000b vt \u000c ff';
  resolved.leaders[1]!.name = 'bell\u0007 here';
  for (const r of resolved.regulations) r.name = 'Perwal\u001b 1';
  resolved.budget_shocks[0]!.name = 'shock\u0001 \u202e(52 %)\u0085';
  const raw = { ...(r.manifest.raw as object), note: 'rlo \u202e x' };
  return { ...r, manifest: { ...r.manifest, raw, scenario: { ...r.manifest.scenario, name: 'mini\u0008\u2067', resolved } } };
}

beforeAll(async () => {
  run = withControls(await fixture(RUN_DIR));
});

describe('control characters in scenario names', () => {
  test('every chart renders to an SVG that resvg parses, with none of them', async () => {
    const charts = buildCharts(run);
    expect(charts.length).toBeGreaterThan(0);
    let sawShock = false;
    for (const c of charts) {
      const svg = await renderSvg(c.spec);
      expect(svg, c.name).not.toMatch(BAD);
      if (svg.includes('shock (52 %)')) sawShock = true;
      expect(() => renderPng(svg, { scale: 1 }), c.name).not.toThrow();
    }
    // The timeline's names do reach a chart (so the test exercises the path that crashed).
    expect(sawShock).toBe(true);
  });

  test('report.html and report.md carry none of them, and name each the same way', () => {
    const model = reportModel(run, buildCharts(run));
    const html = renderHtml(model, {});
    const md = renderMarkdown(model);
    expect(html).not.toMatch(BAD);
    expect(md).not.toMatch(BAD);
    for (const text of ['bell here', 'Perwal 1', 'shock (52 %)', 'red  vt  ff']) {
      // The page joins a number and its % with a no-break space (html-nowrap.test.ts): the same name.
      expect(html.replaceAll('\u00a0', ' ')).toContain(text);
      expect(md).toContain(text);
    }
    // The manifest shown in report.html is still the file's JSON: the character as an escape.
    expect(html).toContain('rlo \\u202e x');
  });

  test("a service's name, which a legend shows through a chart expression: no control character reaches the SVG, a line separator reads as a space, every chart renders", async () => {
    const resolved = JSON.parse(JSON.stringify(run.manifest.scenario.resolved)) as { innovations: { id: string; name?: string }[] };
    // ESC (a terminal colour), a vertical tab (a word processor's line break) and U+2028 (from a PDF): each crashed a chart.
    resolved.innovations[0]!.name = 'Svc\u001b[31mX\u000bY\u2028Z';
    const named: ResultSet = { ...run, manifest: { ...run.manifest, scenario: { ...run.manifest.scenario, resolved } } } as ResultSet;
    const charts = buildCharts(named);
    let sawName = false;
    for (const c of charts) {
      const svg = await renderSvg(c.spec);
      expect(svg, c.name).not.toMatch(BAD);
      expect(svg, c.name).not.toContain('\u2028');
      if (svg.includes('Svc[31mXY Z')) sawName = true;
      expect(() => renderPng(svg, { scale: 1 }), c.name).not.toThrow();
    }
    // The name does reach a chart's legend (the path through an expression that crashed).
    expect(sawName).toBe(true);
  });

  test("the national comparison's forest chart: a service's name with control characters and U+2028 renders clean", async () => {
    const name = 'Svc\u001b[31mX\u2028Y';
    const rows = (['launched', 'sustained', 'success'] as const).flatMap((measure) => [
      { service: 'a', measure, diff: 2, low: 1, high: 3, marked: true },
      { service: 'b', measure, diff: -1, low: -2, high: 0.5, marked: false },
    ]);
    const spec = nationalCompareForestSpec({
      services: ['a', 'b'],
      labels: new Map([['a', name], ['b', 'plain']]),
      rows,
      measures: { launched: 'launched', sustained: 'sustained', success: 'success' },
      replications: 3,
      level: '95 %',
      lang: 'en',
      words: nationalCompareEn,
    } as unknown as Parameters<typeof nationalCompareForestSpec>[0]);
    const svg = await renderSvg(spec);
    expect(svg).not.toMatch(BAD);
    expect(svg).toContain('Svc[31mX Y');
    expect(() => renderPng(svg, { scale: 1 })).not.toThrow();
  });

  test('the one sanitiser: XML-forbidden, C1 and bidi controls out; tabs, line breaks, letters and emoji stay', () => {
    expect(safeText('a\u0000b\u0007c\u007fd\u0085e\u202ef\u2066g\u200fh\ufffei')).toBe('abcdefghi');
    expect(safeText('tab\tlf\ncr\r عربى 👍 ok')).toBe('tab\tlf\ncr\r عربى 👍 ok');
    expect(safeText('lone \ud800 and \udc00 surrogates')).toBe('lone  and  surrogates');
    // Line and paragraph separators read as spaces (a chart's expressions refuse them raw).
    expect(safeText('a\u2028b\u2029c')).toBe('a b c');
    expect(safeJson('"a\u202eb"')).toBe('"a\\u202eb"');
    expect(escapeHtml('x\u0007<')).toBe('x&lt;');
    expect(codeSpan('cmd\u001b[1m')).toBe('` cmd[1m `');
    expect(demoteInfo('Info \u0007text')).toBe('Info text');
  });

  test('a removed character cannot come between a backslash and what it escapes', () => {
    // Removed after escaping, "x\\\u0007*y*" would become x\\*y*: an escaped backslash, then emphasis.
    expect(escapeMarkdownText('x\\\u0007*y*')).toBe('x\\\\\\*y\\*');
  });
});
