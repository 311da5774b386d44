/**
 * `npm run bench`: what the engine costs, as ratios within one run (absolute
 * times depend on the machine and on what else runs on it).
 *
 *  1. Pure Bass (`decision: bass`) on a 100,000- and a 10,000-agent
 *     Watts-Strogatz small world (mean degree 10, rewire 0.1; p = 0.0025 and
 *     q = 0.032 per month, 120 months) through difusi's modules, beside a
 *     plain typed-array loop of the same model written here as a yardstick
 *     (every month it rescans every unadopted agent's neighbourhood and draws
 *     one uniform per unadopted agent). Both run on the same graph, built
 *     once by difusi's network generator; graph construction is timed apart.
 *  2. Bekasi: (OPD, innovation)-pair-steps per second over R replications
 *     through `replicate()` with 1 and 2 workers (the ratio is the speed-up),
 *     and the same R through `difusi run` (`executeRun`, writing the result
 *     folder) with 1 and 2 workers; each in a fresh child process.
 *  3. A flat scenario of national size (24,000 agencies, 10 innovations,
 *     132 months, one city): seconds per replication on one thread, and the
 *     peak resident set of `difusi run` with NATIONAL_REPS replications on
 *     two workers (a child process; its maxRSS includes the worker threads).
 *  4. Start-up: wall time of `difusi --help` and `difusi validate`.
 *  5. How one replication's cost grows with agencies, innovations, months.
 *
 * Environment knobs (for short runs while developing): BENCH_REPS (Bekasi
 * replications, default 1000), BENCH_ROUNDS (fresh processes per Bekasi
 * figure, the fastest counts; default 2), NATIONAL_REPS (default 20), BENCH_ONLY
 * (comma list of bass,bekasi,national,startup,scaling).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './median.js';
import { fileURLToPath } from 'node:url';
import { compile, type CompiledModel } from '../src/model/compile.js';
import { simulateReplication } from '../src/model/simulate.js';
import { buildNetwork, type Network } from '../src/model/network.js';
import { Streams, replicationSeed } from '../src/engine/random.js';
import { replicate } from '../src/experiment/replicate.js';
import { executeRun } from '../src/jobs/run.js';
import { readScenarioFile } from '../src/store/scenario-file.js';
import { scenarioSchema, type Scenario } from '../src/scenario/schema.js';
import * as bassKernel from '../src/model/bass.js';
import { nationalFlatScenario } from './scenarios.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'src', 'cli', 'main.js');
const bekasiFile = path.join(root, 'scenarios', 'bekasi-2015-2025.yaml');
const only = new Set((process.env['BENCH_ONLY'] ?? 'bass,bekasi,national,startup,scaling').split(','));
const out = (s: string) => process.stdout.write(s + '\n');

/** Seconds of the fastest of `runs` timed calls (after one warm-up call). */
function best(runs: number, f: () => void): number {
  f();
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, (performance.now() - t0) / 1000);
  }
  return min;
}

// ---------------------------------------------------------------------------
// 1. Pure Bass

const BASS_P = 0.0025; // per month
const BASS_Q = 0.032; // per month
/** Alternating rounds of the yardstick and the kernel (section 1). */
const BASS_ROUNDS = 7;

function timed(f: () => void): number {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
}

const BASS_MONTHS = 120;

/**
 * The scenario of the pure Bass benchmark. Scenario rates are annual:
 * MODEL.md 7.2 takes p_m = 1-(1-bass_p)^(1/12) and q_m = bass_q/12, so
 * bass_p = 1-(1-p)^12 and bass_q = 12 q give p and q per month.
 */
function bassScenario(n: number): Scenario {
  return scenarioSchema.parse({
    name: `bench-bass-${n}`,
    start: '2020-01',
    months: BASS_MONTHS,
    decision: 'bass',
    opds: { generate: { count: n } },
    network: { type: 'small-world', degree: 10, rewire: 0.1 },
    parameters: { bass_p: 1 - Math.pow(1 - BASS_P, 12), bass_q: BASS_Q * 12 },
    innovations: [
      {
        id: 'e-service',
        owner: 'opd',
        funding: 'apbd',
        launch: '2020-01',
        relative_advantage: 0.5,
        compatibility: 0.5,
        complexity: 0.5,
        trialability: 0.5,
        observability: 0.5,
      },
    ],
  });
}

