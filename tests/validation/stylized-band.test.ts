/**
 * P6b and P13b judge the same stylized pair against one band
 * (STYLIZED_BAND in src/validation/case.ts): the agency-owned service
 * sustained in at least 0.80 of replications, the vendor pilot discontinued
 * in at least 0.70. The band used to be four bare literals (two verdicts,
 * two hand-written target texts) kept equal by hand. Here the band is
 * replaced by other values: both checks must judge against them and show
 * them in their target, so that no copy of 0.8 or 0.7 is left behind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CheckRow, Reading } from '../../src/validation/check.js';
import { ROOT } from '../support/cli.js';

/** Values no check would choose, so that a leftover literal cannot agree with them by chance. */
const BAND = { sustained: 0.35, discontinued: 0.55 } as const;

vi.mock('../../src/validation/case.js', async (importOriginal) => ({ ...(await importOriginal<object>()), STYLIZED_BAND: BAND }));

// One module registry per fork (vitest isolate: false): import afresh so the mock applies, and
// undo it when this file ends, so that later files judge against the shipped band.
vi.resetModules();
afterAll(() => {
  vi.doUnmock('../../src/validation/case.js');
  vi.resetModules();
});

/** The two shares a reading shows first ("1.000 [..]; 0.875 [..]" or "1.00 [..] / 0.88 [..]"). */
function shares(r: Reading): [number, number] {
  const m = /^([\d.]+) \[[^\]]*\](?:;| \/) ([\d.]+) \[/.exec(r.measured);
  if (m === null) throw new Error(`not a pair reading: ${r.measured}`);
  return [Number(m[1]), Number(m[2])];
}

describe('the stylized pair band of P6b and P13b', () => {
  it('both checks judge against STYLIZED_BAND and write it as their target', { timeout: 300_000 }, async () => {
    const { measureShippedPatterns } = await import('../../src/jobs/patterns.js');
    const report = await measureShippedPatterns({ replications: 4, bassReplications: 2, workers: 1, only: ['P6b', 'P13b'], shippedOnly: true });
    const byId = new Map<string, CheckRow>(report.shipped.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual(['P13b', 'P6b']);
    const s = BAND.sustained.toFixed(2);
    const d = BAND.discontinued.toFixed(2);
    expect(byId.get('P6b')!.target).toBe(`at least ${s} and at least ${d}`);
    expect(byId.get('P13b')!.target).toBe(`at least ${s} / at least ${d}`);
    for (const row of byId.values()) {
      for (const arm of [row.case, ...row.controls]) {
        const [a, b] = shares(arm);
        expect(arm.pass, `${row.id}: ${arm.measured}`).toBe(a >= BAND.sustained && b >= BAND.discontinued);
      }
    }
  });

  it('docs/VALIDATION.md shows the shipped band as the targets of P6b and P13b', async () => {
    const { STYLIZED_BAND } = await vi.importActual<typeof import('../../src/validation/case.js')>('../../src/validation/case.js');
    const page = readFileSync(join(ROOT, 'docs', 'VALIDATION.md'), 'utf8');
    const target = (id: string) => page.split('\n').find((l) => l.startsWith(`| ${id} |`))?.split(' | ')[3];
    const s = STYLIZED_BAND.sustained.toFixed(2);
    const d = STYLIZED_BAND.discontinued.toFixed(2);
    expect(target('P6b')).toBe(`at least ${s} and at least ${d}`);
    expect(target('P13b')).toBe(`at least ${s} / at least ${d}`);
  });
});
