/**
 * Comparing policy what-ifs with common random numbers (docs/EXPERIMENTS-USAGE.md):
 * every arm ran replications 0..R-1 under the same master seed, so
 * replication r of every arm drew the same random numbers wherever the arms'
 * structure agrees, and the arms pair up by replication.
 *
 *   arms' outcome vectors (one value per replication and outcome)
 *     --compareArms--> rows: each arm's mean and 95 % CI (Wilson for shares of
 *                      replications), the paired difference with its CI at the
 *                      Bonferroni-adjusted level (Newcombe's paired-proportion
 *                      interval for a 0/1 outcome, else paired t), relative
 *                      change, correlation
 *     --formatCompareTable--> the terminal table, effect sizes first
 *
 * Pure: no I/O. An arm that runs the base's own scenario (the same
 * `scenario` identity) gives differences of exactly 0 with interval [0, 0].
 */
import type { OutcomeSpec } from './outcomes.js';
import { count, groupedId } from '../messages/count.js';
import { idDecimal, idInterval, type TerminalLang } from '../messages/terminal-lang.js';
import { shifted, toDecimal } from '../messages/decimal.js';
import { isUnitOutcome, relativePercent, relativeShareThresholdTight, relativeThreshold, relativeWithheld } from '../report/format.js';
import { bonferroniLevel, newcombePaired, pairedDifference, pairedTable, tInterval, unpairedReplicationRatio, wilson } from './stats/index.js';

/** One arm's outcome values: `values[k][r]` = outcome k in replication r. */
export interface ArmValues {
  readonly name: string;
  readonly values: readonly Float64Array[];
  /**
   * What the arm ran (its resolved scenario's hash, seed and replications
   * included, or its canonical JSON): two arms with the same identity ran
   * the same simulation, so their difference is exactly 0. Unset: unknown.
   */
  readonly scenario?: string;
}

/** One row of compare.csv (plus the spreads, kept for the table). */
export interface ComparisonRow {
  readonly outcome: string;
  readonly variant: string;
  readonly n: number;
  readonly base_mean: number;
  readonly base_ci_low: number;
  readonly base_ci_high: number;
  readonly variant_mean: number;
  readonly variant_ci_low: number;
  readonly variant_ci_high: number;
  readonly diff_mean: number;
  readonly diff_ci_low: number;
  readonly diff_ci_high: number;
  /** diff_mean / base_mean (NaN, an empty cell, when the base mean is 0). */
  readonly relative_change: number;
  /** Achieved Pearson correlation of the pairs (NaN when an arm is constant). */
  readonly correlation: number;
  /** Confidence level of the difference interval (Bonferroni-adjusted for several variants). */
  readonly level: number;
  /** How many times the replications an unpaired design would need for the same interval (not in the file). */
  readonly unpaired_ratio: number;
}

/** Mean and 95 % interval of one arm: Wilson for a 0/1 outcome, else Student t. */
export function armInterval(values: ArrayLike<number>, kind: OutcomeSpec['kind'], mean: number, sd: number): { low: number; high: number } {
  const n = values.length;
  if (kind === 'binary') {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[i] as number;
    const w = wilson(Math.round(s), n);
    return { low: w.low, high: w.high };
  }
  const t = tInterval(mean, sd, n);
  return { low: t.low, high: t.high };
}

/**
 * The interval of the paired difference variant - base of one outcome at
 * `level`: for a 0/1 outcome (kind `binary`, `sustained.<id>`) Newcombe's
 * interval for paired proportions (stats/paired.ts `newcombePaired`), else
 * the paired t interval. Exactly [0, 0] for a 0/1 outcome only when the
 * arms ran the same scenario (`same`) and no pair differs; with n < 2, NaN
 * (no interval), as for the t interval.
 */
export function differenceInterval(
  base: ArrayLike<number>,
  variant: ArrayLike<number>,
  kind: OutcomeSpec['kind'],
  level: number,
  same: boolean,
  t: { diff_ci_low: number; diff_ci_high: number },
): { low: number; high: number } {
  if (kind !== 'binary' || base.length < 2) return { low: t.diff_ci_low, high: t.diff_ci_high };
  const table = pairedTable(base, variant);
  if (same && table.variantOnly === 0 && table.baseOnly === 0) return { low: 0, high: 0 };
  const p = newcombePaired(table, level);
  return { low: p.low, high: p.high };
}

