/**
 * The report draws its PNGs on libuv's thread pool (renderPngAsync, several
 * at once): every chart of a run's report gives the same bytes as the
 * synchronous renderPng, and renderCharts returns them in chart order
 * whatever order the drawings finish in.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { renderPng, renderPngAsync, renderSvg } from '../../src/report/render.js';
import { renderCharts } from '../../src/store/report-write.js';
import type { ResultSet } from '../../src/report/rows.js';
import { fixture, RUN_DIR } from './helpers.js';

let run: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
});

describe('PNGs drawn off the main thread', () => {
  test('renderCharts: the same SVG and PNG bytes as rendering one chart after another synchronously, in chart order', async () => {
    const charts = buildCharts(run);
    expect(charts.length).toBeGreaterThan(2);
    const rendered = await renderCharts(charts, { png: true });
    expect(rendered.map((r) => r.entry.name)).toEqual(charts.map((c) => c.name));
    for (const [i, chart] of charts.entries()) {
      const svg = await renderSvg(chart.spec);
      expect(rendered[i]!.svg).toBe(svg);
      expect(Buffer.from(rendered[i]!.png!).equals(Buffer.from(renderPng(svg)))).toBe(true);
    }
  });

  test('renderPngAsync at another scale equals renderPng at that scale, not at the default', async () => {
    const svg = await renderSvg(buildCharts(run).find((c) => c.name === 'stages')!.spec);
    const async1 = await renderPngAsync(svg, { scale: 1 });
    expect(Buffer.from(async1).equals(Buffer.from(renderPng(svg, { scale: 1 })))).toBe(true);
    expect(Buffer.from(async1).equals(Buffer.from(renderPng(svg)))).toBe(false);
  });

  test('without PNGs, no PNG is drawn', async () => {
    const rendered = await renderCharts(buildCharts(run).slice(0, 2), { png: false });
    expect(rendered.map((r) => r.png)).toEqual([null, null]);
  });
});
