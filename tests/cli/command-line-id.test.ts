/**
 * The command line's own refusals under --lang id, the first a user meets: a bad option value, a --set
 * another setting shadows, a file or folder not found by compare, sweep, sensitivity, report and the
 * merges, yargs's own "Unknown argument" and "a file is missing" (with --lang id anywhere on the line),
 * and the labels inside an Indonesian line (`baris perintah`, `pengaturan <path>`). They were printed
 * in English under --lang id. English, the default, stays byte for byte as it was (scripts may read
 * it). Also validate's ✓ summary and --help's flag defaults under --lang id, and the glossary's word
 * for the horizon.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { MESSAGES } from '../../src/messages/catalog.js';
import { messageId } from '../../src/messages/issue-text.js';

const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');
const PILOT = join(ROOT, 'tests', 'experiment', 'fixtures', 'pilot.yaml');

/** stderr of a command line ending in exit code 2, English and with --lang id appended. */
async function refused(args: readonly string[]): Promise<{ en: string; id: string }> {
  const [en, id] = await Promise.all([runInProcess([...args]), runInProcess([...args, '--lang', 'id'])]);
  expect([en.code, id.code], `${en.stderr}\n${id.stderr}`).toEqual([2, 2]);
  return { en: en.stderr.trimEnd(), id: id.stderr.trimEnd() };
}

describe('command-line refusals under --lang id', () => {
  it('a bad option value: Indonesian words and label, English as before', async () => {
    const { en, id } = await refused(['run', BEKASI, '-r', 'abc']);
    expect(en).toBe('✗ command line: Invalid value for --replications (expected a whole number of at least 1, found not a number)');
    expect(id).toBe('✗ baris perintah: Nilai tidak valid untuk --replications (seharusnya bilangan bulat ≥ 1, ditemukan bukan angka)');
  });

  it('a --set that another setting shadows, or given twice', async () => {
    const shadowed = await refused(['run', BEKASI, '--seed', '5', '--set', 'seed=4']);
    expect(shadowed.en).toBe('✗ command line: --set seed would change nothing: --seed wins over it; give only one of the two');
    expect(shadowed.id).toBe('✗ baris perintah: --set seed tidak mengubah apa pun: --seed yang berlaku; berikan salah satunya saja');
    const twice = await refused(['run', BEKASI, '--set', 'seed=4', '--set', 'seed=5']);
    expect(twice.en).toBe('✗ command line: --set seed is given twice (4, then 5): give each path once');
    expect(twice.id).toBe('✗ baris perintah: --set seed diberikan dua kali (4, lalu 5): berikan setiap jalur sekali saja');
    const same = await refused(['validate', BEKASI, '--set', 'leaders[0]=null', '--set', 'leaders[0].from=2016-01']);
    expect(same.id).toMatch(/^✗ baris perintah: --set leaders\[0\]\.from menunjuk isian di dalam leaders\[0\], yang dihapus oleh --set leaders\[0\]: keduanya akan saling menimpa; berikan salah satunya saja$/);
    const repeated = await refused(['run', BEKASI, '-r', '2', '-r', '3']);
    expect(repeated.id).toBe('✗ baris perintah: --replications (-r) diberikan 2 kali; opsi ini hanya menerima satu nilai (ditemukan 2, 3)');
  });

  it('a file or folder not found by compare, sweep, sensitivity, report and the merges, as validate says it', async () => {
    const lines = await Promise.all(
      [['compare', 'nothere.yaml'], ['sweep', 'nothere.yaml'], ['sensitivity', 'nothere.yaml'], ['report', '/nonexistent-difusi'], ['merge', '/nonexistent-difusi'], ['national-merge', '/nonexistent-difusi'], ['national-compare', 'nothere.yaml']].map(refused),
    );
    expect(lines.map((l) => l.en)).toEqual([
      '✗ nothere.yaml File not found (expected an experiment file, or a base scenario and at least one variant)',
      '✗ nothere.yaml File not found (expected an experiment file (.yaml))',
      '✗ nothere.yaml File not found (expected an experiment file (.yaml))',
      '✗ /nonexistent-difusi Not a result folder: it does not exist or is not a folder',
      '✗ /nonexistent-difusi Not a shard folder of a difusi run (expected a shard folder written by run --shard (with part.json))',
      '✗ /nonexistent-difusi Not a shard folder of a difusi run (expected a shard folder written by national --shard (with part.json))',
      '✗ command line: difusi national-compare needs at least one --set path=value: the variant is the file with them, the base the file as written',
    ]);
    expect(lines.map((l) => l.id)).toEqual([
      '✗ nothere.yaml Berkas tidak ditemukan (seharusnya berkas eksperimen, atau skenario dasar dan sedikitnya satu skenario pengandaian)',
      '✗ nothere.yaml Berkas tidak ditemukan (seharusnya berkas eksperimen (.yaml))',
      '✗ nothere.yaml Berkas tidak ditemukan (seharusnya berkas eksperimen (.yaml))',
      '✗ /nonexistent-difusi Bukan folder hasil: folder itu tidak ada atau bukan folder',
      '✗ /nonexistent-difusi Bukan folder bagian (shard) dari sebuah simulasi difusi (seharusnya folder bagian (shard) yang ditulis run --shard (berisi part.json))',
      '✗ /nonexistent-difusi Bukan folder bagian (shard) dari sebuah simulasi difusi (seharusnya folder bagian (shard) yang ditulis national --shard (berisi part.json))',
      '✗ baris perintah: difusi national-compare memerlukan sedikitnya satu --set path=value: variannya adalah berkas dengan pengaturan itu, dasarnya berkas sebagaimana tertulis',
    ]);
  });

  it("yargs's own refusals, with --lang id before or after the bad argument", async () => {
    const unknown = await refused(['run', BEKASI, '--frob']);
    expect(unknown.en).toBe('✗ Unknown argument: --frob (see difusi --help)');
    expect(unknown.id).toBe('✗ Argumen tidak dikenal: --frob (lihat difusi --help)');
    const before = await runInProcess(['run', '--lang', 'id', BEKASI, '--frob']);
    expect(before.stderr.trimEnd()).toBe(unknown.id);
    const missing = await refused(['run']);
    expect(missing.en).toBe('✗ difusi run: a file is missing (not enough non-option arguments: got 0, need at least 1) (see difusi --help)');
    expect(missing.id).toBe('✗ difusi run: berkas belum diberikan (lihat difusi --help)');
    expect((await refused(['report'])).id).toBe('✗ difusi report: folder hasil belum diberikan (lihat difusi --help)');
    expect((await refused(['run', BEKASI, 'extra.yaml'])).id).toBe('✗ Argumen tidak dikenal: extra.yaml (lihat difusi --help)');
    expect((await refused([])).id).toBe('✗ Sebutkan sebuah perintah: run, validate, schema, merge, ... (lihat difusi --help)');
    // A --set with no "=" (its label has no path yet) and an option's choices, wholly Indonesian.
    expect((await refused(['run', BEKASI, '--set', 'foo'])).id).toBe('✗ pengaturan: Jalur pengaturan "foo" tidak dapat dibaca: tidak ada "=" (seharusnya path=value)');
    const lang = await runInProcess(['run', BEKASI, '--lang', 'fr', '--lang', 'id']);
    expect(lang.stderr.trimEnd()).toBe('✗ baris perintah: Nilai tidak valid untuk --lang (seharusnya "en" atau "id", ditemukan "fr")');
    // A mistyped command with --lang on the line (which the top level does not declare, so yargs lists it first).
    const mistyped = await refused(['runn']);
    expect(mistyped.en).toBe('✗ Unknown command "runn" (did you mean "run"?) (see difusi --help)');
    expect(mistyped.id).toBe('✗ Perintah "runn" tidak dikenal (maksud Anda "run"?) (lihat difusi --help)');
    expect((await runInProcess(['runn', '--lang=en'])).stderr.trimEnd()).toBe(mistyped.en);
  });
});

