/**
 * An option that takes one value, given twice, is refused in one line (exit
 * 2) before any work, by every command: yargs hands a repeated option on as
 * a list, which used to crash (`dir.trim is not a function`, exit 1), in
 * some cases only after every replication had run. Options that take a list
 * (`--set`, `--outcomes`) stay repeatable.
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs): the tests
 * check only what it prints, its exit code and what it writes, and starting
 * a process for each cost most of their time.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { ROOT, SMALL_CITY, cliTestFolder, stackLines } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-repeated-');
const EXPERIMENTS = join(ROOT, 'experiments');

/** `lang`: the line's language, id when the command line holds --lang id (cli/errors.ts commandLang), even as the repeated option. */
function expectRefused(r: { code: number | null; stdout: string; stderr: string }, option: string, found: string, lang: 'en' | 'id' = 'en'): void {
  expect(r.code, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toBe(lang === 'en' ? `✗ command line: ${MESSAGES.option_repeated(option, 2)} (found ${found})` : `✗ baris perintah: ${option} diberikan 2 kali; opsi ini hanya menerima satu nilai (ditemukan ${found})`);
  expect(r.stdout).toBe('');
}

function nothingUnder(dir: string): void {
  expect(!existsSync(dir) || readdirSync(dir).length === 0, `something was written under ${dir}`).toBe(true);
}

describe('a repeated one-value option is refused before any work', () => {
  it('run --out A --out B', async () => {
    const a = join(tmp(), 'a');
    const b = join(tmp(), 'b');
    expectRefused(await runInProcess(['run', SMALL_CITY, '-r', '2', '-q', '--no-charts', '--out', a, '--out', b]), '--out', `"${a}", "${b}"`);
    nothingUnder(a);
    nothingUnder(b);
  }, 60_000);

  it('run --lang en --lang id: refused before the replications run, no data folder', async () => {
    const out = join(tmp(), 'lang');
    expectRefused(await runInProcess(['run', SMALL_CITY, '-r', '2', '-q', '--out', out, '--lang', 'en', '--lang', 'id']), '--lang', '"en", "id"', 'id');
    nothingUnder(out);
  }, 60_000);

  it('run --precision-outcome twice, and a numeric option with its alias', async () => {
    const out = join(tmp(), 'precision');
    expectRefused(
      await runInProcess(['run', SMALL_CITY, '--precision', '0.5', '-q', '--out', out, '--precision-outcome', 'live_share', '--precision-outcome', 'routinized_share']),
      '--precision-outcome',
      '"live_share", "routinized_share"',
    );
    expectRefused(await runInProcess(['run', SMALL_CITY, '-q', '--out', out, '-r', '1', '--replications', '2']), '--replications (-r)', '1, 2');
    nothingUnder(out);
  }, 60_000);

  it('sensitivity --method, compare/sweep/merge/explore/patterns/odd --out, report --lang', async () => {
    const out = join(tmp(), 'others');
    expectRefused(
      await runInProcess(['sensitivity', join(EXPERIMENTS, 'bekasi-sensitivity.yaml'), '-r', '2', '-q', '--no-charts', '--out', out, '--method', 'morris', '--method', 'sobol']),
      '--method',
      '"morris", "sobol"',
    );
    expectRefused(await runInProcess(['compare', join(EXPERIMENTS, 'bekasi-pilot-takeover.yaml'), '-q', '--out', out, '--out', out]), '--out', `"${out}", "${out}"`);
    expectRefused(await runInProcess(['sweep', join(EXPERIMENTS, 'bekasi-sweep.yaml'), '-q', '--out', 'x', '--out', 'y']), '--out', '"x", "y"');
    expectRefused(await runInProcess(['merge', join(out, 'a'), '--out', 'x', '--out', 'y']), '--out', '"x", "y"');
    expectRefused(await runInProcess(['explore', '--no-open', '--out', join(out, 'x'), '--out', join(out, 'y')]), '--out', `"${join(out, 'x')}", "${join(out, 'y')}"`);
    expectRefused(await runInProcess(['patterns', '-q', '--out', join(out, 'x.md'), '--out', join(out, 'y.md')]), '--out', `"${join(out, 'x.md')}", "${join(out, 'y.md')}"`);
    expectRefused(await runInProcess(['odd', SMALL_CITY, '--out', join(out, 'x.md'), '--out', join(out, 'y.md')]), '--out', `"${join(out, 'x.md')}", "${join(out, 'y.md')}"`);
    expectRefused(await runInProcess(['report', join(out, 'nothing'), '--lang', 'en', '--lang', 'id']), '--lang', '"en", "id"', 'id');
    expectRefused(await runInProcess(['national', SMALL_CITY, '--detail', 'a', '--detail', 'b']), '--detail', '"a", "b"');
    nothingUnder(out);
  }, 120_000);

  it('--set stays repeatable', async () => {
    const r = await runInProcess(['validate', SMALL_CITY, '--set', 'seed=3', '--set', 'replications=2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 replications, seed 3 .*with seed, replications overridden/);
  }, 60_000);
});
