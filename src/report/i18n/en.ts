/**
 * The report's English text: headings, table columns, chart titles and
 * axes, the executive summary's sentences and the glossary. Every other
 * language's catalog has the type `Catalog` derived from this one, so a
 * key missing there (or a sentence taking other arguments) is a compile
 * error. Numbers reach the sentences already formatted (`num`, `pct`, `pp`
 * of `../format.ts`), so the catalogs only order words.
 */
import type { Cause, Category, Outcome } from '../rows.js';
import { relativeThreshold } from '../format.js';

const OUTCOME: Record<Outcome, string> = {
  sustained: 'sustained',
  declining: 'declining',
  discontinued: 'discontinued',
  never_adopted: 'never adopted',
};

const CAUSE: Record<Cause, string> = {
  defunded: 'defunded (pilot end or budget line not renewed)',
  vendor_exit: 'vendor exit',
  disenchantment: 'disenchantment',
  hazard: 'everyday attrition',
  leadership: 'leadership change',
  replacement: 'replacement',
};

const CATEGORY: Record<Category, string> = {
  innovator: 'innovators',
  early_adopter: 'early adopters',
  early_majority: 'early majority',
  late_majority: 'late majority',
  laggard: 'laggards',
};

/** "a", "a and b", "a, b and c". */
const andList = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** "1 replication", "20 replications". */
const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * The scheduled events at an exit cluster (summary.ts exitClusters): `text`, their timeline labels as
 * the timeline table writes them, the first three and then how many more; `named`, those three, each
 * with its kind, its subject without the kind's words (a pilot's service without its vendor, the
 * vendor of a contract, the leader, the regulation, a budget shock's name or '') and a budget shock's
 * factor as written (×0.7); `more`, how many more the timeline holds.
 */
export interface ClusterEvents {
  readonly text: string;
  readonly named: readonly { readonly kind: string; readonly name: string; readonly factor: string | null }[];
  readonly more: number;
}

/** The events of the month before an exit cluster, over by the cluster's month (exits follow them), and that month (YYYY-MM). */
export interface PriorEvents extends ClusterEvents {
  readonly date: string;
}

