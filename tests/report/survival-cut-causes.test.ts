/**
 * The survival chart's exits axis is cut when one month dwarfs the rest. The cut bar was drawn
 * only up to the cap, so the causes stacked above it never showed (the discontinued vendor pilot:
 * every vendor exit fell in the cut 2019-01 bar and its colour appeared nowhere), and its label
 * gave only the total. Now a cut bar is drawn to the top divided among its causes in proportion,
 * and a line above the panel gives its month, its total and each cause's mean.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { survivalData, survivalSpec } from '../../src/report/specs/survival.js';
import { runContext } from '../../src/report/charts.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import type { ResultSet, SummaryRow } from '../../src/report/rows.js';
import { fixture, RUN_DIR, withExits } from './helpers.js';

let run: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
});

/** The fixture's exits replaced: month 6 has 4 defunded and 1.5 vendor exits (the cut bar), the rest small. */
function capped(): SummaryRow[] {
  return withExits(run.summary, [
    [6, 'discontinued_defunded', 4],
    [6, 'discontinued_vendor_exit', 1.5],
    [6, 'discontinued_hazard', 0.004],
    [12, 'discontinued_leadership', 0.5],
    [18, 'discontinued_hazard', 0.4],
  ]);
}

describe('a bar cut by the exits axis', () => {
  test('is drawn up to the cap, every cause in proportion to its mean', () => {
    const { axis, facts, innovations } = runContext(run);
    const d = survivalData({ summary: capped(), events: run.events, innovations, axis, timeline: facts.timeline });
    expect(d.cap).toBe(1);
    const bar = d.exits.filter((e) => e['month'] === 6);
    const shown = Object.fromEntries(bar.map((e) => [e['cause'], e['shown'] as number]));
    expect(shown['defunded']).toBeCloseTo((4 / 5.504) * 1, 5);
    expect(shown['vendor_exit']).toBeCloseTo((1.5 / 5.504) * 1, 5);
    expect(bar.reduce((s, e) => s + (e['shown'] as number), 0)).toBeCloseTo(1, 5);
    // The means are kept; the bars below the cap are drawn at their means.
    expect(bar.find((e) => e['cause'] === 'vendor_exit')!['mean']).toBe(1.5);
    expect(d.exits.find((e) => e['month'] === 12)!['shown']).toBe(0.5);
    expect(d.cutBars).toEqual([{ month: 6, total: 5.504, causes: [{ cause: 'defunded', mean: 4 }, { cause: 'vendor_exit', mean: 1.5 }, { cause: 'hazard', mean: 0.004 }] }]);
  });

  test('the y encoding draws the proportional heights; the panel title lists every cause with its mean', () => {
    for (const [lang, t, want] of [
      ['en', en, 'Bar cut at 2021-06: 5.5 exits per month in all (defunded 4.0, vendor exit 1.5, everyday attrition < 0.01).'],
      ['id', id, 'Batang terpotong pada Juni 2021: seluruhnya 5,5 penghentian per bulan (tidak didanai 4,0; vendor keluar 1,5; ditinggalkan < 0,01).'],
    ] as const) {
      const { axis, facts, innovations } = runContext(run, lang);
      const spec = survivalSpec({ summary: capped(), events: run.events, innovations, axis, timeline: facts.timeline, t });
      const json = JSON.stringify(spec);
      expect(json).toContain('"field":"shown"');
      const titles = [...json.matchAll(/"title":\{"text":(\[[^\]]*\])/g)].map((m) => (JSON.parse(m[1] as string) as string[]).join(' '));
      expect(titles, `${lang}: ${JSON.stringify(titles)}`).toContain(want);
    }
  });

  test("the subtitle explains the cut and gives the replications' number", () => {
    const { axis, facts, innovations } = runContext(run);
    const spec = survivalSpec({ summary: capped(), events: run.events, innovations, axis, timeline: facts.timeline });
    const sub = ((spec.title as { subtitle: string[] }).subtitle).join(' ');
    expect(sub).toContain('divided among its causes in proportion');
    expect(sub).toContain(`mean over ${run.manifest.replications} replications`);
  });
});
