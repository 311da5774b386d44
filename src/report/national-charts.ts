/**
 * The national charts (docs/NATIONAL.md, "Outputs") drawn from a national
 * result folder's files alone: the tables read back by
 * store/national-tables.ts and the manifest. `difusi national` draws its
 * charts this way from the folder it has just written, and `difusi report
 * <folder> --lang <l>` the same way, so a report written later in another
 * language has charts in that language, the same bytes the run would have
 * drawn.
 *
 *   government_summary.csv  -> provinces chart (each government at its mean)
 *   government_shares.csv   -> spread chart (each government in each replication)
 *   national_series.csv     -> replacement wave (group all), cohort charts (programme groups)
 *   manifest.json           -> replications, services, names, cohorts (join months), bans on standalone apps
 *
 * A folder written before government_shares.csv, the cohorts' `from` and
 * `ban_starts` existed cannot be drawn from (nationalChartData gives null):
 * its report shows the chart files the run drew.
 */
import type { NationalFolderTables } from '../store/national-tables.js';
import { LANGS, nationalCatalog, type Lang } from './i18n/index.js';
import { chartLabels, manifestNames, nameOf, type NationalNames } from './national-names.js';
import { renderSvg } from './render.js';
import { nationalSpreadSpec, type GovernmentShare } from './specs/national-spread.js';
import { nationalProvincesSpec } from './specs/national-provinces.js';
import { nationalCohortsSpec, type CohortSeriesRow } from './specs/national-cohorts.js';
import { nationalReplacementsSpec, type MandateStart, type WaveRow } from './specs/national-replacements.js';
import { isObj } from './json-values.js';

/** What the charts are drawn from. */
export interface NationalChartData {
  readonly replications: number;
  readonly shares: readonly GovernmentShare[];
  /** Province id -> the name of its province government. */
  readonly provinceNames: ReadonlyMap<string, string>;
  readonly waves: readonly WaveRow[];
  readonly mandates: readonly MandateStart[];
  readonly cohorts: readonly { programme: string; rows: CohortSeriesRow[]; starts: { id: string; date: string }[] }[];
  readonly services: readonly string[];
  /** The names in each language (Bahasa Indonesia: `name_id` where given, else `name`). */
  readonly names: Readonly<Record<Lang, NationalNames>>;
}

const isStr = (v: unknown): v is string => typeof v === 'string';
// A programme's id becomes part of a chart's file name: only a scenario id (letters, digits, _ . -, no separator)
// may, so an edited manifest.json cannot make `report` write outside the folder.
const isId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v);

/** The charts' data from a folder's tables; null when the folder lacks any of it (written before it was recorded). */
export function nationalChartData(tables: NationalFolderTables): NationalChartData | null {
  const { manifest, governmentSummary, series, shares } = tables;
  const replications = manifest['replications'];
  const services = manifest['services'];
  const cohorts = manifest['cohorts'];
  const bans = manifest['ban_starts'];
  if (shares === null || typeof replications !== 'number' || !Array.isArray(services) || !services.every(isStr)) return null;
  if (!Array.isArray(cohorts) || !cohorts.every((c) => isObj(c) && isId(c['id']) && isId(c['programme']) && isStr(c['from']))) return null;
  if (!Array.isArray(bans) || !bans.every((b) => isObj(b) && isId(b['id']) && isStr(b['name']) && isStr(b['date']))) return null;
  if (series.some((r) => r.mean_replacements === null || r.mean_integrations === null)) return null;

  const byGovernment = new Map<string, number[]>();
  for (const s of shares) {
    const list = byGovernment.get(s.government) ?? [];
    list.push(s.sustained_share);
    byGovernment.set(s.government, list);
  }
  const governmentShares: GovernmentShare[] = governmentSummary.map((g) => ({
    government: g.government,
    province: g.province,
    type: g.type,
    sustainedShare: g.mean_sustained_share,
    // The spread chart counts governments per replication, as the headline does.
    replicationShares: byGovernment.get(g.government) ?? [],
  }));
  const provinceNames = new Map(governmentSummary.filter((g) => g.type === 'province').map((g) => [g.government, g.name]));
  const waves: WaveRow[] = series
    .filter((r) => r.group === 'all')
    .map((r) => ({ date: r.date, innovation: r.innovation, replacements: r.mean_replacements!, integrations: r.mean_integrations! }));
  const cohortList = cohorts as { id: string; programme: string; from: string }[];
  const charts = [...new Set(cohortList.map((c) => c.programme))].map((programme) => ({
    programme,
    rows: series
      .filter((r) => r.group.startsWith(`programme:${programme}:`))
      .map((r): CohortSeriesRow => ({ date: r.date, group: r.group, innovation: r.innovation, everShare: r.governments_ever_share })),
    starts: cohortList.filter((c) => c.programme === programme).map((c) => ({ id: c.id, date: c.from })),
  }));
  return {
    replications,
    shares: governmentShares,
    provinceNames,
    waves,
    mandates: (bans as MandateStart[]).map((b) => ({ id: b.id, name: b.name, date: b.date })),
    cohorts: charts,
    services: services as string[],
    names: { en: manifestNames(manifest, 'en'), id: manifestNames(manifest, 'id') },
  };
}

/** The national charts in `lang` as [file name, SVG], in the order the run writes them. */
export async function drawNationalCharts(data: NationalChartData, lang: Lang): Promise<[string, string][]> {
  const R = data.replications;
  // The replacement chart's bucket of the other services is a label no service may take, in any language:
  // a service is labelled alike in every language's charts.
  const names = data.names[lang];
  const serviceLabels = chartLabels(data.services, names.services, LANGS.map((l) => nationalCatalog(l).chart.otherServices));
  // A ban's label is its mandate's name in the chart's language (ban_starts records the English one).
  const mandates = data.mandates.map((m) => ({ ...m, name: Object.hasOwn(names.regulations, m.id) ? names.regulations[m.id]! : m.name }));
  const out: [string, string][] = [
    ['national-spread.svg', await renderSvg(nationalSpreadSpec(data.shares, R, lang))],
    ['national-provinces.svg', await renderSvg(nationalProvincesSpec(data.shares, data.provinceNames, R, lang))],
    ['national-replacements.svg', await renderSvg(nationalReplacementsSpec(data.waves, mandates, R, lang, serviceLabels))],
  ];
  for (const c of data.cohorts) {
    out.push([
      `national-cohorts-${c.programme}.svg`,
      await renderSvg(nationalCohortsSpec(c.rows, c.programme, c.starts, R, lang, { programme: nameOf(names.programmes, c.programme), services: serviceLabels })),
    ]);
  }
  return out;
}
