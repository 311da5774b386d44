/**
 * A design's size is counted before anything is built (scenario/limits.ts
 * MAX_DESIGN_POINTS, MAX_DESIGN_VALUES, MAX_DESIGN_RUNS): a ten-line file
 * asking for 10^9 points used to run out of memory (exit 134) or grow
 * without bound; now one line at the setting that makes the count, exit 2,
 * nothing written. And Sobol' with `samples: 1` (impossible indices, 2.000
 * with a zero-width interval) is refused at its line with the reason.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestFolder, refusedInOneLine, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-design-size-');
const PILOT = join(ROOT, 'tests', 'experiment', 'fixtures', 'pilot.yaml');

/** An experiment file in the test folder on the pilot scenario, with `design` lines (indented under design:). */
function experiment(name: string, design: string, top = 'replications: 1\n'): string {
  const file = join(folder(), `${name}.yaml`);
  writeFileSync(file, `name: ${name}\nbase: ${JSON.stringify(PILOT)}\n${top}outcomes: [live_share]\ndesign:\n${design}`);
  return file;
}

const F1 = '  factors:\n    - { name: parameters.takeover_vendor, min: 0, max: 1 }\n';
const F2 = F1 + '    - { name: parameters.champion_rotation, min: 0, max: 0.3 }\n';

async function refused(args: readonly string[]): Promise<string> {
  const out = join(folder(), `out-${Math.random().toString(36).slice(2)}`);
  const line = refusedInOneLine(await runInProcess([...args, '--no-charts', '--out', out]));
  expect(existsSync(out)).toBe(false);
  return line;
}

describe('design size', () => {
  it('refuses lhs points past the limit at design.points', async () => {
    const file = experiment('lhsbig', `  method: lhs\n  points: 1000000000\n${F1}`);
    expect(await refused(['sweep', file])).toBe(
      `✗ ${file}:7:11 The design would have 1,000,000,000 points (lhs: design.points), more than the limit of 1,000,000: all of them are built before the first run (fewer points or factors, or split the design into several experiments) → at design.points`,
    );
  });

  it('refuses a grid whose product of value counts passes the limit, at design.factors', async () => {
    const factors = Array.from({ length: 12 }, (_, i) => `    - { name: parameters.p${i}, values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }\n`).join('');
    const file = experiment('grid12', `  method: grid\n  factors:\n${factors}`);
    const line = await refused(['sweep', file]);
    expect(line).toMatch(new RegExp(`^✗ ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:3 The design would have 1,000,000,000,000 points \\(grid: 10 × 10 × `));
    expect(line).toMatch(/values of its 12 factors\), more than the limit of 1,000,000: .* → at design\.factors$/);
  });

  it('refuses morris trajectories and sobol samples past the limit, at their lines', async () => {
    const morris = experiment('mor', `  method: morris\n  trajectories: 1000000000\n${F1}`);
    expect(await refused(['sensitivity', morris])).toMatch(/:7:17 The design would have 2,000,000,000 points \(morris: trajectories \(1,000,000,000\) × \(factors \(1\) \+ 1\)\), .* → at design\.trajectories$/);
    const sobol = experiment('sob', `  method: sobol\n  samples: 1000000000\n${F1}`);
    expect(await refused(['sensitivity', sobol])).toMatch(/:7:12 The design would have 3,000,000,000 points \(sobol: samples \(1,000,000,000\) × \(factors \(1\) \+ 2\)\), .* → at design\.samples$/);
  });

  it('refuses a design whose runs pass the limit with -r, or with the file\'s replications when read', async () => {
    const file = experiment('lhsr', `  method: lhs\n  points: 1000\n${F1}`, '');
    expect(await refused(['sweep', file, '-r', '100000'])).toBe(
      `✗ ${file}:6:11 The design would have 100,000,000 design runs (1,000 points × 100,000 replications (-r)), more than the limit of 10,000,000: all of them are built before the first run (fewer points or replications, or split the design into several experiments) → at design.points`,
    );
    const own = experiment('lhsr2', `  method: lhs\n  points: 1000\n${F1}`, 'replications: 100000\n');
    expect(await refused(['sweep', own])).toMatch(/:7:11 The design would have 100,000,000 design runs \(1,000 points × 100,000 replications \(replications\)\)/);
  });

  it('refuses many factors by their values, at design.trajectories', async () => {
    const factors = Array.from({ length: 5000 }, (_, i) => `    - { name: parameters.p${i}, min: 0, max: 1 }\n`).join('');
    const file = experiment('many', `  method: morris\n  trajectories: 2\n  factors:\n${factors}`);
    // 2 x 5001 = 10,002 points, each with 5,000 factor values.
    expect(await refused(['sensitivity', file])).toMatch(/:7:17 The design would have 50,010,000 factor values \(10,002 points × 5,000 factors\), more than the limit of 10,000,000: .* → at design\.trajectories$/);
  });

  it('counts the design --method runs: a morris file within the limits refused as sobol, at design.factors', async () => {
    const factors = Array.from({ length: 200 }, (_, i) => `    - { name: parameters.p${i}, min: 0, max: 1 }\n`).join('');
    const file = experiment('method', `  method: morris\n  trajectories: 2\n  factors:\n${factors}`);
    // morris: 2 x 201 = 402 points x 200 factors; sobol: 256 (default samples) x 202 = 51,712 points x 200 factors.
    expect(await refused(['sensitivity', file, '--method', 'sobol'])).toMatch(
      /:8:3 The design would have 10,342,400 factor values \(51,712 points × 200 factors\), more than the limit of 10,000,000: .* → at design\.factors$/,
    );
  });
});

describe('sobol samples', () => {
  it('refuses samples: 1 at its line with the reason', async () => {
    const file = experiment('sob1', `  method: sobol\n  samples: 1\n${F2}`);
    expect(await refused(['sensitivity', file])).toBe(
      `✗ ${file}:7:12 Sobol' indices need at least 2 base samples: with 1, the variance they divide by is that of the A and B outputs of one sample about their own mean (half its expected value, so an index can reach 2), and the bootstrap, which resamples the base samples, has only that one to draw (an interval of zero width) → at design.samples (found 1)`,
    );
  });

  it('runs samples: 2', async () => {
    const file = experiment('sob2', `  method: sobol\n  samples: 2\n  bootstrap: 10\n${F2}`);
    const r = await runInProcess(['sensitivity', file, '-q', '--no-charts', '--workers', '1', '--out', join(folder(), 'ok')]);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('bootstrap resamples', () => {
  it('past MAX_BOOTSTRAP are refused at design.bootstrap before any run (10^9 ran the whole design, then ran out of memory)', async () => {
    const file = experiment('bsbig', `  method: morris\n  bootstrap: 1000000000\n${F1}`);
    expect(await refused(['sensitivity', file])).toBe(`✗ ${file}:7:14 Value out of range → at design.bootstrap (expected an integer in [0,100000], found 1000000000)`);
  });

  it('100,000 runs (control)', async () => {
    const file = experiment('bsmax', `  method: morris\n  trajectories: 2\n  bootstrap: 100000\n${F1}`);
    const r = await runInProcess(['sensitivity', file, '-q', '--no-charts', '--out', join(folder(), 'bsmax-out')]);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('where the replications of a too-large design come from', () => {
  it("the experiment's own set: replications is named as such, not as the base scenario's count", async () => {
    const file = experiment('setbig', `  method: lhs\n  points: 600000\n${F1}`, 'set: { replications: 20 }\n');
    const line = await refused(['sweep', file]);
    expect(line).toContain("600,000 points × 20 replications (the experiment's set replications)");
  });
});
