/// <reference lib="dom" />
/**
 * The explorer's charts: the report's own vega-lite specs (src/report/specs)
 * fed with the explorer's running summaries, compiled by vega-lite and drawn
 * by vega in the page (SVG renderer). No chart is specified twice: the
 * adoption curves, survival curves and forest plot are the report's.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View, logger, None } from 'vega';
import { adoptionSpec } from '../report/specs/adoption.js';
import { survivalSpec } from '../report/specs/survival.js';
import { forestSpec } from '../report/specs/forest.js';
import { CHAR_EM, labelWidth, type TimeAxis } from '../report/specs/common.js';
import { scenarioFacts, wrapLabel, type ScenarioFacts } from '../report/scenario-facts.js';
import { twinText } from '../scenario/twins.js';
import { distinctNames } from '../report/outcome-names.js';
import type { Scenario } from '../scenario/schema.js';
import type { CompareRow } from '../report/rows.js';
import type { ComparisonRow } from '../experiment/compare.js';
import type { Aggregate } from './aggregate.js';
import { metricFacets } from '../model/vocabulary.js';
import { catalog, type Catalog, type Lang } from '../report/i18n/index.js';
import { translate } from './i18n.js';
import { signedPoints } from './format.js';
import { FONT } from '../report/palette.js';

/** The time axis in the page's language; `width`: the plotting area laid out for the chart's container. */
export function axisOf(agg: Aggregate, lang: Lang = 'en', width?: number): TimeAxis {
  const t = catalog(lang);
  return { kind: 'date', start: agg.scenario.start, months: agg.scenario.months, words: { dateShort: t.axisDateShort, dateLong: t.axisDateLong, month: t.axisMonth }, ...(width !== undefined && { width }) };
}

/**
 * A service's name in the page's language: in Bahasa Indonesia its `name_id`
 * where given and not empty, else its `name` (the report's rule,
 * scenario/twins.ts), else its id.
 */
export function serviceName(innovation: Scenario['innovations'][number], lang: Lang = 'en'): string {
  return twinText(innovation, 'name', lang) || innovation.id;
}

/**
 * The services' names in the page's language, by id, as the charts show them: a name two services
 * share followed by the id (report/outcome-names.ts distinctNames, the report's charts' rule), so that
 * no two legend entries or panels read alike.
 */
export function serviceNames(scenario: Scenario, lang: Lang = 'en'): Map<string, string> {
  return distinctNames(new Map(scenario.innovations.map((i) => [i.id, serviceName(i, lang)])));
}

/** The scenario's timeline, labelled in the page's language (names too: the report's scenarioFacts picks the twins). */
export function timelineOf(scenario: Scenario, lang: Lang = 'en'): ScenarioFacts['timeline'] {
  const t = catalog(lang);
  return scenarioFacts(scenario, '', t.timelineKinds, t.decimal, lang).timeline;
}

/** Charts in the page's language: the report's own catalogs (report/i18n); `width` as axisOf's. */
export function adoptionChart(agg: Aggregate, lang: Lang = 'en', width?: number): TopLevelSpec {
  return adoptionSpec({
    t: catalog(lang),
    summary: agg.summary((m) => m.startsWith('cumulative.') || m.startsWith('live.')),
    innovations: agg.innovations,
    names: serviceNames(agg.scenario, lang),
    axis: axisOf(agg, lang, width),
    timeline: timelineOf(agg.scenario, lang),
    replications: agg.count,
  });
}

