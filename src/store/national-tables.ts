/**
 * The tables of a national run folder (docs/NATIONAL.md, "Outputs"), one
 * definition per CSV in the `Table` form of tables.ts (columns, row type,
 * format, parse), used by the writer and by `readNationalFolder`; the
 * manifest records each file's SHA-256 and row count.
 * Columns are an interface: extend at the end, never rename or reorder.
 * `province_name` (the name of the province's government in the scenario)
 * was appended last to the three tables that name a province by its id.
 *
 *   government_outcomes.csv  one row per (government, service)
 *   government_summary.csv   one row per government
 *   group_summary.csv        one row per province and per government type
 *   national_spread.csv      one row per replication: the spread between governments
 *   national_series.csv      one row per (month, group, national service)
 *   government_shares.csv    one row per (replication, government)
 *   national_replications.csv one row per (replication, national service), and the services pooled
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { monthDate } from '../scenario/calendar.js';
import { OUTCOMES, type Outcome } from '../model/observation.js';
import { CAUSES, type Cause } from '../model/world.js';
import { HEEKS_CLASSES, MOST_SERVICES, REPLICATION_COUNTS, type NationalTally, type SpreadRow } from '../experiment/national-tally.js';
import type { HeeksClass } from '../validation/heeks.js';
import { UserError } from '../messages/catalog.js';
import { writeCsvFile } from './csv.js';
import type { Cell } from './csv-format.js';
import { protectText, unprotectText } from './csv-format.js';
import { sampleMoments } from '../experiment/stats/moments.js';
import { tInterval } from '../experiment/stats/describe.js';
import { parseCsv, type Cells } from './csv-read.js';
import { checkResultFolder } from './results-check.js';
import { checkReplaceable } from './folder-lock.js';
import { writeError, writeFileDurably } from './durable.js';
import type { Table } from './tables.js';
import { isNotRegularFileRefusal, readRegularText } from './regular-file.js';
import { CONTROL_CLASS } from '../messages/safe-text.js';

/** One definition per national CSV (the `Table` form of tables.ts): used by the writer below and by `readNationalFolder`. */
function table<Row>(t: Table<Row, Row>): Table<Row, Row> {
  return t;
}

/**
 * The control characters a name may hold (the schema's free text allows any): C0, DEL and C1. Those
 * that break a line or a column (tab, line feed, vertical tab, form feed, carriage return, next line
 * U+0085) become a space, the others are dropped: the name as the report shows it (messages/safe-text.ts
 * drops them, and a page shows a tab or line break as a space), and a CSV whose every row is one line.
 */
const CONTROL = new RegExp(`[${CONTROL_CLASS}]`, 'g');
// eslint-disable-next-line no-control-regex
const BREAK = /[\t\n\u000b\f\r\u0085]/;
export function plainName(s: string): string {
  return s.replace(CONTROL, (c) => (BREAK.test(c) ? ' ' : ''));
}

/**
 * The scenario's free text in a cell (a government's or province's name):
 * its control characters as plainName writes them (not undone on reading),
 * then one `'` in front of a name a spreadsheet would read as a formula,
 * taken off again on reading (csv-format.ts, protectText). Ids need neither:
 * the schema holds them to letters, digits, `_ . -`, starting with a letter
 * or digit. The city tables hold no free text (docs/RELIABILITY.md, "CSV
 * cells a spreadsheet would run"), so they have no such rule.
 */
const nameCell = (s: string): string => protectText(plainName(s));
const optProtect = (s: string | null): string | null => (s === null ? null : nameCell(s));
const optUnprotect = (s: string | null): string | null => (s === null ? null : unprotectText(s));

/** A record of numbers keyed by `keys`, read from the columns `<prefix><key>`. */
function numbersOf<K extends string>(c: Cells, prefix: string, keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, c.num(`${prefix}${k}`)])) as Record<K, number>;
}

// ------------------------------------------------------- government_outcomes.csv

/** One (government, service): shares over the replications, means per replication. */
export interface GovernmentOutcomeRow {
  readonly government: string;
  readonly name: string;
  readonly province: string;
  readonly type: string;
  readonly innovation: string;
  /** A national service (else the government's own). */
  readonly national: boolean;
  readonly replications: number;
  readonly share: Readonly<Record<Outcome, number>>;
  readonly heeks: Readonly<Record<HeeksClass, number>>;
  readonly mean_peak_live: number;
  readonly mean_live_end: number;
  readonly mean_first_adoption_month: number | null;
  readonly share_launched: number;
  readonly mean_discontinued: Readonly<Record<Cause, number>>;
  /** The name of the province's government (provinceNames); null when the scenario has none, and in folders written before the column. */
  readonly province_name: string | null;
}

const GOVERNMENT_OUTCOMES_COLUMN_LIST = [
  'government', 'name', 'province', 'type', 'innovation', 'national', 'replications',
  ...OUTCOMES.map((o) => `share_${o}`),
  ...HEEKS_CLASSES.map((h) => `heeks_${h}`),
  'mean_peak_live', 'mean_live_end', 'mean_first_adoption_month', 'share_launched',
  ...CAUSES.map((c) => `mean_discontinued_${c}`),
] as const;

