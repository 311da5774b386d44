/**
 * Scenario warnings at the edges of their month comparisons, and their whole
 * texts (src/model/warnings.ts; docs/MODEL.md 7.1 orders a month's events:
 * the pilot end comes before the vendor's exit). Each case below is worked
 * out from tests/fixtures/scenarios/full.yaml: start 2015-01 (month 1),
 * 60 months (the horizon is month 60, 2019-12); smart-city-app
 * (innovations[1]) is a vendor pilot of acme launched 2015-06 (month 6) for
 * 12 months, so its pilot ends in month 18 (2016-06); acme's contract ends
 * 2017-06 (month 30); e-office launches 2015-01, command-center 2016-01 on
 * city-portal (platforms[0], the coordinator's); mayor-1 is in office until
 * acting-mayor arrives in 2018-03, so its last month is 2018-02.
 * A warning is given for a month comparison that is one month off, so each
 * boundary is tested on both sides.
 */
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { validScenarioWith } from '../scenario/helpers.js';

function warningsWith(overrides: Record<string, unknown>): string[] {
  return scenarioWarnings(validScenarioWith(overrides));
}

/** The warnings after full.yaml's own costly-without-seed warning (its [0]). */
function extra(overrides: Record<string, unknown>): string[] {
  const w = warningsWith(overrides);
  expect(w[0]).toMatch(/^innovations\[1\] "smart-city-app" is costly/);
  return w.slice(1);
}

const VENDOR_EXIT_EFFECT =
  "the vendor's exit (pilot lines lost by betrayal; vendor-owned services not owned by their agency ended with vendor_exit_discontinue)";
/** The pilot runs, and pays, to its own end after its vendor has left (docs/MODEL.md 7.1). */
const PILOT_PAYS_ON = 'agencies adopting after the exit still get a pilot line, and funding for the service counts as open';

describe('the whole text of each warning', () => {
  it('costly without a seed names the innovation, complex_k and the two ways out', () => {
    expect(warningsWith({})).toEqual([
      'innovations[1] "smart-city-app" is costly but no eligible agency adopts it at launch: an agency adopts it only when ' +
        'min(complex_k = 2, its eligible peers) peers are live, so nobody can go first ' +
        'unless an eligible agency has no eligible peer (add initial_adopters among its eligible agencies, or costly: false)',
    ]);
  });

  it('a vendor gone before the launch', () => {
    // (without integrated_from: acme-cloud shuts with acme, which would warn too)
    expect(extra({ 'vendors[0].contract_end': '2015-03', 'innovations[1].integrated_from': null })).toEqual([
      'innovations[1] "smart-city-app" launches in 2015-06, after its vendor "acme" has left (contract_end 2015-03): ' +
        "the vendor's exit happened before the service existed and does not act on it",
    ]);
  });

  it('a vendor leaving before the pilot ends', () => {
    expect(extra({ 'vendors[0].contract_end': '2016-03' })).toEqual([
      'innovations[1] "smart-city-app": its vendor "acme" leaves in 2016-03 (contract_end), before its pilot ends in 2016-06: ' +
        `${VENDOR_EXIT_EFFECT} acts before the pilot's take-over decision, and the pilot keeps paying until it ends (${PILOT_PAYS_ON})`,
    ]);
  });

  it('a vendor leaving while a pilot past the horizon runs', () => {
    // 6 + 120 = month 126, 2025-06.
    expect(extra({ 'innovations[1].pilot_months': 120 })).toEqual([
      'innovations[1] "smart-city-app": its vendor "acme" leaves in 2017-06 (contract_end), while its pilot runs (it would end in 2025-06, after the horizon): ' +
        `${VENDOR_EXIT_EFFECT} acts mid-pilot, and no take-over is ever decided; the pilot keeps paying to the horizon (${PILOT_PAYS_ON})`,
    ]);
  });

  it('a leader gone before the launch', () => {
    // (acme's contract open-ended, so that the vendor and platform warnings stay out)
    expect(extra({ 'innovations[1].launch': '2018-05', 'innovations[1].integrated_from': '2018-05', 'vendors[0].contract_end': null })).toEqual([
      'leaders[0] "mayor-1" sponsors "smart-city-app" but leaves office (2018-02) before it launches (2018-05): ' +
        'the leader never pulls its adoption; the sponsorship passes on only through a carry-over (sponsor_continuity)',
    ]);
  });
});

