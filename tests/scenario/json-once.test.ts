/**
 * A JSON scenario is parsed once, by JSON.parse: it used to be parsed a
 * second time by the YAML reader, for its node positions and its duplicate
 * keys (JSON.parse keeps the last of two). Duplicate keys are now found by a
 * scan of the text, and the YAML reader runs only when a problem is placed
 * on its line, with the same lines and columns as before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { ROOT, testFolder } from '../support/cli.js';
import { yamlCalls as calls } from '../support/yaml-count.js';

// Every parseDocument of the modules under test, counted.
vi.mock('yaml', async (importOriginal) => (await import('../support/yaml-count.js')).counting(await importOriginal<typeof import('yaml')>()));

// The suite runs files in one process each fork (vitest isolate: false): modules
// another file imported are cached unmocked, so they are imported afresh here.
vi.resetModules();
const { readScenarioFile } = await import('../../src/store/scenario-file.js');
const { duplicateKeyOffset, parseDataText, parseScenarioText } = await import('../../src/scenario/parse.js');
const { UserError } = await import('../../src/messages/catalog.js');

const BEKASI_JSON = JSON.stringify(parse(readFileSync(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), 'utf8')), null, 2);
const folder = testFolder('difusi-json-once-');

// Before each test: other files may have run the counting parser since.
beforeEach(() => {
  calls.parseDocument = 0;
});

/** 1-based line and column of the first `needle` in `text`. */
function placeOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('a JSON scenario is parsed once', () => {
  it('a valid file: no YAML parse, the same scenario and hash as the YAML file', () => {
    const file = join(folder(), 'bekasi.json');
    writeFileSync(file, BEKASI_JSON);
    const read = readScenarioFile(file);
    expect(calls.parseDocument).toBe(0);
    expect(read.hash.slice(0, 12)).toBe(readScenarioFile(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml')).hash.slice(0, 12));
  });

  it('a problem is still placed at its line and column (the YAML reader then runs, once)', () => {
    const text = BEKASI_JSON.replace('"months": ', '"months": "x", "monthz": ');
    const r = parseScenarioText(text, 'b.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['wrong_type', placeOf(text, '"x"').line, placeOf(text, '"x"').column],
      ['unknown_field', placeOf(text, '"monthz"').line, placeOf(text, '"monthz"').column],
    ]);
    expect(calls.parseDocument).toBe(1);
  });
});

describe('duplicate keys of a JSON file, found without the YAML reader', () => {
  it.each([
    ['{"a": 1, "a": 2}', 9, 'a'],
    ['{"a": {"x": 1, "x": 2}, "a": 3}', 15, 'x'],
    ['{"a": 1, "\\u0061": 2}', 9, '\\u0061'],
    ['{"k": [1, {"k": 2}], "j": {"k": 3}, "k": 4}', 36, 'k'],
    ['{"x": "a,b:{c}", "y": ["{", "}"], "x": 0}', 34, 'x'],
    ['[1, {"a": 1, "b": 2, "a": 3}]', 21, 'a'],
  ])('%s: the second key, at its place', (text, offset, key) => {
    expect(duplicateKeyOffset(text)).toBe(offset);
    const r = parseDataText(`\n${text}`, 'd.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'duplicate_key', line: 2, column: offset + 1 });
    expect(r.issues[0]!.message).toContain(key);
    expect(calls.parseDocument).toBe(0);
  });

  it.each([['{"a": 1, "b": {"a": 2}}'], ['[{"k": 1}, {"k": 2}]'], ['{"a\\"": 1, "a": 2}'], ['"{\\"a\\": 1, \\"a\\": 2}"'], ['{}']])('%s: none', (text) => {
    expect(duplicateKeyOffset(text)).toBeUndefined();
  });

  it('a scenario file with a duplicate key is refused at it', () => {
    const file = join(folder(), 'dup.json');
    // `name` is the file's first key: the one written again before `months` is the second.
    expect(BEKASI_JSON.indexOf('"name"')).toBeLessThan(BEKASI_JSON.indexOf('"months"'));
    const text = BEKASI_JSON.replace('"months": ', '"name": "x", "months": ');
    writeFileSync(file, text);
    const issue = (() => {
      try {
        readScenarioFile(file);
      } catch (error) {
        if (error instanceof UserError) return error.issues[0];
      }
      return undefined;
    })();
    expect(issue).toMatchObject({ code: 'duplicate_key', file, ...placeOf(text, '"name": "x"') });
  });
});
