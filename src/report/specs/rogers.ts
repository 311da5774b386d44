/**
 * Rogers' adopter categories: the bell-shaped frequency of realized first
 * adoption months, coloured by the category Rogers' definition gives each
 * adopter (boundaries at mean - 2 sd, mean - sd, mean, mean + sd marked),
 * with the normal curve of the same mean and SD; beside it, the shares per
 * category from thresholds (agents.csv `category`) and from the realized
 * months, against Rogers' expected shares.
 */
import type { TopLevelSpec } from 'vega-lite';
import { en, type Catalog } from '../i18n/en.js';
import { CATEGORIES, type AgentRow } from '../rows.js';
import { CATEGORY_SCALE } from '../palette.js';
import { EXPECTED_SHARES, rogersSummary } from '../rogers.js';
import { LABEL_FONT_SIZE, placeLaneLabels, round, timeX, topLevel, tValue, tValueFrac, type Datum, type TimeAxis, type Unit } from './common.js';
import { toDecimal } from '../../messages/decimal.js';

export interface RogersChartInput {
  readonly agents: readonly AgentRow[];
  readonly axis: TimeAxis;
  readonly t?: Catalog;
}

const HIST_WIDTH = 440;
const HIST_HEIGHT = 240;
const SOURCES = ['threshold', 'realized'] as const;

/** Bin width in months: about 30 bins over the horizon. */
export function binMonths(months: number): number {
  return Math.max(1, Math.ceil(months / 30));
}

