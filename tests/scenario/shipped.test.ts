import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { formatIssues, UserError } from '../../src/messages/catalog.js';
import { FIXTURES } from './helpers.js';
import { isNationalFile } from '../../src/store/national-file.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const isScenario = (name: string) => /\.(ya?ml|json)$/.test(name);

/** Every shipped scenario and every valid fixture parses without issues. */
const files = [
  ...readdirSync(SCENARIOS, { recursive: true, encoding: 'utf8' })
    .filter((name) => isScenario(name) && !name.startsWith('schema'))
    // National files (docs/NATIONAL.md) have their own tests (tests/national/).
    .filter((name) => !isNationalFile(join(SCENARIOS, name)))
    .sort()
    .map((name) => join(SCENARIOS, name)),
  ...['minimal.yaml', 'minimal.json', 'full.yaml'].map((name) => join(FIXTURES, name)),
];

describe('shipped scenarios', () => {
  it.each(files)('%s is valid', (path) => {
    try {
      expect(readScenarioFile(path).scenario.name).toMatch(/\S/);
    } catch (error) {
      if (error instanceof UserError) expect.fail(formatIssues(error.issues));
      throw error;
    }
  });
});
