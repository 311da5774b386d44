/**
 * The explorer's Info page writes its tables as report.html does (the
 * forty-second session): header cells scoped to their columns, each row's
 * first cell its row's header (`scope="row"`), looking as the cell it was;
 * the page's markup check lets exactly these through, and a cell's text,
 * hostile or not, stays text. Debian's chromium through playwright-core,
 * offline. tests/explorer/info-scopes.test.ts checks the markup check alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, runCount, runDoneAfter, watchedPageIn } from '../support/chromium.js';
import { explorerHtml } from '../../src/jobs/explore.js';
import { readExplorerTemplate, shippedScenarios } from '../../src/store/explorer-write.js';
import { tempDir } from '../support/cli.js';

if (!hasChromium) console.warn(`explorer Info-table test skipped: ${CHROMIUM} is missing`);

const IMG = '<img src=x onerror="window.pwned = 1">';
const SCRIPT = '<script>window.pwned = 2</script>';
/** An Info page whose table puts markup in its header, its row headers and its cells. */
const HOSTILE_INFO = [
  '# Sources',
  '',
  `| service ${IMG} | share | note "${SCRIPT}" |`,
  '|---|---:|---|',
  `| ${IMG} | 0.5 | a "quoted" word |`,
  `| e-"office" ${SCRIPT} | **1** | ${SCRIPT} |`,
  `| " | 2 | <th scope="row" onclick="window.pwned = 3">x</th> |`,
].join('\n');

let browser: Browser | undefined;
let pageUrl = '';

