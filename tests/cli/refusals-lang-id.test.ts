/**
 * Refusals that were still wholly English under --lang id, each now one
 * Indonesian line (the ✗ format, exit 2, nothing written): --shard-count
 * beside --shard and with the scheduler's index, --precision with --shard
 * and with a family of outcomes, and a merge of parts that do not add up
 * (missing, given twice, of another split); and the report's --help, whose
 * --lang description said in English less than the Indonesian one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, cliTestFolder, refusedInOneLine, runCli } from '../support/cli.js';
import { runInProcess, stdoutInProcess } from '../support/in-process.js';
import { UserError } from '../../src/messages/catalog.js';
import { formatIssuesId } from '../../src/messages/issue-text.js';
import { schedulerEnv, useSchedulerEnv } from '../support/scheduler-env.js';

const folder = cliTestFolder('difusi-refusals-lang-id-');

/** English words of the refusals these lines were wholly in: none is left. */
const ENGLISH = /\b(Invalid|expected|found|missing|present|belongs|another|leave|takes|scheduler|disagree|unset)\b/;

/** The one ✗ line of a refused command line under --lang id, checked for leftover English. */
async function refusedId(args: readonly string[], inProcess = true): Promise<string> {
  const r = inProcess ? await runInProcess([...args, '--lang', 'id']) : await runCli([...args, '--lang', 'id']);
  const line = refusedInOneLine(r);
  expect(line).not.toMatch(ENGLISH);
  return line;
}

useSchedulerEnv();

