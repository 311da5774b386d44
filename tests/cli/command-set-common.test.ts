/**
 * `compare`, `sweep` and `sensitivity` with `--set seed=N` or `--set
 * replications=N` on the command line: every arm runs under one seed and
 * count, taken from `-s` / `-r`, else the experiment's `seed:` /
 * `replications:`, else the base scenario's. A `--set` that one of those
 * wins over used to be dropped without a word (exit 0, the manifest showing
 * the experiment's value); it is refused in one line naming what wins, as
 * the same pair inside the file is. Alone it is honoured.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { ROOT, SMALL_CITY, cliTestFolder, resultFolder, refusedInOneLine } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

// Every command line runs in the test's own process (runInProcess: the built dist/src/cli/program.js, as
// tests/cli/in-process.test.ts shows a process gives), since these tests check only what a command prints,
// its exit code and its folder: the refusals, validate's controls and the runs that are honoured (a run of
// one or two replications was mostly a process's start).

const folder = cliTestFolder('difusi-set-common-');
let dir = '';
let pinned = '';
let sweep = '';
let free = '';
beforeAll(() => {
  dir = folder();
  const variants = 'variants: [{ name: v, set: { parameters.champion_probability: 0.2 } }]\n';
  pinned = join(dir, 'pinned.yaml');
  writeFileSync(pinned, `name: pinned\nbase: ${SMALL_CITY}\nseed: 11\nreplications: 2\n${variants}`);
  sweep = join(dir, 'sweep.yaml');
  writeFileSync(sweep, `name: swept\nbase: ${SMALL_CITY}\nseed: 11\nreplications: 2\ndesign:\n  method: grid\n  factors:\n    - { name: parameters.champion_probability, values: [0.1, 0.2] }\n`);
  free = join(dir, 'free.yaml');
  writeFileSync(free, `name: free\nbase: ${SMALL_CITY}\n${variants}`);
});

describe('a command-line --set seed / replications that something wins over is refused', () => {
  it.each([
    ['compare', 'seed', '5', 3, '-s'],
    ['compare', 'replications', '3', 4, '-r'],
    ['sweep', 'seed', '5', 3, '-s'],
    ['sensitivity', 'replications', '3', 4, '-r'],
  ] as const)('%s --set %s=%s beside the experiment\'s own', async (command, name, value, line, option) => {
    const file = command === 'compare' ? pinned : sweep;
    const out = join(dir, `out-${command}-${name}`);
    const r = await runInProcess([command, file, '--set', `${name}=${value}`, '-q', '--no-charts', '-w', '1', '--out', out]);
    const winner = `the experiment's ${name}: ${name === 'seed' ? 11 : 2} (${file}:${line})`;
    const hint = `run every arm under another ${name === 'seed' ? 'seed' : 'count'} with ${option} instead`;
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${MESSAGES.command_set_shadowed(name, winner, hint)}`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('beside -s / -r', async () => {
    const out = join(dir, 'out-both');
    const r = await runInProcess(['compare', free, '--set', 'seed=5', '-s', '3', '-q', '--no-charts', '--out', out]);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${MESSAGES.command_set_shadowed('seed', '--seed', 'give only one of the two')}`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('alone, it is the seed of every arm (control)', async () => {
    const out = join(dir, 'out-free');
    const r = await runInProcess(['compare', free, '--set', 'seed=5', '-r', '1', '-q', '--no-charts', '-w', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const key = readdirSync(join(out, 'free')).filter((n) => !n.startsWith('.'));
    expect(key).toHaveLength(1);
    expect((JSON.parse(readFileSync(join(out, 'free', key[0]!, 'manifest.json'), 'utf8')) as { seed: number }).seed).toBe(5);
  }, 60_000);
});

/**
 * `run`, `validate` and `national` took the same pair and dropped the
 * `--set` without a word (exit 0, the option's seed or count in the
 * manifest; validate even said "with seed overridden"), and `--precision`
 * dropped a `--set replications=` (run and compare). Refused now with the
 * same line, by the same check (scenario/apply-overrides.ts,
 * refuseShadowedSet), on every path of the command (shards, --resume,
 * national --check). Each half alone still runs.
 */