export const GOVERNMENT_OUTCOMES = table<GovernmentOutcomeRow>({
  file: 'government_outcomes.csv',
  columns: [...GOVERNMENT_OUTCOMES_COLUMN_LIST, 'province_name'],
  required: GOVERNMENT_OUTCOMES_COLUMN_LIST,
  format: (r) => [
    r.government, nameCell(r.name), r.province, r.type, r.innovation, r.national, r.replications,
    ...OUTCOMES.map((o) => r.share[o]),
    ...HEEKS_CLASSES.map((h) => r.heeks[h]),
    r.mean_peak_live, r.mean_live_end, r.mean_first_adoption_month, r.share_launched,
    ...CAUSES.map((c) => r.mean_discontinued[c]),
    optProtect(r.province_name),
  ],
  parse: (c) => ({
    government: c.str('government'),
    name: unprotectText(c.str('name')),
    province: c.str('province'),
    type: c.str('type'),
    innovation: c.str('innovation'),
    national: c.optBool('national') === true,
    replications: c.int('replications'),
    share: numbersOf(c, 'share_', OUTCOMES),
    heeks: numbersOf(c, 'heeks_', HEEKS_CLASSES),
    mean_peak_live: c.num('mean_peak_live'),
    mean_live_end: c.num('mean_live_end'),
    mean_first_adoption_month: c.optNum('mean_first_adoption_month'),
    share_launched: c.num('share_launched'),
    mean_discontinued: numbersOf(c, 'mean_discontinued_', CAUSES),
    province_name: optUnprotect(c.optStr('province_name')),
  }),
});

// ------------------------------------------------------- government_summary.csv

export interface GovernmentSummaryRow {
  readonly government: string;
  readonly name: string;
  readonly province: string;
  readonly type: string;
  /** Empty (null on reading) for a government on no election cycle. */
  readonly election_cycle: string | null;
  /** Cohort ids, space-separated; empty for none. */
  readonly cohorts: string | null;
  readonly agencies: number;
  readonly services: number;
  readonly replications: number;
  readonly mean_sustained_share: number;
  readonly share_sustain_most: number;
  readonly share_sustain_none: number;
  readonly heeks: Readonly<Record<HeeksClass, number>>;
  /** 95 % interval of mean_sustained_share over replications (shareInterval); null with one replication and in folders written before. */
  readonly mean_sustained_share_low: number | null;
  readonly mean_sustained_share_high: number | null;
  /** As in GovernmentOutcomeRow. */
  readonly province_name: string | null;
}

const GOVERNMENT_SUMMARY_COLUMN_LIST = [
  'government', 'name', 'province', 'type', 'election_cycle', 'cohorts', 'agencies', 'services', 'replications',
  'mean_sustained_share', 'share_sustain_most', 'share_sustain_none',
  ...HEEKS_CLASSES.map((h) => `heeks_${h}`),
] as const;

/** The interval columns, added last: folders written by earlier versions lack them. */
const GOVERNMENT_SUMMARY_INTERVALS = ['mean_sustained_share_low', 'mean_sustained_share_high'] as const;

export const GOVERNMENT_SUMMARY = table<GovernmentSummaryRow>({
  file: 'government_summary.csv',
  columns: [...GOVERNMENT_SUMMARY_COLUMN_LIST, ...GOVERNMENT_SUMMARY_INTERVALS, 'province_name'],
  required: GOVERNMENT_SUMMARY_COLUMN_LIST,
  format: (r) => [
    r.government, nameCell(r.name), r.province, r.type, r.election_cycle, r.cohorts, r.agencies, r.services, r.replications,
    r.mean_sustained_share, r.share_sustain_most, r.share_sustain_none,
    ...HEEKS_CLASSES.map((h) => r.heeks[h]),
    r.mean_sustained_share_low, r.mean_sustained_share_high, optProtect(r.province_name),
  ],
  parse: (c) => ({
    government: c.str('government'),
    name: unprotectText(c.str('name')),
    province: c.str('province'),
    type: c.str('type'),
    election_cycle: c.optStr('election_cycle'),
    cohorts: c.optStr('cohorts'),
    agencies: c.int('agencies'),
    services: c.int('services'),
    replications: c.int('replications'),
    mean_sustained_share: c.num('mean_sustained_share'),
    share_sustain_most: c.num('share_sustain_most'),
    share_sustain_none: c.num('share_sustain_none'),
    heeks: numbersOf(c, 'heeks_', HEEKS_CLASSES),
    mean_sustained_share_low: c.optNum('mean_sustained_share_low'),
    mean_sustained_share_high: c.optNum('mean_sustained_share_high'),
    province_name: optUnprotect(c.optStr('province_name')),
  }),
});

// ---------------------------------------------------------- group_summary.csv

