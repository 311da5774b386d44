/**
 * The explorer page in a real browser (Debian's chromium through
 * playwright-core, offline): a comparison with borderline rows (Bekasi, seed
 * 5, 20 replications, pilot take-over 0.15 → 1; borderline.test.ts checks
 * they are the rows `difusi compare`'s report marks) writes the report's
 * word after those rows' differences in the table, in their sentences and in
 * the sentence on the number of services sustained, and says under the table
 * what the word means; in English and in Bahasa Indonesia. Rows that are not
 * borderline keep their text.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, pinThenMoveLever, runDoneAfter, watchedPageIn } from '../support/chromium.js';
import { explorerHtml } from '../../src/jobs/explore.js';
import { readExplorerTemplate } from '../../src/store/explorer-write.js';

if (!hasChromium) console.warn(`explorer borderline page test skipped: ${CHROMIUM} is missing`);

const ARTEFACTS = resolve('output/explorer-borderline-test');
const BEKASI = readFileSync('scenarios/bekasi-2015-2025.yaml', 'utf8').replace(/^seed: \d+$/m, 'seed: 5').replace(/^replications: \d+$/m, 'replications: 20');

let pageUrl = '';
let browser: Browser | null = null;

beforeAll(async () => {
  if (!hasChromium) return;
  if (!existsSync('dist/explorer/index.html')) execFileSync('node', ['scripts/build-explorer.mjs'], { stdio: 'inherit' });
  mkdirSync(ARTEFACTS, { recursive: true });
  expect(BEKASI).toMatch(/^seed: 5$/m);
  const file = join(ARTEFACTS, 'difusi-explorer.html');
  writeFileSync(file, explorerHtml(readExplorerTemplate(), [{ name: 'bekasi-seed-5', file: 'bekasi-seed-5.yaml', text: BEKASI }]));
  pageUrl = pathToFileURL(file).href;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Per row of the comparison table: its outcome, whether it is marked borderline, and its difference cell. */
const tableRows = (page: Page): Promise<[string, boolean, string][]> =>
  page.$$eval('#compare-table tbody tr, #compare-table tfoot tr', (rows) =>
    rows.map((tr) => [(tr as HTMLElement).dataset['outcome'] ?? '', (tr as HTMLElement).dataset['borderline'] === 'true', tr.querySelector('td:last-child')?.textContent ?? '']),
  );

describe.skipIf(!hasChromium)('borderline rows in the explorer comparison', () => {
  test("the report's word after the borderline rows, in the table and the sentences, with its meaning under the table (en, id)", async () => {
    const { page, problems } = await watchedPageIn(browser!, { viewport: { width: 1366, height: 900 } });
    try {
      await page.goto(pageUrl, { waitUntil: 'load' });
      await runDoneAfter(page, 0);
      // No baseline yet: no note.
      expect(await page.isHidden('#compare-borderline')).toBe(true);
      await pinThenMoveLever(page, 'parameters.takeover_vendor');
      await page.waitForSelector('#compare-table:not([hidden]) tfoot tr[data-outcome="sustained_count"]');

      const rows = await tableRows(page);
      expect(rows.filter(([, b]) => b).map(([o]) => o)).toEqual(['sustained.parking-meters', 'sustained_count']);
      for (const [outcome, borderline, cell] of rows) expect(cell.endsWith(' (borderline)'), `${outcome}: ${cell}`).toBe(borderline);
      const words = await page.locator('#compare-words li').allTextContents();
      expect(words.filter((w) => w.endsWith(') (borderline).'))).toHaveLength(1);
      expect(words.find((w) => w.includes('(borderline)'))).toMatch(/^Parking-meter trial: sustained in .* \(borderline\)\.$/);
      expect(await page.textContent('#compare-total')).toMatch(/^Services sustained at 2025-12: .*\) \(borderline\)\.$/);
      // The forest chart writes the word beside the same service (it marked none).
      await page.waitForFunction(() => (document.getElementById('chart-forest')?.textContent ?? '').includes('Parking'), null, { timeout: 60_000 });
      const forest = (await page.textContent('#chart-forest')) ?? '';
      expect(forest.split('(borderline)').length - 1, forest).toBe(1);
      expect(await page.isVisible('#compare-borderline')).toBe(true);
      expect(await page.textContent('#compare-borderline')).toMatch(/^\(borderline\): the interval excludes 0, but would include it if its level were also adjusted for every outcome compared here/);

      await page.selectOption('#lang', 'id');
      const rowsId = await tableRows(page);
      for (const [outcome, borderline, cell] of rowsId) expect(cell.endsWith(' (di ambang batas)'), `${outcome}: ${cell}`).toBe(borderline);
      const wordsId = await page.locator('#compare-words li').allTextContents();
      expect(wordsId.filter((w) => w.endsWith('; di ambang batas).'))).toHaveLength(1);
      expect(await page.textContent('#compare-total')).toMatch(/; di ambang batas\)\.$/);
      expect(await page.textContent('#compare-borderline')).toMatch(/^\(di ambang batas\): interval tidak memuat 0/);

      // The baseline cleared: no comparison, no note.
      await page.click('#unpin');
      expect(await page.isHidden('#compare-borderline')).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 180_000);
});
