/**
 * Bytes allocated per national replication, and by which functions
 * (docs/performance-history.md, ninth session): V8's sampling heap profiler, with
 * the objects either garbage collector has freed kept in the count, over
 * `reps` replications run after one to warm up (the optimizing compiler's
 * final code, not the interpreter's). A sample every 4 KB of allocation, so
 * the figures are estimates (a few per cent from run to run). Not a test.
 *
 *   node dist/bench/allocation.js [root (default: this build)] [reps (default 2)] [rows (default 15)]
 *
 * `root` is the folder of a built copy of difusi (its dist/ is loaded), so
 * that two builds can be compared with the same script.
 */
import inspector from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [rootArg, repsArg, rowsArg] = process.argv.slice(2);
const root = path.resolve(rootArg ?? here);
const reps = Number(repsArg ?? 2);
const rows = Number(rowsArg ?? 15);

const imp = (p: string): Promise<any> => import(pathToFileURL(path.join(root, 'dist', p)).href);
const jobs = await imp('src/jobs/national.js');
const sim = await imp('src/model/national/simulate.js');
const { model } = jobs.loadNational(path.join(root, 'scenarios', 'indonesia-2015-2025.yaml'));
sim.simulateNationalReplication(model, model.scenario.seed, 0);

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}
const session = new inspector.Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
for (let r = 1; r <= reps; r++) sim.simulateNationalReplication(model, model.scenario.seed, r);
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
session.disconnect();

// Self bytes by function; a built-in (no file) is named with its caller, which is what allocated through it.
const name = (n: Node): string =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
let total = 0;
const walk = (n: Node, parent: string): void => {
  const key = n.callFrame.url ? name(n) : `${name(n)} <- ${parent}`;
  self.set(key, (self.get(key) ?? 0) + n.selfSize);
  total += n.selfSize;
  for (const c of n.children) walk(c, name(n));
};
walk(profile.head, '');
process.stdout.write(`${root}: ${(total / reps / 1e6).toFixed(1)} MB allocated per national replication (${reps} replications after one to warm up)\n`);
for (const [k, bytes] of [...self].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
  process.stdout.write(`${(bytes / reps / 1e6).toFixed(2).padStart(8)} MB  ${k}\n`);
}
