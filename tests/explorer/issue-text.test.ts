/**
 * The problems the explorer lists, in the page's language: on the
 * Indonesian page the line's framing ("→ di", "seharusnya", "ditemukan") and
 * the common messages are Indonesian (it showed the command line's English
 * alone); on the English page the line is the command line's, unchanged.
 * A message is translated only when its English is what the catalog makes
 * of the arguments read back from it, so a scenario name that holds the
 * pattern's words is never misquoted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssues, makeIssue, MESSAGES, type IssueCode, type ScenarioIssue } from '../../src/messages/catalog.js';
import { parseSource, readPageSetting } from '../../src/explorer/setting.js';
import { expectedId, foundId, issueText, messageId } from '../../src/explorer/issue-text.js';

const BEKASI = readFileSync('scenarios/bekasi-2015-2025.yaml', 'utf8');
const issuesOf = (text: string, file = 'pasted.yaml'): ScenarioIssue[] => {
  const r = parseSource(text, file);
  if (r.ok) throw new Error('accepted');
  return r.issues;
};
/** English words of the framing and of the common messages, none of which may be left on the Indonesian line. */
const ENGLISH = /→ at |\(expected |, found |\bWrong type\b|\bMissing required\b|\bUnknown field\b|\bNot a whole number\b|\bout of range\b|\blies outside\b|\bInvalid value\b|\ba number\b|\ban integer\b/;

describe('the problems in Bahasa Indonesia', () => {
  it('frames a problem of the text in Indonesian, with the message, the field and what it takes', () => {
    const [months] = issuesOf(BEKASI.replace('months: 132', 'months: many'));
    const line = BEKASI.split('\n').findIndex((l) => l === 'months: 132') + 1;
    expect(issueText(months!, 'en')).toBe(`pasted.yaml:${line}:9 Wrong type → at months (expected an integer in [1,1200], found "many")`);
    expect(issueText(months!, 'id')).toBe(`pasted.yaml:${line}:9 Jenis nilai salah → di months (seharusnya bilangan bulat dalam [1; 1200], ditemukan "many")`);
    // The decimal comma an Indonesian writer types: how to write it, in Indonesian.
    const [comma] = issuesOf(BEKASI.replace(/strength: 0\.(\d+)/, 'strength: 1,5'));
    expect(issueText(comma!, 'id')).toMatch(/^pasted\.yaml:\d+:\d+ Jenis nilai salah: angka ditulis dengan titik desimal, bukan koma; tulis 1\.5 → di regulations\[\d+\]\.strength \(seharusnya angka dalam \[0; 1\], ditemukan "1,5"\)$/);
    // The same comma in a flow mapping (a leader as the shipped files write it), which YAML reads as a number and a key.
    const [flow] = issuesOf(BEKASI.replace(/(from: 2015-01, commitment: )0\.8 \}/, '$10,8 }'));
    expect(issueText(flow!, 'id')).toMatch(
      /^pasted\.yaml:\d+:\d+ Angka ditulis dengan titik desimal, bukan koma: commitment: 0,8 terbaca sebagai commitment: 0 dan isian "8"; tulis commitment: 0\.8 → di leaders\[0\]\.commitment$/,
    );
    expect(messageId({ code: 'wrong_type', message: MESSAGES.wrong_type('1.5 or 1500') })).toBe('Jenis nilai salah: angka ditulis dengan titik desimal, bukan koma; tulis 1.5 atau 1500');
  });

  it('says the common problems in Indonesian, with no English framing or message left', () => {
    const texts = [
      BEKASI.replace('months: 132', 'months: many'),
      BEKASI.replace('months: 132', 'months: 13.5'),
      BEKASI.replace('months: 132', 'months: 0'),
      BEKASI.replace(/^start: .*$/m, 'start: 2015-13'),
      BEKASI.replace(/^seed: (\d+)$/m, 'seed: $1\nsede: 4'),
      BEKASI.replace(/^name: .*\n/m, ''),
      BEKASI.replace(/strength: 0\.(\d+)/, 'strength: 2'),
      `${BEKASI.replace(/^levers:[\s\S]*?(?=^\S)/m, '')}\nlevers:\n  - { path: parameters.takeover_vendor, label: x, kind: slider, min: 0, max: 1.5 }\n`,
    ];
    for (const text of texts) {
      for (const issue of issuesOf(text)) {
        const id = issueText(issue, 'id');
        expect(id, issue.message).not.toMatch(ENGLISH);
        expect(id.startsWith('pasted.yaml:'), id).toBe(true);
      }
    }
    // The page's own fields.
    const page = readPageSetting('', '0');
    if (page.ok) throw new Error('accepted');
    expect(page.issues.map((i) => issueText(i, 'id'))).toEqual([
      'explorer Nilai tidak valid untuk seed → di seed (seharusnya bilangan bulat dari 0 sampai 4294967295, ditemukan (kosong))',
      'explorer Nilai tidak valid untuk replications → di replications (seharusnya bilangan bulat dari 1 sampai 100000, ditemukan 0)',
    ]);
  });

  it('says the problems of the whole file, the agencies, the network and a lever\'s path in Indonesian too', () => {
    const lever = (path: string) => BEKASI.replace('path: parameters.takeover_vendor', `path: ${JSON.stringify(path)}`);
    const cases: [string, string][] = [
      [BEKASI, 'bekasi.txt'],
      // A key twice: the YAML parser's own words in a YAML file (yaml_syntax), the catalog's in a JSON one.
      ['{ "seed": 1, "seed": 2 }', 'pasted.json'],
      [BEKASI.replace(/^seed: (\d+)$/m, 'seed: $1\n__proto__: 4'), 'pasted.yaml'],
      [BEKASI.replace(/^seed: (\d+)$/m, 'seed: !!js/function $1'), 'pasted.yaml'],
      [BEKASI.replace('name: Dinas Kesehatan', `name: ${'x'.repeat(400)}`), 'pasted.yaml'],
      [BEKASI.replace('degree: 4', 'degree: 5'), 'pasted.yaml'],
      [BEKASI.replace('degree: 4', 'degree: 100'), 'pasted.yaml'],
      [BEKASI.replace(/^  among: .*\n/m, ''), 'pasted.yaml'],
      [BEKASI.replace('types: { dinas: 17, badan: 5, other: 3 }', 'types: { dinas: 0 }'), 'pasted.yaml'],
      [BEKASI.replace(/^coordinator: .*\n/m, ''), 'pasted.yaml'],
      [BEKASI.replace('{ id: dishub,', '{ id: dinas,'), 'pasted.yaml'],
      [lever('parameters.takeover_vendor['), 'pasted.yaml'],
      [lever('opds.list[type=kecamatan].capacity'), 'pasted.yaml'],
    ];
    const codes = new Set<string>();
    for (const [text, file] of cases) {
      for (const issue of issuesOf(text, file)) {
        codes.add(issue.code);
        const id = issueText(issue, 'id');
        expect(messageId(issue), id).not.toBe(issue.message);
        expect(id, issue.message).not.toMatch(ENGLISH);
        expect(id, issue.message).not.toMatch(/\b(requires|too large|must be|Network type|Override|Cannot read|selector|matches|Duplicate|Unknown|cannot be used|Unsupported|is also|an even|at least|agency|agencies|a mapping|characters)\b/);
      }
    }
    expect([...codes].sort()).toEqual(
      [
        'unsupported_extension', 'duplicate_key', 'reserved_path_segment', 'unknown_tag', 'too_long', 'network_degree_odd', 'network_too_dense',
        'network_param_missing', 'type_mix_empty', 'coordinator_required', 'network_hub_missing', 'opd_id_is_type', 'unknown_reference', 'override_syntax', 'override_ambiguous',
      ].sort(),
    );
  });

  it('translates a message only when the catalog gives back its exact English from the arguments read from it', () => {
    const samples: [IssueCode, unknown[]][] = [
      ['missing_field', ['launch']],
      ['unknown_field', ['sede', 'seed']],
      ['unknown_field', ['a "quoted" (did you mean "x"?) name']],
      ['unknown_reference', ['OPD', 'dinas-x', 'dinas-kominfo']],
      ['month_order', ['from', 'to']],
      ['lever_same_field', ['regulations[0].strength', 1, 'regulations[id=perda].strength']],
      ['lever_outside_range', ['max', 2, 'regulations[id=perda].strength', 'a number in [0,1]']],
      ['lever_not_whole', ['min', 1.5, 'innovations[0].pilot_months', 'an integer >= 1']],
      ['budget_shocks_overlap', [2]],
      ['month_outside_horizon', ['from']],
    ];
    for (const [code, args] of samples) {
      const message = (MESSAGES[code] as (...a: unknown[]) => string)(...args);
      const id = messageId({ code, message });
      expect(id, message).not.toBe(message);
      // Every argument is in the Indonesian message as the English shows it (quoted or not; a range in Indonesian).
      for (const a of args) {
        const shown = message.includes(JSON.stringify(a)) ? JSON.stringify(a) : expectedId(String(a));
        expect(id.includes(shown), `${message} / ${id}: ${shown}`).toBe(true);
      }
    }
    expect(messageId({ code: 'month_order', message: MESSAGES.month_order('a', 'b') })).toBe('"b" lebih awal daripada "a"');
    // A message that is not what the catalog makes (another code's text under this code): left in English.
    expect(messageId({ code: 'missing_field', message: 'Missing required field launch' })).toBe('Missing required field launch');
    expect(messageId({ code: 'out_of_range', message: 'Something else' })).toBe('Something else');
    // A code with no Indonesian text (difusi generate-national's, a developer's command): English.
    const other = makeIssue('area_name_empty', [], { file: 'x.csv', line: 3, column: 1, path: ['name'] });
    expect(issueText(other, 'id')).toBe(`x.csv:3:1 ${MESSAGES.area_name_empty()} → di name`);
  });

  it('writes the common forms of what a field takes in Indonesian, and leaves others as written', () => {
    expect(expectedId('a number in (0,1]')).toBe('angka dalam (0; 1]');
    expect(expectedId('an integer >= 1')).toBe('bilangan bulat >= 1');
    expect(expectedId('a month as YYYY-MM or null')).toBe('bulan dalam bentuk YYYY-MM atau null');
    expect(expectedId('one of "hub", "erdos-renyi", … (12 in all)')).toBe('salah satu dari "hub", "erdos-renyi", … (semuanya 12)');
    expect(expectedId('a list with at least 1 item')).toBe('daftar berisi sedikitnya 1 butir');
    expect(expectedId('a path to true or false')).toBe('jalur ke true atau false');
    expect(expectedId('an even integer < 42')).toBe('bilangan bulat genap < 42');
    expect(expectedId('a month in 2015-01..2025-12')).toBe('bulan dalam 2015-01..2025-12');
    expect(expectedId('a month after 2018-09 (leaders[1])')).toBe('bulan sesudah 2018-09 (leaders[1])');
    expect(expectedId('an index in 0..3')).toBe('indeks dalam 0..3');
    expect(expectedId('a vendor id, but none is defined')).toBe('id vendor, tetapi belum ada yang didefinisikan');
    expect(foundId('1,000,001 agencies')).toBe('1.000.001 perangkat daerah');
    expect(foundId('2020-01..2020-12 and 2020-06..2021-06')).toBe('2020-01..2020-12 dan 2020-06..2021-06');
    expect(expectedId('min < max')).toBe('min < max');
  });

  it('keeps the English page the command line\'s line, and the scenario\'s own strings as written (the page shows them as text)', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const [issue] = issuesOf(BEKASI.replace(/^seed: (\d+)$/m, `seed: $1\n${JSON.stringify(hostile)}: 4`));
    expect(issueText(issue!, 'en')).toBe(formatIssues([issue!]).replace(/^✗ /, ''));
    expect(issueText(issue!, 'id')).toContain(`Isian tidak dikenal ${JSON.stringify(hostile)}`);
  });
});

