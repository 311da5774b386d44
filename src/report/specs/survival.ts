/**
 * Survival of services: exits per month stacked by cause (the mean over
 * replications of `discontinued_<cause>`) under the scenario's timeline, so
 * that clusters at pilot ends, budget gaps and leadership changes show where
 * they happened; below, the Kaplan-Meier survival of instances per
 * innovation (months since adoption) with its 95 % band.
 */
import type { TopLevelSpec } from 'vega-lite';
import { en, type Catalog } from '../i18n/en.js';
import { CAUSES, type EventRow, type SummaryRow } from '../rows.js';
import { CAUSE_SCALE, seriesColors } from '../palette.js';
import { survivalByInnovation } from '../kaplan-meier.js';
import type { TimelineEvent } from '../scenario-facts.js';
import {
  LABEL_FONT_SIZE,
  PANEL_WIDTH,
  round,
  summaryByMetric,
  timelineLane,
  timePanel,
  topLevel,
  tValue,
  withTimeline,
  type Datum,
  type Layer,
  type TimeAxis,
  BAND_FILL,
  paintBands,
  namesExpr,
} from './common.js';

export interface SurvivalChartInput {
  readonly summary: readonly SummaryRow[];
  readonly events: readonly EventRow[];
  /** Innovation ids in scenario order. */
  readonly innovations: readonly string[];
  readonly axis: TimeAxis;
  readonly timeline: readonly TimelineEvent[];
  readonly t?: Catalog;
}

/**
 * The y cap of the exits panel: when the largest monthly total is more than
 * three times the second largest, a linear axis would flatten every other
 * cluster (P7: pilot ends, budget gaps, leadership changes), so the axis is
 * cut at 1.5 times the second largest (rounded up to a 1-2-5 step) and the
 * cut bars carry their totals as text. Null = no cut.
 */
export function exitsCap(totals: readonly number[]): number | null {
  const sorted = totals.filter((t) => t > 0).sort((a, b) => b - a);
  const first = sorted[0];
  const second = sorted[1];
  if (first === undefined || second === undefined || first <= 3 * second) return null;
  const target = 1.5 * second;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((v) => v >= target) ?? 10 * magnitude;
  return step;
}

/** Exits per month and cause (means over replications), monthly totals above the cap, and the KM curves. */
export function survivalData(input: SurvivalChartInput): { exits: Datum[]; cut: Datum[]; cap: number | null; km: Datum[]; series: string[] } {
  const by = summaryByMetric(input.summary);
  const exits: Datum[] = [];
  const totals = new Map<number, number>();
  for (const [order, cause] of CAUSES.entries()) {
    for (const r of by.get(`discontinued_${cause}`) ?? []) {
      if (r.mean <= 0) continue;
      totals.set(r.month, (totals.get(r.month) ?? 0) + r.mean);
      exits.push({ cause, order, month: r.month, t: tValue(input.axis, r.month), t_end: tValue(input.axis, r.month + 1), mean: round(r.mean) });
    }
  }
  const cap = exitsCap([...totals.values()]);
  const cut: Datum[] =
    cap === null
      ? []
      : [...totals.entries()]
          .filter(([, total]) => total > cap)
          .sort((a, b) => a[0] - b[0])
          .map(([month, total]) => ({ month, t: tValue(input.axis, month + 1), y: cap, text: `↑ ${total >= 10 ? total.toFixed(0) : total.toFixed(1)}` }));
  const curves = survivalByInnovation(input.events, input.axis.months, input.innovations);
  const km: Datum[] = curves.flatMap((c) =>
    c.curve.map((p) => ({
      series: c.innovation,
      time: p.time,
      survival: round(p.survival),
      lo: round(p.ciLow),
      hi: round(p.ciHigh),
      at_risk: p.atRisk,
    })),
  );
  return { exits, cut, cap, km, series: curves.map((c) => c.innovation) };
}

/** A vocabulary without the glosses in brackets ("defunded", not "defunded (pilot end ...)"): legends stay short; the glossary explains. */
function shortNames(names: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([k, v]) => [k, v.replace(/\s*\(.*\)$/, '')]));
}

/** The survival chart: timeline lane, exits by cause, Kaplan-Meier curves. */
export function survivalSpec(input: SurvivalChartInput): TopLevelSpec {
  const { exits, cut, cap, km, series } = survivalData(input);
  const { axis } = input;
  const t = input.t ?? en;
  const yExits = {
    field: 'mean',
    type: 'quantitative' as const,
    stack: 'zero' as const,
    title: [...t.axisExits],
    ...(cap !== null && { scale: { domain: [0, cap], nice: false } }),
  };
  const exitPanel = timePanel(axis, input.timeline, { height: 170, xLabels: true }, [
    {
      data: { values: exits },
      mark: { type: 'bar', orient: 'vertical', stroke: 'white', strokeWidth: 0.3, clip: true },
      encoding: {
        x2: { field: 't_end' },
        y: yExits,
        color: { field: 'cause', type: 'nominal', title: t.causeLegend, scale: CAUSE_SCALE, sort: [...CAUSES], legend: { labelExpr: namesExpr(shortNames(t.cause)) } },
        order: { field: 'order', type: 'quantitative' },
      },
    },
    ...(cut.length > 0
      ? [
          {
            data: { values: cut },
            mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 2, dy: 2, fontSize: LABEL_FONT_SIZE, color: '#222222' },
            encoding: { y: { field: 'y', type: 'quantitative' as const }, text: { field: 'text' } },
          },
        ]
      : []),
  ]);
  const color = { field: 'series', type: 'nominal' as const, title: t.serviceLegend, scale: { domain: series, range: seriesColors(series.length) }, sort: series };
  const xKm = { field: 'time', type: 'quantitative' as const, title: t.axisSinceAdoption, scale: { domain: [0, Math.max(1, axis.months - 1)], nice: false } };
  const yKm = { type: 'quantitative' as const, scale: { domain: [0, 1], nice: false }, title: t.axisSurvival };
  const kmPanel: Layer = {
    width: PANEL_WIDTH,
    height: 190,
    title: { text: t.kmTitle, fontSize: 12, anchor: 'start' },
    data: { values: paintBands(km, color.scale) },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2, interpolate: 'step-after' },
        encoding: { x: xKm, y: { ...yKm, field: 'lo' }, y2: { field: 'hi' }, fill: BAND_FILL },
      },
      {
        mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after' },
        encoding: { x: xKm, y: { ...yKm, field: 'survival' }, color },
      },
    ],
  };
  return topLevel(
    t.survivalTitle,
    [t.survivalSub1(cap), t.survivalSub2, t.rulesLegend],
    // The x axes differ (calendar vs months since adoption) and the colours mean different things.
    { vconcat: [withTimeline(timelineLane(input.timeline, axis), [exitPanel]), kmPanel], spacing: 18, resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } } } as never,
    t,
  );
}
