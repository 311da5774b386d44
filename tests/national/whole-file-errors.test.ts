/**
 * A national scenario file that is broken as a whole (empty, only comments,
 * not UTF-8, a folder, JSON that does not parse, an unresolved tag, another
 * extension) gets the same one line as a city file broken the same way: the
 * national reader reads and parses as the city reader does
 * (store/national-file.ts, scenario/parse.ts parseDataText). Before, an
 * empty national file was "Wrong type (expected a mapping of fields, found
 * null)", a folder "File not found", a .json file's syntax error a "YAML
 * syntax error", and a file of any size or encoding was read whole.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError, type ScenarioIssue } from '../../src/messages/catalog.js';
import { readNationalFile } from '../../src/store/national-file.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { MAX_FILE_BYTES } from '../../src/scenario/limits.js';
import { testFolder } from '../support/cli.js';

const tmp = testFolder('difusi-national-whole-file-');

function issuesOf(read: () => unknown): ScenarioIssue[] {
  try {
    read();
  } catch (error) {
    if (error instanceof UserError) return error.issues;
    throw error;
  }
  throw new Error('no error');
}

const CASES: { name: string; file: string; content?: string | Buffer; code: string }[] = [
  { name: 'an empty file', file: 'empty.yaml', content: '', code: 'empty_file' },
  { name: 'only comments', file: 'comment.yaml', content: '# governments: to come\n', code: 'empty_file' },
  { name: 'an empty .json file', file: 'empty.json', content: '', code: 'json_syntax' },
  { name: 'a .json file that does not parse', file: 'bad.json', content: '{"name": "x",', code: 'json_syntax' },
  { name: 'not UTF-8', file: 'latin1.yaml', content: Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]), code: 'not_utf8' },
  { name: 'an unresolved tag', file: 'tag.yaml', content: 'name: !!js/function x\ngovernments: []\n', code: 'unknown_tag' },
  { name: 'another extension', file: 'national.txt', content: 'name: x\ngovernments: []\n', code: 'unsupported_extension' },
  { name: 'a folder', file: 'folder.yaml', code: 'file_unreadable' },
  { name: 'a file over the size limit', file: 'huge.yaml', content: `name: x\n${'#'.repeat(MAX_FILE_BYTES)}\n`, code: 'file_too_large' },
];

describe('a national file broken as a whole: the city reader\'s one line', () => {
  it.each(CASES)('$name', (c) => {
    const file = join(tmp(), c.file);
    if (c.content === undefined) mkdirSync(file);
    else writeFileSync(file, c.content);
    const national = issuesOf(() => readNationalFile(file));
    expect(national).toEqual(issuesOf(() => readScenarioFile(file)));
    expect(national.map((i) => i.code)).toEqual([c.code]);
    expect(national[0]!.file).toBe(file);
  });
});
