/**
 * A file operation the system refused is one line naming the path (src/cli/errors.ts systemError).
 * A folder difusi makes where a file already is (`mkdir` EEXIST) says so, not only "already exists".
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemError } from '../../src/cli/errors.js';
import { formatIssues } from '../../src/messages/catalog.js';

const dir = mkdtempSync(join(tmpdir(), 'difusi-syserr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('systemError', () => {
  it('a file where a folder is to be made: names the path and says a file is in the way', () => {
    const file = join(dir, 'sw-base');
    writeFileSync(file, 'x');
    let caught: unknown;
    try {
      mkdirSync(join(file), { recursive: false });
    } catch (e) {
      caught = e;
    }
    const line = formatIssues(systemError(caught, { resumes: true })!.issues);
    expect(line).toBe(`✗ ${file} The file system refused: a file is in the way where a folder is made (EEXIST): move it, or choose another --out`);
  });

  it('other refusals keep their words (a missing parent: no such file or folder)', () => {
    let caught: unknown;
    try {
      mkdirSync(join(dir, 'none', 'x'), { recursive: false });
    } catch (e) {
      caught = e;
    }
    expect(formatIssues(systemError(caught, { resumes: true })!.issues)).toMatch(/no such file or folder \(ENOENT\)$/);
  });
});
