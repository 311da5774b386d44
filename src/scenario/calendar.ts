/**
 * The scenario calendar (MODEL.md section 2): one tick is one month, the
 * start month is month 1, and month `m` is the state at the end of the m-th
 * tick. Calendar months are written `YYYY-MM`.
 *
 * @example
 * monthIndex('2015-01', '2016-03') // 15
 * monthDate('2015-01', 15)         // '2016-03'
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 of a `YYYY-MM` string (0-based, for arithmetic). */
function absoluteMonth(ym: string): number {
  const match = MONTH.exec(ym);
  if (match === null) throw new Error(`not a YYYY-MM month: ${JSON.stringify(ym)}`);
  return Number(match[1]) * 12 + (Number(match[2]) - 1);
}

/**
 * The 1-based model month of calendar month `ym` in a scenario starting at
 * `start` (`start` itself is month 1; earlier months give 0 or less).
 */
export function monthIndex(start: string, ym: string): number {
  return absoluteMonth(ym) - absoluteMonth(start) + 1;
}

/** The calendar month `YYYY-MM` of model month `m` (inverse of `monthIndex`). */
export function monthDate(start: string, m: number): string {
  if (!Number.isInteger(m)) throw new Error(`month index must be an integer, got ${m}`);
  const abs = absoluteMonth(start) + m - 1;
  const year = Math.floor(abs / 12);
  const month = abs - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The last calendar month of a horizon of `months` months from `start`. */
export function lastMonth(start: string, months: number): string {
  return monthDate(start, months);
}
