/**
 * A required field written misspelt (`strenght: 0.4` for `strength: 0.4`)
 * is one mistake, and gets one line: the unknown field's, which says "did
 * you mean "strength"?" at the typo's line. The "Missing required field"
 * line the same typo causes is not said beside it (it pointed at the
 * entry's first line, away from the typo). A required field that is simply
 * missing, beside an unknown field that does not resemble it, still gets
 * both lines. Scenario files, experiment files and national files share
 * the conversion (src/scenario/zod-issues.ts).
 */
import { describe, expect, test } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { fixtureText } from './helpers.js';

function issuesOf(text: string) {
  const r = parseScenarioText(text, 'full.yaml');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

describe('a misspelt required field', () => {
  const text = fixtureText('full.yaml');
  const strength = /^(\s+)strength: (.*)$/m.exec(text);

  test('one line: the unknown field, with its "did you mean", at the typo', () => {
    // The fixture's regulation strength is the field misspelt.
    expect(strength).not.toBeNull();
    const bad = text.replace(/^(\s+)strength: /m, '$1strenght: ');
    const issues = issuesOf(bad);
    expect(issues.map((i) => i.code)).toEqual(['unknown_field']);
    expect(issues[0]!.message).toBe('Unknown field "strenght" (did you mean "strength"?)');
    const line = bad.split('\n').findIndex((l) => l.includes('strenght:')) + 1;
    expect(issues[0]!.line).toBe(line);
  });

  test('a required field missing beside an unlike unknown field: both lines', () => {
    const bad = text.replace(/^(\s+)strength: /m, '$1zzzzzzzzzz: ');
    const codes = issuesOf(bad).map((i) => i.code).sort();
    expect(codes).toEqual(['missing_field', 'unknown_field']);
  });
});
