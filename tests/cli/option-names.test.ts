/**
 * A refusal names an option as the user typed it: `--shard-count`, never
 * yargs's camelCase twin (`shardCount`). `difusi national <file>
 * --shard-count 2` (national has no --shard-count) said "Unknown
 * arguments: shard-count, shardCount". Every option of `run` and
 * `national` is given a bad value, and each dashed option of one is given
 * to the other (where it is unknown, or known): the one-line refusal holds
 * no camelCase word. The command lines run in the test's process
 * (runInProcess): each refusal is checked for its line only.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestFolder, refusedInOneLine, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { sharedBy } from '../support/shared.js';

const folder = cliTestFolder('difusi-option-names-');
const FILES = { run: join(ROOT, 'tests', 'support', 'small-city.yaml'), national: join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml') } as const;
type Command = keyof typeof FILES;

/** A command's long options, as its --help lists them, and whether each is a switch (`[boolean]`). */
async function optionsOf(command: Command): Promise<{ name: string; flag: boolean }[]> {
  const r = await runInProcess([command, '--help']);
  expect(r.code).toBe(0);
  return [...r.stdout.matchAll(/^\s+(?:-\w, )?--([a-z][a-z-]*)\s.*$/gm)].map((m) => ({ name: m[1]!, flag: m[0].includes('[boolean]') }));
}

/** A camelCase word (`shardCount`, `maxReplications`). */
const CAMEL = /\b[a-z]+[A-Z]\w*/;

/**
 * Runs `command <file> ...args` and returns its refusal (the national fixture's own warning aside). A command
 * line is started once however many tests read its refusal (`national --shard-count 2` is read by both below).
 */
const refused = sharedBy(async (key: string) => {
  const [command, args] = JSON.parse(key) as [Command, string[]];
  return runInProcess([command, FILES[command], ...args, '--no-charts', '--out', join(folder(), command)]);
});
async function refusal(command: Command, args: readonly string[]): Promise<string> {
  const r = await refused(JSON.stringify([command, args]));
  return refusedInOneLine({ ...r, stderr: r.stderr.split('\n').filter((l) => !l.startsWith('⚠ ')).join('\n') });
}

describe('refusals name options as typed, never in camelCase', () => {
  it('national --shard-count (an option national does not have) is named `--shard-count`', async () => {
    expect(await refusal('national', ['--shard-count', '2'])).toBe('✗ Unknown argument: --shard-count (see difusi --help)');
    expect(await refusal('national', ['--shard-count=2'])).toBe('✗ Unknown argument: --shard-count (see difusi --help)');
  }, 60_000);

  it('every option of run and national with a bad value, and every dashed option of either given to each', async () => {
    const [run, national] = await Promise.all([optionsOf('run'), optionsOf('national')]);
    const options = { run, national };
    const names = (command: Command) => options[command].map((o) => o.name);
    expect(names('run')).toContain('shard-count');
    expect(names('national')).toContain('shard');
    // --out takes any path; a switch takes no value (yargs reads `--quiet=x` as on); --help and --version answer.
    const valued = (command: Command) => options[command].filter((o) => !o.flag && o.name !== 'out').map((o) => o.name);
    // Read only with --precision (without it they are not looked at).
    const context: Record<string, string[]> = { 'precision-outcome': ['--precision', '0.1'], 'max-replications': ['--precision', '0.1'] };
    const dashed = [...new Set([...names('run'), ...names('national')].filter((o) => o.includes('-')))];
    for (const command of ['run', 'national'] as const) {
      const unknown = dashed.filter((o) => !names(command).includes(o));
      const cases: string[][] = [
        ...valued(command).map((o) => [...(context[o] ?? []), `--${o}`, 'x']),
        ...unknown.map((o) => [`--${o}`, '2']),
      ];
      const lines: (readonly [string, string])[] = [];
      // Four at a time (in the test's process they still run one after another).
      for (let i = 0; i < cases.length; i += 4) {
        lines.push(...(await Promise.all(cases.slice(i, i + 4).map(async (args) => [args.join(' '), await refusal(command, args)] as const))));
      }
      for (const [args, line] of lines) expect(line, `${command} ${args}`).not.toMatch(CAMEL);
      // An option the command does not have is named with its dashes, as typed.
      for (const o of unknown) expect(lines.find(([args]) => args === `--${o} 2`)![1]).toBe(`✗ Unknown argument: --${o} (see difusi --help)`);
    }
  }, 180_000);
});