/**
 * Every message of the catalog is decided: shown in Indonesian on the
 * Indonesian page (SAMPLES: arguments it can take, each of which must come
 * out translated), or English-only (ENGLISH_ONLY: why the page never shows
 * it). A message added to the catalog with neither fails here, so whoever
 * adds it says which.
 */
/** command_set_same_field's field inside another --set's: one the other removes, one it sets whole. */
const INSIDE_REMOVED = { inner: 'leaders[0].from', outer: 'leaders[0]', outerField: 'leaders[0]', removes: true };
const INSIDE_SET = { inner: 'leaders[0].from', outer: 'leaders[0]', outerField: 'leaders[0]', removes: false };

/** Kinds of shard folder (store/part-store.ts shardKindOf), named in Indonesian. */
const SHARD_NATIONAL = 'a national run (difusi national --shard)';
const SHARD_CITY = 'a city run (difusi run --shard)';

/** A merge's advice for a part of another run (store/part-seal.ts mismatchAdvice): run it again, or leave it out. */
const MISMATCH_RERUN = 'leave it out, or run shard 1/3 again (the same command with --shard 1/3) with the same settings as the other';
const MISMATCH_RERUN_OTHERS = 'leave it out, or run shard 1/3 again (the same command with --shard 1/3) with the same settings as the others';
const MISMATCH_LEAVE_OUT = 'leave it out: the other parts are shards of 3 (--shard 0/3 to 2/3), and its index 5 is none of them';
/** What else sets a factor's field (store/experiment-file.ts checkFactorFields): the experiment's own set, at its line. */
const FACTOR_SET_BY_EXPERIMENT = 'the experiment\'s set "parameters.takeover_vendor" (exp.yaml:4)';
const MISMATCH_RESUME = 'leave it out, or run the same command again with --resume (damaged replications are run again) with the same settings as the other';

