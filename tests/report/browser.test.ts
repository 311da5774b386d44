/**
 * report.html in a real headless browser (Debian's chromium through
 * playwright-core): it loads from disk with no console error and no request
 * besides the page itself, and its charts are drawn. The screenshot is kept
 * in the temporary folder named in the test output.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, hasChromium, openWatchedPage } from '../support/chromium.js';
import { describe, expect, test } from 'vitest';
import { writeReport } from '../../src/store/report-write.js';
import { RUN_DIR } from './helpers.js';

if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`);

describe('report.html in chromium', () => {
  test.skipIf(!hasChromium)(`opens from disk with no console error and no network request`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'difusi-browser-'));
    cpSync(RUN_DIR, dir, { recursive: true });
    // Without PNGs: report.html is the same either way (its charts are the SVGs, inline); drawing the six PNGs cost
    // about 1.5 s of CPU that nothing here looks at (report.md, which links them, is not opened).
    await writeReport(dir, { png: false });
    const pageUrl = pathToFileURL(join(dir, 'report.html')).href;

    const { browser, page, problems, requests } = await openWatchedPage({ viewport: { width: 1280, height: 900 } });
    try {

      const response = await page.goto(pageUrl, { waitUntil: 'load' });
      expect(response?.ok() ?? true).toBe(true);
      expect(await page.title()).toBe('difusi report: bekasi-mini');

      // Charts drawn at a readable size; tables present; no script in the document.
      const sizes = await page.locator('figure svg').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]));
      expect(sizes).toHaveLength(6);
      for (const [w, h] of sizes) expect(w! > 400 && h! > 200).toBe(true);
      expect(await page.locator('#table-outcomes tbody tr').count()).toBe(2);
      // The executive summary comes first, visible, in sentences; the glossary is there.
      expect(await page.locator('#summary p').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('#summary').isVisible()).toBe(true);
      expect(await page.locator('#summary').innerText()).toMatch(/sustained in more than half|Unlikely to last|Cannot tell yet with \d+ replications/);
      expect(await page.locator('#glossary dt').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('script').count()).toBe(0);
      // The fixture's description and Info text carry <script> tags: shown as text.
      expect(await page.locator('.description').innerText()).toContain('<script>console.error("description not escaped")</script>');
      expect(await page.locator('#info').innerText()).toContain('<script>console.error("info not escaped")</script>');

      const shot = join(dir, 'report-screenshot.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`report screenshot: ${shot}`);
      expect(existsSync(shot)).toBe(true);

      expect(problems).toEqual([]);
      expect(requests).toEqual([pageUrl]);
    } finally {
      await browser.close();
    }
  });
});
