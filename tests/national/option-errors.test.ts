/**
 * Problems of `difusi national`'s and `difusi national-merge`'s command line
 * are named as the command line's, with the fix the user needs:
 *
 * - national-merge of incomplete shards names the shards to run as
 *   `difusi national --shard i/n` takes them, as the city merge does.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, runBin, tempDir } from '../support/cli.js';

beforeAll(() => assertBuilt());

const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

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
