/**
 * Sobol indices (Saltelli sampling): first-order S1 and total ST per
 * parameter with their bootstrap intervals, one panel per outcome,
 * parameters sorted by ST.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SobolRow } from '../rows.js';
import { OKABE_ITO } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';
import { en, type Catalog } from '../i18n/en.js';
import { outcomeName } from '../outcome-names.js';

export interface SobolChartInput {
  readonly rows: readonly SobolRow[];
  readonly t?: Catalog;
}

const INDICES = ['S1', 'ST'] as const;

export function sobolData(rows: readonly SobolRow[]): { order: string[]; values: Datum[] } {
  const sorted = [...rows].sort((a, b) => b.ST - a.ST || (a.parameter < b.parameter ? -1 : 1));
  const values: Datum[] = sorted.flatMap((r) => [
    { parameter: r.parameter, index: 'S1', value: round(r.S1), lo: round(r.S1_low ?? r.S1), hi: round(r.S1_high ?? r.S1) },
    { parameter: r.parameter, index: 'ST', value: round(r.ST), lo: round(r.ST_low ?? r.ST), hi: round(r.ST_high ?? r.ST) },
  ]);
  return { order: sorted.map((r) => r.parameter), values };
}

export function sobolSpec(input: SobolChartInput): TopLevelSpec {
  const t = input.t ?? en;
  const outcomes = [...new Set(input.rows.map((r) => r.outcome))];
  const panels = outcomes.map((outcome) => {
    const d = sobolData(input.rows.filter((r) => r.outcome === outcome));
    const lo = Math.min(0, ...d.values.map((v) => Number(v['lo'])));
    const hi = Math.max(1, ...d.values.map((v) => Number(v['hi'])));
    const x = { type: 'quantitative' as const, scale: { domain: [lo, hi], nice: false }, title: t.sobolAxis(outcomeName(outcome, t)), axis: { labelFlush: false } };
    const y = { field: 'parameter', type: 'nominal' as const, sort: d.order, title: null };
    const yOffset = { field: 'index', type: 'nominal' as const, sort: [...INDICES] };
    return {
      width: 300,
      height: { step: 30 },
      title: { text: outcomeName(outcome, t), fontSize: 12 },
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
    [t.sobolSub],
    { hconcat: panels, spacing: 40 } as never,
    t,
  );
}
