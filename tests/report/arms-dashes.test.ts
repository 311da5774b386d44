/**
 * The arms chart of a comparison with three arms told the base (blue) from the third arm (sky blue) by
 * hue alone, and the arm drawn last covered the base where they agree. Each arm now has its own line
 * style (strokeDash: the base solid) as well as its colour, and the legend draws both.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { experimentCharts } from '../../src/report/charts.js';
import type { ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture, units } from './helpers.js';

let cmp: ResultSet;
beforeAll(async () => {
  cmp = await fixture(COMPARE_DIR);
});

type Channel = { field?: string; scale?: { domain: string[]; range: unknown[] }; legend?: { symbolType?: string } };

describe('the arms chart', () => {
  test('every line layer gives each arm its own dash pattern, the base solid, with a legend of line symbols', () => {
    const chart = experimentCharts(cmp).find((c) => c.name === 'arms')!;
    const lines = units(chart.spec).filter((u) => u.mark === 'line');
    expect(lines.length).toBeGreaterThan(0);
    for (const { unit } of lines) {
      const enc = unit['encoding'] as Record<string, Channel>;
      const dash = enc['strokeDash']!;
      expect(dash.field).toBe('series');
      expect(dash.scale!.domain).toEqual(enc['color']!.scale!.domain);
      const patterns = dash.scale!.range.map((r) => JSON.stringify(r));
      expect(new Set(patterns).size).toBe(patterns.length);
      expect(patterns[0]).toBe('[1,0]');
      expect(dash.legend!.symbolType).toBe('stroke');
      expect(enc['color']!.legend!.symbolType).toBe('stroke');
    }
  });
});
