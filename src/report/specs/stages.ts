/**
 * Organizational implementation stages over time (Rogers ch. 10): live
 * instances in restructuring, clarifying and routinized, stacked (means over
 * replications of `stage_<stage>`), under the scenario's timeline.
 */
import type { TopLevelSpec } from 'vega-lite';
import { en, type Catalog } from '../i18n/en.js';
import { STAGES, type SummaryRow } from '../rows.js';
import { STAGE_SCALE } from '../palette.js';
import type { TimelineEvent } from '../scenario-facts.js';
import { extendSteps, round, summaryByMetric, timelineLane, timePanel, topLevel, tValue, withTimeline, namesExpr, type Datum, type TimeAxis } from './common.js';

export interface StagesChartInput {
  readonly summary: readonly SummaryRow[];
  readonly axis: TimeAxis;
  readonly timeline: readonly TimelineEvent[];
  readonly replications: number | null;
  readonly t?: Catalog;
}

/** One row per (stage, month): the mean count of instances in that stage. */
export function stagesData(input: StagesChartInput): Datum[] {
  const by = summaryByMetric(input.summary);
  const rows = STAGES.flatMap((stage, order) =>
    (by.get(`stage_${stage}`) ?? []).map((r) => ({ stage, order, month: r.month, t: tValue(input.axis, r.month), mean: round(r.mean) })),
  );
  return extendSteps(rows, 'stage', input.axis);
}

export function stagesSpec(input: StagesChartInput): TopLevelSpec {
  const { axis } = input;
  const t = input.t ?? en;
  const panel = timePanel(axis, input.timeline, { height: 220, xLabels: true }, [
    {
      data: { values: stagesData(input) },
      mark: { type: 'area', interpolate: 'step-after', opacity: 0.85 },
      encoding: {
        y: { field: 'mean', type: 'quantitative', stack: 'zero', title: [...t.axisStages] },
        color: { field: 'stage', type: 'nominal', title: t.stageLegend, scale: STAGE_SCALE, sort: [...STAGES], legend: { labelExpr: namesExpr(t.stage) } },
        order: { field: 'order', type: 'quantitative', sort: 'descending' },
      },
    },
  ]);
  const reps = input.replications === null ? '' : t.overReps(input.replications);
  return topLevel(t.stagesTitle, [t.stagesSub(reps)], withTimeline(timelineLane(input.timeline, axis), [panel]), t);
}
