import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nextCheckpoint } from '../../src/experiment/precision.js';
import { executeCompare } from '../../src/jobs/compare.js';
import { executePrecisionRun } from '../../src/jobs/precision.js';
import { DATA_FILES } from '../../src/store/run-folder.js';
import { executeRun } from '../../src/jobs/run.js';
import { filesOf, fixture, tempRoot, userErrorAsync } from './helpers.js';

const out = tempRoot('precision');
afterAll(out.cleanup);

const rule = { target: 0.05, minimum: 10, maximum: 10_000 };

describe('--precision', () => {
  it('checkpoints: 10 first, then Law and Kelton estimates, at most doubling', () => {
    expect(nextCheckpoint([[]], 0, rule)).toBe(10);
    expect(nextCheckpoint([new Array(10).fill(3)], 10, rule)).toBeNull(); // a constant outcome is known exactly
    const noisy = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 1 : 3));
    expect(nextCheckpoint([noisy], 10, rule)).toBe(20); // far from the target: double
    expect(nextCheckpoint([noisy], 10, { ...rule, maximum: 10 })).toBeNull();
  });

  it('stops, says how many it took, and writes what a plain run of that many writes', async () => {
    const precise = await executePrecisionRun(
      { file: fixture('pilot.yaml'), outRoot: join(out.dir, 'precise'), workers: 1, command: 'test' },
      { ...rule, target: 0.2, outcome: 'live_share' },
    );
    const R = precise.precision.replications;
    expect(R).toBeGreaterThanOrEqual(10);
    expect(precise.precision.reached).toBe(true);
    expect(precise.precision.achieved).toBeLessThanOrEqual(0.2);
    expect(precise.replications).toBe(R);
    const plain = await executeRun({ file: fixture('pilot.yaml'), overrides: { replications: R }, outRoot: join(out.dir, 'plain'), workers: 2, command: 'test' });
    expect(precise.dir.slice(join(out.dir, 'precise').length)).toBe(plain.dir.slice(join(out.dir, 'plain').length));
    expect(filesOf(precise.dir, DATA_FILES)).toEqual(filesOf(plain.dir, DATA_FILES));
    console.log(`--precision 0.2 on live_share took ${R} replications (achieved ${precise.precision.achieved.toFixed(4)})`);
  });

  it('grows every arm of a comparison together to one count', async () => {
    const scenarios = { base: fixture('pilot.yaml'), variants: [fixture('pilot.yaml')] };
    const precise = await executeCompare({
      scenarios,
      outRoot: join(out.dir, 'compare-precise'),
      workers: 1,
      precision: { ...rule, target: 0.1, outcome: 'cumulative_adoption_share' },
      command: 'test',
    });
    const R = precise.replications;
    expect(precise.precision?.replications).toBe(R);
    expect(R).toBeGreaterThanOrEqual(10);
    console.log(`compare --precision 0.1 on cumulative_adoption_share took ${R} replications per arm`);
    const plain = await executeCompare({ scenarios, replications: R, outRoot: join(out.dir, 'compare-plain'), workers: 2, command: 'test' });
    expect(filesOf(precise.dir, ['compare.csv'])).toEqual(filesOf(plain.dir, ['compare.csv']));
    expect(precise.dir.slice(join(out.dir, 'compare-precise').length)).toBe(plain.dir.slice(join(out.dir, 'compare-plain').length));
  });

  it('rejects an unknown outcome before running', async () => {
    const error = await userErrorAsync(
      executePrecisionRun({ file: fixture('pilot.yaml'), outRoot: out.dir, workers: 1, command: 'test' }, { ...rule, outcome: 'nothing' }),
    );
    expect(error.issues[0]!.code).toBe('unknown_outcome');
  });
});

describe('relativePrecision of 0/1 outcomes', () => {
  it('does not stop on ten zeros: a rare event is not known exactly', async () => {
    const { relativePrecision, nextCheckpoint } = await import('../../src/experiment/precision.js');
    const zeros = Array<number>(10).fill(0);
    expect(relativePrecision(zeros)).toBe(Number.POSITIVE_INFINITY);
    expect(nextCheckpoint([zeros], 10, { target: 0.05, minimum: 10, maximum: 10_000 })).toBe(20);
    // Ten ones: Wilson [0.722, 1], half-width 0.139 relative to 1.
    expect(relativePrecision(Array<number>(10).fill(1))).toBeCloseTo(0.1391, 3);
    // A constant non-binary outcome is known exactly.
    expect(relativePrecision(Array<number>(10).fill(0.58))).toBe(0);
  });
});
