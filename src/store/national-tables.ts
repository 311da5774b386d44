/**
 * The tables of a national run folder (docs/NATIONAL.md, "Outputs"), one
 * definition per CSV: its columns and how a row is made from the tally.
 * Columns are an interface: extend, never rename or reorder.
 *
 *   government_outcomes.csv  one row per (government, service)
 *   government_summary.csv   one row per government
 *   group_summary.csv        one row per province and per government type
 *   national_spread.csv      one row per replication: the spread between governments
 *   national_series.csv      one row per (month, group, national service)
 */
import fs from 'node:fs';
import path from 'node:path';
import { monthDate } from '../scenario/calendar.js';
import { OUTCOMES } from '../model/observation.js';
import { CAUSES } from '../model/world.js';
import { HEEKS_CLASSES, type NationalTally } from '../experiment/national-tally.js';
import { CsvWriter, type Cell } from './csv.js';

export const GOVERNMENT_OUTCOMES_COLUMNS = [
  'government', 'name', 'province', 'type', 'innovation', 'national', 'replications',
  ...OUTCOMES.map((o) => `share_${o}`),
  ...HEEKS_CLASSES.map((h) => `heeks_${h}`),
  'mean_peak_live', 'mean_live_end', 'mean_first_adoption_month', 'share_launched',
  ...CAUSES.map((c) => `mean_discontinued_${c}`),
] as const;

export const GOVERNMENT_SUMMARY_COLUMNS = [
  'government', 'name', 'province', 'type', 'election_cycle', 'cohorts', 'agencies', 'services', 'replications',
  'mean_sustained_share', 'share_sustain_most', 'share_sustain_none',
  ...HEEKS_CLASSES.map((h) => `heeks_${h}`),
] as const;

export const GROUP_SUMMARY_COLUMNS = [
  'group', 'kind', 'governments', 'mean_sustained_share', 'share_sustain_most', 'share_sustain_none',
  ...HEEKS_CLASSES.map((h) => `heeks_${h}`),
] as const;

export const NATIONAL_SPREAD_COLUMNS = ['replication', 'governments', 'sustain_most', 'sustain_none', 'mean_sustained_share', 'sd_sustained_share'] as const;

export const GOVERNMENT_AGENTS_COLUMNS = ['replication', 'government', 'opd', 'type', 'theta', 'category', 'capacity', 'champion', 'first_adoption_month', 'realized_category'] as const;

export const NATIONAL_SERIES_COLUMNS = ['month', 'date', 'group', 'innovation', 'governments_offering', 'governments_live_share', 'governments_ever_share'] as const;

function writeTable(dir: string, file: string, columns: readonly string[], rows: Iterable<Cell[]>): void {
  const w = new CsvWriter(path.join(dir, file), columns);
  for (const r of rows) w.write(r);
  w.close();
}

function* governmentOutcomeRows(t: NationalTally): Generator<Cell[]> {
  const R = t.replications.length;
  for (const [gi, g] of t.model.governments.entries()) {
    for (const [j, inn] of g.model.innovations.entries()) {
      const p = t.pairs[gi]![j]!;
      yield [
        g.id, g.name, g.province, g.type, inn.id, t.model.services.includes(inn.id) ? 1 : 0, R,
        ...Array.from(p.outcome, (c) => c / R),
        ...Array.from(p.heeks, (c) => c / R),
        p.peakLive / R, p.liveEnd / R,
        p.firstAdoptionCount > 0 ? p.firstAdoptionSum / p.firstAdoptionCount : null,
        p.launched / R,
        ...Array.from(p.ended, (c) => c / R),
      ];
    }
  }
}

/** Heeks service-class shares of a set of governments (all their services, all replications; replaced included). */
function heeksShares(t: NationalTally, govs: readonly number[]): number[] {
  const sums = new Float64Array(HEEKS_CLASSES.length);
  for (const gi of govs) for (const p of t.pairs[gi]!) p.heeks.forEach((c, h) => (sums[h] += c));
  const total = sums.reduce((a, b) => a + b, 0);
  return Array.from(sums, (c) => (total > 0 ? c / total : 0));
}

function* governmentSummaryRows(t: NationalTally): Generator<Cell[]> {
  const R = t.replications.length;
  const sums = t.sustainedShareSum;
  for (const [gi, g] of t.model.governments.entries()) {
    yield [
      g.id, g.name, g.province, g.type, g.election, g.cohorts.join(' '), g.model.opds.length, g.model.innovations.length, R,
      sums[gi]! / R, t.sustainMost[gi]! / R, t.sustainNone[gi]! / R,
      ...heeksShares(t, [gi]),
    ];
  }
}

function* groupSummaryRows(t: NationalTally): Generator<Cell[]> {
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
  for (const [key, { kind, govs }] of groups) {
    const mean = (a: ArrayLike<number>) => govs.reduce((s, gi) => s + a[gi]!, 0) / govs.length / R;
    yield [key.slice(kind.length + 1), kind, govs.length, mean(sums), mean(t.sustainMost), mean(t.sustainNone), ...heeksShares(t, govs)];
  }
}

function* seriesRows(t: NationalTally): Generator<Cell[]> {
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
        yield [m, monthDate(start, m), t.groups.names[gr]!, t.model.services[s]!, offering, t.series[base]! / R / offering, t.series[base + 1]! / R / offering];
      }
    }
  }
}

/** Writes the national tables into `dir` (which exists). */
export function writeNationalTables(dir: string, t: NationalTally): void {
  writeTable(dir, 'government_outcomes.csv', GOVERNMENT_OUTCOMES_COLUMNS, governmentOutcomeRows(t));
  writeTable(dir, 'government_summary.csv', GOVERNMENT_SUMMARY_COLUMNS, governmentSummaryRows(t));
  writeTable(dir, 'group_summary.csv', GROUP_SUMMARY_COLUMNS, groupSummaryRows(t));
  writeTable(
    dir,
    'national_spread.csv',
    NATIONAL_SPREAD_COLUMNS,
    t.spread.map((r) => [r.replication, r.governments, r.sustain_most, r.sustain_none, r.mean_sustained_share, r.sd_sustained_share]),
  );
  writeTable(dir, 'national_series.csv', NATIONAL_SERIES_COLUMNS, seriesRows(t));
  if (t.agents.length > 0) {
    writeTable(
      dir,
      'government_agents.csv',
      GOVERNMENT_AGENTS_COLUMNS,
      t.agents.flatMap((a) =>
        a.rows.map((r): Cell[] => [a.replication, t.model.governments[a.government]!.id, r.opd, r.type, r.theta, r.category, r.capacity, r.champion, r.first_adoption_month, r.realized_category]),
      ),
    );
  }
}

/** Writes a finished national folder: tables into a hidden partial folder, then renamed (nothing half-written). */
export function writeNationalFolder(final: string, write: (dir: string) => void): void {
  const partial = path.join(path.dirname(final), `.${path.basename(final)}.partial`);
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  write(partial);
  fs.rmSync(final, { recursive: true, force: true });
  fs.renameSync(partial, final);
}

export function writeJson(dir: string, file: string, value: unknown): void {
  fs.writeFileSync(path.join(dir, file), JSON.stringify(value, null, 2) + '\n');
}

/** Writes one chart into `<dir>/charts/`. */
export function writeChart(dir: string, file: string, svg: string): void {
  fs.mkdirSync(path.join(dir, 'charts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'charts', file), svg);
}

export function writeText(dir: string, file: string, text: string): void {
  fs.writeFileSync(path.join(dir, file), text);
}
