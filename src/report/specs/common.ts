/**
 * Pieces shared by the chart specs: the time axis (calendar dates when the
 * scenario has a start, months otherwise), the scenario timeline (vertical
 * rules at leadership changes, regulations and budget shocks, labelled in a
 * separate lane with no overlap), label placement, and the top-level shell.
 * All pure.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec, NonNormalizedSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import { baseConfig, OKABE_ITO } from '../palette.js';
import { dateOfMonth, wrapLabel, WRAP_WIDTH, type ScenarioFacts, type TimelineEvent } from '../scenario-facts.js';
import type { SummaryRow } from '../rows.js';
import { en, type Catalog } from '../i18n/en.js';
import { safeStrings } from '../../messages/safe-text.js';

export type Unit = UnitSpec<Field>;
export type Layer = LayerSpec<Field>;
export type AnySpec = NonNormalizedSpec;
/** A data row inlined into a spec. */
export type Datum = Record<string, string | number | boolean | null>;

export const SCHEMA_URL = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Width of a time panel's plotting area (px). */
export const PANEL_WIDTH = 640;
/** Font size of timeline and point labels (px). */
export const LABEL_FONT_SIZE = 10;
/** Average advance of DejaVu Sans, in em, with a margin (labels must not overlap). */
export const CHAR_EM = 0.62;

/** Estimated width in px of a label in DejaVu Sans. */
export function labelWidth(text: string, fontSize: number = LABEL_FONT_SIZE): number {
  return [...text].length * CHAR_EM * fontSize;
}

/** How months are shown on x: calendar dates from the scenario's start, or bare months. */
export type TimeAxis = (
  | { readonly kind: 'date'; readonly start: string; readonly months: number }
  | { readonly kind: 'month'; readonly months: number }
) & {
  /** Axis titles in the report's language (English when absent). */
  readonly words?: AxisWords;
  /**
   * Width of a time panel's plotting area, laid out for a container (the
   * explorer). Absent: PANEL_WIDTH.
   */
  readonly width?: number;
};

/** The time axis titles of a catalog. */
export interface AxisWords {
  readonly dateShort: string;
  readonly dateLong: string;
  readonly month: string;
}

const EN_AXIS: AxisWords = { dateShort: en.axisDateShort, dateLong: en.axisDateLong, month: en.axisMonth };

/** The time axis of a run: dates when the scenario has a start; the horizon from the scenario or the data. */
export function timeAxisOf(facts: ScenarioFacts, summary: readonly SummaryRow[] = [], t: Catalog = en): TimeAxis {
  const dataMonths = summary.reduce((m, r) => Math.max(m, r.month), 0);
  const months = facts.months ?? Math.max(1, dataMonths);
  const words: AxisWords = { dateShort: t.axisDateShort, dateLong: t.axisDateLong, month: t.axisMonth };
  return facts.start ? { kind: 'date', start: facts.start, months, words } : { kind: 'month', months, words };
}

/** The x value of a month: 'YYYY-MM-01' (UTC) or the month number. */
export function tValue(axis: TimeAxis, month: number): string | number {
  return axis.kind === 'date' ? `${dateOfMonth(axis.start, month)}-01` : month;
}

/**
 * The x value of a fractional month (e.g. a mean adoption month): a UTC
 * timestamp in ms, interpolated inside the calendar month, or the number.
 */
export function tValueFrac(axis: TimeAxis, month: number): number {
  if (axis.kind === 'month') return month;
  const whole = Math.floor(month);
  const at = (m: number): number => {
    const [y, mo] = dateOfMonth(axis.start, m).split('-').map(Number) as [number, number];
    return Date.UTC(y, mo - 1, 1);
  };
  const a = at(whole);
  return a + (month - whole) * (at(whole + 1) - a);
}

/**
 * Approximate px of the start of a month on a time axis `width` px wide
 * (month index; calendar irregularity < 2 px). The axis runs from the start
 * of month 1 to the end of the horizon (the start of month `months + 1`), so
 * per-month bars fit and month values sit at their month's start.
 */
export function monthPx(axis: TimeAxis, month: number, width: number): number {
  return ((month - 1) / Math.max(1, axis.months)) * width;
}

