import { describe, expect, it } from 'vitest';
import { generatedOpdIds, opdIds, resolveParameters, suggestOpdOrType } from '../../src/scenario/crossref.js';
import { suggestReference } from '../../src/scenario/suggest.js';
import { MESSAGES } from '../../src/messages/catalog.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { PARAMETER_DEFAULTS, PARAMETER_SPECS } from '../../src/scenario/parameters.js';
import { brief, fixtureText, issuesWith } from './helpers.js';

/** The issues of full.yaml under overrides, reduced for comparison. */
const check = (overrides: Record<string, unknown>) => issuesWith(overrides).map(brief);

const FIVE_VALUES = { relative_advantage: 0.5, compatibility: 0.5, complexity: 0.5, trialability: 0.5, observability: 0.5 };

describe('crossref: ids', () => {
  it('accepts the full example', () => {
    expect(check({})).toEqual([]);
  });

  it('numbers generated agencies <prefix>1..<prefix>N; explicit entries override them', () => {
    const parsed = parseScenarioText(fixtureText('full.yaml'), 'full.yaml');
    if (!parsed.ok) throw new Error('invalid');
    expect(generatedOpdIds(parsed.scenario)).toEqual(['opd1', 'opd2', 'opd3', 'opd4', 'opd5', 'opd6']);
    expect(opdIds(parsed.scenario)).toEqual(['opd1', 'opd2', 'opd3', 'opd4', 'opd5', 'opd6', 'kominfo']);
    expect(generatedOpdIds({ opds: { generate: { count: 2, id_prefix: 'dinas-' } } })).toEqual(['dinas-1', 'dinas-2']);
    expect(generatedOpdIds({ opds: {} })).toEqual([]);
  });

  it('rejects duplicate ids in each list', () => {
    const dup = (list: string, id: string) => ({
      code: 'duplicate_id',
      path: [list, 1, 'id'],
      message: MESSAGES.duplicate_id(
        { 'opds.list': 'OPD', innovations: 'innovation', vendors: 'vendor', platforms: 'platform', leaders: 'leader', regulations: 'regulation' }[list] ?? '',
        id,
      ),
      expected: 'an id not used before (already used at index 0)',
      found: JSON.stringify(id),
    });
    expect(check({ 'opds.list[1].id': 'kominfo' })).toEqual([{ ...dup('opds.list', 'kominfo'), path: ['opds', 'list', 1, 'id'] }]);
    expect(check({ 'innovations[1].id': 'e-office', 'leaders[0].sponsors': [] })).toEqual([dup('innovations', 'e-office')]);
    expect(check({ 'platforms[1].id': 'city-portal', 'innovations[1].platform': 'city-portal' })).toEqual([
      dup('platforms', 'city-portal'),
    ]);
    expect(check({ 'leaders[1].id': 'mayor-1' })).toEqual([dup('leaders', 'mayor-1')]);
    expect(check({ 'regulations[1].id': 'perwal-01' })).toEqual([dup('regulations', 'perwal-01')]);
    expect(check({ vendors: [{ id: 'acme' }, { id: 'acme' }] })).toEqual([dup('vendors', 'acme')]);
  });

  it('rejects an OPD id that is also an OPD type', () => {
    expect(check({ 'opds.list[1].id': 'dinas' })).toEqual([
      {
        code: 'opd_id_is_type',
        path: ['opds', 'list', 1, 'id'],
        message: MESSAGES.opd_id_is_type('dinas'),
        expected: 'an id other than dinas, badan, kecamatan, secretariat, other',
        found: '"dinas"',
      },
    ]);
  });

  it('needs at least one agency, and a type mix with weight', () => {
    expect(check({ 'opds.generate.count': 0, 'opds.list': [], coordinator: null }).map((i) => i.code)).toContain('no_opds');
    expect(check({ 'opds.generate.types': { dinas: 0 } })).toEqual([
      {
        code: 'type_mix_empty',
        path: ['opds', 'generate', 'types'],
        message: MESSAGES.type_mix_empty(),
        expected: 'at least one weight > 0',
        found: '{"dinas":0}',
      },
    ]);
  });
});

