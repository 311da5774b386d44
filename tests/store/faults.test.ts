/**
 * Fault injection in the store (issue #15): short writes, a full disk,
 * truncation and corruption at random offsets of a part's files. Every
 * outcome must be either the exact bytes of a clean write or a user error
 * naming what to rerun; never other numbers.
 *
 * The parts here hold synthetic replications (deterministic values from the
 * replication index), so each case takes milliseconds and fast-check can try
 * many offsets; tests/store/kill.test.ts does the same with real runs.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { UserError, warningText } from '../../src/messages/catalog.js';
import type { ReplicationResult } from '../../src/model/simulate.js';
import { resetStoreFs, setStoreFs, storeFs } from '../../src/store/durable.js';
import { PART_FORMAT, PartWriter, type PartMeta } from '../../src/store/part-store.js';
import { DATA_FILES, writeRunFolder } from '../../src/store/run-folder.js';
import { buildDesign } from '../../src/experiment/design.js';
import type { DesignSpec } from '../../src/experiment/spec.js';
import { ishigami } from '../../src/experiment/stats/index.js';
import { executeDesignJob, mergeSweepShards, type DesignJob } from '../../src/jobs/sweep.js';
import { userError } from '../support/errors.js';

const tmp = mkdtempSync(join(tmpdir(), 'difusi-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => resetStoreFs());

const R = 12;
const MONTHS = 6;
const METRICS = ['live', 'aware', 'live_share'];

function meta(shard = { index: 0, count: 1 }): PartMeta {
  return {
    format: PART_FORMAT,
    tool_version: 'test',
    scenario_name: 'synthetic',
    scenario_hash: 'sha256:test',
    seed: 1,
    replications: R,
    detail_replications: 2,
    shard,
    months: MONTHS,
    metrics: METRICS,
    start: '2020-01',
    scenario: { name: 'synthetic' },
    scenario_file: 'synthetic.yaml',
    info: '',
  };
}

/** Replication r: values that differ by replication, month and metric (so a swapped or zeroed record changes the output). */
function result(r: number): ReplicationResult {
  const series = new Float64Array(MONTHS * METRICS.length);
  for (let i = 0; i < series.length; i++) series[i] = ((r + 1) * 7919 + i * 104729) % 1000 / 997;
  return {
    replication: r,
    series,
    outcomes: [
      {
        innovation: 'e-office',
        outcome: r % 3 === 0 ? 'sustained' : 'discontinued',
        peak_live: r + 3,
        live_end: r % 4,
        first_adoption_month: 2,
        last_discontinuation_month: r % 2 === 0 ? null : 5,
        main_cause: r % 2 === 0 ? null : 'pilot_end',
        heeks_success: 1,
        heeks_partial: 0,
        heeks_failure: r % 2,
        heeks_replaced: 0,
      },
    ],
    agents: r < 2 ? [{ opd: 'a', type: 'dinas', theta: 0.3, category: 'innovator', capacity: 0.5, champion: true, first_adoption_month: 2, realized_category: 'innovator' }] as unknown as ReplicationResult['agents'] : null,
    events: r < 2 ? [{ month: 2, kind: 'adoption', opd: 'a', innovation: 'e-office', loop: '', cause: '' }] : null,
  };
}

let counter = 0;
function fresh(name: string): string {
  return join(tmp, `${name}-${counter++}`);
}

/** Writes a part with replications `rs` (in that order). */
function writePart(dir: string, rs: readonly number[], resume = false, m = meta()): PartWriter {
  const w = PartWriter.open(dir, m, resume);
  try {
    for (const r of rs) if (!w.done.has(r)) w.append(result(r));
  } finally {
    w.close();
  }
  return w;
}

const ALL = Array.from({ length: R }, (_, r) => r);

