/**
 * Chart text readable on its background, 4.5:1 (WCAG 1.4.3; the forty-first
 * session's accessibility audit): the timeline lane's event labels, drawn in
 * their rule's colour, were vermillion (3.9:1), reddish purple (3.1:1) or, in
 * a comparison, an arm's colour (sky blue 2.3:1); they are now that hue
 * darkened, the rules unchanged. The sweep heat map's white numbers reached
 * 3.5:1 on viridis' teal cells (up to 55 % of the scale); the cut is now 43 %.
 */
import { scheme } from 'vega';
import { beforeAll, describe, expect, test } from 'vitest';
import { ARM_COLORS, OKABE_ITO } from '../../src/report/palette.js';
import type { ResultSet } from '../../src/report/rows.js';
import { scenarioFacts } from '../../src/report/scenario-facts.js';
import { runContext } from '../../src/report/charts.js';
import { labelInk, timelineLane, type TimeAxis } from '../../src/report/specs/common.js';
import { heatmapData } from '../../src/report/specs/heatmap.js';
import { fixture, RUN_DIR, units } from './helpers.js';

/** The contrast ratio (WCAG 2.1) of two colours, `#rrggbb`, `rgb(...)` or `white`/`black`. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const named: Record<string, string> = { white: '#ffffff', black: '#000000' };
    const hex = named[c] ?? c;
    const rgb = hex.startsWith('#') ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : (hex.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const [r, g, bl] = rgb.map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

let run: ResultSet;
let axis: TimeAxis;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
  axis = runContext(run).axis;
});

describe('timeline labels', () => {
  test('every label of every kind, and in every arm colour, reads 4.5:1 on white; the rules keep their colour', () => {
    const events = scenarioFacts(run.manifest.scenario.resolved).timeline;
    expect(new Set(events.map((e) => e.kind)).size).toBeGreaterThanOrEqual(3);
    const coloured = [...ARM_COLORS, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple].map((color, i) => ({ ...events[i % events.length]!, color }));
    for (const list of [events, coloured]) {
      const lane = timelineLane(list, axis)!;
      const texts = units(lane).filter((u) => u.mark === 'text').flatMap((u) => u.values);
      expect(texts.length).toBeGreaterThanOrEqual(list.length);
      for (const v of texts) expect(contrast(String(v['color']), 'white'), `${String(v['line'])} ${String(v['color'])}`).toBeGreaterThanOrEqual(4.5);
    }
    // The rules and ticks are drawn in the colours as given.
    const marks = JSON.stringify(timelineLane(coloured, axis));
    for (const c of ARM_COLORS) expect(marks).toContain(c);
  });

  test('labelInk keeps a dark colour, darkens a light one in its hue', () => {
    expect(labelInk('#222222')).toBe('#222222');
    expect(labelInk(OKABE_ITO.blue)).toBe(OKABE_ITO.blue);
    const ink = labelInk(OKABE_ITO.vermillion);
    expect(ink).not.toBe(OKABE_ITO.vermillion);
    expect(contrast(ink, 'white')).toBeGreaterThanOrEqual(4.5);
    // Same hue: the channels keep their order (red > green > blue for vermillion).
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(ink.slice(i, i + 2), 16)) as [number, number, number];
    expect(r > g && g >= b).toBe(true);
  });
});

describe('sweep heat map', () => {
  test("each cell's number reads 4.5:1 on its viridis colour", () => {
    const rows = [];
    let point = 0;
    // Means spread evenly over the whole colour scale (12 x 12 levels: shown as they are, not binned), 1/143 apart: finer
    // than the window in which both inks read 4.5:1 (42.4 % to 44.0 % of viridis), so a cut outside it fails here.
    for (let a = 0; a < 12; a++)
      for (let b = 0; b < 12; b++) {
        const m = (a + 12 * b) / 143;
        rows.push({ point: point++, replication: -1, n: 50, values: { 'parameters.takeover_vendor': a / 11, 'parameters.champion_rotation': b / 11, mean_usage: m }, ci: { mean_usage: [m - 0.001, m + 0.001] as [number, number] } });
      }
    const panel = heatmapData({ sweep: { parameters: ['parameters.takeover_vendor', 'parameters.champion_rotation'], outcomes: ['mean_usage'], rows } } as never).panels[0]!;
    const [d0, d1] = panel.domain as [number, number];
    const viridis = scheme('viridis') as (t: number) => string;
    expect(panel.values.length).toBe(144);
    for (const v of panel.values) {
      const f = Math.min(1, Math.max(0, (Number(v['mean']) - d0) / (d1 - d0)));
      expect(contrast(String(v['ink']), viridis(f)), `${Number(v['mean'])} at ${f} in ${String(v['ink'])} on ${viridis(f)}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
