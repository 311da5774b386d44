/**
 * A national write that fails (a full disk) leaves nothing half-written: its
 * `.partial` work folder is removed, as a city run's writing folder is
 * (docs/RELIABILITY.md, "Leftovers"). It used to stay behind holding a
 * 0-byte government_outcomes.csv (or, for a shard, a 0-byte part.json).
 * A folder the failed run would have replaced stays as it was.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executeNationalRun } from '../../src/jobs/national.js';
import { resetStoreFs, setStoreFs, WriteFailure } from '../../src/store/durable.js';
import { cliTestFolder, filesUnder, runCli, stackLines } from '../support/cli.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const FULL = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const tmp = cliTestFolder('difusi-national-write-failure-');
afterEach(() => resetStoreFs());

describe('a national run whose write fails (ENOSPC injected)', () => {
  it('leaves no .partial folder, and the folder it would have replaced as it was', async () => {
    const outRoot = join(tmp(), 'injected');
    const options = { file: FIXTURE, outRoot, workers: 1, replications: 2, command: 'test' };
    const first = await executeNationalRun(options);
    const before = filesUnder(first.dir).map((f) => [f, readFileSync(join(first.dir, f))] as const);
    // Every write of a table from now on finds the disk full.
    setStoreFs({ writeSync: () => { throw FULL; } });
    await expect(executeNationalRun(options)).rejects.toBeInstanceOf(WriteFailure);
    resetStoreFs();
    const key = first.dir.split('/').pop()!;
    expect(readdirSync(join(outRoot, 'small-national'))).toEqual([key]);
    for (const [f, bytes] of before) expect(readFileSync(join(first.dir, f)).equals(bytes), f).toBe(true);
  }, 60_000);
});

describe('on a full disk (tmpfs, root only)', () => {
  let mountPoint = '';
  let mounted = false;
  beforeAll(() => {
    mountPoint = join(tmp(), 'full');
    mkdirSync(mountPoint, { recursive: true });
    mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', mountPoint]).status === 0;
    // The disk made full to the last block (dd stops at ENOSPC); a file of 0 bytes can still be made.
    if (mounted) spawnSync('dd', ['if=/dev/zero', `of=${join(mountPoint, 'filler')}`, 'bs=1k']);
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
  });

  for (const [what, extra] of [['a run', []], ['a shard', ['--shard', '0/2']]] as const) {
    it(`${what}: one line, exit 2, and no file left under --out`, async (ctx) => {
      if (!mounted) ctx.skip();
      const out = join(mountPoint, extra.length === 0 ? 'run' : 'shard');
      const r = await runCli(['national', FIXTURE, '-r', '2', '--no-charts', '-q', '--out', out, ...extra]);
      expect(r.code, r.stderr).toBe(2);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('✗'))).toHaveLength(1);
      expect(filesUnder(out)).toEqual([]);
      expect(readdirSync(join(out, 'small-national'))).toEqual([]);
    }, 60_000);
  }
});