function graphOf(model: CompiledModel, replication: number): Network {
  const streams = new Streams(replicationSeed(model.scenario.seed, replication));
  const ids = new Map(model.opds.map((o, i) => [o.id, i]));
  return buildNetwork(model.scenario.network, model.opds.length, ids, model.coordinator, streams);
}

/**
 * The yardstick: the naive loop a modeller would write first, with typed
 * arrays and a fast inline generator (xorshift32), synchronous update.
 * Returns the cumulative adoption share per month.
 */
function naiveBass(g: Network, p: number, q: number, months: number, seed: number): Float64Array {
  const n = g.n;
  const { offsets, neighbors } = g;
  const adopted = new Uint8Array(n);
  const fresh = new Int32Array(n);
  const curve = new Float64Array(months);
  let x = seed | 0 || 1;
  let total = 0;
  for (let m = 0; m < months; m++) {
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (adopted[i]) continue;
      const from = offsets[i]!;
      const to = offsets[i + 1]!;
      let live = 0;
      for (let e = from; e < to; e++) live += adopted[neighbors[e]!]!;
      const f = to > from ? live / (to - from) : 0;
      const prob = 1 - (1 - p) * (1 - q * f);
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      if ((x >>> 0) / 4294967296 < prob) fresh[count++] = i;
    }
    for (let c = 0; c < count; c++) adopted[fresh[c]!] = 1;
    total += count;
    curve[m] = total / n;
  }
  return curve;
}

function benchBass(): void {
  out('1. Pure Bass, small world (mean degree 10, rewire 0.1), p = 0.0025, q = 0.032 per month, 120 months');
  out(`   (ns per agent-step: the fastest of ${BASS_ROUNDS} rounds each; yardstick/difusi: the median of the rounds' ratios, the two alternating; a difusi replication builds its network and world too)`);
  out('   agents   graph build s   yardstick ns/agent-step   difusi kernel ns/agent-step   yardstick/difusi   difusi replication ns/agent-step   F(120) yardstick / difusi');
  for (const n of [100_000, 10_000]) {
    const model = compile(bassScenario(n));
    const g0 = performance.now();
    const graph = graphOf(model, 0);
    const tGraph = (performance.now() - g0) / 1000;
    const steps = n * BASS_MONTHS;
    let naiveCurve: Float64Array = new Float64Array(0);
    let seed = 1;
    let kernelCurve: Float64Array = new Float64Array(0);
    let rep = 0;
    const naive = () => {
      naiveCurve = naiveBass(graph, BASS_P, BASS_Q, BASS_MONTHS, seed++);
    };
    const kernel = () => {
      kernelCurve = bassKernel.bassCurve(graph, { p: BASS_P, q: BASS_Q, months: BASS_MONTHS, streams: new Streams(replicationSeed(1, rep++)) });
    };
    // Rounds alternate the two (which goes first swapped every round), so that a burst of load on a shared machine
    // falls on both: the ratio is the median of the rounds' ratios, the times the fastest of each.
    naive();
    kernel();
    let tNaive = Infinity;
    let tKernel = Infinity;
    const ratios: number[] = [];
    for (let round = 0; round < BASS_ROUNDS; round++) {
      const [a, b] = round % 2 === 0 ? [naive, kernel] : [kernel, naive];
      const ta = timed(a);
      const tb = timed(b);
      const [tn, tk] = round % 2 === 0 ? [ta, tb] : [tb, ta];
      tNaive = Math.min(tNaive, tn);
      tKernel = Math.min(tKernel, tk);
      ratios.push(tn / tk);
    }
    const ratio = median(ratios);
    // The whole replication as `difusi run` does it: initialization, network, metrics.
    const tFull = best(1, () => {
      simulateReplication(model, 1, 0, { detail: false });
    });
    out(
      `   ${String(n).padStart(7)}   ${tGraph.toFixed(3).padStart(13)}   ${((tNaive * 1e9) / steps).toFixed(2).padStart(23)}   ${((tKernel * 1e9) / steps).toFixed(2).padStart(27)}   ${ratio.toFixed(2).padStart(16)}   ${((tFull * 1e9) / steps).toFixed(2).padStart(32)}   ${naiveCurve[BASS_MONTHS - 1]!.toFixed(3)} / ${kernelCurve[BASS_MONTHS - 1]!.toFixed(3)}`,
    );
  }
}

