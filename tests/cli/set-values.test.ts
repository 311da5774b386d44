/**
 * What a `--set` value says is what the scenario gets, or the command line
 * is refused in one line:
 * - a " #" started a YAML comment, and the text after it was dropped without
 *   a word (`name=Smart #1` set "Smart"; `name=#1` removed the field);
 * - a byte that is not UTF-8 became U+FFFD (a scenario file with the same
 *   byte is refused);
 * - a path given twice kept its first place with its last value
 *   (`leaders[0]=null` twice removed one leader).
 */
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/messages/catalog.js';
import { parseOverride } from '../../src/scenario/apply-overrides.js';
import { overridesFrom } from '../../src/cli/options.js';
import { userError } from '../support/errors.js';

describe('a --set value with a YAML comment', () => {
  it.each([
    ['text after " #"', 'innovations[id=smart-health].name=Smart #1', '"#1"'],
    ['a value that is all comment (it read as null: a removal)', 'innovations[id=smart-health].name=#1', '"#1"'],
    ['a comment after a list', 'innovations[0].eligible=[dinas, badan] # the two', '"# the two"'],
  ])('%s: refused in one line asking for quotes', (_, text, comment) => {
    const error = userError(() => parseOverride(text));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.code).toBe('override_syntax');
    expect(formatIssues(error.issues)).toContain(`${comment} would be read as a YAML comment and dropped; put the value in quotes`);
  });

  it('quoted, or a "#" without a space before it, is text as before', () => {
    expect(parseOverride("innovations[id=smart-health].name='Smart #1'")).toEqual(['innovations[id=smart-health].name', 'Smart #1']);
    expect(parseOverride('innovations[id=smart-health].name="Smart #1"')).toEqual(['innovations[id=smart-health].name', 'Smart #1']);
    expect(parseOverride('innovations[id=smart-health].name=Smart#1')).toEqual(['innovations[id=smart-health].name', 'Smart#1']);
  });

  it('the advice is a value that works', () => {
    const line = formatIssues(userError(() => parseOverride("description=it's #1")).issues);
    const advised = /put the value in quotes \((.*)\) \(expected/.exec(line)?.[1];
    expect(advised).toBe("description='it''s #1'");
    expect(parseOverride(advised!)).toEqual(['description', "it's #1"]);
  });
});

describe('a --set argument that is not UTF-8', () => {
  it('a byte Node read as U+FFFD: refused in one line (was stored as U+FFFD)', () => {
    // What Node makes of the latin-1 argument 'innovations[0].name=Layanan K\xe9sehatan'.
    const error = userError(() => parseOverride('innovations[0].name=Layanan K\uFFFDsehatan'));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toContain('it holds bytes that are not UTF-8 text');
  });
});

describe('a --set path given twice', () => {
  it.each([
    ['two values', ['parameters.takeover_vendor=0.2', 'parameters.takeover_vendor=0.5'], '✗ command line: --set parameters.takeover_vendor is given twice (0.2, then 0.5): give each path once'],
    ['the same path written two ways', ['leaders[0].from=2016-01', 'leaders[ 0 ].from=2017-01'], '✗ command line: --set leaders[ 0 ].from is given twice ("2016-01", then "2017-01"): give each path once'],
    ['two removals (one leader went)', ['leaders[0]=null', 'leaders[0]=null'], '✗ command line: --set leaders[0] is given twice (null, then null): give each path once (to remove several list elements, name each one, e.g. by its id)'],
  ])('%s: refused in one line', (_, set, line) => {
    expect(userError(() => overridesFrom({ set })).message).toBe(line);
  });

  it('different paths are applied in the order given, as before', () => {
    expect(Object.entries(overridesFrom({ set: ['leaders[1]=null', 'leaders[0]=null', 'parameters.takeover_vendor=0.2'] }))).toEqual([
      ['leaders[1]', null],
      ['leaders[0]', null],
      ['parameters.takeover_vendor', 0.2],
    ]);
  });
});
