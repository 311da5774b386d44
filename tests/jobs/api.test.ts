/**
 * The public API (src/index.ts) from source: problems as data, one
 * replication equal to the same replication of an ensemble, and a user error
 * (not a crash) for an unknown outcome.
 */
import { describe, expect, it } from 'vitest';
import { compareScenarios, readScenario, runScenario, simulate, UserError, validateScenario } from '../../src/index.js';
import { fixture } from '../experiment/helpers.js';

describe('public API', () => {
  it('validateScenario returns the problems as data instead of throwing', () => {
    const { input } = readScenario(fixture('pilot.yaml'));
    const bad = validateScenario({ ...(input as object), months: 'five years' }, 'pilot');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => [i.code, i.file, i.path])).toEqual([['wrong_type', 'pilot', ['months']]]);
    expect(validateScenario(input, 'pilot').ok).toBe(true);
  });

  it('simulate(scenario, r) is replication r of runScenario, series and outcomes', async () => {
    const { scenario } = readScenario(fixture('pilot.yaml'));
    const run = await runScenario(scenario, { replications: 4, detail: 4 });
    const third = simulate(scenario, 3);
    expect(Array.from(third.series)).toEqual(Array.from(run.replications[3]!.series));
    expect(third.outcomes).toEqual(run.replications[3]!.outcomes);
    expect(third.events).toEqual(run.replications[3]!.events);
    expect(simulate(scenario, 2).series).not.toEqual(third.series);
  });

  it('an unknown outcome is a UserError listing the choices', async () => {
    const { scenario } = readScenario(fixture('pilot.yaml'));
    const error = await compareScenarios(scenario, [], { replications: 2, outcomes: ['sustained.nothing'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).issues[0]!.code).toBe('unknown_outcome');
  });
});

describe('the national file job from the library', () => {
  it('executeNationalRun writes the folder difusi national writes; writeNationalReport writes the Indonesian report beside the English one', async () => {
    const { executeNationalRun, writeNationalReport } = await import('../../src/index.js');
    const { existsSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir } = await import('../support/cli.js');
    const file = join(import.meta.dirname, '..', 'national', 'fixtures', 'small-national.yaml');
    const r = await executeNationalRun({ file, outRoot: tempDir('difusi-api-national-'), workers: 1, replications: 2, command: 'api test', report: 'en' });
    const summary = readFileSync(join(r.dir, 'group_summary.csv'), 'utf8');
    expect(summary.split('\n')[0]).toMatch(/^group,kind,governments,/);
    const english = readFileSync(join(r.dir, 'report.md'), 'utf8');
    expect(english).toContain('small-national');
    await writeNationalReport(r.dir, 'id');
    expect(existsSync(join(r.dir, 'report.id.md'))).toBe(true);
    expect(readFileSync(join(r.dir, 'report.md'), 'utf8')).toBe(english);
    // The former positional booleans (lock, draw) are refused, not silently read as the defaults.
    await expect(writeNationalReport(r.dir, 'id', false as never)).rejects.toThrow(TypeError);
  });
});
