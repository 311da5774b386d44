/**
 * Forest plot of a comparison: per outcome, each variant's paired difference
 * from the base (variant - base, common random numbers) with its interval,
 * against a zero line; the numbers are written beside each row.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareRow } from '../rows.js';
import { OKABE_ITO } from '../palette.js';
import { round, topLevel, type Datum, type Layer } from './common.js';

export interface ForestChartInput {
  readonly rows: readonly CompareRow[];
}

const WIDTH = 380;

function fmt(x: number | null): string {
  if (x === null) return '–';
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return (x >= 0 ? '+' : '−') + a.toFixed(digits);
}

/** One row per (outcome, variant) with the interval and a text summary. */
export function forestData(input: ForestChartInput): Datum[] {
  return input.rows.map((r) => ({
    outcome: r.outcome,
    variant: r.variant,
    diff: round(r.diff_mean),
    lo: round(r.diff_ci_low ?? r.diff_mean),
    hi: round(r.diff_ci_high ?? r.diff_mean),
    level: r.level,
    text: `${fmt(r.diff_mean)} [${fmt(r.diff_ci_low)}, ${fmt(r.diff_ci_high)}]${r.relative_change === null ? '' : `  ${fmt(r.relative_change * 100)} %`}`,
  }));
}

function levelText(levels: readonly (number | null)[]): string {
  const known = [...new Set(levels.filter((l): l is number => l !== null))];
  if (known.length === 0) return '95 %';
  return known.map((l) => `${round(l * 100, 2)} %`).join(', ');
}

export function forestSpec(input: ForestChartInput): TopLevelSpec {
  const data = forestData(input);
  const outcomes = [...new Set(data.map((d) => String(d['outcome'])))];
  const variants = [...new Set(data.map((d) => String(d['variant'])))];
  const panels: Layer[] = outcomes.map((outcome) => {
    const rows = data.filter((d) => d['outcome'] === outcome);
    const lo = Math.min(0, ...rows.map((r) => Number(r['lo'])));
    const hi = Math.max(0, ...rows.map((r) => Number(r['hi'])));
    const pad = (hi - lo) * 0.08 || 1;
    const x = {
      type: 'quantitative' as const,
      scale: { domain: [lo - pad, hi + pad], nice: false },
      title: `${outcome}: variant − base (diff_mean, ${levelText(rows.map((r) => r['level'] as number | null))} interval)`,
      axis: { labelFlush: false, tickCount: 6 },
    };
    const y = { field: 'variant', type: 'nominal' as const, sort: variants, title: null };
    return {
      width: WIDTH,
      height: { step: 26 },
      data: { values: rows },
      layer: [
        { mark: { type: 'rule', color: '#888888', strokeDash: [4, 3] }, encoding: { x: { ...x, datum: 0 } } },
        { mark: { type: 'rule', color: OKABE_ITO.blue, strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } } },
        { mark: { type: 'point', filled: true, color: OKABE_ITO.blue, size: 70 }, encoding: { y, x: { ...x, field: 'diff' } } },
        { mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 11, color: '#222222' }, encoding: { y, x: { value: WIDTH + 10 }, text: { field: 'text' } } },
      ],
    } as Layer;
  });
  return topLevel(
    'Paired differences from the base scenario',
    ['Point: mean of (variant − base) over paired replications; line: its interval. Right: difference [interval] and relative change.'],
    // Many outcomes: two columns, so the figure stays about as wide as it is tall.
    (outcomes.length > 6 ? { concat: panels, columns: 2, spacing: { row: 20, column: 40 } } : { vconcat: panels, spacing: 20 }) as never,
  );
}
