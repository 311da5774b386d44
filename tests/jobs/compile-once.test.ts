/**
 * A comparison reads and compiles each arm once, whatever the mode: the
 * outcome checks, the warnings, the part meta, the growing runs and the
 * pairing all use that one model. Counted outside the replication task
 * (experiment/worker.ts compiles each scenario once per thread for the
 * simulation itself: its own cache, not the job's business).
 */
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.js';

const compiled = vi.hoisted(() => ({ scenarios: [] as { name: string; replications: number }[] }));
vi.mock('../../src/model/compile.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/model/compile.js')>();
  return {
    ...original,
    compile: (scenario: Scenario) => {
      const inTask = /experiment[\\/]worker\.[jt]s/.test(new Error().stack ?? '');
      if (!inTask) compiled.scenarios.push({ name: scenario.name, replications: scenario.replications });
      return original.compile(scenario);
    },
  };
});

// The suite runs files in one process each fork (vitest isolate: false): modules
// another file imported are cached unmocked, so they are imported afresh here.
vi.resetModules();
const { executeCompare } = await import('../../src/jobs/compare.js');
const { executePrecisionRun } = await import('../../src/jobs/precision.js');
const { compareScenarios } = await import('../../src/jobs/in-memory.js');
const { readScenarioFile } = await import('../../src/store/scenario-file.js');
const { fixture, tempRoot } = await import('../experiment/helpers.js');

const out = tempRoot('compile-once');
afterAll(out.cleanup);
beforeEach(() => {
  compiled.scenarios.length = 0;
});

// crn.yaml: a base and three variants.
const ARMS = 4;
const base = { experiment: fixture('crn.yaml'), replications: 4, workers: 1, command: 'test', onWarning: () => undefined };

describe('each arm is compiled once', () => {
  it('plain, then resumed with every arm finished (read back, not recompiled)', async () => {
    const options = { ...base, outRoot: join(out.dir, 'plain') };
    await executeCompare(options);
    expect(compiled.scenarios.length).toBe(ARMS);
    compiled.scenarios.length = 0;
    await executeCompare({ ...options, resume: true });
    expect(compiled.scenarios.length).toBe(ARMS);
  });

  it('sharded and merged', async () => {
    const options = { ...base, outRoot: join(out.dir, 'shards') };
    for (const index of [0, 1]) await executeCompare({ ...options, shard: { index, count: 2 } });
    expect(compiled.scenarios.length).toBe(2 * ARMS);
    compiled.scenarios.length = 0;
    await executeCompare({ ...options, merge: true });
    expect(compiled.scenarios.length).toBe(ARMS);
  });

  it('with a precision rule (the growing runs and their folders reuse the arm models)', async () => {
    const r = await executeCompare({
      ...base,
      outRoot: join(out.dir, 'precision'),
      precision: { target: 0.5, minimum: 4, maximum: 8, outcome: 'live_share' },
    });
    expect(r.replications).toBeGreaterThanOrEqual(4);
    expect(compiled.scenarios.length).toBe(ARMS);
  });

  it('a run with a precision rule, and a comparison in memory', async () => {
    await executePrecisionRun(
      { file: fixture('pilot.yaml'), outRoot: join(out.dir, 'run'), workers: 1, command: 'test', onWarning: () => undefined },
      { target: 0.5, minimum: 4, maximum: 8, outcome: 'live_share' },
    );
    expect(compiled.scenarios.length).toBe(1);
    compiled.scenarios.length = 0;
    const { scenario } = readScenarioFile(fixture('pilot.yaml'));
    await compareScenarios(scenario, [{ name: 'again', scenario }], { replications: 4 });
    expect(compiled.scenarios.length).toBe(2);
  });
});
