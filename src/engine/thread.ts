/**
 * Entry of a worker thread that `runOnPool` starts itself (its `here` mode,
 * engine/worker-pool.ts), without piscina: a thread that starts with only
 * this module and the task module to load, and a main thread that does not
 * load piscina's pool either.
 *
 * Protocol (messages from the main thread, in order):
 *   { module }               the task module's URL: imported once; its default
 *                            export runs a block (`batched`, engine/batch.ts)
 *   { id, batch }            a block of tasks; answered { id, results } or
 *                            { id, error } when the block threw
 * The thread's workerData is the pool's, as piscina gives it, so a task
 * module reads it the same way under either.
 */
import { parentPort } from 'node:worker_threads';
import type { TaskBatch } from './batch.js';

type RunBlock = (task: TaskBatch<unknown>) => unknown[] | Promise<unknown[]>;

export interface ThreadRequest {
  readonly module?: string;
  readonly id?: number;
  readonly batch?: readonly unknown[];
}

export type ThreadReply = { readonly id: number; readonly results: unknown[] } | { readonly id: number; readonly error: unknown };

const port = parentPort;
if (port === null) throw new Error('engine/thread.js runs in a worker thread only');

let run: Promise<RunBlock> | undefined;

port.on('message', (message: ThreadRequest) => {
  if (message.module !== undefined) {
    run = import(message.module).then((m: { default: RunBlock }) => m.default);
    // A module that fails to load fails the first block (its error is the reply).
    run.catch(() => {});
    return;
  }
  const id = message.id!;
  const block = { batch: message.batch ?? [] };
  void (async () => {
    let reply: ThreadReply;
    try {
      if (run === undefined) throw new Error('engine/thread.js: a block came before its module');
      reply = { id, results: await (await run)(block) };
    } catch (error) {
      reply = { id, error };
    }
    port.postMessage(reply);
  })();
});
