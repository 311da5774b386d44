/**
 * A Student t interval over 2-3 replications is wide: the adoption chart's band of agencies running a
 * service reached 129 in Bekasi, a city of 43 agencies (`run -r 2`). A band of a count is clipped to
 * 0..the agencies the service is open to (counted in agents.csv, or bounded from the scenario where a
 * folder has none: a comparison's arms), as a share's is to 0..1, and the subtitle says so.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { eligibleBounds, experimentCharts, runCharts } from '../../src/report/charts.js';
import { scenarioFacts } from '../../src/report/scenario-facts.js';
import type { ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture, RUN_DIR, units } from './helpers.js';

let run: ResultSet;
let cmp: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
  cmp = await fixture(COMPARE_DIR);
});

/** Every `live.<id>` row's interval widened to -100..+100 around the mean (as a t interval of 2 replications can be). */
function wide<T extends { metric: string; mean: number }>(rows: readonly T[]): T[] {
  return rows.map((r) => (r.metric.startsWith('live.') ? { ...r, ci_low: r.mean - 100, ci_high: r.mean + 100 } : r));
}

/** The largest `hi` of the band (area) layers of a chart. */
function bandTop(spec: unknown): number {
  return Math.max(...units(spec).filter((u) => u.mark === 'area').flatMap((u) => u.values.map((v) => Number(v['hi']))));
}

describe('bands are clipped to what is possible', () => {
  test('adoption: agencies running a service at most its eligible agencies (12 in the fixture)', () => {
    const chart = runCharts({ ...run, summary: wide(run.summary) }).find((c) => c.name === 'adoption')!;
    expect(bandTop(chart.spec)).toBe(12);
    expect((chart.spec.title as { subtitle: string[] }).subtitle).toContain('Bands are clipped to what is possible: 0 to 1 for a share, 0 to the eligible agencies for a count.');
  });

  test('adoption without agents.csv: bounded from the scenario', () => {
    const chart = runCharts({ ...run, agents: [], summary: wide(run.summary) }).find((c) => c.name === 'adoption')!;
    expect(bandTop(chart.spec)).toBe(12);
  });

  test('arms: a live count per arm at most the eligible agencies', () => {
    const chart = experimentCharts({ ...cmp, arms: wide(cmp.arms) }).find((c) => c.name === 'arms')!;
    const bounds = eligibleBounds(cmp.manifest.scenario.resolved, scenarioFacts(cmp.manifest.scenario.resolved).innovations, ['smart_health', 'bekasi_iconic'])!;
    expect(bounds).toEqual({ smart_health: 12, bekasi_iconic: 12 });
    expect(bandTop(chart.spec)).toBe(12);
    expect((chart.spec.title as { subtitle: string[] }).subtitle.join(' ')).toContain('Bands are clipped');
  });

  test('eligibleBounds: by id, by type (a generated agency counts where a type is listed), all', () => {
    const resolved = { opds: { generate: { count: 3, id_prefix: 'g' }, list: [{ id: 'a', type: 'dinas' }, { id: 'b', type: 'badan' }, { id: 'g2', type: 'badan' }] } };
    const innovations = [
      { id: 'all', name: null, launch: null, launchMonth: null, eligible: null, singleAgency: false },
      { id: 'ids', name: null, launch: null, launchMonth: null, eligible: ['a', 'g1'], singleAgency: false },
      { id: 'badan', name: null, launch: null, launchMonth: null, eligible: ['badan'], singleAgency: false },
    ];
    // Agencies g1, g2 (badan), g3, a (dinas), b (badan): g1 and g3 may be of any type.
    expect(eligibleBounds(resolved, innovations, ['all', 'ids', 'badan'])).toEqual({ all: 5, ids: 2, badan: 4 });
    expect(eligibleBounds({}, innovations, ['all'])).toBeNull();
  });
});
