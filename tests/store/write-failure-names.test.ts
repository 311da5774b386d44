/**
 * Every write error is one line naming the file, exit 2 (docs/RELIABILITY.md). Three city writes named none:
 * `compare`'s manifest.json and `--precision`'s staged part.json went through fs.writeFileSync, and a full disk
 * printed "✗ difusi The file system refused: no space left on the device …"; a report's pages and charts gave
 * "✗ <folder> Cannot write the report into this folder: ENOSPC: no space left on device, write". Each failure
 * here is injected on one file name (tests/support/fail-write.mjs) and must name that file, leave nothing
 * half-written, and keep what --resume continues from. A report refused after `run` or `merge` had written
 * its results advised "run the same command again", which ran the whole job again: it now advises `difusi
 * report <folder>` (with --lang id when given), which the tests follow; and an Indonesian chart was named
 * under charts/, where charts.id/ is meant.
 *
 * Both files named by `compare` and `--precision` are written only after every arm or replication has run, under
 * names (manifest.json, part.json) that earlier writes share; so the first command fails at an earlier file it
 * already names, and the test's failure comes at the `--resume` that continues it, which writes only the file.
 */
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CITY, cliTestFolder, filesUnder, refusedInOneLine, startBin } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { shared } from '../support/shared.js';

const folder = cliTestFolder('difusi-write-failure-names-');
let tmp = '';
beforeAll(() => {
  tmp = folder();
});

/**
 * A command whose write to `file` fails (tests/support/fail-write.mjs, preloaded by startBin into `difusi` as
 * installed: bin/difusi.mjs, the bundle, which tests/cli/bundle.test.ts checks behaves as dist/src/cli/main.js, and
 * which starts sooner). The commands that must succeed, as a user following the advice would run them, run in the
 * test's process (runInProcess: the same built code, without a process's start-up; they need no preloaded module).
 */
const failing = (args: readonly string[], file: string) => startBin(args, { failWrite: file }).done;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The line WriteFailure prints for ENOSPC on `file` (a path matched by the pattern `file`), with the advice given. */
const named = (file: string, advice: string) => new RegExp(`^✗ (\\S+/${file}) Cannot write \\1 \\(ENOSPC\\): the disk is full: free space, then ${escape(advice)}$`);
/** The same line under --lang id, in Bahasa Indonesia (messages/issue-text.ts write_failed), with the advice given in Indonesian. */
const namedId = (file: string, advice: string) => new RegExp(`^✗ (\\S+/${file}) Tidak dapat menulis \\1 \\(ENOSPC\\): disk penuh: kosongkan ruang, lalu ${escape(advice)}$`);

describe('compare: a refused manifest.json is named', () => {
  const args = (out: string, ...extra: string[]) => ['compare', SMALL_CITY, SMALL_CITY, '-r', '2', '--no-charts', '-q', '--out', out, ...extra];

  it('names the comparison manifest, keeps the finished arms for --resume, and --resume then finishes', async () => {
    const out = join(tmp, 'compare');
    const root = join(out, 'small-city-compare');
    // compare.csv refused (named already): the arms are finished in the hidden folder. The comparison never
    // interrupted, that the resumed one is checked against below, is made meanwhile (its own --out).
    const [refused, clean] = await Promise.all([failing(args(out), 'compare.csv'), runInProcess(args(join(tmp, 'compare-clean')))]);
    expect(refusedInOneLine(refused)).toMatch(named('\\.[0-9a-f]{12}\\.partial/compare\\.csv', 'run the same command with --resume'));
    const [partial] = readdirSync(root);
    expect(partial).toMatch(/^\.[0-9a-f]{12}\.partial$/);
    // The resume writes compare.csv, then the comparison's manifest.json, the only one left to write.
    const line = refusedInOneLine(await failing(args(out, '--resume'), 'manifest.json'));
    expect(line).toMatch(named(`${escape(partial!)}/manifest\\.json`, 'run the same command with --resume'));
    // Nothing half-written: the tables of the comparison are removed, the finished arms stay for --resume.
    expect(readdirSync(root)).toEqual([partial]);
    expect(readdirSync(join(root, partial!)).sort()).toEqual(['.build', 'arms']);
    // Space freed: --resume finishes, with the bytes of a comparison never interrupted.
    const resumed = await runInProcess(args(out, '--resume'));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(clean.code, clean.stderr).toBe(0);
    const [key] = readdirSync(root);
    const cleanDir = join(tmp, 'compare-clean', 'small-city-compare', key!);
    expect(filesUnder(join(root, key!))).toEqual(filesUnder(cleanDir));
    for (const f of filesUnder(cleanDir).filter((f) => !f.endsWith('manifest.json'))) {
      expect(readFileSync(join(root, key!, f)).equals(readFileSync(join(cleanDir, f))), f).toBe(true);
    }
  }, 120_000);

  it('--merge: a refused compare.csv removes the .merging folder (every merge makes it afresh from the shards)', async () => {
    const out = join(tmp, 'merge');
    // The two shards, each into its own folder under its own lock, as an array job's tasks write them (here one after another, in the test's process).
    for (const r of await Promise.all(['0/2', '1/2'].map((shard) => runInProcess(args(out, '--shard', shard))))) expect(r.code, r.stderr).toBe(0);
    const line = refusedInOneLine(await failing(args(out, '--merge'), 'compare.csv'));
    // The .merging folder is removed: nothing to --resume, so the advice is to run the same command again.
    expect(line).toMatch(named('\\.[0-9a-f]{12}\\.merging/compare\\.csv', 'run the same command again'));
    // Only the two shard folders: no .merging folder holding a cut compare.csv.
    expect(readdirSync(join(out, 'small-city-compare')).sort()).toEqual([expect.stringMatching(/\.shard-0-of-2$/), expect.stringMatching(/\.shard-1-of-2$/)]);
  }, 120_000);
});

