import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { validScenarioWith } from '../scenario/helpers.js';

function warningsWith(overrides: Record<string, unknown>): string[] {
  return scenarioWarnings(validScenarioWith(overrides));
}

describe('scenario warnings', () => {
  it('a costly innovation with no initial adopters cannot start (MODEL.md 7.3): warned, by index and id', () => {
    // full.yaml: smart-city-app (innovations[1]) is costly and nobody adopts it at launch.
    const w = warningsWith({});
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^innovations\[1\] "smart-city-app" is costly but no eligible agency adopts it at launch/);
    expect(w[0]).toContain('complex_k = 2');
  });

  it('seeds that adopt nobody still warn: a type with no agencies, or agencies outside eligible', () => {
    expect(warningsWith({ 'innovations[1].initial_adopters': ['secretariat'] })).toHaveLength(1);
    expect(
      warningsWith({ 'innovations[1].eligible': ['kecamatan'], initial_adopters: [{ innovation: 'smart-city-app', opds: ['kominfo'] }] }).filter((w) => w.includes('is costly')),
    ).toHaveLength(1);
    expect(
      warningsWith({ 'innovations[1].eligible': ['kecamatan'], initial_adopters: [{ innovation: 'smart-city-app', opds: ['kecamatan'] }] }),
    ).toEqual([]);
  });

  it('an initial adopter outside eligible is named: it does not adopt at launch (MODEL.md 5)', () => {
    // Top level and on the innovation alike; one line per innovation, the agencies by id in model order.
    expect(warningsWith({ 'innovations[1].eligible': ['kecamatan'], initial_adopters: [{ innovation: 'smart-city-app', opds: ['kominfo'] }] })).toContain(
      'innovations[1] "smart-city-app": initial adopter "kominfo" is not among its eligible agencies and does not adopt it at launch ' +
        '(only eligible agencies do: add it to eligible, or drop it)',
    );
    const w = warningsWith({ 'innovations[0].eligible': ['kominfo'], 'innovations[0].initial_adopters': ['dinas'] });
    expect(w.filter((x) => x.startsWith('innovations[0] "e-office": '))).toEqual([
      expect.stringMatching(/^innovations\[0\] "e-office": \d+ initial adopters "opd\d+", .* are not among its eligible agencies and do not adopt it at launch/),
    ]);
    // (control) Eligible initial adopters, or none listed: no such warning.
    expect(warningsWith({ 'innovations[0].eligible': ['dinas', 'kominfo'], 'innovations[0].initial_adopters': ['kominfo'] }).filter((x) => x.includes('eligible agencies and'))).toEqual([]);
    expect(warningsWith({}).filter((x) => x.includes('eligible agencies and'))).toEqual([]);
  });

  it('no warning when it is seeded (top level or on the innovation), not costly, complex_k 0, or in Bass mode', () => {
    expect(warningsWith({ initial_adopters: [{ innovation: 'smart-city-app', opds: ['kominfo'] }] })).toEqual([]);
    expect(warningsWith({ initial_adopters: [{ innovation: 'smart-city-app', opd: 'kominfo' }] })).toEqual([]);
    expect(warningsWith({ 'innovations[1].initial_adopters': ['kominfo'] })).toEqual([]);
    expect(warningsWith({ 'innovations[1].costly': false })).toEqual([]);
    expect(warningsWith({ 'parameters.complex_k': 0 })).toEqual([]);
    expect(warningsWith({ decision: 'bass' })).toEqual([]);
  });
});

