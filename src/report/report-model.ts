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
import { UNIT_METRICS } from '../model/observation.js';
import { PARAMETER_SPECS, parameterOrDefault, type ParameterSource } from '../scenario/parameters.js';
import type { ChartEntry, RunContext } from './charts.js';
import { runContext } from './charts.js';
import { en, type Catalog } from './i18n/en.js';
import { armLabel, label, localNumber, type Lang } from './i18n/index.js';
import { twinText } from '../scenario/twins.js';
import { columnDigits, factorName, fixed, isProbability, nameAndId, percent, plain, printedDifferences, isUnitOutcome, relativePercent, relativeThreshold, relativeWithheld } from './format.js';
import { outcomeName, type ServiceNames } from './outcome-names.js';
import { borderlineRows, executiveSummary, pointMean, whatIfCode } from './summary.js';
import { OUTCOMES, descendingDefinedFirst, sobolConstantOutcomes, type CompareRow, type MorrisRow, type ResultSet, type SobolRow, type SummaryRow } from './rows.js';
import type { TimelineEvent } from './scenario-facts.js';
import { isObj } from './json-values.js';
import { toDecimal } from '../messages/decimal.js';

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

/** A what-if of a comparison: its name, its note and its changes (`path = value`). */
export interface VariantChange {
  readonly name: string;
  readonly note: string;
  readonly changes: readonly string[];
}

/** What a comparison compares: the experiment's description and each variant's changes. */
export interface Compared {
  readonly name: string;
  readonly description: string;
  /** The base scenario: its name and description. */
  readonly base: string;
  readonly variants: readonly VariantChange[];
}

export interface ReportModel {
  readonly lang: Lang;
  /** The catalog of the report's language (headings and labels). */
  readonly t: Catalog;
  readonly title: string;
  /** The executive summary, paragraph by paragraph (plain text). */
  readonly summary: readonly string[];
  /**
   * Texts shown as code wherever they occur in the summary's paragraphs (a what-if's or the national comparison's
   * `--set`s as `path = value`): report.md gives them as code spans, so a reader of the file sees `a[id=x].b = true`, not
   * `a\[id=x\].b = true`; report.html in <code>. Absent: none.
   */
  readonly summaryCode?: readonly string[];
  /** What a comparison compares; null for other folders. */
  readonly compared: Compared | null;
  /** The glossary: (term, definition) for the terms this report uses. */
  readonly glossary: readonly (readonly [string, string])[];
  /** Key facts of the run as (label, value) pairs. */
  readonly facts: readonly (readonly [string, string])[];
  /** The scenario's description (plain text, user-written). */
  readonly description: string;
  /** The scenario's Info-tab markdown (user-written). */
  readonly info: string;
  /**
   * A report not in English: what of the scenario's information is only in English (no `_id` twin, no
   * `.id.md`), said after the description; absent when there is none (and in English).
   */
  readonly englishOnly?: string;
  /** The Info page shown is the English one in a report not in English: said under its heading. */
  readonly infoEnglishOnly?: boolean;
  /** The description shown is the English one (no `description_id`) in a report not in English, and nothing else is in its paragraph. */
  readonly descriptionEnglishOnly?: boolean;
  readonly tables: readonly Table[];
  readonly charts: readonly ReportChart[];
  readonly timeline: readonly TimelineEvent[];
  readonly parameters: readonly ParameterGroup[];
  /** manifest.json pretty-printed. */
  readonly manifestJson: string;
}

/** A summary paragraph cut into its plain text and its code (ReportModel.summaryCode: each occurrence, the longest first where two start together). */
export function codeParts(text: string, code: readonly string[] = []): { readonly text: string; readonly code: boolean }[] {
  const spans = code.filter((c) => c !== '');
  const out: { text: string; code: boolean }[] = [];
  let at = 0;
  while (at < text.length) {
    let best: { index: number; c: string } | null = null;
    for (const c of spans) {
      const index = text.indexOf(c, at);
      if (index >= 0 && (best === null || index < best.index || (index === best.index && c.length > best.c.length))) best = { index, c };
    }
    if (best === null) break;
    if (best.index > at) out.push({ text: text.slice(at, best.index), code: false });
    out.push({ text: best.c, code: true });
    at = best.index + best.c.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), code: false });
  return out;
}

