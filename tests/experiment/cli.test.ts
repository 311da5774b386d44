import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, refusedInOneLine, runBin, startCli, stackLines } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { MESSAGES } from '../../src/messages/catalog.js';
import { filesOf, fixture, onlyFolder, tempRoot } from './helpers.js';
import { shared } from '../support/shared.js';

const out = tempRoot('experiment-cli');
afterAll(out.cleanup);
beforeAll(assertBuilt);

// --no-charts here and in the runs below whose report no test reads: the report is drawn after the data folder
// and the printed table (cli/report.ts, reportAfter); no test here reads it.
const SWEEP = ['sweep', fixture('sweep.yaml'), '-r', '24', '-q', '--no-charts'];

// The refusals and the runs run in the test's process (runInProcess, tests/support/in-process.ts): what they print,
// their exit code and their files are checked, and a process's start cost most of their time. Two kinds stay
// processes: the sweep that is killed (startCli: dist/src/cli/main.js, a signal), and the shards that read their
// index from the scheduler's environment variable (runBinEnv: the bundle, given that variable).

/** `compare crn.yaml -r 12` on one machine: its output is checked, and the sharded comparison's table compared with it. */
const singleCompare = shared(() => runInProcess(['compare', fixture('crn.yaml'), '-r', '12', '-w', '1', '-q', '--no-charts', '--out', join(out.dir, 'compare')]));

