/**
 * The report of a national result folder (docs/NATIONAL.md, "The national
 * report"): what ran, the headline spread between governments with its
 * intervals, results by type and by province, the governments at both
 * ends, Heeks classes, P14's verdict and the charts, with a short "how to
 * read this". Built only from the folder's files (the tables read back by
 * store/national-tables.ts, p14.txt, charts/*.svg or charts.id/*.svg), so
 * `difusi national` and `difusi report` on its folder write the same report.
 * p14.txt's lines are worded in the report's language (p14-text.ts).
 *
 *   NationalFolderTables + p14.txt + charts --nationalReportModel--> ReportModel
 *        --renderHtml (html.ts)--> report.html     --renderMarkdown (markdown.ts)--> report.md
 *
 * The model is the city report's (report-model.ts), rendered by the city
 * renderers, which escape every cell and sentence: government, province and
 * scenario names are the scenario's text and reach the page only through
 * them. Numbers are formatted here, with the language's decimal separator.
 */
import { groupedId } from '../messages/count.js';
import type { NationalFolderTables, GroupSummaryRow, GovernmentSummaryRow } from '../store/national-tables.js';
import { catalog, localNumber, nationalCatalog, whatIfText, type Catalog, type Lang } from './i18n/index.js';
import type { GovernmentType } from './i18n/national-en.js';
import { p14Headline, p14Lines, p14Verdict } from './p14-text.js';
import { manifestNames, nameOf, nameWithId } from './national-names.js';
import { nameAndId } from './format.js';
import { fmt, parameterGroups, type ReportModel, type Table } from './report-model.js';
import { formedAfterStart, type LaterProvince } from './national-map.js';
import { isObj, str } from './json-values.js';
import { whatIfCode } from './summary.js';
import { shifted, toDecimal } from '../messages/decimal.js';

/** Governments listed at each end of the government table (all of them when there are at most twice as many). */
export const GOVERNMENTS_AT_EACH_END = 10;

/**
 * From how many replications the report reads a difference between two groups' intervals, and names a highest
 * or lowest province (docs/NATIONAL.md, "Comparing provinces"). A Student t interval from R replications rests
 * on R - 1 degrees of freedom: with 2, its width is one difference times 6.4, so two replications that happen
 * to agree give a narrow interval by luck; from 10 (9 degrees of freedom) the sample standard deviation lies
 * within about half to one and a half times the true one (95 % of the time), so an interval's width means
 * something one interval at a time.
 */
export const RANK_MIN_REPLICATIONS = 10;

/** True when an interval has zero width at its mean: every replication gave the same value. */
export function sameEveryReplication(mean: number | null | undefined, low: number | null, high: number | null): boolean {
  return mean !== null && mean !== undefined && low !== null && high !== null && low === high && Math.abs(mean - low) < 1e-9;
}

/**
 * The median width, in percentage points, of the intervals of the mean sustained share of `rows` (those that have
 * one: a folder written before the intervals, or a run of one replication, has none); null when none has.
 */
function medianIntervalWidth(rows: readonly Pick<GroupSummaryRow, 'mean_sustained_share_low' | 'mean_sustained_share_high'>[]): number | null {
  const widths = rows
    .filter((g) => g.mean_sustained_share_low !== null && g.mean_sustained_share_high !== null)
    .map((g) => 100 * (g.mean_sustained_share_high! - g.mean_sustained_share_low!))
    .sort((a, b) => a - b);
  return widths.length === 0 ? null : (widths[(widths.length - 1) >> 1]! + widths[widths.length >> 1]!) / 2;
}

