/**
 * `difusi validate <file> --set path=value --seed N`: the what-ifs of
 * `difusi run` and `difusi national`, applied before validation the same
 * way, so a what-if can be checked before it runs. A good override
 * validates to the scenario the file edited the same way would be (same
 * hash); a bad one is the line `difusi run` prints for it, exit code 2.
 *
 * Each command line runs in the test's own process (runInProcess, on the
 * built code a process runs), since only what it prints and its exit code
 * are checked, without a process's start-up to pay.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, SMALL_CITY, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

beforeAll(() => assertBuilt());

const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/** The scenario hash a validate summary line reports. */
const hashOf = (stdout: string) => /\(hash ([0-9a-f]{12})\)/.exec(stdout)?.[1];

/** `file` parsed, changed by `edit`, written as JSON to a fresh folder. */
function edited(file: string, edit: (doc: Record<string, any>) => void): string {
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, any>;
  edit(doc);
  const out = join(tempDir('difusi-validate-set-'), 'edited.json');
  writeFileSync(out, JSON.stringify(doc));
  return out;
}

describe('difusi validate --set / --seed on a city scenario', () => {
  it('validates the scenario as edited: the hash of the file edited the same way, not the plain file\'s', async () => {
    const copy = edited(SMALL_CITY, (d) => {
      d['parameters'].reflexivity = 0.7;
      d['seed'] = 99;
    });
    const [overridden, byHand, plain] = await Promise.all([
      runInProcess(['validate', SMALL_CITY, '--set', 'parameters.reflexivity=0.7', '--seed', '99']),
      runInProcess(['validate', copy]),
      runInProcess(['validate', SMALL_CITY]),
    ]);
    expect([overridden.code, byHand.code, plain.code], overridden.stderr).toEqual([0, 0, 0]);
    expect(hashOf(overridden.stdout)).toBeDefined();
    expect(hashOf(overridden.stdout)).toBe(hashOf(byHand.stdout));
    expect(hashOf(overridden.stdout)).not.toBe(hashOf(plain.stdout));
    expect(overridden.stdout).toMatch(/, seed 99 \(hash [0-9a-f]{12}\) with parameters\.reflexivity, seed overridden\n$/);
    // Without overrides the line is as before (nothing appended).
    expect(plain.stdout).toMatch(/\(hash [0-9a-f]{12}\)\n$/);
  });

  it.each([
    ['a value of the wrong type', 'parameters.takeover_vendor="x"', /^✗ override parameters\.takeover_vendor: /],
    ['an unknown field', 'parameters.no_such_field=1', /^✗ override parameters\.no_such_field: /],
    ['a missing element', 'regulations[9].strength=1', /^✗ override regulations\[9\]\.strength: Override path regulations\[9\] names no existing element/],
    ['a malformed path', 'a..b=1', /^✗ override: .*"a\.\.b"/],
  ])('%s: one line, exit code 2, exactly what difusi run prints for it', async (_, set, line) => {
    const out = tempDir('difusi-validate-set-out-');
    const [validate, run] = await Promise.all([
      runInProcess(['validate', SMALL_CITY, '--set', set]),
      runInProcess(['run', SMALL_CITY, '--set', set, '--out', out, '-q', '--no-charts', '--workers', '1']),
    ]);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toBe('');
    expect(validate.stderr.trim().split('\n')).toHaveLength(1);
    expect(validate.stderr).toMatch(line);
    expect(run.code).toBe(2);
    expect(validate.stderr).toBe(run.stderr);
  });
});

describe('a problem an override brings about elsewhere in the scenario', () => {
  const FULL = join(ROOT, 'tests', 'fixtures', 'scenarios', 'full.yaml');

  it('names the override and the field, every problem one line, exactly as difusi run prints them', async () => {
    // Removing the coordinator breaks three fields that name it, none of them under `coordinator`.
    const out = tempDir('difusi-validate-set-out-');
    const [validate, run] = await Promise.all([
      runInProcess(['validate', FULL, '--set', 'coordinator=null', '--seed', '4']),
      runInProcess(['run', FULL, '--set', 'coordinator=null', '--out', out, '-q', '--no-charts', '--workers', '1']),
    ]);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toBe('');
    expect(validate.stderr.trim().split('\n')).toEqual([
      '✗ override coordinator: owner "coordinator" requires a coordinator (set "coordinator") → at innovations[2].owner (found "coordinator")',
      '✗ override coordinator: custodian "coordinator" requires a coordinator (set "coordinator") → at platforms[0].custodian (found "coordinator")',
      '✗ override coordinator: Network type "hub" needs "hub" or a coordinator → at network.hub (expected an OPD id)',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(validate.stderr);
  });
});

describe('difusi validate --set / --seed on a national scenario', () => {
  it('validates the national scenario as edited (hash of the edited file)', async () => {
    const copy = edited(NATIONAL, (d) => {
      d['national_parameters'].gov_launch_base = 3;
      d['seed'] = 5;
    });
    const [overridden, byHand, plain] = await Promise.all([
      runInProcess(['validate', NATIONAL, '--set', 'national_parameters.gov_launch_base=3', '--seed', '5']),
      runInProcess(['validate', copy]),
      runInProcess(['validate', NATIONAL]),
    ]);
    expect([overridden.code, byHand.code, plain.code], overridden.stderr).toEqual([0, 0, 0]);
    expect(overridden.stdout).toMatch(/: national scenario "/);
    expect(hashOf(overridden.stdout)).toBe(hashOf(byHand.stdout));
    expect(hashOf(overridden.stdout)).not.toBe(hashOf(plain.stdout));
  });

  it('a bad override: one line naming it, exit code 2, as difusi national prints it', async () => {
    const out = tempDir('difusi-validate-set-out-');
    const set = 'national_parameters.gov_imitation="many"';
    const [validate, national] = await Promise.all([
      runInProcess(['validate', NATIONAL, '--set', set]),
      runInProcess(['national', NATIONAL, '--set', set, '--out', out, '-q', '--no-charts', '--workers', '1']),
    ]);
    expect(validate.code).toBe(2);
    expect(validate.stderr.trim().split('\n')).toHaveLength(1);
    expect(validate.stderr).toMatch(/^✗ override national_parameters\.gov_imitation: /);
    expect(validate.stderr).toBe(national.stderr);
  });
});

describe('a --set path with an unknown id', () => {
  // As an unknown id in the file is answered: the id it most likely meant (suggestReference), on the one line.
  it.each([
    ['a city scenario', SMALL_CITY, 'leaders[id=mayr-1].from="2018-01"', 'leaders[id=mayr-1]', 'mayor-1'],
    ['a national scenario', NATIONAL, 'governments[id=kota-aa].fiscal_capacity=0.5', 'governments[id=kota-aa]', 'kota-a'],
  ])('%s: "did you mean" the near id, one line, exit code 2', async (_, file, set, path, meant) => {
    const r = await runInProcess(['validate', file, '--set', set]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    // Labelled with the --set's path, as every other problem of an override is (it was `✗ override: ...`).
    expect(lines[0]).toContain(`✗ override ${set.slice(0, set.lastIndexOf('='))}: Override path ${path} names no existing element (did you mean "${meant}"?) → at `);
  });

  it('no suggestion when no id is near', async () => {
    const r = await runInProcess(['validate', SMALL_CITY, '--set', 'leaders[id=zzzzzzzz].from="2018-01"']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('names no existing element → at leaders');
    expect(r.stderr).not.toContain('did you mean');
  });
});