export interface GroupSummaryRow {
  readonly group: string;
  /** all, type or province. */
  readonly kind: string;
  readonly governments: number;
  readonly mean_sustained_share: number;
  readonly share_sustain_most: number;
  readonly share_sustain_none: number;
  readonly heeks: Readonly<Record<HeeksClass, number>>;
  /**
   * 95 % intervals of the three group means over replications
   * (shareInterval: each replication gives one group mean); null with one
   * replication and in folders written before the columns existed.
   */
  readonly mean_sustained_share_low: number | null;
  readonly mean_sustained_share_high: number | null;
  readonly share_sustain_most_low: number | null;
  readonly share_sustain_most_high: number | null;
  readonly share_sustain_none_low: number | null;
  readonly share_sustain_none_high: number | null;
  /** A province group's name (its government's, as in GovernmentOutcomeRow); null for the other kinds and where unknown. */
  readonly province_name: string | null;
}

const GROUP_SUMMARY_COLUMN_LIST = [
  'group', 'kind', 'governments', 'mean_sustained_share', 'share_sustain_most', 'share_sustain_none',
  ...HEEKS_CLASSES.map((h) => `heeks_${h}`),
] as const;

/** The interval columns, added last: folders written by earlier versions lack them. */
const GROUP_SUMMARY_INTERVALS = [
  'mean_sustained_share_low', 'mean_sustained_share_high',
  'share_sustain_most_low', 'share_sustain_most_high',
  'share_sustain_none_low', 'share_sustain_none_high',
] as const;

export const GROUP_SUMMARY = table<GroupSummaryRow>({
  file: 'group_summary.csv',
  columns: [...GROUP_SUMMARY_COLUMN_LIST, ...GROUP_SUMMARY_INTERVALS, 'province_name'],
  required: GROUP_SUMMARY_COLUMN_LIST,
  format: (r) => [
    r.group, r.kind, r.governments, r.mean_sustained_share, r.share_sustain_most, r.share_sustain_none, ...HEEKS_CLASSES.map((h) => r.heeks[h]),
    r.mean_sustained_share_low, r.mean_sustained_share_high, r.share_sustain_most_low, r.share_sustain_most_high, r.share_sustain_none_low, r.share_sustain_none_high,
    optProtect(r.province_name),
  ],
  parse: (c) => ({
    group: c.str('group'),
    kind: c.str('kind'),
    governments: c.int('governments'),
    mean_sustained_share: c.num('mean_sustained_share'),
    share_sustain_most: c.num('share_sustain_most'),
    share_sustain_none: c.num('share_sustain_none'),
    heeks: numbersOf(c, 'heeks_', HEEKS_CLASSES),
    mean_sustained_share_low: c.optNum('mean_sustained_share_low'),
    mean_sustained_share_high: c.optNum('mean_sustained_share_high'),
    share_sustain_most_low: c.optNum('share_sustain_most_low'),
    share_sustain_most_high: c.optNum('share_sustain_most_high'),
    share_sustain_none_low: c.optNum('share_sustain_none_low'),
    share_sustain_none_high: c.optNum('share_sustain_none_high'),
    province_name: optUnprotect(c.optStr('province_name')),
  }),
});

// -------------------------------------------------------- national_spread.csv

const NATIONAL_SPREAD_COLUMN_LIST = ['replication', 'governments', 'sustain_most', 'sustain_none', 'mean_sustained_share', 'sd_sustained_share'] as const;

export const NATIONAL_SPREAD = table<SpreadRow>({
  file: 'national_spread.csv',
  columns: NATIONAL_SPREAD_COLUMN_LIST,
  required: NATIONAL_SPREAD_COLUMN_LIST,
  format: (r) => [r.replication, r.governments, r.sustain_most, r.sustain_none, r.mean_sustained_share, r.sd_sustained_share],
  parse: (c) => ({
    replication: c.int('replication'),
    governments: c.int('governments'),
    sustain_most: c.int('sustain_most'),
    sustain_none: c.int('sustain_none'),
    mean_sustained_share: c.num('mean_sustained_share'),
    sd_sustained_share: c.num('sd_sustained_share'),
  }),
});

// ------------------------------------------------------ government_agents.csv

export interface GovernmentAgentRow {
  readonly replication: number;
  readonly government: string;
  readonly opd: string;
  readonly type: string;
  readonly theta: number;
  readonly category: string;
  readonly capacity: number;
  readonly champion: number;
  readonly first_adoption_month: number | null;
  readonly realized_category: string | null;
}

const GOVERNMENT_AGENTS_COLUMN_LIST = ['replication', 'government', 'opd', 'type', 'theta', 'category', 'capacity', 'champion', 'first_adoption_month', 'realized_category'] as const;

export const GOVERNMENT_AGENTS = table<GovernmentAgentRow>({
  file: 'government_agents.csv',
  columns: GOVERNMENT_AGENTS_COLUMN_LIST,
  required: GOVERNMENT_AGENTS_COLUMN_LIST,
  format: (r) => [r.replication, r.government, r.opd, r.type, r.theta, r.category, r.capacity, r.champion, r.first_adoption_month, r.realized_category],
  parse: (c) => ({
    replication: c.int('replication'),
    government: c.str('government'),
    opd: c.str('opd'),
    type: c.str('type'),
    theta: c.num('theta'),
    category: c.str('category'),
    capacity: c.num('capacity'),
    champion: c.num('champion'),
    first_adoption_month: c.optNum('first_adoption_month'),
    realized_category: c.optStr('realized_category'),
  }),
});