describe('labels inside an Indonesian line', () => {
  it('an override is `pengaturan <path>`, a --set a warning names `baris perintah --set <path>`', async () => {
    const { en, id } = await refused(['validate', BEKASI, '--set', 'parameters.takeover_vendr=1']);
    expect(en).toMatch(/^✗ override parameters\.takeover_vendr: Unknown field "takeover_vendr" /);
    expect(id).toMatch(/^✗ pengaturan parameters\.takeover_vendr: Isian tidak dikenal "takeover_vendr" \(maksud Anda "takeover_vendor"\?\) → di parameters\.takeover_vendr /);
    const [warnEn, warnId] = await Promise.all([runInProcess(['validate', PILOT, '--set', 'parameters.theta_sd=0']), runInProcess(['validate', PILOT, '--set', 'parameters.theta_sd=0', '--lang', 'id'])]);
    expect(warnEn.stderr).toMatch(/^⚠ command line --set parameters\.theta_sd: parameters\.theta_sd is 0: /m);
    expect(warnId.stderr).toMatch(/^⚠ baris perintah --set parameters\.theta_sd: parameters\.theta_sd bernilai 0: /m);
    expect(warnId.stderr).not.toMatch(/command line/);
  });
});

describe('validate and --help under --lang id', () => {
  it("validate's ✓ summary in Bahasa Indonesia; English as before", async () => {
    const [en, id, seeded] = await Promise.all([runInProcess(['validate', BEKASI]), runInProcess(['validate', BEKASI, '--lang', 'id']), runInProcess(['validate', BEKASI, '--seed', '3', '--lang', 'id'])]);
    expect(en.stdout).toBe(`✓ ${BEKASI}: scenario "bekasi-2015-2025", 43 OPDs, 8 innovations, 132 months from 2015-01, 200 replications, seed 20230601 (hash 8281a90bde9b)\n`);
    expect(id.stdout).toBe(`✓ ${BEKASI}: skenario "bekasi-2015-2025", 43 perangkat daerah, 8 layanan, 132 bulan sejak 2015-01, 200 replikasi, seed 20230601 (hash 8281a90bde9b)\n`);
    expect(seeded.stdout).toMatch(/, seed 3 \(hash [0-9a-f]{12}\), dengan seed diubah\n$/);
  });

  it("--help's flag defaults as ya or tidak, and report --lang's help saying what it writes", async () => {
    const run = (await runInProcess(['run', '--help', '--lang', 'id'])).stdout;
    expect(run).toMatch(/--charts .*\[ya\/tidak\] \[bawaan: ya\]/);
    expect(run).toMatch(/--resume .*\[ya\/tidak\] \[bawaan: tidak\]/);
    expect(run).toMatch(/--quiet .*\[ya\/tidak\] \[bawaan: tidak\]/);
    expect(run).not.toMatch(/bawaan: (true|false)/);
    const report = (await runInProcess(['report', '--help', '--lang', 'id'])).stdout;
    expect(report).not.toContain('menyimpan keduanya');
    expect(report).toContain('laporan bahasa lain di folder dibiarkan');
  });
});

it("month_outside_horizon says the glossary's akhir periode simulasi, not horizon", () => {
  const message = MESSAGES.month_outside_horizon('launch');
  expect(messageId({ code: 'month_outside_horizon', message })).toBe('launch berada di luar periode simulasi skenario');
});
