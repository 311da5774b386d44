/**
 * Under `--lang id` the scenario warnings (⚠ lines) are in Bahasa Indonesia,
 * as the problems (✗ lines) are, on every command that prints them and takes
 * --lang: validate (a city file and a national one), run, compare, sweep,
 * national --check (national and national-compare: tests/cli/lang-no-charts).
 * They stayed English ("the summary and warnings stay English"). Without
 * --lang, and with --lang en, every line is byte for byte as before. A
 * warning only a --set gives still names the --set. The command lines run in
 * the test's own process (runInProcess, on the built code a process runs).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { WARNINGS } from '../../src/messages/catalog.js';
import { WARNINGS_ID, warningTextId } from '../../src/messages/warning-text-id.js';
import { cliTestFolder, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-warnings-lang-');
const FIXTURES = join(ROOT, 'tests', 'experiment', 'fixtures');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const warnings = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('⚠'));

/** The experiments' small city with two warnings of its own (theta_sd 0; u_fail above u_target), beside an experiment on it. */
function warnedCity(): string {
  const dir = folder();
  const file = join(dir, 'pilot.yaml');
  writeFileSync(file, `${readFileSync(join(FIXTURES, 'pilot.yaml'), 'utf8')}\nparameters:\n  theta_sd: 0\n  u_fail: 0.6\n  u_target: 0.5\n`);
  return file;
}

/** The file's warnings as the library words them: English, or Bahasa Indonesia. */
function expectedLines(file: string, lang: 'en' | 'id'): string[] {
  const { scenario } = readScenarioFile(file);
  return scenarioWarnings(scenario, undefined, undefined, lang === 'id' ? warningTextId : undefined).map((w) => `⚠ ${file}: ${w}`);
}

