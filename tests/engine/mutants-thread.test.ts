/**
 * The worker thread of `runOnPool`'s `here` mode (engine/thread.ts), run in
 * this process with a stand-in for its parent port: the module message
 * loads the task module and the run's data, and each block message is
 * answered with its id and the block's results, in task order, or its id
 * and the error. The thread runs in a worker in real runs, where the
 * mutation test's coverage does not see it: a reply without the block's id
 * and results passed unnoticed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// A minimal parent port: `send` delivers a message from the main thread, `replies` collects the thread's.
const port = vi.hoisted(() => {
  const handlers: ((m: unknown) => void)[] = [];
  return {
    replies: [] as unknown[],
    /** Forgets the thread listening and its replies: the next import of the thread starts listening afresh. */
    reset() {
      handlers.length = 0;
      this.replies.length = 0;
    },
    on(_event: string, handler: (m: unknown) => void) {
      handlers.push(handler);
    },
    send(m: unknown) {
      for (const h of handlers) h(m);
    },
    postMessage(m: unknown) {
      this.replies.push(m);
    },
  };
});
vi.mock('node:worker_threads', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:worker_threads')>()), parentPort: port }));

// Each test has a thread of its own, as each run starts its threads afresh: a thread keeps the module it was sent, and
// a test must not find the one an earlier test sent. The suite runs files in one process each fork (vitest isolate:
// false): imported afresh, with the mock.
let threadData: typeof import('../../src/engine/batch.js').threadData;
beforeEach(async () => {
  port.reset();
  vi.resetModules();
  await import('../../src/engine/thread.js');
  ({ threadData } = await import('../../src/engine/batch.js'));
});
const dir = mkdtempSync(join(tmpdir(), 'difusi-thread-'));
// The thread's module and the batch module it set the run's data in stay in the fork's
// registry otherwise: a later file would find threadData set (tests/engine/loop-and-thread-data.test.ts).
// The task modules' folder is removed too.
afterAll(() => {
  vi.resetModules();
  rmSync(dir, { recursive: true, force: true });
});

const moduleOf = (name: string, body: string): string => {
  const file = join(dir, name);
  writeFileSync(file, body);
  return pathToFileURL(file).href;
};

/** The thread's next reply (it answers a block asynchronously). */
async function reply(): Promise<unknown> {
  for (let i = 0; i < 400 && port.replies.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  return port.replies.shift();
}

describe('a worker thread of the here mode', () => {
  it('a block that comes before its module is answered with its id and an error', async () => {
    port.send({ id: 1, batch: [1] });
    const r = (await reply()) as { id: number; error: Error };
    expect(r.id).toBe(1);
    expect(String(r.error)).toMatch(/a block came before its module/);
  });

  it("answers each block with its id and its tasks' results in task order, after the module and the run's data", async () => {
    port.send({ module: moduleOf('double.mjs', 'export default (block) => block.batch.map((x) => 2 * x);\n'), data: { seed: 5 } });
    expect(threadData()).toEqual({ seed: 5 });
    port.send({ id: 7, batch: [3, 1, 2] });
    expect(await reply()).toEqual({ id: 7, results: [6, 2, 4] });
    port.send({ id: 8, batch: [] });
    expect(await reply()).toEqual({ id: 8, results: [] });
  });

  it("a block whose task throws is answered with its id and the task's error", async () => {
    port.send({ module: moduleOf('throws.mjs', 'export default () => { throw new Error("task failed"); };\n'), data: null });
    port.send({ id: 9, batch: [1] });
    const r = (await reply()) as { id: number; error: Error };
    expect(r.id).toBe(9);
    expect(r.error.message).toBe('task failed');
  });
});
