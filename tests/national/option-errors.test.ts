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
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, runBin, tempDir } from '../support/cli.js';

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
  ])('%s: one line naming --detail, exit code 2, nothing written; --check refuses it too', async (_, detail, line) => {
    const out = tempDir('difusi-national-detail-');
    const [run, check] = await Promise.all([
      runBin(['national', NATIONAL, '--detail', detail, ...RUN, '--out', out]),
      runBin(['national', NATIONAL, '--detail', detail, '--check']),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').filter((l) => l.startsWith('✗'))).toEqual([line]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(check.code).toBe(2);
    expect(check.stdout).toBe('');
    expect(check.stderr.trim().split('\n').filter((l) => l.startsWith('✗'))).toEqual([line]);
  });

  it('--check with known ids is the ✓ line, as without --detail', async () => {
    const r = await runBin(['national', NATIONAL, '--detail', 'kota-a,kab-b', '--check']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^✓ /);
  });
});

describe('national --shard', () => {
  const line = (found: string) => `✗ command line: Invalid value for --shard (expected i/n with 0 <= i < n, e.g. 2/7, found ${found})`;

  it('--check refuses a --shard the run would refuse (exit code 2, no ✓)', async () => {
    const r = await runBin(['national', NATIONAL, '--check', '--shard', '5/2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([line('5/2')]);
  });

  it('a shard count past the whole numbers a run can count is refused as the city commands refuse it; nothing written', async () => {
    const out = tempDir('difusi-national-shard-');
    const r = await runBin(['national', NATIONAL, '--shard', '0/99999999999999999999', ...RUN, '--out', out]);
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
    const shard = await runBin(['national', NATIONAL, '--replications', String(n), '--shard', `0/${n}`, '--workers', '1', '--no-charts', '-q', '--out', out]);
    expect(shard.code, shard.stderr).toBe(0);
    const dir = /in (\S+)\n/.exec(shard.stdout)![1]!;
    const merged = tempDir('difusi-national-merged-');
    const r = await runBin(['national-merge', dir, '--no-charts', '--out', merged]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`✗ ${dir} ${message}`]);
    expect(readdirSync(merged)).toEqual([]);
  });
});
