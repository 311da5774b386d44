/**
 * `difusi validate <file>` alone is answered without yargs (cli/program.ts,
 * start-up time); with any option it goes through yargs as before. Both
 * must print the same and exit the same for every kind of file: good, bad,
 * national, missing, and names yargs might have read as numbers, booleans
 * or nothing. `--quiet` changes nothing validate prints, so
 * `validate <file> --quiet` is the yargs route for the same request; the
 * module listing shows which route each took.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, SMALL_CITY, assertBuilt } from '../support/cli.js';

beforeAll(() => assertBuilt());

/** Lists, on stderr as `LOADED <url>` lines, the module files the command line loaded. */
const LOADED = pathToFileURL(join(ROOT, 'tests', 'support', 'scripts-loaded.mjs')).href;

/** Exit code, stdout and stderr of `difusi <args>`, and whether yargs was loaded. */
async function difusi(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string; yargs: boolean }> {
  let result: { code: number; stdout: string; stderr: string };
  try {
    const r = await promisify(execFile)(process.execPath, ['--import', LOADED, CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    result = { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    result = { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
  const lines = result.stderr.split('\n');
  return {
    ...result,
    stderr: lines.filter((l) => !l.startsWith('LOADED ')).join('\n'),
    yargs: lines.some((l) => l.startsWith('LOADED ') && /\/node_modules\/yargs\//.test(l)),
  };
}

// One good city file: a second one (scenarios/bekasi-2015-2025.yaml) took the same route through
// both paths (plainValidate, validateFile; yargs, validateCommand) at two process starts more.
const FILES = [
  SMALL_CITY,
  join('tests', 'national', 'fixtures', 'small-national.yaml'),
  join('tests', 'fixtures', 'scenarios', 'minimal.json'),
  join('tests', 'fixtures', 'bad', 'yaml-syntax.yaml'),
  join('tests', 'fixtures', 'bad', 'wrong-type.yaml'),
  join('tests', 'fixtures', 'bad', 'unknown-reference.yaml'),
  'no-such-file.yaml',
  'tests',
  '123',
  '1e3',
  'true',
  '',
  'a b',
];

describe('difusi validate <file>, without and with yargs', () => {
  it.each(FILES.map((f) => [JSON.stringify(f), f] as const))('%s: the same exit code, stdout and stderr', async (_, file) => {
    const [fast, viaYargs] = await Promise.all([difusi(['validate', file]), difusi(['validate', file, '--quiet'])]);
    expect(fast.yargs).toBe(false);
    expect(viaYargs.yargs).toBe(true);
    expect({ ...fast, yargs: undefined }).toEqual({ ...viaYargs, yargs: undefined });
  }, 60_000);

  it('an option, `--`, a name starting with "-" or a second file goes through yargs', async () => {
    const lines = [['validate', '-'], ['validate', '--', SMALL_CITY], ['validate', '--help'], ['validate', SMALL_CITY, SMALL_CITY], ['validate']];
    // Started together: each writes nothing, so they are independent.
    const results = await Promise.all(lines.map((args) => difusi(args)));
    lines.forEach((args, i) => expect(results[i]!.yargs, args.join(' ')).toBe(true));
  }, 60_000);
});
