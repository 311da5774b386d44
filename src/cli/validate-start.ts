/**
 * The bundle's start of a plain `difusi validate <file>` for a city file.
 * bin/difusi.mjs calls `startValidate` from dist/cli/difusi-validate.js, a
 * bundle of this module alone with what validating a city file needs (its
 * own file, not the chunks of dist/cli/difusi.js: finding, reading and
 * linking some thirty module files was a tenth of the command's start-up,
 * docs/PERFORMANCE.md). Everything else (another command line, a national
 * file) is left to cli/program.ts. Each step is the one cli/program.ts takes for
 * the same command line: the same output, messages and exit code.
 */
import { statSync } from 'node:fs';
import { peekText } from '../store/peek.js';
import { exitInEnglish } from './errors.js';
import { guardStdout, plainValidate } from './start.js';
import { validateCityFile } from './validate.js';

/**
 * Validates a city file for `args` (the arguments after `node <script>`) of
 * the form `validate <file>` and returns true; returns false, having done
 * nothing, for any other command line or a file that may be national.
 */
export async function startValidate(args: readonly string[]): Promise<boolean> {
  // cli/program.ts also checks for empty option values first, which a plain
  // `validate <file>` (no word starting with '-') never has.
  const file = plainValidate(args);
  if (file === undefined || mayBeNational(file)) return false;
  if (smallEnoughForNoOpt(file)) setFlagsFromString('--no-opt');
  guardStdout();
  // validate takes no --resume (cli/options.ts RESUMABLE_COMMANDS); a plain command line has no --lang, so its lines are English.
  await validateCityFile(file).catch((error: unknown) => exitInEnglish(error, { resumes: false }));
  return true;
}

/**
 * Does the file name `governments`, as a national file must (store/
 * national-sniff.ts)? Then cli/program.ts validates it: its sniff parses the
 * file once and hands the document to the reader, where a sniff here would
 * parse it a first time for program.ts to parse it again. A file that cannot be
 * read is not (the reader says what is wrong with it).
 */
function mayBeNational(file: string): boolean {
  return peekText(file)?.includes('governments') === true;
}

/**
 * Files up to this size are checked without V8's optimising compiler
 * (TurboFan). The process lives for one check: TurboFan compiles yaml's
 * lexer and parser and zod's checks on other threads while they run, and
 * that work is not repaid in a process this short (a tenth to a sixth of a
 * city file's CPU in paired runs, docs/PERFORMANCE.md). A denser file repays it: one of
 * 1 MB with 13,000 OPDs took a quarter more CPU without it, one of 200 kB a
 * sixth less. The shipped city scenarios are under 50 kB.
 */
export const NO_OPT_MAX_BYTES = 256 * 1024;

/**
 * A regular file of at most NO_OPT_MAX_BYTES? Anything else (missing, a
 * folder, unreadable) is left as it was; the scenario reader says what is
 * wrong with it, as before.
 */
export function smallEnoughForNoOpt(file: string): boolean {
  try {
    const st = statSync(file, { throwIfNoEntry: false });
    return st !== undefined && st.isFile() && st.size <= NO_OPT_MAX_BYTES;
  } catch {
    return false;
  }
}

/**
 * V8's `--no-opt`, set from inside the process: only this process, and only
 * for a plain `difusi validate <city file>` (a national file, every other
 * command and `node dist/src/cli/main.js` keep it on). The flag changes
 * which tier runs the code, never what it computes. Node's v8 module is
 * looked up here, not imported at the top, so another start pays nothing.
 */
function setFlagsFromString(flags: string): void {
  process.getBuiltinModule('node:v8').setFlagsFromString(flags);
}
