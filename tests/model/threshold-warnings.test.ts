/**
 * Warnings where a Rogers category comes out otherwise than the file seems
 * to say (docs/MODEL.md 2.3; src/model/warnings.ts thresholdWarnings):
 * theta_sd 0 makes every agency late majority (z = 0 starts that band),
 * and an agency given both theta and category runs with its theta's
 * category. tests/fixtures/scenarios/full.yaml: opds.list[1] is opd3,
 * category early_adopter; theta_mean 0.5 and theta_sd 0.15 by default.
 */
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { compile } from '../../src/model/compile.js';
import { initWorld } from '../../src/model/init.js';
import { Streams } from '../../src/engine/random.js';
import { validScenarioWith } from '../scenario/helpers.js';
import { CATEGORIES } from '../../src/scenario/vocabulary.js';

const about = (w: readonly string[], text: string) => w.filter((x) => x.includes(text));

describe('threshold warnings', () => {
  it('theta_sd 0: every agency classed late majority, and m_late named while it is not 1', () => {
    // opd3's pinned early_adopter band is empty at sd 0 (refused), so it is unpinned here.
    const s = validScenarioWith({ 'parameters.theta_sd': 0, 'opds.list[id=opd3].category': null });
    const w = about(scenarioWarnings(s), 'theta_sd is 0');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/every agency is classed late majority and its discontinuance hazard multiplied by m_late \(1\.5\)/);
    const ones = about(scenarioWarnings(validScenarioWith({ 'parameters.theta_sd': 0, 'parameters.m_late': 1, 'opds.list[id=opd3].category': null })), 'theta_sd is 0');
    expect(ones).toHaveLength(1);
    expect(ones[0]).not.toMatch(/m_late/);
  });

  it('theta_sd 0 does what the warning says: every agency is late majority', () => {
    const s = validScenarioWith({ 'parameters.theta_sd': 0, 'opds.list[id=opd3].category': null });
    const model = compile(s);
    const w = initWorld(model, new Streams([1, 2]), false);
    const late = CATEGORIES.indexOf('late_majority');
    expect(Array.from(w.category.slice(0, model.opds.length)).every((c) => c === late)).toBe(true);
  });

  it('no warning at a small theta_sd', () => {
    expect(about(scenarioWarnings(validScenarioWith({ 'parameters.theta_sd': 1e-9 })), 'theta')).toEqual([]);
  });

  it('theta and a category outside its band: the category is ignored, and the one that applies is named', () => {
    // theta 0.9 is z = (0.9 - 0.5) / 0.15 = 2.67: laggard.
    const w = about(scenarioWarnings(validScenarioWith({ 'opds.list[id=opd3].theta': 0.9 })), 'gives theta');
    expect(w).toEqual([
      'opds.list[1] "opd3" gives theta 0.9 and category early_adopter: the agency runs with its theta, whose category is laggard, so the category given is ignored (drop one of the two)',
    ]);
  });

  it('theta inside the pinned category\'s band: no warning', () => {
    // theta 0.3 is z = -1.33: early adopter.
    expect(about(scenarioWarnings(validScenarioWith({ 'opds.list[id=opd3].theta': 0.3 })), 'gives theta')).toEqual([]);
  });
});
