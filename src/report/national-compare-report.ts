/**
 * The report of a national comparison (`difusi national-compare`,
 * docs/NATIONAL-COMPARE.md, "The report"): what was compared (the file, the
 * changes, seed, replications, level, common random numbers), a headline of
 * the largest differences whose interval excludes 0 in plain words, every
 * outcome of national_compare.csv in four tables (national totals, Heeks
 * classes, per national service, groups; an outcome this version does not
 * know in a fifth, by its name), the per-service forest chart, and
 * the caveats of reading many paired intervals. Built only from the
 * comparison folder's files and the base arm's manifest.json and
 * government_summary.csv (the scenario's names of services, provinces and
 * programmes, its description and parameters), so `difusi national-compare`
 * and `difusi report` on its folder write the same report.
 *
 *   manifest.json + national_compare.csv + base arm's names --nationalCompareReportModel--> ReportModel
 *        --renderHtml (html.ts)--> report.html     --renderMarkdown (markdown.ts)--> report.md
 *
 * As the national report (national-report.ts): the city report's model and
 * renderers, which escape every cell and sentence (the scenario's names and
 * the --set values reach the page only through them); numbers are formatted
 * here, in percentage points as the city comparison's table prints a
 * difference of shares (format.ts printedDifferences: one number of
 * decimals for the table, the mark read off the printed interval).
 */
import type { NationalCompareRow } from '../experiment/national-compare.js';
import { nil } from '../experiment/stats/residue.js';
import type { GovernmentSummaryRow } from '../store/national-tables.js';
import { catalog, localNumber, nationalCatalog, whatIfText, type Catalog, type Lang } from './i18n/index.js';
import { nationalCompareEn, type ChanceCount, type CompareSubject, type NationalCompareCatalog } from './i18n/national-compare-en.js';
import { nationalCompareId } from './i18n/national-compare-id.js';
import type { GovernmentType } from './i18n/national-en.js';
import { chartLabels, manifestNames, nameOf } from './national-names.js';
import { RANK_MIN_REPLICATIONS } from './national-report.js';
import { plain, printedDifferences, type PrintedDifference } from './format.js';
import { fmt, parameterGroups, type ReportModel, type Table } from './report-model.js';
import { SERVICE_MEASURES, type ServiceDifference, type ServiceMeasure } from './specs/national-compare-forest.js';
import { type Obj, isObj, str } from './json-values.js';

const CATALOGS: Readonly<Record<Lang, NationalCompareCatalog>> = { en: nationalCompareEn, id: nationalCompareId };

/** The national comparison report's catalog (national-compare-en.ts, national-compare-id.ts). */
export function nationalCompareCatalog(lang: Lang = 'en'): NationalCompareCatalog {
  return CATALOGS[lang];
}

/** The forest chart's file name (without `.svg`), under charts/ (charts.id/ in Indonesian). */
export const NATIONAL_COMPARE_CHART = 'national-compare';

/** How many differences the headline names (the largest whose interval excludes 0). */
export const HEADLINE_EFFECTS = 5;

/** What the base arm's folder gives the report: the scenario's names, description and parameters. */
export interface BaseArmInfo {
  readonly manifest: Record<string, unknown>;
  readonly governmentSummary: readonly GovernmentSummaryRow[];
  /** The run's last month (`2025-12`, national_series.csv's last date), for "at the end of the run (2025)"; absent or null when not read. */
  readonly end?: string | null;
}

export interface NationalCompareReportInput {
  /** The comparison's manifest.json. */
  readonly manifest: Record<string, unknown>;
  /** national_compare.csv's rows (NaN for an empty cell). */
  readonly rows: readonly NationalCompareRow[];
  /** The base arm's folder, null when it could not be read (ids are shown then). */
  readonly base: BaseArmInfo | null;
  /** Names of the chart files shown (without `.svg`). */
  readonly charts: readonly string[];
}

