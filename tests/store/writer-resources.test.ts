/**
 * Resources of the result-folder writers: a table abandoned on an error
 * leaves no file descriptor open (src/store/csv.ts CsvWriter.abandon, used by
 * run-folder.ts when a chunk or a disk fails), and a thread's chunk of
 * timeseries.csv text is an exact-size copy, so posting it to the main thread
 * copies its text, not the whole grown buffer behind it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { CsvWriter } from '../../src/store/csv.js';
import { PartWriter } from '../../src/store/part-store.js';
import { testPartMeta } from '../support/part-meta.js';
import { timeseriesChunk } from '../../src/store/timeseries-worker.js';

const root = mkdtempSync(join(tmpdir(), 'difusi-writers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const openFds = (): number => readdirSync('/proc/self/fd').length;

it.runIf(existsSync('/proc/self/fd'))('an abandoned table closes its descriptor, and abandoning twice or after close does nothing', () => {
  const before = openFds();
  const writers = Array.from({ length: 5 }, (_, i) => new CsvWriter(join(root, `t${i}.csv`), ['a', 'b']));
  expect(openFds()).toBe(before + 5);
  for (const w of writers) w.abandon();
  expect(openFds()).toBe(before);
  for (const w of writers) w.abandon();
  const closed = new CsvWriter(join(root, 'closed.csv'), ['a']);
  closed.close();
  closed.abandon();
  expect(openFds()).toBe(before);
});

it('a chunk of timeseries text owns exactly its bytes', () => {
  const months = 3;
  const meta = testPartMeta({ replications: 4, months, metrics: ['x', 'y'] });
  const dir = join(root, 'part');
  const w = PartWriter.open(dir, meta, false);
  for (let r = 0; r < 4; r++) w.append({ replication: r, series: Float64Array.from({ length: months * 2 }, (_, i) => (i + r) / 7), outcomes: [] } as never);
  w.close();
  const bytes = timeseriesChunk(
    { dirs: [dir], partOf: new Int32Array(4), offsets: Float64Array.from([0, 1, 2, 3], (r) => r * months * 2 * 8), metrics: 2, dates: ['2020-01', '2020-02', '2020-03'] },
    { from: 0, to: 4 },
  );
  const text = Buffer.from(bytes).toString('latin1');
  expect(text.split('\n').filter(Boolean)).toHaveLength(4 * months);
  expect(bytes.byteOffset).toBe(0);
  expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
});
