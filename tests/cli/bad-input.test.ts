/**
 * Bad input on the command line (STYLE habit 4): exit code 2, stderr names the
 * file and the line (and the column for syntax errors), no stack trace, and no
 * output folder under the --out root. Lines and columns are derived from the
 * fixture text in tests/fixtures/bad/, not copied from a run. The command
 * lines run in the test's process (runInProcess): some thirty refusals, each
 * checked for its lines, exit code and folders, at no process start.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { MESSAGES } from '../../src/messages/catalog.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, stackLines, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const BAD = join(ROOT, 'tests', 'fixtures', 'bad');
const tmp = cliTestFolder('difusi-cli-bad-');

/** 1-based line and column where `needle` starts in `file` (column of `offset` chars into the match). */
function position(file: string, needle: string, offset = 0): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`"${needle}" must occur once in ${file}`);
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

function expectNoOutput(out: string): void {
  expect(!existsSync(out) || readdirSync(out).length === 0, `something was written under ${out}`).toBe(true);
}

interface Case {
  name: string;
  file: string;
  /** Text at the reported place, and how far into it the place is. */
  at: string;
  offset?: number;
  /** Syntax errors also give the column. */
  syntax: boolean;
  says: RegExp;
}

const CASES: Case[] = [
  // `months: 24: 3`: the nested mapping starts at its value `24`.
  { name: 'YAML syntax error', file: 'yaml-syntax.yaml', at: 'months: 24: 3', offset: 'months: '.length, syntax: true, says: /YAML syntax error/ },
  // The second "---" starts a second document: one line saying so, at that line, not the YAML reader's advice to call its API.
  { name: 'several YAML documents', file: 'multiple-documents.yaml', at: '---\nname: second-city', syntax: true, says: new RegExp(`^✗ \\S+ ${MESSAGES.yaml_multiple_documents().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n$`) },
  // The missing comma after "months": 24 is found at the next token, "opds".
  { name: 'JSON syntax error', file: 'json-syntax.json', at: '"opds"', syntax: true, says: /JSON syntax error/ },
  { name: 'wrong type', file: 'wrong-type.yaml', at: 'strength: high', syntax: false, says: /Wrong type.*regulations\[0\]\.strength/ },
  { name: 'unknown field', file: 'unknown-field.yaml', at: 'budget_line: true', syntax: false, says: /Unknown field "budget_line"/ },
  { name: 'unknown reference', file: 'unknown-reference.yaml', at: 'anchors: [e-office]', syntax: false, says: /Unknown innovation "e-office"/ },
  // The horizon is 2020-01..2021-12; the shock ends in 2022-03.
  { name: 'event month outside the horizon', file: 'month-outside-horizon.yaml', at: 'to: 2022-03', syntax: false, says: /outside the scenario's horizon.*budget_shocks\[0\]\.to/ },
];

describe.concurrent('bad scenario files: exit 2, file:line in stderr, no stack, no output', () => {
  it.each(CASES)('$name ($file)', async (c) => {
    const file = join(BAD, c.file);
    const out = join(tmp(), c.file);
    const { line, column } = position(file, c.at, c.offset ?? 0);
    // `run` must not create anything; `validate` reports the same place (checked for syntax errors).
    const commands = [['run', file, '--out', out, '--quiet'], ...(c.syntax ? [['validate', file]] : [])];
    // Both together (one after the other in the test's process): validate writes nothing, so run's --out is still its own.
    for (const r of await Promise.all(commands.map((command) => runInProcess(command)))) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(c.says);
      if (c.syntax) expect(r.stderr).toContain(`${file}:${line}:${column} `);
      else expect(r.stderr).toContain(`${file}:${line}:`);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.stdout).toBe('');
    }
    expectNoOutput(out);
  });

  it('missing file', async () => {
    const file = join(BAD, 'does-not-exist.yaml');
    const out = join(tmp(), 'missing');
    const r = await runInProcess(['run', file, '--out', out, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/not found/i);
    expect(stackLines(r.stderr)).toEqual([]);
    expectNoOutput(out);
  });

  it.each(['3/3', 'x', '1/0', '-1/3'])('bad --shard value %s', async (shard) => {
    const out = join(tmp(), `shard-${shard.replace(/\W/g, '_')}`);
    const r = await runInProcess(['run', SMALL_CITY, '--out', out, '--quiet', `--shard=${shard}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard');
    expect(stackLines(r.stderr)).toEqual([]);
    expectNoOutput(out);
  });
});

// Concurrent, as the bad scenario files above: each test has folders of its own under tmp().
describe.concurrent('errors outside the scenario: one line, exit 2, no stack', () => {
  it('an option value outside its choices is one line naming the option', async () => {
    const r = await runInProcess(['run', SMALL_CITY, '-r', '2', '--lang', 'fr', '--no-charts', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('lang');
    expect(r.stderr).toContain('fr');
  });

  it('an --out that the file system refuses (a path under a file) names the path', async () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, '');
    const r = await runInProcess(['run', SMALL_CITY, '-r', '2', '--no-charts', '--quiet', '--out', join(file, 'out')]);
    expect(r.code).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // Refused before any work by the output-root check (store/out-root.ts), naming the path and why.
    expect(r.stderr).toMatch(/^✗ /);
    expect(r.stderr).toContain(join(file, 'out'));
    expect(r.stderr).toContain('not a folder');
    expect(r.stderr).not.toContain('internal error');
  });

  it('report on a folder that is not a result folder names the missing manifest', async () => {
    const dir = join(tmp(), 'empty');
    mkdirSync(dir);
    const r = await runInProcess(['report', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`✗ ${join(dir, 'manifest.json')} ${MESSAGES.result_file_invalid('not found (is this a difusi result folder?)')}`);
  });

  it('compare with one file that does not exist names it as missing, not as the wrong kind of file', async () => {
    const missing = join(tmp(), 'no-such-experiment.yaml');
    const out = join(tmp(), 'compare-missing-out');
    const r = await runInProcess(['compare', missing, '--out', out, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`✗ ${missing} ${MESSAGES.file_not_found()} (expected an experiment file, or a base scenario and at least one variant)`);
    expectNoOutput(out);
  });

  it.each([
    [['run', SMALL_CITY, '-r', '0'], '--replications', 'a whole number of at least 1', '0'],
    [['run', SMALL_CITY, '--replications', 'abc'], '--replications', 'a whole number of at least 1', 'not a number'],
    [['compare', join(ROOT, 'experiments', 'bekasi-pilot-takeover.yaml'), '-r', '2.5'], '--replications', 'a whole number of at least 1', '2.5'],
    [['sweep', join(ROOT, 'experiments', 'bekasi-sweep.yaml'), '--seed', '-1'], '--seed', 'a whole number from 0 to 4294967295', '-1'],
    [['validate', SMALL_CITY, '--seed', '1.5'], '--seed', 'a whole number from 0 to 4294967295', '1.5'],
    // yargs reads these as 16 and 1000: refused as written, not run under a seed the user may not have meant.
    [['run', SMALL_CITY, '-s', '0x10'], '--seed', 'a whole number from 0 to 4294967295', '0x10'],
    [['validate', SMALL_CITY, '--seed=1e3'], '--seed', 'a whole number from 0 to 4294967295', '1e3'],
    [['run', SMALL_CITY, '-r', '2', '--seed'], '--seed', 'a whole number from 0 to 4294967295', 'no value'],
    // A short seed glued to a non-number: the same line as `--seed abc` (yargs read the letters as unknown flags).
    [['run', SMALL_CITY, '-sabc'], '--seed', 'a whole number from 0 to 4294967295', 'abc'],
    [['run', SMALL_CITY, '-r', '2', '-qsabc'], '--seed', 'a whole number from 0 to 4294967295', 'abc'],
    [['compare', join(ROOT, 'experiments', 'bekasi-pilot-takeover.yaml'), '-r', '2', '--outcomes'], '--outcomes', 'at least one outcome name, e.g. --outcomes live_share', 'no value'],
    [['sweep', join(ROOT, 'experiments', 'bekasi-sweep.yaml'), '-r', '2', '--outcomes'], '--outcomes', 'at least one outcome name, e.g. --outcomes live_share', 'no value'],
    [['run', SMALL_CITY, '-r', '2', '--shard', '1/2', '--shard-count', '3'], '--shard-count', '2, as in --shard 1/2 (or only one of the two)', '3'],
  ] as const)('%j names the option the user wrote, not a scenario override', async (args, option, expected, found) => {
    // Its own folder (two command lines give --seed abc, two --outcomes no value): the tests run at once.
    const out = join(tmp(), `counts-${args.filter((a) => !a.includes('/')).join('_').replace(/[^\w-]+/g, '_')}`);
    const r = await runInProcess(args[0] === 'validate' ? [...args] : [...args, '--out', out, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`✗ command line: ${MESSAGES.invalid_option(option)} (expected ${expected}, found ${found})`);
    expectNoOutput(out);
  });

  it('a job refused after taking its folder lock leaves no folder it created behind', async () => {
    // compare --merge with no shards is refused only once the comparison's
    // folder is locked; the folders the lock created go again.
    const out = join(tmp(), 'nothing-here', 'deeper');
    const r = await runInProcess(['compare', join(ROOT, 'experiments', 'bekasi-pilot-takeover.yaml'), '--merge', '--out', out, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--merge');
    expect(existsSync(join(tmp(), 'nothing-here'))).toBe(false);
  });
});
