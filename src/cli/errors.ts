/**
 * How the CLI ends on an error: a user error (bad file, bad option) prints
 * its issues and exits 2 with no stack trace; so does a file operation the
 * operating system refused (no permission, disk full: the user's to fix);
 * anything else is a bug in difusi and prints the stack, exit 1.
 */
import { UserError, formatIssues, makeIssue, moreProblems, placeId, type ScenarioIssue } from '../messages/catalog.js';
import { MAX_PROBLEM_LINES } from '../scenario/limits.js';
import { byPosition } from '../messages/issue-order.js';
import { WriteFailure, rerunAdvice } from '../store/durable.js';
import type { TerminalLang } from '../messages/terminal-lang.js';
import { INVISIBLE_FORMAT_CLASS } from '../messages/safe-text.js';

/** What an error's advice depends on: whether the command that ran takes --resume (cli/options.ts RESUMABLE_COMMANDS); and its --lang. */
export interface CommandTraits {
  readonly resumes: boolean;
  /** The language of its problems' lines (its --lang, commandLang): id for Bahasa Indonesia, else English. */
  readonly lang?: TerminalLang;
}

/**
 * The --lang of a command line (`words`: the arguments after `difusi`), as
 * `--lang X` or `--lang=X` before any `--`; 'en' when there is none or it
 * is not `id`. Read from the words, not from yargs, so that an error thrown
 * before or while yargs parses is said in the language asked for. A command
 * that takes no --lang never gets this far with one: yargs refuses the
 * unknown option first, in its own line (program.ts: in Bahasa Indonesia
 * too, usage-message.ts usageLineId, since the line asked for id).
 */
export function commandLang(words: readonly string[]): TerminalLang {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') break;
    if (w === '--lang=id' || (w === '--lang' && words[i + 1] === 'id')) return 'id';
  }
  return 'en';
}

const USER_CODES: Record<string, string | ((command: CommandTraits) => string)> = {
  // --resume only for a command that has it (store/durable.ts rerunAdvice).
  ENOSPC: (command) => `no space left on the device (free space, then ${rerunAdvice(command.resumes)})`,
  EDQUOT: (command) => `disk quota exceeded (free space, then ${rerunAdvice(command.resumes)})`,
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder',
  EEXIST: 'already exists',
  ENOENT: 'no such file or folder',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** A file operation the operating system refused, as a user error naming the path (and what to do, as `command` allows); undefined for anything else. */
export function systemError(error: unknown, command: CommandTraits): UserError | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  const e = error as NodeJS.ErrnoException;
  const code = String(e.code);
  const entry = USER_CODES[code];
  if (entry === undefined) return undefined;
  // mkdir where a file is: the user sees a file in the way of a folder, not a folder that "already exists".
  if (code === 'EEXIST' && e.syscall === 'mkdir') {
    return new UserError([makeIssue('io_failed', [`a file is in the way where a folder is made (${code}): move it, or choose another --out`], { file: e.path ?? 'difusi' })]);
  }
  const what = typeof entry === 'function' ? entry(command) : entry;
  return new UserError([makeIssue('io_failed', [`${what} (${code})`], { file: e.path ?? 'difusi' })]);
}

