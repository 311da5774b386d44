/**
 * A Morris sensitivity analysis gets no sweep heat map: its trajectories
 * are not a balanced grid, so a cell's mean over two factors mixes in the
 * values the other factors happened to have there (confounding that reads
 * as an interaction). A sweep keeps its heat map.
 */
import { describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import type { ResultSet } from '../../src/report/rows.js';
import { fixture, SENSITIVITY_DIR, SWEEP_DIR } from './helpers.js';

describe('heat map and Morris designs', () => {
  test('a sweep folder draws the heat map', async () => {
    const sweep = await fixture(SWEEP_DIR);
    expect(buildCharts(sweep).map((c) => c.name)).toContain('heatmap');
  });

  test('a Morris folder with the same design table does not', async () => {
    const sweep = await fixture(SWEEP_DIR);
    const sens = await fixture(SENSITIVITY_DIR);
    const results: ResultSet = { ...sweep, morris: sens.morris, sobol: [] };
    const names = buildCharts(results).map((c) => c.name);
    expect(names).not.toContain('heatmap');
    expect(names).toContain('morris');
  });
});