/** Formats an input for a table (a parameter value, a design factor's value): up to 3 decimals, no trailing zeros. A column of statistics uses format.ts columnDigits and fixed instead. */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  const d = a >= 100 ? 1 : a >= 10 ? 2 : digits;
  return String(Number(toDecimal(x, d)));
}

/** A share as a whole percentage (format.ts `percent`, under the name the report's code uses). */
export const pct = percent;

/**
 * Outcomes per service: the share of replications ending sustained,
 * declining, discontinued or never adopted, with Wilson 95 % intervals,
 * the most frequent main cause and the Heeks shares of instances (per
 * agency: the columns say which is which).
 */
export function outcomeTable(tally: OutcomeTally, order: readonly string[], t: Catalog = en, names: ServiceNames = new Map()): Table {
  const seen = tally.innovations();
  const ids = [...order.filter((id) => seen.includes(id)), ...seen.filter((id) => !order.includes(id)).sort()];
  const shares = new Map(tally.shares().map((s) => [s.innovation, s]));
  const rows = ids.map((id) => {
    const share = shares.get(id)!;
    const cell = (outcome: (typeof OUTCOMES)[number]): string => {
      const w = share.shares[outcome];
      return t.shareWithInterval(pct(w.p), pct(w.low), pct(w.high));
    };
    const h = tally.heeks(id);
    const instances = h.success + h.partial + h.failure + h.replaced;
    const heeks = instances > 0 ? [h.success, h.partial, h.failure, h.replaced].map((v) => pct(v / instances)).join(' / ') : '–';
    const cause = tally.mainCause(id);
    const service = names.get(id);
    return [service !== undefined && service !== id ? nameAndId(service, id) : id, String(share.replications), ...OUTCOMES.map(cell), cause === null ? '–' : label(t.cause, cause), heeks];
  });
  return {
    id: 'outcomes',
    title: t.outcomesTitle,
    note: t.outcomesNote,
    columns: [t.col.service, t.col.replications, ...OUTCOMES.map((o) => `${t.outcome[o]} (${t.col.replications})`), t.col.mainCause, t.col.heeks],
    numeric: [false, true, true, true, true, true, false, true],
    rows,
  };
}

/** The city-wide metrics reported at the horizon, in order: those whose values lie in [0, 1], so their intervals are clipped. */
export const HORIZON_METRICS = UNIT_METRICS;

/** Key metrics in the last month: mean, 95 % CI of the mean, 5-95 % range of replications. */
export function horizonTable(summary: readonly SummaryRow[], t: Catalog = en): Table | null {
  const last = summary.reduce((m, r) => Math.max(m, r.month), 0);
  const found = HORIZON_METRICS.flatMap((metric) => summary.filter((s) => s.month === last && s.metric === metric).slice(0, 1));
  // Every metric here lies in [0, 1]; a t interval from few or skewed replications can reach past it, so it is clipped (summary.csv keeps it as computed).
  const clip = (x: number | null) => (x === null ? null : Math.min(1, Math.max(0, x)));
  // Each column with one number of decimals (format.ts columnDigits): 0.060, [0.600; 0.600].
  const dMean = columnDigits(found.map((r) => r.mean));
  const dCi = columnDigits(found.flatMap((r) => [clip(r.ci_low), clip(r.ci_high)]));
  const dRange = columnDigits(found.flatMap((r) => [r.p05, r.p95]));
  const rows = found.map((r) => [
    label(t.metric, r.metric),
    r.date,
    fixed(r.mean, dMean),
    t.tableInterval(fixed(clip(r.ci_low), dCi), fixed(clip(r.ci_high), dCi)),
    t.tableInterval(fixed(r.p05, dRange), fixed(r.p95, dRange)),
  ]);
  if (rows.length === 0) return null;
  return {
    id: 'horizon',
    title: t.horizonTitle,
    note: t.horizonNote(last, rows[0]?.[1] ?? ''),
    columns: [t.col.metric, t.col.date, t.col.mean, t.col.ci, t.col.range],
    numeric: [false, false, true, true, true],
    rows,
  };
}