export function survivalChart(agg: Aggregate, lang: Lang = 'en', width?: number): TopLevelSpec {
  return survivalSpec({
    t: catalog(lang),
    summary: agg.summary((m) => m.startsWith('discontinued_')),
    events: agg.events(),
    innovations: agg.innovations,
    names: serviceNames(agg.scenario, lang),
    axis: axisOf(agg, lang, width),
    timeline: timelineOf(agg.scenario, lang),
  });
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Below this plotting width the forest plot leaves its column of numbers to the comparison table above it. */
const FOREST_NUMBERS_MIN = 300;

/**
 * Comparison rows in percentage points, as the forest plot reads compare.csv rows; `width` as axisOf's.
 * Its title and axis titles are the page's (chartForestTitle, chartForestAxis: "current − baseline",
 * "sekarang − dasar" in Bahasa Indonesia, as the table says), and its numbers are written as the comparison table beside it
 * writes them (one decimal), not by the report's rule for its own table.
 */
export function forestChart(
  rows: readonly ComparisonRow[],
  label: (outcome: string) => string,
  lang: Lang = 'en',
  width?: number,
  borderline?: readonly boolean[],
): TopLevelSpec {
  const pp = (x: number) => finite(100 * x);
  // The axes say the rows' unit (once: the names end with it), not the report's "per replication" of a non-probability.
  // In Bahasa Indonesia the unit goes inside the title's own brackets ("<name>: sekarang − dasar (poin persentase,
  // interval 95%)"), so that a name with brackets of its own never meets a second pair.
  const unit = lang === 'id' ? 'poin persentase' : 'percentage points';
  const t: Catalog = {
    ...catalog(lang),
    forestTitle: translate(lang, 'chartForestTitle'),
    forestAxis: (outcome, _unit, level) => translate(lang, 'chartForestAxis', { outcome, level }),
  };
  const compareRows: CompareRow[] = rows.map((r) => ({
    outcome: lang === 'id' ? label(r.outcome) : `${label(r.outcome)} (${unit})`,
    variant: r.variant,
    n: r.n,
    base_mean: 100 * r.base_mean,
    base_ci_low: pp(r.base_ci_low),
    base_ci_high: pp(r.base_ci_high),
    variant_mean: 100 * r.variant_mean,
    variant_ci_low: pp(r.variant_ci_low),
    variant_ci_high: pp(r.variant_ci_high),
    diff_mean: 100 * r.diff_mean,
    diff_ci_low: pp(r.diff_ci_low),
    diff_ci_high: pp(r.diff_ci_high),
    relative_change: finite(r.relative_change),
    correlation: finite(r.correlation),
    level: r.level,
    ...metricFacets(r.outcome),
  }));
  // The column of numbers takes about 210 px beside the plot: kept where the plot stays wide enough.
  const numbers = width === undefined || width - 210 >= FOREST_NUMBERS_MIN;
  // Laid out for the page: one column of panels (two would halve each plot).
  // The rows are in percentage points already: written as the table writes them (app.ts renderComparison).
  const format = (x: number) => signedPoints(x, lang);
  return forestSpec({ rows: compareRows, t, numbers, unit, format, ...(borderline !== undefined && { borderline }), ...(width !== undefined && { width: numbers ? width - 210 : width, columns: 1 as const }) });
}

/** Below this container width legends go under the plot, one entry a line. */
const NARROW = 640;
/** The narrowest plotting area a chart is laid out for. */
const MIN_PLOT = 150;
/** Drawings of a chart after the first when it came out wider than its container (Chart.draw). */
const MAX_REDRAWS = 1;

/** Lines of at most `chars` characters, broken between words. */
function wrap(text: string, chars: number): string[] {
  return wrapLabel(text, Math.max(12, Math.floor(chars)));
}

/** Width in px of a text in the chart font at `fontSize` px (`bold`: in its bold face). */
export type Measure = (text: string, fontSize: number, bold?: boolean) => number;

/** The estimate of report/specs/common.ts (wider than most texts are drawn): for laying out without a browser. */
export const estimate: Measure = (text, fontSize) => labelWidth(text, fontSize);

/** Legend label and title sizes (report/palette.ts baseConfig). */
const LEGEND_LABEL = 11;
const LEGEND_TITLE = 12;
/** A legend entry's symbol and the gap before its label (symbolSize 120, labelOffset 4), and the gap between plot and a legend beside it. */
const LEGEND_SYMBOL = Math.sqrt(120) + 4;
const LEGEND_OFFSET = 18;
/** A wide layout's longest legend line. */
const WIDE_LABEL = 260;
/** A label's margin over its measured width (vega cuts a label at its limit; sub-pixel differences must not). */
const LABEL_SLACK = 4;

/** The names a legend's labelExpr (report/specs/common.ts namesExpr) gives its entries: the JSON strings after each "?". */
const NAME_IN_EXPR = /\? ("(?:[^"\\]|\\.)*") :/g;

