/**
 * An option that takes one of a fixed list of values (`--lang en|id`,
 * sensitivity's `--method morris|sobol`), given another one, is refused as
 * any other bad option value is: one line naming the option, what it takes
 * and what was given, exit code 2 (src/cli/usage-message.ts choicesRefusal),
 * not in yargs's words ("Invalid values: Argument: lang, Given: ...").
 * yargs's words are English whatever the system's language (main.ts pins its
 * locale), so the refusal reads the same under LANG=fr_FR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choicesRefusal } from '../../src/cli/usage-message.js';
import { UserError } from '../../src/messages/catalog.js';
import { BIN, CLI, ROOT, SMALL_CITY, cliTestFolder, runBin } from '../support/cli.js';

const tmp = cliTestFolder('difusi-choices-');

describe('choicesRefusal', () => {
  it("reads yargs's message into one refusal per option, each value as given", () => {
    const one = choicesRefusal('Invalid values:\n  Argument: lang, Given: "fr", Choices: "en", "id"');
    expect(one).toBeInstanceOf(UserError);
    expect(one!.message).toBe('✗ command line: Invalid value for --lang (expected "en" or "id", found "fr")');
    const two = choicesRefusal('Invalid values:\n  Argument: method, Given: "x", Choices: "morris", "sobol"\n  Argument: lang, Given: "a, \\"b", "c", Choices: "en", "id"');
    expect(two!.message.split('\n')).toEqual([
      '✗ command line: Invalid value for --method (expected "morris" or "sobol", found "x")',
      '✗ command line: Invalid value for --lang (expected "en" or "id", found "a, \\"b", "c")',
    ]);
    // `--no-lang` reaches yargs as false; three choices or more are "one of".
    expect(choicesRefusal('Invalid values:\n  Argument: lang, Given: false, Choices: "en", "id", "fr"')!.message).toBe(
      '✗ command line: Invalid value for --lang (expected one of "en", "id", "fr", found --no-lang)',
    );
  });

  it('leaves any other message, or one of another shape, to usageLine', () => {
    expect(choicesRefusal('Unknown argument: bogus')).toBeUndefined();
    expect(choicesRefusal('Invalid values:')).toBeUndefined();
    expect(choicesRefusal('Invalid values:\n  Argument: lang, Given: "fr"')).toBeUndefined();
  });
});

/** Every command's options with a fixed list of values, as its --help shows them, and its positionals' count. */
async function optionsWithChoices(): Promise<{ command: string; positionals: number; out: boolean; option: string; choices: string }[]> {
  const top = await runBin(['--help']);
  const commands = [...top.stdout.matchAll(/^ {2}difusi ([a-z-]+)/gm)].map((m) => m[1]!);
  expect(commands.length).toBeGreaterThan(10);
  const found: { command: string; positionals: number; out: boolean; option: string; choices: string }[] = [];
  for (const command of commands) {
    const help = (await runBin([command, '--help'])).stdout;
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
    // --lang of run, compare, sweep, sensitivity, merge, report, national, national-merge and national-compare; sensitivity's --method.
    expect(all.filter((o) => o.option === 'lang').map((o) => o.command).sort()).toEqual(
      ['compare', 'merge', 'national', 'national-compare', 'national-merge', 'report', 'run', 'sensitivity', 'sweep'],
    );
    expect(all.filter((o) => o.option !== 'lang').map((o) => `${o.command} --${o.option}`)).toEqual(['sensitivity --method']);
    for (const { command, positionals, out: takesOut, option, choices } of all) {
      const out = join(tmp(), `${command}-${option}`);
      const files = Array.from({ length: positionals }, () => SMALL_CITY);
      const r = await runBin([command, ...files, ...(takesOut ? ['--out', out] : []), `--${option}`, 'fr']);
      const shown = choices.split(', ');
      const expected = shown.length === 2 ? shown.join(' or ') : `one of ${choices}`;
      expect(r.stderr, `${command} --${option}`).toBe(`✗ command line: Invalid value for --${option} (expected ${expected}, found "fr")\n`);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    }
  }, 120_000);

  it('two such options: one line each', async () => {
    const r = await runBin(['sensitivity', join(ROOT, 'experiments', 'bekasi-sensitivity.yaml'), '--method', 'morrис', '--lang', 'ID']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').sort()).toEqual([
      '✗ command line: Invalid value for --lang (expected "en" or "id", found "ID")',
      '✗ command line: Invalid value for --method (expected "morris" or "sobol", found "morrис")',
    ]);
  });

  it("reads the same under another system language (yargs's own words stay English)", () => {
    for (const entry of [CLI, BIN]) {
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