describe('crossref: references', () => {
  const unknown = (kind: string, id: string, path: (string | number)[], suggestion?: string) =>
    expect.objectContaining({ code: 'unknown_reference', path, message: MESSAGES.unknown_reference(kind, id, suggestion), found: JSON.stringify(id) });

  it('coordinator, network.hub and network.edges name OPDs', () => {
    expect(check({ coordinator: 'diskominfo' })).toEqual([unknown('OPD', 'diskominfo', ['coordinator'], 'kominfo')]);
    expect(check({ 'network.hub': 'opd99' })).toEqual([unknown('OPD', 'opd99', ['network', 'hub'])]);
    expect(check({ 'network.edges': [['opd1', 'opd7']] })).toEqual([unknown('OPD', 'opd7', ['network', 'edges', 0, 1])]);
    expect(check({ 'network.edges': [['opd1', 'opd1']] })).toEqual([
      { code: 'edge_self_loop', path: ['network', 'edges', 0], message: MESSAGES.edge_self_loop('opd1'), found: '["opd1","opd1"]' },
    ]);
  });

  it('a mistyped reference gets a "did you mean": a few edits away, or the one id it begins or is the beginning of', () => {
    expect(MESSAGES.unknown_reference('OPD', 'diskominfo', 'diskominfostandi')).toBe('Unknown OPD "diskominfo" (did you mean "diskominfostandi"?)');
    expect(suggestReference('diskominfo', ['opd-1', 'diskominfostandi', 'dinkes'])).toBe('diskominfostandi');
    expect(suggestReference('diskominfostandi-kota', ['opd-1', 'diskominfostandi'])).toBe('diskominfostandi');
    expect(suggestReference('dinkess', ['dinkes', 'dinsos'])).toBe('dinkes');
    // Two ids begin with it: no guess; too short to say; numbered ids differing only in digits: no guess.
    expect(suggestReference('dinas', ['dinas-kesehatan', 'dinas-sosial'])).toBeUndefined();
    expect(suggestReference('di', ['diskominfostandi'])).toBeUndefined();
    expect(suggestReference('opd7', ['opd1', 'opd2'])).toBeUndefined();
    expect(suggestReference('opd99', ['opd9'])).toBeUndefined();
    expect(check({ 'network.hub': 'opd99' })).toEqual([unknown('OPD', 'opd99', ['network', 'hub'])]);
    // An agency reference is never answered with a type: accepting "dinas" for "dinkes" would bind every dinas.
    expect(check({ 'regulations[0].applies_to': ['kominfoo'] })).toEqual([unknown('OPD id or type', 'kominfoo', ['regulations', 0, 'applies_to', 0], 'kominfo')]);
  });

  it('a field that takes agency ids and types suggests a type one edit away, unless an agency id is as close', () => {
    const agencies = ['dinkes', 'dinsos', 'kominfo'];
    // dinass is one edit from the type dinas, two from the agency dinkes.
    expect(suggestOpdOrType('dinass', agencies)).toBe('dinas');
    expect(suggestOpdOrType('Sekretariat', agencies)).toBe('secretariat');
    expect(suggestOpdOrType('kecamatn', [])).toBe('kecamatan');
    expect(suggestOpdOrType('dinkess', agencies)).toBe('dinkes');
    // Two edits from a type: a missing agency, not a type (accepting dinas would bind every dinas).
    expect(suggestOpdOrType('dinsoss', ['kominfo'])).toBeUndefined();
    expect(suggestOpdOrType('dinkes', ['kominfo'])).toBeUndefined();
    expect(check({ 'regulations[0].applies_to': ['dinass'] })).toEqual([unknown('OPD id or type', 'dinass', ['regulations', 0, 'applies_to', 0], 'dinas')]);
    expect(check({ 'innovations[0].eligible': ['badann'] })).toEqual([unknown('OPD id or type', 'badann', ['innovations', 0, 'eligible', 0], 'badan')]);
    // A field that takes only agency ids suggests agencies only.
    expect(check({ 'network.hub': 'dinass' })).toEqual([unknown('OPD', 'dinass', ['network', 'hub'])]);
  });

  it('eligible, applies_to and initial_adopters name OPD ids or types', () => {
    expect(check({ 'innovations[0].eligible': ['dinas', 'kecamatan', 'opd6', 'dinsos'] })).toEqual([
      {
        code: 'unknown_reference',
        path: ['innovations', 0, 'eligible', 3],
        message: MESSAGES.unknown_reference('OPD id or type', 'dinsos'),
        expected: 'an OPD id or a type (dinas, badan, kecamatan, secretariat, other)',
        found: '"dinsos"',
      },
    ]);
    expect(check({ 'regulations[0].applies_to': ['kominfo', 'dinkes'] })).toEqual([
      unknown('OPD id or type', 'dinkes', ['regulations', 0, 'applies_to', 1]),
    ]);
    expect(check({ 'initial_adopters[0].opds': ['nobody'] })).toEqual([
      unknown('OPD id or type', 'nobody', ['initial_adopters', 0, 'opds', 0]),
    ]);
  });

  it('innovation ids are referenced by anchors, sponsors and initial_adopters', () => {
    expect(check({ 'regulations[0].anchors': ['e-ofice'] })).toEqual([
      {
        code: 'unknown_reference',
        path: ['regulations', 0, 'anchors', 0],
        message: MESSAGES.unknown_reference('innovation', 'e-ofice', 'e-office'),
        expected: 'one of "e-office", "smart-city-app", "command-center"',
        found: '"e-ofice"',
      },
    ]);
    expect(check({ 'leaders[0].sponsors': ['app'] })).toEqual([unknown('innovation', 'app', ['leaders', 0, 'sponsors', 0])]);
    expect(check({ 'initial_adopters[0].innovation': 'app' })).toEqual([
      unknown('innovation', 'app', ['initial_adopters', 0, 'innovation']),
    ]);
  });

  it('innovations name existing vendors and platforms', () => {
    expect(check({ 'innovations[1].vendor': 'globex' })).toEqual([unknown('vendor', 'globex', ['innovations', 1, 'vendor'])]);
    expect(check({ 'innovations[1].platform': 'cloud' })).toEqual([unknown('platform', 'cloud', ['innovations', 1, 'platform'])]);
    expect(check({ vendors: [], 'platforms[1].custodian': 'coordinator' })).toEqual([
      {
        code: 'unknown_reference',
        path: ['innovations', 1, 'vendor'],
        message: MESSAGES.unknown_reference('vendor', 'acme'),
        expected: 'a vendor id, but none is defined',
        found: '"acme"',
      },
    ]);
  });

  it('a platform custodian is a vendor id or "coordinator" (which needs a coordinator)', () => {
    expect(check({ 'platforms[1].custodian': 'globex' })).toEqual([
      {
        code: 'unknown_reference',
        path: ['platforms', 1, 'custodian'],
        message: MESSAGES.unknown_reference('custodian', 'globex'),
        expected: 'a vendor id, "coordinator", or "vendor" when exactly one vendor is listed (vendors: "acme")',
        found: '"globex"',
      },
    ]);
    // "vendor" names the only vendor; with two it is ambiguous.
    expect(check({ 'platforms[1].custodian': 'vendor' })).toEqual([]);
    expect(check({ vendors: [{ id: 'acme' }, { id: 'globex' }], 'platforms[1].custodian': 'vendor' })).toEqual([
      {
        code: 'unknown_reference',
        path: ['platforms', 1, 'custodian'],
        message: MESSAGES.unknown_reference('custodian', 'vendor'),
        expected: 'a vendor id, "coordinator", or "vendor" when exactly one vendor is listed (vendors: "acme", "globex")',
        found: '"vendor"',
      },
    ]);
    const noCoordinator = check({
      coordinator: null,
      'network.hub': 'kominfo',
      'innovations[id=command-center].owner': 'opd',
    });
    expect(noCoordinator).toEqual([
      {
        code: 'coordinator_required',
        path: ['platforms', 0, 'custodian'],
        message: MESSAGES.coordinator_required('custodian "coordinator"'),
        found: '"coordinator"',
      },
    ]);
  });

  it('owner "coordinator" needs a coordinator; funding "pilot" needs pilot_months; a vendor-owned innovation may leave its vendor implicit', () => {
    expect(
      check({ coordinator: null, 'network.hub': 'kominfo', 'platforms[0].custodian': 'acme' }),
    ).toEqual([
      {
        code: 'coordinator_required',
        path: ['innovations', 2, 'owner'],
        message: MESSAGES.coordinator_required('owner "coordinator"'),
        found: '"coordinator"',
      },
    ]);
    // MODEL.md gives innovations no vendor field: the model finds the vendor
    // through the platform's custodian or the scenario's only vendor.
    expect(check({ 'innovations[1].vendor': null })).toEqual([]);
    expect(check({ 'innovations[1].pilot_months': null })).toEqual([
      {
        code: 'pilot_months_required',
        path: ['innovations', 1, 'pilot_months'],
        message: MESSAGES.pilot_months_required('smart-city-app'),
        expected: 'an integer >= 1',
      },
    ]);
  });
});