function folderBytes(dir: string): Record<string, string> {
  return Object.fromEntries(DATA_FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** The result folder of a clean part, for comparison. */
const clean = (() => {
  const part = fresh('clean-part');
  writePart(part, ALL);
  const out = fresh('clean-out');
  writeRunFolder([part], out, { kind: 'run', scenario: {} });
  return folderBytes(out);
})();

/** Resumes a part (as `run --resume` does), completes it and writes its folder. */
function resumeAndWrite(part: string): { bytes: Record<string, string>; notes: string[] } {
  const w = writePart(part, ALL, true);
  const out = fresh('out');
  writeRunFolder([part], out, { kind: 'run', scenario: {} });
  // The notes are warnings (messages/catalog.ts), worded as a command without --lang id says them.
  return { bytes: folderBytes(out), notes: w.notes.map(warningText) };
}

describe('writes', () => {
  it('a short write is continued until every byte is written', () => {
    const real = storeFs.writeSync;
    let calls = 0;
    setStoreFs({
      writeSync: (fd, buffer, offset, length, position) => {
        calls++;
        return real(fd, buffer, offset, Math.min(length, 5), position);
      },
    });
    const part = fresh('short');
    writePart(part, ALL);
    resetStoreFs();
    const out = fresh('short-out');
    writeRunFolder([part], out, { kind: 'run', scenario: {} });
    expect(calls).toBeGreaterThan(R * 10); // the writes really were short
    expect(folderBytes(out)).toEqual(clean);
  });

  it('a full disk (ENOSPC) is a one-line user error; --resume afterwards gives the clean bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.boolean(), (failAt, shortFirst) => {
        const real = storeFs.writeSync;
        let calls = 0;
        setStoreFs({
          writeSync: (fd, buffer, offset, length, position) => {
            calls++;
            if (calls === failAt && shortFirst && length > 1) return real(fd, buffer, offset, Math.floor(length / 2), position);
            if (calls >= failAt + (shortFirst ? 1 : 0)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            return real(fd, buffer, offset, length, position);
          },
        });
        const part = fresh('enospc');
        let error: unknown;
        try {
          writePart(part, ALL);
        } catch (e) {
          error = e;
        }
        resetStoreFs();
        if (error !== undefined) {
          expect(error).toBeInstanceOf(UserError);
          expect((error as UserError).issues[0]!.code).toBe('write_failed');
          expect((error as UserError).message).toMatch(/ENOSPC.*--resume/);
          expect((error as UserError).message.split('\n')).toHaveLength(1);
        }
        expect(resumeAndWrite(part).bytes).toEqual(clean);
      }),
      { numRuns: 25, seed: 15 },
    );
  });

  it('a failing fsync is a user error, and what it left resumes to the clean bytes', () => {
    setStoreFs({ fsyncSync: () => { throw Object.assign(new Error('EIO'), { code: 'EIO' }); } });
    const part = fresh('fsync');
    expect(() => writePart(part, ALL)).toThrow(UserError);
    resetStoreFs();
    expect(resumeAndWrite(part).bytes).toEqual(clean);
  });
});

describe('resume after damage', () => {
  const complete = () => {
    const part = fresh('part');
    writePart(part, ALL);
    return part;
  };

  it('series.bin cut at any offset: resume reruns what is missing, never extends the file with zeros', () => {
    const size = MONTHS * METRICS.length * 8 * R;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: size - 1 }), (cut) => {
        const part = complete();
        truncateSync(join(part, 'series.bin'), cut);
        const { bytes, notes } = resumeAndWrite(part);
        expect(bytes).toEqual(clean);
        expect(notes.join(' ')).toMatch(/dropped/);
      }),
      { numRuns: 30, seed: 1 },
    );
  });

  it('records.jsonl cut at any offset: the same', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (at) => {
        const part = complete();
        const file = join(part, 'records.jsonl');
        truncateSync(file, Math.floor(statSync(file).size * at));
        expect(resumeAndWrite(part).bytes).toEqual(clean);
      }),
      { numRuns: 30, seed: 2 },
    );
  });

  it('a byte changed anywhere in series.bin or records.jsonl: the damaged replication runs again', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 1, max: 255 }), (series, at, xor) => {
        const part = complete();
        const file = join(part, series ? 'series.bin' : 'records.jsonl');
        const bytes = readFileSync(file);
        const i = Math.floor(bytes.length * at);
        bytes[i] = bytes[i]! ^ xor;
        writeFileSync(file, bytes);
        expect(resumeAndWrite(part).bytes).toEqual(clean);
      }),
      { numRuns: 40, seed: 3 },
    );
  });

  it('the issue case: a short series record followed by a complete line (old behaviour) is dropped on resume', () => {
    const part = complete();
    // A record line whose series data was never written: it points past the end.
    const size = statSync(join(part, 'series.bin')).size;
    truncateSync(join(part, 'series.bin'), size - 100);
    const { bytes } = resumeAndWrite(part);
    expect(bytes).toEqual(clean);
  });

  it('part.json deleted: --resume rebuilds it and keeps the finished replications, and says so', () => {
    const part = complete();
    unlinkSync(join(part, 'part.json'));
    let appended = 0;
    const w = PartWriter.open(part, meta(), true);
    for (const r of ALL) if (!w.done.has(r)) (w.append(result(r)), appended++);
    w.close();
    expect(appended).toBe(0);
    expect(w.notes.map(warningText).join(' ')).toMatch(/part\.json was missing: rebuilt/);
    const out = fresh('out');
    writeRunFolder([part], out, { kind: 'run', scenario: {} });
    expect(folderBytes(out)).toEqual(clean);
  });

  it('without --resume, discarding an interrupted part is said, not silent', () => {
    const part = fresh('interrupted');
    writePart(part, [0, 1, 2]);
    const w = PartWriter.open(part, meta(), false);
    w.close();
    expect(w.notes.map(warningText).join(' ')).toMatch(/discarding 3 replications/);
  });
});

