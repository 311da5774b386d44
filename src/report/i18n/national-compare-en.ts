/**
 * The English text of the report of a national comparison
 * (report/national-compare-report.ts, docs/NATIONAL-COMPARE.md, "The
 * report"): its title, headline sentences, table headings and notes, the
 * chart's words and "how to read this". The city catalog (en.ts) supplies
 * the shared section headings and the national catalog (national-en.ts) the
 * government types and the what-if clause, so that the comparison says its
 * variant with the national report's words. `NationalCompareCatalog` is the
 * type every language's catalog has: a missing key is a compile error.
 * Numbers reach the sentences already formatted (with the language's
 * decimal separator and percent sign), names already chosen: the sentences
 * only order words.
 */

/** The plain-words subject of one outcome of national_compare.csv (report/national-compare-report.ts outcomeSubject). */
export type CompareSubject =
  | { readonly kind: 'mean' | 'most' | 'none' }
  | { readonly kind: 'heeks'; readonly heeks: 'success' | 'partial' | 'total_failure' | 'replaced' }
  | { readonly kind: 'launched' | 'sustained' | 'success'; readonly service: string }
  | { readonly kind: 'group'; readonly group: string };

/**
 * How many of the intervals would exclude 0 by chance alone if the change had no effect on average: `byChance`,
 * (1 − level) × `counted` rounded, `share` being 1 − level as a percentage (already formatted, "5 %"), `counted` the
 * outcomes whose difference is not exactly 0 in every replication and `notCounted` the others (exactly 0 in every
 * replication, or without a value: their interval cannot exclude 0).
 */
export interface ChanceCount {
  readonly byChance: number;
  readonly share: string;
  readonly counted: number;
  readonly notCounted: number;
}

/** A difference of shares in percentage points, from one row of the report (already formatted). */
export interface PointsExample {
  readonly base: string;
  readonly variant: string;
  readonly diff: string;
}

