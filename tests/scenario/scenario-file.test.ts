import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { MESSAGES } from '../../src/messages/catalog.js';
import { fixture, fixtureText } from './helpers.js';
import { userError } from '../support/errors.js';

const tmp = mkdtempSync(join(tmpdir(), 'difusi-scenario-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


describe('readScenarioFile', () => {
  it('reads, validates, hashes and finds the Info markdown', () => {
    const file = readScenarioFile(fixture('minimal.yaml'));
    expect(file.scenario.name).toBe('minimal');
    expect(file.text).toBe(fixtureText('minimal.yaml'));
    expect(file.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(file.infoMarkdown).toContain('WHAT IS IT');
    expect(readScenarioFile(fixture('full.yaml')).infoMarkdown).toBe('');
  });

  it('hashes the meaning, not the formatting', () => {
    const yaml = readScenarioFile(fixture('minimal.yaml'));
    const json = readScenarioFile(fixture('minimal.json'));
    expect(json.hash).toBe(yaml.hash);
    const reformatted = join(tmp, 'reformatted.yaml');
    writeFileSync(reformatted, `# another comment\nmonths: 24\nseed: 1\n${fixtureText('minimal.yaml').replace('months: 24\n', '')}`);
    expect(readScenarioFile(reformatted).hash).toBe(yaml.hash); // seed 1 is the default
    const changed = join(tmp, 'changed.yaml');
    writeFileSync(changed, fixtureText('minimal.yaml').replace('months: 24', 'months: 25'));
    expect(readScenarioFile(changed).hash).not.toBe(yaml.hash);
  });

  it('applies overrides before validation and hashes the result', () => {
    const base = readScenarioFile(fixture('minimal.yaml'));
    const over = readScenarioFile(fixture('minimal.yaml'), { 'parameters.takeover_vendor': 0.9 });
    expect(over.scenario.parameters.takeover_vendor).toBe(0.9);
    expect(over.hash).not.toBe(base.hash);
    const bad = userError(() => readScenarioFile(fixture('minimal.yaml'), { 'parameters.takeover_vendor': 2 }));
    expect(bad.issues[0]).toMatchObject({ code: 'out_of_range', file: 'override parameters.takeover_vendor' });
  });

  it('throws a UserError for a missing file', () => {
    const error = userError(() => readScenarioFile(join(tmp, 'nope.yaml')));
    expect(error.issues).toEqual([
      {
        code: 'file_not_found',
        file: join(tmp, 'nope.yaml'),
        path: [],
        // Says where it looked (it named nothing before: NEW19 item 12); nothing close in tmp to suggest.
        message: MESSAGES.file_not_found(join(tmp, 'nope.yaml')),
        expected: 'an existing .yaml, .yml or .json file',
      },
    ]);
    expect(userError(() => readScenarioFile(tmp)).issues[0]?.code).toBe('file_unreadable');
  });

  it('throws a UserError with every issue of an invalid file', () => {
    const error = userError(() => readScenarioFile(fixture('wrong-type.yaml')));
    expect(error.issues.map((i) => [i.code, i.line])).toEqual([['wrong_type', 13]]);
    expect(error.message).toContain('wrong-type.yaml:13:15 Wrong type → at regulations[1].strength');
  });
});
