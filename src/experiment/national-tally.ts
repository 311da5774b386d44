/**
 * Sums of national replications, for the national tables (docs/NATIONAL.md):
 * per (government, service) outcomes, per-government summaries, the spread
 * between governments per replication, and the group series. Replications
 * must be added in replication order (the job does) so that the sums, and
 * so the bytes written, are the same on any worker count.
 */
import { OUTCOMES, type OutcomeRow } from '../model/observation.js';
import { CAUSE, CAUSES } from '../model/world.js';
import type { NationalModel } from '../model/national/compile.js';
import type { NationalReplicationResult, SeriesGroups } from '../model/national/simulate.js';
import { heeksServiceClass, type HeeksClass } from '../validation/heeks.js';

export const HEEKS_CLASSES: readonly HeeksClass[] = ['success', 'partial', 'total_failure', 'replaced'];

/** A government sustains "most" of its services when at least this share is sustained. */
export const MOST_SERVICES = 0.5;

export interface PairTally {
  /** Replications in which the government launched the service (the others count nowhere below). */
  launched: number;
  outcome: Int32Array; // by OUTCOMES
  heeks: Int32Array; // by HEEKS_CLASSES
  peakLive: number;
  liveEnd: number;
  firstAdoptionSum: number;
  firstAdoptionCount: number;
  /** Discontinued instances by cause (CAUSES order), summed over replications. */
  ended: Int32Array;
}

export interface SpreadRow {
  replication: number;
  governments: number;
  sustain_most: number;
  sustain_none: number;
  mean_sustained_share: number;
  sd_sustained_share: number;
}

export class NationalTally {
  readonly replications: number[] = [];
  /** Per government, per local innovation. */
  readonly pairs: PairTally[][];
  /** Per government: sum over replications of its sustained share, and counts of replications where it sustained most / none. */
  readonly sustainedShareSum: Float64Array;
  readonly sustainMost: Int32Array;
  readonly sustainNone: Int32Array;
  readonly spread: SpreadRow[] = [];
  readonly series: Float64Array;
  offering: Int32Array | null = null;
  /** Agents' rows of the governments asked for in detail, with their replication. */
  readonly agents: { replication: number; government: number; rows: NationalReplicationResult['agents'][number]['rows'] }[] = [];

  constructor(
    readonly model: NationalModel,
    readonly groups: SeriesGroups,
  ) {
    this.pairs = model.governments.map((g) =>
      g.model.innovations.map(() => ({
        launched: 0,
        outcome: new Int32Array(OUTCOMES.length),
        heeks: new Int32Array(HEEKS_CLASSES.length),
        peakLive: 0,
        liveEnd: 0,
        firstAdoptionSum: 0,
        firstAdoptionCount: 0,
        ended: new Int32Array(CAUSES.length),
      })),
    );
    const G = model.governments.length;
    this.sustainedShareSum = new Float64Array(G);
    this.sustainMost = new Int32Array(G);
    this.sustainNone = new Int32Array(G);
    this.series = new Float64Array(model.months * groups.names.length * model.services.length * 2);
  }

  add(r: NationalReplicationResult): void {
    this.replications.push(r.replication);
    const shares: number[] = [];
    r.outcomes.forEach((rows: OutcomeRow[], gi) => {
      let sustained = 0;
      let launched = 0;
      rows.forEach((o, j) => {
        // A service the government never launched is not one of its initiatives.
        if (!r.launched[gi]![j]) return;
        launched++;
        const t = this.pairs[gi]![j]!;
        t.launched++;
        CAUSES.forEach((c, ci) => (t.ended[ci] += r.endedByCause[gi]![j * (CAUSES.length + 1) + CAUSE[c]]!));
        t.outcome[OUTCOMES.indexOf(o.outcome)]!++;
        t.heeks[HEEKS_CLASSES.indexOf(heeksServiceClass(o))]!++;
        t.peakLive += o.peak_live;
        t.liveEnd += o.live_end;
        if (o.first_adoption_month !== null) {
          t.firstAdoptionSum += o.first_adoption_month;
          t.firstAdoptionCount++;
        }
        if (o.outcome === 'sustained') sustained++;
      });
      const share = launched > 0 ? sustained / launched : 0;
      shares.push(share);
      this.sustainedShareSum[gi] += share;
      if (share >= MOST_SERVICES) this.sustainMost[gi]!++;
      if (sustained === 0) this.sustainNone[gi]!++;
    });
    const mean = shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
    const sd = shares.length > 1 ? Math.sqrt(shares.reduce((a, b) => a + (b - mean) ** 2, 0) / (shares.length - 1)) : 0;
    this.spread.push({
      replication: r.replication,
      governments: shares.length,
      sustain_most: shares.filter((s) => s >= MOST_SERVICES).length,
      sustain_none: r.outcomes.filter((rows, gi) => !rows.some((o, j) => r.launched[gi]![j] && o.outcome === 'sustained')).length,
      mean_sustained_share: mean,
      sd_sustained_share: sd,
    });
    for (let i = 0; i < this.series.length; i++) this.series[i] += r.series[i]!;
    this.offering = r.offering;
    for (const a of r.agents) this.agents.push({ replication: r.replication, ...a });
  }

  /** Pooled Heeks service classes over all governments and replications, per national service and for all services. */
  heeksPooled(): { service: string; counts: Record<HeeksClass, number> }[] {
    const out: { service: string; counts: Record<HeeksClass, number> }[] = [];
    const all: Record<HeeksClass, number> = { success: 0, partial: 0, total_failure: 0, replaced: 0 };
    const byService = new Map<string, Record<HeeksClass, number>>();
    this.model.governments.forEach((g, gi) => {
      g.model.innovations.forEach((inn, j) => {
        const t = this.pairs[gi]![j]!;
        const key = this.model.services.includes(inn.id) ? inn.id : '(local services)';
        const c = byService.get(key) ?? { success: 0, partial: 0, total_failure: 0, replaced: 0 };
        HEEKS_CLASSES.forEach((h, hi) => {
          c[h] += t.heeks[hi]!;
          all[h] += t.heeks[hi]!;
        });
        byService.set(key, c);
      });
    });
    for (const s of [...this.model.services, '(local services)']) {
      const c = byService.get(s);
      if (c) out.push({ service: s, counts: c });
    }
    out.push({ service: '(all)', counts: all });
    return out;
  }
}
