/**
 * No replication run invalidates one of V8's protectors. A protector is a
 * process-wide promise the optimizing compiler builds on (no ArrayBuffer was
 * ever detached, Array.prototype was never patched, ...); the first time
 * one breaks in a thread, V8 discards every optimized function that relied
 * on it, and what is compiled afterwards carries the extra checks. One
 * ArrayBuffer handed over with a message (a transfer list) is enough:
 * it discarded the whole model's code in the worker thread that sent it
 * (docs/performance-history.md, "Threads: Bekasi on two cores"). Node's
 * `--trace-protector-invalidation` names each invalidation as it happens,
 * in every thread of the process; this runs `replicate()` on two threads
 * (this one and one worker) with it and expects none.
 *
 * The run loads the build (dist/); `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, assertBuilt } from '../support/cli.js';

describe('V8 protectors', () => {
  it('replicate() on two threads invalidates none', () => {
    assertBuilt();
    const dist = (p: string) => JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'src', p)).href);
    const script = `
      const { readScenarioFile } = await import(${dist('store/scenario-file.js')});
      const { replicate } = await import(${dist('experiment/replicate.js')});
      const { scenario, hash } = readScenarioFile(${JSON.stringify(path.join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'))});
      let done = 0;
      await replicate({ scenario, hash, seed: scenario.seed, indices: Array.from({ length: 48 }, (_, r) => r),
        detailReplications: 2, workers: 2, formatTimeseries: true, onResult: () => done++ });
      console.log('replications ' + done);
    `;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'difusi-protectors-'));
    const file = path.join(dir, 'run.mjs');
    fs.writeFileSync(file, script);
    const res = spawnSync(process.execPath, ['--trace-protector-invalidation', file], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('replications 48');
    const invalidated = `${res.stdout}\n${res.stderr}`.split('\n').filter((l) => /protector/i.test(l));
    expect(invalidated).toEqual([]);
  }, 60_000);
});
