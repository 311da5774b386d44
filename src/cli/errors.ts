/**
 * How the CLI ends on an error: a user error (bad file, bad option) prints
 * its issues and exits 2 with no stack trace; so does a file operation the
 * operating system refused (no permission, disk full: the user's to fix);
 * anything else is a bug in difusi and prints the stack, exit 1.
 */
import { UserError, formatIssues, makeIssue } from '../messages/catalog.js';

/** Node's errors for a refused file operation carry a code and the path. */
const SYSTEM_CODES = new Set(['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EDQUOT', 'EMFILE', 'ENFILE', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EBUSY', 'EIO']);

/** A refused file operation as a user error, or undefined for anything else. */
export function systemError(error: unknown): UserError | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as NodeJS.ErrnoException;
  if (e.code === undefined || !SYSTEM_CODES.has(e.code) || typeof e.path !== 'string') return undefined;
  return new UserError([makeIssue('io_failed', [`${e.code} (${e.syscall ?? 'file operation'})`], { file: e.path })]);
}

export function exitWith(error: unknown): never {
  const user = error instanceof UserError ? error : systemError(error);
  if (user !== undefined) {
    process.stderr.write(formatIssues(user.issues) + '\n');
    process.exit(2);
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`difusi: internal error (please report it):\n${text}\n`);
  process.exit(1);
}
