/**
 * report.html keeps a number with its unit, and an interval, on one line:
 * a narrow table column once showed "(12 %–38" and "%)" on two lines,
 * because the space before % was an ordinary one. Numbers and % or pp are
 * joined by a no-break space; intervals sit in a span the CSS does not wrap.
 * In English and Indonesian, for the city, comparison and national formats.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { markdownToHtml, renderHtml, reportText } from '../../src/report/html.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture, RUN_DIR } from './helpers.js';

const NBSP = '\u00a0';
/** A numeric table cell: its text, and the spans that keep an interval, and a number with its unit, whole when printed. */
const NUMERIC_CELL = /<td class="num">(?:[^<]|<span class="nw">[^<]*<\/span>)*<\/td>/g;
const span = (inner: string): string => `<span class="nw">${inner}</span>`;

/** The page's text outside the inline charts, the manifest's JSON and the parameter table (its notes cite chapters: "bab 9–10"). */
function prose(html: string): string {
  return html
    .replace(/<section id="parameters">[\s\S]*?<\/section>/, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
}

describe('reportText', () => {
  test('a number keeps its unit: no-break space before % and pp', () => {
    expect(reportText('sustained 85 % of runs, +5.00 pp')).toBe(`sustained 85${NBSP}% of runs, +5.00${NBSP}pp`);
    // Not a unit: a word that starts with pp, a % sign with no number before it.
    expect(reportText('2 ppm, the % column')).toBe('2 ppm, the % column');
  });

  test('intervals of every format are kept whole', () => {
    // City tables (Wilson), the horizon table, the compare table, sentences, national tables, brackets.
    expect(reportText('85 % (64 %–95 %)')).toBe(`85${NBSP}% (${span(`64${NBSP}%–95${NBSP}%`)})`);
    expect(reportText('0.519 – 0.606')).toBe(span('0.519 – 0.606'));
    expect(reportText('−7.17 – +17.17 pp')).toBe(span(`−7.17 – +17.17${NBSP}pp`));
    expect(reportText('(97.5 % interval −1.56 to −0.54)')).toBe(`(97.5${NBSP}% interval ${span('−1.56 to −0.54')})`);
    expect(reportText('(interval 97,5 %: −1,56 hingga −0,54)')).toBe(`(interval 97,5${NBSP}%: ${span('−1,56 hingga −0,54')})`);
    expect(reportText('37,3 %; interval 95 % 14,3–60,3 %')).toBe(`37,3${NBSP}%; interval 95${NBSP}% ${span(`14,3–60,3${NBSP}%`)}`);
    expect(reportText('shares in [0, 1]; pada [0; 1]')).toBe(`shares in ${span('[0, 1]')}; pada ${span('[0; 1]')}`);
    expect(reportText('2020-04 – 2021-12')).toBe(span('2020-04 – 2021-12'));
  });

  test('still escapes the text', () => {
    expect(reportText('<b>1 %–2 %</b> & "x"')).toBe(`&lt;b&gt;${span(`1${NBSP}%–2${NBSP}%`)}&lt;/b&gt; &amp; &quot;x&quot;`);
  });

  test('the Info text keeps numbers with their units', () => {
    expect(markdownToHtml('cut to 70 % from the start')).toContain(`70${NBSP}%`);
  });
});

describe('report.html', () => {
  let run: ResultSet;
  let cmp: ResultSet;
  beforeAll(async () => {
    run = await fixture(RUN_DIR);
    cmp = await fixture(COMPARE_DIR);
  });

  for (const lang of ['en', 'id'] as const) {
    test(`${lang}: no number is split from its unit, no interval across two lines`, () => {
      for (const r of [run, cmp]) {
        const html = renderHtml(reportModel(r, buildCharts(r, lang), lang), {});
        // A numeric table cell never wraps; an interval elsewhere sits in a span that does not.
        expect(html).toContain('td.num { white-space: nowrap; }');
        expect(html).toContain('.nw { white-space: nowrap; }');
        // (Its text as written; printed, it wraps between spans: the same spans as elsewhere keep an interval, and a number with its unit, whole.)
        const cells = html.match(NUMERIC_CELL) ?? [];
        expect(cells.length).toBeGreaterThan(20);
        const text = prose(html).replace(NUMERIC_CELL, '');
        // Outside those cells: no "85 %" with an ordinary space in the page's text,
        expect(text.match(/\d [%](?![\p{L}\d])|\d pp\b/gu) ?? []).toEqual([]);
        // and no interval "a – b" (en dash between numbers) outside a span.
        expect(text.replace(/<span class="nw">[^<]*<\/span>/g, '').match(/\d(\u00a0%|\u00a0pp)? ?– ?[−+]?\d/g) ?? []).toEqual([]);
      }
      // The outcome table's Wilson intervals ("(64 %–95 %)", Indonesian "[64%; 95%]", the sign closed up) are in numeric cells; the summary's ("64% hingga 95%" in Indonesian prose) in spans.
      const runHtml = prose(renderHtml(reportModel(run, buildCharts(run, lang), lang), {}));
      const cell = lang === 'en' ? /<td class="num">\d+ % \(\d+ %–\d+ %\)<\/td>/g : /<td class="num">\d+% \[\d+%; \d+%\]<\/td>/g;
      // (Compared with the cells' text: the spans taken out.)
      const inSummary = lang === 'en' ? /\(<span class="nw">\d+\u00a0%–\d+\u00a0%<\/span>\)/g : /\(<span class="nw">\d+% hingga \d+%<\/span>\)/g;
      expect(runHtml.replace(/<\/?span[^>]*>/g, '').match(cell)?.length ?? 0).toBeGreaterThan(5);
      expect(runHtml.match(inSummary)?.length ?? 0).toBeGreaterThan(0);
    });
  }
});
