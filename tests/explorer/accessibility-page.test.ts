/**
 * The explorer page for keyboard, low-vision and screen-reader users (the
 * forty-first session's accessibility audit), in Debian's chromium: the focus
 * ring, and the network's focused agency's ring, stand out 3:1 from the page
 * (WCAG 1.4.11: the Okabe-Ito orange was 2.3:1), the events after the month
 * shown are readable text (4.5:1; #999 was 2.8:1); switched to Bahasa
 * Indonesia the page says so (html lang), and what it still shows in English
 * (a description without `description_id`, an Info page without `.id.md`)
 * is marked lang="en", as are the language picker's own names.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, onFreshExplorerPage } from '../support/chromium.js';
import { explorerHtml } from '../../src/jobs/explore.js';
import { readExplorerTemplate } from '../../src/store/explorer-write.js';

if (!hasChromium) console.warn(`explorer accessibility test skipped: ${CHROMIUM} is missing`);

const ARTEFACTS = resolve('output/explorer-a11y-test');
/** The sustained scenario in 4 replications, its Indonesian description taken out: English only. */
const ENGLISH_ONLY = readFileSync('scenarios/sustained-opd-owned.yaml', 'utf8')
  .replace(/^replications: \d+$/m, 'replications: 4')
  .replace(/^# The description in Bahasa Indonesia.*\n^description_id: >\n(^ {2}.*\n)+/m, '');

let pageUrl = '';
let browser: Browser | null = null;

beforeAll(async () => {
  if (!hasChromium) return;
  if (!existsSync('dist/explorer/index.html')) execFileSync('node', ['scripts/build-explorer.mjs'], { stdio: 'inherit' });
  expect(ENGLISH_ONLY).not.toMatch(/^description_id:/m);
  expect(ENGLISH_ONLY).toMatch(/^description:/m);
  mkdirSync(ARTEFACTS, { recursive: true });
  const file = join(ARTEFACTS, 'difusi-explorer.html');
  // An Info page in English only (no info_id).
  writeFileSync(file, explorerHtml(readExplorerTemplate(), [{ name: 'english-only', file: 'english-only.yaml', text: ENGLISH_ONLY, info: '# Notes\n\nWritten in English only.\n' }]));
  pageUrl = pathToFileURL(file).href;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Runs `body` on a fresh page after its first run, checks it logged no problem, closes it. */
const onFreshPage = (body: (page: Page) => Promise<void>): Promise<void> => onFreshExplorerPage(browser!, pageUrl, body);

/** The contrast ratio (WCAG 2.1) of a computed CSS colour against white. */
function contrastOnWhite(page: Page, color: string): Promise<number> {
  return page.evaluate((c) => {
    const [r, g, b] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
  }, color);
}

describe.skipIf(!hasChromium)('the explorer page: accessibility (forty-first session)', () => {
  test('the focus ring and the focused agency stand out 3:1 from the page; later events are 4.5:1 text', async () => {
    await onFreshPage(async (page) => {
      // Reached with the keyboard (so :focus-visible applies): Replications, then Tab to Run.
      await page.focus('#reps');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('run');
      const ring = await page.evaluate(() => ({ style: getComputedStyle(document.activeElement!).outlineStyle, color: getComputedStyle(document.activeElement!).outlineColor }));
      expect(ring.style).toBe('solid');
      expect(await contrastOnWhite(page, ring.color)).toBeGreaterThanOrEqual(3);
      // The network: one tab stop after Play; its focused agency is marked by a ring around it (its outer colour;
      // against every node fill too: field-problems-focus-ring-page.test.ts).
      await page.focus('#play');
      await page.keyboard.press('Tab');
      const stroke = await page.evaluate(() => {
        const e = document.activeElement!;
        const rings = [...e.closest('svg')!.querySelectorAll<SVGCircleElement>('.focus-ring circle')].sort((a, b) => a.r.baseVal.value - b.r.baseVal.value);
        return { tag: e.tagName.toLowerCase(), stroke: getComputedStyle(rings[rings.length - 1]!).stroke };
      });
      expect(stroke.tag).toBe('circle');
      expect(await contrastOnWhite(page, stroke.stroke)).toBeGreaterThanOrEqual(3);
      // An event after the month shown.
      const future = await page.evaluate(() => {
        const li = document.createElement('li');
        li.className = 'future';
        li.textContent = 'later';
        document.getElementById('events')!.append(li);
        const color = getComputedStyle(li).color;
        li.remove();
        return color;
      });
      expect(await contrastOnWhite(page, future)).toBeGreaterThanOrEqual(4.5);
    });
  });

  test('a wrong Seed is announced by the status line and read with the field (described by its problem)', async () => {
    await onFreshPage(async (page) => {
      expect(await page.getAttribute('#status', 'role')).toBe('status');
      await page.fill('#seed', '-5');
      await page.press('#seed', 'Tab');
      await page.waitForFunction(() => document.body.dataset['runState'] === 'invalid');
      expect(await page.getAttribute('#seed', 'aria-invalid')).toBe('true');
      const described = await page.evaluate(() => {
        const ids = document.getElementById('seed')!.getAttribute('aria-describedby') ?? '';
        return ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      });
      expect(described).toContain('Seed');
      expect(described).toContain('-5');
      expect(await page.textContent('#status')).toContain('problems');
      // Fixed: no longer invalid, no longer described by a problem.
      await page.fill('#seed', '7');
      await page.press('#seed', 'Tab');
      await page.waitForFunction(() => document.getElementById('seed')!.getAttribute('aria-invalid') === 'false');
      expect(await page.getAttribute('#seed', 'aria-describedby')).toBeNull();
    });
  });

  test('in Bahasa Indonesia the page says so, and marks what it shows in English lang="en"', async () => {
    await onFreshPage(async (page) => {
      const langs = () =>
        page.evaluate(() => ({
          page: document.documentElement.lang,
          description: document.getElementById('about-description')!.getAttribute('lang'),
          info: document.getElementById('about-info')!.getAttribute('lang'),
          options: [...document.querySelectorAll<HTMLOptionElement>('#lang option')].map((o) => `${o.value}:${o.lang}`),
        }));
      // In English: nothing marked apart from the picker's own names.
      expect(await langs()).toEqual({ page: 'en', description: null, info: null, options: ['en:en', 'id:id'] });
      await page.selectOption('#lang', 'id');
      await page.waitForFunction(() => document.documentElement.lang === 'id');
      // (In the closed "About" details: its English note not hidden, the page there.)
      expect(await page.locator('#about-english').getAttribute('hidden')).toBeNull();
      expect(await page.locator('#about-info').textContent()).toContain('Written in English only.');
      expect(await langs()).toEqual({ page: 'id', description: 'en', info: 'en', options: ['en:en', 'id:id'] });
      // Back in English: the marks go.
      await page.selectOption('#lang', 'en');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await langs()).toEqual({ page: 'en', description: null, info: null, options: ['en:en', 'id:id'] });
    });
  });
});
