/**
 * Survival of services: exits per month stacked by cause (the mean over
 * replications of `discontinued_<cause>`) under the scenario's timeline, so
 * that clusters at pilot ends, budget gaps and leadership changes show where
 * they happened; below, the Kaplan-Meier survival of instances per
 * innovation (months since adoption) with its 95 % band.
 */
import type { TopLevelSpec } from 'vega-lite';
import { en, type Catalog } from '../i18n/en.js';
import { localNumber } from '../i18n/index.js';
import { CAUSES, type EventRow, type SummaryRow } from '../rows.js';
import { CAUSE_SCALE } from '../palette.js';
import { survivalByInnovation } from '../kaplan-meier.js';
import type { TimelineEvent } from '../scenario-facts.js';
import { dateOfMonth, wrapLabel } from '../scenario-facts.js';
import {
  CHAR_EM,
  labelWidth,
  LABEL_FONT_SIZE,
  PANEL_WIDTH,
  round,
  summaryByMetric,
  timelineLane,
  timePanel,
  topLevel,
  tValue,
  withTimeline,
  type AnySpec,
  type Datum,
  type TimeAxis,
  namesExpr,
} from './common.js';
import { toDecimal } from '../../messages/decimal.js';

export interface SurvivalChartInput {
  readonly summary: readonly SummaryRow[];
  readonly events: readonly EventRow[];
  /** Innovation ids in scenario order. */
  readonly innovations: readonly string[];
  readonly axis: TimeAxis;
  readonly timeline: readonly TimelineEvent[];
  /** Display names of the services (the id when absent). */
  readonly names?: ReadonlyMap<string, string>;
  readonly t?: Catalog;
}

/**
 * The fewest instances (agency-service lives, pooled over the detail
 * replications) a Kaplan-Meier curve is drawn from. Below it the service's
 * cell says so instead: a service open to one agency has one instance per
 * replication, and a flat curve at 1 over ten of them, with a band of zero
 * width, would read as certain survival.
 */
export const MIN_KM_INSTANCES = 20;

/** What a service's Kaplan-Meier cell rests on. */
export interface KmInfo {
  readonly series: string;
  readonly name: string;
  /** Instances (spells) pooled over the detail replications. */
  readonly instances: number;
  /** Instances that ended (discontinued) before the horizon. */
  readonly ended: number;
  /** Detail replications in which the service had at least one instance. */
  readonly replications: number;
  /** false: fewer than MIN_KM_INSTANCES instances, no curve drawn. */
  readonly drawn: boolean;
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

/** A cut bar's month and what it is made of: each cause's mean exits in that month (stack order), and their total. */
export interface CutBar {
  readonly month: number;
  readonly total: number;
  readonly causes: readonly { readonly cause: string; readonly mean: number }[];
}

/**
 * Exits per month and cause (means over replications), monthly totals above the cap, and the KM curves.
 * `mean` is a cause's mean exits in its month; `shown` the height it is drawn with: the same, except in a
 * bar cut by the cap, which is drawn up to the cap and divided among its causes in proportion to their means
 * (a bar cut at the cap showed only its lowest causes: a whole cause of exit could be hidden above the axis).
 */
export function survivalData(input: SurvivalChartInput): {
  exits: Datum[];
  cut: Datum[];
  cutBars: CutBar[];
  cap: number | null;
  km: Datum[];
  series: string[];
  info: KmInfo[];
  replications: number;
  meanReplications: number | null;
} {
  const t = input.t ?? en;
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
  const cutMonths = new Set(cap === null ? [] : [...totals].filter(([, total]) => total > cap).map(([month]) => month));
  for (const e of exits) {
    const month = e['month'] as number;
    const total = totals.get(month) as number;
    e['shown'] = cap !== null && cutMonths.has(month) ? round(((e['mean'] as number) / total) * cap) : e['mean'];
  }
  const cutBars: CutBar[] = [...cutMonths]
    .sort((a, b) => a - b)
    .map((month) => {
      const rows = exits.filter((e) => e['month'] === month);
      return { month, total: totals.get(month) as number, causes: rows.map((e) => ({ cause: String(e['cause']), mean: e['mean'] as number })) };
    });
  // The replications behind the means (the summary's n of an exits row; null when there is none).
  const ns = CAUSES.flatMap((cause) => (by.get(`discontinued_${cause}`) ?? []).map((r) => r.n));
  const meanReplications = ns.length === 0 ? null : Math.max(...ns);
  const cut: Datum[] =
    cap === null
      ? []
      : [...totals.entries()]
          .filter(([, total]) => total > cap)
          .sort((a, b) => a[0] - b[0])
          .map(([month, total]) => ({ month, t: tValue(input.axis, month + 1), y: cap, text: `↑ ${localNumber(t, toDecimal(total, total >= 10 ? 0 : 1))}` }));
  const curves = survivalByInnovation(input.events, input.axis.months, input.innovations);
  const info: KmInfo[] = curves.map((c) => ({
    series: c.innovation,
    name: input.names?.get(c.innovation) ?? c.innovation,
    instances: c.spells,
    ended: c.events,
    replications: c.replications,
    drawn: c.spells >= MIN_KM_INSTANCES,
  }));
  const drawn = new Set(info.filter((i) => i.drawn).map((i) => i.series));
  const km: Datum[] = curves
    .filter((c) => drawn.has(c.innovation))
    .flatMap((c) =>
      c.curve.map((p) => ({
        series: c.innovation,
        time: p.time,
        survival: round(p.survival),
        lo: round(p.ciLow),
        hi: round(p.ciHigh),
        at_risk: p.atRisk,
      })),
    );
  const replications = new Set(input.events.map((e) => e.replication)).size;
  return { exits, cut, cutBars, cap, km, series: curves.map((c) => c.innovation), info, replications, meanReplications };
}

/** Characters of a subtitle line of the survival chart (about the width of the Kaplan-Meier lines). */
const SUBTITLE_CHARS = 150;

/** Mean exits per month as a cut bar's label lists them: no decimal from 10, one from 0.1, else two ("< 0.01" below). */
function exitsNumber(x: number): string {
  if (x > 0 && x < 0.005) return '< 0.01';
  return toDecimal(x, x >= 10 ? 0 : x >= 0.1 ? 1 : 2);
}

/** A vocabulary without the glosses in brackets ("defunded", not "defunded (pilot end ...)"): legends stay short; the glossary explains. */
function shortNames(names: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([k, v]) => [k, v.replace(/\s*\(.*\)$/, '')]));
}