/** What a result file can be refused for (store/csv-read.ts, store/results-read.ts), as `difusi report` says it. */
const RESULT_FILE_PROBLEMS = [
  'empty file (no header line)',
  'not found (is this a difusi result folder?)',
  'expected a JSON object',
  'missing columns "run", "month"',
  'column "run": expected an integer, found "x"',
  'column "date": expected a value, found an empty cell',
  'column "share": expected a number, found "n/a"',
  'column "kind": expected one of run, sweep, found "lost"',
  '"kind": expected one of run, compare, found "x"',
  '"seed": expected number, found nothing',
];

const SAMPLES: Partial<Record<IssueCode, unknown[][]>> = {
  // The scenario file as the command line looks for it (store/scenario-file.ts): never on the page, but under --lang id on the terminal.
  file_not_found: [[], ['/home/x/kota.yaml'], ['/home/x/kota.yaml', 'kota.yml']],
  not_utf8: [[]],
  // The whole file (parse.ts, yaml-locate.ts, limits.ts).
  unsupported_extension: [['.txt'], ['']],
  yaml_syntax: [['Nested mappings are not allowed in compact mappings at line 3, column 5']],
  yaml_version: [['1.1'], ['2.0']],
  yaml_multiple_documents: [[]],
  json_syntax: [['Unexpected token } in JSON at position 12']],
  empty_file: [[]],
  experiment_not_scenario: [['compare', 'experiments/bekasi-perda.yaml']],
  national_not_city: [['pasted.yaml'], ['indonesia-2015-2025.yaml']],
  // An experiment's base or variant that is national (cli/national-hint.ts): never on the page, but under --lang id on the terminal.
  experiment_arm_national: [['compare', 'scenarios/indonesia-2015-2025.yaml'], ['sweep', '/home/x/nasional.yaml'], ['sensitivity', 'a b.yaml']],
  too_deep: [[64]],
  too_many_aliases: [[100]],
  duplicate_key: [['seed'], ['a "quoted" key']],
  unknown_tag: [['!!js/function']],
  yaml_tag_not_data: [['!!binary']],
  not_a_scenario: [
    ['"version", "services"', '"name", "start", "months", "opds", "innovations"', '"name", "start", "months", "governments"'],
    ['"k0", "k1", "k2", …', '"name"', '"name"'],
  ],
  // Its twin for an experiment file (compare, sweep, sensitivity): never on the page, but under --lang id on the terminal.
  not_an_experiment: [['"version", "services"', '"name", "base"']],
  too_many_values: [['1,000,000']],
  reserved_path_segment: [['__proto__']],
  // The schema (zod-issues.ts).
  wrong_type: [[], ['1.5'], ['1.5 or 1500']],
  decimal_comma_key: [['commitment', '0,8', '0.8'], ['commitment', '1,500', '1.5 or 1500'], ['theta', '-0,25', '-0.25']],
  missing_field: [['launch']],
  not_integer: [[]],
  out_of_range: [[]],
  bad_format: [[]],
  no_such_month: [['2015-13']],
  not_an_option: [[]],
  unknown_field: [['sede', 'seed'], ['a "quoted" (did you mean "x"?) name']],
  too_few_items: [[]],
  too_many_items: [[]],
  invalid_value: [['Invalid input']],
  too_long: [['The text', 200]],
  // References, months, agencies and network (crossref.ts).
  no_opds: [[]],
  type_mix_empty: [[]],
  opd_id_is_type: [['dinas']],
  duplicate_id: [['innovation', 'e-kinerja'], ['government', 'kota-c'], ['national regulation', 'm-permit']],
  unknown_reference: [['OPD', 'dinas-x', 'dinas-kominfo'], ['budget shock', 'refocusing']],
  coordinator_required: [['owner "coordinator"'], ['custodian "coordinator"']],
  pilot_months_required: [['e-sakip']],
  month_outside_horizon: [['from']],
  month_before_start: [['to']],
  month_order: [['from', 'to']],
  budget_shocks_overlap: [[2]],
  leaders_order: [[]],
  leaders_same_month: [['walikota-2018']],
  category_band_empty: [['innovator']],
  coordinator_conflict: [[]],
  translation_weights_sum: [[]],
  network_param_missing: [['small-world', 'degree']],
  network_degree_odd: [[]],
  network_too_dense: [['degree', 12], ['links', 1]],
  network_too_many_links: [['degree', '5,000,050,000', '10,000,000'], ['mean_degree', '10,000,100', '10,000,000']],
  network_too_many_pairs: [['1,000,000', '20,000', '200,000,000']],
  network_hub_missing: [[]],
  network_nested_hub: [[]],
  edge_self_loop: [['dinas-kominfo']],
  too_many_agencies: [['1,000,000', 'generated and listed together']],
  // Levers (levers.ts) and their paths and values, applied as overrides (override-path.ts).
  lever_path_missing: [['parameters.nope']],
  lever_kind_mismatch: [['switch']],
  lever_same_field: [['regulations[0].strength', 1, 'regulations[id=perda].strength']],
  lever_range: [[]],
  lever_outside_parameter: [['max', 2, 'takeover_vendor', 'a number in [0,1]']],
  lever_outside_range: [['max', 2, 'regulations[id=perda].strength', 'a number in [0,1]']],
  lever_not_whole: [['min', 1.5, 'innovations[0].pilot_months', 'an integer >= 1']],
  override_syntax: [
    ['', 'the path is empty'],
    ['[0].x', 'the path must start with a field name'],
    ['regulations[0', 'a "[" is not closed'],
    ['seed%', 'unexpected "%"'],
    ['leaders[99999999999999999999]', 'the index 99999999999999999999 is too large'],
    ['leaders[x].from', '"[x]" is neither an index nor field=value'],
    ['parameters.__proto__', '"__proto__" cannot be used as a field name'],
    ['parameters.9x', 'expected a field name at "9x"'],
    // A value that holds itself through an alias (scenario/apply-overrides.ts).
    ['description=&a [*a]', 'the alias *a is inside the value its anchor &a names, so the value would hold itself'],
  ],
  override_missing: [['innovations[id=e-kinrja]', 'e-kinerja'], ['leaders[3]']],
  override_not_container: [['seed.x', 'the value 42'], ['network.hub.x', 'nothing'], ['leaders.x', 'a list'], ['network[0]', 'a mapping']],
  override_ambiguous: [
    ['[type=dinas]', 5, 'opds', 'dinas-a, dinas-b, dinas-c, …', 'name one by its id, e.g. [id=dinas-a]'],
    ['[kind=x]', 2, 'elements', '[0], [1]', 'name one by its index, e.g. [0]'],
  ],
  // The page's own Seed and Replications (setting.ts).
  invalid_option: [['seed']],
  // The command line's own refusals: never on the page, but under --lang id on the terminal (cli/errors.ts).
  option_repeated: [['--seed', 2], ['--replications (-r)', 3]],
  option_needs: [
    ['--port', '--serve', 'without --serve the page is only written, never served'],
    ['--max-replications', '--precision', "without --precision the replication count is fixed (-r or the scenario's), so it would be ignored"],
  ],
  command_set_shadowed: [
    ['seed', '--seed', 'give only one of the two'],
    ['replications', '--precision', 'it decides how many replications run (at most --max-replications); give only one of the two'],
    ['seed', "the experiment's seed: 7 (exp.yaml:3)", 'run every arm under another seed with -s instead'],
    ['replications', "the experiment's replications: 50 (exp.yaml)", 'run every arm under another count with -r instead'],
  ],
  command_set_repeated: [
    ['seed', '4', '5', false],
    ['leaders[0]', 'null', 'null', true],
  ],
  command_set_same_field: [
    ['innovations[id=x].owner', 'innovations[0].owner', 'innovations[0].owner', undefined, false],
    ['leaders[0]', 'leaders[id=a]', 'leaders[0]', undefined, true],
    ['leaders[0].from', 'leaders[0]', 'leaders[0].from', INSIDE_REMOVED, false],
    ['leaders[0]', 'leaders[0].from', 'leaders[0]', INSIDE_SET, false],
  ],
  command_set_shifted_index: [
    ['leaders[1]', 'leaders[0]=null', 'leaders', 'leaders[1]', undefined],
    ['opds[2].x', 'opds[0]=null', 'opds', 'opds[2]', 'opds[id=a].x'],
  ],
  result_folder_missing: [[]],
  not_a_part: [[]],
  national_compare_no_set: [[]],
  // Shard parts that do not add up to one run, and --shard-count's scheduler index: never on the page, but under --lang id on the terminal.
  merge_nothing: [[]],
  merge_missing: [[2, '1, 2', '1/3, 2/3'], [1, '2', '2/3']],
  merge_duplicates: [['0'], ['0, 3', 'out/k.shard-0-of-3'], ['2', 'a/k.shard-2-of-3, b/k.shard-2-of-3']],
  merge_mismatch: [
    ['shard count n', '2', '3', 1, MISMATCH_RERUN],
    ['seed', '7', '20230601', 2, MISMATCH_RERUN_OTHERS, 'another seed'],
    ['shard count n', '6', '3', 2, MISMATCH_LEAVE_OUT],
    ['resolved scenario', 'different', 'another', 1, MISMATCH_RESUME],
  ],
  part_other_build: [['p/k.shard-0-of-3', 'run shard 0/3 again (the same command with --shard 0/3)'], ['p/k', 'run the same command again with --resume (damaged replications are run again)']],
  sweep_merge_nothing: [[]],
  sweep_merge_missing: [[3, '0, 2, 4', '0/2'], [1, '5', '1/2']],
  sweep_merge_duplicates: [['4'], ['1, 3', 'out/k.shard-1-of-2']],
  sweep_merge_mismatch: [['replications', '4', '3'], ['shard count n', '2', '3'], ['design', 'different', 'another']],
  scheduler_index_disagree: [['SLURM_ARRAY_TASK_ID=1, JOB_COMPLETION_INDEX=2']],
  // A scenario given to sweep or sensitivity, an experiment with no variants or design, an unknown outcome, national --detail,
  // a city scenario given to national-compare: never on the page, but under --lang id on the terminal.
  scenario_not_experiment: [['sweep', 'scenarios/bekasi-2015-2025.yaml'], ['sensitivity', "'my city.yaml'"]],
  experiment_no_variants: [[]],
  experiment_no_design: [['difusi sweep'], ['difusi sensitivity']],
  unknown_outcome: [['nosuch'], ['sustained.x']],
  detail_unknown_government: [['kota-bekasii', 'kota-bekasi'], ['x', undefined]],
  detail_empty: [[]],
  detail_not_a_count: [['0', 'prov-aceh,kab-aceh-selatan']],
  national_compare_city: [[]],
  part_of_other_kind: [
    [SHARD_NATIONAL, 'difusi national-merge'],
    ['a comparison (difusi compare --shard)', 'difusi compare <experiment> --merge (with the same -r, --seed and --set as the shards)'],
  ],
  merge_mixed_kinds: [[SHARD_NATIONAL, SHARD_CITY, 'out/k.shard-0-of-2']],
  // Experiment files as compare, sweep and sensitivity read them: never on the page, but under --lang id on the terminal.
  experiment_duplicate_name: [['variant', 'perda'], ['factor', 'parameters.takeover_vendor']],
  experiment_factor_common: [['seed'], ['replications']],
  experiment_variant_common: [['seed'], ['replications']],
  experiment_set_shadowed: [['seed'], ['replications']],
  experiment_padded_name: [['factor', ' parameters.takeover_vendor'], ['override', 'seed ']],
  experiment_reserved_name: [['base']],
  experiment_case_only_name: [['Perda', 'perda']],
  experiment_duplicate_value: [['parameters.takeover_vendor', '0.5']],
  experiment_factor_range: [['parameters.takeover_vendor']],
  experiment_design_needs: [
    ['grid', 'values or levels for every factor'],
    ['lhs', 'min and max (not values) for every factor'],
    ['lhs', '"points"'],
    ['morris', 'an even number of levels'],
  ],
  experiment_design_too_large: [
    ['1,000,000', 'points', 'grid: 100 × 100 × 100 values of its 3 factors', '100,000'],
    ['200,000', 'points', 'lhs: design.points', '100,000'],
    ['2,600,000', 'factor values', '200,000 points × 13 factors', '1,000,000'],
    ['150,000', 'points', 'morris: trajectories (50,000) × (factors (2) + 1)', '100,000'],
    ['1,500,000', 'design runs', '15,000 points × 100 replications (-r)', '1,000,000'],
    ['1,500,000', 'design runs', "15,000 points × 100 replications (the base scenario's)", '1,000,000'],
  ],
  experiment_sobol_samples: [[]],
  experiment_arm_not_scenario: [['base'], ["a variant's file"]],
  sensitivity_sweep_design: [
    ['grid', true],
    ['lhs', false],
  ],
  sensitivity_method_values: [['morris'], ['sobol']],
  experiment_same_field: [
    ['factor', 'regulations[id=perda].strength', 'regulations[0].strength', 'exp.yaml:12'],
    ['override', 'leaders[id=a].commitment', 'leaders[0].commitment', 'exp.yaml:8'],
  ],
  experiment_factor_set: [
    ['parameters.takeover_vendor', '--set parameters.takeover_vendor'],
    ['parameters.takeover_vendor', FACTOR_SET_BY_EXPERIMENT],
  ],
  command_set_variant: [['regulations[0].strength', 'perda', 'regulations[id=perda].strength', 'exp.yaml:14']],
  command_set_variant_file: [['parameters.takeover_vendor', 'parameters.takeover_vendor', '0.9', 'vendor-exit', 'variant.yaml', '0.5']],
  experiment_set_variant_file: [['parameters.takeover_vendor', 'parameters.takeover_vendor', '0.9', 'vendor-exit', 'variant.yaml', '0.5']],
  compare_arm_file_name: [['.hidden']],
  experiment_point_invalid: [
    ['regulations[0].strength', '1.5', 'value out of range'],
    ['months', '0', undefined],
  ],
  // A job stopped by a signal, --serve's port, --precision's mean of 0, patterns --check: under --lang id on the terminal.
  stopped_by_signal: [
    ['SIGTERM', 143, true],
    ['SIGINT', 130, false],
  ],
  port_unavailable: [['127.0.0.1:8080', 'the port is in use (EADDRINUSE)'], ['127.0.0.1:80', 'the port needs more rights than this user has (EACCES)']],
  precision_zero_mean: [[true], [false]],
  unknown_check: [['P4x', 'P4a'], ['Q1', undefined]],
  // A national file's own checks, and national-compare's: under --lang id on the terminal.
  heads_order: [[]],
  heads_same_month: [[1]],
  national_platform_custodian: [[]],
  government_no_service: [['kota-a', 'its portfolio is false'], ['kab-b', "every national service's governments selector leaves it out"]],
  too_many_links: [['10,000,000']],
  too_many_pairs: [['200,000,000', '20,000']],
  national_compare_same: [['--set parameters.takeover_vendor'], ['--set seed_x, --set parameters.takeover_vendor']],
  national_compare_arm_setting: [['seed', '--seed'], ['replications', '-r']],
  // Files and folders on disk, and result folders: under --lang id on the terminal.
  file_unreadable: [['it is a directory'], ['permission denied (the file, or a folder on its path, may not be read by this user)'], ['EXDEV']],
  file_too_large: [['12.5 MB', '10.0 MB'], ['10,485,761 bytes', '10,485,760 bytes']],
  too_many: [['replications', '100,000']],
  io_failed: [['permission denied (EACCES)'], ['no space left on the device (free space, then run the same command with --resume) (ENOSPC)'], ['a file is in the way where a folder is made (EEXIST): move it, or choose another --out']],
  data_damaged: [
    ['out/k.shard-0-of-3', 'records.jsonl does not match its checksum', 'run shard 0/3 again (the same command with --shard 0/3)'],
    ['out/.k.partial/records.jsonl', 'line 4 is not a record', 'run the same command again with --resume (damaged replications are run again)'],
  ],
  write_failed: [
    ['out/k/summary.csv', 'ENOSPC', 'the disk is full: free space, then run the same command with --resume'],
    ['out/k/report.html', 'EROFS', 'the folder is read-only: choose another --out'],
    ['out/k/x.csv', 'EXDEV', ''],
  ],
  folder_locked: [
    ['/home/x/out/k', 'process 4242 (difusi run kota.yaml, since 2026-12-07T21:00:00.000Z; if no such job runs any more, delete /home/x/out/.k.lock)'],
    ['/home/x/out/k', 'another job (the lock /home/x/out/.k.lock keeps changing)'],
  ],
  foreign_files: [['/home/x/out/k', 'notes.txt, a.csv'], ['/home/x/out/k', 'a, b, c, d, e, … (7 in all)']],
  foreign_file_at_folder: [['/home/x/out/k']],
  bad_output_folder: [['/dev/null', 'it is a file, not a folder'], ['/proc/x', '/proc is a special file system, not a place for result folders'], ['/ro/out', 'no permission to write in /ro']],
  record_too_long: [[3, '536,870,888']],
  result_file_invalid: RESULT_FILE_PROBLEMS.map((p) => [p]),
  report_unwritable: [["EACCES: permission denied, open '/ro/out/report.html'"]],
  result_damaged: [['/home/x/out/k', 'manifest.json', 'is missing or not valid JSON'], ['/home/x/out/k', 'national_series.csv', 'has 3 rows, the manifest says 4']],
};