/** A share as a percentage with one decimal, in the language's decimal separator and percent sign ("29.2 %", "29,2%"); "–" when unknown. */
export function sharePercent(x: number | null | undefined, decimal: string, sign = ' %'): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${shifted(x, 2, 1).replace('.', decimal)}${sign}`;
}

/** An interval of two shares as "23.9–25.7 %" (or the catalog's table form: "[23,9%; 25,7%]"); "–" when either end is unknown (one replication, or an older folder). */
export function intervalPercent(low: number | null, high: number | null, decimal: string, form: (low: string, high: string) => string = (lo, hi) => `${lo}–${hi} %`): string {
  if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return '–';
  return form(shifted(low, 2, 1).replace('.', decimal), shifted(high, 2, 1).replace('.', decimal));
}

/**
 * A whole count with the language's thousands separator where the language groups them: Indonesian
 * writes 24.541 (as its charts do); English keeps the plain digits of the CSVs (docs/OUTPUTS.md).
 */
export function grouped(x: number, t: Catalog): string {
  if (t.decimal === '.') return String(x);
  return groupedId(x);
}

/**
 * A count with one decimal (a mean over replications), in the language's separator. A mean count
 * rebuilt from a share printed with 12 digits (182.24999… for 182.25) is first rounded to six
 * decimals, so that it prints as the spread chart prints the same mean from the counts (182.3).
 */
function count(x: number, decimal: string): string {
  return toDecimal(Math.round(x * 1e6) / 1e6, 1).replace('.', decimal);
}

/** What a national report is made from: the folder's tables, p14.txt and the chart files under charts/. */
export interface NationalReportInput {
  readonly tables: NationalFolderTables;
  /** p14.txt's text ('' when absent). */
  readonly p14: string;
  /** Names of the SVG files under charts/ (without `.svg`), in the order shown. */
  readonly charts: readonly string[];
  /** True when the charts are not in the report's language (the run drew them in English only); default false. */
  readonly chartsInOtherLanguage?: boolean;
}

const int = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '–');

const TYPES: readonly GovernmentType[] = ['province', 'regency', 'city'];
const isType = (v: string): v is GovernmentType => (TYPES as readonly string[]).includes(v);

/** The scenario's warnings a run recorded (manifest.json `warnings`, in Bahasa Indonesia `warnings_id`); none in a folder written before they were. */
export function runWarnings(manifest: Readonly<Record<string, unknown>>, lang: Lang): string[] {
  const lines = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const en = lines(manifest['warnings']);
  const id = lines(manifest['warnings_id']);
  return lang === 'id' && id.length === en.length ? id : en;
}

/** A national regulation or programme a run's warnings say does nothing: for every service it anchors, or (`partly`) for some. */
export interface InertEntry {
  readonly kind: 'regulation' | 'programme';
  readonly id: string;
  readonly partly: boolean;
}

/**
 * The mandates and programmes the run's warnings say do nothing: from the manifest's `inert_entries` (the
 * entries as data, jobs/national-warnings.ts InertWarningEntry), so that a change of the warnings' wording
 * changes nothing here; in a folder written before that field, from the English lines (inertEntriesFromText).
 */
export function inertEntries(manifest: Readonly<Record<string, unknown>>): InertEntry[] {
  const recorded = manifest['inert_entries'];
  if (!Array.isArray(recorded)) return inertEntriesFromText(manifest);
  const out: InertEntry[] = [];
  for (const e of recorded) {
    if (!isObj(e) || typeof e['id'] !== 'string' || (e['kind'] !== 'regulation' && e['kind'] !== 'programme') || typeof e['code'] !== 'string') continue;
    const kind = e['kind'];
    const id = e['id'];
    if (!out.some((x) => x.kind === kind && x.id === id)) out.push({ kind, id, partly: e['code'].endsWith('_partly_inert') });
  }
  return out;
}

/**
 * The mandates and programmes the run's English warnings (jobs/national-warnings.ts: unfunded_mandate_inert,
 * unfunded_programme_inert and their partly_ forms) say do nothing, by the place and id each line begins with:
 * how a folder written before the manifest's `inert_entries` is read (their wording then).
 */
export function inertEntriesFromText(manifest: Readonly<Record<string, unknown>>): InertEntry[] {
  const out: InertEntry[] = [];
  for (const line of runWarnings(manifest, 'en')) {
    const m = /^(national_regulations|programmes)\[\d+\] "([^"]+)": .*?, so (?:it|the strength) does nothing( for)?/.exec(line);
    if (m === null) continue;
    const kind = m[1] === 'programmes' ? 'programme' : 'regulation';
    if (!out.some((e) => e.kind === kind && e.id === m[2])) out.push({ kind, id: m[2]!, partly: m[3] !== undefined });
  }
  return out;
}

/** The report's content, in `lang`. */
export function nationalReportModel(input: NationalReportInput, lang: Lang = 'en'): ReportModel {
  const n = nationalCatalog(lang);
  const city = catalog(lang);
  // The city catalog's section headings, with the national report's own words where they differ.
  const t: Catalog = {
    ...city,
    glossary: n.howToRead,
    glossaryNote: n.howToReadNote,
    summary: n.headline,
    parametersNote: n.parametersNote,
    parametersNoteMd: n.parametersNoteMd,
  };
  const d = t.decimal;
  // The city-model parameters every government shares (the manifest's, over the defaults), as the parameters table shows them.
  const recorded = isObj(input.tables.manifest['parameters']);
  const parameters = parameterGroups(recorded ? (input.tables.manifest['parameters'] as Record<string, number | null>) : {});
  const value = (name: string): number | null => parameters.flatMap((g) => g.parameters).find((x) => x.name === name)?.value ?? null;
  // The sustained share's definition names min_peak and sustain_fraction with the values the parameters table shows.
  const shown = (name: string): string => {
    const v = value(name);
    return v === null ? t.off : localNumber(t, fmt(v, 4));
  };
  const peakShareText = shown('sustain_fraction');
  /** A share as the language writes a percentage (decimal separator and percent sign). */
  const share = (x: number | null | undefined): string => sharePercent(x, d, n.percentSign);
  const { manifest, groupSummary, governmentSummary } = input.tables;
  const scenario = isObj(manifest['scenario']) ? manifest['scenario'] : {};
  const name = str(scenario['name']) || 'national';
  const replications = typeof manifest['replications'] === 'number' ? manifest['replications'] : 0;
  // The scenario's names of services, programmes, mandates and vendors (none in a folder written before they were recorded: ids then).
  // In Bahasa Indonesia, each element's Indonesian name (`name_id`) where the scenario gives one.
  const names = manifestNames(manifest, lang);

  const typeLabel = (type: string, many: boolean) => (isType(type) ? (many ? n.typeMany : n.typeOne)[type] : type);
  // A province's name is its province government's name (as the provinces chart labels it); else its id.
  const provinceNames = new Map(governmentSummary.filter((g) => g.type === 'province').map((g) => [g.province, g.name]));
  const provinceName = (id: string) => provinceNames.get(id) ?? id;
  /** Names joined as the language lists them ("a, b and c"). */
  const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${n.and} ${xs.at(-1)!}`);
  /** The current map's caveat for provinces formed after the start, one sentence per year formed. */
  const laterText = (ps: readonly LaterProvince[]): string =>
    [...new Set(ps.map((p) => p.formed.slice(0, 4)))]
      .map((year) => {
        const of = ps.filter((p) => p.formed.startsWith(year));
        const parents = [...new Set(of.map((p) => p.from))].map(provinceName);
        return n.laterProvinces(list(of.map((p) => provinceName(p.id))), of.length, year, list(parents), parents.length);
      })
      .join(' ');

  const all = groupSummary.find((g) => g.kind === 'all');
  // The national services, in the scenario's order (manifest.json).
  const services = Array.isArray(manifest['services']) ? manifest['services'].filter((s): s is string => typeof s === 'string') : [];
  const types = groupSummary.filter((g) => g.kind === 'type');
  const provinces = groupSummary.filter((g) => g.kind === 'province');
  // The rows of the national services (government_outcomes.csv), for the governments' caveats and P14's notes.
  const nationalRows = input.tables.governmentOutcomes.filter((r) => r.national);

  const percentNumber = (x: number) => shifted(x, 2, 1).replace('.', d);
  /** "95 % interval 23.9–25.7 %", or the words for none (one replication, or a folder written before the intervals). */
  const none = replications > 1 ? n.noIntervalOld : n.noInterval;
  const ciWords = (low: number | null, high: number | null) => (low === null || high === null ? none : `${n.interval(percentNumber(low), percentNumber(high))}${n.percentSign}`);
  /**
   * A share and its interval as the headline writes them: `x (interval)`, or with `sep` `x; interval` inside the
   * caller's brackets; a share every replication gave alike says so instead of a zero-width interval.
   */
  const shareCi = (x: number, low: number | null, high: number | null, sep: '; ' | ' (' = ' (') => {
    if (sameEveryReplication(x, low, high)) return sep === ' (' ? `${share(x)} (${n.everyReplication})` : `${share(x)} ${n.everyReplication}`;
    return sep === ' (' ? `${share(x)} (${ciWords(low, high)})` : `${share(x)}; ${ciWords(low, high)}`;
  };
  /** A table's interval cell; a zero-width interval at its mean says "same in every replication". */
  const ciCell = (x: number, low: number | null, high: number | null) =>
    sameEveryReplication(x, low, high) ? n.everyReplicationCell : intervalPercent(low, high, d, n.tableInterval);

  // ------------------------------------------------------------------ headline
  const summary: string[] = [];
  const agencies = typeof manifest['agencies'] === 'number' ? manifest['agencies'] : governmentSummary.reduce((a, g) => a + g.agencies, 0);
  // The administrative regencies and cities (DKI Jakarta's Kabupaten/Kota Administrasi, not autonomous) are
  // counted with their type: said, so that "kabupaten: 416" is not read against a description's 415 autonomous ones.
  const administrative = (g: GovernmentSummaryRow) => /^(kabupaten|kota) administrasi\s/i.test(g.name);
  const ofType = TYPES.map((type) => ({ type, of: governmentSummary.filter((g) => g.type === type) })).filter(({ of }) => of.length > 0);
  const anyAdministrative = governmentSummary.some((g) => g.type !== 'province' && administrative(g));
  const byType = ofType
    .map(({ type, of }) => {
      const adm = type === 'province' ? 0 : of.filter(administrative).length;
      return `${n.typeMany[type]}: ${grouped(of.length, t)}${adm > 0 && type !== 'province' ? `, ${n.typeAdministrative(type, grouped(adm, t))}` : ''}`;
    })
    // With a count's "of which" after a comma, the types are told apart by semicolons.
    .join(anyAdministrative ? '; ' : ', ');
  summary.push(n.sumRun(grouped(governmentSummary.length, t), byType, grouped(agencies, t), replications));
  // A what-if run says so first (manifest.json `overrides`; a folder written before they were recorded says nothing).
  const changes = whatIfText(manifest['overrides'], t);
  if (changes !== null) summary.push(n.sumWhatIf(changes));
  // Before any figure, whatever P14's verdict: the figures are a simulation model's, not forecasts; then whether the
  // model reproduces P14 in this run (when p14.txt gives both parts), one more reason to read them as what-ifs.
  const verdict = p14Verdict(input.p14);
  summary.push(n.sumValidity(verdict.totals, verdict.spread));
  // The scenario's warnings as the run said them (manifest.json `warnings`, `warnings_id`; none recorded in an
  // older folder): a mandate or programme that does nothing in this run is said so where the figures are read.
  const warned = runWarnings(manifest, lang);
  const inert = inertEntries(manifest);
  const inertName = (e: InertEntry) => nameOf(e.kind === 'regulation' ? names.regulations : names.programmes, e.id);
  if (warned.length > 0) {
    // A mandate does nothing at all (or for some of its services); a programme's strength does (joining still launches its services).
    const of = (kind: InertEntry['kind'], partly: boolean) => {
      const xs = inert.filter((e) => e.kind === kind && e.partly === partly).map(inertName);
      return { names: list(xs), count: xs.length };
    };
    summary.push(n.sumWarnings(warned.length, of('regulation', false), of('regulation', true), of('programme', false), of('programme', true)));
  }
  if (all !== undefined) {
    const G = all.governments;
    summary.push(
      n.sumSpread(
        grouped(G, t),
        count(all.share_sustain_most * G, d),
        shareCi(all.share_sustain_most, all.share_sustain_most_low, all.share_sustain_most_high, '; '),
        count(all.share_sustain_none * G, d),
        shareCi(all.share_sustain_none, all.share_sustain_none_low, all.share_sustain_none_high, '; '),
        all.share_sustain_none === 0 && sameEveryReplication(all.share_sustain_none, all.share_sustain_none_low, all.share_sustain_none_high),
      ),
      n.sumMean(shareCi(all.mean_sustained_share, all.mean_sustained_share_low, all.mean_sustained_share_high)),
    );
  }
  if (types.length > 0) {
    summary.push(n.sumTypes(types.map((g) => `${typeLabel(g.group, true)} ${shareCi(g.mean_sustained_share, g.mean_sustained_share_low, g.mean_sustained_share_high)}`).join(', ')));
  }
  // Provinces formed after the scenario's start that the results hold (report/national-map.ts): the scenario applies today's map throughout.
  const start = input.tables.series.find((r) => r.month === 1)?.date ?? null;
  const later = formedAfterStart(new Set(provinces.map((g) => g.group)), start);
  // The governments at both ends are listed only from RANK_MIN_REPLICATIONS replications on, as a province is
  // named only then: with fewer, a government's interval rests on too few values and the ends of hundreds of
  // governments are mostly the luckiest and unluckiest draws. Said in the headline, as the provinces' rule is.
  const extremes = governmentSummary.length > 2 * GOVERNMENTS_AT_EACH_END;
  const rankGovernments = !extremes || replications >= RANK_MIN_REPLICATIONS;
  const governmentWidth = medianIntervalWidth(governmentSummary);
  const unranked = rankGovernments
    ? null
    : n.sumGovernmentsUnranked(grouped(governmentSummary.length, t), replications, governmentWidth === null ? null : toDecimal(governmentWidth, 0), GOVERNMENTS_AT_EACH_END, RANK_MIN_REPLICATIONS);
  if (provinces.length > 1) {
    // A province is named as the highest (lowest) only when the run has enough replications for its interval to
    // mean something, and that interval lies clear of every other province's (docs/NATIONAL.md, "Comparing provinces").
    const sorted = [...provinces].sort((a, b) => a.mean_sustained_share - b.mean_sustained_share);
    const low = sorted[0]!;
    const high = sorted[sorted.length - 1]!;
    const enough = replications >= RANK_MIN_REPLICATIONS;
    const clearAbove = enough && high.mean_sustained_share_low !== null && sorted.slice(0, -1).every((o) => o.mean_sustained_share_high !== null && high.mean_sustained_share_low! > o.mean_sustained_share_high);
    const clearBelow = enough && low.mean_sustained_share_high !== null && sorted.slice(1).every((o) => o.mean_sustained_share_low !== null && low.mean_sustained_share_high! < o.mean_sustained_share_low);
    if (!clearAbove && !clearBelow) {
      const width = medianIntervalWidth(provinces);
      const median = width === null ? '–' : toDecimal(width, 1).replace('.', d);
      const span = toDecimal(100 * (high.mean_sustained_share - low.mean_sustained_share), 1).replace('.', d);
      summary.push(n.sumProvinces(provinces.length, share(low.mean_sustained_share), share(high.mean_sustained_share), median, span, replications, RANK_MIN_REPLICATIONS, !enough));
    }
    if (clearAbove) summary.push(n.sumProvinceEnd('high', provinceName(high.group), shareCi(high.mean_sustained_share, high.mean_sustained_share_low, high.mean_sustained_share_high, '; ')));
    if (clearBelow) summary.push(n.sumProvinceEnd('low', provinceName(low.group), shareCi(low.mean_sustained_share, low.mean_sustained_share_low, low.mean_sustained_share_high, '; ')));
    // The current map's caveat, where a province it names was formed after the start.
    const named = [...(clearAbove ? [high.group] : []), ...(clearBelow ? [low.group] : [])];
    const namedLater = later.filter((p) => named.includes(p.id));
    if (namedLater.length > 0) summary.push(laterText(namedLater));
    if (unranked !== null) summary.push(unranked);
    summary.push(n.spreadControl);
  } else if (unranked !== null) summary.push(unranked);
  // p14.txt is written in English; the report words its lines in its own language (p14-text.ts).
  const p14 = p14Lines(input.p14, n, d, (id) => nameWithId(names.services, id));
  const p14Sentence = p14Headline(input.p14, n, d, (id) => nameWithId(names.services, id));
  if (p14Sentence !== null) summary.push(p14Sentence);
  // The headline's measure and P14's are not the same: a bridge between them, wherever both are shown.
  if (all !== undefined && p14Sentence !== null) summary.push(n.sumSustainedVsSuccess(peakShareText, shown('heeks_success_share')));

  // -------------------------------------------------------------------- tables
  const c = n.col;
  const groupColumns = [c.group, c.governments, c.meanSustained, c.ci, c.sustainMost, c.ci, c.sustainNone, c.ci];
  const groupNumeric = [false, true, true, true, true, true, true, true];
  const groupRow = (label: string, g: GroupSummaryRow): string[] => [
    label,
    grouped(g.governments, t),
    share(g.mean_sustained_share),
    ciCell(g.mean_sustained_share, g.mean_sustained_share_low, g.mean_sustained_share_high),
    share(g.share_sustain_most),
    ciCell(g.share_sustain_most, g.share_sustain_most_low, g.share_sustain_most_high),
    share(g.share_sustain_none),
    ciCell(g.share_sustain_none, g.share_sustain_none_low, g.share_sustain_none_high),
  ];
  const tables: Table[] = [];
  tables.push({
    id: 'national-types',
    title: n.typeTable,
    note: n.typeNote,
    columns: groupColumns,
    numeric: groupNumeric,
    rows: [...(all ? [groupRow(n.allGovernments, all)] : []), ...types.map((g) => groupRow(typeLabel(g.group, true), g))],
  });
  if (provinces.length > 0) {
    tables.push({
      id: 'national-provinces',
      title: n.provinceTable,
      // Beside the provinces: how to compare them, that the spread control does not find the governments' differences
      // behind the spread, and the current map's caveat for the provinces formed after the start.
      note: [n.provinceNote(RANK_MIN_REPLICATIONS), ...(provinces.length > 1 ? [n.spreadControl] : []), ...(later.length > 0 ? [laterText(later)] : [])].join(' '),
      columns: [c.province, ...groupColumns.slice(1)],
      numeric: groupNumeric,
      rows: provinces.map((g) => groupRow(provinceName(g.group), g)),
    });
  }
  if (governmentSummary.length > 0 && rankGovernments) {
    const ranked = [...governmentSummary].sort((a, b) => b.mean_sustained_share - a.mean_sustained_share || (a.government < b.government ? -1 : 1));
    const shown: GovernmentSummaryRow[] =
      ranked.length <= 2 * GOVERNMENTS_AT_EACH_END ? ranked : [...ranked.slice(0, GOVERNMENTS_AT_EACH_END), ...ranked.slice(-GOVERNMENTS_AT_EACH_END)];
    // What sets the governments apart in this run (the caveat under the table), from government_summary.csv.
    const sizes = governmentSummary.map((g) => g.agencies);
    // Election cycles: the cycles governments are on; a government on none (an empty election_cycle) is not a cycle.
    const onCycle = governmentSummary.map((g) => (g.election_cycle ?? '').trim());
    const cycles = new Set(onCycle.filter((x) => x !== '')).size;
    const noCycle = onCycle.filter((x) => x === '').length;
    const inCohort = governmentSummary.filter((g) => (g.cohorts ?? '').trim() !== '').length;
    // A cohort is named by its programme (as the names table below names it).
    const cohortProgramme = new Map(
      (Array.isArray(manifest['cohorts']) ? manifest['cohorts'] : []).filter(isObj).flatMap((x) => (str(x['id']) !== '' && str(x['programme']) !== '' ? [[str(x['id']), str(x['programme'])] as const] : [])),
    );
    const width = medianIntervalWidth(governmentSummary);
    const medianWidth = width === null ? '–' : toDecimal(width, 0);
    const caveats: string[] = [];
    // The lowest rows: mostly programme members? Then say how many, and what the members are offered that the
    // others are not (government_outcomes.csv), so that the table does not read as the programme's harm.
    const lowest = shown.length < governmentSummary.length ? shown.slice(-GOVERNMENTS_AT_EACH_END) : [];
    const isMember = (g: GovernmentSummaryRow) => (g.cohorts ?? '').trim() !== '';
    const lowMembers = lowest.filter(isMember);
    if (lowest.length > 0 && 2 * lowMembers.length > lowest.length && lowMembers.length / lowest.length > inCohort / governmentSummary.length) {
      const programmesOf = [...new Set(lowMembers.flatMap((g) => (g.cohorts ?? '').split(/\s+/).filter((x) => x !== '').map((x) => cohortProgramme.get(x) ?? x)))];
      caveats.push(n.governmentCohortsLow(lowMembers.length, lowest.length, list(programmesOf.map((p) => nameOf(names.programmes, p))), grouped(inCohort, t), grouped(governmentSummary.length, t)));
      const members = new Set(governmentSummary.filter(isMember).map((g) => g.government));
      const offeredTo = new Map<string, Set<string>>();
      for (const r of nationalRows) offeredTo.set(r.innovation, (offeredTo.get(r.innovation) ?? new Set()).add(r.government));
      // A national service offered to members only (and not to every government that is offered national services).
      const offering = new Set(nationalRows.map((r) => r.government));
      const membersOnly = [...offeredTo].filter(([, govs]) => govs.size < offering.size && [...govs].every((g) => members.has(g))).map(([id]) => id);
      // Pooled over (government, replication): services sustained / services launched (share_launched counts the launches).
      const pooled = (rows: readonly { share: { sustained: number }; share_launched: number }[]) => {
        const launched = rows.reduce((a, r) => a + r.share_launched, 0);
        return launched > 0 ? rows.reduce((a, r) => a + r.share.sustained, 0) / launched : null;
      };
      for (const id of membersOnly) {
        const p = pooled(nationalRows.filter((r) => r.innovation === id));
        if (p !== null) caveats.push(n.governmentMembersOnly(nameWithId(names.services, id), share(p)));
      }
      if (membersOnly.length > 0) {
        // The members' and the others' pooled sustained share of all their national services, then of the others
        // only: how much of the gap those services make.
        const others = nationalRows.filter((r) => !membersOnly.includes(r.innovation));
        const shares = [nationalRows, others].map((rows) => [pooled(rows.filter((r) => members.has(r.government))), pooled(rows.filter((r) => !members.has(r.government)))]);
        const [[mAll, oAll], [mOther, oOther]] = shares as [[number | null, number | null], [number | null, number | null]];
        if (mAll !== null && oAll !== null && mOther !== null && oOther !== null) {
          // "Mostly": the gap without those services is under half of the gap with them.
          const mostly = oAll - mAll > 0 && Math.abs(oOther - mOther) < (oAll - mAll) / 2;
          caveats.push(n.governmentMembersOther(share(mAll), share(oAll), share(mOther), share(oOther), mostly));
        }
      }
    }
    // Shown governments that run services of their own (a city block's innovations), and those offered no national one.
    for (const g of shown) {
      const rows = input.tables.governmentOutcomes.filter((r) => r.government === g.government);
      const own = rows.filter((r) => !r.national).length;
      if (own > 0) caveats.push(n.governmentOwnServices(g.name, own, rows.some((r) => r.national)));
    }
    // A shown province government formed after the start.
    const laterShown = formedAfterStart(new Set(shown.filter((g) => g.type === 'province').map((g) => g.government)), start);
    for (const p of laterShown) caveats.push(n.governmentLaterProvince(provinceName(p.id), p.formed.slice(0, 4)));
    // A cut inside a tie: governments left out with the value of the last one shown at that end (ranked by id
    // among equals), said so the list is not read as "the 10 highest" when 12 share the 10th place.
    if (shown.length < governmentSummary.length) {
      const hidden = ranked.slice(GOVERNMENTS_AT_EACH_END, ranked.length - GOVERNMENTS_AT_EACH_END);
      const ends = [['highest', ranked[GOVERNMENTS_AT_EACH_END - 1]!], ['lowest', ranked[ranked.length - GOVERNMENTS_AT_EACH_END]!]] as const;
      for (const [end, last] of ends) {
        const more = hidden.filter((g) => Math.abs(g.mean_sustained_share - last.mean_sustained_share) < 1e-12).length;
        if (more > 0) caveats.push(n.governmentTieAtCut(end, more, share(last.mean_sustained_share)));
      }
    }
    const caveat = n.governmentCaveat(
      `${grouped(Math.min(...sizes), t)}–${grouped(Math.max(...sizes), t)}`,
      cycles,
      grouped(noCycle, t),
      inCohort,
      grouped(governmentSummary.length, t),
      medianWidth,
      shown.length,
      shown.length < governmentSummary.length,
    );
    tables.push({
      id: 'national-governments',
      title: n.governmentTable(shown.length, grouped(governmentSummary.length, t)),
      note: [n.governmentNote, caveat, ...caveats].join(' '),
      columns: [c.government, c.province, c.type, c.agencies, c.election, c.cohorts, c.meanSustained, c.ci],
      numeric: [false, false, false, true, false, false, true, true],
      rows: shown.map((g) => [
        g.name,
        provinceName(g.province),
        typeLabel(g.type, false),
        grouped(g.agencies, t),
        // The cycle's and the cohorts' names where the scenario gives them, each with the id government_summary.csv holds.
        nameWithId(names.elections, (g.election_cycle ?? '').trim()) || '–',
        (g.cohorts ?? '')
          .split(/\s+/)
          .filter((x) => x !== '')
          .map((x) => (cohortProgramme.has(x) ? nameAndId(nameOf(names.programmes, cohortProgramme.get(x)!), x) : x))
          .join('; ') || '–',
        share(g.mean_sustained_share),
        ciCell(g.mean_sustained_share, g.mean_sustained_share_low, g.mean_sustained_share_high),
      ]),
    });
  }
  const heeksGroups = [...(all ? [[n.allGovernments, all] as const] : []), ...types.map((g) => [typeLabel(g.group, true), g] as const)];
  if (heeksGroups.length > 0) {
    tables.push({
      id: 'national-heeks',
      title: n.heeksTable,
      note: n.heeksNote,
      columns: [c.group, c.success, c.partial, c.totalFailure, c.replaced],
      numeric: [false, true, true, true, true],
      rows: heeksGroups.map(([label, g]) => [
        label,
        share(g.heeks.success),
        share(g.heeks.partial),
        share(g.heeks.total_failure),
        share(g.heeks.replaced),
      ]),
    });
  }
  if (p14.length > 0) {
    const named = Object.keys(names.services).length > 0;
    const notes = [n.p14Note, ...(named ? [n.p14NamesNote] : [])];
    // The pooled line of the governments' own services: whose, how many (government_outcomes.csv, national 0).
    const own = input.tables.governmentOutcomes.filter((r) => !r.national);
    if (/^ {2}\(local services\): /m.test(input.p14) && own.length > 0) {
      const governments = [...new Set(own.map((r) => r.government))].map((id) => governmentSummary.find((g) => g.government === id)?.name ?? id);
      notes.push(n.p14Local(list(governments), own.length, replications));
    }
    // National services none of whose initiatives succeeded in any replication (heeks_success is a share of
    // replications: 0 in every row), among those launched somewhere; and what such a zero can mean.
    const noSuccess = services.filter((id) => {
      const rows = nationalRows.filter((r) => r.innovation === id);
      return rows.some((r) => r.share_launched > 0) && rows.every((r) => r.heeks.success === 0);
    });
    if (noSuccess.length > 0 && replications > 0) {
      // The highest score of a network owned by the coordinator (no owner enrolled), on no platform, sponsored by no
      // leader: budget, regulation, champion and users, at this run's weights (docs/MODEL.md 7.7).
      const weights = ['t_budget', 't_regulation', 't_champion', 't_users'] as const;
      const w = weights.map((k) => value(k));
      const stable = value('T_stable');
      const months = value('T_stable_months');
      if (w.every((x) => x !== null) && stable !== null && months !== null) {
        const bound = w.reduce((a, x) => a + x!, 0);
        const terms = weights.map((k, i) => `${n.enrolment[k]} ${localNumber(t, fmt(w[i]!, 4))}`).join(' + ');
        notes.push(
          n.p14NoSuccess(
            list(noSuccess.map((id) => nameWithId(names.services, id))),
            noSuccess.length,
            replications,
            shown('heeks_success_share'),
            terms,
            localNumber(t, fmt(Math.round(bound * 1e9) / 1e9, 4)),
            localNumber(t, fmt(stable, 4)),
            localNumber(t, fmt(months, 4)),
            bound < stable - 1e-9,
          ),
        );
      }
    }
    tables.push({ id: 'national-p14', title: n.p14Table, note: notes.join(' '), columns: [c.line], numeric: [false], rows: p14.map((l) => [l.trim()]) });
  }
  if (warned.length > 0) {
    tables.push({ id: 'national-warnings', title: n.warningsTable, note: n.warningsNote, columns: [c.warning], numeric: [false], rows: warned.map((w) => [w]) });
  }
  // Names beside the ids the CSVs hold, so that a reader can go from a name in this report to its rows.
  const cohorts = (Array.isArray(manifest['cohorts']) ? manifest['cohorts'] : [])
    .filter(isObj)
    .map((x) => ({ id: str(x['id']), programme: str(x['programme']), from: str(x['from']) }))
    .filter((x) => x.id !== '' && x.programme !== '');
  // Election cycles: those the scenario names (in its order), then any other a government is on (unnamed).
  const cycleIds = [...new Set([...Object.keys(names.elections), ...governmentSummary.map((g) => (g.election_cycle ?? '').trim()).filter((x) => x !== '').sort()])];
  const anyName = [names.services, names.programmes, names.regulations, names.vendors, names.elections].some((m) => Object.keys(m).length > 0);
  if (anyName) {
    const orNone = (m: Readonly<Record<string, string>>, id: string) => (Object.prototype.hasOwnProperty.call(m, id) ? m[id]! : '–');
    const programmes = [...new Set(cohorts.map((x) => x.programme))];
    // A mandate or programme the run warned does nothing (for all or some of its services): said beside its name.
    const withInert = (row: string[], kind: InertEntry['kind']): string[] => {
      const e = inert.find((x) => x.kind === kind && x.id === row[2]);
      return e === undefined ? row : [row[0]!, `${row[1]!} ${n.namesInert(kind, e.partly)}`, row[2]!];
    };
    tables.push({
      id: 'national-names',
      title: n.namesTable,
      note: n.namesNote,
      columns: [c.kind, c.name, c.id],
      numeric: [false, false, false],
      rows: [
        ...services.map((id) => [n.kinds.service, orNone(names.services, id), id]),
        ...programmes.flatMap((p) => [
          [n.kinds.programme, orNone(names.programmes, p), p],
          // Each cohort told from the others of its programme by the month it joins (manifest.json `from`), where recorded.
          ...cohorts.filter((x) => x.programme === p).map((x) => [n.kinds.cohort, x.from === '' ? orNone(names.programmes, p) : n.cohortName(orNone(names.programmes, p), x.from), x.id]),
        ].map((row) => (row[0] === n.kinds.programme ? withInert(row, 'programme') : row))),
        ...Object.entries(names.regulations).map(([id, name]) => withInert([n.kinds.regulation, name, id], 'regulation')),
        ...Object.entries(names.vendors).map(([id, name]) => [n.kinds.vendor, name, id]),
        ...cycleIds.map((id) => [n.kinds.election, orNone(names.elections, id), id]),
      ],
    });
  }
  const national = isObj(manifest['national_parameters']) ? manifest['national_parameters'] : null;
  if (national !== null) {
    tables.push({
      id: 'national-parameters',
      title: n.nationalParameters,
      note: n.nationalParametersNote,
      // Each value with its unit and what it does: a rate per year and a utility read very differently.
      columns: [c.parameter, c.value, t.col.unit, t.col.note],
      numeric: [false, true, false, false],
      rows: Object.entries(national).map(([k, v]) => {
        const info = Object.hasOwn(n.nationalParameterInfo, k) ? n.nationalParameterInfo[k] : undefined;
        return [k, typeof v === 'number' ? localNumber(t, fmt(v, 4)) : String(v), info?.unit ?? '–', info?.note ?? '–'];
      }),
    });
  }

  // -------------------------------------------------------------------- facts
  const f = t.factLabels;
  const serviceList = services.map((id) => nameWithId(names.services, id));
  const tool = isObj(manifest['tool']) ? `${str(manifest['tool']['name'])} ${str(manifest['tool']['version'])}`.trim() : '';
  const facts: [string, string][] = [
    [f.kind, n.kind],
    [f.scenario, name],
    [f.scenarioFile, str(scenario['file']) || '–'],
    [f.runHash, str(scenario['hash']) || '–'],
    [f.seed, int(manifest['seed'])],
    [f.replications, int(manifest['replications'])],
    [n.facts.governments, grouped(governmentSummary.length, t)],
    [n.facts.agencies, grouped(agencies, t)],
    // A name may hold a comma itself: then the list is separated by semicolons.
    [n.facts.services, serviceList.join(serviceList.some((x) => x.includes(',')) ? '; ' : ', ') || '–'],
    [f.tool, tool || '–'],
    [f.command, str(manifest['command']) || '–'],
  ];

  // ------------------------------------------------------------------- charts
  const noBan = Array.isArray(manifest['ban_starts']) && manifest['ban_starts'].length === 0;
  const chartText = (file: string) => {
    if (file === 'national-spread') return n.charts.spread;
    if (file === 'national-provinces') return n.charts.provinces;
    // No ban starting in the horizon (a folder that records ban_starts, and records none): no wave, and the caption says why.
    if (file === 'national-replacements') return noBan ? { ...n.charts.replacements, caption: n.replacementsNoBan } : n.charts.replacements;
    if (file.startsWith('national-cohorts-')) return { title: n.cohortsTitle(nameOf(names.programmes, file.slice('national-cohorts-'.length))), caption: n.charts.cohorts.caption };
    return { title: file, caption: '' };
  };

  // --------------------------------------------------------------- parameters
  const tt: Catalog = recorded ? t : { ...t, parametersNote: `${n.parametersUnknown} ${t.parametersNote}`, parametersNoteMd: `${n.parametersUnknown} ${t.parametersNoteMd}` };
  const minPeakText = shown('min_peak');

  return {
    lang,
    t: tt,
    title: n.title(name),
    summary,
    // Each --set as code in the headline (report.md would otherwise show `\[id=...\]`), as the comparison's report does.
    summaryCode: whatIfCode(manifest['overrides'], t),
    compared: null,
    glossary: n.terms(minPeakText, peakShareText, RANK_MIN_REPLICATIONS),
    facts,
    // The Indonesian description (`description_id`) where the scenario gives one.
    description: (lang === 'id' ? str(manifest['description_id']) : '') || str(scenario['description']),
    info: '',
    tables,
    charts: input.charts.map((file) => {
      const text = chartText(file);
      // Said under each chart, where a reader meets it: how to get the charts in the report's language
      // (the run's own recorded command, so the same replications, overrides and folder).
      return { name: file, ...text, caption: input.chartsInOtherLanguage === true ? `${text.caption} ${n.chartsOtherLanguage(`${str(manifest['command']) || `difusi national ${str(scenario['file']) || '<file>'}`} --lang ${lang}`)}` : text.caption };
    }),
    timeline: [],
    parameters,
    manifestJson: JSON.stringify(manifest, null, 2),
  };
}
