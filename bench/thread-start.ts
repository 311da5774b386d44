/**
 * A worker thread's start with replicate()'s worker module as tsc wrote it
 * (dist/src/experiment/worker.js and the thirty-odd modules it imports) and
 * as bundled (dist/cli/replicate-worker.js, scripts/build-cli.mjs). Each
 * round starts one thread (engine/thread.js, as replicate() does) in a fresh
 * process per variant, the two alternating, gives it Bekasi and a block of
 * 16 replications, and prints: milliseconds until the module has loaded (an
 * empty block answered) and until the block is answered, and the CPU
 * seconds (Linux /proc) of the new thread and of the threads the process
 * had before it (V8's helpers: the compiler) by then. Same build both ways:
 * only how the worker module is loaded differs.
 *
 *   node dist/bench/thread-start.js [rounds=6]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ThreadReply } from '../src/engine/thread.js';
import { readScenarioFile } from '../src/store/scenario-file.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '..');
const root = path.resolve(dist, '..');
const MODULES = {
  compiled: path.join(dist, 'src', 'experiment', 'worker.js'),
  bundled: path.join(dist, 'cli', 'replicate-worker.js'),
} as const;

/** CPU seconds of every thread of this process, by thread id (Linux /proc). */
function threadCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    cpu.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
  }
  return cpu;
}

async function child(variant: keyof typeof MODULES): Promise<void> {
  const file = readScenarioFile(path.join(root, 'scenarios', 'bekasi-2015-2025.yaml'));
  const before = threadCpu();
  const t0 = performance.now();
  const worker = new Worker(path.join(dist, 'src', 'engine', 'thread.js'));
  const answered: number[] = [];
  worker.on('message', (reply: ThreadReply) => {
    if ('error' in reply) throw reply.error;
    answered[reply.id] = performance.now() - t0;
  });
  worker.postMessage({ module: pathToFileURL(MODULES[variant]).href, data: { scenario: file.scenario } });
  worker.postMessage({ id: 0, batch: [] });
  worker.postMessage({ id: 1, batch: Array.from({ length: 16 }, (_, r) => ({ hash: file.hash, seed: file.scenario.seed, replication: r, detail: false })) });
  while (answered[1] === undefined) await new Promise((resolve) => setTimeout(resolve, 1));
  const after = threadCpu();
  let thread = 0;
  let helpers = 0;
  for (const [tid, s] of after) {
    if (tid === String(process.pid)) continue;
    const since = before.get(tid);
    if (since === undefined) thread += s;
    else helpers += s - since;
  }
  process.stdout.write(`${answered[0]!.toFixed(0)} ${answered[1].toFixed(0)} ${thread.toFixed(2)} ${helpers.toFixed(2)}\n`);
  await worker.terminate();
}

function main(): void {
  const rounds = Number(process.argv[2] ?? 6);
  if (!fs.existsSync(MODULES.bundled)) throw new Error(`${MODULES.bundled} is missing: npm run build`);
  const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  process.stdout.write(`thread start: loaded ms, block of 16 answered ms, CPU s of the thread, CPU s of V8's helpers; load average ${load()}\n`);
  const figures: Record<string, number[][]> = { compiled: [], bundled: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['compiled', 'bundled'] as const) : (['bundled', 'compiled'] as const);
    const line: string[] = [];
    for (const variant of order) {
      const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', variant], { encoding: 'utf8' });
      if (res.status !== 0) throw new Error(res.stderr);
      const values = res.stdout.trim().split(' ').map(Number);
      figures[variant]!.push(values);
      line.push(`${variant} ${res.stdout.trim()}`);
    }
    process.stdout.write(`${round}: ${line.join(' | ')}\n`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const variant of ['compiled', 'bundled'] as const) {
    const column = (c: number) => median(figures[variant]!.map((v) => v[c]!));
    process.stdout.write(`median ${variant}: loaded ${column(0)} ms, block ${column(1)} ms, thread ${column(2).toFixed(2)} s, helpers ${column(3).toFixed(2)} s\n`);
  }
  process.stdout.write(`load average now ${load()}\n`);
}

if (process.argv[2] === '--child') await child(process.argv[3] as keyof typeof MODULES);
else main();