/** Arguments the catalog writes in English words (not a name, id, path or value of the scenario): they come out in Indonesian. */
const PROSE_ARGS = new Set<unknown>([
  // A result file's problem, said in Indonesian with its names and values as written.
  ...RESULT_FILE_PROBLEMS,
  // A merge's field names, its count of other parts (which only chooses "has" or "have"), its advice and its reason (merge_mismatch, part_other_build).
  'shard count n',
  'resolved scenario',
  'replications',
  'design',
  'different',
  'another',
  2,
  MISMATCH_RERUN,
  MISMATCH_RERUN_OTHERS,
  MISMATCH_LEAVE_OUT,
  MISMATCH_RESUME,
  'another seed',
  'run shard 0/3 again (the same command with --shard 0/3)',
  'run the same command again with --resume (damaged replications are run again)',
  SHARD_NATIONAL,
  SHARD_CITY,
  'a comparison (difusi compare --shard)',
  'difusi compare <experiment> --merge (with the same -r, --seed and --set as the shards)',
  // The command line's refusals: what decides instead of a --set, and the advice (command_set_shadowed, option_needs);
  // the flags and the part inside another --set, which choose the wording; no byId (command_set_shifted_index).
  'give only one of the two',
  'it decides how many replications run (at most --max-replications); give only one of the two',
  "the experiment's seed: 7 (exp.yaml:3)",
  'run every arm under another seed with -s instead',
  "the experiment's replications: 50 (exp.yaml)",
  'run every arm under another count with -r instead',
  'without --serve the page is only written, never served',
  "without --precision the replication count is fixed (-r or the scenario's), so it would be ignored",
  true,
  false,
  undefined,
  INSIDE_REMOVED,
  INSIDE_SET,
  // Kinds of reference (crossref.ts), named in Indonesian.
  'innovation',
  'budget shock',
  'government',
  'national regulation',
  'The text',
  // The field and its value, put in another order: both are in the Indonesian as written.
  'owner "coordinator"',
  'custodian "coordinator"',
  'generated and listed together',
  'nothing',
  'a list',
  'a mapping',
  'the value 42',
  'elements',
  'name one by its id, e.g. [id=dinas-a]',
  'name one by its index, e.g. [0]',
  'the path is empty',
  'the path must start with a field name',
  'a "[" is not closed',
  'unexpected "%"',
  'the index 99999999999999999999 is too large',
  '"[x]" is neither an index nor field=value',
  '"__proto__" cannot be used as a field name',
  'expected a field name at "9x"',
  'the alias *a is inside the value its anchor &a names, so the value would hold itself',
  '1,000,000',
  // Numbers of links, grouped with dots in Indonesian.
  '5,000,050,000',
  '10,000,100',
  '10,000,000',
  // Numbers of agencies and pair draws of an Erdos-Renyi network, grouped with dots in Indonesian.
  '20,000',
  '200,000,000',
  // Both readings of "1,500", joined by "atau".
  '1.5 or 1500',
  // What an experiment's name is of, what a design needs, and its counts, which come out in Indonesian (grouped with dots).
  'variant',
  'factor',
  'override',
  'values or levels for every factor',
  'min and max (not values) for every factor',
  'an even number of levels',
  'points',
  'factor values',
  'design runs',
  'grid: 100 × 100 × 100 values of its 3 factors',
  '200,000 points × 13 factors',
  'morris: trajectories (50,000) × (factors (2) + 1)',
  '15,000 points × 100 replications (-r)',
  "15,000 points × 100 replications (the base scenario's)",
  '100,000',
  '200,000',
  '2,600,000',
  '150,000',
  '1,500,000',
  "a variant's file",
  FACTOR_SET_BY_EXPERIMENT,
  'value out of range',
  // Reasons and problems of the system, of files and folders, and of --serve's port, said in Indonesian.
  'the port is in use (EADDRINUSE)',
  'the port needs more rights than this user has (EACCES)',
  'its portfolio is false',
  "every national service's governments selector leaves it out",
  'it is a directory',
  'permission denied (the file, or a folder on its path, may not be read by this user)',
  '12.5 MB',
  '10.0 MB',
  '10,485,761 bytes',
  '10,485,760 bytes',
  'permission denied (EACCES)',
  'no space left on the device (free space, then run the same command with --resume) (ENOSPC)',
  'a file is in the way where a folder is made (EEXIST): move it, or choose another --out',
  'records.jsonl does not match its checksum',
  'line 4 is not a record',
  'the disk is full: free space, then run the same command with --resume',
  'the folder is read-only: choose another --out',
  'process 4242 (difusi run kota.yaml, since 2026-12-07T21:00:00.000Z; if no such job runs any more, delete /home/x/out/.k.lock)',
  'another job (the lock /home/x/out/.k.lock keeps changing)',
  'a, b, c, d, e, … (7 in all)',
  'it is a file, not a folder',
  '/proc is a special file system, not a place for result folders',
  'no permission to write in /ro',
  '536,870,888',
  'Not a result folder: it does not exist or is not a folder',
  'empty file (no header line)',
  "EACCES: permission denied, open '/ro/out/report.html'",
  'is missing or not valid JSON',
  'has 3 rows, the manifest says 4',
]);

