/**
 * `compare --precision` interrupted while its arms are written (a full disk), called as a library (src/index.ts
 * exports executeCompare): the arms' folder locks are released with the error, and every grown replication is on
 * disk for --resume.
 *
 * A write is refused in this process as tests/support/fail-write.mjs refuses it in a child's: the store's writes
 * (store/durable.ts, setStoreFs) to a descriptor opened on a file of the given name fail with ENOSPC.
 */
import fs, { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { executeCompare, type CompareOptions } from '../../src/jobs/compare.js';
import { resetStoreFs, setStoreFs, storeFs } from '../../src/store/durable.js';
import { SMALL_CITY, filesUnder, testFolder } from '../support/cli.js';

const folder = testFolder('difusi-compare-precision-resume-');

afterEach(() => {
  resetStoreFs();
  vi.restoreAllMocks();
});

/**
 * Watches the files named `name` opened from now on: every store write to the `from`-th and later ones fails as on
 * a full disk when `fail`; `writes()` counts the writes to them that were asked for.
 */
function watchFiles(name: string, { fail, from = 1 }: { fail: boolean; from?: number }): { writes: () => number } {
  const watched = new Set<number>();
  let opened = 0;
  let writes = 0;
  const openSync = fs.openSync;
  const closeSync = fs.closeSync;
  vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: never[]) => {
    const fd = (openSync as (...a: unknown[]) => number)(file, ...rest);
    if (basename(String(file)) === name && ++opened >= from) watched.add(fd);
    return fd;
  }) as never);
  // A closed descriptor's number is given to the next file opened.
  vi.spyOn(fs, 'closeSync').mockImplementation(((fd: number) => {
    watched.delete(fd);
    closeSync(fd);
  }) as never);
  const write = storeFs.writeSync;
  setStoreFs({
    writeSync: (fd, buffer, offset, length, position) => {
      if (watched.has(fd)) {
        writes++;
        if (fail) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      }
      return write(fd, buffer, offset, length, position);
    },
  });
  return { writes: () => writes };
}

const options = (outRoot: string, resume = false): CompareOptions => ({
  scenarios: { base: SMALL_CITY, variants: [SMALL_CITY] },
  outRoot,
  workers: 1,
  resume,
  command: 'test',
  precision: { target: 0.9, outcome: 'live_share', minimum: 10, maximum: 20 },
});

describe('compare --precision: an arm whose folder cannot be written', () => {
  it("releases every arm's folder lock with the error (none is left for the next run to take over as stale)", async () => {
    const out = join(folder(), 'locks');
    watchFiles('summary.csv', { fail: true });
    await expect(executeCompare(options(out))).rejects.toThrow(/summary\.csv.*ENOSPC/);
    vi.restoreAllMocks();
    resetStoreFs();
    // The grown replications stay for --resume, without the locks of the process that grew them.
    const root = join(out, 'small-city-compare');
    const left = filesUnder(root);
    expect(left.filter((f) => f.endsWith('.lock'))).toEqual([]);
    // Each arm's part holds every replication grown (R = 10 here), none left unwritten in the failing process.
    const parts = left.filter((f) => f.endsWith('records.jsonl'));
    expect(parts).toHaveLength(2);
    for (const f of parts) expect(readFileSync(join(root, f), 'utf8').split('\n').filter((l) => l !== ''), f).toHaveLength(10);
  }, 120_000);
});
