import { shifted, toDecimal } from '../messages/decimal.js';
import { UNIT_METRICS } from '../model/observation.js';

/**
 * Numbers as a policy reader sees them: differences of probabilities in
 * percentage points, and intervals printed with enough digits that an
 * interval marked as excluding zero never shows 0 as an end. The mark is
 * computed from the printed interval, so what is marked and what is shown
 * can never disagree ("+0.002 (0.000 to +0.004) *" cannot happen).
 */

/**
 * Outcomes whose values are probabilities or shares in [0, 1]: their
 * differences are given in percentage points. `sustained.<service>` is the
 * probability that the service is sustained; `*_share` are shares of
 * agency-service pairs.
 */
export function isProbability(outcome: string): boolean {
  return /^(sustained|declining|discontinued|never_adopted)\./.test(outcome) || /_share$/.test(outcome);
}

/** Values |x| below this (relative to the largest value shown beside it) print as 0. */
export const TINY = 1e-12;

/** `x` with `digits` decimals; -0 and values that round to 0 print as "0". */
export function plain(x: number, digits: number): string {
  const text = toDecimal(Math.abs(x), digits);
  if (Number(text) === 0) return toDecimal(0, digits);
  return `${x < 0 ? '−' : ''}${text}`;
}

/** `x` with an explicit sign (+ or the minus sign −); values that round to 0 print unsigned. */
export function signed(x: number, digits: number): string {
  const text = toDecimal(Math.abs(x), digits);
  if (Number(text) === 0) return toDecimal(0, digits);
  return `${x > 0 ? '+' : '−'}${text}`;
}

/**
 * A relative change in percent (`x` already times 100), signed: whole
 * percents from 10 % up, one decimal below ("+0.2"), and "+<0.1" or
 * "−<0.1" for a change that is not 0 but rounds to 0.0, so a real change never prints
 * as "0" beside a difference marked as clear.
 */
export function relativePercent(x: number): string {
  if (x === 0) return '0';
  if (Math.abs(x) >= 9.95) return signed(x, 0);
  const text = signed(x, 1);
  // Signed like every other value: a small fall must not read as a small rise.
  return Number(text.replace('−', '-')) === 0 ? `${x < 0 ? '−' : '+'}<0.1` : text;
}

/**
 * The smallest base share (a fraction: 5 %) whose relative change the reports print. Below it a
 * share rests on a handful of agencies or replications (5 % of a city's few dozen agencies is one to
 * three of them), so a change of one or two doubles or triples the base: 1 % to 6 % printed "+500 %",
 * read as a huge effect where the difference was 5 percentage points. The difference in pp says it
 * without that amplification. compare.csv keeps every relative_change (an interface).
 */
export const MIN_RELATIVE_BASE_SHARE = 0.05;

/**
 * The smallest base mean of a count (per replication) whose relative change the reports print: below
 * one event per replication most replications had none, and one event more doubles the base, as a
 * share below MIN_RELATIVE_BASE_SHARE. A count of agencies (`live.<id>`, `routinized.<id>`) below one
 * is withheld too: from 0.2 agencies to 1.2 is +500 % for one agency more. Where a service has a single
 * eligible agency that count is in effect a share (0.9: live in 90 % of replications), whose relative
 * change the rule withholds although it is stable; the difference is shown either way.
 */
export const MIN_RELATIVE_BASE_COUNT = 1;

/**
 * Why a comparison's relative change (diff_mean / base_mean) is not printed, or null when it is:
 * 'small' when the base mean is below MIN_RELATIVE_BASE_SHARE (a share) or MIN_RELATIVE_BASE_COUNT (a
 * count); 'zero' when the base arm's interval includes 0 (the base is not known to differ from 0, so
 * the ratio has no bound: one replication's value more could double it). `scale` is what the values
 * were multiplied by (100: a share's rows already in percent, as the explorer gives them). `share` is
 * isUnitOutcome(outcome): every value on [0, 1] (shares, `cumulative.<id>`, `mean_usage`,
 * `mean_translation`, `vision`, ...), not only those the reports print in percent (isProbability): a
 * translation index of 0.53 is no count below 1.
 */
export function relativeWithheld(
  row: { readonly base_mean: number; readonly base_ci_low: number | null; readonly base_ci_high: number | null },
  share: boolean,
  scale = 1,
): 'small' | 'zero' | null {
  const least = share ? MIN_RELATIVE_BASE_SHARE * scale : MIN_RELATIVE_BASE_COUNT;
  if (Math.abs(row.base_mean) < least) return 'small';
  const { base_ci_low: low, base_ci_high: high } = row;
  if (low !== null && high !== null && low <= 0 && high >= 0) return 'zero';
  return null;
}

/**
 * The base below which relativeWithheld says 'small', as printed: "5 %" for a share in percent, "0.05"
 * for another value on [0, 1] (an index such as `mean_translation`), "1" for a count.
 */
