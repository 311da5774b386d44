/**
 * Shard folders of two kinds given to one `difusi merge` (a city run's and a
 * sweep's) are refused in one line that names the folder of the other kind
 * and the first folder, whichever kind comes first: before, the merge of the
 * first folder's kind called the other "not a shard folder", or asked for a
 * file it has no reason to hold.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-merge-mixed-');

/** Folders marked as shards the way difusi marks them (store/part-store.ts shardKindOf reads only the marks). */
function shards(root: string): { run: string; sweep: string } {
  const run = join(root, 'city', 'abc.shard-1-of-2');
  const sweep = join(root, 'design', 'def.shard-1-of-2');
  mkdirSync(run, { recursive: true });
  mkdirSync(sweep, { recursive: true });
  writeFileSync(join(run, 'part.json'), JSON.stringify({ format: 'difusi-part-9' }));
  writeFileSync(join(sweep, 'sweep-part.json'), '{}');
  return { run, sweep };
}

describe('difusi merge given shards of two kinds', () => {
  it.each([
    ['a city run first', 'run', 'sweep', 'a sweep or sensitivity design', 'a city run'],
    ['a sweep first', 'sweep', 'run', 'a city run', 'a sweep or sensitivity design'],
  ] as const)('%s: one line naming the other folder and the first, exit 2, nothing written', async (_, firstKey, otherKey, otherKind, firstKind) => {
    const root = tmp();
    const dirs = shards(root);
    const out = join(root, 'out');
    const r = await runInProcess(['merge', dirs[firstKey], dirs[otherKey], '--out', out, '--no-charts']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`✗ ${dirs[otherKey]} A shard folder of ${otherKind}`);
    expect(lines[0]).toContain(`given with ${dirs[firstKey]}, a shard folder of ${firstKind}`);
    expect(lines[0]).toContain('merge the shards of each run on their own');
    expect(existsSync(out)).toBe(false);
  });

  it('a national or comparison shard among them is named with the command that merges it, not as a mix', async () => {
    const root = tmp();
    const { run } = shards(root);
    const national = join(root, 'nat', 'ghi.shard-0-of-2');
    mkdirSync(national, { recursive: true });
    writeFileSync(join(national, 'part.json'), JSON.stringify({ format: 'difusi-national-part-3' }));
    const r = await runInProcess(['merge', run, national, '--out', join(root, 'out'), '--no-charts']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`✗ ${national} A shard folder of a national run (difusi national --shard): merge it with difusi national-merge`);
  });
});