describe('month boundaries, both sides', () => {
  it('a contract ending in the launch month is not "gone before the launch": it ends before the pilot does', () => {
    const w = extra({ 'vendors[0].contract_end': '2015-06', 'innovations[1].integrated_from': null });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^innovations\[1\] "smart-city-app": its vendor "acme" leaves in 2015-06 \(contract_end\), before its pilot ends in 2016-06/);
    // one month earlier it is
    expect(extra({ 'vendors[0].contract_end': '2015-05', 'innovations[1].integrated_from': null })[0]).toMatch(/after its vendor "acme" has left \(contract_end 2015-05\)/);
  });

  it('a pilot ending in the horizon month still reaches its take-over decision', () => {
    // pilot_months 54: 6 + 54 = month 60, the horizon (2019-12); acme leaves in month 30, inside it.
    const w = extra({ 'innovations[1].pilot_months': 54 });
    expect(w).toEqual([
      'innovations[1] "smart-city-app": its vendor "acme" leaves in 2017-06 (contract_end), before its pilot ends in 2019-12: ' +
        `${VENDOR_EXIT_EFFECT} acts before the pilot's take-over decision, and the pilot keeps paying until it ends (${PILOT_PAYS_ON})`,
    ]);
    // so a takeover set on it is decided: no takeover warning (the vendor one stays)
    expect(extra({ 'innovations[1].pilot_months': 54, 'innovations[1].takeover': 1 })).toEqual(w);
    // one month longer and the pilot ends after the horizon: both warnings
    const longer = extra({ 'innovations[1].pilot_months': 55, 'innovations[1].takeover': 1 });
    expect(longer).toHaveLength(2);
    expect(longer[0]).toContain('while its pilot runs (it would end in 2020-01, after the horizon)');
    expect(longer[1]).toBe(
      'innovations[1] "smart-city-app" sets takeover, but its pilot ends in 2020-01, after the horizon (2019-12): the take-over is never decided',
    );
  });

  it('a contract ending in the horizon month strikes a pilot that runs past it; one a month later does not', () => {
    const atHorizon = extra({ 'innovations[1].pilot_months': 120, 'vendors[0].contract_end': '2019-12' });
    expect(atHorizon).toHaveLength(1);
    expect(atHorizon[0]).toContain('its vendor "acme" leaves in 2019-12 (contract_end), while its pilot runs');
    expect(extra({ 'innovations[1].pilot_months': 120, 'vendors[0].contract_end': '2020-01' })).toEqual([]);
  });

  it('a regulation in force in the launch month acts: only one lapsed the month before is warned', () => {
    const base = { 'regulations[0].from': '2015-01', 'regulations[0].anchors': ['command-center'] };
    expect(extra({ ...base, 'regulations[0].to': '2016-01' })).toEqual([]);
    expect(extra({ ...base, 'regulations[0].to': '2015-12' })).toEqual([
      'regulations[0] "perwal-01" anchors "command-center", which launches in 2016-01, after the regulation lapsed (to 2015-12): the anchor never acts',
    ]);
  });

  it('a lapsed regulation warns only about the services it anchors', () => {
    // perwal-01 anchors e-office only and lapses in 2015-10: e-office (2015-01) and
    // smart-city-app (2015-06) launch while it is in force; command-center (2016-01) is not anchored.
    expect(extra({ 'regulations[0].from': '2015-01', 'regulations[0].to': '2015-10' })).toEqual([]);
  });

  it("a service launching in the leader's last month in office is pulled; one a month later is not", () => {
    const open = { 'vendors[0].contract_end': null };
    expect(extra({ ...open, 'innovations[1].launch': '2018-02', 'innovations[1].integrated_from': '2018-02' })).toEqual([]);
    expect(extra({ ...open, 'innovations[1].launch': '2018-03', 'innovations[1].integrated_from': '2018-03' })).toEqual([
      'leaders[0] "mayor-1" sponsors "smart-city-app" but leaves office (2018-02) before it launches (2018-03): ' +
        'the leader never pulls its adoption; the sponsorship passes on only through a carry-over (sponsor_continuity)',
    ]);
  });
});

describe('which services the vendor and platform warnings look at', () => {
  it('a pilot without a vendor has no vendor to leave: no warning', () => {
    expect(extra({ 'innovations[0].funding': 'pilot', 'innovations[0].pilot_months': 12 })).toEqual([]);
    // and with a pilot past the horizon
    expect(extra({ 'innovations[0].funding': 'pilot', 'innovations[0].pilot_months': 120 })).toEqual([]);
  });

  it('a vendor service that is not a pilot has no pilot for the exit to interrupt: no warning', () => {
    expect(extra({ 'innovations[1].funding': 'apbd', 'innovations[1].pilot_months': null })).toEqual([]);
  });

  it('the first platform (city-portal, custodian the coordinator, no vendor) is checked too', () => {
    // city-portal active until 2016-12 shuts in 2017-01 (the month after active_until).
    expect(extra({ 'platforms[0].active_until': '2016-12', 'innovations[2].integrated_from': '2017-01' })).toEqual([
      'innovations[2] "command-center" is integrated from 2017-01, but its platform "city-portal" shuts in 2017-01: integration through it never happens',
    ]);
    expect(extra({ 'platforms[0].active_until': '2016-12', 'innovations[2].integrated_from': '2016-12' })).toEqual([]);
  });

  it('a service without a platform integrated from some month has no platform to shut: not that warning, but the one that it integrates into the city\'s', () => {
    // e-office has no platform: it integrates into the city's (tests/model/integrated-without-platform.test.ts).
    expect(extra({ 'innovations[0].integrated_from': '2016-01' })).toEqual([
      'innovations[0] "e-office" sets integrated_from (2016-01) but names no platform: its instances are integrated into the city\'s systems from 2016-01 on ' +
        '(docs/MODEL.md 7.3: higher usage, a lower hazard, untouched by a ban on standalone apps), through no platform that could shut ' +
        '(drop integrated_from for a standalone service, or name its platform)',
    ]);
  });

  it('a platform service that is never integrated is not warned when its platform shuts', () => {
    // smart-city-app without integrated_from; acme-cloud shuts with acme in 2017-06.
    expect(extra({ 'innovations[1].integrated_from': null })).toEqual([]);
  });

  it('a platform shut by active_until before its custodian leaves does not name the custodian', () => {
    // acme-cloud active until 2016-12 shuts in 2017-01; acme leaves 2017-06.
    expect(extra({ 'platforms[1].active_until': '2016-12', 'innovations[1].integrated_from': '2017-01' })).toEqual([
      'innovations[1] "smart-city-app" is integrated from 2017-01, but its platform "acme-cloud" shuts in 2017-01: integration through it never happens',
    ]);
  });
});