/** Lines of at most `limit` px (by `measure`), broken between words; a single word wider than that stays whole. */
export function wrapToWidth(text: string, limit: number, fontSize: number, measure: Measure, bold = false): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const last = lines.length - 1;
    if (last >= 0 && measure(`${lines[last]} ${word}`, fontSize, bold) <= limit) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [text];
}

/**
 * The spec laid out for a container `width` px wide: titles, subtitles and
 * axis titles wrapped to it, and legend labels wrapped onto lines that fit
 * (never cut with "…"): on a narrow container the legends go under the
 * plot with lines as wide as the plot, on a wide one beside it
 * with lines of at most WIDE_LABEL px. `legendWidth` is what the legends
 * take beside the plot (0 when they are under it), from the measured texts:
 * the plot can be sized before the chart is drawn. Pure.
 */
export function laidOut(spec: TopLevelSpec, width: number, plot: number, measure: Measure = estimate): { spec: TopLevelSpec; legendWidth: number } {
  const narrow = width < NARROW;
  const out = structuredClone(spec) as unknown as Record<string, unknown>;
  const title = out['title'] as { text: string | string[]; subtitle?: string[] } | undefined;
  if (title && typeof title === 'object') {
    const text = Array.isArray(title.text) ? title.text.join(' ') : title.text;
    title.text = wrap(text, width / (CHAR_EM * 15));
    if (title.subtitle) title.subtitle = title.subtitle.flatMap((line) => wrap(line, width / (CHAR_EM * 11)));
  }
  // Legend lines: under the plot (where a legend starts at the plot's left edge), as wide as the plot less the symbol.
  const labelLimit = Math.floor(narrow ? plot - LEGEND_SYMBOL - LABEL_SLACK : Math.min(WIDE_LABEL, width / 3));
  let legendWidth = 0;
  /** A legend's entries named by its labelExpr: each name wrapped to labelLimit; its width beside the plot noted. */
  const fitLegend = (legend: Record<string, unknown>, legendTitle: unknown): void => {
    let widest = typeof legendTitle === 'string' ? measure(legendTitle, LEGEND_TITLE) : 0;
    const expr = legend['labelExpr'];
    if (typeof expr === 'string') {
      legend['labelExpr'] = expr.replace(NAME_IN_EXPR, (whole, literal: string) => {
        const name = JSON.parse(literal) as string;
        const lines = measure(name, LEGEND_LABEL) > labelLimit ? wrapToWidth(name, labelLimit, LEGEND_LABEL, measure) : [name];
        widest = Math.max(widest, LEGEND_SYMBOL + Math.min(labelLimit, ...lines.map((l) => measure(l, LEGEND_LABEL))));
        return lines.length > 1 ? `? ${JSON.stringify(lines)} :` : whole;
      });
    } else widest = Math.max(widest, LEGEND_SYMBOL + labelLimit);
    legend['labelLimit'] = labelLimit + LABEL_SLACK;
    if (!narrow) legendWidth = Math.max(legendWidth, LEGEND_OFFSET + widest);
  };
  // Axis and panel titles: wrapped to the plotting area; legends and facet headers fitted.
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    fitHeaders(o, measure);
    const legend = o['legend'];
    if (legend !== null && typeof legend === 'object' && !Array.isArray(legend) && (o['type'] === 'nominal' || o['type'] === 'ordinal')) fitLegend(legend as Record<string, unknown>, o['title']);
    for (const [key, value] of Object.entries(o)) {
      if (key === 'data' || key === 'legend') continue;
      if (key === 'title' && typeof value === 'string' && value.length * CHAR_EM * 12 > plot) o[key] = wrap(value, plot / (CHAR_EM * 12));
      else if (key === 'title' && Array.isArray(value) && value.every((v) => typeof v === 'string')) o[key] = (value as string[]).flatMap((v) => wrap(v, plot / (CHAR_EM * 12)));
      else if (key === 'title' && value !== null && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
        (value as { text: string | string[] }).text = wrap((value as { text: string }).text, plot / (CHAR_EM * 12));
      } else walk(value);
    }
  };
  for (const [key, value] of Object.entries(out)) if (key !== 'title' && key !== 'config') walk(value);
  const config = (out['config'] ?? {}) as Record<string, unknown>;
  const legend = (config['legend'] ?? {}) as Record<string, unknown>;
  out['config'] = {
    ...config,
    legend: narrow
      ? { ...legend, orient: 'bottom', direction: 'vertical', columns: 1, labelLimit: labelLimit + LABEL_SLACK, titleLimit: width - 40 }
      : { ...legend, labelLimit: labelLimit + LABEL_SLACK },
  };
  return { spec: out as unknown as TopLevelSpec, legendWidth };
}

