/**
 * `npm run engine-compare`: the old engine (before the hazard clocks, loaded
 * from git: legacy-engine.ts) against the current one, R paired
 * replications of each shipped scenario (same scenario, master seed and
 * replication indices). Not a test (it takes minutes); its output is the
 * table of docs/PERFORMANCE.md.
 *
 * For each scenario:
 *  - how many replications give byte-identical results (series, outcomes);
 *  - outcome shares per innovation and outcome: two-proportion z test;
 *  - every metric at the horizon: Welch t test of the means and two-sample
 *    Kolmogorov-Smirnov test of the distributions;
 *  - in pure Bass mode, the cumulative adoption share every 12 months (the
 *    P2 curve points): Welch t and KS.
 * All p-values of the run are held to one Bonferroni-corrected level,
 * 0.05 / (number of tests). Welch and z statistics are referred to the
 * normal distribution (R >= 200 per arm, so the t distribution's df is in
 * the hundreds); KS p-values use the asymptotic Kolmogorov distribution.
 *
 *     npm run engine-compare                   # R = 1000
 *     ENGINE_COMPARE_REPS=200 npm run engine-compare
 *     ENGINE_COMPARE_ONLY=bass,small-world ENGINE_COMPARE_SPARSE_REPS=40 npm run engine-compare
 *     ENGINE_COMPARE_COMMIT=<commit> npm run engine-compare   # another old engine (default: LEGACY_COMMIT)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { compile } from '../src/model/compile.js';
import { metricNames } from '../src/model/observation.js';
import { simulateReplication } from '../src/model/simulate.js';
import { OUTCOMES } from '../src/model/observation.js';
import { readScenarioFile } from '../src/store/scenario-file.js';
import { scenarioSchema, type Scenario } from '../src/scenario/schema.js';
import { loadLegacyEngine, LEGACY_COMMIT, type LegacyEngine } from './legacy-engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const R = Number(process.env['ENGINE_COMPARE_REPS'] ?? 1000);
const out = (s: string) => process.stdout.write(s + '\n');

/** Complementary error function (Numerical Recipes erfcc; relative error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a standard normal statistic. */
function normalP(z: number): number {
  return Number.isFinite(z) ? erfc(Math.abs(z) / Math.SQRT2) : 0;
}

function meanVar(x: Float64Array): [number, number] {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let s = 0;
  for (const v of x) s += (v - m) ** 2;
  return [m, s / (x.length - 1)];
}

/** Welch's two-sample test of means: p-value (1 when both samples are constant and equal). */
function welchP(a: Float64Array, b: Float64Array): number {
  const [ma, va] = meanVar(a);
  const [mb, vb] = meanVar(b);
  const se = Math.sqrt(va / a.length + vb / b.length);
  if (se === 0) return ma === mb ? 1 : 0;
  return normalP((ma - mb) / se);
}

/** Two-sample Kolmogorov-Smirnov: p-value from the asymptotic distribution. */
function ksP(a: Float64Array, b: Float64Array): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  if (d === 0) return 1;
  const ne = (x.length * y.length) / (x.length + y.length);
  const lambda = (Math.sqrt(ne) + 0.12 + 0.11 / Math.sqrt(ne)) * d;
  let sum = 0;
  for (let k = 1; k <= 100; k++) sum += 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
  return Math.min(1, Math.max(0, sum));
}

/** Two-proportion z test (pooled). */
function proportionP(x1: number, x2: number, n: number): number {
  const pooled = (x1 + x2) / (2 * n);
  const se = Math.sqrt(pooled * (1 - pooled) * (2 / n));
  if (se === 0) return x1 === x2 ? 1 : 0;
  return normalP((x1 / n - x2 / n) / se);
}

interface Test {
  readonly scenario: string;
  readonly kind: string;
  readonly what: string;
  readonly oldValue: number;
  readonly newValue: number;
  readonly p: number;
}

function bassBench(n: number): Scenario {
  return scenarioSchema.parse({
    name: `small-world-bass-${n}`,
    start: '2020-01',
    months: 120,
    seed: 11,
    decision: 'bass',
    opds: { generate: { count: n } },
    network: { type: 'small-world', degree: 10, rewire: 0.1 },
    parameters: { bass_p: 1 - Math.pow(1 - 0.0025, 12), bass_q: 0.032 * 12 },
    innovations: [{ id: 'e-service', owner: 'opd', funding: 'apbd', launch: '2020-01', relative_advantage: 0.5, compatibility: 0.5, complexity: 0.5, trialability: 0.5, observability: 0.5 }],
  });
}

