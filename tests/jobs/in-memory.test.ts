/**
 * The jobs with a memory store give the data the file jobs write: a run's
 * summary and outcomes rows, formatted by the table definitions, are the
 * bytes of summary.csv and outcomes.csv; a sweep's rows are the bytes of
 * sweep.csv and sweep_summary.csv; a comparison's rows equal compare.csv's.
 * Also: `difusi run`'s printed table comes from the job's returned data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareScenarios, runScenario, sensitivity, sweepScenario } from '../../src/jobs/in-memory.js';
import { executeRun } from '../../src/jobs/run.js';
import { executeCompare } from '../../src/jobs/compare.js';
import { executePrecisionRun } from '../../src/jobs/precision.js';
import { executeSweep } from '../../src/jobs/sweep.js';
import { csvText } from '../../src/store/csv.js';
import { readOutcomeTally, parseCompare } from '../../src/store/results-read.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { OUTCOMES_TABLE, SENSITIVITY_FLOOR, SUMMARY, SWEEP, SWEEP_SUMMARY } from '../../src/store/tables.js';
import { fixture, tempRoot } from '../experiment/helpers.js';

const tmp = tempRoot('in-memory');
afterAll(() => tmp.cleanup());
const text = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('jobs with a memory store', () => {
  it('runScenario: summary and outcomes rows are the bytes of the run folder; the returned shares are those of outcomes.csv', async () => {
    const file = fixture('pilot.yaml');
    const onFile = await executeRun({ file, overrides: { replications: 5 }, outRoot: join(tmp.dir, 'run'), workers: 1, command: 'test' });
    const { scenario } = readScenarioFile(file);
    const data = await runScenario(scenario, { replications: 5 });
    expect(data.hash).toBe(onFile.hash);
    expect(data.replications.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4]);
    expect(csvText([SUMMARY.columns, ...data.summary.map(SUMMARY.format)])).toBe(text(onFile.dir, 'summary.csv'));
    expect(csvText([OUTCOMES_TABLE.columns, ...data.outcomes.map(OUTCOMES_TABLE.format)])).toBe(text(onFile.dir, 'outcomes.csv'));
    const readBack = (await readOutcomeTally(onFile.dir))!.shares();
    expect(onFile.outcomes).toEqual(readBack);
    expect(data.shares).toEqual(readBack);
  });

  it('compareScenarios: the rows of compare.csv (to 1e-9: the file job pairs the 12-digit metrics of timeseries.csv)', async () => {
    const exp = fixture('crn.yaml');
    const onFile = await executeCompare({ experiment: exp, replications: 6, outRoot: join(tmp.dir, 'compare'), workers: 1, command: 'test' });
    const fileRows = parseCompare(text(onFile.dir, 'compare.csv'), onFile.dir);
    const manifest = JSON.parse(text(onFile.dir, 'manifest.json')) as { arms: { name: string; folder: string }[]; outcomes: string[] };
    expect(manifest.arms.length).toBe(4);
    const arms = manifest.arms.map((a) => ({ name: a.name, scenario: JSON.parse(text(join(onFile.dir, a.folder), 'manifest.json')).scenario.resolved }));
    const data = await compareScenarios(arms[0]!.scenario, arms.slice(1), { outcomes: manifest.outcomes });
    expect(data.rows.map((r) => [r.outcome, r.variant])).toEqual(fileRows.map((r) => [r.outcome, r.variant]));
    data.rows.forEach((r, i) => {
      const f = fileRows[i]!;
      expect(r.innovation).toBe(f.innovation);
      expect(r.cause).toBe(f.cause);
      for (const k of ['base_mean', 'variant_mean', 'diff_mean', 'diff_ci_low', 'diff_ci_high', 'level'] as const) expect(r[k]).toBeCloseTo(f[k]!, 9);
    });
  });

  it('runScenario with a precision rule: the count, and the rows, of `difusi run --precision`', async () => {
    const file = fixture('pilot.yaml');
    const rule = { target: 0.3, minimum: 10, maximum: 10_000, outcome: 'live_share' };
    const onFile = await executePrecisionRun({ file, outRoot: join(tmp.dir, 'precision'), workers: 1, command: 'test' }, rule);
    const { scenario } = readScenarioFile(file);
    const data = await runScenario(scenario, { precision: rule, workers: 2 });
    expect(data.precision).toEqual(onFile.precision);
    expect(data.scenario.replications).toBe(onFile.replications);
    expect(data.hash).toBe(onFile.hash);
    expect(data.replications.map((r) => r.replication)).toEqual(Array.from({ length: onFile.replications }, (_, r) => r));
    expect(csvText([SUMMARY.columns, ...data.summary.map(SUMMARY.format)])).toBe(text(onFile.dir, 'summary.csv'));
    expect(csvText([OUTCOMES_TABLE.columns, ...data.outcomes.map(OUTCOMES_TABLE.format)])).toBe(text(onFile.dir, 'outcomes.csv'));
  });

  it('compareScenarios with a precision rule: the count of `difusi compare --precision`, the rows of its compare.csv', async () => {
    const precision = { target: 0.15, minimum: 10, maximum: 10_000, outcome: 'cumulative_adoption_share' };
    const onFile = await executeCompare({
      experiment: fixture('crn.yaml'),
      outcomes: ['live_share'],
      outRoot: join(tmp.dir, 'compare-precision'),
      workers: 1,
      precision,
      command: 'test',
    });
    const fileRows = parseCompare(text(onFile.dir, 'compare.csv'), onFile.dir);
    const manifest = JSON.parse(text(onFile.dir, 'manifest.json')) as { arms: { name: string; folder: string }[] };
    const arms = manifest.arms.map((a) => {
      const resolved = JSON.parse(text(join(onFile.dir, a.folder), 'manifest.json')).scenario.resolved as Scenario;
      return { name: a.name, scenario: { ...resolved, replications: 1 } }; // the rule, not R, decides
    });
    const data = await compareScenarios(arms[0]!.scenario, arms.slice(1), { outcomes: ['live_share'], precision });
    expect(data.precision).toEqual(onFile.precision);
    expect(data.arms.map((a) => a.replications.length)).toEqual(arms.map(() => onFile.replications));
    expect(data.rows.map((r) => [r.outcome, r.variant, r.n])).toEqual(fileRows.map((r) => [r.outcome, r.variant, r.n]));
    data.rows.forEach((r, i) => {
      for (const k of ['base_mean', 'variant_mean', 'diff_mean', 'diff_ci_low', 'diff_ci_high'] as const) expect(r[k]).toBeCloseTo(fileRows[i]![k]!, 9);
    });
  });

  it('sweepScenario: the rows of sweep.csv and sweep_summary.csv, byte for byte', async () => {
    const exp = fixture('sweep.yaml');
    const onFile = await executeSweep({ experiment: exp, kind: 'sweep', replications: 2, outRoot: join(tmp.dir, 'sweep'), workers: 1, command: 'test' });
    const data = await sweepScenario(exp, { replications: 2 });
    const factors = data.plan.names;
    const sweepCsv = csvText([
      SWEEP.columns(factors, data.outcomes),
      ...data.runs.map((r) => SWEEP.format(r.point, r.replication, factors.map((f) => r.values[f]!), data.outcomes.map((o) => r.values[o.name]!))),
    ]);
    expect(sweepCsv).toBe(text(onFile.dir, 'sweep.csv'));
    const cols = SWEEP_SUMMARY.columns(factors, data.outcomes);
    const summaryCsv = csvText([
      cols,
      ...data.points.map((p) => SWEEP_SUMMARY.format(p.point, factors.map((f) => p.values[f]!), p.n!, cols.slice(2 + factors.length).map((c) => p.values[c] ?? NaN))),
    ]);
    expect(summaryCsv).toBe(text(onFile.dir, 'sweep_summary.csv'));
  });

  it('sensitivity: the rows of sensitivity.csv, byte for byte', async () => {
    const exp = fixture('morris.yaml');
    const onFile = await executeSweep({ experiment: exp, kind: 'sensitivity', replications: 2, outRoot: join(tmp.dir, 'morris'), workers: 1, command: 'test' });
    const data = await sensitivity(exp, { replications: 2 });
    expect(data.sensitivity.length).toBeGreaterThan(0);
    expect(csvText([SENSITIVITY_FLOOR.columns, ...data.sensitivity.map(SENSITIVITY_FLOOR.format)])).toBe(text(onFile.dir, 'sensitivity.csv'));
  });
});