/** The split of a facet header into lines (report/specs/survival.ts: a service's name, then its note). */
const HEADER_LINES = "split(datum.value, '|')";

/**
 * A faceted view whose headers are split into lines at "|" and cut at a
 * labelLimit (the Kaplan-Meier cells: a service's name, then what its curve
 * rests on): each line wrapped to the limit in the facet's data and sort,
 * so no header is cut with "…".
 */
function fitHeaders(o: Record<string, unknown>, measure: Measure): void {
  const facet = o['facet'] as { field?: unknown; sort?: unknown; header?: { labelExpr?: unknown; labelLimit?: unknown; labelFontSize?: unknown; labelFontWeight?: unknown } } | undefined;
  const values = (o['data'] as { values?: unknown } | undefined)?.values;
  const header = facet?.header;
  if (!facet || !header || header.labelExpr !== HEADER_LINES || typeof header.labelLimit !== 'number' || header.labelLimit <= 0 || typeof facet.field !== 'string' || !Array.isArray(values)) return;
  const limit = header.labelLimit - LABEL_SLACK;
  const size = typeof header.labelFontSize === 'number' ? header.labelFontSize : 12;
  const bold = header.labelFontWeight === 'bold';
  const field = facet.field;
  const fitted = (value: string) => value.split('|').flatMap((line) => (measure(line, size, bold) > limit ? wrapToWidth(line, limit, size, measure, bold) : [line])).join('|');
  for (const datum of values as Record<string, unknown>[]) if (typeof datum[field] === 'string') datum[field] = fitted(datum[field] as string);
  if (Array.isArray(facet.sort)) facet.sort = facet.sort.map((v) => (typeof v === 'string' ? fitted(v) : v));
}

/** The spec laid out for a container `width` px wide (laidOut's spec). Pure. */
export function fitToWidth(spec: TopLevelSpec, width: number, plot: number, measure: Measure = estimate): TopLevelSpec {
  return laidOut(spec, width, plot, measure).spec;
}

/** Text widths in the chart font as the browser draws them (vega measures its labels the same way). */
let canvas: CanvasRenderingContext2D | null | undefined;
const measureText: Measure = (text, fontSize, bold = false) => {
  if (canvas === undefined) canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (canvas === null) return estimate(text, fontSize);
  canvas.font = `${bold ? 'bold ' : ''}${fontSize}px ${FONT}`;
  return canvas.measureText(text).width;
};

/** A chart's spec for a plotting width (undefined: the report's widths). */
export type SpecFor = (plot: number | undefined) => TopLevelSpec;

/**
 * A chart drawn in a container, laid out for the container's width (never
 * scaled down to it: its text keeps its size); `view` exports it. Drawn
 * again when the container's width changes.
 */
export class Chart {
  private view: View | null = null;
  private last: { specFor: SpecFor; description: string } | null = null;
  /** Width of the axes and numbers beside the plotting area (not the legends, measured before each drawing), as measured at the last drawing, narrow or wide layout. */
  private readonly chrome = new Map<boolean, number>();
  private generation = 0;
  private drawnWidth = 0;

  constructor(readonly container: HTMLElement) {
    new ResizeObserver(() => {
      const width = this.container.clientWidth;
      if (this.last !== null && width > 0 && Math.abs(width - this.drawnWidth) >= 1) void this.draw(this.last.specFor, this.last.description);
    }).observe(container);
  }

