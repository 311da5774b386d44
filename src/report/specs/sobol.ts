/**
 * Sobol indices (Saltelli sampling): first-order S1 and total ST per
 * parameter with their bootstrap intervals, one panel per outcome,
 * parameters sorted by ST.
 */
import type { TopLevelSpec } from 'vega-lite';
import { descendingDefinedFirst, sobolConstantOutcomes, type SobolRow } from '../rows.js';
import { OKABE_ITO } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';
import { en, type Catalog } from '../i18n/en.js';
import { outcomeName, type ServiceNames } from '../outcome-names.js';

export interface SobolChartInput {
  readonly rows: readonly SobolRow[];
  /** Display names of the services in the outcomes' names (the id when absent). */
  readonly services?: ServiceNames;
  readonly t?: Catalog;
}

const INDICES = ['S1', 'ST'] as const;

/** A finite number, else null (an undefined index or interval end: nothing of it reaches the chart). */
const finite = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

/** Largest ST first, an undefined ST last; then by name. */
function byST(a: SobolRow, b: SobolRow): number {
  return descendingDefinedFirst(a.ST, b.ST) || (a.parameter < b.parameter ? -1 : 1);
}

/** The bars of one outcome's panel: an index that is undefined (empty in sobol.csv) has no bar; an interval end that is, none either (the bar alone). */
export function sobolData(rows: readonly SobolRow[]): { order: string[]; values: Datum[] } {
  const sorted = [...rows].sort(byST);
  const bar = (parameter: string, index: (typeof INDICES)[number], x: number, low: number | null, high: number | null): Datum[] => {
    const value = finite(x);
    if (value === null) return [];
    return [{ parameter, index, value: round(value), lo: round(finite(low) ?? value), hi: round(finite(high) ?? value) }];
  };
  const values: Datum[] = sorted.flatMap((r) => [...bar(r.parameter, 'S1', r.S1, r.S1_low, r.S1_high), ...bar(r.parameter, 'ST', r.ST, r.ST_low, r.ST_high)]);
  return { order: sorted.map((r) => r.parameter), values };
}

/** The outcomes a Sobol' chart draws: those with at least one defined index (an outcome with no variance over the design has none), in order of first appearance. */
export function sobolDrawn(rows: readonly SobolRow[]): { drawn: string[]; constant: string[] } {
  const none = sobolConstantOutcomes(rows);
  return { drawn: [...new Set(rows.map((r) => r.outcome))].filter((o) => !none.includes(o)), constant: none };
}

export function sobolSpec(input: SobolChartInput): TopLevelSpec {
  const t = input.t ?? en;
  // An outcome whose indices are all undefined (no variance over the design) gets no panel; the subtitle names it.
  const { drawn: outcomes, constant: none } = sobolDrawn(input.rows);
  const panels = outcomes.map((outcome) => {
    const d = sobolData(input.rows.filter((r) => r.outcome === outcome));
    const lo = Math.min(0, ...d.values.map((v) => Number(v['lo'])));
    const hi = Math.max(1, ...d.values.map((v) => Number(v['hi'])));
    const x = { type: 'quantitative' as const, scale: { domain: [lo, hi], nice: false }, title: t.sobolAxis(outcomeName(outcome, t, input.services)), axis: { labelFlush: false } };
    const y = { field: 'parameter', type: 'nominal' as const, sort: d.order, title: null };
    const yOffset = { field: 'index', type: 'nominal' as const, sort: [...INDICES] };
    return {
      width: 300,
      height: { step: 30 },
      title: { text: outcomeName(outcome, t, input.services), fontSize: 12 },
      data: { values: d.values },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y,
            yOffset,
            x: { ...x, field: 'value' },
            color: { field: 'index', type: 'nominal', title: t.indexLegend, scale: { domain: [...INDICES], range: [OKABE_ITO.skyBlue, OKABE_ITO.blue] } },
          },
        },
        { mark: { type: 'rule', color: '#222222' }, encoding: { y, yOffset, x: { ...x, field: 'lo' }, x2: { field: 'hi' } } },
      ],
    };
  });
  return topLevel(
    t.sobolTitle,
    [t.sobolSub, ...(none.length > 0 ? [t.sobolNotDrawn(none.map((o) => outcomeName(o, t, input.services)))] : [])],
    { hconcat: panels, spacing: 40 } as never,
    t,
  );
}
