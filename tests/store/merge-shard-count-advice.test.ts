/**
 * A merge given a shard of another shard count than the other parts' (`merge <shard 0 of 3> <shard 1 of 4>
 * <shard 2 of 3>`) refuses it in one line, and its advice names the majority's count: run shard 1/3 (its index
 * with the others' count), which completes their run. Before, it said to run shard 1/4 again, which gives the same
 * refusal. A part whose index is none of the majority's shards (3 of 4 among shards of 3) is to be left out.
 * City parts (`merge`) and national shards (`national-merge`) alike.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, refusedInOneLine, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = testFolder('difusi-merge-count-advice-');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/** Runs `shard` (i/n) of `file` with `command`, each in its own --out; returns the shard's folder. */
async function shard(command: 'run' | 'national', file: string, name: string, at: string): Promise<string> {
  const out = join(folder(), `${command}-${at.replace('/', '-')}`);
  const r = await runInProcess([command, file, '-r', '6', '--no-charts', '-q', '--workers', '1', '--out', out, '--shard', at]);
  expect(r.code, r.stderr).toBe(0);
  const dir = join(out, name);
  return join(dir, readdirSync(dir).find((d) => d.includes('.shard-'))!);
}

describe('merge: a shard of another count is to be run again with the count of the others', () => {
  for (const [command, merge, file, name] of [
    ['run', 'merge', SMALL_CITY, 'small-city'],
    ['national', 'national-merge', NATIONAL, 'small-national'],
  ] as const) {
    it(`${merge}: shard 1/4 among shards of 3 → run shard 1/3; shard 3/4 → leave it out`, async () => {
      const parts = [await shard(command, file, name, '0/3'), await shard(command, file, name, '1/4'), await shard(command, file, name, '2/3')];
      const line = refusedInOneLine(await runInProcess([merge, ...parts, '--no-charts', '--out', join(folder(), `${merge}-out`)]));
      expect(line).toContain(`${parts[1]} This part belongs to another run: shard count n is 4, the other parts have 3`);
      expect(line).toContain('leave it out, or run shard 1/3 again (the same command with --shard 1/3) with the same settings as the others');
      expect(line).not.toContain('--shard 1/4');
      const odd = [parts[0]!, await shard(command, file, name, '3/4'), parts[2]!];
      const leave = refusedInOneLine(await runInProcess([merge, ...odd, '--no-charts', '--out', join(folder(), `${merge}-out2`)]));
      expect(leave).toContain('leave it out: the other parts are shards of 3 (--shard 0/3 to 2/3), and its index 3 is none of them');
    }, 60_000);
  }
});
