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
import type { NationalFolderTables, GroupSummaryRow, GovernmentSummaryRow } from '../store/national-tables.js';
import { catalog, localNumber, nationalCatalog, whatIfText, type Catalog, type Lang } from './i18n/index.js';
import type { GovernmentType } from './i18n/national-en.js';
import { p14Headline, p14Lines, p14Verdict } from './p14-text.js';
import { manifestNames, nameOf, nameWithId } from './national-names.js';
import { nameAndId } from './format.js';
import { fmt, parameterGroups, type ReportModel, type Table } from './report-model.js';

/** Governments listed at each end of the government table (all of them when there are at most twice as many). */
export const GOVERNMENTS_AT_EACH_END = 10;

/** A share as a percentage with one decimal, in the language's decimal separator and percent sign ("29.2 %", "29,2%"); "–" when unknown. */
export function sharePercent(x: number | null | undefined, decimal: string, sign = ' %'): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${(100 * x).toFixed(1).replace('.', decimal)}${sign}`;
}

/** An interval of two shares as "23.9–25.7 %" (or the catalog's table form: "[23,9%; 25,7%]"); "–" when either end is unknown (one replication, or an older folder). */
export function intervalPercent(low: number | null, high: number | null, decimal: string, form: (low: string, high: string) => string = (lo, hi) => `${lo}–${hi} %`): string {
  if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return '–';
  return form((100 * low).toFixed(1).replace('.', decimal), (100 * high).toFixed(1).replace('.', decimal));
}

/**
 * A whole count with the language's thousands separator where the language groups them: Indonesian
 * writes 24.541 (as its charts do); English keeps the plain digits of the CSVs (docs/OUTPUTS.md).
 */
export function grouped(x: number, t: Catalog): string {
  if (t.decimal === '.') return String(x);
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A count with one decimal (a mean over replications), in the language's separator. A mean count
 * rebuilt from a share printed with 12 digits (182.24999… for 182.25) is first rounded to six
 * decimals, so that it prints as the spread chart prints the same mean from the counts (182.3).
 */
function count(x: number, decimal: string): string {
  return (Math.round(x * 1e6) / 1e6).toFixed(1).replace('.', decimal);
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

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '–');

const TYPES: readonly GovernmentType[] = ['province', 'regency', 'city'];
const isType = (v: string): v is GovernmentType => (TYPES as readonly string[]).includes(v);

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

  const all = groupSummary.find((g) => g.kind === 'all');
  const types = groupSummary.filter((g) => g.kind === 'type');
  const provinces = groupSummary.filter((g) => g.kind === 'province');

  const percentNumber = (x: number) => (100 * x).toFixed(1).replace('.', d);
  /** "95 % interval 23.9–25.7 %", or the words for none (one replication, or a folder written before the intervals). */
  const none = replications > 1 ? n.noIntervalOld : n.noInterval;
  const ciWords = (low: number | null, high: number | null) => (low === null || high === null ? none : `${n.interval(percentNumber(low), percentNumber(high))}${n.percentSign}`);

  // ------------------------------------------------------------------ headline
  const summary: string[] = [];
  const agencies = typeof manifest['agencies'] === 'number' ? manifest['agencies'] : governmentSummary.reduce((a, g) => a + g.agencies, 0);
  const byType = TYPES.map((type) => [type, governmentSummary.filter((g) => g.type === type).length] as const)
    .filter(([, c]) => c > 0)
    .map(([type, c]) => `${n.typeMany[type]}: ${grouped(c, t)}`)
    .join(', ');
  summary.push(n.sumRun(grouped(governmentSummary.length, t), byType, grouped(agencies, t), replications));
  // A what-if run says so first (manifest.json `overrides`; a folder written before they were recorded says nothing).
  const changes = whatIfText(manifest['overrides'], t);
  if (changes !== null) summary.push(n.sumWhatIf(changes));
  // Before any figure: whether the model reproduces P14 in this run, so that a reader knows how far to trust them.
  const verdict = p14Verdict(input.p14);
  if (verdict.totals !== null && verdict.spread !== null) summary.push(n.sumValidity(verdict.totals, verdict.spread));
  if (all !== undefined) {
    const G = all.governments;
    summary.push(
      n.sumSpread(
        grouped(G, t),
        count(all.share_sustain_most * G, d),
        `${share(all.share_sustain_most)}; ${ciWords(all.share_sustain_most_low, all.share_sustain_most_high)}`,
        count(all.share_sustain_none * G, d),
        `${share(all.share_sustain_none)}; ${ciWords(all.share_sustain_none_low, all.share_sustain_none_high)}`,
      ),
      n.sumMean(`${share(all.mean_sustained_share)} (${ciWords(all.mean_sustained_share_low, all.mean_sustained_share_high)})`),
    );
  }
  if (types.length > 0) {
    summary.push(n.sumTypes(types.map((g) => `${typeLabel(g.group, true)} ${share(g.mean_sustained_share)} (${ciWords(g.mean_sustained_share_low, g.mean_sustained_share_high)})`).join(', ')));
  }
  if (provinces.length > 1) {
    const sorted = [...provinces].sort((a, b) => a.mean_sustained_share - b.mean_sustained_share);
    const low = sorted[0]!;
    const high = sorted[sorted.length - 1]!;
    summary.push(n.sumProvinces(provinces.length, share(low.mean_sustained_share), provinceName(low.group), share(high.mean_sustained_share), provinceName(high.group)));
  }
  // p14.txt is written in English; the report words its lines in its own language (p14-text.ts).
  const p14 = p14Lines(input.p14, n, d, (id) => nameWithId(names.services, id));
  const p14Sentence = p14Headline(input.p14, n, d, (id) => nameWithId(names.services, id));
  if (p14Sentence !== null) summary.push(p14Sentence);

  // -------------------------------------------------------------------- tables
  const c = n.col;
  const groupColumns = [c.group, c.governments, c.meanSustained, c.ci, c.sustainMost, c.ci, c.sustainNone, c.ci];
  const groupNumeric = [false, true, true, true, true, true, true, true];
  const groupRow = (label: string, g: GroupSummaryRow): string[] => [
    label,
    grouped(g.governments, t),
    share(g.mean_sustained_share),
    intervalPercent(g.mean_sustained_share_low, g.mean_sustained_share_high, d, n.tableInterval),
    share(g.share_sustain_most),
    intervalPercent(g.share_sustain_most_low, g.share_sustain_most_high, d, n.tableInterval),
    share(g.share_sustain_none),
    intervalPercent(g.share_sustain_none_low, g.share_sustain_none_high, d, n.tableInterval),
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
      note: n.provinceNote,
      columns: [c.province, ...groupColumns.slice(1)],
      numeric: groupNumeric,
      rows: provinces.map((g) => groupRow(provinceName(g.group), g)),
    });
  }
  if (governmentSummary.length > 0) {
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
    const widths = governmentSummary
      .filter((g) => g.mean_sustained_share_low !== null && g.mean_sustained_share_high !== null)
      .map((g) => 100 * (g.mean_sustained_share_high! - g.mean_sustained_share_low!))
      .sort((a, b) => a - b);
    // A cohort is named by its programme (as the names table below names it).
    const cohortProgramme = new Map(
      (Array.isArray(manifest['cohorts']) ? manifest['cohorts'] : []).filter(isObj).flatMap((x) => (str(x['id']) !== '' && str(x['programme']) !== '' ? [[str(x['id']), str(x['programme'])] as const] : [])),
    );
    const medianWidth = widths.length === 0 ? '–' : ((widths[(widths.length - 1) >> 1]! + widths[widths.length >> 1]!) / 2).toFixed(0);
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
      note: `${n.governmentNote} ${caveat}`,
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
        intervalPercent(g.mean_sustained_share_low, g.mean_sustained_share_high, d, n.tableInterval),
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
    tables.push({ id: 'national-p14', title: n.p14Table, note: named ? `${n.p14Note} ${n.p14NamesNote}` : n.p14Note, columns: [c.line], numeric: [false], rows: p14.map((l) => [l.trim()]) });
  }
  // Names beside the ids the CSVs hold, so that a reader can go from a name in this report to its rows.
  const services = Array.isArray(manifest['services']) ? manifest['services'].filter((s): s is string => typeof s === 'string') : [];
  const cohorts = (Array.isArray(manifest['cohorts']) ? manifest['cohorts'] : [])
    .filter(isObj)
    .map((x) => ({ id: str(x['id']), programme: str(x['programme']) }))
    .filter((x) => x.id !== '' && x.programme !== '');
  // Election cycles: those the scenario names (in its order), then any other a government is on (unnamed).
  const cycleIds = [...new Set([...Object.keys(names.elections), ...governmentSummary.map((g) => (g.election_cycle ?? '').trim()).filter((x) => x !== '').sort()])];
  const anyName = [names.services, names.programmes, names.regulations, names.vendors, names.elections].some((m) => Object.keys(m).length > 0);
  if (anyName) {
    const orNone = (m: Readonly<Record<string, string>>, id: string) => (Object.prototype.hasOwnProperty.call(m, id) ? m[id]! : '–');
    const programmes = [...new Set(cohorts.map((x) => x.programme))];
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
          ...cohorts.filter((x) => x.programme === p).map((x) => [n.kinds.cohort, orNone(names.programmes, p), x.id]),
        ]),
        ...Object.entries(names.regulations).map(([id, name]) => [n.kinds.regulation, name, id]),
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
  const recorded = isObj(manifest['parameters']);
  const parameters = parameterGroups(recorded ? (manifest['parameters'] as Record<string, number | null>) : {});
  const tt: Catalog = recorded ? t : { ...t, parametersNote: `${n.parametersUnknown} ${t.parametersNote}`, parametersNoteMd: `${n.parametersUnknown} ${t.parametersNoteMd}` };

  // The sustained share's definition names min_peak and sustain_fraction with the values the parameters table shows.
  const shown = (name: string): string => {
    const p = parameters.flatMap((g) => g.parameters).find((x) => x.name === name);
    return p === undefined || p.value === null ? t.off : localNumber(t, fmt(p.value, 4));
  };
  const minPeakText = shown('min_peak');
  const peakShareText = shown('sustain_fraction');

  return {
    lang,
    t: tt,
    title: n.title(name),
    summary,
    compared: null,
    glossary: n.terms(minPeakText, peakShareText),
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
