/**
 * `difusi sweep` and `difusi sensitivity` print their tables from the rows
 * the job returns, never by reading back the CSV files they just wrote
 * (issue #10). Checked two ways: the printed table is the one built from
 * the rows the in-memory API returns, and the command never loads a CSV
 * parser (a module hook lists what the process loads, as lazy-load.test.ts
 * does; a command that parsed its own files would load csv-parse). The
 * terminal rounds what the files hold: a mean the file writes as 0.0005
 * prints as the file's value would.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sensitivity, sweepScenario, type DesignData } from '../../src/jobs/in-memory.js';
import { formatSweepTable } from '../../src/cli/sweep.js';
import { formatSensitivity } from '../../src/cli/sensitivity.js';
import type { DesignRows } from '../../src/store/sweep-store.js';
import { CLI, ROOT, assertBuilt } from '../support/cli.js';
import { fixture, tempRoot } from '../experiment/helpers.js';

beforeAll(() => assertBuilt());
const tmp = tempRoot('design-tables');
afterAll(() => tmp.cleanup());

// Reports every module URL the program loads, one per line on stderr.
const hooks = `export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }`;
const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;

async function cli(args: readonly string[]): Promise<{ stdout: string; loaded: string[] }> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const loaded = stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length));
  return { stdout, loaded };
}

const rowsOf = (d: DesignData): DesignRows => ({ factors: d.plan.names, outcomes: d.outcomes.map((o) => o.name), points: d.points, sensitivity: d.sensitivity });
const CSV_PARSER = /node_modules\/csv-parse\//;

describe('the design commands print from returned rows', () => {
  it('sweep: the printed table is the one of the returned rows; no CSV parser is loaded', async () => {
    const exp = fixture('sweep.yaml');
    // Two replications per point (the file's 4 halved, here and in memory): the table is compared with the one of
    // the same rows, whatever their count, and still shows each point's n and interval.
    const { stdout, loaded } = await cli(['sweep', exp, '-r', '2', '-q', '-w', '1', '--no-charts', '--out', join(tmp.dir, 'sweep')]);
    const dir = /results: (.+)\n$/.exec(stdout)![1]!;
    const table = formatSweepTable(rowsOf(await sweepScenario(exp, { replications: 2 })), join(dir, 'sweep_summary.csv'));
    expect(stdout).toContain(`\n\n${table}\n\nresults: ${dir}\n`);
    // (control) the listing sees the command's module and the CSV writer's package.
    expect(loaded.some((u) => u.endsWith('/cli/sweep.js'))).toBe(true);
    expect(loaded.some((u) => /node_modules\/csv-stringify\//.test(u))).toBe(true);
    expect(loaded.filter((u) => CSV_PARSER.test(u))).toEqual([]);
  });

  it('sensitivity (Morris and Sobol): the printed tables are those of the returned rows; no CSV parser is loaded', async () => {
    const exp = fixture('morris.yaml');
    for (const method of ['morris', 'sobol'] as const) {
      const { stdout, loaded } = await cli(['sensitivity', exp, '--method', method, '-r', '2', '-q', '-w', '1', '--no-charts', '--out', join(tmp.dir, method)]);
      const data = await sensitivity(exp, { method, replications: 2 });
      expect(data.sensitivity.length).toBeGreaterThan(0);
      expect(stdout).toContain(`\n\n${formatSensitivity(data.sensitivity)}\n\nresults: `);
      expect(loaded.some((u) => u.endsWith('/cli/sensitivity.js'))).toBe(true);
      expect(loaded.filter((u) => CSV_PARSER.test(u))).toEqual([]);
    }
  });
});

describe('the tables round what the files hold', () => {
  // 0.0004999999999999 (13 significant digits) is written as 0.0005 (12 significant digits), which prints as 0.001;
  // the unrounded value would print as 0.
  const x = 0.0004999999999999;
  it('sweep table', () => {
    const rows: DesignRows = {
      factors: ['parameters.a'],
      outcomes: ['y'],
      points: [{ point: 0, replication: -1, n: 2, values: { 'parameters.a': x, y_mean: x, y_ci_low: null, y_ci_high: x } }],
      sensitivity: [],
    };
    expect(formatSweepTable(rows, 'f').split('\n')[2]).toBe('    0  0.001  2  0.001 ( to 0.001)');
  });
  it('sensitivity table', () => {
    const nan = Number.NaN;
    const row = { method: 'morris', parameter: 'a', outcome: 'y', mu: x, mu_star: x, sigma: x, mu_star_conf: nan, S1: nan, S1_low: nan, S1_high: nan, ST: nan, ST_low: nan, ST_high: nan } as const;
    expect(formatSensitivity([row]).split('\n')[3]).toBe(`a${' '.repeat(19)}0.001  0.001  0.001`);
  });
});
