/**
 * How the CLI ends on an error: a user error (bad file, bad option) prints
 * its issues and exits 2 with no stack trace; anything else is a bug in
 * difusi and prints the stack, exit 1.
 */
import { UserError, formatIssues } from '../messages/catalog.js';

export function exitWith(error: unknown): never {
  if (error instanceof UserError) {
    process.stderr.write(formatIssues(error.issues) + '\n');
    process.exit(2);
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`difusi: internal error (please report it):\n${text}\n`);
  process.exit(1);
}