// ---------------------------------------------------------------------------
// 2. Bekasi with 1 and 2 workers

/**
 * Each measurement runs in a fresh child process, as a `difusi run` would:
 * the model's code is compiled and optimised anew in every thread (that
 * warm-up costs about as much as a hundred replications), so a run in this
 * process after another would find this thread warm and flatter the second.
 * `--workers 1` runs every replication in the child's main thread; with K
 * > 1 that thread computes too, beside K - 1 worker threads
 * (engine/worker-pool.ts). The clock starts when the scenario is read
 * (replicate()) or at the call (executeRun, which reads it). Rounds
 * alternate 1 and 2 workers; each figure is the fastest of BENCH_ROUNDS.
 * The CPU seconds (all threads of the child) show what the threads cost
 * whatever else runs on the machine: on a loaded machine the wall-time
 * ratio says little, and 2 x CPU(1) / CPU(2) bounds what 2 idle cores give.
 * On Linux a further line splits replicate()'s CPU by thread: the main
 * thread, the worker threads, and V8's helper threads, where each thread's
 * optimizing compiler runs (every thread compiles the model's code anew).
 */
async function benchBekasi(): Promise<void> {
  const reps = Number(process.env['BENCH_REPS'] ?? 1000);
  const rounds = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 2));
  const file = readScenarioFile(bekasiFile);
  const model = compile(file.scenario);
  const pairSteps = model.opds.length * model.innovations.length * model.months * reps;
  out(`\n2. Bekasi, ${reps} replications (${model.opds.length} agencies x ${model.innovations.length} innovations x ${model.months} months), each figure the fastest of ${rounds} fresh processes`);
  const child = (mode: string, workers: number) => {
    const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), mode, String(workers), String(reps)], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`bench child ${mode} ${workers} failed: ${res.stderr}`);
    const [seconds, first, cpu, main, threads, helpers] = res.stdout.trim().split(/\s+/).map(Number);
    return { seconds: seconds!, first: first!, cpu: cpu!, main: main ?? NaN, threads: threads ?? NaN, helpers: helpers ?? NaN };
  };
  const fastest = (mode: string) => {
    const best = new Map<number, ReturnType<typeof child>>();
    for (let round = 0; round < rounds; round++)
      for (const workers of [1, 2]) {
        const t = child(mode, workers);
        const sofar = best.get(workers);
        if (sofar === undefined || t.seconds < sofar.seconds) best.set(workers, t);
      }
    return [best.get(1)!, best.get(2)!] as const;
  };
  const seconds = fastest('--child-replicate');
  for (const [i, { seconds: s, first, cpu }] of seconds.entries()) {
    const workers = i + 1;
    out(`   replicate(), ${workers} worker${workers > 1 ? 's' : ' '}: ${s.toFixed(2).padStart(6)} s   ${(pairSteps / s / 1e6).toFixed(2).padStart(7)} M pair-steps/s   ${((s * 1e9) / pairSteps).toFixed(1)} ns/pair-step   first result after ${first.toFixed(3)} s   CPU ${cpu.toFixed(2)} s`);
  }
  out(`   replicate() speed-up of 2 workers over 1: ${(seconds[0].seconds / seconds[1].seconds).toFixed(2)}x`);
  for (const [i, { main, threads, helpers }] of seconds.entries()) {
    if (Number.isNaN(main)) continue;
    const workers = i + 1;
    out(`   replicate(), ${workers} worker${workers > 1 ? 's' : ' '}, CPU by thread until the last result: main ${main.toFixed(2)} s   worker threads ${threads.toFixed(2)} s   V8 helpers (optimizing compiler, GC) ${helpers.toFixed(2)} s`);
  }
  const runSeconds = fastest('--child-execute');
  for (const [i, { seconds: s, cpu }] of runSeconds.entries()) {
    const workers = i + 1;
    out(`   difusi run (result folder), ${workers} worker${workers > 1 ? 's' : ' '}: ${s.toFixed(2).padStart(6)} s   CPU ${cpu.toFixed(2)} s`);
  }
  out(`   difusi run speed-up of 2 workers over 1: ${(runSeconds[0].seconds / runSeconds[1].seconds).toFixed(2)}x`);
}

