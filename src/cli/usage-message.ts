/**
 * yargs's messages about a command line, as one line a newcomer can act on:
 * "Invalid values:\n  Argument: lang, ..." joined at its colon (not "values:;
 * Argument"), a missing positional named as the missing file, and a
 * mistyped command answered with the command it most likely meant.
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
  return oneLine;
}