export interface TimeXOptions {
  readonly field?: string;
  /** The month whose start ends the domain (default: the month after the horizon). */
  readonly endMonth?: number;
  readonly title?: string | null;
  /** false: no labels or title (an upper panel that shares the lower panel's axis). */
  readonly labels?: boolean;
}

/** Size of the time axis's tick labels (palette.ts baseConfig, axis.labelFontSize). */
const TICK_FONT_SIZE = 11;

/**
 * The ticks of a date axis, as UTC timestamps: the months vega's tickCount
 * would give (each January, or every `step` months from January), ending at
 * the horizon. The domain ends at the start of the month after the horizon,
 * where vega put one more tick ("2026" for a run to 2025-12): it read as data
 * (or a forecast) running into that year. Laid out for a container
 * (`axis.width` set: the explorer), also left out: any tick whose label (its
 * width estimated by labelWidth) would run past the plot's right edge (on a
 * phone it was cut at the chart's edge). The report's fixed widths keep the
 * last label, which may reach into the margin (the chart grows to hold it).
 */
function tickValues(axis: TimeAxis & { kind: 'date' }, step: number, chars: number): number[] {
  const width = axis.width;
  const half = labelWidth('0'.repeat(chars), TICK_FONT_SIZE) / 2;
  const values: number[] = [];
  for (let m = 1; m <= axis.months; m++) {
    const month = Number(dateOfMonth(axis.start, m).split('-')[1]);
    if ((month - 1) % step === 0 && (width === undefined || monthPx(axis, m, width) + half <= width)) values.push(tValueFrac(axis, m));
  }
  return values;
}

/**
 * The ticks of a month axis (no calendar): multiples of a round step (1, 2,
 * 5, 10, 20, 50, ...: at most about ten ticks), from month 1 up to the
 * horizon. vega's own ticks ran to the domain's end, the month after the
 * horizon (a 6-month run had a tick at 7), and at half months on a short one.
 */
export function monthTickValues(months: number): number[] {
  const horizon = Math.max(1, Math.floor(months));
  let step = 1;
  for (let k = 1; horizon / step > 10; k++) step = [1, 2, 5][k % 3]! * 10 ** Math.floor(k / 3);
  const values: number[] = [];
  for (let m = step === 1 ? 1 : step; m <= horizon; m += step) values.push(m);
  return values;
}

/** The x encoding of a time panel, with a fixed domain so stacked panels line up. */
export function timeX(axis: TimeAxis, options: TimeXOptions = {}) {
  const field = options.field ?? 't';
  const labels = options.labels ?? true;
  if (axis.kind === 'date') {
    const short = axis.months <= 48;
    const step = short ? (axis.months <= 24 ? 3 : 6) : 12;
    const values = tickValues(axis, step, short ? 7 : 4);
    return {
      field,
      type: 'temporal' as const,
      // domainMin/domainMax rather than domain: vega-lite 6.4 warns about a conflict for x2 with an explicit temporal domain.
      scale: { type: 'utc' as const, domainMin: tValueFrac(axis, 1), domainMax: tValueFrac(axis, options.endMonth ?? axis.months + 1) },
      axis: {
        format: short ? '%Y-%m' : '%Y',
        // Labels centred on their ticks, also the first and last: a first label flush with the axis's
        // start ran into the second on a narrow panel, and the overlap removal then hid the second
        // (the Rogers chart lost "2016", the launch year).
        labelFlush: false,
        values,
        labels,
        ticks: labels,
        title: labels ? (options.title === undefined ? (short ? (axis.words ?? EN_AXIS).dateShort : (axis.words ?? EN_AXIS).dateLong) : options.title) : null,
      },
    };
  }
  return {
    field,
    type: 'quantitative' as const,
    scale: { domainMin: 1, domainMax: options.endMonth ?? axis.months + 1, nice: false },
    axis: {
      values: monthTickValues(axis.months),
      labels,
      ticks: labels,
      title: labels ? (options.title === undefined ? (axis.words ?? EN_AXIS).month : options.title) : null,
    },
  };
}

