/**
 * Refusals that were still wholly English under --lang id (forty-first
 * session), now one Indonesian line each, from the built command line
 * (dist/src/cli/main.js) on a real bad input: the experiment file's own
 * problems (compare, sweep, sensitivity, and a --set on what a variant sets),
 * a national file's checks and national-compare's, files and folders on disk,
 * and the ⚠ line of a job stopped by a signal. Each keeps its English line,
 * byte for byte, without --lang id, and its exit code (2 for a refusal),
 * writing nothing.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, cliTestFolder, runCli, signalWhenStopped, startCli, type CliResult } from '../support/cli.js';
import { MESSAGES } from '../../src/messages/catalog.js';
import { noServiceNational } from '../support/no-service-national.js';
import { messageId } from '../../src/messages/issue-text.js';
import { precisionLine } from '../../src/cli/precision-options.js';

const folder = cliTestFolder('difusi-refusals-lang-id-41-');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/** English words of the refusals these lines were wholly in: none is left on the Indonesian line. */
const ENGLISH = /\b(is|the|would|must|cannot|Cannot|read|write|reserved|twice|grid of|needs|changes|drop|heads of|listed|order|differently|instead|directory|special|refused|at|expected|found)\b/;

/** The one ✗ line of a refusal: exit code 2, one line on stderr, nothing on stdout. */
function refusal(r: CliResult): string {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stdout).toBe('');
  return lines[0]!;
}

/**
 * The command line's refusal in English and under --lang id, `out` never made:
 * [English line, Indonesian line], the Indonesian one checked for leftover English.
 */
async function both(args: readonly string[], out: string): Promise<[string, string]> {
  const en = refusal(await runCli(args));
  const id = refusal(await runCli([...args, '--lang', 'id']));
  // Paths aside (a file's name may hold any word).
  expect(id.replace(/\S*\/\S*/g, '')).not.toMatch(ENGLISH);
  expect(existsSync(out)).toBe(false);
  return [en, id];
}

describe('an experiment file\'s problems under --lang id', () => {
  it('a variant named base, a grid value twice, a grid given to sensitivity, a --set on what a variant sets', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    const write = (name: string, text: string): string => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    const reserved = write('reserved.yaml', `name: t\nbase: ${SMALL_CITY}\nvariants:\n  - name: base\n    set: { parameters.takeover_vendor: 0.9 }\n`);
    const grid = (values: string) => `name: g\nbase: ${SMALL_CITY}\ndesign:\n  method: grid\n  factors:\n    - { name: parameters.takeover_vendor, values: [${values}] }\n`;
    const twice = write('twice.yaml', grid('0, 0.5, 0.5'));
    const sweep = write('sweep.yaml', grid('0, 0.5'));
    const variant = write('variant.yaml', `name: v\nbase: ${SMALL_CITY}\nvariants:\n  - name: high\n    set: { parameters.takeover_vendor: 0.9 }\n`);

    expect(await both(['compare', reserved, '--out', out], out)).toEqual([
      `✗ ${reserved}:4:11 The variant name "base" is reserved for the base scenario → at variants[0].name`,
      `✗ ${reserved}:4:11 Nama skenario pengandaian "base" disediakan untuk skenario dasar → di variants[0].name`,
    ]);
    expect(await both(['sweep', twice, '--out', out], out)).toEqual([
      `✗ ${twice}:6:60 The grid of factor "parameters.takeover_vendor" has the value 0.5 twice: the same design points would run twice → at design.factors[0].values[2]`,
      `✗ ${twice}:6:60 Kisi faktor "parameters.takeover_vendor" memuat nilai 0.5 dua kali: titik desain yang sama akan dijalankan dua kali → di design.factors[0].values[2]`,
    ]);
    expect(await both(['sensitivity', sweep, '--out', out], out)).toEqual([
      `✗ ${sweep}:4:11 Design method "grid" is a sweep: difusi sensitivity analyses a morris or sobol design; run this file with difusi sweep, or write design.method: morris or sobol with min and max for every factor → at design.method`,
      `✗ ${sweep}:4:11 Metode desain "grid" adalah variasi parameter (sweep): difusi sensitivity menganalisis desain morris atau sobol; jalankan berkas ini dengan difusi sweep, atau tulis design.method: morris atau sobol dengan min dan max untuk setiap faktor → di design.method`,
    ]);
    expect(await both(['compare', variant, '--set', 'parameters.takeover_vendor=0.1', '--out', out], out)).toEqual([
      `✗ command line: --set parameters.takeover_vendor changes what the variant "high" sets itself (parameters.takeover_vendor, ${variant}:5): it would replace the variant's own what-if; drop the --set, or edit the variant`,
      `✗ baris perintah: --set parameters.takeover_vendor mengubah apa yang ditetapkan sendiri oleh skenario pengandaian "high" (parameters.takeover_vendor, ${variant}:5): --set itu akan menggantikan pengandaian milik skenario itu sendiri; hapus --set tersebut, atau ubah skenario pengandaiannya`,
    ]);
  }, 60_000);
});

