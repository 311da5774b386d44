/**
 * Numbers as the explorer shows them, in the page's language: the decimal
 * separator is the report's (report/i18n: a comma in Bahasa Indonesia), the
 * same the charts take (their vega locale), so a table and the chart beside
 * it write 12,5 alike. A difference of exactly zero is written 0, never
 * "±0.0" (which reads as a margin of error). In Bahasa Indonesia the page
 * follows the report's conventions (docs/OUTPUTS.md): the percent sign
 * closed up (12,5%), intervals as [lo; hi] in tables and "lo hingga hi" in
 * sentences, and months named in sentences (Desember 2025) while tables and
 * inputs keep YYYY-MM. English is written as before. Pure: no DOM.
 */
import { catalog, localNumber, type Lang } from '../report/i18n/index.js';
import { bulan } from '../report/i18n/id.js';
import { toDecimal } from '../messages/decimal.js';

/** `x` with `digits` decimals, in `lang`'s decimal separator (-0 written 0). */
export function fixed(x: number, digits: number, lang: Lang): string {
  return localNumber(catalog(lang), toDecimal(Object.is(x, -0) ? 0 : x, digits));
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

/** A difference in percentage points as the comparison table, its sentences and its chart write it: signed, one decimal. */
export function signedPoints(points: number, lang: Lang): string {
  return signed(points, 1, lang);
}

/** A number as typed in a scenario (a lever value, 0.15), in `lang`'s decimal separator. */
export function plain(x: number, lang: Lang): string {
  // Not localNumber: String(x) can be 1.5e-7, whose mantissa takes the comma too.
  const text = String(x);
  return catalog(lang).decimal === '.' ? text : text.replace('.', catalog(lang).decimal);
}

/**
 * A percentage with its sign: closed up in Bahasa Indonesia ("12,5%", the
 * report's percentSign), after `space` in English ("12.5 %"; a no-break
 * space by default, so a table cell never breaks before its sign).
 */
export function withPercent(text: string, lang: Lang, space = '\u00a0'): string {
  return catalog(lang).percentSign === '%' ? `${text}%` : `${text}${space}%`;
}

/**
 * An interval in a table cell: in Bahasa Indonesia the report's table
 * notation "[−1,4; +11,4]"; in English `english` (the page's own forms,
 * "(10.0–15.2)" or "(−1.4 … +11.4)").
 */
export function tableInterval(lo: string, hi: string, lang: Lang, english: string): string {
  return lang === 'id' ? catalog(lang).tableInterval(lo, hi) : english;
}

/** An interval in a sentence: "−1,4 hingga +11,4" in Bahasa Indonesia (the report's prose), "−1.4 … +11.4" in English. */
export function proseInterval(lo: string, hi: string, lang: Lang): string {
  return lang === 'id' ? `${lo} hingga ${hi}` : `${lo} … ${hi}`;
}

/** A month (YYYY-MM) as a sentence names it: "Desember 2025" in Bahasa Indonesia (the report's bulan), as given in English. */
export function monthInWords(iso: string, lang: Lang): string {
  return lang === 'id' ? bulan(iso) : iso;
}
