/**
 * Every scenario warning (messages/catalog.ts WARNINGS) has its Bahasa
 * Indonesia text (messages/warning-text-id.ts), which `--lang id` prints:
 * each code has samples here (a new code without any fails the first test),
 * each sample's Indonesian differs from its English, keeps every value the
 * English shows (quoted ids, numbers, field and parameter names, months,
 * paths) and is wholly Indonesian (none of the English's own words left in).
 */
import { describe, expect, it } from 'vitest';
import { WARNINGS, warning, warningText, whichGovernments, type WarningCode } from '../../src/messages/catalog.js';
import { WARNINGS_ID, warningTextId, whichGovernmentsId } from '../../src/messages/warning-text-id.js';

const A = 'innovations[1] "e-office"';
const R = 'regulations[0] "perda-2020"';
const M = 'national_regulations[1] "perpres-95-2018-spbe"';
const P = 'programmes[0] "smart-city-movement"';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `gov-${i + 1}`);

/** Arguments for each code, a sample per branch of its wording (one and many, with and without its optional part). */
const SAMPLES: { readonly [C in WarningCode]: readonly Parameters<(typeof WARNINGS)[C]>[] } = {
  no_eligible_agency: [
    [A, []],
    [A, ['kecamatan', 'dinkes']],
  ],
  design_setting_unused: [
    ['design.points', 'morris', false, ['lhs'], { method: 'morris', trajectories: 3, points: 9, levels: 4 }],
    ['design.samples', 'sobol', true, ['morris', 'sobol'], { method: 'sobol', samples: 64, points: 256 }],
    ['design.levels', 'lhs', false, ['morris'], { method: 'lhs', points: 17 }],
    ['design.bootstrap', 'grid', false, ['morris', 'sobol'], { method: 'grid', points: 12, factors: 2 }],
    ['design.bootstrap', 'grid', false, ['morris', 'sobol'], { method: 'grid', resamples: false }],
  ],
  sobol_samples_not_power_of_two: [
    [100, 64],
    [3, 2],
  ],
  experiment_section_unread: [
    ['variants', 'sweep', ['compare']],
    ['design', 'compare', ['sweep', 'sensitivity']],
  ],
  integrated_without_platform: [[A, '2019-04']],
  unfunded_mandate_inert: [
    [M, ['e-licensing']],
    [M, ['e-licensing', 'e-permit']],
  ],
  unfunded_programme_inert: [[P, 0.3, ['command-center', 'citizen-app']]],
  unfunded_mandate_partly_inert: [
    [M, ['spbe-integration'], ['complaints-lapor']],
    [M, ['spbe-integration', 'e-permit'], ['complaints-lapor', 'e-budget']],
  ],
  unfunded_programme_partly_inert: [
    [P, 0.8, ['e-permit'], ['e-budget']],
    [P, 0.8, ['e-permit', 'lapor-app'], ['e-budget']],
  ],
  parameter_unread_in_city: [['heeks_failure_months', 18]],
  theta_sd_zero: [[1], [1.35]],
  category_ignored: [[4, 'dinkes', 0.72, 'innovator', 'late_majority']],
  vendor_owner_without_vendor: [
    [A, 0, false],
    [A, 3, true],
  ],
  u_fail_above_target: [[0.65, 0.55]],
  t_low_above_stable: [[0.7, 0.6]],
  weight_negative: [['w_peer', -0.25]],
  budget_factor_beyond_effect: [
    [1, '2019-03..2019-06', 65, 62.5],
    [0, '2017-01..2017-12', 250, 62.5],
  ],
  seeds_outside_eligible: [
    [A, ['kec-bekasi-timur']],
    [A, ['dinkes', 'dishub']],
    [A, ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']],
  ],
  costly_without_seed: [[A, 2]],
  vendor_left_before_launch: [[A, '2018-03', 'qlue', '2017-12']],
  vendor_leaves_before_pilot_end: [[A, 'qlue', '2018-06', '2019-01']],
  vendor_leaves_mid_pilot: [[A, 'qlue', '2025-06', '2026-09']],
  takeover_not_pilot: [[A, 'apbd']],
  takeover_after_horizon: [[A, '2026-09', '2025-12']],
  platform_shuts_before_integration: [
    [A, '2021-01', 'smart-platform', '2020-12'],
    [A, '2021-01', 'smart-platform', '2020-12', 'qlue'],
  ],
  anchor_after_lapse: [[R, 'e-office', '2021-01', '2020-06']],
  anchor_binds_none_eligible: [[R, 'e-office']],
  sponsor_leaves_before_launch: [['leaders[1] "rahmat"', 'e-office', '2018-09', '2019-02']],
  control_characters: [
    [['name (U+202E)']],
    [['a (U+0007)', 'b (U+202E)', 'c (U+200F)', 'd (U+001B)', 'e (U+2066)', 'f (U+0085)', 'g (U+061C)']],
  ],
  lever_names_no_value: [[2, 'budget_shocks[0].depth']],
  arm_months_differ: [
    ['2016-01', 120, '2015-01', 132],
    ['2015-01', 1, '2015-01', 132],
  ],
  variant_draws_unused: [
    [{ seed: 99, replications: 30 }, 11, 1],
    [{ seed: 99 }, 11, 200],
    [{ replications: 30 }, 11, 1],
    [{ seed: 7 }, 11, undefined],
  ],
  part_meta_rebuilt: [
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial/part.json', 'missing', 'replication'],
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial/part.json', 'unreadable', 'replication'],
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial/sweep-part.json', 'missing or unreadable', 'design run'],
  ],
  part_not_resumed: [
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 'part.json', 'damaged'],
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 'sweep-part.json', 'other-build'],
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 'part.json', 'unrecorded-build'],
  ],
  stored_arm_other_build: [
    ['other-build'],
    ['unrecorded-build'],
  ],
  part_records_dropped: [
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 1, 'replication'],
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 3, 'replication'],
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 1, 'design run'],
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 2, 'design run'],
  ],
  part_other_run: [['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial']],
  part_discarded: [
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 1, 'run'],
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 3, 'run'],
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 12, 'sweep'],
    ['/home/dina/output/kota-sukamaju/0d6ad0ab84c4.partial', 1, 'sensitivity'],
  ],
  comparison_discarded: [
    [2, 0, 0],
    [0, 5, 1],
    [1, 7, 2],
  ],
  precision_arms_discarded: [[1], [3]],
  arm_damaged: [
    [{ kind: 'manifest-unreadable' }],
    [{ kind: 'no-checksums' }],
    [{ kind: 'other-run' }],
    [{ kind: 'file-missing', file: 'outcomes.csv' }],
    [{ kind: 'file-changed', file: 'timeseries.csv' }],
  ],
  png_option_svg_only: [
    ['--png', 'national'],
    ['--no-png', 'national-compare'],
  ],
  in_governments: [
    [['kota-bekasi'], 552, 'parameters.theta_sd is 0: every agency ...'],
    [ids(552), 552, 'x'],
    [ids(2), 552, 'x'],
    [ids(7), 552, 'x'],
  ],
  implicit_vendor: [[A, 'telkom']],
  districts_beside_city_opds: [
    [['kota-bekasi'], 552],
    [ids(5), 552],
  ],
  province_typo: [
    [['kab-x'], 552, 'prov-jawa-barta', 'prov-jawa-barat'],
    [ids(4), 552, 'prov-nus', 'prov-nusa'],
  ],
  template_type_missing: [
    ['province', ['prov-a'], 552, true],
    ['regency', ids(6), 552, true],
    ['city', ids(2), 552, false],
  ],
  districts_on_province: [
    [['prov-a'], 552],
    [ids(2), 552],
  ],
  mandate_reaches_no_government: [[M]],
  programme_no_members: [[P]],
  anchors_nowhere: [
    [M, ['e-permit']],
    [P, ['e-permit', 'e-budget']],
  ],
  cohort_short: [
    [P, '2017', 25, 1, ['city', 'regency']],
    [P, '2018', 50, 12, ['city']],
  ],
  head_after_horizon: [
    ['elections[0] "cycle"', [1], '2041-01', '2023-12'],
    ['elections[2] "c2017"', [3, 4, 5], '2027-02', '2025-12'],
  ],
};

