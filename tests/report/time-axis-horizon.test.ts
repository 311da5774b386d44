/**
 * Every report chart's time axis ends at the scenario's horizon: no tick and
 * no label past the last simulated month. The axis's domain runs to the start
 * of the month after the horizon (the last month's bar fits), and vega put a
 * tick there: "2026" on a run to 2025-12, which a reader can take for a
 * forecast year. Checked on the rendered SVGs of the run, comparison and
 * national charts (English and Indonesian) for several starts and lengths,
 * and on the specs' tick values.
 */
import { describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { buildCharts } from '../../src/report/charts.js';
import type { ResultSet } from '../../src/report/rows.js';
import { renderSvg } from '../../src/report/render.js';
import { timeX, type TimeAxis } from '../../src/report/specs/common.js';
import { nationalCohortsSpec } from '../../src/report/specs/national-cohorts.js';
import { nationalReplacementsSpec } from '../../src/report/specs/national-replacements.js';
import { lastMonth, monthDate } from '../../src/scenario/calendar.js';
import type { Lang } from '../../src/report/i18n/index.js';
import { COMPARE_DIR, fixture, RUN_DIR } from './helpers.js';

/** Start and length of the scenarios checked: long, odd start, short, very short, a horizon in June. */
const HORIZONS: readonly [string, number][] = [
  ['2015-01', 132],
  ['2015-07', 30],
  ['2021-01', 24],
  ['2020-03', 6],
  ['2016-01', 18],
];

/** The texts of every axis label group of an SVG. */
function axisLabels(svg: string): string[] {
  return [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)].flatMap((g) =>
    [...(g[1] as string).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string),
  );
}

/** The date labels (YYYY or YYYY-MM) of an SVG's axes that lie past `last` (YYYY-MM). */
function pastHorizon(svg: string, last: string): string[] {
  return axisLabels(svg).filter((label) => {
    const m = /^((?:19|20)\d\d)(?:-(\d\d))?$/.exec(label);
    if (!m) return false;
    return m[2] === undefined ? m[1]! > last.slice(0, 4) : label > last;
  });
}

/** The years an SVG's axes label (YYYY, or the year of YYYY-MM). */
function labelledYears(svg: string): string[] {
  return axisLabels(svg).flatMap((l) => /^((?:19|20)\d\d)(?:-\d\d)?$/.exec(l)?.[1] ?? []);
}

/** A fixture's rows as a scenario from `start` for `months` months (rows past the horizon dropped). */
function withHorizon(results: ResultSet, start: string, months: number): ResultSet {
  const resolved = { ...(results.manifest.scenario.resolved as Record<string, unknown>), start, months };
  return {
    ...results,
    manifest: { ...results.manifest, scenario: { ...results.manifest.scenario, resolved } },
    summary: results.summary.filter((r) => r.month <= months),
    arms: results.arms.filter((r) => r.month <= months),
  } as ResultSet;
}

/** Every x encoding with explicit tick values in a spec. */
function tickValueLists(spec: unknown): { type: string; values: number[] }[] {
  const out: { type: string; values: number[] }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    const x = (o['encoding'] as Record<string, unknown> | undefined)?.['x'] as { type?: string; axis?: { values?: number[] } } | undefined;
    if (x?.axis?.values !== undefined) out.push({ type: x.type ?? '', values: x.axis.values });
    for (const v of Object.values(o)) walk(v);
  };
  walk(spec);
  return out;
}

