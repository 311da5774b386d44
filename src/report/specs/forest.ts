/**
 * Forest plot of a comparison: per outcome, each variant's paired difference
 * from the base (variant - base, common random numbers) with its interval,
 * against a zero line; the numbers are written beside each row.
 * Probabilities and shares are in percentage points; the mark (*) is read
 * off the printed interval (`effect` in ../format.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import { en, type Catalog } from '../i18n/en.js';
import { localNumber } from '../i18n/index.js';
import type { CompareRow } from '../rows.js';
import { OKABE_ITO } from '../palette.js';
import { isProbability, printedDifferences, isUnitOutcome, relativePercent, relativeThreshold, relativeWithheld } from '../format.js';
import { outcomeName, type ServiceNames } from '../outcome-names.js';
import { borderlineRows } from '../summary.js';
import { toDecimal } from '../../messages/decimal.js';
import { mostPerGroup, repsPhrase, round, topLevel, type Datum, type Layer } from './common.js';

export interface ForestChartInput {
  readonly rows: readonly CompareRow[];
  readonly t?: Catalog;
  readonly services?: ServiceNames;
  /** Width of the plotting area (px; 380 when absent). */
  readonly width?: number;
  /** false: no column of numbers beside the rows (a narrow page shows them in its table). */
  readonly numbers?: boolean;
  /** Columns of panels (default: two when there are more than six outcomes). */
  readonly columns?: 1 | 2;
  /** The unit of every row's values when the rows come already scaled (the explorer's percentage points); default: pp for probabilities, else per replication. */
  readonly unit?: string;
  /**
   * How the numbers beside the rows (difference and interval ends) are written: the explorer passes its
   * comparison table's, so that chart and table print the same decimals; default: the report's comparison
   * table (printedDifferences). The mark (*) and the relative change are the same either way.
   */
  readonly format?: (x: number) => string;
  /**
   * Which rows are marked borderline, by index, when the caller decided it over other rows than these (the
   * explorer, over every outcome it compares: aggregate.ts borderlineOf); default: borderlineRows over these
   * rows, or none for rows already scaled (`format` given).
   */
  readonly borderline?: readonly boolean[];
}

const WIDTH = 380;

/** One row per (outcome, variant) with the interval (pp for probabilities) and a text summary. */
export function forestData(input: ForestChartInput): Datum[] {
  const t = input.t ?? en;
  // The numbers the comparison table prints for the same rows (decimals shared over the rows, interval ends keep their sign).
  const printed = printedDifferences(input.rows);
  // Borderline as the summary and the table mark it; the explorer's rows (already scaled, format given) as its
  // table marks them, which it passes (explorer/app.ts), since it decides over the count sustained too.
  const borderline = input.borderline ?? (input.format === undefined ? borderlineRows(input.rows, printed) : input.rows.map(() => false));
  return input.rows.map((r, i) => {
    const { effect: e } = printed[i]!;
    const f = input.format;
    const { meanText, lowText, highText } =
      f === undefined ? printed[i]! : { meanText: f(r.diff_mean), lowText: r.diff_ci_low === null ? '–' : f(r.diff_ci_low), highText: r.diff_ci_high === null ? '–' : f(r.diff_ci_high) };
    const unit = e.pp ? ` ${t.ppUnit}` : '';
    // Rows already scaled (the explorer's, `unit` given) are shares in percentage points: their base is in percent.
    // A value on [0, 1] (shares, cumulative.<id>, the indices) takes the share threshold; only shares print it in percent.
    const share = input.unit !== undefined || isUnitOutcome(r.outcome);
    const why = relativeWithheld(r, share, input.unit !== undefined ? 100 : 1);
    const rel =
      r.relative_change === null || !Number.isFinite(r.relative_change)
        ? ''
        : why === null
          ? `  (${relativePercent(100 * r.relative_change)} %)`
          : `  (${t.relativeNotShown}: ${t.relativeWhy(why, relativeThreshold(share, input.unit !== undefined || isProbability(r.outcome)))})`;
    return {
      outcome: r.outcome,
      variant: r.variant,
      diff: round(e.mean),
      lo: round(e.low ?? e.mean),
      hi: round(e.high ?? e.mean),
      level: r.level,
      marked: e.marked,
      text: localNumber(t, `${meanText}${unit} [${lowText}${t.intervalSep}${highText}]${e.marked ? ' *' : ''}${borderline[i] ? ` ${t.compareBorderline}` : ''}${rel}`),
    };
  });
}

function levelText(levels: readonly (number | null)[]): string {
  const known = [...new Set(levels.filter((l): l is number => l !== null))];
  if (known.length === 0) return '95 %';
  return known.map((l) => `${Number(toDecimal(l * 100, 2))} %`).join(', ');
}

export function forestSpec(input: ForestChartInput): TopLevelSpec {
  const t = input.t ?? en;
  const data = forestData(input);
  const outcomes = [...new Set(data.map((d) => String(d['outcome'])))];
  const variants = [...new Set(data.map((d) => String(d['variant'])))];
  const width = input.width ?? WIDTH;
  const panels: Layer[] = outcomes.map((outcome) => {
    const rows = data.filter((d) => d['outcome'] === outcome);
    const lo = Math.min(0, ...rows.map((r) => Number(r['lo'])));
    const hi = Math.max(0, ...rows.map((r) => Number(r['hi'])));
    const pad = (hi - lo) * 0.08 || 1;
    const name = outcomeName(outcome, t, input.services);
    const unit = input.unit ?? (isProbability(outcome) ? t.ppUnit : t.perReplication);
    const x = {
      type: 'quantitative' as const,
      scale: { domain: [lo - pad, hi + pad], nice: false },
      // A name that ends with its unit ("exits: defunded (per replication)") is not followed by it again.
      title: localNumber(t, t.forestAxis(name, name.endsWith(`(${unit})`) ? null : unit, levelText(rows.map((r) => r['level'] as number | null)))),
      axis: { labelFlush: false, tickCount: 6 },
    };
    const y = { field: 'variant', type: 'nominal' as const, sort: variants, title: null };
    return {
      width,
      height: { step: 26 },
      data: { values: rows },
      layer: [
        { mark: { type: 'rule', color: '#888888', strokeDash: [4, 3] }, encoding: { x: { ...x, datum: 0 } } },
        { mark: { type: 'rule', color: OKABE_ITO.blue, strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } } },
        { mark: { type: 'point', filled: true, color: OKABE_ITO.blue, size: 70 }, encoding: { y, x: { ...x, field: 'diff' } } },
        ...(input.numbers === false ? [] : [{ mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 11, color: '#222222' }, encoding: { y, x: { value: width + 10 }, text: { field: 'text' } } }]),
      ],
    } as Layer;
  });
  return topLevel(
    t.forestTitle,
    // The paired replications behind each what-if's differences (the most over its outcomes).
    [t.forestSub(repsPhrase(t, mostPerGroup(input.rows.map((r) => [r.variant, r.n]))))],
    // Many outcomes: two columns, so the figure stays about as wide as it is tall.
    ((input.columns ?? (outcomes.length > 6 ? 2 : 1)) === 2 ? { concat: panels, columns: 2, spacing: { row: 20, column: 40 } } : { vconcat: panels, spacing: 20 }) as never,
    t,
  );
}
