/**
 * Paired CPU measurement of two builds of the model in one process
 * (docs/PERFORMANCE.md, "How it is measured"): loads `<old>/dist` and `<new>/dist`,
 * runs the same replications alternately (old, new, new, old, ...), prints
 * the CPU seconds of each and the per-round ratio new/old, and checks that
 * both builds give the same result bytes (a hash of every replication's
 * result). Not a test: the figures depend on the machine and its load.
 *
 *   node dist/bench/paired.js <oldRoot> <newRoot> national|flat|bekasi [rounds]
 *
 * With PAIRED_SKIP_BYTES=1 (national, flat, bekasi only) the two builds'
 * result hashes are printed but not required to be equal: for timing two
 * builds between which a model fix changed results on purpose (a regression
 * check across such a fix). Without it, differing results stop the run.
 *
 * `threads` compares wall time instead, where threads are what changed:
 * each round runs PAIRED_REPS (default 1000) replications of Bekasi through
 * each build's `replicate()` with 1 and with 2 workers, every run in a fresh
 * child process (a thread's start-up and its model code's warm-up count, as
 * in a `difusi run`), the builds in alternating order. It prints each run's
 * wall seconds and CPU seconds by thread (main, worker threads, V8's helper
 * threads: optimizing compiler and garbage collector), and the ratios
 * new/old of the 2-worker wall time and of the speed-up of 2 workers over 1.
 * The CPU seconds say what a build costs whatever else runs on the machine;
 * the wall times say little on a loaded one (note `uptime` with them).
 * Before the timed rounds, one untimed run of each build with 1 and with 2
 * workers checks that all four give the same bytes (timed runs keep no
 * result, so that holding a thousand results does not count).
 *
 *   node dist/bench/paired.js <oldRoot> <newRoot> threads [rounds]
 *
 * `run` compares a whole `difusi run` as a library call: each round runs
 * `executeRun` of Bekasi (PAIRED_REPS replications, default 1000; the
 * default detail) through each build with 1 and with 2 workers, every run in
 * a fresh child process writing into a temporary folder, the builds in
 * alternating order. The wall time counts from before the build's modules
 * are imported (as a command would) to the result folder in place; CPU
 * seconds by thread as for `threads`. Every run's result folder is compared:
 * a hash of every file's bytes (manifest.json without its timings, the only
 * field that varies), which must be the same for both builds and worker
 * counts. It prints the ratios new/old of the 1-worker and 2-worker wall
 * times and CPU seconds (all threads).
 *
 *   node dist/bench/paired.js <oldRoot> <newRoot> run [rounds]
 *
 * `folder` compares writing a result folder alone: the new build runs
 * PAIRED_REPS Bekasi replications into a part once, then each round has
 * each build write the folder from it with `writeRunFolder` (everything on
 * this thread, as with --workers 1), alternately, in this process; it
 * prints CPU seconds (the process, and this thread) and checks that both
 * folders hold the same bytes. Round 0 is each build's first write in the
 * process, as in a `difusi run`.
 *
 *   node dist/bench/paired.js <oldRoot> <newRoot> folder [rounds]
 *
 * `startup` compares how fast the command starts: each round runs, in a
 * fresh process and in alternating order (old, new, then new, old),
 * `difusi validate scenarios/bekasi-2015-2025.yaml` and `difusi --help`
 * through each root's bin/difusi.mjs (the bundled command line users run),
 * with `node -e 0` beside them for scale. Both builds run in the new root's
 * folder on the same file, so their exit codes, stdout and stderr must be
 * the same bytes (checked every run). It prints the median wall time of each
 * and the median of the per-round ratios new/old; CPU seconds (user and
 * system, from /proc, Linux) are shown beside, summed over all rounds.
 *
 *   node dist/bench/paired.js <oldRoot> <newRoot> startup [rounds]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

if (process.argv[2] === '--child-run') {
  await childRun(process.argv[3]!, Number(process.argv[4]), Number(process.argv[5]));
  process.exit(0);
}
if (process.argv[2] === '--child-threads') {
  await childThreads(process.argv[3]!, Number(process.argv[4]), Number(process.argv[5]), process.argv[6] === 'check');
  process.exit(0);
}

const [oldRoot, newRoot, what = 'national', roundsArg] = process.argv.slice(2);
if (!oldRoot || !newRoot) throw new Error('usage: paired.js <oldRoot> <newRoot> national|flat|bekasi|threads|run|folder|startup [rounds]');
const rounds = Number(roundsArg ?? 4);
if (what === 'startup') {
  pairedStartup(oldRoot, newRoot, rounds);
  process.exit(0);
}
if (what === 'run') {
  pairedRun(oldRoot, newRoot, rounds);
  process.exit(0);
}
if (what === 'folder') {
  await pairedFolder(oldRoot, newRoot, rounds);
  process.exit(0);
}
if (what === 'threads') {
  pairedThreads(oldRoot, newRoot, rounds);
  process.exit(0);
}

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function hashOf(value: unknown): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)),
  );
  return h.digest('hex').slice(0, 16);
}

type Runner = (r: number) => unknown;

async function load(root: string): Promise<{ run: Runner; unit: number; label: string }> {
  const dist = path.resolve(root, 'dist');
  const imp = (p: string): Promise<Record<string, unknown>> => import(pathToFileURL(path.join(dist, p)).href) as Promise<Record<string, unknown>>;
  if (what === 'national') {
    const jobs: any = await imp('src/jobs/national.js');
    const sim: any = await imp('src/model/national/simulate.js');
    const { model } = jobs.loadNational(path.join(root, 'scenarios', 'indonesia-2015-2025.yaml'));
    return { run: (r) => sim.simulateNationalReplication(model, model.scenario.seed, r), unit: 1, label: 'CPU s per replication' };
  }
  const compile: any = await imp('src/model/compile.js');
  const simulate: any = await imp('src/model/simulate.js');
  if (what === 'flat') {
    const scen: any = await imp('bench/scenarios.js');
    const schema: any = await imp('src/scenario/schema.js');
    const scenario = schema.scenarioSchema.parse(scen.nationalFlatScenario(1));
    const model = compile.compile(scenario);
    return { run: (r) => simulate.simulateReplication(model, scenario.seed, r, { detail: false }), unit: 1, label: 'CPU s per replication' };
  }
  const file: any = await imp('src/store/scenario-file.js');
  const model = compile.compile(file.readScenarioFile(path.join(root, 'scenarios', 'bekasi-2015-2025.yaml')).scenario);
  const block = 200;
  const pairSteps = model.opds.length * model.innovations.length * model.months * block;
  return {
    run: (r) => {
      const out: unknown[] = [];
      for (let i = 0; i < block; i++) out.push(simulate.simulateReplication(model, 1, r * block + i, { detail: false }).series);
      return out;
    },
    unit: 1e9 / pairSteps,
    label: `CPU ns per pair-step (blocks of ${block} replications)`,
  };
}

const skipBytes = process.env['PAIRED_SKIP_BYTES'] === '1';
const builds = [await load(oldRoot), await load(newRoot)];
process.stdout.write(
  `${what}: ${builds[0]!.label}; round: old new ratio; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}${skipBytes ? '; byte check off (PAIRED_SKIP_BYTES=1)' : ''}\n`,
);
const ratios: number[] = [];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? [0, 1] : [1, 0];
  const t = [0, 0];
  const h = ['', ''];
  for (const b of order) {
    const c0 = cpu();
    const result = builds[b]!.run(r);
    t[b] = (cpu() - c0) * builds[b]!.unit;
    h[b] = hashOf(result);
  }
  const same = h[0] === h[1];
  if (!same && !skipBytes) throw new Error(`round ${r}: results differ (${h[0]} vs ${h[1]})`);
  ratios.push(t[1]! / t[0]!);
  process.stdout.write(`${r}: ${t[0]!.toFixed(3)} ${t[1]!.toFixed(3)} ${(t[1]! / t[0]!).toFixed(3)}  ${same ? `same result ${h[0]}` : `results differ (${h[0]} vs ${h[1]}; PAIRED_SKIP_BYTES)`}\n`);
}
const sorted = ratios.slice(1).sort((a, b) => a - b);
const mid = sorted.length / 2;
const median = sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
process.stdout.write(`median ratio new/old (rounds 1..${rounds - 1}; round 0 is warm-up): ${median.toFixed(3)}\n`);

// ---------------------------------------------------------------------------
// threads: wall time of replicate() with 1 and 2 workers, fresh processes

interface ThreadRun {
  readonly wall: number;
  readonly main: number;
  readonly threads: number;
  readonly helpers: number;
  readonly hash?: string;
}

function pairedThreads(oldRoot: string, newRoot: string, rounds: number): void {
  const reps = Number(process.env['PAIRED_REPS'] ?? 1000);
  const roots = [oldRoot, newRoot];
  const run = (b: number, workers: number, check = false): ThreadRun => {
    const args = [fileURLToPath(import.meta.url), '--child-threads', roots[b]!, String(workers), String(reps), ...(check ? ['check'] : [])];
    const res = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`child ${roots[b]} ${workers} failed: ${res.stderr}`);
    return JSON.parse(res.stdout) as ThreadRun;
  };
  const f = (x: number) => x.toFixed(2);
  const show = (t: ThreadRun) => `${f(t.wall)} s (CPU main ${f(t.main)} threads ${f(t.threads)} V8 helpers ${f(t.helpers)} = ${f(t.main + t.threads + t.helpers)})`;
  process.stdout.write(`threads: ${reps} Bekasi replications through replicate(), wall seconds (CPU seconds by thread); load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`);
  const hashes = new Set([0, 1].flatMap((b) => [1, 2].map((workers) => run(b, workers, true).hash)));
  if (hashes.size !== 1) throw new Error(`results differ between builds or worker counts (${[...hashes].join(' ')})`);
  process.stdout.write(`same result bytes from both builds with 1 and 2 workers: ${[...hashes][0]}\n`);
  const wallRatios: number[] = [];
  const speedupRatios: number[] = [];
  const best = [new Map<number, ThreadRun>(), new Map<number, ThreadRun>()];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    const t: ThreadRun[][] = [[], []];
    for (const workers of [1, 2])
      for (const b of order) {
        const x = run(b, workers);
        t[b]![workers] = x;
        const sofar = best[b]!.get(workers);
        if (sofar === undefined || x.wall < sofar.wall) best[b]!.set(workers, x);
      }
    const speedup = (b: number) => t[b]![1]!.wall / t[b]![2]!.wall;
    wallRatios.push(t[1]![2]!.wall / t[0]![2]!.wall);
    speedupRatios.push(speedup(1) / speedup(0));
    for (const b of [0, 1])
      process.stdout.write(`${r} ${b === 0 ? 'old' : 'new'}: 1 worker ${show(t[b]![1]!)}; 2 workers ${show(t[b]![2]!)}; speed-up ${speedup(b).toFixed(2)}x\n`);
    process.stdout.write(`${r}: 2-worker wall new/old ${wallRatios[r]!.toFixed(3)}   speed-up new/old ${speedupRatios[r]!.toFixed(3)}\n`);
  }
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length / 2;
    return s.length % 2 === 1 ? s[Math.floor(m)]! : (s[m - 1]! + s[m]!) / 2;
  };
  for (const b of [0, 1]) {
    const one = best[b]!.get(1)!;
    const two = best[b]!.get(2)!;
    process.stdout.write(`fastest ${b === 0 ? 'old' : 'new'}: 1 worker ${f(one.wall)} s, 2 workers ${f(two.wall)} s, speed-up ${(one.wall / two.wall).toFixed(2)}x\n`);
  }
  process.stdout.write(`median over ${rounds} rounds: 2-worker wall new/old ${med(wallRatios).toFixed(3)}, speed-up new/old ${med(speedupRatios).toFixed(3)}; load average now ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`);
}

/** CPU seconds of each thread of this process by id (Linux: /proc/self/task). */
function threadCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return cpu;
}

