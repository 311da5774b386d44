/**
 * Pairing two national runs of one seed and replication count, replication
 * by replication (`difusi national-compare`, docs/NATIONAL-COMPARE.md):
 *
 *   each arm's result folder (national_spread.csv, national_replications.csv,
 *   government_shares.csv, government_summary.csv)
 *     --nationalOutcomeValues--> one value per replication and outcome
 *     --compareNationalArms (compareArms: paired t interval)--> rows of national_compare.csv
 *     --formatNationalCompare--> the terminal table, largest differences first
 *
 * Pure: no I/O. Both arms ran replications 0..R-1 under the same seed, so
 * every government draws the same random numbers in replication r of both
 * (docs/NATIONAL.md, "Random draws and order"): a change that acts nowhere
 * gives differences of exactly 0 with interval [0, 0].
 */
import { compareArms } from './compare.js';
import type { OutcomeSpec } from './outcomes.js';
import type { SpreadRow } from './national-tally.js';
import type { GovernmentShareRow, GovernmentSummaryRow, NationalReplicationRow } from '../store/national-tables.js';
import { count, groupedId } from '../messages/count.js';
import { idDecimal, idInterval, type TerminalLang } from '../messages/terminal-lang.js';
import { nil } from './stats/residue.js';
import { shifted, toDecimal } from '../messages/decimal.js';

/** What pairing needs of one arm's folder. */
export interface NationalArmTables {
  readonly spread: readonly SpreadRow[];
  readonly replications: readonly NationalReplicationRow[];
  readonly shares: readonly GovernmentShareRow[];
  readonly summary: readonly GovernmentSummaryRow[];
  /** The national services, in the scenario's order (manifest `services`). */
  readonly services: readonly string[];
}

/** One row of national_compare.csv. */
export interface NationalCompareRow {
  readonly outcome: string;
  readonly base_mean: number;
  readonly variant_mean: number;
  readonly diff_mean: number;
  /** The paired t interval at `level`; NaN (an empty cell) with one replication. */
  readonly diff_ci_low: number;
  readonly diff_ci_high: number;
  readonly level: number;
  readonly replications: number;
}

/**
 * Each outcome's value in replications 0..R-1 of one arm, in the order of
 * national_compare.csv: the national figures (national_spread.csv), the
 * pooled Heeks shares (the `(all)` rows), per national service its
 * launched, sustained and Heeks-success shares, then per group (government
 * type, province, cohort) its governments' mean sustained share.
 */
export function nationalOutcomeValues(t: NationalArmTables, R: number): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const put = (name: string, r: number, value: number) => {
    let v = out.get(name);
    if (v === undefined) out.set(name, (v = new Float64Array(R).fill(Number.NaN)));
    v[r] = value;
  };
  // Share of a count, NaN (no value) when nothing is counted: a service no government launched in a
  // replication has no Heeks-success share there.
  const share = (x: number, of: number) => (of > 0 ? x / of : Number.NaN);
  for (const s of t.spread) {
    put('mean_sustained_share', s.replication, s.mean_sustained_share);
    put('share_sustain_most', s.replication, share(s.sustain_most, s.governments));
    put('share_sustain_none', s.replication, share(s.sustain_none, s.governments));
  }
  const byService = new Map<string, NationalReplicationRow[]>();
  for (const row of t.replications) {
    const rows = byService.get(row.innovation);
    if (rows === undefined) byService.set(row.innovation, [row]);
    else rows.push(row);
  }
  for (const row of byService.get('(all)') ?? []) {
    for (const h of ['success', 'partial', 'total_failure', 'replaced'] as const) put(`heeks_${h}`, row.replication, share(row.heeks[h], row.launched));
  }
  for (const service of t.services) {
    for (const row of byService.get(service) ?? []) {
      put(`launched_share.${service}`, row.replication, share(row.launched, row.offered));
      put(`sustained_share.${service}`, row.replication, share(row.sustained, row.offered));
      put(`heeks_success.${service}`, row.replication, share(row.heeks.success, row.launched));
    }
  }
  // Groups as group_summary.csv draws them (type, province), and the programmes' cohorts (government_summary.csv).
  const groups = new Map<string, Set<string>>();
  const join = (group: string, government: string) => groups.set(group, (groups.get(group) ?? new Set()).add(government));
  for (const kind of ['type', 'province', 'cohort'] as const) {
    for (const g of t.summary) {
      const names = kind === 'cohort' ? (g.cohorts ?? '').split(' ').filter((c) => c !== '') : [g[kind]];
      for (const name of names) join(`${kind}:${name}`, g.government);
    }
  }
  const sums = new Map<string, Float64Array>();
  for (const x of t.shares) {
    for (const [group, members] of groups) {
      if (!members.has(x.government)) continue;
      let s = sums.get(group);
      if (s === undefined) sums.set(group, (s = new Float64Array(R)));
      s[x.replication] += x.sustained_share;
    }
  }
  for (const [group, members] of groups) {
    const s = sums.get(group);
    for (let r = 0; r < R; r++) put(`mean_sustained_share.${group}`, r, s === undefined ? Number.NaN : s[r]! / members.size);
  }
  return out;
}

