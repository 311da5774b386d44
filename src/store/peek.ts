/**
 * A look into an input file before its reader reads it: whether a file is
 * a national scenario, a city one or an experiment, which a command tells
 * to pick the reader or the one-line hint it gives. Only a regular file of
 * scenario size (MAX_FILE_BYTES) is looked into; anything else (missing, a
 * folder, a device or pipe, too large, unreadable) is left to the reader,
 * which refuses it in one line.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../scenario/limits.js';

/** The text of `path` when it is a readable regular file of at most MAX_FILE_BYTES; undefined otherwise. */
export function peekText(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
