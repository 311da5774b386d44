/**
 * The look into an input file that the commands take before its reader
 * (store/peek.ts peekText: the national sniff, the quick start of
 * `difusi validate`, the city-file and experiment checks of `difusi
 * national`, `sweep` and `compare`): only a readable regular file of
 * scenario size is read; anything else is left to the reader's one line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peekText } from '../../src/store/peek.js';
import { MAX_FILE_BYTES } from '../../src/scenario/limits.js';
import { testFolder } from '../support/cli.js';

const folder = testFolder('difusi-peek-');

describe('peekText', () => {
  it('a regular file: its text, as written (a byte order mark kept: the callers drop it as their readers do)', () => {
    const file = join(folder(), 'a.yaml');
    writeFileSync(file, '\uFEFFname: a\n');
    expect(peekText(file)).toBe('\uFEFFname: a\n');
  });

  it('a file of MAX_FILE_BYTES is read; one byte more is not', () => {
    const file = join(folder(), 'big.yaml');
    writeFileSync(file, 'x'.repeat(MAX_FILE_BYTES));
    expect(peekText(file)?.length).toBe(MAX_FILE_BYTES);
    writeFileSync(file, 'x'.repeat(MAX_FILE_BYTES + 1));
    expect(peekText(file)).toBeUndefined();
  });

  it('a folder, a device and a missing file: nothing (a device is not read: /dev/zero would never end)', () => {
    const dir = join(folder(), 'dir.yaml');
    mkdirSync(dir);
    expect(peekText(dir)).toBeUndefined();
    expect(peekText('/dev/zero')).toBeUndefined();
    expect(peekText(join(folder(), 'missing.yaml'))).toBeUndefined();
  });
});
