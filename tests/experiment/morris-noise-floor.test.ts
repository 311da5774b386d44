/**
 * The noise floor of Morris mu* (experiment/design.ts morrisNoiseFloors):
 * the mu* that replication noise alone gives a factor without effect,
 * 2 sqrt(v / pi) * mean_k (1 / |s_k|) with v the noise variance of a design
 * point's mean and s_k the factor's steps in units of its range.
 *
 * Built on the function level: synthetic point means (a known function of
 * the design plus independent normal noise of known variance v, standing
 * in for the noise common random numbers do not cancel), so the floor's
 * expectation is known without running the model. (A factor the model
 * ignores entirely gives identical runs and mu* exactly 0; the floor is
 * about a factor that changes the runs' randomness but not their mean.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDesign, morrisNoiseFloors, sensitivityRows, type DesignPlan } from '../../src/experiment/design.js';
import { foldDesign } from '../../src/experiment/sweep.js';
import type { DesignSpec } from '../../src/experiment/spec.js';
import { executeDesignJob, type DesignJob } from '../../src/jobs/sweep.js';
import { formatSensitivity } from '../../src/cli/sensitivity.js';
import { tempRoot } from './helpers.js';

const out = tempRoot('morris-noise-floor');
afterAll(out.cleanup);
type Row = Record<string, string>;
const readCsv = (dir: string, file: string): Row[] => parse(readFileSync(join(dir, file), 'utf8'), { columns: true }) as Row[];

/** A standard normal from a stream. */
function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

const TRAJECTORIES = 10;
const spec: DesignSpec = {
  method: 'morris',
  trajectories: TRAJECTORIES,
  levels: 6,
  bootstrap: 0,
  factors: [
    // x1 has an effect: the mean rises by 1 over its whole range.
    { name: 'x1', min: 0, max: 1, integer: false },
    { name: 'x2', min: 0, max: 1, integer: false },
    { name: 'x3', min: -5, max: 5, integer: false },
    // Levels 0, 0.6, 1.2, 1.8, 2.4, 3 round to 0, 1, 1, 2, 2, 3: steps of 1/3 or 2/3 of the range, not delta = 0.6.
    { name: 'k', min: 0, max: 3, integer: true },
  ],
};

/** Each factor's steps as the rows take them (in units of its range), recomputed from the plan's rows. */
function takenSteps(plan: DesignPlan): number[][] {
  const range = spec.factors.map((f) => f.max! - f.min!);
  const steps: number[][] = spec.factors.map(() => []);
  for (const t of plan.morris!.trajectories) {
    t.order.forEach((f, k) => steps[f]!.push((plan.rows[t.start + k + 1]![f]! - plan.rows[t.start + k]![f]!) / range[f]!));
  }
  return steps;
}

describe('the noise floor of Morris mu*', () => {
  const plan = buildDesign(spec, 7);
  const v = 0.0004; // noise variance of a point's mean: SD 0.02

  it('is 2 sqrt(v / pi) times the mean of 1 / |step| over the factor\'s steps, per factor; NaN without a noise estimate', () => {
    const means = plan.rows.map((row) => row[0]!);
    const rows = sensitivityRows(plan, ['y'], [means], 1, [v]);
    const steps = takenSteps(plan);
    // The integer factor's rounded steps differ from step to step (the check below would be vacuous otherwise).
    expect(new Set(steps[3]!.map((s) => Math.abs(s).toFixed(6))).size).toBeGreaterThan(1);
    rows.forEach((r, f) => {
      const expected = (2 * Math.sqrt(v / Math.PI) * steps[f]!.reduce((a, s) => a + 1 / Math.abs(s), 0)) / steps[f]!.length;
      expect(r.noise_floor, r.parameter).toBeCloseTo(expected, 12);
    });
    // Continuous factors: 2 sqrt(v / pi) / delta, delta = 6 / (2 * 5) = 0.6.
    expect(rows[0]!.noise_floor).toBeCloseTo((2 * Math.sqrt(v / Math.PI)) / 0.6, 12);
    expect(rows[1]!.noise_floor).toBeCloseTo(rows[0]!.noise_floor!, 12);
    expect(rows[2]!.noise_floor).toBeCloseTo(rows[0]!.noise_floor!, 12);
    // NaN without an estimate of the noise (one replication).
    expect(sensitivityRows(plan, ['y'], [means], 1, [Number.NaN]).map((r) => r.noise_floor)).toEqual([NaN, NaN, NaN, NaN]);
    expect(sensitivityRows(plan, ['y'], [means], 1).map((r) => r.noise_floor)).toEqual([NaN, NaN, NaN, NaN]);
  });

  it("matches a null factor's mean mu* under pure noise, and a real effect lies well above it", () => {
    // Per repetition a null factor's mu* is the mean of r = 10 independent |EE| (each factor moves once per
    // trajectory), of SD sqrt(pi / 2 - 1) = 0.756 times their mean; over 400 repetitions the mean mu* has a
    // relative SD of 0.756 / sqrt(4000) = 1.2 %. A 6 % tolerance is 5 SD.
    const reps = 400;
    const rng = seedrandom('morris-noise-floor') as unknown as () => number;
    const sums = new Float64Array(4);
    let floors: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const means = plan.rows.map((row) => row[0]! + Math.sqrt(v) * normal(rng));
      const rows = sensitivityRows(plan, ['y'], [means], 1, [v]);
      rows.forEach((r, f) => {
        sums[f]! += r.mu_star;
      });
      floors = rows.map((r) => r.noise_floor!);
    }
    for (const f of [1, 2, 3]) {
      const mean = sums[f]! / reps;
      expect(Math.abs(mean / floors[f]! - 1), `factor ${f}: mean mu* ${mean}, floor ${floors[f]}`).toBeLessThan(0.06);
    }
    // x1: every elementary effect is 1 plus noise; the floor is 0.038.
    expect(sums[0]! / reps).toBeCloseTo(1, 1);
    expect(sums[0]! / reps).toBeGreaterThan(10 * floors[0]!);
  });
});

