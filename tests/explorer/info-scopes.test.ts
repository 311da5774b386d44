/**
 * The explorer's Info page renders its tables with scoped headers, as
 * report.html does (markdownToHtml's scopedHeaders): the page's markup check
 * (src/explorer/about.ts markupAllowed) lets through exactly `scope="col"`
 * and `scope="row"` on `th`, and nothing else new. In Chromium:
 * tests/explorer/info-scopes-page.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { aboutScenario, INFO_MARKUP, markupAllowed, type MarkupElement } from '../../src/explorer/about.js';
import { shippedScenarios } from '../../src/store/explorer-write.js';

const el = (tagName: string, attributes: Record<string, string> = {}): MarkupElement => ({ tagName, attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })) });

describe("the explorer's Info page tables", () => {
  test('are rendered with scoped column headers and row headers, every cell escaped', () => {
    const bekasi = shippedScenarios().find((s) => s.name === 'bekasi-2015-2025')!;
    for (const lang of ['en', 'id'] as const) {
      const html = aboutScenario({}, bekasi, lang).infoHtml;
      expect(html).toContain(lang === 'en' ? '<thead><tr><th scope="col">when</th><th scope="col">what</th></tr></thead>' : '<thead><tr><th scope="col">waktu</th><th scope="col">peristiwa</th></tr></thead>');
      expect(html).toContain('<tr><th scope="row">2013-2014</th><td>');
    }
    const info = ['| a <img src=x onerror=alert(1)> | n |', '|---|--:|', '| <script>alert(1)</script> | "1" |', '|  | 2 |'].join('\n');
    expect(aboutScenario({}, { info }, 'en').infoHtml).toBe(
      [
        '<div class="scroll"><table>',
        '<thead><tr><th scope="col">a &lt;img src=x onerror=alert(1)&gt;</th><th scope="col" class="num">n</th></tr></thead>',
        '<tbody>',
        '<tr><th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th><td class="num">&quot;1&quot;</td></tr>',
        '<tr><td></td><td class="num">2</td></tr>',
        '</tbody>',
        '</table></div>',
      ].join('\n'),
    );
    // Scenario Markdown without a table: as before.
    expect(aboutScenario({}, { info: '# Info\n\nText.' }, 'en').infoHtml).toBe('<h3>Info</h3>\n<p>Text.</p>');
  });

  test('the markup check allows scope="col" and scope="row" on th, and refuses any other scope', () => {
    expect(markupAllowed([el('TH', { scope: 'col' }), el('TH', { scope: 'row' }), el('TH', { scope: 'col', class: 'num' }), el('TH', { class: 'num', scope: 'row' })])).toBe(true);
    const refused = [
      // Another value, written otherwise, or empty.
      el('TH', { scope: 'rowgroup' }),
      el('TH', { scope: 'colgroup' }),
      el('TH', { scope: 'ROW' }),
      el('TH', { scope: ' row' }),
      el('TH', { scope: '' }),
      el('TH', { scope: 'row col' }),
      el('TH', { scope: 'javascript:alert(1)' }),
      // On another element.
      el('TD', { scope: 'row' }),
      el('TD', { scope: 'col' }),
      el('DIV', { scope: 'row' }),
      el('TR', { scope: 'row' }),
      el('TABLE', { scope: 'col' }),
      el('P', { scope: 'row' }),
      // A class value as a scope, a scope value as a class, and anything beside an allowed scope.
      el('TH', { scope: 'num' }),
      el('TH', { class: 'row' }),
      el('TH', { scope: 'row', onclick: 'alert(1)' }),
      el('TH', { scope: 'col', style: 'color: red' }),
      el('TH', { scope: 'row', class: 'scroll' }),
      el('TH', { scope: 'row', abbr: 'x' }),
      el('TH', { headers: 'a' }),
    ];
    for (const bad of refused) expect(markupAllowed([el('TH', { scope: 'row' }), bad]), JSON.stringify(bad)).toBe(false);
    // The elements and classes stay as they were: nothing else new.
    expect(INFO_MARKUP).toEqual({
      h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
      p: [], ul: [], ol: [], li: [], pre: [], code: [], strong: [], em: [],
      div: ['scroll'], table: [], thead: [], tbody: [], tr: [], th: ['num'], td: ['num'],
    });
    expect(markupAllowed([el('constructor', { scope: 'row' })])).toBe(false);
    expect(markupAllowed([el('__proto__', { scope: 'row' })])).toBe(false);
  });
});