const NEVER_IN_PAGE = {
  cli: 'the command line only (src/cli): the page has no command line, and `difusi explore` prints its own refusals on the terminal, before any page exists',
  disk: 'reading or writing files and folders on disk (src/store, cli/errors.ts): the page reads only the text it is given (a dropped file through the browser, File.text(), not store/scenario-file.ts) and writes only downloads',
  national:
    'national files (model/national/compile.ts, store/national-file.ts, jobs/national.ts): the page validates city scenarios only; `difusi explore` refuses a national file (cli/national-hint.ts), and one pasted or dropped into the page gets the one line national_not_city, which is in Indonesian',
  experiment:
    'experiment files, sweeps and comparisons (experiment/spec.ts, store/experiment-file.ts, jobs/compare.ts, jobs/sweep.ts): the page runs no experiment; an experiment file pasted into it gets experiment_not_scenario, which is in Indonesian',
  results: 'result folders, shards and their merging (store/, jobs/): the page writes no result folder and merges nothing',
  generate: 'difusi generate-national (store/idn-area.ts, jobs/generate-national.ts): it reads the area tables and lists on disk',
  nationalCompare: 'difusi national-compare (cli/national-compare.ts, jobs/national-compare.ts): national scenarios on the command line',
  outcome: 'a name given for an outcome (--precision-outcome, an experiment\'s outcomes): the page compares a fixed set of outcomes (explorer/aggregate.ts)',
} as const;

