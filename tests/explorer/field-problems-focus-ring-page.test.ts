/**
 * Two accessibility defects of the explorer page (forty-second session), in
 * Debian's chromium:
 * - the Seed and Replications fields were both described (aria-describedby)
 *   by one paragraph, so a screen reader read a wrong Seed's problem with
 *   Replications too: each is now described by its own problem only, and the
 *   line under the two fields reads as before;
 * - the network's focused agency was marked by a dark orange stroke on the
 *   node, 1.07:1 against the routinized blue (WCAG 1.4.11 asks 3:1 against
 *   the colours next to a focus indicator): its ring must stand out 3:1 from
 *   every fill the network draws (STATE_COLORS, read from the code) and from
 *   the page, and be drawn outside the node.
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
import { NODE_STATES, STATE_COLORS } from '../../src/explorer/network.js';

if (!hasChromium) console.warn(`explorer field-problem and focus-ring test skipped: ${CHROMIUM} is missing`);

const ARTEFACTS = resolve('output/explorer-s42-a11y-test');
/** The sustained scenario (agencies routinize) in 4 replications. */
const SUSTAINED = readFileSync('scenarios/sustained-opd-owned.yaml', 'utf8').replace(/^replications: \d+$/m, 'replications: 4');

/** A CSS colour (#rrggbb, or rgb()/rgba() as getComputedStyle gives it) as its three channels, 0-255. */
function channels(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)\s*)?\)$/.exec(color.trim());
  if (!rgb) throw new Error(`not a colour this test reads: ${color}`);
  if (rgb[4] !== undefined && Number(rgb[4]) !== 1) throw new Error(`a translucent colour: ${color}`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}

/** WCAG 2.1 relative luminance. */
function luminance(color: string): number {
  const [r, g, b] = channels(color).map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the contrast helper of this test', () => {
  test('gives the WCAG ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('rgb(255, 255, 255)', '#ffffff')).toBe(1);
    // The defect reported: the old orange ring on the routinized blue.
    expect(contrast('#B35900', STATE_COLORS.routinized)).toBeLessThan(1.1);
  });
});

let pageUrl = '';
let browser: Browser | null = null;

