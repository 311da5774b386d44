/**
 * Heat map of a sweep over two parameters: the mean of an outcome over the
 * replications (and over any other varied parameter) in each cell, one
 * panel per outcome, each with its own colour scale (viridis, readable in
 * grey and under colour-vision deficiencies). Continuous designs (Latin
 * hypercube) are binned into equal-width intervals.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SweepTable } from '../rows.js';
import { PARAMETER_BY_NAME } from '../../scenario/parameters.js';
import { round, topLevel, type Datum, type Unit } from './common.js';
import { en, type Catalog } from '../i18n/en.js';
import { label, localNumber } from '../i18n/index.js';
import { columnDigits, factorName, fixed, isProbability } from '../format.js';
import { outcomeName, type ServiceNames } from '../outcome-names.js';

export interface HeatmapChartInput {
  readonly sweep: SweepTable;
  /** The two parameters on x and y; default: the first two that vary. */
  readonly x?: string;
  readonly y?: string;
  /** Outcomes to show (default: all). */
  readonly outcomes?: readonly string[];
  /** Display names of the services in the outcomes' names (the id when absent). */
  readonly services?: ServiceNames;
  readonly t?: Catalog;
}

/** Where on the colour scale (0 to 1) a cell's number turns from white to black (see its use). */
export const INK_CUT = 0.43;
/** Most distinct values shown as they are; more are binned. */
const MAX_LEVELS = 12;
const BINS = 8;

/**
 * "name (unit)" for a parameter of the schema (a `parameters.` prefix is ignored), the unit in the
 * catalog's words, as the report's parameter table writes it ("peluang", not "probability", in Indonesian).
 */
export function parameterTitle(name: string, t: Catalog = en): string {
  return parameterTitleLines(name, t).join(' ');
}

/**
 * parameterTitle in lines: the factor by the name the report's table and summary use (without
 * `parameters.`) with its unit, then the path as written, in parentheses, where it differs.
 */
export function parameterTitleLines(name: string, t: Catalog = en): string[] {
  const short = factorName(name);
  const spec = PARAMETER_BY_NAME.get(short);
  const first = spec ? `${short} (${label(t.paramUnit, spec.unit)})` : short;
  return short === name ? [first] : [first, `(${name})`];
}

/** A level as an axis label: the value to four decimals, with the language's decimal separator (ordinal labels are text, which Vega's number locale does not reach). */
function formatLevel(x: number, t: Catalog): string {
  return localNumber(t, String(round(x, 4)));
}

/** Maps each value of a column to an ordered level label. */
function levels(values: readonly number[], t: Catalog): { label: (v: number) => string; order: string[] } {
  const format = (x: number): string => formatLevel(x, t);
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= MAX_LEVELS) return { label: format, order: distinct.map(format) };
  const lo = distinct[0] as number;
  const hi = distinct[distinct.length - 1] as number;
  const w = (hi - lo) / BINS;
  const name = (i: number): string => `${format(lo + i * w)}–${format(lo + (i + 1) * w)}`;
  return { label: (v) => name(Math.min(BINS - 1, Math.floor((v - lo) / w))), order: Array.from({ length: BINS }, (_, i) => name(i)) };
}

/** The two parameters that vary most (in column order). */
export function varyingParameters(sweep: SweepTable): string[] {
  return sweep.parameters.filter((p) => new Set(sweep.rows.map((r) => r.values[p])).size > 1);
}

