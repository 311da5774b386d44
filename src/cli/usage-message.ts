/**
 * yargs's messages about a command line, as one line a newcomer can act on:
 * a message written over several lines joined at its colon (not "values:;
 * Argument"), a missing positional named as the missing file, a mistyped
 * command answered with the command it most likely meant, and a value
 * outside an option's choices refused as any other bad option value is.
 * They are read in English: main.ts pins yargs's locale.
 */
import { UserError, makeIssue, type ScenarioIssue } from '../messages/catalog.js';
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

/**
 * yargs's refusal of a value outside an option's `choices` (`--lang fr`,
 * `--method x`), written "Invalid values:" then one line per option
 * ("  Argument: lang, Given: "fr", Choices: "en", "id"", each value as
 * JSON), as the project refuses any other bad option value: "command line:
 * Invalid value for --lang (expected "en" or "id", found "fr")", one line
 * per option. Undefined for any other message.
 */
export function choicesRefusal(message: string): UserError | undefined {
  const [head, ...lines] = message.split('\n');
  if (head?.trim() !== 'Invalid values:' || lines.length === 0) return undefined;
  const issues: ScenarioIssue[] = [];
  for (const line of lines) {
    const m = /^\s*Argument: (\S+), Given: (.*)$/.exec(line);
    const given = m === null ? undefined : jsonValues(m[2]!);
    const choices = given === undefined || !given.rest.startsWith(', Choices: ') ? undefined : jsonValues(given.rest.slice(', Choices: '.length));
    // Not the shape above (another yargs version): left to usageLine, which keeps yargs's own words.
    if (m === null || given === undefined || choices === undefined || choices.rest !== '') return undefined;
    const key = m[1]!;
    const option = key.length === 1 ? `-${key}` : `--${key}`;
    const expected = choices.values.length === 2 ? choices.values.join(' or ') : `one of ${choices.values.join(', ')}`;
    // `--no-lang` reaches yargs as false.
    const found = given.values.map((v) => (v === 'false' ? `--no-${key}` : v)).join(', ');
    issues.push(makeIssue('invalid_option', [option], { file: 'command line' }, { expected, found }));
  }
  return new UserError(issues);
}

/** A JSON value as yargs writes a given value or a choice: a string, a number, true, false, null. */
const JSON_VALUE = /^(?:"(?:[^"\\]|\\.)*"|true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

/** The JSON values at the start of `text`, separated by ", ", as written, and what follows them; undefined when none starts it. */
function jsonValues(text: string): { values: string[]; rest: string } | undefined {
  const values: string[] = [];
  let rest = text;
  for (;;) {
    const value = JSON_VALUE.exec(rest)?.[0];
    if (value === undefined) break;
    values.push(value);
    rest = rest.slice(value.length);
    if (!rest.startsWith(', ') || !JSON_VALUE.test(rest.slice(2))) break;
    rest = rest.slice(2);
  }
  return values.length === 0 ? undefined : { values, rest };
}
