/**
 * Worker-thread entry of `writeRunFolderAsync` (store/run-folder.ts): the
 * timeseries.csv rows of a range of replications, read from the parts'
 * series.bin files and formatted by the same `timeseriesBytes` the main
 * thread uses, so the file has the same bytes whichever thread formatted a
 * row. The main thread has indexed the parts and verifies every record
 * before it writes any of this text.
 *
 * A small module: a thread that loads it (or a warm thread of the run that
 * is handed it, engine/worker-pool.ts `helperThread`) loads only the
 * formatter besides.
 */
import fs from 'node:fs';
import path from 'node:path';
import { batched, threadData, type TaskBatch } from '../engine/batch.js';
import { RowBytes, timeseriesBytes } from './timeseries-text.js';

/** What the thread gets once: where each replication's series is, and the table's shape. */
export interface TimeseriesJob {
  /** The part folders. */
  readonly dirs: readonly string[];
  /** Replication r's part, as an index into `dirs`. */
  readonly partOf: Int32Array;
  /** Replication r's byte offset in its part's series.bin. */
  readonly offsets: Float64Array;
  readonly metrics: number;
  /** The YYYY-MM date of each month. */
  readonly dates: readonly string[];
}

/** The rows of replications `from` to `to` - 1. */
export interface TimeseriesChunk {
  readonly from: number;
  readonly to: number;
}

export function timeseriesChunk(job: TimeseriesJob, chunk: TimeseriesChunk): Uint8Array {
  const record = new Float64Array(job.dates.length * job.metrics);
  const bytes = new Uint8Array(record.buffer);
  const fds = new Map<number, number>();
  // The chunk's text as bytes (rows are ASCII: digits, signs, points, commas,
  // dates), each cell copied as it is formatted: a text of a few megabytes
  // built as one string would be a tree of a million small strings that the
  // garbage collector copies again and again.
  const out = new RowBytes();
  try {
    for (let r = chunk.from; r < chunk.to; r++) {
      const part = job.partOf[r]!;
      let fd = fds.get(part);
      if (fd === undefined) {
        fd = fs.openSync(path.join(job.dirs[part]!, 'series.bin'), 'r');
        fds.set(part, fd);
      }
      const at = job.offsets[r]!;
      for (let done = 0; done < bytes.length; ) {
        const n = fs.readSync(fd, bytes, done, bytes.length - done, at + done);
        if (n <= 0) throw new Error(`${path.join(job.dirs[part]!, 'series.bin')}: replication ${r} ends early`);
        done += n;
      }
      timeseriesBytes(out, r, job.dates, job.metrics, record);
    }
    // An exact copy: a view would send its whole grown buffer to the main thread.
    return out.view().slice();
  } finally {
    // Closed after every chunk: the part folder is removed once the result is written.
    for (const fd of fds.values()) fs.closeSync(fd);
  }
}

const runBlock = batched((chunk: TimeseriesChunk) => timeseriesChunk(threadData<TimeseriesJob>(), chunk));

export default function (task: TimeseriesChunk | TaskBatch<TimeseriesChunk>): Uint8Array | Uint8Array[] {
  return runBlock(task);
}