const en = (code: WarningCode, args: readonly unknown[]) => (WARNINGS[code] as (...a: readonly unknown[]) => string)(...args);
const id = (code: WarningCode, args: readonly unknown[]) => (WARNINGS_ID[code] as (...a: readonly unknown[]) => string)(...args);

/**
 * What a warning says that is the file's, not the language's: quoted text,
 * numbers (with their decimal point), months, paths and field, parameter and
 * file names (a word with `_`, `.`, `[` or `/`, as `money: true`'s `money`
 * is not: those are listed in KEPT), and command-line options (`--no-png`).
 */
function values(text: string): string[] {
  const quoted = text.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
  const rest = text.replace(/"(?:[^"\\]|\\.)*"/g, ' ');
  const numbers = rest.match(/-?\d+(?:\.\d+)?/g) ?? [];
  const names = (rest.match(/[A-Za-z0-9_]+(?:[._/[\]][A-Za-z0-9_\]]+)+|[A-Za-z0-9]+_[A-Za-z0-9_]+/g) ?? []).filter((w) => !/^\d+(\.\d+)?$/.test(w));
  // Command-line options as typed (`--no-png`, `--resume`), kept in either language.
  const options = rest.match(/--[a-z][a-z-]*/g) ?? [];
  return [...quoted, ...numbers, ...names, ...options];
}

