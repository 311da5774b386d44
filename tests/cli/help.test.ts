/**
 * Every command's --help lists each option under one set of names: an option
 * a command repeats from the global ones (`--quiet`) must not add its alias
 * a second time ("-q, -q, --quiet" before the fourth session).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, assertBuilt } from '../support/cli.js';

beforeAll(() => assertBuilt());

const COMMANDS = ['run', 'validate', 'compare', 'sweep', 'sensitivity', 'merge', 'report', 'patterns', 'odd', 'explore', 'national', 'national-merge', 'generate-national', 'schema'];

describe('difusi <command> --help', () => {
  it.each(COMMANDS)('%s names each option once', async (command) => {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, command, '--help']);
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
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, command, '--help']);
    const line = stdout.split('\n').find((l) => /^\s+--out\s/.test(l));
    expect(line).toMatch(says);
  });
});
