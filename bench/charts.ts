/**
 * What drawing a report's charts costs: the six charts of a small city run
 * (tests/support/small-city.yaml, 4 replications), each figure the median
 * CPU milliseconds (user + system, process.cpuUsage) over fresh processes.
 *
 *  1. Loading the renderer (report/render.js with vega and vega-lite) as tsc
 *     wrote it (dist/src, some 110 module files of vega's and d3's) and as
 *     bundled for `difusi` (the dist/cli chunk that holds it,
 *     scripts/build-cli.mjs), the two alternating.
 *  2. The phases of the six SVGs, done step by step as render.ts does them
 *     (vega-lite compile; vega parse and View set-up; dataflow run and SVG
 *     text), then the six PNGs (resvg on libuv's threads, their CPU
 *     included), and the whole of report-write.ts `renderCharts` with PNGs
 *     in a process of its own (what a run's report waits for).
 *
 *   node dist/bench/charts.js [rounds=5]
 *
 * The machine is shared: compare figures of one run, not across runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './median.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '..');
const root = path.resolve(dist, '..');
const out = (s: string) => process.stdout.write(s + '\n');

/** CPU milliseconds (user + system) of this process since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

/** The dist/cli chunk that holds report/render.js (dist/cli/chunks.json). */
function bundledRenderer(): string | null {
  const file = path.join(dist, 'cli', 'chunks.json');
  if (!fs.existsSync(file)) return null;
  const chunks = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string[]>;
  const name = Object.keys(chunks).find((c) => chunks[c]!.includes('dist/src/report/render.js'));
  return name === undefined ? null : path.join(dist, 'cli', name);
}

/** Child: one measurement, printed as JSON on stdout. */
async function child(mode: string, arg: string): Promise<void> {
  if (mode === 'load') {
    const t = process.cpuUsage();
    await import(pathToFileURL(arg).href);
    out(JSON.stringify({ load: cpuMs(t) }));
    return;
  }
  const { readResults } = await import('../src/store/results-read.js');
  const { buildCharts } = await import('../src/report/charts.js');
  const render = await import('../src/report/render.js');
  const { renderCharts } = await import('../src/store/report-write.js');
  const { safeStrings } = await import('../src/messages/safe-text.js');
  const vega = await import('vega');
  const charts = buildCharts(await readResults(arg), 'en');
  if (mode === 'report') {
    const t = process.cpuUsage();
    await renderCharts(charts, { png: true });
    out(JSON.stringify({ 'renderCharts (SVG + PNG)': cpuMs(t) }));
    return;
  }
  // Text metrics as render.ts installs them (its first SVG), outside the timed phases.
  await render.renderSvg(charts[0]!.spec);
  const phases: Record<string, number> = { 'vega-lite compile': 0, 'vega parse + View': 0, 'dataflow + SVG text': 0 };
  const svgs: string[] = [];
  for (const entry of charts) {
    let t = process.cpuUsage();
    const compiled = render.compileChart(safeStrings(entry.spec)).vega;
    phases['vega-lite compile']! += cpuMs(t);
    t = process.cpuUsage();
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
    phases['vega parse + View']! += cpuMs(t);
    t = process.cpuUsage();
    vega.resetSVGDefIds();
    svgs.push(await view.toSVG());
    view.finalize();
    phases['dataflow + SVG text']! += cpuMs(t);
  }
  const batch = new render.PngFontBatch();
  const t = process.cpuUsage();
  await Promise.all(svgs.map((svg) => render.renderPngAsync(svg, { scale: 2, fonts: batch })));
  phases['PNGs (resvg, all threads)'] = cpuMs(t);
  batch.close();
  out(JSON.stringify(phases));
}


async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'difusi-bench-charts-'));
  try {
    const cli = path.join(dist, 'src', 'cli', 'main.js');
    const run = spawnSync(process.execPath, [cli, 'run', path.join(root, 'tests', 'support', 'small-city.yaml'), '-r', '4', '--no-charts', '-q', '--out', tmp], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`difusi run failed: ${run.stderr}`);
    const scenarioDir = path.join(tmp, 'small-city');
    const folder = path.join(scenarioDir, fs.readdirSync(scenarioDir)[0]!);
    const bundled = bundledRenderer();
    const jobs: [string, string][] = [
      ['load', path.join(dist, 'src', 'report', 'render.js')],
      ...(bundled === null ? [] : [['load', bundled] as [string, string]]),
      ['phases', folder],
      ['report', folder],
    ];
    const figures = new Map<string, number[]>();
    for (let r = 0; r < rounds; r++) {
      for (const [mode, arg] of jobs) {
        const c = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, arg], { encoding: 'utf8' });
        if (c.status !== 0) throw new Error(`bench child ${mode} failed: ${c.stderr}`);
        const label = mode === 'load' ? (arg === bundled ? 'load renderer, bundled (dist/cli chunk)' : 'load renderer, compiled (dist/src)') : '';
        for (const [k, v] of Object.entries(JSON.parse(c.stdout.trim().split('\n').pop()!) as Record<string, number>)) {
          const key = label || k;
          figures.set(key, [...(figures.get(key) ?? []), v]);
        }
      }
    }
    out(`chart drawing, six charts of a small city run: median CPU ms of ${rounds} fresh processes (load average ${os.loadavg()[0]!.toFixed(1)})`);
    for (const [k, v] of figures) out(`  ${k.padEnd(42)} ${median(v).toFixed(0).padStart(6)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await main();
