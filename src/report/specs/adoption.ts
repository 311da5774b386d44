/**
 * Adoption S-curves per innovation: cumulative adoption (share of its
 * eligible agencies that adopted at least once, `cumulative.<id>`) and live
 * instances (`live.<id>`), each as the mean over replications with its 95 %
 * confidence band, under the scenario's timeline.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../rows.js';
import { serviceScale } from '../palette.js';
import type { TimelineEvent } from '../scenario-facts.js';
import { en, type Catalog } from '../i18n/en.js';
import {
  BAND_FILL,
  bandClippedLines,
  clipsBand,
  legendNamesExpr,
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
  /** Services open to a single agency: drawn as the share of replications in which they are live. */
  readonly single?: readonly string[];
  /** Display names of the services in the legend (the id when absent). */
  readonly names?: ReadonlyMap<string, string>;
  /**
   * Eligible agencies per service (or a bound on them): a live count's band is clipped to it, as a share's
   * is to 1 (a t interval over 2-3 replications reached 129 agencies in a city of 43). Absent: clipped at 0 only.
   */
  readonly eligible?: Readonly<Record<string, number>> | null;
  readonly t?: Catalog;
}

/** Series name used when the summary has no per-innovation metrics. */
export const ALL_INNOVATIONS = 'all innovations';

/**
 * The data of the two panels: one row per (innovation, month) each; whether a band was clipped, and
 * whether every count drawn had a bound (its eligible agencies) or was clipped at 0 only.
 */
export function adoptionData(input: AdoptionChartInput): {
  cumulative: Datum[];
  live: Datum[];
  series: string[];
  single: Datum[];
  singleSeries: string[];
  clipped: boolean;
  countsBounded: boolean;
} {
  const by = summaryByMetric(input.summary);
  let clipped = false;
  let countsBounded = true;
  const point = (r: SummaryRow, id: string, clamp: readonly [number, number]): Datum => {
    if (clipsBand(r, clamp)) clipped = true;
    if (clamp[1] === Infinity) countsBounded = false;
    return seriesPoint(input.axis, r, id, clamp);
  };
  const singleIds = new Set(input.single ?? []);
  const present = input.innovations.filter((id) => by.has(`cumulative.${id}`) || by.has(`live.${id}`));
  let series = present.filter((id) => !singleIds.has(id));
  const singleSeries = present.filter((id) => singleIds.has(id));
  const cumulative: Datum[] = [];
  const live: Datum[] = [];
  // One eligible agency: the mean of its 0/1 live count is the share of replications in which it is live.
  const single: Datum[] = singleSeries.flatMap((id) => (by.get(`live.${id}`) ?? []).map((r) => point(r, id, [0, 1])));
  if (series.length > 0 || singleSeries.length > 0) {
    for (const id of series) {
      for (const r of by.get(`cumulative.${id}`) ?? []) cumulative.push(point(r, id, [0, 1]));
      for (const r of by.get(`live.${id}`) ?? []) live.push(point(r, id, [0, input.eligible?.[id] ?? Infinity]));
    }
  } else {
    // No per-innovation metrics: fall back to the city-wide ones.
    series = [ALL_INNOVATIONS];
    for (const r of by.get('cumulative_adoption_share') ?? []) cumulative.push(point(r, ALL_INNOVATIONS, [0, 1]));
    // Agency-service pairs: at most the sum of the services' eligible agencies.
    const bounds = input.innovations.map((id) => input.eligible?.[id]);
    const pairs = bounds.length > 0 && bounds.every((b) => b !== undefined) ? (bounds as number[]).reduce((a, b) => a + b, 0) : Infinity;
    for (const r of by.get('state_live') ?? []) live.push(point(r, ALL_INNOVATIONS, [0, pairs]));
  }
  return { cumulative, live, series, single, singleSeries, clipped, countsBounded };
}

/**
 * One panel. `all` is every series of the chart (the panels share one
 * colour scale, so each band must be painted from the same domain).
 */
function panel(input: AdoptionChartInput, values: Datum[], all: string[], y: { title: string | readonly string[]; share: boolean }, xLabels: boolean, title?: string): Layer {
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: (input.t ?? en).serviceLegend,
    scale: serviceScale(all, input.innovations),
    sort: all,
    // The series stay keyed by id (colours and order do not move with the language); the legend shows the names.
    ...(input.names && { legend: { labelExpr: legendNamesExpr(input.names, input.axis) } }),
  };
  const yScale = y.share ? { domain: [0, 1], nice: false } : { zero: true, nice: true };
  return timePanel(input.axis, input.timeline, { height: 190, xLabels, ...(title !== undefined && { title }) }, [
    {
      data: { values: paintBands(values, color.scale) },
      mark: { type: 'area', opacity: 0.25 },
      encoding: { y: { field: 'lo', type: 'quantitative', scale: yScale, title: [...y.title] }, y2: { field: 'hi' }, fill: BAND_FILL },
    },
    {
      data: { values },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { y: { field: 'mean', type: 'quantitative', scale: yScale, title: [...y.title] }, color },
    },
  ]);
}

/** The adoption chart: a timeline lane, cumulative adoption and live agencies per service, and single-agency services as live or not. */
export function adoptionSpec(input: AdoptionChartInput): TopLevelSpec {
  const t = input.t ?? en;
  const { cumulative, live, series, single, singleSeries, clipped, countsBounded } = adoptionData(input);
  const perInnovation = !(series.length === 1 && series[0] === ALL_INNOVATIONS);
  const reps = input.replications === null ? '' : t.overReps(input.replications);
  const panels: Layer[] = [];
  const all = [...series, ...singleSeries];
  if (series.length > 0) {
    panels.push(panel(input, cumulative, all, { title: perInnovation ? t.axisCumulative : t.axisCumulativeAll, share: true }, false));
    panels.push(panel(input, live, all, { title: perInnovation ? t.axisLive : t.axisLiveAll, share: false }, singleSeries.length === 0));
  }
  if (singleSeries.length > 0) panels.push(panel(input, single, all, { title: t.axisSingle, share: true }, true, t.singleTitle));
  return topLevel(t.adoptionTitle, [t.lineMean(reps), ...(input.replications === 1 ? [t.noBandOne] : [t.bandIsT(singleSeries.length > 0), ...bandClippedLines(t, clipped, countsBounded)]), t.rulesLegend], withTimeline(timelineLane(input.timeline, input.axis), panels), t);
}
