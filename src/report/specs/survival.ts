/**
 * Survival of services: exits per month stacked by cause (the mean over
 * replications of `discontinued_<cause>`) under the scenario's timeline, so
 * that clusters at pilot ends, budget gaps and leadership changes show where
 * they happened; below, the Kaplan-Meier survival of instances per
 * innovation (months since adoption) with its 95 % band.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CAUSES, type EventRow, type SummaryRow } from '../rows.js';
import { CAUSE_SCALE, seriesColors } from '../palette.js';
import { survivalByInnovation } from '../kaplan-meier.js';
import type { TimelineEvent } from '../scenario-facts.js';
import {
  PANEL_WIDTH,
  round,
  summaryByMetric,
  timelineLane,
  timelineLayers,
  timeX,
  topLevel,
  tValue,
  withTimeline,
  type Datum,
  type Layer,
  type TimeAxis,
  BAND_FILL,
  paintBands,
} from './common.js';

export interface SurvivalChartInput {
  readonly summary: readonly SummaryRow[];
  readonly events: readonly EventRow[];
  /** Innovation ids in scenario order. */
  readonly innovations: readonly string[];
  readonly axis: TimeAxis;
  readonly timeline: readonly TimelineEvent[];
}

/** Exits per month and cause (means over replications), and the KM curves. */
export function survivalData(input: SurvivalChartInput): { exits: Datum[]; km: Datum[]; series: string[] } {
  const by = summaryByMetric(input.summary);
  const exits: Datum[] = [];
  for (const [order, cause] of CAUSES.entries()) {
    for (const r of by.get(`discontinued_${cause}`) ?? []) {
      if (r.mean <= 0) continue;
      exits.push({ cause, order, month: r.month, t: tValue(input.axis, r.month), t_end: tValue(input.axis, r.month + 1), mean: round(r.mean) });
    }
  }
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
  return { exits, km, series: curves.map((c) => c.innovation) };
}

/** The survival chart: timeline lane, exits by cause, Kaplan-Meier curves. */
export function survivalSpec(input: SurvivalChartInput): TopLevelSpec {
  const { exits, km, series } = survivalData(input);
  const { axis } = input;
  const exitPanel: Layer = {
    width: PANEL_WIDTH,
    height: 170,
    encoding: { x: timeX(axis) },
    layer: [
      ...timelineLayers(input.timeline, axis),
      {
        data: { values: exits },
        mark: { type: 'bar', orient: 'vertical', stroke: 'white', strokeWidth: 0.3 },
        encoding: {
          x2: { field: 't_end' },
          y: { field: 'mean', type: 'quantitative', stack: 'zero', title: ['discontinued_<cause>', '(instances per month)'] },
          color: { field: 'cause', type: 'nominal', title: 'cause of exit', scale: CAUSE_SCALE, sort: [...CAUSES] },
          order: { field: 'order', type: 'quantitative' },
        },
      },
    ],
  };
  const color = { field: 'series', type: 'nominal' as const, title: 'innovation', scale: { domain: series, range: seriesColors(series.length) }, sort: series };
  const xKm = { field: 'time', type: 'quantitative' as const, title: 'months since adoption (months)', scale: { domain: [0, Math.max(1, axis.months - 1)], nice: false } };
  const yKm = { type: 'quantitative' as const, scale: { domain: [0, 1], nice: false }, title: 'survival probability (share)' };
  const kmPanel: Layer = {
    width: PANEL_WIDTH,
    height: 190,
    title: { text: 'Kaplan-Meier survival of service instances (detail replications)', fontSize: 12, anchor: 'start' },
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
  // The x axes differ (calendar vs months since adoption): keep the colour scales apart too.
  const timeline = withTimeline(timelineLane(input.timeline, axis), [exitPanel]);
  return topLevel(
    'Survival of services',
    [
      'Top: exits per month by cause (mean over replications) with the scenario timeline.',
      'Bottom: Kaplan-Meier survival per innovation, censored at the horizon; bands: 95 % pointwise interval.',
    ],
    { vconcat: [timeline, kmPanel], spacing: 18, resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } } } as never,
  );
}