const TYPES: readonly GovernmentType[] = ['province', 'regency', 'city'];
const HEEKS = ['success', 'partial', 'total_failure', 'replaced'] as const;

/** Where an outcome of national_compare.csv goes: its table, and what it says in words. */
type Place =
  | { readonly table: 'totals'; readonly subject: CompareSubject }
  | { readonly table: 'heeks'; readonly subject: CompareSubject & { kind: 'heeks' } }
  | { readonly table: 'services'; readonly service: string; readonly measure: ServiceMeasure }
  | { readonly table: 'groups'; readonly kind: 'type' | 'province' | 'cohort'; readonly id: string }
  | { readonly table: 'other' };

/** The outcome names of docs/NATIONAL-COMPARE.md, "national_compare.csv" ('other': a name this version does not know). */
export function outcomePlace(outcome: string): Place {
  if (outcome === 'mean_sustained_share') return { table: 'totals', subject: { kind: 'mean' } };
  if (outcome === 'share_sustain_most') return { table: 'totals', subject: { kind: 'most' } };
  if (outcome === 'share_sustain_none') return { table: 'totals', subject: { kind: 'none' } };
  const heeks = HEEKS.find((h) => outcome === `heeks_${h}`);
  if (heeks !== undefined) return { table: 'heeks', subject: { kind: 'heeks', heeks } };
  const service = /^(launched_share|sustained_share|heeks_success)\.(.+)$/.exec(outcome);
  if (service !== null) {
    const measure: ServiceMeasure = service[1] === 'launched_share' ? 'launched' : service[1] === 'sustained_share' ? 'sustained' : 'success';
    return { table: 'services', service: service[2]!, measure };
  }
  const group = /^mean_sustained_share\.(type|province|cohort):(.+)$/.exec(outcome);
  if (group !== null) return { table: 'groups', kind: group[1] as 'type' | 'province' | 'cohort', id: group[2]! };
  return { table: 'other' };
}

/** docs/NATIONAL.md's section (its anchor) that describes the fields under each top-level field of a national file. */
const NATIONAL_DOC_SECTION: Readonly<Record<string, string>> = {
  national_regulations: 'docs/NATIONAL.md#national-actors',
  programmes: 'docs/NATIONAL.md#national-actors',
  vendors: 'docs/NATIONAL.md#national-actors',
  platforms: 'docs/NATIONAL.md#national-actors',
  elections: 'docs/NATIONAL.md#election-calendars',
  national_parameters: 'docs/NATIONAL.md#diffusion-between-governments',
  government_network: 'docs/NATIONAL.md#diffusion-between-governments',
};

/**
 * A --set path's field (its last segment, selectors dropped), the top-level field it is under ('' for a
 * top-level field itself) and docs/NATIONAL.md's section for it ("The file" for any other).
 */
export function changedField(path: string): readonly [field: string, list: string, section: string] {
  const segments = path.replace(/\[[^\]]*\]/g, '').split('.').filter((x) => x !== '');
  const top = segments[0] ?? path;
  const field = segments[segments.length - 1] ?? path;
  return [field, segments.length > 1 ? top : '', NATIONAL_DOC_SECTION[top] ?? 'docs/NATIONAL.md#the-file'];
}

/**
 * An interval of zero width: every replication gave the same paired difference. Read off the values as
 * national_compare.csv writes them (12 significant digits), so that two ends equal but for the last digit
 * count as equal and the difference is not printed with the four decimals such a width would call for.
 */
export function zeroWidth(r: NationalCompareRow): boolean {
  return Number.isFinite(r.diff_ci_low) && Number.isFinite(r.diff_ci_high) && Math.abs(r.diff_ci_high - r.diff_ci_low) < 1e-9;
}

