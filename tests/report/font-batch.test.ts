/**
 * A report's PNGs are drawn with font subsets (report/font-subset.ts) written
 * once for all its charts (report/render.ts PngFontBatch): a subset is
 * written at the first chart that needs it, where each PNG wrote and
 * removed its own, and all are removed when the report's charts are drawn,
 * or have failed. The PNG bytes are those of each chart drawn alone
 * (tests/report/render-async.test.ts).
 */
import { existsSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ResultSet } from '../../src/report/rows.js';

// Every font file written by the modules under test, by its path.
const written = vi.hoisted(() => ({ fonts: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = ((file: unknown, ...rest: unknown[]) => {
    if (/difusi-fonts-.*\.ttf$/.test(String(file))) written.fonts.push(String(file));
    return (fs.writeFileSync as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.writeFileSync;
  return { ...fs, writeFileSync, default: { ...fs, writeFileSync } };
});

// The suite runs files in one process each fork (vitest isolate: false): modules
// another file imported are cached unmocked, so they are imported afresh here.
vi.resetModules();
const { buildCharts } = await import('../../src/report/charts.js');
const { subsetCharacters, subsetKey } = await import('../../src/report/font-subset.js');
const { renderPngAsync, renderSvg } = await import('../../src/report/render.js');
const { renderCharts } = await import('../../src/store/report-write.js');
const { fixture, RUN_DIR } = await import('./helpers.js');

let run: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
});
beforeEach(() => {
  written.fonts.length = 0;
});

describe("a report's font subsets", () => {
  test('each subset is written once for all the charts, and removed once they are drawn', async () => {
    const charts = buildCharts(run);
    const svgs = await Promise.all(charts.map((c) => renderSvg(c.spec)));
    const subsets = new Set(svgs.map((svg) => subsetKey(subsetCharacters(svg)!)));
    // The run report's charts share their subsets: fewer than one a chart.
    expect(subsets.size).toBeLessThan(charts.length);
    written.fonts.length = 0;
    const rendered = await renderCharts(charts, { png: true });
    // Regular and bold, once a subset (two a chart before).
    expect(written.fonts).toHaveLength(2 * subsets.size);
    expect(written.fonts.filter((f) => existsSync(f))).toEqual([]);
    // Drawn as each chart alone.
    for (const [i, svg] of svgs.entries()) expect(Buffer.from(rendered[i]!.png!).equals(Buffer.from(await renderPngAsync(svg))), charts[i]!.name).toBe(true);
  });

  test('a chart that fails after others are drawing: the subsets are removed all the same', async () => {
    const charts = buildCharts(run);
    // Data from a URL: refused (charts carry their data inline) while the first charts' PNGs draw.
    const broken = { ...charts[0]!, name: 'broken', spec: { data: { url: 'https://example.org/data.csv' }, mark: 'point' } as (typeof charts)[0]['spec'] };
    await expect(renderCharts([...charts.slice(0, 3), broken, ...charts.slice(3)], { png: true })).rejects.toThrow('chart "broken" could not be rendered');
    expect(written.fonts.length).toBeGreaterThan(0);
    expect(written.fonts.filter((f) => existsSync(f))).toEqual([]);
  });
});
