#!/usr/bin/env node
/**
 * The `difusi` command line: thin yargs commands that parse arguments, call
 * the library, print, and set the exit code (0 ok, 1 failure, 2 user error).
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runCommand } from './run.js';
import { validateCommand, schemaCommand } from './validate.js';
import { mergeCommand } from './merge.js';
import { compareCommand } from './compare.js';
import { sweepCommand } from './sweep.js';
import { sensitivityCommand } from './sensitivity.js';
import { patternsCommand } from './patterns.js';
import { reportCommand } from './report.js';
import { oddCommand } from './odd.js';
import { exploreCommand } from './explore.js';
import { nationalCommand, nationalMergeCommand } from './national.js';
import { generateNationalCommand } from './generate-national.js';
import { exitWith } from './errors.js';
import { checkEmptyArguments } from './options.js';
import { terminalSafe } from './errors.js';
import { toolVersion } from '../store/version.js';

async function main(): Promise<void> {
  checkEmptyArguments(hideBin(process.argv));
  const cli = yargs(hideBin(process.argv))
    .scriptName('difusi')
    .usage('$0 <command> [options]\n\nAgent-based simulation of e-government innovation diffusion.')
    .command(runCommand)
    .command(validateCommand)
    .command(schemaCommand)
    .command(mergeCommand)
    .command(patternsCommand)
    .command(reportCommand)
    .command(compareCommand)
    .command(sweepCommand)
    .command(sensitivityCommand)
    .command(oddCommand)
    .command(exploreCommand)
    .command(nationalCommand)
    .command(generateNationalCommand)
    .command(nationalMergeCommand);
  await cli
    // Every command takes --quiet (no progress on stderr), so scripts can pass it to any of them.
    .option('quiet', { type: 'boolean', alias: 'q', default: false, global: true, describe: 'no progress on stderr' })
    .demandCommand(1, 'Name a command: run, validate, schema, merge, ...')
    .strict()
    .help()
    .alias('h', 'help')
    .version(toolVersion())
    .wrap(process.stdout.isTTY ? Math.min(110, process.stdout.columns) : null)
    .fail((message, error) => {
      if (error) throw error;
      // One line, as every user error: yargs writes some messages over several lines.
      process.stderr.write(`✗ ${message.replace(/\s*\n\s*/g, '; ')} (see difusi --help)\n`);
      process.exit(2);
    })
    .parseAsync();
}

// Results on stdout carry strings from scenario and experiment files (names,
// notes): no control character or escape sequence reaches the terminal.
const writeStdout = process.stdout.write.bind(process.stdout) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
  writeStdout(typeof chunk === 'string' ? terminalSafe(chunk) : chunk, ...rest)) as typeof process.stdout.write;

// A closed pipe (difusi run ... | head) is not an error: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main().catch(exitWith);