/** The rows (differences known) as format.ts printedDifferences takes them: every outcome a share (in percentage points); a zero-width interval at the mean. */
function printable(rows: readonly NationalCompareRow[]) {
  // A zero-width interval at a residue (nil) is the exact 0 it stands for: not an interval that excludes 0.
  const at = (r: NationalCompareRow) => (nil(r.diff_mean) ? 0 : r.diff_mean);
  return printedDifferences(
    rows.map((r) => ({
      // An outcome name ending in _share is printed in percentage points (format.ts isProbability).
      outcome: 'difference_share',
      base_mean: Number.isFinite(r.base_mean) ? r.base_mean : 0,
      variant_mean: Number.isFinite(r.variant_mean) ? r.variant_mean : 0,
      diff_mean: zeroWidth(r) ? at(r) : r.diff_mean,
      diff_ci_low: zeroWidth(r) ? at(r) : Number.isFinite(r.diff_ci_low) ? r.diff_ci_low : null,
      diff_ci_high: zeroWidth(r) ? at(r) : Number.isFinite(r.diff_ci_high) ? r.diff_ci_high : null,
    })),
  );
}

/** The report's content, in `lang`. */
export function nationalCompareReportModel(input: NationalCompareReportInput, lang: Lang = 'en'): ReportModel {
  const w = nationalCompareCatalog(lang);
  const n = nationalCatalog(lang);
  const city = catalog(lang);
  const { manifest, base } = input;
  // An outcome this version does not know (a folder written by another version) has no words for the headline
  // and no place in the four tables: it is shown by its name in a table of its own, and left out of the counts.
  const rows = input.rows.filter((r) => outcomePlace(r.outcome).table !== 'other');
  const unknown = input.rows.filter((r) => outcomePlace(r.outcome).table === 'other');
  const t: Catalog = {
    ...city,
    glossary: w.howToRead,
    glossaryNote: w.howToReadNote,
    summary: w.headline,
    parametersNote: base === null ? w.namesMissing(str(isObj(manifest['base']) ? manifest['base']['folder'] : '')) : w.parametersNote,
    parametersNoteMd: base === null ? w.namesMissing(str(isObj(manifest['base']) ? manifest['base']['folder'] : '')) : w.parametersNoteMd,
  };
  const local = (text: string) => localNumber(t, text);
  const baseArm = isObj(manifest['base']) ? manifest['base'] : {};
  const variantArm = isObj(manifest['variant']) ? manifest['variant'] : {};
  const name = str(baseArm['name']) || str(isObj(base?.manifest['scenario']) ? (base!.manifest['scenario'] as Obj)['name'] : '') || 'national';
  const file = str(manifest['file']) || '–';
  const R = typeof manifest['replications'] === 'number' ? manifest['replications'] : (rows[0]?.replications ?? 0);
  const levelValue = typeof manifest['level'] === 'number' ? manifest['level'] : (rows[0]?.level ?? 0.95);
  const level = local(`${fmt(100 * levelValue, 2)} %`);
  const seed = typeof manifest['seed'] === 'number' ? String(manifest['seed']) : '–';
  // When the outcomes are read: "at the end of the run (2025)" (the year of the base arm's last month).
  const endYear = typeof base?.end === 'string' && /^\d{4}-\d{2}$/.test(base.end) ? base.end.slice(0, 4) : null;
  const end = w.atEnd(endYear);

  // ------------------------------------------------------------------ names
  const names = base !== null ? manifestNames(base.manifest, lang) : manifestNames({}, lang);
  const serviceIds = [
    ...new Set([
      ...(base !== null && Array.isArray(base.manifest['services']) ? base.manifest['services'].filter((s): s is string => typeof s === 'string') : []),
      ...rows.map((r) => outcomePlace(r.outcome)).flatMap((p) => (p.table === 'services' ? [p.service] : [])),
    ]),
  ];
  // A service by its name (with its id where two share one, national-names.ts chartLabels).
  const serviceLabels = chartLabels(serviceIds, names.services);
  const serviceName = (id: string) => serviceLabels.get(id) ?? id;
  const summaryRows = base?.governmentSummary ?? [];
  const provinceNames = new Map(summaryRows.filter((g) => g.type === 'province').map((g) => [g.province, g.name]));
  for (const g of summaryRows) if (!provinceNames.has(g.province) && g.province_name !== null && g.province_name !== '') provinceNames.set(g.province, g.province_name);
  const cohortProgramme = new Map(
    (base !== null && Array.isArray(base.manifest['cohorts']) ? base.manifest['cohorts'] : [])
      .filter(isObj)
      .flatMap((x) => (str(x['id']) !== '' && str(x['programme']) !== '' ? [[str(x['id']), str(x['programme'])] as const] : [])),
  );
  const typeName = (type: string) => ((TYPES as readonly string[]).includes(type) ? n.typeMany[type as GovernmentType] : type);
  const programmeOf = (cohort: string) => nameOf(names.programmes, cohortProgramme.get(cohort) ?? cohort);

  // ---------------------------------------------------------------- numbers
  const finite = rows.filter((r) => Number.isFinite(r.diff_mean));
  // Every outcome is a share: printed in percentage points (an outcome name ending in _share, format.ts isProbability).
  // One number of decimals per table (as the city comparison's table shares them among its rows), so that one
  // narrow interval among 81 rows does not put every table at two decimals.
  const printed = new Map<NationalCompareRow, PrintedDifference>();
  const tableOf = (r: NationalCompareRow) => outcomePlace(r.outcome).table;
  for (const table of new Set(finite.map(tableOf))) {
    const of = finite.filter((r) => tableOf(r) === table);
    const shown = printable(of);
    of.forEach((r, i) => printed.set(r, shown[i]!));
  }
  /** A share as a percentage with the row's decimals ("37.2 %", "37,2%"). */
  const percent = (x: number, digits: number) => (Number.isFinite(x) ? local(`${plain(100 * x, digits)} %`) : w.noValue);
  const pp = ` ${t.ppUnit}`;
  const cells = (r: NationalCompareRow): string[] => {
    const p = printed.get(r);
    if (p === undefined) return [percent(r.base_mean, 1), percent(r.variant_mean, 1), w.noValue, w.noValue];
    // Written as the headline writes an interval ("−0.1 to +0.9 pp", "−0,1 hingga +0,9 pp"), in both languages.
    const interval = p.effect.low === null ? w.noIntervalCell : zeroWidth(r) ? w.sameEveryCell : local(`${w.intervalCell(p.lowText, p.highText)}${pp}`);
    return [percent(r.base_mean, p.digits), percent(r.variant_mean, p.digits), local(`${p.meanText}${pp}${p.effect.marked ? ' *' : ''}`), interval];
  };

  /** An outcome as its table row names it (a service's row: the service and the measure). */
  const outcomeLabel = (place: Place, r: NationalCompareRow): string => {
    if (place.table === 'totals') return place.subject.kind === 'mean' ? w.outcomes.mean : place.subject.kind === 'most' ? w.outcomes.most : w.outcomes.none;
    if (place.table === 'heeks') return w.outcomes.heeks[place.subject.heeks];
    if (place.table === 'groups') {
      if (place.kind === 'type') return w.outcomes.type(typeName(place.id));
      if (place.kind === 'province') return w.outcomes.province(provinceNames.get(place.id) ?? place.id);
      return w.outcomes.cohort(place.id, programmeOf(place.id));
    }
    if (place.table === 'services') return `${serviceName(place.service)}: ${w.outcomes[place.measure]}`;
    return r.outcome;
  };
  /** An outcome in words, for the headline. */
  const subjectOf = (r: NationalCompareRow): CompareSubject => {
    const place = outcomePlace(r.outcome);
    if (place.table === 'totals' || place.table === 'heeks') return place.subject;
    if (place.table === 'services') return { kind: place.measure, service: serviceName(place.service) };
    if (place.table === 'groups') {
      const group = place.kind === 'type' ? w.groupSubject.type(typeName(place.id)) : place.kind === 'province' ? w.groupSubject.province(provinceNames.get(place.id) ?? place.id) : w.groupSubject.cohort(place.id, programmeOf(place.id));
      return { kind: 'group', group };
    }
    return { kind: 'group', group: r.outcome };
  };
  // A sentence gives a difference with the decimals its own interval calls for (format.ts effect: one for
  // percentage points, more only for a narrow interval or an end that would round to 0), not its table's.
  const sentence = (r: NationalCompareRow) => {
    const e = printed.get(r)!.effect;
    return w.outcomeSentence(subjectOf(r), percent(r.variant_mean, e.digits), percent(r.base_mean, e.digits), end);
  };
  const amount = (r: NationalCompareRow) => local(plain(Math.abs(100 * r.diff_mean), printed.get(r)!.effect.digits));

  // ---------------------------------------------------------------- headline
  const changes = isObj(variantArm['overrides']) ? Object.entries(variantArm['overrides']) : [];
  // Each change as "path = value", as the headline's clause words it.
  const changeTexts = changes.map(([k, v]) => whatIfText({ [k]: v }, t) ?? k);
  const changeText = whatIfText(variantArm['overrides'], t) ?? '–';
  const summary: string[] = [w.sumCompared(name, file, n.whatIfChanges(changeText))];
  // The elements a change selects by id (national_regulations[id=pp-24-2018-oss]), by their names in the scenario.
  const kinds = [names.regulations, names.services, names.programmes, names.vendors, names.elections];
  const selected = [...new Set(changes.flatMap(([path]) => [...path.matchAll(/\[id=([^\]]+)\]/g)].map((m) => m[1]!)))];
  const named = selected.flatMap((id) => {
    const of = kinds.find((k) => Object.prototype.hasOwnProperty.call(k, id));
    return of === undefined ? [] : [w.changedName(id, of[id]!)];
  });
  if (named.length > 0) summary.push(w.changedNames(named.join('; ')));
  // What a changed field means: the report cannot word every --set path in both languages (the schema's
  // descriptions are English only, and not every field has one), so it names each field and the section of
  // docs/NATIONAL.md that describes it, read off the path's first segment.
  const fields = [...new Set(changes.map(([path]) => changedField(path)))];
  if (fields.length > 0) summary.push(w.changedFields(fields.map(([field, list, section]) => w.changedField(field, list, section)).join('; ')));
  summary.push(w.sumArms(R, seed, level));
  // A single province or cohort is not named from fewer than RANK_MIN_REPLICATIONS replications, as the national
  // report ranks no province below it: among 38 provinces about 2 exclude 0 by chance alone, each from few values.
  const heldBack = (r: NationalCompareRow) => {
    const place = outcomePlace(r.outcome);
    return R < RANK_MIN_REPLICATIONS && place.table === 'groups' && place.kind !== 'type';
  };
  // How many of the intervals would exclude 0 by chance alone if the change had no effect on average (each at its
  // level), among the rows that can: not a row without a value, nor one whose difference is exactly 0 in every
  // replication (its interval is [0, 0]: where the change does not reach, common random numbers give equal arms).
  const counted = finite.filter((r) => !(nil(r.diff_mean) && (R < 2 || zeroWidth(r)))).length;
  const chance: ChanceCount = {
    byChance: Math.round((1 - levelValue) * counted),
    share: local(`${fmt(100 * (1 - levelValue), 2)} %`),
    counted,
    notCounted: rows.length - counted,
  };
  const bySize = [...finite].sort((a, b) => Math.abs(b.diff_mean) - Math.abs(a.diff_mean));
  // Over the rows with a value: a service that no government launched in some replication has an empty row (said
  // by caveatEmpty), and it must not turn "every difference is exactly 0" into "no interval excludes 0".
  const allZero = finite.length > 0 && finite.every((r) => nil(r.diff_mean) && (R < 2 || (nil(r.diff_ci_low) && nil(r.diff_ci_high))));
  // Whether the headline said the chance count (sumClear): said once, beside the count it qualifies; the caveat points to it.
  let chanceSaid = false;
  // Whether the headline gives a Heeks class of all launched services: then it says which definition of the shares it uses.
  let heeksShown = false;
  const isHeeks = (r: NationalCompareRow) => outcomePlace(r.outcome).table === 'heeks';
  if (allZero) summary.push(w.sumAllZero(finite.length));
  else if (R < 2) {
    const nonZero = bySize.filter((r) => !nil(r.diff_mean));
    const shown = nonZero.filter((r) => !heldBack(r)).slice(0, HEADLINE_EFFECTS);
    summary.push(w.sumOneReplication(shown.length, rows.length));
    for (const r of shown) summary.push(w.sumEffectNoInterval(sentence(r), r.diff_mean > 0, amount(r)));
    heeksShown = shown.some(isHeeks);
    if (nonZero.some(heldBack)) summary.push(w.sumGroupsHeld(0, w.groupsTable, R, RANK_MIN_REPLICATIONS));
  } else {
    const clear = bySize.filter((r) => printed.get(r)!.effect.marked);
    if (clear.length === 0) summary.push(w.sumNoneClear(rows.length, R));
    else {
      const named = clear.filter((r) => !heldBack(r));
      const shown = named.slice(0, HEADLINE_EFFECTS);
      summary.push(w.sumClear(clear.length, rows.length, shown.length, named.length < clear.length, level, chance));
      chanceSaid = true;
      for (const r of shown) {
        const p = printed.get(r)!;
        summary.push(w.sumEffect(sentence(r), r.diff_mean > 0, amount(r), zeroWidth(r) ? w.sameEvery : w.interval(local(p.effect.lowText), local(p.effect.highText), level)));
      }
      heeksShown = shown.some(isHeeks);
      if (named.length > shown.length) summary.push(w.sumMoreClear(named.length - shown.length));
      if (named.length < clear.length) summary.push(w.sumGroupsHeld(clear.length - named.length, w.groupsTable, R, RANK_MIN_REPLICATIONS));
    }
  }
  // The base's Heeks success here (replaced services in the denominator) is not P14's (replaced left out), which the
  // national report's headline and p14.txt give for the same run: said where the headline gives a Heeks share.
  if (heeksShown) summary.push(w.heeksDefinition);
  // The caveats of docs/NATIONAL-COMPARE.md, where a reader of the headline meets them.
  if (R >= 2 && !allZero) summary.push(w.caveatEach(level, rows.length, chanceSaid));
  // The rows whose difference is the same in every replication, named (the reader is to find them in the tables).
  const same = finite.filter((r) => zeroWidth(r) && !nil(r.diff_mean)).map((r) => w.sameRow(outcomeLabel(outcomePlace(r.outcome), r), local(`${printed.get(r)!.meanText}${pp}`)));
  if (R >= 2 && same.length > 0 && R < RANK_MIN_REPLICATIONS) summary.push(w.caveatSame(same, R, RANK_MIN_REPLICATIONS));
  summary.push(w.caveatNoise);
  if (!allZero) summary.push(w.caveatReach);
  if (R < 2) summary.push(w.caveatOneReplication);
  const empty = rows.length - finite.length;
  if (empty > 0) summary.push(w.caveatEmpty(empty));
  if (base === null) summary.push(w.namesMissing(str(baseArm['folder']) || '–'));

  // "How to read"'s example of percentage points: this comparison's largest difference, as its table prints it
  // (a fixed example would show numbers of another run beside this one's).
  const largest = bySize.find((r) => !nil(r.diff_mean) && Number.isFinite(r.base_mean) && Number.isFinite(r.variant_mean));
  const example =
    largest === undefined
      ? null
      : { base: percent(largest.base_mean, printed.get(largest)!.digits), variant: percent(largest.variant_mean, printed.get(largest)!.digits), diff: local(`${printed.get(largest)!.meanText} ${t.ppUnit}`) };

  // ------------------------------------------------------------------ tables
  const c = w.col;
  const note = (own: string) => `${own} ${w.tableNote(level, R)}`;
  const valueColumns = [c.base, c.variant, c.difference, c.interval(level)];
  const tables: Table[] = [];
  const places = rows.map((r) => [r, outcomePlace(r.outcome)] as const);
  const simple = (id: string, title: string, own: string, which: (p: Place) => boolean) => {
    const of = places.filter(([, p]) => which(p));
    if (of.length === 0) return;
    tables.push({
      id,
      title,
      note: note(own),
      columns: [c.outcome, ...valueColumns, c.row],
      numeric: [false, true, true, true, true, false],
      rows: of.map(([r, p]) => [outcomeLabel(p, r), ...cells(r), r.outcome]),
    });
  };
  simple('national-compare-totals', w.totalsTable, w.totalsNote(end), (p) => p.table === 'totals');
  simple('national-compare-heeks', w.heeksTable, `${w.heeksNote(end)} ${w.heeksDefinition}`, (p) => p.table === 'heeks');
  const serviceRows = places.filter((x): x is readonly [NationalCompareRow, Place & { table: 'services' }] => x[1].table === 'services');
  if (serviceRows.length > 0) {
    // By service in the scenario's order, its three measures together.
    const order = (id: string) => serviceIds.indexOf(id);
    const sorted = [...serviceRows].sort((a, b) => order(a[1].service) - order(b[1].service) || SERVICE_MEASURES.indexOf(a[1].measure) - SERVICE_MEASURES.indexOf(b[1].measure));
    tables.push({
      id: 'national-compare-services',
      title: w.servicesTable,
      note: note(w.servicesNote),
      columns: [c.service, c.measure, ...valueColumns, c.row],
      numeric: [false, false, true, true, true, true, false],
      rows: sorted.map(([r, p]) => [serviceName(p.service), w.outcomes[p.measure], ...cells(r), r.outcome]),
    });
  }
  simple('national-compare-groups', w.groupsTable, w.groupsNote, (p) => p.table === 'groups');
  if (unknown.length > 0) {
    // Each with its own decimals: nothing says these rows share a unit or a scale.
    tables.push({
      id: 'national-compare-other',
      title: w.otherTable,
      note: w.otherNote,
      columns: [c.outcome, c.base, c.variant, c.difference, c.interval(level)],
      numeric: [false, true, true, true, true],
      rows: unknown.map((r) => [r.outcome, local(fmt(r.base_mean, 4)), local(fmt(r.variant_mean, 4)), local(fmt(r.diff_mean, 4)), Number.isFinite(r.diff_ci_low) && Number.isFinite(r.diff_ci_high) ? local(w.intervalCell(fmt(r.diff_ci_low, 4), fmt(r.diff_ci_high, 4))) : w.noValue]),
    });
  }

  // ------------------------------------------------------------------- facts
  const f = t.factLabels;
  const tool = isObj(manifest['tool']) ? `${str(manifest['tool']['name'])} ${str(manifest['tool']['version'])}`.trim() : '';
  const facts: [string, string][] = [
    [f.kind, w.kind],
    [f.scenario, name],
    [f.scenarioFile, file],
    [f.seed, seed],
    [f.replications, String(R)],
    [w.facts.level, level],
    [w.facts.base, str(baseArm['folder']) || '–'],
    [w.facts.variant, str(variantArm['folder']) || '–'],
    [w.facts.hashes, `${str(baseArm['hash']) || '–'}, ${str(variantArm['hash']) || '–'}`],
    [f.tool, tool || '–'],
    [f.command, str(manifest['command']) || '–'],
    // A command that wrote no report beside a report: it was written afterwards (the same words from either command).
    ...(wroteNoReport(str(manifest['command'])) ? [[w.facts.report, w.reportAfterwards] as [string, string]] : []),
  ];
  const scenario = base !== null && isObj(base.manifest['scenario']) ? base.manifest['scenario'] : {};
  const description = (lang === 'id' && base !== null ? str(base.manifest['description_id']) : '') || str(scenario['description']);

  return {
    lang,
    t,
    title: w.title(name),
    summary,
    // Each --set as code in the headline (report.md would otherwise show `\[id=...\]`), as "What is compared" lists them.
    summaryCode: changeTexts,
    compared: {
      name: '',
      description: '',
      base: w.baseArm(file),
      variants: [{ name: w.variantName, note: w.variantNote, changes: changeTexts }],
    },
    glossary: w.terms(level, example, end),
    facts,
    description,
    info: '',
    tables,
    charts: input.charts.map((chart) => ({ name: chart, title: w.chartTitle, caption: w.chartCaption })),
    timeline: [],
    parameters: base !== null ? parameterGroups(isObj(base.manifest['parameters']) ? (base.manifest['parameters'] as Record<string, number | null>) : {}) : [],
    manifestJson: JSON.stringify(manifest, null, 2),
  };
}