/**
 * The comparison table: differences of probabilities and shares in
 * percentage points (base and variant in %), others in their unit;
 * the mark (*) read off the printed interval. Base, variant, difference
 * and interval are printed with one number of decimals for the whole
 * table (the most any row's interval needs, up to two; a row that needs
 * more keeps its own), so the printed means and difference agree, and an
 * interval end that rounds to 0 keeps its sign ("−0.0").
 */
export function compareTable(rows: readonly CompareRow[], t: Catalog = en, names: ServiceNames = new Map()): Table | null {
  if (rows.length === 0) return null;
  const printed = printedDifferences(rows);
  const borderline = borderlineRows(rows, printed);
  const dCorrelation = columnDigits(rows.map((r) => r.correlation));
  return {
    id: 'compare',
    title: t.compareTitle,
    note: t.compareNote,
    columns: [t.col.outcome, t.col.variant, t.col.n, t.col.base, t.col.variantMean, t.col.difference, t.col.interval, t.col.relative, t.col.correlation, t.col.level],
    numeric: [false, false, true, true, true, true, true, true, true, true],
    rows: rows.map((r, i) => {
      const { effect: e, digits, meanText, lowText, highText } = printed[i]!;
      const f = e.pp ? 100 : 1;
      const unit = e.pp ? ` ${t.ppUnit}` : '';
      const level = (x: number) => `${plain(f * x, digits)}${e.pp ? ' %' : ''}`;
      return [
        outcomeName(r.outcome, t, names),
        r.variant,
        String(r.n),
        level(r.base_mean),
        level(r.variant_mean),
        `${meanText}${unit}${e.marked ? ' *' : ''}${borderline[i] ? ` ${t.compareBorderline}` : ''}`,
        `${t.tableInterval(lowText, highText)}${unit}`,
        relativeCell(r, t),
        fixed(r.correlation, dCorrelation),
        r.level === null ? '–' : `${fmt(100 * r.level, 2)} %`,
      ];
    }),
  };
}

/**
 * A comparison row's relative change as the table prints it: – when there is none (a base of 0), and
 * "– (base below 5 %)" where relativeWithheld (format.ts) withholds it; compare.csv keeps the value.
 */
function relativeCell(r: CompareRow, t: Catalog): string {
  if (r.relative_change === null || !Number.isFinite(r.relative_change)) return '–';
  const share = isUnitOutcome(r.outcome);
  const why = relativeWithheld(r, share);
  return why === null ? `${relativePercent(100 * r.relative_change)} %` : `– (${t.relativeWhy(why, relativeThreshold(share, isProbability(r.outcome)))})`;
}

export function morrisTable(rows: readonly MorrisRow[], t: Catalog = en, names: ServiceNames = new Map()): Table | null {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : b.mu_star - a.mu_star));
  // Values tiny next to the outcome's largest mu* or sigma are rounding noise: printed as 0.
  const scale = new Map<string, number>();
  for (const r of rows) scale.set(r.outcome, Math.max(scale.get(r.outcome) ?? 0, Math.abs(r.mu_star), Math.abs(r.sigma), Math.abs(r.mu ?? 0)));
  const hasConf = rows.some((r) => r.mu_star_conf !== undefined && r.mu_star_conf !== null);
  // Each factor's noise floor (the summary names a factor only above it), where the folder has one.
  const hasFloor = rows.some((r) => r.noise_floor !== undefined && r.noise_floor !== null && Number.isFinite(r.noise_floor));
  return {
    id: 'morris',
    title: t.morrisTableTitle,
    note: t.morrisNote,
    columns: [t.col.outcome, t.col.parameter, 'mu', 'mu*', ...(hasConf ? [t.col.muStarConf] : []), 'sigma', ...(hasFloor ? [t.col.noiseFloor] : [])],
    numeric: [false, false, true, true, ...(hasConf ? [true] : []), true, ...(hasFloor ? [true] : [])],
    rows: sorted.map((r) => {
      const k = scale.get(r.outcome) ?? 1;
      // One number of decimals for all of an outcome's rows and columns, from its largest value (format.ts columnDigits).
      const d = columnDigits([k]);
      return [
        outcomeName(r.outcome, t, names),
        factorName(r.parameter),
        fixed(r.mu, d, k),
        fixed(r.mu_star, d, k),
        ...(hasConf ? [fixed(r.mu_star_conf, d, k)] : []),
        fixed(r.sigma, d, k),
        ...(hasFloor ? [fixed(r.noise_floor, d, k)] : []),
      ];
    }),
  };
}

