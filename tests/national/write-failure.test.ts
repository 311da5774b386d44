/**
 * A national write that fails (a full disk) leaves nothing half-written: its
 * `.partial` work folder is removed, as a city run's writing folder is
 * (docs/RELIABILITY.md, "Leftovers"). It used to stay behind holding a
 * 0-byte government_outcomes.csv (or, for a shard, a 0-byte part.json).
 * A folder the failed run would have replaced stays as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executeNationalRun } from '../../src/jobs/national.js';
import { resetStoreFs, setStoreFs, WriteFailure } from '../../src/store/durable.js';
import { cliTestFolder, filesUnder, startBin, stackLines } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const FULL = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const tmp = cliTestFolder('difusi-national-write-failure-');
// The command lines whose write is refused by fail-write.mjs start `difusi` as installed (BIN, the bundle, which
// tests/cli/bundle.test.ts checks behaves as dist/src/cli/main.js; startBin preloads fail-write.mjs into it as
// startCli does into main.js): it starts in about two thirds of the time, and the writes refused here are the same
// code's. The others (a run that succeeds, the runs on a full disk) need no preloaded module and run in the test's
// process (runInProcess, on the built code a process runs), without a process's start-up.
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

/*
 * The files a national job writes whole (a shard's part.json, the folder's p14.txt, manifest.json and charts)
 * went through fs.writeFileSync, and a full disk there printed "✗ difusi The file system refused: no space left
 * on the device …" naming no file. Each write that fails here (tests/support/fail-write.mjs, ENOSPC on that file
 * alone) must give one line naming the file, as a city run's does, exit 2, and leave nothing under --out.
 */
describe('a national write refused on one file names that file', () => {
  const cases = [
    ['part.json', ['--shard', '0/2', '--no-charts']],
    ['p14.txt', ['--no-charts']],
    ['manifest.json', ['--no-charts']],
    ['national-spread.svg', []],
  ] as const;
  for (const [file, extra] of cases) {
    it(file, async () => {
      const out = join(tmp(), `refused-${file}`);
      const r = await startBin(['national', FIXTURE, '-r', '2', '-q', '--workers', '1', '--out', out, ...extra], { failWrite: file }).done;
      expect(r.code, r.stderr).toBe(2);
      expect(stackLines(r.stderr)).toEqual([]);
      const refused = r.stderr.split('\n').filter((l) => l.startsWith('✗'));
      expect(refused, r.stderr).toHaveLength(1);
      // `national` takes no --resume: the advice is to run it again.
      // The line names the file in the hidden work folder it was written into, as a city run's names its `.writing-*` folder.
      expect(refused[0]).toMatch(new RegExp(`^✗ (\\S+/small-national/\\.[0-9a-f]{12}(\\.shard-0-of-2)?\\.partial/(charts/)?${file.replace('.', '\\.')}) Cannot write \\1 \\(ENOSPC\\): the disk is full: free space, then run the same command again$`));
      // Nothing under --out, not even the folders made for the run: the lock's, made by it, go with it when empty.
      expect(existsSync(out), existsSync(out) ? filesUnder(out).join(', ') : '').toBe(false);
    }, 60_000);
  }
});

/*
 * A national report's page or chart refused for want of room (the national run's report, or `difusi report` on
 * a national folder) said "Cannot write the report into this folder: ENOSPC: ..., write", naming no file; it is
 * one line naming the file, as a city report's is (durable.ts writeReportFile).
 */