describe('the Morris noise floor when neighbouring points share their noise', () => {
  // Common random numbers keep the runs of a step's two points close when the step changes little. Here the
  // noise of replication r walks along each trajectory: z_start ~ N(0, 0.3^2), then z_after = z_before + N(0, tau^2),
  // so a step's difference has variance tau^2 (measured on its paired replications, foldDesign's stepNoise)
  // while the spread between points is far larger: a design-wide figure (noise) would put the floor too high.
  const plan = buildDesign(spec, 11);
  const R = 8;
  const tau = 0.02;
  const outcomes = [{ name: 'y', kind: 'metric' as const }];

  function fold(rng: () => number) {
    const P = plan.rows.length;
    const y = new Float64Array(P * R);
    const starts = new Set(plan.morris!.trajectories.map((t) => t.start));
    for (let r = 0; r < R; r++) {
      let z = 0;
      for (let p = 0; p < P; p++) {
        z = starts.has(p) ? 0.3 * normal(rng) : z + tau * normal(rng);
        y[p * R + r] = plan.rows[p]![0]! + z;
      }
    }
    return foldDesign(P, R, outcomes, (u, out) => out.set([y[u]!]));
  }

  it("measures each step's noise on its paired replications, and the floor matches a null factor's mean mu*", () => {
    // As above: 400 repetitions, 10 steps per factor (1.2 % relative SD of the mean mu*). Each step's SD is
    // estimated on R = 8 replications, which puts the floor about 3.5 % low on average (E s = c4 sigma,
    // c4(8) = 0.965); tolerance 8 %.
    const reps = 400;
    const rng = seedrandom('morris-noise-floor-shared') as unknown as () => number;
    const mu = new Float64Array(4);
    const floor = new Float64Array(4);
    const designWide = new Float64Array(4);
    for (let rep = 0; rep < reps; rep++) {
      const { means, noise, stepNoise } = fold(rng);
      const rows = sensitivityRows(plan, ['y'], means, 1, noise, stepNoise);
      const wide = morrisNoiseFloors(plan, noise[0]);
      rows.forEach((r, f) => {
        mu[f]! += r.mu_star / reps;
        floor[f]! += r.noise_floor! / reps;
        designWide[f]! += wide[f]! / reps;
      });
    }
    for (const f of [1, 2, 3]) {
      expect(Math.abs(mu[f]! / floor[f]! - 1), `factor ${f}: mean mu* ${mu[f]}, floor ${floor[f]}`).toBeLessThan(0.08);
      // The design-wide figure would be several times too high: a null factor would never reach it.
      expect(designWide[f]! / mu[f]!, `factor ${f}`).toBeGreaterThan(3);
    }
    expect(mu[0]!).toBeGreaterThan(10 * floor[0]!);
  });

  it('is NaN for every factor when a step has no noise estimate (one replication)', () => {
    const stepNoise = [new Float64Array(plan.rows.length).fill(Number.NaN)];
    expect(morrisNoiseFloors(plan, 0.01, stepNoise[0])).toEqual([NaN, NaN, NaN, NaN]);
  });
});

