import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { OutcomeTally, type TallyRow } from '../../src/experiment/outcome-table.js';
import { buildCharts } from '../../src/report/charts.js';
import { escapeHtml, markdownToHtml, prefixSvgIds, renderHtml } from '../../src/report/html.js';
import { demoteInfo, renderMarkdown } from '../../src/report/markdown.js';
import { parameterGroups, reportModel, type ReportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { PARAMETER_SPECS } from '../../src/scenario/parameters.js';
import { fixture, RUN_DIR } from './helpers.js';

const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';
let run: ResultSet;
let model: ReportModel;

/** The folder's outcomes.csv tallied with one innovation renamed. */
function renamedTally(dir: string, from: string, to: string): OutcomeTally {
  const tally = new OutcomeTally();
  const rows = parse(readFileSync(join(dir, 'outcomes.csv'), 'utf8'), { columns: true, cast: true }) as TallyRow[];
  for (const row of rows) tally.add({ ...row, innovation: row.innovation === from ? to : row.innovation });
  return tally;
}

/** The fixture with user text full of markup: name, description, Info, an innovation id, a leader name. */
function hostile(r: ResultSet): ResultSet {
  const resolved = JSON.parse(JSON.stringify(r.manifest.scenario.resolved)) as Record<string, unknown> & {
    leaders: { name?: string }[];
    description: string;
  };
  resolved.description = `Description ${XSS}`;
  resolved.leaders[1]!.name = `Mayor ${XSS}`;
  const raw = { ...(r.manifest.raw as object), note: XSS };
  return {
    ...r,
    manifest: { ...r.manifest, raw, scenario: { ...r.manifest.scenario, name: `mini ${XSS}`, info: `# Title ${XSS}\n\nText ${XSS} **bold**\n\n- item ${XSS}\n\n\`\`\`\n${XSS}\n\`\`\`\n`, resolved } },
    outcomes: renamedTally(r.dir, 'bekasi_iconic', `iconic${XSS}`),
  };
}

beforeAll(async () => {
  run = await fixture(RUN_DIR);
  model = reportModel(run, buildCharts(run));
});

describe('escaping', () => {
  test('escapeHtml', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('no user text reaches report.html unescaped', () => {
    const r = hostile(run);
    const html = renderHtml(reportModel(r, []), {});
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<[^>]*\sonerror=/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // In the title, the header, the description, the info text, the tables, the timeline and the manifest.
    expect(html.match(/&lt;script&gt;/g)!.length).toBeGreaterThanOrEqual(8);
  });

  test("the Indonesian twins (name_id, description_id, the Indonesian Info page) reach report.id.html and report.id.md escaped", () => {
    const r = hostile(run);
    const resolved = JSON.parse(JSON.stringify(r.manifest.scenario.resolved)) as Record<string, unknown> & {
      leaders: Record<string, unknown>[];
      innovations: Record<string, unknown>[];
    };
    resolved['description_id'] = `Deskripsi ${XSS}`;
    resolved.leaders[1]!['name_id'] = `Wali kota ${XSS}`;
    resolved.innovations[0]!['name_id'] = `Layanan ${XSS}`;
    const twins: ResultSet = { ...r, manifest: { ...r.manifest, scenario: { ...r.manifest.scenario, info_id: `# Judul ${XSS}\n\nTeks ${XSS}\n`, resolved } } };
    const model = reportModel(twins, [], 'id');
    const html = renderHtml(model, {});
    for (const shown of ['Deskripsi', 'Wali kota', 'Layanan', 'Judul', 'Teks']) expect(html).toContain(`${shown} &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;`);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    const md = renderMarkdown(model).replace(/```[\s\S]*?```/g, '');
    for (const shown of ['Deskripsi', 'Wali kota', 'Layanan', 'Teks']) expect(md).toContain(`${shown} &lt;script>`);
    expect(md).not.toContain('<script');
    expect(md).not.toContain('<img');
  });

  test('an Indonesian Info page of only blank lines falls back to the English one, as a blank name twin does', () => {
    const r = hostile(run);
    const blank: ResultSet = { ...r, manifest: { ...r.manifest, scenario: { ...r.manifest.scenario, info: '# English page\n\nIts text.\n', info_id: '  \n\n ' } } };
    expect(reportModel(blank, [], 'id').info).toBe('# English page\n\nIts text.\n');
    const given: ResultSet = { ...r, manifest: { ...r.manifest, scenario: { ...r.manifest.scenario, info: '# English page\n', info_id: '# Halaman\n' } } };
    expect(reportModel(given, [], 'id').info).toBe('# Halaman\n');
    expect(reportModel(given, [], 'en').info).toBe('# English page\n');
  });

  test('no user text reaches report.md as HTML', () => {
    const md = renderMarkdown(reportModel(hostile(run), []));
    const outsideFences = md.replace(/```[\s\S]*?```/g, '');
    expect(outsideFences).not.toContain('<script');
    expect(outsideFences).not.toContain('<img');
    // `<` escaped (a `>` without its `<` is plain text and stays).
    expect(outsideFences).toContain('&lt;script>');
  });
});

describe('the Info text renderer', () => {
  test('headings, paragraphs, lists, code; everything escaped', () => {
    const html = markdownToHtml('# What is it?\n\nA *small* **test** with `code` and [a link](https://example.org).\n\n- one\n- two\n  continued\n\n1. first\n2. second\n\n```\n<b>x</b>\n```\n\n<div>raw</div>');
    expect(html).toBe(
      [
        '<h3>What is it?</h3>',
        '<p>A <em>small</em> <strong>test</strong> with <code>code</code> and a link (https://example.org).</p>',
        '<ul><li>one</li><li>two continued</li></ul>',
        '<ol><li>first</li><li>second</li></ol>',
        '<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>',
        '<p>&lt;div&gt;raw&lt;/div&gt;</p>',
      ].join('\n'),
    );
  });

  test('a pipe table renders as a table, every cell escaped', () => {
    const html = markdownToHtml('Before.\n\n| service | share |\n|---|---:|\n| <script>alert(1)</script> | 0.5 |\n| a \\| b | **1** |\n\nAfter.');
    expect(html).toBe(
      [
        '<p>Before.</p>',
        '<div class="scroll"><table>',
        '<thead><tr><th>service</th><th class="num">share</th></tr></thead>',
        '<tbody>',
        '<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class="num">0.5</td></tr>',
        '<tr><td>a | b</td><td class="num"><strong>1</strong></td></tr>',
        '</tbody>',
        '</table></div>',
        '<p>After.</p>',
      ].join('\n'),
    );
    expect(html).not.toContain('<script');
    // A line with pipes but no rule below it stays a paragraph.
    expect(markdownToHtml('a | b\nc | d')).toBe('<p>a | b c | d</p>');
  });

  test('no link is followed: a relative link names its file as plain text, others are shown', () => {
    const md = 'See [the model](../docs/MODEL.md), [site](https://example.org), [bad](javascript:alert(1)) and [here](#top).';
    // A relative link would point into the machine that wrote the report: the page names the file instead.
    expect(markdownToHtml(md)).toBe(
      '<p>See the model (MODEL.md), site (https://example.org), bad (javascript:alert(1)) and here.</p>',
    );
    expect(markdownToHtml('in [docs/GLOSSARY.md](../docs/GLOSSARY.md#terms).')).toBe('<p>in docs/GLOSSARY.md.</p>');
    // Emphasis never reaches into a link target; quotes cannot leave the page.
    expect(markdownToHtml('[x](a*b*c"d)')).toBe('<p>x (a*b*c&quot;d)</p>');
    expect(markdownToHtml(md)).not.toContain('<a ');
  });

  test('snake_case names are not italicised', () => {
    expect(markdownToHtml('set w_peer and bass_q')).toBe('<p>set w_peer and bass_q</p>');
  });

  test('report.md demotes the Info headings and escapes HTML outside code', () => {
    expect(demoteInfo('# A\n<b>\n```\n<b>\n```')).toBe('### A\n&lt;b>\n```\n<b>\n```');
  });
});

describe('report.html', () => {
  test('self-contained: no script, no external URL, a CSP that forbids loads', () => {
    const charts = buildCharts(run);
    const html = renderHtml(model, Object.fromEntries(charts.map((c) => [c.name, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>'])));
    expect(html).not.toMatch(/<script|<link|<iframe|<img|src=/i);
    expect(html).toContain(`default-src 'none'`);
    // Only the SVG namespace URIs; no fetchable URL.
    const urls = html.match(/https?:\/\/[^\s"'<)]+/g) ?? [];
    expect(urls.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    // Clip-path ids made unique per chart.
    expect(html).toContain('id="chart-adoption-clip1"');
    expect(html).toContain('url(#chart-survival-clip1)');
  });

  test('the key tables, the Info text, the manifest and the parameters in ODD order', () => {
    const html = renderHtml(model, {});
    for (const id of ['table-outcomes', 'table-horizon', 'info', 'timeline', 'parameters', 'manifest']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('sustained');
    expect(html).toContain('A <strong>miniature</strong> of the Bekasi');
    expect(html).toContain('&quot;kind&quot;: &quot;run&quot;');
    const groups = [...html.matchAll(/<tr class="group"><th colspan="6" scope="rowgroup">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(groups[0]).toBe('2.1 states');
    expect(groups.indexOf('5 initialization')).toBeLessThan(groups.indexOf('7.1 events'));
    expect(groups.indexOf('7.2 awareness')).toBeLessThan(groups.indexOf('7.3 decision'));
    expect(groups.at(-1)).toBe('8 observation');
  });

  test('outcome shares per innovation with Wilson intervals', () => {
    const t = model.tables.find((x) => x.id === 'outcomes')!;
    // A name with its id in square brackets (format.ts nameAndId), so a name's own parentheses never meet a second pair.
    expect(t.rows.map((r) => r[0])).toEqual(['Smart health [smart_health]', 'Bekasi Iconic super-app [bekasi_iconic]']);
    expect(t.rows[0]![1]).toBe('3');
    // Per service (shares of replications) and per agency (Heeks) say which they are.
    expect(t.columns.slice(2, 6)).toEqual(['sustained (replications)', 'declining (replications)', 'discontinued (replications)', 'never adopted (replications)']);
    expect(t.columns.at(-1)).toMatch(/^Heeks per agency/);
  });
});

test('parameter groups: every parameter once, values from the scenario, changes flagged', () => {
  const groups = parameterGroups({ bass_q: 0.5, readopt_months: null });
  const all = groups.flatMap((g) => g.parameters);
  expect(all.map((p) => p.name).sort()).toEqual(PARAMETER_SPECS.map((s) => s.name).sort());
  expect(all.find((p) => p.name === 'bass_q')).toMatchObject({ value: 0.5, changed: true, unit: 'per year', source: 'lit' });
  expect(all.find((p) => p.name === 'bass_p')).toMatchObject({ value: 0.03, changed: false });
});

test('prefixSvgIds', () => {
  expect(prefixSvgIds('<g id="a"><use href="#a"/><g clip-path="url(#a)"/></g>', 'p')).toBe('<g id="p-a"><use href="#p-a"/><g clip-path="url(#p-a)"/></g>');
});

test('report.md links the chart images and carries the tables', () => {
  const md = renderMarkdown(model);
  expect(md).toContain('![Adoption S-curves](charts/adoption.png)');
  expect(md).toContain('| service | replications |');
  expect(md).toContain('## Parameters (ODD order)');
  expect(renderMarkdown(model, { image: 'svg' })).toContain('(charts/adoption.svg)');
});
