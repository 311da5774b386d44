/**
 * `difusi compare base.yaml variant.yaml`: a variant copied from the base
 * file keeps the base's `name`; its arm is named after its file, so that no
 * arm of the comparison reads as the base itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { executeCompare } from '../../src/jobs/compare.js';
import { SMALL_CITY } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'difusi-compare-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function armNames(variantText: (base: string) => string, fileName: string): Promise<string[]> {
  const variant = join(dir, fileName);
  writeFileSync(variant, variantText(readFileSync(SMALL_CITY, 'utf8')));
  const result = await executeCompare({
    scenarios: { base: SMALL_CITY, variants: [variant] },
    replications: 2,
    outRoot: join(dir, `out-${fileName}`),
    workers: 1,
    detail: 0,
    command: 'test',
  });
  return [...new Set(result.rows.map((r) => r.variant))];
}

describe('arm names of a comparison of scenario files', () => {
  it('a copy of the base that keeps its name is named after its file', async () => {
    expect(await armNames((t) => t.replace('name: small-city', 'name: small-city'), 'longer-pilot.yaml')).toEqual(['longer-pilot']);
  });

  it('a variant with a name of its own keeps it', async () => {
    expect(await armNames((t) => t.replace('name: small-city', 'name: own-name'), 'other-file.yaml')).toEqual(['own-name']);
  });
});
