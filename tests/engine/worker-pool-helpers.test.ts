/**
 * The in-process halves of the worker pool (src/engine/worker-pool.ts):
 * where a worker module is found (under dist/ when the caller is a
 * TypeScript source, beside it when compiled) and the worker-side `batched`
 * wrapper (a block of tasks run in order, one result per task; a single
 * task as before). No thread is started here.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { batched, bundledWorkerFile, workerFile } from '../../src/engine/worker-pool.js';

describe('workerFile', () => {
  const root = path.resolve('/tmp/difusi-root');
  it('maps a TypeScript source under src/ to the same module under dist/', () => {
    const caller = pathToFileURL(path.join(root, 'src', 'jobs', 'run.ts')).href;
    expect(workerFile(caller, 'worker.js')).toBe(path.join(root, 'dist', 'src', 'jobs', 'worker.js'));
    const deeper = pathToFileURL(path.join(root, 'src', 'model', 'national', 'x.ts')).href;
    expect(workerFile(deeper, 'w.js')).toBe(path.join(root, 'dist', 'src', 'model', 'national', 'w.js'));
  });

  it('takes the last src/ of the path as the source root (a checkout under another src/ folder)', () => {
    const nested = path.join('/tmp', 'src', 'checkout');
    const caller = pathToFileURL(path.join(nested, 'src', 'jobs', 'run.ts')).href;
    expect(workerFile(caller, 'worker.js')).toBe(path.join(nested, 'dist', 'src', 'jobs', 'worker.js'));
  });

  it('finds a compiled caller\'s worker beside it', () => {
    const caller = pathToFileURL(path.join(root, 'dist', 'src', 'jobs', 'run.js')).href;
    expect(workerFile(caller, 'worker.js')).toBe(path.join(root, 'dist', 'src', 'jobs', 'worker.js'));
  });
});

describe('bundledWorkerFile', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  /** A build folder with the compiled worker, tsc's build info, the bundle and its stamp, each written at the time given (s). */
  const build = (times: { worker: number; info: number; stamp?: number; bundle?: boolean; model?: number; chunks?: boolean }) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'difusi-bundled-'));
    made.push(root);
    const file = (rel: string, time: number) => {
      const p = path.join(root, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, '');
      utimesSync(p, time, time);
    };
    file('dist/src/experiment/worker.js', times.worker);
    file('dist/tsconfig.build.tsbuildinfo', times.info);
    if (times.stamp !== undefined) file('dist/cli/build-stamp.json', times.stamp);
    if (times.bundle !== false) file('dist/cli/replicate-worker.js', times.stamp ?? 1_000_000);
    // A module the bundle holds besides the worker, as chunks.json lists it.
    file('dist/src/model/step.js', times.model ?? times.worker);
    if (times.chunks !== false) {
      const list = { 'replicate-worker.js': ['node_modules/seedrandom/index.js', 'dist/src/model/step.js', 'dist/src/experiment/worker.js'] };
      writeFileSync(path.join(root, 'dist', 'cli', 'chunks.json'), JSON.stringify(list));
    }
    const caller = pathToFileURL(path.join(root, 'dist', 'src', 'experiment', 'replicate.js')).href;
    return {
      chosen: bundledWorkerFile(caller, 'worker.js', 'replicate-worker.js'),
      compiled: path.join(root, 'dist', 'src', 'experiment', 'worker.js'),
      bundle: path.join(root, 'dist', 'cli', 'replicate-worker.js'),
    };
  };

  it('takes the bundle when it was written at or after tsc last wrote dist/', () => {
    const later = build({ worker: 1_000_000, info: 1_000_000, stamp: 1_000_010 });
    expect(later.chosen).toBe(later.bundle);
    const same = build({ worker: 1_000_000, info: 1_000_000, stamp: 1_000_000 });
    expect(same.chosen).toBe(same.bundle);
  });

  it('takes the compiled module when tsc wrote it, or its build info, after the bundle (a stale bundle never runs)', () => {
    const newerModule = build({ worker: 1_000_020, info: 1_000_000, stamp: 1_000_010 });
    expect(newerModule.chosen).toBe(newerModule.compiled);
    const newerInfo = build({ worker: 1_000_000, info: 1_000_020, stamp: 1_000_010 });
    expect(newerInfo.chosen).toBe(newerInfo.compiled);
  });

  it('takes the compiled module when any module the bundle holds is newer than it (tsc -w rewrites only what changed, and no build info)', () => {
    const newerInput = build({ worker: 1_000_000, info: 1_000_000, stamp: 1_000_010, model: 1_000_020 });
    expect(newerInput.chosen).toBe(newerInput.compiled);
    const olderInput = build({ worker: 1_000_000, info: 1_000_000, stamp: 1_000_010, model: 1_000_005 });
    expect(olderInput.chosen).toBe(olderInput.bundle);
  });

  it('takes the compiled module when the list of what the bundle holds is missing', () => {
    const noList = build({ worker: 1_000_000, info: 1_000_000, stamp: 1_000_010, chunks: false });
    expect(noList.chosen).toBe(noList.compiled);
  });

  it('this build (the suite runs on a current one) gives replicate() its bundle, dist/cli/replicate-worker.js', () => {
    const caller = pathToFileURL(path.resolve('src', 'experiment', 'replicate.ts')).href;
    expect(bundledWorkerFile(caller, 'worker.js', 'replicate-worker.js')).toBe(path.resolve('dist', 'cli', 'replicate-worker.js'));
  });

  it('takes the compiled module when there is no bundle or no stamp', () => {
    const noBundle = build({ worker: 1_000_000, info: 1_000_000, stamp: 1_000_010, bundle: false });
    expect(noBundle.chosen).toBe(noBundle.compiled);
    const noStamp = build({ worker: 1_000_000, info: 1_000_000 });
    expect(noStamp.chosen).toBe(noStamp.compiled);
  });
});

describe('batched', () => {
  it('runs every task of a block in order and returns one result per task; a single task gives its result', () => {
    const seen: number[] = [];
    const run = batched((t: number) => {
      seen.push(t);
      return t * 10 + 1;
    });
    expect(run({ batch: [3, 1, 2] })).toEqual([31, 11, 21]);
    expect(seen).toEqual([3, 1, 2]);
    expect(run(7)).toBe(71);
    expect(run({ batch: [] })).toEqual([]);
    expect(seen).toEqual([3, 1, 2, 7]);
  });

  it('treats only an object with a `batch` array as a block', () => {
    const echo = batched((t: unknown) => ({ got: t }));
    expect(echo({ batch: 'no' } as never)).toEqual({ got: { batch: 'no' } });
    expect(echo(null as never)).toEqual({ got: null });
    expect(echo({ other: [1] } as never)).toEqual({ got: { other: [1] } });
  });
});
