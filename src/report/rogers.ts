/**
 * Rogers' adopter categories, two ways (MODEL.md 2.3):
 * - threshold-based: the `category` column of agents.csv (z-score of theta);
 * - realized: Rogers' own definition applied to the first adoption months,
 *   by their mean and standard deviation (Rogers 2003, ch. 7): innovators
 *   before mean - 2 sd, early adopters before mean - sd, early majority
 *   before the mean, late majority before mean + sd, laggards after.
 * The two differ, and the difference is informative.
 */
import { categoryOfZ } from '../scenario/schema.js';
import { CATEGORIES, type AgentRow, type Category } from './rows.js';

/** The normal areas of Rogers' (2003, ch. 7) mean ± SD cut-points of adoption time (Rogers rounds them to 2.5 / 13.5 / 34 / 34 / 16 %). */
export const EXPECTED_SHARES: Readonly<Record<Category, number>> = {
  innovator: 0.0228,
  early_adopter: 0.1359,
  early_majority: 0.3413,
  late_majority: 0.3413,
  laggard: 0.1587,
};

export interface RealizedClassification {
  /** Adopters classified. */
  readonly n: number;
  /** Mean first adoption month. */
  readonly mean: number;
  /** Sample standard deviation of the first adoption months (months). */
  readonly sd: number;
  /** Category boundaries in months: mean - 2sd, mean - sd, mean, mean + sd. */
  readonly boundaries: readonly { readonly name: string; readonly month: number }[];
}

/**
 * Mean and sample SD of first adoption months, and the category boundaries.
 * Returns null when there is no adopter.
 */
export function realizedClassification(months: readonly number[]): RealizedClassification | null {
  const n = months.length;
  if (n === 0) return null;
  const mean = months.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(months.reduce((a, m) => a + (m - mean) ** 2, 0) / (n - 1)) : 0;
  return {
    n,
    mean,
    sd,
    boundaries: [
      { name: 'mean − 2 sd', month: mean - 2 * sd },
      { name: 'mean − sd', month: mean - sd },
      { name: 'mean', month: mean },
      { name: 'mean + sd', month: mean + sd },
    ],
  };
}

/**
 * Category of one first adoption month under a classification.
 * With sd = 0 every adopter sits at the mean: early majority.
 */
export function realizedCategory(month: number, c: RealizedClassification): Category {
  if (c.sd === 0) return 'early_majority';
  return CATEGORIES[categoryOfZ((month - c.mean) / c.sd)]!;
}

/** Counts per category, all five present, in Rogers' order. */
export function countCategories(categories: readonly Category[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const c of categories) counts[c] += 1;
  return counts;
}

export interface RogersSummary {
  readonly classification: RealizedClassification | null;
  /** First adoption month and realized category of every adopter (pooled over replications). */
  readonly adopters: readonly { readonly replication: number; readonly opd: string; readonly month: number; readonly category: Category }[];
  /** Agents that never adopted. */
  readonly neverAdopted: number;
  /** Shares among all agents with a threshold category. */
  readonly thresholdShares: Readonly<Record<Category, number>>;
  /** Shares among adopters. */
  readonly realizedShares: Readonly<Record<Category, number>>;
  readonly agents: number;
}

/**
 * Both classifications from agents.csv rows of the detail replications. An
 * adopter's realized category is agents.csv's `realized_category`, which
 * classifies each replication's first adoption months by that replication's
 * own mean and SD; `classification` (mean, SD and boundaries of the pooled
 * months) draws the normal curve and is the fallback for rows without it.
 */
export function rogersSummary(agents: readonly AgentRow[]): RogersSummary {
  const adopted = agents.filter((a): a is AgentRow & { first_adoption_month: number } => a.first_adoption_month !== null);
  const classification = realizedClassification(adopted.map((a) => a.first_adoption_month));
  // The realized category as agents.csv gives it (classified within each replication, MODEL.md 2.3);
  // the pooled classification only for rows without one.
  const adopters = classification
    ? adopted.map((a) => ({
        replication: a.replication,
        opd: a.opd,
        month: a.first_adoption_month,
        category: a.realized_category ?? realizedCategory(a.first_adoption_month, classification),
      }))
    : [];
  const share = (counts: Record<Category, number>): Record<Category, number> => {
    const total = CATEGORIES.reduce((s, c) => s + counts[c], 0);
    return Object.fromEntries(CATEGORIES.map((c) => [c, total > 0 ? counts[c] / total : 0])) as Record<Category, number>;
  };
  const threshold = countCategories(agents.flatMap((a) => (a.category ? [a.category] : [])));
  return {
    classification,
    adopters,
    neverAdopted: agents.length - adopted.length,
    thresholdShares: share(threshold),
    realizedShares: share(countCategories(adopters.map((a) => a.category))),
    agents: agents.length,
  };
}