export function relativeThreshold(share: boolean, percentForm = share): string {
  if (!share) return toDecimal(MIN_RELATIVE_BASE_COUNT, 0);
  return percentForm ? `${toDecimal(100 * MIN_RELATIVE_BASE_SHARE, 0)} %` : toDecimal(MIN_RELATIVE_BASE_SHARE, 2);
}

/**
 * The share threshold of relativeThreshold with no space before the percent
 * sign ("5%", not "5 %"), as the Indonesian report writes a percentage and as
 * `difusi compare`'s terminal legend does in either language.
 */
export function relativeShareThresholdTight(): string {
  return relativeThreshold(true).replace(' %', '%');
}

/**
 * Outcomes that are shares or probabilities, whose values all lie in
 * [0, 1]: `sustained.<id>` (and the other outcome shares), `*_share`, a
 * service's `cumulative.<id>` (share of its eligible agencies) and the
 * summary metrics whose every value lies in [0, 1] (UNIT_METRICS: the
 * report's table at the horizon clips the same ones). Their t intervals from few replications can reach past
 * [0, 1]; the terminal shows them clipped, as the reports do.
 */
export function isUnitOutcome(outcome: string): boolean {
  return isProbability(outcome) || (UNIT_METRICS as readonly string[]).includes(outcome) || outcome.startsWith('cumulative.');
}

/** The most decimals an interval is printed with before an end is accepted as 0. */
const MAX_EXTRA_DIGITS = 4;

/**
 * An interval's end with an explicit sign that survives rounding: a value
 * that is not 0 but rounds to 0 at `digits` gets more decimals (up to four
 * more) until it does not ("−0.015", not "0.0"), so an interval running
 * from −0.015 to +0.2 is never printed as if it began at 0. Exact 0 and
 * floating-point dust (|x| < 1e-12 |scale|) print as 0.
 */
export function signedBound(x: number, digits: number, scale = 1): string {
  if (x === 0 || Math.abs(x) < TINY * Math.max(1, Math.abs(scale))) return toDecimal(0, digits);
  let d = digits;
  while (d < digits + MAX_EXTRA_DIGITS && Number(toDecimal(Math.abs(x), d)) === 0) d++;
  return `${x > 0 ? '+' : '−'}${toDecimal(Math.abs(x), d)}`;
}

/** Decimals for a value of magnitude `scale`: 3 below 1, 2 below 10, 1 below 100, else 0. */
export function baseDigits(scale: number): number {
  const a = Math.abs(scale);
  return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
}

/** An effect as printed: mean and interval in the unit shown, and whether the printed interval excludes 0. */
export interface Effect {
  /** Mean difference in the unit shown (pp for probabilities). */
  readonly mean: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly digits: number;
  /** Decimals the interval's width calls for (`digits` before any added to keep an end's sign). */
  readonly precision: number;
  /** Unit shown: 'pp' for probabilities, '' otherwise. */
  readonly pp: boolean;
  /** Printed texts. */
  readonly meanText: string;
  readonly lowText: string;
  readonly highText: string;
  /** The printed interval excludes 0 (both ends nonzero and of one sign). */
  readonly marked: boolean;
}

/**
 * A paired difference for printing. Probabilities are scaled to percentage
 * points; other outcomes keep their unit. Decimals start at two
 * significant digits of the interval's half-width (one, and at least one
 * decimal, for pp; by
 * `scale`, the size of the values compared, when there is no interval). When the raw interval excludes
 * 0, decimals are added (up to 4 more) until neither printed end is 0; the
 * mark is then read off the printed ends.
 */
export function effect(outcome: string, diff: number, low: number | null, high: number | null, scale = Math.abs(diff)): Effect {
  const pp = isProbability(outcome);
  const f = pp ? 100 : 1;
  const lo = low === null ? null : low * f;
  const hi = high === null ? null : high * f;
  // The interval's half-width to two significant digits (one for pp, at least one decimal), else by the values' size.
  const half = lo !== null && hi !== null ? (hi - lo) / 2 : 0;
  const start = half > 0 ? Math.min(4, Math.max(pp ? 1 : 0, (pp ? 0 : 1) - Math.floor(Math.log10(half)))) : pp ? 1 : baseDigits(scale * f);
  const mean = diff * f;
  let digits = start;
  const zero = (v: number) => Number(toDecimal(Math.abs(v), digits)) === 0;
  if (lo !== null && hi !== null && (lo > 0 || hi < 0)) {
    while (digits < start + MAX_EXTRA_DIGITS && (zero(lo) || zero(hi))) digits++;
    // An end that is 0 even then (floating-point dust such as -1e-17) is shown as 0 at the usual precision, unmarked.
    if (zero(lo) || zero(hi)) digits = start;
  }
  const lowText = lo === null ? '–' : signed(lo, digits);
  const highText = hi === null ? '–' : signed(hi, digits);
  const marked = lo !== null && hi !== null && !zero(lo) && !zero(hi) && (lo > 0) === (hi > 0);
  return { mean, low: lo, high: hi, digits, precision: start, pp, meanText: signed(mean, digits), lowText, highText, marked };
}