describe('crossref: months', () => {
  const outside = (path: (string | number)[], found: string) => ({
    code: 'month_outside_horizon',
    path,
    message: MESSAGES.month_outside_horizon(String(path[path.length - 1])),
    expected: 'a month in 2015-01..2019-12',
    found: JSON.stringify(found),
  });

  it('event months lie inside [start, start+months-1]; leaders may have taken office before the start', () => {
    expect(check({ 'leaders[2].from': '2020-01' })).toEqual([
      { ...outside(['leaders', 2, 'from'], '2020-01'), expected: 'a month up to 2019-12' },
    ]);
    expect(check({ 'leaders[0].from': '2013-01' })).toEqual([]);
    expect(check({ 'regulations[1].from': '2014-12' })).toEqual([outside(['regulations', 1, 'from'], '2014-12')]);
    expect(check({ 'innovations[2].launch': '2020-01' })).toEqual([outside(['innovations', 2, 'launch'], '2020-01')]);
    expect(check({ 'innovations[1].integrated_from': '2014-06' })).toEqual([
      outside(['innovations', 1, 'integrated_from'], '2014-06'),
    ]);
    expect(check({ 'budget_shocks[1]': { from: '2019-06', to: '2020-03', factor: 0.5 } })).toEqual([
      outside(['budget_shocks', 1, 'to'], '2020-03'),
    ]);
    expect(check({ 'budget_shocks[0].from': '2014-01' })).toEqual([outside(['budget_shocks', 0, 'from'], '2014-01')]);
    // The last month of the horizon is still inside it.
    expect(check({ 'leaders[2].from': '2019-12' })).toEqual([]);
  });

  it('end months may lie after the horizon but not before the start', () => {
    expect(check({ 'regulations[1].to': '2040-01', 'vendors[0].contract_end': '2099-12', 'platforms[1].active_until': '2030-01' })).toEqual([]);
    const before = (path: (string | number)[], found: string) => ({
      code: 'month_before_start',
      path,
      message: MESSAGES.month_before_start(String(path[path.length - 1])),
      expected: 'a month from 2015-01 on',
      found: JSON.stringify(found),
    });
    expect(check({ 'vendors[0].contract_end': '2014-12' })).toEqual([before(['vendors', 0, 'contract_end'], '2014-12')]);
    expect(check({ 'platforms[1].active_until': '2010-01' })).toEqual([before(['platforms', 1, 'active_until'], '2010-01')]);
    expect(check({ 'regulations[0].from': '2015-01', 'regulations[0].to': '2014-06' })).toEqual([
      before(['regulations', 0, 'to'], '2014-06'),
      { code: 'month_order', path: ['regulations', 0, 'to'], message: MESSAGES.month_order('from', 'to'), expected: 'a month from 2015-01 on', found: '"2014-06"' },
    ]);
  });

  it('"to" is not before "from"', () => {
    expect(check({ 'regulations[0].to': '2015-12' })).toEqual([
      { code: 'month_order', path: ['regulations', 0, 'to'], message: MESSAGES.month_order('from', 'to'), expected: 'a month from 2016-01 on', found: '"2015-12"' },
    ]);
    expect(check({ 'budget_shocks[1].to': '2019-02' })).toEqual([
      { code: 'month_order', path: ['budget_shocks', 1, 'to'], message: MESSAGES.month_order('from', 'to'), expected: 'a month from 2019-03 on', found: '"2019-02"' },
    ]);
  });

  it('budget shock windows do not overlap', () => {
    expect(check({ 'budget_shocks[1].from': '2017-12' })).toEqual([
      {
        code: 'budget_shocks_overlap',
        path: ['budget_shocks', 1],
        message: MESSAGES.budget_shocks_overlap(0),
        expected: 'windows that do not overlap',
        found: '2017-12..2019-06 and 2017-01..2017-12',
      },
    ]);
  });

  it('leaders are in order, one per month; the first may take office after the start', () => {
    expect(check({ 'leaders[0].from': '2015-02' })).toEqual([]);
    expect(check({ 'leaders[2].from': '2018-01' })).toEqual([
      { code: 'leaders_order', path: ['leaders', 2, 'from'], message: MESSAGES.leaders_order(), expected: 'a month after 2018-03 (leaders[1])', found: '"2018-01"' },
    ]);
    expect(check({ 'leaders[2].from': '2018-03' })).toEqual([
      { code: 'leaders_same_month', path: ['leaders', 2, 'from'], message: MESSAGES.leaders_same_month('acting-mayor'), expected: 'a month after 2018-03', found: '"2018-03"' },
    ]);
    expect(check({ leaders: [] })).toEqual([]);
  });
});