describe('merge of damaged shards', () => {
  const shards = () => {
    const dirs = [0, 1, 2].map((i) => {
      const dir = fresh(`shard-${i}`);
      writePart(dir, ALL.filter((r) => r % 3 === i), false, meta({ index: i, count: 3 }));
      return dir;
    });
    return dirs;
  };

  it('clean shards merge to the bytes of one part', () => {
    const out = fresh('merged');
    writeRunFolder(shards(), out, { kind: 'run', scenario: {} });
    expect(folderBytes(out)).toEqual(clean);
  });

  it('any truncation or changed byte: either the clean bytes or an error naming the shard to rerun', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('series.bin', 'records.jsonl'),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.integer({ min: 1, max: 255 }),
        (shard, name, cut, at, xor) => {
          const dirs = shards();
          const file = join(dirs[shard]!, name);
          const bytes = readFileSync(file);
          const i = Math.floor(bytes.length * at);
          if (cut) truncateSync(file, i);
          else {
            bytes[i] = bytes[i]! ^ xor;
            writeFileSync(file, bytes);
          }
          const out = fresh('merged');
          let error: unknown;
          try {
            writeRunFolder(dirs, out, { kind: 'run', scenario: {} });
          } catch (e) {
            error = e;
          }
          if (error === undefined) {
            expect(folderBytes(out)).toEqual(clean);
            return;
          }
          expect(error).toBeInstanceOf(UserError);
          const message = (error as UserError).message;
          expect(message.split('\n')).toHaveLength(1);
          expect(message).toContain(`${shard}/3`);
          expect(existsSync(out)).toBe(false);
        },
      ),
      { numRuns: 60, seed: 4 },
    );
  });
});

describe('leftovers', () => {
  it('a record line without its data (a torn append) is never counted as done', () => {
    const part = fresh('torn');
    writePart(part, [0, 1]);
    appendFileSync(join(part, 'records.jsonl'), '{"r":2,"offset":');
    const w = PartWriter.open(part, meta(), true);
    expect([...w.done].sort()).toEqual([0, 1]);
    w.close();
    expect(readdirSync(part).sort()).toEqual(['part.json', 'records.jsonl', 'series.bin']);
  });
});

