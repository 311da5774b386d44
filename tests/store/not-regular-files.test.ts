/**
 * A named pipe (or a link to a device) where a shard or result folder holds
 * a file: `merge`, `national-merge` and `report` refuse it in one line naming
 * it, exit code 2. Before, the read blocked forever in a system call during
 * which no signal handler runs: the process ignored SIGTERM and kept its
 * folder lock. Each command runs in a process of its own, killed if it has
 * not ended in 20 s (the old code hangs).
 */
import { cpSync, existsSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CITY, cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { ok, pipeAt, refusal, runWithin } from '../support/not-regular.js';

const tmp = cliTestFolder('difusi-not-regular-');
const NATIONAL = join(__dirname, '..', 'national', 'fixtures', 'small-national.yaml');

/** A finished run of small-city (-r 2) under `out`: its result folder's key. */
async function smallRun(out: string): Promise<string> {
  await ok(['run', SMALL_CITY, '-r', '2', '-w', '1', '-q', '--no-charts', '--out', out]);
  return readdirSync(join(out, 'small-city'))[0]!;
}

describe('a pipe or a device where a folder holds a file', () => {
  it('merge: a shard whose part.json, records.jsonl or series.bin is a pipe is refused by name', async () => {
    const root = tmp();
    const out = join(root, 'shards');
    for (const i of [0, 1]) {
      const r = await runWithin(['run', SMALL_CITY, '-r', '2', '--shard', `${i}/2`, '-w', '1', '-q', '--no-charts', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
    }
    const dirs = readdirSync(join(out, 'small-city')).map((d) => join(out, 'small-city', d)).sort();
    for (const file of ['part.json', 'records.jsonl', 'series.bin']) {
      const copy = join(root, `copy-${file}`);
      cpSync(dirs[0]!, copy, { recursive: true });
      pipeAt(join(copy, file));
      const r = await runWithin(['merge', copy, dirs[1]!, '--no-charts', '--out', join(root, `merged-${file}`)]);
      expect(refusedInOneLine(r)).toBe(refusal(join(copy, file)));
      expect(existsSync(join(root, `merged-${file}`, 'small-city'))).toBe(false);
    }
  }, 120_000);

  it('report: a result folder whose manifest.json or a data file is a pipe, or a link to /dev/zero, is refused by name; the lock is not left behind', async () => {
    const root = tmp();
    const out = join(root, 'run');
    const folder = join(out, 'small-city', await smallRun(out));
    for (const file of ['manifest.json', 'outcomes.csv', 'timeseries.csv', 'summary.csv', 'events.csv']) {
      const copy = join(root, 'copies', file.replace('.', '-'));
      cpSync(folder, copy, { recursive: true });
      pipeAt(join(copy, file));
      const line = refusedInOneLine(await runWithin(['report', copy, '--no-png']));
      expect(line).toBe(refusal(join(copy, file)));
      expect(readdirSync(join(root, 'copies')).filter((e) => e.endsWith('.lock'))).toEqual([]);
    }
    const zero = join(root, 'copies', 'zero');
    cpSync(folder, zero, { recursive: true });
    rmSync(join(zero, 'agents.csv'));
    symlinkSync('/dev/zero', join(zero, 'agents.csv'));
    expect(refusedInOneLine(await runWithin(['report', zero, '--no-png']))).toBe(refusal(join(zero, 'agents.csv')));
  }, 120_000);

  it('national-merge: a shard whose part.json is a pipe is refused by name', async () => {
    const root = tmp();
    const out = join(root, 'shards');
    const r = await runWithin(['national', NATIONAL, '-r', '2', '--shard', '0/2', '-w', '1', '-q', '--no-charts', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const shard = join(out, 'small-national', readdirSync(join(out, 'small-national'))[0]!);
    pipeAt(join(shard, 'part.json'));
    const line = refusedInOneLine(await runWithin(['national-merge', shard, '--no-charts', '--out', join(root, 'merged')]));
    expect(line).toBe(refusal(join(shard, 'part.json')));
  }, 120_000);

  it('run: an interrupted earlier run whose records.jsonl is a pipe is refused by name, not read (no --resume)', async () => {
    const root = tmp();
    const out = join(root, 'run');
    const key = await smallRun(out);
    // What an interrupted run of the same settings leaves: its hidden part folder.
    const partial = join(out, 'small-city', `.${key}.partial`);
    rmSync(join(out, 'small-city', key), { recursive: true });
    execFileSync('mkdir', ['-p', partial]);
    pipeAt(join(partial, 'records.jsonl'));
    const line = refusedInOneLine(await runWithin(['run', SMALL_CITY, '-r', '2', '-w', '1', '-q', '--no-charts', '--out', out]));
    expect(line).toBe(refusal(join(partial, 'records.jsonl')));
  }, 120_000);

  it('report: a pipe in place of the folder\'s lock file does not block it', async () => {
    const root = tmp();
    const out = join(root, 'run-lock');
    const key = await smallRun(out);
    pipeAt(join(out, 'small-city', `.${key}.lock`));
    const r = await runWithin(['report', join(out, 'small-city', key), '--no-png']);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
});