// -------------------------------------------------------- national_series.csv

export interface NationalSeriesRow {
  readonly month: number;
  readonly date: string;
  readonly group: string;
  readonly innovation: string;
  readonly governments_offering: number;
  readonly governments_live_share: number;
  readonly governments_ever_share: number;
  /**
   * Agency instances of the service replaced in the month (a ban on
   * standalone applications), summed over the group's governments, mean
   * per replication; null in files written before the column existed.
   */
  readonly mean_replacements: number | null;
  /** Live standalone instances of the service integrated in the month, likewise. */
  readonly mean_integrations: number | null;
}

const NATIONAL_SERIES_REQUIRED = ['month', 'date', 'group', 'innovation', 'governments_offering', 'governments_live_share', 'governments_ever_share'] as const;

export const NATIONAL_SERIES = table<NationalSeriesRow>({
  file: 'national_series.csv',
  // The replacement wave was added last: files written before lack its two columns.
  columns: [...NATIONAL_SERIES_REQUIRED, 'mean_replacements', 'mean_integrations'],
  required: NATIONAL_SERIES_REQUIRED,
  format: (r) => [
    r.month, r.date, r.group, r.innovation, r.governments_offering, r.governments_live_share, r.governments_ever_share, r.mean_replacements, r.mean_integrations,
  ],
  parse: (c) => ({
    month: c.int('month'),
    date: c.raw('date'),
    group: c.str('group'),
    innovation: c.str('innovation'),
    governments_offering: c.int('governments_offering'),
    governments_live_share: c.num('governments_live_share'),
    governments_ever_share: c.num('governments_ever_share'),
    mean_replacements: c.optNum('mean_replacements'),
    mean_integrations: c.optNum('mean_integrations'),
  }),
});

// ------------------------------------------------------ government_shares.csv

/**
 * One (replication, government): its sustained share in that replication
 * (sustained services / services it launched; 0 when it launched none), the
 * value national_spread.csv summarises per replication and the summaries
 * average. Added after the other tables (a folder written before has no
 * such file): the spread chart counts these values, so `difusi report` can
 * draw it in any language from the folder alone.
 */
export interface GovernmentShareRow {
  readonly replication: number;
  readonly government: string;
  readonly sustained_share: number;
}

const GOVERNMENT_SHARES_COLUMN_LIST = ['replication', 'government', 'sustained_share'] as const;

export const GOVERNMENT_SHARES = table<GovernmentShareRow>({
  file: 'government_shares.csv',
  columns: GOVERNMENT_SHARES_COLUMN_LIST,
  required: GOVERNMENT_SHARES_COLUMN_LIST,
  format: (r) => [r.replication, r.government, r.sustained_share],
  parse: (c) => ({ replication: c.int('replication'), government: c.str('government'), sustained_share: c.num('sustained_share') }),
});

// -------------------------------------------------- national_replications.csv

/**
 * One (replication, national service), then the governments' own services
 * together (`(local services)`, when any government has one) and all
 * services (`(all)`): counts in that replication, so that two runs of the
 * same seed can be paired replication by replication (`difusi
 * national-compare`). `offered`: the (government, service) pairs the
 * scenario has (for a national service, the governments offered it);
 * `launched`: those launched in the replication; the four Heeks classes of
 * the launched (they add up to `launched`); `sustained`: the launched whose
 * outcome at the horizon is sustained. Summed over the replications, the
 * Heeks counts are heeksPooled's (p14.txt). Added after government_shares.csv.
 */
export interface NationalReplicationRow {
  readonly replication: number;
  readonly innovation: string;
  readonly offered: number;
  readonly launched: number;
  readonly heeks: Readonly<Record<HeeksClass, number>>;
  readonly sustained: number;
}

const NATIONAL_REPLICATIONS_COLUMN_LIST = ['replication', 'innovation', 'offered', 'launched', ...HEEKS_CLASSES.map((h) => `heeks_${h}`), 'sustained'] as const;

export const NATIONAL_REPLICATIONS = table<NationalReplicationRow>({
  file: 'national_replications.csv',
  columns: NATIONAL_REPLICATIONS_COLUMN_LIST,
  required: NATIONAL_REPLICATIONS_COLUMN_LIST,
  format: (r) => [r.replication, r.innovation, r.offered, r.launched, ...HEEKS_CLASSES.map((h) => r.heeks[h]), r.sustained],
  parse: (c) => ({
    replication: c.int('replication'),
    innovation: c.str('innovation'),
    offered: c.int('offered'),
    launched: c.int('launched'),
    heeks: Object.fromEntries(HEEKS_CLASSES.map((h) => [h, c.int(`heeks_${h}`)])) as Record<HeeksClass, number>,
    sustained: c.int('sustained'),
  }),
});

