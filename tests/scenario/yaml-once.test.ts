/**
 * A national file is parsed once, not once per reader: the sniff that tells
 * it from a city file (isNationalFile) keeps the document it parsed, and the
 * reader of the same text takes it (scenario/yaml-once.ts). Parsing is the
 * cost of a large file (a dense 4 MiB national file: about 20 s of CPU per
 * parse); `difusi validate` parsed it three times.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peekYaml, takeYaml } from '../../src/scenario/yaml-once.js';
import { isNationalFile } from '../../src/store/national-sniff.js';
import { readNationalFile } from '../../src/store/national-file.js';
import { ROOT } from '../support/cli.js';

const SMALL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

describe('one parse for the sniff and the reader', () => {
  it('the reader takes the document the sniff kept, once; other text is parsed afresh', () => {
    const text = readFileSync(SMALL, 'utf8');
    const peeked = peekYaml(text, false).doc;
    expect(peekYaml(text, false).doc).toBe(peeked);
    expect(takeYaml(text, false).doc).toBe(peeked);
    // Taken: the next reader parses again (nothing is kept for it).
    expect(takeYaml(text, false).doc).not.toBe(peeked);
    // A different text, or the same as JSON, is never served the kept document.
    peekYaml(text, false);
    expect(takeYaml(`${text}\n`, false).doc).not.toBe(peeked);
    peekYaml(text, false);
    expect(takeYaml(text, true).doc).not.toBe(peeked);
  });

  it('a national file read after the sniff reads as one read alone', () => {
    const alone = readNationalFile(SMALL);
    expect(isNationalFile(SMALL)).toBe(true);
    const after = readNationalFile(SMALL);
    expect(after.hash).toBe(alone.hash);
    expect(after.scenario).toEqual(alone.scenario);
    expect(after.locate(['governments', 1, 'name'], 'value')).toEqual(alone.locate(['governments', 1, 'name'], 'value'));
    // The shipped scenario keeps its hash (bc7f31eb1041 since village-information went to regencies and cities only and the items got Indonesian names).
    expect(isNationalFile(join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml'))).toBe(true);
    expect(readNationalFile(join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml')).hash.slice(0, 12)).toBe('bc7f31eb1041');
  });
});