describe('the run and comparison charts end their time axis at the horizon', () => {
  for (const [start, months] of HORIZONS) {
    const last = lastMonth(start, months);
    const langs: Lang[] = months === 132 || months === 30 ? ['en', 'id'] : ['en'];
    for (const lang of langs) {
      test(`${start}, ${months} months (to ${last}), ${lang}`, async () => {
        const charts = [
          ...buildCharts(withHorizon(await fixture(RUN_DIR), start, months), lang),
          ...buildCharts(withHorizon(await fixture(COMPARE_DIR), start, months), lang).filter((c) => c.name === 'arms'),
        ];
        const names = charts.map((c) => c.name);
        for (const name of ['adoption', 'rogers', 'survival', 'stages', 'callon', 'learning', 'arms']) expect(names).toContain(name);
        const horizon = Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) - 1, 1);
        for (const chart of charts) {
          // The drawing: no label of a year or month after the horizon; the horizon's own year (or the
          // year before it, on a run shorter than a year) is still labelled.
          const svg = await renderSvg(chart.spec);
          expect(pastHorizon(svg, last), chart.name).toEqual([]);
          const years = labelledYears(svg);
          expect(years.length, chart.name).toBeGreaterThan(0);
          expect(Number(years.sort().at(-1)), chart.name).toBeGreaterThanOrEqual(Number(last.slice(0, 4)) - 1);
          // The spec: the last tick of every time axis is at or before the start of the last month.
          const lists = tickValueLists(chart.spec).filter((l) => l.type === 'temporal');
          expect(lists.length, chart.name).toBeGreaterThan(0);
          for (const l of lists) expect(Math.max(...l.values), chart.name).toBeLessThanOrEqual(horizon);
        }
      });
    }
  }
});

describe('the national charts end their time axis at the horizon', () => {
  for (const [start, months] of HORIZONS) {
    const last = lastMonth(start, months);
    test(`${start}, ${months} months (to ${last})`, async () => {
      const dates = Array.from({ length: months }, (_, i) => monthDate(start, i + 1));
      const waves = dates.flatMap((date, i) => ['svc-a', 'svc-b'].map((innovation) => ({ date, innovation, replacements: (i % 5) + 1, integrations: i % 3 })));
      const cohorts = dates.flatMap((date, i) =>
        ['members', 'others'].map((g) => ({ date, group: `programme:p:${g}`, innovation: 'svc-a', everShare: Math.min(1, i / months) })),
      );
      for (const lang of ['en', 'id'] as const) {
        const specs: [string, TopLevelSpec][] = [
          ['replacements', nationalReplacementsSpec(waves, [{ id: 'ban', name: 'Ban', date: dates[Math.floor(months / 2)]! }], 2, lang)],
          ['cohorts', nationalCohortsSpec(cohorts, 'p', [{ id: 'c1', date: start }], 2, lang)],
        ];
        for (const [name, spec] of specs) {
          const svg = await renderSvg(spec);
          expect(pastHorizon(svg, last), `${name} ${lang}`).toEqual([]);
          expect(labelledYears(svg).length, `${name} ${lang}`).toBeGreaterThan(0);
        }
      }
    });
  }
});

describe('the time axis ticks', () => {
  test('a date axis ticks each January (every 3 or 6 months on a short run) up to the horizon, never at the month after it', () => {
    const iso = (x: number) => new Date(x).toISOString().slice(0, 7);
    const ticks = (axis: TimeAxis) => (timeX(axis).axis as { values: number[] }).values.map(iso);
    expect(ticks({ kind: 'date', start: '2015-01', months: 132 })).toEqual(Array.from({ length: 11 }, (_, i) => `${2015 + i}-01`));
    expect(ticks({ kind: 'date', start: '2015-07', months: 30 })).toEqual(['2015-07', '2016-01', '2016-07', '2017-01', '2017-07']);
    expect(ticks({ kind: 'date', start: '2020-03', months: 6 })).toEqual(['2020-04', '2020-07']);
    expect(ticks({ kind: 'date', start: '2021-01', months: 24 })).toEqual(['2021-01', '2021-04', '2021-07', '2021-10', '2022-01', '2022-04', '2022-07', '2022-10']);
  });

  test('a month axis (no calendar) ticks whole months up to the horizon, not the month after it', () => {
    const ticks = (months: number) => (timeX({ kind: 'month', months }).axis as { values?: number[] }).values;
    expect(ticks(6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ticks(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ticks(30)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(ticks(132)).toEqual([20, 40, 60, 80, 100, 120]);
  });
});
