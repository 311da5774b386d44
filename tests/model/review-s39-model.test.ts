/**
 * A model review of the thirty-ninth session (each case failed before its
 * fix):
 *  - a budget shock's events are named by its window opening or closing,
 *    not by the sign of the change in B (a rise, back-to-back shocks);
 *  - theta_mean outside [0, 1] is refused in one line naming the field;
 *  - a pinned category refused under theta_sd 0 says why without NaN.
 */
import { foundId } from '../../src/messages/issue-text.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../src/model/events.js';
import { validateScenario } from '../../src/scenario/parse.js';
import type { World } from '../../src/model/world.js';
import { PLAIN, QUIET, eventRows, opd, tick, world } from '../support/world.js';
import { assertBuilt, refusedInOneLine, runCli } from '../support/cli.js';

const svc = { id: 'x', owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN };

/** The budget-shock rows of months 1..12 (and B month by month). */
function shockRows(budget_shocks: { from: string; to: string; factor: number }[]): { b: number[]; rows: [number, string, string][] } {
  const w: World = world({ months: 12, opds: { list: [opd('a')] }, budget_shocks, innovations: [svc], parameters: QUIET });
  const b: number[] = [];
  for (let m = 1; m <= 12; m++) {
    tick(w, m);
    events(w);
    b.push(w.budget);
  }
  const rows = eventRows(w)
    .filter((e) => e.kind.startsWith('budget_shock'))
    .map((e): [number, string, string] => [e.month, e.kind, e.cause]);
  return { b, rows };
}

describe('budget shock events are named by the window, not by the sign of the change', () => {
  it('a budget rise (factor 1.3) starts when its window opens and ends after it closes', () => {
    const { b, rows } = shockRows([{ from: '2020-03', to: '2020-05', factor: 1.3 }]);
    expect(b).toEqual([1, 1, 1.3, 1.3, 1.3, 1, 1, 1, 1, 1, 1, 1]);
    expect(rows).toEqual([
      [3, 'budget_shock_start', '1.3'],
      [6, 'budget_shock_end', '1'],
    ]);
  });

  it('back-to-back shocks, the second milder: a start at each opening, one end after the last closes', () => {
    const { b, rows } = shockRows([
      { from: '2020-03', to: '2020-05', factor: 0.5 },
      { from: '2020-06', to: '2020-08', factor: 0.7 },
    ]);
    expect(b).toEqual([1, 1, 0.5, 0.5, 0.5, 0.7, 0.7, 0.7, 1, 1, 1, 1]);
    expect(rows).toEqual([
      [3, 'budget_shock_start', '0.5'],
      [6, 'budget_shock_start', '0.7'],
      [9, 'budget_shock_end', '1'],
    ]);
  });

  it('back-to-back shocks with the same factor: B does not change between them, no row', () => {
    const { rows } = shockRows([
      { from: '2020-03', to: '2020-05', factor: 0.5 },
      { from: '2020-06', to: '2020-08', factor: 0.5 },
    ]);
    expect(rows).toEqual([
      [3, 'budget_shock_start', '0.5'],
      [9, 'budget_shock_end', '1'],
    ]);
  });
});

const base = (parameters: Record<string, unknown>, opds: unknown = { generate: { count: 3 } }) => ({
  name: 'theta',
  start: '2020-01',
  months: 12,
  opds,
  innovations: [svc],
  parameters,
});

describe('theta_mean has the range [0, 1]', () => {
  it.each([-0.5, 1.5, 3])('theta_mean %s is refused at parameters.theta_mean', (v) => {
    const r = validateScenario(base({ theta_mean: v }), 'theta.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.path.join('.'), i.expected])).toEqual([['parameters.theta_mean', 'a number in [0,1]']]);
  });

  it.each([0, 1])('theta_mean %s (an end of the range) is accepted', (v) => {
    expect(validateScenario(base({ theta_mean: v }), 'theta.yaml').ok).toBe(true);
  });

  describe('on the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'difusi-s39-theta-'));
    beforeAll(assertBuilt);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it.each(['-0.5', '1.5'])('difusi validate: theta_mean %s is one line naming the field, exit 2', async (v) => {
      const file = join(dir, `theta${v}.yaml`);
      writeFileSync(
        file,
        'name: theta\nstart: 2020-01\nmonths: 12\nopds:\n  generate: { count: 3 }\ninnovations:\n' +
          '  - { id: x, owner: opd, funding: apbd, launch: 2020-01, relative_advantage: 0.5, compatibility: 0.5, complexity: 0.5, trialability: 0.5, observability: 0.5 }\n' +
          `parameters:\n  theta_mean: ${v}\n`,
      );
      const line = refusedInOneLine(await runCli(['validate', file]));
      expect(line).toBe(`✗ ${file}:9:15 Value out of range → at parameters.theta_mean (expected a number in [0,1], found ${v})`);
    });
  });
});

describe('a pinned category refused under theta_sd 0', () => {
  it('says that every theta is theta_mean (no NaN); with theta_sd > 0 an open end is ∞', () => {
    const list = [
      { id: 'i', category: 'innovator' },
      { id: 'l', category: 'laggard' },
      { id: 'e', category: 'early_majority' },
      { id: 'm', category: 'late_majority' },
    ];
    const r = validateScenario(base({ theta_mean: 0.5, theta_sd: 0 }, { list }), 'band.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = 'theta_sd 0: every theta is theta_mean (0.500), in the late_majority band';
    expect(r.issues.map((i) => [i.code, i.path.join('.'), i.found])).toEqual([
      ['category_band_empty', 'opds.list.0.category', found],
      ['category_band_empty', 'opds.list.1.category', found],
      ['category_band_empty', 'opds.list.2.category', found],
    ]);
    const high = validateScenario(base({ theta_mean: 0.95, theta_sd: 0.1 }, { list: [{ id: 'l', category: 'laggard' }] }), 'band.yaml');
    expect(high.ok).toBe(false);
    if (!high.ok) expect(high.issues.map((i) => i.found)).toEqual(['theta band [1.050, ∞)']);
    // In Bahasa Indonesia (the page and --lang id), with the mean's decimal comma.
    expect(foundId(found)).toBe('theta_sd 0: setiap theta sama dengan theta_mean (0,500), dalam pita late_majority');
    expect(foundId('theta band [1.050, ∞)')).toBe('pita theta [1.050; ∞)');
  });
});
