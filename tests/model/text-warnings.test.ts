/**
 * textWarnings (printed by `validate`): every string of a scenario, however
 * deep in its objects and arrays, is checked for the control and
 * bidirectional characters the reports leave out, and named by its path.
 * Values that are not strings are passed over, null among them: a validated
 * scenario holds null wherever a parameter is written as null, and such a
 * file must still get its warning, not an error.
 * (tests/cli/validate-text-warning.test.ts runs `validate` itself; this file
 * is in the mutation-test set.)
 */
import { expect, it } from 'vitest';
import { textWarnings } from '../../src/model/warnings.js';

const TAIL = ': the reports and charts leave them out (docs/OUTPUTS.md, "The report")';

it('names each string that holds such characters by its path through objects and arrays', () => {
  const scenario = {
    name: 'Kota Contoh',
    description: 'a\u202Eb',
    opds: { list: [{ id: 'x', name: 'plain' }, { id: 'y', name: 'b\u0007c' }] },
    tags: ['t', ['u', 'v\u001b']],
  };
  expect(textWarnings(scenario)).toEqual([
    `control or bidirectional characters in description (U+202E), opds.list[1].name (U+0007), tags[1][1] (U+001B)${TAIL}`,
  ]);
});

it('passes over null, numbers and booleans and still checks the strings beside them', () => {
  expect(textWarnings({ name: 'plain', months: 60, parameters: { bass_p: null, u_fail: 0.2 }, flag: true, list: [null, 3] })).toEqual([]);
  expect(textWarnings({ parameters: { bass_p: null }, leaders: [null, { name: 'x\u200F' }] })).toEqual([
    `control or bidirectional characters in leaders[1].name (U+200F)${TAIL}`,
  ]);
});

it('lists the distinct characters of one string each once, in order of first appearance, separated by commas', () => {
  expect(textWarnings({ name: 'a\u202Eb\u0007c\u202E' })).toEqual([`control or bidirectional characters in name (U+202E, U+0007)${TAIL}`]);
});