const isFiniteNumber = (x: number | null | undefined): boolean => x !== null && x !== undefined && Number.isFinite(x);

export function sobolTable(rows: readonly SobolRow[], t: Catalog = en, names: ServiceNames = new Map()): Table | null {
  if (rows.length === 0) return null;
  // By outcome, then largest ST first (an undefined ST last).
  const sorted = [...rows].sort((a, b) => (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : descendingDefinedFirst(a.ST, b.ST)));
  // S1 with its interval, and ST with its interval: each with one number of decimals (format.ts columnDigits).
  const d1 = columnDigits(rows.flatMap((r) => [r.S1, r.S1_low, r.S1_high]));
  const dT = columnDigits(rows.flatMap((r) => [r.ST, r.ST_low, r.ST_high]));
  // An outcome with no variance over the design: its indices are undefined (empty in sobol.csv), said as such, and the note says why.
  const constant = sobolConstantOutcomes(rows);
  const index = (r: SobolRow, x: number, low: number | null, high: number | null, d: number): [string, string] =>
    constant.includes(r.outcome)
      ? [t.sobolUndefinedCell, '–']
      : [fixed(x, d), isFiniteNumber(low) || isFiniteNumber(high) ? t.tableInterval(fixed(low, d), fixed(high, d)) : '–'];
  return {
    id: 'sobol',
    title: t.sobolTableTitle,
    note: constant.length > 0 ? `${t.sobolNote} ${t.sobolNoVariance(constant.map((o) => outcomeName(o, t, names)))}` : t.sobolNote,
    columns: [t.col.outcome, t.col.parameter, 'S1', `S1 ${t.col.interval}`, 'ST', `ST ${t.col.interval}`],
    numeric: [false, false, true, true, true, true],
    rows: sorted.map((r) => [outcomeName(r.outcome, t, names), factorName(r.parameter), ...index(r, r.S1, r.S1_low, r.S1_high, d1), ...index(r, r.ST, r.ST_low, r.ST_high, dT)]),
  };
}

/** Sweep: mean of each outcome per design point (first 60 points); columns named as a reader says them (factor without `parameters.`, outcomes by name). */
export function sweepTable(results: ResultSet, t: Catalog = en, names: ServiceNames = new Map()): Table | null {
  const sweep = results.sweep;
  if (!sweep || sweep.rows.length === 0) return null;
  const points = [...new Set(sweep.rows.map((r) => r.point))].sort((a, b) => a - b);
  const shown = points.slice(0, 60);
  const means = shown.map((p) => {
    const rows = sweep.rows.filter((r) => r.point === p);
    // Weighted by each summary row's n, to the CSV files' 12 digits (summary.ts pointMean, as the summary reads them).
    const mean = (col: string): number | null => pointMean(rows, col);
    return { p, replications: rows.reduce((s, r) => s + (r.n ?? 1), 0), factors: sweep.parameters.map(mean), outcomes: sweep.outcomes.map(mean) };
  });
  const digits = sweep.outcomes.map((_, i) => columnDigits(means.map((m) => m.outcomes[i])));
  return {
    id: 'sweep',
    // A sensitivity analysis's design points are not a sweep: the table is named for the analysis.
    title: (results.manifest.raw as { kind?: unknown } | null)?.kind === 'sensitivity' ? t.sensitivityTableTitle : t.sweepTitle,
    note: points.length > shown.length ? t.sweepNoteFirst(shown.length, points.length) : t.sweepNoteAll,
    columns: [t.col.point, t.col.replications, ...sweep.parameters.map((p) => factorName(p)), ...sweep.outcomes.map((o) => outcomeName(o, t, names))],
    numeric: [true, true, ...sweep.parameters.map(() => true), ...sweep.outcomes.map(() => true)],
    rows: means.map(({ p, replications, factors, outcomes }) => [
      String(p),
      String(replications),
      // A design factor's value as the design gives it (an input, like the parameters table's values).
      ...factors.map((v) => (v === null ? '–' : fmt(v))),
      // An outcome's means with one number of decimals per column (format.ts columnDigits).
      ...outcomes.map((v, i) => fixed(v, digits[i]!)),
    ]),
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
      const value = parameterOrDefault(values, s.name) ?? null;
      return { name: s.name, value, default: s.default, unit: s.unit, source: s.source, note: s.note, changed: value !== s.default };
    }),
  }));
}

