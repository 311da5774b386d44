/**
 * The merge command a shard prints names its run's key: the pattern matches
 * this run's shards only, not those of another run in the same folder.
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the test reads what it prints and the
 * folders it writes, which need no process of its own.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CITY, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-merge-hint-');

describe('the merge hint of a shard', () => {
  it('names the run key, so that the pattern matches only its own shards', async () => {
    const out = join(tmp(), 'out');
    const other = await runInProcess(['run', SMALL_CITY, '-r', '3', '--shard', '0/2', '--out', out, '-q', '-w', '1', '--no-charts']);
    expect(other.code, other.stderr).toBe(0);
    const r = await runInProcess(['run', SMALL_CITY, '-r', '2', '--shard', '0/2', '--out', out, '-q', '-w', '1', '--no-charts']);
    expect(r.code, r.stderr).toBe(0);
    const mine = /in (\S+)\n/.exec(r.stdout)![1]!;
    const key = mine.split('/').pop()!.replace(/\.shard-.*$/, '');
    const hint = /merge all shards with: difusi merge (\S+) --out/.exec(r.stdout)![1]!;
    expect(hint).toBe(join(out, 'small-city', `${key}.shard-*-of-2`));
    // Two runs' shards lie side by side; the pattern picks one of them.
    const glob = new RegExp(`^${hint.split('/').pop()!.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
    const shards = readdirSync(join(out, 'small-city')).filter((e) => /\.shard-/.test(e));
    expect(shards).toHaveLength(2);
    expect(shards.filter((e) => glob.test(e))).toEqual([`${key}.shard-0-of-2`]);
  }, 120_000);
});
