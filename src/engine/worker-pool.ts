/**
 * Worker threads for `replicate()`, `runUnits()` and national runs: the
 * compiled worker module to load, and a pool that keeps a bounded window of
 * tasks in flight and hands each result on as it finishes (in any order).
 * With `here` (this thread computes too: replicate(), runUnits()) the
 * threads are plain worker threads (engine/thread.ts); without it, a
 * piscina pool.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { ThreadReply, ThreadRequest } from './thread.js';

/**
 * The compiled worker module `name` (e.g. 'worker.js') beside the caller
 * (`callerUrl` is the caller's `import.meta.url`). Tests run from TypeScript
 * sources; workers need the build, so from a `.ts` source this is the same
 * module under `dist/`.
 */
export function workerFile(callerUrl: string, name: string): string {
  const caller = fileURLToPath(callerUrl);
  if (caller.endsWith('.ts')) {
    const srcDir = path.dirname(caller);
    const root = path.resolve(srcDir.slice(0, srcDir.lastIndexOf(`${path.sep}src`)));
    return path.join(root, 'dist', path.relative(root, srcDir), name);
  }
  return path.join(path.dirname(caller), name);
}

/** Modification time in ms, or undefined for a missing file. */
function modified(file: string): number | undefined {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs;
}

/**
 * The compiled worker module `name` (`workerFile`), or its bundle `bundle`
 * in dist/cli/ (the module and what it imports in one file, written by
 * scripts/build-cli.mjs; a thread loads it faster than the separate
 * modules) while the bundle is current: written at or after tsc last wrote
 * dist/ (the compiled module and tsc's build info), the rule
 * bin/difusi.mjs applies to the command line's bundle, so that a stale
 * bundle never runs in place of newer code. Both are the same JavaScript.
 */
export function bundledWorkerFile(callerUrl: string, name: string, bundle: string): string {
  const file = workerFile(callerUrl, name);
  // file is dist/src/<folder>/<name>.
  const src = path.dirname(path.dirname(file));
  if (path.basename(src) !== 'src') return file;
  const dist = path.dirname(src);
  const bundled = path.join(dist, 'cli', bundle);
  const stamp = modified(path.join(dist, 'cli', 'build-stamp.json'));
  if (stamp === undefined || modified(bundled) === undefined) return file;
  // Every compiled module the bundle holds (dist/cli/chunks.json, written with it) counts, not
  // only the worker's own file: `tsc -w` rewrites just the modules that changed and no build
  // info, and a bundle older than one of them would give other results than this thread's
  // modules. Without that list the bundle is not trusted.
  const inputs = bundleInputs(path.join(dist, 'cli', 'chunks.json'), bundle);
  if (inputs === undefined) return file;
  const root = path.dirname(dist);
  let compiled = Math.max(modified(file) ?? 0, modified(path.join(dist, 'tsconfig.build.tsbuildinfo')) ?? 0);
  for (const rel of inputs) if (rel.startsWith('dist/')) compiled = Math.max(compiled, modified(path.join(root, rel)) ?? Infinity);
  return stamp >= compiled ? bundled : file;
}

/** The files the bundle `bundle` was made from, as chunks.json lists them (paths from the package root), or undefined. */
function bundleInputs(chunksFile: string, bundle: string): string[] | undefined {
  try {
    const chunks = JSON.parse(readFileSync(chunksFile, 'utf8')) as Record<string, unknown>;
    const list = Object.hasOwn(chunks, bundle) ? chunks[bundle] : undefined;
    return Array.isArray(list) && list.every((x) => typeof x === 'string') ? (list as string[]) : undefined;
  } catch {
    return undefined;
  }
}

// The worker side's half (a worker module imports it from batch.js, which
// does not load piscina: a thread that starts faster).
export { batched, type TaskBatch } from './batch.js';
import type { TaskBatch } from './batch.js';

/**
 * Runs `task(item)` for every item on `workers` threads of the worker
 * module `filename`, passing each result to `onResult` as it finishes. A
 * window of twice the thread count in flight keeps memory flat for long runs.
 *
 * With `batch` > 1, consecutive items go to a worker in blocks of up to
 * `batch` tasks (the module's task function must be wrapped in `batched`):
 * the cost of a message is paid once per block, which matters when one task
 * takes a few milliseconds. Results are still handed on one by one.
 *
 * With `here` (the same computation as the worker module's, run in this
 * thread), this thread is one of the `workers`: it starts `workers - 1`
 * threads and runs items itself between handing out blocks, so it computes
 * from the first moment while the threads start (starting a thread and
 * loading the model's modules in it takes a few hundred milliseconds, as
 * long as a few hundred short replications) and no core waits on a thread
 * that only forwards messages. Which thread runs an item never changes its
 * result: the caller must pass a `here` that is a pure function of the item,
 * as the worker's task is. The threads always get blocks (of at most
 * `batch` items), so the worker module's default export must be wrapped
 * in `batched`; it reads the run's `workerData` with `threadData`
 * (engine/batch.ts), since a thread may serve several runs in turn.
 */
