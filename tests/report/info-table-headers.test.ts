/**
 * An Info page's own tables in report.html (the forty-second session): header
 * cells scoped to their column, each row's first cell its row's header (not
 * when empty, nor in a one-column table), an empty corner a plain cell; every
 * cell still escaped; markdownToHtml without the option (no `scope`) as it
 * was. The explorer's Info page takes the option too (also this session:
 * tests/explorer/info-scopes.test.ts).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { markdownToHtml, renderHtml } from '../../src/report/html.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { INFO_MARKUP, markupAllowed } from '../../src/explorer/about.js';
import { fixture, RUN_DIR } from './helpers.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const INFO = [
  '# Sources',
  '',
  `| service ${HOSTILE} | share | note |`,
  '|---|---:|---|',
  `| ${HOSTILE} | 0.5 | a "quoted" word |`,
  '| e-"office" | **1** | <script>alert(2)</script> |',
  '|  | 0.2 | no name |',
  '',
  '|  | 2015 | 2025 |',
  '|---|---:|---:|',
  '| Bekasi | 1 | 2 |',
  '',
  '| only |',
  '|---|',
  '| one |',
].join('\n');

let run: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
});

/** report.html of the run fixture with INFO as its scenario's Info page. */
function page(): string {
  const scenario = run.manifest.scenario as { resolved: Record<string, unknown> };
  const set = { ...run, manifest: { ...run.manifest, scenario: { ...run.manifest.scenario, resolved: { ...scenario.resolved, info: INFO } } } } as ResultSet;
  const model = reportModel(set, buildCharts(set, 'en'), 'en');
  return renderHtml({ ...model, info: INFO }, {});
}

describe("an Info page's tables in report.html", () => {
  test('header cells scope their column, first cells head their row, everything escaped', () => {
    const html = page();
    const info = /<div class="info"[^>]*>([\s\S]*?)<\/div>\n<\/section>/.exec(html)![1]!;
    expect(info).toContain(
      [
        '<div class="scroll"><table>',
        '<thead><tr><th scope="col">service &lt;img src=x onerror=alert(1)&gt;</th><th scope="col" class="num">share</th><th scope="col">note</th></tr></thead>',
        '<tbody>',
        '<tr><th scope="row">&lt;img src=x onerror=alert(1)&gt;</th><td class="num">0.5</td><td>a &quot;quoted&quot; word</td></tr>',
        '<tr><th scope="row">e-&quot;office&quot;</th><td class="num"><strong>1</strong></td><td>&lt;script&gt;alert(2)&lt;/script&gt;</td></tr>',
        // An empty first cell names nothing: a plain cell.
        '<tr><td></td><td class="num">0.2</td><td>no name</td></tr>',
        '</tbody>',
        '</table></div>',
      ].join('\n'),
    );
    // A cross-table: its empty corner a plain cell, its first column the rows' names.
    expect(info).toContain('<thead><tr><td></td><th scope="col" class="num">2015</th><th scope="col" class="num">2025</th></tr></thead>');
    expect(info).toContain('<tr><th scope="row">Bekasi</th><td class="num">1</td><td class="num">2</td></tr>');
    // One column: nothing for a row header to name.
    expect(info).toContain('<thead><tr><th scope="col">only</th></tr></thead>\n<tbody>\n<tr><td>one</td></tr>');
    // No markup from the scenario file survives: every tag in the Info page is the renderer's own.
    expect(info).not.toMatch(/<(img|script)\b/i);
    const tags = new Set([...info.matchAll(/<([a-z0-9]+)\b([^>]*)>/g)].map((m) => `${m[1]}${m[2]}`));
    for (const tag of tags) expect(tag).toMatch(/^(h[1-6]|p|div class="scroll"|table|thead|tbody|tr|t[hd]( scope="(col|row)")?( class="num")?|td|strong|em|code|ul|ol|li|pre)$/);
    // Every header cell of the page is scoped.
    for (const th of html.match(/<th\b[^>]*>/g) ?? []) expect(th).toMatch(/ scope="(col|row|rowgroup)"/);
    // A row header looks like the cell it was.
    expect(html).toContain('.info th[scope="row"] { background: none; font-weight: normal; }');
  });

  test("without scopedHeaders the rendering is as before: no scope, and the explorer's markup check passes it", () => {
    const html = markdownToHtml(INFO);
    expect(html).not.toContain('scope=');
    expect(html).toContain('<tr><td>&lt;img src=x onerror=alert(1)&gt;</td><td class="num">0.5</td><td>a &quot;quoted&quot; word</td></tr>');
    const elements = [...html.matchAll(/<([a-z0-9]+)((?:\s+[a-z]+="[^"]*")*)>/g)].map((m) => ({
      tagName: m[1]!.toUpperCase(),
      attributes: [...m[2]!.matchAll(/([a-z]+)="([^"]*)"/g)].map((a) => ({ name: a[1]!, value: a[2]! })),
    }));
    expect(elements.length).toBeGreaterThan(10);
    expect(markupAllowed(elements)).toBe(true);
    expect(Object.keys(INFO_MARKUP)).toContain('th');
  });
});
