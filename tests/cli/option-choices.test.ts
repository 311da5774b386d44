/**
 * An option that takes one of a fixed list of values (`--lang en|id`,
 * sensitivity's `--method morris|sobol`), given another one, is refused as
 * any other bad option value is: one line naming the option, what it takes
 * and what was given, exit code 2 (src/cli/options.ts checkChoices, run
 * before yargs's own check of the choices), not in yargs's words ("Invalid
 * values: Argument: lang, Given: ..."). The line is difusi's, so it reads
 * the same under LANG=fr_FR; yargs's other words, which usage-message.ts
 * reads, are English whatever the system's language (cli/program.ts pins its locale).
 * It used to be made by reading yargs's message, and a value that message
 * wrote in another shape (`--lang.x fr`, an object) was left in yargs's words.
 *
 * The command lines run in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs), but for
 * the one under another system language, which needs a process's environment.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChoices } from '../../src/cli/options.js';
import { UserError } from '../../src/messages/catalog.js';
import { BIN, ROOT, SMALL_CITY, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-choices-');

/** checkChoices's refusal of `argv` under `choices`, as its lines; undefined when it refuses nothing. */
function refusal(argv: Record<string, unknown>, choices: Record<string, readonly unknown[]>): string[] | undefined {
  try {
    checkChoices({ _: [], $0: 'difusi', ...argv }, { choices });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).message.split('\n');
  }
  return undefined;
}

describe('checkChoices', () => {
  const LANG = { lang: ['en', 'id'] };
  it('one refusal per option, in the order of argv, each value outside the list as JSON', () => {
    expect(refusal({ lang: 'fr' }, LANG)).toEqual(['✗ command line: Invalid value for --lang (expected "en" or "id", found "fr")']);
    expect(refusal({ method: 'x', lang: ['a, "b', 'en', 'c'] }, { ...LANG, method: ['morris', 'sobol'] })).toEqual([
      '✗ command line: Invalid value for --method (expected "morris" or "sobol", found "x")',
      '✗ command line: Invalid value for --lang (expected "en" or "id", found "a, \\"b", "c")',
    ]);
    // `--no-lang` reaches the check as false; three choices or more are "one of"; a dotted option (`--lang.x fr`) is an object.
    expect(refusal({ lang: false }, { lang: ['en', 'id', 'fr'] })).toEqual(['✗ command line: Invalid value for --lang (expected one of "en", "id", "fr", found --no-lang)']);
    expect(refusal({ lang: { x: 'fr' } }, LANG)).toEqual(['✗ command line: Invalid value for --lang (expected "en" or "id", found {"x":"fr"})']);
  });

  it('refuses nothing for values in the list, options without one, or none given', () => {
    expect(refusal({ lang: 'id', out: 'fr', l: 'fr' }, LANG)).toBeUndefined();
    expect(refusal({ lang: ['en', 'id'] }, LANG)).toBeUndefined();
    expect(refusal({ lang: undefined }, LANG)).toBeUndefined();
    expect(refusal({ lang: 'fr' }, {})).toBeUndefined();
  });
});

/** Every command's options with a fixed list of values, as its --help shows them, and its positionals' count. */
async function optionsWithChoices(): Promise<{ command: string; positionals: number; out: boolean; option: string; choices: string }[]> {
  const top = await runInProcess(['--help']);
  const commands = [...top.stdout.matchAll(/^ {2}difusi ([a-z-]+)/gm)].map((m) => m[1]!);
  expect(commands.length).toBeGreaterThan(10);
  const found: { command: string; positionals: number; out: boolean; option: string; choices: string }[] = [];
  // Every command's --help (each writes nothing), read in the order --help lists the commands.
  const helps = await Promise.all(commands.map(async (command) => (await runInProcess([command, '--help'])).stdout));
  for (const [i, command] of commands.entries()) {
    const help = helps[i]!;
    const usage = help.split('\n')[0]!;
    const positionals = (usage.match(/<[^>]+>/g) ?? []).length;
    const out = /^\s+--out\s/m.test(help);
    for (const m of help.matchAll(/^\s+(?:-\w, )?--([\w-]+)\s.*\[choices: ([^\]]+)\]/gm)) found.push({ command, positionals, out, option: m[1]!, choices: m[2]! });
  }
  return found;
}