/**
 * Compares every variant with the base, outcome by outcome (rows grouped by
 * outcome, variants in the order given). Arm intervals are 95 %; the
 * difference intervals use `bonferroniLevel(0.95, variants)` so that the
 * family of differences keeps 95 % coverage. A 0/1 outcome's difference
 * interval is Newcombe's for paired proportions, any other's the paired t
 * interval ({@link differenceInterval}).
 *
 * Source: Law and Kelton (2000), sections 10.2.1 (paired t), 10.3
 * (Bonferroni), 11.2 (common random numbers); Wilson (1927); R. G. Newcombe
 * (1998), Statistics in Medicine 17:2635-2650, method 10.
 *
 * @example
 * compareArms(outcomes, { name: 'base', values }, [{ name: 'takeover', values: v2 }]);
 */
export function compareArms(
  outcomes: readonly OutcomeSpec[],
  base: ArmValues,
  variants: readonly ArmValues[],
  family = 0.95,
): ComparisonRow[] {
  const level = bonferroniLevel(family, Math.max(1, variants.length));
  const rows: ComparisonRow[] = [];
  outcomes.forEach((outcome, k) => {
    const b = base.values[k]!;
    for (const arm of variants) {
      const v = arm.values[k]!;
      const p = pairedDifference(b, v, level);
      const same = base.scenario !== undefined && arm.scenario === base.scenario;
      const d = differenceInterval(b, v, outcome.kind, level, same, p);
      const bi = armInterval(b, outcome.kind, p.base_mean, p.base_sd);
      const vi = armInterval(v, outcome.kind, p.variant_mean, p.variant_sd);
      rows.push({
        outcome: outcome.name,
        variant: arm.name,
        n: p.n,
        base_mean: p.base_mean,
        base_ci_low: bi.low,
        base_ci_high: bi.high,
        variant_mean: p.variant_mean,
        variant_ci_low: vi.low,
        variant_ci_high: vi.high,
        diff_mean: p.diff_mean,
        diff_ci_low: d.low,
        diff_ci_high: d.high,
        relative_change: p.relative_change,
        correlation: p.correlation,
        level,
        unpaired_ratio: unpairedReplicationRatio(p.base_sd, p.variant_sd, p.diff_sd),
      });
    }
  });
  return rows;
}

/**
 * The terminal table's words, by `--lang`. The Indonesian are the
 * Indonesian report's (report/i18n/id.ts, docs/GLOSSARY.id.md): hasil,
 * selisih, perubahan relatif, skenario dasar and skenario pengandaian,
 * replikasi berpasangan, bilangan acak bersama; IK = interval kepercayaan.
 * Outcome names (live_share, sustained.<id>) are the CSV's and stay as they are.
 */
