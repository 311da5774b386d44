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
import { scenarioFacts } from '../report/scenario-facts.js';
import type { CompareRow } from '../report/rows.js';
import type { ComparisonRow } from '../experiment/compare.js';
import type { Aggregate } from './aggregate.js';
import { metricFacets } from '../model/vocabulary.js';
import { catalog, type Lang } from '../report/i18n/index.js';

export function axisOf(agg: Aggregate): TimeAxis {
  return { kind: 'date', start: agg.scenario.start, months: agg.scenario.months };
}

/** Charts in the page's language: the report's own catalogs (report/i18n). */
export function adoptionChart(agg: Aggregate, lang: Lang = 'en'): TopLevelSpec {
  return adoptionSpec({
    t: catalog(lang),
    summary: agg.summary((m) => m.startsWith('cumulative.') || m.startsWith('live.')),
    innovations: agg.innovations,
    axis: axisOf(agg),
    timeline: scenarioFacts(agg.scenario).timeline,
    replications: agg.count,
  });
}

export function survivalChart(agg: Aggregate, lang: Lang = 'en'): TopLevelSpec {
  return survivalSpec({
    t: catalog(lang),
    summary: agg.summary((m) => m.startsWith('discontinued_')),
    events: agg.events(),
    innovations: agg.innovations,
    axis: axisOf(agg),
    timeline: scenarioFacts(agg.scenario).timeline,
  });
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Comparison rows in percentage points, as the forest plot reads compare.csv rows. */
export function forestChart(rows: readonly ComparisonRow[], label: (outcome: string) => string, lang: Lang = 'en'): TopLevelSpec {
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
  return forestSpec({ rows: compareRows, t: catalog(lang) });
}

/** A chart drawn in a container; `view` exports it. */
export class Chart {
  private view: View | null = null;
  constructor(readonly container: HTMLElement) {}

  async draw(spec: TopLevelSpec, description: string): Promise<void> {
    const compiled = compile(spec, { logger: logger(None) }).spec;
    // Drawn off-screen first, then swapped in: no flicker while replications arrive.
    const host = document.createElement('div');
    const view = new View(parse(compiled), { renderer: 'svg', container: host, hover: false, logLevel: None });
    await view.runAsync();
    this.view?.finalize();
    this.view = view;
    this.container.replaceChildren(host);
    const svg = host.querySelector('svg');
    if (svg) {
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', description);
    }
  }

  clear(): void {
    this.view?.finalize();
    this.view = null;
    this.container.replaceChildren();
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
