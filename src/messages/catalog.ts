/**
 * Every user-facing message, in one catalog (as vega-lite's `log/message.ts`).
 *
 * A problem the user can fix is data, a `ScenarioIssue`: a code (a key of
 * `MESSAGES`), the file, the line and column when known, the field path, the
 * message, and what was expected and found. `formatIssues` renders issues
 * the way zod and vega-lite do:
 *
 *     ✗ bekasi.yaml:12:15 Wrong type → at regulations[1].strength (expected a number in [0,1], found "high")
 *
 * `UserError` carries issues out of the library; the CLI catches it, prints
 * `formatIssues(error.issues)` to stderr and exits with code 2, no stack.
 * Tests compare messages against this catalog, not against copied text.
 */

import { CONTROL_CLASS, INVISIBLE_FORMAT_CLASS, SEPARATOR_CLASS } from './safe-text.js';

const quote = (s: string): string => JSON.stringify(s);

/** What escapedName writes as escapes. */
const ESCAPED_IN_NAME = new RegExp(`[${CONTROL_CLASS}${SEPARATOR_CLASS}${INVISIBLE_FORMAT_CLASS}]`, 'g');

/**
 * A file name as a problem's line starts with it: its control characters (C0, DEL, C1), line and
 * paragraph separators and invisible format characters written as escapes, `\u001b` (as quote, that
 * is JSON, writes them: `\n`, `\t`), so that a name holding an escape sequence is printed once, the
 * same way as where a message quotes it, and not as another name with the sequence removed.
 */
