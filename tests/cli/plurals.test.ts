/**
 * One replication is "1 replication", in the terminal and in the reports'
 * sentences (English; Indonesian nouns take no plural).
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs): the tests
 * check only what it prints, its exit code and what it writes, and starting
 * a process for each cost most of their time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { nationalEn } from '../../src/report/i18n/national-en.js';
import { ROOT, SMALL_CITY, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-cli-plurals-');

describe('counts of one', () => {
  it('run and compare with -r 1 say "1 replication" and "1 paired replication"', async () => {
    const run = await runInProcess(['run', SMALL_CITY, '-r', '1', '-q', '--no-charts', '--out', join(tmp(), 'run')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^small-city: 1 replication, seed \d+\n/);
    const experiment = join(ROOT, 'tests', 'experiment', 'fixtures', 'crn.yaml');
    const compare = await runInProcess(['compare', experiment, '-r', '1', '-w', '1', '-q', '--no-charts', '--outcomes', 'live_share', '--out', join(tmp(), 'compare')]);
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout).toContain('test-crn: 1 replication per arm,');
    expect(compare.stdout).toContain('unchanged vs base (1 paired replication)');
    expect(`${run.stdout}${compare.stdout}`).not.toMatch(/\b1 (paired )?replications\b/);
  });

  it('the reports\' sentences', () => {
    expect(en.sumCompareIntro(1, 1)).toContain('over 1 paired replication (');
    expect(en.sumCompareIntro(1, 2)).toContain('over 2 paired replications (');
    expect(nationalEn.sumRun('3', 'x', '9', 1)).toContain('simulated once (1 replication).');
    expect(nationalEn.sumRun('3', 'x', '9', 4)).toContain('simulated 4 times (replications).');
  });

  /** small-national cut to one month and one service (its other dates lie past a one-month horizon). */
  const oneMonthNational = [
    join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'),
    '--set', 'months=1',
    '--set', 'innovations=[{id: e-office, owner: opd, funding: apbd, launch: 2016-01, relative_advantage: 0.7, compatibility: 0.7, complexity: 0.3, trialability: 0.6, observability: 0.6}]',
    '--set', 'vendors=[]',
    '--set', 'programmes=[]',
    '--set', 'government_network={same_province: true}',
  ];

  it('a one-month scenario is "1 month" in validate, national --check and compare\'s warning (it was "1 months")', async () => {
    const rogers = join(ROOT, 'scenarios', 'validation', 'rogers-categories.yaml');
    const experiment = join(tmp(), 'one-month.yaml');
    writeFileSync(experiment, `name: one-month\nbase: ${rogers}\nvariants: [{ name: longer, set: { months: 2 } }]\n`);
    const [city, national, check, compare] = await Promise.all([
      runInProcess(['validate', rogers]),
      runInProcess(['validate', ...oneMonthNational]),
      runInProcess(['national', ...oneMonthNational, '--check']),
      runInProcess(['compare', experiment, '-r', '1', '-w', '1', '-q', '--no-charts', '--outcomes', 'live_share', '--out', join(tmp(), 'one-month')]),
    ]);
    for (const r of [city, national, check, compare]) expect(r.code, r.stderr).toBe(0);
    expect(city.stdout).toContain(', 1 innovation, 1 month from 2020-01, 1 replication,');
    expect(national.stdout).toContain(', 1 national innovation, 1 month from 2016-01,');
    expect(check.stdout).toContain(', 1 national service, 1 month\n');
    expect(compare.stderr).toContain('the base 2020-01 and 1 month:');
    expect(`${city.stdout}${national.stdout}${check.stdout}${compare.stderr}`).not.toMatch(/\b1 (months|national innovations|national services)\b/);
  }, 60_000);
});
