/**
 * The national report's English text (report/national-report.ts): its
 * headings, columns, sentences and "how to read this". The city report's
 * catalog (en.ts) supplies the shared section headings (charts, parameters,
 * manifest); this one holds only what a national folder needs, so the two
 * can change independently. `NationalCatalog` is the type every language's
 * national catalog has: a missing key is a compile error. Numbers reach the
 * sentences already formatted (with the language's decimal separator), so
 * the sentences only order words.
 */

import { P14_WORDS, p14Reading } from '../../validation/p14-national.js';

/** Government types of a national scenario (scenario/national-schema.ts). */
export type GovernmentType = 'province' | 'regency' | 'city';

/** Names joined as a list ("a, b and c"), and how many. */
export interface Named {
  readonly names: string;
  readonly count: number;
}

export interface NationalCatalog {
  /** What follows a number to make it a percentage (" %" in English, "%" in Indonesian, as the city catalog's `percentSign`). */
  readonly percentSign: string;
  readonly title: (name: string) => string;
  readonly kind: string;
  readonly facts: { readonly governments: string; readonly agencies: string; readonly services: string; readonly description: string };
  /** Government types: one (a table cell) and many (a count). */
  readonly typeOne: Readonly<Record<GovernmentType, string>>;
  readonly typeMany: Readonly<Record<GovernmentType, string>>;
  readonly allGovernments: string;
  /** The word joining the last two items of a list ("a, b and c"). */
  readonly and: string;

  readonly headline: string;
  readonly interval: (low: string, high: string) => string;
  /** An interval of two percentages (numbers without the %) in a table cell. */
  readonly tableInterval: (low: string, high: string) => string;
  readonly noInterval: string;
  /** No interval in a folder of several replications: written before the interval columns existed. */
  readonly noIntervalOld: string;
  readonly sumRun: (governments: string, byType: string, agencies: string, replications: number) => string;
  /**
   * After a type's count in the headline: how many of them are administrative (named Kabupaten or Kota
   * Administrasi, DKI Jakarta's: not autonomous, no Pilkada), so that the count is read as including them.
   * Written after a comma; the types are then separated by semicolons (no parentheses inside the headline's).
   */
  readonly typeAdministrative: (type: 'regency' | 'city', count: string) => string;
  /** A run with changes to the scenario (`--set`; manifest.json `overrides`; the file is not changed): the changes, `path = value` joined. */
  readonly sumWhatIf: (changes: string) => string;
  /**
   * The run's scenario warnings (manifest.json `warnings`): `count` of them, in the table warningsTable; the mandates
   * they say do nothing in this run (`mandates`: names joined, and their count), those that do nothing for some of the
   * services they anchor (`mandatesPartly`), and the programmes whose regulation's strength does nothing, for all
   * (`programmes`) or some (`programmesPartly`) of their services (joining a programme still launches its services).
   */
  readonly sumWarnings: (count: number, mandates: Named, mandatesPartly: Named, programmes: Named, programmesPartly: Named) => string;
  /** The table of the run's scenario warnings, as `difusi national` said them before the run. */
  readonly warningsTable: string;
  readonly warningsNote: string;
  /** After the name of a mandate or programme the warnings say does nothing (`partly`: for some of its services) in the names table. */
  readonly namesInert: (kind: 'regulation' | 'programme', partly: boolean) => string;
  /** A programme cohort's name in the names table: its programme's and the month it joins (YYYY-MM), so that a programme's cohorts are told apart. */
  readonly cohortName: (programme: string, from: string) => string;
  /**
   * sumWhatIf's clause that names the changes ("the scenario was run with the following changes (the file
   * itself is not changed): ..."), without its sentence around it: the national comparison's report says
   * its variant with the same words (report/national-compare-report.ts).
   */
  readonly whatIfChanges: (changes: string) => string;
  /** `noneAtAll`: no government sustains none, in any replication (a language may say so in words rather than as "0.0"). */
  readonly sumSpread: (governments: string, most: string, mostShare: string, none: string, noneShare: string, noneAtAll: boolean) => string;
  readonly sumMean: (share: string) => string;
  readonly sumTypes: (list: string) => string;
  /**
   * The range of the provinces' mean sustained shares (`low`, `high` already formatted), the median width of
   * their intervals and the span of their means in points, and why no highest or lowest province is named:
   * `few` when the run has fewer than `minReplications` replications (docs/NATIONAL.md, "Comparing provinces").
   */
  readonly sumProvinces: (count: number, low: string, high: string, medianWidth: string, span: string, replications: number, minReplications: number, few: boolean) => string;
  /** A province named as the highest (`end` 'high') or lowest, its interval clear of every other province's. */
  readonly sumProvinceEnd: (end: 'high' | 'low', name: string, share: string) => string;
  /**
   * Why the report lists no highest and lowest governments: the run has fewer than `minReplications` replications
   * (the rule the provinces follow, sumProvinces), so the `atEachEnd` at each end of `all` governments would be
   * mostly the luckiest and unluckiest draws; `medianWidth`, their intervals' median width in points (null: no interval).
   */
  readonly sumGovernmentsUnranked: (all: string, replications: number, medianWidth: string | null, atEachEnd: number, minReplications: number) => string;
  /** The spread control's verdict, in words (it is computed by `npm run patterns`, not from this folder). */
  readonly spreadControl: string;
  /**
   * Provinces of the table formed after the scenario's start (report/national-map.ts): their names (joined),
   * the year, and the provinces they were split from (joined), which the scenario gives today's borders too.
   */
  readonly laterProvinces: (names: string, count: number, year: string, parents: string, parentCount: number) => string;
  /** How the headline's "sustained" and P14's "success" differ (`peakShare`: sustain_fraction; `successShare`: heeks_success_share). */
  readonly sumSustainedVsSuccess: (peakShare: string, successShare: string) => string;
  /** Said instead of an interval where every replication gave the same value (low = high = mean). */
  readonly everyReplication: string;
  /** A table's interval cell where every replication gave the same value. */
  readonly everyReplicationCell: string;
  /** The headline's sentence on P14 when p14.txt's first line is of none of measureP14's forms: that line, as written. */
  readonly sumP14: (line: string) => string;
  /** The headline's sentence on P14's national totals (p14.txt's first line), with the numbers p14.totals takes. */
  readonly sumP14Totals: (outcomes: string, replications: string, success: string, partial: string, total: string, replaced: string, within: boolean) => string;
  /**
   * How to read the figures, near the top of the headline whatever P14's verdict: a simulation model's results,
   * not forecasts, with intervals of replication noise only; then what P14's verdict adds, `totals` (Heeks'
   * totals within their bands) and `spread` (the spread wide enough) from p14.txt (null: no p14.txt, no verdict).
   */
  readonly sumValidity: (totals: boolean | null, spread: boolean | null) => string;
  /**
   * What `difusi national` prints under p14.txt's lines in the terminal: what P14 compares, that the
   * bands bind the national total alone, and the verdict (English: validation/p14-national.ts p14Reading).
   */
  readonly terminalP14Reading: (totals: boolean, spread: boolean) => string;