/**
 * Rule styles per timeline kind: leadership solid, regulation dashed, budget
 * dotted over a shaded window, pilot and vendor contract ends dash-dot.
 */
const RULE_DASH: Record<TimelineEvent['kind'], number[]> = { leader: [1, 0], regulation: [6, 3], budget: [2, 2], pilot: [8, 3, 2, 3], contract: [8, 3, 2, 3] };
const RULE_COLOR: Record<TimelineEvent['kind'], string> = {
  leader: '#222222',
  regulation: '#222222',
  budget: OKABE_ITO.vermillion,
  pilot: OKABE_ITO.reddishPurple,
  contract: OKABE_ITO.reddishPurple,
};

/** The relative luminance (WCAG 2.1) of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The colour a label is written in beside a rule or mark of `color`: the same hue, darkened (in steps of 5 %
 * toward black) until it reads 4.5:1 on the white chart (WCAG 1.4.3). The rules and marks keep their colour;
 * the labels in vermillion (3.9:1), reddish purple (3.1:1) or an arm's sky blue (2.3:1) were hard to read.
 * A colour that is not `#rrggbb` is returned as it is.
 */
export function labelInk(color: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return color;
  if (1.05 / (luminance(color) + 0.05) >= 4.5) return color;
  for (let step = 1; step < 20; step++) {
    const hex = `#${[1, 3, 5].map((i) => Math.round((parseInt(color.slice(i, i + 2), 16) * (20 - step)) / 20).toString(16).padStart(2, '0')).join('')}`;
    if (1.05 / (luminance(hex) + 0.05) >= 4.5) return hex.toUpperCase();
  }
  return '#000000';
}

/**
 * A timeline event as a chart draws it: `color` overrides the kind's colour
 * (a comparison colours the events of only some arms with their arm's
 * colour).
 */
export type ChartEvent = TimelineEvent & { readonly color?: string };

function timelineData(events: readonly ChartEvent[], axis: TimeAxis): Datum[] {
  return events.map((e) => ({
    kind: e.kind,
    label: e.label,
    date: e.date,
    t: tValue(axis, e.month),
    t_end: e.endMonth === null ? null : tValue(axis, Math.min(axis.months + 1, e.endMonth + 1)),
    color: e.color ?? RULE_COLOR[e.kind],
  }));
}

/**
 * The timeline's layers for a time panel: shaded budget windows (drawn
 * first, under the data) and one vertical rule per event (drawn last, over
 * the data, so that a stacked area cannot hide them). They carry no x
 * encoding: the panel's shared `encoding.x` positions them, so every layer
 * uses one scale and one axis.
 */
export function timelineLayers(events: readonly ChartEvent[], axis: TimeAxis): { under: Unit[]; over: Unit[] } {
  const values = timelineData(events, axis);
  const under: Unit[] = [];
  const over: Unit[] = [];
  const windows = values.filter((v) => v.kind === 'budget' && v.t_end !== null);
  const ownWindows = windows.filter((v) => v['color'] === RULE_COLOR.budget);
  const armWindows = windows.filter((v) => v['color'] !== RULE_COLOR.budget);
  if (ownWindows.length > 0) {
    under.push({
      data: { values: ownWindows },
      mark: { type: 'rect', color: OKABE_ITO.vermillion, opacity: 0.08 },
      encoding: { x2: { field: 't_end' } },
    });
  }
  if (armWindows.length > 0) {
    // A window of only some arms (a comparison): shaded in its arm's colour, its end marked by a dashed rule.
    under.push({
      data: { values: armWindows },
      // fill, not color: a colour channel here would share the arms' legend and fade its symbols.
      mark: { type: 'rect', fillOpacity: 0.1 },
      encoding: { x2: { field: 't_end' }, fill: { field: 'color', type: 'nominal', scale: null } },
    });
    over.push({
      data: { values: armWindows.map((v) => ({ ...v, t: v.t_end })) },
      mark: { type: 'rule', strokeDash: [4, 2], strokeWidth: 2, opacity: 0.85 },
      encoding: { color: { field: 'color', type: 'nominal', scale: null } },
    });
  }
  for (const kind of ['leader', 'regulation', 'budget', 'pilot', 'contract'] as const) {
    const rows = values.filter((v) => v.kind === kind);
    if (rows.length === 0) continue;
    const own = rows.filter((v) => v['color'] === RULE_COLOR[kind]);
    const coloured = rows.filter((v) => v['color'] !== RULE_COLOR[kind]);
    const mark = { type: 'rule' as const, strokeDash: RULE_DASH[kind], strokeWidth: kind === 'leader' ? 1.5 : 1.2, opacity: 0.85 };
    if (own.length > 0) over.push({ data: { values: own }, mark: { ...mark, color: RULE_COLOR[kind] }, encoding: {} });
    if (coloured.length > 0) {
      over.push({ data: { values: coloured }, mark: { ...mark, strokeWidth: 2 }, encoding: { color: { field: 'color', type: 'nominal', scale: null } } });
    }
  }
  return { under, over };
}