const ENGLISH_ONLY: Partial<Record<IssueCode, string>> = {
  csv_invalid: NEVER_IN_PAGE.generate,
  csv_no_column: NEVER_IN_PAGE.generate,
  csv_row_length: NEVER_IN_PAGE.generate,
  area_duplicate_government: NEVER_IN_PAGE.generate,
  area_duplicate_code: NEVER_IN_PAGE.generate,
  area_name_empty: NEVER_IN_PAGE.generate,
  area_name_no_id: NEVER_IN_PAGE.generate,
  area_name_too_long: NEVER_IN_PAGE.generate,
  generated_invalid: NEVER_IN_PAGE.generate,
  area_unknown_province: NEVER_IN_PAGE.generate,
  area_unknown_regency: NEVER_IN_PAGE.generate,
  list_name_matches: NEVER_IN_PAGE.generate,
  list_name_twice: NEVER_IN_PAGE.generate,
  list_unknown_group: NEVER_IN_PAGE.generate,
  list_case_cycle: NEVER_IN_PAGE.generate,
  list_cohort_too_many: NEVER_IN_PAGE.generate,
  bekasi_not_city: NEVER_IN_PAGE.generate,
};

/**
 * Words of the English message's own text (outside quotes, not a field name or a value): none may be left in the Indonesian one.
 * The words of an argument are a name or a value shown as written, except a prose argument's (PROSE_ARGS: a reason, an
 * advice), which the Indonesian says in its own words: an English word of it left in the Indonesian is a leftover too.
 */
