/**
 * `--help --lang id` in Bahasa Indonesia (cli/help-id.ts): the top-level help
 * and every command's, with every description (commands, options,
 * positionals) and the words yargs adds ("Opsi:", "[ya/tidak]", "[bawaan:
 * ...]", "Tampilkan bantuan"); it printed English before. Every command and
 * every option of every command has its Indonesian text (an option added
 * without one fails here), and none is left over. Without --lang id the help
 * is byte for byte what it was (tests/fixtures/help-en/, the help of every
 * command as it printed before the Indonesian help existed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yargs from 'yargs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/program.js';
import { COMMANDS_ID, QUIET_ID, USAGE_ID, YARGS_WORDS_ID } from '../../src/cli/help-id.js';
import { ROOT, assertBuilt } from '../support/cli.js';
import { stdoutInProcess } from '../support/in-process.js';
import { sharedBy } from '../support/shared.js';

beforeAll(() => assertBuilt());

const help = sharedBy((key: string) => stdoutInProcess(JSON.parse(key) as string[]));
const helpOf = (args: readonly string[]): Promise<string> => help(JSON.stringify(args));

/** Each option's English description as the command's builder declares it (--help and --version are yargs's words). */
async function englishDescriptions(load: () => Promise<unknown>): Promise<Record<string, string>> {
  const command = (await load()) as { builder: (y: unknown) => unknown };
  const y = yargs([]);
  command.builder(y);
  const all = (y as unknown as { getInternalMethods(): { getUsageInstance(): { getDescriptions(): Record<string, string | undefined> } } })
    .getInternalMethods()
    .getUsageInstance()
    .getDescriptions();
  return Object.fromEntries(Object.entries(all).filter(([key, text]) => key !== 'help' && key !== 'version' && text !== undefined)) as Record<string, string>;
}

describe('every command and option has its Indonesian help text', () => {
  it('one entry per command, no other', () => {
    expect(Object.keys(COMMANDS_ID).sort()).toEqual(COMMANDS.map(([name]) => name).sort());
  });

  it.each(COMMANDS.map(([name, load]) => [name, load] as const))('%s: every option and positional, no other', async (name, load) => {
    const english = await englishDescriptions(load);
    const texts = COMMANDS_ID[name]!;
    expect(Object.keys(texts.options).sort(), `options of ${name} with no Indonesian text, or texts for options ${name} does not have`).toEqual(Object.keys(english).sort());
    for (const [option, text] of Object.entries(texts.options)) {
      expect(text, `${name} --${option}`).not.toBe(english[option]);
      expect(text.length, `${name} --${option}`).toBeGreaterThan(0);
    }
  });
});

/** What an English help has that an Indonesian one must not. */
const ENGLISH_HELP = /^(Commands|Options|Positionals):$|\[(boolean|string|number|array|required)\]|\[default: |\[choices: |Show help|Show version number/m;

describe('difusi --help --lang id', () => {
  it('the top-level help: usage, every command, --quiet, --help and --version in Bahasa Indonesia', async () => {
    for (const args of [['--help', '--lang', 'id'], ['--lang=id', '--help']]) {
      const out = await helpOf(args);
      expect(out).not.toMatch(ENGLISH_HELP);
      expect(out.startsWith(USAGE_ID.replace('$0', 'difusi'))).toBe(true);
      expect(out).toContain('Perintah:\n');
      for (const { describe: text } of Object.values(COMMANDS_ID)) expect(out).toContain(text);
      expect(out).toContain(`${QUIET_ID}  [${YARGS_WORDS_ID.boolean}] [${YARGS_WORDS_ID['default:']} tidak]`);
      expect(out).toContain(YARGS_WORDS_ID['Show help']);
      expect(out).toContain(YARGS_WORDS_ID['Show version number']);
    }
  });

  it.each(COMMANDS.map(([name]) => name))('difusi %s --help --lang id: every description in Bahasa Indonesia', async (name) => {
    const english = await helpOf([name, '--help']);
    for (const args of [[name, '--help', '--lang', 'id'], [name, '--lang=id', '--help']]) {
      const out = await helpOf(args);
      expect(out).not.toMatch(ENGLISH_HELP);
      const texts = COMMANDS_ID[name]!;
      expect(out).toContain(`\n${texts.describe}\n`);
      for (const text of Object.values(texts.options)) expect(out).toContain(text);
      // The same lines, options in the same order, only the words changed.
      expect(out.split('\n').length).toBe(english.split('\n').length);
      expect(out.match(/^\s+(-\w, )?--?[\w-]+/gm)).toEqual(english.match(/^\s+(-\w, )?--?[\w-]+/gm));
    }
  });
});

describe('without --lang id, --help is as it was', () => {
  it.each([
    ['top', ['--help']],
    ['run', ['run', '--help']],
    ['validate', ['validate', '--help']],
    ['schema', ['schema', '--help']],
    ['national-compare', ['national-compare', '--help']],
    // The other commands, pinned from the build before the Indonesian help (84cc6a7d) too.
    ...['merge', 'patterns', 'report', 'compare', 'sweep', 'sensitivity', 'odd', 'explore', 'national', 'generate-national', 'national-merge'].map((c) => [c, [c, '--help']] as [string, string[]]),
  ])('%s', async (fixture, args) => {
    const pinned = readFileSync(join(ROOT, 'tests', 'fixtures', 'help-en', `${fixture}.txt`), 'utf8');
    expect(await helpOf(args)).toBe(pinned);
    // --lang en is English too.
    if (fixture !== 'top' && fixture !== 'schema') expect(await helpOf([...args, '--lang', 'en'])).toBe(pinned);
  });

  it('an English help after an Indonesian one in the same process (yargs keeps one locale table for the process)', async () => {
    await helpOf(['sweep', '--help', '--lang', 'id']);
    const again = await stdoutInProcess(['--help']);
    expect(again).toBe(readFileSync(join(ROOT, 'tests', 'fixtures', 'help-en', 'top.txt'), 'utf8'));
  });
});
