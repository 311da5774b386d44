/**
 * The share of replications in which each innovation ends in each outcome
 * (docs/MODEL.md section 8), with Wilson 95 % intervals (docs/EXPERIMENTS-USAGE.md).
 */
import { OUTCOMES, type Outcome } from '../model/observation.js';
import { wilson } from './stats/wilson.js';
import { CAUSES } from '../model/vocabulary.js';
import { idInterval } from '../messages/terminal-lang.js';
import { shifted } from '../messages/decimal.js';

export interface OutcomeShare {
  readonly innovation: string;
  readonly replications: number;
  readonly counts: Record<Outcome, number>;
  /** Share of replications with each outcome, with its Wilson interval. */
  readonly shares: Record<Outcome, { p: number; low: number; high: number }>;
}

/** What the tally reads of one outcomes.csv row (MODEL.md section 8). */
export interface TallyRow {
  readonly innovation: string;
  readonly outcome: string;
  readonly main_cause?: string | null;
  readonly heeks_success?: number | null;
  readonly heeks_partial?: number | null;
  readonly heeks_failure?: number | null;
  readonly heeks_replaced?: number | null;
}

export interface HeeksSums {
  success: number;
  partial: number;
  failure: number;
  replaced: number;
}

interface InnovationTally {
  readonly counts: Record<Outcome, number>;
  readonly causes: Map<string, number>;
  readonly heeks: HeeksSums;
}

/**
 * Outcome counts, main causes and Heeks sums per innovation, added one row at
 * a time, so that a result folder of any size is summarized in constant
 * memory (a run with 100,000 replications has 800,000 outcome rows).
 */
export class OutcomeTally {
  private readonly by = new Map<string, InnovationTally>();

  add(row: TallyRow): void {
    let t = this.by.get(row.innovation);
    if (!t) {
      t = {
        counts: { sustained: 0, declining: 0, discontinued: 0, never_adopted: 0 },
        causes: new Map(),
        heeks: { success: 0, partial: 0, failure: 0, replaced: 0 },
      };
      this.by.set(row.innovation, t);
    }
    if ((OUTCOMES as readonly string[]).includes(row.outcome)) t.counts[row.outcome as Outcome]++;
    if (row.main_cause) t.causes.set(row.main_cause, (t.causes.get(row.main_cause) ?? 0) + 1);
    t.heeks.success += row.heeks_success ?? 0;
    t.heeks.partial += row.heeks_partial ?? 0;
    t.heeks.failure += row.heeks_failure ?? 0;
    t.heeks.replaced += row.heeks_replaced ?? 0;
  }

  /** Innovations in the order first seen. */
  innovations(): string[] {
    return [...this.by.keys()];
  }

  shares(): OutcomeShare[] {
    return [...this.by.entries()].map(([innovation, { counts }]) => {
      const n = OUTCOMES.reduce((s, o) => s + counts[o], 0);
      const shares = Object.fromEntries(
        OUTCOMES.map((o) => {
          const i = wilson(counts[o], n);
          return [o, { p: i.p, low: i.low, high: i.high }];
        }),
      ) as OutcomeShare['shares'];
      return { innovation, replications: n, counts: { ...counts }, shares };
    });
  }

  /**
   * The cause that is most often a replication's main cause (outcomes.csv's
   * `main_cause`), or null; not the cause with the most exits pooled over
   * the replications, which outcomes.csv does not hold. A tie goes to the
   * first in the order outcomes.csv breaks a replication's ties (CAUSES:
   * defunded, vendor_exit, ..., replacement), then alphabetically.
   */
  mainCause(innovation: string): string | null {
    const causes = [...(this.by.get(innovation)?.causes ?? new Map<string, number>()).entries()];
    const rank = (c: string): number => {
      const i = (CAUSES as readonly string[]).indexOf(c);
      return i < 0 ? CAUSES.length : i;
    };
    return causes.sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  }

  heeks(innovation: string): HeeksSums {
    return { ...(this.by.get(innovation)?.heeks ?? { success: 0, partial: 0, failure: 0, replaced: 0 }) };
  }
}

/** The terminal table's words, by the report's language (`--lang`). */
const TABLE_WORDS = {
  en: {
    header: ['innovation', 'sustained (95% CI)', 'declining', 'discontinued (95% CI)', 'never'],
    note: 'Shares of the replications, each rounded on its own (a row can add up to anything from 99 % to 102 %); 95% CI: Wilson interval.',
  },
  // The report's own words (report/i18n/id.ts): layanan, bertahan, menurun,
  // dihentikan, tidak pernah diadopsi; IK = interval kepercayaan.
  id: {
    header: ['layanan', 'bertahan (IK 95%)', 'menurun', 'dihentikan (IK 95%)', 'tidak pernah diadopsi'],
    note: 'Proporsi replikasi, masing-masing dibulatkan sendiri (jumlah satu baris dapat berkisar antara 99% dan 102%); IK 95%: interval kepercayaan 95% (Wilson), ditulis [bawah; atas] seperti dalam laporan.',
  },
} as const;

export type TableLang = keyof typeof TABLE_WORDS;

/** A fixed-width text table for the terminal, in English or (under `--lang id`) Bahasa Indonesia. */
export function formatOutcomeTable(shares: readonly OutcomeShare[], lang: TableLang = 'en'): string {
  const pct = (x: number) => `${shifted(x, 2, 0)}%`;
  const header = [...TABLE_WORDS[lang].header];
  // An interval as each language's report writes it: (22%-78%) in English, [22%; 78%] in Indonesian (docs/OUTPUTS.md).
  const interval = (lo: number, hi: number) => (lang === 'id' ? idInterval(pct(lo), pct(hi)) : `(${pct(lo)}-${pct(hi)})`);
  const rows = shares.map((s) => [
    s.innovation,
    `${pct(s.shares.sustained.p)} ${interval(s.shares.sustained.low, s.shares.sustained.high)}`,
    pct(s.counts.declining / Math.max(1, s.replications)),
    `${pct(s.shares.discontinued.p)} ${interval(s.shares.discontinued.low, s.shares.discontinued.high)}`,
    pct(s.counts.never_adopted / Math.max(1, s.replications)),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The line under the table: each share is rounded on its own, and what the interval is. */
export function outcomeTableNote(lang: TableLang = 'en'): string {
  return TABLE_WORDS[lang].note;
}