export interface NationalCompareCatalog {
  readonly title: (name: string) => string;
  /** The facts' "kind". */
  readonly kind: string;
  readonly headline: string;
  /** What was compared: the scenario's name, its file, and the changes (`changes` is national-en's whatIfChanges clause, already worded). */
  readonly sumCompared: (name: string, file: string, changes: string) => string;
  /** The scenario's names of the elements the changes select by id (`items`: each already worded by changedName), joined. */
  readonly changedNames: (items: string) => string;
  readonly changedName: (id: string, name: string) => string;
  /** Where the changed fields are described (`items`: each already worded by changedField), joined. */
  readonly changedFields: (items: string) => string;
  /** A changed field, the top-level field it is under ('' for none) and the docs section (a path) that describes it. */
  readonly changedField: (field: string, list: string, section: string) => string;
  /**
   * Rows whose paired difference is not 0 and the same in every replication (`rows`: each worded by sameRow),
   * with fewer than `minReplications` replications: their interval has zero width by chance as much as by design.
   */
  readonly caveatSame: (rows: readonly string[], replications: number, minReplications: number) => string;
  /** One such row: its table label and its difference (already formatted, in pp). */
  readonly sameRow: (label: string, diff: string) => string;
  /** How both arms ran: `replications`, `seed`, `level` (already formatted, "95 %"). */
  readonly sumArms: (replications: number, seed: string, level: string) => string;
  /**
   * How many outcomes have an interval that excludes 0 (`clear` of `total`), before the largest of them (`shown`;
   * 0: none is named); `groupsHeld`: single provinces and cohorts are left out of the largest (too few replications);
   * `level` (already formatted) and `chance`: how many would by chance alone, said in the same paragraph so that the
   * count is never read without it (and said there only: the caveat points to it).
   */
  readonly sumClear: (clear: number, total: number, shown: number, groupsHeld: boolean, level: string, chance: ChanceCount) => string;
  /**
   * Province and cohort rows are not named one by one below `minReplications` replications: `count` of them
   * have an interval that excludes 0 (0: said of the largest differences, untested); `table` is the groups' table.
   */
  readonly sumGroupsHeld: (count: number, table: string, replications: number, minReplications: number) => string;
  /** One outcome that differs: `sentence` (outcomeSentence), `up`, the difference `amount` in points (unsigned), and its interval in words (`interval` or `sameEvery`). */
  readonly sumEffect: (sentence: string, up: boolean, amount: string, interval: string) => string;
  /** An interval in a sentence: its ends (signed, in points) and `level`. */
  readonly interval: (low: string, high: string, level: string) => string;
  /** Said instead of an interval of zero width: the paired difference was the same in every replication. */
  readonly sameEvery: string;
  /** A table's interval cell of zero width. */
  readonly sameEveryCell: string;
  /** After the largest: how many more differ beyond noise. */
  readonly sumMoreClear: (count: number) => string;
  /** No interval excludes 0 (`total` outcomes, `replications`). */
  readonly sumNoneClear: (total: number, replications: number) => string;
  /** Every difference is exactly 0 with interval [0, 0]. */
  readonly sumAllZero: (total: number) => string;
  /** One replication: the largest differences (`shown` of `total`), without intervals. */
  readonly sumOneReplication: (shown: number, total: number) => string;
  /** One outcome's difference with one replication (no interval): `sentence`, `up`, `amount`. */
  readonly sumEffectNoInterval: (sentence: string, up: boolean, amount: string) => string;
  /**
   * One outcome in plain words: its value with the change (`variant`) and without (`base`), both already
   * formatted as percentages, and what it is a share of; `subject` names the service or group; `end`: when a
   * class or a sustained service is read (atEnd).
   */
  readonly outcomeSentence: (subject: CompareSubject, variant: string, base: string, end: string) => string;
  /** When the outcomes are read: at the end of the run, with its last year (`year`; null when the base arm's folder could not be read). */
  readonly atEnd: (year: string | null) => string;
  /** A group as the subject of outcomeSentence: a government type (already named, plural), a province (its name), a cohort with its programme's name. */
  readonly groupSubject: {
    readonly type: (types: string) => string;
    readonly province: (name: string) => string;
    readonly cohort: (cohort: string, programme: string) => string;
  };
  /**
   * Each interval is for its own outcome (`level`, `rows`: the outcomes compared); `counted`: the headline said how
   * many would exclude 0 by chance alone (sumClear), which this points to rather than says again.
   */
  readonly caveatEach: (level: string, rows: number, counted: boolean) => string;
  readonly caveatNoise: string;
  /** A change reaches beyond the service it names. */
  readonly caveatReach: string;
  readonly caveatOneReplication: string;
  /** Some rows have no value in some replication (a share of nothing): `count` rows. */
  readonly caveatEmpty: (count: number) => string;
  /** The names could not be read (the base arm's folder `folder` is not there or not readable): ids are shown. */
  readonly namesMissing: (folder: string) => string;

  /** The "compared" section: the base's and the variant's lines. */
  readonly baseArm: (file: string) => string;
  readonly variantName: string;
  readonly variantNote: string;

  readonly col: {
    readonly outcome: string;
    readonly service: string;
    readonly measure: string;
    readonly base: string;
    readonly variant: string;
    readonly difference: string;
    /** The interval column, `level` already formatted. */
    readonly interval: (level: string) => string;
    readonly row: string;
  };
  /** The outcomes' names in the tables. */
  readonly outcomes: {
    readonly mean: string;
    readonly most: string;
    readonly none: string;
    readonly heeks: Readonly<Record<'success' | 'partial' | 'total_failure' | 'replaced', string>>;
    readonly launched: string;
    readonly sustained: string;
    readonly success: string;
    /** A group's row: a government type (already named), a province (by its name), a cohort with its programme's name. */
    readonly type: (types: string) => string;
    readonly province: (name: string) => string;
    readonly cohort: (cohort: string, programme: string) => string;
  };
  readonly totalsTable: string;
  /** The totals' note; `end`: atEnd. */
  readonly totalsNote: (end: string) => string;
  readonly heeksTable: string;
  readonly heeksNote: (end: string) => string;
  /**
   * Which definition of the Heeks shares the comparison uses (every launched initiative in the denominator, replaced
   * ones included: the national report's Heeks classes table), against P14's (replaced left out: p14.txt and the
   * national report's headline), so that two figures for the same base are not read as a contradiction.
   */
  readonly heeksDefinition: string;
  readonly servicesTable: string;
  readonly servicesNote: string;
  readonly groupsTable: string;
  readonly groupsNote: string;
  /** The rows of outcomes this report does not describe (a folder written by another version of difusi): by their names in national_compare.csv. */
  readonly otherTable: string;
  readonly otherNote: string;
  /** Said under every table: units, the mark, the interval (`level`, `replications`). */
  readonly tableNote: (level: string, replications: number) => string;
  /** A cell with no value (a share of nothing in some replication). */
  readonly noValue: string;
  /** The interval cell with one replication. */
  readonly noIntervalCell: string;
  /** A table's interval cell: its ends (signed, already formatted), written as in a sentence (interval), so that "−0.1 – +0.9" is not read as a subtraction. */
  readonly intervalCell: (low: string, high: string) => string;

