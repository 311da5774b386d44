/**
 * The arms of a comparison overlaid: each arm's mean curve with its 95 %
 * band, city-wide (the share of agency-service pairs in use, and ever
 * adopted) and per service (agencies running it; for a service open to a
 * single agency, the share of replications in which it is live), under
 * the arms' timelines: events every arm shares are drawn as usual, events
 * of only some arms in their arm's colour with the arms named.
 */
import type { TopLevelSpec } from 'vega-lite';
import { en, type Catalog } from '../i18n/en.js';
import { armLabel } from '../i18n/index.js';
import type { ArmSummaryRow } from '../rows.js';
import { ARM_COLORS } from '../palette.js';
import type { TimelineEvent } from '../scenario-facts.js';
import { outcomeName } from '../outcome-names.js';
import {
  BAND_FILL,
  bandClippedLines,
  clipsBand,
  mostPerGroup,
  paintBands,
  repsPhrase,
  seriesPoint,
  summaryByMetric,
  timelineLane,
  timePanel,
  topLevel,
  withTimeline,
  type ChartEvent,
  type Datum,
  type Layer,
  type TimeAxis,
} from './common.js';

/** The arms' line styles, in the arms' order: the base solid, then dashes that differ in length and rhythm. */
export const ARM_DASHES: readonly (readonly number[])[] = [[1, 0], [8, 4], [2, 3], [10, 3, 2, 3], [5, 2], [1, 3, 6, 3]];

/** City-wide metrics overlaid, in order, when the arms have them. */
export const ARM_METRICS = ['live_share', 'cumulative_adoption_share'] as const;

export interface ArmsChartInput {
  readonly arms: readonly ArmSummaryRow[];
  /** Variant names, base first. */
  readonly variants: readonly string[];
  readonly axis: TimeAxis;
  /** The base arm's timeline (used for every arm without one in `armTimelines`). */
  readonly timeline: readonly TimelineEvent[];
  /** Each arm's own timeline, from its own resolved scenario. */
  readonly armTimelines?: ReadonlyMap<string, readonly TimelineEvent[]>;
  /** Service ids in scenario order; services open to one agency. */
  readonly innovations?: readonly string[];
  readonly single?: readonly string[];
  readonly names?: ReadonlyMap<string, string>;
  /** Eligible agencies per service (or a bound on them): a live count's band is clipped to it. */
  readonly eligible?: Readonly<Record<string, number>> | null;
  readonly t?: Catalog;
}

/**
 * One panel: a metric (city-wide share, or `live.<service>`) with each arm's rows; whether a band of it
 * was clipped, and whether it had a bound (a share's 1, a count's eligible agencies) or was clipped at 0 only.
 */
export function armsData(input: ArmsChartInput): { metric: string; share: boolean; values: Datum[]; clipped: boolean; bounded: boolean }[] {
  const out: { metric: string; share: boolean; values: Datum[]; clipped: boolean; bounded: boolean }[] = [];
  const single = new Set(input.single ?? []);
  const metrics = [
    ...ARM_METRICS.map((m) => ({ metric: m as string, share: true })),
    ...(input.innovations ?? []).map((id) => ({ metric: `live.${id}`, share: single.has(id), most: input.eligible?.[id] ?? Infinity })),
  ];
  for (const { metric, share, most } of metrics as { metric: string; share: boolean; most?: number }[]) {
    const values: Datum[] = [];
    const clamp: [number, number] = share ? [0, 1] : [0, most ?? Infinity];
    let clipped = false;
    for (const v of input.variants) {
      const by = summaryByMetric(input.arms.filter((r) => r.variant === v && r.metric === metric));
      for (const r of by.get(metric) ?? []) {
        if (clipsBand(r, clamp)) clipped = true;
        values.push(seriesPoint(input.axis, r, v, clamp));
      }
    }
    if (values.length > 0) out.push({ metric, share, values, clipped, bounded: clamp[1] !== Infinity });
  }
  return out;
}

/**
 * The arms' events: each once, with the arms it happens in. An event of
 * every arm is drawn as usual; one of some arms only gets the colour of
 * its (first) arm and "(only <arms>)" after its label.
 */
