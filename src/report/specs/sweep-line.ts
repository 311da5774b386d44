/**
 * A sweep over one factor: each outcome's mean against the factor's value,
 * with its 95 % confidence band (from sweep_summary.csv's `_ci_low` and
 * `_ci_high`, else a normal interval from the replications of sweep.csv),
 * one panel per outcome.
 */
import type { TopLevelSpec } from 'vega-lite';
import { en, type Catalog } from '../i18n/en.js';
import type { SweepTable } from '../rows.js';
import { OKABE_ITO } from '../palette.js';
import { outcomeName } from '../outcome-names.js';
import { parameterTitle } from './heatmap.js';
import { round, topLevel, type Datum } from './common.js';

export interface SweepLineInput {
  readonly sweep: SweepTable;
  readonly factor: string;
  /** Outcomes to show (default: the first six). */
  readonly outcomes?: readonly string[];
  readonly t?: Catalog;
  readonly services?: ReadonlyMap<string, string>;
}

/** Per outcome and factor value: the mean over replications and its 95 % interval. */
export function sweepLineData(input: SweepLineInput): { outcome: string; values: Datum[] }[] {
  const { sweep, factor } = input;
  const outcomes = (input.outcomes ?? sweep.outcomes).slice(0, 6);
  return outcomes.map((outcome) => {
    const at = new Map<number, { sum: number; sum2: number; n: number; ci: [number, number] | null }>();
    for (const r of sweep.rows) {
      const x = r.values[factor];
      const y = r.values[outcome];
      if (x === null || x === undefined || y === null || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      const c = at.get(x) ?? { sum: 0, sum2: 0, n: 0, ci: null };
      const n = r.n ?? 1;
      c.sum += n * y;
      c.sum2 += n * y * y;
      c.n += n;
      const ci = r.ci?.[outcome];
      if (ci !== undefined) c.ci = [ci[0], ci[1]];
      at.set(x, c);
    }
    const values: Datum[] = [...at.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([x, c]) => {
        const mean = c.sum / c.n;
        let lo = mean;
        let hi = mean;
        if (c.ci !== null) [lo, hi] = c.ci;
        else if (c.n > 1) {
          const sd = Math.sqrt(Math.max(0, (c.sum2 - c.n * mean * mean) / (c.n - 1)));
          lo = mean - (1.96 * sd) / Math.sqrt(c.n);
          hi = mean + (1.96 * sd) / Math.sqrt(c.n);
        }
        return { x: round(x), mean: round(mean), lo: round(lo), hi: round(hi), n: c.n };
      });
    return { outcome, values };
  });
}

export function sweepLineSpec(input: SweepLineInput): TopLevelSpec {
  const t = input.t ?? en;
  const panels = sweepLineData(input).map(({ outcome, values }) => {
    const x = { field: 'x', type: 'quantitative' as const, title: parameterTitle(input.factor, t), scale: { zero: false, nice: false } };
    const y = { type: 'quantitative' as const, title: null, scale: { zero: false } };
    return {
      width: 300,
      height: 170,
      title: { text: outcomeName(outcome, t, input.services), fontSize: 12 },
      data: { values },
      layer: [
        { mark: { type: 'area', color: OKABE_ITO.blue, opacity: 0.2 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } } },
        { mark: { type: 'line', color: OKABE_ITO.blue, strokeWidth: 2, point: true }, encoding: { x, y: { ...y, field: 'mean' } } },
      ],
    };
  });
  return topLevel(t.sweepLineTitle(input.factor), [t.sweepLineSub, t.bandIsT(false)], { concat: panels, columns: 2, spacing: 30 } as never, t);
}
