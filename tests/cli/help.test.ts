/**
 * Every command's --help lists each option under one set of names: an option
 * a command repeats from the global ones (`--quiet`) must not add its alias
 * a second time ("-q, -q, --quiet" before the fourth session).
 *
 * Each `difusi <command> --help` is started once for the tests below that
 * read it (run, compare, sweep and sensitivity twice before), as `difusi`
 * as installed (bin/difusi.mjs, the bundle, which tests/cli/bundle.test.ts
 * checks prints every --help as dist/src/cli/main.js does), which starts in
 * about half the time.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, assertBuilt } from '../support/cli.js';
import { sharedBy } from '../support/shared.js';

beforeAll(() => assertBuilt());

const help = sharedBy(async (command: string) => (await promisify(execFile)(process.execPath, [BIN, command, '--help'])).stdout);

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
