/**
 * Outcomes of interest: one number per replication, computed from what a
 * replication records (its monthly series and its per-innovation outcomes).
 * Comparisons, sweeps, sensitivity analyses and `--precision` all speak
 * this one vocabulary.
 *
 *   name                          value in one replication                        kind
 *   sustained.<innovation>        1 if the innovation is sustained at the horizon  binary (Wilson intervals)
 *   sustained_count               number of innovations sustained at the horizon   count
 *   discontinuations.<cause>      discontinuations with that cause over the run    count
 *   discontinuations.total        all discontinuations over the run                count
 *   <metric>                      any summary metric (docs/OUTPUTS.md) at the      as the metric
 *                                 horizon month, e.g. live_share, routinized_share,
 *                                 cumulative_adoption_share, live.<innovation>
 *
 * A requested name may end in `.*` (`sustained.*`, `discontinuations.*`,
 * `live.*`) to mean every name with that prefix. Pure: no I/O.
 */
import { UserError, formatChoices } from '../messages/catalog.js';
import { compile, type CompiledModel } from '../model/compile.js';
import { metricNames } from '../model/observation.js';
import { CAUSES } from '../model/vocabulary.js';
import type { Scenario } from '../scenario/schema.js';

export type OutcomeKind = 'binary' | 'count' | 'metric';

export interface OutcomeSpec {
  readonly name: string;
  readonly kind: OutcomeKind;
}

/** What a model records, which fixes which outcomes exist. */
export interface OutcomeContext {
  /** Metric columns in series order (metricNames(model)). */
  readonly metrics: readonly string[];
  /** Innovation ids in model order. */
  readonly innovations: readonly string[];
}

/** The outcomes compared when an experiment names none (the list). */
export const DEFAULT_OUTCOMES = [
  'sustained.*',
  'sustained_count',
  'live_share',
  'routinized_share',
  'cumulative_adoption_share',
  'discontinuations.*',
] as const;

/** The default outcome of `--precision` (live share at the horizon). */
export { DEFAULT_PRECISION_OUTCOME } from './precision-defaults.js';

/** Every outcome a model offers, in a fixed order. */
export function outcomeCatalog(ctx: OutcomeContext): OutcomeSpec[] {
  return [
    ...ctx.innovations.map((id) => ({ name: `sustained.${id}`, kind: 'binary' as const })),
    { name: 'sustained_count', kind: 'count' },
    ...CAUSES.map((c) => ({ name: `discontinuations.${c}`, kind: 'count' as const })),
    { name: 'discontinuations.total', kind: 'count' },
    ...ctx.metrics.map((m) => ({ name: m, kind: 'metric' as const })),
  ];
}

/**
 * Expands and checks requested outcome names. Returns the outcomes in the
 * order requested (wildcards expanded in catalogue order, duplicates
 * dropped), or the names that match nothing.
 */
export function resolveOutcomes(
  requested: readonly string[],
  ctx: OutcomeContext,
): { ok: true; outcomes: OutcomeSpec[] } | { ok: false; unknown: string[]; known: string[] } {
  const catalog = outcomeCatalog(ctx);
  const byName = new Map(catalog.map((o) => [o.name, o]));
  const out: OutcomeSpec[] = [];
  const seen = new Set<string>();
  const unknown: string[] = [];
  const add = (o: OutcomeSpec) => {
    if (!seen.has(o.name)) {
      seen.add(o.name);
      out.push(o);
    }
  };
  for (const name of requested) {
    if (name.endsWith('.*')) {
      const prefix = name.slice(0, -1);
      const hits = catalog.filter((o) => o.name.startsWith(prefix));
      if (hits.length === 0) unknown.push(name);
      hits.forEach(add);
      continue;
    }
    const hit = byName.get(name);
    if (hit === undefined) unknown.push(name);
    else add(hit);
  }
  if (unknown.length > 0) return { ok: false, unknown, known: outcomeNamesForHelp(ctx) };
  return { ok: true, outcomes: out };
}

/** A short list of outcome names for error messages. */
function outcomeNamesForHelp(ctx: OutcomeContext): string[] {
  return ['sustained.*', 'sustained_count', 'discontinuations.*', ...ctx.metrics.filter((m) => !m.includes('.')), 'live.*'];
}