/** The chart's data: histogram bins per category, boundaries, normal curve, shares. */
export function rogersData(input: RogersChartInput) {
  const s = rogersSummary(input.agents);
  const { axis } = input;
  // Counts are pooled over the detail replications; the chart draws them per replication.
  const reps = Math.max(1, new Set(input.agents.map((a) => a.replication)).size);
  const width = binMonths(axis.months);
  const counts = new Map<string, number>();
  for (const a of s.adopters) {
    const bin = Math.floor((a.month - 1) / width) * width + 1;
    const k = `${bin}|${a.category}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const bins: Datum[] = [...counts.entries()]
    .map(([k, count]) => {
      const [bin, category] = k.split('|') as [string, string];
      const b = Number(bin);
      return { bin: b, category, count, per_rep: round(count / reps, 4), t: tValue(axis, b), t_end: tValue(axis, b + width), order: CATEGORIES.indexOf(category as never) };
    })
    .sort((a, b) => a.bin - b.bin || a.order - b.order);
  const c = s.classification;
  // Boundaries outside the horizon (e.g. mean - 2 sd before month 1) are not drawn.
  const boundaries: Datum[] = c
    ? c.boundaries
        .filter((b) => b.month + 0.5 >= 1 && b.month + 0.5 <= axis.months + 1)
        .map((b) => ({ name: b.name, month: round(b.month, 3), t: tValueFrac(axis, b.month + 0.5) }))
    : [];
  const curve: Datum[] = [];
  if (c && c.sd > 0) {
    const steps = 120;
    const lo = 1;
    const hi = axis.months + 1;
    for (let i = 0; i <= steps; i++) {
      const m = lo + ((hi - lo) * i) / steps;
      const density = Math.exp(-((m - 0.5 - c.mean) ** 2) / (2 * c.sd ** 2)) / (c.sd * Math.sqrt(2 * Math.PI));
      // Expected first adoptions per bin and replication. Month m's bar spans [m, m + 1) on the axis, so month values sit at m + 0.5.
      curve.push({ t: tValueFrac(axis, m), expected: round((c.n / reps) * width * density, 4) });
    }
  }
  const shares: Datum[] = [];
  for (const category of CATEGORIES) {
    shares.push({ category, source: SOURCES[0], share: round(s.thresholdShares[category], 4) });
    shares.push({ category, source: SOURCES[1], share: round(s.realizedShares[category], 4) });
  }
  const expected: Datum[] = CATEGORIES.map((category) => ({ category, share: EXPECTED_SHARES[category] }));
  return { summary: s, binWidth: width, replications: reps, bins, boundaries, curve, shares, expected };
}

function sharesSubtitle(agents: readonly AgentRow[], never: number, t: Catalog): string {
  const opds = new Set(agents.map((a) => a.opd)).size;
  const reps = new Set(agents.map((a) => a.replication)).size;
  return t.rogersSharesSub(opds, reps, never);
}

/** The Rogers chart (histogram with categories | category shares). */
export function rogersSpec(input: RogersChartInput): TopLevelSpec {
  const d = rogersData(input);
  const { axis } = input;
  const t = input.t ?? en;
  const c = d.summary.classification;
  const x = timeX(axis, { title: t.axisFirstAdoption });
  const color = {
    field: 'category',
    type: 'nominal' as const,
    title: t.realizedCategory,
    scale: CATEGORY_SCALE,
    legend: { labelExpr: categoryLabels(t) },
    sort: [...CATEGORIES],
  };
  // Boundary labels in a lane inside the top of the plot, never overlapping.
  // The boundaries' names in the catalog's language (rogers.ts names them in English).
  const boundaries: Datum[] = d.boundaries.map((b) => ({ ...b, name: t.rogersBoundary[String(b['name'])] ?? String(b['name']) }));
  const placed = placeLaneLabels(
    boundaries.map((b) => ({
      x: ((Number(b['month']) - 0.5) / Math.max(1, axis.months)) * HIST_WIDTH,
      text: String(b['name']),
    })),
    HIST_WIDTH,
  );
  const boundaryLabels = boundaries.map((b, i) => ({ ...b, align: placed[i]?.align ?? 'left', y: 8 + 13 * (placed[i]?.lane ?? 0) }));
  const labelLayer = (align: 'left' | 'right'): Unit => ({
    data: { values: boundaryLabels.filter((b) => b.align === align) },
    mark: { type: 'text', align, baseline: 'middle', dx: align === 'left' ? 3 : -3, fontSize: LABEL_FONT_SIZE, color: '#222222' },
    encoding: { y: { field: 'y', type: 'quantitative', scale: null, axis: null }, text: { field: 'name' } },
  });
  const histogram = {
    width: HIST_WIDTH,
    height: HIST_HEIGHT,
    title: {
      text: t.rogersHist,
      fontSize: 12,
      subtitle: c ? t.rogersHistSubPooled(c.n, d.replications, toDecimal(c.mean, 1).replace('.', t.decimal), toDecimal(c.sd, 1).replace('.', t.decimal), d.binWidth) : t.rogersNoAdopter,
    },
    encoding: { x },
    layer: [
      {
        data: { values: d.bins },
        mark: { type: 'bar', orient: 'vertical', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x2: { field: 't_end' },
          y: { field: 'per_rep', type: 'quantitative', stack: 'zero', title: t.axisAdoptersPerRep },
          color,
          order: { field: 'order', type: 'quantitative' },
        },
      },
      ...(d.curve.length > 0
        ? [
            {
              data: { values: d.curve },
              mark: { type: 'line', color: '#222222', strokeDash: [4, 3], strokeWidth: 1.5 },
              encoding: { y: { field: 'expected', type: 'quantitative' } },
            },
          ]
        : []),
      ...(d.boundaries.length > 0
        ? [
            {
              data: { values: d.boundaries },
              mark: { type: 'rule', color: '#444444', strokeDash: [2, 2] },
              encoding: {},
            },
            labelLayer('left'),
            labelLayer('right'),
          ]
        : []),
    ],
  };
  const shareMax = Math.max(0.5, ...d.shares.map((r) => Number(r['share']))) > 0.5 ? 1 : 0.5;
  const shares = {
    width: 240,
    height: HIST_HEIGHT,
    title: { text: t.rogersShares, fontSize: 12, subtitle: sharesSubtitle(input.agents, d.summary.neverAdopted, t) },
    layer: [
      {
        data: { values: d.shares },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'category', type: 'nominal', sort: [...CATEGORIES], title: null, axis: { labelFontSize: 11, labelExpr: categoryLabels(t) } },
          yOffset: { field: 'source', type: 'nominal', sort: [...SOURCES] },
          x: { field: 'share', type: 'quantitative', title: t.axisShareOfWhat, scale: { domain: [0, shareMax], nice: false }, axis: { labelExpr: t.percentSign === '%' ? "format(datum.value, '.0%')" : `replace(format(datum.value, '.0%'), '%', '${t.percentSign}')` } },
          color: {
            field: 'source',
            type: 'nominal',
            title: t.classification,
            scale: { domain: [...SOURCES], range: ['#BBBBBB', '#444444'] },
            legend: { labelExpr: `datum.label === 'threshold' ? ${JSON.stringify(t.sourceThresholdOf)} : ${JSON.stringify(t.sourceRealizedOf)}` },
          },
        },
      },
      {
        data: { values: d.expected },
        mark: { type: 'tick', color: '#D55E00', thickness: 3, orient: 'vertical', size: 26 },
        encoding: {
          y: { field: 'category', type: 'nominal', sort: [...CATEGORIES] },
          x: { field: 'share', type: 'quantitative' },
        },
      },
    ],
  };
  return topLevel(
    t.rogersTitle,
    [t.rogersSub1PerRep, t.rogersSub2],
    { hconcat: [histogram, shares], spacing: 30, resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } } } as never,
    t,
  );
}

/** A vega expression that shows a category key as the catalog's name for it. */
export function categoryLabels(t: Catalog): string {
  return (Object.entries(t.category) as [string, string][]).reduce((expr, [key, name]) => `datum.label === ${JSON.stringify(key)} ? ${JSON.stringify(name)} : ${expr}`, 'datum.label');
}