export function escapedName(name: string): string {
  return name.replace(ESCAPED_IN_NAME, (c) =>
    c.charCodeAt(0) < 0x20 ? JSON.stringify(c).slice(1, -1) : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** compare's user wants two variants paired: the national command that does that (a national file refused by compare, cli/national-hint.ts and experiment_arm_national). */
export function nationalCompareHint(command: string, file: string): string {
  return command === 'compare' ? `, or compare two variants with difusi national-compare ${file} --set path=value` : '';
}

/**
 * Whether a budget factor past its effect (budget_factor_beyond_effect) reads
 * like a percentage typed for a fraction: 10 to 100 (10 % to 100 %). Below 10
 * it is more likely a rise meant as written, in a file whose parameters bring
 * the limit down near 1 (1.5 is not "1.5 %").
 */
export function percentTyped(factor: number): boolean {
  return factor >= 10 && factor <= 100;
}

/** `factor` / 100 as a reader writes it (80.3 gives 0.803, not 0.8029999999999999). */
export function percentAsFraction(factor: number): number {
  return Number((factor / 100).toPrecision(12));
}

/**
 * Said after the YAML reader's words for a line that does not fit the layout
 * around it (scenario/yaml-locate.ts, yamlSyntaxIssues): the two usual
 * causes. Kept here, beside the messages, for the Indonesian text to find.
 */
export const YAML_LAYOUT_HINT = ' (usually this line or the next indented differently from the fields beside it, or a value holding ": " that needs quotes)';

export const MESSAGES = {
  // Files
  // A scenario file says where it looked and names a near miss in that folder (store/scenario-file.ts).
  file_not_found: (lookedAt?: string, nearMiss?: string) =>
    `File not found${lookedAt === undefined ? '' : `: looked for ${lookedAt}`}${nearMiss === undefined ? '' : `; did you mean ${nearMiss}?`}`,
  file_unreadable: (reason: string) => `Cannot read the file: ${reason}`,
  unsupported_extension: (ext: string) =>
    ext === '' ? 'The file has no extension' : `Unsupported file type ${quote(ext)}`,
  yaml_syntax: (detail: string) => `YAML syntax error: ${detail}`,
  yaml_version: (version: string) =>
    `The file says it is YAML ${version} (a "%YAML ${version}" line); difusi reads YAML 1.2 only, where numbers, yes/no and dates read differently: remove the line, and check the values it changed`,
  yaml_multiple_documents: () => 'Only one YAML document is allowed in a file; a second one starts here (a "---" line starts a new document: remove it and what follows, or split the file)',
  json_syntax: (detail: string) => `JSON syntax error: ${detail}`,
  empty_file: () => 'The file is empty',
  experiment_not_scenario: (command: string, file: string) =>
    `An experiment file (it has base and no opds), not a scenario; run it with difusi ${command} ${file}`,
  // A national file pasted or dropped into the explorer's page (explorer/setting.ts), in place of the city schema's
  // "missing opds" and unknown fields: the page's twin of the line `difusi explore` gives one (cli/national-hint.ts).
  national_not_city: (file: string) =>
    `A national scenario (it has governments): the explorer takes city scenarios only; run it with difusi national ${file}`,

  // Shape (schema.ts)
  // A number written with a comma ("0,9", as Indonesian text writes it): say how to write it.
  wrong_type: (writeAs?: string) => (writeAs === undefined ? 'Wrong type' : `Wrong type: numbers take no comma; write ${writeAs}`),
  // The same comma in a flow mapping (`{ commitment: 0,7 }`), which YAML reads as `commitment: 0` and a key "7" with no
  // value: said at the number's field, in place of "Unknown field "7"" (scenario/yaml-locate.ts issuePlacer).
  decimal_comma_key: (field: string, written: string, writeAs: string) =>
    `Numbers take no comma: ${field}: ${written} reads as ${field}: ${written.slice(0, written.indexOf(','))} and a field ${quote(written.slice(written.indexOf(',') + 1))}; write ${field}: ${writeAs}`,
  missing_field: (field: string) => `Missing required field ${quote(field)}`,
  not_integer: () => 'Not a whole number',
  out_of_range: () => 'Value out of range',
  bad_format: () => 'Badly formatted value',
  no_such_month: (month: string) => `There is no month ${month}: the month must be 01-12`,
  not_an_option: () => 'Not one of the allowed values',
  unknown_field: (field: string, suggestion?: string) =>
    `Unknown field ${quote(field)}${suggestion === undefined ? '' : ` (did you mean ${quote(suggestion)}?)`}`,
  too_few_items: () => 'Too few items',
  too_many_items: () => 'Too many items',
  invalid_value: (detail: string) => `Invalid value: ${detail}`,

  // Cross-references (crossref.ts)
  no_opds: () => 'The scenario has no OPDs (give opds.generate.count or opds.list)',
  type_mix_empty: () => 'The OPD type mix has no positive weight',
  opd_id_is_type: (id: string) =>
    `OPD id ${quote(id)} is also an OPD type, so references to it would be ambiguous`,
  duplicate_id: (kind: string, id: string) => `Duplicate ${kind} id ${quote(id)}`,
  unknown_reference: (kind: string, id: string, suggestion?: string) =>
    `Unknown ${kind} ${quote(id)}${suggestion === undefined ? '' : ` (did you mean ${quote(suggestion)}?)`}`,
  coordinator_required: (what: string) => `${what} requires a coordinator (set "coordinator")`,
  pilot_months_required: (innovation: string) =>
    `Innovation ${quote(innovation)} is pilot-funded but gives no pilot_months`,
  month_outside_horizon: (field: string) => `${field} lies outside the scenario's horizon`,
  month_before_start: (field: string) => `${field} lies before the scenario's start`,
  month_order: (from: string, to: string) => `${quote(to)} comes before ${quote(from)}`,
  budget_shocks_overlap: (other: number) => `Budget shock overlaps budget_shocks[${other}]`,
  leaders_order: () => 'Leaders must be listed in order of "from"',
  leaders_same_month: (other: string) => `Leader takes office in the same month as ${quote(other)}`,
  // National files (model/national/compile.ts)
  heads_order: () => 'The heads of an election cycle must be listed in order of "from"',
  heads_same_month: (other: number) => `Head takes office in the same month as heads[${other}]`,
  national_platform_custodian: () =>
    'A national platform\'s custodian must be named (a vendor id, or "coordinator"): "vendor" would be whichever single vendor each government happens to have',
  category_band_empty: (category: string) => `No threshold in [0, 1] falls in the ${category} band`,
  coordinator_conflict: () => 'More than one coordinating agency',
  translation_weights_sum: () => 'The translation weights t_owner..t_users must sum to 1',
  network_param_missing: (type: string, param: string) => `Network type ${quote(type)} needs ${quote(param)}`,
  network_degree_odd: () => 'The small-world degree must be even',
  network_too_dense: (param: string, agencies: number) =>
    `${param} is too large for ${agencies} ${agencies === 1 ? 'agency' : 'agencies'}`,
  network_too_many_links: (param: string, links: string, limit: string) =>
    `${param} gives the network about ${links} peer links, more than the ${limit} one network may have, a guard on memory far above any real place (a city's network has tens or hundreds)`,
  network_too_many_pairs: (agencies: string, fits: string, limit: string) =>
    `An Erdos-Renyi network draws every pair of its ${agencies} agencies; at most ${fits} agencies fit (${limit} pair draws, about 10 s in every replication, a guard on time); small-world or scale-free networks cost in proportion to their links`,
  network_hub_missing: () => 'Network type "hub" needs "hub" or a coordinator',
  network_nested_hub: () => 'The generator "among" cannot itself be of type "hub"',
  edge_self_loop: (id: string) => `Edge links ${quote(id)} to itself`,

  // National files (model/national/compile.ts)
  government_no_service: (id: string, why: string) => `government ${quote(id)} is offered no service: ${why} and it has no service of its own`,

  // Levers (levers.ts)
  lever_path_missing: (path: string) => `Lever path ${quote(path)} names no value of the scenario`,
  lever_kind_mismatch: (kind: string) => `The value at this path cannot be set by a ${quote(kind)} lever`,
  lever_same_field: (path: string, index: number, first: string) =>
    `Lever path ${quote(path)} names the same field as levers[${index}] (${quote(first)}): two controls would set one value (keep one of the two)`,
  lever_range: () => 'The lever\'s min must be below its max',
  lever_outside_parameter: (field: 'min' | 'max', value: number, parameter: string, accepts: string) =>
    `The lever's ${field} ${value} lies outside the range of ${parameter}, ${accepts}: the explorer would offer a value the scenario check refuses`,
  lever_outside_range: (field: 'min' | 'max', value: number, path: string, accepts: string) =>
    `The lever's ${field} ${value} lies outside the range of ${path}, ${accepts}: the explorer would offer a value the scenario check refuses`,
  lever_not_whole: (field: 'min' | 'max' | 'step', value: number, path: string, accepts: string) =>
    `The lever's ${field} ${value} is not a whole number, and ${path} takes ${accepts}: the explorer would offer a value the scenario check refuses`,

  // Overrides (overrides.ts)
  override_syntax: (text: string, reason: string) => `Cannot read override ${quote(text)}: ${reason}`,
  override_missing: (path: string, suggestion?: string) =>
    `Override path ${path} names no existing element${suggestion === undefined ? '' : ` (did you mean ${quote(suggestion)}?)`}`,
  override_not_container: (path: string, kind: string) => `Override path ${path} cannot step into ${kind}`,
  override_ambiguous: (selector: string, count: number, what: string, names: string, hint: string) =>
    `The selector ${selector} matches ${count} ${what} (${names}); ${hint}`,

  // Command-line options (cli/)
  invalid_option: (option: string) => `Invalid value for ${option}`,
  detail_unknown_government: (id: string, suggestion?: string) =>
    `Unknown government ${quote(id)} for --detail${suggestion === undefined ? '' : ` (did you mean ${quote(suggestion)}?)`}`,
  detail_empty: () => 'national --detail names no government (comma-separated government ids, e.g. --detail kota-bekasi)',
  detail_not_a_count: (value: string, example: string) =>
    `national --detail takes government ids, comma-separated (--detail ${example}), not a count of replications as run --detail does; ${quote(value)} is no government of the scenario`,

  // Result folders (store/results-read.ts, store/csv-read.ts, store/report-write.ts)
  result_folder_missing: () => 'Not a result folder: it does not exist or is not a folder',
  result_file_invalid: (detail: string) => `Cannot read this result file: ${detail}`,
  report_unwritable: (reason: string) => `Cannot write the report into this folder: ${reason}`,
  // The operating system refused a file operation (disk full, no permission...)
  io_failed: (reason: string) => `The file system refused: ${reason}`,
  // Merging shard parts into a run folder (store/run-folder.ts)
  not_a_part: () => 'Not a shard folder of a difusi run',
  part_of_other_kind: (kind: string, command: string) => `A shard folder of ${kind}: merge it with ${command}`,
  // Shards of two kinds given to one merge: each kind is merged on its own.
  merge_mixed_kinds: (kind: string, firstKind: string, first: string) =>
    `A shard folder of ${kind}, given with ${first}, a shard folder of ${firstKind}: merge the shards of each run on their own`,
  merge_nothing: () => 'There are no run parts to merge',
  // `others` (how many other parts were given) and `advice` (what to do) were added later: without them, the first wording.
  // `why`, later still: what the difference is, when the parts say it (another scenario, another seed), before the field.
  // The part is the problem's place (`✗ <part folder> …`), so the text says "This part", not the folder a second time.
  merge_mismatch: (key: string, value: string, first: string, others?: number, advice?: string, why?: string) =>
    others === undefined
      ? `This part belongs to another run: ${key} is ${value}, the first part has ${first}`
      : `This part belongs to another run${why === undefined ? '' : ` (${why})`}: ${key} is ${value}, the other part${others === 1 ? ' has' : 's have'} ${first}${advice === undefined ? '' : `; ${advice}`}`,
  // `holders`: the folders holding a replication twice (the same folder given twice, or a copy of one).
  merge_duplicates: (replications: string, holders?: string) =>
    `Replications present in more than one part: ${replications}${holders === undefined ? '' : ` (in ${holders}); give each shard's folder once and leave copies out`}`,
  // A part written by another build of difusi (store/part-seal.ts): its numbers may not be this build's.
  part_other_build: (dir: string, rerun: string) =>
    `${dir} was written by another build of difusi (other sources, or a difusi from before parts recorded their build), whose numbers may differ from this one's; ${rerun} with this build, or merge with the build that wrote it`,
  merge_missing: (count: number, replications: string, shards: string) =>
    `${count} replication${count === 1 ? ' is' : 's are'} missing (${replications}); run shard${shards.includes(',') ? 's' : ''} ${shards}`,

  // Experiment files: comparisons, sweeps, sensitivity (experiment/spec.ts, store/experiment-file.ts)
  experiment_duplicate_name: (kind: string, name: string) => `Duplicate ${kind} name ${quote(name)}`,
  experiment_factor_common: (name: string) =>
    `Factor ${quote(name)} would change nothing: every design point runs under the experiment's own seed and replications (vary a scenario field instead)`,
  experiment_variant_common: (name: string) =>
    `A variant's ${quote(name)} would change nothing: every arm runs under the experiment's own seed and replications (set ${name} at the experiment's top level, or on the command line)`,
  experiment_set_shadowed: (name: string) =>
    `The override ${quote(`set.${name}`)} would change nothing: the experiment's top-level ${quote(name)} wins over it (keep one of the two)`,
  experiment_padded_name: (kind: 'factor' | 'override', name: string) =>
    `The ${kind === 'factor' ? 'factor name' : 'override path'} ${quote(name)} has spaces before or after it (write it without them: ${quote(name.trim())})`,
  experiment_reserved_name: (name: string) => `The variant name ${quote(name)} is reserved for the base scenario`,
  // Two arms whose names differ only in case: one folder (arms/<name>) on a file system that ignores case.
  experiment_case_only_name: (name: string, other: string) =>
    `The variant name ${quote(name)} differs from ${quote(other)} only in case: their folders (arms/${name}, arms/${other}) would be one on a file system that ignores case (macOS, Windows); rename one`,
  experiment_duplicate_value: (factor: string, value: string) =>
    `The grid of factor ${quote(factor)} has the value ${value} twice: the same design points would run twice`,
  experiment_factor_range: (factor: string) => `Factor ${quote(factor)} needs values, or min and max with min <= max`,
  experiment_design_needs: (method: string, what: string) => `Design method ${quote(method)} needs ${what}`,
  // A design past a limit of scenario/limits.ts (MAX_DESIGN_POINTS, MAX_DESIGN_VALUES, MAX_DESIGN_RUNS), counted before
  // anything is built (experiment/spec.ts designSizeIssue): what is counted, how it is made, and the limit.
  experiment_design_too_large: (count: string, what: string, how: string, limit: string) =>
    `The design would have ${count} ${what} (${how}), more than the limit of ${limit}: all of them are built before the first run ` +
    `(${what === 'design runs' ? 'fewer points or replications' : 'fewer points or factors'}, or split the design into several experiments)`,
  // Sobol' with samples: 1 (experiment/stats/sensitivity.ts): why the estimators need two base samples.
  experiment_sobol_samples: () =>
    "Sobol' indices need at least 2 base samples: with 1, the variance they divide by is that of the A and B outputs of one sample " +
    'about their own mean (half its expected value, so an index can reach 2), and the bootstrap, which resamples the base samples, ' +
    'has only that one to draw (an interval of zero width)',
  // base: or variants[i].file: names an experiment file (store/experiment-file.ts), said at the experiment's line.
  experiment_arm_not_scenario: (field: string) => `The file is an experiment (it has base and no opds), not a scenario: ${field} must name a scenario file`,
  // base: or variants[i].file: names a national scenario (cli/national-hint.ts refuseNationalExperiment), said at the experiment's
  // line; compare's user wants two variants paired: the national command that does that is named too.
  experiment_arm_national: (command: string, file: string) =>
    `The file is a national scenario (it has governments): difusi ${command} takes city scenarios; run it with difusi national ${file}${nationalCompareHint(command, file)}`,
  experiment_no_variants: () => 'The experiment has no variants to compare (add "variants" or name variant files)',
  experiment_no_design: (command: string) => `The experiment has no design for ${command} (add "design")`,
  sensitivity_sweep_design: (method: string, ranges: boolean) =>
    `Design method ${quote(method)} is a sweep: difusi sensitivity analyses a morris or sobol design; run this file with difusi sweep, or write design.method: morris or sobol with min and max for every factor${ranges ? ' (or pass --method morris or --method sobol)' : ''}`,
  sensitivity_method_values: (method: string) =>
    `--method ${method} needs min and max (not values) for every factor: a factor's values are a grid's; run this file with difusi sweep, or give the factor min and max`,
  experiment_same_field: (kind: 'factor' | 'override', name: string, first: string, line: string) =>
    kind === 'factor'
      ? `Factor ${quote(name)} names the same field as factor ${quote(first)} (${line}): every design point would run this one's value, and the other would show no effect (keep one of the two)`
      : `The override ${quote(name)} names the same field as ${quote(first)} (${line}) in the same set: only the last one would take effect (keep one of the two)`,
  experiment_factor_set: (factor: string, by: string) =>
    `Factor ${quote(factor)} names a field that ${by} also sets: the factor's values replace it at every design point, so it would change nothing (drop one of the two)`,
  command_set_variant: (path: string, variant: string, key: string, where: string) =>
    `--set ${path} changes what the variant ${quote(variant)} sets itself (${key}, ${where}): it would replace the variant's own what-if; drop the --set, or edit the variant`,
  command_set_variant_file: (path: string, field: string, own: string, variant: string, file: string, base: string) =>
    `--set ${path} would erase a difference the comparison is about: ${field} is ${own} in the variant ${quote(variant)} (${file}) and ${base} in the base scenario, and the --set makes them the same; drop the --set, or edit the files`,
  experiment_set_variant_file: (path: string, field: string, own: string, variant: string, file: string, base: string) =>
    `The experiment's set ${quote(path)} would erase a difference the comparison is about: ${field} is ${own} in the variant ${quote(variant)} (${file}) and ${base} in the base scenario, and the set makes them the same in every arm; drop it from set, or edit the files`,
  compare_arm_file_name: (name: string) =>
    `This variant has the base scenario's name, so its arm is named after the file, and ${quote(name)} is not usable as a folder name (it starts with a dot, holds a control character or a backslash, or is longer than 100 characters): rename the file, or give its scenario a name of its own`,
  experiment_point_invalid: (factor: string, value: string, reason?: string) =>
    `The design sets ${factor} = ${value}, which the scenario does not accept${reason === undefined ? '' : `: ${reason}`}`,
  unknown_outcome: (name: string) => `Unknown outcome ${quote(name)}`,

  // Sweep and sensitivity shards (store/sweep-store.ts)
  sweep_merge_nothing: () => 'There are no sweep shards to merge',
  // The shard is the problem's place, as for merge_mismatch.
  sweep_merge_mismatch: (key: string, value: string, first: string) =>
    `This sweep shard belongs to another sweep: ${key} is ${value}, the first shard has ${first}`,
  sweep_merge_missing: (count: number, units: string, shards: string) =>
    `${count} design run${count === 1 ? ' is' : 's are'} missing (${units}); run shard${shards.includes(',') ? 's' : ''} ${shards}`,
  sweep_merge_duplicates: (units: string, holders?: string) =>
    `Design runs present in more than one shard: ${units}${holders === undefined ? '' : ` (in ${holders}); give each shard's folder once and leave copies out`}`,

  // Reliability of files and folders (store/durable.ts, store/folder-lock.ts, store/results-check.ts)
  data_damaged: (what: string, problem: string, rerun: string) => `${what} is damaged: ${problem}; ${rerun}`,
  write_failed: (file: string, code: string, hint: string) => `Cannot write ${file} (${code})${hint === '' ? '' : `: ${hint}`}`,
  folder_locked: (dir: string, holder: string) => `${dir} is being written by ${holder}; wait for it to finish, or stop it`,
  foreign_files: (dir: string, files: string) =>
    `${dir} holds files difusi did not write (${files}); nothing was deleted: move them away, or choose another --out`,
  foreign_file_at_folder: (dir: string) =>
    `${dir} is a file difusi did not write, where the result folder goes; nothing was deleted: move it away, or choose another --out`,
  result_damaged: (dir: string, file: string, problem: string) =>
    `Result folder ${dir}: ${file} ${problem}; rerun the command that wrote the folder`,
  bad_output_folder: (dir: string, reason: string) => `Cannot write results under ${dir}: ${reason}`,
  file_too_large: (size: string, limit: string) => `The file is too large (${size}; at most ${limit})`,
  not_utf8: () => 'The file is not UTF-8 text',
  too_deep: (limit: number) => `The data is nested too deeply (more than ${limit} levels)`,
  too_many_aliases: (limit: number) =>
    `Too many alias expansions (more than ${limit}, counting the aliases inside what each alias names), a guard against a small file that expands to gigabytes`,
  duplicate_key: (key: string) => `Duplicate key ${quote(key)}`,
  unknown_tag: (tag: string) => `Unknown YAML tag ${quote(tag)} (scenario files are data: tags are not allowed)`,
  reserved_path_segment: (segment: string) => `${quote(segment)} cannot be used as a field name`,
  too_long: (what: string, limit: number) => `${what} is too long (at most ${limit} characters)`,
  too_many: (what: string, limit: string) => `Too many ${what} (at most ${limit})`,
  too_many_agencies: (limit: string, counted: string) =>
    `Too many agencies: a scenario has at most ${limit} (${counted}), a guard on memory far above any real place (a city has tens, the Indonesian national scenario 24,541 in all)`,
  too_many_links: (limit: string) =>
    `Too many peer links: a scenario's agency networks have at most ${limit} (every government's together), a guard on memory far above any real place (a city's network has tens or hundreds, the Indonesian national scenario's 71,967 in all)`,
  too_many_pairs: (limit: string, fits: string) =>
    `Too many Erdos-Renyi pair draws: a scenario's erdos-renyi networks draw at most ${limit} pairs (every government's together; one network of ${fits} agencies), a guard on time: each pair has its own draw, in every replication; small-world or scale-free cost in proportion to their links (the Indonesian national scenario's networks are small worlds)`,
  record_too_long: (replication: number, limit: string) =>
    `Replication ${replication}'s agents and events (recorded for agents.csv and events.csv) take more than ${limit} characters, the longest text JavaScript can hold, so they cannot be saved; run with --detail 0 (no agents.csv or events.csv), or with fewer agencies or months`,
  // A job stopped by SIGTERM or SIGINT while it held its folder's lock (store/folder-lock.ts stopOnSignal), said before it
  // ends: what was kept and how to go on. `resumable`: the command continues with --resume (run, compare, sweep, sensitivity).
  stopped_by_signal: (signal: string, status: number, resumable: boolean) =>
    resumable
      ? `stopped by ${signal} (exit status ${status}) before it was finished; the work done so far is kept in its hidden folder beside it: run the same command with --resume to continue from it (without --resume it starts afresh)`
      : `stopped by ${signal} (exit status ${status}) before it was finished; nothing was put in place: run the same command again`,
  // --shard-count with two schedulers' array index variables that disagree (cli/options.ts shardOption): which is this job's
  // shard cannot be told. `found`: each variable set, NAME=value.
  scheduler_index_disagree: (found: string) =>
    `--shard-count takes this job's shard index from the scheduler, and the scheduler variables disagree: ${found}; unset the one that is not this job's array index (or give --shard i/n)`,

  // File handling: input limits, YAML tags, odd --out (scenario/limits.ts, scenario/parse.ts, cli/odd.ts)
  yaml_tag_not_data: (tag: string) => `YAML tag ${quote(tag)} is not allowed (scenario files are plain data: numbers, text, lists and mappings)`,
  // A mapping none of whose keys is, or is close to, a field of a scenario (city or national) or of an experiment file (a
  // docker-compose.yml, any other YAML): one line in place of one per required field and one per key
  // (scenario/not-a-scenario.ts; city and national files). `keys`: a few of its keys, quoted; `needs`: the fields a city
  // scenario needs, quoted; `national`: those a national one needs.
  not_a_scenario: (keys: string, needs: string, national: string) =>
    `The file is not a difusi scenario: none of its top-level fields (${keys}) is, or is close to, one a scenario has; a city scenario needs ${needs} (a national one: ${national})`,
  // The same, for a file given where an experiment file goes (compare, sweep, sensitivity). `needs`: its required fields, quoted.
  not_an_experiment: (keys: string, needs: string) =>
    `The file is not a difusi experiment file: none of its top-level fields (${keys}) is, or is close to, one an experiment file has; an experiment file needs ${needs}`,
  too_many_values: (limit: string) => `The data holds too many values (more than ${limit}, counting what each alias names once per alias)`,

  // The command line as a whole (cli/program.ts, cli/options.ts, cli/patterns.ts, cli/explore.ts, cli/compare.ts, cli/sweep.ts)
  option_repeated: (option: string, times: number) => `${option} is given ${times} times; it takes one value`,
  option_needs: (option: string, needed: string, why: string) => `${option} needs ${needed}: ${why} (add ${needed}, or leave ${option} out)`,
  port_unavailable: (address: string, reason: string) =>
    `Cannot serve on ${address}: ${reason}; choose another --port, or --port 0 for any free one`,
  scenario_not_experiment: (command: string, file: string) =>
    `A scenario file (it has opds and no base), not an experiment; difusi ${command} takes an experiment file (a base scenario and a design); run this scenario with difusi run ${file}`,
  command_set_shadowed: (path: string, winner: string, hint: string) => `--set ${path} would change nothing: ${winner} wins over it; ${hint}`,
  command_set_repeated: (path: string, first: string, second: string, removals: boolean) =>
    `--set ${path} is given twice (${first}, then ${second}): give each path once${removals ? ' (to remove several list elements, name each one, e.g. by its id)' : ''}`,
  // Two --set paths written differently that name one field of the file, or one a field inside the other (scenario/apply-overrides.ts refuseSameFieldSets).
  command_set_same_field: (path: string, first: string, field: string, inside: { inner: string; outer: string; outerField: string; removes: boolean } | undefined, removals: boolean) =>
    inside === undefined
      ? `--set ${path} names the same field as --set ${first} (${field} in the file): a field takes one value; give each field once${removals ? ' (to remove several list elements, name each one, e.g. by its id)' : ''}`
      : `--set ${inside.inner} names a field inside ${inside.outerField}, which --set ${inside.outer} ${inside.removes ? 'removes' : 'sets whole'}: the two would write over each other; give one of the two${inside.removes ? '' : " (write the field's value into the whole one)"}`,
  // A --set naming a list element by index after an earlier --set removed an element before it (scenario/apply-overrides.ts refuseShiftedIndex).
  command_set_shifted_index: (path: string, first: string, list: string, named: string, byId: string | undefined) =>
    `--set ${path} names an element of ${list} by its index (${named} in the file), but --set ${first} before it removes one ahead of it, which moves the later ones up, so the index would name another element; ${byId === undefined ? 'give it before the removal' : `name it by its id (${byId}), or give it before the removal`}`,
  // --precision's closing line (cli/precision-options.ts) for an outcome whose mean stayed 0.
  precision_zero_mean: (arms: boolean) =>
    `its mean is 0${arms ? ' in an arm' : ''}, so a half-width relative to it is undefined and no count of replications can reach the target (watch another outcome, or give a smaller --max-replications)`,
  unknown_check: (id: string, suggestion?: string) =>
    `Unknown check id ${quote(id)} for --check${suggestion === undefined ? '' : ` (did you mean ${quote(suggestion)}?)`}`,

  // difusi generate-national: the area tables, the public lists and --bekasi (store/idn-area.ts, jobs/generate-national.ts)
  csv_invalid: (detail: string) => `Not a CSV table difusi can read: ${detail}`,
  csv_no_column: (column: string) => `The header names no column ${quote(column)}`,
  csv_row_length: (cells: number, columns: number) => `The row has ${cells} cell${cells === 1 ? '' : 's'}; the header has ${columns}`,
  area_duplicate_government: (name: string, id: string, line: number) =>
    `${quote(name)} gives the government id ${quote(id)}, as line ${line} does (each government once)`,
  area_duplicate_code: (kind: string, code: string, line: number) => `The ${kind} code ${quote(code)} is also on line ${line}`,
  area_name_empty: () => 'The name is empty (each government is written with its name, and its id is made from it)',
  area_name_no_id: (name: string) => `The name ${quote(name)} has no letter or digit (A-Z, 0-9) to make the government's id from`,
  area_name_too_long: (name: string, length: number, limit: number) =>
    `The name ${quote(`${name.slice(0, 39)}…`)} gives a government name or id of ${length} characters, more than ${limit}`,
  generated_invalid: (detail: string) => `The scenario generated from the tables would not validate, so nothing was written: ${detail}`,
  area_unknown_province: (name: string, code: string) =>
    `${quote(name)} has the province_code ${quote(code)}, which no row of provinces.csv has (every regency and city belongs to a province of the file; it would be left out of the scenario)`,
  area_unknown_regency: (name: string, code: string) =>
    `${quote(name)} has the regency_code ${quote(code)}, which no row of regencies.csv has (every district belongs to a regency or city of the file; it would be counted in none)`,
  list_name_matches: (name: string, count: number, dataDir: string) =>
    `${quote(name)} matches ${count} government${count === 1 ? '' : 's'} of ${dataDir} (need exactly one)`,
  list_name_twice: (name: string, line: number) => `${quote(name)} is listed twice (also on line ${line})`,
  list_unknown_group: (column: string, value: string) => `Unknown ${column} ${quote(value)}`,
  list_case_cycle: (id: string, cycle: string, found: string) => `${id} is on ${found} here; the case record puts it on ${cycle}`,
  list_cohort_too_many: (cohort: string, count: number, size: number) => `${cohort} lists ${count} members, more than its ${size}`,
  bekasi_not_city: () => "A national scenario (it has governments): --bekasi takes the city scenario Kota Bekasi's government runs",

  // difusi national-compare (cli/national-compare.ts, jobs/national-compare.ts)
  national_compare_city: () =>
    'A city scenario (it has no governments): difusi national-compare takes national scenarios; compare what-ifs of a city scenario with difusi compare (docs/EXPERIMENTS-USAGE.md)',
  national_compare_no_set: () => 'difusi national-compare needs at least one --set path=value: the variant is the file with them, the base the file as written',
  national_compare_same: (sets: string) =>
    `${sets} change${sets.includes(', ') ? '' : 's'} nothing: the variant's scenario hash is the file's own, so both arms would run the same scenario (give a value the file does not have)`,
  national_compare_arm_setting: (path: string, option: string) =>
    `--set ${path} would run the two arms differently: national-compare runs both with the same seed and replications (common random numbers); give ${option} instead`,
} as const;

/**
 * What a pilot does after its vendor has left (docs/MODEL.md 7.1): it runs,
 * and pays, to its own end; the exit does not end it.
 */
const PILOT_PAYS_ON = 'agencies adopting after the exit still get a pilot line, and funding for the service counts as open';

/**
 * What a design's method runs (design_setting_unused): its points and the
 * settings that make them; `resamples: false` for a bootstrap under a
 * method that computes no sensitivity measures.
 */
export type DesignUse =
  | { readonly method: 'morris'; readonly trajectories: number; readonly points: number; readonly levels: number }
  | { readonly method: 'sobol'; readonly samples: number; readonly points: number }
  | { readonly method: 'lhs'; readonly points: number }
  | { readonly method: 'grid'; readonly points: number; readonly factors: number }
  | { readonly method: string; readonly resamples: false };

function designUse(use: DesignUse): string {
  if ('resamples' in use) return `${use.method} computes no sensitivity measures, so nothing is resampled`;
  switch (use.method) {
    case 'morris':
      return `morris runs trajectories (${use.trajectories}) × (factors + 1) = ${use.points} points, each factor on ${use.levels} levels of its [min, max] (design.levels)`;
    case 'sobol':
      return `sobol runs samples (${use.samples}) × (factors + 2) = ${use.points} points`;
    case 'lhs':
      return `lhs runs ${use.points} points (design.points), each factor sampled over its [min, max]`;
    default:
      return `grid runs every combination of the factors' values or levels: ${use.points} point${use.points === 1 ? '' : 's'} for ${use.factors} factor${use.factors === 1 ? '' : 's'}`;
  }
}

/** How many government ids a grouped national warning names before "and N more". */
export const SHOWN_GOVERNMENTS = 3;

/**
 * The first `shown` items of a list, joined by commas, then `more(rest)` for the rest ("and 3 more",
 * the Indonesian "dan 3 lainnya"): a warning names a few of a long list and counts the others.
 */
export function firstOf(items: readonly string[], shown: number, more: (rest: number) => string): string {
  return items.length <= shown ? items.join(', ') : `${items.slice(0, shown).join(', ')} ${more(items.length - shown)}`;
}

/** "government "a"", "governments "a", "b"", "5 governments ("a", "b", "c" and 2 more)", "all 552 governments". */
export function whichGovernments(ids: readonly string[], total: number): string {
  const q = ids.map((id) => `"${id}"`);
  if (ids.length === 1) return `government ${q[0]}`;
  if (ids.length === total) return `all ${total} governments`;
  if (ids.length <= SHOWN_GOVERNMENTS) return `governments ${q.join(', ')}`;
  return `${ids.length} governments (${q.slice(0, SHOWN_GOVERNMENTS).join(', ')} and ${ids.length - SHOWN_GOVERNMENTS} more)`;
}

/**
 * Warnings (model/warnings.ts, jobs/national-warnings.ts): the file is valid
 * but probably not what the author meant; printed on stderr, never an error.
 * A warning is data, as a problem is: its code (a key here) and the
 * arguments it is worded from (`ScenarioWarning`), said in English by
 * `warningText`. Under `--lang id` the commands word the same warnings in
 * Bahasa Indonesia (messages/warning-text-id.ts, loaded only then), with
 * every argument (ids, paths, numbers, months) as here.
 */
export const WARNINGS = {
  // A service whose `eligible` names no agency the scenario (a national file: a government) has.
  no_eligible_agency: (innovation: string, eligible: readonly string[]) =>
    `${innovation}: no agency is eligible for it (${eligible.length === 0 ? 'eligible is empty' : `eligible: ${eligible.map(quote).join(', ')}`}): ` +
    `nobody can adopt it, yet it is launched and counted (never adopted; in a national run, a total failure of the government that launches it) ` +
    `(name agencies or types the scenario has in eligible; in a national file, leave such governments out with the service's governments selector)`,
  // An experiment's design setting the method that runs does not read (experiment/spec.ts unusedDesignSettings):
  // `byOption`, the method is --method's; `usedBy`, the methods that read it; `use`, what the method runs instead.
  design_setting_unused: (field: string, method: string, byOption: boolean, usedBy: readonly string[], use: DesignUse) =>
    `${field} is not used by method ${method}${byOption ? ' (--method)' : ''} (it is for ${usedBy.join(' and ')}) and changes nothing: ${designUse(use)}`,
  // A Sobol' design whose sample count is not a power of two (jobs/sweep.ts): it runs, its points less evenly spread.
  sobol_samples_not_power_of_two: (samples: number, below: number) =>
    `design.samples ${samples} is not a power of two: Sobol' points are evenly spread only at powers of two (${below} or ${2 * below}), so the indices converge more slowly`,
  // An experiment's section the command does not read (jobs/sweep.ts, jobs/compare.ts): `variants` under difusi sweep or
  // sensitivity, `design` under difusi compare; `readers`, the commands that read it.
  experiment_section_unread: (section: string, command: string, readers: readonly string[]) =>
    `${section} is not read by difusi ${command} and changes nothing (it is for ${readers.map((r) => `difusi ${r}`).join(' and ')})`,
  // A service with `integrated_from` and no `platform` (model/warnings.ts): integrated into the city's systems, whatever platform was meant.
  integrated_without_platform: (innovation: string, month: string) =>
    `${innovation} sets integrated_from (${month}) but names no platform: its instances are integrated into the city's systems from ${month} on ` +
    `(docs/MODEL.md 7.3: higher usage, a lower hazard, untouched by a ban on standalone apps), through no platform that could shut ` +
    `(drop integrated_from for a standalone service, or name its platform)`,
  // An unfunded mandate (`money: false`) whose anchors have national money in no government it reaches while it is in force (jobs/national-warnings.ts).
  unfunded_mandate_inert: (mandate: string, services: readonly string[]) =>
    `${mandate}: money is false, and no government it reaches has national money for ${services.map(quote).join(', ')} while it is in force ` +
    `(funding: national, or a funded mandate or programme there), so it does nothing: an unfunded mandate anchors and pushes adoption only where ` +
    `the service has national money (money: true funds it)`,
  // An unfunded programme (`money: false`) with a regulation (`strength` > 0) whose anchors have national money in no member government while it is in force.
  unfunded_programme_inert: (programme: string, strength: number, services: readonly string[]) =>
    `${programme}: strength is ${strength} but money is false, and no member government has national money for ${services.map(quote).join(', ')} ` +
    `while it is a member (funding: national, or a funded mandate or programme there), so the strength does nothing: an unfunded programme's regulation ` +
    `anchors and pushes adoption only where the service has national money (money: true funds it; joining still launches the services)`,
  // An unfunded mandate that acts for some of its anchors but, in no government it reaches, for these (no national money for them while it is in force).
  unfunded_mandate_partly_inert: (mandate: string, services: readonly string[], acting: readonly string[]) =>
    `${mandate}: money is false, and no government it reaches has national money for ${services.map(quote).join(', ')} while it is in force ` +
    `(funding: national, or a funded mandate or programme there), so it does nothing for ${services.length === 1 ? 'that service' : 'those services'} ` +
    `(it acts for ${acting.map(quote).join(', ')}): an unfunded mandate anchors and pushes adoption only where the service has national money ` +
    `(money: true funds the services it anchors, or give ${services.length === 1 ? 'that service' : 'those services'} national money)`,
  // An unfunded programme whose regulation acts for some of its anchors but, in no member government, for these.
  unfunded_programme_partly_inert: (programme: string, strength: number, services: readonly string[], acting: readonly string[]) =>
    `${programme}: strength is ${strength} but money is false, and no member government has national money for ${services.map(quote).join(', ')} ` +
    `while it is a member (funding: national, or a funded mandate or programme there), so the strength does nothing for ` +
    `${services.length === 1 ? 'that service' : 'those services'} (it acts for ${acting.map(quote).join(', ')}): an unfunded programme's regulation ` +
    `anchors and pushes adoption only where the service has national money (money: true funds the services it anchors, or give ` +
    `${services.length === 1 ? 'that service' : 'those services'} national money; joining still launches the services)`,

  // City scenarios (model/warnings.ts). Months are written YYYY-MM; an innovation, regulation or leader is
  // named by its place in the file (`innovations[1] "smart-city-app"`, WarningNames), any language alike.
  // A per-service Heeks cut set in a city file, which no output of a city run reads (unreadInACity).
  parameter_unread_in_city: (name: string, value: number) =>
    `parameters.${name} is ${value}: it only classes whole services on Heeks' scale for the validation's P4b and P5b (difusi patterns) and for national scenarios; ` +
    `no file or figure of a city run reads it, so a run of this file gives the results of the file without it`,
  // theta_sd 0: every agency late majority (thresholdWarnings); with m_late, its hazard multiplied too.
  theta_sd_zero: (mLate: number) =>
    `parameters.theta_sd is 0: every agency's threshold z-score is 0, the start of the late majority's band (docs/MODEL.md 2.3), ` +
    `so every agency is classed late majority` +
    (mLate !== 1 ? ` and its discontinuance hazard multiplied by m_late (${mLate}); for agencies alike in everything set parameters.m_late to 1 too` : ''),
  // An agency given both theta and a category outside theta's band.
  category_ignored: (index: number, id: string, theta: number, category: string, follows: string) =>
    `opds.list[${index}] "${id}" gives theta ${theta} and category ${category}: the agency runs with its theta, whose category is ${follows}, ` +
    `so the category given is ignored (drop one of the two)`,
  // `owner: vendor` with no vendor behind it; `vendors`: how many the scenario has; `platform`: whether it names a platform.
  vendor_owner_without_vendor: (innovation: string, vendors: number, platform: boolean) =>
    `${innovation}: owner is vendor, but no vendor is behind it (${vendors === 0 ? 'it names no vendor, and the scenario has none' : `it names none of the scenario's ${vendors} vendors`}` +
    `${platform ? ', and its platform is in no vendor\'s custody' : ''}): ` +
    `no vendor's exit (contract_end, docs/MODEL.md 7.1) can act on it (name its vendor with vendor: <id>)`,
  u_fail_above_target: (uFail: number, uTarget: number) =>
    `parameters.u_fail (${uFail}) is above parameters.u_target (${uTarget}): an instance used between them meets its target ` +
    `(no gap, docs/MODEL.md 7.5) yet counts as failing (disenchantment, the triple loop's failing share, users not enrolled)`,
  t_low_above_stable: (tLow: number, tStable: number) =>
    `parameters.T_low (${tLow}) is above parameters.T_stable (${tStable}): a translation score between them counts as stable ` +
    `(towards routinization, docs/MODEL.md 7.4) and as weak (hazard m_low_T, 7.8) at once`,
  weight_negative: (name: string, value: number) => `parameters.${name} (${value}) is negative: it reverses the direction docs/MODEL.md 7.3 gives its term in the utility`,
  // A budget shock's factor above the budget climate at which every use of B is at its limit (budgetFactorBeyondEffect).
  // The shock is named by its months too (shocks do not overlap, so they are its identity): a --set that removes an
  // earlier shock moves its index, and the warning must still read as the file's (store/scenario-file.ts warningIdentity).
  budget_factor_beyond_effect: (index: number, months: string, factor: number, acts: number) =>
    `budget_shocks[${index}] "${months}": factor ${factor} multiplies the budget climate B by ${factor}, but from B = ${acts} on every probability B multiplies ` +
    `(a line's renewal, a stage's advance: docs/MODEL.md 7.1, 7.4) is already 1 and the cost pressure 0 (7.3), so it runs as ${acts} would` +
    (percentTyped(factor) ? `: a percentage? ${percentAsFraction(factor)} is ${factor} %` : ''),
  // Initial adopters outside `eligible` (seedsOutsideEligible): their ids, all of them (the first five are named).
  seeds_outside_eligible: (innovation: string, ids: readonly string[]) => {
    const q = ids.map((id) => `"${id}"`);
    const shown = firstOf(q, 5, (rest) => `and ${rest} more`);
    const one = ids.length === 1;
    return (
      `${innovation}: ${one ? 'initial adopter' : `${ids.length} initial adopters`} ${shown} ${one ? 'is' : 'are'} not among its eligible agencies ` +
      `and ${one ? 'does' : 'do'} not adopt it at launch (only eligible agencies do: add ${one ? 'it' : 'them'} to eligible, or drop ${one ? 'it' : 'them'})`
    );
  },
  costly_without_seed: (innovation: string, complexK: number) =>
    `${innovation} is costly but no eligible agency adopts it at launch: an agency adopts it only when ` +
    `min(complex_k = ${complexK}, its eligible peers) peers are live, so nobody can go first ` +
    `unless an eligible agency has no eligible peer (add initial_adopters among its eligible agencies, or costly: false)`,
  // Scheduled events that cannot act as written (eventsWithoutEffect).
  vendor_left_before_launch: (innovation: string, launch: string, vendor: string, contractEnd: string) =>
    `${innovation} launches in ${launch}, after its vendor "${vendor}" has left (contract_end ${contractEnd}): ` +
    `the vendor's exit happened before the service existed and does not act on it`,
  vendor_leaves_before_pilot_end: (innovation: string, vendor: string, contractEnd: string, pilotEnd: string) =>
    `${innovation}: its vendor "${vendor}" leaves in ${contractEnd} (contract_end), before its pilot ends in ${pilotEnd}: ` +
    `the vendor's exit (pilot lines lost by betrayal; vendor-owned services not owned by their agency ended with vendor_exit_discontinue) acts before the pilot's take-over decision, ` +
    `and the pilot keeps paying until it ends (${PILOT_PAYS_ON})`,
  // A pilot running past the horizon whose vendor leaves inside it.
  vendor_leaves_mid_pilot: (innovation: string, vendor: string, contractEnd: string, pilotEnd: string) =>
    `${innovation}: its vendor "${vendor}" leaves in ${contractEnd} (contract_end), while its pilot runs (it would end in ${pilotEnd}, after the horizon): ` +
    `the vendor's exit (pilot lines lost by betrayal; vendor-owned services not owned by their agency ended with vendor_exit_discontinue) acts mid-pilot, and no take-over is ever decided; ` +
    `the pilot keeps paying to the horizon (${PILOT_PAYS_ON})`,
  takeover_not_pilot: (innovation: string, funding: string) => `${innovation} sets takeover but is not pilot-funded (funding: ${funding}): there is no pilot end to take over`,
  takeover_after_horizon: (innovation: string, pilotEnd: string, horizon: string) =>
    `${innovation} sets takeover, but its pilot ends in ${pilotEnd}, after the horizon (${horizon}): the take-over is never decided`,
  // `custodian`: the platform's custodian vendor when its contract end is the month the platform shuts.
  platform_shuts_before_integration: (innovation: string, month: string, platform: string, shuts: string, custodian?: string) =>
    `${innovation} is integrated from ${month}, but its platform "${platform}" shuts in ${shuts}` +
    `${custodian !== undefined ? ` (with its custodian "${custodian}")` : ''}: integration through it never happens`,
  anchor_after_lapse: (regulation: string, innovation: string, launch: string, to: string) =>
    `${regulation} anchors "${innovation}", which launches in ${launch}, after the regulation lapsed (to ${to}): the anchor never acts`,
  anchor_binds_none_eligible: (regulation: string, innovation: string) =>
    `${regulation} anchors "${innovation}", but its applies_to binds none of the agencies eligible for it: ` +
    `the anchor never acts (no pull, no protected budget line, no lower hazard; docs/MODEL.md 7.1)`,
  sponsor_leaves_before_launch: (leader: string, innovation: string, leaves: string, launch: string) =>
    `${leader} sponsors "${innovation}" but leaves office (${leaves}) before it launches (${launch}): ` +
    `the leader never pulls its adoption; the sponsorship passes on only through a carry-over (sponsor_continuity)`,
  // Strings holding control or bidirectional characters (textWarnings): each `path (U+XXXX, ...)`, all of them.
  control_characters: (places: readonly string[]) =>
    `control or bidirectional characters in ${firstOf(places, 5, (rest) => `and ${rest} more`)}: ` +
    `the reports and charts leave them out (docs/OUTPUTS.md, "The report")`,
  // A lever whose path names no value of the scenario (scenario/levers.ts leverWarnings). Said in full: the warning also
  // follows `run --set`, whose results it does not touch, and a newcomer did not know what a lever is.
  lever_names_no_value: (index: number, path: string) =>
    `levers[${index}] (path ${path}) names no value of this scenario: the explorer leaves it out (levers are controls of the explorer; no result changes)`,
  // A comparison's arm over other months than the base (jobs/compare.ts): its outcomes are read at another horizon.
  arm_months_differ: (start: string, months: number, baseStart: string, baseMonths: number) =>
    `starts ${start} and runs ${months} month${months === 1 ? '' : 's'}, the base ${baseStart} and ${baseMonths} month${baseMonths === 1 ? '' : 's'}: ` +
    `the arms' outcomes are measured at different months, and the difference includes that`,
  // A variant file's own seed or replication count (`own`, as written), which give way to the base's: common random numbers.
  // `replications`: the count every arm runs, when fixed (not under --precision).
  variant_draws_unused: (own: { readonly seed?: number; readonly replications?: number }, seed: number, replications?: number) =>
    `its own ${[...(own.seed === undefined ? [] : [`seed ${own.seed}`]), ...(own.replications === undefined ? [] : [`replications ${own.replications}`])].join(' and ')} ` +
    `are not used: every arm runs the base's seed ${seed}${replications === undefined ? '' : ` and ${replications} replication${replications === 1 ? '' : 's'}`}, ` +
    `so that replication r of each arm draws the same random numbers (common random numbers)`,

  // Continuing an interrupted run (--resume) or running it afresh over its work (store/part-store.ts, store/sweep-store.ts,
  // jobs/compare.ts): what opening the work found and did, said on stderr before the run goes on. `unit`: what the part
  // holds, a run's replications or a sweep's or sensitivity analysis's design runs (PartUnit).
  // The part's description (part.json, sweep-part.json) missing or unreadable, with its records there: rebuilt, the work kept.
  part_meta_rebuilt: (file: string, problem: 'missing' | 'unreadable' | 'missing or unreadable', unit: PartUnit) =>
    `${file} was ${problem}: rebuilt it; finished ${unit === 'replication' ? 'replications' : 'design runs'} are kept after their checksums are verified`,
  // A part whose description is damaged or from another build (store/part-seal.ts notResumable): its work is run again.
  part_not_resumed: (dir: string, file: string, why: NotResumable) =>
    `${dir}: ${why === 'damaged' ? `${file} does not match its checksum (damaged)` : `it was written by another build of difusi${why === 'unrecorded-build' ? ' (one from before parts recorded their build)' : ''}`}: starting afresh`,
  // national-compare: a stored national arm of this run that another build of difusi wrote (its manifest's `build`), or one
  // whose manifest records no build (written before it was recorded): not reused, run again (jobs/national-compare.ts storedArm).
  stored_arm_other_build: (why: 'other-build' | 'unrecorded-build') =>
    `the folder already there was written by another build of difusi${why === 'unrecorded-build' ? ` (its manifest.json records no build: a difusi from before national folders recorded it)` : ''}, whose numbers may differ from this one's: not reused, this arm runs again and replaces it`,
  // Records that fail their check on --resume: dropped, their replications or design runs run again.
  part_records_dropped: (dir: string, dropped: number, unit: PartUnit) =>
    unit === 'replication'
      ? `${dir}: ${dropped} damaged or incomplete record${dropped === 1 ? '' : 's'} dropped; ${dropped === 1 ? 'that replication runs' : 'those replications run'} again`
      : `${dir}: ${dropped} damaged record${dropped === 1 ? '' : 's'} dropped; ${dropped === 1 ? 'that design run runs' : 'those design runs run'} again`,
  // A run's part written with other settings: not resumed.
  part_other_run: (dir: string) => `${dir} belongs to another run (different settings): starting afresh`,
  // A run again without --resume over an interrupted run's work: thrown away, and said.
  part_discarded: (dir: string, kept: number, job: 'run' | 'sweep' | 'sensitivity') =>
    job === 'run'
      ? `discarding ${kept} replication${kept === 1 ? '' : 's'} of an interrupted earlier run in ${dir} (--resume keeps them)`
      : `discarding ${kept} design run${kept === 1 ? '' : 's'} of an interrupted earlier ${job === 'sweep' ? 'sweep' : 'sensitivity analysis'} in ${dir} (--resume keeps them)`,
  // The same for a comparison (jobs/compare.ts discardPartial): its finished arms, and the replications of its unfinished ones.
  comparison_discarded: (finished: number, replications: number, unfinished: number) =>
    `discarded ${[
      ...(finished > 0 ? [`${finished} finished arm${finished === 1 ? '' : 's'}`] : []),
      ...(replications > 0 ? [`${replications} replication${replications === 1 ? '' : 's'} of ${unfinished === 1 ? 'an unfinished arm' : `${unfinished} unfinished arms`}`] : []),
    ].join(' and ')} of an interrupted earlier comparison (--resume keeps them)`,
  // --resume of a comparison with --precision whose written arms disagree on what the rule found (jobs/compare.ts foundBefore).
  precision_arms_discarded: (arms: number) =>
    `discarded ${arms} finished arm${arms === 1 ? '' : 's'} whose manifest.json does not record the replication count --precision found: the arms grow again`,
  // --resume of a comparison: an arm finished before whose folder does not verify (jobs/compare.ts keepFinishedArm) is removed and runs again.
  arm_damaged: (damage: ArmDamage) =>
    `the arm finished before is damaged (${
      damage.kind === 'manifest-unreadable'
        ? 'manifest.json is missing or not valid JSON'
        : damage.kind === 'no-checksums'
          ? 'manifest.json lists no checksums'
          : damage.kind === 'other-run'
            ? "manifest.json is not this arm's run (another scenario hash or replication count)"
            : damage.kind === 'file-missing'
              ? `${damage.file} is missing`
              : `${damage.file} does not match its checksum in manifest.json (truncated or changed)`
    }): it runs again`,
  // `difusi report --png` or `--no-png` on a national folder or a national comparison's (cli/report.ts): its charts are SVG only.
  png_option_svg_only: (option: '--png' | '--no-png', folder: 'national' | 'national-compare') =>
    `${option} has no effect on ${folder === 'national' ? 'a national folder' : 'a national comparison folder'}: its charts are SVG only, and no PNG is written either way`,

  // National files (jobs/national-warnings.ts); `ids`, `total`: governments, named as whichGovernments names them.
  // The same city warning in many governments: one line naming them (`warning`: the city warning, as said).
  in_governments: (ids: readonly string[], total: number, warning: string) => `${whichGovernments(ids, total)}: ${warning}`,
  // A national service with `owner: vendor` and no vendor of its own, that takes a government's only vendor.
  implicit_vendor: (innovation: string, vendor: string) =>
    `${innovation}: owner is vendor but it names no vendor, so it takes the government's only vendor "${vendor}" ` +
    `(and no vendor where a government has none or several): which vendor's exit (contract_end) acts on it depends on the vendors that reach each government ` +
    `(name its vendor with vendor: <id>)`,
  // Regencies and cities whose `districts` their own `city.opds` leaves unused.
  districts_beside_city_opds: (ids: readonly string[], total: number) => {
    const [its, has] = ids.length === 1 ? ['its', 'has'] : ['their', 'have'];
    return (
      `${whichGovernments(ids, total)}: districts is set beside city.opds, which gives all of ${its} agencies: ` +
      `it is ignored (${its} city.opds ${has} another number of kecamatan agencies; list the kecamatan in city.opds, or drop districts)`
    );
  },
  // A province name that is no province government's id but a typo of one (`meant`).
  province_typo: (ids: readonly string[], total: number, name: string, meant: string) =>
    `${whichGovernments(ids, total)}: province "${name}" is the id of no province government in this file (did you mean "${meant}"?): ` +
    `as written, ${ids.length === 1 ? 'it is' : 'they are'} a province of ${ids.length === 1 ? 'its' : 'their'} own, ` +
    `with no same-province peers${ids.length === 1 ? '' : ' but each other'}, and a province of ${ids.length === 1 ? 'its' : 'their'} own in the results`,
  // A government type with no template entry; `coordinator`: whether the template has one.
  template_type_missing: (type: 'province' | 'regency' | 'city', ids: readonly string[], total: number, coordinator: boolean) => {
    const only = [coordinator ? 'the coordinator (kominfo)' : '', type === 'province' ? '' : 'one kecamatan agency per district'].filter((x) => x !== '');
    return (
      `template.agencies has no "${type}" entry: ${whichGovernments(ids, total)} (${type}, without city.opds) ` +
      `${ids.length === 1 ? 'gets' : 'get'} no agencies from the template, only ${only.join(' and ')} ` +
      `(add template.agencies.${type}, or city.opds to ${ids.length === 1 ? 'the government' : 'each'})`
    );
  },
  districts_on_province: (ids: readonly string[], total: number) =>
    `${whichGovernments(ids, total)}: districts is set on a province government, which has no kecamatan agencies: ` +
    `it is ignored (districts makes kecamatan agencies in regencies and cities only)`,
  // A mandate (`national_regulations[0] "x"`) whose governments selector matches no government (inertAnchors).
  mandate_reaches_no_government: (mandate: string) => `${mandate}: its governments selector matches no government, so it does nothing`,
  // A programme whose cohorts have no members.
  programme_no_members: (programme: string) => `${programme}: its cohorts have no members, so it does nothing`,
  // A mandate or programme anchoring services no government it reaches has.
  anchors_nowhere: (entry: string, services: readonly string[]) =>
    `${entry}: no government it reaches has ${services.map((a) => `"${a}"`).join(', ')} (the service's governments selector, or portfolio: false), ` +
    `so it does nothing for ${services.length === 1 ? 'that service' : 'those services'}`,
  // A programme cohort whose select.count cannot be met (shortCohorts); `types`: the types it selects from.
  cohort_short: (programme: string, cohort: string, count: number, drawn: number, types: readonly string[]) =>
    `${programme} cohort "${cohort}": select.count is ${count}, but only ${drawn} ${drawn === 1 ? 'government is' : 'governments are'} left to select ` +
    `(of types ${types.join(', ')}, in no earlier cohort of the programme and listed in none of its cohorts), so it selects ${drawn}`,
  // An election cycle's heads taking office after the horizon (jobs/national-warnings.ts): allowed, as a calendar shared
  // with longer runs may list them (docs/NATIONAL.md, "Election calendars"), but they change nothing in this run.
  // `heads`: their indices; `from`: the first one's month; `horizon`: the scenario's last month.
  head_after_horizon: (cycle: string, heads: readonly number[], from: string, horizon: string) =>
    `${cycle}: ${heads.length === 1 ? `heads[${heads[0]}] takes` : `heads[${heads[0]}] and the ${heads.length - 1} after it take`} office from ${from}, ` +
    `after the horizon (${horizon}), so ${heads.length === 1 ? 'it changes' : 'they change'} nothing in this run (a calendar shared with longer runs may list ${heads.length === 1 ? 'it' : 'them'}; a date meant inside the horizon is mistyped)`,
} as const;

/** What a run's part holds (part_meta_rebuilt, part_records_dropped): a run's replications, or a sweep's design runs. */
export type PartUnit = 'replication' | 'design run';

/** What is wrong with a comparison's arm finished before (arm_damaged): its manifest.json, or a file it lists. */
export type ArmDamage =
  | { readonly kind: 'manifest-unreadable' }
  | { readonly kind: 'no-checksums' }
  | { readonly kind: 'other-run' }
  | { readonly kind: 'file-missing'; readonly file: string }
  | { readonly kind: 'file-changed'; readonly file: string };

/** Why a part is not resumed (store/part-seal.ts notResumable): its description is damaged, or another build wrote it (one that recorded its build, or one from before). */
export type NotResumable = 'damaged' | 'other-build' | 'unrecorded-build';

/** A warning's code: a key of WARNINGS. */
export type WarningCode = keyof typeof WARNINGS;

/** A warning as data: its code and the arguments WARNINGS (or its Indonesian twin) words it from. */
export type ScenarioWarning = { [C in WarningCode]: { readonly code: C; readonly args: Parameters<(typeof WARNINGS)[C]> } }[WarningCode];

/** Builds a warning of `code` from its arguments, checked against the catalog's. */
export function warning<C extends WarningCode>(code: C, ...args: Parameters<(typeof WARNINGS)[C]>): ScenarioWarning {
  return { code, args } as unknown as ScenarioWarning;
}

/** How a command words a warning: English (`warningText`) or Bahasa Indonesia (messages/warning-text-id.ts). */
export type WarningText = (warning: ScenarioWarning) => string;

/** A warning in English, as every command says it without --lang id. */
export const warningText: WarningText = (w) => (WARNINGS[w.code] as (...args: readonly unknown[]) => string)(...w.args);

export type IssueCode = keyof typeof MESSAGES;

/**
 * One problem the user can fix. `code` is a key of `MESSAGES`; `line` and
 * `column` are 1-based; `path` is the field path inside the scenario
 * (array indices 0-based); `expected` and `found` are short display strings.
 */
export interface ScenarioIssue {
  code: IssueCode;
  file: string;
  line?: number;
  column?: number;
  path: (string | number)[];
  message: string;
  expected?: string;
  found?: string;
}

/** An issue before it is placed in a file (crossref and schema checks). */
export type IssueDraft = Omit<ScenarioIssue, 'file' | 'line' | 'column'>;

/** Builds an issue draft with its message taken from the catalog. */
export function draft<C extends IssueCode>(
  code: C,
  args: Parameters<(typeof MESSAGES)[C]>,
  path: (string | number)[],
  detail: { expected?: string; found?: string } = {},
): IssueDraft {
  const make = MESSAGES[code] as (...a: Parameters<(typeof MESSAGES)[C]>) => string;
  const issue: IssueDraft = { code, path, message: make(...args) };
  if (detail.expected !== undefined) issue.expected = detail.expected;
  if (detail.found !== undefined) issue.found = detail.found;
  return issue;
}

/** Builds a full issue (file known, line optional) from the catalog. */
export function makeIssue<C extends IssueCode>(
  code: C,
  args: Parameters<(typeof MESSAGES)[C]>,
  where: { file: string; line?: number; column?: number; path?: (string | number)[] },
  detail: { expected?: string; found?: string } = {},
): ScenarioIssue {
  const base = draft(code, args, where.path ?? [], detail);
  const issue: ScenarioIssue = { ...base, file: where.file };
  if (where.line !== undefined) issue.line = where.line;
  if (where.column !== undefined) issue.column = where.column;
  return issue;
}

/**
 * An error the user caused and can fix (bad scenario, missing file, bad
 * override). The CLI prints `formatIssues(issues)` and exits 2, no stack.
 */
export class UserError extends Error {
  readonly issues: ScenarioIssue[];

  constructor(issues: ScenarioIssue[]) {
    super(formatIssues(issues));
    this.name = 'UserError';
    this.issues = issues;
  }

  /** A user error with a single issue from the catalog. */
  static of<C extends IssueCode>(
    code: C,
    args: Parameters<(typeof MESSAGES)[C]>,
    where: { file: string; line?: number; column?: number; path?: (string | number)[] },
    detail: { expected?: string; found?: string } = {},
  ): UserError {
    return new UserError([makeIssue(code, args, where, detail)]);
  }
}

/** `regulations[1].strength`; the empty path prints as ''. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${quote(seg)}]`;
  }
  return out;
}

const FOUND_MAX = 40;

/**
 * A value as shown after "found": JSON-like, strings quoted, abbreviated to
 * about 40 characters.
 */
export function formatFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > FOUND_MAX ? `${text.slice(0, FOUND_MAX - 1)}…` : text;
}

/**
 * A number written with a comma, as Indonesian texts (difusi's Indonesian
 * reports among them) write decimals: "0,9" is 0.9. How to write it for
 * the message: "0.9"; for "1,500", which may also be an English thousands
 * separator, both readings ("1.5 or 1500"). Undefined for any other value.
 */
export function decimalComma(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*([+-]?\d+),(\d+)\s*$/.exec(value);
  if (m === null) return undefined;
  const [, whole, rest] = m as unknown as [string, string, string];
  // Written as a number is written in the file ("1.5", not "1.500", which an Indonesian reader takes for 1500).
  const decimal = String(Number(`${whole}.${rest}`));
  return rest.length === 3 && !/^[+-]?0$/.test(whole) ? `${decimal} or ${whole}${rest}` : decimal;
}

/** A list of names for "expected", cut after `max` entries. */
export function formatChoices(names: readonly string[], max = 10): string {
  const shown = names.slice(0, max).map(quote).join(', ');
  return names.length > max ? `${shown}, … (${names.length} in all)` : shown;
}

/**
 * Where an issue's line starts, with its space: `file:line:col `, `override <path>: `, `command line: `;
 * '' for a message that names its own file first. Shared by formatIssues and the explorer's
 * Indonesian lines (messages/issue-text.ts: the explorer's, and the command line's under --lang id), so both place a problem alike.
 */
/** Whether an issue's place is a label difusi writes (an override, the command line), not a file that happens to be named so. */
export function placeIsLabel(issue: Pick<ScenarioIssue, 'file' | 'line'>): boolean {
  return issue.line === undefined && /^(override|command line)( |$)/.test(issue.file);
}

export function issueLead(issue: ScenarioIssue): string {
  // An override or a command-line option has no line; a colon ends its label, which otherwise ran into the message ("override coordinator owner ...").
  const label = placeIsLabel(issue);
  const file = escapedName(issue.file);
  const where = issue.line === undefined ? (label ? `${file}:` : file) : `${file}:${issue.line}:${issue.column ?? 1}`;
  // A message that names its own file first (a folder that is locked, damaged or holds foreign files) is not prefixed with it again.
  return issue.line === undefined && issue.message.startsWith(`${issue.file} `) ? '' : `${where} `;
}

/**
 * A place on the command line as an Indonesian line names it (a ✗ line's lead, a ⚠ line's place):
 * `command line` (and `command line --out`, `command line --set <path>`) as `baris perintah`, and
 * `override <path>` (a --set's path) as `pengaturan <path>`, the word the messages say for an override
 * ("Jalur pengaturan ..."); a file's name, and any other place, as it is. The explorer's page keeps
 * its own places (messages/issue-text.ts issueText); the command line's ✗ lines under --lang id
 * (formatIssuesId) and ⚠ lines (cli/errors.ts warnLine) say them so.
 */
export function placeId(place: string): string {
  if (/^command line(?=[ :]|$)/.test(place)) return `baris perintah${place.slice('command line'.length)}`;
  if (place.startsWith('override ')) return `pengaturan ${place.slice('override '.length)}`;
  // A --set that cannot be read at all (no path yet): the bare label parseOverride gives it (`override: `).
  if (/^override(?=:|$)/.test(place)) return `pengaturan${place.slice('override'.length)}`;
  return place;
}

/**
 * The line after the first MAX_PROBLEM_LINES problems (scenario/limits.ts), counting the others
 * (cli/errors.ts); in Bahasa Indonesia, messages/issue-text.ts moreProblemsId.
 */
export function moreProblems(count: number): string {
  return `… and ${count.toLocaleString('en-US')} more problem${count === 1 ? '' : 's'} (fix the ones above, then check again)`;
}

/**
 * One line per issue: `✗ file:line:col message → at path (expected X, found Y)`; `✗ override <path>: message ...`
 * for an override; `✗ command line: message ...` for the command line, and `✗ command line --option: message ...`
 * for an issue placed at one option (its file `command line --out`, or with a remark in parentheses:
 * `command line --precision-outcome (arm base)`).
 */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues
    .map((issue) => {
      const path = formatPath(issue.path);
      const at = path === '' ? '' : ` → at ${path}`;
      const detail = [
        issue.expected === undefined ? undefined : `expected ${issue.expected}`,
        issue.found === undefined ? undefined : `found ${issue.found}`,
      ].filter((s): s is string => s !== undefined);
      return `✗ ${issueLead(issue)}${issue.message}${at}${detail.length > 0 ? ` (${detail.join(', ')})` : ''}`;
    })
    .join('\n');
}