describe('warnings for events that cannot take effect (issue 12)', () => {
  // full.yaml: smart-city-app is a vendor (acme) pilot launched 2015-06 for 12 months (ends 2016-06);
  // acme's contract ends 2017-06; its platform acme-cloud is in acme's custody; e-office launches 2015-01.
  const extra = (overrides: Record<string, unknown>) => warningsWith(overrides).slice(1); // [0] is the costly warning

  it("a vendor contract that ends before its pilot does: warned with both months", () => {
    const w = extra({ 'vendors[0].contract_end': '2016-03' });
    expect(w.some((x) => /^innovations\[1\] "smart-city-app": its vendor "acme" leaves in 2016-03 \(contract_end\), before its pilot ends in 2016-06/.test(x))).toBe(true);
  });

  it('no warning when the contract ends in the pilot\'s last month or later', () => {
    expect(extra({ 'vendors[0].contract_end': '2016-06' })).toEqual([]);
    expect(extra({})).toEqual([]);
  });

  it('a vendor that leaves while a pilot running past the horizon is still on: warned too', () => {
    const w = extra({ 'innovations[1].pilot_months': 120 });
    expect(w.filter((x) => x.startsWith('innovations[1] "smart-city-app": its vendor "acme" leaves in 2017-06 (contract_end), while its pilot runs (it would end in 2025-06, after the horizon)'))).toHaveLength(1);
    // a contract that outlives the horizon never strikes: no warning
    expect(extra({ 'innovations[1].pilot_months': 120, 'vendors[0].contract_end': '2021-01' })).toEqual([]);
  });

  it('a vendor that left before the launch', () => {
    const w = extra({ 'vendors[0].contract_end': '2015-03' });
    expect(w.filter((x) => x.includes('after its vendor "acme" has left (contract_end 2015-03)'))).toHaveLength(1);
  });

  it('takeover on a service that is not a pilot, or a pilot that ends after the horizon', () => {
    expect(extra({ 'innovations[0].takeover': 1 })).toEqual([
      'innovations[0] "e-office" sets takeover but is not pilot-funded (funding: apbd): there is no pilot end to take over',
    ]);
    expect(extra({ 'innovations[1].takeover': 1 })).toEqual([]);
    const late = extra({ 'innovations[1].takeover': 1, 'innovations[1].pilot_months': 120 });
    expect(late.some((x) => x.includes('its pilot ends in 2025-06, after the horizon (2019-12)'))).toBe(true);
  });

  it('a regulation anchoring a service launched after it lapsed', () => {
    const w = extra({ 'regulations[0].to': '2016-06', 'regulations[0].anchors': ['command-center'], 'regulations[0].from': '2015-01' });
    expect(w).toEqual([]); // in force at the launch
    const lapsed = extra({ 'regulations[0].to': '2015-10', 'regulations[0].anchors': ['command-center'], 'regulations[0].from': '2015-01' });
    expect(lapsed).toEqual([
      'regulations[0] "perwal-01" anchors "command-center", which launches in 2016-01, after the regulation lapsed (to 2015-10): the anchor never acts',
    ]);
  });

  it('a regulation anchoring a service in none of the agencies eligible for it: the anchor acts only where it binds', () => {
    // perwal-01 binds dinas agencies and kominfo; e-office is eligible to dinas, badan and kominfo.
    const onlyKecamatan = extra({ 'regulations[0].applies_to': ['kecamatan'] });
    expect(onlyKecamatan).toEqual([
      'regulations[0] "perwal-01" anchors "e-office", but its applies_to binds none of the agencies eligible for it: ' +
        'the anchor never acts (no pull, no protected budget line, no lower hazard; docs/MODEL.md 7.1)',
    ]);
    // One bound agency that is eligible is enough (opd3, the one badan), and by default a regulation binds every agency.
    expect(extra({ 'regulations[0].applies_to': ['kecamatan', 'opd3'] })).toEqual([]);
    expect(extra({ 'regulations[0].applies_to': undefined })).toEqual([]);
    // Binding only agencies that are not eligible: the service's eligible list moved away from the bound ones.
    expect(extra({ 'innovations[0].eligible': ['badan'] }).filter((x) => x.includes('binds none of the agencies eligible'))).toEqual([
      expect.stringMatching(/^regulations\[0\] "perwal-01" anchors "e-office", but its applies_to binds none/),
    ]);
  });

  it('a leader sponsoring a service that launches after the leader left office', () => {
    // mayor-1 is in office until acting-mayor arrives in 2018-03.
    const w = extra({ 'innovations[1].launch': '2018-05', 'innovations[1].integrated_from': '2018-05' });
    expect(w.filter((x) => x.startsWith('leaders[0] "mayor-1" sponsors "smart-city-app" but leaves office (2018-02) before it launches (2018-05)'))).toHaveLength(1);
  });

  it('integration through a platform that has shut (by active_until or with its custodian vendor)', () => {
    const w = extra({ 'innovations[1].integrated_from': '2017-06' });
    expect(w).toEqual([
      'innovations[1] "smart-city-app" is integrated from 2017-06, but its platform "acme-cloud" shuts in 2017-06 (with its custodian "acme"): integration through it never happens',
    ]);
    expect(extra({ 'innovations[1].integrated_from': '2017-05' })).toEqual([]);
    const byDate = extra({ 'vendors[0].contract_end': null, 'platforms[1].active_until': '2016-12', 'innovations[1].integrated_from': '2017-01' });
    expect(byDate.filter((x) => x.includes('shuts in 2017-01: integration'))).toHaveLength(1);
  });
});