/**
 * One parameter's cells in the catalog's language: the group and unit
 * translated (left as they are when the catalog has no entry), the note
 * too (i18n/param-notes-id.ts), `off` for a
 * switched-off value, numbers with the language's decimal separator.
 */
export function parameterCells(group: string, p: ParameterLine, t: Catalog): { group: string; value: string; default: string; unit: string; source: string; note: string } {
  const num = (v: number | null): string => (v === null ? t.off : localNumber(t, fmt(v, 4)));
  return {
    group: label(t.paramGroup, group),
    value: num(p.value),
    default: num(p.default),
    unit: label(t.paramUnit, p.unit),
    source: label(t.paramSource, p.source),
    note: t.paramNote(p.note),
  };
}

/**
 * A timeline event's date and month cells, as report.html and report.md both
 * write them: a span as the catalog writes a range in a table ("2020-04 –
 * 2021-12", Indonesian "2020-04 s.d. 2021-12"); months without spaces around
 * the English dash ("64–84"). Dates stay YYYY-MM in tables in every language.
 */
export function timelineCells(e: Pick<TimelineEvent, 'date' | 'endDate' | 'month' | 'endMonth'>, t: Catalog): { date: string; month: string } {
  return {
    date: e.endDate ? t.tableRange(e.date, e.endDate) : e.date,
    month: e.endMonth !== null ? t.tableRange(String(e.month), String(e.endMonth)).replace(' – ', '–') : String(e.month),
  };
}

/** The arms of a comparison's manifest with their scenario hashes (as run), in its order. */
function armHashes(raw: unknown): { name: string; hash: string }[] {
  const arms = typeof raw === 'object' && raw !== null && Array.isArray((raw as Record<string, unknown>)['arms']) ? ((raw as Record<string, unknown>)['arms'] as unknown[]) : [];
  return arms.flatMap((a) => {
    const o = typeof a === 'object' && a !== null ? (a as Record<string, unknown>) : {};
    return typeof o['name'] === 'string' && typeof o['hash'] === 'string' ? [{ name: o['name'], hash: o['hash'] }] : [];
  });
}

/** Scenario and run facts for the report header. */
function facts(results: ResultSet, t: Catalog): [string, string][] {
  const m = results.manifest;
  const f = t.factLabels;
  const out: [string, string][] = [
    [f.kind, label(t.kinds, m.kind)],
    [f.scenario, m.scenario.name],
    [f.scenarioFile, m.scenario.file || '–'],
    [f.runHash, m.scenario.hash || '–'],
    [f.seed, m.seed === null ? '–' : String(m.seed)],
    [f.replications, m.replications === null ? '–' : String(m.replications)],
    [f.detailReplications, m.detail_replications === null ? '–' : String(m.detail_replications)],
    [f.tool, `${m.tool.name} ${m.tool.version}`.trim() || '–'],
    [f.command, m.command || '–'],
  ];
  // A comparison's arms each ran their own scenario: their hashes, not only the base's.
  const arms = armHashes(m.raw);
  const armNames = arms.map((a) => a.name);
  if (arms.length > 1) out.splice(4, 0, [f.armHashes, arms.map((a) => `${armLabel(a.name, armNames, t)}: ${a.hash.slice(0, 12)}`).join(', ')]);
  if (m.shard) out.push([f.shard, t.shardOf(m.shard.index, m.shard.count)]);
  // A --precision run: whether its target was reached, as the terminal said (a report is what gets forwarded).
  const rule = isObj(m.raw) ? m.raw['precision'] : undefined;
  if (isObj(rule) && typeof rule['target'] === 'number' && typeof rule['outcome'] === 'string' && typeof rule['replications'] === 'number' && (typeof rule['achieved'] === 'number' || rule['achieved'] === null) && typeof rule['reached'] === 'boolean') {
    // null: JSON's form of the infinite relative half-width of a mean of 0.
    const achieved = typeof rule['achieved'] === 'number' && Number.isFinite(rule['achieved']) ? localNumber(t, fmt(rule['achieved'], 4)) : t.precisionUndefined;
    out.push([f.precision, t.precisionFact(localNumber(t, fmt(rule['target'], 4)), rule['outcome'], rule['replications'], achieved, rule['reached'])]);
  }
  return out;
}


