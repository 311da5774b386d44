/**
 * What a report says, independent of its format: the key tables, the
 * scenario's text, the manifest, the parameters in ODD order, and the list
 * of charts. `html.ts` and `markdown.ts` render this model; neither computes
 * anything of its own.
 *
 *   ResultSet + ChartEntry[] --reportModel--> ReportModel --renderHtml-----> report.html
 *                                                         --renderMarkdown-> report.md
 *
 * All cells are plain text (formatting and escaping are the renderers' job).
 */
import type { OutcomeTally } from '../experiment/outcome-table.js';
import { CITY_SHARE_METRICS } from '../model/observation.js';
import { PARAMETER_SPECS, type ParameterSource } from '../scenario/parameters.js';
import type { ChartEntry } from './charts.js';
import { runContext } from './charts.js';
import { OUTCOMES, type CompareRow, type MorrisRow, type ResultSet, type SobolRow, type SummaryRow } from './rows.js';
import type { TimelineEvent } from './scenario-facts.js';

/** A table of text cells. `numeric` columns are right-aligned. */
export interface Table {
  readonly id: string;
  readonly title: string;
  readonly note: string;
  readonly columns: readonly string[];
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
}

/** A chart as the report shows it. */
export interface ReportChart {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
}

/** One parameter of the resolved scenario, for the ODD-ordered table. */
export interface ParameterLine {
  readonly name: string;
  readonly value: number | null;
  readonly default: number | null;
  readonly unit: string;
  readonly source: ParameterSource;
  readonly note: string;
  /** True when the scenario sets a value other than the default. */
  readonly changed: boolean;
}

export interface ParameterGroup {
  readonly group: string;
  readonly parameters: readonly ParameterLine[];
}

export interface ReportModel {
  readonly title: string;
  /** Key facts of the run as (label, value) pairs. */
  readonly facts: readonly (readonly [string, string])[];
  /** The scenario's description (plain text, user-written). */
  readonly description: string;
  /** The scenario's Info-tab markdown (user-written). */
  readonly info: string;
  readonly tables: readonly Table[];
  readonly charts: readonly ReportChart[];
  readonly timeline: readonly TimelineEvent[];
  readonly parameters: readonly ParameterGroup[];
  /** manifest.json pretty-printed. */
  readonly manifestJson: string;
}

/** Formats a number for a table: up to 3 significant decimals, no trailing zeros. */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  const d = a >= 100 ? 1 : a >= 10 ? 2 : digits;
  return String(Number(x.toFixed(d)));
}

