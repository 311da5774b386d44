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
import type { TimeAxis } from '../report/specs/common.js';
import { scenarioFacts, wrapLabel } from '../report/scenario-facts.js';
import type { CompareRow } from '../report/rows.js';
import type { ComparisonRow } from '../experiment/compare.js';
import type { Aggregate } from './aggregate.js';
import { metricFacets } from '../model/vocabulary.js';
import { catalog, type Lang } from '../report/i18n/index.js';

/** The time axis in the page's language; `width`: the plotting area laid out for the chart's container. */
export function axisOf(agg: Aggregate, lang: Lang = 'en', width?: number): TimeAxis {
  const t = catalog(lang);
  return { kind: 'date', start: agg.scenario.start, months: agg.scenario.months, words: { dateShort: t.axisDateShort, dateLong: t.axisDateLong, month: t.axisMonth }, ...(width !== undefined && { width }) };
}

/** The services' names (as the outcome table shows them), by id. */
export function serviceNames(agg: Aggregate): Map<string, string> {
  return new Map(agg.scenario.innovations.map((i) => [i.id, i.name || i.id]));
}

/** The scenario's timeline, labelled in the page's language. */
function timelineOf(agg: Aggregate, lang: Lang) {
  const t = catalog(lang);
  return scenarioFacts(agg.scenario, '', t.timelineKinds, t.decimal).timeline;
}

/** Charts in the page's language: the report's own catalogs (report/i18n); `width` as axisOf's. */
export function adoptionChart(agg: Aggregate, lang: Lang = 'en', width?: number): TopLevelSpec {
  return adoptionSpec({
    t: catalog(lang),
    summary: agg.summary((m) => m.startsWith('cumulative.') || m.startsWith('live.')),
    innovations: agg.innovations,
    names: serviceNames(agg),
    axis: axisOf(agg, lang, width),
    timeline: timelineOf(agg, lang),
    replications: agg.count,
  });
}

export function survivalChart(agg: Aggregate, lang: Lang = 'en', width?: number): TopLevelSpec {
  return survivalSpec({
    t: catalog(lang),
    summary: agg.summary((m) => m.startsWith('discontinued_')),
    events: agg.events(),
    innovations: agg.innovations,
    names: serviceNames(agg),
    axis: axisOf(agg, lang, width),
    timeline: timelineOf(agg, lang),
  });
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Below this plotting width the forest plot leaves its column of numbers to the comparison table above it. */
const FOREST_NUMBERS_MIN = 300;

/** Comparison rows in percentage points, as the forest plot reads compare.csv rows; `width` as axisOf's. */
export function forestChart(rows: readonly ComparisonRow[], label: (outcome: string) => string, lang: Lang = 'en', width?: number): TopLevelSpec {
  const pp = (x: number) => finite(100 * x);
  const compareRows: CompareRow[] = rows.map((r) => ({
    outcome: `${label(r.outcome)} (${lang === 'id' ? 'poin persentase' : 'percentage points'})`,
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
  return forestSpec({ rows: compareRows, t: catalog(lang), numbers, ...(width !== undefined && { width: numbers ? width - 210 : width, columns: 1 as const }) });
}

/** Average advance of the chart font in em, with a margin (as report/specs/common.ts). */
const CHAR_EM = 0.62;
/** Below this container width legends go under the plot, one entry a line. */
const NARROW = 640;
/** The narrowest plotting area a chart is laid out for. */
const MIN_PLOT = 150;

/** Lines of at most `chars` characters, broken between words. */
function wrap(text: string, chars: number): string[] {
  return wrapLabel(text, Math.max(12, Math.floor(chars)));
}

/**
 * The spec laid out for a container `width` px wide: titles, subtitles and
 * axis titles wrapped to it, and on a narrow container the legends under
 * the plot. Pure.
 */
export function fitToWidth(spec: TopLevelSpec, width: number, plot: number): TopLevelSpec {
  const out = structuredClone(spec) as unknown as Record<string, unknown>;
  const title = out['title'] as { text: string | string[]; subtitle?: string[] } | undefined;
  if (title && typeof title === 'object') {
    const text = Array.isArray(title.text) ? title.text.join(' ') : title.text;
    title.text = wrap(text, width / (CHAR_EM * 15));
    if (title.subtitle) title.subtitle = title.subtitle.flatMap((line) => wrap(line, width / (CHAR_EM * 11)));
  }
  // Axis and panel titles: wrapped to the plotting area.
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(o)) {
      if (key === 'data') continue;
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
    legend: width < NARROW ? { ...legend, orient: 'bottom', direction: 'vertical', columns: 1, labelLimit: width - 140, titleLimit: width - 40 } : { ...legend, labelLimit: Math.min(260, width / 3) },
  };
  return out as unknown as TopLevelSpec;
}

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
  /** Width of everything beside the plotting area (axes, legend, numbers), as measured at the last drawing, narrow or wide layout. */
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
    const width = this.container.clientWidth;
    const narrow = width < 640;
    const chrome = this.chrome.get(narrow) ?? (narrow ? 90 : 260);
    let plot = width > 0 ? Math.max(MIN_PLOT, width - chrome) : undefined;
    const laidOut = (p: number | undefined) => (p === undefined ? specFor(undefined) : fitToWidth(specFor(p), width, p));
    // Drawn off-screen first, then swapped in: no flicker while replications arrive.
    let drawn = await this.render(laidOut(plot));
    if (plot !== undefined) {
      this.chrome.set(narrow, drawn.width - plot);
      // Wider than its container (a longer legend or axis than measured before): again, narrower by the excess (at most twice).
      for (let pass = 0; pass < 2 && drawn.width > width && plot > MIN_PLOT; pass++) {
        drawn.view.finalize();
        plot = Math.max(MIN_PLOT, plot - (drawn.width - width));
        drawn = await this.render(laidOut(plot));
        this.chrome.set(narrow, drawn.width - plot);
      }
    }
    if (generation !== this.generation) {
      drawn.view.finalize();
      return;
    }
    this.view?.finalize();
    this.view = drawn.view;
    this.drawnWidth = width;
    this.container.replaceChildren(drawn.host);
    // The width it is laid out for (tests wait for it after a resize).
    this.container.dataset['fitWidth'] = String(width);
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
