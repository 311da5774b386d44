/**
 * Callon's moments of translation per innovation (Callon 1986; MODEL.md
 * 7.7): problematization (launched: share of replications in which the
 * innovation is launched), interessement (aware instances), enrolment (live
 * instances) and mobilization (routinized instances), the last three as
 * shares of the innovation's eligible agencies. One panel per innovation,
 * under the scenario's timeline.
 */
import type { TopLevelSpec } from 'vega-lite';
import { en, type Catalog } from '../i18n/en.js';
import { CALLON_MOMENTS, type SummaryRow } from '../rows.js';
import { OKABE_ITO } from '../palette.js';
import type { TimelineEvent } from '../scenario-facts.js';
import { extendSteps, round, summaryByMetric, timelineLane, timePanel, topLevel, tValue, withTimeline, namesExpr, type Datum, type Layer, type TimeAxis } from './common.js';

export interface CallonChartInput {
  readonly summary: readonly SummaryRow[];
  /** Innovation ids in scenario order. */
  readonly innovations: readonly string[];
  /** Eligible agencies per innovation (the denominator of the shares); missing = counts are shown. */
  readonly eligible: Readonly<Record<string, number>>;
  readonly axis: TimeAxis;
  readonly timeline: readonly TimelineEvent[];
  /** Services open to one agency (their panel title says the share is of replications). */
  readonly single?: readonly string[];
  /** Display names of the services in the panel titles (the id when absent). */
  readonly names?: ReadonlyMap<string, string>;
  /** Replications behind the means (for the subtitle). */
  readonly replications?: number | null;
  readonly t?: Catalog;
}

/** The top of a share panel's y axis: above 1, so that a line at 1 is not drawn on the frame. */
export const SHARE_TOP = 1.1;

const MOMENTS = CALLON_MOMENTS.map((m) => m.moment);
const MOMENT_COLORS = [OKABE_ITO.grey, OKABE_ITO.orange, OKABE_ITO.blue, OKABE_ITO.bluishGreen];

/** One row per (innovation, moment, month). */
export function callonData(input: CallonChartInput): Datum[] {
  const by = summaryByMetric(input.summary);
  const out: Datum[] = [];
  for (const id of input.innovations) {
    const denominator = input.eligible[id];
    for (const [order, { moment, metric }] of CALLON_MOMENTS.entries()) {
      const scale = metric === 'launched' ? 1 : denominator && denominator > 0 ? 1 / denominator : 1;
      for (const r of by.get(`${metric}.${id}`) ?? []) {
        out.push({ innovation: id, moment, order, series: `${id}|${moment}`, month: r.month, t: tValue(input.axis, r.month), value: round(r.mean * scale) });
      }
    }
  }
  return extendSteps(out, 'series', input.axis);
}

export function callonSpec(input: CallonChartInput): TopLevelSpec {
  const { axis } = input;
  const t = input.t ?? en;
  const data = callonData(input);
  const ids = input.innovations.filter((id) => data.some((d) => d['innovation'] === id));
  const color = { field: 'moment', type: 'nominal' as const, title: t.momentLegend, scale: { domain: MOMENTS, range: MOMENT_COLORS }, sort: MOMENTS, legend: { labelExpr: namesExpr(t.moment) } };
  const panels: Layer[] = ids.map((id, i) => {
    const name = input.names?.get(id) ?? id;
    return timePanel(axis, input.timeline, { height: 110, xLabels: i === ids.length - 1, title: (input.single ?? []).includes(id) ? t.singleAgency(name) : name }, [
      {
        data: { values: data.filter((d) => d['innovation'] === id) },
        mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after' },
        encoding: {
          y: {
            field: 'value',
            type: 'quantitative',
            // A little above 1: a line at 1 (problematization once launched) sat on the panel's top border and read as its frame.
            scale: input.eligible[id] ? { domain: [0, SHARE_TOP], nice: false } : { zero: true },
            title: input.eligible[id] ? t.axisShare : t.axisInstances,
            axis: input.eligible[id] ? { values: [0, 0.5, 1] } : { tickCount: 3 },
          },
          color,
          strokeDash: {
            field: 'moment',
            type: 'nominal',
            title: t.momentLegend,
            scale: { domain: MOMENTS, range: [[2, 2], [1, 0], [1, 0], [6, 2]] },
            sort: MOMENTS,
            legend: { labelExpr: namesExpr(t.moment) },
          },
        },
      },
    ]);
  });
  return topLevel(
    t.callonTitle,
    [t.callonSub1, t.callonSub2(input.replications === undefined || input.replications === null ? '' : t.overReps(input.replications))],
    withTimeline(timelineLane(input.timeline, axis), panels),
    t,
  );
}
