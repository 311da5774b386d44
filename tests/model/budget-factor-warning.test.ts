/**
 * A budget shock's factor past the budget climate at which every use of B
 * is at its limit (src/model/warnings.ts budgetFactorBeyondEffect): 65
 * typed for 0.65 runs as the limit would, and is warned about, naming the
 * field and what the model does with it. A factor above 1 below the limit
 * (a budget rise) is not. tests/fixtures/scenarios/full.yaml has two shocks
 * (factors 0.7 and 0.5) and the default base_advance 0.08, unfunded_advance
 * 0.2 and champion_advance 2: the slowest stage advance is 0.08 x 0.2 = 0.016
 * a month, at 1 from B = 62.5.
 */
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { compile } from '../../src/model/compile.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { warningTextId } from '../../src/messages/warning-text-id.js';
import { warning } from '../../src/messages/catalog.js';
import { validScenarioWith } from '../scenario/helpers.js';
import { warningIdentity } from '../../src/store/scenario-file.js';

const about = (w: readonly string[]) => w.filter((x) => x.startsWith('budget_shocks['));

describe('a budget shock factor past its effect', () => {
  it('factor 65: one warning naming the field, what runs, and the percentage it may have meant', () => {
    const w = about(scenarioWarnings(validScenarioWith({ 'budget_shocks[1].factor': 65 })));
    expect(w).toEqual([
      'budget_shocks[1] "2019-03..2019-06": factor 65 multiplies the budget climate B by 65, but from B = 62.5 on every probability B multiplies ' +
        "(a line's renewal, a stage's advance: docs/MODEL.md 7.1, 7.4) is already 1 and the cost pressure 0 (7.3), so it runs as 62.5 would: " +
        'a percentage? 0.65 is 65 %',
    ]);
  });

  it('the limit follows the parameters, and above 100 no percentage is suggested', () => {
    // The slowest advance 0.2 x 0.5 = 0.1: at 1 from B = 10.
    const s = validScenarioWith({ 'budget_shocks[0].factor': 12, 'parameters.base_advance': 0.2, 'parameters.unfunded_advance': 0.5 });
    expect(about(scenarioWarnings(s))).toEqual([expect.stringMatching(/^budget_shocks\[0\] "2017-01\.\.2017-12": factor 12 .* so it runs as 10 would: a percentage\? 0\.12 is 12 %$/)]);
    const big = about(scenarioWarnings(validScenarioWith({ 'budget_shocks[0].factor': 250 })));
    expect(big).toHaveLength(1);
    expect(big[0]).toMatch(/so it runs as 62\.5 would$/);
  });

  it('the percentage it may have meant: only for 10 to 100, written as a reader writes it', () => {
    // 80.3 / 100 is 0.8029999999999999 in floating point.
    expect(about(scenarioWarnings(validScenarioWith({ 'budget_shocks[1].factor': 80.3 })))).toEqual([expect.stringMatching(/: a percentage\? 0\.803 is 80\.3 %$/)]);
    // Parameters that bring the limit down near 1 (the slowest advance 0.9, renewal 1 / 0.9): 1.5 is a rise, not "1.5 %".
    const low = { 'parameters.base_advance': 0.9, 'parameters.unfunded_advance': 1, 'parameters.champion_advance': 1, 'parameters.renew_other': 0.9, 'parameters.renew_anchored': 0.9 };
    const w = about(scenarioWarnings(validScenarioWith({ ...low, 'budget_shocks[1].factor': 1.5 })));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/so it runs as 1\.111 would$/);
  });

  it('a --set that removes an earlier shock does not take the file\'s warning for its own: the shock is named by its months too', () => {
    const file = about(scenarioWarnings(validScenarioWith({ 'budget_shocks[1].factor': 65 })));
    const moved = about(scenarioWarnings(validScenarioWith({ 'budget_shocks[1].factor': 65, 'budget_shocks[0]': null })));
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatch(/^budget_shocks\[0\] "2019-03\.\.2019-06": /);
    expect(warningIdentity(moved[0]!)).toBe(warningIdentity(file[0]!));
  });

  it('no warning for a factor up to the limit: a budget rise', () => {
    for (const factor of [0.65, 1, 1.5, 20, 62.5]) {
      expect(about(scenarioWarnings(validScenarioWith({ 'budget_shocks[1].factor': factor })))).toEqual([]);
    }
  });

  it('does what it says: a factor past the limit runs as the limit does', () => {
    // Everything a replication records but the budget climate itself (the series' B column, the shock events' value).
    const run = (factor: number) => {
      const model = compile(validScenarioWith({ 'budget_shocks[0].factor': factor }));
      return [0, 1, 2].map((r) => {
        const res = simulateReplication(model, 11, r, { detail: true });
        return { outcomes: res.outcomes, agents: res.agents, events: res.events!.filter((e) => !e.kind.startsWith('budget_shock')) };
      });
    };
    const atLimit = run(62.5);
    expect(run(65)).toEqual(atLimit);
    expect(run(1000)).toEqual(atLimit);
    // Below the limit the factor still acts.
    expect(run(2)).not.toEqual(atLimit);
  });

  // The limit difusi computes is read, so it takes the Indonesian decimal comma (62,5); the fraction to write in
  // the file keeps its point (0.65); the percentage is closed up as the Indonesian reports write it (65%).
  it('in Bahasa Indonesia, with the same values', () => {
    expect(warningTextId(warning('budget_factor_beyond_effect', 1, '2019-03..2019-06', 65, 62.5))).toBe(
      'budget_shocks[1] "2019-03..2019-06": factor 65 mengalikan iklim anggaran B dengan 65, tetapi mulai B = 62,5 setiap peluang yang dikalikan B ' +
        '(perpanjangan mata anggaran, kemajuan tahap: docs/MODEL.md 7.1, 7.4) sudah bernilai 1 dan tekanan biaya 0 (7.3), sehingga simulasi berjalan seperti dengan 62,5: ' +
        'maksudnya persentase? 0.65 adalah 65%',
    );
    expect(warningTextId(warning('budget_factor_beyond_effect', 0, '2020-04..2020-12', 70.5, 62.5))).toMatch(/maksudnya persentase\? 0\.705 adalah 70,5%$/);
  });
});
