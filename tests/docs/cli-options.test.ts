/**
 * Every option a command's `--help` lists is written somewhere in the user
 * docs (README.md, docs/*.md) as `--name` (or `--no-name` for an option
 * that is on by default), so no option exists only in the program. This
 * is a floor: it checks that an option is mentioned, not that each
 * command's page describes it, or describes it rightly. The commands run
 * in the test's own process (runInProcess, tests/support/in-process.ts):
 * the tests read what they print, which needs no process of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt } from '../support/cli.js';
import { runInProcess, stdoutInProcess } from '../support/in-process.js';
import { sharedBy } from '../support/shared.js';

beforeAll(() => assertBuilt());

const COMMANDS = ['run', 'validate', 'compare', 'sweep', 'sensitivity', 'merge', 'report', 'patterns', 'odd', 'explore', 'national', 'national-merge', 'generate-national', 'schema', 'national-compare'];

// yargs's own, the same for every command.
const BUILT_IN = new Set(['help', 'version']);

const DOCS = [join(ROOT, 'README.md'), ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f))]
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

/** `difusi <command> --help`, run once per command for the option and the example tests below. */
const help = sharedBy((command: string) => stdoutInProcess([command, '--help']));

/** The long option names of `difusi <command> --help`, with whether each defaults to true. */
async function options(command: string): Promise<{ name: string; onByDefault: boolean }[]> {
  const stdout = await help(command);
  return stdout
    .split('\n')
    .filter((l) => /^\s+-/.test(l))
    .map((l) => ({ name: /--([a-z][a-z0-9-]*)/.exec(l)?.[1] ?? '', onByDefault: /\[boolean\] \[default: true\]/.test(l) }))
    .filter((o) => o.name !== '' && !BUILT_IN.has(o.name));
}

const mentioned = (flag: string) => new RegExp(`${flag.replace(/-/g, '\\-')}(?![a-z0-9-])`).test(DOCS);

describe('every option of every command is in the docs', () => {
  it.each(COMMANDS)('%s', async (command) => {
    const listed = await options(command);
    expect(listed.length).toBeGreaterThan(0);
    const missing = listed.filter((o) => !mentioned(`--${o.name}`) && !(o.onByDefault && mentioned(`--no-${o.name}`))).map((o) => `--${o.name}`);
    expect(missing).toEqual([]);
  });

  it('(control) a name no doc has is reported missing', () => {
    expect(mentioned('--bass-replications-x')).toBe(false);
    expect(mentioned('--bass-replications')).toBe(true);
  });
});

/**
 * The other way round for the README in Bahasa Indonesia (README.id.md),
 * which shows only what a newcomer needs and so is not one of the docs
 * above: every option it writes is one that some command's `--help` lists
 * (or `--no-<name>` of a boolean one), so a translation cannot invent or
 * misspell an option. tests/docs/readme-id.test.ts checks each of its
 * command lines against its own command's `--help`.
 */
export function unknownOptions(text: string, known: ReadonlySet<string>, booleans: ReadonlySet<string>): string[] {
  const written = new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!));
  return [...written].filter((o) => !known.has(o) && !BUILT_IN.has(o) && !(o.startsWith('no-') && booleans.has(o.slice(3)))).map((o) => `--${o}`);
}

async function allOptions(): Promise<{ known: Set<string>; booleans: Set<string> }> {
  const known = new Set<string>();
  const booleans = new Set<string>();
  for (const command of COMMANDS) {
    for (const o of await options(command)) known.add(o.name);
    for (const l of (await help(command)).split('\n')) {
      const m = /^\s+(?:-[a-zA-Z], )?--([a-z][a-z0-9-]*)\s.*\[boolean\]/.exec(l);
      if (m !== null) booleans.add(m[1]!);
    }
  }
  return { known, booleans };
}

describe('every option README.id.md writes is an option of a command', () => {
  it('README.id.md', async () => {
    const text = readFileSync(join(ROOT, 'README.id.md'), 'utf8');
    const { known, booleans } = await allOptions();
    expect(text).toContain('--lang id');
    expect(unknownOptions(text, known, booleans)).toEqual([]);
  });

  it('(control) a misspelt option, and --no- of an option that is not a boolean, are reported', async () => {
    const { known, booleans } = await allOptions();
    expect(unknownOptions('`--lang id`, `--no-charts`, `--no-open`, `--help`', known, booleans)).toEqual([]);
    expect(unknownOptions('`--langs id`, `--no-lang`, `--no-chart`', known, booleans)).toEqual(['--langs', '--no-lang', '--no-chart']);
  });
});

/** The `--set path=value` examples a command's `--help` gives. */
async function setExamples(command: string): Promise<string[]> {
  const stdout = await help(command);
  return [...stdout.matchAll(/--set ([^\s=]+=[^\s)]+)/g)].map((m) => m[1]!);
}

/**
 * `difusi validate <scenario> --set <example>`: exit code and output. The same
 * command line is run once: five commands' --help give the same example.
 */
const validated = sharedBy(async (commandLine: string) => {
  const [scenario, example] = JSON.parse(commandLine) as [string, string];
  const r = await runInProcess(['validate', join(ROOT, 'scenarios', scenario), '--set', example]);
  return r.code === 0 ? { code: 0, out: r.stdout } : { code: r.code!, out: r.stderr };
});
const validateWith = (scenario: string, example: string): Promise<{ code: number; out: string }> => validated(JSON.stringify([scenario, example]));

// The national command's examples apply to a national scenario, every other
// command's to a city scenario.
const SCENARIO_FOR = (command: string) => (command === 'national' || command === 'national-compare' ? 'indonesia-2015-2025.yaml' : 'bekasi-2015-2025.yaml');

describe('every --set example in a --help is a real field', () => {
  it.each(COMMANDS)('%s', { timeout: 60_000 }, async (command) => {
    for (const example of await setExamples(command)) {
      const r = await validateWith(SCENARIO_FOR(command), example);
      expect(r.code, `difusi ${command} --help: --set ${example}\n${r.out}`).toBe(0);
      expect(r.out).toContain(`${example.split('=')[0]} overridden`);
    }
  });

  it('the commands that take --set give an example of it', async () => {
    for (const command of ['run', 'validate', 'compare', 'sweep', 'sensitivity', 'national', 'national-compare']) expect(await setExamples(command), command).not.toEqual([]);
  });

  it('(control) an example naming no field fails validation', async () => {
    const r = await validateWith('indonesia-2015-2025.yaml', 'parameters.w_learn=0');
    expect(r.code).toBe(2);
    expect(r.out).toContain('Unknown field "w_learn"');
  });
});

describe('difusi validate counts in words', () => {
  it('one innovation in the singular, several in the plural', async () => {
    const [one, many] = await Promise.all(['sustained-opd-owned.yaml', 'bekasi-2015-2025.yaml'].map((file) => stdoutInProcess(['validate', join(ROOT, 'scenarios', file)])));
    expect(one).toMatch(/, 20 OPDs, 1 innovation, 108 months from 2016-01, 200 replications, /);
    expect(many).toMatch(/, 43 OPDs, 8 innovations, /);
  });
});
