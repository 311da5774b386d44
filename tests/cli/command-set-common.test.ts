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
import { SMALL_CITY, cliTestFolder, runCli, refusedInOneLine } from '../support/cli.js';

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
    const r = await runCli([command, file, '--set', `${name}=${value}`, '-q', '--no-charts', '-w', '1', '--out', out]);
    const winner = `the experiment's ${name}: ${name === 'seed' ? 11 : 2} (${file}:${line})`;
    const hint = `run every arm under another ${name === 'seed' ? 'seed' : 'count'} with ${option} instead`;
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${MESSAGES.command_set_shadowed(name, winner, hint)}`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('beside -s / -r', async () => {
    const out = join(dir, 'out-both');
    const r = await runCli(['compare', free, '--set', 'seed=5', '-s', '3', '-q', '--no-charts', '--out', out]);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${MESSAGES.command_set_shadowed('seed', '--seed', 'give only one of the two')}`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('alone, it is the seed of every arm (control)', async () => {
    const out = join(dir, 'out-free');
    const r = await runCli(['compare', free, '--set', 'seed=5', '-r', '1', '-q', '--no-charts', '-w', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const key = readdirSync(join(out, 'free')).filter((n) => !n.startsWith('.'));
    expect(key).toHaveLength(1);
    expect((JSON.parse(readFileSync(join(out, 'free', key[0]!, 'manifest.json'), 'utf8')) as { seed: number }).seed).toBe(5);
  }, 60_000);
});
