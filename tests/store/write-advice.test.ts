/**
 * What a write failure advises after a full disk is a value of the failure
 * (store/durable.ts WriteFailure), not of the process: whether the command
 * that ran takes --resume is applied where the command is known (cli/errors.ts
 * exitWith, given it by cli/program.ts). It was a module-level setting that
 * cli/main.ts set once per process, so two jobs in one process (tests, the
 * explorer, callers of src/index.ts) shared whatever was set last. The
 * command line runs in the test's process (runInProcess, on the built code a
 * process runs): its exit code and line need no process's start-up.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetStoreFs, setStoreFs, WriteFailure, writeError, writeFileDurably } from '../../src/store/durable.js';
import { UserError } from '../../src/messages/catalog.js';
import { ROOT, stackLines } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'difusi-write-advice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => resetStoreFs());

const FULL = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const RESUME = 'the disk is full: free space, then run the same command with --resume';
const AGAIN = 'the disk is full: free space, then run the same command again';

/** The failure a store write on a full disk raises (writeFileDurably, as part.json and manifest.json are written). */
function fullDiskWrite(name: string): WriteFailure {
  setStoreFs({ writeSync: () => { throw FULL; } });
  try {
    writeFileDurably(join(dir, name), 'text');
  } catch (error) {
    expect(error).toBeInstanceOf(WriteFailure);
    return error as WriteFailure;
  } finally {
    resetStoreFs();
  }
  throw new Error('the write did not fail');
}

describe('a write failure after a full disk', () => {
  it('reads as each command tells it, two in one process, and the library reading stays its own', () => {
    const first = fullDiskWrite('first.json');
    const second = fullDiskWrite('second.json');
    // A command without --resume (national, merge) tells the first; one with it (run) the second.
    const told = first.forCommand(false);
    expect(told).toBeInstanceOf(UserError);
    expect(told.message).toBe(`✗ ${join(dir, 'first.json')} Cannot write ${join(dir, 'first.json')} (ENOSPC): ${AGAIN}`);
    expect(second.forCommand(true).message).toBe(`✗ ${join(dir, 'second.json')} Cannot write ${join(dir, 'second.json')} (ENOSPC): ${RESUME}`);
    // Neither telling changed the failures themselves, nor what the next write failure says (the library's: with --resume).
    expect(first.message).toContain(RESUME);
    expect(fullDiskWrite('third.json').message).toContain(RESUME);
    expect(first.issues[0]!.code).toBe('write_failed');
  });

  it('a whole file written at once has nothing to resume, whatever the command', () => {
    const whole = writeError(FULL, join(dir, 'page.html'), false) as WriteFailure;
    expect(whole.message).toContain(AGAIN);
    expect(whole.forCommand(true).message).toContain(AGAIN);
  });

  it('a failure with no advice to give reads the same for every command', () => {
    const readOnly = writeError(Object.assign(new Error('EROFS'), { code: 'EROFS' }), join(dir, 'x.csv')) as WriteFailure;
    expect(readOnly.forCommand(false).message).toBe(readOnly.message);
    expect(readOnly.message).toMatch(/\(EROFS\): the folder is read-only: choose another --out$/);
    // Any other error is not a write failure the user can act on: as it is.
    const other = new Error('other');
    expect(writeError(other, 'x')).toBe(other);
  });
});

describe('on a full disk (tmpfs, root only), as the command that ran tells it', () => {
  let mountPoint = '';
  let mounted = false;
  beforeAll(() => {
    mountPoint = join(dir, 'full');
    mkdirSync(mountPoint, { recursive: true });
    mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', mountPoint]).status === 0;
    // The disk made full to the last block (dd stops at ENOSPC).
    if (mounted) spawnSync('dd', ['if=/dev/zero', `of=${join(mountPoint, 'filler')}`, 'bs=1k']);
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
  });

  it('national (no --resume): a result file it writes says run the command again', async (ctx) => {
    if (!mounted) ctx.skip();
    const r = await runInProcess(['national', join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'), '-r', '2', '--no-charts', '-q', '--out', join(mountPoint, 'nat')]);
    expect(r.code, r.stderr).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    const refusals = r.stderr.split('\n').filter((l) => l.startsWith('✗'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(/^✗ .* Cannot write .* \(ENOSPC\): the disk is full: free space, then run the same command again$/);
  }, 60_000);
});
