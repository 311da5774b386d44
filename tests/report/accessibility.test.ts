/**
 * report.html for screen-reader, keyboard and print readers (the forty-first
 * session's accessibility audit): every data table is named by its section's
 * heading and described by its note, its column headers scoped, the
 * parameter groups heading their own rows; an Info page shown in English in
 * an Indonesian report is marked lang="en"; printed at A4 width no table is
 * cut at the page's edge (it lost its last columns in a scroll box), and a
 * numeric cell's text is the same as before (only spans added).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { renderHtml } from '../../src/report/html.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { CHROMIUM, hasChromium, openWatchedPage } from '../support/chromium.js';
import { COMPARE_DIR, fixture, RUN_DIR, SENSITIVITY_DIR, SWEEP_DIR } from './helpers.js';

if (!hasChromium) console.warn(`report print test skipped: ${CHROMIUM} is missing`);

const sets: Record<string, ResultSet> = {};
beforeAll(async () => {
  sets['run'] = await fixture(RUN_DIR);
  sets['compare'] = await fixture(COMPARE_DIR);
  sets['sweep'] = await fixture(SWEEP_DIR);
  sets['sensitivity'] = await fixture(SENSITIVITY_DIR);
});

const page = (name: string, lang: 'en' | 'id'): string => renderHtml(reportModel(sets[name]!, buildCharts(sets[name]!, lang), lang), {});
/** The page without the scenario's Info page (its tables are the author's Markdown). */
const ownPart = (html: string): string => html.replace(/<div class="info"[\s\S]*?<\/div>\n<\/section>/, '');

describe('report.html tables', () => {
  for (const name of ['run', 'compare', 'sweep']) {
    for (const lang of ['en', 'id'] as const) {
      test(`${name} (${lang}): each table is named by its heading, described by its note, its headers scoped`, () => {
        const html = ownPart(page(name, lang));
        const tables = html.match(/<table\b[^>]*>/g) ?? [];
        expect(tables.length).toBeGreaterThanOrEqual(3);
        for (const tag of tables) {
          const named = /aria-labelledby="([^"]+)"/.exec(tag);
          const described = /aria-describedby="([^"]+)"/.exec(tag);
          expect(named, tag).not.toBeNull();
          expect(described, tag).not.toBeNull();
          expect(html).toMatch(new RegExp(`<h2 id="${named![1]}">[^<]`));
          expect(html).toMatch(new RegExp(`<p class="note" id="${described![1]}">`));
        }
        // Every header cell says what it heads: its column, or (a parameter group) its row group.
        const headers = html.match(/<th\b[^>]*>/g) ?? [];
        expect(headers.length).toBeGreaterThan(10);
        for (const th of headers) expect(th, th).toMatch(/ scope="(col|rowgroup)"/);
        // A group's header opens its own row group.
        const groups = html.match(/(.*)\n<tr class="group">/g) ?? [];
        expect(groups.length).toBeGreaterThan(2);
        for (const g of groups) expect(g).toMatch(/^<tbody>\n/);
      });
    }
  }

  test('an Info page shown in English in an Indonesian report is marked lang="en"; in English it is not', () => {
    expect(page('run', 'id')).toContain('<div class="info" lang="en">');
    expect(page('run', 'en')).toContain('<div class="info">');
  });

  test('a description shown in English in an Indonesian report is marked lang="en"; in English, or with its Indonesian twin, it is not', () => {
    const run = sets['run']!;
    expect(page('run', 'id')).toContain('<p class="description" lang="en">');
    expect(page('run', 'en')).toContain('<p class="description">');
    const scenario = run.manifest.scenario as { resolved: Record<string, unknown> };
    const twinned = { ...run, manifest: { ...run.manifest, scenario: { ...run.manifest.scenario, resolved: { ...scenario.resolved, description_id: 'Deskripsi dalam bahasa Indonesia.' } } } } as ResultSet;
    const html = renderHtml(reportModel(twinned, buildCharts(twinned, 'id'), 'id'), {});
    expect(html).toContain('<p class="description">Deskripsi dalam bahasa Indonesia.</p>');
  });

  test('a numeric cell keeps its text: only spans that keep an interval, and a number with its unit, on one line', () => {
    const html = page('run', 'en');
    const cells = html.match(/<td class="num">.*?<\/td>/g) ?? [];
    expect(cells.some((c) => c.includes('<span class="nw">'))).toBe(true);
    for (const c of cells) {
      const text = c.replace(/<\/?span[^>]*>/g, '');
      // No no-break space (a copied cell stays as the CSV's text), no other markup.
      expect(text).not.toContain('\u00a0');
      expect(text).toMatch(/^<td class="num">[^<]*<\/td>$/);
    }
  });
});

describe('report.html printed', () => {
  test.skipIf(!hasChromium)('at A4 width no table or code block is cut: each fits its box and the page, in every kind of report and both languages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'difusi-print-'));
    const { browser, page: tab } = await openWatchedPage({ viewport: { width: 718, height: 1000 } });
    try {
      await tab.emulateMedia({ media: 'print' });
      // The sweep's and sensitivity analysis's factor names (champion_rotation) widened their tables past the page.
      for (const [name, lang] of ['run', 'compare', 'sweep', 'sensitivity'].flatMap((n) => (['en', 'id'] as const).map((l) => [n, l] as const))) {
        const file = join(dir, `${name}-${lang}.html`);
        // Each table's last header as one long word without a space, as a sweep's factor (champion_rotation) or an id can be.
        writeFileSync(file, page(name, lang).replace(/(<th scope="col"[^>]*>)([^<]*)(<\/th>\s*<\/tr>\s*<\/thead>)/g, (_m, open: string, _text: string, close: string) => `${open}${'factor_name_'.repeat(8)}${close}`));
        await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        // A code block (an Info page's command) shows all of its lines: none runs past its box.
        const blocks = await tab.evaluate(() => [...document.querySelectorAll('pre')].map((p) => ({ scroll: p.scrollWidth, box: p.clientWidth, page: document.body.clientWidth })));
        for (const b of blocks) {
          expect(b.scroll, `${name} ${lang} ${JSON.stringify(b)}`).toBeLessThanOrEqual(b.box + 1);
          expect(b.box, `${name} ${lang} ${JSON.stringify(b)}`).toBeLessThanOrEqual(b.page + 1);
        }
        const widths = await tab.evaluate(() =>
          [...document.querySelectorAll('table')].map((t) => {
            const box = (t.closest('.scroll') ?? t.parentElement) as HTMLElement;
            return { id: t.closest('section')?.id, table: t.getBoundingClientRect().width, box: box.clientWidth, page: document.body.clientWidth };
          }),
        );
        expect(widths.length).toBeGreaterThanOrEqual(2);
        for (const w of widths) {
          expect(w.table, `${name} ${lang} ${JSON.stringify(w)}`).toBeLessThanOrEqual(w.box + 1);
          expect(w.table, `${name} ${lang} ${JSON.stringify(w)}`).toBeLessThanOrEqual(w.page + 1);
        }
      }
    } finally {
      await browser.close();
    }
  });
});
