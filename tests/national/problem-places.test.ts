/**
 * A problem of a national vendor or platform, found when a government's
 * city scenario is validated, is placed at the element of the national file
 * it comes from: its index, line and column. The city copies of these
 * elements leave out `name_id` (a national field), and the place was once
 * looked up by the copy, which no list holds: `vendors[-1]`, the line's
 * first column.
 *
 * `difusi validate` runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the tests read its code and stderr only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

beforeAll(() => assertBuilt());

const SMALL = readFileSync(join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'), 'utf8');

/** The small national fixture with `edit` applied (each replaced text must occur once). */
function variant(edits: [string, string][]): string {
  let text = SMALL;
  for (const [from, to] of edits) {
    expect(text.split(from).length - 1, from).toBe(1);
    text = text.replace(from, to);
  }
  const file = join(tempDir('difusi-problem-places-'), 'n.yaml');
  writeFileSync(file, text);
  return file;
}

describe('national vendor and platform problems are placed where they are written', () => {
  it.each([false, true])('a vendor whose contract ends before the start (name_id given: %s)', async (withName) => {
    const file = variant([
      ['  - { id: cloudco, name: Cloud vendor, contract_end: 2018-06 }', `  - { id: cloudco, name: Cloud vendor,${withName ? ' name_id: Vendor awan,' : ''} contract_end: 2010-06 }`],
    ]);
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(2);
    const column = withName ? 76 : 54;
    expect(r.stderr).toContain(`n.yaml:22:${column} `);
    expect(r.stderr).toContain('vendors[0].contract_end');
    expect(r.stderr).not.toContain('[-1]');
  });

  it('a platform that ends before the start', async () => {
    const file = variant([
      ['  - { id: cloudco, name: Cloud vendor, contract_end: 2018-06 }\n', '  - { id: cloudco, name: Cloud vendor, contract_end: 2018-06 }\nplatforms:\n  - { id: plat, name: P, custodian: cloudco, active_until: 2010-01 }\n'],
      ['    vendor: cloudco\n', '    vendor: cloudco\n    platform: plat\n'],
    ]);
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('n.yaml:24:60 ');
    expect(r.stderr).toContain('platforms[0].active_until');
    expect(r.stderr).not.toContain('[-1]');
  });
});