const COMPARE_WORDS = {
  en: {
    header: (level: string) => ['outcome', `difference (${level} CI)`, 'relative', 'base', 'variant', 'r', 'CRN gain'],
    block: (variant: string, n: number) => `${variant} vs base (${count(n, 'paired replication')})`,
    noInterval: 'no interval with n < 2',
    exact: 'exact',
    legend:
      '* the interval excludes 0.  r: correlation of the paired replications (common random numbers).\n' +
      'CRN gain: how many times the replications independent runs would need for the same interval\n' +
      '(exact: the pairs never differ). r blank: an arm is the same in every replication; CRN gain blank: both are.\n' +
      // A sustained.<id> interval is Newcombe's, not the t interval the CRN gain is a ratio of: say what the gain then means.
      // Not at the start of a line: a line starting "sustained." reads as a row.
      "Rows sustained.<id>: Newcombe's interval for paired shares; their r and CRN gain describe the pairing, not that interval.\n" +
      // The rows mix shares and counts with no unit beside them: name each kind once.
      'Units: sustained.<id> a share of replications; sustained_count and discontinuations.* counts per replication;\n' +
      'metrics at the horizon month: *_share and cumulative.<id> shares, live.<id> and routinized.<id> counts of agencies,\n' +
      'any other metric in its own unit (docs/OUTPUTS.md).',
    relativeWithheld: (percent: string, unit: string, count: string) =>
      `relative -: not shown on a base below ${percent} (a share; ${unit} for another value on 0 to 1), below ${count} for a count, or when the base's interval includes 0 (compare.csv keeps it).`,
    adjusted: (level: string, variants: number, together: string) =>
      `${level} CI: Bonferroni-adjusted for ${variants} variants, so the ${variants} intervals of an outcome hold together at ${together}%.`,
  },
  id: {
    header: (level: string) => ['hasil', `selisih (IK ${level})`, 'perubahan relatif', 'dasar', 'pengandaian', 'r', 'penghematan CRN'],
    // A variant named dasar (allowed: only base is reserved) is quoted, so it never reads as the base itself.
    block: (variant: string, n: number) => `${variant === 'dasar' ? '"dasar"' : variant} dibandingkan dengan skenario dasar (${groupedId(n)} replikasi berpasangan)`,
    noInterval: 'tanpa interval bila n < 2',
    exact: 'persis',
    legend:
      '* interval tidak memuat 0.  IK: interval kepercayaan, ditulis [bawah; atas] seperti dalam laporan.\n' +
      'r: korelasi replikasi berpasangan (bilangan acak bersama, CRN). penghematan CRN: berapa kali lipat replikasi\n' +
      'yang dibutuhkan simulasi yang saling bebas untuk interval yang sama (persis: pasangannya tidak pernah berbeda).\n' +
      'r kosong: nilai salah satu skenario sama di setiap replikasi; penghematan CRN kosong: nilai kedua skenario sama di setiap replikasi.\n' +
      // As in English: no line starts with an outcome's name (a line starting "sustained." reads as a row).
      'Baris sustained.<id>: interval Newcombe untuk proporsi berpasangan; r dan penghematan CRN-nya\n' +
      'menggambarkan pasangannya, bukan interval itu.\n' +
      'Satuan: sustained.<id> proporsi replikasi; sustained_count dan discontinuations.* jumlah per replikasi;\n' +
      'ukuran pada bulan akhir periode simulasi: *_share dan cumulative.<id> proporsi, live.<id> dan routinized.<id>\n' +
      'jumlah perangkat daerah, ukuran lain dalam satuannya sendiri (docs/OUTPUTS.md).',
    relativeWithheld: (percent: string, unit: string, count: string) =>
      `perubahan relatif -: tidak ditampilkan bila nilai dasar di bawah ${percent} (proporsi; ${unit} untuk nilai lain antara 0 dan 1), di bawah ${count} untuk jumlah, atau bila interval nilai dasar memuat 0 (compare.csv tetap memuatnya).`,
    adjusted: (level: string, variants: number, together: string) =>
      `IK ${level}: disesuaikan Bonferroni untuk ${groupedId(variants)} skenario pengandaian, sehingga ${groupedId(variants)} interval satu hasil bersama-sama berlaku pada ${together}%.`,
  },
} as const;

/**
 * The comparison as text for the terminal: one block per variant, the
 * differences first (with `*` when the interval excludes 0), then the
 * arms' means and the achieved correlation. `lang` (`--lang`): the words,
 * and under `id` the numbers with a decimal comma and each interval
 * written [bawah; atas], as the Indonesian report writes them; the same
 * figures and columns in either language.
 */
