/**
 * Scenario problems in Bahasa Indonesia on the command line: `validate
 * <file> --lang id` (it answered "Unknown argument: --lang") and every
 * command run with `--lang id` (`run` printed its problems in English) say
 * the ✗ lines as the explorer's Indonesian page says them
 * (messages/issue-text.ts). English is the default, byte for byte as before,
 * and the Indonesian text is loaded only under --lang id, only for an error.
 * The command lines run in the test's own process (runInProcess, on the
 * built code a process runs), since only what they print and their exit
 * codes are checked; the bundle as installed (runBin) and the modules a
 * command loads (a preloaded module) stay processes.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, SMALL_CITY, cliTestFolder, refusedInOneLine, runBin } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { bekasiWithDecimalComma } from '../support/comma-file.js';

const tmp = cliTestFolder('difusi-validate-lang-');
const BEKASI = readFileSync(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), 'utf8');

/** Bekasi with `months: many`, and the line of that field. */
function badMonths(): { file: string; line: number } {
  const file = join(tmp(), 'kota.yaml');
  writeFileSync(file, BEKASI.replace('months: 132', 'months: many'));
  return { file, line: BEKASI.split('\n').indexOf('months: 132') + 1 };
}

const commaFile = () => bekasiWithDecimalComma(tmp(), 'koma.yaml');

describe('difusi validate --lang', () => {
  it('--lang id: the problem in Bahasa Indonesia, one line, exit 2', async () => {
    const { file, line } = badMonths();
    // Both at once: validate writes nothing. The bundle as installed stays a process (what its chunks load is
    // what is checked); tsc's output runs in the test's process (runInProcess).
    const [bundled, compiled] = await Promise.all([runBin(['validate', file, '--lang', 'id']), runInProcess(['validate', `--lang=id`, file])]);
    const said = refusedInOneLine(bundled);
    expect(said).toBe(`✗ ${file}:${line}:9 Jenis nilai salah → di months (seharusnya bilangan bulat dalam [1; 1200], ditemukan "many")`);
    // --lang=id, and tsc's output, alike.
    expect(refusedInOneLine(compiled)).toBe(said);
  });

  it('--lang id: the decimal comma of a flow mapping, in Indonesian', async () => {
    const { file, line, column } = commaFile();
    expect(refusedInOneLine(await runInProcess(['validate', file, '--lang', 'id']))).toBe(
      `✗ ${file}:${line}:${column} Angka ditulis dengan titik desimal, bukan koma: commitment: 0,8 terbaca sebagai commitment: 0 dan isian "8"; tulis commitment: 0.8 → di leaders[0].commitment`,
    );
  });

  it('--lang id: a file that is not there, in Indonesian', async () => {
    const missing = join(tmp(), 'tidak-ada.yaml');
    expect(refusedInOneLine(await runInProcess(['validate', missing, '--lang', 'id']))).toBe(`✗ ${missing} Berkas tidak ditemukan: dicari di ${missing} (seharusnya berkas .yaml, .yml atau .json yang ada)`);
  });

  it('English by default and with --lang en, byte for byte the same', async () => {
    const { file, line } = badMonths();
    const [plain, en] = await Promise.all([runInProcess(['validate', file]), runInProcess(['validate', file, '--lang', 'en'])]);
    expect(refusedInOneLine(plain)).toBe(`✗ ${file}:${line}:9 Wrong type → at months (expected an integer in [1,1200], found "many")`);
    expect([en.code, en.stdout, en.stderr]).toEqual([plain.code, plain.stdout, plain.stderr]);
  });

  it('a valid file without warnings: the summary in the language asked for (English by default, as before), exit 0', async () => {
    const [plain, id] = await Promise.all([runInProcess(['validate', SMALL_CITY]), runInProcess(['validate', SMALL_CITY, '--lang', 'id'])]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(`✓ ${SMALL_CITY}: scenario "small-city", 16 OPDs, 3 innovations, 60 months from 2018-01, 6 replications, seed 7 (hash 8c2a0baa8e7f)\n`);
    expect([id.code, id.stdout, id.stderr]).toEqual([plain.code, `✓ ${SMALL_CITY}: skenario "small-city", 16 perangkat daerah, 3 layanan, 60 bulan sejak 2018-01, 6 replikasi, seed 7 (hash 8c2a0baa8e7f)\n`, plain.stderr]);
  });
});

describe('run --lang id', () => {
  it('says the scenario\'s problem in Bahasa Indonesia, and writes nothing', async () => {
    const { file, line } = badMonths();
    const out = join(tmp(), 'out');
    expect(refusedInOneLine(await runInProcess(['run', file, '--lang', 'id', '--out', out, '-r', '1']))).toBe(
      `✗ ${file}:${line}:9 Jenis nilai salah → di months (seharusnya bilangan bulat dalam [1; 1200], ditemukan "many")`,
    );
    expect(!existsSync(out) || readdirSync(out).length === 0).toBe(true);
    // And in English without it (control).
    expect(refusedInOneLine(await runInProcess(['run', file, '--out', out, '-r', '1']))).toMatch(/ Wrong type → at months \(expected /);
  });
});

// Lists, on stderr as `LOADED <url>` lines when the process exits (a refusal's process.exit too), every module
// file the program compiled: V8's own list in the program's thread (tests/support/scripts-loaded.mjs), not module
// hooks, which start a thread of their own in each process (a third of a small command's start-up).
const LOADED = pathToFileURL(join(ROOT, 'tests', 'support', 'scripts-loaded.mjs')).href;

/** The modules tsc's command line loads for `args` (whatever its exit code). */
function loadedModules(args: readonly string[]): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', LOADED, CLI, ...args], (_error, _stdout, stderr) =>
      resolve(
        stderr
          .split('\n')
          .filter((l) => l.startsWith('LOADED '))
          .map((l) => l.slice('LOADED '.length)),
      ),
    );
  });
}

