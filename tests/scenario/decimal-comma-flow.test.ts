/**
 * A number written with a decimal comma inside a YAML flow mapping, the way
 * an Indonesian writer types it and the way the shipped scenarios write
 * leaders (`{ id: x, commitment: 0,7 }`): YAML reads `commitment: 0` and a
 * key `7` with no value. The schema alone said `Unknown field "7" → at
 * leaders[0]["7"]`; the block style (`commitment: 0,7`, one string) already
 * got "numbers take no comma; write 0.7". The flow style gets the same kind
 * of hint, at the number's field: which field, and what to write.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssues, MESSAGES, type ScenarioIssue } from '../../src/messages/catalog.js';
import { parseScenarioText } from '../../src/scenario/parse.js';

const BEKASI = readFileSync('scenarios/bekasi-2015-2025.yaml', 'utf8');
const LEADER = '{ id: mayor-rahmat-effendi, name: Mayor Rahmat Effendi, name_id: Wali Kota Rahmat Effendi, from: 2015-01, commitment: 0.8 }';

const issuesOf = (text: string, file = 'kota.yaml'): ScenarioIssue[] => {
  const r = parseScenarioText(text, file);
  if (r.ok) throw new Error('accepted');
  return r.issues;
};

/** 1-based line and column of the first `needle` in `text`. */
function placeOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('a decimal comma in a flow mapping', () => {
  it('is said at the number\'s field, with how to write it, in one line', () => {
    expect(BEKASI).toContain(LEADER);
    const text = BEKASI.replace(LEADER, LEADER.replace('commitment: 0.8', 'commitment: 0,8'));
    const issues = issuesOf(text);
    expect(issues).toEqual([
      {
        code: 'decimal_comma_key',
        file: 'kota.yaml',
        ...placeOf(text, '0,8 }'),
        path: ['leaders', 0, 'commitment'],
        message: MESSAGES.decimal_comma_key('commitment', '0,8', '0.8'),
      },
    ]);
    expect(formatIssues(issues)).toBe(
      `✗ kota.yaml:${placeOf(text, '0,8 }').line}:${placeOf(text, '0,8 }').column} Numbers take no comma: commitment: 0,8 reads as commitment: 0 and a field "8"; write commitment: 0.8 → at leaders[0].commitment`,
    );
  });

  it('anywhere in the mapping, with a sign, and "1,500" in both its readings, as the block style offers them', () => {
    const mid = BEKASI.replace(LEADER, '{ id: mayor-rahmat-effendi, name: Mayor Rahmat Effendi, commitment: -0,25, from: 2015-01 }');
    expect(issuesOf(mid).map((i) => [i.code, i.path, i.message])).toContainEqual(['decimal_comma_key', ['leaders', 0, 'commitment'], 'Numbers take no comma: commitment: -0,25 reads as commitment: -0 and a field "25"; write commitment: -0.25']);
    const thousand = BEKASI.replace(LEADER, LEADER.replace('commitment: 0.8', 'commitment: 1,500'));
    expect(issuesOf(thousand).map((i) => i.message)).toContain('Numbers take no comma: commitment: 1,500 reads as commitment: 1 and a field "500"; write commitment: 1.5 or 1500');
  });

  it('leaves an unknown field that is not half of a number as it was', () => {
    for (const written of ['commitment: 0, 8', 'commitment: 0,"8"', 'commitment: 0.5,8', 'name: x,8']) {
      const text = BEKASI.replace(LEADER, LEADER.replace('commitment: 0.8', written.startsWith('name') ? `commitment: 0.8, ${written}` : written));
      const codes = issuesOf(text).map((i) => i.code);
      expect(codes, written).not.toContain('decimal_comma_key');
    }
    // A field "8" with a value of its own is a field, not half of a number.
    const keyed = issuesOf(BEKASI.replace(LEADER, LEADER.replace('commitment: 0.8', 'commitment: 0,8: 1')));
    expect(keyed.map((i) => i.code)).toEqual(['unknown_field']);
  });

  it('the block style keeps its own hint (control)', () => {
    const text = BEKASI.replace(/strength: 0\.(\d+)/, 'strength: 0,$1');
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ code: 'wrong_type', message: MESSAGES.wrong_type('0.' + /strength: 0\.(\d+)/.exec(BEKASI)![1]) });
  });
});