describe('crossref: parameters and network', () => {
  it('translation weights (with defaults) sum to 1', () => {
    expect(check({ 'parameters.t_users': 0.1 })).toEqual([
      { code: 'translation_weights_sum', path: ['parameters'], message: MESSAGES.translation_weights_sum(), expected: 'a sum of 1', found: '1.05' },
    ]);
    expect(check({ parameters: {} })).toEqual([]);
  });

  const missing = (type: string, param: string, path: (string | number)[], expected: string) => ({
    code: 'network_param_missing',
    path,
    message: MESSAGES.network_param_missing(type, param),
    expected,
  });

  it('small-world needs an even degree below n, and rewire', () => {
    expect(check({ network: { type: 'small-world' } })).toEqual([
      missing('small-world', 'degree', ['network', 'degree'], 'an even integer >= 0'),
      missing('small-world', 'rewire', ['network', 'rewire'], 'a number in [0,1]'),
    ]);
    expect(check({ network: { type: 'small-world', degree: 3, rewire: 0.1 } })).toEqual([
      { code: 'network_degree_odd', path: ['network', 'degree'], message: MESSAGES.network_degree_odd(), expected: 'an even integer', found: '3' },
    ]);
    expect(check({ network: { type: 'small-world', degree: 8, rewire: 0.1 } })).toEqual([
      { code: 'network_too_dense', path: ['network', 'degree'], message: MESSAGES.network_too_dense('degree', 7), expected: 'an even integer < 7', found: '8' },
    ]);
  });

  it('erdos-renyi needs mean_degree; scale-free needs links', () => {
    expect(check({ network: { type: 'erdos-renyi' } })).toEqual([
      missing('erdos-renyi', 'mean_degree', ['network', 'mean_degree'], 'a number >= 0'),
    ]);
    expect(check({ network: { type: 'erdos-renyi', mean_degree: 6.5 } })).toEqual([
      { code: 'network_too_dense', path: ['network', 'mean_degree'], message: MESSAGES.network_too_dense('mean_degree', 7), expected: 'a number <= 6', found: '6.5' },
    ]);
    expect(check({ network: { type: 'scale-free' } })).toEqual([missing('scale-free', 'links', ['network', 'links'], 'an integer >= 1')]);
    expect(check({ network: { type: 'scale-free', links: 7 } })).toEqual([
      { code: 'network_too_dense', path: ['network', 'links'], message: MESSAGES.network_too_dense('links', 7), expected: 'an integer < 7', found: '7' },
    ]);
    expect(check({ network: { type: 'complete' } })).toEqual([]);
    expect(check({ network: { type: 'none' } })).toEqual([]);
  });

  it('hub needs a hub or a coordinator, and a valid "among" over the others', () => {
    expect(check({ network: { type: 'hub', among: { type: 'complete' } } })).toEqual([]);
    expect(
      check({
        coordinator: null,
        'platforms[0].custodian': 'acme',
        'innovations[2].owner': 'opd',
        network: { type: 'hub', among: { type: 'complete' } },
      }),
    ).toEqual([{ code: 'network_hub_missing', path: ['network', 'hub'], message: MESSAGES.network_hub_missing(), expected: 'an OPD id' }]);
    expect(check({ network: { type: 'hub' } })).toEqual([
      missing('hub', 'among', ['network', 'among'], 'a network generator'),
    ]);
    expect(check({ network: { type: 'hub', among: { type: 'hub' } } })).toEqual([
      {
        code: 'network_nested_hub',
        path: ['network', 'among', 'type'],
        message: MESSAGES.network_nested_hub(),
        expected: 'complete, erdos-renyi, small-world, scale-free or none',
        found: '"hub"',
      },
    ]);
    // The generator among the others sees n - 1 = 6 agencies.
    expect(check({ 'network.among.degree': 6 })).toEqual([
      { code: 'network_too_dense', path: ['network', 'among', 'degree'], message: MESSAGES.network_too_dense('degree', 6), expected: 'an even integer < 6', found: '6' },
    ]);
    expect(check({ 'network.among': { type: 'scale-free' } })).toEqual([
      missing('scale-free', 'links', ['network', 'among', 'links'], 'an integer >= 1'),
    ]);
  });
});

