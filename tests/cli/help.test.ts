/**
 * Every command's --help lists each option under one set of names: an option
 * a command repeats from the global ones (`--quiet`) must not add its alias
 * a second time ("-q, -q, --quiet" before the fourth session).
 *
 * Each `difusi <command> --help` runs once for the tests below that read it
 * (run, compare, sweep and sensitivity twice before), in the test's own
 * process (runInProcess, tests/support/in-process.ts): what --help prints
 * needs no process of its own, and starting one costs more than the help.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../support/cli.js';
import { stdoutInProcess } from '../support/in-process.js';
import { sharedBy } from '../support/shared.js';

beforeAll(() => assertBuilt());

// As execFile did, a command that fails is an error, not a help text.
const help = sharedBy((command: string) => stdoutInProcess([command, '--help']));

const COMMANDS = ['run', 'validate', 'compare', 'sweep', 'sensitivity', 'merge', 'report', 'patterns', 'odd', 'explore', 'national', 'national-merge', 'generate-national', 'schema', 'national-compare'];

describe('difusi <command> --help', () => {
  it.each(COMMANDS)('%s names each option once', async (command) => {
    const stdout = await help(command);
    const optionLines = stdout.split('\n').filter((l) => /^\s+-/.test(l));
    expect(optionLines.length).toBeGreaterThan(0);
    for (const line of optionLines) {
      const names = line.trim().split(/\s{2,}/)[0]!.split(', ');
      expect(new Set(names).size, line).toBe(names.length);
    }
  });
});

describe('--out says which folder a command writes', () => {
  // compare, sweep and sensitivity name their folder after the experiment (a comparison of
  // scenario files after its base scenario, with -compare), not after a scenario as run does.
  it.each([
    ['run', /<out>\/<scenario name>\/<run key>\//],
    ['compare', /<out>\/<experiment name>\/<run key>\/ \(scenario files: <base scenario name>-compare\)/],
    ['sweep', /<out>\/<experiment name>\/<run key>\//],
    ['sensitivity', /<out>\/<experiment name>\/<run key>\//],
  ])('%s', async (command, says) => {
    const stdout = await help(command);
    const line = stdout.split('\n').find((l) => /^\s+--out\s/.test(l));
    expect(line).toMatch(says);
  });
});
