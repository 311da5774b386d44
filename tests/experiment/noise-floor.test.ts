/**
 * The noise floor of a Sobol' analysis (experiment/design.ts noiseFloor,
 * experiment/sweep.ts foldDesign): the share of the variance of the design
 * points' means that replication noise gives, written as the last column of
 * sensitivity.csv and sobol.csv and printed above each outcome's table.
 *
 * On the Ishigami function plus noise, with a fourth factor the function
 * ignores but whose value changes the noise (as a model parameter that
 * changes the runs' random draws but not their expected outcome), the
 * inert factor's ST lies at the floor, whatever N; the noise that every
 * point shares through common random numbers (a term of the replication
 * alone) cancels and is not counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDesign } from '../../src/experiment/design.js';
import { ishigami } from '../../src/experiment/stats/index.js';
import { executeDesignJob, type DesignJob } from '../../src/jobs/sweep.js';
import { formatSensitivity } from '../../src/cli/sensitivity.js';
import { tempRoot } from './helpers.js';

const out = tempRoot('noise-floor');
afterAll(out.cleanup);

type Row = Record<string, string>;
const readCsv = (dir: string, file: string): Row[] => parse(readFileSync(join(dir, file), 'utf8'), { columns: true }) as Row[];

const SHARED_SD = 3; // noise of replication r common to every point (common random numbers)
const OWN_SD = 2; // noise of each (point, replication)
const R = 8;

/** A standard normal from a named stream. */
function normal(name: string): number {
  const rng = seedrandom(name);
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function noisyIshigami(N: number): DesignJob {
  const factors = ['x1', 'x2', 'x3', 'x4'].map((name) => ({ name, min: -Math.PI, max: Math.PI, integer: false }));
  const plan = buildDesign({ method: 'sobol', samples: N, bootstrap: 50, factors }, 11);
  return {
    kind: 'sensitivity',
    name: `noisy-ishigami-${N}`,
    plan,
    replications: R,
    seed: 11,
    outcomes: [{ name: 'y', kind: 'metric' }],
    identity: `noisy-ishigami-${N}`,
    manifest: { kind: 'sensitivity', scenario: { name: 'noisy-ishigami' } },
    task: () => {
      throw new Error('a stand-in has no model task');
    },
    evaluate: (x, r) => Float64Array.of(ishigami(x) + SHARED_SD * normal(`shared:${r}`) + OWN_SD * normal(`own:${x.join(',')}:${r}`)),
  };
}

/** The floor by hand from sweep.csv: the two-way residual mean square / R over V of the A and B means. */
function floorByHand(runs: Row[], N: number): number {
  const P = Math.max(...runs.map((r) => Number(r['point']))) + 1;
  const y: number[][] = Array.from({ length: P }, () => new Array<number>(R).fill(0));
  for (const r of runs) y[Number(r['point'])]![Number(r['replication'])] = Number(r['y']);
  const pointMean = y.map((v) => v.reduce((a, b) => a + b, 0) / R);
  const repMean = Array.from({ length: R }, (_, r) => y.reduce((a, v) => a + v[r]!, 0) / P);
  const grand = pointMean.reduce((a, b) => a + b, 0) / P;
  let ss = 0;
  for (let p = 0; p < P; p++) for (let r = 0; r < R; r++) ss += (y[p]![r]! - pointMean[p]! - repMean[r]! + grand) ** 2;
  const noise = ss / ((P - 1) * (R - 1)) / R;
  const ab = pointMean.slice(0, 2 * N);
  const m = ab.reduce((a, b) => a + b, 0) / (2 * N);
  const V = ab.reduce((a, b) => a + (b - m) ** 2, 0) / (2 * N);
  return noise / V;
}

describe("the noise floor of Sobol' indices", () => {
  it('matches the hand computation from sweep.csv, and an inert factor that changes the noise has ST at the floor, at two N', async () => {
    for (const N of [256, 1024]) {
      const result = await executeDesignJob(noisyIshigami(N), { outRoot: out.dir, workers: 1, command: 'test' });
      const sobol = readCsv(result.dir, 'sobol.csv');
      const all = readCsv(result.dir, 'sensitivity.csv');
      // Appended last, the other columns where they were.
      expect(Object.keys(sobol[0]!)).toEqual(['parameter', 'outcome', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'noise_floor']);
      expect(Object.keys(all[0]!)).toEqual(['method', 'parameter', 'outcome', 'mu', 'mu_star', 'sigma', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'mu_star_conf', 'noise_floor']);
      const floor = Number(sobol[0]!['noise_floor']);
      expect(sobol.every((r) => r['noise_floor'] === sobol[0]!['noise_floor'])).toBe(true);
      expect(all.every((r) => r['noise_floor'] === sobol[0]!['noise_floor'])).toBe(true);
      expect(floor).toBeCloseTo(floorByHand(readCsv(result.dir, 'sweep.csv'), N), 9);
      // Expected about (OWN_SD^2 / R) / (13.84 + OWN_SD^2 / R) = 0.035; the shared noise (SD 3) is not in it.
      expect(floor).toBeGreaterThan(0.025);
      expect(floor).toBeLessThan(0.05);
      const x4 = sobol.find((r) => r['parameter'] === 'x4')!;
      const st4 = Number(x4['ST']);
      expect(Math.abs(st4 - floor), `N = ${N}: ST(x4) ${st4.toFixed(4)}, floor ${floor.toFixed(4)}`).toBeLessThan(0.25 * floor);
      // The terminal prints it above the outcome's table.
      const rows = readCsv(result.dir, 'sensitivity.csv').map((r) => ({ ...r, noise_floor: Number(r['noise_floor']) }));
      expect(formatSensitivity(rows as never).split('\n')[1]).toMatch(new RegExp(`^noise floor ${floor.toFixed(3)}: `));
      console.log(`noisy Ishigami N = ${N}, R = ${R}: noise floor ${floor.toFixed(4)}, ST(x4) ${st4.toFixed(4)}`);
    }
  });

  it('is empty with one replication (no spread to measure)', async () => {
    const job = { ...noisyIshigami(64), replications: 1, identity: 'noisy-ishigami-r1', name: 'noisy-ishigami-r1' };
    const result = await executeDesignJob(job, { outRoot: out.dir, workers: 1, command: 'test' });
    expect(readCsv(result.dir, 'sobol.csv').map((r) => r['noise_floor'])).toEqual(['', '', '', '']);
  });
});