/** The column lists, as before the table definitions (kept: other modules and tests name them). */
export const GOVERNMENT_OUTCOMES_COLUMNS = GOVERNMENT_OUTCOMES.columns;
export const GOVERNMENT_SUMMARY_COLUMNS = GOVERNMENT_SUMMARY.columns;
export const GROUP_SUMMARY_COLUMNS = GROUP_SUMMARY.columns;
export const NATIONAL_SPREAD_COLUMNS = NATIONAL_SPREAD.columns;
export const GOVERNMENT_AGENTS_COLUMNS = GOVERNMENT_AGENTS.columns;
export const NATIONAL_SERIES_COLUMNS = NATIONAL_SERIES.columns;
export const GOVERNMENT_SHARES_COLUMNS = GOVERNMENT_SHARES.columns;
export const NATIONAL_REPLICATIONS_COLUMNS = NATIONAL_REPLICATIONS.columns;

/** Every national CSV, in the order they are written. */
export const NATIONAL_TABLES = [GOVERNMENT_OUTCOMES, GOVERNMENT_SUMMARY, GROUP_SUMMARY, NATIONAL_SPREAD, NATIONAL_SERIES, GOVERNMENT_AGENTS, GOVERNMENT_SHARES, NATIONAL_REPLICATIONS] as const;

/** What the manifest records of each file written: SHA-256 and, for a CSV, its data rows. */
export interface WrittenFile {
  readonly file: string;
  readonly sha256: string;
  readonly rows: number | null;
}

function writeTable<Row>(dir: string, t: Table<Row, Row>, rows: Iterable<Row>): WrittenFile {
  // Abandoned on a failed write: no descriptor left open on the file whose folder the failure removes (writeNationalFolder).
  const formatted = function* (): Generator<Cell[]> {
    for (const r of rows) yield t.format(r);
  };
  const w = writeCsvFile(path.join(dir, t.file), t.columns, formatted());
  return { file: t.file, sha256: w.sha256, rows: w.rows };
}

/**
 * Each province's name: the name of its province government, as the
 * scenario gives it (the Indonesian scenario's come from idn-area-data:
 * `Provinsi Jawa Barat`). A province without a government of its own in the
 * scenario has no name here (an empty cell), rather than one made up.
 */
function provinceNames(t: NationalTally): Map<string, string> {
  return new Map(t.model.governments.filter((g) => g.type === 'province' && g.province === g.id).map((g) => [g.id, g.name]));
}

function* governmentOutcomeRows(t: NationalTally): Generator<GovernmentOutcomeRow> {
  const R = t.replications.length;
  const names = provinceNames(t);
  const perReplication = <K extends string>(keys: readonly K[], counts: Int32Array) =>
    Object.fromEntries(keys.map((k, i) => [k, counts[i]! / R])) as Record<K, number>;
  for (const [gi, g] of t.model.governments.entries()) {
    for (const [j, inn] of g.model.innovations.entries()) {
      const p = t.pairs[gi]![j]!;
      yield {
        government: g.id,
        name: g.name,
        province: g.province,
        type: g.type,
        innovation: inn.id,
        // A national service by its place (a government's own service may share a national service's id).
        national: g.serviceOf[j]! >= 0,
        replications: R,
        share: perReplication(OUTCOMES, p.outcome),
        heeks: perReplication(HEEKS_CLASSES, p.heeks),
        mean_peak_live: p.peakLive / R,
        mean_live_end: p.liveEnd / R,
        mean_first_adoption_month: p.firstAdoptionCount > 0 ? p.firstAdoptionSum / p.firstAdoptionCount : null,
        share_launched: p.launched / R,
        mean_discontinued: perReplication(CAUSES, p.ended),
        province_name: names.get(g.province) ?? null,
      };
    }
  }
}

/** Heeks service-class shares of a set of governments (all their services, all replications; replaced included). */
function heeksShares(t: NationalTally, govs: readonly number[]): Record<HeeksClass, number> {
  const sums = new Float64Array(HEEKS_CLASSES.length);
  for (const gi of govs) for (const p of t.pairs[gi]!) p.heeks.forEach((c, h) => (sums[h] += c));
  const total = sums.reduce((a, b) => a + b, 0);
  return Object.fromEntries(HEEKS_CLASSES.map((h, i) => [h, total > 0 ? sums[i]! / total : 0])) as Record<HeeksClass, number>;
}

/**
 * The 95 % interval of a mean over replications, as summary.csv's
 * `ci_low`/`ci_high`: the Student t interval (experiment/stats/describe.ts,
 * tInterval) of the replications' values, with their sample SD. The
 * replications are independent (each draws from its own random streams),
 * and each value here is already a mean (over a group's governments, or a
 * government's services), so the t interval fits even at a handful of
 * replications, where a percentile interval would be the extreme values.
 * Centred on `mean`, the column's own mean (the same number, summed in
 * another order, as the values' mean), so that the interval printed
 * contains the mean printed; clipped to [0, 1], the range of a share
 * (clipping removes no value a share can take). Null (an empty cell) with
 * fewer than two replications: no spread can be estimated from one, as in
 * summary.csv.
 */
export function shareInterval(values: ArrayLike<number>, mean: number): { low: number | null; high: number | null } {
  if (values.length < 2) return { low: null, high: null };
  const { variance } = sampleMoments(values);
  const ci = tInterval(mean, Math.sqrt(variance), values.length);
  return { low: Math.max(0, ci.low), high: Math.min(1, ci.high) };
}

