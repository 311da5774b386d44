/**
 * The national comparison's forest chart (docs/NATIONAL-COMPARE.md, "The
 * report"): for each national service, its paired difference variant − base
 * in percentage points, with its interval, against a dashed zero line, in
 * three panels side by side: launched, sustained, Heeks success. The panels
 * share the services' rows (named on the first panel only) and each has its
 * own x scale: a change can move one measure by 60 points and another by 1.
 * As the city forest (forest.ts), the mark is the printed interval's
 * (format.ts effect): a dark point where it excludes 0, a grey one where it
 * does not. Names are the scenario's text: drawn as vega text, which the
 * SVG renderer escapes.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../palette.js';
import { exprLiteral, round, topLevel, type Datum, type Layer } from './common.js';
import { catalog, localNumber, type Lang } from '../i18n/index.js';
import { wrapLabel } from '../scenario-facts.js';
import type { NationalCompareCatalog } from '../i18n/national-compare-en.js';

/** The three measures of a national service in national_compare.csv, in the panels' order. */
export const SERVICE_MEASURES = ['launched', 'sustained', 'success'] as const;
export type ServiceMeasure = (typeof SERVICE_MEASURES)[number];

/** One service's difference in one measure, in percentage points (null ends: no interval, one replication). */
export interface ServiceDifference {
  readonly service: string;
  readonly measure: ServiceMeasure;
  readonly diff: number;
  readonly low: number | null;
  readonly high: number | null;
  /** The printed interval excludes 0. */
  readonly marked: boolean;
}

const PANEL_WIDTH = 170;
/** A service's name is broken onto lines of this many characters beside the first panel. */
const LABEL_CHARS = 34;
const LABEL_SIZE = 10;
/** The subtitle's line naming the changes is broken onto lines of this many characters. */
const CHANGE_CHARS = 110;

export interface NationalCompareForestInput {
  /** Service ids in the scenario's order, and each one's label (its name in the report's language). */
  readonly services: readonly string[];
  readonly labels: ReadonlyMap<string, string>;
  readonly rows: readonly ServiceDifference[];
  /** Each measure's name (the catalog's `outcomes`), for its panel's axis. */
  readonly measures: Readonly<Record<ServiceMeasure, string>>;
  readonly replications: number;
  /** The level as the report writes it ("95 %", "95%"). */
  readonly level: string;
  readonly lang: Lang;
  readonly words: NationalCompareCatalog;
  /**
   * The variant's changes (each `path = value`, after the name of the element it selects where the scenario gives
   * one: national-compare-report.ts changeLabels), named in the subtitle: the title says "the change's effect", and
   * a chart copied out of the report must still say which change.
   */
  readonly changes?: readonly string[];
}

export function nationalCompareForestSpec(input: NationalCompareForestInput): TopLevelSpec {
  const t = catalog(input.lang);
  const w = input.words;
  // A name on as many lines as it needs (nothing cut off); the rows as tall as the longest.
  const lines = new Map(input.services.map((id) => [id, wrapLabel(input.labels.get(id) ?? id, LABEL_CHARS)]));
  const most = Math.max(1, ...[...lines.values()].map((l) => l.length));
  const step = Math.max(22, most * (LABEL_SIZE + 2) + 8);
  // Keyed by id: two services of one name stay two rows.
  const labelExpr = [...lines].reduce((expr, [id, l]) => `datum.value === ${exprLiteral(id)} ? ${exprLiteral(l)} : ${expr}`, 'datum.value');
  const panels: Layer[] = SERVICE_MEASURES.map((measure, i) => {
    const rows: Datum[] = input.rows
      .filter((r) => r.measure === measure && Number.isFinite(r.diff))
      .map((r) => ({ service: r.service, diff: round(r.diff), lo: round(r.low ?? r.diff), hi: round(r.high ?? r.diff), clear: r.marked ? w.chartClear : w.chartNotClear }));
    const lo = Math.min(0, ...rows.map((r) => Number(r['lo'])));
    const hi = Math.max(0, ...rows.map((r) => Number(r['hi'])));
    const pad = (hi - lo) * 0.08 || 1;
    const x = {
      type: 'quantitative' as const,
      scale: { domain: [lo - pad, hi + pad], nice: false },
      title: localNumber(t, w.chartAxis(input.measures[measure])),
      axis: { labelFlush: false, tickCount: 4, titleLimit: PANEL_WIDTH + 40 },
    };
    const y = {
      field: 'service',
      type: 'nominal' as const,
      scale: { domain: [...input.services] },
      title: null,
      // The names beside the first panel only: the others share its rows.
      axis: i === 0 ? { labelExpr, labelLimit: 0, labelFontSize: LABEL_SIZE, labelLineHeight: LABEL_SIZE + 2 } : { labels: false, ticks: false, domain: false },
    };
    const color = {
      field: 'clear',
      type: 'nominal' as const,
      scale: { domain: [w.chartClear, w.chartNotClear], range: [OKABE_ITO.blue, OKABE_ITO.grey] },
      title: null,
    };
    return {
      width: PANEL_WIDTH,
      height: { step },
      data: { values: rows },
      layer: [
        { mark: { type: 'rule', color: '#888888', strokeDash: [4, 3] }, encoding: { x: { ...x, datum: 0 } } },
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' }, color } },
        { mark: { type: 'point', filled: true, size: 60 }, encoding: { y, x: { ...x, field: 'diff' }, color } },
      ],
    } as Layer;
  });
  // The changes first, on lines of at most CHANGE_CHARS characters (a long name and path would run past the panels).
  const changes = (input.changes ?? []).length === 0 ? [] : wrapLabel(w.chartChanges(input.changes!.join('; '), input.changes!.length), CHANGE_CHARS);
  return topLevel(w.chartTitle, [...changes, ...input.words.chartSubtitle(input.replications, input.level)], { hconcat: panels, spacing: 16 } as never, t);
}
