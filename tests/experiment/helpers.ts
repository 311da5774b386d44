/** Shared helpers of the experiment-layer tests: fixture paths, temporary output roots, file bytes. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../src/messages/catalog.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** A fresh temporary folder and its cleanup. */
export function tempRoot(label: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `difusi-${label}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The bytes of the named files of a folder, for byte-for-byte comparisons. */
export function filesOf(dir: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

/** The only sub-folder of `dir` (a result folder under <out>/<name>/). */
export function onlyFolder(dir: string): string {
  const entries = readdirSync(dir).filter((e) => !e.startsWith('.'));
  if (entries.length !== 1) throw new Error(`expected one folder in ${dir}, found ${entries.join(', ')}`);
  return join(dir, entries[0]!);
}

export { userError } from '../support/errors.js';

/** The UserError a promise rejects with. */
export async function userErrorAsync(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}
