import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../../src/scenario/schema.js';

const COMMITTED = fileURLToPath(new URL('../../scenarios/schema/scenario.schema.json', import.meta.url));

describe('scenarios/schema/scenario.schema.json', () => {
  it('is up to date with src/scenario/schema.ts (run `npm run schema` if not)', () => {
    const expected = `${JSON.stringify(toJsonSchema(), null, 2)}\n`;
    const committed = existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : '';
    expect(committed === expected, 'scenario.schema.json is stale: run `npm run schema` and commit the result').toBe(true);
  });
});