/** A share as a percentage. */
export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${(100 * x).toFixed(0)} %`;
}

/**
 * Outcomes per innovation: the share of replications ending sustained,
 * declining, discontinued or never adopted, with Wilson 95 % intervals
 * (EXPERIMENTS.md), the most frequent main cause and the Heeks shares of
 * instances.
 */
export function outcomeTable(tally: OutcomeTally, order: readonly string[]): Table {
  const seen = tally.innovations();
  const ids = [...order.filter((id) => seen.includes(id)), ...seen.filter((id) => !order.includes(id)).sort()];
  const shares = new Map(tally.shares().map((s) => [s.innovation, s]));
  const rows = ids.map((id) => {
    const share = shares.get(id)!;
    const cell = (outcome: (typeof OUTCOMES)[number]): string => {
      const w = share.shares[outcome];
      return `${pct(w.p)} (${pct(w.low)}–${pct(w.high)})`;
    };
    const h = tally.heeks(id);
    const instances = h.success + h.partial + h.failure + h.replaced;
    const heeks = instances > 0 ? [h.success, h.partial, h.failure, h.replaced].map((v) => pct(v / instances)).join(' / ') : '–';
    return [id, String(share.replications), ...OUTCOMES.map(cell), tally.mainCause(id) ?? '–', heeks];
  });
  return {
    id: 'outcomes',
    title: 'Outcomes per innovation',
    note: 'Share of replications with each outcome at the horizon (Wilson 95 % interval); main cause: the most frequent main cause of exits; Heeks: success / partial / failure / replaced shares of instances.',
    columns: ['innovation', 'replications', ...OUTCOMES, 'main cause', 'Heeks s / p / f / r'],
    numeric: [false, true, true, true, true, true, false, true],
    rows,
  };
}

/** The city-wide metrics reported at the horizon, in order. */
export const HORIZON_METRICS = [...CITY_SHARE_METRICS, 'vision', 'leader_commitment'] as const;

/** Key metrics in the last month: mean, 95 % CI of the mean, 5-95 % range of replications. */
export function horizonTable(summary: readonly SummaryRow[]): Table | null {
  const last = summary.reduce((m, r) => Math.max(m, r.month), 0);
  const rows = HORIZON_METRICS.flatMap((metric) => {
    const r = summary.find((s) => s.month === last && s.metric === metric);
    return r ? [[metric, r.date, fmt(r.mean), `${fmt(r.ci_low)} – ${fmt(r.ci_high)}`, `${fmt(r.p05)} – ${fmt(r.p95)}`]] : [];
  });
  if (rows.length === 0) return null;
  return {
    id: 'horizon',
    title: 'Key metrics at the horizon',
    note: `Month ${last}; shares in [0, 1]. CI: 95 % t interval of the mean; range: 5 % and 95 % quantiles of the replications.`,
    columns: ['metric', 'date', 'mean', '95 % CI', 'p05 – p95'],
    numeric: [false, false, true, true, true],
    rows,
  };
}

export function compareTable(rows: readonly CompareRow[]): Table | null {
  if (rows.length === 0) return null;
  return {
    id: 'compare',
    title: 'Comparison with the base scenario',
    note: 'Paired differences (variant − base) over replications with common random numbers; level: confidence level of the intervals (Bonferroni-adjusted with several variants); correlation: achieved correlation of the pairs.',
    columns: ['outcome', 'variant', 'n', 'base', 'variant mean', 'difference', 'interval', 'relative change', 'correlation', 'level'],
    numeric: [false, false, true, true, true, true, true, true, true, true],
    rows: rows.map((r) => [
      r.outcome,
      r.variant,
      String(r.n),
      fmt(r.base_mean),
      fmt(r.variant_mean),
      fmt(r.diff_mean),
      `${fmt(r.diff_ci_low)} – ${fmt(r.diff_ci_high)}`,
      r.relative_change === null ? '–' : `${fmt(100 * r.relative_change, 1)} %`,
      fmt(r.correlation),
      r.level === null ? '–' : `${fmt(100 * r.level, 2)} %`,
    ]),
  };
}

export function morrisTable(rows: readonly MorrisRow[]): Table | null {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : b.mu_star - a.mu_star));
  return {
    id: 'morris',
    title: 'Morris elementary effects',
    note: 'Per outcome, parameters by decreasing mu*.',
    columns: ['outcome', 'parameter', 'mu', 'mu*', 'sigma'],
    numeric: [false, false, true, true, true],
    rows: sorted.map((r) => [r.outcome, r.parameter, fmt(r.mu), fmt(r.mu_star), fmt(r.sigma)]),
  };
}

export function sobolTable(rows: readonly SobolRow[]): Table | null {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : b.ST - a.ST));
  return {
    id: 'sobol',
    title: 'Sobol indices',
    note: 'First-order (S1) and total (ST) indices with bootstrap intervals, by decreasing ST.',
    columns: ['outcome', 'parameter', 'S1', 'S1 interval', 'ST', 'ST interval'],
    numeric: [false, false, true, true, true, true],
    rows: sorted.map((r) => [r.outcome, r.parameter, fmt(r.S1), `${fmt(r.S1_low)} – ${fmt(r.S1_high)}`, fmt(r.ST), `${fmt(r.ST_low)} – ${fmt(r.ST_high)}`]),
  };
}

/** Sweep: mean of each outcome per design point (first 60 points). */
export function sweepTable(results: ResultSet): Table | null {
  const sweep = results.sweep;
  if (!sweep || sweep.rows.length === 0) return null;
  const points = [...new Set(sweep.rows.map((r) => r.point))].sort((a, b) => a - b);
  const shown = points.slice(0, 60);
  return {
    id: 'sweep',
    title: 'Sweep: mean outcomes per design point',
    note: points.length > shown.length ? `First ${shown.length} of ${points.length} points; all are in sweep_summary.csv.` : 'Means over the replications of each point.',
    columns: ['point', 'replications', ...sweep.parameters, ...sweep.outcomes],
    numeric: [true, true, ...sweep.parameters.map(() => true), ...sweep.outcomes.map(() => true)],
    rows: shown.map((p) => {
      const rows = sweep.rows.filter((r) => r.point === p);
      // A summary row stands for its n replications: means are weighted by n.
      const mean = (col: string): string => {
        let sum = 0;
        let n = 0;
        for (const r of rows) {
          const v = r.values[col];
          if (v === null || v === undefined) continue;
          sum += (r.n ?? 1) * v;
          n += r.n ?? 1;
        }
        return n === 0 ? '–' : fmt(sum / n);
      };
      const replications = rows.reduce((s, r) => s + (r.n ?? 1), 0);
      return [String(p), String(replications), ...sweep.parameters.map(mean), ...sweep.outcomes.map(mean)];
    }),
  };
}

/** Compares ODD section labels such as '7.2 awareness' by their numbers. */
function sectionOrder(a: string, b: string): number {
  const num = (s: string): number[] => (/^[\d.]+/.exec(s)?.[0] ?? '').split('.').filter(Boolean).map(Number);
  const x = num(a);
  const y = num(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Parameter values in ODD order: grouped by the `group` of PARAMETER_SPECS,
 * groups sorted by their section number, parameters in table order. A value
 * absent from the resolved scenario is shown as its default.
 */
export function parameterGroups(values: Readonly<Record<string, number | null>>): ParameterGroup[] {
  const groups = [...new Set(PARAMETER_SPECS.map((s) => s.group))].sort(sectionOrder);
  return groups.map((group) => ({
    group,
    parameters: PARAMETER_SPECS.filter((s) => s.group === group).map((s) => {
      const value = Object.prototype.hasOwnProperty.call(values, s.name) ? (values[s.name] as number | null) : s.default;
      return { name: s.name, value, default: s.default, unit: s.unit, source: s.source, note: s.note, changed: value !== s.default };
    }),
  }));
}

/** Scenario and run facts for the report header. */
function facts(results: ResultSet): [string, string][] {
  const m = results.manifest;
  const out: [string, string][] = [
    ['kind', m.kind],
    ['scenario', m.scenario.name],
    ['scenario file', m.scenario.file || '–'],
    ['scenario hash', m.scenario.hash || '–'],
    ['seed', m.seed === null ? '–' : String(m.seed)],
    ['replications', m.replications === null ? '–' : String(m.replications)],
    ['detail replications', m.detail_replications === null ? '–' : String(m.detail_replications)],
    ['tool', `${m.tool.name} ${m.tool.version}`.trim() || '–'],
    ['command', m.command || '–'],
  ];
  if (m.shard) out.push(['shard', `${m.shard.index} of ${m.shard.count}`]);
  return out;
}

/** The report's content from a result folder's rows and its charts. */
export function reportModel(results: ResultSet, charts: readonly ChartEntry[]): ReportModel {
  const { facts: scenario, innovations } = runContext(results);
  const tables = [
    results.outcomes !== null && results.outcomes.innovations().length > 0 ? outcomeTable(results.outcomes, innovations) : null,
    horizonTable(results.summary),
    compareTable(results.compare),
    sweepTable(results),
    morrisTable(results.morris),
    sobolTable(results.sobol),
  ].filter((t): t is Table => t !== null);
  const name = results.manifest.scenario.name || scenario.name || 'result';
  return {
    title: `difusi report: ${name}`,
    facts: facts(results),
    description: scenario.description,
    info: results.manifest.scenario.info,
    tables,
    charts: charts.map((c) => ({ name: c.name, title: c.title, caption: c.caption })),
    timeline: scenario.timeline,
    parameters: parameterGroups(scenario.parameters),
    manifestJson: JSON.stringify(results.manifest.raw, null, 2),
  };
}
