/**
 * `difusi compare --precision` interrupted after its arms are written (compare.csv refused: a full disk). The hidden
 * `.<key>.growing` folder then holds every arm's folder and no grown part (each part goes once its arm is
 * written). `--resume` used to grow every arm again from nothing; it now keeps the arms, as a plain comparison's
 * resume does (docs/EXPERIMENTS-USAGE.md), and writes only compare.csv and the manifest. A fresh run that discards
 * such a folder says "--resume keeps them": shown true here for both states it can find (the arms written; the
 * arms grown, none written).
 *
 * "No replication runs again" is shown by refusing every write to records.jsonl, the file a grown replication is
 * appended to (tests/support/fail-write.mjs): the resume must succeed regardless.
 */
import { appendFileSync, cpSync, readFileSync, readdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CITY, cliTestFolder, filesUnder, refusedInOneLine, startCli } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-compare-precision-resume-');

const args = (out: string, ...extra: string[]) =>
  ['compare', SMALL_CITY, SMALL_CITY, '--precision', '0.9', '--max-replications', '20', '--no-charts', '-q', '--out', out, ...extra];
/**
 * A run with the write of `file` refused: startCli (dist/src/cli/main.js), a process, the start that takes the
 * preload. The fresh runs, every write allowed, run in the test's process (runInProcess): they need nothing only
 * a process has.
 */
const failing = (argv: readonly string[], file: string) => startCli(argv, { failWrite: file }).done;
const ROOT = 'small-city-compare';

/** The bytes of every file under `dir`, by path. */
const bytesUnder = (dir: string) => new Map(filesUnder(dir).map((f) => [f, readFileSync(join(dir, f))]));

/** An interrupted comparison under `out`: the write of `file` refused. Returns its `.growing` folder's name. */
async function interrupted(out: string, file: string): Promise<string> {
  expect(refusedInOneLine(await failing(args(out), file))).toMatch(new RegExp(`^✗ \\S+/${file.replace('.', '\\.')} Cannot write .*--resume$`));
  const entries = readdirSync(join(out, ROOT));
  expect(entries).toEqual([expect.stringMatching(/^\.[0-9a-f]{12}\.growing$/)]);
  return entries[0]!;
}

describe('compare --precision interrupted while its arms are written: --resume, or a fresh run', () => {
  it('keeps the arms, grows nothing again, and gives the bytes of an uninterrupted comparison; a fresh run says it discards them and that --resume keeps them', async () => {
    const out = join(folder(), 'finished');
    const growing = await interrupted(out, 'compare.csv');
    const arms = join(out, ROOT, growing, 'arms');
    expect(readdirSync(join(out, ROOT, growing)).sort()).toEqual(['.build', 'arms']);
    const before = bytesUnder(arms);
    // The same interrupted folder, for a run without --resume: it starts afresh, as an uninterrupted one does.
    const copy = join(folder(), 'finished-fresh');
    cpSync(out, copy, { recursive: true });

    const resumed = await failing(args(out, '--resume'), 'records.jsonl');
    expect(resumed.code, resumed.stderr).toBe(0);
    const fresh = await runInProcess(args(copy));
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr).toContain(`${growing}: discarded 2 finished arms of an interrupted earlier comparison (--resume keeps them)`);
    // The same terminal report (the count found and the precision achieved), but for the folder's path.
    const report = (stdout: string) => stdout.replace(/^results: .*$/m, '');
    expect(report(resumed.stdout)).toBe(report(fresh.stdout));
    expect(report(resumed.stdout)).toMatch(/precision: \d+ replications brought/);

    const [key] = readdirSync(join(out, ROOT));
    const dir = join(out, ROOT, key!);
    const freshDir = join(copy, ROOT, key!);
    // The arms as they were written before the interruption: their manifests too (not written again).
    for (const [f, bytes] of before) expect(readFileSync(join(dir, 'arms', f)).equals(bytes), f).toBe(true);
    expect(filesUnder(dir)).toEqual(filesUnder(freshDir));
    for (const f of filesUnder(freshDir).filter((f) => !f.endsWith('manifest.json'))) {
      expect(readFileSync(join(dir, f)).equals(readFileSync(join(freshDir, f))), f).toBe(true);
    }
    const precisionOf = (d: string) => (JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')) as { precision: unknown }).precision;
    expect(precisionOf(dir)).toEqual(precisionOf(freshDir));
  }, 120_000);

  it("after the first arm's folder was refused (summary.csv): a fresh run's note counts every grown replication, and --resume keeps them all", async () => {
    const out = join(folder(), 'grown');
    const growing = await interrupted(out, 'summary.csv');
    const copy = join(folder(), 'grown-resumed');
    cpSync(out, copy, { recursive: true });

    const fresh = await runInProcess(args(out));
    expect(fresh.code, fresh.stderr).toBe(0);
    // R = 10 in each of the 2 arms: every replication grown reached the disk before the failure.
    expect(fresh.stderr).toContain(`${growing}: discarded 20 replications of 2 unfinished arms of an interrupted earlier comparison (--resume keeps them)`);

    // The same interrupted folder resumed: no replication appended again, and the fresh run's comparison.
    const resumed = await failing(args(copy, '--resume'), 'records.jsonl');
    expect(resumed.code, resumed.stderr).toBe(0);
    const [key] = readdirSync(join(copy, ROOT));
    expect(readFileSync(join(copy, ROOT, key!, 'compare.csv')).equals(readFileSync(join(out, ROOT, key!, 'compare.csv')))).toBe(true);
  }, 120_000);
});

describe("compare --precision --resume says what a growing arm's part held", () => {
  // The growing arms' notes (jobs/compare.ts growArms, FileGrowingRun.notes) were never printed.
  it('a part that lost its part.json and holds a damaged record: both notes, named after the arm', async () => {
    const out = join(folder(), 'noted');
    const growing = await interrupted(out, 'summary.csv');
    // Each arm's grown part: work/<arm>/<scenario>/.<key>.growing/records.jsonl.
    const records = filesUnder(join(out, ROOT, growing)).filter((f) => f.endsWith('records.jsonl'));
    expect(records.length).toBe(2);
    const part = dirname(join(out, ROOT, growing, records[0]!));
    const arm = records[0]!.split('/')[1]!;
    unlinkSync(join(part, 'part.json'));
    appendFileSync(join(part, 'records.jsonl'), '{"r":3,"damaged"}\n');
    const resumed = await runInProcess(args(out, '--resume'));
    expect(resumed.code, resumed.stderr).toBe(0);
    // The arm's file as the comparison names it (the path it was given, relative here).
    expect(resumed.stderr).toContain(`small-city.yaml (arm ${arm}): ${join(part, 'part.json')} was missing: rebuilt it`);
    expect(resumed.stderr).toContain(`small-city.yaml (arm ${arm}): ${part}: 1 damaged or incomplete record dropped; that replication runs again`);
  }, 120_000);
});