describe('a national file\'s checks and national-compare\'s under --lang id', () => {
  it('heads out of order, a government offered no service, and --set seed for national-compare', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    const { readFileSync } = await import('node:fs');
    const heads = join(dir, 'heads.yaml');
    writeFileSync(heads, readFileSync(NATIONAL, 'utf8').replace('      - { from: 2018-09, to: 2023-08 }', '      - { from: 2012-09 }'));
    expect(await both(['national', heads, '--out', out], out)).toEqual([
      `✗ ${heads}:58:17 The heads of an election cycle must be listed in order of "from" → at elections[0].heads[1].from (expected a month after 2013-09 (heads[0]), found "2012-09")`,
      `✗ ${heads}:58:17 Kepala daerah dalam siklus pilkada harus dicantumkan menurut urutan "from" → di elections[0].heads[1].from (seharusnya bulan sesudah 2013-09 (heads[0]), ditemukan "2012-09")`,
    ]);
    const noService = join(dir, 'no-service.yaml');
    writeFileSync(noService, noServiceNational(', portfolio: false'));
    const [en, id] = await both(['national', noService, '--out', out], out);
    expect(en).toBe(`✗ ${noService}:13:5 Invalid value: government "kab-b" is offered no service: its portfolio is false and it has no service of its own → at governments[1]`);
    expect(id).toBe(`✗ ${noService}:13:5 Nilai tidak valid: pemerintah daerah "kab-b" tidak ditawari layanan apa pun: portfolio-nya false, dan tidak memiliki layanan sendiri → di governments[1]`);
    expect(await both(['national-compare', NATIONAL, '--set', 'seed=4', '--out', out], out)).toEqual([
      '✗ command line: --set seed would run the two arms differently: national-compare runs both with the same seed and replications (common random numbers); give --seed instead',
      '✗ baris perintah: --set seed akan menjalankan kedua skenario secara berbeda: national-compare menjalankan keduanya dengan seed dan jumlah replikasi yang sama (bilangan acak bersama); berikan --seed sebagai gantinya',
    ]);
  }, 60_000);
});