describe('crossref: issue placement', () => {
  it('places cross-reference issues on the line of the offending value', () => {
    const text = fixtureText('full.yaml').replace('    anchors: [e-office]', '    anchors: [e-office, e-ofice]');
    const result = parseScenarioText(text, 'full.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ file: 'full.yaml', line: 47, column: 25, path: ['regulations', 0, 'anchors', 1] });
    }
  });

  it('reports all cross-reference issues at once', () => {
    expect(check({ coordinator: 'x', 'leaders[2].from': '2018-01', 'parameters.t_owner': 0.5 }).map((i) => i.code)).toEqual([
      'unknown_reference',
      'leaders_order',
      'translation_weights_sum',
    ]);
  });
});

describe('resolveParameters', () => {
  it('overlays the scenario parameters on the defaults', () => {
    const resolved = resolveParameters({ parameters: { takeover_vendor: 0.9, readopt_months: 24 } });
    expect(Object.keys(resolved)).toEqual(PARAMETER_SPECS.map((s) => s.name));
    expect(resolved.takeover_vendor).toBe(0.9);
    expect(resolved.readopt_months).toBe(24);
    expect(resolved.bass_p).toBe(PARAMETER_DEFAULTS.bass_p);
    expect(resolveParameters({ parameters: {} })).toEqual(PARAMETER_DEFAULTS);
    expect(resolveParameters({ parameters: {} }).readopt_months).toBeNull();
  });
});

describe('scenario with several opd sources', () => {
  it('explicit OPDs alone are enough', () => {
    const minimal = parseScenarioText(
      ['name: a', 'start: 2015-01', 'months: 12', 'opds:', '  list: [{id: a}, {id: b}]', 'innovations:', `  - ${JSON.stringify({ id: 'x', owner: 'opd', funding: 'apbd', launch: '2015-01', ...FIVE_VALUES })}`].join('\n'),
      'a.yaml',
    );
    expect(minimal.ok).toBe(true);
    if (minimal.ok) expect(opdIds(minimal.scenario)).toEqual(['a', 'b']);
  });
});