/**
 * The command line recorded wrote no report (`--no-charts`, or `--charts false` as yargs also reads it): a report in
 * its folder was written afterwards by `difusi report`.
 */
export function wroteNoReport(command: string): boolean {
  return /(^|\s)(--no-charts|--charts[= ]false)(?=\s|$)/.test(command);
}

/**
 * The variant's changes as the forest chart names them: each `path = value` (whatIfText), after the scenario's name
 * of the element its path selects by id (`national_regulations[id=pp-24-2018-oss]`) where the base arm gives one.
 */
export function changeLabels(input: NationalCompareReportInput, lang: Lang = 'en'): string[] {
  const t = catalog(lang);
  const names = input.base !== null ? manifestNames(input.base.manifest, lang) : manifestNames({}, lang);
  const variant = isObj(input.manifest['variant']) ? input.manifest['variant'] : {};
  const overrides = isObj(variant['overrides']) ? Object.entries(variant['overrides']) : [];
  const kinds = [names.regulations, names.services, names.programmes, names.vendors, names.elections];
  return overrides.map(([path, v]) => {
    const text = whatIfText({ [path]: v }, t) ?? path;
    const id = /\[id=([^\]]+)\]/.exec(path)?.[1];
    const of = id === undefined ? undefined : kinds.find((k) => Object.prototype.hasOwnProperty.call(k, id));
    return of === undefined ? text : `${of[id!]!}: ${text}`;
  });
}

