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
import { heeksRule, heeksServiceClass, type HeeksClass, type HeeksRule } from '../validation/heeks.js';

export const HEEKS_CLASSES: readonly HeeksClass[] = ['success', 'partial', 'total_failure', 'replaced'];

/**
 * The counts of one replication's row of national_replications.csv, in
 * this order: (government, service) pairs launched, their Heeks classes,
 * and those sustained at the horizon. Kept per replication (not only
 * summed, as the pairs are) so that two runs can be paired replication by
 * replication (`difusi national-compare`).
 */
export const REPLICATION_COUNTS = ['launched', ...HEEKS_CLASSES.map((h) => `heeks_${h}`), 'sustained'] as const;

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

/** A shard's tally as written to its part (part.json). */
export interface NationalPart {
  replications: number[];
  /** Per government, per innovation: launched, peakLive, liveEnd, firstAdoptionSum, firstAdoptionCount, outcomes, Heeks classes, ended by cause. */
  pairs: number[][][];
  shares: [number, number[]][];
  sustainMost: number[];
  sustainNone: number[];
  spread: SpreadRow[];
  series: number[];
  /** Replacements and integrations per (month, group, service), as `NationalTally.flows`. */
  flows: number[];
  /** Per replication, its counts by service (`NationalTally.counts`), flattened. */
  counts: [number, number[]][];
  offering: number[] | null;
  agents: NationalTally['agents'];
}