export function heatmapData(input: HeatmapChartInput) {
  const { sweep } = input;
  const t = input.t ?? en;
  const varying = varyingParameters(sweep);
  const xName = input.x ?? varying[0] ?? sweep.parameters[0] ?? '';
  const yName = input.y ?? varying.find((p) => p !== xName) ?? xName;
  // Every outcome: a panel left out would be an outcome the reader cannot see (the summary may name it).
  const outcomes = [...(input.outcomes ?? sweep.outcomes)];
  const num = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);
  const xs = levels(sweep.rows.flatMap((r) => (num(r.values[xName]) === null ? [] : [r.values[xName] as number])), t);
  const ys = levels(sweep.rows.flatMap((r) => (num(r.values[yName]) === null ? [] : [r.values[yName] as number])), t);
  const panels = outcomes.map((outcome) => {
    const cells = new Map<string, { x: string; y: string; sum: number; n: number }>();
    // Half-widths of the points' 95 % intervals: the replication noise the colours must be read against.
    const halves: number[] = [];
    for (const r of sweep.rows) {
      const xv = num(r.values[xName]);
      const yv = num(r.values[yName]);
      const o = num(r.values[outcome]);
      if (xv === null || yv === null || o === null) continue;
      const ci = r.ci?.[outcome];
      if (ci !== undefined) {
        halves.push((ci[1] - ci[0]) / 2);
      }
      const x = xs.label(xv);
      const y = ys.label(yv);
      const k = JSON.stringify([x, y]);
      const c = cells.get(k) ?? { x, y, sum: 0, n: 0 };
      // A sweep_summary.csv row is the mean of its n replications.
      c.sum += (r.n ?? 1) * o;
      c.n += r.n ?? 1;
      cells.set(k, c);
    }
    const values: Datum[] = [...cells.values()].map((c) => ({ x: c.x, y: c.y, mean: round(c.sum / c.n), n: c.n }));
    const means = values.map((v) => Number(v['mean']));
    const lo = Math.min(...means);
    const hi = Math.max(...means);
    const share = isProbability(outcome);
    // A count or other outcome none of whose values is below 0 cannot go below 0: an interval that does
    // (few replications: the t quantile at n − 1 degrees of freedom) bounds nothing, as one past 0..1 for a share.
    const nonNegative = sweep.rows.every((r) => {
      const v = r.values[outcome];
      return v === null || v === undefined || !Number.isFinite(v) || v >= 0;
    });
    const noise = halves.length === 0 ? null : halves.reduce((a, b) => a + b, 0) / halves.length;
    // Unbounded only when the noise's interval is wider than everything the outcome can be (a share's whole
    // 0..1, a count's 0 to its largest mean): one reaching a little past 0 or 1 (a share near 0 with 50
    // replications) is only clipped.
    const unbounded = noise !== null && (share ? 2 * noise > 1 : nonNegative && 2 * noise > Math.max(hi, 0));
    // The colour scale: a share's whole range when the noise cannot be bounded; else the cells' range,
    // widened (about its middle, kept in the outcome's range) to at least the noise's 95 % interval, so that
    // 0 against 0.1 with 10 replications is not drawn as the two ends of the scale.
    let domain: [number, number];
    let why: 'share' | 'noise' | 'cells' | 'count';
    if (unbounded) {
      [domain, why] = share ? [[0, 1], 'share'] : nonNegative ? [[0, Math.max(hi, 1e-12)], 'count'] : [[lo, hi], 'cells'];
    } else if (noise !== null && 2 * noise > hi - lo) {
      const mid = (lo + hi) / 2;
      let d0 = mid - noise;
      let d1 = mid + noise;
      const floor = share || nonNegative ? 0 : -Infinity;
      if (d0 < floor) [d0, d1] = [floor, d1 + floor - d0];
      if (share && d1 > 1) [d0, d1] = [Math.max(0, d0 - (d1 - 1)), 1];
      [domain, why] = [[d0, d1], 'noise'];
    } else {
      [domain, why] = [[lo, hi], 'cells'];
    }
    // One format per outcome: the sweep table's decimals for this outcome's means (format.ts columnDigits).
    const digits = columnDigits(means);
    const span = domain[1] - domain[0];
    // Dark viridis cells (low values) get white text, the others black: each at least 4.5:1 (WCAG 1.4.3) on its
    // cell. Viridis crosses from white-readable to black-readable at 43 % of the scale (white 4.6:1, black 4.5:1
    // there); the cut at 55 % left white text at 3.5:1 on the teal cells between.
    for (const v of values) {
      const m = Number(v['mean']);
      const f = span > 0 ? (m - domain[0]) / span : 0.5;
      v['ink'] = f < INK_CUT ? 'white' : 'black';
      // A share in percent, as its legend and subtitle (the sign left to them: a cell holds only a few
      // characters); the cell showed 0.050 beside a legend of 5.0 %.
      v['label'] = share ? fixed(100 * m, Math.max(0, digits - 2)) : fixed(m, digits);
    }
    return { outcome, values, lo, hi, noise: unbounded ? null : noise, unbounded, domain, why, digits };
  });
  const others = varying.filter((p) => p !== xName && p !== yName);
  return { xName, yName, xOrder: xs.order, yOrder: ys.order, panels, others };
}