describe('a value outside an option\'s choices, on the command line', () => {
  it('every option with choices, of every command: one line naming the option, the value and the choices, exit 2, nothing written', async () => {
    const all = await optionsWithChoices();
    // --lang of run, compare, sweep, sensitivity, merge, report, national, national-merge, national-compare and validate; sensitivity's --method.
    expect(all.filter((o) => o.option === 'lang').map((o) => o.command).sort()).toEqual(
      ['compare', 'merge', 'national', 'national-compare', 'national-merge', 'report', 'run', 'sensitivity', 'sweep', 'validate'],
    );
    expect(all.filter((o) => o.option !== 'lang').map((o) => `${o.command} --${o.option}`)).toEqual(['sensitivity --method']);
    // Each has an --out of its own (`<command>-<option>`), so they stay independent.
    const refused = await Promise.all(
      all.map(({ command, positionals, out: takesOut, option }) => {
        const out = join(tmp(), `${command}-${option}`);
        const files = Array.from({ length: positionals }, () => SMALL_CITY);
        return runInProcess([command, ...files, ...(takesOut ? ['--out', out] : []), `--${option}`, 'fr']);
      }),
    );
    for (const [i, { command, option, choices }] of all.entries()) {
      const out = join(tmp(), `${command}-${option}`);
      const r = refused[i]!;
      const shown = choices.split(', ');
      const expected = shown.length === 2 ? shown.join(' or ') : `one of ${choices}`;
      expect(r.stderr, `${command} --${option}`).toBe(`✗ command line: Invalid value for --${option} (expected ${expected}, found "fr")\n`);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    }
  }, 120_000);

  it('two such options: one line each', async () => {
    const r = await runInProcess(['sensitivity', join(ROOT, 'experiments', 'bekasi-sensitivity.yaml'), '--method', 'morrис', '--lang', 'ID']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').sort()).toEqual([
      '✗ command line: Invalid value for --lang (expected "en" or "id", found "ID")',
      '✗ command line: Invalid value for --method (expected "morris" or "sobol", found "morrис")',
    ]);
  });

  it('a dotted option (`--lang.x fr`): the same one line, not yargs\'s "Invalid values"', async () => {
    const r = await runInProcess(['run', SMALL_CITY, '--lang.x', 'fr']);
    expect(r.stderr).toBe('✗ command line: Invalid value for --lang (expected "en" or "id", found {"x":"fr"})\n');
    expect(r.code).toBe(2);
  });

  it("reads the same under another system language (yargs's own words stay English)", () => {
    // `difusi` as installed (the bundle) alone: tsc's output pins the same locale in the same cli/program.ts, and
    // tests/cli/bundle.test.ts checks the bundle's yargs messages under LANG=fr_FR are tsc's output's.
    for (const entry of [BIN]) {
      const r = spawnSync(process.execPath, [entry, 'run', SMALL_CITY, '--lang', 'fr'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: 'fr_FR.UTF-8', LANG: 'fr_FR.UTF-8', NO_COLOR: '1' },
      });
      expect(r.stderr).toBe('✗ command line: Invalid value for --lang (expected "en" or "id", found "fr")\n');
      expect(r.status).toBe(2);
      // And a missing file is still named as one (usageLine reads yargs's English).
      const missing = spawnSync(process.execPath, [entry, 'run'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: 'id_ID.UTF-8', LANG: 'id_ID.UTF-8' } });
      expect(missing.stderr).toBe('✗ difusi run: a file is missing (not enough non-option arguments: got 0, need at least 1) (see difusi --help)\n');
    }
  });
});
