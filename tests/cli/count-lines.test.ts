/**
 * Lines that count replications say "1 replication", not "1 replications":
 * a shard holding one replication (city and national), and the summary of
 * `difusi validate` for a national file with one replication.
 *
 * Each command line starts `difusi` as installed (runBin: bin/difusi.mjs,
 * the bundle, which tests/cli/bundle.test.ts checks behaves as
 * dist/src/cli/main.js), which starts in about half the time.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, cliTestFolder, runBin } from '../support/cli.js';

const tmp = cliTestFolder('difusi-count-lines-');
const SMALL_NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

describe('a count of one replication is singular', () => {
  it('difusi run: the shard line of a shard with one replication', async () => {
    const r = await runBin(['run', SMALL_CITY, '-r', '2', '--shard', '1/2', '--workers', '1', '--quiet', '--out', join(tmp(), 'city')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shard 1\/2: 1 replication in /m);
  });

  it('difusi national: the shard line of a shard with one replication', async () => {
    const r = await runBin(['national', SMALL_NATIONAL, '-r', '2', '--shard', '1/2', '-w', '1', '-q', '--no-charts', '--out', join(tmp(), 'nat')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shard 1\/2: 1 replication in /m);
  });

  it('difusi validate: a national file with one replication', async () => {
    const r = await runBin(['validate', SMALL_NATIONAL, '--set', 'replications=1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(' months from ');
    expect(r.stdout).toMatch(/, 1 replication, seed /);
  });
});
