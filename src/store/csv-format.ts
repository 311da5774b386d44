/**
 * The one cell format of every CSV difusi writes, so that the same results
 * give the same bytes on every machine: integers as written, other finite
 * numbers with 12 significant digits (trailing zeros dropped), NaN, null and
 * undefined as an empty cell, booleans as 1 and 0. Pure and dependency-free:
 * the browser explorer formats its downloads with it too (store/csv.ts adds
 * the quoting and the file writing).
 */

export type Cell = string | number | boolean | null | undefined;

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return String(x);
  const s = String(Number(x.toPrecision(12)));
  return s === '-0' ? '0' : s;
}

/** One cell as text, before quoting. */
export function formatCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return v;
}