/** Words of the file the English writes without any mark of a name: kept in Indonesian too. */
const KEPT = ['money: true', 'money: false', 'funding: national', 'portfolio: false', 'costly: false', 'vendor: <id>', 'eligible:', 'takeover'];

/**
 * English words that, left in an Indonesian line, say it was not translated
 * (values and names are taken out first; `governments`, `eligible`, `vendor`,
 * `platform` are also fields of the file, and stay).
 */
const ENGLISH = /\b(the|and|is|are|its|it|no|not|of|for|with|but|only|never|nobody|every|which|does|changes|nothing|government|agency|agencies|more|all)\b/;

/**
 * The arguments of a warning that difusi computes and the reader only reads
 * (not a value of the file, nor one to write in it): the Indonesian shows
 * them with the decimal comma of the Indonesian reports (62,5), where the
 * English has its point. Every other number is kept as the English has it.
 */
const COMPUTED: { readonly [C in WarningCode]?: readonly number[] } = { budget_factor_beyond_effect: [3] };

describe('scenario warnings in Bahasa Indonesia', () => {
  it('every warning code has samples here and an Indonesian text', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(WARNINGS).sort());
    expect(Object.keys(WARNINGS_ID).sort()).toEqual(Object.keys(WARNINGS).sort());
    for (const code of Object.keys(WARNINGS) as WarningCode[]) expect(typeof WARNINGS_ID[code], code).toBe('function');
  });

  for (const code of Object.keys(SAMPLES) as WarningCode[]) {
    it(`${code}: differs from the English, keeps its values, says no English`, () => {
      for (const args of SAMPLES[code]) {
        const english = en(code, args);
        const indonesian = id(code, args);
        expect(indonesian, english).not.toBe(english);
        const computed = new Set((COMPUTED[code] ?? []).map((i) => String(args[i])));
        for (const v of values(english)) {
          if (computed.has(v)) {
            expect(indonesian, `${code}: ${v} of "${english}"`).toContain(v.replace('.', ','));
            if (v.includes('.')) expect(indonesian, `${code}: ${v} with a decimal point`).not.toContain(v);
          }
          else expect(indonesian, `${code}: ${v} of "${english}"`).toContain(v);
        }
        for (const k of KEPT) if (english.includes(k)) expect(indonesian, `${code}: ${k}`).toContain(k);
        // The values and names taken out, and the city warning in_governments quotes (said in its own language).
        const own = code === 'in_governments' ? indonesian.split(String(args[2])).join(' ') : indonesian;
        const words = values(own).reduce((t, v) => t.split(v).join(' '), own);
        expect(words, `${code}: ${indonesian}`).not.toMatch(ENGLISH);
        // The same warning data in either language (warningText, warningTextId).
        const w = warning(code, ...(args as Parameters<(typeof WARNINGS)[typeof code]>));
        expect(warningText(w)).toBe(english);
        expect(warningTextId(w)).toBe(indonesian);
      }
    });
  }

  it('names the governments of a grouped line as the English does, in Indonesian', () => {
    expect(whichGovernments(['a'], 4)).toBe('government "a"');
    expect(whichGovernmentsId(['a'], 4)).toBe('pemerintah daerah "a"');
    expect(whichGovernmentsId(['a', 'b', 'c'], 4)).toBe('pemerintah daerah "a", "b", "c"');
    expect(whichGovernmentsId(['a', 'b', 'c', 'd'], 4)).toBe('semua 4 pemerintah daerah');
    expect(whichGovernmentsId(['a', 'b', 'c', 'd', 'e'], 552)).toBe('5 pemerintah daerah ("a", "b", "c" dan 2 lainnya)');
  });
});