describe('sweep and sensitivity parts', () => {
  const PI = Math.PI;
  const job = (): DesignJob => {
    const design: DesignSpec = { method: 'lhs', points: 12, factors: ['x1', 'x2', 'x3'].map((name) => ({ name, min: -PI, max: PI, integer: false })) };
    return {
      kind: 'sweep',
      name: 'ishigami',
      plan: buildDesign(design, 7),
      replications: 2,
      seed: 7,
      outcomes: [{ name: 'y', kind: 'metric' }],
      identity: 'ishigami',
      manifest: { kind: 'sweep', scenario: { name: 'ishigami' } },
      task: () => {
        throw new Error('a stand-in has no model task');
      },
      evaluate: (x, r) => Float64Array.of(ishigami(x) + r),
    };
  };
  const sweepBytes = (dir: string) => Object.fromEntries(['sweep.csv', 'sweep_summary.csv'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  // The clean sweep's bytes, which the tests below compare with: made once, by whichever test needs them first (the
  // tests may run in any order), and its error, if it fails, given again to each of them.
  let reference: Promise<Record<string, string>> | undefined;
  const cleanSweep = () => (reference ??= executeDesignJob(job(), { outRoot: fresh('sweep-clean'), workers: 1, command: 'test' }).then((r) => sweepBytes(r.dir)));

  it('a clean sweep, for reference', async () => {
    await cleanSweep();
  });

  it('an interrupted sweep part with a changed byte or a cut: --resume reruns what is damaged, same bytes', async () => {
    const cases = fc.sample(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 1, max: 255 })), { numRuns: 12, seed: 5 });
    for (const [cut, at, xor] of cases) {
      const root = fresh('sweep-resume');
      await expect(
        executeDesignJob(job(), {
          outRoot: root,
          workers: 1,
          command: 'test',
          onProgress: (done) => {
            if (done >= 15) throw new Error('interrupted');
          },
        }),
      ).rejects.toThrow('interrupted');
      const base = join(root, 'ishigami');
      const partial = readdirSync(base).find((d) => d.endsWith('.partial'))!;
      const file = join(base, partial, 'values.bin');
      const bytes = readFileSync(file);
      const i = Math.floor(bytes.length * at);
      if (cut) truncateSync(file, i);
      else {
        bytes[i] = bytes[i]! ^ xor;
        writeFileSync(file, bytes);
      }
      const r = await executeDesignJob(job(), { outRoot: root, workers: 1, command: 'test', resume: true });
      expect(sweepBytes(r.dir)).toEqual(await cleanSweep());
    }
  });

  it('sweep-part.json deleted: --resume rebuilds it and keeps the finished design runs', async () => {
    const root = fresh('sweep-meta');
    await expect(
      executeDesignJob(job(), { outRoot: root, workers: 1, command: 'test', onProgress: (done) => {
        if (done >= 10) throw new Error('interrupted');
      } }),
    ).rejects.toThrow('interrupted');
    const base = join(root, 'ishigami');
    const partial = readdirSync(base).find((d) => d.endsWith('.partial'))!;
    unlinkSync(join(base, partial, 'sweep-part.json'));
    const r = await executeDesignJob(job(), { outRoot: root, workers: 1, command: 'test', resume: true });
    expect(r.resumed).toBeGreaterThanOrEqual(10);
    expect(sweepBytes(r.dir)).toEqual(await cleanSweep());
  });

  it('without --resume, discarding an interrupted sweep part is said, not silent (as for a run); same bytes', async () => {
    const root = fresh('sweep-discard');
    await expect(
      executeDesignJob(job(), { outRoot: root, workers: 1, command: 'test', onProgress: (done) => {
        if (done >= 10) throw new Error('interrupted');
      } }),
    ).rejects.toThrow('interrupted');
    const said: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (said.push(String(chunk)), true));
    let r;
    try {
      r = await executeDesignJob(job(), { outRoot: root, workers: 1, command: 'test' });
    } finally {
      spy.mockRestore();
    }
    expect(said.join('')).toMatch(/discarding \d+ design runs of an interrupted earlier sweep in .*\.partial \(--resume keeps them\)/);
    expect(sweepBytes(r.dir)).toEqual(await cleanSweep());
  });

  it('a damaged shard: merge names the shard to rerun; after rerunning it, the clean bytes', async () => {
    const root = fresh('sweep-shards');
    const dirs: string[] = [];
    for (let i = 0; i < 2; i++) dirs.push((await executeDesignJob(job(), { outRoot: root, workers: 1, command: 'test', shard: { index: i, count: 2 } })).dir);
    const file = join(dirs[1]!, 'values.bin');
    const bytes = readFileSync(file);
    bytes[50] = bytes[50]! ^ 1;
    writeFileSync(file, bytes);
    const e = userError(() => mergeSweepShards(dirs, root, 'test'));
    expect(e.message).toMatch(/damaged: record \d+ of values\.bin does not match its checksum; run shard 1\/2 again/);
    await executeDesignJob(job(), { outRoot: root, workers: 1, command: 'test', shard: { index: 1, count: 2 } });
    expect(sweepBytes(mergeSweepShards(dirs, root, 'test'))).toEqual(await cleanSweep());
  });
});