function compareScenario(label: string, scenario: Scenario, reps: number, legacy: LegacyEngine, tests: Test[]): string {
  const current = compile(scenario);
  const old = legacy.compile(scenario);
  const names = metricNames(current);
  const M = names.length;
  const T = current.months;
  const K = current.innovations.length;
  const horizonOld = names.map(() => new Float64Array(reps));
  const horizonNew = names.map(() => new Float64Array(reps));
  const bassMonths = scenario.decision === 'bass' ? Array.from({ length: Math.floor(T / 12) }, (_, x) => 12 * (x + 1)) : [];
  const cumulative = names.indexOf('cumulative_adoption_share');
  const curveOld = bassMonths.map(() => new Float64Array(reps));
  const curveNew = bassMonths.map(() => new Float64Array(reps));
  const outcomeOld = new Int32Array(K * OUTCOMES.length);
  const outcomeNew = new Int32Array(K * OUTCOMES.length);
  let identical = 0;
  let tOld = 0;
  let tNew = 0;
  for (let r = 0; r < reps; r++) {
    let t0 = performance.now();
    const a = legacy.simulateReplication(old, scenario.seed, r, { detail: false });
    tOld += performance.now() - t0;
    t0 = performance.now();
    const b = simulateReplication(current, scenario.seed, r, { detail: false });
    tNew += performance.now() - t0;
    let same = a.series.length === b.series.length && JSON.stringify(a.outcomes) === JSON.stringify(b.outcomes);
    for (let x = 0; same && x < a.series.length; x++) if (!Object.is(a.series[x], b.series[x])) same = false;
    if (same) identical++;
    for (let j = 0; j < M; j++) {
      horizonOld[j]![r] = a.series[(T - 1) * M + j]!;
      horizonNew[j]![r] = b.series[(T - 1) * M + j]!;
    }
    bassMonths.forEach((m, x) => {
      curveOld[x]![r] = a.series[(m - 1) * M + cumulative]!;
      curveNew[x]![r] = b.series[(m - 1) * M + cumulative]!;
    });
    a.outcomes.forEach((o, k) => outcomeOld[k * OUTCOMES.length + OUTCOMES.indexOf(o.outcome as (typeof OUTCOMES)[number])]!++);
    b.outcomes.forEach((o, k) => outcomeNew[k * OUTCOMES.length + OUTCOMES.indexOf(o.outcome)]!++);
  }
  for (let k = 0; k < K; k++)
    OUTCOMES.forEach((o, x) => {
      const c1 = outcomeOld[k * OUTCOMES.length + x]!;
      const c2 = outcomeNew[k * OUTCOMES.length + x]!;
      tests.push({ scenario: label, kind: 'two-proportion z', what: `${current.innovations[k]!.id} ${o}`, oldValue: c1 / reps, newValue: c2 / reps, p: proportionP(c1, c2, reps) });
    });
  for (let j = 0; j < M; j++) {
    const [mo] = meanVar(horizonOld[j]!);
    const [mn] = meanVar(horizonNew[j]!);
    tests.push({ scenario: label, kind: 'Welch t', what: `${names[j]} at month ${T}`, oldValue: mo, newValue: mn, p: welchP(horizonOld[j]!, horizonNew[j]!) });
    tests.push({ scenario: label, kind: 'KS', what: `${names[j]} at month ${T}`, oldValue: mo, newValue: mn, p: ksP(horizonOld[j]!, horizonNew[j]!) });
  }
  bassMonths.forEach((m, x) => {
    const [mo] = meanVar(curveOld[x]!);
    const [mn] = meanVar(curveNew[x]!);
    tests.push({ scenario: label, kind: 'Welch t', what: `P2 curve F(${m})`, oldValue: mo, newValue: mn, p: welchP(curveOld[x]!, curveNew[x]!) });
    tests.push({ scenario: label, kind: 'KS', what: `P2 curve F(${m})`, oldValue: mo, newValue: mn, p: ksP(curveOld[x]!, curveNew[x]!) });
  });
  return `| ${label} | ${reps} | ${identical} | ${(tOld / reps).toFixed(2)} | ${(tNew / reps).toFixed(2)} | ${(tOld / tNew).toFixed(2)} |`;
}

async function main(): Promise<void> {
  const commit = process.env['ENGINE_COMPARE_COMMIT'] ?? LEGACY_COMMIT;
  const legacy = await loadLegacyEngine(root, commit);
  out(`old engine: git ${commit.slice(0, 12)}; ${R} paired replications per shipped scenario\n`);
  out('| scenario | replications | byte-identical | old ms/replication | new ms/replication | speed-up |');
  out('|---|---:|---:|---:|---:|---:|');
  const tests: Test[] = [];
  const files = ['bekasi-2015-2025.yaml', 'discontinued-vendor-pilot.yaml', 'sustained-opd-owned.yaml', 'validation/bass-complete.yaml', 'validation/null-model.yaml', 'validation/rogers-categories.yaml'];
  const only = process.env['ENGINE_COMPARE_ONLY']?.split(',');
  for (const f of files) {
    if (only && !only.some((o) => f.includes(o))) continue;
    const { scenario } = readScenarioFile(path.join(root, 'scenarios', f));
    out(compareScenario(f, scenario, R, legacy, tests));
  }
  // Pure Bass on a sparse graph (the bucket-queue path): fewer replications, the old engine is slow here.
  const sparseReps = Number(process.env['ENGINE_COMPARE_SPARSE_REPS'] ?? Math.max(50, Math.round(R / 5)));
  if (!only || only.includes('small-world')) out(compareScenario('small world, 10,000 agencies, pure Bass (bench graph)', bassBench(10_000), sparseReps, legacy, tests));
  const level = 0.05 / tests.length;
  const failed = tests.filter((t) => t.p < level);
  const smallest = [...tests].sort((a, b) => a.p - b.p).slice(0, 8);
  out(`\n${tests.length} tests, Bonferroni level 0.05 / ${tests.length} = ${level.toExponential(2)}: ${failed.length} below it.`);
  out('\nsmallest p-values:\n\n| scenario | test | quantity | old | new | p |\n|---|---|---|---:|---:|---:|');
  for (const t of smallest) out(`| ${t.scenario} | ${t.kind} | ${t.what} | ${t.oldValue.toPrecision(4)} | ${t.newValue.toPrecision(4)} | ${t.p.toPrecision(3)} |`);
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
