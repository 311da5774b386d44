/**
 * Lines that count replications say "1 replication", not "1 replications":
 * a shard holding one replication (city and national), and the summary of
 * `difusi validate` for a national file with one replication.
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the tests read what it prints, which needs
 * no process of its own.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-count-lines-');
const SMALL_NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

describe('a count of one replication is singular', () => {
  it('difusi run: the shard line of a shard with one replication', async () => {
    const r = await runInProcess(['run', SMALL_CITY, '-r', '2', '--shard', '1/2', '--workers', '1', '--quiet', '--out', join(tmp(), 'city')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shard 1\/2: 1 replication in /m);
  });

  it('difusi national: the shard line of a shard with one replication', async () => {
    const r = await runInProcess(['national', SMALL_NATIONAL, '-r', '2', '--shard', '1/2', '-w', '1', '-q', '--no-charts', '--out', join(tmp(), 'nat')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shard 1\/2: 1 replication in /m);
  });

  it('difusi validate: a national file with one replication', async () => {
    const r = await runInProcess(['validate', SMALL_NATIONAL, '--set', 'replications=1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(' months from ');
    expect(r.stdout).toMatch(/, 1 replication, seed /);
  });
});