/** CPU seconds of this process (every thread) since `c0`. */
function cpuSince(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

/**
 * CPU seconds of each thread of this process by id (Linux: /proc/self/task;
 * empty elsewhere). A thread's figure is gone once it ends, so the caller
 * samples while the threads it counts still run.
 */
function threadCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 per second).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    }
  } catch {
    cpu.clear();
  }
  return cpu;
}

/**
 * Child mode: one timed replicate() of Bekasi; prints its seconds, those to
 * the first result, the process's CPU seconds, and (Linux) the CPU seconds of
 * the main thread, of the worker threads, and of V8's helper threads (the
 * optimizing compiler and the garbage collector's helpers: what every
 * thread's JIT warm-up costs) from the start of the clock to the last result.
 */
async function childReplicate(workers: number, reps: number): Promise<void> {
  const file = readScenarioFile(bekasiFile);
  let first = NaN;
  let done = 0;
  let atEnd = new Map<string, number>();
  const before = threadCpu();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await replicate({
    scenario: file.scenario,
    hash: file.hash,
    seed: file.scenario.seed,
    indices: Array.from({ length: reps }, (_, r) => r),
    detailReplications: 0,
    workers,
    onResult: () => {
      if (Number.isNaN(first)) first = (performance.now() - t0) / 1000;
      // The last result: the worker threads have not been stopped yet.
      if (++done === reps) atEnd = threadCpu();
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSince(c0);
  let main = NaN;
  let threads = NaN;
  let helpers = NaN;
  if (atEnd.size > 0) {
    const pid = String(process.pid);
    main = (atEnd.get(pid) ?? NaN) - (before.get(pid) ?? NaN);
    threads = 0;
    helpers = 0;
    for (const [tid, s] of atEnd) {
      if (tid === pid) continue;
      // Threads started during the run are the worker threads; the others are V8's and libuv's (started with the process).
      const since = before.get(tid);
      if (since !== undefined) helpers += s - since;
      else threads += s;
    }
  }
  out(`${seconds} ${first} ${cpu} ${main} ${threads} ${helpers}`);
}

/** Child mode: one timed executeRun of Bekasi into a temporary folder. */
async function childExecute(workers: number, reps: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'difusi-bench-'));
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await executeRun({ file: bekasiFile, overrides: { replications: reps }, outRoot: dir, workers, detail: 0, command: 'bench' });
    out(`${(performance.now() - t0) / 1000} NaN ${cpuSince(c0)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// 3. National-size flat scenario

async function benchNational(): Promise<void> {
  const reps = Number(process.env['NATIONAL_REPS'] ?? 20);
  const scenario = scenarioSchema.parse(nationalFlatScenario(reps));
  const model = compile(scenario);
  out(`\n3. National-size flat scenario (${model.opds.length} agencies x ${model.innovations.length} innovations x ${model.months} months)`);
  const t0 = performance.now();
  const runs = 2;
  for (let r = 0; r < runs; r++) simulateReplication(model, scenario.seed, r, { detail: false });
  const perRep = (performance.now() - t0) / 1000 / runs;
  out(`   one thread: ${perRep.toFixed(2)} s per replication (${((perRep * 1e9) / (model.opds.length * model.innovations.length * model.months)).toFixed(1)} ns/pair-step)`);
  // Peak RSS of a whole run, in a child process so that this process's own heap does not count.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'difusi-bench-national-'));
  const yaml = path.join(dir, 'national.json');
  fs.writeFileSync(yaml, JSON.stringify(nationalFlatScenario(reps)));
  const t1 = performance.now();
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-run', yaml, path.join(dir, 'out'), '2'], { encoding: 'utf8' });
  const wall = (performance.now() - t1) / 1000;
  fs.rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`national run failed: ${child.stderr}`);
  const maxRssKb = Number(/maxRSS (\d+)/.exec(child.stdout)?.[1] ?? NaN);
  out(`   difusi run, ${reps} replications, 2 workers: ${wall.toFixed(1)} s wall (${(wall / reps).toFixed(2)} s per replication), peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`);
}

/** Child mode: one `difusi run` through the library, then the peak RSS of this process (with its threads). */
async function childRun(file: string, outRoot: string, workers: number): Promise<void> {
  await executeRun({ file, outRoot, workers, detail: 0, command: 'bench' });
  out(`maxRSS ${process.resourceUsage().maxRSS}`);
}

/** How the cost of one replication grows with agencies, innovations and months (one thread). */
function benchScaling(): void {
  // CPU, not wall time: on a shared machine another process's work does not count (the cache it evicts still does).
  out('\n5. Cost of one replication of the flat scenario by size (one thread, CPU seconds, median of 3 or more)');
  out('   agencies   innovations   months   s/replication   ns/pair-step');
  // From 300 agencies (the world's arrays, about 180 bytes per pair, fit a core's L2 cache) through
  // 1,000-12,000 (they fit the shared L3) to the full 24,000 (they do not): the same model per pair,
  // so the ns per pair-step read how much of the cost is the memory a world is read from.
  const cases: [number, number, number][] = [
    [300, 10, 132],
    [1000, 10, 132],
    [3000, 10, 132],
    [6000, 10, 132],
    [12000, 10, 132],
    [24000, 10, 132],
    [6000, 5, 132],
    [6000, 10, 66],
  ];
  const sized = (n: number, k: number, months: number) => {
    const input = nationalFlatScenario(1) as { opds: { generate: { count: number } }; innovations: unknown[]; months: number };
    input.opds.generate.count = n;
    input.innovations = input.innovations.slice(0, k);
    input.months = months;
    return compile(scenarioSchema.parse(input));
  };
  // A warm-up, so that the first row does not pay for compiling the model.
  const warm = sized(300, 10, 132);
  for (let r = 0; r < 20; r++) simulateReplication(warm, 7, r, { detail: false });
  for (const [n, k, months] of cases) {
    const model = sized(n, k, months);
    // Small worlds take milliseconds: more replications, so that the median is not one noisy one.
    const reps = Math.max(3, Math.round(30_000 / n));
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      const c0 = process.cpuUsage();
      simulateReplication(model, 7, r, { detail: false });
      times.push(cpuSince(c0));
    }
    times.sort((a, b) => a - b);
    const s = times[Math.floor(reps / 2)]!;
    out(`   ${String(n).padStart(8)}   ${String(k).padStart(11)}   ${String(months).padStart(6)}   ${s.toFixed(3).padStart(13)}   ${((s * 1e9) / (n * k * months)).toFixed(1).padStart(12)}`);
  }
}

// ---------------------------------------------------------------------------
// 4. Start-up

function benchStartup(): void {
  // `difusi` is bin/difusi.mjs (the bundled command line users run); the
  // unbundled dist/src/cli/main.js, which scripts call, is shown beside it.
  const bin = path.join(root, 'bin', 'difusi.mjs');
  out('\n4. Start-up (median wall time of 5 runs; node alone for scale)');
  const medianOf5 = (argv: string[]): number => {
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      const res = spawnSync(process.execPath, argv, { encoding: 'utf8' });
      times.push((performance.now() - t0) / 1000);
      if (res.status !== 0) throw new Error(`${argv.join(' ')} failed: ${res.stderr}`);
    }
    return median(times);
  };
  out(`   node -e 0: ${medianOf5(['-e', '0']).toFixed(3)} s`);
  for (const args of [['--help'], ['validate', bekasiFile]]) {
    out(`   difusi ${args[0]}: ${medianOf5([bin, ...args]).toFixed(3)} s   (dist/src/cli/main.js: ${medianOf5([cli, ...args]).toFixed(3)} s)`);
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child-run') return childRun(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
  if (process.argv[2] === '--child-replicate') return childReplicate(Number(process.argv[3]), Number(process.argv[4]));
  if (process.argv[2] === '--child-execute') return childExecute(Number(process.argv[3]), Number(process.argv[4]));
  out(`difusi bench on ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}\n`);
  if (only.has('bass')) benchBass();
  if (only.has('bekasi')) await benchBekasi();
  if (only.has('national')) await benchNational();
  if (only.has('startup')) benchStartup();
  if (only.has('scaling')) benchScaling();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