describe('a national report page refused on one file names that file', () => {
  it('national: report.html named, exit 2, nothing left under --out', async () => {
    const out = join(tmp(), 'refused-report-html');
    const r = await startBin(['national', FIXTURE, '-r', '2', '-q', '--workers', '1', '--out', out], { failWrite: 'report.html' }).done;
    expect(r.code, r.stderr).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    const refused = r.stderr.split('\n').filter((l) => l.startsWith('✗'));
    expect(refused, r.stderr).toHaveLength(1);
    expect(refused[0]).toMatch(/^✗ (\S+\/\.report-tmp-\w+\/report\.html) Cannot write \1 \(ENOSPC\): the disk is full: free space, then run the same command again$/);
    expect(existsSync(out), existsSync(out) ? filesUnder(out).join(', ') : '').toBe(false);
  }, 60_000);

  it('report --lang id on a national folder: report.id.md named, the folder as it was', async () => {
    const out = join(tmp(), 'refused-report-id');
    const first = await runInProcess(['national', FIXTURE, '-r', '2', '-q', '--workers', '1', '--no-charts', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    const dir = join(out, 'small-national', readdirSync(join(out, 'small-national')).filter((e) => !e.startsWith('.'))[0]!);
    const before = filesUnder(dir).map((f) => [f, readFileSync(join(dir, f))] as const);
    const r = await startBin(['report', dir, '--lang', 'id'], { failWrite: 'report.id.md' }).done;
    expect(r.code, r.stderr).toBe(2);
    const refused = r.stderr.split('\n').filter((l) => l.startsWith('✗'));
    expect(refused, r.stderr).toHaveLength(1);
    // Under --lang id in Bahasa Indonesia (messages/issue-text.ts write_failed).
    expect(refused[0]).toMatch(/^✗ (\S+\/\.report-tmp-\w+\/report\.id\.md) Tidak dapat menulis \1 \(ENOSPC\): disk penuh: kosongkan ruang, lalu jalankan lagi perintah yang sama$/);
    expect(filesUnder(dir)).toEqual(before.map(([f]) => f));
    for (const [f, bytes] of before) expect(readFileSync(join(dir, f)).equals(bytes), f).toBe(true);
  }, 60_000);
});

describe('on a full disk (tmpfs, root only)', () => {
  let mountPoint = '';
  let mounted = false;
  beforeAll(() => {
    mountPoint = join(tmp(), 'full');
    mkdirSync(mountPoint, { recursive: true });
    mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', mountPoint]).status === 0;
    // The disk made full to the last block (dd stops at ENOSPC); a file of 0 bytes can still be made. Then one
    // block (4 KiB) freed: room for the job's lock file (.<folder>.lock, taken before any work, as a city run's)
    // and for nothing more, so the write that fails is the first table (a shard's part.json). On a disk without
    // that block the lock file's write is the one refused, and named.
    if (mounted) {
      spawnSync('dd', ['if=/dev/zero', `of=${join(mountPoint, 'filler')}`, 'bs=1k']);
      spawnSync('truncate', ['-s', '-4K', join(mountPoint, 'filler')]);
    }
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
  });

  for (const [what, extra, file] of [['a run', [], 'government_outcomes.csv'], ['a shard', ['--shard', '0/2'], 'part.json']] as const) {
    it(`${what}: one line naming ${file}, exit 2, and nothing left under --out`, async (ctx) => {
      if (!mounted) ctx.skip();
      const out = join(mountPoint, extra.length === 0 ? 'run' : 'shard');
      const r = await runInProcess(['national', FIXTURE, '-r', '2', '--no-charts', '-q', '--out', out, ...extra]);
      expect(r.code, r.stderr).toBe(2);
      expect(stackLines(r.stderr)).toEqual([]);
      const refused = r.stderr.split('\n').filter((l) => l.startsWith('✗'));
      expect(refused, r.stderr).toHaveLength(1);
      expect(refused[0]).toMatch(new RegExp(`^✗ (\\S+/${file.replace('.', '\\.')}) Cannot write \\1 \\(ENOSPC\\): the disk is full`));
      // The .partial folder removed, the lock released, and the folders the lock made for itself (--out and the
      // scenario's folder) removed with it, as they hold nothing.
      expect(existsSync(out), existsSync(out) ? filesUnder(out).join(', ') : '').toBe(false);
    }, 60_000);
  }
});