/** One replication as the extractor needs it. */
export interface ReplicationView {
  /** Metric values in the horizon month, in `metrics` order. */
  readonly horizon: ArrayLike<number>;
  /** Metric values summed over all months, in `metrics` order. */
  readonly totals: ArrayLike<number>;
  /** The outcome (sustained, declining, ...) of each innovation, in model order. */
  readonly innovationOutcomes: readonly string[];
}

/**
 * Turns replications into outcome vectors. Built once per model; `extract`
 * is O(outcomes).
 *
 * @example
 * const x = new OutcomeExtractor(ctx, resolved);
 * x.fromSeries(result.series, months, result.outcomes.map((o) => o.outcome)); // Float64Array
 */
export class OutcomeExtractor {
  private readonly plan: ((v: ReplicationView) => number)[];

  constructor(
    readonly ctx: OutcomeContext,
    readonly outcomes: readonly OutcomeSpec[],
  ) {
    const metricIndex = new Map(ctx.metrics.map((m, i) => [m, i]));
    const metric = (name: string): number => {
      const i = metricIndex.get(name);
      if (i === undefined) throw new RangeError(`the model has no metric ${JSON.stringify(name)}`);
      return i;
    };
    const causeColumns = CAUSES.map((c) => metric(`discontinued_${c}`));
    this.plan = outcomes.map((o): ((v: ReplicationView) => number) => {
      if (o.name.startsWith('sustained.') && o.kind === 'binary') {
        const j = ctx.innovations.indexOf(o.name.slice('sustained.'.length));
        if (j < 0) throw new RangeError(`the model has no innovation for ${JSON.stringify(o.name)}`);
        return (v) => (v.innovationOutcomes[j] === 'sustained' ? 1 : 0);
      }
      if (o.name === 'sustained_count') {
        return (v) => v.innovationOutcomes.reduce((s, x) => s + (x === 'sustained' ? 1 : 0), 0);
      }
      if (o.name === 'discontinuations.total') {
        return (v) => causeColumns.reduce((s, c) => s + (v.totals[c] as number), 0);
      }
      if (o.name.startsWith('discontinuations.') && o.kind === 'count') {
        const c = metric(`discontinued_${o.name.slice('discontinuations.'.length)}`);
        return (v) => v.totals[c] as number;
      }
      const c = metric(o.name);
      return (v) => v.horizon[c] as number;
    });
  }

  /** The outcome vector of one replication. */
  extract(view: ReplicationView): Float64Array {
    const out = new Float64Array(this.plan.length);
    for (let k = 0; k < this.plan.length; k++) out[k] = this.plan[k]!(view);
    return out;
  }

  /** From a replication's series (months x metrics, month-major) and its innovation outcomes. */
  fromSeries(series: ArrayLike<number>, months: number, innovationOutcomes: readonly string[]): Float64Array {
    const M = this.ctx.metrics.length;
    const totals = new Float64Array(M);
    const horizon = new Float64Array(M);
    for (let m = 0; m < months; m++) for (let j = 0; j < M; j++) totals[j]! += series[m * M + j] as number;
    for (let j = 0; j < M; j++) horizon[j] = series[(months - 1) * M + j] as number;
    return this.extract({ horizon, totals, innovationOutcomes });
  }
}

/**
 * Checks an outcome name against a scenario's model; a user error listing the
 * choices when unknown. `model`: the scenario compiled, when the caller has it.
 */
export function outcomeFor(
  scenario: Scenario,
  names: readonly string[],
  where: string,
  model: CompiledModel = compile(scenario),
): { extractor: OutcomeExtractor; outcomes: OutcomeSpec[] } {
  const ctx = { metrics: metricNames(model), innovations: model.innovations.map((i) => i.id) };
  const resolved = resolveOutcomes(names, ctx);
  if (!resolved.ok) {
    throw UserError.of('unknown_outcome', [resolved.unknown.join(', ')], { file: where }, { expected: `one of ${formatChoices(resolved.known, 14)}` });
  }
  return { extractor: new OutcomeExtractor(ctx, resolved.outcomes), outcomes: resolved.outcomes };
}