async function waitFor(test: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('difusi compare, sweep and sensitivity on the command line', () => {
  it('compare prints the paired differences and writes the folder', async () => {
    const r = await singleCompare();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('test-crn: 12 replications per arm, seed 11, common random numbers');
    expect(r.stdout).toContain('no-pilot-end vs base (12 paired replications)');
    expect(r.stdout).toMatch(/results: .*test-crn/);
  });

  it('arms over different months are compared with one warning on stderr naming the arm', async () => {
    const file = join(out.dir, 'longer.yaml');
    writeFileSync(file, `name: longer\nbase: ${fixture('pilot.yaml')}\nvariants:\n  - name: same\n  - name: longer\n    set: { months: 72 }\n`);
    const r = await runInProcess(['compare', file, '-r', '2', '-w', '1', '-q', '--no-charts', '--out', join(out.dir, 'longer-out')]);
    expect(r.code, r.stderr).toBe(0);
    // One warning, for the arm whose months differ; none for the arm that only shares the base's.
    expect(r.stderr).toBe(
      `⚠ ${file} (arm longer): starts 2016-01 and runs 72 months, the base 2016-01 and 60 months: the arms' outcomes are measured at different months, and the difference includes that\n`,
    );
  });

  it('a bad experiment file exits 2 with file:line and no stack', async () => {
    const bad = join(out.dir, 'bad.yaml');
    writeFileSync(bad, `name: bad\nbase: ${fixture('pilot.yaml')}\nvariants:\n  - name: x\n    set:\n      parameters.takeover_vendor: 7\n`);
    const r = await runInProcess(['compare', bad, '-q', '--out', out.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:6:7 Value out of range → at parameters.takeover_vendor`);
    expect(stackLines(r.stderr)).toEqual([]);
  });

  it('sensitivity of a grid experiment (a sweep) is refused at its design.method line: exit 2, one line, nothing written', async () => {
    // It used to run Morris over [min(values), max(values)] of each factor without a word.
    const file = join(ROOT, 'experiments', 'bekasi-sweep.yaml');
    const root = join(out.dir, 'sens-of-grid');
    const r = await runInProcess(['sensitivity', file, '-r', '2', '--no-charts', '--out', root]);
    expect(refusedInOneLine(r)).toBe(`✗ ${file}:26:11 ${MESSAGES.sensitivity_sweep_design('grid', false)} → at design.method`);
    expect(existsSync(root)).toBe(false);
  });

  it("a variant's seed or replications (refused by --seed / -r, or valid and overridden): one line naming the file and field, exit 2, nothing written", async () => {
    // Every arm runs under the common seed and R, applied after the variant's own set: the value used to be dropped silently.
    for (const [value, says] of [
      ['seed: abc', 'Wrong type → at variants[0].set.seed (expected an integer in [0,4294967295], found "abc")'],
      ['seed: 4294967296', 'Value out of range → at variants[0].set.seed (expected an integer in [0,4294967295], found 4294967296)'],
      ['seed: 1.5', 'Not a whole number → at variants[0].set.seed (expected an integer in [0,4294967295], found 1.5)'],
      ['replications: many', 'Wrong type → at variants[0].set.replications (expected an integer in [1,100000], found "many")'],
      // A valid one is refused too: it would change nothing (it was overridden without a word), at its key.
      ['seed: 5', `A variant's "seed" would change nothing: every arm runs under the experiment's own seed and replications (set seed at the experiment's top level, or on the command line) → at variants[0].set.seed`],
    ] as const) {
      const bad = join(out.dir, 'bad-seed.yaml');
      const where = join(out.dir, 'bad-seed-out');
      writeFileSync(bad, `name: bad-seed\nbase: ${fixture('pilot.yaml')}\nvariants:\n  - name: v\n    set: { ${value} }\n`);
      const r = await runInProcess(['compare', bad, '-r', '2', '-w', '1', '-q', '--no-charts', '--out', where]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(`✗ ${bad}:5:${value === 'seed: 5' ? 12 : value.startsWith('seed') ? 18 : 26} ${says}\n`);
      expect(existsSync(where)).toBe(false);
    }
  });

  it('a variant that removes an innovation cannot be paired on its outcomes: exit 2 before any run', async () => {
    const file = join(out.dir, 'removed.yaml');
    writeFileSync(
      file,
      `name: removed\nbase: ${fixture('pilot.yaml')}\nvariants:\n  - name: no-office\n    set:\n      "innovations[id=e-office]": null\n      initial_adopters: []\n`,
    );
    const root = join(out.dir, 'removed-out');
    const r = await runInProcess(['compare', file, '-r', '2', '-q', '--out', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(arm no-office) Unknown outcome "sustained.e-office"');
    expect(stackLines(r.stderr)).toEqual([]);
    expect(existsSync(root)).toBe(false);
  });

  it('a sweep killed halfway and resumed gives the bytes of an uninterrupted sweep', async () => {
    const whole = await runInProcess([...SWEEP, '-w', '2', '--out', join(out.dir, 'whole')]);
    expect(whole.code).toBe(0);
    const root = join(out.dir, 'killed');
    const { child, done } = startCli([...SWEEP, '-w', '1', '--out', root]);
    let exited = false;
    void done.then(() => (exited = true));
    const values = () => {
      const base = join(root, 'test-sweep');
      if (!existsSync(base)) return 0;
      const partial = readdirSync(base).find((d) => d.endsWith('.partial'));
      const file = partial === undefined ? '' : join(base, partial, 'values.bin');
      return file !== '' && existsSync(file) ? statSync(file).size : 0;
    };
    // Until 20 design runs are on disk (or the sweep ended: said below); the bound only guards a hang.
    await waitFor(() => exited || values() > 20 * 32, 60_000);
    expect(exited, 'the sweep ended before it could be killed').toBe(false);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const resumed = await runInProcess([...SWEEP, '-w', '2', '--resume', '--out', root]);
    expect(resumed.code).toBe(0);
    // The sweep prints its table: a line per design point with each outcome's mean and 95 % CI.
    expect(whole.stdout).toMatch(/point +\S+ +\S+ +n +\S+ \(95% CI\)/);
    const points = whole.stdout.split('\n').filter((l) => /^ +\d+ .* \(-?[\d.]+ to -?[\d.]+\)/.test(l));
    expect(points.length).toBeGreaterThan(1);
    const files = ['sweep.csv', 'sweep_summary.csv'];
    expect(filesOf(onlyFolder(join(root, 'test-sweep')), files)).toEqual(filesOf(onlyFolder(join(out.dir, 'whole', 'test-sweep')), files));
  });

  it('sweep shards from a scheduler index merge with --merge', async () => {
    const root = join(out.dir, 'sched');
    // The scheduler's variable picks the shard (Slurm here); n is explicit.
    for (let i = 0; i < 3; i++) {
      const r = await runBinEnv(['sweep', fixture('sweep.yaml'), '-r', '4', '-q', '-w', '1', '--shard-count', '3', '--out', root], {
        SLURM_ARRAY_TASK_ID: String(i),
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`shard ${i}/3`);
    }
    const merged = await runInProcess(['sweep', fixture('sweep.yaml'), '-r', '4', '-q', '--merge', '--no-charts', '--out', root]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('merged 3 shards');
  });

  it('compare shards from a scheduler index pair up with --merge, as one machine would', async () => {
    const root = join(out.dir, 'compare-sched');
    for (let i = 0; i < 2; i++) {
      const r = await runBinEnv(['compare', fixture('crn.yaml'), '-r', '12', '-q', '-w', '1', '--shard-count', '2', '--out', root], {
        JOB_COMPLETION_INDEX: String(i),
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`shard ${i}/2 of test-crn`);
      const hint = r.stdout.split('\n').find((l) => l.startsWith('when all shards are done'))!;
      expect(hint).toContain(`compare ${fixture('crn.yaml')} -r 12 -q -w 1 --out ${root} --merge`);
    }
    const merged = await runInProcess(['compare', fixture('crn.yaml'), '-r', '12', '-q', '--merge', '--no-charts', '--out', root]);
    expect(merged.code, merged.stderr).toBe(0);
    const single = await singleCompare();
    expect(single.code, single.stderr).toBe(0);
    // The same table (everything but the results path and the report's).
    const table = (text: string) => text.split('\nresults:')[0];
    expect(table(merged.stdout)).toBe(table(single.stdout));
    const both = await runInProcess(['compare', fixture('crn.yaml'), '--merge', '--shard', '0/2', '--out', root]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--merge');
    expect(stackLines(both.stderr)).toEqual([]);
  });

  it('sensitivity prints the effects, most important first', async () => {
    const r = await runInProcess(['sensitivity', fixture('morris.yaml'), '-r', '2', '-w', '1', '-q', '--no-charts', '--out', join(out.dir, 'sens')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('morris design, 16 points x 2 replications = 32 runs');
    // The outcome's Morris noise floor (two replications: measurable) between its name and the table.
    expect(r.stdout).toMatch(/live_share\nfloor: the mu\* that replication noise alone gives the factor[^\n]*\nparameter +mu\* \(95% CI ±\) +mu +sigma +floor/);
  });

  it('every command takes --quiet, merge too', async () => {
    for (const args of [['merge', join(out.dir, 'no-such-shard')], ['validate', join(out.dir, 'no-such.yaml')], ['report', join(out.dir, 'no-such-folder')], ['schema']]) {
      const r = await runInProcess([...args, '--quiet']);
      expect(r.stderr, args.join(' ')).not.toMatch(/Unknown argument/);
    }
  });
});

/** An experiment on the fixtures' pilot.yaml, written under the test folder (lines 1-2: name, base). */
function pilotExperiment(name: string, body: string): string {
  const file = join(out.dir, `${name}.yaml`);
  writeFileSync(file, `name: ${name}\nbase: ${fixture('pilot.yaml')}\n${body}`);
  return file;
}

const GRID = 'design:\n  method: grid\n  factors:\n';

describe('two settings on one field, padded names and arm names from files: one line, exit 2, nothing written', () => {
  // Each used to run: one of the two settings won without a word (or the arm got a formula or `..` as its name).
  const cases: [string, () => { args: string[]; line: string }][] = [
    [
      "compare: --set on a field the variant sets itself (by another path)",
      () => {
        const file = pilotExperiment('cli-variant', 'variants:\n  - name: short-pilot\n    set:\n      innovations[0].pilot_months: 6\n');
        return {
          args: ['compare', file, '--set', 'innovations[id=vendor-pilot].pilot_months=12'],
          line: `✗ command line: ${MESSAGES.command_set_variant('innovations[id=vendor-pilot].pilot_months', 'short-pilot', 'innovations[0].pilot_months', `${file}:6`)}`,
        };
      },
    ],
    [
      "compare: two keys of a variant's set on one field",
      () => {
        const file = pilotExperiment('set-alias', 'variants:\n  - name: v\n    set:\n      leaders[1].commitment: 0.1\n      leaders[id=second-mayor].commitment: 0.9\n');
        return {
          args: ['compare', file],
          line: `✗ ${file}:7:7 ${MESSAGES.experiment_same_field('override', 'leaders[id=second-mayor].commitment', 'leaders[1].commitment', `${file}:6`)} → at variants[0].set["leaders[id=second-mayor].commitment"]`,
        };
      },
    ],
    [
      'sensitivity: two factors on one field',
      () => {
        const file = pilotExperiment('factor-alias', 'design:\n  method: morris\n  factors:\n    - { name: "leaders[1].commitment", min: 0, max: 1 }\n    - { name: "leaders[id=second-mayor].commitment", min: 0, max: 1 }\n');
        return {
          args: ['sensitivity', file],
          line: `✗ ${file}:7:15 ${MESSAGES.experiment_same_field('factor', 'leaders[id=second-mayor].commitment', 'leaders[1].commitment', `${file}:6`)} → at design.factors[1].name`,
        };
      },
    ],
    [
      'sweep: --set on a factor\'s field',
      () => {
        const file = pilotExperiment('factor-set', `${GRID}    - { name: parameters.takeover_vendor, values: [0, 1] }\n`);
        return {
          args: ['sweep', file, '--set', 'parameters.takeover_vendor=0.5'],
          line: `✗ ${file}:6:15 ${MESSAGES.experiment_factor_set('parameters.takeover_vendor', '--set parameters.takeover_vendor')} → at design.factors[0].name`,
        };
      },
    ],
    [
      'sweep: a factor name padded with spaces',
      () => {
        const file = pilotExperiment('padded', `${GRID}    - { name: " seed", values: [1, 2] }\n`);
        return { args: ['sweep', file], line: `✗ ${file}:6:15 ${MESSAGES.experiment_padded_name('factor', ' seed')} → at design.factors[0].name` };
      },
    ],
    [
      'compare of scenario files: an arm named after a file that is no folder name',
      () => {
        const variant = join(out.dir, '...yaml');
        writeFileSync(variant, readFileSync(fixture('pilot.yaml'), 'utf8'));
        return { args: ['compare', fixture('pilot.yaml'), variant], line: `✗ ${variant} ${MESSAGES.compare_arm_file_name('..')}` };
      },
    ],
  ];
  for (const [title, make] of cases) {
    it(title, async () => {
      const { args, line } = make();
      const where = join(out.dir, `refused-${title.replace(/[^a-z]+/gi, '-')}`);
      const r = await runInProcess([...args, '-r', '2', '-w', '1', '-q', '--no-charts', '--out', where]);
      expect(refusedInOneLine(r)).toBe(line);
      expect(existsSync(where)).toBe(false);
    });
  }
});

async function runBinEnv(args: readonly string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await runBin(args);
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}
