/**
 * `--lang id` asks for a report in Bahasa Indonesia; `--no-charts` writes no
 * report. Together they used to write nothing and say nothing, so a planning
 * officer who asked for the Indonesian report found none. The commands now
 * say so in one ⚠ line on stderr, with the command that writes the report
 * later; exit code and stdout are as without --lang, and that command works.
 * run, compare, sweep, sensitivity and merge share one place for it
 * (src/cli/report.ts reportAfter); national, national-merge and
 * national-compare call it themselves. `--lang en` written out asks for a
 * report too and gets the same line (yargs gave it as the default, so it was
 * not told apart from no --lang). A shard of a run writes no report, with or
 * without --no-charts: given `--lang id` it was silent, and the merge it
 * printed wrote the English report; it now says so in one line, and its
 * merge command carries --lang id. The command lines run in the test's own
 * process (runInProcess, on the built code a process runs), since only what
 * they print, their exit codes and the files they write are checked.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { shared } from '../support/shared.js';
import { langGiven } from '../../src/cli/lang-warning.js';
import { WARNINGS } from '../../src/messages/catalog.js';
import { WARNINGS_ID } from '../../src/messages/warning-text-id.js';

const folder = cliTestFolder('difusi-lang-no-charts-');
// The city run that draws its report does so with --no-png: the report's PNGs are not what this test is about,
// and drawing them is most of a report's CPU. (A national folder's charts are SVG only; the shards' merge is
// run as the shard printed it.)
const SMALL_NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/** The folder a command printed on its `results:` line. */
const resultsDir = (stdout: string): string => /^results: (.*)$/m.exec(stdout)![1]!;
const warnings = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('⚠'));
const expected = (dir: string) => `⚠ ${dir}: --lang id dengan --no-charts: laporan tidak ditulis; tulis nanti dengan: difusi report ${dir} --lang id`;
/** stdout's results line: the same folder with or without --lang (run's and national's terminal summary follow --lang; tests/national/terminal-lang, tests/cli/run-terminal-lang). */
const resultsLine = (stdout: string): string => /^results: .*$/m.exec(stdout)![0];
/**
 * The national fixture's own scenario warning (its vendor leaves before a pilot ends, in three of its governments), in
 * English or, under --lang id, in Bahasa Indonesia (the number of governments is not said: three of more than three).
 */
const fixtureWarning = (words: Pick<typeof WARNINGS, 'in_governments' | 'vendor_leaves_before_pilot_end'>) =>
  `⚠ ${SMALL_NATIONAL}: ${words.in_governments(['prov-a', 'kota-a', 'kab-b'], 99, words.vendor_leaves_before_pilot_end('innovations[1] "vendor-app"', 'cloudco', '2018-06', '2020-03'))}`;

/**
 * `run -r 1 --no-charts` without --lang, into the output root both run cases use: what each compares its
 * --lang runs with (each made the same run into a root of its own before; one run fewer). Neither case's
 * runs into the root change what the other asserts: the runs print the same stdout into a root that holds
 * the folder, and only the report written later adds report.id.html, which the other case never looks for.
 */
const plainRun = shared(async () => {
  const out = join(folder(), 'run');
  return { out, plain: await runInProcess(['run', SMALL_CITY, '-r', '1', '-q', '--no-charts', '--out', out]) };
});

describe('--lang id with --no-charts', () => {
  it('run: one ⚠ line naming the folder and `difusi report <folder> --lang id`, which then writes it; exit code and results line as without --lang', async () => {
    const { out, plain } = await plainRun();
    const id = await runInProcess(['run', SMALL_CITY, '-r', '1', '-q', '--no-charts', '--lang', 'id', '--out', out]);
    expect(id.code, id.stderr).toBe(0);
    expect(resultsLine(id.stdout)).toBe(resultsLine(plain.stdout));
    expect(warnings(plain.stderr)).toEqual([]);
    const dir = resultsDir(id.stdout);
    expect(warnings(id.stderr)).toEqual([expected(dir)]);
    expect(existsSync(join(dir, 'report.id.html'))).toBe(false);
    const report = await runInProcess(['report', dir, '--lang', 'id', '--no-png']);
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(dir, 'report.id.html'))).toBe(true);
    // With the charts, the report is written and nothing is said.
    const charts = await runInProcess(['run', SMALL_CITY, '-r', '1', '-q', '--lang', 'id', '--no-png', '--out', join(folder(), 'charts')]);
    expect(charts.code, charts.stderr).toBe(0);
    expect(warnings(charts.stderr)).toEqual([]);
  }, 180_000);

  it('national: the same line, and the report written later from the folder', async () => {
    const out = join(folder(), 'national');
    const plain = await runInProcess(['national', SMALL_NATIONAL, '-r', '1', '-q', '--no-charts', '--out', out]);
    const id = await runInProcess(['national', SMALL_NATIONAL, '-r', '1', '-q', '--no-charts', '--lang', 'id', '--out', out]);
    expect(id.code, id.stderr).toBe(0);
    expect(resultsLine(id.stdout)).toBe(resultsLine(plain.stdout));
    const dir = resultsDir(id.stdout);
    // The fixture's own scenario warning (its vendor leaves before a pilot ends) comes first, as without --lang, in Bahasa Indonesia.
    expect(warnings(plain.stderr)).toEqual([fixtureWarning(WARNINGS)]);
    expect(warnings(id.stderr)).toEqual([fixtureWarning(WARNINGS_ID), expected(dir)]);
    const report = await runInProcess(['report', dir, '--lang', 'id']);
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(dir, 'report.id.html'))).toBe(true);
  }, 180_000);

  it('national-compare: the same line, and the comparison\'s report written later from its folder', async () => {
    const out = join(folder(), 'national-compare');
    const args = ['national-compare', SMALL_NATIONAL, '--set', 'national_parameters.gov_imitation=0', '-r', '1', '-q', '--no-charts', '--out', out];
    const plain = await runInProcess(args);
    const id = await runInProcess([...args, '--lang', 'id']);
    expect(id.code, id.stderr).toBe(0);
    // Its table follows --lang (tests/cli/terminal-lang-commands); the results line is the same, and the arms' lines name the same folders.
    expect(resultsLine(id.stdout)).toBe(resultsLine(plain.stdout));
    const arms = (stdout: string) => stdout.split('\n').filter((l) => /^(base|variant): /.test(l)).map((l) => l.split(' ').slice(0, 2).join(' '));
    expect(arms(id.stdout)).toEqual(arms(plain.stdout));
    expect(arms(id.stdout)).toHaveLength(2);
    const dir = resultsDir(id.stdout);
    expect(warnings(plain.stderr)).toEqual([fixtureWarning(WARNINGS)]);
    expect(warnings(id.stderr)).toEqual([fixtureWarning(WARNINGS_ID), expected(dir)]);
    expect(existsSync(join(dir, 'report.id.html'))).toBe(false);
    const report = await runInProcess(['report', dir, '--lang', 'id']);
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(dir, 'report.id.html'))).toBe(true);
  }, 180_000);
});