export interface TimePanelOptions {
  readonly height: number;
  /** Show the x axis labels (the lowest panel of a stack). */
  readonly xLabels: boolean;
  /** The panel's title (lines: several). */
  readonly title?: string | readonly string[];
}

/**
 * One time panel: the shared x encoding, the timeline's windows under the
 * data layers and its rules over them.
 */
export function timePanel(axis: TimeAxis, timeline: readonly ChartEvent[], options: TimePanelOptions, data: readonly Unit[]): Layer {
  const t = timelineLayers(timeline, axis);
  return {
    width: axis.width ?? PANEL_WIDTH,
    height: options.height,
    ...(options.title !== undefined && { title: { text: typeof options.title === 'string' ? options.title : [...options.title], fontSize: 12, anchor: 'start' as const, offset: 4 } }),
    encoding: { x: timeX(axis, { labels: options.xLabels }) },
    layer: [...t.under, ...data, ...t.over],
  };
}

/** A label placed in the timeline lane. */
export interface PlacedLabel {
  readonly lane: number;
  readonly align: 'left' | 'right';
}

/**
 * Greedy lane assignment: each label starts at its rule and goes to the
 * first lane where it does not overlap a label already placed (4 px gap).
 * A label may run past the panel's right edge into the margin by up to
 * `overflow` px (the view grows to fit it); beyond that it is right-aligned
 * to end at its rule.
 */
export function placeLaneLabels(
  items: readonly { readonly x: number; readonly text: string }[],
  width: number,
  fontSize: number = LABEL_FONT_SIZE,
  overflow = 160,
): PlacedLabel[] {
  const gap = 4;
  const lanes: [number, number][][] = [];
  return items.map(({ x, text }) => {
    const w = labelWidth(text, fontSize) + 3;
    const align: 'left' | 'right' = x + w > width + overflow && x - w >= 0 ? 'right' : 'left';
    const span: [number, number] = align === 'left' ? [x, x + w] : [x - w, x];
    let lane = lanes.findIndex((occupied) => occupied.every(([a, b]) => span[1] + gap <= a || span[0] >= b + gap));
    if (lane < 0) {
      lane = lanes.length;
      lanes.push([]);
    }
    (lanes[lane] as [number, number][]).push(span);
    return { lane, align };
  });
}

const LANE_HEIGHT = 13;

/** A wrapped label placed in the timeline lane: its first line's row and its alignment. */
export interface PlacedBlock {
  readonly row: number;
  readonly align: 'left' | 'right';
}

/**
 * Places multi-line labels (each starting at its rule) in rows of the
 * lane: each goes to the first row from which its lines overlap no label
 * placed before it (4 px gap). A label runs past the panel's right edge by
 * up to `overflow` px, else it is right-aligned to end at its rule.
 */
