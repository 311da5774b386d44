/**
 * yargs's messages about a command line, as one line a newcomer can act on:
 * a message written over several lines joined at its colon (not "values:;
 * Argument"), a missing positional named as the missing file, and a mistyped
 * command answered with the command it most likely meant. They are read in
 * English: program.ts pins yargs's locale. (A value outside an option's choices
 * never reaches yargs's message: options.ts checkChoices refuses it first.)
 */
import { suggest } from '../scenario/suggest.js';

/** Commands whose positional arguments are result or shard folders, not files. */
const FOLDER_COMMANDS = new Set(['merge', 'report', 'national-merge']);

/** `message` (from yargs) in one line; `args` the command line after `difusi`; `commands` every command's name. */
export function usageLine(message: string, args: readonly string[], commands: readonly string[]): string {
  const oneLine = message.replace(/:\s*\n\s*/g, ': ').replace(/\s*\n\s*/g, '; ');
  const command = args[0];
  if (/^Not enough non-option arguments/.test(oneLine) && command !== undefined && commands.includes(command)) {
    const what = FOLDER_COMMANDS.has(command) ? 'a result folder' : 'a file';
    return `difusi ${command}: ${what} is missing (${oneLine.charAt(0).toLowerCase()}${oneLine.slice(1)})`;
  }
  const unknown = /^Unknown arguments?: (.*)$/.exec(oneLine);
  if (unknown !== null && command !== undefined && !command.startsWith('-') && !commands.includes(command)) {
    const first = unknown[1]!.split(', ')[0];
    if (first === command) {
      const meant = suggest(command, commands);
      return `Unknown command ${JSON.stringify(command)}${meant === undefined ? '' : ` (did you mean ${JSON.stringify(meant)}?)`}`;
    }
  }
  if (unknown !== null) {
    const typed = asTyped(unknown[1]!.split(', '), args);
    if (typed.length > 0) return `Unknown argument${typed.length === 1 ? '' : 's'}: ${typed.join(', ')}`;
  }
  return oneLine;
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
