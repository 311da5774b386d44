/**
 * `npm run bench`: throughput of the engine, for later work to measure against.
 * Not a test: numbers depend on the machine; compare ratios within one run.
 *
 *  1. (OPD, innovation)-pair-steps per second on the shipped Bekasi scenario
 *     (43 agencies x 8 innovations x 132 months per replication);
 *  2. agent-steps per second for pure Bass on a 100,000-agent small-world
 *     network (mean degree 10);
 *  3. the same Bass run on 10,000 agents, to show how the cost scales with N.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compile } from '../src/model/compile.js';
import { simulateReplication } from '../src/model/simulate.js';
import { readScenarioFile } from '../src/store/scenario-file.js';
import { scenarioSchema } from '../src/scenario/schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function time(label: string, units: number, unitName: string, run: () => void): number {
  run(); // warm-up
  const t0 = performance.now();
  run();
  const seconds = (performance.now() - t0) / 1000;
  const rate = units / seconds;
  process.stdout.write(`${label.padEnd(58)} ${(rate / 1e6).toFixed(2).padStart(8)} M ${unitName}/s  (${seconds.toFixed(2)} s)\n`);
  return rate;
}

const bekasi = compile(readScenarioFile(path.join(root, 'scenarios', 'bekasi-2015-2025.yaml')).scenario);
const reps = 20;
const pairSteps = bekasi.opds.length * bekasi.innovations.length * bekasi.months * reps;
const bekasiRate = time(`Bekasi: ${reps} replications, one thread`, pairSteps, 'pair-steps', () => {
  for (let r = 0; r < reps; r++) simulateReplication(bekasi, 1, r, { detail: false });
});

function bassModel(n: number) {
  return compile(
    scenarioSchema.parse({
      name: `bench-bass-${n}`,
      start: '2020-01',
      months: 120,
      decision: 'bass',
      opds: { generate: { count: n } },
      network: { type: 'small-world', degree: 10, rewire: 0.1 },
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
    }),
  );
}

const small = bassModel(10_000);
const smallRate = time('Pure Bass, 10,000 agents, small world (degree 10), 120 months', 10_000 * 120, 'agent-steps', () => {
  simulateReplication(small, 1, 0, { detail: false });
});
const big = bassModel(100_000);
const bigRate = time('Pure Bass, 100,000 agents, small world (degree 10), 120 months', 100_000 * 120, 'agent-steps', () => {
  simulateReplication(big, 1, 0, { detail: false });
});
const attrs = { relative_advantage: 0.7, compatibility: 0.6, complexity: 0.4, trialability: 0.5, observability: 0.6 };
const city = compile(
  scenarioSchema.parse({
    name: 'bench-city-50k',
    start: '2020-01',
    months: 60,
    coordinator: 'opd1',
    opds: { generate: { count: 50_000, types: { dinas: 3, badan: 1, kecamatan: 1 } } },
    network: { type: 'hub', among: { type: 'small-world', degree: 10, rewire: 0.1 } },
    leaders: [{ id: 'mayor', from: '2020-01', commitment: 0.6 }, { id: 'next', from: '2022-01' }],
    regulations: [{ id: 'reg', from: '2021-01', strength: 0.5, anchors: ['a'] }],
    vendors: [{ id: 'v', contract_end: '2023-01' }],
    innovations: [
      { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...attrs },
      { id: 'b', owner: 'vendor', vendor: 'v', funding: 'pilot', pilot_months: 36, sponsor: 'leader', launch: '2020-01', ...attrs },
      { id: 'c', owner: 'coordinator', funding: 'national', launch: '2021-01', costly: true, ...attrs },
    ],
  }),
);
time('Threshold model, 50,000 agencies x 3 innovations, 60 months', 50_000 * 3 * 60, 'pair-steps', () => {
  simulateReplication(city, 1, 0, { detail: false });
});

process.stdout.write(
  `\nratios in this run: Bass 100k / 10k agent-step rate = ${(bigRate / smallRate).toFixed(2)} (1.0 = linear scaling); ` +
    `Bekasi pair-step rate / Bass 100k agent-step rate = ${(bekasiRate / bigRate).toFixed(2)}\n` +
    '(timings include network generation and initialization of each replication)\n',
);
