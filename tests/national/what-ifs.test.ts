/**
 * `difusi national --seed / --set` (docs/NATIONAL.md, "What-ifs on a
 * national file"): overrides change the file before validation, exactly as
 * editing it would, and a bad override is one line naming it, exit code 2.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, freshOut, resultFolder } from '../newcomer/helpers.js';
import { assertBuilt, type CliResult } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const outs: string[] = [];
afterAll(() => outs.forEach((o) => rmSync(o, { recursive: true, force: true })));

async function national(args: string[]): Promise<CliResult & { out: string }> {
  assertBuilt();
  const out = freshOut();
  outs.push(out);
  // In the test's process (tests/support/in-process.ts): what the command writes is checked, not a process's
  // start, which cost most of these six runs' time. Two replications, not twelve: the
  // assertions compare the bytes of government_outcomes.csv (equal for the edited file and the --set, unequal for money
  // against none and for seed 99 against 777), which differ already with one replication of this fixture.
  const r = await runInProcess(['national', ...args, '--replications', '2', '--workers', '1', '--no-charts', '-q', '--out', out]);
  return { ...r, out };
}
const outcomes = (out: string, name: string) => readFileSync(join(resultFolder(out, name), 'government_outcomes.csv'), 'utf8');

describe('difusi national --set / --seed', () => {
  it('--set gives the bytes of the file edited the same way; without it the results differ', async () => {
    const edited = await national([join(FIXTURES, 'nusantara-money.yaml')]);
    const overridden = await national([
      join(FIXTURES, 'nusantara-nomoney.yaml'),
      '--set',
      'national_regulations[id=archive-law].money=true',
      '--set',
      'name=nusantara-money',
    ]);
    const plain = await national([join(FIXTURES, 'nusantara-nomoney.yaml')]);
    expect([edited.code, overridden.code, plain.code]).toEqual([0, 0, 0]);
    expect(outcomes(overridden.out, 'nusantara-money')).toBe(outcomes(edited.out, 'nusantara-money'));
    expect(outcomes(plain.out, 'nusantara-nomoney')).not.toBe(outcomes(edited.out, 'nusantara-money'));
  });

  it('--seed changes the draws and is recorded in the manifest', async () => {
    const base = await national([join(FIXTURES, 'nusantara-base.yaml')]);
    const other = await national([join(FIXTURES, 'nusantara-base.yaml'), '--seed', '99']);
    expect(outcomes(other.out, 'nusantara-base')).not.toBe(outcomes(base.out, 'nusantara-base'));
    const manifest = JSON.parse(readFileSync(join(resultFolder(other.out, 'nusantara-base'), 'manifest.json'), 'utf8')) as { seed: number };
    expect(manifest.seed).toBe(99);
  });

  it('a bad override: one line naming it, exit code 2, no result folder', async () => {
    const r = await national([join(FIXTURES, 'nusantara-base.yaml'), '--set', 'national_parameters.gov_imitation="many"']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^✗ override national_parameters\.gov_imitation: /);
    expect(existsSync(join(r.out, 'nusantara-base'))).toBe(false);
  });
});
