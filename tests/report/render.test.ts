import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { buildCharts } from '../../src/report/charts.js';
import { fontMetrics } from '../../src/report/font-metrics.js';
import { fontFiles, renderPng, renderSvg } from '../../src/report/render.js';
import type { ResultSet } from '../../src/report/rows.js';
import { fixture, RUN_DIR } from './helpers.js';

let run: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
});

describe('DejaVu Sans metrics (the font resvg draws with)', () => {
  const regular = fontMetrics(readFileSync(fontFiles().regular));
  const bold = fontMetrics(readFileSync(fontFiles().bold));

  test('advance widths from the TTF', () => {
    // DejaVu Sans: 2048 units per em; 'M' advances 1767, digits 1303, space 651.
    expect(regular.width('M', 2048)).toBe(1767);
    expect(regular.width('0123456789', 2048)).toBe(13030);
    expect(regular.width(' ', 2048)).toBe(651);
    expect(bold.width('M', 10)).toBeGreaterThan(regular.width('M', 10));
    expect(regular.width('', 11)).toBe(0);
    expect(regular.width('−×…', 11)).toBeGreaterThan(0); // non-ASCII glyphs used in labels
  });
});

describe('rendering', () => {
  test('the same spec renders to the same SVG bytes, whatever the time zone', async () => {
    const spec = buildCharts(run).find((c) => c.name === 'adoption')!.spec;
    const tz = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      const a = await renderSvg(spec);
      const b = await renderSvg(spec);
      process.env['TZ'] = 'Asia/Jakarta';
      const c = await renderSvg(spec);
      process.env['TZ'] = 'America/Los_Angeles';
      const d = await renderSvg(spec);
      expect(b).toBe(a);
      expect(c).toBe(a);
      expect(d).toBe(a);
      expect(a.startsWith('<svg')).toBe(true);
      expect(a).toContain('font-family="DejaVu Sans"');
      expect(a).toContain('2022-01'); // date labels on the axis
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });

  test('every run chart renders; ids restart in each chart (for byte stability)', async () => {
    for (const c of buildCharts(run)) {
      const svg = await renderSvg(c.spec);
      expect(svg.length).toBeGreaterThan(1000);
      expect(svg).toBe(await renderSvg(c.spec));
    }
  });

  test('text from the scenario is escaped in the SVG', async () => {
    const spec: TopLevelSpec = {
      data: { values: [{ x: 1, label: '<script>alert("x")</script> & co' }] },
      mark: 'text',
      encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'label' } },
    };
    const svg = await renderSvg(spec);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  test('a spec asking for external data is refused', async () => {
    const spec: TopLevelSpec = { data: { url: 'https://example.org/data.csv' }, mark: 'point', encoding: {} };
    await expect(renderSvg(spec)).rejects.toThrow(/refused/);
  });

  test('PNG: twice the SVG size, drawn with the shipped font only, same bytes twice', async () => {
    const spec = buildCharts(run).find((c) => c.name === 'stages')!.spec;
    const svg = await renderSvg(spec);
    const png = renderPng(svg);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    const [w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number) as [number, number];
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([2 * w, 2 * h]);
    expect(Buffer.from(renderPng(svg)).equals(Buffer.from(png))).toBe(true);
  });
});