const englishWords = (message: string, args: unknown[]): string[] => {
  const unquoted = (s: string) => s.replace(/"(?:[^"\\]|\\.)*"/g, ' ');
  const fromArgs = new Set(args.filter((a) => !PROSE_ARGS.has(a)).flatMap((a) => String(a).split(/[^A-Za-z]+/)));
  return unquoted(message)
    .split(/\s+/)
    // Sentence punctuation off; what is left with brackets, dots, dashes or underscores is code (levers[1], t_owner..t_users).
    .map((w) => w.replace(/^\(+|[),;:?!]+$/g, ''))
    // A system's error code (EACCES, ENOSPC) is code, not English.
    .filter((w) => /^[A-Za-z]{4,}$/.test(w) && !/^E[A-Z]+$/.test(w) && !fromArgs.has(w) && !CODE_WORDS.has(w));
};
/**
 * The Indonesian text without what it writes in code form, as the English does: quoted strings, option names
 * (--max-replications, --check) and dotted names (design.method, agents.csv), whose parts are no leftover English words.
 */
const codeOut = (id: string): string => id.replace(/"(?:[^"\\]|\\.)*"/g, ' ').replace(/--[\w-]+|[\w-]+(?:\.[\w-]+)+/g, ' ');
/** Words both languages write: field names, commands and file formats in code form, and words Indonesian shares with English (the page is the explorer in both: docs/GLOSSARY.id.md). */
const CODE_WORDS = new Set([
  ...['YAML', 'JSON', 'difusi', 'base', 'opds', 'governments', 'national', 'alias', 'data', 'horizon', 'folder', 'shard', 'explorer', 'sweep', 'compare'],
  // Fields, commands and values in code form (seed, values, difusi sensitivity, design methods, custodian), a part of small-world;
  // words Indonesian writes too (GLOSSARY.id.md: vendor, target, interval, bootstrap, hash); names of systems.
  ...['seed', 'values', 'sensitivity', 'morris', 'sobol', 'custodian', 'small', 'vendor', 'target', 'interval', 'bootstrap', 'hash', 'macOS', 'Windows', 'JavaScript'],
  // Fields and values a prose argument names in code form (owner, replications, an experiment's levels, grid and trajectories, a
  // variant's file, portfolio false, a YAML anchor), and words Indonesian writes as they are (port, checksum, disk, valid, manifest).
  ...['owner', 'replications', 'levels', 'grid', 'trajectories', 'file', 'portfolio', 'false', 'anchor', 'port', 'checksum', 'disk', 'valid', 'manifest'],
]);

