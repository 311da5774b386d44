/**
 * Paired CPU measurement of two builds of the model in one process
 * (docs/PERFORMANCE.md, "Sixth session"): loads `<old>/dist` and `<new>/dist`,
 * runs the same replications alternately (old, new, new, old, ...), prints
 * the CPU seconds of each and the per-round ratio new/old, and checks that
 * both builds give the same result bytes (a hash of every replication's
 * result). Not a test: the figures depend on the machine and its load.
 *
 *   node dist/bench/paired.js <oldRoot> <newRoot> national|flat|bekasi [rounds]
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [oldRoot, newRoot, what = 'national', roundsArg] = process.argv.slice(2);
if (!oldRoot || !newRoot) throw new Error('usage: paired.js <oldRoot> <newRoot> national|flat|bekasi [rounds]');
const rounds = Number(roundsArg ?? 4);

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

const builds = [await load(oldRoot), await load(newRoot)];
process.stdout.write(`${what}: ${builds[0]!.label}; round: old new ratio\n`);
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
  if (h[0] !== h[1]) throw new Error(`round ${r}: results differ (${h[0]} vs ${h[1]})`);
  ratios.push(t[1]! / t[0]!);
  process.stdout.write(`${r}: ${t[0]!.toFixed(3)} ${t[1]!.toFixed(3)} ${(t[1]! / t[0]!).toFixed(3)}  same result ${h[0]}\n`);
}
const sorted = ratios.slice(1).sort((a, b) => a - b);
const mid = sorted.length / 2;
const median = sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
process.stdout.write(`median ratio new/old (rounds 1..${rounds - 1}; round 0 is warm-up): ${median.toFixed(3)}\n`);