/**
 * CPU seconds between two `threadCpu()` readings, by thread: this process's
 * main thread; threads started between them (the worker threads); and the
 * threads that existed before (V8's and libuv's helpers).
 */
function cpuByThread(before: Map<string, number>, atEnd: Map<string, number>): { main: number; threads: number; helpers: number } {
  const pid = String(process.pid);
  let threads = 0;
  let helpers = 0;
  for (const [tid, s] of atEnd) {
    if (tid === pid) continue;
    const since = before.get(tid);
    if (since !== undefined) helpers += s - since;
    else threads += s;
  }
  return { main: (atEnd.get(pid) ?? NaN) - (before.get(pid) ?? NaN), threads, helpers };
}

/**
 * Child: one timed replicate() of Bekasi by the build at `root` (the clock
 * starts once the scenario is read, as in bench.ts); prints its wall
 * seconds and CPU seconds by thread until the last result, and with `check`
 * a hash of every replication's result (series and outcomes, in index
 * order; the results are kept for it).
 */
async function childThreads(root: string, workers: number, reps: number, check: boolean): Promise<void> {
  const dist = path.resolve(root, 'dist');
  const imp = (p: string): Promise<any> => import(pathToFileURL(path.join(dist, p)).href);
  const file = (await imp('src/store/scenario-file.js')).readScenarioFile(path.join(root, 'scenarios', 'bekasi-2015-2025.yaml'));
  const { replicate } = await imp('src/experiment/replicate.js');
  const results: { replication: number; series: Float64Array; outcomes: unknown }[] = [];
  let atEnd = new Map<string, number>();
  let done = 0;
  const before = threadCpu();
  const t0 = performance.now();
  await replicate({
    scenario: file.scenario,
    hash: file.hash,
    seed: file.scenario.seed,
    indices: Array.from({ length: reps }, (_, r) => r),
    detailReplications: 0,
    workers,
    onResult: (result: { replication: number; series: Float64Array; outcomes: unknown }) => {
      if (check) results.push(result);
      if (++done === reps) atEnd = threadCpu();
    },
  });
  const wall = (performance.now() - t0) / 1000;
  const { main, threads, helpers } = cpuByThread(before, atEnd);
  let hash: string | undefined;
  if (check) {
    const h = createHash('sha256');
    for (const r of results.sort((a, b) => a.replication - b.replication)) {
      h.update(`${r.replication}:${JSON.stringify(r.outcomes)}:`);
      h.update(new Uint8Array(r.series.buffer, r.series.byteOffset, r.series.byteLength));
    }
    hash = h.digest('hex').slice(0, 16);
  }
  process.stdout.write(JSON.stringify({ wall, main, threads, helpers, hash }));
}

