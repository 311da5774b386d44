/**
 * The explorer page in a real browser (Debian's chromium through
 * playwright-core, offline), for what an independent tester found in the
 * thirty-eighth session: the scenario YAML of a lever on a YAML anchor
 * downloads and `difusi run` on it gives the page's hash and table; one
 * replication draws its charts; an invalid text leaves no half-filled
 * sentence or earlier services on screen; the Seed and Replications problems
 * name the fields by their labels; a long service name or a long unbroken
 * token does not widen the page or hide a problem's line button; no chart is
 * named "Vega visualization".
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, runCount, runDoneAfter, watchedPageIn, type WatchedPage } from '../support/chromium.js';
import { explorerHtml } from '../../src/jobs/explore.js';
import { readExplorerTemplate, shippedScenarios } from '../../src/store/explorer-write.js';
import { executeRun } from '../../src/jobs/run.js';
import { readOutcomeTally } from '../../src/store/results-read.js';
import { parse as parseYaml } from 'yaml';

if (!hasChromium) console.warn(`explorer page test (s38) skipped: ${CHROMIUM} is missing`);

const ARTEFACTS = resolve('output/explorer-s38-test');
const SUSTAINED = readFileSync('scenarios/sustained-opd-owned.yaml', 'utf8').replace(/^replications: \d+$/m, 'replications: 4');
/** The two leaders share one commitment through a YAML anchor (the tester's hostile/alias.yaml). */
const ALIASED = SUSTAINED.replace('- { id: first-mayor, from: 2016-01, commitment: 0.7 }', '- { id: first-mayor, from: 2016-01, commitment: &c 0.7 }')
  .replace('- { id: second-mayor, from: 2021-01, commitment: 0.4 }', '- { id: second-mayor, from: 2021-01, commitment: *c }')
  .replace(/^levers:\n/m, 'levers:\n  - { path: "leaders[id=first-mayor].commitment", label: First mayor commitment, kind: slider, min: 0, max: 1, step: 0.1 }\n');
/** A service named in 280 characters, with spaces (within the 300 limit). */
const LONG_NAME = SUSTAINED.replace('name: Agency-owned e-service', `name: ${'Service '.repeat(35).trim()}`);
/** A problem whose message holds a 213-character token. */
const LONG_TOKEN = SUSTAINED.replace('opds: [owner-agency]', `opds: [owner-agency-${'x'.repeat(200)}]`);

let pageUrl = '';
let browser: Browser | null = null;

beforeAll(async () => {
  if (!hasChromium) return;
  if (!existsSync('dist/explorer/index.html')) execFileSync('node', ['scripts/build-explorer.mjs'], { stdio: 'inherit' });
  mkdirSync(ARTEFACTS, { recursive: true });
  expect(ALIASED).toContain('*c');
  expect(LONG_NAME).toContain('Service Service');
  const file = join(ARTEFACTS, 'difusi-explorer.html');
  writeFileSync(file, explorerHtml(readExplorerTemplate(), [{ name: 'aliased', file: 'aliased.yaml', text: ALIASED }, ...shippedScenarios()]));
  pageUrl = pathToFileURL(file).href;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh page on the aliased scenario, its first run (4 replications) done. */
async function freshPage(viewport = { width: 1366, height: 900 }): Promise<WatchedPage> {
  const open = await watchedPageIn(browser!, { viewport, acceptDownloads: true });
  await open.page.goto(pageUrl, { waitUntil: 'load' });
  await runDoneAfter(open.page, 0);
  return open;
}

/**
 * Runs `body` on a fresh page, then checks that the page logged no error or unhandled rejection, and closes it
 * (also when `body` fails).
 */
async function onFreshPage(body: (page: Page) => Promise<void>, viewport?: { width: number; height: number }): Promise<void> {
  const { page, problems } = await freshPage(viewport);
  try {
    await body(page);
    expect(problems).toEqual([]);
  } finally {
    await page.context().close();
  }
}

/** Puts a text in the scenario box and uses it; waits for its run when it is valid. */
async function useText(page: Page, text: string, valid = true): Promise<void> {
  const n = await runCount(page);
  await page.fill('#source', text);
  await page.click('#load');
  if (valid) await runDoneAfter(page, n);
  else await page.waitForFunction(() => document.body.dataset['runState'] === 'invalid');
}

/** Waits until no chart drawing is scheduled or under way. */
async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset['drawing'] !== 'true' && [...document.querySelectorAll<HTMLElement>('.chart')].every((c) => c.dataset['drawing'] !== 'true'));
}