describe('scenario warnings under --lang id', () => {
  it('validate of a city file: the warnings in Bahasa Indonesia; English without --lang and with --lang en, the same bytes', async () => {
    const file = warnedCity();
    const [plain, en, id] = await Promise.all([runInProcess(['validate', file]), runInProcess(['validate', file, '--lang', 'en']), runInProcess(['validate', file, '--lang', 'id'])]);
    expect(plain.code, plain.stderr).toBe(0);
    expect([en.code, en.stdout, en.stderr]).toEqual([plain.code, plain.stdout, plain.stderr]);
    expect(warnings(plain.stderr)).toEqual(expectedLines(file, 'en'));
    expect(warnings(plain.stderr)).toHaveLength(2);
    expect(warnings(plain.stderr)[0]).toBe(`⚠ ${file}: ${WARNINGS.u_fail_above_target(0.6, 0.5)}`);
    // The summary in Indonesian too (it stayed English before); each warning is the Indonesian of its English.
    expect([id.code, id.stdout]).toEqual([plain.code, plain.stdout.replace(/: scenario "test-pilot", 20 OPDs, 2 innovations, 60 months from 2016-01, 30 replications, /, ': skenario "test-pilot", 20 perangkat daerah, 2 layanan, 60 bulan sejak 2016-01, 30 replikasi, ')]);
    expect(warnings(id.stderr)).toEqual(expectedLines(file, 'id'));
    expect(warnings(id.stderr)[0]).toBe(`⚠ ${file}: ${WARNINGS_ID.u_fail_above_target(0.6, 0.5)}`);
    expect(warnings(id.stderr)[1]).toBe(`⚠ ${file}: ${WARNINGS_ID.theta_sd_zero(1.5)}`);
    expect(warnings(id.stderr)[1]).toMatch(/: parameters\.theta_sd bernilai 0: skor-z ambang setiap perangkat daerah adalah 0, /);
  });

  it('a warning only a --set gives names the --set, in Bahasa Indonesia (validate and run)', async () => {
    const pilot = join(FIXTURES, 'pilot.yaml');
    const set = ['--set', 'parameters.theta_sd=0'];
    const line = `⚠ baris perintah --set parameters.theta_sd: ${WARNINGS_ID.theta_sd_zero(1.5)}`;
    const validate = await runInProcess(['validate', pilot, ...set, '--lang', 'id']);
    expect(warnings(validate.stderr)).toEqual([line]);
    const run = await runInProcess(['run', pilot, ...set, '-r', '1', '-q', '--no-charts', '--lang', 'id', '--out', join(folder(), 'run')]);
    expect(run.code, run.stderr).toBe(0);
    // The ⚠ line --lang id with --no-charts adds (no report written) comes after it (cli/lang-warning.ts).
    expect(warnings(run.stderr)[0]).toBe(line);
  }, 120_000);

  it('run --precision too (its own path to the warnings, jobs/precision.ts)', async () => {
    const file = warnedCity();
    const r = await runInProcess(['run', file, '--precision', '0.5', '--max-replications', '20', '-q', '--no-charts', '--lang', 'id', '--out', join(folder(), 'precision')]);
    expect(r.code, r.stderr).toBe(0);
    expect(warnings(r.stderr).slice(0, 2)).toEqual(expectedLines(file, 'id'));
  }, 120_000);

  it("compare's own warnings about its arms (a variant file's own seed and count; other months) in Bahasa Indonesia, English without --lang", async () => {
    const dir = join(folder(), 'arms');
    mkdirSync(dir, { recursive: true });
    const pilot = readFileSync(join(FIXTURES, 'pilot.yaml'), 'utf8');
    const base = join(dir, 'base.yaml');
    const variant = join(dir, 'variant.yaml');
    writeFileSync(base, pilot);
    writeFileSync(variant, pilot.replace('name: test-pilot', 'name: longer').replace('months: 60', 'months: 72').replace('seed: 11', 'seed: 99'));
    const args = ['compare', base, variant, '-r', '1', '-q', '--no-charts'];
    const en = await runInProcess([...args, '--out', join(dir, 'en')]);
    expect(en.code, en.stderr).toBe(0);
    expect(warnings(en.stderr)).toEqual([
      `⚠ ${variant} (arm longer): ${WARNINGS.arm_months_differ('2016-01', 72, '2016-01', 60)}`,
      `⚠ ${variant} (arm longer): ${WARNINGS.variant_draws_unused({ seed: 99, replications: 30 }, 11, 1)}`,
    ]);
    expect(warnings(en.stderr)[1]).toBe(`⚠ ${variant} (arm longer): its own seed 99 and replications 30 are not used: every arm runs the base's seed 11 and 1 replication, so that replication r of each arm draws the same random numbers (common random numbers)`);
    const id = await runInProcess([...args, '--lang', 'id', '--out', join(dir, 'id')]);
    expect(id.code, id.stderr).toBe(0);
    expect(warnings(id.stderr).slice(0, 2)).toEqual([
      `⚠ ${variant} (arm longer): ${WARNINGS_ID.arm_months_differ('2016-01', 72, '2016-01', 60)}`,
      `⚠ ${variant} (arm longer): seed 99 dan replications 30 miliknya sendiri tidak dipakai: setiap skenario menjalankan seed 11 dan 1 replikasi milik skenario dasar, sehingga replikasi r setiap skenario memakai bilangan acak yang sama (bilangan acak bersama)`,
    ]);
  }, 120_000);

  it('run, compare and sweep: the base scenario\'s warnings in Bahasa Indonesia', async () => {
    const file = warnedCity();
    const dir = join(file, '..');
    copyFileSync(join(FIXTURES, 'crn.yaml'), join(dir, 'crn.yaml'));
    // The sweep's grid with a bootstrap, which grid does not read: the experiment's own warning.
    writeFileSync(join(dir, 'sweep.yaml'), `${readFileSync(join(FIXTURES, 'sweep.yaml'), 'utf8').replace('  method: grid\n', '  method: grid\n  bootstrap: 50\n')}`);
    const out = join(dir, 'out');
    const ids = expectedLines(file, 'id').map((l) => l.slice(`⚠ ${file}: `.length));
    const run = await runInProcess(['run', file, '-r', '1', '-q', '--no-charts', '--lang', 'id', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(warnings(run.stderr).slice(0, 2)).toEqual(expectedLines(file, 'id'));
    const compare = await runInProcess(['compare', join(dir, 'crn.yaml'), '-r', '1', '-q', '--no-charts', '--lang', 'id', '--out', out]);
    expect(compare.code, compare.stderr).toBe(0);
    expect(warnings(compare.stderr).slice(0, 2)).toEqual(ids.map((w) => `⚠ ${file} (arm base): ${w}`));
    const sweep = await runInProcess(['sweep', join(dir, 'sweep.yaml'), '-r', '1', '-q', '--no-charts', '--lang', 'id', '--out', out]);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(warnings(sweep.stderr).slice(0, 3)).toEqual([
      ...ids.map((w) => `⚠ ${file} (base of ${join(dir, 'sweep.yaml')}): ${w}`),
      `⚠ ${join(dir, 'sweep.yaml')}:9: ${WARNINGS_ID.design_setting_unused('design.bootstrap', 'grid', false, ['morris', 'sobol'], { method: 'grid', resamples: false })}`,
    ]);
    expect(warnings(sweep.stderr)[2]).toContain(': design.bootstrap tidak dipakai oleh metode grid (isian ini untuk morris dan sobol) dan tidak mengubah apa pun: ');
  }, 180_000);

  it('a national file (validate, national --check): the grouped lines in Bahasa Indonesia, naming the governments as pemerintah daerah', async () => {
    const set = ['--set', 'parameters.theta_sd=0'];
    const [validate, check, english] = await Promise.all([
      runInProcess(['validate', NATIONAL, ...set, '--lang', 'id']),
      runInProcess(['national', NATIONAL, '--check', ...set, '--lang', 'id']),
      runInProcess(['validate', NATIONAL, ...set]),
    ]);
    expect(validate.code, validate.stderr).toBe(0);
    const said = warnings(validate.stderr);
    expect(warnings(check.stderr)).toEqual(said);
    // As many lines as in English, in the same order, none of them English.
    expect(said).toHaveLength(warnings(english.stderr).length);
    expect(said).toContain(`⚠ baris perintah --set parameters.theta_sd: ${WARNINGS_ID.in_governments(['a', 'b', 'c', 'd'], 4, WARNINGS_ID.theta_sd_zero(1.5))}`);
    expect(said).toContain(
      `⚠ ${NATIONAL}: ${WARNINGS_ID.in_governments(['prov-a', 'kota-a', 'kab-b'], 99, WARNINGS_ID.vendor_leaves_before_pilot_end('innovations[1] "vendor-app"', 'cloudco', '2018-06', '2020-03'))}`,
    );
    for (const line of said) expect(line).not.toMatch(/\bgovernments?\b|\bagenc(y|ies)\b| is | the /);
  }, 120_000);
});
