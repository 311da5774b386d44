/**
 * `compare --merge` merges each arm from the `arms/<arm>/` folder of every
 * shard: the part there must be that arm's (its scenario hash is the one the
 * comparison's plan has for the arm). Arm folders swapped in every shard (a
 * tidy-up by hand, a script that renamed them) used to merge with exit 0 and
 * every effect's sign flipped; now one line, exit 2, naming the shard to run
 * again (jobs/compare.ts mergeShardArms). The clean merge is the control.
 * And a comparison's shard given to `difusi merge` or `difusi report` says
 * how it is merged, instead of "Not a shard folder of a difusi run".
 */
import { cpSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = testFolder('difusi-compare-merge-arms-');

describe('compare --merge takes each arm from its own folder only', () => {
  let file = '';
  let clean = '';
  beforeAll(async () => {
    cpSync(join(ROOT, 'tests', 'support', 'small-city.yaml'), join(folder(), 'small-city.yaml'));
    file = join(folder(), 'exp.yaml');
    writeFileSync(file, 'name: exp-small\nbase: small-city.yaml\nvariants:\n  - name: takeover\n    set:\n      parameters.takeover_vendor: 1\n');
    const one = await runInProcess(['compare', file, '-r', '8', '-w', '1', '--no-charts', '--quiet', '--out', join(folder(), 'one')]);
    expect(one.code, one.stderr).toBe(0);
    const dir = join(folder(), 'one', 'exp-small');
    clean = readFileSync(join(dir, readdirSync(dir)[0]!, 'compare.csv'), 'utf8');
  });

  async function shards(out: string): Promise<string[]> {
    for (const i of [0, 1]) {
      const r = await runInProcess(['compare', file, '-r', '8', '-w', '1', '--no-charts', '--quiet', '--shard', `${i}/2`, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
    }
    return readdirSync(join(out, 'exp-small')).map((d) => join(out, 'exp-small', d));
  }
  const merge = (out: string) => runInProcess(['compare', file, '-r', '8', '-w', '1', '--no-charts', '--quiet', '--merge', '--out', out]);

  it('(control) the shards as written merge to the bytes of one run', async () => {
    const out = join(folder(), 'as-written');
    await shards(out);
    const r = await merge(out);
    expect(r.code, r.stderr).toBe(0);
    const dir = join(out, 'exp-small', readdirSync(join(out, 'exp-small')).find((d) => !d.includes('.shard-'))!);
    expect(readFileSync(join(dir, 'compare.csv'), 'utf8')).toBe(clean);
  });

  it("a comparison's shard given to `difusi merge` (or `report`): one line saying it is merged with compare --merge", async () => {
    const dirs = await shards(join(folder(), 'wrong-command'));
    for (const args of [['merge', ...dirs, '--no-charts', '--out', join(folder(), 'wrong-command-out')], ['report', dirs[0]!]]) {
      const r = await runInProcess(args);
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('A shard folder of a comparison (difusi compare --shard): merge it with difusi compare <experiment> --merge');
    }
  });

  it('the arm folders swapped in every shard: refused in one line naming a shard, exit 2, no comparison written', async () => {
    const out = join(folder(), 'swapped');
    for (const dir of await shards(out)) {
      renameSync(join(dir, 'arms', 'base'), join(dir, 'arms', 'tmp'));
      renameSync(join(dir, 'arms', 'takeover'), join(dir, 'arms', 'base'));
      renameSync(join(dir, 'arms', 'tmp'), join(dir, 'arms', 'takeover'));
    }
    const r = await merge(out);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\.shard-0-of-2 is damaged: arms\/base holds the part of another arm .*; run shard 0\/2 again/);
    expect(readdirSync(join(out, 'exp-small')).filter((d) => !d.includes('.shard-'))).toEqual([]);
  });
});