/** The chunks of the bundle (dist/cli/chunks.json) that hold the Indonesian problem text. */
function indonesianChunks(): string[] {
  const chunks = JSON.parse(readFileSync(join(ROOT, 'dist', 'cli', 'chunks.json'), 'utf8')) as Record<string, string[]>;
  return Object.entries(chunks)
    .filter(([, modules]) => modules.some((m) => m.endsWith('/messages/issue-text.js')))
    .map(([file]) => file);
}

describe('the Indonesian text is loaded only under --lang id', () => {
  const ISSUE_TEXT = /\/messages\/issue-text\.js$/;

  it('not by validate in English, nor by a valid file under --lang id; by a refused one under --lang id (control)', async () => {
    const { file } = badMonths();
    const [english, valid, refused] = await Promise.all([loadedModules(['validate', file]), loadedModules(['validate', SMALL_CITY, '--lang', 'id']), loadedModules(['validate', file, '--lang', 'id'])]);
    expect(english.some((u) => u.endsWith('/cli/validate.js'))).toBe(true);
    expect(english.filter((u) => ISSUE_TEXT.test(u))).toEqual([]);
    expect(valid.filter((u) => ISSUE_TEXT.test(u))).toEqual([]);
    expect(refused.filter((u) => ISSUE_TEXT.test(u))).toHaveLength(1);
  });

  it('the bundle keeps it in a chunk of its own, out of the plain validate\'s file (difusi-validate.js)', () => {
    const chunks = indonesianChunks();
    expect(chunks).toHaveLength(1);
    expect(chunks).not.toContain('difusi-validate.js');
    expect(chunks).not.toContain('difusi.js');
  });
});

describe('formatIssuesId (messages/issue-text.ts)', () => {
  it('a line is Indonesian where its message is, else wholly English as formatIssues prints it', async () => {
    const { formatIssuesId } = await import('../../src/messages/issue-text.js');
    const { formatIssues, makeIssue } = await import('../../src/messages/catalog.js');
    const months = makeIssue('wrong_type', [], { file: 'k.yaml', line: 3, column: 9, path: ['months'] }, { expected: 'an integer >= 1', found: '"many"' });
    // An English-only message (difusi generate-national's, a developer's command; unknown_check, the example before, now has Indonesian).
    const check = makeIssue('area_name_empty', [], { file: 'regencies.csv', line: 4, column: 1 });
    expect(formatIssuesId([months, check])).toBe(`✗ k.yaml:3:9 Jenis nilai salah → di months (seharusnya bilangan bulat >= 1, ditemukan "many")\n${formatIssues([check])}`);
  });

  it('a line whose expected or found stays English prose is wholly English, not framed in Indonesian around it', async () => {
    const { formatIssuesId } = await import('../../src/messages/issue-text.js');
    const { formatIssues, makeIssue } = await import('../../src/messages/catalog.js');
    // "Nilai tidak valid untuk --replications (seharusnya a whole number of at least 1, ditemukan 0)" was printed; the common
    // option forms are now in Indonesian (expectedId), and one with no Indonesian leaves its line English, whole.
    // (patterns' --check, which takes no --lang: its refusals never meet an Indonesian line.)
    const check = makeIssue('invalid_option', ['--check'], { file: 'command line' }, { expected: 'a check of P1-P13 (P14 is measured on the national scenario, by --national-replications, in a run without --check)', found: '"P14"' });
    const ids = makeIssue('invalid_option', ['--check'], { file: 'command line' }, { expected: 'check ids, comma-separated (e.g. P4a,P8): P1, P2', found: '","' });
    expect(formatIssuesId([check])).toBe(formatIssues([check]));
    expect(formatIssuesId([ids])).toBe(formatIssues([ids]));
    // --precision with --shard and --shard-count's scheduler index, the examples here before, are now in Indonesian (tests/cli/refusals-lang-id.test.ts).
    const index = makeIssue('invalid_option', ['--shard-count'], { file: 'command line' }, { expected: 'a scheduler index in [0, 4)', found: '9' });
    expect(formatIssuesId([index])).toBe('✗ baris perintah: Nilai tidak valid untuk --shard-count (seharusnya indeks penjadwal dalam [0; 4), ditemukan 9)');
    const count = makeIssue('invalid_option', ['--replications'], { file: 'command line' }, { expected: 'a whole number of at least 1', found: '0' });
    expect(formatIssuesId([count])).toBe('✗ baris perintah: Nilai tidak valid untuk --replications (seharusnya bilangan bulat ≥ 1, ditemukan 0)');
    // A quoted value with words in it is a value, not prose: the line stays Indonesian.
    const quoted = makeIssue('wrong_type', [], { file: 'k.yaml', line: 3, column: 9, path: ['months'] }, { expected: 'an integer >= 1', found: '"many more"' });
    expect(formatIssuesId([quoted])).toBe('✗ k.yaml:3:9 Jenis nilai salah → di months (seharusnya bilangan bulat >= 1, ditemukan "many more")');
  });
});
