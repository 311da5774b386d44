/**
 * Files difusi reads from a folder it is given (a shard's part.json,
 * records.jsonl and series.bin; a result folder's manifest.json and CSVs) must
 * be regular files. A named pipe there blocks the read forever, in a system
 * call no signal handler runs during (the process ignored SIGTERM, and its
 * folder lock stayed); a link to /dev/zero reads without end. `stat` does not
 * open the file, so it never blocks: each such file is checked with it first.
 */
import fs from 'node:fs';
import { stat } from 'node:fs/promises';
import { makeIssue, UserError } from '../messages/catalog.js';

/** Why `st` is no file to read, in words; undefined for a regular file. */
function notRegular(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'it is a directory';
  return 'it is not a regular file but a named pipe, a device or a socket, which difusi does not read (a read from one can wait or run forever)';
}

/**
 * The refusal of a path that exists as no regular file (a pipe, a device, a socket, a directory): a user error
 * whose line is the `file_unreadable` one every unreadable file gives, told apart by its class, not by that code
 * (a scenario file this user may not read shares it: store/scenario-file.ts).
 */
class NotRegularFile extends UserError {}

const refuseNotRegular = (file: string, why: string): UserError => new NotRegularFile([makeIssue('file_unreadable', [why], { file })]);

/**
 * Whether `file` exists, as a regular file (a link to one counts); a path
 * that exists as anything else is one line naming it (exit code 2).
 */
export function regularFileExists(file: string): boolean {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return false;
  }
  const why = notRegular(st);
  if (why !== undefined) throw refuseNotRegular(file, why);
  return true;
}

/** regularFileExists without blocking the event loop. */
export async function regularFileExistsAsync(file: string): Promise<boolean> {
  let st: fs.Stats;
  try {
    st = await stat(file);
  } catch {
    return false;
  }
  const why = notRegular(st);
  if (why !== undefined) throw refuseNotRegular(file, why);
  return true;
}

/**
 * Whether `error` is the refusal above (regularFileExists and the others), and no other `file_unreadable`: for a
 * caller that takes any other user error of a folder's files for damage to work around (a stored national arm run
 * again), and must let this one through rather than replace the pipe or the device unread.
 */
export function isNotRegularFileRefusal(error: unknown): boolean {
  return error instanceof NotRegularFile;
}

/** Each of `files` that exists is a regular file, else one line naming it: before any of them is opened. */
export function requireRegularFiles(files: readonly string[]): void {
  for (const file of files) regularFileExists(file);
}

/** fs.readFileSync(file, 'utf8') for a file in a folder difusi is given: refused in one line, never blocked on, when it is a pipe or a device. */
export function readRegularText(file: string): string {
  regularFileExists(file);
  return fs.readFileSync(file, 'utf8');
}
