/**
 * The yaml package's own warnings never reach the terminal: converting a
 * mapping whose key is a list or a mapping (`{ id: x,, [ a: 1 }`, a typo
 * that is also a YAML syntax error, or a valid `? [a, b]`) made it call
 * process.emitWarning, so that Node printed "(node:NNNN) Warning: Keys with
 * collection values will be stringified ... Set mapAsMap: true ..." and its
 * --trace-warnings hint before difusi's one ✗ line (a national file; a city
 * file did not, its text being converted by a path that gave up first).
 * Every parse of YAML passes YAML_QUIET (scenario/yaml-quiet.ts): here a
 * city, national and experiment file, and a --set value, each refused in
 * exactly one ✗ line. Real processes (runCli), since the warning is the
 * process's.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestFolder, ROOT, runBin, runCli, SMALL_CITY } from '../support/cli.js';

const folder = cliTestFolder('difusi-yaml-warning-');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const PILOT = join(ROOT, 'tests', 'experiment', 'fixtures', 'pilot.yaml');
const SWEEP = join(ROOT, 'tests', 'experiment', 'fixtures', 'sweep.yaml');

/** `base` with `from` (once in it) replaced by `to`, written under the test's folder as `name`. */
function variant(name: string, base: string, from: string, to: string): string {
  const text = readFileSync(base, 'utf8').replace('base: pilot.yaml', `base: ${PILOT}`);
  expect(text.split(from), `${from} once in ${base}`).toHaveLength(2);
  const file = join(folder(), name);
  writeFileSync(file, text.replace(from, to));
  return file;
}

/** A mapping key that is a mapping or list, at the end of `base` (valid YAML, an unknown field). */
function collectionKey(name: string, base: string): string {
  const file = join(folder(), name);
  writeFileSync(file, `${readFileSync(base, 'utf8').replace('base: pilot.yaml', `base: ${PILOT}`)}\n? [a, b]\n: 1\n`);
  return file;
}

/** The refusal's words, as before (only the process warning before them is gone). */
const SYNTAX = /^✗ \S+:\d+:\d+ YAML syntax error: Unexpected , in flow map$/;
const KEY = /^✗ \S+:\d+:\d+ Unknown field "\[ a, b \]" → at \["\[ a, b \]"\] \(expected one of "name", "description", /;

async function expectOneLine(args: readonly string[], line: RegExp, run = runCli): Promise<void> {
  const r = await run(args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr, args.join(' ')).not.toMatch(/\(node:\d+\)|Warning:|trace-warnings/);
  expect(r.stderr.split('\n').filter((l) => l !== ''), args.join(' ')).toEqual([expect.stringMatching(line)]);
}

describe('no process warning of the yaml package is printed', () => {
  it('a syntax error in a flow mapping of a national, city and experiment file: one ✗ line', async () => {
    const national = variant('syntax-national.yaml', NATIONAL, '{ id: kab-b, name: Kabupaten B,', '{ id: kab-b, name: Kabupaten B,, [');
    const city = variant('syntax-city.yaml', SMALL_CITY, '- id: kominfo', '- { id: kominfo,, [ type: dinas }');
    const sweep = variant('syntax-sweep.yaml', SWEEP, '{ name: parameters.takeover_vendor,', '{ name: parameters.takeover_vendor,, [');
    await expectOneLine(['validate', national], SYNTAX);
    await expectOneLine(['national', national, '--check'], SYNTAX);
    await expectOneLine(['validate', city], SYNTAX);
    await expectOneLine(['sweep', sweep, '--out', join(folder(), 'out')], SYNTAX);
    // The installed command line (the bundle) alike.
    await expectOneLine(['validate', national], SYNTAX, runBin);
  }, 60_000);

  it('a key that is a list (valid YAML, an unknown field): one ✗ line', async () => {
    const out = join(folder(), 'out');
    await expectOneLine(['validate', collectionKey('key-national.yaml', NATIONAL)], KEY);
    await expectOneLine(['national-compare', collectionKey('key-national.yaml', NATIONAL), '--set', 'parameters.theta_sd=0.5', '--out', out], KEY);
    await expectOneLine(['run', collectionKey('key-city.yaml', SMALL_CITY), '--out', out], KEY);
    await expectOneLine(['sweep', collectionKey('key-sweep.yaml', SWEEP), '--out', out], KEY);
    await expectOneLine(['compare', collectionKey('key-sweep.yaml', SWEEP), '--out', out], KEY);
  }, 60_000);

  it('a --set value with such a key, on a city and a national file: one ✗ line', async () => {
    const wrongType = /^✗ override parameters\.theta_sd: Wrong type → at parameters\.theta_sd \(expected a number >= 0, found \{"\[ a \]":1\}\)$/;
    await expectOneLine(['validate', SMALL_CITY, '--set', 'parameters.theta_sd={[a]: 1}'], wrongType);
    await expectOneLine(['validate', NATIONAL, '--set', 'parameters.theta_sd={[a]: 1}'], wrongType);
  }, 60_000);
});

describe('every parse of YAML text in src/ is quiet', () => {
  it('each call of the yaml package\'s parseDocument, parse or parseAllDocuments passes YAML_QUIET', () => {
    const src = join(ROOT, 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(src, f));
    const calls: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const imported = /^import \{([^}]*)\} from 'yaml';$/m.exec(text)?.[1] ?? '';
      const names = ['parseDocument', 'parse', 'parseAllDocuments'].filter((n) => new RegExp(`\\b${n}\\b`).test(imported));
      for (const name of names) {
        for (const m of text.matchAll(new RegExp(`(?<![.\\w])${name}\\(([^\\n]*)`, 'g'))) {
          calls.push(`${relative(ROOT, file)}: ${m[0]}`);
          expect(m[1], `${relative(ROOT, file)}: ${m[0]}`).toMatch(/YAML_QUIET/);
        }
      }
    }
    // The parses this test knows of are found (a test that finds none checks nothing).
    expect(calls.length).toBeGreaterThanOrEqual(10);
  });
});
