/**
 * A `--set` (or an experiment's `set:` or design factor) whose path names no
 * element of the scenario is refused in one line naming where it was given,
 * as every other problem of an override is: `✗ override <path>: Override path
 * ... names no existing element` for `validate`, `run` and `national` (the
 * README's form; it was `✗ override: ...`, no path), the experiment's line
 * for a `set:` or a factor, `command line --set <path>` for an experiment
 * command's --set (each was `✗ override: ...`, no line).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { cliTestFolder, ROOT, SMALL_CITY } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-override-missing-');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const CRN = join(ROOT, 'tests', 'experiment', 'fixtures', 'crn.yaml');

async function refusal(args: readonly string[]): Promise<string> {
  const r = await runInProcess(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, args.join(' ')).toHaveLength(1);
  return lines[0]!;
}

const MISSING = (path: string, meant?: string) => MESSAGES.override_missing(path, meant);
const CITY_IDS = '(expected one of "e-office", "smart-app", "command-center", found "zz")';

describe('an override path naming no element: one line naming where it was given', () => {
  it('validate, run and national: ✗ override <path>', async () => {
    const out = join(folder(), 'out');
    expect(await refusal(['validate', NATIONAL, '--set', 'governments[id=kota-zz]=null'])).toBe(
      `✗ override governments[id=kota-zz]: ${MISSING('governments[id=kota-zz]', 'kota-a')} → at governments (expected one of "prov-a", "kota-a", "kab-b", "kota-c", found "kota-zz")`,
    );
    expect(await refusal(['national', NATIONAL, '--check', '--set', 'governments[id=kota-zz].districts=3'])).toMatch(/^✗ override governments\[id=kota-zz\]\.districts: Override path governments\[id=kota-zz\] names no existing element /);
    expect(await refusal(['run', SMALL_CITY, '--set', 'innovations[id=zz]=null', '--out', out])).toBe(`✗ override innovations[id=zz]: ${MISSING('innovations[id=zz]')} → at innovations ${CITY_IDS}`);
    expect(await refusal(['validate', SMALL_CITY, '--set', 'innovations[7].costly=true'])).toBe(
      `✗ override innovations[7].costly: ${MISSING('innovations[7]')} → at innovations (expected an index in 0..2, found 7)`,
    );
    expect(await refusal(['validate', SMALL_CITY, '--set', 'name.first=x'])).toMatch(/^✗ override name\.first: Override path name\.first cannot step into /);
  });

  it("an experiment's set:, its --set and a design factor: the experiment's line, or the command line's --set", async () => {
    const out = join(folder(), 'out');
    const compare = join(folder(), 'compare.yaml');
    writeFileSync(compare, `name: m\nbase: ${SMALL_CITY}\nreplications: 1\noutcomes: [live_share]\nvariants:\n  - name: v\n    set:\n      innovations[id=zz].costly: true\n`);
    expect(await refusal(['compare', compare, '--out', out])).toBe(`✗ ${compare}:8:7 ${MISSING('innovations[id=zz]')} → at innovations ${CITY_IDS}`);
    expect(await refusal(['compare', CRN, '--set', 'innovations[id=zz].costly=true', '--out', out])).toBe(
      `✗ command line --set innovations[id=zz].costly: ${MISSING('innovations[id=zz]')} → at innovations (expected one of "vendor-pilot", "e-office", found "zz")`,
    );
    const sweep = join(folder(), 'sweep.yaml');
    writeFileSync(sweep, `name: m\nbase: ${SMALL_CITY}\nreplications: 1\noutcomes: [live_share]\ndesign:\n  method: grid\n  factors:\n    - { name: 'innovations[id=zz].relative_advantage', values: [0.1, 0.2] }\n`);
    expect(await refusal(['sweep', sweep, '--out', out])).toMatch(
      new RegExp(`^✗ ${sweep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8:15 The design sets innovations\\[id=zz\\]\\.relative_advantage = 0\\.1, which the scenario does not accept: override path innovations\\[id=zz\\] names no existing element → at design\\.factors\\[0\\]\\.name `),
    );
  });
});
