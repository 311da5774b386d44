/**
 * Entry of a worker thread that `runOnPool` starts itself (its `here` mode,
 * engine/worker-pool.ts), without piscina: a thread that starts with only
 * this module and the task module to load, and a main thread that does not
 * load piscina's pool either.
 *
 * Protocol (messages from the main thread, in order):
 *   { module, data }         the task module's URL, imported once (its default
 *                            export runs a block: `batched`, engine/batch.ts),
 *                            and the run's data for every task (`threadData`)
 *   { id, batch }            a block of tasks; answered { id, results } or
 *                            { id, error } when the block threw
 * The module comes by message, not at start, so that a thread can be
 * started before the run is known (`prestartThreads`).
 */
import { parentPort } from 'node:worker_threads';
import { setThreadData, type TaskBatch } from './batch.js';

type RunBlock = (task: TaskBatch<unknown>) => unknown[] | Promise<unknown[]>;

export interface ThreadRequest {
  readonly module?: string;
  readonly data?: unknown;
  readonly id?: number;
  readonly batch?: readonly unknown[];
}

export type ThreadReply = { readonly id: number; readonly results: unknown[] } | { readonly id: number; readonly error: unknown };

const port = parentPort;
if (port === null) throw new Error('engine/thread.js runs in a worker thread only');

let run: Promise<RunBlock> | undefined;

port.on('message', (message: ThreadRequest) => {
  if (message.module !== undefined) {
    setThreadData(message.data);
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
