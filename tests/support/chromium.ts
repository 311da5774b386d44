/**
 * Debian's Chromium for the browser tests (report.html, the explorer):
 * launched headless with the flags this machine needs (no background
 * networking: the network is closed), an offline context, and a page whose
 * console errors, page errors and requests are collected for the test to
 * assert on.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface WatchedPage {
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors and warnings, page errors, failed requests. */
  readonly problems: string[];
  /** Every URL the page requested. */
  readonly requests: string[];
}

/** Launches Chromium with this machine's flags; close it when done. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Opens an offline page in `browser` (its own context) that records what went wrong. */
export async function watchedPageIn(browser: Browser, context: BrowserContextOptions): Promise<WatchedPage> {
  const opened = await browser.newContext({ offline: true, ...context });
  // Each wait of the browser tests is for a state of the page (loaded, a run done, a selector shown), and
  // its bound only guards a hang: Playwright's default bound of 30 s (page.goto, waitForFunction, clicks)
  // was a speed limit, which loading the explorer (a few seconds on 2 idle cores) nears on a loaded machine.
  // The runs' own waits allow 90 s; the tests' timeouts stay the outer bound.
  opened.setDefaultTimeout(90_000);
  const page = await opened.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  return { browser, page, problems, requests };
}

/** Launches Chromium and opens an offline page that records what went wrong; close `browser` when done. */
export async function openWatchedPage(context: BrowserContextOptions): Promise<WatchedPage> {
  return watchedPageIn(await launchChromium(), context);
}

/** How many runs the explorer page has started (its body's data-run-count). */
export const runCount = (page: Page): Promise<number> => page.evaluate(() => Number(document.body.dataset['runCount'] ?? '0'));

/**
 * Waits until a run after run number `n` has finished. On a timeout it says
 * what the page showed (run count and state, status line, fields), so that a
 * run that never started can be told from one that never finished (once seen
 * in a full suite on a fresh clone, not reproduced alone).
 */
export async function runDoneAfter(page: Page, n: number): Promise<void> {
  try {
    await page.waitForFunction((k) => Number(document.body.dataset['runCount']) > k && document.body.dataset['runState'] === 'done', n, { timeout: 90_000 });
  } catch (error) {
    const seen = await page.evaluate(() => ({
      runCount: document.body.dataset['runCount'],
      runState: document.body.dataset['runState'],
      drawing: document.body.dataset['drawing'],
      status: document.getElementById('status')?.textContent,
      reps: (document.getElementById('reps') as HTMLInputElement | null)?.value,
      seed: (document.getElementById('seed') as HTMLInputElement | null)?.value,
    }));
    throw new Error(`no run after run ${n} finished within 90 s; the page shows ${JSON.stringify(seen)}: ${String(error)}`);
  }
}

/** Pins the finished run as the baseline, moves lever `path` to its end, and waits for the run that follows. */
export async function pinThenMoveLever(page: Page, path: string): Promise<void> {
  await page.click('#pin');
  const n = await runCount(page);
  await page.locator(`input[data-path="${path}"]`).focus();
  await page.keyboard.press('End');
  await runDoneAfter(page, n);
}

/** Opens the explorer page `url` on a fresh page of `browser` (1366 x 900), waits for its first run, runs `body`, checks the page logged no problem, closes it. */
export async function onFreshExplorerPage(browser: Browser, url: string, body: (page: Page) => Promise<void>): Promise<void> {
  const { page, problems } = await watchedPageIn(browser, { viewport: { width: 1366, height: 900 } });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await runDoneAfter(page, 0);
    await body(page);
    expect(problems).toEqual([]);
  } finally {
    await page.context().close();
  }
}
