import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDesign } from '../../src/experiment/design.js';
import type { DesignSpec } from '../../src/experiment/spec.js';
import { ishigami, ishigamiIndices } from '../../src/experiment/stats/index.js';
import { executeDesignJob, executeSweep, type DesignJob } from '../../src/jobs/sweep.js';
import { fixture, tempRoot } from './helpers.js';

const out = tempRoot('sensitivity');
afterAll(out.cleanup);

type Row = Record<string, string>;
const readCsv = (dir: string, file: string): Row[] => parse(readFileSync(join(dir, file), 'utf8'), { columns: true }) as Row[];

/** A design job whose "model" is a plain function of the design point (the same path as model runs). */
function standIn(name: string, design: DesignSpec, f: (x: readonly number[]) => number): DesignJob {
  const plan = buildDesign(design, 20_240_601);
  return {
    kind: 'sensitivity',
    name,
    plan,
    replications: 1,
    seed: 20_240_601,
    outcomes: [{ name: 'y', kind: 'metric' }],
    identity: name,
    manifest: { kind: 'sensitivity', scenario: { name } },
    task: () => {
      throw new Error('a stand-in has no model task');
    },
    evaluate: (x) => Float64Array.of(f(x)),
  };
}

const PI = Math.PI;

describe('difusi sensitivity', () => {
  it("Sobol' indices of the Ishigami function are within 0.05 of the known values", async () => {
    const factors = ['x1', 'x2', 'x3'].map((name) => ({ name, min: -PI, max: PI, integer: false }));
    const job = standIn('ishigami', { method: 'sobol', samples: 1024, bootstrap: 100, factors }, ishigami);
    expect(job.plan.rows.length).toBe(1024 * 5);
    const result = await executeDesignJob(job, { outRoot: out.dir, workers: 1, command: 'test' });
    const rows = readCsv(result.dir, 'sobol.csv');
    const known = ishigamiIndices();
    rows.forEach((r, i) => {
      expect(r['parameter']).toBe(`x${i + 1}`);
      expect(Math.abs(Number(r['S1']) - known.S1[i]!), `S1 x${i + 1}`).toBeLessThan(0.05);
      expect(Math.abs(Number(r['ST']) - known.ST[i]!), `ST x${i + 1}`).toBeLessThan(0.05);
      expect(Number(r['S1_low'])).toBeLessThanOrEqual(Number(r['S1']));
      expect(Number(r['ST_high'])).toBeGreaterThanOrEqual(Number(r['ST']));
    });
    const all = readCsv(result.dir, 'sensitivity.csv');
    expect(all.map((r) => [r['method'], r['parameter'], r['outcome'], r['mu_star']])).toEqual([
      ['sobol', 'x1', 'y', ''],
      ['sobol', 'x2', 'y', ''],
      ['sobol', 'x3', 'y', ''],
    ]);
    console.log(`Ishigami, N = 1024: ${rows.map((r) => `${r['parameter']} S1 ${Number(r['S1']).toFixed(3)} ST ${Number(r['ST']).toFixed(3)}`).join('; ')}`);
  });

  it('Morris effects of a linear function are |c| (max - min) with sigma 0', async () => {
    const factors = [
      { name: 'a', min: 0, max: 1, integer: false },
      { name: 'b', min: 0, max: 4, integer: false },
      { name: 'c', min: 0, max: 1, integer: false },
    ];
    const job = standIn('linear', { method: 'morris', trajectories: 6, levels: 4, factors }, (x) => 2 * x[0]! - 0.5 * x[1]!);
    const result = await executeDesignJob(job, { outRoot: out.dir, workers: 1, command: 'test' });
    const rows = readCsv(result.dir, 'morris.csv');
    const rounded = (x: string | undefined) => Math.round(Number(x) * 1e9) / 1e9 + 0;
    expect(rows.map((r) => [r['parameter'], rounded(r['mu']), rounded(r['mu_star']), rounded(r['sigma'])])).toEqual([
      ['a', 2, 2, 0],
      ['b', -2, 2, 0],
      ['c', 0, 0, 0],
    ]);
  });

  it('screens the model with Morris over scenario fields (integer factors rounded)', async () => {
    const result = await executeSweep({ experiment: fixture('morris.yaml'), kind: 'sensitivity', outRoot: out.dir, workers: 2, command: 'test' });
    expect(result.units).toBe(4 * 4 * 3);
    const rows = readCsv(result.dir, 'sensitivity.csv');
    expect(rows.map((r) => r['parameter'])).toEqual([
      'parameters.takeover_vendor',
      'parameters.pilot_discontinue',
      'innovations[id=vendor-pilot].pilot_months',
    ]);
    for (const r of rows) {
      expect(r['method']).toBe('morris');
      expect(Number(r['mu_star'])).toBeGreaterThanOrEqual(Math.abs(Number(r['mu'])) - 1e-12);
    }
    const months = readCsv(result.dir, 'sweep.csv').map((r) => Number(r['innovations[id=vendor-pilot].pilot_months']));
    expect(months.every((m) => Number.isInteger(m) && m >= 12 && m <= 48)).toBe(true);
  });
});

describe('Morris with integer factors', () => {
  it('divides each elementary effect by the step actually taken after rounding', async () => {
    const { buildDesign, sensitivityRows } = await import('../../src/experiment/design.js');
    const plan = buildDesign(
      { method: 'morris', trajectories: 50, levels: 4, factors: [{ name: 'a', min: 0, max: 5, integer: true }] },
      7,
    );
    // y = a: over the whole range [0, 5] every elementary effect is exactly 5.
    const means = [Float64Array.from(plan.rows.map((r) => r[0]!))];
    const [row] = sensitivityRows(plan, ['y'], means, 7);
    expect(row!.mu_star).toBeCloseTo(5, 12);
    expect(row!.sigma).toBeCloseTo(0, 12);
  });
});
