/**
 * One replication is "1 replication", in the terminal and in the reports'
 * sentences (English; Indonesian nouns take no plural).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { nationalEn } from '../../src/report/i18n/national-en.js';
import { ROOT, SMALL_CITY, runCli, cliTestFolder } from '../support/cli.js';

const tmp = cliTestFolder('difusi-cli-plurals-');

describe('counts of one', () => {
  it('run and compare with -r 1 say "1 replication" and "1 paired replication"', async () => {
    const run = await runCli(['run', SMALL_CITY, '-r', '1', '-q', '--no-charts', '--out', join(tmp(), 'run')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^small-city: 1 replication, seed \d+\n/);
    const experiment = join(ROOT, 'tests', 'experiment', 'fixtures', 'crn.yaml');
    const compare = await runCli(['compare', experiment, '-r', '1', '-w', '1', '-q', '--no-charts', '--outcomes', 'live_share', '--out', join(tmp(), 'compare')]);
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
});
