/**
 * Learning events by loop over time (MODEL.md 7.6): single-loop effort
 * corrections, double-loop changes of governing variables and triple-loop
 * changes of the city's rules, per month (means over replications of
 * `learning_<loop>`, each loop on its own scale: double and triple loops are
 * rare); below, the city's vision `V` and the leader's commitment with their
 * 95 % bands; all under the scenario's timeline.
 */
import type { TopLevelSpec } from 'vega-lite';
import { LOOPS, type SummaryRow } from '../rows.js';
import { LOOP_COLORS, OKABE_ITO } from '../palette.js';
import type { TimelineEvent } from '../scenario-facts.js';
import {
  PANEL_WIDTH,
  round,
  seriesPoint,
  summaryByMetric,
  timelineLane,
  timelineLayers,
  timeX,
  topLevel,
  tValue,
  withTimeline,
  extendSteps,
  type Datum,
  type Layer,
  type TimeAxis,
  BAND_FILL,
  paintBands,
} from './common.js';

export interface LearningChartInput {
  readonly summary: readonly SummaryRow[];
  readonly axis: TimeAxis;
  readonly timeline: readonly TimelineEvent[];
  readonly replications: number | null;
}

const CITY = ['vision', 'leader_commitment'] as const;

/** Rows for the loop panels and the city panel. */
export function learningData(input: LearningChartInput): { loops: Datum[]; city: Datum[] } {
  const by = summaryByMetric(input.summary);
  const loops: Datum[] = LOOPS.flatMap((loop) =>
    (by.get(`learning_${loop}`) ?? []).map((r) => ({
      loop,
      month: r.month,
      t: tValue(input.axis, r.month),
      t_end: tValue(input.axis, r.month + 1),
      mean: round(r.mean),
    })),
  );
  const city = extendSteps(
    CITY.flatMap((metric) => (by.get(metric) ?? []).map((r) => seriesPoint(input.axis, r, metric, [0, 1]))),
    'series',
    input.axis,
  );
  return { loops, city };
}

export function learningSpec(input: LearningChartInput): TopLevelSpec {
  const { axis } = input;
  const { loops, city } = learningData(input);
  const loopPanel = (loop: (typeof LOOPS)[number]): Layer => ({
    width: PANEL_WIDTH,
    height: 80,
    encoding: { x: timeX(axis, { labels: false }) },
    layer: [
      ...timelineLayers(input.timeline, axis),
      {
        data: { values: loops.filter((d) => d['loop'] === loop) },
        mark: { type: 'bar', orient: 'vertical', color: LOOP_COLORS[loop] },
        encoding: {
          x2: { field: 't_end' },
          y: { field: 'mean', type: 'quantitative', title: [`learning_${loop}`, '(events per month)'], axis: { tickCount: 3 } },
        },
      },
    ],
  });
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: 'city',
    scale: { domain: [...CITY], range: [OKABE_ITO.bluishGreen, OKABE_ITO.blue] },
    sort: [...CITY],
  };
  const y = { type: 'quantitative' as const, scale: { domain: [0, 1], nice: false }, title: ['vision, leader_commitment', '(share, 0-1)'] };
  const cityPanel: Layer = {
    width: PANEL_WIDTH,
    height: 130,
    encoding: { x: timeX(axis) },
    layer: [
      ...timelineLayers(input.timeline, axis),
      {
        data: { values: paintBands(city, color.scale) },
        mark: { type: 'area', opacity: 0.2, interpolate: 'step-after' },
        encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, fill: BAND_FILL },
      },
      {
        data: { values: city },
        mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after' },
        encoding: { y: { ...y, field: 'mean' }, color },
      },
    ],
  };
  const reps = input.replications === null ? '' : ` over ${input.replications} replications`;
  return topLevel(
    'Learning loops, vision and leader commitment',
    [
      `Learning events per month by loop (mean${reps}; each loop on its own scale).`,
      'Bottom: the smart-city vision V and the leader commitment, mean with 95 % band.',
    ],
    withTimeline(timelineLane(input.timeline, axis), [...LOOPS.map(loopPanel), cityPanel]),
  );
}