  private async render(spec: TopLevelSpec): Promise<{ view: View; host: HTMLDivElement; width: number }> {
    const compiled = compile(spec, { logger: logger(None) }).spec;
    const host = document.createElement('div');
    const view = new View(parse(compiled), { renderer: 'svg', container: host, hover: false, logLevel: None });
    await view.runAsync();
    const width = Number(host.querySelector('svg')?.getAttribute('width') ?? 0);
    return { view, host, width };
  }

  async draw(specFor: SpecFor, description: string): Promise<void> {
    this.last = { specFor, description };
    const generation = ++this.generation;
    // While a drawing is in progress (tests wait for it to end).
    this.container.dataset['drawing'] = 'true';
    const width = this.container.clientWidth;
    const narrow = width < NARROW;
    let drawn: { view: View; host: HTMLDivElement; width: number };
    let redrawn = 0;
    if (width > 0) {
      // Laid out before it is drawn: the legends' width from their measured texts, the axes' from the last drawing
      // (a first drawing guesses them generously). When the axes came out wider than that (longer tick labels than
      // last time), it is drawn once more with their measured width, so that the page's CSS never shrinks the
      // chart's text below its size. Drawn off-screen first, then swapped in: no flicker while replications arrive.
      let axes = this.chrome.get(narrow) ?? (narrow ? 90 : 120);
      const guess = Math.max(MIN_PLOT, width - axes - (narrow ? 0 : WIDE_LABEL));
      // Under the plot (narrow) a legend takes no width beside it.
      const legendWidth = narrow ? 0 : laidOut(specFor(guess), width, guess, measureText).legendWidth;
      for (let attempt = 0; ; attempt++) {
        const plot = Math.max(MIN_PLOT, width - axes - legendWidth);
        const fitted = laidOut(specFor(plot), width, plot, measureText);
        drawn = await this.render(fitted.spec);
        const measured = drawn.width - plot - fitted.legendWidth;
        this.chrome.set(narrow, measured);
        // A plot already at its smallest cannot narrow further: drawing again would change nothing.
        if (attempt >= MAX_REDRAWS || drawn.width <= width || plot === MIN_PLOT || generation !== this.generation) break;
        drawn.view.finalize();
        axes = measured;
        redrawn++;
      }
    } else drawn = await this.render(specFor(undefined));
    if (generation !== this.generation) {
      drawn.view.finalize();
      return;
    }
    this.container.dataset['drawing'] = 'false';
    this.view?.finalize();
    this.view = drawn.view;
    this.drawnWidth = width;
    this.container.replaceChildren(drawn.host);
    // The width it is laid out for (tests wait for it after a resize).
    this.container.dataset['fitWidth'] = String(width);
    // How many times it was drawn again because its axes came out wider than guessed (tests count drawings).
    this.container.dataset['redrawn'] = String(redrawn);
    // Vega names its container "Vega visualization" (in English, read before the chart's own description):
    // the chart is the one image, named by its description, in the page's language.
    for (const attribute of ['role', 'aria-label', 'aria-roledescription']) drawn.host.removeAttribute(attribute);
    const svg = drawn.host.querySelector('svg');
    if (svg) {
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', description);
      // The chart is one image named by its description: no English names vega gives its parts ("Title text ...").
      for (const part of svg.querySelectorAll('[aria-label], [aria-roledescription]')) {
        part.removeAttribute('aria-label');
        part.removeAttribute('aria-roledescription');
      }
    }
  }

  clear(): void {
    this.generation++;
    this.last = null;
    this.view?.finalize();
    this.view = null;
    this.container.replaceChildren();
    delete this.container.dataset['fitWidth'];
    this.container.dataset['drawing'] = 'false';
  }

  get drawn(): boolean {
    return this.view !== null;
  }

  async svg(): Promise<string> {
    return this.view ? this.view.toSVG() : '';
  }

  async png(): Promise<string> {
    return this.view ? this.view.toImageURL('png', 2) : '';
  }
}
