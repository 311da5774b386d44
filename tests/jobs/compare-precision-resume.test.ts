/**
 * `compare --precision` interrupted while its arms are written (a full disk), called as a library (src/index.ts
 * exports executeCompare): the arms' folder locks are released with the error, every grown replication is on disk,
 * and `--resume` keeps the arms already written instead of growing them again, giving the bytes of a comparison
 * never interrupted.
 *
 * A write is refused in this process as tests/support/fail-write.mjs refuses it in a child's: the store's writes
 * (store/durable.ts, setStoreFs) to a descriptor on a file of the given name fail with ENOSPC.
 */
import fs, { existsSync, readFileSync, readdirSync } from 'node:fs';
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
 * Watches the files named `name`: every store write to the `from`-th and later such files (in the order their first
 * write comes) fails as on a full disk when `fail`; `writes()` counts the writes to them that were asked for. A
 * write's file is read from its descriptor (/proc/self/fd), not from a spy on fs.openSync: the suite runs files in
 * one process (vitest isolate: false), and a file that mocked node:fs before this one left the store reading another
 * fs object than this file would spy on, so the spy saw no open and no write failed (seen once in a full run).
 */
function watchFiles(name: string, { fail, from = 1 }: { fail: boolean; from?: number }): { writes: () => number } {
  const order = new Map<string, number>();
  let writes = 0;
  const write = storeFs.writeSync;
  setStoreFs({
    writeSync: (fd, buffer, offset, length, position) => {
      let file = '';
      try {
        file = fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        // Not a file descriptor this process can name: not a watched file.
      }
      if (basename(file) === name) {
        if (!order.has(file)) order.set(file, order.size + 1);
        if (order.get(file)! >= from) {
          writes++;
          if (fail) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
        }
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

/** The comparison's hidden `.<key>.growing` folder under an output root. */
function growing(outRoot: string): string {
  const root = join(outRoot, 'small-city-compare');
  const found = readdirSync(root).filter((e) => e.endsWith('.growing'));
  expect(found).toHaveLength(1);
  return join(root, found[0]!);
}

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

  it('--resume keeps the arm written before the failure and runs no replication again: the bytes of a comparison never interrupted', async () => {
    const out = join(folder(), 'resume');
    // The first arm written, the second arm's folder refused (its summary.csv is the second one opened).
    watchFiles('summary.csv', { fail: true, from: 2 });
    await expect(executeCompare(options(out))).rejects.toThrow(/summary\.csv.*ENOSPC/);
    vi.restoreAllMocks();
    resetStoreFs();
    const partial = growing(out);
    expect(readdirSync(join(partial, 'arms'))).toEqual(['base']);
    const base = join(partial, 'arms', 'base');
    const written = filesUnder(base).map((f) => [f, readFileSync(join(base, f))] as const);

    const records = watchFiles('records.jsonl', { fail: false });
    const resumed = await executeCompare(options(out, true));
    // Nothing grown again: the base arm's part was removed once its folder was written, the other arm's part holds R.
    expect(records.writes()).toBe(0);
    expect(existsSync(partial)).toBe(false);
    // The arm written before is kept as it was (its manifest too, with the first run's timings).
    for (const [f, bytes] of written) expect(readFileSync(join(resumed.dir, 'arms', 'base', f)).equals(bytes), f).toBe(true);
    vi.restoreAllMocks();
    resetStoreFs();

    const clean = await executeCompare(options(join(folder(), 'resume-clean')));
    expect(resumed.precision).toEqual(clean.precision);
    expect(resumed.replications).toBe(clean.replications);
    expect(resumed.rows).toEqual(clean.rows);
    expect(basename(resumed.dir)).toBe(basename(clean.dir));
    const files = filesUnder(clean.dir);
    expect(filesUnder(resumed.dir)).toEqual(files);
    for (const f of files.filter((f) => !f.endsWith('manifest.json'))) {
      expect(readFileSync(join(resumed.dir, f)).equals(readFileSync(join(clean.dir, f))), f).toBe(true);
    }
    // The comparison's manifest records what the rule found, as the uninterrupted one does.
    const precisionOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { precision: unknown }).precision;
    expect(precisionOf(resumed.dir)).toEqual(precisionOf(clean.dir));
  }, 120_000);

  it('--resume grows again an arm written before whose files were damaged since (one cell changed): says so, the same bytes', async () => {
    const out = join(folder(), 'damaged-arm');
    watchFiles('summary.csv', { fail: true, from: 2 });
    await expect(executeCompare(options(out))).rejects.toThrow(/summary\.csv.*ENOSPC/);
    vi.restoreAllMocks();
    resetStoreFs();
    const partial = growing(out);
    const outcomes = join(partial, 'arms', 'base', 'outcomes.csv');
    const text = readFileSync(outcomes, 'utf8');
    const changed = text.includes(',sustained') ? text.replace(',sustained', ',discontinued') : text.replace(',discontinued', ',sustained');
    expect(changed).not.toBe(text);
    fs.writeFileSync(outcomes, changed);

    const warnings: string[] = [];
    const resumed = await executeCompare({ ...options(out, true), onWarning: (where, w) => warnings.push(`${where}: ${w}`) });
    const clean = await executeCompare(options(join(folder(), 'damaged-arm-clean')));
    expect(resumed.rows).toEqual(clean.rows);
    for (const f of filesUnder(clean.dir).filter((f) => !f.endsWith('manifest.json'))) {
      expect(readFileSync(join(resumed.dir, f)).equals(readFileSync(join(clean.dir, f))), f).toBe(true);
    }
    expect(warnings).toEqual([
      `${join(partial, 'arms', 'base')}: the arm finished before is damaged (outcomes.csv does not match its checksum in manifest.json (truncated or changed)): it runs again`,
    ]);
  }, 120_000);

  it('--resume does not take the count from an arm whose manifest lost its precision record: says so, grows the arms again, the same bytes', async () => {
    const out = join(folder(), 'damaged');
    watchFiles('compare.csv', { fail: true });
    await expect(executeCompare(options(out))).rejects.toThrow(/compare\.csv.*ENOSPC/);
    vi.restoreAllMocks();
    resetStoreFs();
    const partial = growing(out);
    const manifest = join(partial, 'arms', 'small-city', 'manifest.json');
    const { precision: _dropped, ...rest } = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(manifest, JSON.stringify(rest, null, 2) + '\n');

    const warnings: string[] = [];
    const resumed = await executeCompare({ ...options(out, true), onWarning: (where, w) => warnings.push(`${where}: ${w}`) });
    expect(warnings).toEqual([`${partial}: discarded 2 finished arms whose manifest.json does not record the replication count --precision found: the arms grow again`]);
    const clean = await executeCompare(options(join(folder(), 'damaged-clean')));
    expect(resumed.precision).toEqual(clean.precision);
    for (const f of filesUnder(clean.dir).filter((f) => !f.endsWith('manifest.json'))) {
      expect(readFileSync(join(resumed.dir, f)).equals(readFileSync(join(clean.dir, f))), f).toBe(true);
    }
  }, 120_000);
});