/** Each replication's sustained shares of the governments, in replication order (the same on any worker count or shard split). */
function sharesByReplication(t: NationalTally): Float64Array[] {
  return [...t.shares.keys()].sort((a, b) => a - b).map((r) => t.shares.get(r)!);
}

function* governmentSummaryRows(t: NationalTally): Generator<GovernmentSummaryRow> {
  const R = t.replications.length;
  const sums = t.sustainedShareSum;
  const byRep = sharesByReplication(t);
  const names = provinceNames(t);
  for (const [gi, g] of t.model.governments.entries()) {
    const mean = sums[gi]! / R;
    const ci = shareInterval(byRep.map((s) => s[gi]!), mean);
    yield {
      government: g.id,
      name: g.name,
      province: g.province,
      type: g.type,
      election_cycle: g.election,
      cohorts: g.cohorts.join(' '),
      agencies: g.model.opds.length,
      services: g.model.innovations.length,
      replications: R,
      mean_sustained_share: mean,
      share_sustain_most: t.sustainMost[gi]! / R,
      share_sustain_none: t.sustainNone[gi]! / R,
      heeks: heeksShares(t, [gi]),
      mean_sustained_share_low: ci.low,
      mean_sustained_share_high: ci.high,
      province_name: names.get(g.province) ?? null,
    };
  }
}

function* groupSummaryRows(t: NationalTally): Generator<GroupSummaryRow> {
  const R = t.replications.length;
  const sums = t.sustainedShareSum;
  const groups = new Map<string, { kind: string; govs: number[] }>();
  const add = (name: string, kind: string, gi: number) => {
    const e = groups.get(`${kind}:${name}`) ?? { kind, govs: [] };
    e.govs.push(gi);
    groups.set(`${kind}:${name}`, e);
  };
  t.model.governments.forEach((g, gi) => {
    add('all', 'all', gi);
    add(g.type, 'type', gi);
    add(g.province, 'province', gi);
  });
  const byRep = sharesByReplication(t);
  const names = provinceNames(t);
  for (const [key, { kind, govs }] of groups) {
    const mean = (a: ArrayLike<number>) => govs.reduce((s, gi) => s + a[gi]!, 0) / govs.length / R;
    // Per replication, the group's mean share and its shares of governments sustaining most and none
    // (as the tally counts them: a share of at least MOST_SERVICES; a share of 0, i.e. nothing sustained).
    const perRep = (f: (share: number) => number) => byRep.map((s) => govs.reduce((a, gi) => a + f(s[gi]!), 0) / govs.length);
    const sustained = mean(sums);
    const most = mean(t.sustainMost);
    const none = mean(t.sustainNone);
    const ciSustained = shareInterval(perRep((x) => x), sustained);
    const ciMost = shareInterval(perRep((x) => (x >= MOST_SERVICES ? 1 : 0)), most);
    const ciNone = shareInterval(perRep((x) => (x === 0 ? 1 : 0)), none);
    const group = key.slice(kind.length + 1);
    yield {
      group,
      kind,
      governments: govs.length,
      mean_sustained_share: sustained,
      share_sustain_most: most,
      share_sustain_none: none,
      heeks: heeksShares(t, govs),
      mean_sustained_share_low: ciSustained.low,
      mean_sustained_share_high: ciSustained.high,
      share_sustain_most_low: ciMost.low,
      share_sustain_most_high: ciMost.high,
      share_sustain_none_low: ciNone.low,
      share_sustain_none_high: ciNone.high,
      province_name: kind === 'province' ? (names.get(group) ?? null) : null,
    };
  }
}

function* governmentShareRows(t: NationalTally): Generator<GovernmentShareRow> {
  const ids = t.model.governments.map((g) => g.id);
  for (const r of [...t.shares.keys()].sort((a, b) => a - b)) {
    const shares = t.shares.get(r)!;
    for (let gi = 0; gi < ids.length; gi++) yield { replication: r, government: ids[gi]!, sustained_share: shares[gi]! };
  }
}

/**
 * Each replication's counts by service (NationalTally.counts), in
 * replication order: the national services in the scenario's order, then
 * `(local services)` and `(all)`, as heeksPooled names them; a service no
 * government has (offered 0) gets no rows, as in heeksPooled.
 */
function* replicationRows(t: NationalTally): Generator<NationalReplicationRow> {
  const S = t.model.services.length;
  const C = REPLICATION_COUNTS.length;
  const offered = new Int32Array(S + 2);
  for (const g of t.model.governments) {
    g.serviceOf.forEach((s) => {
      offered[s >= 0 ? s : S]!++;
      offered[S + 1]!++;
    });
  }
  const names = [...t.model.services, '(local services)', '(all)'];
  for (const r of [...t.counts.keys()].sort((a, b) => a - b)) {
    const counts = t.counts.get(r)!;
    for (let k = 0; k < S + 2; k++) {
      if (offered[k] === 0) continue;
      yield {
        replication: r,
        innovation: names[k]!,
        offered: offered[k]!,
        launched: counts[k * C]!,
        heeks: Object.fromEntries(HEEKS_CLASSES.map((h, hi) => [h, counts[k * C + 1 + hi]!])) as Record<HeeksClass, number>,
        sustained: counts[k * C + C - 1]!,
      };
    }
  }
}

