/**
 * The cuts that define the outcomes (docs/MODEL.md sections 8 and 11) are
 * model parameters a scenario or `--set` moves: `sustain_fraction` (the
 * share of its peak a `sustained` service keeps, half by default),
 * `heeks_failure_months` (a service that ran this long before it ended is
 * a partial, not a total, Heeks failure; 12 by default) and
 * `heeks_success_share` (the share of a sustained service's live instances
 * that must be successes; half by default).
 *
 * They only read the run: the same seed draws the same replications, so
 * every column but the outcome (or the Heeks classes) stays as it was.
 * That the defaults reproduce the shipped bytes is held by tests/golden
 * (every shipped scenario) and by the national run's CSVs
 * (tests/national); the scenario hashes do not change, because a
 * parameter left out of a file is not filled into its validated scenario.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Ensemble } from '../../src/experiment/ensemble.js';
import type { OutcomeRow } from '../../src/model/observation.js';
import { portfolioCounts } from '../../src/validation/p04-attrition.js';
import { ROOT, assertBuilt, refusedInOneLine, resultFolder, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

// The command lines run in the test's process (runInProcess): their folders and refusals are checked, nothing
// only a process has.
beforeAll(() => assertBuilt());

type Row = Record<string, string>;
const csv = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];

const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');
const SMALL_NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

async function cityOutcomes(set: readonly string[]): Promise<{ dir: string; rows: Row[] }> {
  const out = tempDir('difusi-cuts-');
  const r = await runInProcess(['run', BEKASI, '-r', '10', '--workers', '1', '--no-charts', '--quiet', '--out', out, ...set.flatMap((s) => ['--set', s])]);
  expect(r.code, r.stderr).toBe(0);
  const dir = resultFolder(out, 'bekasi-2015-2025');
  return { dir, rows: csv(join(dir, 'outcomes.csv')) };
}

async function nationalOutcomes(set: readonly string[]): Promise<{ rows: Row[]; p14: string }> {
  const out = tempDir('difusi-cuts-national-');
  const r = await runInProcess(['national', SMALL_NATIONAL, '--workers', '1', '--no-charts', '--quiet', '--out', out, ...set.flatMap((s) => ['--set', s])]);
  expect(r.code, r.stderr).toBe(0);
  const dir = resultFolder(out, 'small-national');
  return { rows: csv(join(dir, 'government_outcomes.csv')), p14: readFileSync(join(dir, 'p14.txt'), 'utf8') };
}

describe('sustain_fraction: the share of its peak a sustained service keeps', () => {
  it("at 0.25 POT reporting is sustained in some of Bekasi's replications, at the default half in none; nothing else moves", async () => {
    const base = await cityOutcomes([]);
    const quarter = await cityOutcomes(['parameters.sustain_fraction=0.25']);
    const pot = (rows: Row[]) => rows.filter((r) => r['innovation'] === 'pot-reporting' && r['outcome'] === 'sustained').length;
    expect(pot(base.rows)).toBe(0);
    expect(pot(quarter.rows)).toBeGreaterThan(0);
    // Same draws: every column but the outcome is the same, and an outcome moves only from declining to sustained.
    expect(quarter.rows.length).toBe(base.rows.length);
    base.rows.forEach((b, i) => {
      const q = quarter.rows[i]!;
      expect({ ...q, outcome: '' }).toEqual({ ...b, outcome: '' });
      if (q['outcome'] !== b['outcome']) expect([b['outcome'], q['outcome']]).toEqual(['declining', 'sustained']);
    });
    for (const file of ['summary.csv', 'agents.csv']) expect(readFileSync(join(quarter.dir, file), 'utf8')).toBe(readFileSync(join(base.dir, file), 'utf8'));
  }, 60_000);

  it('is refused outside (0, 1] in one line naming the field', async () => {
    for (const value of ['0', '1.5']) {
      const r = await runInProcess(['validate', BEKASI, '--set', `parameters.sustain_fraction=${value}`]);
      expect(r.code).toBe(2);
      expect(refusedInOneLine(r)).toMatch(/parameters\.sustain_fraction.*expected a number in \(0,1\]/);
    }
    const months = await runInProcess(['validate', BEKASI, '--set', 'parameters.heeks_failure_months=0']);
    expect(months.code).toBe(2);
    expect(refusedInOneLine(months)).toMatch(/parameters\.heeks_failure_months.*expected an integer >= 1/);
    const share = await runInProcess(['validate', BEKASI, '--set', 'parameters.heeks_success_share=0']);
    expect(share.code).toBe(2);
    expect(refusedInOneLine(share)).toMatch(/parameters\.heeks_success_share.*expected a number in \(0,1\]/);
  });
});

describe('heeks_failure_months: the cut between partial and total failure', () => {
  it('at 24 months some (government, service) pairs move from partial to total failure, and nothing else moves', async () => {
    const base = await nationalOutcomes([]);
    const year2 = await nationalOutcomes(['parameters.heeks_failure_months=24']);
    expect(year2.rows.length).toBe(base.rows.length);
    let moved = 0;
    base.rows.forEach((b, i) => {
      const y = year2.rows[i]!;
      const keep = (r: Row) => ({ ...r, heeks_partial: '', heeks_total_failure: '' });
      expect(keep(y)).toEqual(keep(b));
      const partial = Number(y['heeks_partial']) - Number(b['heeks_partial']);
      const total = Number(y['heeks_total_failure']) - Number(b['heeks_total_failure']);
      expect(partial).toBeLessThanOrEqual(0);
      expect(partial + total).toBeCloseTo(0, 9);
      if (partial < 0) moved++;
    });
    expect(moved).toBeGreaterThan(0);
    const totalFailure = (p14: string) => Number(/total failure ([\d.]+) %/.exec(p14)![1]);
    expect(totalFailure(year2.p14)).toBeGreaterThan(totalFailure(base.p14));
  }, 60_000);
});

describe("the Bekasi validation's Heeks classes read the run's parameters", () => {
  it('portfolioCounts (P4b, P5b) classes with the ensemble\'s heeks_failure_months and heeks_success_share', () => {
    const row = (o: Partial<OutcomeRow>): OutcomeRow => ({
      innovation: 'x',
      outcome: 'discontinued',
      peak_live: 4,
      live_end: 0,
      first_adoption_month: 10,
      last_discontinuation_month: 28, // ran 18 months
      main_cause: 'defunded',
      heeks_success: 0,
      heeks_partial: 0,
      heeks_failure: 4,
      heeks_replaced: 0,
      ...o,
    });
    const outcomes = [
      row({}),
      row({ innovation: 'y', outcome: 'sustained', live_end: 4, heeks_success: 1, heeks_partial: 3, heeks_failure: 0, last_discontinuation_month: null }),
    ];
    const ensemble = (params: Record<string, number>) =>
      ({ model: { params: { heeks_failure_months: 12, heeks_success_share: 0.5, ...params } }, results: [{ outcomes }] }) as unknown as Ensemble;
    const ids = new Set(['x', 'y']);
    expect(portfolioCounts(ensemble({}), ids)).toEqual([{ success: 0, partial: 2, total_failure: 0, replaced: 0 }]);
    expect(portfolioCounts(ensemble({ heeks_failure_months: 24 }), ids)).toEqual([{ success: 0, partial: 1, total_failure: 1, replaced: 0 }]);
    expect(portfolioCounts(ensemble({ heeks_success_share: 0.25 }), ids)).toEqual([{ success: 1, partial: 1, total_failure: 0, replaced: 0 }]);
  });
});