export function placeWrappedLabels(
  items: readonly { readonly x: number; readonly lines: readonly string[] }[],
  width: number,
  fontSize: number = LABEL_FONT_SIZE,
  overflow = 160,
): PlacedBlock[] {
  const gap = 4;
  const boxes: { x0: number; x1: number; r0: number; r1: number }[] = [];
  // Each placed label's tick runs from its first row down to the lane's bottom: no label may cross it.
  const ticks: { x: number; r0: number }[] = [];
  return items.map(({ x, lines }) => {
    const w = Math.max(...lines.map((l) => labelWidth(l, fontSize))) + 3;
    const align: 'left' | 'right' = x + w > width + overflow && x - w >= 0 ? 'right' : 'left';
    const [x0, x1] = align === 'left' ? [x, x + w] : [x - w, x];
    let row = 0;
    const clash = (r: number) =>
      boxes.some((b) => r < b.r1 && r + lines.length > b.r0 && x0 < b.x1 + gap && x1 + gap > b.x0) ||
      // this label over an earlier tick (at or below the tick's first row)
      ticks.some((k) => k.x > x0 + 1 && k.x < x1 - 1 && r + lines.length > k.r0) ||
      // this label's tick through an earlier label (a label at or below this first row)
      boxes.some((b) => x > b.x0 + 1 && x < b.x1 - 1 && b.r1 > r);
    // Below every placed label only an earlier tick can clash, and it clashes with every row further down:
    // there the label stays (crossing that tick) rather than searching forever.
    const below = Math.max(0, ...boxes.map((b) => b.r1));
    while (row < below && clash(row)) row++;
    boxes.push({ x0, x1, r0: row, r1: row + lines.length });
    ticks.push({ x, r0: row });
    return { row, align };
  });
}

/**
 * The timeline lane: a strip above the time panels with each event's full
 * label (wrapped over several lines, never cut) next to a tick at its
 * month, placed so that no two labels overlap. Null when there is no event.
 */
export function timelineLane(events: readonly ChartEvent[], axis: TimeAxis, width: number = axis.width ?? PANEL_WIDTH): Layer | null {
  if (events.length === 0) return null;
  // Laid out for a container: lines at most half the panel wide, so a label fits on one side of its rule.
  const chars = axis.width === undefined ? WRAP_WIDTH : Math.max(12, Math.min(WRAP_WIDTH, Math.floor(width / 2 / (CHAR_EM * LABEL_FONT_SIZE))));
  const wrapped = events.map((e) => wrapLabel(e.label, chars));
  const placed = placeWrappedLabels(
    events.map((e, i) => ({ x: monthPx(axis, e.month, width), lines: wrapped[i] as string[] })),
    width,
    LABEL_FONT_SIZE,
    // Laid out for a container: no label runs into the margin (a label that would is right-aligned at its rule).
    axis.width === undefined ? 160 : 0,
  );
  const rows = Math.max(...placed.map((p, i) => p.row + (wrapped[i] as string[]).length));
  const height = rows * LANE_HEIGHT + 6;
  const data = timelineData(events, axis);
  const ticks = data.map((v, i) => ({ ...v, y: (placed[i] as PlacedBlock).row * LANE_HEIGHT + 1 }));
  const lines = data.flatMap((v, i) => {
    const p = placed[i] as PlacedBlock;
    // The label in its rule's hue, dark enough to read (labelInk).
    return (wrapped[i] as string[]).map((line, k) => ({ t: v['t'] as string | number, line, align: p.align, color: labelInk(v['color'] as string), y: (p.row + k) * LANE_HEIGHT + LANE_HEIGHT / 2 + 1 }));
  });
  const y = { field: 'y', type: 'quantitative' as const, scale: null, axis: null };
  const text = (align: 'left' | 'right'): Unit => ({
    data: { values: lines.filter((l) => l.align === align) },
    mark: { type: 'text', align, baseline: 'middle', dx: align === 'left' ? 3 : -3, fontSize: LABEL_FONT_SIZE },
    encoding: { y, text: { field: 'line' }, color: { field: 'color', type: 'nominal', scale: null } },
  });
  return {
    width,
    height,
    view: { stroke: null },
    encoding: { x: timeX(axis, { labels: false }) },
    layer: [
      {
        data: { values: ticks },
        mark: { type: 'rule', color: '#888888', strokeWidth: 1 },
        encoding: { y, y2: { datum: height } },
      },
      text('left'),
      text('right'),
    ],
  };
}

