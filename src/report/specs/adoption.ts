/**
 * Adoption S-curves per innovation: cumulative adoption (share of its
 * eligible agencies that adopted at least once, `cumulative.<id>`) and live
 * instances (`live.<id>`), each as the mean over replications with its 95 %
 * confidence band, under the scenario's timeline.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../rows.js';
import { seriesColors } from '../palette.js';
import type { TimelineEvent } from '../scenario-facts.js';
import {
  BAND_FILL,
  paintBands,
  seriesPoint,
  summaryByMetric,
  timelineLane,
  timePanel,
  topLevel,
  withTimeline,
  type Datum,
  type Layer,
  type TimeAxis,
} from './common.js';

export interface AdoptionChartInput {
  readonly summary: readonly SummaryRow[];
  /** Innovation ids in scenario order. */
  readonly innovations: readonly string[];
  readonly axis: TimeAxis;
  readonly timeline: readonly TimelineEvent[];
  /** Replications behind the means (for the subtitle). */
  readonly replications: number | null;
}

/** Series name used when the summary has no per-innovation metrics. */
export const ALL_INNOVATIONS = 'all innovations';

/** The data of the two panels: one row per (innovation, month) each. */
export function adoptionData(input: AdoptionChartInput): { cumulative: Datum[]; live: Datum[]; series: string[] } {
  const by = summaryByMetric(input.summary);
  let series = input.innovations.filter((id) => by.has(`cumulative.${id}`) || by.has(`live.${id}`));
  const cumulative: Datum[] = [];
  const live: Datum[] = [];
  if (series.length > 0) {
    for (const id of series) {
      for (const r of by.get(`cumulative.${id}`) ?? []) cumulative.push(seriesPoint(input.axis, r, id, [0, 1]));
      for (const r of by.get(`live.${id}`) ?? []) live.push(seriesPoint(input.axis, r, id));
    }
  } else {
    // No per-innovation metrics: fall back to the city-wide ones.
    series = [ALL_INNOVATIONS];
    for (const r of by.get('cumulative_adoption_share') ?? []) cumulative.push(seriesPoint(input.axis, r, ALL_INNOVATIONS, [0, 1]));
    for (const r of by.get('state_live') ?? []) live.push(seriesPoint(input.axis, r, ALL_INNOVATIONS));
  }
  return { cumulative, live, series };
}

function panel(input: AdoptionChartInput, values: Datum[], series: string[], y: { title: string; share: boolean }, xLabels: boolean): Layer {
  const color = { field: 'series', type: 'nominal' as const, title: 'innovation', scale: { domain: series, range: seriesColors(series.length) }, sort: series };
  const yScale = y.share ? { domain: [0, 1], nice: false } : { zero: true, nice: true };
  return timePanel(input.axis, input.timeline, { height: 190, xLabels }, [
    {
      data: { values: paintBands(values, color.scale) },
      mark: { type: 'area', opacity: 0.25 },
      encoding: { y: { field: 'lo', type: 'quantitative', scale: yScale, title: y.title }, y2: { field: 'hi' }, fill: BAND_FILL },
    },
    {
      data: { values },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { y: { field: 'mean', type: 'quantitative', scale: yScale, title: y.title }, color },
    },
  ]);
}

/** The adoption chart: a timeline lane, cumulative adoption and live instances per innovation. */
export function adoptionSpec(input: AdoptionChartInput): TopLevelSpec {
  const { cumulative, live, series } = adoptionData(input);
  const perInnovation = !(series.length === 1 && series[0] === ALL_INNOVATIONS);
  const reps = input.replications === null ? '' : ` over ${input.replications} replications`;
  return topLevel(
    'Adoption of each innovation',
    [
      `Lines: mean${reps}; bands: 95 % confidence interval of the mean.`,
      'Vertical rules: leadership changes (solid), regulations (dashed), budget shocks (dotted, shaded window).',
    ],
    withTimeline(timelineLane(input.timeline, input.axis), [
      panel(input, cumulative, series, { title: perInnovation ? 'cumulative.<innovation> (share)' : 'cumulative_adoption_share (share)', share: true }, false),
      panel(input, live, series, { title: perInnovation ? 'live.<innovation> (instances)' : 'state_live (instances)', share: false }, true),
    ]),
  );
}