  readonly col: {
    readonly group: string;
    readonly governments: string;
    readonly meanSustained: string;
    readonly sustainMost: string;
    readonly sustainNone: string;
    readonly ci: string;
    readonly government: string;
    readonly province: string;
    readonly type: string;
    readonly success: string;
    readonly partial: string;
    readonly totalFailure: string;
    readonly replaced: string;
    readonly parameter: string;
    readonly value: string;
    readonly default: string;
    readonly line: string;
    readonly agencies: string;
    readonly election: string;
    readonly cohorts: string;
    readonly kind: string;
    readonly name: string;
    readonly id: string;
    readonly warning: string;
  };
  /**
   * The table of names and ids: what the scenario calls each national service, programme, cohort,
   * national regulation, vendor and election cycle, beside the id the CSVs hold (the manifest's `names`).
   */
  readonly namesTable: string;
  readonly namesNote: string;
  readonly kinds: { readonly service: string; readonly programme: string; readonly cohort: string; readonly regulation: string; readonly vendor: string; readonly election: string };
  /** Added to the P14 table's note when its service lines show the services' names. */
  readonly p14NamesNote: string;
  readonly typeTable: string;
  readonly typeNote: string;
  readonly provinceTable: string;
  /** The province table's note; `minReplications`: from how many replications the report reads a difference between provinces. */
  readonly provinceNote: (minReplications: number) => string;
  readonly governmentTable: (shown: number, all: string) => string;
  readonly governmentNote: string;
  /**
   * Said under the table of extremes: what sets the simulated governments apart (agencies' range already
   * formatted; `cycles`, the election cycles the governments are on, and `noCycle`, already formatted,
   * the governments on none; governments in a programme cohort), the median width of their
   * intervals in points, and why the ends of `all` governments exaggerate.
   */
  readonly governmentCaveat: (agencies: string, cycles: number, noCycle: string, inCohort: number, all: string, medianWidth: string, shown: number, extremes: boolean) => string;
  /**
   * Said under the table when most of its lowest rows are programme members: `members` of the `lowest`
   * shown, against `inCohort` of `all` governments; `programmes`, the programmes' names.
   */
  readonly governmentCohortsLow: (members: number, lowest: number, programmes: string, inCohort: string, all: string) => string;
  /** The table's cut at one end falls inside a tie: `more` governments not shown have the mean sustained share (`value`) of the last shown at that end. */
  readonly governmentTieAtCut: (end: 'highest' | 'lowest', more: number, value: string) => string;
  /** Why: a service only the members are offered (`service`, named), sustained in `sustained` of its launches. */
  readonly governmentMembersOnly: (service: string, sustained: string) => string;
  /**
   * The members' and the others' pooled sustained share of all their national services, then of those the members
   * are not alone in being offered; `mostly`: the gap is mostly the members-only services'.
   */
  readonly governmentMembersOther: (membersAll: string, othersAll: string, members: string, others: string, mostly: boolean) => string;
  /** A shown government that runs services of its own (from its city block): `own` of them; `national`, whether it has national services too. */
  readonly governmentOwnServices: (name: string, own: number, national: boolean) => string;
  /** A shown province government formed after the scenario's start (report/national-map.ts). */
  readonly governmentLaterProvince: (name: string, year: string) => string;
  readonly heeksTable: string;
  readonly heeksNote: string;
  readonly p14Table: string;
  readonly p14Note: string;
  /** The P14 table's row of the governments' own services: `governments` (names), `services` (their count), `replications`. */
  readonly p14Local: (governments: string, services: number, replications: number) => string;
  /**
   * The services none of whose initiatives was a success in any replication (`services`, named), and what
   * such a zero can mean: `bound`, the highest translation score a coordinator-owned service on no platform
   * and with no sponsoring leader can reach at this run's weights (`terms`, its enrolled weights), against
   * `stable` (T_stable) held for `months` (T_stable_months).
   */
  /** The enrolment weights p14NoSuccess sums, as the translation score names its actors (docs/MODEL.md 7.7). */
  readonly enrolment: Readonly<Record<'t_budget' | 't_regulation' | 't_champion' | 't_users', string>>;
  readonly p14NoSuccess: (services: string, count: number, replications: number, successShare: string, terms: string, bound: string, stable: string, months: string, below: boolean) => string;
  readonly nationalParameters: string;
  readonly nationalParametersNote: string;
  /** Each national parameter's unit and what it does (docs/NATIONAL.md, "Diffusion between governments"), by name. */
  readonly nationalParameterInfo: Readonly<Record<string, { readonly unit: string; readonly note: string }>>;
  readonly parametersNote: string;
  readonly parametersNoteMd: string;
  readonly parametersUnknown: string;