function* seriesRows(t: NationalTally): Generator<NationalSeriesRow> {
  const R = t.replications.length;
  const S = t.model.services.length;
  const Gr = t.groups.names.length;
  const start = t.model.scenario.start;
  for (let m = 1; m <= t.model.months; m++) {
    for (let gr = 0; gr < Gr; gr++) {
      for (let s = 0; s < S; s++) {
        const offering = t.offering?.[gr * S + s] ?? 0;
        if (offering === 0) continue;
        const base = ((m - 1) * Gr + gr) * S * 2 + s * 2;
        yield {
          month: m,
          date: monthDate(start, m),
          group: t.groups.names[gr]!,
          innovation: t.model.services[s]!,
          governments_offering: offering,
          governments_live_share: t.series[base]! / R / offering,
          governments_ever_share: t.series[base + 1]! / R / offering,
          mean_replacements: t.flows[base]! / R,
          mean_integrations: t.flows[base + 1]! / R,
        };
      }
    }
  }
}

/**
 * Writes the national tables into `dir` (which exists) and returns what
 * the manifest records of each: SHA-256 and row count.
 */
export function writeNationalTables(dir: string, t: NationalTally): WrittenFile[] {
  const written = [
    writeTable(dir, GOVERNMENT_OUTCOMES, governmentOutcomeRows(t)),
    writeTable(dir, GOVERNMENT_SUMMARY, governmentSummaryRows(t)),
    writeTable(dir, GROUP_SUMMARY, groupSummaryRows(t)),
    writeTable(dir, NATIONAL_SPREAD, t.spread),
    writeTable(dir, NATIONAL_SERIES, seriesRows(t)),
  ];
  if (t.agents.length > 0) {
    written.push(
      writeTable(
        dir,
        GOVERNMENT_AGENTS,
        t.agents.flatMap((a) => a.rows.map((r): GovernmentAgentRow => ({ replication: a.replication, government: t.model.governments[a.government]!.id, ...r }))),
      ),
    );
  }
  // Written last; the manifest lists it after p14.txt (jobs/national.ts), so the files before it keep their place.
  written.push(writeTable(dir, GOVERNMENT_SHARES, governmentShareRows(t)));
  // Added after government_shares.csv, and listed after it.
  written.push(writeTable(dir, NATIONAL_REPLICATIONS, replicationRows(t)));
  return written;
}

/** The manifest's record of the files written: `files`, `checksums` and `rows`, as a city folder's manifest has them. */
export function manifestFiles(written: readonly WrittenFile[]): { files: string[]; checksums: Record<string, string>; rows: Record<string, number> } {
  return {
    files: [...written.map((w) => w.file), 'manifest.json'],
    checksums: Object.fromEntries(written.map((w) => [w.file, w.sha256])),
    rows: Object.fromEntries(written.filter((w) => w.rows !== null).map((w) => [w.file, w.rows!])),
  };
}

/** The national tables of a folder, read back. */
export interface NationalFolderTables {
  readonly manifest: Record<string, unknown>;
  readonly governmentOutcomes: GovernmentOutcomeRow[];
  readonly governmentSummary: GovernmentSummaryRow[];
  readonly groupSummary: GroupSummaryRow[];
  readonly spread: SpreadRow[];
  readonly series: NationalSeriesRow[];
  /** Empty when the run wrote no agents (no `--detail`). */
  readonly agents: GovernmentAgentRow[];
  /** Each replication's share of each government; null in a folder written before government_shares.csv existed. */
  readonly shares: GovernmentShareRow[] | null;
  /** Each replication's counts by service; null in a folder written before national_replications.csv existed. */
  readonly replications: NationalReplicationRow[] | null;
}

