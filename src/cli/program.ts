/**
 * The `difusi` command line: thin yargs commands that parse arguments, call
 * the library, print, and set the exit code (0 ok, 1 failure, 2 user error).
 * cli/main.ts is the process's entry; this module does not start anything
 * when imported, so the test suite can run a command line inside its own
 * process (tests/support/in-process.ts) on the same code.
 */
import type { CommandModule } from 'yargs';
import { commandLang, exitWith } from './errors.js';
import { setLineWording, type CodedMessage } from '../messages/terminal-lang.js';
import { RESUMABLE_COMMANDS, checkChoices, checkCommandLine, checkEmptyArguments, checkSeedArguments, type DeclaredOptions } from './options.js';
import { commandName, plainValidate } from './start.js';
import { toolVersion } from '../store/version.js';
import { NO_COMMAND, commandAfterDashesLine, usageLine, usageLineId } from './usage-message.js';

// Each command has its own argument type.
type Command = CommandModule<object, any>;

/**
 * Every command by name, in the order `--help` lists them, each loaded from
 * its module when needed: a command line that names a command (start.ts
 * commandName: first, or after --quiet or --lang) loads that module only (so
 * `difusi validate` does not load what sweep, report or the progress bar
 * need); anything else (--help, another leading option, an unknown command)
 * loads them all.
 */
export const COMMANDS: readonly (readonly [string, () => Promise<Command>])[] = [
  ['run', async () => (await import('./run.js')).runCommand],
  ['validate', async () => (await import('./validate.js')).validateCommand],
  ['schema', async () => (await import('./validate.js')).schemaCommand],
  ['merge', async () => (await import('./merge.js')).mergeCommand],
  ['patterns', async () => (await import('./patterns.js')).patternsCommand],
  ['report', async () => (await import('./report.js')).reportCommand],
  ['compare', async () => (await import('./compare.js')).compareCommand],
  ['sweep', async () => (await import('./sweep.js')).sweepCommand],
  ['sensitivity', async () => (await import('./sensitivity.js')).sensitivityCommand],
  ['odd', async () => (await import('./odd.js')).oddCommand],
  ['explore', async () => (await import('./explore.js')).exploreCommand],
  ['national', async () => (await import('./national.js')).nationalCommand],
  ['generate-national', async () => (await import('./generate-national.js')).generateNationalCommand],
  ['national-merge', async () => (await import('./national.js')).nationalMergeCommand],
  ['national-compare', async () => (await import('./national-compare.js')).nationalCompareCommand],
];

async function runCommandLine(args: readonly string[]): Promise<void> {
  checkEmptyArguments(args);
  checkSeedArguments(args);
  const file = plainValidate(args);
  if (file !== undefined) return (await import('./validate.js')).validateFile(file);
  // `difusi -- validate x`: yargs would run no command and say nothing (exit 0); one line, as for no command.
  const afterDashes = commandAfterDashesLine(args, COMMANDS.map(([name]) => name), commandLang(args));
  if (afterDashes !== undefined) {
    process.stderr.write(`✗ ${afterDashes}\n`);
    process.exit(2);
  }
  const command = commandName(args);
  const named = COMMANDS.find(([name]) => name === command);
  const [{ default: yargs }, commands, helpId] = await Promise.all([
    import('yargs'),
    Promise.all((named !== undefined ? [named] : COMMANDS).map(([, load]) => load())),
    // --help in Bahasa Indonesia under --lang id (help-id.ts): loaded only then, so English loads none of it.
    commandLang(args) === 'id' ? import('./help-id.js') : undefined,
  ]);
  const cli = yargs(args)
    // yargs's own words in English whatever the system's language (it would follow LANG: "Argument inconnu",
    // "Posisional-posisional" beside difusi's English), so usage-message.ts can read them.
    .locale('en')
    .scriptName('difusi')
    .usage(helpId?.USAGE_ID ?? '$0 <command> [options]\n\nAgent-based simulation of e-government innovation diffusion.');
  // Under --lang id the words yargs adds to --help only ("Options:", "[boolean]", "Show help"); its messages stay English.
  if (helpId !== undefined) helpId.yargsWordsInIndonesian(cli);
  for (const command of commands) cli.command(helpId !== undefined ? helpId.commandInIndonesian(command) : command);
  await cli
    // Every command takes --quiet (no progress on stderr), so scripts can pass it to any of them.
    .option('quiet', { type: 'boolean', alias: 'q', default: false, global: true, describe: helpId?.QUIET_ID ?? 'no progress on stderr', ...(helpId !== undefined && { defaultDescription: helpId.booleanDefaultId(false) }) })
    // A value outside an option's choices (`--lang fr`): refused in difusi's words, as any other bad option value
    // is, before yargs's own check of the choices (true: before its validation), whose message is yargs's.
    // yargs gives a middleware the command's instance after argv (its types leave it out).
    .middleware(((argv: Record<string, unknown>, command: { getOptions(): DeclaredOptions }) => checkChoices(argv, command.getOptions())) as () => void, true)
    // An option with no value, or one that takes one value given twice: one line, before the command
    // does anything; then each whole-number option's digits read as its number (checkCommandLine).
    .check((argv, options) => {
      // yargs passes its getOptions() here (its types say an alias map).
      checkCommandLine(args, argv, options as unknown as DeclaredOptions);
      return true;
    })
    .demandCommand(1, NO_COMMAND)
    .strict()
    .help()
    .alias('h', 'help')
    .version(toolVersion())
    .wrap(process.stdout.isTTY ? Math.min(110, process.stdout.columns) : null)
    .fail((message, error) => {
      if (error) throw error;
      // One line, as every user error: yargs writes some messages over several lines. Under --lang id (read from
      // the words, as --help's language is, wherever --lang stands) the first ones a newcomer meets in Bahasa Indonesia.
      const names = COMMANDS.map(([name]) => name);
      process.stderr.write(`✗ ${helpId !== undefined ? usageLineId(message, args, names) : `${usageLine(message, args, names)} (see difusi --help)`}\n`);
      process.exit(2);
    })
    .parseAsync();
}

/**
 * Runs one command line (the arguments after `node <script>`): what the
 * `difusi` process does once stdout is guarded (cli/main.ts). A problem ends
 * in exitWith: its line(s) on stderr and process.exit with 1 or 2.
 */
export async function commandMain(args: readonly string[]): Promise<void> {
  const lang = commandLang(args);
  const command = commandName(args);
  try {
    // The lines a command says outside its error path (a job stopped by a signal: store/folder-lock.ts) in its language:
    // under --lang id the Indonesian texts are loaded now, as the signal's handler can load nothing; English loads none of them.
    // validate writes no folder: it loads them only for a refusal (cli/errors.ts exitWith).
    setLineWording(lang === 'id' && command !== 'validate' ? await indonesianWording() : undefined);
    await runCommandLine(args);
  } catch (error: unknown) {
    // A full disk's advice names --resume only for the commands that take it (store/durable.ts WriteFailure);
    // under --lang id a problem's line is in Bahasa Indonesia.
    await exitWith(error, { resumes: RESUMABLE_COMMANDS.has(command ?? ''), lang });
  }
}

/** A message of the catalog in Bahasa Indonesia where messages/issue-text.ts has it, else in English. */
async function indonesianWording(): Promise<(m: CodedMessage) => string> {
  const { messageId } = await import('../messages/issue-text.js');
  return (m) => messageId(m as Parameters<typeof messageId>[0]);
}
