/**
 * The sweep heat map's colour legend speaks as its panel subtitle does: a share's legend was labelled in
 * fractions (0.05 and 0.45) under a subtitle of "cells 5.0 % to 45.0 %"; it is now in percent at the
 * subtitle's decimals, with the language's percent sign and decimal separator (`5.0 %` in English,
 * `0,5%` in Indonesian). An outcome that is not a share keeps its own unit.
 */
import { describe, expect, test } from 'vitest';
import { heatmapSpec } from '../../src/report/specs/heatmap.js';
import { renderSvg } from '../../src/report/render.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import type { SweepTable } from '../../src/report/rows.js';

function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].flatMap((m) => m[1]!.split(/<[^>]+>/)).map((x) => x.trim()).filter((x) => x !== '');
}

function grid(outcome: string, value: (i: number, j: number) => number): SweepTable {
  return {
    parameters: ['parameters.takeover_vendor', 'parameters.champion_rotation'],
    outcomes: [outcome],
    rows: [0.15, 0.5, 0.75].flatMap((x, i) => [0.1, 0.2, 0.3].map((y, j) => ({ point: 3 * i + j, replication: 0, values: { 'parameters.takeover_vendor': x, 'parameters.champion_rotation': y, [outcome]: value(i, j) } }))),
  };
}

/** The legend's labels: the texts of the legend group (role-legend-label). */
function legendLabels(svg: string): string[] {
  const legend = svg.match(/<g class="mark-text role-legend-label"[\s\S]*?<\/g>/g) ?? [];
  return legend.flatMap(svgTexts);
}

describe("the heat map's colour legend", () => {
  test('a share in percent, as the subtitle (English)', async () => {
    const spec = heatmapSpec({ sweep: grid('live_share', (i, j) => 0.1 * (i + j) + 0.05), t: en });
    const svg = await renderSvg(spec);
    const labels = legendLabels(svg);
    expect(labels.length).toBeGreaterThan(1);
    for (const l of labels) expect(l, labels.join(' | ')).toMatch(/^\d+\.\d %$/);
    expect(labels).toEqual(['5.0 %', '45.0 %']);
    expect(JSON.stringify(spec)).toContain('cells 5.0 % to 45.0 %');
  });

  test('a share in percent with the Indonesian sign and decimal comma', async () => {
    const spec = heatmapSpec({ sweep: grid('live_share', (i, j) => 0.01 * (i + j) + 0.005), t: id });
    const labels = legendLabels(await renderSvg(spec));
    expect(labels).toEqual(['0,5%', '4,5%']);
    expect(JSON.stringify(spec)).toContain('sel 0,5% hingga 4,5%');
  });

  test('a count keeps its own unit', async () => {
    const labels = legendLabels(await renderSvg(heatmapSpec({ sweep: grid('discontinuations.total', (i, j) => 100 + 10 * (i + j)), t: en })));
    expect(labels.length).toBeGreaterThan(1);
    for (const l of labels) expect(l).toMatch(/^\d+$/);
  });
});
