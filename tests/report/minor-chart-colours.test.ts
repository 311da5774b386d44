/**
 * Two small chart defects a tester found: the adoption chart drew the CCTV service in black, the
 * colour of the leadership rules, and the SPBE service in grey, like the regulation rules; and the
 * Callon chart's problematization line at 1.0 sat on the panel's top border and read as its frame.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { runCharts } from '../../src/report/charts.js';
import { OKABE_ITO, serviceScale } from '../../src/report/palette.js';
import type { ResultSet } from '../../src/report/rows.js';
import { fixture, RUN_DIR, units } from './helpers.js';

let run: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
});

describe('service colours and rule colours', () => {
  test('no service is black or grey, the colours of the leadership and regulation rules (nine services all distinct)', () => {
    const ids = Array.from({ length: 9 }, (_, i) => `s${i}`);
    const { range } = serviceScale(ids, ids);
    expect(new Set(range).size).toBe(9);
    for (const c of [OKABE_ITO.black, OKABE_ITO.grey, '#222222']) expect(range).not.toContain(c);
  });
});

describe('the Callon chart', () => {
  test('a share panel runs a little above 1, ticks at 0, 0.5 and 1', () => {
    const chart = runCharts(run).find((c) => c.name === 'callon')!;
    const lines = units(chart.spec).filter((u) => u.mark === 'line');
    expect(lines.length).toBeGreaterThan(0);
    for (const { unit } of lines) {
      const y = (unit['encoding'] as Record<string, { scale: { domain: number[] }; axis: { values: number[] } }>)['y']!;
      expect(y.scale.domain[1]).toBeGreaterThan(1);
      expect(y.axis.values).toEqual([0, 0.5, 1]);
    }
  });
});
