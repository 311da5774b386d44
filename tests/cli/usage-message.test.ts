/**
 * yargs's command-line messages as one line a newcomer can act on (src/cli/usage-message.ts).
 * The command lines run in the test's own process (runInProcess, tests/support/in-process.ts):
 * the test reads their code and stderr only.
 */
import { describe, expect, it } from 'vitest';
import { usageLine } from '../../src/cli/usage-message.js';
import { commandName } from '../../src/cli/start.js';
import { runInProcess } from '../support/in-process.js';

const COMMANDS = ['run', 'validate', 'compare', 'national', 'national-merge'];

describe('usageLine', () => {
  it('joins a message written over several lines at its colon, and elsewhere with "; "', () => {
    expect(usageLine('Invalid values:\n  Argument: lang, Given: "ind", Choices: "en", "id"', ['run', 'a.yaml'], COMMANDS)).toBe(
      'Invalid values: Argument: lang, Given: "ind", Choices: "en", "id"',
    );
    expect(usageLine('first\n second', ['run'], COMMANDS)).toBe('first; second');
  });

  it('names a missing positional of a known command as the missing file, or folder for the commands that take folders', () => {
    expect(usageLine('Not enough non-option arguments: got 0, need at least 1', ['national-merge'], COMMANDS)).toBe(
      'difusi national-merge: a result folder is missing (not enough non-option arguments: got 0, need at least 1)',
    );
    expect(usageLine('Not enough non-option arguments: got 0, need at least 1', ['run'], COMMANDS)).toBe(
      'difusi run: a file is missing (not enough non-option arguments: got 0, need at least 1)',
    );
  });

  it('answers a mistyped command with the command it most likely meant, and only that', () => {
    expect(usageLine('Unknown arguments: runn, x.yaml', ['runn', 'x.yaml'], COMMANDS)).toBe('Unknown command "runn" (did you mean "run"?)');
    expect(usageLine('Unknown argument: zzzzzz', ['zzzzzz'], COMMANDS)).toBe('Unknown command "zzzzzz"');
    // After a leading --quiet as without it: the command is the first word after the options that may come first.
    expect(usageLine('Unknown argument: runn', ['-q', 'runn'], COMMANDS)).toBe('Unknown command "runn" (did you mean "run"?)');
    expect(usageLine('Not enough non-option arguments: got 0, need at least 1', ['--quiet', 'run'], COMMANDS)).toBe(
      'difusi run: a file is missing (not enough non-option arguments: got 0, need at least 1)',
    );
    // An unknown option of a known command is named as typed, with its dashes.
    expect(usageLine('Unknown argument: bogus', ['run', 'a.yaml', '--bogus'], COMMANDS)).toBe('Unknown argument: --bogus');
  });

  it("names unknown arguments as typed, without yargs's camelCase twin of a dashed name", () => {
    const line = (message: string, ...args: string[]) => usageLine(message, ['national', 'n.yaml', ...args], COMMANDS);
    expect(line('Unknown arguments: shard-count, shardCount', '--shard-count', '2')).toBe('Unknown argument: --shard-count');
    expect(line('Unknown arguments: shard-count, shardCount', '--shard-count=2')).toBe('Unknown argument: --shard-count');
    expect(line('Unknown argument: shardCount', '--shardCount', '2')).toBe('Unknown argument: --shardCount');
    expect(line('Unknown arguments: foo-bar, fooBar', '--no-foo-bar')).toBe('Unknown argument: --no-foo-bar');
    expect(line('Unknown argument: foo', '--foo.bar', '1')).toBe('Unknown argument: --foo.bar');
    expect(line('Unknown arguments: z, y', '-zy')).toBe('Unknown arguments: -z, -y');
    expect(line('Unknown arguments: a-b, aB, extra.yaml', '--a-b', 'extra.yaml')).toBe('Unknown arguments: --a-b, extra.yaml');
  });

  it('reaches the terminal in one line, exit code 2', async () => {
    const r = await runInProcess(['run', 'x.yaml', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('✗ Unknown argument: --bogus (see difusi --help)\n');
    // A value outside an option's choices is refused as any bad option value is (tests/cli/option-choices.test.ts).
    const lang = await runInProcess(['run', 'x.yaml', '--lang', 'ind']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toBe('✗ command line: Invalid value for --lang (expected "en" or "id", found "ind")\n');
  });
});

describe('commandName', () => {
  it('is the first word, after --quiet and --lang as yargs reads them before a command', () => {
    expect(commandName(['validate', 'a.yaml'])).toBe('validate');
    expect(commandName(['-q', 'validate', 'a.yaml'])).toBe('validate');
    expect(commandName(['--quiet', 'true', '--no-quiet', '-q=false', '--lang', 'id', '--lang=en', 'run'])).toBe('run');
    // yargs takes true or false after --quiet as its value, but not after --no-quiet; --lang takes the next word.
    expect(commandName(['--no-quiet', 'true', 'run'])).toBe('true');
    expect(commandName(['--lang', 'validate', 'a.yaml'])).toBe('a.yaml');
    expect(commandName(['--lang', '-q', 'run'])).toBe('run');
  });

  it('is undefined for no command, or --help, --version, -- or another option first (every command is loaded)', () => {
    for (const args of [[], ['-q'], ['--help'], ['-q', '--help'], ['-h', 'run'], ['--version', 'run'], ['--', 'run'], ['-qh', 'run'], ['--out', 'o', 'run']]) {
      expect(commandName(args), args.join(' ')).toBeUndefined();
    }
  });
});