describe('files and folders on disk under --lang id', () => {
  it('a folder given as the scenario file, and --out on a special file system', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    mkdirSync(join(dir, 'scenario.yaml'));
    expect(await both(['validate', join(dir, 'scenario.yaml')], out)).toEqual([
      `✗ ${join(dir, 'scenario.yaml')} Cannot read the file: it is a directory`,
      `✗ ${join(dir, 'scenario.yaml')} Berkas tidak dapat dibaca: itu sebuah folder`,
    ]);
    expect(await both(['run', SMALL_CITY, '--out', '/dev/null'], out)).toEqual([
      '✗ command line --out: Cannot write results under /dev/null: /dev/null is a special file system, not a place for result folders',
      '✗ baris perintah --out: Tidak dapat menulis hasil di bawah /dev/null: /dev/null adalah sistem berkas khusus, bukan tempat folder hasil',
    ]);
  }, 60_000);

  it('difusi report on a folder that is no result folder, and on a manifest with a wrong field', async () => {
    const dir = folder();
    const out = join(dir, 'never');
    expect(await both(['report', dir], out)).toEqual([
      `✗ ${join(dir, 'manifest.json')} Cannot read this result file: not found (is this a difusi result folder?)`,
      `✗ ${join(dir, 'manifest.json')} Berkas hasil ini tidak dapat dibaca: tidak ada (apakah ini folder hasil difusi?)`,
    ]);
    // A run's folder whose manifest gives its seed as a word (the manifest has no checksum of its own; the CSVs do).
    const run = await runCli(['run', SMALL_CITY, '-r', '2', '--no-charts', '-q', '--workers', '1', '--out', join(dir, 'run')]);
    expect(run.code, run.stderr).toBe(0);
    const result = run.stdout.split('\n').find((l) => l.startsWith('results: '))!.slice('results: '.length);
    const manifest = join(result, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ ...(JSON.parse(readFileSync(manifest, 'utf8')) as object), seed: 'x' }, null, 2));
    expect(await both(['report', result, '--no-png'], out)).toEqual([
      `✗ ${manifest} Cannot read this result file: "seed": expected number, found "x"`,
      `✗ ${manifest} Berkas hasil ini tidak dapat dibaca: "seed": seharusnya angka, ditemukan "x"`,
    ]);
  }, 60_000);
});

describe('a job stopped by a signal under --lang id', () => {
  it('says its ⚠ line in Bahasa Indonesia (the English one unchanged), and ends as the signal ends it', async () => {
    const bass = join(ROOT, 'scenarios', 'validation', 'bass-complete.yaml');
    const lines: Record<string, string[]> = {};
    for (const lang of ['en', 'id']) {
      const out = join(folder(), lang);
      const { child, done } = startCli(['run', bass, '--out', out, '--quiet', '--workers', '1', '-r', '60', '--no-charts', ...(lang === 'id' ? ['--lang', 'id'] : [])], { stopAtRecord: 5 });
      await signalWhenStopped(child, 'SIGTERM');
      const r = await done;
      expect(r.signal === 'SIGTERM' || r.code === 143, `${r.code} ${r.signal} ${r.stderr}`).toBe(true);
      const partial = readdirSync(join(out, 'bass-complete')).find((e) => e.endsWith('.partial'))!;
      const dir = join(out, 'bass-complete', partial.slice(1, -'.partial'.length));
      lines[lang] = r.stderr.split('\n').filter((l) => l !== '').map((l) => l.replace(dir, '<dir>'));
    }
    expect(lines).toEqual({
      en: ['⚠ <dir>: stopped by SIGTERM (exit status 143) before it was finished; the work done so far is kept in its hidden folder beside it: run the same command with --resume to continue from it (without --resume it starts afresh)'],
      id: ['⚠ <dir>: dihentikan oleh SIGTERM (kode keluar 143) sebelum selesai; pekerjaan yang sudah selesai disimpan di folder tersembunyinya di sebelahnya: jalankan perintah yang sama dengan --resume untuk melanjutkannya (tanpa --resume perintah itu mulai dari awal)'],
    });
  }, 120_000);
});

describe('--precision\'s mean of 0 under --lang id', () => {
  it('says on its closing line what precision_zero_mean says in Indonesian (cli/precision-options.ts writes it itself, loading no Indonesian table)', () => {
    for (const arms of [false, true]) {
      const p = { target: 0.05, outcome: 'sustained.x', replications: 1000, achieved: Number.POSITIVE_INFINITY, reached: false };
      const id = messageId({ code: 'precision_zero_mean', message: MESSAGES.precision_zero_mean(arms) });
      expect(id).not.toBe(MESSAGES.precision_zero_mean(arms));
      expect(precisionLine(p, arms, 'id').endsWith(`: ${id}`)).toBe(true);
      expect(precisionLine(p, arms).endsWith(`: ${MESSAGES.precision_zero_mean(arms)}`)).toBe(true);
    }
  });
});