  readonly chartTitle: string;
  readonly chartCaption: string;
  /** The chart's subtitle lines (`replications`, `level` already formatted). */
  readonly chartSubtitle: (replications: number, level: string) => readonly string[];
  /** The forest chart's subtitle line naming the variant's changes (`changes`: each `name: path = value`, joined; `count` of them). */
  readonly chartChanges: (changes: string, count: number) => string;
  /** A panel's x axis: its measure, in points. */
  readonly chartAxis: (measure: string) => string;
  /** The measures as the panels' axes name them (short: the table's names say what each is a share of). */
  readonly chartMeasures: Readonly<Record<'launched' | 'sustained' | 'success', string>>;
  readonly chartClear: string;
  readonly chartNotClear: string;

  readonly facts: {
    readonly level: string;
    readonly base: string;
    readonly variant: string;
    readonly hashes: string;
    /** Said when the command recorded ran with --no-charts: the report was written afterwards. */
    readonly report: string;
  };
  /** The fact `report`'s value: written afterwards by `difusi report`. */
  readonly reportAfterwards: string;
  /** The parameters' note: the base's values. */
  readonly parametersNote: string;
  readonly parametersNoteMd: string;
  readonly howToRead: string;
  readonly howToReadNote: string;
  /**
   * The terms of "how to read this report"; `level` already formatted; `example`: this comparison's largest
   * difference as its table prints it (base and variant in %, the difference in pp), null when none; `end`: atEnd.
   */
  readonly terms: (level: string, example: PointsExample | null, end: string) => readonly (readonly [string, string])[];
}

const heeksWords = { success: 'a Heeks success', partial: 'a Heeks partial failure', total_failure: 'a Heeks total failure', replaced: 'replaced by a successor (Heeks class "replaced")' } as const;

