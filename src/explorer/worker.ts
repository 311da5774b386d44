/// <reference lib="dom" />
/**
 * Web Worker entry of the explorer: runs the replications it is sent with the
 * engine path of `engine.ts` and posts each result as it finishes, then a
 * `done` for the chunk. The series is copied, not transferred: detaching an
 * ArrayBuffer invalidates V8's ArrayBufferDetaching protector for the whole
 * worker, which discards its optimized model code and leaves slower typed-array
 * access behind; in Node's V8, 1,000 Bekasi replications took about 15 % longer
 * with the transfer (bench/explorer-transfer.ts, docs/PERFORMANCE.md).
 * Bundled by scripts/build-explorer.mjs into a string that the page starts
 * from a blob: URL, so the explorer needs no server.
 */
import { runJob, type JobMessage } from './engine.js';

/** The worker's global scope, typed with the DOM library (the webworker library conflicts with it). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<JobMessage>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

scope.onmessage = (event: MessageEvent<JobMessage>) => {
  const message = event.data;
  try {
    runJob(message, (result) => scope.postMessage({ type: 'rep', result }));
    scope.postMessage({ type: 'done', job: message.job });
  } catch (error) {
    scope.postMessage({ type: 'error', job: message.job, message: error instanceof Error ? error.message : String(error) });
  }
};