describe('run, validate and national: a --set seed / replications beside -s, -r or --precision is refused', () => {
  const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
  const byOption = (name: 'seed' | 'replications') => MESSAGES.command_set_shadowed(name, name === 'seed' ? '--seed' : '--replications', 'give only one of the two');
  const byPrecision = MESSAGES.command_set_shadowed('replications', '--precision', 'it decides how many replications run (at most --max-replications); give only one of the two');
  const run = ['run', SMALL_CITY, '-q', '--no-charts', '-w', '1'];
  const national = ['national', NATIONAL, '-q', '--no-charts', '-w', '1'];
  it.each([
    ['run -r with --set replications', [...run, '-r', '2', '--set', 'replications=3'], byOption('replications')],
    ['run -s with --set seed', [...run, '-s', '1', '--set', 'seed=2'], byOption('seed')],
    ['run --seed=1 with --set seed among others', [...run, '--set', 'parameters.takeover_vendor=0.5', '--seed=1', '--set', 'seed=2'], byOption('seed')],
    ['run --shard with -s and --set seed', [...run, '--shard', '0/2', '-s', '1', '--set', 'seed=2'], byOption('seed')],
    ['run --resume with -r and --set replications', [...run, '--resume', '-r', '2', '--set', 'replications=3'], byOption('replications')],
    ['run --precision with --set replications', [...run, '--precision', '0.5', '--set', 'replications=7'], byPrecision],
    ['compare (scenario files) --precision with --set replications', ['compare', SMALL_CITY, SMALL_CITY, '-q', '--no-charts', '-w', '1', '--precision', '0.5', '--set', 'replications=7'], byPrecision],
    ['national -r with --set replications', [...national, '-r', '1', '--set', 'replications=2'], byOption('replications')],
    ['national -s with --set seed', [...national, '-s', '7', '--set', 'seed=8'], byOption('seed')],
    ['national --shard with -s and --set seed', [...national, '--shard', '0/2', '-s', '7', '--set', 'seed=8'], byOption('seed')],
    ['national --check with -r and --set replications', [...national, '--check', '-r', '1', '--set', 'replications=2'], byOption('replications')],
  ] as const)('%s', async (_, args, line) => {
    const out = join(dir, `refused-${args.indexOf('--set')}-${args.length}-${args[0]}`);
    const r = await runInProcess([...args, '--out', out]);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${line}`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it.each([
    ['a city scenario', () => SMALL_CITY],
    ['a national scenario', () => NATIONAL],
  ])('validate -s with --set seed, %s (it said "with seed overridden")', async (_, file) => {
    const r = await runInProcess(['validate', file(), '-s', '5', '--set', 'seed=6']);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${byOption('seed')}`);
  }, 60_000);

  /** The seed and count a result folder's manifest records. */
  const ran = (out: string, name: string) => {
    const manifest = JSON.parse(readFileSync(join(resultFolder(out, name), 'manifest.json'), 'utf8')) as { seed?: number; replications?: number; scenario?: { seed: number; replications: number } };
    return { seed: manifest.seed ?? manifest.scenario?.seed, replications: manifest.replications ?? manifest.scenario?.replications };
  };

  it.each([
    ['run', '--set seed alone', ['--set', 'seed=5', '--set', 'replications=2'], { seed: 5, replications: 2 }],
    ['run', '-s and -r alone', ['-s', '5', '-r', '2'], { seed: 5, replications: 2 }],
    ['run', '-r with --set seed', ['-r', '2', '--set', 'seed=6'], { seed: 6, replications: 2 }],
    ['national', '--set seed and --set replications alone', ['--set', 'seed=8', '--set', 'replications=1'], { seed: 8, replications: 1 }],
    ['national', '-s and -r alone', ['-s', '8', '-r', '1'], { seed: 8, replications: 1 }],
  ] as const)('%s: %s is honoured (control)', async (command, label, args, expected) => {
    const out = join(dir, `${command}-alone-${label.replace(/\W+/g, '-')}`);
    const r = await runInProcess([...(command === 'run' ? run : national), ...args, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(ran(out, command === 'run' ? 'small-city' : 'small-national')).toEqual(expected);
  }, 60_000);

  it.each([
    ['--set seed alone', ['--set', 'seed=6'], 'seed 6'],
    ['-s alone', ['-s', '6'], 'seed 6'],
  ] as const)('validate: %s is honoured (control)', async (_, args, said) => {
    const r = await runInProcess(['validate', SMALL_CITY, ...args]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${said} (hash `);
  }, 60_000);

});