describe('the Morris noise floor in the result folder', () => {
  const R = 6;
  /** The synthetic model as a design job: y = x1 plus noise shared by replication r (cancels) and noise of its own. */
  function job(replications: number): DesignJob {
    const plan = buildDesign(spec, 7);
    const normalOf = (name: string) => normal(seedrandom(name) as unknown as () => number);
    return {
      kind: 'sensitivity',
      name: `morris-floor-${replications}`,
      plan,
      replications,
      seed: 7,
      outcomes: [{ name: 'y', kind: 'metric' }],
      identity: `morris-floor-${replications}`,
      manifest: { kind: 'sensitivity', scenario: { name: 'morris-floor' } },
      task: () => {
        throw new Error('a stand-in has no model task');
      },
      evaluate: (x, r) => Float64Array.of(x[0]! + 0.3 * normalOf(`shared:${r}`) + 0.05 * normalOf(`own:${x.join(',')}:${r}`)),
    };
  }

  it('is the last column of sensitivity.csv and morris.csv, from the noise measured in sweep.csv, and printed above the table', async () => {
    const result = await executeDesignJob(job(R), { outRoot: out.dir, workers: 1, command: 'test' });
    const morris = readCsv(result.dir, 'morris.csv');
    const all = readCsv(result.dir, 'sensitivity.csv');
    expect(Object.keys(morris[0]!)).toEqual(['parameter', 'outcome', 'mu', 'mu_star', 'sigma', 'mu_star_conf', 'noise_floor']);
    expect(Object.keys(all[0]!)).toEqual(['method', 'parameter', 'outcome', 'mu', 'mu_star', 'sigma', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'mu_star_conf', 'noise_floor']);
    // The floor by hand from sweep.csv: for each step of each trajectory, the variance over the replications
    // of the paired difference (after - before), divided by R; sqrt(2 / pi) sqrt(w) / |step|, averaged per factor.
    const runs = readCsv(result.dir, 'sweep.csv');
    const P = result.job.plan.rows.length;
    const y = Array.from({ length: P }, () => new Array<number>(R).fill(0));
    for (const r of runs) y[Number(r['point'])]![Number(r['replication'])] = Number(r['y']);
    const sums = new Array<number>(spec.factors.length).fill(0);
    const counts = new Array<number>(spec.factors.length).fill(0);
    for (const t of result.job.plan.morris!.trajectories) {
      t.order.forEach((f, k) => {
        const d = y[t.start + k + 1]!.map((after, r) => after - y[t.start + k]![r]!);
        const m = d.reduce((a, b) => a + b, 0) / R;
        const w = d.reduce((a, b) => a + (b - m) ** 2, 0) / (R - 1) / R;
        sums[f]! += (Math.sqrt(2 / Math.PI) * Math.sqrt(w)) / Math.abs(t.steps[k]!);
        counts[f]! += 1;
      });
    }
    const floors = sums.map((x, f) => x / counts[f]!);
    morris.forEach((row, f) => {
      expect(Number(row['noise_floor']), row['parameter']).toBeCloseTo(floors[f]!, 9);
      expect(all[f]!['noise_floor']).toBe(row['noise_floor']);
    });
    // The own noise (SD 0.05) gives about 2 sqrt(0.05^2 / 6 / pi) / 0.6 = 0.038; the shared noise (SD 0.3) is not in it.
    expect(floors[0]).toBeGreaterThan(0.02);
    expect(floors[0]).toBeLessThan(0.06);
    expect(Number(morris[0]!['mu_star'])).toBeGreaterThan(10 * floors[0]!);
    const text = formatSensitivity(all.map((r) => ({ ...r, noise_floor: Number(r['noise_floor']), mu: Number(r['mu']), mu_star: Number(r['mu_star']), sigma: Number(r['sigma']), mu_star_conf: Number(r['mu_star_conf']) })) as never);
    const lines = text.split('\n');
    expect(lines[1]).toBe(
      'floor: the mu* that replication noise alone gives the factor, measured on its own steps; a factor without effect on the mean has a mu* of about its floor (more replications lower it, more trajectories do not)',
    );
    // The table's last column is each factor's floor as written.
    expect(lines[2]).toMatch(/^parameter +mu\* \(95% CI ±\) +mu +sigma +floor$/);
    for (const row of morris) {
      const line = lines.find((l) => l.startsWith(`${row['parameter']} `))!;
      expect(line.trim().split(/ +/).at(-1), row['parameter']).toBe(Number(row['noise_floor']).toFixed(3));
    }
  });

  it('is empty with one replication', async () => {
    const result = await executeDesignJob(job(1), { outRoot: out.dir, workers: 1, command: 'test' });
    expect(readCsv(result.dir, 'morris.csv').map((r) => r['noise_floor'])).toEqual(['', '', '', '']);
    expect(readCsv(result.dir, 'sensitivity.csv').map((r) => r['noise_floor'])).toEqual(['', '', '', '']);
  });
});
