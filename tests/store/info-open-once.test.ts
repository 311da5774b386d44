/**
 * The Info page (x.md beside x.yaml) is checked and then read: it was read again by its name
 * (readFileSync) after the checks (a link only to a Markdown file beside the scenario; a regular file within
 * MAX_INFO_BYTES), so a link swapped in between the check and the read (to a key, a password file) was read
 * and copied into the reports. The page is now opened once and the opened file checked (fstat, and that its
 * name still gives that very file): the swap is refused, never read (store/scenario-file.ts readInfo,
 * readUserText). The swap is made at a known point, inside the check (stat of the page), not by a race.
 *
 * A hard link is read as the file it is (docs/RELIABILITY.md, "An Info page that is a link").
 */
import { copyFileSync, linkSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';

/** What to do to the page once it has been looked at (stat) the next time: the swap, made once. */
const swap = vi.hoisted(() => ({ path: '', then: undefined as (() => void) | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const statSync = ((...args: Parameters<typeof fs.statSync>) => {
    const st = fs.statSync(...args);
    if (swap.then !== undefined && resolve(String(args[0])) === swap.path) {
      const then = swap.then;
      swap.then = undefined;
      then();
    }
    return st;
  }) as typeof fs.statSync;
  return { ...fs, statSync, default: { ...fs, statSync } };
});

// The suite runs files in one process each fork (vitest isolate: false): modules another file imported are
// cached unmocked, so they are imported afresh here.
vi.resetModules();
const { readInfo } = await import('../../src/store/scenario-file.js');

const SCENARIO = join(ROOT, 'scenarios', 'sustained-opd-owned.yaml');
const folder = testFolder('difusi-info-open-once-');

afterEach(() => {
  swap.then = undefined;
});

/** A folder holding city.yaml and its page city.md, and outside it a secret. */
function bundle(name: string): { dir: string; file: string; page: string; secret: string } {
  const dir = join(folder(), name, 'bundle');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'city.yaml');
  copyFileSync(SCENARIO, file);
  const page = join(dir, 'city.md');
  writeFileSync(page, '# The page\n');
  const secret = join(folder(), name, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET-KEY-123\n');
  return { dir, file, page, secret };
}

describe('an Info page swapped between its check and its read', () => {
  it('for a link to a file outside the folder: refused in one line naming the link, the secret not read', () => {
    const { file, page, secret } = bundle('to-link');
    swap.path = page;
    swap.then = () => {
      const aside = `${page}.swap`;
      symlinkSync(secret, aside);
      renameSync(aside, page);
    };
    let read = '';
    let refused: unknown;
    try {
      read = readInfo(file);
    } catch (error) {
      refused = error;
    }
    expect(swap.then, 'the swap was made').toBeUndefined();
    expect(read).not.toContain('TOP-SECRET');
    expect(String(refused)).toContain(`is a link to ${secret}`);
  });

  it('for another Markdown file beside the scenario (renamed over it): read, as that file is allowed', () => {
    const { dir, file, page } = bundle('renamed');
    writeFileSync(join(dir, 'other.md'), '# Another page\n');
    swap.path = page;
    swap.then = () => renameSync(join(dir, 'other.md'), page);
    expect(readInfo(file)).toBe('# Another page\n');
  });
});

describe('an Info page that is a hard link', () => {
  it('to a file outside the scenario folder: read as that file (a hard link is the file itself; decided in docs/RELIABILITY.md)', () => {
    const { file, page, secret } = bundle('hard-link');
    writeFileSync(secret, '# Shared page\n');
    renameSync(page, `${page}.old`);
    linkSync(secret, page);
    expect(readInfo(file)).toBe('# Shared page\n');
  });
});