describe('--lang en written out with --no-charts', () => {
  it('run: the same line, naming `difusi report <folder>` (English, the default); --lang left out: nothing said', async () => {
    const { out, plain } = await plainRun();
    expect(plain.code, plain.stderr).toBe(0);
    expect(warnings(plain.stderr)).toEqual([]);
    const dir = resultsDir(plain.stdout);
    const line = `⚠ ${dir}: --lang en with --no-charts: no report is written; write it later with: difusi report ${dir}`;
    // Asked for in either of the forms yargs reads; stdout and exit code as without it.
    for (const lang of [['--lang', 'en'], ['--lang=en']]) {
      const en = await runInProcess(['run', SMALL_CITY, '-r', '1', '-q', '--no-charts', ...lang, '--out', out]);
      expect(en.code, en.stderr).toBe(0);
      expect(en.stdout).toBe(plain.stdout);
      expect(warnings(en.stderr), lang.join(' ')).toEqual([line]);
    }
  }, 180_000);

  it('langGiven: --lang and --lang=X written before any `--`, nothing else', () => {
    expect(langGiven(['run', 'a.yaml', '--lang', 'en'])).toBe(true);
    expect(langGiven(['-q', 'run', 'a.yaml', '--lang=en', '--no-charts'])).toBe(true);
    expect(langGiven(['run', 'a.yaml', '--no-charts'])).toBe(false);
    expect(langGiven(['run', 'a.yaml', '--language', 'en'])).toBe(false);
    expect(langGiven(['run', '--', '--lang'])).toBe(false);
  });
});

describe('--lang id given to a shard of a run', () => {
  it('one ⚠ line naming the shard folder and the merge with --lang id (with or without --no-charts), which the shard prints too and which writes the Indonesian report; --lang en and no --lang: nothing said', async () => {
    const out = join(folder(), 'shards');
    const run = (...extra: string[]) => runInProcess(['run', SMALL_CITY, '-r', '2', '-q', '--out', out, ...extra]);
    // A shard writes no report, charts or not: the same line for both.
    for (const [shard, charts] of [['0/2', ['--no-charts']], ['1/2', []]] as const) {
      const plain = await run('--shard', shard, ...charts);
      expect(plain.code, plain.stderr).toBe(0);
      expect(warnings(plain.stderr)).toEqual([]);
      const en = await run('--shard', shard, '--lang', 'en', ...charts);
      expect(en.code, en.stderr).toBe(0);
      expect(en.stdout).toBe(plain.stdout);
      expect(warnings(en.stderr)).toEqual([]);
      const id = await run('--shard', shard, '--lang', 'id', ...charts);
      expect(id.code, id.stderr).toBe(0);
      const dir = /^shard \d\/2: 1 replication in (.*)$/m.exec(id.stdout)![1]!;
      const merge = /^merge all shards with: (difusi merge .*)$/m.exec(id.stdout)![1]!;
      // The shard's own merge line, with the language the shard was given.
      expect(merge).toBe(`${/^merge all shards with: (.*)$/m.exec(plain.stdout)![1]!} --lang id`);
      expect(warnings(id.stderr)).toEqual([`⚠ ${dir}: --lang id: satu bagian (shard) tidak menulis laporan; penggabungan (merge) menulisnya dengan: ${merge}`]);
      expect(readdirSync(dir).filter((f) => /^report|^charts/.test(f))).toEqual([]);
    }
    // The merge as printed (its pattern expanded, as a shell would) writes the Indonesian report.
    const shards = readdirSync(join(out, 'small-city')).filter((e) => /\.shard-\d-of-2$/.test(e)).map((e) => join(out, 'small-city', e));
    expect(shards).toHaveLength(2);
    const merged = await runInProcess(['merge', ...shards, '--out', out, '--lang', 'id']);
    expect(merged.code, merged.stderr).toBe(0);
    const dir = /^merged 2 shards into (.*)$/m.exec(merged.stdout)![1]!;
    expect(existsSync(join(dir, 'report.id.html'))).toBe(true);
  }, 180_000);
});
