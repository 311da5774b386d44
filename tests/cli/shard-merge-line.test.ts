/**
 * The merge line a sweep (or sensitivity, or compare) shard prints is the
 * shard's own command with --merge: the merge finds the shards by the job's
 * key, which -r, --seed, --set and --outcomes decide, so a line without them
 * ("difusi sweep <file> --merge --out <out>") found no shard and exited 2.
 * Followed as printed, it merges and writes the report in the shard's
 * --lang; --shard, --shard-count, --resume and --no-charts are left out (a
 * shard writes no report either way; the merge writes it). A shard given
 * --lang id says in one ⚠ line that it writes no report, as a run's shard does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { shardMergeCommand } from '../../src/cli/command-line.js';

const folder = cliTestFolder('difusi-shard-merge-line-');
const SWEEP = join(ROOT, 'examples', 'model-consequences', 'lumbung-shock-sweep.yaml');

/** The words of a printed command line (single quotes honoured), after `difusi`. */
const words = (line: string): string[] => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);

describe('a design shard\'s merge line', () => {
  it('keeps -r, --set and --lang, and merges as printed into the report in that language', async () => {
    const out = join(folder(), 'sweep');
    const args = ['sweep', SWEEP, '-r', '2', '--set', 'parameters.w_peer=0.1', '-q', '--no-charts', '--lang', 'id', '--out', out];
    const lines: string[] = [];
    for (const shard of ['0/2', '1/2']) {
      const r = await runInProcess([...args, '--shard', shard, '--resume']);
      expect(r.code, r.stderr).toBe(0);
      const line = /^merge all shards with: (.*?)  \(shards in .*\)$/m.exec(r.stdout)![1]!;
      lines.push(line);
      const dir = /^shard \d\/2: .* in (.*)$/m.exec(r.stdout)![1]!;
      expect(r.stderr.split('\n').filter((l) => l.startsWith('⚠'))).toEqual([`⚠ ${dir}: --lang id: satu bagian (shard) tidak menulis laporan; penggabungan (merge) menulisnya dengan: ${line}`]);
    }
    expect(lines[0]).toBe(lines[1]);
    expect(lines[0]).toBe(`difusi sweep ${SWEEP} -r 2 --set parameters.w_peer=0.1 -q --lang id --out ${out} --merge`);
    const merged = await runInProcess(words(lines[0]!));
    expect(merged.code, merged.stderr).toBe(0);
    const dir = /^merged 2 shards into (.*)$/m.exec(merged.stdout)![1]!;
    expect(existsSync(join(dir, 'report.id.html'))).toBe(true);
  }, 300_000);

  it('leaves out exactly the shard options, --resume and --no-charts, in every form', () => {
    expect(shardMergeCommand(['compare', 'e.yaml', '--shard', '1/3', '--shard-count', '3', '--resume', '--no-charts', '-r', '5', '--shard=2/3', '--shard-count=3', '--set', 'a b=1'])).toBe(
      "difusi compare e.yaml -r 5 --set 'a b=1' --merge",
    );
    expect(shardMergeCommand(['sweep', 'e.yaml', '--charts=false', '--shard', '0/2', '--charts', 'false', '--charts', '-q'])).toBe('difusi sweep e.yaml --charts -q --merge');
  });
});
