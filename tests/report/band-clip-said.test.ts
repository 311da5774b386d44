/**
 * A chart's subtitle says its bands were clipped only when one was. It said "Bands are clipped to what is
 * possible: 0 to 1 for a share, 0 to the eligible agencies for a count." under every chart with bands:
 * also where no band reached past what is possible, and where the eligible agencies were not known (a
 * folder without agents.csv whose scenario gives no agencies), so a count's band was clipped at 0 only.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { experimentCharts, runCharts } from '../../src/report/charts.js';
import type { ResultSet, SummaryRow } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture, RUN_DIR } from './helpers.js';

let run: ResultSet;
let cmp: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
  cmp = await fixture(COMPARE_DIR);
});

const KNOWN = 'Bands are clipped to what is possible: 0 to 1 for a share, 0 to the eligible agencies for a count.';
const subtitle = (spec: unknown): string[] => (spec as { title: { subtitle: string[] } }).title.subtitle;
const clippedLines = (spec: unknown): string[] => subtitle(spec).filter((l) => l.startsWith('Bands are clipped'));

/** Every row's interval shrunk to its mean (nothing reaches past what is possible), or widened by ±100 on `live.` rows. */
function narrow<T extends SummaryRow>(rows: readonly T[]): T[] {
  return rows.map((r) => ({ ...r, ci_low: r.mean, ci_high: r.mean }));
}
function wide<T extends SummaryRow>(rows: readonly T[]): T[] {
  return rows.map((r) => (r.metric.startsWith('live.') ? { ...r, ci_low: r.mean - 100, ci_high: r.mean + 100 } : r));
}

/** The folder with its scenario giving no agencies: no eligible agencies are known. */
function withoutAgencies(r: ResultSet): ResultSet {
  const resolved = { ...(r.manifest.scenario.resolved as Record<string, unknown>) };
  delete resolved['opds'];
  return { ...r, agents: [], manifest: { ...r.manifest, scenario: { ...r.manifest.scenario, resolved } }, armScenarios: new Map([...(r.armScenarios ?? new Map<string, unknown>()).keys()].map((k) => [k, resolved])) };
}

describe('the clipped-bands line', () => {
  test('adoption and learning: not said when no band was clipped', () => {
    const charts = runCharts({ ...run, summary: narrow(run.summary) });
    for (const name of ['adoption', 'learning']) expect(clippedLines(charts.find((c) => c.name === name)!.spec), name).toEqual([]);
  });

  test('arms: not said when no band was clipped', () => {
    const chart = experimentCharts({ ...cmp, arms: narrow(cmp.arms) }).find((c) => c.name === 'arms')!;
    expect(clippedLines(chart.spec)).toEqual([]);
  });

  test('adoption: a count clipped at 0 only is not said to be clipped to the eligible agencies', () => {
    const chart = runCharts(withoutAgencies({ ...run, summary: wide(run.summary) })).find((c) => c.name === 'adoption')!;
    expect(clippedLines(chart.spec)).toEqual(['Bands are clipped to what is possible: 0 to 1 for a share, not below 0 for a count (its eligible agencies are not known).']);
    const id = runCharts(withoutAgencies({ ...run, summary: wide(run.summary) }), 'id').find((c) => c.name === 'adoption')!;
    expect(subtitle(id.spec).join(' ')).toContain('tidak kurang dari 0 untuk hitungan');
  });

  test('arms: the same where the arms give no agencies', () => {
    const chart = experimentCharts(withoutAgencies({ ...cmp, arms: wide(cmp.arms) })).find((c) => c.name === 'arms')!;
    expect(clippedLines(chart.spec)).toEqual(['Bands are clipped to what is possible: 0 to 1 for a share, not below 0 for a count (its eligible agencies are not known).']);
  });

  test('said as before when a band was clipped and the eligible agencies are known', () => {
    expect(clippedLines(runCharts({ ...run, summary: wide(run.summary) }).find((c) => c.name === 'adoption')!.spec)).toEqual([KNOWN]);
    expect(clippedLines(experimentCharts({ ...cmp, arms: wide(cmp.arms) }).find((c) => c.name === 'arms')!.spec)).toEqual([KNOWN]);
  });
});