/** The shell every chart shares: schema, title with subtitle lines, config, the body. */
export function topLevel(title: string, subtitle: readonly string[], body: AnySpec, t: Catalog = en): TopLevelSpec {
  const config = baseConfig();
  return {
    $schema: SCHEMA_URL,
    title: { text: title, subtitle: subtitle.length > 0 ? [...subtitle] : undefined },
    // Numbers on axes and legends with the language's decimal separator (0,25 in Indonesian).
    config: t.decimal === '.' ? config : { ...config, locale: { number: { decimal: t.decimal, thousands: '.', grouping: [3], currency: ['Rp', ''] } } },
    ...body,
  } as TopLevelSpec;
}

/**
 * Stacks a timeline lane (if any) above panels, all sharing one x domain.
 * `independentColors`: the panels' colour scales (and legends) are separate
 * (panels colour different things); by default one colour scale is shared.
 */
export function withTimeline(lane: Layer | null, panels: readonly AnySpec[], independentColors = false): AnySpec {
  const all = lane ? [lane, ...panels] : [...panels];
  return {
    vconcat: all,
    spacing: 6,
    ...(independentColors && { resolve: { scale: { color: 'independent', strokeDash: 'independent' }, legend: { color: 'independent', strokeDash: 'independent' } } }),
  } as AnySpec;
}

/**
 * A string (or a name's lines) as a string literal of a vega expression, made safe as every
 * string of a chart is (safeText: no control or bidirectional characters, no line or paragraph
 * separator). Needed because a name inside an expression is JSON text: the sanitising of the
 * whole spec (render.ts safeStrings) sees there only the escape `\u001b`, which vega's parser
 * turns back into the character (an SVG that is not XML, a PNG that fails to render).
 */
export function exprLiteral(value: string | readonly string[]): string {
  return JSON.stringify(safeStrings(value));
}

/**
 * A vega expression that shows a key (`datum.label`) by its name in a vocabulary of the catalog
 * (a name given as lines, an array, is drawn on those lines).
 */
export function namesExpr(names: object): string {
  return (Object.entries(names) as [string, unknown][])
    .filter((e): e is [string, string | string[]] => typeof e[1] === 'string' || (Array.isArray(e[1]) && e[1].every((l) => typeof l === 'string')))
    .reduce((expr, [key, name]) => `datum.label === ${exprLiteral(key)} ? ${exprLiteral(name)} : ${expr}`, 'datum.label');
}

/** The longest line of a legend's label and the labels' size (palette.ts baseConfig: legend.labelLimit, labelFontSize). */
const LEGEND_LABEL_LIMIT = 260;
const LEGEND_LABEL_SIZE = 11;

/**
 * namesExpr for a legend whose entries are keys (service ids: the data,
 * the colours and their order stay keyed by them) shown by their names.
 * Laid out for the report's fixed widths (`axis.width` unset), a name wider
 * than a legend line (by labelWidth's estimate) is broken between words
 * onto lines rather than cut with "…"; laid out for a container (the
 * explorer), the names stay whole, for its own layout to fit
 * (explorer/charts.ts laidOut).
 */
export function legendNamesExpr(names: ReadonlyMap<string, string>, axis: TimeAxis): string {
  const fixedWidth = axis.width === undefined;
  const chars = Math.floor(LEGEND_LABEL_LIMIT / (CHAR_EM * LEGEND_LABEL_SIZE));
  const shown = [...names].map(([key, name]) => [key, fixedWidth && labelWidth(name, LEGEND_LABEL_SIZE) > LEGEND_LABEL_LIMIT ? wrapLabel(name, chars) : name] as const);
  return namesExpr(Object.fromEntries(shown));
}

/**
 * " over 50 replications" (the catalog's overReps) when every arm (or
 * what-if) has that many, else each arm's number (overRepsEach: " over the
 * replications of each arm (base 50, mandate 40)"); '' when none is known.
 */
export function repsPhrase(t: Catalog, counts: readonly (readonly [string, number])[]): string {
  const ns = [...new Set(counts.map(([, n]) => n))];
  if (ns.length === 0) return '';
  if (ns.length === 1) return t.overReps(ns[0] as number);
  return t.overRepsEach(counts.map(([arm, n]) => `${arm} ${n}`).join(', '));
}

