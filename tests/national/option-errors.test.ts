/**
 * Problems of `difusi national`'s and `difusi national-merge`'s command line
 * are named as the command line's, with the fix the user needs:
 *
 * - `--detail` names governments (not a count, as a city run's `--detail N`
 *   is): an unknown id is one line naming --detail, with the id it most
 *   likely meant, not an error of the scenario file; `--check` refuses it
 *   as the run would (exit code 2, no ✓).
 * - `--check` refuses a bad `--shard` as the run does; `--shard` is read
 *   as the city commands read it.
 * - national-merge of incomplete shards names the shards to run as
 *   `difusi national --shard i/n` takes them, as the city merge does.
 * - a shard folder given to the merge of the other kind (national to
 *   difusi merge, city or sweep to national-merge) or to difusi report
 *   names the merge that takes it.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

// The command lines run in the test's process (runInProcess): their lines, exit codes and folders are checked,
// nothing only a process has.
beforeAll(() => assertBuilt());

const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const RUN = ['--replications', '1', '--workers', '1', '--no-charts', '-q'];

describe('national --detail', () => {
  it.each([
    ['an unknown id', 'kota-aa', '✗ command line: Unknown government "kota-aa" for --detail (did you mean "kota-a"?) (expected a government id of the scenario)'],
    ['an unknown id after a known one', 'kota-a,kab-bb', '✗ command line: Unknown government "kab-bb" for --detail (did you mean "kab-b"?) (expected a government id of the scenario)'],
    [
      'a number (a count, as run --detail takes)',
      '3',
      '✗ command line: national --detail takes government ids, comma-separated (--detail prov-a,kota-a), not a count of replications as run --detail does; "3" is no government of the scenario',
    ],
    [
      'no id at all (a run would write no agent rows, silently)',
      ' , ',
      '✗ command line: national --detail names no government (comma-separated government ids, e.g. --detail kota-bekasi) (expected a government id of the scenario, found " , ")',
    ],
  ])('%s: one line naming --detail, exit code 2, nothing written; --check refuses it too', async (_, detail, line) => {
    const out = tempDir('difusi-national-detail-');
    const [run, check] = await Promise.all([
      runInProcess(['national', NATIONAL, '--detail', detail, ...RUN, '--out', out]),
      runInProcess(['national', NATIONAL, '--detail', detail, '--check']),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').filter((l) => l.startsWith('✗'))).toEqual([line]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(check.code).toBe(2);
    expect(check.stdout).toBe('');
    expect(check.stderr.trim().split('\n').filter((l) => l.startsWith('✗'))).toEqual([line]);
  });

  it('--check with known ids is the ✓ line, as without --detail', async () => {
    const r = await runInProcess(['national', NATIONAL, '--detail', 'kota-a,kab-b', '--check']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^✓ /);
  });
});

describe('national --shard', () => {
  const line = (found: string) => `✗ command line: Invalid value for --shard (expected i/n with 0 <= i < n, e.g. 2/7, found ${found})`;

  it('--check refuses a --shard the run would refuse (exit code 2, no ✓)', async () => {
    const r = await runInProcess(['national', NATIONAL, '--check', '--shard', '5/2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([line('5/2')]);
  });

  it('a shard count past the whole numbers a run can count is refused as the city commands refuse it; nothing written', async () => {
    const out = tempDir('difusi-national-shard-');
    const r = await runInProcess(['national', NATIONAL, '--shard', '0/99999999999999999999', ...RUN, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('✗'))).toEqual([line('0/99999999999999999999')]);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('national-merge of incomplete shards', () => {
  it.each([
    [2, '1 replication is missing (1); run shard 1/2'],
    [3, '2 replications are missing (1, 2); run shards 1/3, 2/3'],
  ])('shard 0 of %i alone: names the shards to run as --shard takes them', async (n, message) => {
    const out = tempDir('difusi-national-shards-');
    const shard = await runInProcess(['national', NATIONAL, '--replications', String(n), '--shard', `0/${n}`, '--workers', '1', '--no-charts', '-q', '--out', out]);
    expect(shard.code, shard.stderr).toBe(0);
    const dir = /in (\S+)\n/.exec(shard.stdout)![1]!;
    const merged = tempDir('difusi-national-merged-');
    const r = await runInProcess(['national-merge', dir, '--no-charts', '--out', merged]);
    expect(r.code).toBe(2);
    // Named as the city merge names it: the merge, not a folder given (which is not the one at fault).
    expect(r.stderr.trim().split('\n')).toEqual([`✗ (national-merge) ${message}`]);
    expect(readdirSync(merged)).toEqual([]);
  });
});

describe('a shard folder given to the other merge', () => {
  it('a national shard to difusi merge, a city or sweep shard to national-merge, a shard to difusi report: one line naming the merge that takes it, exit code 2, nothing written', async () => {
    const out = tempDir('difusi-national-other-');
    const [national, city] = await Promise.all([
      runInProcess(['national', NATIONAL, '--replications', '2', '--shard', '0/2', '--workers', '1', '--no-charts', '-q', '--out', join(out, 'n')]),
      runInProcess(['run', SMALL_CITY, '--replications', '2', '--shard', '0/2', '--workers', '1', '--no-charts', '-q', '--out', join(out, 'c')]),
    ]);
    expect([national.code, city.code], national.stderr + city.stderr).toEqual([0, 0]);
    const nationalDir = /in (\S+)\n/.exec(national.stdout)![1]!;
    const cityDir = /in (\S+)\n/.exec(city.stdout)![1]!;
    // A sweep or sensitivity shard is known by its sweep-part.json.
    const sweepDir = join(out, 'sweep.shard-0-of-2');
    mkdirSync(sweepDir);
    writeFileSync(join(sweepDir, 'sweep-part.json'), '{}');
    const merged = join(out, 'merged');
    const [a, b, c, d] = await Promise.all([
      runInProcess(['merge', nationalDir, '--no-charts', '--out', merged]),
      runInProcess(['national-merge', cityDir, '--no-charts', '--out', merged]),
      runInProcess(['national-merge', sweepDir, '--no-charts', '--out', merged]),
      runInProcess(['national-merge', join(out, 'nowhere'), '--no-charts', '--out', merged]),
    ]);
    const lines = (r: { stderr: string }) => r.stderr.trim().split('\n');
    expect([a.code, b.code, c.code, d.code]).toEqual([2, 2, 2, 2]);
    expect(lines(a)).toEqual([`✗ ${nationalDir} A shard folder of a national run (difusi national --shard): merge it with difusi national-merge`]);
    expect(lines(b)).toEqual([`✗ ${cityDir} A shard folder of a city run (difusi run --shard): merge it with difusi merge`]);
    expect(lines(c)).toEqual([`✗ ${sweepDir} A shard folder of a sweep or sensitivity design (difusi sweep --shard): merge it with difusi merge`]);
    // Not a shard at all: what national-merge takes, as difusi merge says what it takes.
    expect(lines(d)).toEqual([`✗ ${join(out, 'nowhere')} Not a shard folder of a difusi run (expected a shard folder written by national --shard (with part.json))`]);
    expect(existsSync(merged)).toBe(false);
    // A shard folder given to difusi report is told to be merged first, with the merge that takes it.
    const [e, f] = await Promise.all([runInProcess(['report', nationalDir]), runInProcess(['report', cityDir])]);
    expect([e.code, f.code]).toEqual([2, 2]);
    expect(lines(e)).toEqual([`✗ ${nationalDir} A shard folder of a national run (difusi national --shard): merge it with difusi national-merge`]);
    expect(lines(f)).toEqual([`✗ ${cityDir} A shard folder of a city run (difusi run --shard): merge it with difusi merge`]);
  });
});