export interface PoolOptions<T, R> {
  readonly filename: string;
  readonly workers: number;
  readonly items: readonly number[];
  readonly task: (item: number) => T;
  readonly onResult: (result: R) => void;
  /** Data every worker gets once at start-up (instead of with every task). */
  readonly workerData?: unknown;
  /** Items per message (default 1). */
  readonly batch?: number;
  /** Runs one item in this thread (see above). */
  readonly here?: (item: number) => R;
}

export async function runOnPool<T, R>(options: PoolOptions<T, R>): Promise<void> {
  if (options.here !== undefined) return runHereAndOnPool({ ...options, here: options.here });
  const { filename, workers, items, task, onResult } = options;
  const batch = Math.max(1, Math.floor(options.batch ?? 1));
  // Loaded here only: replicate() and runUnits() (the `here` mode) never load piscina.
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename, minThreads: workers, maxThreads: workers, ...(options.workerData !== undefined && { workerData: options.workerData }) });
  try {
    const window = workers * 2;
    let next = 0;
    const inFlight = new Set<Promise<void>>();
    const launch = () => {
      if (batch === 1) {
        const item = items[next++]!;
        const p: Promise<void> = (pool.run(task(item)) as Promise<R>).then((result) => {
          inFlight.delete(p);
          onResult(result);
        });
        inFlight.add(p);
        return;
      }
      const block: T[] = [];
      while (block.length < batch && next < items.length) block.push(task(items[next++]!));
      const message: TaskBatch<T> = { batch: block };
      const p: Promise<void> = (pool.run(message) as Promise<R[]>).then((results) => {
        inFlight.delete(p);
        for (const result of results) onResult(result);
      });
      inFlight.add(p);
    };
    while (next < items.length || inFlight.size > 0) {
      while (next < items.length && inFlight.size < window) launch();
      await Promise.race(inFlight);
    }
  } finally {
    await pool.destroy();
  }
}

/**
 * How long this thread computes before it looks at the threads' messages
 * again (hands on their results, gives them their next block). Short
 * against a block of a thread's work (blocks of several replications are
 * queued two deep per thread), so the threads never run dry.
 */
const HERE_SLICE_MS = 8;

/** Threads started ahead of a run (`prestartThreads`), not given work yet. */
const spare: BlockThread<unknown>[] = [];

/**
 * Starts `count` threads for the next `runOnPool` with `here` (replicate(),
 * runUnits()) to take, so that they start while this thread still reads and
 * checks the scenario: starting a thread and loading its modules takes a
 * few hundred milliseconds. Threads already spare count; a spare thread
 * never keeps the process alive, and one that no run takes just ends with
 * the process. Runs also hand their threads back as spares (see
 * `runHereAndOnPool`). Where a thread starts never changes a result.
 */
export function prestartThreads(count: number): void {
  while (spare.length < count) {
    const thread = new BlockThread<unknown>();
    thread.unref();
    spare.push(thread);
  }
}

/** A worker thread of `runHereAndOnPool` (entry engine/thread.js) and its blocks in flight. */
class BlockThread<R> {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (results: R[]) => void; reject: (error: unknown) => void }>();
  private nextId = 0;
  /** Blocks sent and not answered yet. */
  inFlight = 0;
  /** Whether a block has come back (the thread has started and compiled). */
  answered = false;
  private failure: { error: unknown } | undefined;

  constructor() {
    this.worker = new Worker(workerFile(import.meta.url, 'thread.js'));
    this.worker.on('message', (reply: ThreadReply) => {
      const waiter = this.waiting.get(reply.id);
      if (waiter === undefined) return;
      this.waiting.delete(reply.id);
      this.inFlight--;
      this.answered = true;
      if ('error' in reply) waiter.reject(reply.error);
      else waiter.resolve(reply.results as R[]);
    });
    const fail = (error: unknown) => {
      this.failure ??= { error };
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`worker thread stopped (exit code ${code})`)));
  }

  /** Gives the thread its task module and the run's data (`workerData`). */
  assign(moduleFile: string, data: unknown): void {
    this.worker.ref();
    this.worker.postMessage({ module: pathToFileURL(moduleFile).href, data } satisfies ThreadRequest);
  }

  /** Whether the thread is alive with nothing in flight. */
  idle(): boolean {
    return this.failure === undefined && this.inFlight === 0;
  }

  /** A spare thread does not keep the process alive. */
  unref(): void {
    this.worker.unref();
  }

  run(batch: readonly unknown[]): Promise<R[]> {
    if (this.failure !== undefined) return Promise.reject(this.failure.error);
    const id = this.nextId++;
    this.inFlight++;
    return new Promise<R[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, batch } satisfies ThreadRequest);
    });
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * `runOnPool` with this thread computing too. The threads are plain worker
 * threads (engine/thread.ts), not a piscina pool: this thread then loads no
 * pool module, each thread starts with only its entry and the task module
 * to load, and each block goes to a chosen thread (the one with the fewest
 * blocks in flight), one message each way.
 */
