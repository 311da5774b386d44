/**
 * `patterns --check` reads a comma-separated list of check ids (README): an
 * empty entry, as a trailing comma makes, is skipped, a list with no id at
 * all is refused, and an unknown id is refused with a suggestion.
 */
import { describe, expect, it } from 'vitest';
import { checkIds } from '../../src/cli/patterns.js';

const KNOWN = ['P4a', 'P8', 'P10b'];
const suggest = (id: string) => KNOWN.find((k) => k.toLowerCase() === id.toLowerCase());

describe('patterns --check ids', () => {
  it('skips empty entries (a trailing comma, a doubled comma) and keeps the order given', () => {
    expect(checkIds('P8,P4a,', KNOWN, suggest)).toEqual(['P8', 'P4a']);
    expect(checkIds(' P4a ,, P10b', KNOWN, suggest)).toEqual(['P4a', 'P10b']);
  });

  it('refuses a list with no id and an unknown id', () => {
    expect(() => checkIds(',', KNOWN, suggest)).toThrow(/--check/);
    expect(() => checkIds('', KNOWN, suggest)).toThrow(/--check/);
    expect(() => checkIds('P4a,p99', KNOWN, suggest)).toThrow(/p99/);
  });
});