/**
 * The paired comparison of every outcome both arms have (in the base's
 * order): compareArms of experiment/compare.ts, which gives the paired t
 * interval of the differences (stats/paired.ts, pairedDifference) at
 * `level` (one variant: no Bonferroni adjustment), clipped to [-1, 1]. An outcome only one arm
 * has (a group or service a --set removes) is left out.
 */
export function compareNationalArms(base: NationalArmTables, variant: NationalArmTables, R: number, level: number): NationalCompareRow[] {
  const b = nationalOutcomeValues(base, R);
  const v = nationalOutcomeValues(variant, R);
  const names = [...b.keys()].filter((k) => v.has(k));
  const outcomes: OutcomeSpec[] = names.map((name) => ({ name, kind: 'metric' }));
  const rows = compareArms(outcomes, { name: 'base', values: names.map((n) => b.get(n)!) }, [{ name: 'variant', values: names.map((n) => v.get(n)!) }], level);
  return rows.map((r) => ({
    outcome: r.outcome,
    base_mean: r.base_mean,
    variant_mean: r.variant_mean,
    diff_mean: r.diff_mean,
    // Every outcome is a share, so a difference lies in [-1, 1]: the interval is clipped to it, as
    // national-tables.ts shareInterval clips a share's to [0, 1] (clipping removes no possible value).
    diff_ci_low: Math.max(-1, r.diff_ci_low),
    diff_ci_high: Math.min(1, r.diff_ci_high),
    level: r.level,
    replications: r.n,
  }));
}

/**
 * The terminal table's words, by `--lang`. The Indonesian are the Indonesian report's (report/i18n/id.ts,
 * national-compare-id.ts, docs/GLOSSARY.id.md): hasil, selisih, skenario dasar and skenario pengandaian,
 * replikasi berpasangan, bilangan acak bersama, pemerintah daerah; IK = interval kepercayaan.
 */
