/**
 * The share of replications in which each innovation ends in each outcome
 * (MODEL.md section 8), with Wilson 95 % intervals (EXPERIMENTS.md).
 */
import { OUTCOMES, type Outcome } from '../model/observation.js';
import { wilson } from './stats/wilson.js';

export interface OutcomeShare {
  readonly innovation: string;
  readonly replications: number;
  readonly counts: Record<Outcome, number>;
  /** Share of replications with each outcome, with its Wilson interval. */
  readonly shares: Record<Outcome, { p: number; low: number; high: number }>;
}

export function outcomeShares(rows: readonly { innovation: string; outcome: string }[]): OutcomeShare[] {
  const by = new Map<string, Record<Outcome, number>>();
  for (const row of rows) {
    let counts = by.get(row.innovation);
    if (!counts) {
      counts = { sustained: 0, declining: 0, discontinued: 0, never_adopted: 0 };
      by.set(row.innovation, counts);
    }
    if ((OUTCOMES as readonly string[]).includes(row.outcome)) counts[row.outcome as Outcome]++;
  }
  return [...by.entries()].map(([innovation, counts]) => {
    const n = OUTCOMES.reduce((s, o) => s + counts[o], 0);
    const shares = Object.fromEntries(
      OUTCOMES.map((o) => {
        const i = wilson(counts[o], n);
        return [o, { p: i.p, low: i.low, high: i.high }];
      }),
    ) as OutcomeShare['shares'];
    return { innovation, replications: n, counts, shares };
  });
}

/** A fixed-width text table for the terminal. */
export function formatOutcomeTable(shares: readonly OutcomeShare[]): string {
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  const header = ['innovation', 'sustained (95% CI)', 'declining', 'discontinued (95% CI)', 'never'];
  const rows = shares.map((s) => [
    s.innovation,
    `${pct(s.shares.sustained.p)} (${pct(s.shares.sustained.low)}-${pct(s.shares.sustained.high)})`,
    pct(s.counts.declining / Math.max(1, s.replications)),
    `${pct(s.shares.discontinued.p)} (${pct(s.shares.discontinued.low)}-${pct(s.shares.discontinued.high)})`,
    pct(s.counts.never_adopted / Math.max(1, s.replications)),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