// ---------------------------------------------------------------------------
// run: wall time of executeRun (replications and result folder), fresh processes

interface RunRun extends ThreadRun {
  readonly hash: string;
}

function pairedRun(oldRoot: string, newRoot: string, rounds: number): void {
  const reps = Number(process.env['PAIRED_REPS'] ?? 1000);
  const roots = [oldRoot, newRoot];
  const run = (b: number, workers: number): RunRun => {
    const args = [fileURLToPath(import.meta.url), '--child-run', roots[b]!, String(workers), String(reps)];
    const res = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`child ${roots[b]} ${workers} failed: ${res.stderr}`);
    return JSON.parse(res.stdout) as RunRun;
  };
  const f = (x: number) => x.toFixed(2);
  const show = (t: ThreadRun) => `${f(t.wall)} s (CPU main ${f(t.main)} threads ${f(t.threads)} V8 helpers ${f(t.helpers)})`;
  const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  process.stdout.write(`run: executeRun of Bekasi, ${reps} replications, wall seconds (CPU seconds by thread); load average ${load()}\n`);
  const hashes = new Set<string>();
  const ratios: [number[], number[]] = [[], []];
  // CPU seconds of every thread (main, worker threads, V8 helpers) new/old: less at the mercy of other load than wall time.
  const cpuRatios: [number[], number[]] = [[], []];
  const cpuOf = (t: ThreadRun) => t.main + t.threads + t.helpers;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    const t: RunRun[][] = [[], []];
    for (const workers of [1, 2])
      for (const b of order) {
        const x = run(b, workers);
        t[b]![workers] = x;
        hashes.add(x.hash);
        if (hashes.size !== 1) throw new Error(`result folders differ between builds or worker counts (${[...hashes].join(' ')})`);
      }
    ratios[0].push(t[1]![1]!.wall / t[0]![1]!.wall);
    ratios[1].push(t[1]![2]!.wall / t[0]![2]!.wall);
    cpuRatios[0].push(cpuOf(t[1]![1]!) / cpuOf(t[0]![1]!));
    cpuRatios[1].push(cpuOf(t[1]![2]!) / cpuOf(t[0]![2]!));
    for (const b of [0, 1]) process.stdout.write(`${r} ${b === 0 ? 'old' : 'new'}: 1 worker ${show(t[b]![1]!)}; 2 workers ${show(t[b]![2]!)}\n`);
    process.stdout.write(`${r}: wall new/old 1 worker ${ratios[0][r]!.toFixed(3)}, 2 workers ${ratios[1][r]!.toFixed(3)}; CPU new/old ${cpuRatios[0][r]!.toFixed(3)}, ${cpuRatios[1][r]!.toFixed(3)}; same result folder ${[...hashes][0]}\n`);
  }
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length / 2;
    return s.length % 2 === 1 ? s[Math.floor(m)]! : (s[m - 1]! + s[m]!) / 2;
  };
  process.stdout.write(`median over ${rounds} rounds: wall new/old 1 worker ${med(ratios[0]).toFixed(3)}, 2 workers ${med(ratios[1]).toFixed(3)}; CPU new/old 1 worker ${med(cpuRatios[0]).toFixed(3)}, 2 workers ${med(cpuRatios[1]).toFixed(3)}; load average now ${load()}\n`);
}