  readonly charts: Readonly<Record<'spread' | 'provinces' | 'replacements' | 'cohorts', { readonly title: string; readonly caption: string }>>;
  /** The replacement chart's caption when no national ban on standalone applications starts in the run's horizon (manifest.json `ban_starts` empty). */
  readonly replacementsNoBan: string;
  readonly cohortsTitle: (programme: string) => string;
  /** Added to each chart's caption when the charts shown are in another language (the run drew none in this one). */
  readonly chartsOtherLanguage: (command: string) => string;

  /** The words drawn inside the national charts (report/specs/national-*.ts): titles, axes, legends. */
  readonly chart: {
    readonly spreadTitle: string;
    /** Per (government, replication) values: mean counts per replication, as the headline; `half` and `none` already formatted. */
    readonly spreadSubtitle: (governments: number, replications: number, half: string, none: string) => readonly string[];
    /** One value per government (its mean over replications): only when the per-replication values are not at hand. */
    readonly spreadSubtitleMeans: (governments: number, replications: number) => string;
    readonly spreadY: string;
    /** The band of governments that sustain none of their launched services. */
    readonly spreadNone: string;
    readonly spreadGroupNone: string;
    readonly spreadGroupSome: string;
    readonly spreadGroupHalf: string;
    readonly spreadX: string;
    readonly governmentsAxis: string;
    readonly provincesTitle: string;
    readonly provincesSubtitle: (replications: number) => string;
    readonly provincesX: string;
    readonly wavesTitle: string;
    readonly wavesSubtitle: (replications: number) => readonly string[];
    /** wavesSubtitle's second line when no ban starts in the horizon (no dashed line is drawn). */
    readonly wavesSubtitleNoBan: string;
    readonly wavesY: string;
    readonly wavesLegend: string;
    readonly otherServices: string;
    readonly cohortsTitle: (programme: string) => string;
    readonly cohortsSubtitle: (replications: number) => string;
    /** Cohorts (`list`: "id (YYYY-MM)", ...) that joined before the first month simulated, `first`: marked at that month. */
    readonly cohortsBefore: (list: string, first: string) => string;
    /** Cohorts that join after the last month simulated: not marked. */
    readonly cohortsAfter: (list: string) => string;
    /** The cohort chart's y axis: a share of governments (0-1), not a count. */
    readonly cohortsY: string;
    readonly members: string;
    readonly otherGovernments: string;
  };
  /**
   * p14.txt's lines in the report's language (report/p14-text.ts reads
   * each line's numbers and verdict; the numbers arrive already written
   * with the language's decimal separator).
   */
  readonly p14: {
    readonly totals: (outcomes: string, replications: string, success: string, partial: string, total: string, replaced: string, within: boolean) => string;
    readonly spread: (most: string, mostMin: string, none: string, noneMin: string, wide: boolean) => string;
    readonly service: (service: string, success: string, partial: string, total: string, classed: string, outside: boolean) => string;
    /** Names of the pooled rows that are not service ids. */
    readonly names: Readonly<Record<string, string>>;
  };

