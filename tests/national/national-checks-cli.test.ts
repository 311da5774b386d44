/**
 * The national file's refusals and warnings as the command line prints them
 * (docs/NATIONAL.md, "The file", "Checks"): an id used twice is one line
 * naming the file, line and column, the kind and the id, exit code 2 and
 * nothing written; a cohort whose select cannot be met, and `districts`
 * beside a `city.opds` that does not give one kecamatan per district, are
 * one warning line each, exit code 0.
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs): the tests
 * check only what it prints, its exit code and what it writes, and starting
 * a process for each cost most of their time.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { WARNINGS } from '../../src/messages/catalog.js';

beforeAll(() => assertBuilt());

// Relative to the root (where the command runs), as the warnings name it.
const NATIONAL = 'tests/national/fixtures/small-national.yaml';
const TEXT = readFileSync(join(ROOT, NATIONAL), 'utf8');
const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('⚠ '));

/** small-national.yaml with `extra` appended (top-level YAML), in a fresh folder. */
function withExtra(name: string, extra: string): string {
  const file = join(tempDir('difusi-natchecks-'), name);
  writeFileSync(file, `${TEXT.trimEnd()}\n${extra}`);
  return file;
}

describe('an id used twice in a national file', () => {
  it('a second platform of an id: one line at its id, exit 2, no result folder', async () => {
    const file = withExtra('dup.yaml', 'platforms:\n  - { id: hub, custodian: coordinator }\n  - { id: hub, custodian: cloudco }\n');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('custodian: cloudco'));
    const column = lines[line]!.indexOf('hub') + 1; // the value of the second id
    const out = join(tempDir('difusi-natchecks-out-'), 'out');
    const r = await runInProcess(['national', file, '--out', out, '-q']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([`✗ ${file}:${line + 1}:${column} Duplicate platform id "hub" → at platforms[1].id`]);
    expect(existsSync(out)).toBe(false);
  });

  it('a duplicate made by an override names the override', async () => {
    const r = await runInProcess(['validate', NATIONAL, '--set', 'innovations[id=mandated-service].id=e-office']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual(['✗ override innovations[id=mandated-service].id: Duplicate national innovation id "e-office" → at innovations[2].id']);
  });
});

describe('warnings about cohorts and districts', () => {
  it('a cohort whose select.count cannot be met: one line naming the programme and the cohort, exit 0', async () => {
    const r = await runInProcess(['validate', NATIONAL, '--set', 'programmes[0].cohorts[0].select.count=5']);
    expect(r.code).toBe(0);
    // kota-a is listed; kab-b and kota-c are all a select of regencies and cities can add.
    // Only the --set gives the warning: named by it, not by the file (jobs/national.ts nationalWarningPlace).
    expect(warnings(r.stderr)).toContain(
      `⚠ command line --set programmes[0].cohorts[0].select.count: programmes[0] "smart" cohort "smart-2017": select.count is 5, but only 2 governments are left to select ` +
        '(of types regency, city, in no earlier cohort of the programme and listed in none of its cohorts), so it selects 2',
    );
    // (control) the fixture's count of 1 is met.
    expect((await runInProcess(['validate', NATIONAL])).stderr).not.toContain('select.count');
  });

  it('districts beside a city.opds with no kecamatan for them is warned as ignored; (control) one that lists them is not', async () => {
    const [bare, listed] = await Promise.all([
      runInProcess(['validate', NATIONAL, '--set', 'governments[id=kab-b].city={opds: {generate: {count: 5}, list: [{id: kominfo, type: dinas}]}}']),
      runInProcess(['validate', NATIONAL, '--set', 'governments[id=kab-b].city={opds: {generate: {count: 12, types: {dinas: 4, kecamatan: 8}}, list: [{id: kominfo, type: dinas}]}}']),
    ]);
    expect([bare.code, listed.code]).toEqual([0, 0]);
    // The file's districts are ignored only with the --set's city.opds: the warning names the --set.
    expect(warnings(bare.stderr)).toContain(
      '⚠ command line --set governments[id=kab-b].city: government "kab-b": districts is set beside city.opds, which gives all of its agencies: ' +
        'it is ignored (its city.opds has another number of kecamatan agencies; list the kecamatan in city.opds, or drop districts)',
    );
    // kab-b's 8 districts are its 8 generated kecamatan.
    expect(listed.stderr).not.toContain('districts');
  });

  it('the Indonesian scenario gives none of these (Kota Bekasi lists its 12 kecamatan and gives districts: 12)', { timeout: 60_000 }, async () => {
    const r = await runInProcess(['validate', 'scenarios/indonesia-2015-2025.yaml']);
    expect(r.code).toBe(0);
    // Its only warnings: the two unfunded entries that act in no government, and the unfunded mandate that does nothing
    // for one of its services (tests/national/unfunded-inert.test.ts).
    expect(warnings(r.stderr)).toEqual(
      [
        WARNINGS.unfunded_mandate_inert('national_regulations[0] "pp-24-2018-oss"', ['e-licensing']),
        WARNINGS.unfunded_mandate_partly_inert('national_regulations[1] "perpres-95-2018-spbe"', ['spbe-integration'], ['complaints-lapor']),
        WARNINGS.unfunded_programme_inert('programmes[0] "smart-city-movement"', 0.3, ['command-center', 'citizen-app']),
      ].map((w) => `⚠ scenarios/indonesia-2015-2025.yaml: ${w}`),
    );
  });
});
