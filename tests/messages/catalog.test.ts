import { describe, expect, it } from 'vitest';
import { formatFound, formatIssues, formatPath, makeIssue, MESSAGES, UserError } from '../../src/messages/catalog.js';

describe('messages', () => {
  it('formats issues like zod and vega-lite', () => {
    const issues = [
      makeIssue('wrong_type', [], { file: 'a.yaml', line: 12, column: 15, path: ['regulations', 1, 'strength'] }, { expected: 'a number in [0,1]', found: '"high"' }),
      makeIssue('file_not_found', [], { file: 'missing.yaml' }),
      makeIssue('missing_field', ['launch'], { file: 'a.yaml', line: 3, column: 5, path: ['innovations', 0, 'launch'] }, { expected: 'a month as YYYY-MM' }),
    ];
    expect(formatIssues(issues)).toMatchInlineSnapshot(`
      "✗ a.yaml:12:15 Wrong type → at regulations[1].strength (expected a number in [0,1], found "high")
      ✗ missing.yaml File not found
      ✗ a.yaml:3:5 Missing required field "launch" → at innovations[0].launch (expected a month as YYYY-MM)"
    `);
  });

  it('names a file once when the message begins with it, and labels an override with a colon', () => {
    const folder = makeIssue('foreign_files', ['/out/run/abc', 'mine.txt'], { file: '/out/run/abc' });
    expect(formatIssues([folder])).toBe(`✗ ${MESSAGES.foreign_files('/out/run/abc', 'mine.txt')}`);
    // A message that only mentions the file later keeps the prefix (control).
    const inner = makeIssue('result_damaged', ['/out/run/abc', 'manifest.json', 'is missing'], { file: '/out/run/abc' });
    expect(formatIssues([inner])).toBe(`✗ /out/run/abc ${MESSAGES.result_damaged('/out/run/abc', 'manifest.json', 'is missing')}`);
    const override = makeIssue('file_not_found', [], { file: 'override coordinator' });
    expect(formatIssues([override])).toBe(`✗ override coordinator: ${MESSAGES.file_not_found()}`);
  });

  it('UserError carries its issues and prints them as its message', () => {
    const error = UserError.of('file_not_found', [], { file: 'x.yaml' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('UserError');
    expect(error.issues).toEqual([{ code: 'file_not_found', file: 'x.yaml', path: [], message: MESSAGES.file_not_found() }]);
    expect(error.message).toBe('✗ x.yaml File not found');
  });

  it('formats paths and abbreviates found values', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['network', 'edges', 0, 1])).toBe('network.edges[0][1]');
    expect(formatPath(['opds', 'a b'])).toBe('opds["a b"]');
    expect(formatFound('high')).toBe('"high"');
    expect(formatFound(0.5)).toBe('0.5');
    expect(formatFound(null)).toBe('null');
    expect(formatFound(undefined)).toBe('nothing');
    expect(formatFound('x'.repeat(100))).toHaveLength(40);
    expect(formatFound('x'.repeat(100)).endsWith('…')).toBe(true);
  });

  it('every message is a function returning text', () => {
    for (const [code, make] of Object.entries(MESSAGES)) {
      const args = Array.from({ length: make.length }, () => 'x');
      expect(typeof (make as (...a: string[]) => string)(...args), code).toBe('string');
    }
  });
});