  readonly howToRead: string;
  readonly howToReadNote: string;
  /**
   * The terms of "how to read this report". `minPeak`, `peakShare`: the run's min_peak and sustain_fraction,
   * already formatted (the values the parameters table shows), which the sustained share's definition names,
   * as the model applies them; `minReplications`, from how many replications the report reads a difference
   * between two groups' intervals.
   */
  readonly terms: (minPeak: string, peakShare: string, minReplications: number) => readonly (readonly [string, string])[];
}

export const nationalEn: NationalCatalog = {
  percentSign: ' %',
  title: (name) => `difusi national report: ${name}`,
  kind: 'national run',
  facts: { governments: 'governments', agencies: 'agencies', services: 'national services', description: 'description' },
  typeOne: { province: 'province', regency: 'regency', city: 'city' },
  typeMany: { province: 'province governments', regency: 'regencies', city: 'cities' },
  allGovernments: 'all governments',
  and: 'and',

  headline: 'Headline',
  interval: (low, high) => `95 % interval ${low}–${high}`,
  tableInterval: (low, high) => `${low}–${high} %`,
  noInterval: 'one replication: no interval',
  noIntervalOld: 'no interval: the folder was written before intervals were recorded',
  typeAdministrative: (_type, count) => `of which ${count} administrative`,
  sumRun: (governments, byType, agencies, replications) =>
    `${governments} local governments (${byType}) with ${agencies} agencies in all, simulated ${replications === 1 ? 'once (1 replication)' : `${replications} times (replications)`}.`,
  // The run changes what it runs, never the file (as the city report says it).
  sumWhatIf: (changes) => `A what-if: ${nationalEn.whatIfChanges(changes)}. Every figure below is of the scenario with these changes, not of the file as written.`,
  sumWarnings: (count, mandates, mandatesPartly, programmes, programmesPartly) => {
    const clauses = [
      mandates.count > 0 ? `${mandates.names} ${mandates.count === 1 ? 'is a mandate' : 'are mandates'} of the scenario but ${mandates.count === 1 ? 'does' : 'do'} nothing in this run` : '',
      mandatesPartly.count > 0 ? `${mandatesPartly.names} ${mandatesPartly.count === 1 ? 'does' : 'do'} nothing for some of the services ${mandatesPartly.count === 1 ? 'it anchors' : 'they anchor'}` : '',
      programmes.count > 0 ? `the strength of ${programmes.names}'s regulation does nothing (joining still launches the services)` : '',
      programmesPartly.count > 0 ? `the strength of ${programmesPartly.names}'s regulation does nothing for some of the services it anchors` : '',
    ].filter((x) => x !== '');
    const any = clauses.length > 0;
    return (
      `Before the run, difusi national warned of ${count === 1 ? 'one thing' : `${count} things`} in the scenario (table "Scenario warnings" below)` +
      (any ? `: ${clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join('; ')}; and ${clauses.at(-1)!}`}, because they come with no money and the services they anchor have no national money where they reach. Read no effect of them into the figures.` : '.')
    );
  },
  warningsTable: 'Scenario warnings',
  warningsNote:
    'What difusi national said about the scenario before the run (the ⚠ lines on the terminal, recorded in manifest.json): the file is valid, but probably does not do what its author meant here. Every figure in this report is of the scenario as it ran, with these in it; a mandate or programme that does nothing is listed among the names below all the same.',
  namesInert: (kind, partly) =>
    kind === 'programme'
      ? `(its regulation's strength does nothing${partly ? ' for some of its services' : ''} in this run, joining still launches the services: see the scenario warnings)`
      : `(does nothing${partly ? ' for some of its services' : ''} in this run: see the scenario warnings)`,
  cohortName: (programme, from) => `${programme}, cohort joining ${from}`,
  whatIfChanges: (changes) => `the scenario was run with the following changes (the file itself is not changed): ${changes}`,
  sumSpread: (governments, most, mostShare, none, noneShare) =>
    `At the horizon, on average ${most} of the ${governments} governments (${mostShare}) sustain at least half of the services they launched, and ${none} (${noneShare}) sustain none.`,
  sumMean: (share) => `A government sustains on average ${share} of the services it launched.`,
  sumTypes: (list) => `By type of government: ${list}.`,
  sumProvinces: (count, low, high, medianWidth, span, replications, minReplications, few) =>
    `Across the ${count} provinces, the mean sustained share lies between ${low} and ${high}, but no province stands out: ` +
    (few
      ? `with ${replications === 1 ? 'one replication' : `${replications} replications`} the order of the provinces is not stable (another run can put another province at either end), so this report names no highest or lowest province; it names one only from ${minReplications} replications on, and only when its interval lies clear of every other province's.`
      : `no province's interval lies clear of every other province's (the intervals are ${medianWidth} points wide at the median, the means ${span} points apart at most), so this report names no highest or lowest province.`),
  sumProvinceEnd: (end, name, share) =>
    `${name} sustains the ${end === 'high' ? 'highest' : 'lowest'} mean share of the provinces (${share}): its interval lies ${end === 'high' ? 'above' : 'below'} every other province's.`,
  sumGovernmentsUnranked: (all, replications, medianWidth, atEachEnd, minReplications) =>
    `This report does not list the ${atEachEnd} governments with the highest and the ${atEachEnd} with the lowest mean sustained share: ` +
    (replications === 1 ? 'with one replication a government\'s mean is a single draw, with no interval, ' : `with ${replications} replications a government's mean rests on ${replications} draws (its 95 % interval is ${medianWidth ?? '–'} points wide at the median), `) +
    `so the order of the ${all} governments is not stable, and those at either end would mostly be the luckiest and unluckiest draws (another run puts other governments there). ` +
    `It lists them only from ${minReplications} replications on, as it names a province (run again with -r ${minReplications} or more); government_summary.csv holds every government's mean and interval.`,
  spreadControl:
    'Where the spread between governments comes from is not shown by this run: the project\'s spread control (docs/NATIONAL.md, "The spread control"; run by npm run patterns on the shipped Indonesian scenario, not on this folder) found that spread not evidence that it comes from the governments\' differences: giving every government the typical government\'s programme, election cycle and mandates did not narrow it. So a difference between provinces, even one their intervals show, need not come from what sets them apart in the scenario.',
  laterProvinces: (names, count, year, parents, parentCount) => {
    const many = count > 1;
    return (
      `${names} ${many ? 'were' : 'was'} formed in ${year}, but the scenario applies today's map from its first month: ${many ? 'they are' : 'it is'} simulated as ${many ? 'governments' : 'a government'} from the start, ` +
      `and ${many ? 'their' : 'its'} regencies and cities, part of ${parents} until then, are counted under ${many ? 'them' : 'it'}. ` +
      `Before ${year}, ${many ? 'their rows' : 'its row'} and the ${parentCount > 1 ? 'rows' : 'row'} of ${parents} describe borders that did not yet exist.`
    );
  },
  sumSustainedVsSuccess: (peakShare, successShare) =>
    `The headline's "sustained" and P14's "success" answer different questions. A service is sustained when it is still live at the horizon in at least the share sustain_fraction = ${peakShare} of the agencies it reached at its peak; it is a success when it is sustained and, besides, at least the share heeks_success_share = ${successShare} of its live instances are routinized and used at target. A change that makes a service already sustained settle into routine moves its successes a lot and the sustained shares little. Read the sustained share to ask whether services last, the success share to ask whether they become routine.`,
  everyReplication: 'in every replication',
  everyReplicationCell: 'same in every replication',
  sumP14: (line) => `P14's verdict, with replaced services left out of the denominator (the Heeks classes table below counts them): ${line}`,
  // The totals line of p14.txt after sumP14's words (without the line's own leading "P14 ").
  sumP14Totals: (...values) => nationalEn.sumP14(nationalEn.p14.totals(...values).replace(/^P14 /, '')),
  terminalP14Reading: (totals, spread) => p14Reading({ totalsPass: totals, spreadPass: spread }),
  // Said whatever P14's verdict: the figures are a model's; a P14 that fails is one more reason (null: no p14.txt, nothing said of it).
  sumValidity: (totals, spread) =>
    "These are results of a simulation model, not a forecast and not a measurement of the governments: simulated histories under the scenario's assumptions and calibrated parameter values (listed in the parameter tables below, in docs/NATIONAL.md, and in docs/ODD.md, section 12), whose intervals reflect only the randomness between replications; read the national figures as exploratory what-ifs, not forecasts." +
    (totals === null || spread === null
      ? ''
      : totals && spread
        ? " In this run the model reproduces P14 (Heeks' totals and a wide spread between governments), which does not make its figures forecasts."
        : ` In addition, in this run the model does not reproduce P14 (${!totals && !spread ? 'neither ' : ''}${[totals ? '' : 'Heeks\' totals of successes and failures', spread ? '' : 'the spread between governments'].filter((x) => x !== '').join(' nor ')}; see the P14 table).`),

  col: {
    group: 'group',
    governments: 'governments',
    meanSustained: 'mean sustained share',
    sustainMost: 'sustain at least half',
    sustainNone: 'sustain none',
    ci: '95 % interval',
    government: 'government',
    province: 'province',
    type: 'type',
    success: 'success',
    partial: 'partial failure',
    totalFailure: 'total failure',
    replaced: 'replaced',
    parameter: 'parameter',
    value: 'value',
    default: 'default',
    line: 'P14 measurement (the lines of p14.txt)',
    agencies: 'agencies',
    election: 'election cycle',
    cohorts: 'programme cohort',
    kind: 'kind',
    name: 'name in the scenario',
    id: 'id in the CSVs',
    warning: 'warning (as difusi national said it, after the file name)',
  },
  namesTable: 'Names and ids',
  namesNote:
    'What the scenario calls the national services, programmes, mandates and election cycles this report names, beside the id the CSVs hold: a national service\'s id is in the innovation column of government_outcomes.csv and national_series.csv, a programme\'s in national_series.csv\'s groups programme:<id>:members and programme:<id>:others, a cohort\'s in the cohorts column of government_summary.csv (a cohort is named by its programme), an election cycle\'s in its election_cycle column (and in the table of governments above). National regulations and vendors have no rows of their own in the CSVs. – : the scenario gives no name.',
  kinds: { service: 'national service', programme: 'programme', cohort: 'programme cohort', regulation: 'national regulation (mandate)', vendor: 'vendor', election: 'election cycle' },
  p14NamesNote: 'Each service is shown by its name in the scenario, with the id p14.txt gives it in square brackets.',
  typeTable: 'Results by type of government',
  typeNote:
    'Mean sustained share: of the services a government launched, the share sustained at the horizon, averaged over the group\'s governments and the replications. Sustain at least half / none: share of the group\'s governments. Intervals: 95 % over replications (group_summary.csv).',
  provinceTable: 'Results by province',
  provinceNote: (minReplications) =>
    `Each province's governments (the province government, its regencies and cities), as in the table above (group_summary.csv). Read a difference between two provinces only where their intervals do not overlap, and only from ${minReplications} replications on: with fewer, an interval's width rests on too few values (with 2, on their one difference, so two replications that happen to agree give a narrow interval by luck), and among many provinces some intervals miss each other by chance alone.`,
  governmentTable: (shown, all) => `Governments with the highest and lowest mean sustained share (${shown} of ${all})`,
  governmentNote: 'Mean sustained share of each government over the replications, with its 95 % interval (government_summary.csv, which lists every government).',
  governmentCaveat: (agencies, cycles, noCycle, inCohort, all, medianWidth, shown, extremes) =>
    `Read these ends with care. Every government runs the same city model with the same parameters (the table of parameters below; ` +
    `a government's own city block in the scenario file, where it has one, overrides them): in this run they differ only by type, size (${agencies} agencies), ` +
    `election cycle (${cycles} ${cycles === 1 ? 'cycle' : 'cycles'}${noCycle === '0' ? '' : `, and ${noCycle} ${noCycle === '1' ? 'government' : 'governments'} on none: no scheduled heads, or leaders of their own city block`}), membership of a programme cohort (${inCohort} of ${all} governments), their neighbours, and chance. ` +
    `A government's 95 % interval is ${medianWidth} points wide at the median` +
    (extremes
      ? `, and the ${shown} shown are the extremes of ${all}: they are partly the luckiest and unluckiest draws, and most would move towards the middle in another run.`
      : '.') +
    ' Do not rank governments on these figures.',
  governmentCohortsLow: (members, lowest, programmes, inCohort, all) => `${members} of the ${lowest} lowest are members of a cohort of ${programmes}, against ${inCohort} of the ${all} governments in all.`,
  governmentTieAtCut: (end, more, value) =>
    `The cut of the ${end} falls inside a tie: ${more} more ${more === 1 ? 'government has' : 'governments have'} the same mean sustained share (${value}) as the listed government next to the cut and ${more === 1 ? 'is' : 'are'} not listed; which of them are listed follows their ids, not their results.`,
  governmentMembersOnly: (service, sustained) =>
    `Only the members are offered ${service}, which is sustained in ${sustained} of its launches (each government and replication): one more service that rarely lasts counts against their share.`,
  governmentMembersOther: (membersAll, othersAll, members, others, mostly) =>
    `Of all their national services the members sustain ${membersAll} and the other governments ${othersAll}; of the others alone, ${members} and ${others} (pooled over launches and replications)` +
    (mostly ? ': the members\' lower shares come mostly from the services only they are offered, so do not read these rows as the programme harming its members.' : '.'),
  governmentOwnServices: (name, own, national) =>
    national
      ? `${name} runs ${own} ${own === 1 ? 'service' : 'services'} of its own (its city block in the scenario file) besides the national ones, so its share is not of the same services as the others'.`
      : `${name} is offered no national service: it runs its own city scenario (its city block in the scenario file, ${own} ${own === 1 ? 'service' : 'services'} of its own), so its share is of those services and not comparable with the others'.`,
  governmentLaterProvince: (name, year) => `${name} was formed in ${year} but is simulated from the scenario's start (today's map applied throughout).`,
  heeksTable: 'Heeks classes',
  heeksNote:
    'Share of the (government, service) initiatives in each Heeks class, over all services and replications (group_summary.csv): success, partial failure, total failure, or replaced by a successor. The denominator is every initiative, replaced ones included, so the four classes add up to 100 %; P14\'s totals below leave the replaced ones out of the denominator, so their shares are slightly higher.',
  p14Table: 'P14: Heeks-like totals',
  p14Note:
    'The P14 measurement as p14.txt writes it. Its first two lines are the verdict: the national totals (replaced services left out) against Heeks\' bands, and the spread between governments against its thresholds; P14 holds when both do. The lines per service compare each service with the same bands for information only: the bands are a condition on the national total alone (docs/NATIONAL.md, "P14").',
  p14Local: (governments, services, replications) =>
    `The line "(local services)" pools the services governments run of their own (from their city blocks), not the national ones: here ${governments}'s ${services} ${services === 1 ? 'service' : 'services'} in each of ${replications === 1 ? 'one replication' : `${replications} replications`}, ${services * replications} outcomes less any replaced; so few that its shares say little.`,
  enrolment: { t_budget: 'budget', t_regulation: 'regulation', t_champion: 'champion', t_users: 'users' },
  p14NoSuccess: (services, count, replications, successShare, terms, bound, stable, months, below) =>
    `None of the initiatives of ${services} was a success in any of the ${replications === 1 ? 'one replication' : `${replications} replications`}. ` +
    `A success needs at least the share heeks_success_share = ${successShare} of a sustained service's live instances routinized and used at target, and an instance routinizes only after ${months} months in a row with a translation score of at least T_stable = ${stable} (docs/MODEL.md 7.4 and 7.7). ` +
    (below
      ? `Some actor-networks can never reach that score, and then the 0 holds by construction, not by chance: at this run's weights a service owned by the coordinator, on no platform and sponsored by no leader scores at most ${terms} = ${bound}, below ${stable}, so none of its instances can routinize in any replication. `
      : `At this run's weights even a service owned by the coordinator, on no platform and sponsored by no leader can reach it (${terms} = ${bound}), so the 0 is not of that construction. `) +
    `A vendor's pilot cannot routinize while the pilot runs. This folder does not record each service's network (its owner, platform, sponsor and funding are in the scenario file): read ${count === 1 ? 'its' : 'their'} 0 % as what the scenario's coding allows before reading it as a finding (docs/NATIONAL.md, P14, names them for the shipped Indonesian scenario).`,
  nationalParameters: 'Diffusion between governments',
  nationalParametersNote: 'The scenario\'s national_parameters (docs/NATIONAL.md): a government launches an available national service at the rate gov_launch_base + gov_imitation × L + gov_competition × C per year (L, C: shares of peer and same-province governments running it).',
  nationalParameterInfo: {
    gov_launch_base: { unit: 'per year', note: 'launch rate of a government on its own (internal determinants)' },
    gov_imitation: { unit: 'per year, times a share', note: 'launch rate from imitating peer governments (same province, pioneers) running the service' },
    gov_competition: { unit: 'per year, times a share', note: 'launch rate from competition with same-province governments running the service' },
    gov_learning: { unit: 'utility, times a share', note: "added to each agency's decision, times the share of peer governments where the service is routinized (learning from success)" },
  },
  parametersNote:
    'City-model parameters every government uses unless its own city block overrides them, grouped by ODD submodel (docs/ODD.md); highlighted rows differ from the default. Source: lit = a value from the literature, knob = a modelling assumption (a setting to vary, not a measurement). None is calibrated to the governments: a government runs another value only where its own city block sets one (as Kota Bekasi\'s calibrated city scenario does in the shipped file).',
  parametersNoteMd:
    'City-model parameters every government uses unless its own city block overrides them, by ODD submodel; * = differs from the default. Source: lit = a value from the literature, knob = a modelling assumption (a setting to vary, not a measurement). None is calibrated to the governments: a government runs another value only where its own city block sets one (as Kota Bekasi\'s calibrated city scenario does in the shipped file).',
  parametersUnknown:
    'This folder was written before national folders recorded their parameters: the values shown are the defaults, not necessarily those that ran (see the scenario file).',

  charts: {
    spread: {
      title: 'Spread between governments',
      caption:
        'How many governments sustain what share of the services they launched, counted in each replication and averaged over the replications, as in the headline: the green bars add up to its governments that sustain at least half, the red bar is those that sustain none.',
    },
    provinces: { title: 'Sustained share by province', caption: 'Each government\'s mean sustained share, by province.' },
    replacements: {
      title: 'Replacement wave',
      caption: 'Agency instances replaced per month (under a ban on standalone applications from its start; before it, and beside it, by an agency\'s double loop), and live standalone instances integrated, all governments, mean per replication.',
    },
    cohorts: {
      title: 'Programme cohorts',
      caption:
        'Of the governments offered each national service, the share that have ever had it live in at least one of their agencies (governments_ever_share in national_series.csv), month by month: the programme\'s members against the other governments.',
    },
  },
  replacementsNoBan:
    'No national regulation of this run bans standalone applications within its horizon, so there is no replacement wave: the bars are the agency instances replaced all the same (by an agency\'s double loop, or under a government\'s own ban), the line the live standalone instances integrated, per month, all governments, mean per replication.',
  cohortsTitle: (programme) => `Programme cohorts: ${programme}`,
  chartsOtherLanguage: (command) => `(This chart is in English: the run drew no charts in the report's language. Its command again with the language, ${command}, draws them; it replaces this folder, and difusi report <folder> then writes the English report again.)`,

  chart: {
    spreadTitle: 'Spread between governments: share of launched services sustained',
    spreadSubtitle: (governments, replications, half, none) => [
      `${governments} governments in each of ${replications} replications; a bar: the governments in its band, mean per replication`,
      `at least half sustained: ${half} governments, none: ${none} (the headline's counts)`,
    ],
    spreadSubtitleMeans: (governments, replications) => `${governments} governments, each at its mean over ${replications} replications (not the headline's per-replication counts)`,
    spreadY: 'governments (mean per replication)',
    spreadNone: 'none',
    spreadGroupNone: 'sustain none',
    spreadGroupSome: 'sustain some, under half',
    spreadGroupHalf: 'sustain at least half',
    spreadX: 'share of its launched services sustained at the horizon',
    governmentsAxis: 'governments',
    provincesTitle: 'Sustained share of launched services, by province',
    provincesSubtitle: (replications) =>
      `each short line a government (mean over ${replications} replications); colour and line: province (black, solid), regency (blue, dashed) or city (orange, dotted); grey line at 0.5: half of its launched services sustained`,
    provincesX: 'sustained share',
    wavesTitle: 'The replacement wave: standalone applications replaced and integrated, per month',
    wavesSubtitle: (replications) => [
      `agency instances of national services in all governments, mean over ${replications} replications`,
      'bars: replaced (from a ban\'s start mostly under it; before it, by an agency\'s double loop); black line: live standalone instances integrated; dashed: a ban starts',
    ],
    wavesSubtitleNoBan: 'no national ban on standalone applications starts in the horizon; bars: replaced (double loop, or a government\'s own ban); black line: live standalone instances integrated',
    wavesY: 'instances per month',
    wavesLegend: 'replaced',
    otherServices: 'other services',
    cohortsTitle: (programme) => `Adoption by governments: ${programme} members versus the others`,
    cohortsSubtitle: (replications) => `share of the governments offered the service that have ever had it live in one of their agencies; mean over ${replications} replications; dashed: cohorts join`,
    cohortsBefore: (list, first) => `joined before the start: ${list}; marked at the first month, ${first}`,
    cohortsAfter: (list) => `joins after the horizon, not marked: ${list}`,
    cohortsY: 'share of governments',
    members: 'members',
    otherGovernments: 'other governments',
  },
  // p14.txt's own wording (validation/p14-national.ts): the English report shows its lines as written.
  p14: { ...P14_WORDS, names: {} },

  howToRead: 'How to read this report',
  howToReadNote: 'What the figures are, and what their intervals say.',
  terms: (minPeak, peakShare, minReplications) => [
    [
      'replication',
      'One simulated history of every government over the horizon, with its own random draws. The figures are means over the replications; more replications give narrower intervals, and means that move less from one run to the next (they settle inside the intervals; they are not fixed).',
    ],
    [
      '95 % interval',
      'Each replication gives one value of a group\'s figure (for example its mean sustained share); the interval is the Student t 95 % interval of their mean over the independent replications, limited to 0–100 %. It measures replication noise only: not the differences between governments within a group, nor the uncertainty of the model\'s parameters and assumptions. Where every replication gave the same value, the report says "in every replication" (in a table, "same in every replication") instead of an interval of zero width; with few replications that does not show the value cannot vary. With one replication there is no interval ("–").',
    ],
    [
      'comparing groups',
      `Two groups (types, provinces, governments) whose intervals do not overlap differ beyond replication noise, if the run has at least ${minReplications} replications: with fewer, an interval's width rests on too few values to be trusted one by one. Among many groups some intervals miss each other by chance alone, so a group is called the highest or lowest only when its interval lies clear of every other's. Overlapping intervals do not show that groups are equal: run more replications to tell.`,
    ],
    [
      'sustained share',
      `Of the services a government launched, the share still sustained at the horizon: live in at least one agency and in at least the share sustain_fraction of the agencies it reached at its peak (${peakShare} in this run; by default 0.5, one half), and its peak reached min_peak agencies (${minPeak} in this run, as in the parameters table below) or, if fewer of its agencies are eligible, all of them. A service still live whose peak stayed under that counts as declining, not sustained. A government that launched none counts as 0. The values are the file's national parameters; a government whose own block sets other values is judged by its own.`,
    ],
    ['sustain at least half / none', 'A government sustains at least half of its services when its sustained share is 50 % or more, and none when it sustains no service it launched.'],
    [
      'Heeks classes',
      'Heeks (2003) classes of e-government projects, applied to each service a government launched: success, partial failure, total failure, or replaced by a successor.',
    ],
    ['P14', 'The project\'s pattern check of national totals against the shares Heeks (2003) reports for e-government projects, and of the spread between governments (docs/NATIONAL.md).'],
  ],
};
