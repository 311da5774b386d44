/**
 * The bundle's start of a plain `difusi validate <file>` for a city file.
 * bin/difusi.mjs calls `startValidate` from dist/cli/difusi-validate.js, a
 * bundle of this module alone with what validating a city file needs (its
 * own file, not the chunks of dist/cli/difusi.js: finding, reading and
 * linking some thirty module files was a tenth of the command's start-up,
 * docs/PERFORMANCE.md). Everything else (another command line, a national
 * file) is left to cli/main.ts. Each step is the one cli/main.ts takes for
 * the same command line: the same output, messages and exit code.
 */
import { isNationalFile } from '../store/national-sniff.js';
import { exitWith } from './errors.js';
import { guardStdout, plainValidate } from './start.js';
import { validateCityFile } from './validate.js';

/**
 * Validates a city file for `args` (the arguments after `node <script>`) of
 * the form `validate <file>` and returns true; returns false, having done
 * nothing, for any other command line or a national file.
 */
export async function startValidate(args: readonly string[]): Promise<boolean> {
  // cli/main.ts also checks for empty option values first, which a plain
  // `validate <file>` (no word starting with '-') never has.
  const file = plainValidate(args);
  if (file === undefined || isNationalFile(file)) return false;
  guardStdout();
  await validateCityFile(file).catch(exitWith);
  return true;
}
