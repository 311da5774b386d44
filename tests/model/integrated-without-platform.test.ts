/**
 * A service's `integrated_from` without a `platform` integrates its
 * instances into the city's systems (docs/MODEL.md 7.3; instances.ts
 * integrationOnArrival), so a what-if that removes a service's platform
 * alone keeps its integration (TRIAL29 finding 6). `validate` warns,
 * saying what the field then does; a service with a platform, or with no
 * `integrated_from`, is not warned.
 */
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { adopt } from '../../src/model/instances.js';
import { INTEGRATION } from '../../src/model/world.js';
import { validScenarioWith } from '../scenario/helpers.js';
import { PLAIN, QUIET, at, opd, tick, world } from '../support/world.js';

/** full.yaml's warnings with `overrides` that mention integration (start 2015-01, 60 months; e-office has no platform, command-center is on city-portal). */
function integration(overrides: Record<string, unknown>): string[] {
  return scenarioWarnings(validScenarioWith(overrides)).filter((w) => w.includes('integrated_from'));
}

describe('integrated_from on a service with no platform', () => {
  it('the model integrates it into the city: what the warning says', () => {
    const w = world({
      months: 12,
      opds: { list: [opd('a')] },
      innovations: [{ id: 'own', owner: 'opd', funding: 'apbd', integrated_from: '2020-02', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET },
    });
    tick(w, 2);
    adopt(w, at(w, 'a', 'own'), false);
    expect(w.integrated[at(w, 'a', 'own')]).toBe(INTEGRATION.city);
  });

  it('is warned, naming the service and the month', () => {
    expect(integration({ 'innovations[0].integrated_from': '2016-01' })).toEqual([
      'innovations[0] "e-office" sets integrated_from (2016-01) but names no platform: its instances are integrated into the city\'s systems from 2016-01 on ' +
        '(docs/MODEL.md 7.3: higher usage, a lower hazard, untouched by a ban on standalone apps), through no platform that could shut ' +
        '(drop integrated_from for a standalone service, or name its platform)',
    ]);
    // A platform removed by a what-if, integrated_from kept (the trial's knock-out).
    expect(integration({ 'innovations[2].integrated_from': '2016-01', 'innovations[2].platform': null })).toHaveLength(1);
    // In the horizon's last month too.
    expect(integration({ 'innovations[0].integrated_from': '2019-12' })).toHaveLength(1);
  });

  it('(control) not with a platform, nor without integrated_from', () => {
    expect(integration({ 'innovations[2].integrated_from': '2016-01' })).toEqual([]);
    expect(integration({ 'innovations[0].platform': 'city-portal', 'innovations[0].integrated_from': '2016-01' })).toEqual([]);
    expect(integration({})).toEqual([]);
  });
});
