/**
 * yargs's messages about a command line, as one line a newcomer can act on:
 * a message written over several lines joined at its colon (not "values:;
 * Argument"), a missing positional named as the missing file, and a mistyped
 * command answered with the command it most likely meant. They are read in
 * English: program.ts pins yargs's locale; under --lang id the common ones
 * are then said in Bahasa Indonesia (usageLineId), the others stay English. (A value outside an option's choices
 * never reaches yargs's message: options.ts checkChoices refuses it first.)
 */
import { suggest } from '../scenario/suggest.js';
import { commandName, leadingOptionsEnd } from './start.js';

/** Commands whose positional arguments are result or shard folders, not files. */
const FOLDER_COMMANDS = new Set(['merge', 'report', 'national-merge']);

/** What a yargs message says, read from its English (program.ts pins yargs's locale). */
type Usage =
  | { readonly kind: 'missing'; readonly command: string; readonly folder: boolean; readonly detail: string }
  | { readonly kind: 'unknown-command'; readonly command: string; readonly meant: string | undefined }
  | { readonly kind: 'unknown-arguments'; readonly typed: readonly string[] }
  | { readonly kind: 'no-command' }
  | { readonly kind: 'other'; readonly text: string };

/** The message program.ts gives yargs for a command line that names no command. */
export const NO_COMMAND = 'Name a command: run, validate, schema, merge, ...';

/**
 * The one line (without its ✗) for a command line whose command stands after `--` (`difusi -- validate x`,
 * `difusi -q -- run x`): yargs reads every word after `--` as a file name, so no command ran and difusi said
 * nothing, exit code 0. The command meant, when the first word after `--` is one (or close to one), is named.
 * Undefined for any other command line: a command, --help, --version or another option before the `--`, or
 * nothing after it (`difusi --` is a command line with no command, NO_COMMAND), is yargs's to answer as before.
 */
export function commandAfterDashesLine(args: readonly string[], commands: readonly string[], lang: 'en' | 'id'): string | undefined {
  const at = leadingOptionsEnd(args);
  if (args[at] !== '--' || at + 1 >= args.length) return undefined;
  const word = args[at + 1]!;
  const meant = commands.includes(word) ? word : word.startsWith('-') ? undefined : suggest(word, commands);
  const example = meant === undefined ? '' : ` "difusi ${meant} …"`;
  return lang === 'id'
    ? `Sebutkan perintah sebelum "--": kata sesudah "--" tidak pernah dibaca sebagai perintah${meant === undefined ? '' : ` (maksud Anda${example}?)`} (lihat difusi --help)`
    : `Name a command before "--": no word after "--" is read as a command${meant === undefined ? '' : ` (did you mean${example}?)`} (see difusi --help)`;
}

function readUsage(message: string, args: readonly string[], commands: readonly string[]): Usage {
  const oneLine = message.replace(/:\s*\n\s*/g, ': ').replace(/\s*\n\s*/g, '; ');
  // The command as program.ts loads it: after a leading --quiet or --lang (`difusi -q validate` says the file is missing, as `difusi validate -q` does).
  const command = commandName(args);
  if (/^Not enough non-option arguments/.test(oneLine) && command !== undefined && commands.includes(command)) {
    return { kind: 'missing', command, folder: FOLDER_COMMANDS.has(command), detail: `${oneLine.charAt(0).toLowerCase()}${oneLine.slice(1)}` };
  }
  if (oneLine === NO_COMMAND) return { kind: 'no-command' };
  const unknown = /^Unknown arguments?: (.*)$/.exec(oneLine);
  if (unknown !== null && command !== undefined && !command.startsWith('-') && !commands.includes(command)) {
    // The top level declares no --lang, so yargs lists it among the unknown before a mistyped command
    // (`difusi runn --lang id` listed "lang, runn"): the command is the first other than it.
    const first = unknown[1]!.split(', ').filter((a) => a !== 'lang' && a !== '--lang')[0];
    if (first === command) return { kind: 'unknown-command', command, meant: suggest(command, commands) };
  }
  if (unknown !== null) {
    const typed = asTyped(unknown[1]!.split(', '), args);
    if (typed.length > 0) return { kind: 'unknown-arguments', typed };
  }
  return { kind: 'other', text: oneLine };
}

/** `message` (from yargs) in one line; `args` the command line after `difusi`; `commands` every command's name. */
export function usageLine(message: string, args: readonly string[], commands: readonly string[]): string {
  const usage = readUsage(message, args, commands);
  switch (usage.kind) {
    case 'missing':
      return `difusi ${usage.command}: ${usage.folder ? 'a result folder' : 'a file'} is missing (${usage.detail})`;
    case 'unknown-command':
      return `Unknown command ${JSON.stringify(usage.command)}${usage.meant === undefined ? '' : ` (did you mean ${JSON.stringify(usage.meant)}?)`}`;
    case 'unknown-arguments':
      return `Unknown argument${usage.typed.length === 1 ? '' : 's'}: ${usage.typed.join(', ')}`;
    case 'no-command':
      return NO_COMMAND;
    case 'other':
      return usage.text;
  }
}

/**
 * The whole ✗ line (without its ✗) for yargs's message under --lang id: the messages a newcomer meets first
 * (a file not given, an unknown option or command, no command) in Bahasa Indonesia, with "(lihat difusi
 * --help)"; any other yargs message as the English line, whole (never half translated).
 */
export function usageLineId(message: string, args: readonly string[], commands: readonly string[]): string {
  const usage = readUsage(message, args, commands);
  const see = '(lihat difusi --help)';
  switch (usage.kind) {
    case 'missing':
      return `difusi ${usage.command}: ${usage.folder ? 'folder hasil' : 'berkas'} belum diberikan ${see}`;
    case 'unknown-command':
      return `Perintah ${JSON.stringify(usage.command)} tidak dikenal${usage.meant === undefined ? '' : ` (maksud Anda ${JSON.stringify(usage.meant)}?)`} ${see}`;
    case 'unknown-arguments':
      return `Argumen tidak dikenal: ${usage.typed.join(', ')} ${see}`;
    case 'no-command':
      return `Sebutkan sebuah perintah: run, validate, schema, merge, ... ${see}`;
    case 'other':
      return `${usageLine(message, args, commands)} (see difusi --help)`;
  }
}

/**
 * yargs's unknown arguments as the user typed them: `--shard-count`, not
 * `shard-count, shardCount` (yargs adds the camelCase twin of every dashed
 * name it does not know, a name nobody typed). A name is shown as its
 * option on the command line (`--no-x`, `--x.y` and `-z` included), or
 * bare when it was typed bare (an extra file); a name the command line
 * does not hold (the twin) is left out.
 */
function asTyped(names: readonly string[], args: readonly string[]): string[] {
  const shown: string[] = [];
  for (const name of names) {
    const form = typedForm(name, args);
    if (form !== undefined && !shown.includes(form)) shown.push(form);
  }
  return shown;
}

function typedForm(name: string, args: readonly string[]): string | undefined {
  for (const arg of args) {
    if (arg === '--') break;
    if (arg.startsWith('--')) {
      const option = arg.split('=')[0]!;
      const key = option.slice(2).split('.')[0]!;
      if (key === name || key === `no-${name}`) return option;
    } else if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      // A short option, or several run together (`-zq`): each letter is its own.
      if (name.length === 1 && arg.split('=')[0]!.slice(1).includes(name)) return `-${name}`;
    } else if (arg === name) return arg;
  }
  return undefined;
}