describe('--shard-count under --lang id', () => {
  it('beside a --shard of another count', async () => {
    const out = join(folder(), 'out');
    expect(await refusedId(['run', SMALL_CITY, '--shard', '1/3', '--shard-count', '4', '--out', out])).toBe(
      '✗ baris perintah: Nilai tidak valid untuk --shard-count (seharusnya 3, sesuai --shard 1/3 (atau berikan salah satunya saja), ditemukan 4)',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('with no scheduler index, one outside [0, n), and two that disagree (a process, with the variables in its environment)', async () => {
    const out = join(folder(), 'out');
    schedulerEnv({});
    expect(await refusedId(['run', SMALL_CITY, '--shard-count', '3', '--out', out], false)).toBe(
      '✗ baris perintah: Nilai tidak valid untuk --shard-count (seharusnya indeks penjadwal (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX atau AWS_BATCH_JOB_ARRAY_INDEX) di environment, ditemukan tidak ada)',
    );
    schedulerEnv({ SLURM_ARRAY_TASK_ID: '5' });
    expect(await refusedId(['run', SMALL_CITY, '--shard-count', '3', '--out', out], false)).toBe(
      '✗ baris perintah: Nilai tidak valid untuk --shard-count (seharusnya indeks penjadwal dalam [0; 3), ditemukan 5)',
    );
    schedulerEnv({ SLURM_ARRAY_TASK_ID: '1', JOB_COMPLETION_INDEX: '2' });
    expect(await refusedId(['run', SMALL_CITY, '--shard-count', '3', '--out', out], false)).toBe(
      '✗ baris perintah: --shard-count mengambil indeks shard pekerjaan ini dari penjadwal, dan variabel penjadwal tidak sepakat: SLURM_ARRAY_TASK_ID=1, JOB_COMPLETION_INDEX=2; hapus variabel yang bukan indeks pekerjaan ini (atau berikan --shard i/n)',
    );
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('--precision under --lang id', () => {
  it('with --shard, and with a family of outcomes', async () => {
    const out = join(folder(), 'out');
    expect(await refusedId(['run', SMALL_CITY, '--precision', '0.05', '--shard', '0/2', '--out', out])).toBe(
      '✗ baris perintah: Nilai tidak valid untuk --precision (seharusnya simulasi di satu mesin (tanpa --shard), ditemukan --shard 0/2)',
    );
    expect(await refusedId(['run', SMALL_CITY, '--precision', '0.05', '--precision-outcome', 'sustained.*', '--out', out])).toBe(
      '✗ baris perintah: Nilai tidak valid untuk --precision-outcome (seharusnya satu keluaran, bukan satu keluarga keluaran (misalnya sustained.smart-health, bukan sustained.*), ditemukan sustained.*)',
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('merge under --lang id, of parts that do not add up', () => {
  it('says what is missing, what is given twice and which part is of another split, in Indonesian, writing nothing', async () => {
    const root = folder();
    const part = async (shard: string, name: string): Promise<string> => {
      const r = await runInProcess(['run', SMALL_CITY, '-r', '3', '--shard', shard, '-q', '-w', '1', '--no-charts', '--out', join(root, name)]);
      expect(r.code, r.stderr).toBe(0);
      return /in (\S+)\n/.exec(r.stdout)![1]!;
    };
    const p0 = await part('0/3', 'a');
    const p1 = await part('1/3', 'b');
    const q1 = await part('1/2', 'c');
    const out = join(root, 'merged');
    const merge = (...dirs: string[]) => refusedId(['merge', ...dirs, '-q', '--no-charts', '--out', out]);
    expect(await merge(p0)).toBe('✗ (merge) Replikasi yang belum ada: 1, 2 (2 replikasi); jalankan shard 1/3, 2/3');
    expect(await merge(p0, p1)).toBe('✗ (merge) Replikasi yang belum ada: 2 (1 replikasi); jalankan shard 2/3');
    expect(await merge(p0, p0)).toBe(`✗ (merge) Replikasi yang ada di lebih dari satu bagian: 0 (di ${p0}); berikan folder setiap shard sekali saja, tanpa salinannya`);
    expect(await merge(p0, p1, q1)).toBe(
      `✗ ${q1} Bagian ini berasal dari simulasi lain: jumlah shard n di sini 2, di bagian lain 3; jangan sertakan bagian ini, atau jalankan lagi shard 1/3 (perintah yang sama dengan --shard 1/3) dengan pengaturan yang sama seperti bagian lain`,
    );
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});

describe('report --help under --lang id', () => {
  it('says of --lang what the English help says: the report files of each language, and that a folder keeps both', async () => {
    const langLine = (help: string) => help.split('\n').find((l) => /^\s+--lang\s/.test(l))!;
    const files = (line: string) => line.match(/\breport(?:\.id)?\.(?:md|html)\b/g);
    const en = langLine(await stdoutInProcess(['report', '--help']));
    const id = langLine(await stdoutInProcess(['report', '--help', '--lang', 'id']));
    expect(files(id)).toEqual(files(en));
    // Every folder keeps the other language's report, not only a national one.
    expect(en).not.toMatch(/national/);
    expect(en).toMatch(/a folder can hold both \(report\.md and report\.id\.md\)/);
    expect(id).toMatch(/folder dapat memuat laporan kedua bahasa \(report\.md dan report\.id\.md\)/);
  });
});

describe('other refusals that were wholly English under --lang id', () => {
  it('a scenario given to sweep, an experiment with no variants or no design, an unknown outcome, a city scenario given to national-compare', async () => {
    const out = join(folder(), 'out');
    const sweepFile = join(ROOT, 'experiments', 'bekasi-sweep.yaml');
    const compareFile = join(ROOT, 'experiments', 'bekasi-perda-budget-line.yaml');
    expect(await refusedId(['sweep', SMALL_CITY, '--out', out])).toBe(
      `✗ ${SMALL_CITY} Ini berkas skenario (memuat opds dan tidak memuat base), bukan eksperimen; difusi sweep menerima berkas eksperimen (skenario dasar dan sebuah desain); jalankan skenario ini dengan difusi run ${SMALL_CITY}`,
    );
    expect(await refusedId(['compare', sweepFile, '--out', out])).toMatch(
      /^✗ \S+bekasi-sweep\.yaml:\d+:\d+ Eksperimen ini tidak memiliki skenario pengandaian untuk dibandingkan \(tambahkan "variants" atau sebutkan berkas-berkas skenario pengandaian\) → di variants$/,
    );
    expect(await refusedId(['sweep', compareFile, '--out', out])).toBe(`✗ ${compareFile} Eksperimen ini tidak memiliki desain untuk difusi sweep (tambahkan "design")`);
    expect(await refusedId(['run', SMALL_CITY, '--precision', '0.05', '--precision-outcome', 'nosuch', '--out', out])).toMatch(
      /^✗ baris perintah --precision-outcome: Keluaran tidak dikenal "nosuch" \(seharusnya salah satu dari "sustained\.\*", .*\(semuanya \d+\)\)$/,
    );
    expect(await refusedId(['national-compare', SMALL_CITY, '--set', 'seed=1', '--out', out])).toBe(
      `✗ ${SMALL_CITY} Ini skenario kota (tidak memuat governments): difusi national-compare menerima skenario nasional; untuk membandingkan skenario pengandaian sebuah skenario kota, pakai difusi compare (docs/EXPERIMENTS-USAGE.md)`,
    );
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('national --detail naming no government, an unknown one, or a count (the lines formatIssuesId prints)', () => {
    const line = (e: UserError) => formatIssuesId(e.issues);
    expect(line(UserError.of('detail_unknown_government', ['kota-bekasii', 'kota-bekasi'], { file: 'command line' }, { expected: 'a government id of the scenario' }))).toBe(
      '✗ baris perintah: Pemerintah daerah tidak dikenal "kota-bekasii" untuk --detail (maksud Anda "kota-bekasi"?) (seharusnya id pemerintah daerah dalam skenario)',
    );
    expect(line(UserError.of('detail_empty', [], { file: 'command line' }, { expected: 'a government id of the scenario', found: '","' }))).toBe(
      '✗ baris perintah: national --detail tidak menyebut satu pun pemerintah daerah (id pemerintah daerah, dipisahkan koma, misalnya --detail kota-bekasi) (seharusnya id pemerintah daerah dalam skenario, ditemukan ",")',
    );
    expect(line(UserError.of('detail_not_a_count', ['0', 'prov-aceh,kab-aceh-selatan'], { file: 'command line' }))).toBe(
      '✗ baris perintah: national --detail menerima id pemerintah daerah, dipisahkan koma (--detail prov-aceh,kab-aceh-selatan), bukan jumlah replikasi seperti run --detail; "0" bukan pemerintah daerah dalam skenario ini',
    );
  });
});

describe('merge under --lang id, of shard folders of another kind', () => {
  it('a comparison\'s shard, and a city run\'s shard given with a national one (the lines formatIssuesId prints)', () => {
    const line = (e: UserError) => formatIssuesId(e.issues);
    expect(line(UserError.of('part_of_other_kind', ['a comparison (difusi compare --shard)', 'difusi compare <experiment> --merge (with the same -r, --seed and --set as the shards)'], { file: 'o/k.shard-0-of-2' }))).toBe(
      '✗ o/k.shard-0-of-2 Folder bagian (shard) dari perbandingan (difusi compare --shard): gabungkan dengan difusi compare <eksperimen> --merge (dengan -r, --seed dan --set yang sama seperti shard-nya)',
    );
    expect(line(UserError.of('merge_mixed_kinds', ['a national run (difusi national --shard)', 'a city run (difusi run --shard)', 'a/k.shard-0-of-2'], { file: 'n/k.shard-1-of-2' }))).toBe(
      '✗ n/k.shard-1-of-2 Folder bagian (shard) dari simulasi nasional (difusi national --shard), diberikan bersama a/k.shard-0-of-2, folder bagian (shard) dari simulasi kota (difusi run --shard): gabungkan shard setiap simulasi secara terpisah',
    );
  });
});
