/**
 * The arms of a comparison overlaid: each variant's mean curve with its 95 %
 * band for the key city-wide metrics, under the base scenario's timeline.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ArmSummaryRow } from '../rows.js';
import { seriesColors } from '../palette.js';
import type { TimelineEvent } from '../scenario-facts.js';
import { BAND_FILL, paintBands, seriesPoint, summaryByMetric, timelineLane, timePanel, topLevel, withTimeline, type Datum, type Layer, type TimeAxis } from './common.js';

/** Metrics overlaid, in order, when the arms have them. */
export const ARM_METRICS = ['cumulative_adoption_share', 'live_share', 'routinized_share', 'failing_share'] as const;

export interface ArmsChartInput {
  readonly arms: readonly ArmSummaryRow[];
  /** Variant names, base first. */
  readonly variants: readonly string[];
  readonly axis: TimeAxis;
  readonly timeline: readonly TimelineEvent[];
}

export function armsData(input: ArmsChartInput): { metric: string; values: Datum[] }[] {
  const out: { metric: string; values: Datum[] }[] = [];
  for (const metric of ARM_METRICS) {
    const values: Datum[] = [];
    for (const v of input.variants) {
      const by = summaryByMetric(input.arms.filter((r) => r.variant === v && r.metric === metric));
      for (const r of by.get(metric) ?? []) values.push(seriesPoint(input.axis, r, v, [0, 1]));
    }
    if (values.length > 0) out.push({ metric, values });
  }
  return out;
}

export function armsSpec(input: ArmsChartInput): TopLevelSpec {
  const { axis } = input;
  const panels = armsData(input);
  const variants = [...input.variants];
  const color = { field: 'series', type: 'nominal' as const, title: 'arm', scale: { domain: variants, range: seriesColors(variants.length) }, sort: variants };
  const layers: Layer[] = panels.map((p, i) => {
    const y = { type: 'quantitative' as const, scale: { domain: [0, 1], nice: false }, title: `${p.metric} (share)` };
    return timePanel(axis, input.timeline, { height: 150, xLabels: i === panels.length - 1 }, [
      {
        data: { values: paintBands(p.values, color.scale) },
        mark: { type: 'area', opacity: 0.2, clip: true },
        encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, fill: BAND_FILL },
      },
      {
        data: { values: p.values },
        mark: { type: 'line', strokeWidth: 2, clip: true },
        encoding: { y: { ...y, field: 'mean' }, color },
      },
    ]);
  });
  return topLevel(
    'The arms compared',
    ['Each arm: mean over replications (common random numbers) with its 95 % confidence band.'],
    withTimeline(timelineLane(input.timeline, axis), layers),
  );
}