/** The survival chart: timeline lane, exits by cause, Kaplan-Meier curves. */
export function survivalSpec(input: SurvivalChartInput): TopLevelSpec {
  const { exits, cut, cutBars, cap, km, info, replications, meanReplications } = survivalData(input);
  const { axis } = input;
  const t = input.t ?? en;
  const yExits = {
    field: 'shown',
    type: 'quantitative' as const,
    stack: 'zero' as const,
    title: [...t.axisExits],
    ...(cap !== null && { scale: { domain: [0, cap], nice: false } }),
  };
  // Above the panel, what each cut bar is made of: its month, its total and every cause's mean (the bar itself is
  // drawn up to the cap, divided in proportion, so a cause that is a small share of it may be only a sliver).
  const names = shortNames(t.cause);
  const cutTitle = cutBars.flatMap((b) =>
    wrapLabel(
      localNumber(
        t,
        t.survivalCutBar(
          axis.kind === 'date' ? dateOfMonth(axis.start, b.month) : `${axis.words?.month ?? en.axisMonth} ${b.month}`,
          exitsNumber(b.total),
          [...b.causes]
            .sort((x, y) => y.mean - x.mean)
            .map((c) => `${names[c.cause] ?? c.cause} ${exitsNumber(c.mean)}`),
        ),
      ),
      Math.floor((axis.width ?? PANEL_WIDTH) / (CHAR_EM * 12)),
    ),
  );
  const exitPanel = timePanel(axis, input.timeline, { height: 170, xLabels: true, ...(cutTitle.length > 0 && { title: cutTitle }) }, [
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
  const kmPanel = kmFacets(km, info, axis.months, replications, t, axis.width ?? PANEL_WIDTH);
  return topLevel(
    t.survivalTitle,
    // The first line, long when the axis is cut, on lines no wider than the others (it widened the chart).
    [...wrapLabel(t.survivalSub1(cap, meanReplications === null ? '' : t.overReps(meanReplications)), SUBTITLE_CHARS), ...t.kmSub(MIN_KM_INSTANCES), t.rulesLegend],
    // The x axes differ (calendar vs months since adoption). Colour means the cause only: the
    // Kaplan-Meier cells are named by their headers and drawn in one neutral colour, so no colour
    // stands for a cause in one panel and for a service in the other.
    { vconcat: [withTimeline(timelineLane(input.timeline, axis), [exitPanel]), kmPanel], spacing: 18, resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } } } as never,
    t,
  );
}

