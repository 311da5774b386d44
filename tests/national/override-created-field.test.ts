/**
 * On a national file, an override that adds a field the schema does not
 * know is the override's problem, as on a city file: `✗ override <path>:`,
 * not a line of the file. `template.parameters.takeover_vendor=0.9`
 * creates `template.parameters` (parameters sit at the top level), and the
 * unknown field used to be placed at the file's line of `template:`; a
 * mistyped top-level key (`foo.bar=1`) at line 4, the file's `name:`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNationalFile } from '../../src/store/national-file.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { ROOT, SMALL_CITY, tempDir } from '../support/cli.js';
import { userError } from '../support/errors.js';

const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

describe('an override that creates an unknown field on a national file', () => {
  it('an intermediate key the template does not have: labelled as the override, no file line', () => {
    const error = userError(() => readNationalFile(NATIONAL, { 'template.parameters.takeover_vendor': 0.9 }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'unknown_field', file: 'override template.parameters.takeover_vendor', path: ['template', 'parameters'] });
    expect(error.issues[0]!.line).toBeUndefined();
    expect(error.message).toMatch(/^✗ override template\.parameters\.takeover_vendor: Unknown field "parameters" → at template\.parameters /);
  });

  it('an unknown top-level key: as the city file says it', () => {
    const national = userError(() => readNationalFile(NATIONAL, { 'foo.bar': 1, seed: 3 }));
    const city = userError(() => readScenarioFile(SMALL_CITY, { 'foo.bar': 1, seed: 3 }));
    expect(national.issues).toHaveLength(1);
    expect(national.issues[0]).toMatchObject({ file: 'override foo.bar', path: ['foo'] });
    expect(national.message.split(' (expected')[0]).toBe(city.message.split(' (expected')[0]);
  });

  it('a problem of the file itself keeps its line', () => {
    const file = join(tempDir('difusi-national-created-'), 'broken.yaml');
    writeFileSync(file, readFileSync(NATIONAL, 'utf8').replace('gov_launch_base: 2', 'gov_launch_base: soon'));
    const error = userError(() => readNationalFile(file, { 'national_parameters.gov_imitation': 0 }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file, path: ['national_parameters', 'gov_launch_base'] });
    expect(error.issues[0]!.line).toBeDefined();
  });
});
