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
import { existsSync, readdirSync, readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
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

/** CPU seconds (user + system) used so far by the descendants of a process (here: the browser's processes; Linux /proc, null elsewhere). */
function treeCpuSeconds(rootPid) {
  if (!existsSync('/proc') || rootPid === undefined) return null;
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended meanwhile.
    }
  }
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 50; p = procs.get(p)?.ppid ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, info] of procs) if (pid !== rootPid && inTree(pid)) ticks += info.ticks;
  return ticks / 100; // USER_HZ is 100 on Linux
}

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
const cpuTimes = [];
const pageCpuTimes = [];
for (let k = 0; k < repeats; k++) {
  const before = await page.evaluate(() => Number(document.body.dataset.runCount));
  await page.fill('#reps', String(R));
  const pageCpu0 = treeCpuSeconds(process.pid);
  await page.click('#run');
  await page.waitForFunction((n) => Number(document.body.dataset.runCount) > n && document.body.dataset.runState === 'done', before, { timeout: 300_000 });
  const seconds = Number(await page.getAttribute('#status', 'data-seconds'));
  const pageCpu1 = treeCpuSeconds(process.pid);
  if (pageCpu0 !== null && pageCpu1 !== null) pageCpuTimes.push(pageCpu1 - pageCpu0);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  runJob({ type: 'job', job: 1, scenario, indices: Array.from({ length: R }, (_, r) => r), detail: 10 }, () => undefined);
  const nodeSeconds = (performance.now() - t0) / 1000;
  // CPU time barely depends on how busy the machine is: on an idle machine the
  // page on K cores should take about cpu / K (plus the page's own drawing).
  const cpu = process.cpuUsage(cpu0);
  cpuTimes.push((cpu.user + cpu.system) / 1e6);
  browserTimes.push(seconds);
  nodeTimes.push(nodeSeconds);
  console.log(`repeat ${k + 1}: chromium ${seconds.toFixed(2)} s on ${cores} workers; node 1 thread ${nodeSeconds.toFixed(2)} s; ratio ${(seconds / nodeSeconds).toFixed(2)}; node CPU ${cpuTimes.at(-1).toFixed(2)} s; chromium CPU ${pageCpuTimes.at(-1)?.toFixed(2) ?? '?'} s; load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
}
console.log(`median: chromium ${median(browserTimes).toFixed(2)} s, node 1 thread ${median(nodeTimes).toFixed(2)} s for ${R} Bekasi replications (ratio ${(median(browserTimes) / median(nodeTimes)).toFixed(2)}); node CPU ${median(cpuTimes).toFixed(2)} s, so about ${(median(cpuTimes) / cores).toFixed(2)} s on ${cores} idle cores`);
if (pageCpuTimes.length > 0) console.log(`chromium CPU (all its processes: workers, page, drawing) ${median(pageCpuTimes).toFixed(2)} s, so about ${(median(pageCpuTimes) / cores).toFixed(2)} s on ${cores} idle cores`);
await browser.close();
