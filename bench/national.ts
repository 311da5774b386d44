/**
 * `npm run bench:national`: the national scenario at full scale
 * (scenarios/indonesia-2015-2025.yaml: 552 governments, about 24,500
 * agencies, 10 national services, 132 months), one thread:
 *
 *  1. compile time (552 city scenarios validated and compiled once), wall
 *     and CPU seconds of this process;
 *  2. seconds per replication (wall, and CPU), over `--replications` (default 2) replications
 *     summed into the national tally exactly as `difusi national` does;
 *  3. (OPD, innovation)-pair-steps per second, comparable with `npm run bench`;
 *  4. peak resident memory (maxRSS) of the process;
 *  5. the Bekasi city scenario's pair-steps per second in the same run, and
 *     the ratio of the two: the cost of the national level per pair-step,
 *     independent of the machine's load;
 *  6. one replication stepped by hand (the calls simulateNationalReplication
 *     makes), in CPU seconds: the city model's share (initWorld and `step`
 *     inside every government) and the national level's (national phase,
 *     national observation, outcomes), so that a slow replication can be
 *     put on the right level whatever the load.
 *
 * Not a test: numbers depend on the machine. The tally holds sums only, so
 * memory does not grow with the number of replications; the replications'
 * results are dropped once added.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadNational } from '../src/jobs/national.js';
import { initNational, nationalPhase, seriesGroups, simulateNationalReplication, tallyServices, warmGovernment } from '../src/model/national/simulate.js';
import { step } from '../src/model/step.js';
import { outcomes } from '../src/model/observation.js';
import { NationalTally } from '../src/experiment/national-tally.js';
import { compile } from '../src/model/compile.js';
import { simulateReplication } from '../src/model/simulate.js';
import { readScenarioFile } from '../src/store/scenario-file.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = process.argv.indexOf('--replications');
const reps = arg > 0 ? Number(process.argv[arg + 1]) : 2;

// CPU seconds of this process next to the wall time: less sensitive to other processes on a shared machine.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let t0 = performance.now();
let cpu0 = cpu();
const { model } = loadNational(path.join(root, 'scenarios', 'indonesia-2015-2025.yaml'));
const compileSeconds = (performance.now() - t0) / 1000;
const compileCpu = cpu() - cpu0;
const agencies = model.governments.reduce((a, g) => a + g.model.opds.length, 0);
const pairs = model.governments.reduce((a, g) => a + g.model.opds.length * g.model.innovations.length, 0);
process.stdout.write(
  `national scenario: ${model.governments.length} governments, ${agencies} agencies, ${pairs} (agency, service) pairs, ${model.months} months\n`,
);
process.stdout.write(`compile (552 city scenarios)                              ${compileSeconds.toFixed(2)} s (CPU ${compileCpu.toFixed(2)} s)\n`);

const tally = new NationalTally(model, seriesGroups(model));
const times: number[] = [];
cpu0 = cpu();
for (let r = 0; r < reps; r++) {
  t0 = performance.now();
  tally.add(simulateNationalReplication(model, model.scenario.seed, r));
  times.push((performance.now() - t0) / 1000);
}
const repCpu = (cpu() - cpu0) / reps;
const mean = times.reduce((a, b) => a + b, 0) / times.length;
process.stdout.write(`seconds per replication, one thread (${reps} replications)     ${mean.toFixed(2)} s  [${times.map((t) => t.toFixed(2)).join(', ')}] (CPU ${repCpu.toFixed(2)} s)\n`);
const nationalRate = (pairs * model.months) / mean;
process.stdout.write(`pair-steps per second                                     ${(nationalRate / 1e6).toFixed(2)} M\n`);
const bekasi = compile(readScenarioFile(path.join(root, 'scenarios', 'bekasi-2015-2025.yaml')).scenario);
const cityReps = 40;
t0 = performance.now();
for (let r = 0; r < cityReps; r++) simulateReplication(bekasi, 1, r, { detail: false });
const cityRate = (bekasi.opds.length * bekasi.innovations.length * bekasi.months * cityReps) / ((performance.now() - t0) / 1000);
process.stdout.write(`Bekasi city, same run: pair-steps per second             ${(cityRate / 1e6).toFixed(2)} M\n`);
process.stdout.write(`national / city pair-step rate                            ${(nationalRate / cityRate).toFixed(2)}\n`);
// 6. Where a replication's time goes, in CPU time of this process (less sensitive to other processes than wall time).
const split = { init: 0, phase: 0, step: 0, observe: 0, outcomes: 0 };
let c0 = cpu();
const run = initNational(model, model.scenario.seed, reps);
split.init = cpu() - c0;
for (let month = 1; month <= model.months; month++) {
  c0 = cpu();
  nationalPhase(model, run, month);
  const c1 = cpu();
  // Each government's block read ahead of its step (counted in the step). nationalMonth reads it
  // earlier, before the government's national phase, so this split by parts differs slightly from a run's.
  for (let gi = 0; gi < run.worlds.length; gi++) {
    warmGovernment(run, gi);
    step(run.worlds[gi]!, month);
  }
  const c2 = cpu();
  tallyServices(model, run);
  const c3 = cpu();
  split.phase += c1 - c0;
  split.step += c2 - c1;
  split.observe += c3 - c2;
}
c0 = cpu();
for (const w of run.worlds) outcomes(w);
split.outcomes = cpu() - c0;
const cityPart = split.init + split.step;
const nationalPart = split.phase + split.observe + split.outcomes;
process.stdout.write(`one replication by parts, CPU seconds                     city ${cityPart.toFixed(2)} s (init ${split.init.toFixed(2)}, step ${split.step.toFixed(2)}), national ${nationalPart.toFixed(2)} s (phase ${split.phase.toFixed(2)}, observation ${split.observe.toFixed(2)}, outcomes ${split.outcomes.toFixed(2)})\n`);
process.stdout.write(`national level's share of a replication                   ${((100 * nationalPart) / (cityPart + nationalPart)).toFixed(1)} %\n`);
process.stdout.write(`peak resident memory (maxRSS)                             ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
process.stdout.write(`target: <= 1 s per replication per core, <= 1 GB peak RSS for 200 replications\n`);