/** A hash of a result folder's files: every byte, but manifest.json without its timings. */
function folderHash(dir: string): string {
  const h = createHash('sha256');
  for (const name of fs.readdirSync(dir).sort()) {
    const bytes = fs.readFileSync(path.join(dir, name));
    if (name === 'manifest.json') {
      const manifest = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      delete manifest['timings'];
      h.update(`${name}:${JSON.stringify(manifest)}\n`);
    } else {
      h.update(`${name}:${bytes.length}:`);
      h.update(bytes);
    }
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * Child: one executeRun of Bekasi by the build at `root` into a temporary
 * folder (removed after); prints its wall seconds from before the import,
 * CPU seconds by thread, and the result folder's hash. The scenario file is
 * the new side's path for both builds, so the manifests agree.
 */
async function childRun(root: string, workers: number, reps: number): Promise<void> {
  const before = threadCpu();
  const t0 = performance.now();
  const dist = path.resolve(root, 'dist');
  const { executeRun } = await import(pathToFileURL(path.join(dist, 'src/jobs/run.js')).href);
  const outRoot = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'paired-run-'));
  try {
    const result = await executeRun({
      file: 'scenarios/bekasi-2015-2025.yaml',
      overrides: { replications: reps },
      outRoot,
      workers,
      command: 'difusi run scenarios/bekasi-2015-2025.yaml',
    });
    const atEnd = threadCpu();
    const wall = (performance.now() - t0) / 1000;
    const { main, threads, helpers } = cpuByThread(before, atEnd);
    process.stdout.write(JSON.stringify({ wall, main, threads, helpers, hash: folderHash(result.dir) }));
  } finally {
    fs.rmSync(outRoot, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// folder: CPU of writeRunFolder from one part, both builds in this process

async function pairedFolder(oldRoot: string, newRoot: string, rounds: number): Promise<void> {
  const reps = Number(process.env['PAIRED_REPS'] ?? 1000);
  const imp = (root: string, p: string): Promise<any> => import(pathToFileURL(path.resolve(root, 'dist', p)).href);
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'paired-folder-'));
  try {
    const run = await imp(newRoot, 'src/jobs/run.js');
    const { PartWriter } = await imp(newRoot, 'src/store/part-store.js');
    const { metricNames } = await imp(newRoot, 'src/model/observation.js');
    const file = 'scenarios/bekasi-2015-2025.yaml';
    const prepared = run.prepareRun(file, { replications: reps });
    const detail = Math.min(reps, 10);
    const meta = run.runPartMeta(file, prepared.source, metricNames(prepared.model), detail);
    const partDir = path.join(tmp, 'part');
    const writer = PartWriter.open(partDir, meta, false);
    await run.runReplications(writer, { scenario: prepared.source.scenario, hash: prepared.source.hash, indices: Array.from({ length: reps }, (_, r) => r), detail, workers: 2 });
    const manifest = run.runManifest(meta, 'difusi run', null, new Date(0), {});
    const writers = [await imp(oldRoot, 'src/store/run-folder.js'), await imp(newRoot, 'src/store/run-folder.js')];
    const mainCpu = () => threadCpu().get(String(process.pid)) ?? NaN;
    const processCpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
    const ratios: number[] = [];
    process.stdout.write(`folder: writeRunFolder of ${reps} Bekasi replications on one thread, CPU seconds; round: old new ratio; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`);
    for (let r = 0; r < rounds; r++) {
      const t = [0, 0];
      const m = [0, 0];
      const h = ['', ''];
      for (const b of r % 2 === 0 ? [0, 1] : [1, 0]) {
        const out = path.join(tmp, `out-${b}`);
        fs.rmSync(out, { recursive: true, force: true });
        const c0 = processCpu();
        const m0 = mainCpu();
        writers[b]!.writeRunFolder([partDir], out, manifest);
        t[b] = processCpu() - c0;
        m[b] = mainCpu() - m0;
        h[b] = folderHash(out);
      }
      if (h[0] !== h[1]) throw new Error(`round ${r}: folders differ (${h[0]} vs ${h[1]})`);
      ratios.push(t[1]! / t[0]!);
      process.stdout.write(`${r}: ${t[0]!.toFixed(2)} (this thread ${m[0]!.toFixed(2)}) ${t[1]!.toFixed(2)} (this thread ${m[1]!.toFixed(2)}) ${(t[1]! / t[0]!).toFixed(3)}  same folder ${h[0]}\n`);
    }
    const later = ratios.slice(1).sort((a, b) => a - b);
    const mid = later.length / 2;
    const median = later.length === 0 ? NaN : later.length % 2 === 1 ? later[Math.floor(mid)]! : (later[mid - 1]! + later[mid]!) / 2;
    process.stdout.write(`first write new/old ${ratios[0]!.toFixed(3)}; median of rounds 1..${rounds - 1} ${median.toFixed(3)}\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// startup: wall time of short command lines, fresh processes

/** CPU seconds (user + system) of the waited-for child processes so far (Linux: /proc/self/stat). */
function childrenCpu(): number {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

function pairedStartup(oldRoot: string, newRoot: string, rounds: number): void {
  const roots = [path.resolve(oldRoot), path.resolve(newRoot)];
  const cases: { name: string; args: (root: string) => string[] }[] = [
    { name: 'validate', args: (root) => [path.join(root, 'bin', 'difusi.mjs'), 'validate', path.join('scenarios', 'bekasi-2015-2025.yaml')] },
    { name: '--help', args: (root) => [path.join(root, 'bin', 'difusi.mjs'), '--help'] },
  ];
  const once = (argv: string[]): { wall: number; cpu: number; out: string } => {
    const c0 = childrenCpu();
    const t0 = performance.now();
    const res = spawnSync(process.execPath, argv, { cwd: roots[1], encoding: 'utf8' });
    const wall = (performance.now() - t0) / 1000;
    return { wall, cpu: childrenCpu() - c0, out: `${res.status}\n${res.stdout}\n${res.stderr}` };
  };
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length / 2;
    return s.length % 2 === 1 ? s[Math.floor(m)]! : (s[m - 1]! + s[m]!) / 2;
  };
  const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  process.stdout.write(`startup: ${rounds} rounds, fresh processes, wall seconds (median), builds in alternating order; load average ${load()}\n`);
  const node: number[] = [];
  for (const c of cases) {
    const walls: number[][] = [[], []];
    const cpus = [0, 0];
    const ratios: number[] = [];
    let expected: string | undefined;
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? [0, 1] : [1, 0];
      const t = [0, 0];
      for (const b of order) {
        const x = once(c.args(roots[b]!));
        expected ??= x.out;
        if (x.out !== expected) throw new Error(`${c.name}: ${roots[b]} gave other output:\n${x.out}\n--- expected:\n${expected}`);
        t[b] = x.wall;
        walls[b]!.push(x.wall);
        cpus[b]! += x.cpu;
      }
      ratios.push(t[1]! / t[0]!);
      if (c === cases[0]) node.push(once(['-e', '0']).wall);
    }
    const f = (x: number) => x.toFixed(3);
    process.stdout.write(
      `difusi ${c.name}: old ${f(med(walls[0]!))} s, new ${f(med(walls[1]!))} s; median ratio new/old ${f(med(ratios))}; ` +
        `CPU over all rounds old ${cpus[0]!.toFixed(2)} s, new ${cpus[1]!.toFixed(2)} s (ratio ${f(cpus[1]! / cpus[0]!)}); same output\n`,
    );
  }
  process.stdout.write(`node -e 0: ${med(node).toFixed(3)} s (median); load average now ${load()}\n`);
}
