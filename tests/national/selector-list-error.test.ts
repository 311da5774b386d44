/**
 * A government selector written as a list (`governments: [kab-b, kota-d]`)
 * is refused with the wrong-type issue, and its "expected" says how a
 * selector is written: `{ ids: [...] }` and the selector's fields (TRIAL29
 * finding 8). The issue's code and the line's shape stay those of every
 * wrong type; another mapping field given a list keeps "a mapping of
 * fields".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues, UserError, type ScenarioIssue } from '../../src/messages/catalog.js';
import { readNationalFile } from '../../src/store/national-file.js';
import { testFolder } from '../support/cli.js';

const tmp = testFolder('difusi-selector-list-');
// The trial's national file (unfunded-mandate.yaml), its complaint app offered to two governments by a list.
const TEXT = readFileSync(new URL('./fixtures/unfunded-mandate.yaml', import.meta.url), 'utf8');

function issuesOf(text: string, overrides: Record<string, unknown> = {}): ScenarioIssue[] {
  const file = join(tmp(), 'e2.yaml');
  writeFileSync(file, text);
  try {
    readNationalFile(file, overrides);
  } catch (error) {
    if (error instanceof UserError) return error.issues;
    throw error;
  }
  throw new Error('no error');
}

const SELECTOR = 'a mapping of fields such as { ids: [...] } (fields: ids, types, provinces, cohorts, except)';

describe('a government selector written as a list', () => {
  it("a service's governments: one wrong-type line that says to write { ids: [...] }", () => {
    const text = TEXT.replace('    launch: 2019-03\n', '    launch: 2019-03\n    governments: [kab-b, kota-d]\n');
    const line = text.split('\n').findIndex((l) => l.includes('governments: [kab-b'));
    const issues = issuesOf(text);
    expect(issues.map((i) => [i.code, i.path, i.expected, i.found])).toEqual([['wrong_type', ['innovations', 2, 'governments'], SELECTOR, '["kab-b","kota-d"]']]);
    expect(formatIssues(issues)).toBe(
      `✗ ${join(tmp(), 'e2.yaml')}:${line + 1}:18 Wrong type → at innovations[2].governments (expected ${SELECTOR}, found ["kab-b","kota-d"])`,
    );
  });

  it("a mandate's governments and the pioneers: the same expected text", () => {
    expect(issuesOf(TEXT, { 'national_regulations[0].governments': ['kab-b'] }).map((i) => i.expected)).toEqual([SELECTOR]);
    expect(issuesOf(TEXT, { government_network: { pioneers: ['kab-b'] } }).map((i) => i.expected)).toEqual([SELECTOR]);
  });

  it('(control) another mapping given a list keeps the plain text', () => {
    expect(issuesOf(TEXT, { template: [1] }).map((i) => [i.code, i.expected])).toEqual([['wrong_type', 'a mapping of fields']]);
  });
});
