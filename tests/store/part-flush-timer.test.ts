/**
 * The part store's time bound on what a crash can lose (src/store/part-store.ts
 * FLUSH_MS, docs/RELIABILITY.md): record lines waiting in memory reach the
 * disk within about FLUSH_MS even when no further replication arrives (a run
 * waiting for slow replications), not only at the next append or at close.
 * A store that flushed only inside append() keeps them in memory: 0 lines.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PartWriter } from '../../src/store/part-store.js';
import { testPartMeta } from '../support/part-meta.js';

const root = mkdtempSync(join(tmpdir(), 'difusi-flush-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const meta = testPartMeta();

const linesOnDisk = (dir: string): number => readFileSync(join(dir, 'records.jsonl'), 'utf8').split('\n').filter(Boolean).length;

it('flushes waiting record lines by the time bound, with no further append', async () => {
  const dir = join(root, 'part');
  const w = PartWriter.open(dir, meta, false);
  for (let r = 0; r < 40; r++) w.append({ replication: r, series: new Float64Array([r, r]), outcomes: [] } as never);
  // The first append may flush (the bound counts from opening); most lines wait.
  expect(linesOnDisk(dir)).toBeLessThan(40);
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(linesOnDisk(dir)).toBe(40);
  w.close();
  expect(linesOnDisk(dir)).toBe(40);
});