/** A value, a spread or a noise level as printed, at the outcome's decimals (those of the sweep table): percentage points for probabilities and shares. */
function amount(outcome: string, x: number, digits: number, pp: string): string {
  return isProbability(outcome) ? `${fixed(100 * x, Math.max(0, digits - 2))} ${pp}` : fixed(x, digits);
}

/** A panel's subtitle: the cells' range and spread against the replication noise, and what the colour scale spans. */
export function heatmapPanelSubtitle(p: ReturnType<typeof heatmapData>['panels'][number], t: Catalog = en): string {
  const value = (x: number) => (isProbability(p.outcome) ? `${fixed(100 * x, Math.max(0, p.digits - 2))} %` : fixed(x, p.digits));
  const noise = p.unbounded ? t.heatmapNoiseUnbounded : p.noise === null ? null : `±${amount(p.outcome, p.noise, p.digits, t.ppUnit)}`;
  const scale = t.heatmapScale(value(p.domain[0]), value(p.domain[1]), p.why);
  return localNumber(t, t.heatmapRange(value(p.lo), value(p.hi), amount(p.outcome, p.hi - p.lo, p.digits, t.ppUnit), noise, scale));
}

/**
 * The colour legend's labels: a share's in percent, at the decimals of its panel subtitle (`5.0 %`, `5,0%`
 * in Indonesian; the legend showed `0.05` beside a subtitle of `5.0 %`); any other outcome in its own
 * unit, to three significant digits.
 */
export function legendFormat(outcome: string, digits: number, t: Catalog = en): { format: string } | { labelExpr: string } {
  if (!isProbability(outcome)) return { format: '.3~g' };
  return { labelExpr: `format(datum.value * 100, '.${Math.max(0, digits - 2)}f') + ${JSON.stringify(t.percentSign)}` };
}

export function heatmapSpec(input: HeatmapChartInput): TopLevelSpec {
  const t = input.t ?? en;
  const d = heatmapData(input);
  const cell = Math.max(22, Math.min(48, Math.floor(360 / Math.max(d.xOrder.length, d.yOrder.length))));
  const showText = d.xOrder.length * d.yOrder.length <= 144;
  const panel = (p: (typeof d.panels)[number]) => {
    const x = { field: 'x', type: 'ordinal' as const, sort: d.xOrder, title: parameterTitleLines(d.xName, t), axis: { labelAngle: d.xOrder.some((l) => l.length > 6) ? -40 : 0 } };
    const y = { field: 'y', type: 'ordinal' as const, sort: [...d.yOrder].reverse(), title: parameterTitleLines(d.yName, t) };
    const layers: Unit[] = [
      {
        mark: { type: 'rect' },
        encoding: { x, y, color: { field: 'mean', type: 'quantitative', title: null, scale: { scheme: 'viridis', domain: p.domain, clamp: true }, legend: { orient: 'right', gradientLength: 120, ...legendFormat(p.outcome, p.digits, t) } } },
      },
    ];
    if (showText) {
      layers.push({
        mark: { type: 'text', fontSize: 9 },
        encoding: { x, y, text: { field: 'label' }, color: { condition: { test: "datum.ink === 'white'", value: 'white' }, value: 'black' } },
      });
    }
    return {
      width: { step: cell },
      height: { step: cell },
      title: {
        text: outcomeName(p.outcome, t, input.services),
        fontSize: 12,
        // How far apart the cells are, against the noise, and what the colours span (heatmapData).
        subtitle: heatmapPanelSubtitle(p, t),
      },
      data: { values: p.values.map((v) => ({ ...v, label: localNumber(t, String(v['label'])) })) },
      layer: layers,
    };
  };
  const subtitle = [t.heatmapSub(d.others.join(', '))];
  // Two panels per row: a sweep with several outcomes stays readable on a page.
  return topLevel(t.heatmapTitle, subtitle, {
    concat: d.panels.map(panel),
    columns: 2,
    spacing: 30,
    resolve: { scale: { color: 'independent' } },
  } as never, t);
}