export function formatCompareTable(rows: readonly ComparisonRow[], notes: ReadonlyMap<string, string> = new Map(), lang: TerminalLang = 'en'): string {
  const words = COMPARE_WORDS[lang];
  // A number's text in the language's form: 0.166 in English, 0,166 in Indonesian.
  const num = lang === 'id' ? idDecimal : (text: string) => text;
  const interval = (low: string, high: string) => (lang === 'id' ? idInterval(low, high) : `(${low} to ${high})`);
  const signed = (x: number, digits: number) => {
    if (!Number.isFinite(x)) return '';
    const text = toDecimal(Math.abs(x), digits);
    const sign = Number(text) === 0 ? ' ' : x > 0 ? '+' : '-';
    return num(`${sign}${text}`);
  };
  // The report's rule (report/format.ts relativePercent: whole percents from 10 % up, one decimal below,
  // "+<0.1" for a change that rounds to 0.0), with the terminal's ASCII minus: never 0 % for a real change.
  const relative = (x: number) => (x === 0 ? ' 0' : num(relativePercent(x).replace('−', '-')));
  const withheld = (r: ComparisonRow) => relativeWithheld(r, isUnitOutcome(r.outcome)) !== null;
  const gain = (x: number) => (!(x > 0) ? '' : !Number.isFinite(x) ? words.exact : x >= 1000 ? '>999x' : num(`${toDecimal(x, 1)}x`));
  const digitsFor = (outcome: readonly ComparisonRow[]) => {
    const scale = Math.max(...outcome.map((r) => Math.max(Math.abs(r.base_mean), Math.abs(r.variant_mean))));
    return scale >= 100 ? 1 : scale >= 10 ? 2 : 3;
  };
  const variants = [...new Set(rows.map((r) => r.variant))];
  const blocks: string[] = [];
  for (const variant of variants) {
    const mine = rows.filter((r) => r.variant === variant);
    if (mine.length === 0) continue;
    const first = mine[0]!;
    const level = num(`${shifted(first.level, 2, first.level === 0.95 ? 0 : 1)}%`);
    const header = words.header(level);
    const table = mine.map((r) => {
      let d = digitsFor(rows.filter((x) => x.outcome === r.outcome));
      // A difference or interval end that is not 0 gets the digits (up to 4 more) that keep it off
      // 0, so that "0.000 (0.000 to 0.000)" is never printed for a real effect of +0.0002 (the
      // legend's "exact" is the mark of pairs that never differ). One still showing 0 with 4 more
      // digits is floating-point dust and is left at 0. The mark is read off the printed
      // interval: one still showing 0 as an end is not marked.
      const zero = (x: number, digits: number) => Number(toDecimal(Math.abs(x), digits)) === 0;
      const start = d;
      const shown = [r.diff_mean, r.diff_ci_low, r.diff_ci_high].filter((x) => Number.isFinite(x) && !zero(x, start + 4));
      while (shown.some((x) => zero(x, d))) d++;
      const excludes = (r.diff_ci_low > 0 || r.diff_ci_high < 0) && !zero(r.diff_ci_low, d) && !zero(r.diff_ci_high, d);
      return [
        r.outcome,
        Number.isFinite(r.diff_ci_low) && Number.isFinite(r.diff_ci_high)
          ? `${signed(r.diff_mean, d)} ${interval(signed(r.diff_ci_low, d), signed(r.diff_ci_high, d))}${excludes ? ' *' : '  '}`
          : `${signed(r.diff_mean, d)} (${words.noInterval})  `,
        // Withheld on a tiny base as the reports withhold it (report/format.ts relativeWithheld): "-" here, said in the legend.
        !Number.isFinite(r.relative_change) ? '' : withheld(r) ? '-' : `${relative(100 * r.relative_change)}%`,
        num(toDecimal(r.base_mean, d)),
        num(toDecimal(r.variant_mean, d)),
        Number.isFinite(r.correlation) ? num(toDecimal(r.correlation, 2)) : '',
        gain(r.unpaired_ratio),
      ];
    });
    const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c]!.length)));
    const line = (row: readonly string[]) => row.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
    // One line: a note's line breaks would print lines that look like the table's or the command's own (results: ...).
    const note = notes.get(variant)?.replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ').trim();
    blocks.push(
      [
        `${words.block(variant, first.n)}${note ? `: ${note}` : ''}`,
        line(header),
        line(widths.map((w) => '-'.repeat(w))),
        ...table.map(line),
      ].join('\n'),
    );
  }
  // With several variants the interval's level is Bonferroni-adjusted (95 % for all of them together): say so.
  const levels = [...new Set(rows.map((r) => r.level))].filter((l) => l !== 0.95);
  const adjusted = levels.map((l) => {
    const together = 100 * (1 - (1 - l) * variants.length);
    return words.adjusted(num(`${shifted(l, 2, 1)}%`), variants.length, num(String(Number(toDecimal(together, 1)))));
  });
  // The legend's line on withheld changes, when a row printed one (every row is printed, in its variant's block).
  const anyWithheld = rows.some((r) => Number.isFinite(r.relative_change) && withheld(r));
  const withheldLine = anyWithheld ? [words.relativeWithheld(num(relativeShareThresholdTight()), num(relativeThreshold(true, false)), relativeThreshold(false))] : [];
  return [...blocks, [words.legend, ...withheldLine, ...adjusted].join('\n')].join('\n\n');
}
