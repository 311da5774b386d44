/**
 * Learning events by loop over time (MODEL.md 7.6): single-loop effort
 * corrections, double-loop changes of governing variables (split into the
 * services' and the city vision's when `learning_double_vision` is present)
 * and triple-loop changes of the city's rules, per month (means over
 * replications of `learning_<loop>`, each loop on its own scale: double and
 * triple loops are rare); below, the city's vision `V` and the leader's
 * commitment with their 95 % bands; all under the scenario's timeline.
 */
import type { TopLevelSpec } from 'vega-lite';
import { en, type Catalog } from '../i18n/en.js';
import { type SummaryRow } from '../rows.js';
import { OKABE_ITO } from '../palette.js';
import type { TimelineEvent } from '../scenario-facts.js';
import {
  BAND_FILL,
  bandClippedLines,
  clipsBand,
  extendSteps,
  paintBands,
  round,
  seriesPoint,
  summaryByMetric,
  timelineLane,
  timePanel,
  topLevel,
  tValue,
  withTimeline,
  namesExpr,
  type Datum,
  type Layer,
  type TimeAxis,
} from './common.js';

export interface LearningChartInput {
  readonly summary: readonly SummaryRow[];
  readonly axis: TimeAxis;
  readonly timeline: readonly TimelineEvent[];
  readonly replications: number | null;
  readonly t?: Catalog;
}

const CITY = ['vision', 'leader_commitment'] as const;
/** Where a loop's events happen: services (OPD level) or the city (vision, rules). */
const LEVELS = ['services', 'city vision', 'city rules'] as const;
const LEVEL_COLORS = [OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple];

/** Rows for the loop panels (loop, level, month, mean) and the city panel; whether a band of the city panel was clipped. */
export function learningData(input: LearningChartInput): { loops: Datum[]; city: Datum[]; clipped: boolean } {
  const by = summaryByMetric(input.summary);
  const { axis } = input;
  const row = (loop: string, level: string, month: number, mean: number, order: number): Datum => ({
    loop,
    level,
    order,
    month,
    t: tValue(axis, month),
    t_end: tValue(axis, month + 1),
    mean: round(mean),
  });
  const loops: Datum[] = [];
  for (const r of by.get('learning_single') ?? []) loops.push(row('single', 'services', r.month, r.mean, 0));
  const vision = new Map((by.get('learning_double_vision') ?? []).map((r) => [r.month, r.mean]));
  for (const r of by.get('learning_double') ?? []) {
    const v = vision.get(r.month);
    if (v === undefined) {
      loops.push(row('double', 'services', r.month, r.mean, 0));
    } else {
      // learning_double counts both levels; learning_double_vision the city's vision alone.
      loops.push(row('double', 'services', r.month, Math.max(0, r.mean - v), 0));
      loops.push(row('double', 'city vision', r.month, v, 1));
    }
  }
  for (const r of by.get('learning_triple') ?? []) loops.push(row('triple', 'city rules', r.month, r.mean, 2));
  const cityRows = CITY.flatMap((metric) => (by.get(metric) ?? []).map((r) => [metric, r] as const));
  const city = extendSteps(
    cityRows.map(([metric, r]) => seriesPoint(axis, r, metric, [0, 1])),
    'series',
    axis,
  );
  // Vision and commitment are in [0, 1]: no count, so nothing is left without a bound.
  return { loops, city, clipped: cityRows.some(([, r]) => clipsBand(r, [0, 1])) };
}

export function learningSpec(input: LearningChartInput): TopLevelSpec {
  const { axis } = input;
  const t = input.t ?? en;
  const { loops, city, clipped } = learningData(input);
  const present = (['single', 'double', 'triple'] as const).filter((loop) => loops.some((d) => d['loop'] === loop));
  const levelColor = { field: 'level', type: 'nominal' as const, title: t.levelLegend, scale: { domain: [...LEVELS], range: LEVEL_COLORS }, sort: [...LEVELS], legend: { labelExpr: namesExpr(t.level) } };
  const loopPanel = (loop: (typeof present)[number]): Layer =>
    timePanel(axis, input.timeline, { height: 80, xLabels: false }, [
      {
        data: { values: loops.filter((d) => d['loop'] === loop) },
        // Every loop's bars coloured by the level where its events happen (single loop: services), so the
        // level legend names every bar; a colour of its own left the single loop's bars out of any legend.
        mark: { type: 'bar', orient: 'vertical' },
        encoding: {
          x2: { field: 't_end' },
          y: { field: 'mean', type: 'quantitative', stack: 'zero', title: t.axisLoop(t.loop[loop]), axis: { tickCount: 3 } },
          color: levelColor,
          order: { field: 'order', type: 'quantitative' as const },
        },
      },
    ]);
  const cityNames = namesExpr({ vision: t.metric.vision, leader_commitment: t.metric.leader_commitment });
  const color = { field: 'series', type: 'nominal' as const, title: t.cityLegend, scale: { domain: [...CITY], range: [OKABE_ITO.bluishGreen, OKABE_ITO.blue] }, sort: [...CITY], legend: { labelExpr: cityNames } };
  const y = { type: 'quantitative' as const, scale: { domain: [0, 1], nice: false }, title: [...t.axisCity] };
  const cityPanel = timePanel(axis, input.timeline, { height: 130, xLabels: true }, [
    {
      data: { values: paintBands(city, color.scale) },
      mark: { type: 'area', opacity: 0.2, interpolate: 'step-after' },
      encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, fill: BAND_FILL },
    },
    {
      data: { values: city },
      mark: { type: 'line', strokeWidth: 2.5, interpolate: 'step-after' },
      encoding: {
        y: { ...y, field: 'mean' },
        // stroke, not color: the loop panels' colour scale (level) stays separate with no resolve needed.
        stroke: color,
        // Dashed commitment: where the two coincide, the vision shows through the gaps.
        strokeDash: { field: 'series', type: 'nominal', title: t.cityLegend, scale: { domain: [...CITY], range: [[1, 0], [7, 4]] }, sort: [...CITY], legend: { labelExpr: cityNames } },
      },
    },
  ]);
  const reps = input.replications === null ? '' : t.overReps(input.replications);
  return topLevel(t.learningTitle, [t.learningSub1(reps), t.learningSub2, ...(input.replications === 1 ? [t.noBandOne] : [t.bandIsT(false), ...bandClippedLines(t, clipped, true)])], withTimeline(timelineLane(input.timeline, axis), [...present.map(loopPanel), cityPanel]), t);
}