export const nationalCompareEn: NationalCompareCatalog = {
  title: (name) => `difusi national comparison: ${name}`,
  kind: 'national comparison (difusi national-compare)',
  headline: 'Headline',
  sumCompared: (name, file, changes) =>
    `This report compares two national runs of the scenario ${name} (file ${file}): the base, the file as written, and the variant, for which ${changes}.`,
  changedNames: (items) => `Here ${items}.`,
  changedName: (id, name) => `${id} is ${name}`,
  changedFields: (items) => `What each changed field means and does in the model: ${items}.`,
  changedField: (field, list, section) => `${field}${list === '' ? '' : ` (in ${list})`}, see ${section}`,
  caveatSame: (rows, replications, minReplications) =>
    `${rows.length === 1 ? `One row, ${rows[0]},` : `${rows.length} rows (${rows.join('; ')})`} ${rows.length === 1 ? 'shows' : 'show'} a difference that is not 0 and the same in ${replications === 2 ? 'both replications' : 'every replication'} ("same in every replication"): with ${replications === 2 ? 'two replications that happen to agree' : `only ${replications} replications`}, that can be chance, so the interval of zero width does not show that the difference cannot vary; read such a row as settled only from ${minReplications} replications on.`,
  sameRow: (label, diff) => `"${label}" (${diff})`,
  sumArms: (replications, seed, level) =>
    `Both were simulated ${replications === 1 ? 'once (1 replication)' : `${replications} times (replications)`} with the same seed, ${seed}. In each replication both draw the same random numbers for every government (common random numbers), so each difference below is the variant minus the base in the same replication, averaged over the replications: both runs of a replication share the same luck, so their difference is not a difference in luck between them.` +
    (replications > 1 ? ` The chance variation that remains is what each difference's ${level} interval measures.` : ''),
  sumClear: (clear, total, shown, groupsHeld, level, c) =>
    // "If the change had no effect on average", not "if it did nothing": a change that acts nowhere gives every
    // difference exactly 0 (common random numbers), and no interval excludes 0 then.
    `${clear} of the ${total} outcomes compared ${clear === 1 ? 'has' : 'have'} a ${level} interval that excludes 0. ` +
    `If the change had no effect on average, ${c.byChance >= 1 ? `about ${c.byChance}` : 'fewer than 1'} would still do so by chance alone: ${c.share} of the ${c.counted} ${c.counted === 1 ? 'outcome' : 'outcomes'} whose difference is not always 0` +
    (c.notCounted === 0 ? '.' : ` (the other ${c.notCounted} ${c.notCounted === 1 ? 'is' : 'are'} exactly 0 in every replication or without a value, and cannot exclude 0).`) +
    (shown === 0 ? '' : ` ${clear > shown ? `The ${shown === 1 ? 'largest' : `${shown} largest`}${groupsHeld ? ' apart from single provinces and cohorts' : ''}` : clear === 1 ? 'That outcome' : 'Largest first'}:`),
  sumGroupsHeld: (count, table, replications, minReplications) =>
    `${count === 0 ? 'Single provinces and programme cohorts are' : `${count === 1 ? 'One province or cohort row also has' : `${count} province and cohort rows also have`} an interval that excludes 0 and ${count === 1 ? 'is' : 'are'}`} left out of the headline: group rows are in the table "${table}", and each needs at least ${minReplications} replications (this comparison has ${replications}) to be read on its own: among this many rows some may exclude 0 by chance alone.`,
  sumEffect: (sentence, up, amount, interval) => `With the change, ${sentence}: ${up ? 'up' : 'down'} ${amount} percentage points (${interval}).`,
  interval: (low, high, level) => `${level} interval ${low} to ${high}`,
  sameEvery: 'the same difference in every replication',
  sameEveryCell: 'same in every replication',
  sumMoreClear: (count) => `${count} more ${count === 1 ? 'outcome has' : 'outcomes have'} an interval that excludes 0: see the tables below.`,
  sumNoneClear: (total, replications) =>
    `None of the ${total} differences has an interval that excludes 0: with ${replications} replications, the change shows no effect beyond replication noise. That is not evidence of no effect: more replications (-r) narrow the intervals.`,
  sumAllZero: (total) =>
    `Every one of the ${total} differences is exactly 0 in every replication: the change acts on nothing the model reads (both arms draw the same random numbers, so a change that acts nowhere gives exactly the same results).`,
  sumOneReplication: (shown, total) =>
    `With one replication no difference has an interval, so none can be told from replication noise. The ${shown} largest of the ${total} differences, not tested:`,
  sumEffectNoInterval: (sentence, up, amount) => `With the change, ${sentence}: ${up ? 'up' : 'down'} ${amount} percentage points (no interval).`,
  outcomeSentence: (s, variant, base, end) => {
    switch (s.kind) {
      case 'mean':
        return `a government sustains on average ${variant} of the services it launched, against ${base} without it`;
      case 'most':
        return `${variant} of the governments sustain at least half of the services they launched, against ${base} without it`;
      case 'none':
        return `${variant} of the governments sustain none of the services they launched, against ${base} without it`;
      case 'heeks':
        return `${variant} of all the services launched (each government's launch of a service counted once) are ${heeksWords[s.heeks]} ${end}, against ${base} without it`;
      case 'launched':
        return `${s.service} is launched by ${variant} of the governments offered it, against ${base} without it`;
      case 'sustained':
        return `${s.service} is sustained ${end} in ${variant} of the governments offered it, against ${base} without it`;
      case 'success':
        return `${s.service} is a Heeks success in ${variant} of the governments that launched it, against ${base} without it`;
      case 'group':
        return `${s.group} sustain on average ${variant} of the services they launched, against ${base} without it`;
    }
  },
  atEnd: (year) => `at the end of the run${year === null ? '' : ` (${year})`}`,
  groupSubject: {
    type: (types) => types,
    province: (name) => `the governments of ${name}`,
    cohort: (cohort, programme) => `the members of cohort ${cohort} of ${programme}`,
  },
  caveatEach: (level, rows, counted) =>
    `Each interval holds at the ${level} level for its own outcome, not for all ${rows} rows together: among this many, some may exclude 0 by chance alone${counted ? ' (about how many, the count above says)' : ''}, so read one that only just excludes 0 with care and confirm it with more replications.`,
  caveatNoise:
    'The intervals measure replication noise only, not the uncertainty of the model\'s parameters and assumptions: the figures are what-ifs under the model, not forecasts.',
  caveatReach:
    'A change reaches further than the service it names: inside each government through what its services share (budget, staff, leaders), and across governments through diffusion. So look at the other rows too, not only at the service the change names.',
  caveatOneReplication:
    'With one replication there is no interval: no spread can be estimated from one pair of runs, so no difference can be told from replication noise. Run the comparison again with -r 2 or more.',
  caveatEmpty: (count) =>
    `${count === 1 ? 'One row has' : `${count} rows have`} no value ("–"): a share of nothing in some replication (for example the Heeks-success share of a service no government launched there).`,
  namesMissing: (folder) =>
    `The base's national folder (${folder}, as the comparison's manifest.json records it) could not be read, so services, provinces and cohorts are shown by their ids, and the scenario's parameters are not shown.`,

  baseArm: (file) => `the file as written (${file})`,
  variantName: 'variant',
  variantNote: 'the same file, with these changes (the file itself is not changed)',

  col: {
    outcome: 'outcome',
    service: 'national service',
    measure: 'measure',
    base: 'base',
    variant: 'variant',
    difference: 'difference (variant − base)',
    interval: (level) => `${level} interval`,
    row: 'row in national_compare.csv',
  },
  outcomes: {
    mean: 'mean sustained share of a government',
    most: 'governments sustaining at least half of their services',
    none: 'governments sustaining none of their services',
    heeks: { success: 'success', partial: 'partial failure', total_failure: 'total failure', replaced: 'replaced by a successor' },
    launched: 'launched (share of the governments offered it)',
    sustained: 'sustained (share of the governments offered it)',
    success: 'Heeks success (share of the governments that launched it)',
    type: (types) => `${types}: mean sustained share`,
    province: (name) => `${name}: mean sustained share of its governments`,
    cohort: (cohort, programme) => `cohort ${cohort} of ${programme}: mean sustained share of its members`,
  },
  totalsTable: 'National totals',
  totalsNote: (end) =>
    `Mean sustained share: of the services a government launched, the share sustained ${end}, averaged over all governments. The other two rows: the share of the governments that sustain at least half, or none, of the services they launched.`,
  heeksTable: 'Heeks classes of all launched services',
  heeksNote: (end) =>
    `Each government's launch of a service (national or its own) is one initiative; the rows are the shares of all launched initiatives in each Heeks class ${end}, so in each arm the four add up to 100 %.`,
  heeksDefinition:
    'These Heeks shares count every launched initiative, replaced ones included, in the denominator, as the national report\'s table "Heeks classes" does. P14\'s totals (p14.txt, and the P14 sentence in the national report\'s headline) leave the replaced ones out of the denominator, so for the same arm their shares are slightly higher (the base\'s success share there is a little above the one here): the two are the same run under two definitions, not two results.',
  servicesTable: 'Per national service',
  servicesNote:
    'Launched and sustained: shares of the governments offered the service. Heeks success: share of the governments that launched it.',
  groupsTable: 'By type of government, province and programme cohort',
  groupsNote: 'Mean sustained share of the governments of each group (for a programme cohort: the governments that joined the programme with that cohort).',
  otherTable: 'Other outcomes',
  otherNote:
    'Outcomes of national_compare.csv that this version of difusi does not describe (the folder was written by another version), shown by their names in the file and left out of the headline.',
  tableNote: (level, replications) =>
    `Base: the file as written; variant: with the changes. Base and variant in %, the mean over ${replications === 1 ? 'the one replication' : `the ${replications} replications`}; difference: variant − base in the same replication, averaged, in percentage points (pp). ` +
    (replications > 1
      ? `Interval: the ${level} range for that difference (see "How to read this report"); * = the interval excludes 0.`
      : 'No interval with one replication.') +
    ' The difference is computed from unrounded values, so it can differ by one in its last decimal from the difference of the two rounded columns. The last column names the row of national_compare.csv, which holds every number unrounded.',
  noValue: '–',
  noIntervalCell: 'no interval (one replication)',
  intervalCell: (low, high) => `${low} to ${high}`,

  chartTitle: 'Per national service: the change\'s effect (variant − base)',
  chartCaption:
    'Each national service\'s paired difference (variant − base, in percentage points) in the three measures of the table "Per national service", with its interval; a dark point: the interval excludes 0.',
  chartChanges: (changes, count) => `the change${count === 1 ? '' : 's'} (variant against base): ${changes}`,
  chartSubtitle: (replications, level) => [
    replications > 1
      ? `point: mean paired difference over ${replications} replications; line: its ${level} interval; dashed: no difference`
      : 'point: the difference in the one replication (no interval); dashed: no difference',
  ],
  chartAxis: (measure) => `${measure} (pp)`,
  chartMeasures: { launched: 'launched', sustained: 'sustained', success: 'Heeks success' },
  chartClear: 'interval excludes 0',
  chartNotClear: 'interval includes 0',

  facts: { level: 'confidence level of the intervals', base: 'base: national folder', variant: 'variant: national folder', hashes: 'scenario hash as run: base, variant', report: 'report' },
  reportAfterwards: 'written afterwards by difusi report (the command above ran with --no-charts, which writes none)',
  parametersNote:
    'City-model parameters every government uses unless its own city block overrides them, as the base ran (the variant differs only where a change above sets a parameter), grouped by ODD submodel (docs/ODD.md); highlighted rows differ from the default. Source: lit = a value from the literature, knob = a modelling assumption (a setting to vary, not a measurement).',
  parametersNoteMd:
    'City-model parameters every government uses unless its own city block overrides them, as the base ran (the variant differs only where a change above sets a parameter), by ODD submodel; * = differs from the default. Source: lit = a value from the literature, knob = a modelling assumption (a setting to vary, not a measurement).',
  howToRead: 'How to read this report',
  howToReadNote: 'What the figures are, and what their intervals say.',
  terms: (level, example, end) => [
    ['base, variant', 'The base is the scenario file as written; the variant is the same file run with the changes listed above. Both ran with the same seed and number of replications.'],
    [
      'replication',
      'One simulated history of every government over the whole run. Replication r of the base and of the variant draw the same random numbers (common random numbers), so their difference is the change\'s effect in that history.',
    ],
    ['difference, percentage point (pp)',
      `Variant − base in the same replication, averaged over the replications. Every outcome is a share, so a difference of 0.01 is 1 percentage point` +
        (example === null ? ', not 1 %.' : `: in this comparison's largest difference, ${example.base} to ${example.variant} is ${example.diff}, a difference of points, not a change in per cent.`),
    ],
    [
      `${level} interval`,
      `The range of plausible values for the mean difference, judged from how much the replications differ; more replications make it narrower. If it excludes 0 (marked *), the difference is larger than the replication noise. Method: the paired Student t interval of the mean difference over the replications, at the ${level} level, limited to −100 to +100 pp (Law and Kelton 2000, 10.2.1; docs/NATIONAL-COMPARE.md). It measures replication noise only, not the uncertainty of the model's assumptions, and it holds for its own row only. An interval that includes 0 does not show that there is no effect. With one replication there is none.`,
    ],
    ['sustained share', `Of the services a government launched, the share still sustained ${end}, that is live in enough of the agencies it reached at its peak (docs/NATIONAL.md). A government that launched none counts as 0.`],
    [
      'Heeks classes',
      // The per-service classes of docs/GLOSSARY.md, "Heeks classes" (src/validation/heeks.ts), in its words.
      `Heeks (2003) classes of e-government projects, applied ${end} to each service a government launched. Success: sustained then, with at least heeks_success_share of its live instances (one per agency using it; one half by default) routinized and used at the usage target u_target. Partial failure: live otherwise (a service kept but not used as intended), or ended after running heeks_failure_months or more (12 months by default). Total failure: never live, or ended within heeks_failure_months. Replaced: no instance live then, and more of its instances ended by replacement than by failure (migrated under a ban on standalone apps, or replaced by an agency's double loop). The three parameters are in the table below (docs/GLOSSARY.md, "Heeks classes").`,
    ],
  ],
};