const NATIONAL_COMPARE_WORDS = {
  en: {
    title: (shown: number, all: number, n: number) =>
      `the ${shown} largest of ${count(all, 'difference')} (variant - base, ${count(n, 'paired replication')}; all in national_compare.csv):`,
    header: (level: string) => ['outcome', `difference (${level} CI)`, 'base', 'variant'],
    noValue: '(no value: a share of nothing in some replication)',
    noInterval: '(no interval with n < 2)',
    interval: (low: string, high: string) => `(${low} to ${high})`,
    none: 'every difference is exactly 0 in every replication: the change acts nowhere (common random numbers).',
    one: 'one replication: no interval (it needs at least 2 paired replications; give -r 2 or more).',
    legend: '* the interval excludes 0. Shares are of governments (or of launched services for heeks_*); 0.01 = 1 percentage point.',
  },
  id: {
    title: (shown: number, all: number, n: number) =>
      `${groupedId(shown)} selisih terbesar dari ${groupedId(all)} (pengandaian - dasar, ${groupedId(n)} replikasi berpasangan; semuanya ada di national_compare.csv):`,
    header: (level: string) => ['hasil', `selisih (IK ${level})`, 'dasar', 'pengandaian'],
    noValue: '(tanpa nilai: dalam suatu replikasi penyebut proporsinya nol)',
    noInterval: '(tanpa interval bila n < 2)',
    interval: idInterval,
    none: 'setiap selisih tepat 0 di setiap replikasi: perubahan itu tidak berpengaruh di mana pun (bilangan acak bersama).',
    one: 'satu replikasi: tanpa interval (dibutuhkan sedikitnya 2 replikasi berpasangan; berikan -r 2 atau lebih).',
    legend:
      '* interval tidak memuat 0. IK: interval kepercayaan, ditulis [bawah; atas] seperti dalam laporan. Proporsi dihitung dari pemerintah daerah (untuk heeks_*: dari layanan yang diluncurkan); 0,01 = 1 poin persentase.',
  },
} as const;

/**
 * The terminal table: the `top` largest differences (by size), each with its interval; `*` when it excludes 0.
 * `lang` `id`: the Indonesian report's words, numbers with a decimal comma and intervals written [bawah; atas];
 * the same rows and figures.
 */
export function formatNationalCompare(rows: readonly NationalCompareRow[], top = 12, lang: TerminalLang = 'en'): string {
  const words = NATIONAL_COMPARE_WORDS[lang];
  const num = lang === 'id' ? idDecimal : (text: string) => text;
  // Floating-point residue (a group mean summed from other values to the same total) is the exact 0 it stands
  // for, as the report reads it: printed 0, sorted with the zeros, never an interval that excludes 0.
  const z = (x: number) => (nil(x) ? 0 : x);
  const size = (r: NationalCompareRow) => (Number.isFinite(r.diff_mean) ? Math.abs(z(r.diff_mean)) : -1);
  const shown = [...rows].sort((a, b) => size(b) - size(a)).slice(0, top);
  const signed = (x: number) => num(`${x > 0 ? '+' : x < 0 ? '-' : ' '}${toDecimal(Math.abs(x), 4)}`);
  const level = rows[0] !== undefined ? num(`${Number(shifted(rows[0].level, 2, 2))}%`) : '';
  const header = words.header(level);
  const table = shown.map((r) => {
    const interval = Number.isFinite(r.diff_ci_low) && Number.isFinite(r.diff_ci_high);
    const excludes = interval && (z(r.diff_ci_low) > 0 || z(r.diff_ci_high) < 0);
    const diff = !Number.isFinite(r.diff_mean)
      ? words.noValue
      : interval
        ? `${signed(z(r.diff_mean))} ${words.interval(signed(z(r.diff_ci_low)), signed(z(r.diff_ci_high)))}${excludes ? ' *' : '  '}`
        : `${signed(z(r.diff_mean))} ${words.noInterval}`;
    const mean = (x: number) => (Number.isFinite(x) ? num(toDecimal(x, 4)) : '');
    return [r.outcome, diff, mean(r.base_mean), mean(r.variant_mean)];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c]!.length)));
  const line = (row: readonly string[]) => row.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
  const n = rows[0]?.replications ?? 0;
  const lines = [words.title(shown.length, rows.length, n), line(header), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)];
  // Over the rows with a value: an empty row (a share of nothing in some replication) must not hide that the change acts nowhere.
  const valued = rows.filter((r) => Number.isFinite(r.diff_mean));
  if (valued.length > 0 && valued.every((r) => nil(r.diff_mean) && nil(r.diff_ci_low) && nil(r.diff_ci_high))) {
    lines.push(words.none);
  } else if (n < 2) {
    lines.push(words.one);
  } else {
    lines.push(words.legend);
  }
  return lines.join('\n');
}