export const en = {
  lang: 'en',
  decimal: '.',
  /** What follows a number to make it a percentage: English writes "95 %"; Indonesian closes the sign up ("95%", PUEBI). */
  percentSign: ' %',
  /** Between the ends of an interval in brackets: [a, b]; a language with a decimal comma needs another ([a; b]). */
  intervalSep: ', ',
  /** An interval in a table cell (Indonesian: [lo; hi], docs/OUTPUTS.md). */
  tableInterval: (lo: string, hi: string) => `${lo} – ${hi}`,
  /** A range of dates or months in a table cell (the timeline's budget windows). */
  tableRange: (from: string, to: string) => `${from} – ${to}`,
  /** Between the items of a list in a sentence whose items end in a number ("a = 0.15, b = 0.2"; Indonesian "a = 0,15; b = 0,2", so a decimal comma never meets a list comma). */
  numberListSep: ', ',
  /** A share with its interval in a table cell. */
  shareWithInterval: (p: string, lo: string, hi: string) => `${p} (${lo}–${hi})`,
  reportTitle: (name: string) => `difusi report: ${name}`,

  // Sections
  summary: 'Summary',
  glossary: 'Glossary',
  glossaryNote: 'The terms used in this report.',
  compared: 'What is compared',
  experiment: 'Experiment',
  baseScenario: 'Base scenario',
  variantChanges: 'Changes from the base',
  noChanges: 'no change (the base scenario)',
  /** The base arm's note that difusi writes itself into a comparison's manifest (store/experiment-file.ts), shown in the report's language. */
  baseArmNote: 'the base scenario',
  /** The base arm as the report shows it (its name `base` stays in folder names and CSVs). */
  baseArm: 'base',
  /** The description difusi writes itself for `difusi compare base.yaml variant.yaml` (jobs/compare.ts), in the report's language. */
  comparedFiles: (base: string, variants: string) => `${base} against ${variants}`,
  chartsHeading: 'Charts',
  scenarioInfo: 'Scenario info',
  /**
   * A report in another language than English whose scenario has texts in English only (no \`_id\` twin, no \`.id.md\`):
   * which (its description, names, Info page), said before the figures. English reports never show it.
   */
  englishOnly: (parts: { readonly description: boolean; readonly names: boolean; readonly info: boolean }) =>
    `Part of this scenario's information is only in English (${[parts.description ? 'its description' : '', parts.names ? 'names' : '', parts.info ? 'its Info page' : ''].filter((x) => x !== '').join(', ')}).`,
  /** Under the Info heading when the Info page is only in English (a report in another language). */
  infoEnglishOnly: 'This scenario information is only available in English.',
  timelineHeading: 'Scenario timeline',
  timelineNote: 'The scheduled events marked in the time charts.',
  parametersHeading: 'Parameters (ODD order)',
  parametersNote:
    'Values of the resolved scenario, grouped by ODD submodel (docs/ODD.md); highlighted rows differ from the default. Source: lit = a value from the literature, knob = a modelling assumption (a setting to vary, not a measurement).',
  parametersNoteMd: 'Values of the resolved scenario by ODD submodel; * = differs from the default. Source: lit = a value from the literature, knob = a modelling assumption (a setting to vary, not a measurement).',
  /** A parameter that is switched off (its value is null). */
  off: 'off',
  // The parameter table's ODD groups and units (src/scenario/parameters.ts);
  // tests/report/i18n.test.ts checks that every group and unit is here.
  paramGroup: {
    '2.1 states': '2.1 states',
    '5 initialization': '5 initialization',
    '7.1 events': '7.1 events',
    '7.2 awareness': '7.2 awareness',
    '7.3 decision': '7.3 decision',
    '7.4 implementation': '7.4 implementation',
    '7.5 usage': '7.5 usage',
    '7.6 learning': '7.6 learning',
    '7.7 translation': '7.7 translation',
    '7.8 discontinuance': '7.8 discontinuance',
    '8 observation': '8 observation',
  },
  paramUnit: {
    'per year': 'per year',
    'per month': 'per month',
    'months': 'months',
    'factor': 'factor',
    'utility': 'utility',
    '[0,1]': '[0,1]',
    'probability': 'probability',
    'probability per trigger': 'probability per trigger',
    'probability per year': 'probability per year',
    'fraction': 'fraction',
    'commitment': 'commitment',
    'B': 'B',
    'agencies': 'agencies',
    'attribute': 'attribute',
    'score': 'score',
    'weight': 'weight',
    'usage': 'usage',
    'share': 'share',
    'strength': 'strength',
  },
  paramSource: { lit: 'lit', knob: 'knob' },
  /** A parameter's note (PARAMETER_SPECS, in English) in the report's language. */
  paramNote: (note: string): string => note,
  manifestHeading: 'Manifest',
  chartNotRendered: (title: string) => `${title}: chart not rendered`,
  contents: 'Contents',

  // Facts
  factLabels: {
    kind: 'kind',
    scenario: 'scenario',
    scenarioFile: 'scenario file',
    scenarioHash: 'scenario hash',
    runHash: 'scenario hash as run (with overrides, seed and replication count)',
    armHashes: 'arms: scenario hash as run',
    seed: 'seed',
    replications: 'replications',
    detailReplications: 'detail replications',
    tool: 'tool',
    command: 'command',
    shard: 'shard',
    experiment: 'experiment',
    precision: 'replications by precision (--precision)',
  },
  precisionFact: (target: string, outcome: string, replications: number, achieved: string, reached: boolean) =>
    reached
      ? `target ${target} for ${outcome} reached after ${replications} replications (achieved ${achieved}: the 95 % interval's half-width relative to the mean)`
      : `target ${target} for ${outcome} NOT reached: stopped at the maximum, ${replications} replications (achieved ${achieved}: the 95 % interval's half-width relative to the mean)`,
  precisionUndefined: 'undefined, the mean is 0',
  shardOf: (i: number, n: number) => `${i} of ${n}`,
  kinds: { run: 'run', compare: 'comparison', sweep: 'sweep', sensitivity: 'sensitivity analysis' },

  // Columns
  col: {
    date: 'date',
    month: 'month',
    kind: 'kind',
    event: 'event',
    group: 'group',
    name: 'name',
    value: 'value',
    default: 'default',
    unit: 'unit',
    source: 'source',
    note: 'note',
    service: 'service',
    replications: 'replications',
    mainCause: 'main cause when agencies stopped',
    heeks: 'Heeks per agency: success / partial / failure / replaced',
    metric: 'metric',
    mean: 'mean',
    ci: '95 % CI',
    range: 'p05 – p95',
    outcome: 'outcome',
    variant: 'variant',
    n: 'n',
    base: 'base',
    variantMean: 'variant',
    difference: 'difference',
    interval: 'interval',
    relative: 'relative change',
    correlation: 'correlation',
    level: 'level',
    parameter: 'parameter',
    point: 'point',
    muStarConf: 'mu* 95 % ±',
    noiseFloor: 'noise floor',
  },
  timelineKinds: { leader: 'leader', regulation: 'regulation', budget: 'budget', pilot: 'pilot end', contract: 'contract end' },

  // Vocabulary
  outcome: OUTCOME,
  cause: CAUSE,
  category: CATEGORY,
  stage: { restructuring: 'restructuring', clarifying: 'clarifying', routinized: 'routinized' },
  moment: { problematization: 'problematization', interessement: 'interessement', enrolment: 'enrolment', mobilization: 'mobilization' },
  loop: { single: 'single loop', double: 'double loop', triple: 'triple loop' },
  level: { services: 'services', 'city vision': 'city vision', 'city rules': 'city rules' },
  metric: {
    cumulative_adoption_share: 'services ever adopted (share of eligible agency-service pairs)',
    live_share: 'services in use (share of eligible agency-service pairs)',
    routinized_share: 'routinized services (share of eligible pairs)',
    integrated_share: 'agencies with a live integrated service (share of all agencies)',
    failing_share: 'live services failing (share of live)',
    mean_usage: 'mean usage (0-1)',
    mean_translation: 'mean translation T (0-1)',
    vision: 'city vision V (0-1)',
    leader_commitment: 'leader commitment (0-1)',
    sustained_count: 'services sustained (count)',
    'discontinuations.total': 'exits, all causes (per replication)',
  },
  sustainedOf: (service: string) => `${service} sustained (probability)`,
  exitsOf: (cause: string) => `exits: ${cause} (per replication)`,

  // Tables
  outcomesTitle: 'Outcomes per service',
  outcomesNote:
    'Per service: share of replications in which the service ends in each outcome at the horizon (Wilson 95 % interval). Main cause when agencies stopped: in each replication, the cause that ended the most of the agency instances of the service (main_cause in outcomes.csv); shown, the cause that is that in the most replications (not the cause of the most exits pooled over all replications); it may have one even when the service itself is sustained. Heeks: per agency (each agency\'s instance of the service), pooled over replications. Each share is rounded on its own, so a row can add up to anything from 99 % to 102 %.',
  horizonTitle: 'Key city-wide metrics at the horizon',
  horizonNote: (month: number, _date: string) => `Month ${month}; shares in [0, 1]. CI: 95 % t interval of the mean, clipped to [0, 1]; range: 5 % and 95 % quantiles of the replications.`,
  compareTitle: 'Comparison with the base scenario',
  compareNote:
    `Paired differences (variant − base) over replications with common random numbers. Probabilities and shares: differences in percentage points (pp); counts in their unit. * = the interval shown excludes 0. (borderline) after it: as in the summary, the change would not be clear if the level were also adjusted for every outcome compared (Bonferroni): confirm it with more replications before relying on it. Base, variant and difference are printed with the same decimals, as many as the width of the intervals calls for (for percentage points usually one); an interval end that is not 0 but would round to 0 gets more decimals, so it keeps its sign. Each number is rounded on its own, so the printed variant can differ from the printed base plus difference by one in the last digit (compare.csv has the unrounded values). n: the paired replications. Relative change: the difference divided by the base; not shown (–, with the reason) when the base is below ${relativeThreshold(true)} (a share; ${relativeThreshold(true, false)} for another value on 0 to 1, such as an index) or ${relativeThreshold(false)} (a count), or when the base's interval includes 0, where a small difference would read as a large relative one (compare.csv keeps every value). Correlation: of the base's and the variant's values over the paired replications; near 1, the common random numbers removed most of the noise from the difference (– when an arm's value never varies). Level: confidence level of the intervals (Bonferroni-adjusted for several variants, not for the number of outcomes).`,
  morrisTableTitle: 'Morris elementary effects',
  morrisNote:
    "Per outcome, parameters from the largest mu* down. mu, mu* and sigma are in the outcome's own unit: for a share or a probability 0.019 is 1.9 percentage points. mu* 95 % ±: half-width of the bootstrap 95 % interval of mu* (resampled elementary effects). Noise floor: the mu* that replication noise alone gives the factor, measured on its own steps; a factor whose interval does not lie above its floor (above 0 where no floor is shown) cannot be told from one without influence.",
  sobolTableTitle: 'Sobol indices',
  sobolNote: 'First-order (S1) and total (ST) indices with bootstrap intervals, by decreasing ST.',
  /** An index of an outcome with no variance over the design (empty in sobol.csv). */
  sobolUndefinedCell: 'undefined',
  /** After sobolNote when some outcome has no variance over the design: why its indices are undefined. */
  sobolNoVariance: (outcomes: readonly string[]) =>
    `The indices of ${andList(outcomes)} are undefined (empty cells in sobol.csv): ${outcomes.length === 1 ? 'it has' : 'each has'} the same value at every design point, so there is no variance to share among the factors (0/0).`,
  sweepTitle: 'Sweep: mean outcomes per design point',
  sweepNoteAll: 'Means over the replications of each point.',
  sweepNoteFirst: (shown: number, all: number) => `First ${shown} of ${all} points; all are in sweep_summary.csv.`,

  // Executive summary: every city report's first paragraph (summary.ts executiveSummary).
  /**
   * What the report's numbers are, before any of them: a simulation model's results under the scenario's assumptions
   * and calibrated values, not a forecast or a measurement of the city, with intervals of replication noise only.
   * `info`: the report shows the scenario's Info page (its "Scenario info" section), where the assumptions are told.
   */
  sumModelCaveat: (info: boolean) =>
    `These are results of a simulation model, not a forecast and not a measurement of the city: simulated histories under the scenario's assumptions and calibrated parameter values (listed under ${info ? 'Scenario info and ' : ''}Parameters below, and in docs/ODD.md, section 12). The intervals reflect only the randomness between replications.`,

  // Executive summary: run
  // A run with `--set` (manifest.json `overrides`), first: the national report's sentence.
  // The run changes what it runs, never the file ("this run changed the scenario file" read as if the file were rewritten).
  sumWhatIf: (changes: string) =>
    `A what-if: the scenario was run with the following changes (the file itself is not changed): ${changes}. Every figure below is of the scenario with these changes, not of the file as written.`,
  sumRunIntro: (services: number, reps: number, horizon: string) =>
    `${services === 1 ? '1 service was' : `${services} services were`} simulated over ${count(reps, 'replication')} up to ${horizon}. Percentages are shares of replications; the range in brackets is the 95 % (Wilson) interval of the model's share: it reflects only the chance variation between replications and narrows with more of them.`,
  // Grouped by the printed interval (summary.ts, lastingSide): likely only when its lower end is above 50 %, unlikely only when its upper end is below.
  sumLasting: (list: string) => `Likely to last (sustained in more than half of the replications, even at the interval's lower end): ${list}.`,
  // The interval includes 50 %: the point estimate alone would put the service on either side.
  sumUnsure: (reps: number, services: number, list: string) =>
    `Cannot tell yet with ${count(reps, 'replication')} whether ${services === 1 ? 'this service lasts (its interval includes 50 %' : 'these services last (each interval includes 50 %'}; more replications narrow it): ${list}.`,
  sumNotLasting: (list: string) => `Unlikely to last (sustained in fewer than half of the replications, even at the interval's upper end): ${list}.`,
  sumNoneLasting: 'No service is sustained in at least half of the replications.',
  /**
   * After the lists of services that last or not: what "sustained" is, with the run's sustain_fraction (`value`
   * as the parameters table prints it, `percent` as a percentage; `half` when it is 0.5), a threshold the project
   * chose; `unlikely`, the summary lists services unlikely to last, which may still run below it (declining).
   */
  sumSustainedMeans: (value: string, percent: string, half: boolean, unlikely: boolean) =>
    `"Sustained" means live at the horizon in at least ${half ? 'half' : percent} of the agencies the service reached at its peak, a threshold this project chose (the parameter sustain_fraction = ${value}); ${unlikely ? 'a service unlikely to last' : 'a service that is not sustained'} may still be running below that line (the "${OUTCOME.declining}" column of the Outcomes per service table).`,
  sumService: (name: string, p: string, lo: string, hi: string) => `${name} ${p} (${lo}–${hi})`,
  sumSingle: (list: string) => `Open to a single agency (its outcome is whether that one agency still runs it): ${list}.`,
  sumCauses: (total: string, list: string) => `On average ${total} agency-service pairs end per replication; the main causes: ${list}.`,
  sumCause: (cause: string, share: string) => `${cause} ${share}`,
  sumClusters: (list: string) => `Exits cluster in ${list}.`,
  /** After the three events named at an exit cluster: how many more the timeline holds. */
  sumMoreEvents: (count: number) => `and ${count} more ${count === 1 ? 'event' : 'events'}`,
  /**
   * `events`: those in force in the cluster's month (the exits coincide with them); `before`: those of the
   * month before, over by then (the exits follow them: "coincide" would misdate them).
   */
  sumCluster: (date: string, count: string, events: ClusterEvents | null, before: PriorEvents | null = null) =>
    `${date} (${count} per replication${events === null ? '' : `, at ${events.text}`}${before === null ? '' : `${events === null ? ',' : ';'} following ${before.text} in ${before.date}`})`,
  sumNoExits: 'No service ends in any replication.',
  sumPerService:
    'Outcomes are per service (does the service as a whole last?); Heeks classes are per agency (does each agency\'s use of the service succeed?), so the two can differ.',

  // Executive summary: comparison
  sumCompareIntro: (variants: number, reps: number) =>
    `Each what-if is compared with the base scenario over ${count(reps, 'paired replication')} (the same random numbers in every arm). Effects are differences variant − base with their ${''}interval; "no clear effect" means the interval includes zero.`,
  sumCompareMany: (outcomes: number, variants: number, intervals: number, level: string) =>
    `Each what-if is tested on ${count(outcomes, 'outcome')}${intervals > outcomes ? ` (${intervals} intervals in all)` : ''}. ${variants > 1 ? `The ${level} level of the intervals is adjusted for the ${count(variants, 'what-if')} only (Bonferroni), not for the number of outcomes,` : `The ${level} level holds for each interval on its own, not for the outcomes together,`} so among this many intervals one or two may exclude zero by chance. A change marked "borderline" would not be clear if the level were also adjusted for every outcome: confirm it with more replications before relying on it.`,
  sumBorderline: '(borderline)',
  /** After a marked difference in the comparison table and beside the forest chart's row: the summary's word (sumBorderline). */
  compareBorderline: '(borderline)',
  /** Beside a comparison's difference (forest chart) in place of a relative change that relativeWithheld (format.ts) withholds. */
  relativeNotShown: 'relative change not shown',
  /** Why a relative change is not shown: the base below `threshold` ("5 %"), or the base's interval includes 0. */
  relativeWhy: (why: 'small' | 'zero', threshold: string) => (why === 'small' ? `base below ${threshold}` : 'base interval includes 0'),
  /** `mark`: sumBorderline for a change that would not survive an adjustment for every outcome, else null. */
  sumEffect: (outcome: string, direction: string, amount: string, lo: string, hi: string, level: string, mark: string | null) =>
    `${outcome} ${direction} by ${amount} (${level} interval ${lo} to ${hi})${mark === null ? '' : ` ${mark}`}`,
  sumUp: 'rises',
  sumDown: 'falls',
  // A what-if's id as written in compare.csv: the sentence starts before it, so the id is never re-cased.
  sumEffects: (variant: string, list: string) => `The what-if ${variant} changes: ${list}.`,
  sumNoEffect: (variant: string, count: number) => `The what-if ${variant} has no clear effect on any of the ${count} outcomes compared.`,
  sumOthers: (count: number) => (count === 1 ? 'No clear effect on the other outcome.' : `No clear effect on the other ${count} outcomes.`),
  sumMore: (count: number) => `and ${count} more (see the table)`,
  ppUnit: 'pp',
  perReplication: 'per replication',

  // Executive summary: sweep and sensitivity
  sumSweepIntro: (reps: number, points: number, level: string, outcomes = 1) =>
    `Per outcome, the design points with the lowest and the highest mean are compared pair by pair over the ${count(reps, 'replication')} they share (replication r of every point runs on the same random numbers). The difference is highest − lowest with its paired t interval (for a service's sustained share, a yes or no per replication, Newcombe's interval for paired shares, as in a comparison)${points > 2 ? `, at level ${level} rather than 95 %: the two points are the extremes of ${points}, picked after the fact, so the level is corrected for the ${(points * (points - 1)) / 2} pairs they could have been (Bonferroni); without it, chance alone makes the extremes of many points differ` : ' (95 %)'}. "No change detectable" means the interval includes 0, which is not evidence of no effect.${outcomes > 1 ? ` The ${count(outcomes, 'outcome')} are tested each on its own: the level is ${points > 2 ? 'corrected for the pairs of points' : 'that of each interval on its own'} and not corrected for the number of outcomes, so among this many intervals one may exclude zero by chance.` : ''}`,
  sumSweepChange: (outcome: string, lo: string, at: string, hi: string, at2: string, diff: { mean: string; low: string; high: string }, reps: number, level: string) =>
    `${outcome} changes over the design: from ${lo} (at ${at}) to ${hi} (at ${at2}), a paired difference of ${diff.mean} (${level} interval ${diff.low} to ${diff.high}, ${count(reps, 'replication')}).`,
  sumSweepNone: (outcome: string, lo: string, at: string, hi: string, at2: string, diff: { mean: string; low: string; high: string }, reps: number, level: string) =>
    `${outcome}: no change detectable with ${count(reps, 'replication')} per point. Its means range from ${lo} (at ${at}) to ${hi} (at ${at2}); the paired difference, ${diff.mean} (${level} interval ${diff.low} to ${diff.high}), includes 0.`,
  sumSweepSame: (outcome: string, mean: string, reps: number | null) =>
    `${outcome}: the same mean, ${mean}, at every design point${reps === null ? '' : ` (${count(reps, 'replication')} per point)`}.`,
  /** After a lowest or highest point's values ("at takeover_vendor = 0, champion_rotation = 0.2"): how many other points have the very same mean. */
  sumSweepTied: (more: number) => `; and ${more} more ${more === 1 ? 'point' : 'points'} with the same mean`,
  sumSweepUntested: (outcome: string, lo: string, at: string, hi: string, at2: string) =>
    `${outcome}: its means range from ${lo} (at ${at}) to ${hi} (at ${at2}); without sweep.csv (the replications of each point) the difference between them is not tested.`,
  /** The same with sweep.csv at hand but fewer than two replications per point: no spread to test a difference against. */
  sumSweepOneReplication: (outcome: string, lo: string, at: string, hi: string, at2: string) =>
    `${outcome}: its means range from ${lo} (at ${at}) to ${hi} (at ${at2}); with one replication per point the difference between them cannot be tested (it needs at least two).`,
  sumMorris: (outcome: string, list: string, pp: boolean) =>
    `For ${outcome}, the largest Morris mu*${pp ? ' (in percentage points)' : ''}, largest first: ${list}. Morris screening ranks the factors; it does not test them: mu* averages the absolute size of each factor's effects, so replication noise alone keeps it above 0, and a factor is not shown to matter by its mu* interval lying above 0.`,
  /**
   * `floor`: the floors of the outcome's factors, `low` and `high` (the same text when they print alike), each
   * followed by `unit` (" pp" or ""). `first`: the first such sentence of the summary (a language may define the
   * noise floor there once; English defines it in each).
   */
  sumMorrisFloor: (outcome: string, list: string, floor: { low: string; high: string; unit: string }, pp: boolean, _first: boolean) =>
    list === ''
      ? `For ${outcome}, no factor has a Morris mu* whose interval lies above its noise floor (${floor.low === floor.high ? floor.low : `${floor.low}–${floor.high}`}${floor.unit}: the mu* that replication noise alone gives a factor without effect, measured on the factor's own steps).`
      : `For ${outcome}, the factors whose Morris mu*${pp ? ' (in percentage points)' : ''} interval lies above their own noise floor (the mu* that replication noise alone gives a factor without effect, measured on the factor's own steps) are, largest first: ${list}.`,
  sumMorrisItem: (factor: string, mu: string, floor?: string) => `${factor} (mu* ${mu}${floor === undefined ? '' : `; floor ${floor}`})`,
  sumMorrisMore: (n: number) => `; and ${n} more factor${n === 1 ? '' : 's'} above ${n === 1 ? 'its' : 'their'} floor (the table gives ${n === 1 ? 'it' : 'them'})`,
  sumMorrisTied: (items: readonly string[]) => `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}, tied`,
  sumSobol: (outcome: string, list: string, floor: string | null) => {
    const above = floor === null ? '0' : `the noise floor ${floor} (the share of the variance that replication noise gives)`;
    return list === ''
      ? `For ${outcome}, no factor has a total index of at least 0.05 whose interval lies above ${above}.`
      : `For ${outcome}, the factors with a total index of at least 0.05 whose interval lies above ${above} are, largest first: ${list}.`;
  },
  sumSobolItem: (factor: string, st: string) => `${factor} (total index ${st})`,
  sumSobolNoVariance: (outcome: string) =>
    `For ${outcome}, the Sobol indices are undefined: it has the same value at every design point, so there is no variance to share among the factors, and no factor can be named or ruled out.`,
  sumSobolOneReplication: (outcome: string) =>
    `For ${outcome}, no factor is named: with one replication per design point the share of the variance that replication noise gives (the noise floor) cannot be estimated, so no total index can be told from noise. Run two or more replications.`,

  // Glossary
  glossaryTerms: {
    sustained: ['sustained', 'At the horizon the service is live in at least one agency and in at least the share sustain_fraction of the agencies it reached at its peak (one half by default), and its peak reached min_peak agencies (3 by default; or every eligible agency, if fewer).'],
    declining: ['declining', 'Still live at the horizon (and not withdrawn) but not sustained: live in fewer than the share sustain_fraction of the agencies it reached at its peak (one half by default), or its peak never reached min_peak agencies (3 by default; or every eligible agency, if fewer).'],
    discontinued: ['discontinued', 'The service had users but none are left at the horizon (or it was withdrawn).'],
    never_adopted: ['never adopted', 'No agency adopted the service before the horizon.'],
    replication: ['replication', 'One simulated history of the city; the report summarises many, so percentages are shares of replications.'],
    interval: ['95 % interval', "Where the model's mean over very many replications (same scenario and parameters) lies, with 95 % confidence; for shares of replications the Wilson interval. It measures only the chance variation between simulated histories, not the uncertainty of the calibrated or assumed parameters or of the model itself, and it is not the real city's value. It narrows with more replications."],
    pp: ['percentage points (pp)', 'The difference between two percentages: from 20 % to 30 % is +10 pp (a relative change of +50 %).'],
    perService: ['per service / per agency', 'Outcomes describe a service as a whole; Heeks classes, adoption and live counts describe each agency\'s use of a service (an agency-service pair, an "instance").'],
    heeks: ['Heeks success / partial / total failure', 'Heeks (2003) classes of e-government projects, applied to each agency\'s instance: success = live, routinized and well used; partial failure = live otherwise; (total) failure = ended for a reason other than replacement; replaced = migrated to a successor.'],
    callon: ["Callon's moments", 'Callon (1986) stages of enrolling actors: problematization (the service is launched), interessement (agencies are aware of it), enrolment (they run it), mobilization (they have routinized it).'],
    categories: ['adopter categories', 'Rogers (2003): innovators, early adopters, early majority, late majority and laggards, by how early an agency adopts (cut at the mean and one and two standard deviations before it, and one after).'],
    causes: ['causes of exit', 'defunded: a pilot ended or a budget line was not renewed; vendor exit: the vendor left; disenchantment: a service failing for a long time; everyday attrition (hazard): the background risk of abandonment; leadership change: lost the mayor\'s backing; replacement: migrated to a successor.'],
    stages: ['implementation stages', 'Rogers\' organizational stages: restructuring (fitting the service and the agency to each other), clarifying (its meaning becomes clear), routinized (part of normal work).'],
    crn: ['common random numbers', 'Every arm of a comparison replays the same random draws, so differences come from the change, not from chance; paired intervals are then much narrower.'],
    morris: ['Morris screening (mu*, sigma)', 'mu*: the mean absolute effect of moving a factor over its range (importance); sigma: how much that effect varies (interactions or non-linearity).'],
    instance: ['service instance', 'One agency\'s use of one service: what is adopted, implemented and discontinued.'],
    failing: ['failing', 'A live instance used below the failing level (u_fail); one that stays failing for a year or more ends in disenchantment.'],
    translation: ['translation score (T)', 'The share (by weight) of the actors a service needs that are enrolled: owner, budget, platform, regulation, champion, leader, users; 0 to 1.'],
    usage: ['usage', "How much an agency uses a service it runs, 0 to 1: it follows what the service affords (its attributes, integration and funding) plus the agency's effort. Below the failing level (u_fail) the instance is failing."],
    vision: ['city vision (V)', "The city's smart-city vision, 0 to 1: it weakens at each change of leader, little when a coordinating agency carries it."],
    commitment: ['leader commitment', 'How strongly the leader in office backs the smart-city services, 0 to 1 (0 while the office is vacant).'],
    learning: [
      'learning loops',
      'Single loop: an agency adjusts its effort when usage misses its target; double loop: it changes how a service is governed (ownership, integration, re-invention, replacement); triple loop: the city changes its rules (a regulation, the coordinator, a ban on standalone apps).',
    ],
    detail: [
      'detail replications',
      'Agency-level records (each agency\'s adoption and each event) are kept for the first replications only, the detail replications counted in the facts above. The Rogers chart and the survival chart\'s Kaplan-Meier curves are drawn from those; the other figures use every replication.',
    ],
    noise: [
      'replication noise (±)',
      "In a sweep's heat map: the mean, over the design points, of the half-width of each point's 95 % interval (sweep_summary.csv), that is how far a cell's colour can move by chance alone. The summary does not compare points against it: it compares two points pair by pair over the replications they share, which shows smaller differences.",
    ],
    hash: [
      'scenario hash as run',
      "sha256 of the scenario exactly as it ran (manifest.json, scenario.hash): the file's content after any --set or experiment overrides, with the seed and the replication count, so the same file run with another -r has another hash. difusi validate prints the first 12 characters of the same hash computed for the file as written (its own seed and replications, and any --set given to validate); the two agree only when the run changed none of these.",
    ],
    sobol: ['Sobol indices (S1, ST)', 'The share of the outcome\'s variance due to a factor alone (S1) or with all its interactions (ST).'],
  },

  // Charts: common
  axisDateShort: 'date (month, YYYY-MM)',
  axisDateLong: 'date (ticks at each January)',
  axisMonth: 'months since start',
  rulesLegend: 'Vertical rules: leadership changes (solid), regulations (dashed), pilot and vendor contract ends (dash-dot), budget shocks (dotted, shaded window).',
  overReps: (n: number) => ` over ${count(n, 'replication')}`,
  // The bands' interval is said once, by bandIsT, in the line after this one.
  lineMean: (reps: string) => `Lines: mean${reps}.`,
  serviceLegend: 'service',

  // Adoption
  adoptionName: 'Adoption S-curves',
  adoptionCaption: 'Per service: agencies that adopted it, and agencies running it, mean with 95 % band, under the scenario timeline.',
  adoptionTitle: 'Adoption of each service',
  axisCumulative: ['agencies that ever adopted', '(share of eligible agencies)'],
  axisLive: ['agencies running the service', '(count)'],
  axisCumulativeAll: ['ever adopted, all services', '(share of eligible pairs)'],
  axisLiveAll: ['services in use, all', '(agency-service pairs)'],
  axisSingle: ['single-agency services:', 'share of replications in which it is live'],
  singleTitle: 'Services open to one agency: live or not (share of replications in which it is live)',

  // Rogers
  rogersName: "Rogers' adopter categories",
  rogersCaption: 'Realized first adoption months by category, beside threshold-based and realized shares.',
  rogersTitle: "Rogers' adopter categories",
  /** The boundaries drawn on the Rogers histogram (rogers.ts names them in English). */
  rogersBoundary: { 'mean − 2 sd': 'mean − 2 sd', 'mean − sd': 'mean − sd', mean: 'mean', 'mean + sd': 'mean + sd' } as Readonly<Record<string, string>>,
  rogersSub2: "Right: shares from thresholds (grey) and from realized months (dark); vermillion ticks: the normal areas of Rogers' mean ± SD cut-points, 2.3 / 13.6 / 34.1 / 34.1 / 15.9 % (Rogers rounds them to 2.5 / 13.5 / 34 / 34 / 16 %).",
  rogersHist: 'Realized first adoption months',
  rogersNoAdopter: 'no adopter',
  rogersShares: 'Shares per category',
  rogersSharesSub: (opds: number, reps: number, never: number) => `${opds} agencies × ${reps} replication${reps === 1 ? '' : 's'}; ${never} never adopted`,
  axisFirstAdoption: 'first adoption (date)',
  realizedCategory: 'realized category',
  classification: 'classification',

  // Survival
  survivalName: 'Survival of services',
  survivalCaption: 'Exits per month by cause under the timeline; Kaplan-Meier survival per service.',
  survivalTitle: 'Survival of services',
  survivalSub1: (cap: number | null, reps: string) =>
    `Top: agency-service pairs ending per month by cause (mean${reps === '' ? ' over replications' : reps}) with the scenario timeline${cap === null ? '' : `; the axis is cut at ${cap}, and a bar above it is drawn to the top divided among its causes in proportion, with its total (↑) beside it and each cause's mean above the panel`}.`,
  axisExits: ['exits per month', '(agency-service pairs)'],
  causeLegend: 'cause of exit',
  axisSinceAdoption: 'months since adoption',
  axisSurvival: 'probability still in use',

  // Stages
  stagesName: 'Organizational stages',
  stagesCaption: 'Live instances by implementation stage, stacked.',
  stagesTitle: 'Organizational implementation stages',
  stagesSub: (reps: string) => `Live agency-service pairs by stage, stacked (mean${reps}); routinized at the bottom.`,
  axisStages: ['services in use', '(agency-service pairs)'],
  stageLegend: 'stage',

  // Callon
  callonName: "Callon's moments",
  callonCaption: 'Problematization, interessement, enrolment and mobilization per service.',
  callonTitle: "Callon's moments of translation per service",
  callonSub1: 'problematization = launched (share of replications); interessement = aware, enrolment = live,',
  callonSub2: (reps: string) => `mobilization = routinized agencies (share of eligible agencies); means${reps === '' ? ' over replications' : reps}.`,
  momentLegend: "Callon's moment",
  axisShare: 'share',
  axisInstances: 'agencies',
  singleAgency: (name: string) => `${name}: one agency, share of replications`,

  // Learning
  learningName: 'Learning loops',
  learningCaption: 'Learning events by loop per month, with the vision and the leader commitment.',
  learningTitle: 'Learning loops, vision and leader commitment',
  learningSub1: (reps: string) => `Learning events per month by loop (mean${reps}; each loop on its own scale), by level where they happen.`,
  learningSub2: 'Bottom: the smart-city vision V and the leader commitment, mean with its band.',
  axisLoop: (loop: string) => [loop, '(events per month)'],
  axisCity: ['vision, leader commitment', '(0-1)'],
  levelLegend: 'level',
  cityLegend: 'city',

  // Forest
  forestName: 'Paired differences',
  forestCaption: 'Each what-if minus the base, paired by replication (common random numbers), with intervals; probabilities and shares in percentage points.',
  forestTitle: 'Effect of each what-if (variant − base)',
  forestSub: (reps: string) => `Point: mean paired difference${reps}; line: its interval; * the interval excludes 0. Right: difference [interval] and relative change.`,
  /** `unit` null: the outcome's name already ends with it ("exits: defunded (per replication)"), said once. */
  forestAxis: (outcome: string, unit: string | null, level: string) => `${outcome}: variant − base (${unit === null ? '' : `${unit}, `}${level} interval)`,

  // Arms
  armsName: 'Arms per service',
  armsCaption: "Each arm's mean curve with its 95 % band, per service and city-wide; each arm's own events on the timeline.",
  armsTitle: 'The arms compared, per service',
  armsSub: (reps: string) => `Each arm: mean${reps === '' ? ' over replications' : reps} (common random numbers) with its band. Events of only some arms are coloured and marked with their arms.`,
  armLegend: 'arm',
  onlyIn: (arms: string) => `only ${arms}`,

  // Sweep
  sweepLineName: 'Sweep',
  sweepLineCaption: 'Each outcome against the swept factor: mean with its 95 % band.',
  sweepLineTitle: (factor: string) => `Outcomes over ${factor}`,
  sweepLineSub: 'Line: mean over the replications of each design point.',
  /** A sweep summary's difference whose interval reaches past the largest difference the outcome allows (`bound`: "±100 pp", "±121"): too few replications to bound it. */
  sumSweepUnbounded: (outcome: string, lo: string, at: string, hi: string, at2: string, diff: string, reps: number, level: string, bound: string, share: boolean) =>
    `${outcome}: cannot tell yet with ${count(reps, 'replication')} per point. Its means range from ${lo} (at ${at}) to ${hi} (at ${at2}), a paired difference of ${diff}; its ${level} interval reaches past ${bound} (the largest difference ${share ? 'a share allows' : 'the outcome allows, from 0 to the most any replication gave'}), so it bounds nothing: too few replications (sweep_summary.csv keeps the unclipped intervals). More replications narrow it.`,
  /** After an experiment's description that quotes another count of replications (`quoted`) than the run's: -r or --set replications ran another count than the file's. */
  descriptionReplications: (reps: number, quoted: number) => `This run: ${count(reps, 'replication')} per point (the description says ${quoted}).`,
  /** The table of means per design point in a sensitivity report (sweepTitle in a sweep's). */
  sensitivityTableTitle: 'Sensitivity analysis: mean outcomes per design point',
  /** The heat map's colour scale when the interval of a point is wider than the outcome's range. */
  heatmapNoiseUnbounded: 'unbounded: too few replications',
  /** Why the heat map's colour scale spans what it spans: a share's whole range, or the cells' range widened to the replication noise. */
  heatmapScale: (lo: string, hi: string, why: 'share' | 'noise' | 'cells' | 'count') =>
    `colour ${lo} to ${hi} (${why === 'share' ? 'a share\'s whole range' : why === 'noise' ? 'the cells\' range widened to the replication noise' : why === 'count' ? 'from 0: the noise cannot be bounded' : 'the cells\' range'})`,
  /** A Morris panel's subtitle: the noise floor drawn as a dotted rule. */
  morrisFloor: (floor: string) => `dotted tick on each line: that factor's noise floor (${floor})`,
  /** A Morris axis: mu* or sigma with the unit the summary uses (pp for shares). */
  morrisAxis: (name: string, pp: boolean) => (pp ? `${name} (percentage points)` : name),
  /** The Morris chart's second subtitle line (morrisSub is the first): the noise floor drawn and the dodge. */
  morrisSubFloor: 'Dotted tick across a line: that factor\'s noise floor, the mu* replication noise alone gives a factor without effect (the summary tests against it). Factors at about the same sigma are set a few pixels apart.',
  heatmapName: 'Sweep heat map',
  heatmapCaption: 'Mean outcome over two factors; the colour scale and its range in the panel title.',
  heatmapTitle: 'Sweep: outcomes over two factors',
  heatmapSub: (others: string) => `Cells: mean of each outcome over the replications${others === '' ? '' : ` and over ${others}`}.`,
  heatmapRange: (lo: string, hi: string, spread: string, noise: string | null, scale = '') =>
    `cells ${lo} to ${hi}: a spread of ${spread}${noise === null ? '' : ` (replication noise ${noise})`}${scale === '' ? '' : `; ${scale}`}`,

  // Morris and Sobol
  morrisName: 'Morris screening',
  morrisCaption: 'mu* (importance, with its bootstrap 95 % interval) against sigma per factor.',
  morrisTitle: 'Morris screening: importance and interaction',
  morrisSub: 'mu*: mean absolute elementary effect (horizontal line: bootstrap 95 % interval); sigma: their standard deviation. Dashed: sigma = mu*.',
  morrisUnlabelled: (list: string) => `not labelled (crowded): ${list}`,
  sobolName: 'Sobol indices',
  sobolCaption: 'First-order and total indices with intervals.',
  sobolTitle: 'Sobol sensitivity indices',
  sobolSub: 'S1: share of variance from the factor alone; ST: with all its interactions. Lines: bootstrap intervals.',
  sobolAxis: (outcome: string) => `Sobol index of ${outcome} (share of variance)`,
  /** The Sobol chart's subtitle and caption when an outcome has no variance over the design (it gets no panel). */
  sobolNotDrawn: (outcomes: readonly string[]) =>
    `Not drawn: ${andList(outcomes)}, the same at every design point, so ${outcomes.length === 1 ? 'its' : 'their'} indices are undefined.`,
  indexLegend: 'index',

  // Charts (repcharts): Kaplan-Meier small multiples, with what each curve rests on.
  kmSub: (min: number): readonly string[] => [
    "Bottom: Kaplan-Meier survival of each agency's use of a service (one cell per service), censored at the horizon; bands: 95 % pointwise interval (log-log, Greenwood).",
    `A service with fewer than ${min} instances (agency lives) gets no curve: the outcome table, over every replication, gives its shares.`,
  ],
  kmTitleN: (reps: number) => `Kaplan-Meier survival of service instances (the ${reps} detail replication${reps === 1 ? '' : 's'})`,
  kmCellNote: (instances: number, ended: number, reps: number) => `n = ${instances} instance${instances === 1 ? '' : 's'} in ${reps} replication${reps === 1 ? '' : 's'}, ${ended} ended`,
  kmTooFew: (min: number) => `fewer than ${min} instances: no curve drawn`,
  eventWindow: (from: string, to: string) => `${from} to ${to}`,
  // Rogers chart: per-replication counts and agents.csv's categories.
  rogersSub1PerRep:
    "Left: first adoptions per bin, mean per detail replication, coloured by each agency's realized category as agents.csv gives it (classified within its replication). Dashed: normal curve of the pooled months' mean and SD, with its boundaries.",
  rogersHistSubPooled: (n: number, reps: number, mean: string, sd: string, bin: number) =>
    `${n} first adoptions pooled over ${reps} replication${reps === 1 ? '' : 's'}; pooled mean ${mean}, sd ${sd} months; ${bin}-month bins`,
  axisAdoptersPerRep: ['first adoptions per bin', '(mean per replication)'],
  axisShareOfWhat: 'share (threshold: of agencies; realized: of adopters)',
  sourceThresholdOf: 'threshold (theta), share of agencies',
  sourceRealizedOf: 'realized (agents.csv), share of adopters',
  // Which interval a chart's band is (the report's tables use Wilson intervals for shares of runs).
  bandIsT: (single: boolean) =>
    `Bands: Student t interval (95 %) of the mean over replications.${single ? " For a service open to one agency, the report's tables give the share of replications with a Wilson interval, which differs slightly from this band." : ''}`,
  // One replication: no interval, so no band is drawn (the line is that replication's own path).
  noBandOne: 'One replication: no band (an interval needs at least two replications).',
  /** Each arm's (or what-if's) replications where they differ: " over the replications of each arm (base 50, mandate 40)". */
  overRepsEach: (list: string) => ` over the replications of each arm (${list})`,
  /** After bandIsT, when a band was clipped: a band is drawn only within what its quantity can be. */
  bandClipped: 'Bands are clipped to what is possible: 0 to 1 for a share, 0 to the eligible agencies for a count.',
  /** bandClipped where a count drawn has no known number of eligible agencies (a folder without agents.csv or agencies in its scenario): clipped at 0 only. */
  bandClippedAtZero: 'Bands are clipped to what is possible: 0 to 1 for a share, not below 0 for a count (its eligible agencies are not known).',
  /** The line above the survival chart's exits panel for a bar cut by its axis: its month, total and causes' means. */
  survivalCutBar: (when: string, total: string, causes: readonly string[]) => `Bar cut at ${when}: ${total} exits per month in all (${causes.join(', ')}).`,
  armsWindowSub: "A budget window of only some arms is shaded in its first arm's colour, with a dashed rule in that colour at its end.",
};

/** A catalog: the English one's keys, each a string or a sentence with the same arguments. */
export type Catalog = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => infer R
    ? (...args: A) => R
    : (typeof en)[K] extends readonly string[]
      ? readonly string[]
      : (typeof en)[K] extends string
        ? string
        : (typeof en)[K];
};
