/**
 * One reader of override paths (scenario/override-path.ts): `--set` (and an
 * experiment's `set:`), the explorer's download of a setting and the levers
 * resolve a path the same way, and refuse one that names nothing with the
 * same line. The explorer's download used to walk paths on its own: it
 * stepped through a plain value into a yaml error of its own, and answered a
 * misspelt id or an index past the end with a shorter line than `--set`
 * (no "did you mean", no range).
 */
import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../src/scenario/overrides.js';
import { settingYaml } from '../../src/explorer/setting.js';
import { fixtureText, fullInput } from './helpers.js';
import { userError } from '../support/errors.js';

const TEXT = fixtureText('full.yaml');

describe('the explorer\'s download refuses a path as --set does', () => {
  it.each([
    ['a misspelt id', 'leaders[id=acting-mayr].commitment'],
    ['an index past the end', 'leaders[7].commitment'],
    ['a step through a plain value', 'name.first'],
    ['a list the file does not have', 'pilots[0].months'],
  ])('%s: the same issue, word for word (%s)', (_, path) => {
    const bySet = userError(() => applyOverrides(fullInput(), { [path]: 0.5 }));
    const byDownload = userError(() => settingYaml(TEXT, fullInput(), { [path]: 0.5 }));
    expect(byDownload.issues).toEqual(bySet.issues);
  });

  it('a path the file names is written where --set writes it (by id, and creating a missing mapping)', () => {
    const yaml = settingYaml(TEXT, fullInput(), { 'leaders[id=acting-mayor].commitment': 0.25, 'parameters.takeover_vendor': 0.7 });
    expect(yaml).toMatch(/- id: acting-mayor\n\s+from: 2018-03\n\s+commitment: 0.25/);
    expect(yaml).toContain('takeover_vendor: 0.7');
  });
});
