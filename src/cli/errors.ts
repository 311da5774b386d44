/**
 * How the CLI ends on an error: a user error (bad file, bad option) prints
 * its issues and exits 2 with no stack trace; anything else is a bug in
 * difusi and prints the stack, exit 1.
 */
import { UserError, formatIssues } from '../messages/catalog.js';

const USER_CODES: Record<string, string> = {
  ENOSPC: 'no space left on the device (free space, then rerun with --resume)',
  EDQUOT: 'disk quota exceeded (free space, then rerun with --resume)',
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

/** One line for a Node system error the user can act on, else undefined. */
function systemError(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  const code = String((error as NodeJS.ErrnoException).code);
  const what = USER_CODES[code];
  if (what === undefined) return undefined;
  const file = (error as NodeJS.ErrnoException).path;
  return `${file ?? 'difusi'}: ${what} (${code})`;
}

/**
 * Text for a terminal: control characters (escape sequences, carriage
 * returns, the C1 range) removed, so a string from a scenario or experiment
 * file cannot move the cursor, change colours or rewrite the screen.
 * Newlines and tabs stay.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '');
}

export function exitWith(error: unknown): never {
  if (error instanceof UserError) {
    process.stderr.write(terminalSafe(formatIssues(error.issues)) + '\n');
    process.exit(2);
  }
  // The system refused a file operation (full disk, permissions, a path that
  // is too long or not a folder): the user can act on it, so one line, exit 2.
  const system = systemError(error);
  if (system !== undefined) {
    process.stderr.write(terminalSafe(`✗ ${system}`) + '\n');
    process.exit(2);
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`difusi: internal error (please report it):\n${text}\n`);
  process.exit(1);
}