/** Columns of the Kaplan-Meier small multiples. */
const KM_COLUMNS = 2;
const KM_SPACING = 10;
/** Below this panel width the small multiples take one column. */
const KM_ONE_COLUMN = 400;
const KM_LINE = '#333333';

/**
 * The Kaplan-Meier small multiples: one cell per service, named in its
 * header, with its curve and 95 % band and, at the bottom left, what it
 * rests on (instances, ended, replications). A service with fewer than
 * MIN_KM_INSTANCES instances gets no curve, only that note.
 */
/** The font size of a cell's note when it has no curve. */
const NOTE_FONT_SIZE = 11;

function kmFacets(km: readonly Datum[], info: readonly KmInfo[], months: number, replications: number, t: Catalog, panelWidth: number): AnySpec {
  // A cell's header: the service's name, then what its curve rests on (split on '|' by the header's labelExpr).
  const header = new Map(info.map((i) => [i.series, `${i.name}|${t.kmCellNote(i.instances, i.ended, i.replications)}`]));
  const curves: Datum[] = km.map((r) => ({ ...r, kind: 'km', name: header.get(String(r['series'])) ?? String(r['series']) }));
  // A narrow panel (laid out for a phone in the explorer) has one column of cells.
  const columns = Math.min(panelWidth < KM_ONE_COLUMN ? 1 : KM_COLUMNS, Math.max(1, info.length));
  const width = Math.floor((panelWidth - (columns - 1) * KM_SPACING) / columns);
  // The note of a cell without a curve, on lines that fit the cell (its 6 px inset and a margin): a note wider than
  // its cell widened the chart past its box on a phone in Bahasa Indonesia. One line where it fits, as before.
  const tooFew = t.kmTooFew(MIN_KM_INSTANCES);
  const noteWraps = labelWidth(tooFew, NOTE_FONT_SIZE) + 10 > width;
  const noteLine = noteWraps ? wrapLabel(tooFew, Math.max(12, Math.floor((width - 10) / (CHAR_EM * NOTE_FONT_SIZE)))).join('\n') : tooFew;
  const notes: Datum[] = info.filter((i) => !i.drawn).map((i) => ({ kind: 'note', name: header.get(i.series) as string, line: noteLine }));
  const xKm = { field: 'time', type: 'quantitative' as const, title: t.axisSinceAdoption, scale: { domain: [0, Math.max(1, months - 1)], nice: false }, axis: { tickCount: 4 } };
  const yKm = { type: 'quantitative' as const, scale: { domain: [0, 1], nice: false }, title: t.axisSurvival, axis: { tickCount: 5 } };
  const isKm = [{ filter: "datum.kind === 'km'" }];
  return {
    title: { text: t.kmTitleN(replications), fontSize: 12, anchor: 'start' },
    data: { values: [...curves, ...notes] },
    facet: {
      field: 'name',
      type: 'nominal',
      sort: info.map((i) => header.get(i.series) as string),
      header: { title: null, labelFontSize: 11, labelFontWeight: 'bold', labelLimit: width, labelAnchor: 'start', labelExpr: "split(datum.value, '|')", labelLineHeight: 14 },
    },
    columns,
    spacing: { row: 14, column: KM_SPACING },
    spec: {
      width,
      height: 95,
      layer: [
        {
          transform: isKm,
          mark: { type: 'area', opacity: 0.25, interpolate: 'step-after', color: '#999999' },
          encoding: { x: xKm, y: { ...yKm, field: 'lo' }, y2: { field: 'hi' } },
        },
        {
          transform: isKm,
          mark: { type: 'line', strokeWidth: 1.8, interpolate: 'step-after', color: KM_LINE },
          encoding: { x: xKm, y: { ...yKm, field: 'survival' } },
        },
        {
          transform: [{ filter: "datum.kind === 'note'" }],
          mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: NOTE_FONT_SIZE, color: '#222222', ...(noteWraps && { lineBreak: '\n' }) },
          encoding: { x: { datum: 0, type: 'quantitative' }, y: { datum: 0.5, type: 'quantitative' }, text: { field: 'line' } },
        },
      ],
    },
  } as AnySpec;
}
