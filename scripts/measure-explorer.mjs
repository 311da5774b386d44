#!/usr/bin/env node
/**
 * Measures the explorer: the time the page takes for a scenario's replications
 * in headless Chromium (its own Web Workers, one per core) and, in the same
 * run, the time the same replications take in Node on one thread with the
 * same engine, so the result can be read as a ratio on a busy machine.
 *
 *   npm run build && node scripts/measure-explorer.mjs [replications=200] [repeats=3]
 *
 * Needs /usr/bin/chromium. Prints one line per repeat and the medians.
 */
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { explorerHtml } from '../dist/src/jobs/explore.js';
import { readExplorerTemplate, shippedScenarios } from '../dist/src/store/explorer-write.js';
import { parseSource, applySetting } from '../dist/src/explorer/setting.js';
import { runJob } from '../dist/src/explorer/engine.js';

const R = Number(process.argv[2] ?? 200);
const repeats = Number(process.argv[3] ?? 3);
const bekasi = shippedScenarios().find((s) => s.name === 'bekasi-2015-2025');
const dir = mkdtempSync(join(tmpdir(), 'difusi-measure-'));
const file = join(dir, 'explorer.html');
writeFileSync(file, explorerHtml(readExplorerTemplate(), [bekasi]));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, offline: true })).newPage();
await page.goto(pathToFileURL(file).href);
await page.waitForFunction(() => document.body.dataset.runState === 'done', null, { timeout: 300_000 });
const cores = await page.evaluate(() => navigator.hardwareConcurrency);

const parsed = parseSource(bekasi.text, bekasi.file);
const scenario = applySetting(parsed.input, { replications: R }, bekasi.file).scenario;
const browserTimes = [];
const nodeTimes = [];
for (let k = 0; k < repeats; k++) {
  const before = await page.evaluate(() => Number(document.body.dataset.runCount));
  await page.fill('#reps', String(R));
  await page.click('#run');
  await page.waitForFunction((n) => Number(document.body.dataset.runCount) > n && document.body.dataset.runState === 'done', before, { timeout: 300_000 });
  const seconds = Number(await page.getAttribute('#status', 'data-seconds'));
  const t0 = performance.now();
  runJob({ type: 'job', job: 1, scenario, indices: Array.from({ length: R }, (_, r) => r), detail: 10 }, () => undefined);
  const nodeSeconds = (performance.now() - t0) / 1000;
  browserTimes.push(seconds);
  nodeTimes.push(nodeSeconds);
  console.log(`repeat ${k + 1}: chromium ${seconds.toFixed(2)} s on ${cores} workers; node 1 thread ${nodeSeconds.toFixed(2)} s; ratio ${(seconds / nodeSeconds).toFixed(2)}; load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
}
console.log(`median: chromium ${median(browserTimes).toFixed(2)} s, node 1 thread ${median(nodeTimes).toFixed(2)} s for ${R} Bekasi replications (ratio ${(median(browserTimes) / median(nodeTimes)).toFixed(2)})`);
await browser.close();