describe('--precision: a refused part.json of the finished run is named', () => {
  const args = (out: string, ...extra: string[]) => ['run', SMALL_CITY, '--precision', '0.9', '--max-replications', '20', '--no-charts', '-q', '--out', out, ...extra];

  it('names the staged part.json, leaves no staging folder, keeps the growing part, and --resume then finishes', async () => {
    const out = join(tmp, 'precision');
    const root = join(out, 'small-city');
    // The run folder's manifest refused (named already): the grown replications stay in the .growing part.
    expect(refusedInOneLine(await failing(args(out), 'manifest.json'))).toMatch(named('\\.[0-9a-f]{12}\\.writing-\\d+/manifest\\.json', 'run the same command with --resume'));
    const [growing] = readdirSync(root);
    expect(growing).toMatch(/^\.[0-9a-f]{12}\.growing$/);
    const part = filesUnder(join(root, growing!));
    // The resume finds every replication done and stages the run of R (hard links and its own part.json).
    const line = refusedInOneLine(await failing(args(out, '--resume'), 'part.json'));
    expect(line).toMatch(named(`${escape(growing!)}\\.final-\\d+/part\\.json`, 'run the same command with --resume'));
    // The staging folder removed, the growing part as it was.
    expect(readdirSync(root)).toEqual([growing]);
    expect(filesUnder(join(root, growing!))).toEqual(part);
    const resumed = await runInProcess(args(out, '--resume'));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/precision: \d+ replications brought/);
  }, 120_000);
});

