/**
 * Numbers as the explorer shows them, in the page's language: the decimal
 * separator is the report's (report/i18n: a comma in Bahasa Indonesia), the
 * same the charts take (their vega locale), so a table and the chart beside
 * it write 12,5 alike. A difference of exactly zero is written 0, never
 * "±0.0" (which reads as a margin of error). Pure: no DOM.
 */
import { catalog, localNumber, type Lang } from '../report/i18n/index.js';

/** `x` with `digits` decimals, in `lang`'s decimal separator (-0 written 0). */
export function fixed(x: number, digits: number, lang: Lang): string {
  return localNumber(catalog(lang), (Object.is(x, -0) ? 0 : x).toFixed(digits));
}

/** A share as a percentage with one decimal (0.125 -> 12.5, or 12,5). */
export function percent(share: number, lang: Lang): string {
  return fixed(100 * share, 1, lang);
}

/** A difference with its sign: +12.5, −3.0 (minus sign), and exactly zero as 0. */
export function signed(x: number, digits: number, lang: Lang): string {
  if (x === 0) return '0';
  return `${x > 0 ? '+' : '−'}${fixed(Math.abs(x), digits, lang)}`;
}

/** A number as typed in a scenario (a lever value, 0.15), in `lang`'s decimal separator. */
export function plain(x: number, lang: Lang): string {
  // Not localNumber: String(x) can be 1.5e-7, whose mantissa takes the comma too.
  const text = String(x);
  return catalog(lang).decimal === '.' ? text : text.replace('.', catalog(lang).decimal);
}
