/**
 * The one cell format of every CSV difusi writes, so that the same results
 * give the same bytes on every machine: integers as written, other finite
 * numbers with 12 significant digits (trailing zeros dropped), NaN, null and
 * undefined as an empty cell, booleans as 1 and 0. Pure and dependency-free:
 * the browser explorer formats its downloads with it too (store/csv.ts adds
 * the quoting and the file writing).
 */

export type Cell = string | number | boolean | null | undefined;

/**
 * The definition of the format: `String(Number(x.toPrecision(12)))` for a
 * finite non-integer. `formatNumber` gives the same string faster; tests
 * (tests/store/csv-format.test.ts) hold the two equal.
 */
export function formatNumberReference(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return String(x);
  const s = String(Number(x.toPrecision(12)));
  return s === '-0' ? '0' : s;
}

/**
 * Strings of non-integers already formatted, by value. A result folder
 * formats millions of numbers and the same fractions recur (shares of the
 * same agency count, month after month, replication after replication), so
 * most are found here. Cleared when full, so memory stays bounded; what it
 * holds never changes a string, only how soon it is known.
 */
const known = new Map<number, string>();
const KNOWN_MAX = 1 << 16;
/** The smallest positive normal double, 2^-1022. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** The strings of 0..1023 (counts of agencies and events are mostly small integers). */
const SMALL: readonly string[] = Array.from({ length: 1024 }, (_, i) => String(i));

export function formatNumber(x: number): string {
  // (x >>> 0) === x: an integer in 0..2^32-1 (and -0, which String() writes as 0).
  if ((x >>> 0) === x && x < 1024) return SMALL[x]!;
  if (Number.isInteger(x)) return String(x);
  if (!Number.isFinite(x)) return '';
  let s = known.get(x);
  if (s !== undefined) return s;
  s = String(x);
  // String(x) is the shortest decimal that reads back as x. With at most 12
  // significant digits it is also x rounded to 12 digits: x lies within half
  // a unit of its 53-bit significand of that decimal, far less than half a
  // unit of a 12th digit, so toPrecision(12) gives the same decimal (padded
  // with zeros) and it reads back as x. Otherwise, and for subnormal numbers
  // (fewer significand bits, so that bound does not hold), round the long way.
  if (significantDigits(s) > 12 || Math.abs(x) < MIN_NORMAL) {
    s = String(Number(x.toPrecision(12)));
    if (s === '-0') s = '0';
  }
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(x, s);
  return s;
}

/** Significant digits of a number's String(): digits after any leading zeros, before an exponent. */
function significantDigits(s: string): number {
  let count = 0;
  let leading = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 101 /* e */) break;
    if (c < 48 || c > 57) continue; // sign, point
    if (leading && c === 48) continue;
    leading = false;
    count++;
  }
  return count;
}

/** One cell as text, before quoting. */
export function formatCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return v;
}

/**
 * A cell that starts with one of these characters is read by a spreadsheet
 * as a formula (`=HYPERLINK(...)`, `+1+1`, `@SUM(...)`, and a tab or carriage
 * return before one): OWASP, "CSV Injection". `'` marks a cell as text in a
 * spreadsheet; apostrophes already in front are counted so the rule can be
 * undone (below).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PROTECTED = /^'+[=+\-@\t\r]/;

/**
 * Free text from a scenario (a government's name) as a CSV cell: with one
 * `'` in front when it would start a formula, else unchanged (docs/RELIABILITY.md,
 * "Output shown to people"). Ids, numbers (a negative number starts with
 * `-`) and names that start otherwise keep their bytes.
 */
export function protectText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** The text protectText was given: a cell of `'` then a formula start loses one `'`. */
export function unprotectText(s: string): string {
  return PROTECTED.test(s) ? s.slice(1) : s;
}