/** A `--set` value as the user would write it. */
function setValue(v: unknown): string {
  return v === null ? 'null (removed)' : typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * Texts difusi writes itself into a comparison's manifest, in English: the base arm's note
 * (store/experiment-file.ts) and the description of `difusi compare base.yaml variant.yaml`
 * (jobs/compare.ts, whose experiment file is "(command line)"). The report words them in its
 * language; text a user wrote is shown as written.
 */
const GENERATED_BASE_NOTE = 'the base scenario';
const COMMAND_LINE_EXPERIMENT = '(command line)';

/**
 * `key`'s text in the catalog's language: in Bahasa Indonesia its twin `<key>_id` (an
 * experiment's `description_id`, a variant's `note_id`, a scenario's `description_id`)
 * where given and not empty or blank (scenario/twins.ts twinText, the rule the names follow), else `key`; '' when neither is a string.
 */
/** Whether a text field is there and not blank. */
const written = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/**
 * What of a run's scenario a report not in English shows in English, for want of an Indonesian twin: its
 * description (no `description_id`), names (an entry with `name` but no `name_id`), its Info page (no
 * `.id.md`); null when nothing (and for English). The explorer says the same of its Info tab.
 */
export function englishOnlyParts(results: ResultSet, lang: Lang, experiment: Record<string, unknown> = {}): { description: boolean; names: boolean; info: boolean } | null {
  if (lang === 'en') return null;
  const resolved = results.manifest.scenario.resolved;
  const s = isObj(resolved) ? resolved : {};
  // The description the report shows: the experiment's (a comparison, sweep or sensitivity analysis) where it
  // has one, else the scenario's.
  const described = written(experiment['description']) ? experiment : s;
  const description = written(described['description']) && !written(described['description_id']);
  const entries = (key: string): Record<string, unknown>[] => (Array.isArray(s[key]) ? (s[key] as unknown[]).filter(isObj) : []);
  const all = ['innovations', 'leaders', 'regulations', 'budget_shocks', 'vendors', 'platforms'].flatMap(entries);
  const untwinned = (e: Record<string, unknown>) => written(e['name']) && !written(e['name_id']);
  // A service's name without its twin; or names with no twin anywhere (an untranslated file). A translated file that
  // leaves a company's or platform's proper name as it is (Bekasi's "PT Telkomsel") is not taken for English.
  const names = entries('innovations').some(untwinned) || (all.some(untwinned) && !all.some((e) => written(e['name_id'])));
  const info = written(results.manifest.scenario.info) && !written(results.manifest.scenario.info_id);
  return description || names || info ? { description, names, info } : null;
}

function localText(o: Record<string, unknown>, key: string, t: Catalog): string {
  return twinText(o, key, t.lang === 'id' ? 'id' : 'en') ?? '';
}

function comparedDescription(exp: Record<string, unknown>, t: Catalog): string {
  const text = localText(exp, 'description', t).trim();
  const generated = exp['file'] === COMMAND_LINE_EXPERIMENT ? /^(.+?) against (.+)$/.exec(text) : null;
  return generated ? t.comparedFiles(generated[1]!, generated[2]!) : text;
}

/** The experiment and its variants from a comparison's manifest (`experiment`, `arms[]`), in the catalog's language; null for other folders. */
export function compared(raw: unknown, t: Catalog = en): Compared | null {
  if (!isObj(raw) || !Array.isArray(raw['arms'])) return null;
  const exp = isObj(raw['experiment']) ? raw['experiment'] : {};
  const armNames = raw['arms'].filter(isObj).flatMap((a) => (typeof a['name'] === 'string' ? [a['name']] : []));
  const variants = raw['arms'].filter(isObj).map((a, i) => {
    const set = isObj(a['set']) ? a['set'] : {};
    const changes = Object.entries(set).map(([path, v]) => `${path} = ${setValue(v)}`);
    const file = typeof a['file'] === 'string' ? a['file'] : '';
    return {
      // Shown by its label (the base arm as `dasar` in Indonesian); the name stays in arms/<name>/ and the CSVs.
      name: typeof a['name'] === 'string' ? armLabel(a['name'], armNames, t) : `arm ${i}`,
      note: i === 0 && a['note'] === GENERATED_BASE_NOTE ? t.baseArmNote : localText(a, 'note', t) || (i === 0 ? t.noChanges : ''),
      // An arm from its own scenario file (compare base.yaml variant.yaml) changes whatever that file changes.
      changes: changes.length > 0 ? changes : i === 0 ? [] : file !== '' ? [file] : [],
    };
  });
  const scenario = isObj(raw['scenario']) ? raw['scenario'] : {};
  const resolved = isObj(scenario['resolved']) ? scenario['resolved'] : {};
  const baseName = typeof scenario['name'] === 'string' ? scenario['name'] : '';
  const baseText = localText(resolved, 'description', t).trim();
  return {
    name: typeof exp['name'] === 'string' ? exp['name'] : '',
    description: comparedDescription(exp, t),
    base: baseText === '' ? baseName : `${baseName}: ${baseText}`,
    variants,
  };
}

/** The glossary entries this report needs, in a fixed order. */
export function glossaryFor(results: ResultSet, charts: readonly ChartEntry[], t: Catalog): (readonly [string, string])[] {
  const g = t.glossaryTerms;
  const has = (name: string) => charts.some((c) => c.name === name);
  const run = results.outcomes !== null || results.summary.length > 0 || results.arms.length > 0;
  const keys: (keyof typeof g)[] = [
    'replication',
    'interval',
    'hash',
    ...(run ? (['sustained', 'declining', 'discontinued', 'never_adopted', 'perService', 'instance', 'heeks', 'causes', 'failing', 'translation'] as const) : []),
    // The horizon table's 0-1 levels (and the learning chart's V and commitment): each defined where it is shown.
    ...(results.summary.some((r) => r.metric === 'mean_usage') ? (['usage'] as const) : []),
    ...(results.summary.some((r) => r.metric === 'vision') ? (['vision'] as const) : []),
    ...(results.summary.some((r) => r.metric === 'leader_commitment') ? (['commitment'] as const) : []),
    ...(has('learning') ? (['learning'] as const) : []),
    // The charts drawn from the detail replications only, while the report's other figures use them all.
    ...(has('rogers') || has('survival') ? (['detail'] as const) : []),
    ...(has('callon') ? (['callon'] as const) : []),
    ...(has('rogers') ? (['categories'] as const) : []),
    ...(has('stages') ? (['stages'] as const) : []),
    ...(results.compare.length > 0 ? (['pp', 'crn'] as const) : []),
    // The heat map's subtitles give a replication noise: defined once, here.
    ...(has('heatmap') ? (['noise'] as const) : []),
    ...(results.morris.length > 0 ? (['morris'] as const) : []),
    ...(results.sobol.length > 0 ? (['sobol'] as const) : []),
  ];
  return keys.map((k) => [g[k][0] as string, g[k][1] as string] as const);
}

/** Numeric cells with the language's decimal separator. */
function localTable(table: Table, t: Catalog): Table {
  if (t.decimal === '.') return table;
  return { ...table, rows: table.rows.map((r) => r.map((c, i) => (table.numeric[i] ? localNumber(t, c) : c))) };
}

/**
 * The counts of replications a description quotes ("50 replications per point", "50 replikasi"): the
 * numbers before "replication(s)" or "replikasi".
 */
export function quotedReplications(text: string): number[] {
  return [...text.matchAll(/(\d[\d.,]*)\s+(?:replications?|replikasi)\b/gi)].map((m) => Number(m[1]!.replace(/[.,](?=\d{3}\b)/g, ''))).filter(Number.isFinite);
}

/**
 * The sentence said after a sweep's or sensitivity analysis's description when it quotes another count of
 * replications than the run's (-r or --set replications ran another count than the file's), else ''. Read
 * from the description and manifest.json's `replications`, so a folder merged from shards (whose command
 * is the merge's) says it as the unsharded run does; the file's own count is not in the manifest.
 */
function replicationsNote(results: ResultSet, description: string, t: Catalog): string {
  const raw = results.manifest.raw as Record<string, unknown> | null;
  if (raw === null || (raw['kind'] !== 'sweep' && raw['kind'] !== 'sensitivity')) return '';
  const reps = raw['replications'];
  if (typeof reps !== 'number') return '';
  const quoted = quotedReplications(description).filter((n) => n !== reps);
  return quoted.length === 0 ? '' : ` ${t.descriptionReplications(reps, quoted[0]!)}`;
}

/** The report's content from a result folder's rows and its charts, in `lang` (English by default). */
export function reportModel(results: ResultSet, charts: readonly ChartEntry[], lang: Lang = 'en'): ReportModel {
  const context: RunContext = runContext(results, lang);
  const { facts: scenario, innovations, t, names } = context;
  const tables = [
    results.outcomes !== null && results.outcomes.innovations().length > 0 ? outcomeTable(results.outcomes, innovations, t, names) : null,
    horizonTable(results.summary, t),
    compareTable(results.compare, t, names),
    sweepTable(results, t, names),
    morrisTable(results.morris, t, names),
    sobolTable(results.sobol, t, names),
  ]
    .filter((x): x is Table => x !== null)
    .map((x) => localTable(x, t));
  const what = compared(results.manifest.raw, t);
  // A comparison is named by its experiment; the base scenario is described under "What is compared".
  const raw = results.manifest.raw as { experiment?: unknown } | null;
  const given = raw?.experiment;
  const exp = isObj(given) ? given : {};
  const experiment = typeof exp['name'] === 'string' ? exp['name'] : '';
  // A sweep or sensitivity analysis is described by its experiment, not by its base scenario.
  const experimentText = localText(exp, 'description', t).trim();
  const name = experiment || results.manifest.scenario.name || scenario.name || 'result';
  const englishOnly = englishOnlyParts(results, lang, exp);
  // A sweep's description may end with a sentence in the report's language (replicationsNote): only without one is
  // the whole paragraph the English text, marked as English for a screen reader in a report in another language.
  const note = what !== null || experimentText === '' ? '' : replicationsNote(results, experimentText, t);
  return {
    lang,
    t,
    title: t.reportTitle(name),
    summary: executiveSummary(results, context),
    // Each --set of a what-if as code in the summary (report.md would otherwise show `leaders\[0\].name`).
    summaryCode: whatIfCode((results.manifest.raw as Record<string, unknown> | null)?.['overrides'], t),
    compared: what,
    glossary: glossaryFor(results, charts, t),
    facts: facts(results, t),
    // A sweep's or sensitivity analysis's description is the user's text, kept as written; when it quotes
    // another count of replications than the run's (-r or --set replications), a sentence after it says the run's.
    description: what !== null ? '' : experimentText !== '' ? `${experimentText}${note}` : scenario.description,
    ...(englishOnly?.description === true && what === null && note === '' && { descriptionEnglishOnly: true }),
    // The Indonesian Info page (`info_id`) where the scenario has one that is not blank, by the
    // rule of the names (twinText): an `.id.md` of only spaces showed no Info section at all.
    info: twinText({ info: results.manifest.scenario.info, info_id: results.manifest.scenario.info_id }, 'info', lang === 'id' ? 'id' : 'en') ?? '',
    ...(englishOnly !== null && { englishOnly: t.englishOnly(englishOnly) }),
    ...(englishOnly?.info === true && { infoEnglishOnly: true }),
    tables,
    charts: charts.map((c) => ({ name: c.name, title: c.title, caption: c.caption })),
    timeline: scenario.timeline,
    parameters: parameterGroups(scenario.parameters),
    manifestJson: JSON.stringify(results.manifest.raw, null, 2),
  };
}