/** What terminalSafe removes after the escape sequences: C0 controls but tab and newline, DEL, C1, line and paragraph separators, invisible format characters. */
// eslint-disable-next-line no-control-regex
const TERMINAL_DROPPED = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029${INVISIBLE_FORMAT_CLASS}]`, 'g');

/**
 * Text for a terminal: control characters (escape sequences, carriage
 * returns, the C1 range) removed, so a string from a scenario or experiment
 * file cannot move the cursor, change colours or rewrite the screen.
 * Newlines and tabs stay.
 */
export function terminalSafe(text: string): string {
  // Whole escape sequences first, so that their printable rest ("[2J", "]0;title", "31m") does not stay
  // behind once the ESC is gone; then every control character left (a lone ESC, one cut by a chunk boundary).
  // eslint-disable-next-line no-control-regex
  return text.replace(ESCAPE_SEQUENCE, '').replace(TERMINAL_DROPPED, '');
}

/**
 * ECMA-48 escape sequences: CSI (ESC [ or the 8-bit CSI, parameters, intermediates, a final byte),
 * OSC, DCS, SOS, PM and APC strings (up to BEL or the string terminator, or to the end of the
 * text when unterminated), and the two-byte ESC sequences.
 */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -/]*[0-~]/g;

/**
 * Ends the process on `error`, as the command that ran (`command`) tells it:
 * under --lang id (command.lang) a user error's lines in Bahasa Indonesia,
 * as the explorer's Indonesian page says them (messages/issue-text.ts,
 * loaded only then: English start-up loads none of it).
 */
export async function exitWith(error: unknown, command: CommandTraits): Promise<never> {
  const user = userError(error, command);
  if (user !== undefined && command.lang === 'id') {
    const { formatIssuesId, moreProblemsId } = await import('../messages/issue-text.js');
    const { shown, more } = capped(user.issues);
    exitOnIssues([...shown.map((issue) => formatIssuesId([issue])), ...(more > 0 ? [moreProblemsId(more)] : [])]);
  }
  return exitInEnglish(error, command);
}

/**
 * exitWith with English lines, loading nothing: for the plain `difusi
 * validate <file>` (cli/validate-start.ts), whose command line has no
 * --lang, and whose bundle thus holds no Indonesian text.
 */
export function exitInEnglish(error: unknown, command: CommandTraits): never {
  const user = userError(error, command);
  if (user !== undefined) {
    const { shown, more } = capped(user.issues);
    exitOnIssues([...shown.map((issue) => formatIssues([issue])), ...(more > 0 ? [moreProblems(more)] : [])]);
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`difusi: internal error (please report it):\n${text}\n`);
  process.exit(1);
}

/**
 * The first MAX_PROBLEM_LINES problems (scenario/limits.ts) by their place in their file (messages/issue-order.ts),
 * and how many more there are (0: all shown). Every command's problem lines pass here, whichever reader found them
 * (a city, national or experiment file's), so the lines shown are the file's first.
 */
function capped<T extends ScenarioIssue>(issues: readonly T[]): { shown: readonly T[]; more: number } {
  const ordered = byPosition(issues);
  return ordered.length <= MAX_PROBLEM_LINES ? { shown: ordered, more: 0 } : { shown: ordered.slice(0, MAX_PROBLEM_LINES), more: ordered.length - MAX_PROBLEM_LINES };
}

/**
 * A user error, or a file operation the system refused (full disk,
 * permissions, a path that is too long or not a folder): the user can act
 * on it, so one line, exit 2. A write's advice is the command's
 * (WriteFailure). Undefined for anything else (a bug in difusi).
 */
function userError(error: unknown, command: CommandTraits): UserError | undefined {
  return error instanceof WriteFailure ? error.forCommand(command.resumes) : error instanceof UserError ? error : systemError(error, command);
}

/**
 * `text` on one line: a line break inside it (a file name that holds one) is shown as `\n` (and a
 * carriage return as `\r`), so it cannot split a ✗, ⚠ or ✓ line in two or print a line that reads
 * as difusi's own.
 */
export function oneLine(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/** Writes one ⚠ line (or any other line of difusi's own) to stderr: one line, terminal-safe. */
export function sayLine(text: string): void {
  process.stderr.write(terminalSafe(oneLine(text)) + '\n');
}

/**
 * Writes one ⚠ line, `⚠ <place>: <text>`: under --lang id (`lang`) its place in Bahasa Indonesia when it
 * is one of the command line's (`baris perintah --set <path>`, messages/catalog.ts placeId); a file's
 * name as it is.
 */
export function warnLine(place: string, text: string, lang: TerminalLang | undefined): void {
  sayLine(`⚠ ${lang === 'id' ? placeId(place) : place}: ${text}`);
}

/** Prints a user error's lines (terminal-safe, one line each) and exits 2. */
function exitOnIssues(lines: readonly string[]): never {
  process.stderr.write(terminalSafe(lines.map(oneLine).join('\n')) + '\n');
  process.exit(2);
}
