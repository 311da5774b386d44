/**
 * The explorer's event list ("Look inside one run") on the Indonesian page
 * (IDTRIAL30 A10): every bracket in Bahasa Indonesia, a regulation by its
 * name_id rather than its id, the budget climate with a decimal comma, and a
 * tooltip in words. It read `regulasi berlaku (spbe-master-plan-2022)`,
 * `guncangan anggaran dimulai (0.7)` and `pembelajaran dua putaran
 * (ownership)`, each with the raw kind as tooltip. A scenario's name in a
 * bracket is shown as text (scenario files are data). The English list is
 * unchanged. Debian's chromium through playwright-core, offline.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, watchedPageIn } from '../support/chromium.js';
import { explorerHtml } from '../../src/jobs/explore.js';
import { readExplorerTemplate, shippedScenarios } from '../../src/store/explorer-write.js';
import { tempDir } from '../support/cli.js';

if (!hasChromium) console.warn(`explorer event list test skipped: ${CHROMIUM} is missing`);

let browser: Browser | undefined;
let pageUrl = '';

/** Markup in the SPBE master plan's Indonesian name: it must be shown as written. */
const MARKED = 'Rencana induk <b id="made">SPBE</b>';

beforeAll(async () => {
  if (!hasChromium) return;
  const bekasi = shippedScenarios().find((s) => s.name === 'bekasi-2015-2025')!;
  // Four replications, all of them recording events (the page looks inside the first ten).
  const text = bekasi.text
    .replace(/^replications: \d+/m, 'replications: 4')
    .replace('name_id: Rencana induk Sistem Pemerintahan Berbasis Elektronik (SPBE)', `name_id: '${MARKED}'`);
  expect(text).toContain(MARKED);
  const file = join(tempDir('difusi-explorer-events-'), 'difusi-explorer.html');
  writeFileSync(file, explorerHtml(readExplorerTemplate(), [{ ...bekasi, text }]));
  pageUrl = pathToFileURL(file).href;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Every event line and tooltip of the first replications, for every service (the list shows one service and the
 * city-wide events). The replication and service lists are set in the page, each followed by the change event a
 * user's pick fires (as Playwright's selectOption does), and the list read at once: the page draws it again
 * within that event, and a list not drawn again for a pick fails the test. In one call, not two round trips
 * per pick: 64 picks through Playwright cost about 6 s of CPU, in the page under 1 s.
 */
async function eventLog(page: Page): Promise<{ text: string; title: string }[]> {
  return page.evaluate(() => {
    const seen = new Map<string, { text: string; title: string }>();
    const pick = (id: string, value: string) => {
      const select = document.getElementById(id) as HTMLSelectElement;
      const before = document.querySelector('#events button');
      select.value = value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      if (select.value !== value) throw new Error(`#${id} has no option ${value}`);
      if (before !== null && before.isConnected) throw new Error(`the event list was not drawn again for #${id} = ${value}`);
    };
    const values = (id: string) => [...document.querySelectorAll<HTMLOptionElement>(`#${id} option`)].map((o) => o.value);
    const services = values('inspect-service');
    for (const rep of values('inspect-rep')) {
      pick('inspect-rep', rep);
      for (const service of services) {
        pick('inspect-service', service);
        for (const b of document.querySelectorAll<HTMLButtonElement>('#events button')) {
          const e = { text: b.textContent ?? '', title: b.title };
          seen.set(`${e.text}\n${e.title}`, e);
        }
      }
    }
    return [...seen.values()];
  });
}

describe.skipIf(!hasChromium)('the event list on the Indonesian page', () => {
  test('brackets in Bahasa Indonesia, names not ids, a decimal comma, tooltips in words; English as before', async () => {
    const { page, problems } = await watchedPageIn(browser!, { viewport: { width: 1366, height: 900 } });
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => Number(document.body.dataset['runCount']) >= 1 && document.body.dataset['runState'] === 'done');
    await page.waitForSelector('#events button');
    await page.selectOption('#lang', 'id');
    const id = await eventLog(page);
    const texts = id.map((e) => e.text);
    expect(texts.length).toBeGreaterThan(20);
    // The regulation by its name_id, shown as written (no element made of its markup).
    expect(texts.filter((x) => x.endsWith(`regulasi berlaku (${MARKED})`)).length).toBeGreaterThan(0);
    expect(await page.locator('#events b, #made').count()).toBe(0);
    expect(texts.filter((x) => x.includes('(spbe-master-plan-2022)') || x.includes('(perda-02-2020)') || /\((mayor|acting-mayor|appointed-acting-mayor)-?[a-z-]*\)/.test(x))).toEqual([]);
    expect(texts.some((x) => x.includes('kepala daerah baru menjabat (Plt. Wali Kota Tri Adhianto (setelah penangkapan))'))).toBe(true);
    expect(texts.some((x) => x.endsWith('guncangan anggaran dimulai (iklim anggaran 0,7)'))).toBe(true);
    expect(texts.filter((x) => /\d\.\d/.test(x))).toEqual([]);
    // ("penggerak (champion)" is the glossary's word for the kind; an actor that withdraws is named in Indonesian.)
    expect(texts.filter((x) => /\((ownership|integration|reinvention|replacement|regulation|authority|random|vendor:[^)]*|platform:[^)]*)\)$/.test(x) || /dukungan \((leader|champion)\)$/.test(x))).toEqual([]);
    expect(texts.some((x) => /pembelajaran dua putaran \((kepemilikan|integrasi|penemuan ulang|migrasi ke layanan penerus)\)$/.test(x))).toBe(true);
    expect(id.filter((e) => !/^jenis peristiwa di events\.csv: [a-z_]+$/.test(e.title))).toEqual([]);
    // English: as before (the recorded cause, the kind as tooltip).
    await page.selectOption('#lang', 'en');
    const en = await eventLog(page);
    expect(en.some((e) => e.text.endsWith('regulation in force (spbe-master-plan-2022)') && e.title === 'regulation_start')).toBe(true);
    expect(en.some((e) => e.text.endsWith('budget shock begins (0.7)'))).toBe(true);
    expect(en.filter((e) => !/^[a-z_]+$/.test(e.title))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 240_000);
});
