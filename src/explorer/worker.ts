/// <reference lib="dom" />
/**
 * Web Worker entry of the explorer: runs the replications it is sent with the
 * engine path of `engine.ts` and posts each result as it finishes (the series
 * buffer is transferred, not copied), then a `done` for the chunk.
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
    runJob(message, (result) => scope.postMessage({ type: 'rep', result }, [result.series.buffer]));
    scope.postMessage({ type: 'done', job: message.job });
  } catch (error) {
    scope.postMessage({ type: 'error', job: message.job, message: error instanceof Error ? error.message : String(error) });
  }
};
