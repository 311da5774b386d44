/**
 * Result folders accept in charts/ only the chart files a report draws
 * (isChartFile, src/store/folder-lock.ts); anything else stops a rerun so
 * that no user file is deleted. A chart added to the reports but not to that
 * list would make every rerun of its job refuse its own folder: this test
 * reads the chart names where the reports define them and checks each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isChartFile } from '../../src/store/folder-lock.js';
import { ROOT } from '../support/cli.js';

/** The chart names pushed in src/report/charts.ts (`name: 'adoption'`) and the national report's CHART_ORDER. */
function drawnChartNames(): string[] {
  const charts = readFileSync(join(ROOT, 'src', 'report', 'charts.ts'), 'utf8');
  const city = [...charts.matchAll(/\bname: '([a-z][a-z0-9-]*)'/g)].map((m) => m[1]!);
  const national = readFileSync(join(ROOT, 'src', 'jobs', 'national-report.ts'), 'utf8');
  const order = /const CHART_ORDER = \[([^\]]*)\]/.exec(national);
  if (order === null) throw new Error('CHART_ORDER not found in src/jobs/national-report.ts');
  const nat = [...order[1]!.matchAll(/'([a-z][a-z0-9-]*)'/g)].map((m) => m[1]!);
  return [...new Set([...city, ...nat])];
}

describe('chart files a report draws are known to the result folders', () => {
  it('every chart name of the city, experiment and national reports, as SVG and PNG, and the cohort charts', () => {
    const names = drawnChartNames();
    // The reports draw at least these many; fewer means the reading above broke, not the list.
    expect(names.length).toBeGreaterThanOrEqual(15);
    for (const n of names) {
      expect(isChartFile(`${n}.svg`), n).toBe(true);
      expect(isChartFile(`${n}.png`), n).toBe(true);
    }
    expect(isChartFile('national-cohorts-smart-city-movement.svg')).toBe(true);
  });

  it('a file no report draws is not a chart file', () => {
    for (const f of ['notes.svg', 'adoption.txt', 'my-chart.svg', 'adoption.svg.bak', 'national-cohorts-.svg']) expect(isChartFile(f), f).toBe(false);
  });
});