/** The per-service differences the forest chart draws, in percentage points, and the services' labels (nationalCompareForestSpec). */
export function serviceDifferences(input: NationalCompareReportInput, lang: Lang = 'en'): { services: string[]; labels: Map<string, string>; rows: ServiceDifference[] } {
  const names = input.base !== null ? manifestNames(input.base.manifest, lang) : manifestNames({}, lang);
  const out: { service: string; measure: ServiceMeasure; row: NationalCompareRow }[] = [];
  for (const r of input.rows) {
    const p = outcomePlace(r.outcome);
    if (p.table === 'services') out.push({ service: p.service, measure: p.measure, row: r });
  }
  const listed = input.base !== null && Array.isArray(input.base.manifest['services']) ? input.base.manifest['services'].filter((s): s is string => typeof s === 'string') : [];
  const services = [...new Set([...listed.filter((s) => out.some((o) => o.service === s)), ...out.map((o) => o.service)])];
  const finite = out.filter((o) => Number.isFinite(o.row.diff_mean));
  // The chart's mark is the table's: the same printed intervals (format.ts).
  const printed = printable(finite.map((o) => o.row));
  return {
    services,
    labels: chartLabels(services, names.services),
    rows: finite.map((o, i) => {
      const e = printed[i]!.effect;
      return { service: o.service, measure: o.measure, diff: e.mean, low: e.low, high: e.high, marked: e.marked };
    }),
  };
}
