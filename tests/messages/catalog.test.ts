import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFound, formatIssues, formatPath, makeIssue, MESSAGES, UserError } from '../../src/messages/catalog.js';
import { ROOT } from '../support/cli.js';

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

  // A code nothing raises is a message no one reads, yet it is translated and tested (report_unreadable was, after
  // store/results-read.ts came to raise result_folder_missing instead). Raised means named in src outside the
  // catalog and its Indonesian table: in quotes (UserError.of('code', ...), an issue's code: 'code') or as MESSAGES.code.
  it('every message is raised somewhere in src', () => {
    const src = join(ROOT, 'src');
    const text = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !/messages[\\/](catalog|issue-text)\.ts$/.test(f))
      .map((f) => readFileSync(join(src, f), 'utf8'))
      .join('\n');
    const UNRAISED = new Set<string>();
    const raised = (code: string) => text.includes(`'${code}'`) || text.includes(`"${code}"`) || new RegExp(`\\bMESSAGES\\.${code}\\b`).test(text);
    expect(Object.keys(MESSAGES).filter((code) => !UNRAISED.has(code) && !raised(code))).toEqual([]);
  });
});