export class NationalTally {
  readonly replications: number[] = [];
  /** Per government, per local innovation. */
  readonly pairs: PairTally[][];
  /**
   * Per replication, each government's sustained share; summed in
   * replication order (`sustainedShareSum`) so that a tally merged from
   * shards gives the same floating-point sums as one run.
   */
  readonly shares = new Map<number, Float64Array>();
  /** Per government, counts of replications where it sustained most / none. */
  readonly sustainMost: Int32Array;
  readonly sustainNone: Int32Array;
  readonly spread: SpreadRow[] = [];
  readonly series: Float64Array;
  /** Sums of the replications' `flows` (replacements and integrations; simulate.ts). */
  readonly flows: Float64Array;
  /**
   * Per replication, REPLICATION_COUNTS for each national service (in
   * `model.services` order), then for the governments' own services
   * together, then for all services: `counts.get(r)[k * REPLICATION_COUNTS.length + c]`.
   * The keys are heeksPooled's, which sums the same classes over replications.
   */
  readonly counts = new Map<number, Int32Array>();
  offering: Int32Array | null = null;
  /** Agents' rows of the governments asked for in detail, with their replication. */
  readonly agents: { replication: number; government: number; rows: NationalReplicationResult['agents'][number]['rows'] }[] = [];
  /**
   * Per government, the Heeks cuts of its resolved parameters (a city block may set its own):
   * read once here, not per (government, service) pair of every replication.
   */
  private readonly heeksRules: readonly HeeksRule[];

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
    this.heeksRules = model.governments.map((g) => heeksRule(g.model.params));
    this.sustainMost = new Int32Array(G);
    this.sustainNone = new Int32Array(G);
    this.series = new Float64Array(model.months * groups.names.length * model.services.length * 2);
    this.flows = new Float64Array(this.series.length);
  }

  add(r: NationalReplicationResult): void {
    this.replications.push(r.replication);
    const shares: number[] = [];
    const S = this.model.services.length;
    const C = REPLICATION_COUNTS.length;
    const counts = new Int32Array((S + 2) * C);
    r.outcomes.forEach((rows: OutcomeRow[], gi) => {
      const rule = this.heeksRules[gi]!;
      const serviceOf = this.model.governments[gi]!.serviceOf;
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
        const h = HEEKS_CLASSES.indexOf(heeksServiceClass(o, rule));
        t.heeks[h]!++;
        // This replication's counts: the service's own row (a government's own services together), and all services.
        for (const k of [serviceOf[j]! >= 0 ? serviceOf[j]! : S, S + 1]) {
          counts[k * C]!++;
          counts[k * C + 1 + h]!++;
          if (o.outcome === 'sustained') counts[k * C + C - 1]!++;
        }
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
      if (share >= MOST_SERVICES) this.sustainMost[gi]!++;
      if (sustained === 0) this.sustainNone[gi]!++;
    });
    this.shares.set(r.replication, Float64Array.from(shares));
    this.counts.set(r.replication, counts);
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
    for (let i = 0; i < this.flows.length; i++) this.flows[i] += r.flows[i]!;
    this.offering = r.offering;
    for (const a of r.agents) this.agents.push({ replication: r.replication, ...a });
  }

  /** Per government, the sum over replications (in replication order) of its sustained share. */
  get sustainedShareSum(): Float64Array {
    const sum = new Float64Array(this.model.governments.length);
    for (const r of [...this.shares.keys()].sort((a, b) => a - b)) this.shares.get(r)!.forEach((x, gi) => (sum[gi] += x));
    return sum;
  }

  /** Everything a shard must hand to the merge, as JSON-able data. */
  toPart(): NationalPart {
    return {
      replications: [...this.replications],
      pairs: this.pairs.map((row) =>
        row.map((p) => [p.launched, p.peakLive, p.liveEnd, p.firstAdoptionSum, p.firstAdoptionCount, ...p.outcome, ...p.heeks, ...p.ended]),
      ),
      shares: [...this.shares.entries()].map(([r, s]) => [r, Array.from(s)]),
      sustainMost: Array.from(this.sustainMost),
      sustainNone: Array.from(this.sustainNone),
      spread: this.spread,
      series: Array.from(this.series),
      flows: Array.from(this.flows),
      counts: [...this.counts.entries()].map(([r, c]) => [r, Array.from(c)]),
      offering: this.offering ? Array.from(this.offering) : null,
      agents: this.agents,
    };
  }

  /** A tally of several shards' parts: the same numbers as one run of all their replications. */
  static merge(model: NationalModel, groups: SeriesGroups, parts: readonly NationalPart[]): NationalTally {
    const t = new NationalTally(model, groups);
    for (const part of parts) {
      t.replications.push(...part.replications);
      part.pairs.forEach((row, gi) =>
        row.forEach((v, j) => {
          const p = t.pairs[gi]![j]!;
          let x = 0;
          p.launched += v[x++]!;
          p.peakLive += v[x++]!;
          p.liveEnd += v[x++]!;
          p.firstAdoptionSum += v[x++]!;
          p.firstAdoptionCount += v[x++]!;
          for (let k = 0; k < p.outcome.length; k++) p.outcome[k] += v[x++]!;
          for (let k = 0; k < p.heeks.length; k++) p.heeks[k] += v[x++]!;
          for (let k = 0; k < p.ended.length; k++) p.ended[k] += v[x++]!;
        }),
      );
      for (const [r, s] of part.shares) t.shares.set(r, Float64Array.from(s));
      for (const [r, c] of part.counts) t.counts.set(r, Int32Array.from(c));
      part.sustainMost.forEach((v, gi) => (t.sustainMost[gi] += v));
      part.sustainNone.forEach((v, gi) => (t.sustainNone[gi] += v));
      t.spread.push(...part.spread);
      // Series values are counts of governments: integer sums, exact in any order.
      part.series.forEach((v, i) => (t.series[i] += v));
      part.flows.forEach((v, i) => (t.flows[i] += v));
      if (part.offering) t.offering = Int32Array.from(part.offering);
      t.agents.push(...part.agents);
    }
    t.replications.sort((a, b) => a - b);
    t.spread.sort((a, b) => a.replication - b.replication);
    t.agents.sort((a, b) => a.replication - b.replication || a.government - b.government);
    return t;
  }

  /** Pooled Heeks service classes over all governments and replications, per national service and for all services. */
  heeksPooled(): { service: string; counts: Record<HeeksClass, number> }[] {
    const out: { service: string; counts: Record<HeeksClass, number> }[] = [];
    const all: Record<HeeksClass, number> = { success: 0, partial: 0, total_failure: 0, replaced: 0 };
    const byService = new Map<string, Record<HeeksClass, number>>();
    this.model.governments.forEach((g, gi) => {
      g.model.innovations.forEach((inn, j) => {
        const t = this.pairs[gi]![j]!;
        const key = g.serviceOf[j]! >= 0 ? inn.id : '(local services)';
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

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const countsOf = (x: unknown, length: number): boolean => Array.isArray(x) && x.length === length && x.every(isCount);

/**
 * What is wrong with the shape of a shard's tally (part.json `tally`) for
 * `model` run with `replications` replications, or undefined: list lengths
 * that do not fit the model's governments, services and months, numbers
 * that are not numbers or are negative, replications outside the run,
 * replications listed twice. Checked before `NationalTally.merge` adds a
 * number of it (which trusts the shape), after the part's checksum.
 */
export function nationalPartProblem(model: NationalModel, groups: SeriesGroups, part: unknown, replications: number): string | undefined {
  if (!isRecord(part)) return 'tally is not a tally';
  const reps = part.replications;
  if (!Array.isArray(reps) || !reps.every((r) => Number.isInteger(r) && r >= 0 && r < replications) || new Set(reps).size !== reps.length)
    return `tally.replications is not a list of distinct replications from 0 to ${replications - 1}`;
  const n = reps.length;
  const own = new Set(reps as number[]);
  const G = model.governments.length;
  const width = 5 + OUTCOMES.length + HEEKS_CLASSES.length + CAUSES.length;
  if (!Array.isArray(part.pairs) || part.pairs.length !== G) return 'tally.pairs does not have one row per government';
  for (let gi = 0; gi < G; gi++) {
    const row = part.pairs[gi] as unknown;
    if (!Array.isArray(row) || row.length !== model.governments[gi]!.model.innovations.length || !row.every((v) => countsOf(v, width) && (v as number[])[0]! <= n))
      return `tally.pairs[${gi}] does not fit government ${model.governments[gi]!.id}`;
  }
  const perReplication = (list: unknown, length: number, ok: (x: unknown) => boolean): boolean =>
    Array.isArray(list) &&
    list.length === n &&
    list.every((e) => Array.isArray(e) && e.length === 2 && own.has(e[0] as number) && Array.isArray(e[1]) && e[1].length === length && (e[1] as unknown[]).every(ok)) &&
    new Set(list.map((e) => (e as unknown[])[0])).size === n;
  if (!perReplication(part.shares, G, (x) => typeof x === 'number' && x >= 0 && x <= 1)) return 'tally.shares is not one share per government for each of its replications';
  const C = REPLICATION_COUNTS.length;
  if (!perReplication(part.counts, (model.services.length + 2) * C, (x) => Number.isInteger(x) && (x as number) >= 0)) return 'tally.counts is not one row of counts for each of its replications';
  for (const key of ['sustainMost', 'sustainNone'] as const) {
    if (!countsOf(part[key], G) || !(part[key] as number[]).every((x) => Number.isInteger(x) && x <= n)) return `tally.${key} is not one count per government`;
  }
  const spread = part.spread;
  if (
    !Array.isArray(spread) ||
    spread.length !== n ||
    !spread.every((s) => isRecord(s) && own.has(s.replication as number) && ['governments', 'sustain_most', 'sustain_none', 'mean_sustained_share', 'sd_sustained_share'].every((k) => isCount(s[k])))
  )
    return 'tally.spread is not one row for each of its replications';
  const cells = model.months * groups.names.length * model.services.length * 2;
  if (!countsOf(part.series, cells)) return 'tally.series does not fit the scenario (months, groups, services)';
  if (!countsOf(part.flows, cells)) return 'tally.flows does not fit the scenario (months, groups, services)';
  if (part.offering !== null && !(Array.isArray(part.offering) && part.offering.every((x) => Number.isInteger(x)))) return 'tally.offering is not a list of whole numbers';
  if (!Array.isArray(part.agents) || !part.agents.every((a) => isRecord(a) && own.has(a.replication as number) && Number.isInteger(a.government) && (a.government as number) >= 0 && (a.government as number) < G && Array.isArray(a.rows)))
    return 'tally.agents is not a list of agents rows of its replications';
  return undefined;
}
