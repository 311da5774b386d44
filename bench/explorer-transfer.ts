/**
 * Copy or transfer? The explorer's Web Worker posts every replication's
 * series to the page. Transferring the buffer detaches it, which invalidates
 * V8's ArrayBufferDetaching protector in the worker: its optimized model
 * code is discarded and later typed-array access must check for detached
 * buffers. This benchmark runs the explorer's own job (src/explorer/engine.ts
 * runJob) on Bekasi in a worker thread of Node's V8, posting each result
 * copied or transferred, alternating the two in fresh workers, and prints
 * wall milliseconds per round and the ratio of medians.
 *
 *   node dist/bench/explorer-transfer.js [replications=1000] [rounds=4]
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { readScenarioFile } from '../src/store/scenario-file.js';
import { runJob, type JobMessage } from '../src/explorer/engine.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (isMainThread) {
  const reps = Number(process.argv[2] ?? 1000);
  const rounds = Number(process.argv[3] ?? 4);
  const bekasi = fileURLToPath(new URL('../../scenarios/bekasi-2015-2025.yaml', import.meta.url));
  const { scenario } = readScenarioFile(bekasi);
  const run = (transfer: boolean) =>
    new Promise<number>((done) => {
      const t0 = performance.now();
      const worker = new Worker(new URL(import.meta.url), { workerData: { transfer } });
      worker.on('message', (m: { type: string }) => {
        if (m.type !== 'done') return;
        const ms = performance.now() - t0;
        void worker.terminate();
        done(ms);
      });
      const message: JobMessage = { type: 'job', job: 1, scenario, indices: Array.from({ length: reps }, (_, i) => i), detail: 0 };
      worker.postMessage(message);
    });
  const ms: Record<'copy' | 'transfer', number[]> = { copy: [], transfer: [] };
  for (let round = 0; round < rounds; round++) {
    for (const transfer of round % 2 === 0 ? [false, true] : [true, false]) ms[transfer ? 'transfer' : 'copy'].push(await run(transfer));
  }
  const f = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`explorer job, Bekasi, ${reps} replications in one worker thread, ${rounds} rounds alternating (wall ms, worker start included)`);
  console.log(`  copied:      ${f(ms.copy)}   median ${median(ms.copy).toFixed(0)}`);
  console.log(`  transferred: ${f(ms.transfer)}   median ${median(ms.transfer).toFixed(0)}`);
  console.log(`  transferred / copied: ${(median(ms.transfer) / median(ms.copy)).toFixed(3)}`);
} else {
  const transfer = (workerData as { transfer: boolean }).transfer;
  parentPort!.on('message', (message: JobMessage) => {
    runJob(message, (result) => (transfer ? parentPort!.postMessage({ type: 'rep', result }, [result.series.buffer as ArrayBuffer]) : parentPort!.postMessage({ type: 'rep', result })));
    parentPort!.postMessage({ type: 'done' });
  });
}