async function runHereAndOnPool<T, R>(options: PoolOptions<T, R> & { readonly here: (item: number) => R }): Promise<void> {
  const { filename, items, task, onResult, here } = options;
  const workers = Math.max(1, Math.floor(options.workers));
  const maxBatch = Math.max(1, Math.floor(options.batch ?? 1));
  const n = items.length;
  let next = 0;
  const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
  if (workers === 1) {
    let since = performance.now();
    while (next < n) {
      onResult(here(items[next++]!));
      // Let progress output and signals through now and then.
      if (performance.now() - since >= HERE_SLICE_MS) {
        await yieldToLoop();
        since = performance.now();
      }
    }
    return;
  }
  // Started (or taken from the spares) first of all, so that they load their
  // modules while this thread compiles the model and runs its first items.
  const threads = Array.from({ length: workers - 1 }, () => takeSpare<R>() ?? new BlockThread<R>());
  for (const thread of threads) thread.assign(filename, options.workerData);
  try {
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    const launch = (thread: BlockThread<R>) => {
      // Blocks shrink as the items run out (a fraction of what is left per
      // computing thread), so no thread is left with a long block at the end.
      const size = Math.max(1, Math.min(maxBatch, Math.ceil((n - next) / (4 * workers))));
      const block: T[] = [];
      while (block.length < size && next < n) block.push(task(items[next++]!));
      // A failure (of the task or of onResult) is kept and thrown by the loop
      // below: this promise may not be awaited until this thread's own work is done.
      const p: Promise<void> = thread
        .run(block)
        .then((results) => {
          for (const result of results) onResult(result);
        })
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    for (;;) {
      if (failure !== undefined) throw failure.error;
      // One block per thread until its first comes back (it is still
      // starting; this thread takes on the rest meanwhile), then two.
      for (const thread of threads) while (next < n && thread.inFlight < (thread.answered ? 2 : 1)) launch(thread);
      if (next < n) {
        const since = performance.now();
        do onResult(here(items[next++]!));
        while (next < n && performance.now() - since < HERE_SLICE_MS);
        await yieldToLoop();
      } else if (inFlight.size > 0) {
        await Promise.race(inFlight);
      } else {
        break;
      }
    }
    // Kept for the next run of this process (a comparison's next arm, the
    // next round of --precision): its threads start warm, with the model's
    // code already optimized. A run that failed ends its threads instead.
    for (const thread of threads) keepSpare(thread);
  } catch (error) {
    await Promise.all(threads.map((t) => t.stop()));
    throw error;
  }
}

/** One worker thread running blocks of a task module for this thread (`helperThread`). */
export interface HelperThread<R> {
  /** Runs a block of tasks on the thread; its results in order. */
  run(batch: readonly unknown[]): Promise<R[]>;
  /** Hands the thread back as a spare once its blocks are answered (for the next run of this process). */
  release(): void;
  /** Ends the thread (after a failure). */
  stop(): Promise<void>;
}

/**
 * A worker thread (engine/thread.js) given the task module `filename` and
 * its data: a spare one when there is (a run's thread, warm, hands its next
 * job over: formatting a result folder's rows after the replications), else
 * a new one. The module's default export must be wrapped in `batched` and
 * read its data with `threadData`, as for `runOnPool` with `here`.
 */
export function helperThread<R>(filename: string, data: unknown): HelperThread<R> {
  const thread = takeSpare<R>() ?? new BlockThread<R>();
  thread.assign(filename, data);
  return {
    run: (batch) => thread.run(batch),
    release: () => keepSpare(thread),
    stop: () => thread.stop(),
  };
}

/** A spare thread that is still alive, if any (a spare that ended is dropped). */
function takeSpare<R>(): BlockThread<R> | undefined {
  for (let thread = spare.pop(); thread !== undefined; thread = spare.pop()) {
    if (thread.idle()) return thread as BlockThread<R>;
    void thread.stop();
  }
  return undefined;
}

/** Hands a thread whose run ended without blocks in flight back as a spare (at most one per core). */
function keepSpare<R>(thread: BlockThread<R>): void {
  if (!thread.idle() || spare.length >= Math.max(1, os.availableParallelism() - 1)) {
    void thread.stop();
    return;
  }
  thread.unref();
  spare.push(thread as BlockThread<unknown>);
}

/**
 * Ends the spare threads (started by `prestartThreads` or kept from an
 * earlier run). They never keep the process alive; a library caller that
 * wants their memory back before it exits calls this.
 */
export async function stopSpareThreads(): Promise<void> {
  const stopping = spare.splice(0).map((t) => t.stop());
  await Promise.all(stopping);
}
