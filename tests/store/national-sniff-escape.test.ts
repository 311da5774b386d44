/**
 * The sniff that tells a national file from a city one (store/national-sniff.ts) spares a parse to
 * a file that never writes the words it looks for (`governments`, `opds`). A double-quoted YAML key
 * or a JSON key may spell them with escapes ("gov\u0065rnments"): the file says the word only once
 * parsed, so a backslash in the text means the parse is needed. Before, such a national file was
 * read as a city one, and `difusi validate` answered with the city schema's errors ("Missing
 * required field opds") instead of checking it as the national scenario it is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { sniffScenarioFile } from '../../src/store/national-sniff.js';

const SMALL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const MINIMAL = join(ROOT, 'tests', 'fixtures', 'scenarios', 'minimal.yaml');
const folder = testFolder('difusi-sniff-escape-');

/** The small national file with every `governments` written with an escape (keys) or as another word (comments, description). */
function escapedNational(): string {
  const text = readFileSync(SMALL, 'utf8')
    .split('\n')
    .map((line) => line.replace(/^(\s*)governments:/, '$1"gov\\u0065rnments":').replace(/governments/g, 'govts'))
    .join('\n');
  expect(text).not.toContain('governments');
  // The same document as the fixture: the escape spells the same key.
  expect(Object.keys(parse(text) as object)).toEqual(Object.keys(parse(readFileSync(SMALL, 'utf8')) as object));
  return text;
}

describe('a key written with escapes', () => {
  it('a national YAML file whose only `governments` are escaped keys is national', () => {
    const file = join(folder(), 'escaped.yaml');
    writeFileSync(file, escapedNational());
    expect(sniffScenarioFile(file)).toMatchObject({ national: true, city: false });
  });

  it('a national JSON file whose `governments` key is escaped is national', () => {
    const file = join(folder(), 'escaped.json');
    const json = JSON.stringify(parse(readFileSync(SMALL, 'utf8')), null, 1).replace(/"governments"/g, '"gov\\u0065rnments"').replace(/governments/g, 'govts');
    expect(json).not.toContain('governments');
    writeFileSync(file, json);
    expect(sniffScenarioFile(file)).toMatchObject({ national: true, city: false });
  });

  it('a city file whose `opds` key is escaped is a city file', () => {
    const file = join(folder(), 'escaped-city.yaml');
    const text = readFileSync(MINIMAL, 'utf8').replace(/^opds:/m, '"op\\u0064s":').replace(/opds/g, 'agencies');
    expect(text).not.toContain('opds');
    writeFileSync(file, text);
    expect(sniffScenarioFile(file, ['governments', 'opds'])).toMatchObject({ national: false, city: true });
  });

  it('difusi validate checks the escaped national file as national (not with the city schema)', async () => {
    const file = join(folder(), 'validate.yaml');
    writeFileSync(file, escapedNational());
    const r = await runInProcess(['validate', file]);
    expect(r.stderr).not.toContain('"opds"');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('national scenario "small-national", 4 governments');
  });
});
