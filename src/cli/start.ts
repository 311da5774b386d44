/**
 * What every start of the command line shares: the plain form of
 * `difusi validate <file>`, and stdout made safe for a terminal. Used by
 * cli/main.ts, cli/program.ts and cli/validate-start.ts (the bundle's quicker start of
 * that plain form, bin/difusi.mjs).
 */
import { terminalSafe } from './errors.js';

/**
 * `difusi validate <file>` and nothing else: yargs would only hand the file
 * name to the handler (a word not starting with '-' is the positional as
 * written), so it is called without loading yargs (start-up time, docs/
 * PERFORMANCE.md). Any option, `--`, or another argument goes through yargs.
 */
export function plainValidate(args: readonly string[]): string | undefined {
  return args.length === 2 && args[0] === 'validate' && !args[1]!.startsWith('-') ? args[1] : undefined;
}

/**
 * The command a command line names, as yargs finds it: the first word, after
 * the options that may stand before it without changing which command runs:
 * --quiet in any form (`-q`, `--quiet`, `--no-quiet`, `--quiet=false`, `-q
 * true`: yargs takes a true or false after it as its value) and --lang with
 * its value (`--lang id`, `--lang=id`: every command's option, which yargs
 * reads wherever it stands). So `difusi -q validate <file>` loads what
 * `difusi validate <file> -q` loads (program.ts). Undefined when no word
 * names a command before `--`, --help, --version or any other option: then
 * every command is loaded, as for a command line that starts with one.
 */
export function commandName(args: readonly string[]): string | undefined {
  const word = args[leadingOptionsEnd(args)];
  return word === undefined || word.startsWith('-') ? undefined : word;
}

/**
 * Where the options that may stand before the command (commandName: --quiet
 * in any form, --lang with its value) end: the index of the first other
 * word, args.length when there is none. `difusi -q -- validate x` has a `--`
 * there: nothing names a command (program.ts refuses it).
 */
export function leadingOptionsEnd(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '-q' || word === '--quiet') {
      if (args[i + 1] === 'true' || args[i + 1] === 'false') i++;
    } else if (word === '--lang') {
      if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) i++;
    } else if (!/^(--no-quiet|--quiet=.*|-q=.*|--lang=.*)$/s.test(word)) {
      return i;
    }
  }
  return args.length;
}

/**
 * Results on stdout carry strings from scenario and experiment files (names,
 * notes): no control character or escape sequence reaches the terminal. A
 * closed pipe (difusi run ... | head) is not an error: stop quietly.
 * Called once, before anything is written.
 */
export function guardStdout(): void {
  const writeStdout = process.stdout.write.bind(process.stdout) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
    writeStdout(typeof chunk === 'string' ? terminalSafe(chunk) : chunk, ...rest)) as typeof process.stdout.write;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