/** The largest number per key, in the keys' first order ([arm, n] pairs of rows, to each arm's replications). */
export function mostPerGroup(pairs: readonly (readonly [string, number])[]): [string, number][] {
  const out = new Map<string, number>();
  for (const [k, n] of pairs) out.set(k, Math.max(out.get(k) ?? 0, n));
  return [...out];
}

/** Mean, CI band and month of one summary metric, keyed by the metric. */
export function summaryByMetric(summary: readonly SummaryRow[]): Map<string, SummaryRow[]> {
  const out = new Map<string, SummaryRow[]>();
  for (const r of summary) {
    const g = out.get(r.metric);
    if (g) g.push(r);
    else out.set(r.metric, [r]);
  }
  for (const g of out.values()) g.sort((a, b) => a.month - b.month);
  return out;
}

/** Rounds for inlined data: keeps specs small and bytes stable. */
export function round(x: number | null, digits = 6): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * A series point with its 95 % band (CI of the mean) from a summary row; the
 * band collapses to the mean when absent and is clamped to `clamp` (a share
 * stays in [0, 1], a count stays >= 0).
 */
export function seriesPoint(axis: TimeAxis, r: SummaryRow, series: string, clamp: readonly [number, number] = [0, Infinity]): Datum {
  const c = (v: number): number => Math.min(clamp[1], Math.max(clamp[0], v));
  return {
    series,
    month: r.month,
    t: tValue(axis, r.month),
    mean: round(r.mean),
    lo: round(c(r.ci_low ?? r.mean)),
    hi: round(c(r.ci_high ?? r.mean)),
  };
}

/**
 * Whether seriesPoint clips a row's band: an end of its interval, as drawn (rounded), lies outside
 * `clamp`. A subtitle says the bands were clipped only when one was (bandClippedLines).
 */
export function clipsBand(r: SummaryRow, clamp: readonly [number, number] = [0, Infinity]): boolean {
  const c = (v: number): number => Math.min(clamp[1], Math.max(clamp[0], v));
  return [r.ci_low ?? r.mean, r.ci_high ?? r.mean].some((v) => round(c(v)) !== round(v));
}

/**
 * The subtitle's line on clipped bands: none when no band was clipped (the line was said of every chart,
 * also where nothing was clipped, and where a count had no known bound, so was clipped at 0 only); else
 * what the bands were clipped to, the eligible agencies only where every count drawn has them.
 */
export function bandClippedLines(t: Catalog, clipped: boolean, countsBounded: boolean): string[] {
  if (!clipped) return [];
  return [countsBounded ? t.bandClipped : t.bandClippedAtZero];
}

/**
 * Adds each row's band colour (`band_color`, from the series' colour) for a
 * band drawn with `fill: {field: 'band_color', scale: null}`: the band then
 * has no scale and no legend of its own, and the line's colour legend shows.
 * (vega-lite 6.4 drops the colour legend when a layer's fill legend is null.)
 */
export function paintBands(rows: readonly Datum[], scale: { readonly domain: readonly string[]; readonly range: readonly string[] }, key = 'series'): Datum[] {
  return rows.map((r) => ({ ...r, band_color: scale.range[scale.domain.indexOf(String(r[key]))] ?? '#999999' }));
}

/** The fill encoding of a band painted by `paintBands`. */
export const BAND_FILL = { field: 'band_color', type: 'nominal', scale: null } as const;

/**
 * For step charts (interpolate 'step-after'): repeats each series' last row
 * one month later, so that the last month is drawn as a full step up to the
 * end of the horizon. Rows need `month` and `t`; `key` names the series field.
 */
export function extendSteps(rows: readonly Datum[], key: string, axis: TimeAxis): Datum[] {
  const last = new Map<string, Datum>();
  for (const r of rows) {
    const k = String(r[key]);
    const prev = last.get(k);
    if (!prev || Number(r['month']) >= Number(prev['month'])) last.set(k, r);
  }
  const extra: Datum[] = [];
  for (const r of last.values()) {
    const m = Number(r['month']) + 1;
    if (m <= axis.months + 1) extra.push({ ...r, month: m, t: tValue(axis, m) });
  }
  return [...rows, ...extra];
}
