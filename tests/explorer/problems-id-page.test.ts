/**
 * The explorer's Indonesian page lists a scenario's problems in Bahasa
 * Indonesia (it showed the command line's English lines alone), switches
 * them with the page's language, and shows the scenario's own strings in
 * them as text: a field named like markup makes no element and runs
 * nothing. Debian's chromium through playwright-core, offline.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, watchedPageIn } from '../support/chromium.js';
import { explorerHtml } from '../../src/jobs/explore.js';
import { readExplorerTemplate, shippedScenarios } from '../../src/store/explorer-write.js';
import { tempDir } from '../support/cli.js';

if (!hasChromium) console.warn(`explorer problems test skipped: ${CHROMIUM} is missing`);

let browser: Browser | undefined;
let pageUrl = '';
let bekasiText = '';

beforeAll(async () => {
  if (!hasChromium) return;
  const shipped = shippedScenarios();
  const bekasi = shipped.find((s) => s.name === 'bekasi-2015-2025')!;
  // One replication: the first run on load ends soon, and draws no chart (the page draws them from two
  // replications on); nothing here is about the results, only the problems of a text pasted after it.
  bekasiText = bekasi.text.replace(/^replications: \d+/m, 'replications: 1');
  const file = join(tempDir('difusi-explorer-problems-'), 'difusi-explorer.html');
  writeFileSync(file, explorerHtml(readExplorerTemplate(), [{ ...bekasi, text: bekasiText }]));
  pageUrl = pathToFileURL(file).href;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const HOSTILE = '<img src=x onerror="window.pwned = 1">';

describe.skipIf(!hasChromium)('the problems on the Indonesian page', () => {
  test('in Indonesian, switched with the language, a hostile field name shown as text', async () => {
    const { page, problems } = await watchedPageIn(browser!, { viewport: { width: 1366, height: 900 } });
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => Number(document.body.dataset['runCount']) >= 1);
    await page.selectOption('#lang', 'id');
    const broken = bekasiText.replace('months: 132', 'months: many').replace(/^seed: (\d+)$/m, `seed: $1\n${JSON.stringify(HOSTILE)}: 4`);
    await page.fill('#source', broken);
    await page.click('#load');
    await page.waitForFunction(() => document.body.dataset['runState'] === 'invalid');
    const monthsLine = broken.split('\n').findIndex((l) => l === 'months: many') + 1;
    const hostileLine = broken.split('\n').findIndex((l) => l.startsWith('"<img')) + 1;
    const items = () => page.locator('#issues li span').allInnerTexts();
    const shown = await items();
    expect(shown).toHaveLength(2);
    expect(shown[0]).toBe(`pasted.yaml:${monthsLine}:9 Jenis nilai salah → di months (seharusnya bilangan bulat dalam [1; 1200], ditemukan "many")`);
    const second = (await items())[1]!;
    expect(second).toMatch(new RegExp(`^pasted\\.yaml:${hostileLine}:1 Isian tidak dikenal "<img src=x onerror=\\\\"window\\.pwned = 1\\\\">" → di `));
    expect(second).toContain('(seharusnya salah satu dari "');
    // The scenario's string is text: no element made of it, nothing run.
    expect(await page.evaluate(() => ({ img: document.querySelectorAll('#issues img').length, pwned: (window as unknown as { pwned?: unknown }).pwned ?? null }))).toEqual({ img: 0, pwned: null });
    expect(await page.textContent('#issues-title')).toBe('Masalah (seperti yang dilaporkan difusi validate)');
    // English again: the command line's lines.
    await page.selectOption('#lang', 'en');
    expect((await items())[0]).toBe(`pasted.yaml:${monthsLine}:9 Wrong type → at months (expected an integer in [1,1200], found "many")`);
    await page.selectOption('#lang', 'id');
    expect((await items())[0]).toContain('Jenis nilai salah → di months');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);
});