describe("a refused write of a city report's pages or charts is named", () => {
  // The report is drawn after the results folder is complete: the advice is to write the report from it
  // (it said "run the same command again", which ran the whole job again), in the language the run had.
  for (const [lang, file] of [
    ['en', 'report.html'],
    ['id', 'report.id.html'],
  ] as const) {
    it(`run --lang ${lang}: names the page, exit 2, the data folder in place without a report, no temporary folder; the advice (difusi report) writes it`, async () => {
      const out = join(tmp, `report-run-${lang}`);
      const r = await failing(['run', SMALL_CITY, '-r', '2', '-q', '--lang', lang, '--out', out], file);
      expect(r.code, r.stderr).toBe(2);
      // The run's summary and its folder are printed before the report is drawn; the error is stderr's one line.
      const dir = /^results: (.*)$/m.exec(r.stdout)![1]!;
      const line = refusedInOneLine({ ...r, stdout: '' });
      const advice = `write the report with: difusi report ${dir}${lang === 'en' ? '' : ' --lang id'}`;
      const at = `${escape(basename(dir))}/\\.report-tmp-\\w+/${escape(file)}`;
      expect(line).toMatch(lang === 'en' ? named(at, advice) : namedId(at, `tulis laporannya dengan: difusi report ${dir} --lang id`));
      expect(filesUnder(dir)).toEqual(['agents.csv', 'events.csv', 'manifest.json', 'outcomes.csv', 'summary.csv', 'timeseries.csv']);
      // The advice, followed, writes the report the run asked for, from the folder as it is.
      const report = await runInProcess(advice.replace(/^write the report with: difusi /, '').split(' '));
      expect(report.code, report.stderr).toBe(0);
      expect(existsSync(join(dir, file))).toBe(true);
    }, 120_000);
  }

  it('merge --lang id: a refused Indonesian chart named under charts.id/, and the advice is `difusi report <merged folder> --lang id`', async () => {
    const out = join(tmp, 'report-merge');
    // The two shards, each into its own folder under its own lock, as an array job's tasks write them (here one after another, in the test's process).
    const shardRuns = await Promise.all(['0/2', '1/2'].map((shard) => runInProcess(['run', SMALL_CITY, '-r', '2', '-q', '--no-charts', '--shard', shard, '--out', out])));
    for (const r of shardRuns) expect(r.code, r.stderr).toBe(0);
    const shards = readdirSync(join(out, 'small-city')).map((e) => join(out, 'small-city', e));
    const r = await failing(['merge', ...shards, '--out', out, '--lang', 'id'], 'stages.png');
    const dir = /^merged 2 shards into (.*)$/m.exec(r.stdout)![1]!;
    const line = refusedInOneLine({ ...r, stdout: '' });
    expect(line).toMatch(namedId(`${escape(basename(dir))}/\\.report-tmp-\\w+/charts\\.id/stages\\.png`, `tulis laporannya dengan: difusi report ${dir} --lang id`));
    const report = await runInProcess(['report', dir, '--lang', 'id']);
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(dir, 'charts.id', 'stages.png'))).toBe(true);
  }, 120_000);

  /**
   * What the four cases below refuse a report on: a run with its English report, made once (each case made the
   * same run, the report drawn each time), each case failing a report on a copy of its own (the copy's files are
   * the run's; the run's own folder is never reported on).
   */
  const reportedRun = shared(async () => {
    const out = join(tmp, 'reported-run');
    const r = await runInProcess(['run', SMALL_CITY, '-r', '2', '-q', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const [key] = readdirSync(join(out, 'small-city'));
    return join(out, 'small-city', key!);
  });

  /*
   * `--no-png` where the refused file does not depend on the PNGs (drawing them costs about 1.4 s of CPU a report):
   * adoption.svg is the first file staged (adoption the first chart), so nothing is staged before it with or without
   * PNGs; report.id.md is a page, staged after the charts. The case of stages.png refuses a report with its PNGs
   * staged before it, and `run --lang id` above one with every Indonesian chart and PNG staged: both still remove them.
   */
  for (const [file, lang, shown, png] of [
    ['adoption.svg', 'en', 'charts/adoption\\.svg', false],
    ['stages.png', 'en', 'charts/stages\\.png', true],
    // The Indonesian charts go to charts.id/, and are staged under that name: the line named charts/adoption.svg.
    ['adoption.svg', 'id', 'charts\\.id/adoption\\.svg', false],
    // The Indonesian page is staged under its own name, so the line names the file the user asked for.
    ['report.id.md', 'id', 'report\\.id\\.md', false],
  ] as const) {
    it(`report --lang ${lang}: ${file} named, and the folder's report left as it was`, async () => {
      const key = basename(await reportedRun());
      const dir = join(tmp, `report-${lang}-${file}`, 'small-city', key);
      cpSync(await reportedRun(), dir, { recursive: true });
      const before = filesUnder(dir).map((f) => [f, readFileSync(join(dir, f))] as const);
      const line = refusedInOneLine(await failing(['report', dir, '--lang', lang, ...(png ? [] : ['--no-png'])], file));
      const at = `${escape(key!)}/\\.report-tmp-\\w+/${shown}`;
      expect(line).toMatch(lang === 'en' ? named(at, 'run the same command again') : namedId(at, 'jalankan lagi perintah yang sama'));
      expect(filesUnder(dir)).toEqual(before.map(([f]) => f));
      for (const [f, bytes] of before) expect(readFileSync(join(dir, f)).equals(bytes), f).toBe(true);
      expect(existsSync(dir) && readdirSync(dir).some((e) => e.startsWith('.report-tmp-'))).toBe(false);
    }, 120_000);
  }
});