beforeAll(async () => {
  if (!hasChromium) return;
  const shipped = shippedScenarios();
  const bekasi = shipped.find((s) => s.name === 'bekasi-2015-2025')!;
  const sustained = shipped.find((s) => s.name === 'sustained-opd-owned')!;
  // One replication each: nothing here is about the results, only the Info page.
  const one = (text: string) => text.replace(/^replications: \d+/m, 'replications: 1');
  const hostile = { name: 'hostile-table', file: 'hostile-table.yaml', text: one(sustained.text).replace(/^name: .*/m, 'name: hostile-table'), info: HOSTILE_INFO };
  const file = join(tempDir('difusi-explorer-info-scopes-'), 'difusi-explorer.html');
  writeFileSync(file, explorerHtml(readExplorerTemplate(), [{ ...bekasi, text: one(bekasi.text) }, hostile]));
  pageUrl = pathToFileURL(file).href;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What #about-info shows of its tables. */
const tables = (page: Page) =>
  page.evaluate(() => {
    const box = document.getElementById('about-info')!;
    const cell = (e: Element) => ({ tag: e.tagName.toLowerCase(), scope: e.getAttribute('scope'), text: e.textContent });
    const look = (e: Element | null) => {
      if (e === null) return null;
      const s = getComputedStyle(e);
      return { fontWeight: s.fontWeight, fontStyle: s.fontStyle, fontSize: s.fontSize, color: s.color, background: s.backgroundColor, padding: s.padding, border: s.borderBottom, verticalAlign: s.verticalAlign };
    };
    const firstBody = box.querySelector('tbody tr');
    return {
      // The plain-text fallback: the Markdown in one <pre>, alone in the box.
      plain: box.children.length === 1 && box.children[0]!.tagName === 'PRE',
      tables: box.querySelectorAll('table').length,
      head: [...box.querySelectorAll('thead tr')].map((tr) => [...tr.children].map(cell)),
      rows: [...box.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(cell)),
      rowHeader: look(firstBody?.querySelector('th') ?? null),
      nextCell: look(firstBody?.querySelector('td:not(.num)') ?? null),
      foreign: [...box.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).filter((t) => !['h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'pre', 'code', 'strong', 'em', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(t)),
      attributes: [...new Set([...box.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => `${e.tagName.toLowerCase()} ${a.name}=${a.value}`)))].sort(),
      pwned: (window as unknown as { pwned?: unknown }).pwned ?? null,
    };
  });

describe.skipIf(!hasChromium)("the explorer's Info page tables", () => {
  test("a shipped scenario's table has scoped column headers and row headers that look like cells, in both languages", async () => {
    const { page, problems, requests } = await watchedPageIn(browser!, { viewport: { width: 1366, height: 900 } });
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => Number(document.body.dataset['runCount']) >= 1);
    await page.click('#about-details summary');
    for (const lang of ['en', 'id'] as const) {
      await page.selectOption('#lang', lang);
      const seen = await tables(page);
      // Rendered as markup (the markup check let it through), not the Markdown as plain text.
      expect(seen.plain).toBe(false);
      expect(seen.tables).toBeGreaterThan(0);
      // Bekasi's timeline: "when | what" (in Indonesian "waktu | peristiwa"), each row named by its date.
      expect(seen.head[0]).toEqual(lang === 'en' ? [{ tag: 'th', scope: 'col', text: 'when' }, { tag: 'th', scope: 'col', text: 'what' }] : [{ tag: 'th', scope: 'col', text: 'waktu' }, { tag: 'th', scope: 'col', text: 'peristiwa' }]);
      expect(seen.rows[0]!.map((c) => [c.tag, c.scope])).toEqual([['th', 'row'], ['td', null]]);
      expect(seen.rows[0]![0]!.text).toBe('2013-2014');
      // Every header cell is scoped, every row's first non-empty cell heads it.
      for (const row of seen.head) for (const c of row) expect(c.tag === 'td' ? c.text : c.scope).toBe(c.tag === 'td' ? '' : 'col');
      for (const row of seen.rows) if (row.length > 1 && row[0]!.text !== '') expect([row[0]!.tag, row[0]!.scope]).toEqual(['th', 'row']);
      // A row header looks as the cell beside it (not bold, nor centred).
      expect(seen.rowHeader).toEqual(seen.nextCell);
      expect(seen.rowHeader!.fontWeight).toBe('400');
      expect(await page.locator('#about-info tbody th').first().evaluate((e) => getComputedStyle(e).textAlign)).toBe('left');
      // Nothing but the renderer's attributes.
      for (const a of seen.attributes) expect(a).toMatch(/^(div class=scroll|t[hd] class=num|th scope=(col|row))$/);
      expect(seen.foreign).toEqual([]);
    }
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:'))).toEqual([]);
    await page.context().close();
  }, 180_000);

  test('markup in a table cell stays text: in a header, a row header and a cell; nothing runs or loads', async () => {
    const { page, problems, requests } = await watchedPageIn(browser!, { viewport: { width: 1366, height: 900 } });
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => Number(document.body.dataset['runCount']) >= 1);
    const n = await runCount(page);
    await page.selectOption('#scenario-select', { label: 'hostile-table' });
    await runDoneAfter(page, n);
    await page.click('#about-details summary');
    await page.hover('#about-info tbody tr:first-child > :first-child');
    await page.click('#about-info tbody tr:last-child td:last-child');
    const seen = await tables(page);
    expect(seen.plain).toBe(false);
    expect(seen.head).toEqual([
      [
        { tag: 'th', scope: 'col', text: `service ${IMG}` },
        { tag: 'th', scope: 'col', text: 'share' },
        { tag: 'th', scope: 'col', text: `note "${SCRIPT}"` },
      ],
    ]);
    expect(seen.rows).toEqual([
      [{ tag: 'th', scope: 'row', text: IMG }, { tag: 'td', scope: null, text: '0.5' }, { tag: 'td', scope: null, text: 'a "quoted" word' }],
      [{ tag: 'th', scope: 'row', text: `e-"office" ${SCRIPT}` }, { tag: 'td', scope: null, text: '1' }, { tag: 'td', scope: null, text: SCRIPT }],
      [{ tag: 'th', scope: 'row', text: '"' }, { tag: 'td', scope: null, text: '2' }, { tag: 'td', scope: null, text: '<th scope="row" onclick="window.pwned = 3">x</th>' }],
    ]);
    expect(seen.foreign).toEqual([]);
    expect(seen.attributes).toEqual(['div class=scroll', 'td class=num', 'th class=num', 'th scope=col', 'th scope=row']);
    expect(seen.pwned).toBeNull();
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:'))).toEqual([]);
    await page.context().close();
  }, 180_000);
});