/**
 * A number for a table or a sentence with up to `digits` decimals (fewer
 * for large values), no trailing zeros; values tiny next to `scale`
 * (|x| < 1e-12 |scale|; scale 1 by default) print as 0.
 */
export function num(x: number | null | undefined, digits = 3, scale = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Math.abs(x) < TINY * Math.abs(scale)) return '0';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  const d = a >= 100 ? 1 : a >= 10 ? 2 : digits;
  const text = String(Number(toDecimal(x, d)));
  return text === '-0' ? '0' : text;
}

/**
 * Decimals of a column of a report table (docs/OUTPUTS.md, "Numbers in
 * report tables"): every value of the column gets those of its largest
 * value as `num` would print it alone: 3 when the largest |value| is below
 * 10, 2 below 100, 1 from 100 on. A share column thus reads 0.060, 0.600,
 * 1.000; a count column 99.3, 101.0.
 */
export function columnDigits(values: readonly (number | null | undefined)[]): number {
  const a = Math.max(0, ...values.filter((x): x is number => x !== null && x !== undefined && Number.isFinite(x)).map(Math.abs));
  // Decided on the value as it would print: 99.996 prints 100.0 (not 100.00), 9.9996 10.00.
  if (a >= 100 || Number(toDecimal(a, 2)) >= 100) return 1;
  return a >= 10 || Number(toDecimal(a, 3)) >= 10 ? 2 : 3;
}

/**
 * A value of a report table's column with the column's `digits` decimals,
 * trailing zeros kept ("0.600"), the minus sign − for a negative value;
 * values tiny next to `scale` (|x| < 1e-12 |scale|) as 0; "–" when unknown.
 */
export function fixed(x: number | null | undefined, digits: number, scale = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return plain(Math.abs(x) < TINY * Math.max(1, Math.abs(scale)) ? 0 : x, digits);
}

/** A share as a whole percentage ("85 %"). */
export function percent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${shifted(x, 2, 0)} %`;
}

/**
 * A name with its id, as every report shows one (a service, a national
 * service, an election cycle): the id in square brackets after the name,
 * "Smart health (Dinas Kesehatan) [smart-health]", so that a name holding
 * parentheses of its own never meets a second pair.
 */
export function nameAndId(name: string, id: string): string {
  return `${name} [${id}]`;
}

/** A design factor as a reader names it: its scenario path without `parameters.` (`parameters.bass_q` -> `bass_q`). */
export function factorName(path: string): string {
  return path.replace(/^parameters\./, '');
}

/** The most decimals the comparison table's rows of one unit share; a row whose interval needs more keeps its own. */
export const COMPARE_MAX_SHARED_DIGITS = 2;

/** A comparison row's difference as printed: in the table, and beside the forest chart's row. */
export interface PrintedDifference {
  readonly effect: Effect;
  /** The values compared (base and variant means, of every variant of the outcome): the scale of "tiny". */
  readonly scale: number;
  /** Decimals of base, variant, difference and interval (in the unit shown). */
  readonly digits: number;
  /** The difference with its sign, and the interval's ends, whose sign survives rounding ("−0.02", not "0.00"). */
  readonly meanText: string;
  readonly lowText: string;
  readonly highText: string;
}

/**
 * Every comparison row's difference printed with one number of decimals for
 * the rows of one unit (percentage points; the others): the most that any
 * of their intervals' widths calls for (Effect.precision), up to two; a row
 * that needs more keeps its own. The comparison table and the forest chart
 * write the same numbers for the same row. An interval end that would round
 * to 0 gets its own extra decimals (signedBound); the rest of its row does
 * not, nor do the other rows: one such end put every row of a comparison of
 * 100 replications at two decimals ("+7.00 pp", "84.00 %") beside intervals
 * some ten points wide.
 */
export function printedDifferences(
  rows: readonly { outcome: string; base_mean: number; variant_mean: number; diff_mean: number; diff_ci_low: number | null; diff_ci_high: number | null }[],
): PrintedDifference[] {
  const effects = rows.map((r) => {
    const scale = Math.max(...rows.filter((x) => x.outcome === r.outcome).map((x) => Math.max(Math.abs(x.base_mean), Math.abs(x.variant_mean))));
    return { e: effect(r.outcome, r.diff_mean, r.diff_ci_low, r.diff_ci_high, scale), scale };
  });
  const shared = (pp: boolean) => Math.min(COMPARE_MAX_SHARED_DIGITS, Math.max(...effects.filter(({ e }) => e.pp === pp).map(({ e }) => e.precision)));
  return rows.map((r, i) => {
    const { e, scale } = effects[i]!;
    const digits = Math.max(shared(e.pp), e.precision);
    const f = e.pp ? 100 : 1;
    const bound = (x: number | null) => (x === null ? '–' : signedBound(f * x, digits, f * scale));
    return { effect: e, scale, digits, meanText: signed(f * r.diff_mean, digits), lowText: bound(r.diff_ci_low), highText: bound(r.diff_ci_high) };
  });
}
