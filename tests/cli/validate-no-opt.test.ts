/**
 * A plain `difusi validate <city file>` turns V8's optimising compiler off
 * for a file of at most NO_OPT_MAX_BYTES (cli/validate-start.ts): a short
 * check does not repay TurboFan, a dense file of a megabyte does. Which
 * files count as small: a regular file up to the limit, byte for byte;
 * nothing else, and never an error of its own (the scenario reader reports
 * a missing or unreadable file as before).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_OPT_MAX_BYTES, smallEnoughForNoOpt } from '../../src/cli/validate-start.js';
import { tempDir } from '../support/cli.js';

describe('smallEnoughForNoOpt', () => {
  it('a regular file up to NO_OPT_MAX_BYTES, not one byte more', () => {
    const dir = tempDir('difusi-no-opt-');
    writeFileSync(join(dir, 'at.yaml'), 'x'.repeat(NO_OPT_MAX_BYTES));
    writeFileSync(join(dir, 'over.yaml'), 'x'.repeat(NO_OPT_MAX_BYTES + 1));
    writeFileSync(join(dir, 'empty.yaml'), '');
    expect(smallEnoughForNoOpt(join(dir, 'at.yaml'))).toBe(true);
    expect(smallEnoughForNoOpt(join(dir, 'empty.yaml'))).toBe(true);
    expect(smallEnoughForNoOpt(join(dir, 'over.yaml'))).toBe(false);
  });

  it('false, without throwing, for a folder, a missing file or a path through a file', () => {
    const dir = tempDir('difusi-no-opt-');
    mkdirSync(join(dir, 'folder.yaml'));
    writeFileSync(join(dir, 'file.yaml'), 'name: x\n');
    expect(smallEnoughForNoOpt(join(dir, 'folder.yaml'))).toBe(false);
    expect(smallEnoughForNoOpt(join(dir, 'missing.yaml'))).toBe(false);
    expect(smallEnoughForNoOpt(join(dir, 'file.yaml', 'inside.yaml'))).toBe(false);
  });
});
