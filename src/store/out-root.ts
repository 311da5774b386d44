/**
 * The output root a command writes under (`--out`), checked before any
 * work starts: it must be a folder (or a path where one can be made) on an
 * ordinary file system that the process may write. A file, a device such
 * as /dev/null, /proc or /sys (where walking or creating folders can loop
 * or fail strangely), and a read-only folder are refused in one line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../messages/catalog.js';
import { CONTROL_CLASS, INVISIBLE_FORMAT_CLASS, SEPARATOR_CLASS } from '../messages/safe-text.js';

const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

function refuse(dir: string, reason: string): UserError {
  return refuseNamed(dir, reason);
}

function refuseNamed(dir: string, reason: string): UserError {
  return UserError.of('bad_output_folder', [dir, reason], { file: 'command line --out' });
}

export function checkOutRoot(dir: string): void {
  checkPlace(dir, dir);
}

/**
 * The file a command writes whole (`patterns --out FILE`, `odd --out FILE`),
 * checked as an output root is: its folder must be a writable place on an
 * ordinary file system, and the path itself no folder, no device, pipe or
 * socket (the file is renamed into place, which would replace the node),
 * and none of the files the command reads (`inputs`, each with what it
 * is: a scenario and its Info page), however the path is spelled.
 */
export function checkOutFile(file: string, inputs: readonly { path: string; what: string }[] = []): void {
  if (file.trim() === '') throw refuse(file, 'the path is empty');
  const abs = path.resolve(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(abs, { throwIfNoEntry: false });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOTDIR') throw refuse(file, 'a part of the path is a file, not a folder');
    if (code === 'ENAMETOOLONG') throw refuse(file, 'the path is too long');
    throw refuse(file, code || String(error));
  }
  if (stat?.isDirectory() === true) throw refuse(file, 'it is a folder, not a file');
  if (stat !== undefined && !stat.isFile()) throw refuse(file, 'it is a device, pipe or socket, not a regular file');
  if (stat !== undefined) {
    for (const input of inputs) {
      let read: fs.Stats | undefined;
      try {
        read = fs.statSync(input.path, { throwIfNoEntry: false });
      } catch {
        // an input that cannot be read is reported when it is read
      }
      if (read !== undefined && read.dev === stat.dev && read.ino === stat.ino) throw refuse(file, `it is ${input.what}, which this command reads`);
    }
  }
  checkPlace(path.dirname(abs), file);
}

/**
 * A line break or another control character in the path: the results' folder is printed on a
 * line of its own (`results: ...`), which such a path would break into two (a second line could
 * even read as difusi's own). Shown with JSON's escapes, so the refusal stays one line.
 */
const CONTROL = new RegExp(`[${CONTROL_CLASS}${SEPARATOR_CLASS}]`);
/**
 * An invisible format character (messages/safe-text.ts INVISIBLE_FORMAT_CLASS: a bidirectional mark, a
 * zero-width space or joiner): the terminal output drops it (cli/errors.ts terminalSafe), so the
 * printed `results:` path would name a folder that does not exist. Refused as control characters
 * are; shown as \uXXXX escapes, which JSON leaves as they are.
 */
const INVISIBLE = new RegExp(`[${INVISIBLE_FORMAT_CLASS}]`);

/** What JSON.stringify leaves as it is but a terminal would not show as written: DEL, C1 controls, line and paragraph separators, invisible format characters. */
const UNSHOWN = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029${INVISIBLE_FORMAT_CLASS}]`, 'g');

/** `path` with JSON's escapes, and \uXXXX for each character of UNSHOWN: one line that shows what the path holds. */
function escapedPath(path: string): string {
  return JSON.stringify(path).replace(UNSHOWN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Checks folder `dir` (or the place it would be made), naming `shown` in a refusal. */
function checkPlace(dir: string, shown: string): void {
  const refuse = (_: string, reason: string) => refuseNamed(shown, reason);
  if (CONTROL.test(shown)) throw refuseNamed(escapedPath(shown), 'the path holds a line break or another control character (choose a folder name without)');
  if (INVISIBLE.test(shown)) throw refuseNamed(escapedPath(shown), 'the path holds an invisible formatting character (a bidirectional-text mark or a zero-width character), which the terminal does not show as written (choose a folder name without)');
  if (dir.trim() === '') throw refuse(dir, 'the path is empty');
  const abs = path.resolve(dir);
  // The deepest part of the path that exists.
  let existing = abs;
  let stat: fs.Stats | undefined;
  for (;;) {
    try {
      stat = fs.statSync(existing);
      break;
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      if (code === 'ENOTDIR') throw refuse(dir, `a part of the path is a file, not a folder`);
      if (code === 'ENAMETOOLONG') throw refuse(dir, 'the path is too long');
      if (code !== 'ENOENT') throw refuse(dir, code || String(error));
      const parent = path.dirname(existing);
      if (parent === existing) break;
      existing = parent;
    }
  }
  let real = existing;
  try {
    real = fs.realpathSync(existing);
  } catch {
    // keep the path as given
  }
  if (SPECIAL_ROOTS.some((root) => real === root || real.startsWith(`${root}/`))) {
    throw refuse(dir, `${real} is a special file system, not a place for result folders`);
  }
  if (stat !== undefined && !stat.isDirectory()) {
    throw refuse(dir, existing === abs && dir === shown ? 'it is a file, not a folder' : `${existing} is a file, not a folder`);
  }
  try {
    fs.accessSync(existing, fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw refuse(dir, code === 'EROFS' ? `${existing} is on a read-only file system` : `no permission to write in ${existing}`);
  }
}