beforeAll(async () => {
  if (!hasChromium) return;
  if (!existsSync('dist/explorer/index.html')) execFileSync('node', ['scripts/build-explorer.mjs'], { stdio: 'inherit' });
  expect(SUSTAINED).toMatch(/^replications: 4$/m);
  mkdirSync(ARTEFACTS, { recursive: true });
  const file = join(ARTEFACTS, 'difusi-explorer.html');
  writeFileSync(file, explorerHtml(readExplorerTemplate(), [{ name: 'sustained', file: 'sustained.yaml', text: SUSTAINED }]));
  pageUrl = pathToFileURL(file).href;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Runs `body` on a fresh page after its first run, checks it logged no problem, closes it. */
const onFreshPage = (body: (page: Page) => Promise<void>): Promise<void> => onFreshExplorerPage(browser!, pageUrl, body);

/** What a screen reader reads with a field as its description: the texts of the elements its aria-describedby names. */
function description(page: Page, id: string): Promise<string> {
  return page.evaluate((field) => {
    const ids = (document.getElementById(field)!.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x !== '');
    return ids.map((x) => document.getElementById(x)?.textContent ?? '').join(' ');
  }, id);
}

/** Types a value into a field and leaves it, as a user does. */
async function type(page: Page, selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.press(selector, 'Tab');
}

/** The problems listed in the Scenario panel (each field's problem, with its label). */
const listed = (page: Page): Promise<string[]> => page.locator('#issues li').allInnerTexts();

describe.skipIf(!hasChromium)('the explorer page: each field read with its own problem; the network focus ring (forty-second session)', () => {
  test('a wrong Seed describes the Seed only, a wrong Replications the Replications only, both wrong each their own; the line under them reads as before', async () => {
    await onFreshPage(async (page) => {
      for (const [lang, seedLabel, repsLabel] of [
        ['en', 'Seed', 'Replications'],
        ['id', 'Benih acak (seed)', 'Replikasi'],
      ] as const) {
        await page.selectOption('#lang', lang);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        const seed = await page.inputValue('#seed');
        const reps = await page.inputValue('#reps');

        // A wrong Seed: read with the Seed, not with Replications.
        await type(page, '#seed', '-5');
        await expect.poll(() => listed(page), { timeout: 15_000 }).toHaveLength(1);
        expect(await page.getAttribute('#seed', 'aria-invalid')).toBe('true');
        expect(await page.getAttribute('#reps', 'aria-invalid')).toBe('false');
        const seedOnly = await description(page, 'seed');
        expect(seedOnly, lang).toContain(seedLabel);
        expect(seedOnly, lang).toContain('-5');
        expect(await description(page, 'reps'), lang).toBe('');
        expect(await page.getAttribute('#reps', 'aria-describedby'), lang).toBeNull();
        // The visible line is the Seed's problem, as the Scenario panel lists it.
        expect((await listed(page))[0], lang).toContain(seedOnly);
        expect(await page.textContent('#page-problem'), lang).toBe(seedOnly);

        // A wrong Replications: read with Replications, not with the Seed.
        await page.fill('#seed', seed);
        await type(page, '#reps', '0');
        await page.waitForFunction(() => document.getElementById('seed')!.getAttribute('aria-invalid') === 'false');
        await expect.poll(() => listed(page), { timeout: 15_000 }).toHaveLength(1);
        const repsOnly = await description(page, 'reps');
        expect(repsOnly, lang).toContain(repsLabel);
        expect(repsOnly, lang).toMatch(/ 0\)$/);
        expect(repsOnly, lang).not.toContain(seedLabel);
        expect(await description(page, 'seed'), lang).toBe('');
        expect(await page.getAttribute('#seed', 'aria-describedby'), lang).toBeNull();
        expect(await page.textContent('#page-problem'), lang).toBe(repsOnly);

        // Both wrong: each its own problem; the line under them gives both, the Seed's first, as before.
        await type(page, '#seed', '1.5');
        await expect.poll(() => listed(page), { timeout: 15_000 }).toHaveLength(2);
        const seedBoth = await description(page, 'seed');
        const repsBoth = await description(page, 'reps');
        expect(seedBoth, lang).toContain(seedLabel);
        expect(seedBoth, lang).not.toContain(repsLabel);
        expect(seedBoth, lang).not.toContain(repsOnly);
        expect(repsBoth, lang).toBe(repsOnly);
        expect(repsBoth, lang).not.toContain(seedLabel);
        expect(repsBoth, lang).not.toContain(seedBoth);
        expect(await page.textContent('#page-problem'), lang).toBe(`${seedBoth} ${repsBoth}`);
        expect(await page.isVisible('#page-problem')).toBe(true);
        const items = await listed(page);
        expect(items.some((x) => x.includes(seedBoth)), lang).toBe(true);
        expect(items.some((x) => x.includes(repsBoth)), lang).toBe(true);
        if (lang === 'en') {
          // The English wording, unchanged.
          expect(await page.textContent('#page-problem')).toBe(
            'Invalid value for Seed (expected a whole number from 0 to 4294967295, found 1.5) Invalid value for Replications (expected a whole number from 1 to 100000, found 0)',
          );
        }

        // Both fixed: no description, no line, and the page runs again.
        await page.fill('#seed', seed);
        await type(page, '#reps', reps);
        await page.waitForFunction(() => document.body.dataset['runState'] !== 'invalid');
        expect(await page.getAttribute('#seed', 'aria-describedby')).toBeNull();
        expect(await page.getAttribute('#reps', 'aria-describedby')).toBeNull();
        expect(await page.isVisible('#page-problem')).toBe(false);
        await page.waitForFunction(() => document.body.dataset['runState'] === 'done');
      }
    });
  }, 180_000);

  test("the focused agency's ring stands out 3:1 from every node fill and from the page, drawn outside the node", async () => {
    await onFreshPage(async (page) => {
      // Reached with the keyboard (so :focus-visible applies): the network is one tab stop after Play.
      await page.focus('#play');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.matches('#network circle[data-index]'))).toBe(true);
      // The arrow keys to a routinized (blue) agency, the fill the old ring disappeared on.
      const count = await page.locator('#network circle[data-index]').count();
      for (let k = 0; k < count && (await page.evaluate(() => document.activeElement?.getAttribute('data-state'))) !== 'routinized'; k++) {
        await page.keyboard.press('ArrowRight');
      }
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-state'))).toBe('routinized');

      /** The focus indicator as drawn: the layers of the ring (innermost first) when one is shown, else the node's own stroke. */
      const indicator = () =>
        page.evaluate(() => {
          const node = document.activeElement as SVGCircleElement;
          const svg = node.ownerSVGElement!;
          const ring = svg.querySelector('.focus-ring');
          const shown = ring !== null && getComputedStyle(ring).display !== 'none' && getComputedStyle(ring).visibility !== 'hidden';
          const layer = (c: SVGCircleElement) => ({
            color: getComputedStyle(c).stroke,
            opacity: Number(getComputedStyle(c).strokeOpacity) * Number(getComputedStyle(c).opacity),
            width: parseFloat(getComputedStyle(c).strokeWidth),
            r: c.r.baseVal.value,
            cx: c.cx.baseVal.value,
            cy: c.cy.baseVal.value,
          });
          const layers = shown ? [...ring!.querySelectorAll<SVGCircleElement>('circle')].map(layer).sort((a, b) => a.r - b.r) : [layer(node)];
          // The page behind the network: the first opaque background up from it (the canvas is white).
          let page = 'rgb(255, 255, 255)';
          for (let e: Element | null = svg; e !== null; e = e.parentElement) {
            const bg = getComputedStyle(e).backgroundColor;
            if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
              page = bg;
              break;
            }
          }
          return {
            layers,
            node: { fill: getComputedStyle(node).fill, r: node.r.baseVal.value, outline: parseFloat(getComputedStyle(node).strokeWidth), cx: node.cx.baseVal.value, cy: node.cy.baseVal.value },
            page,
          };
        });

      const drawn = await indicator();
      expect(drawn.node.fill).toBe(`rgb(${channels(STATE_COLORS.routinized).join(', ')})`);
      expect(drawn.layers.length).toBeGreaterThan(0);
      for (const l of drawn.layers) expect(l.opacity).toBe(1);
      const outer = drawn.layers[drawn.layers.length - 1]!;
      // 3:1 against every fill the network can draw (the colours in the code), the focused node's own, and the page.
      const against = [...NODE_STATES.map((s) => [s, STATE_COLORS[s]] as const), ['focused node', drawn.node.fill] as const, ['page', drawn.page] as const];
      const ratios = Object.fromEntries(against.map(([name, color]) => [name, Math.round(contrast(outer.color, color) * 100) / 100]));
      expect(Object.entries(ratios).filter(([, r]) => r < 3)).toEqual([]);
      // Each layer of a ring stands out 3:1 from the next (a light gap does not lower it).
      for (let k = 1; k < drawn.layers.length; k++) expect(contrast(drawn.layers[k]!.color, drawn.layers[k - 1]!.color)).toBeGreaterThanOrEqual(3);
      // Drawn around the focused node and outside it: the node's fill and outline stay as they are.
      for (const l of drawn.layers) {
        expect(l.cx).toBeCloseTo(drawn.node.cx, 5);
        expect(l.cy).toBeCloseTo(drawn.node.cy, 5);
      }
      expect(drawn.layers[0]!.r - drawn.layers[0]!.width / 2).toBeGreaterThanOrEqual(drawn.node.r + drawn.node.outline / 2 - 1e-9);
      // Layers touch: no strip of page between them.
      for (let k = 1; k < drawn.layers.length; k++) {
        const a = drawn.layers[k - 1]!;
        const b = drawn.layers[k]!;
        expect(b.r - b.width / 2).toBeCloseTo(a.r + a.width / 2, 5);
      }
      await page.locator('#network').screenshot({ path: join(ARTEFACTS, 'focused-routinized.png') });

      // The ring goes with the focus: the next agency, then none once the focus leaves the network.
      await page.keyboard.press('ArrowRight');
      const next = await indicator();
      expect(next.layers[0]!.cx).toBeCloseTo(next.node.cx, 5);
      expect(next.layers[0]!.cy).toBeCloseTo(next.node.cy, 5);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('#network') ?? null)).toBeNull();
      expect(await page.evaluate(() => [...document.querySelectorAll('#network .focus-ring')].filter((g) => getComputedStyle(g).display !== 'none').length)).toBe(0);
    });
  }, 180_000);
});
