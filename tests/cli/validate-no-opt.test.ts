/**
 * A plain `difusi validate <city file>` turns V8's optimising compiler off
 * for a file of at most NO_OPT_MAX_BYTES (cli/validate-start.ts): a short
 * check does not repay TurboFan, a dense file of a megabyte does. Which
 * files count as small: a regular file up to the limit, byte for byte;
 * nothing else, and never an error of its own (the scenario reader reports
 * a missing or unreadable file as before). And that the command really sets
 * the flag: `difusi validate` run through bin/difusi.mjs with a preloaded
 * module that records the V8 flags the program sets
 * (tests/support/record-v8-flags.mjs), for a small city file, one just over
 * the limit and a national file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NO_OPT_MAX_BYTES, smallEnoughForNoOpt } from '../../src/cli/validate-start.js';
import { ROOT, SMALL_CITY, assertBuilt, tempDir } from '../support/cli.js';

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

describe('difusi validate <file> sets --no-opt', () => {
  const RECORD = pathToFileURL(join(ROOT, 'tests', 'support', 'record-v8-flags.mjs')).href;

  /** `difusi validate <file>` as a user runs it (bin/difusi.mjs); the V8 flags it set and its exit code. */
  function validate(file: string): { flags: string[]; code: number | null; stderr: string } {
    const record = join(tempDir('difusi-no-opt-flags-'), 'flags.txt');
    const r = spawnSync(process.execPath, ['--import', RECORD, join(ROOT, 'bin', 'difusi.mjs'), 'validate', file], {
      cwd: ROOT,
      env: { ...process.env, DIFUSI_TEST_V8_FLAGS: record, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    return { flags: existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter((l) => l !== '') : [], code: r.status, stderr: r.stderr };
  }

  it('for a city file within NO_OPT_MAX_BYTES; not for one a byte over it, nor for a national file', () => {
    assertBuilt();
    const small = validate(SMALL_CITY);
    expect(small.code, small.stderr).toBe(0);
    // Only the bundle's start sets it: bin/difusi.mjs runs dist/src/cli/main.js instead when tsc wrote after the bundle (`npm start`).
    expect(small.flags, 'no --no-opt: is the bundle older than tsc\'s output? run npm run build').toEqual(['--no-opt']);

    // The same city, padded with a comment to one byte over the limit: the same check, with the optimising compiler.
    const dir = tempDir('difusi-no-opt-');
    const text = readFileSync(SMALL_CITY, 'utf8').replace(/\n?$/, '\n');
    const over = join(dir, 'over.yaml');
    writeFileSync(over, `${text}#${'x'.repeat(NO_OPT_MAX_BYTES - Buffer.byteLength(text) - 1)}\n`);
    expect(readFileSync(over).length).toBe(NO_OPT_MAX_BYTES + 1);
    const large = validate(over);
    expect(large.code, large.stderr).toBe(0);
    expect(large.flags).toEqual([]);

    const national = validate(join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'));
    expect(national.code, national.stderr).toBe(0);
    expect(national.flags).toEqual([]);
  });
});