export function armEvents(input: ArmsChartInput, colors: ReadonlyMap<string, string>): ChartEvent[] {
  const t = input.t ?? en;
  const byKey = new Map<string, { event: TimelineEvent; arms: string[] }>();
  for (const arm of input.variants) {
    for (const e of input.armTimelines?.get(arm) ?? input.timeline) {
      // The end is part of the key: a variant whose only change is a shorter budget shock has its own window.
      const key = JSON.stringify([e.kind, e.id, e.month, e.endMonth, e.label]);
      const entry = byKey.get(key) ?? { event: e, arms: [] };
      entry.arms.push(arm);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .map(({ event, arms }) =>
      arms.length === input.variants.length
        ? event
        : {
            ...event,
            // A window names its dates, so two arms' windows that differ only in their end can be told apart.
            label: `${event.label}${event.endDate === null ? '' : ` ${t.eventWindow(event.date, event.endDate)}`} (${t.onlyIn(arms.map((a) => armLabel(a, input.variants, t)).join(', '))})`,
            color: colors.get(arms[0] as string) ?? '#555555',
          },
    )
    .sort((a, b) => a.month - b.month);
}

export function armsSpec(input: ArmsChartInput): TopLevelSpec {
  const t = input.t ?? en;
  const { axis } = input;
  // The arms as the legend shows them (the base arm as `dasar` in Indonesian); the rows keep their names.
  const shown = (arm: string): string => armLabel(arm, input.variants, t);
  const panels = armsData(input).map((p) => ({ ...p, values: p.values.map((v) => ({ ...v, series: shown(String(v['series'])) })) }));
  const variants = input.variants.map(shown);
  const range = variants.map((_, i) => ARM_COLORS[i % ARM_COLORS.length] as string);
  const dashes = variants.map((_, i) => ARM_DASHES[i % ARM_DASHES.length] as number[]);
  const events = armEvents(input, new Map(input.variants.map((v, i) => [v, range[i] as string])));
  // The legend draws each arm as a short stretch of its line (colour and dashes), not as a circle.
  const legend = { symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolSize: 500 };
  const color = { field: 'series', type: 'nominal' as const, title: t.armLegend, scale: { domain: variants, range }, sort: variants, legend };
  const layers: Layer[] = panels.map((p, i) => {
    const id = p.metric.startsWith('live.') ? p.metric.slice('live.'.length) : null;
    const name = id === null ? null : (input.names?.get(id) ?? id);
    const title = id === null ? outcomeName(p.metric, t) : p.share ? t.singleAgency(name as string) : `${name}: ${t.axisLive.join(' ')}`;
    const y = { type: 'quantitative' as const, scale: p.share ? { domain: [0, 1], nice: false } : { zero: true, nice: true }, title: null, axis: { tickCount: 4 } };
    return timePanel(axis, events, { height: id === null ? 120 : 80, xLabels: i === panels.length - 1, title }, [
      {
        data: { values: paintBands(p.values, color.scale) },
        mark: { type: 'area', opacity: 0.2, clip: true },
        encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, fill: BAND_FILL },
      },
      {
        data: { values: p.values },
        mark: { type: 'line', strokeWidth: 2, clip: true },
        // A dash pattern as well as a colour per arm (the base solid, under the dashed others' gaps): blue and
        // sky blue told the base from a third arm by hue alone, and the arm drawn last covered the base.
        encoding: { y: { ...y, field: 'mean' }, color, strokeDash: { field: 'series', type: 'nominal' as const, title: t.armLegend, scale: { domain: variants, range: dashes }, sort: variants, legend } },
      },
    ]);
  });
  // Each arm's replications (the most n of its rows), in the arms' order; an arm without rows is left out.
  const most = new Map(mostPerGroup(input.arms.map((r) => [r.variant, r.n])));
  const armReps = input.variants.filter((v) => most.has(v)).map((v) => [shown(v), most.get(v) as number] as const);
  const armWindows = events.some((e) => e.kind === 'budget' && e.endMonth !== null && e.color !== undefined);
  const single = panels.some((p) => p.share && p.metric.startsWith('live.'));
  // Every arm of one replication: no interval, so no band is drawn (as the adoption and learning charts say).
  const oneEach = armReps.length > 0 && armReps.every(([, n]) => n === 1);
  return topLevel(t.armsTitle, [t.armsSub(repsPhrase(t, armReps)), ...(oneEach ? [t.noBandOne] : [t.bandIsT(single), ...bandClippedLines(t, panels.some((p) => p.clipped), panels.every((p) => p.bounded))]), ...(armWindows ? [t.armsWindowSub] : []), t.rulesLegend], withTimeline(timelineLane(events, axis), layers), t);
}
