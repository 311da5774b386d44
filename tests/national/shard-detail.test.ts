/**
 * `difusi national --shard i/n --detail <governments>`: the agent rows are
 * written for the first replication only, which runs in shard 0/n; the other
 * shards keep none and say nothing about it (as `difusi run --shard` keeps,
 * in each shard, only the --detail replications that shard runs), and
 * `difusi national-merge` writes them. The merged folder's
 * government_agents.csv (and every other table) is the unsharded run's,
 * byte for byte, whichever order the shards are given in. The rows follow
 * the scenario's order of governments, not the order --detail names them:
 * an unsharded run used to write them in --detail's order and the merge in
 * the scenario's, so `--detail kota-c,kota-a` gave a merged file other than
 * the unsharded one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { executeNationalMerge, executeNationalRun } from '../../src/jobs/national.js';
import { testFolder } from '../support/cli.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const folder = testFolder('difusi-national-shard-detail-');

describe('national --shard with --detail', () => {
  it('the merged shards write the unsharded government_agents.csv byte for byte', async () => {
    const out = folder();
    const detail = ['kota-c', 'kota-a'];
    const base = { file: FIXTURE, workers: 1, replications: 3, command: 'test', detail };
    const one = await executeNationalRun({ ...base, outRoot: join(out, 'one') });
    const parts: string[] = [];
    for (const index of [0, 1]) parts.push((await executeNationalRun({ ...base, outRoot: join(out, 'parts'), shard: { index, count: 2 } })).dir);
    // The shard that does not run replication 0 holds no agent rows (part.json's tally has none), without a word.
    const part = (dir: string) => readFileSync(join(dir, 'part.json'), 'utf8');
    expect(part(parts[0]!)).toContain('kota-c');
    // Shard 1 is given first: the rows come from whichever part holds replication 0.
    const merged = await executeNationalMerge([parts[1]!, parts[0]!], join(out, 'merged'), 'test', false);
    const agents = readFileSync(join(one.dir, 'government_agents.csv'), 'utf8');
    expect(agents.split('\n').length).toBeGreaterThan(2);
    expect(readFileSync(join(merged.dir, 'government_agents.csv'), 'utf8')).toBe(agents);
    const files = readdirSync(one.dir).filter((f) => f.endsWith('.csv') || f.endsWith('.txt')).sort();
    expect(readdirSync(merged.dir).filter((f) => f.endsWith('.csv') || f.endsWith('.txt')).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(merged.dir, f), 'utf8'), f).toBe(readFileSync(join(one.dir, f), 'utf8'));
    expect(existsSync(join(parts[1]!, 'government_agents.csv'))).toBe(false);
    // The order --detail names the governments in changes nothing.
    const ordered = await executeNationalRun({ ...base, detail: ['kota-a', 'kota-c'], outRoot: join(out, 'ordered') });
    expect(readFileSync(join(ordered.dir, 'government_agents.csv'), 'utf8')).toBe(agents);
    const governments = agents.trim().split('\n').slice(1).map((l) => l.split(',')[1]);
    expect([...new Set(governments)]).toEqual(['kota-a', 'kota-c']);
  }, 60_000);
});