/** A read the operating system refused for a file that is there (not ENOENT: a missing file is damage), or a pipe or a device refused by name. */
function isUnreadable(error: unknown): boolean {
  if (error instanceof UserError) return isNotRegularFileRefusal(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code !== 'ENOENT';
}

/**
 * Reads a national result folder: each file against its checksum in the
 * manifest (a truncated copy or an edited file is a one-line user error
 * naming it, as for a city folder), then the tables by their definitions,
 * and the row counts against the manifest's.
 */
export async function readNationalFolder(dir: string): Promise<NationalFolderTables> {
  const manifestPath = path.join(dir, 'manifest.json');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readRegularText(manifestPath)) as Record<string, unknown>;
  } catch (error) {
    // A manifest.json that is there but cannot be read (no permission, an input/output error) is said as what it
    // is, by name (cli/errors.ts systemError), as each table is: taken for a damaged folder, it was run again by
    // national-compare, whose replacing it then said the folder "holds files difusi did not write".
    if (isUnreadable(error)) throw error;
    throw UserError.of('result_damaged', [dir, 'manifest.json', 'is missing or not valid JSON'], { file: manifestPath });
  }
  if (manifest['kind'] !== 'national') throw UserError.of('result_damaged', [dir, 'manifest.json', 'is not the manifest of a national run'], { file: manifestPath });
  await checkResultFolder(dir, manifest);
  const rows = (manifest['rows'] ?? {}) as Record<string, unknown>;
  const read = <Row>(t: Table<Row, Row>, optional = false): Row[] => {
    const file = path.join(dir, t.file);
    if (optional && !fs.existsSync(file)) return [];
    const parsed = parseCsv(readRegularText(file), dir, t.file, t.required).records.map(t.parse);
    const expected = rows[t.file];
    if (typeof expected === 'number' && parsed.length !== expected) {
      throw UserError.of('result_damaged', [dir, t.file, `has ${parsed.length} rows, the manifest says ${expected}`], { file });
    }
    return parsed;
  };
  return {
    manifest,
    governmentOutcomes: read(GOVERNMENT_OUTCOMES),
    governmentSummary: read(GOVERNMENT_SUMMARY),
    groupSummary: read(GROUP_SUMMARY),
    spread: read(NATIONAL_SPREAD),
    series: read(NATIONAL_SERIES),
    agents: read(GOVERNMENT_AGENTS, true),
    shares: fs.existsSync(path.join(dir, GOVERNMENT_SHARES.file)) ? read(GOVERNMENT_SHARES) : null,
    replications: fs.existsSync(path.join(dir, NATIONAL_REPLICATIONS.file)) ? read(NATIONAL_REPLICATIONS) : null,
  };
}

/** SHA-256 of a text file written whole (p14.txt), for the manifest. */
export function textSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Puts finished folder `partial` at `final`. An older `final` is first
 * checked to hold only files difusi wrote (anything else stops the job,
 * nothing deleted), then moved aside and removed only once the new folder
 * is in place: a kill leaves the old folder or the new one, both complete.
 */
function swapIn(partial: string, final: string): void {
  checkReplaceable(final);
  if (!fs.existsSync(final)) {
    fs.renameSync(partial, final);
    return;
  }
  const old = path.join(path.dirname(final), `.${path.basename(final)}.old-${process.pid}`);
  fs.rmSync(old, { recursive: true, force: true });
  fs.renameSync(final, old);
  fs.renameSync(partial, final);
  fs.rmSync(old, { recursive: true, force: true });
}

/** The hidden folder a national folder is written into, made empty (what an earlier job left of it removed). */
function startNationalFolder(final: string): string {
  const partial = path.join(path.dirname(final), `.${path.basename(final)}.partial`);
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  return partial;
}

/**
 * Removes the work folder of a national write that failed (a full disk, a refusal in swapIn), then the error
 * goes on: as a city run's writing folder (store/run-folder.ts writeRunFolder). A national run has no --resume,
 * so nothing in it would be continued; kept, it would only hold files cut short (docs/RELIABILITY.md, "Leftovers").
 */
function abandonNationalFolder(partial: string, error: unknown): never {
  fs.rmSync(partial, { recursive: true, force: true });
  throw error;
}

/** Writes a finished national folder: tables into a hidden partial folder, then renamed (nothing half-written). */
export function writeNationalFolder(final: string, write: (dir: string) => void): void {
  const partial = startNationalFolder(final);
  try {
    write(partial);
    swapIn(partial, final);
  } catch (error) {
    abandonNationalFolder(partial, error);
  }
}

/** writeNationalFolder with a writer that awaits (the report reads the tables back before the folder is renamed into place). */
export async function writeNationalFolderAsync(final: string, write: (dir: string) => Promise<void>): Promise<void> {
  const partial = startNationalFolder(final);
  try {
    await write(partial);
    swapIn(partial, final);
  } catch (error) {
    abandonNationalFolder(partial, error);
  }
}

/*
 * The files written whole (part.json, manifest.json, p14.txt, the charts) go through the store's durable writer
 * (durable.ts writeFileDurably), as a city folder's manifest does: every byte written and fsynced, and a refused
 * write (a full disk, a read-only folder) is one line naming the file. With fs.writeFileSync it was "The file
 * system refused: …" without a name (docs/RELIABILITY.md, "A write is complete or an error").
 */

/** Writes `value` as indented JSON to `<dir>/<file>` (part.json, manifest.json). */
export function writeJson(dir: string, file: string, value: unknown): void {
  writeFileDurably(path.join(dir, file), JSON.stringify(value, null, 2) + '\n');
}

/** Writes one chart into `<dir>/<folder>/`: `charts/`, or `charts.<lang>/` for a report in another language. */
export function writeChart(dir: string, file: string, svg: string, folder = 'charts'): void {
  const charts = path.join(dir, folder);
  try {
    fs.mkdirSync(charts, { recursive: true });
  } catch (error) {
    throw writeError(error, charts);
  }
  writeFileDurably(path.join(charts, file), svg);
}

/** Writes a text file whole (p14.txt). */
export function writeText(dir: string, file: string, text: string): void {
  writeFileDurably(path.join(dir, file), text);
}