describe.skipIf(!hasChromium)('the explorer page (thirty-eighth session)', () => {
  test('a lever on a YAML anchor: the scenario YAML downloads, describes what ran (the alias keeps 0.7), and difusi run on it gives the same hash and table', async () => {
    await onFreshPage(async (page) => {
      const lever = page.locator('input[data-path="leaders[id=first-mayor].commitment"]');
      const n = await runCount(page);
      await lever.focus();
      await page.keyboard.press('Home');
      await runDoneAfter(page, n);
      expect(await lever.inputValue()).toBe('0');
      const table = await page.$$eval('#outcomes tbody tr', (rows) =>
        Object.fromEntries(rows.map((tr) => [(tr as HTMLElement).dataset['innovation'], Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset['outcome'], [Number(td.dataset['p']), Number(td.dataset['low']), Number(td.dataset['high'])]]))])),
      );
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.click('#dl-yaml')]);
      const yamlFile = join(ARTEFACTS, download.suggestedFilename());
      await download.saveAs(yamlFile);
      expect(await page.textContent('#reproduce')).toContain('difusi run sustained-opd-owned-explore.yaml');
      const leaders = (parseYaml(readFileSync(yamlFile, 'utf8')) as { leaders: { id: string; commitment: number }[] }).leaders;
      expect(leaders.map((l) => [l.id, l.commitment])).toEqual([
        ['first-mayor', 0],
        ['second-mayor', 0.7],
      ]);
      const run = await executeRun({ file: yamlFile, outRoot: join(ARTEFACTS, 'runs'), workers: 1, command: 'difusi run' });
      expect(await page.textContent('#hash')).toBe(run.hash);
      for (const s of (await readOutcomeTally(run.dir))!.shares()) {
        for (const o of ['sustained', 'declining', 'discontinued', 'never_adopted'] as const) expect(table[s.innovation]![o]).toEqual([s.shares[o].p, s.shares[o].low, s.shares[o].high]);
      }
    });
  }, 180_000);

  test('one replication: both charts drawn (a mean line), their SVG and PNG downloads work', async () => {
    await onFreshPage(async (page) => {
      await page.selectOption('#lang', 'id');
      const n = await runCount(page);
      await page.fill('#reps', '1');
      await page.press('#reps', 'Tab');
      await runDoneAfter(page, n);
      await chartsDrawn(page);
      await page.waitForSelector('#chart-survival svg');
      expect(await page.locator('#chart-adoption svg').count()).toBe(1);
      for (const which of ['adoption', 'survival']) {
        for (const format of ['svg', 'png']) {
          const button = page.locator(`button[data-export="${which}"][data-format="${format}"]`);
          expect(await button.isDisabled()).toBe(false);
          const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), button.click()]);
          expect(download.suggestedFilename()).toBe(`sustained-opd-owned-explore-${which}.${format}`);
        }
      }
    });
  }, 180_000);

  test('no chart is named "Vega visualization": each is named by its own description, in the page\'s language', async () => {
    await onFreshPage(async (page) => {
      await page.selectOption('#lang', 'id');
      await chartsDrawn(page);
      await page.waitForSelector('#chart-survival svg');
      const named = await page.$$eval('.chart *', (all) => all.filter((e) => e.hasAttribute('aria-label')).map((e) => `${e.tagName.toLowerCase()} ${e.getAttribute('role')}: ${e.getAttribute('aria-label')}`));
      expect(await page.locator('.chart [role="graphics-document"], .chart [aria-label="Vega visualization"]').count()).toBe(0);
      expect(named).toHaveLength(2);
      for (const x of named) expect(x).toMatch(/^svg img: .*(Adopsi|proporsi|layanan)/i);
    });
  }, 180_000);

  test('an invalid text leaves no half-filled sentence or earlier services on screen', async () => {
    await onFreshPage(async (page) => {
      const inspectRep = () => page.evaluate(() => (document.getElementById('inspect-rep') as HTMLSelectElement).options.length);
      expect(await inspectRep()).toBeGreaterThan(0);
      await useText(page, SUSTAINED.replace('months: 108', 'months: many'), false);
      for (const lang of ['en', 'id']) {
        await page.selectOption('#lang', lang);
        const shown = await page.evaluate(() => ({
          defs: document.getElementById('outcome-defs')!.textContent,
          caption: document.getElementById('outcomes-title')!.textContent!.trim(),
          services: (document.getElementById('inspect-service') as HTMLSelectElement).options.length,
          reps: (document.getElementById('inspect-rep') as HTMLSelectElement).options.length,
          month: document.getElementById('month-label')!.textContent,
          network: document.getElementById('network')!.children.length,
          events: document.getElementById('events')!.children.length,
        }));
        expect(shown, lang).toEqual({ defs: '', caption: '', services: 0, reps: 0, month: '', network: 0, events: 0 });
      }
      // Valid again: the sentences come back, with the horizon.
      await page.selectOption('#lang', 'en');
      await useText(page, ALIASED);
      expect(await page.textContent('#outcome-defs')).toContain('2024-12');
    });
  }, 180_000);

  test('the Seed and Replications problems name their fields by their labels, in both languages', async () => {
    await onFreshPage(async (page) => {
      for (const [lang, reps, seed] of [
        ['en', 'Invalid value for Replications (expected a whole number from 1 to 100000, found 0)', 'Invalid value for Seed (expected'],
        ['id', 'Nilai tidak valid untuk Replikasi (seharusnya bilangan bulat dari 1 sampai 100000, ditemukan 0)', 'Nilai tidak valid untuk Benih acak (seed) (seharusnya'],
      ] as const) {
        await page.selectOption('#lang', lang);
        await page.fill('#reps', '0');
        await page.fill('#seed', '1.5');
        await page.press('#seed', 'Tab');
        await expect.poll(() => page.locator('#issues li').allInnerTexts(), { timeout: 15_000 }).toHaveLength(2);
        const listed = (await page.locator('#issues li').allInnerTexts()).join('\n');
        expect(listed).toContain(reps);
        expect(listed).toContain(seed);
        expect(listed).not.toMatch(/→ (at|di) (seed|replications)|untuk replications|for replications/);
        // Each opens with its words, not with the internal name of the page's fields.
        expect(listed).not.toMatch(/^explorer/m);
        expect(await page.textContent('#page-problem')).toContain(reps);
        const n = await runCount(page);
        await page.fill('#seed', '101');
        await page.fill('#reps', '4');
        await page.press('#reps', 'Tab');
        await runDoneAfter(page, n);
      }
    });
  }, 180_000);

  test('1280 px: a 280-character service name widens neither the page, its service selector nor its charts', async () => {
    await onFreshPage(async (page) => {
      await useText(page, LONG_NAME);
      await chartsDrawn(page);
      await page.waitForSelector('#chart-survival svg');
      const sizes = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        results: document.getElementById('results')!.getBoundingClientRect().right,
        select: document.getElementById('inspect-service')!.getBoundingClientRect().width,
        charts: [...document.querySelectorAll('.chart svg')].map((s) => Number(s.getAttribute('width'))),
      }));
      expect(sizes.page).toBeLessThanOrEqual(1280);
      expect(sizes.results).toBeLessThanOrEqual(1280);
      expect(sizes.select).toBeLessThan(600);
      expect(sizes.charts.length).toBe(2);
      for (const w of sizes.charts) expect(w).toBeLessThanOrEqual(900);
      const [png] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.click('button[data-export="adoption"][data-format="png"]')]);
      const pngFile = join(ARTEFACTS, 'long-name-adoption.png');
      await png.saveAs(pngFile);
      // PNG width (bytes 16-19 of its IHDR), drawn at 2x: it was 6,106 px.
      expect(readFileSync(pngFile).readUInt32BE(16)).toBeLessThanOrEqual(1800);

    }, { width: 1280, height: 900 });
  }, 180_000);

  test('a problem with a long unbroken token keeps its line button on its panel, clickable', async () => {
    await onFreshPage(async (page) => {
      await useText(page, LONG_TOKEN, false);
      const go = page.locator('#issues button').first();
      await go.scrollIntoViewIfNeeded();
      const where = await page.evaluate(() => {
        const b = document.querySelector('#issues button')!.getBoundingClientRect();
        const controls = document.getElementById('controls')!.getBoundingClientRect();
        const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        return { inside: b.left >= controls.left && b.right <= controls.right, hit: hit === document.querySelector('#issues button'), page: document.documentElement.scrollWidth };
      });
      expect(where).toEqual({ inside: true, hit: true, page: 1280 });
      await go.click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('source');
    }, { width: 1280, height: 900 });
  }, 180_000);
});
