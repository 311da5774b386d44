/**
 * A national file's input gets the checks a city file's gets
 * (scenario/limits.ts checkInput, before the schema): at most MAX_VALUES
 * values counting each alias as the copy it stands for, no reserved key;
 * and its Info page (`x.md` beside `x.yaml`) is read as a city scenario's:
 * a regular file of at most 1 MiB, UTF-8. Before, 99 aliases of a 10,200-id
 * list passed (the schema walked a million values), and the Info page was
 * read whole whatever it was: a pipe or /dev/zero there hung the command.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, type ScenarioIssue } from '../../src/messages/catalog.js';
import { readNationalFile } from '../../src/store/national-file.js';
import { MAX_INFO_BYTES } from '../../src/scenario/limits.js';
import { ROOT, testFolder } from '../support/cli.js';
import { userError } from '../support/errors.js';

const tmp = testFolder('difusi-national-input-limits-');
const SMALL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const COHORT = '      - { id: smart-2017, from: 2017-01, members: [kota-a], select: { count: 1, by: fiscal_capacity } }';

const issuesOf = (read: () => unknown): ScenarioIssue[] => userError(read).issues;

/** The small national file with `text` in place of its one cohort, in a folder of its own. */
function variant(name: string, replace: (text: string) => string): string {
  const dir = join(tmp(), name);
  mkdirSync(dir);
  const file = join(dir, 'national.yaml');
  writeFileSync(file, replace(readFileSync(SMALL, 'utf8')));
  return file;
}

describe("a national file's input is checked as a city file's", () => {
  it('more than 1,000,000 values through aliases: one line at the top-level field that holds them', () => {
    const ids = `[${Array(10_200).fill('kota-a').join(', ')}]`;
    const more = Array.from({ length: 99 }, (_, i) => `      - { id: c${i}, from: 2017-01, members: *a }`).join('\n');
    const file = variant('aliases', (t) => t.replace(COHORT, `${COHORT.replace('[kota-a]', `&a ${ids}`)}\n${more}`));
    const issues = issuesOf(() => readNationalFile(file));
    expect(issues.map((i) => [i.code, i.path, i.line])).toEqual([['too_many_values', ['programmes'], 64]]);
    expect(issues[0]!.message).toBe(MESSAGES.too_many_values('1,000,000'));
  });

  it('a reserved key is refused as such, not only as an unknown field', () => {
    const file = variant('reserved', (t) => t.replace('national_parameters:\n', 'national_parameters:\n  __proto__: { gov_imitation: 1 }\n'));
    expect(issuesOf(() => readNationalFile(file)).map((i) => [i.code, i.path])).toEqual([['reserved_path_segment', ['national_parameters', '__proto__']]]);
  });

  it('a file within the limits reads as before', () => {
    const file = variant('plain', (t) => t);
    expect(readNationalFile(file).scenario.name).toBe('small-national');
  });
});

describe("a national file's Info page is read as a city scenario's", () => {
  it('a device in its place is refused (it used to be read: /dev/zero hung the command)', () => {
    const file = variant('device', (t) => t);
    symlinkSync('/dev/null', join(tmp(), 'device', 'national.md'));
    const issues = issuesOf(() => readNationalFile(file));
    expect(issues.map((i) => [i.code, i.file])).toEqual([['file_unreadable', join(tmp(), 'device', 'national.md')]]);
  });

  it('one over 1 MiB is refused; a plain one is read, its BOM dropped', () => {
    const file = variant('large', (t) => t);
    writeFileSync(join(tmp(), 'large', 'national.md'), '#'.repeat(MAX_INFO_BYTES + 1));
    expect(issuesOf(() => readNationalFile(file)).map((i) => i.code)).toEqual(['file_too_large']);
    const plain = variant('plain-info', (t) => t);
    writeFileSync(join(tmp(), 'plain-info', 'national.md'), '\uFEFF# Info\n');
    expect(readNationalFile(plain).infoMarkdown).toBe('# Info\n');
    // The shipped scenario's page, as it is.
    const shipped = join(tmp(), 'shipped');
    mkdirSync(shipped);
    copyFileSync(join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml'), join(shipped, 'indonesia-2015-2025.yaml'));
    copyFileSync(join(ROOT, 'scenarios', 'indonesia-2015-2025.md'), join(shipped, 'indonesia-2015-2025.md'));
    expect(readNationalFile(join(shipped, 'indonesia-2015-2025.yaml')).infoMarkdown).toBe(readFileSync(join(ROOT, 'scenarios', 'indonesia-2015-2025.md'), 'utf8'));
  });
});
