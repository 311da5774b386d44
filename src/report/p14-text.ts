/**
 * p14.txt's lines in the report's language. p14.txt itself stays as the run
 * wrote it (English, one format for every folder: the manifest holds its
 * checksum, and `npm run patterns` prints the same lines); a report in
 * another language reads each line's numbers and verdict back and words
 * them with its national catalog (i18n/national-*.ts), numbers with the
 * language's decimal separator and percent sign. The three line forms are those of
 * measureP14 (validation/p14-national.ts); a line of any other form is
 * shown as written rather than guessed at.
 */
import type { NationalCatalog } from './i18n/national-en.js';
import { groupedId } from '../messages/count.js';

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const PCT = String.raw`(\d+(?:\.\d+)?) %`;

const TOTALS = new RegExp(
  `^P14 national Heeks totals over ${NUM} \\(government, service\\) outcomes in ${NUM} replications: ` +
    `success ${PCT} \\(band 10-25 %\\), partial ${PCT} \\(35-65 %\\), total failure ${PCT} \\(20-50 %\\), ${NUM} replaced left out: (within|OUTSIDE)$`,
);
const SPREAD = new RegExp(
  `^P14 spread: ${PCT} of governments sustain at least half their services \\(>= ${PCT}\\), ${PCT} sustain none \\(>= ${PCT}\\): (wide|NOT wide enough)$`,
);
const SERVICE = new RegExp(`^  (.+): success ${PCT}, partial ${PCT}, total failure ${PCT} of ${NUM}( \\(outside the bands\\))?$`);

/**
 * One line of p14.txt in the catalog's language; the line as written when it has none of measureP14's forms.
 * `service`: how a service line names its service (p14.txt gives the id; the report passes the scenario's name with the id).
 */
export function p14Line(line: string, n: NationalCatalog, decimal: string, service: (id: string) => string = (id) => id): string {
  const { whole, pct } = numbers(n, decimal);
  let m = TOTALS.exec(line);
  if (m) return n.p14.totals(...totalsValues(m, n, decimal));
  m = SPREAD.exec(line);
  if (m) return n.p14.spread(pct(m[1]!), pct(m[2]!), pct(m[3]!), pct(m[4]!), m[5] === 'wide');
  m = SERVICE.exec(line);
  if (m) return n.p14.service((Object.hasOwn(n.p14.names, m[1]!) ? n.p14.names[m[1]!] : undefined) ?? service(m[1]!), pct(m[2]!), pct(m[3]!), pct(m[4]!), whole(m[5]!), m[6] !== undefined);
  return line;
}

/** How p14-text words p14.txt's numbers in the catalog's language. */
function numbers(n: NationalCatalog, decimal: string): { num: (x: string) => string; whole: (x: string) => string; pct: (x: string) => string } {
  const num = (x: string) => x.replace('.', decimal);
  // Whole counts (outcomes, replaced, classed) with the thousands grouped where the language groups them (39.138).
  const whole = (x: string) => (decimal === '.' || !/^\d+$/.test(x) ? num(x) : groupedId(x));
  const pct = (x: string) => `${num(x)}${n.percentSign}`;
  return { num, whole, pct };
}

/** The numbers and verdict of a totals line (TOTALS' match), as p14.totals and sumP14Totals take them. */
function totalsValues(m: RegExpExecArray, n: NationalCatalog, decimal: string): [string, string, string, string, string, string, boolean] {
  const { whole, pct } = numbers(n, decimal);
  return [whole(m[1]!), whole(m[2]!), pct(m[3]!), pct(m[4]!), pct(m[5]!), whole(m[6]!), m[7] === 'within'];
}

/**
 * The headline's sentence on P14's verdict, from p14.txt's first line: the
 * national totals worded by the catalog's sumP14Totals, or a first line of
 * another form given whole after sumP14's words (as p14Line words it); null
 * when p14.txt is empty.
 */
export function p14Headline(text: string, n: NationalCatalog, decimal: string, service: (id: string) => string = (id) => id): string | null {
  const first = text.split('\n').find((l) => l.trim() !== '');
  if (first === undefined) return null;
  const m = TOTALS.exec(first);
  if (m) return n.sumP14Totals(...totalsValues(m, n, decimal));
  // The line's own leading "P14 " would repeat the sentence's first word.
  return n.sumP14(p14Line(first, n, decimal, service).replace(/^P14 /, ''));
}

/** p14.txt's text, line by line, in the catalog's language (its empty lines dropped). */
export function p14Lines(text: string, n: NationalCatalog, decimal: string, service: (id: string) => string = (id) => id): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => p14Line(l, n, decimal, service));
}

/**
 * P14's verdict as p14.txt gives it: whether the national Heeks totals lie
 * within their bands and whether the spread is wide (null for a part whose
 * line is absent or of another form). P14 holds only when both do.
 */
export function p14Verdict(text: string): { totals: boolean | null; spread: boolean | null } {
  let totals: boolean | null = null;
  let spread: boolean | null = null;
  for (const line of text.split('\n')) {
    const t = TOTALS.exec(line);
    if (t) totals = t[7] === 'within';
    const s = SPREAD.exec(line);
    if (s) spread = s[5] === 'wide';
  }
  return { totals, spread };
}