describe('every message of the catalog, decided', () => {
  it('is either shown in Indonesian or listed as English-only with the reason the page never shows it', () => {
    const undecided = Object.keys(MESSAGES).filter((code) => !(code in SAMPLES) && !(code in ENGLISH_ONLY));
    expect(undecided, 'catalog messages with no decision: give them Indonesian in src/explorer/issue-text.ts (and SAMPLES here), or list them in ENGLISH_ONLY with a reason').toEqual([]);
    const both = Object.keys(SAMPLES).filter((code) => code in ENGLISH_ONLY);
    expect(both).toEqual([]);
    // No decision about a message the catalog no longer has.
    expect([...Object.keys(SAMPLES), ...Object.keys(ENGLISH_ONLY)].filter((code) => !(code in MESSAGES))).toEqual([]);
    for (const [code, reason] of Object.entries(ENGLISH_ONLY)) expect(reason!.length, code).toBeGreaterThan(20);
  });

  it('writes a range with its ends apart by a semicolon, [0; 1], and a field "isian" (GLOSSARY.id.md), where English keeps [0,1]', () => {
    // To a reader of decimal commas "[0,1]" is the number 0,1: the Indonesian reports write an interval [a; b].
    expect(expectedId('a number in [0,1]')).toBe('angka dalam [0; 1]');
    expect(expectedId('an integer in [1,1200] or null')).toBe('bilangan bulat dalam [1; 1200] atau null');
    expect(expectedId('a number in [-1,0.5]')).toBe('angka dalam [-1; 0.5]');
    expect(foundId('theta band [0.2, 0.4)')).toBe('pita theta [0.2; 0.4)');
    const lines: string[] = [];
    for (const [code, samples] of Object.entries(SAMPLES) as [IssueCode, unknown[][]][]) {
      // A result file's column is a CSV column: "kolom" there is the right word.
      if (code === 'result_file_invalid') continue;
      for (const args of samples) lines.push(messageId({ code, message: (MESSAGES[code] as (...a: unknown[]) => string)(...args) }));
    }
    lines.push(...['a number in [0,1]', 'a number in (0,1]', 'a category whose theta band overlaps [0, 1] (or an explicit theta)', 'a list with at least 1 item', 'a mapping of fields', 'no further fields'].map(expectedId));
    // No digit, comma, digit inside brackets (a decimal to this reader), and no "kolom" (a CSV column) for a field.
    expect(lines.filter((l) => /[[(][^\])]*\d,\s*-?\d[^\])]*[\])]/.test(l.replace(/"(?:[^"\\]|\\.)*"/g, '""')))).toEqual([]);
    expect(lines.filter((l) => /\bkolom\b/i.test(l))).toEqual([]);
    expect(messageId({ code: 'missing_field', message: MESSAGES.missing_field('launch') })).toBe('Isian wajib "launch" tidak ada');
    expect(messageId({ code: 'unknown_field', message: MESSAGES.unknown_field('sede', 'seed') })).toBe('Isian tidak dikenal "sede" (maksud Anda "seed"?)');
    expect(messageId({ code: 'category_band_empty', message: MESSAGES.category_band_empty('innovator') })).toBe('Tidak ada ambang (theta) dalam [0; 1] yang termasuk pita innovator');
    // English as before.
    const [strength] = issuesOf(BEKASI.replace(/strength: 0\.(\d+)/, 'strength: 2'));
    expect(issueText(strength!, 'en')).toMatch(/ \(expected a number in \[0,1\], found 2\)$/);
    expect(issueText(strength!, 'id')).toMatch(/ \(seharusnya angka dalam \[0; 1\], ditemukan 2\)$/);
  });

  it('says each message the page can show in Indonesian, with every name, id, path and value in it as the English shows it', () => {
    const untranslated: string[] = [];
    // English words left in the Indonesian, each with its message and translation.
    const leftovers: string[] = [];
    for (const [code, samples] of Object.entries(SAMPLES) as [IssueCode, unknown[][]][]) {
      for (const args of samples) {
        const message = (MESSAGES[code] as (...a: unknown[]) => string)(...args);
        const id = messageId({ code, message });
        if (id === message) {
          untranslated.push(`${code}: ${message}`);
          continue;
        }
        const left = englishWords(message, args).filter((w) => new RegExp(`\\b${w}\\b`).test(codeOut(id)));
        if (left.length > 0) leftovers.push(`${left.join(' ')} in: ${message} / ${id}`);
        for (const [i, a] of args.entries()) {
          if (PROSE_ARGS.has(a) || a === '') continue;
          // merge_mismatch's count of the other parts only chooses "has" or "have".
          if (code === 'merge_mismatch' && i === 3) continue;
          const shown = message.includes(JSON.stringify(a)) ? JSON.stringify(a) : expectedId(String(a));
          expect(id.includes(shown), `${message} / ${id}: ${shown}`).toBe(true);
        }
      }
    }
    expect(untranslated).toEqual([]);
    expect(leftovers).toEqual([]);
  });

  it('leaves each English-only message in English', () => {
    for (const code of Object.keys(ENGLISH_ONLY) as IssueCode[]) {
      const make = MESSAGES[code] as (...a: unknown[]) => string;
      const message = make(...Array.from({ length: make.length }, () => 'x'));
      expect(messageId({ code, message }), code).toBe(message);
    }
  });

  it('puts the English words of the new messages into Indonesian as the page shows them', () => {
    const id = (code: IssueCode, ...args: unknown[]) => messageId({ code, message: (MESSAGES[code] as (...a: unknown[]) => string)(...args) });
    expect(id('unsupported_extension', '')).toBe('Berkas tidak memiliki ekstensi');
    expect(id('unsupported_extension', '.txt')).toBe('Jenis berkas ".txt" tidak didukung');
    expect(id('too_many_agencies', '1,000,000', 'generated and listed together')).toMatch(/^Terlalu banyak perangkat daerah: sebuah skenario memuat paling banyak 1\.000\.000 /);
    expect(id('too_long', 'The text', 200)).toBe('Teks terlalu panjang (paling banyak 200 karakter)');
    expect(id('network_too_dense', 'links', 1)).toBe('links terlalu besar untuk 1 perangkat daerah');
    expect(id('network_too_many_links', 'degree', '5,000,050,000', '10,000,000')).toMatch(/^degree memberi jaringan sekitar 5\.000\.050\.000 tautan antarperangkat daerah, lebih dari 10\.000\.000 /);
    expect(id('network_too_many_pairs', '1,000,000', '20,000', '200,000,000')).toMatch(/^Jaringan Erdos-Renyi mengundi setiap pasangan dari 1\.000\.000 perangkat daerahnya; paling banyak 20\.000 perangkat daerah yang muat \(200\.000\.000 undian pasangan/);
    expect(expectedId('an even integer <= 196')).toBe('bilangan bulat genap <= 196');
    expect(id('override_syntax', 'leaders[x].from', '"[x]" is neither an index nor field=value')).toBe(
      'Jalur pengaturan "leaders[x].from" tidak dapat dibaca: "[x]" bukan indeks dan bukan field=value',
    );
    expect(id('override_ambiguous', '[type=dinas]', 5, 'opds', 'dinas-a, dinas-b, dinas-c, …', 'name one by its id, e.g. [id=dinas-a]')).toBe(
      'Pemilih [type=dinas] cocok dengan 5 elemen opds (dinas-a, dinas-b, dinas-c, …); sebut salah satunya dengan id-nya, misalnya [id=dinas-a]',
    );
    expect(id('override_not_container', 'seed.x', 'the value 42')).toBe('Jalur pengaturan seed.x tidak dapat diteruskan ke dalam nilai 42');
    // A part the page has no Indonesian for: the whole message stays English, never half-translated.
    expect(id('too_long', 'The name', 200)).toBe(MESSAGES.too_long('The name', 200));
    expect(id('override_syntax', 'a=b', 'the value is not YAML')).toBe(MESSAGES.override_syntax('a=b', 'the value is not YAML'));
    expect(id('too_many_agencies', '1,000,000', 'in all')).toBe(MESSAGES.too_many_agencies('1,000,000', 'in all'));
    expect(id('coordinator_required', 'vendor "x"')).toBe(MESSAGES.coordinator_required('vendor "x"'));
  });
});
