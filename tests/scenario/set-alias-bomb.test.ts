/**
 * An alias bomb ("billion laughs") in a `--set` value is refused as one in a
 * scenario file is (too_many_aliases, scenario/yaml-locate.ts
 * yamlValueIssue), naming the override: one line, exit code 2, nothing
 * written, by every command that takes --set. It was the YAML reader's words,
 * "Cannot read override "...": Excessive alias count indicates a resource
 * exhaustion attack (expected path=value)", with the whole bomb quoted.
 * Aliases within the limit are read as before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { MAX_ALIAS_COUNT } from '../../src/scenario/limits.js';
import { parseOverride } from '../../src/scenario/apply-overrides.js';
import { userError } from '../support/errors.js';
import { ROOT, SMALL_CITY, cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const out = cliTestFolder('difusi-set-alias-bomb-');

/** Three levels of ten aliases each: 1,110 expansions from a value of 140 characters. */
const BOMB = '[&a [1,1],&b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a],&c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b],&d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]]';
const LINE = `✗ override parameters.x: ${MESSAGES.too_many_aliases(MAX_ALIAS_COUNT)}`;

describe('an alias bomb in a --set value', () => {
  it('is too_many_aliases at the override, as in a file; aliases within the limit are read as before', () => {
    const error = userError(() => parseOverride(`parameters.x=${BOMB}`));
    expect(error.issues.map((i) => [i.code, i.file, i.line, i.message])).toEqual([['too_many_aliases', 'override parameters.x', undefined, MESSAGES.too_many_aliases(100)]]);
    expect(error.message).toBe(LINE);
    // 98 expansions (ten of *a, then eight of *b, each counting its own ten): within the limit, accepted, every copy read.
    const [, value] = parseOverride(`parameters.x=[&a [1,1],&b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a],[*b,*b,*b,*b,*b,*b,*b,*b]]`);
    expect((value as unknown[][][])[2]).toHaveLength(8);
    expect((value as unknown[][][])[2]![7]![9]).toEqual([1, 1]);
  });

  it.each([
    ['validate', ['validate', SMALL_CITY]],
    ['run', ['run', SMALL_CITY, '-q', '--no-charts']],
    ['compare', ['compare', SMALL_CITY, SMALL_CITY, '-q', '--no-charts']],
    ['sweep', ['sweep', join(ROOT, 'experiments', 'bekasi-sweep.yaml'), '-q', '--no-charts']],
    ['national', ['national', join(ROOT, 'tests', 'national', 'fixtures', 'reading-caveats.yaml'), '-q', '--no-charts']],
  ])('%s: one line, exit 2, nothing written', async (command, args) => {
    const root = join(out(), command);
    const r = await runInProcess([...args, '--set', `parameters.x=${BOMB}`, ...(command === 'validate' ? [] : ['--out', root])]);
    expect(refusedInOneLine(r)).toBe(LINE);
    expect(existsSync(root)).toBe(false);
  });

  it('under --lang id, in Indonesian, as in a file', async () => {
    const r = await runInProcess(['validate', SMALL_CITY, '--lang', 'id', '--set', `parameters.x=${BOMB}`]);
    expect(refusedInOneLine(r)).toMatch(/^✗ pengaturan parameters\.x: Terlalu banyak perluasan alias \(lebih dari 100,/);
  });
});
