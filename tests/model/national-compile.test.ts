/**
 * Compiling a national file (docs/NATIONAL.md, "The file", "National
 * actors"): every selector form and where it applies (services, mandates,
 * pioneers), cohort selection (default types, fiscal capacity, lottery),
 * the agencies a government gets from the template (generated ids and
 * types), which national vendors reach it, the money and forced-launch
 * schedules, the network of governments, and errors with their paths.
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../src/engine/random.js';
import { allocateTypes } from '../../src/model/compile.js';
import { NationalCompileError, matchesSelector, type NationalModel } from '../../src/model/national/compile.js';
import { monthIndex } from '../../src/scenario/calendar.js';
import { messageId } from '../../src/messages/issue-text.js';
import { ATTRS, model as cityModel } from './helpers.js';
import { buildSmallNational, compileError, type Input } from './national-fixture.js';

const build = buildSmallNational;
const govs = (s: Input) => s['governments'] as Input[];
/** Three more governments: a second province with its own province government, and a regency without fiscal capacity. */
const more = (s: Input) =>
  govs(s).push(
    { id: 'kab-d', type: 'regency', province: 'prov-a', districts: 6, fiscal_capacity: 0.95 },
    { id: 'kab-e', type: 'regency', province: 'prov-c', districts: 3 },
    { id: 'prov-c', type: 'province', province: 'prov-c' },
  );
const service = (id: string, extra: Input = {}) => ({ id, owner: 'opd', funding: 'apbd', launch: '2016-02', ...ATTRS, ...extra });
const ids = (m: NationalModel, list: readonly number[]) => list.map((g) => m.governments[g]!.id);
/** Governments (ids) whose portfolio holds service `id`. */
const offering = (m: NationalModel, id: string) => m.governments.filter((g) => g.model.innovations.some((x) => x.id === id)).map((g) => g.id);
const S = '2016-01';
const at = (ym: string) => monthIndex(S, ym);

describe('selectors (all given conditions must hold; absent means all)', () => {
  const g = { id: 'kab-b', type: 'regency', province: 'prov-a' } as const;
  const cohorts = (id: string) => (id === 'kab-b' ? ['c1'] : []);
  it.each([
    ['absent', undefined, true],
    ['empty', {}, true],
    ['ids naming it', { ids: ['kab-b', 'x'] }, true],
    ['ids not naming it', { ids: ['x'] }, false],
    ['types with its type', { types: ['regency'] }, true],
    ['types without it', { types: ['city', 'province'] }, false],
    ['provinces with its province', { provinces: ['prov-a'] }, true],
    ['provinces without it', { provinces: ['prov-c'] }, false],
    ['cohorts it is in', { cohorts: ['c0', 'c1'] }, true],
    ['cohorts it is not in', { cohorts: ['c0'] }, false],
    ['except naming it', { except: ['kab-b'] }, false],
    ['except naming another', { except: ['x'] }, true],
    ['except beats ids', { ids: ['kab-b'], except: ['kab-b'] }, false],
    ['every condition holds', { ids: ['kab-b'], types: ['regency'], provinces: ['prov-a'], cohorts: ['c1'], except: ['x'] }, true],
    ['one condition fails (type)', { ids: ['kab-b'], types: ['city'], provinces: ['prov-a'] }, false],
    ['one condition fails (province)', { types: ['regency'], provinces: ['prov-c'] }, false],
    ['one condition fails (cohort)', { types: ['regency'], cohorts: ['c0'] }, false],
  ] as const)('%s', (_, sel, want) => {
    expect(matchesSelector(sel as never, g, cohorts)).toBe(want);
  });

  it('decide where a national service exists, each form in a compiled file', () => {
    const m = build((s) => {
      more(s);
      s['innovations'] = [
        service('everywhere'),
        service('by-ids', { governments: { ids: ['kota-a', 'kab-e'] } }),
        service('by-type', { governments: { types: ['regency'] } }),
        service('by-province', { governments: { provinces: ['prov-c'] } }),
        service('by-cohort', { governments: { cohorts: ['smart-2017'] } }),
        service('by-except', { governments: { except: ['kota-a', 'prov-c'] } }),
        service('by-both', { governments: { types: ['regency', 'city'], provinces: ['prov-a'], except: ['kab-d'] } }),
      ];
    });
    // Cohort smart-2017: kota-a listed, then one more by fiscal capacity among regencies and cities: kab-d (0.95).
    expect(ids(m, m.cohorts[0]!.members)).toEqual(['kota-a', 'kab-d']);
    const all = ['prov-a', 'kota-a', 'kab-b', 'kota-c', 'kab-d', 'kab-e', 'prov-c'];
    expect(offering(m, 'everywhere')).toEqual(all);
    expect(offering(m, 'by-ids')).toEqual(['kota-a', 'kab-e']);
    expect(offering(m, 'by-type')).toEqual(['kab-b', 'kab-d', 'kab-e']);
    expect(offering(m, 'by-province')).toEqual(['kota-c', 'kab-e', 'prov-c']);
    expect(offering(m, 'by-cohort')).toEqual(['kota-a', 'kab-d']);
    expect(offering(m, 'by-except')).toEqual(all.filter((x) => x !== 'kota-a' && x !== 'prov-c'));
    expect(offering(m, 'by-both')).toEqual(['kota-a', 'kab-b']);
    // serviceIndex and serviceOf are inverse maps between national and local indices.
    for (const g of m.governments) {
      m.services.forEach((id, s) => {
        const j = g.serviceIndex[s]!;
        expect(j, `${g.id} ${id}`).toBe(g.model.innovations.findIndex((x) => x.id === id));
        if (j >= 0) expect(g.serviceOf[j]).toBe(s);
      });
    }
  });

  it('decide which governments a mandate reaches (a regulation named national.<id>)', () => {
    const m = build((s) => {
      more(s);
      s['national_regulations'] = [
        { id: 'all', from: '2017-01', strength: 1, anchors: ['e-office'] },
        { id: 'cities', from: '2017-01', strength: 1, anchors: ['e-office'], governments: { types: ['city'] } },
        { id: 'prov-c-only', from: '2017-01', strength: 1, anchors: ['e-office'], governments: { provinces: ['prov-c'], except: ['kab-e'] } },
        { id: 'pioneers', from: '2017-01', strength: 1, anchors: ['e-office'], governments: { cohorts: ['smart-2017'] } },
        // A mandate on a service a government does not offer does not reach it (vendor-app is not in kota-c).
        { id: 'vendor', from: '2017-01', strength: 1, anchors: ['vendor-app'] },
      ];
    });
    const reached = (id: string) => m.governments.filter((g) => g.model.regulations.some((r) => r.id === `national.${id}`)).map((g) => g.id);
    expect(reached('all')).toEqual(['prov-a', 'kota-a', 'kab-b', 'kota-c', 'kab-d', 'kab-e', 'prov-c']);
    expect(reached('cities')).toEqual(['kota-a', 'kota-c']);
    expect(reached('prov-c-only')).toEqual(['kota-c', 'prov-c']);
    expect(reached('pioneers')).toEqual(['kota-a', 'kab-d']);
    expect(reached('vendor')).toEqual(['prov-a', 'kota-a', 'kab-b', 'kab-d', 'kab-e', 'prov-c']);
  });

  it('choose the pioneers, and the network links each government to its province and the pioneers', () => {
    for (const same of [true, false]) {
      const m = build((s) => {
        more(s);
        s['government_network'] = { same_province: same, pioneers: { provinces: ['prov-c'], types: ['regency', 'city'] } };
      });
      expect(ids(m, m.pioneers)).toEqual(['kota-c', 'kab-e']);
      const province = new Map(m.governments.map((g) => [g.index, g.province]));
      for (const g of m.governments) {
        const own = m.governments.filter((x) => x.index !== g.index && x.province === g.province).map((x) => x.index);
        const pio = m.pioneers.filter((x) => x !== g.index);
        const want = same ? [...new Set([...own, ...pio])].sort((a, b) => a - b) : pio;
        expect(Array.from(g.peers), g.id).toEqual(want);
        expect(Array.from(g.provincePeers), g.id).toEqual(own);
        expect(Array.from(g.provincePeers).every((x) => province.get(x) === g.province)).toBe(true);
      }
    }
  });

  it('name only known ids, provinces and cohorts: anything else is an error at its path', () => {
    const a = compileError((s) => void (s['national_regulations'] = [{ id: 'm', from: '2017-01', strength: 1, governments: { ids: ['kota-a', 'nope'] } }]));
    expect([a.path, a.message]).toEqual([['national_regulations', 0, 'governments', 'ids', 1], 'Unknown government "nope"']);
    const b = compileError((s) => void (s['national_regulations'] = [{ id: 'm', from: '2017-01', strength: 1, governments: { except: ['nope'] } }]));
    expect([b.path, b.message]).toEqual([['national_regulations', 0, 'governments', 'except', 0], 'Unknown government "nope"']);
    const c = compileError((s) => void (s['government_network'] = { pioneers: { provinces: ['prov-a', 'atlantis'] } }));
    expect([c.path, c.message]).toEqual([['government_network', 'pioneers', 'provinces', 1], 'Unknown province "atlantis"']);
    const d = compileError((s) => void ((s['innovations'] as Input[])[0]!['governments'] = { cohorts: ['nope'] }));
    expect([d.path, d.message]).toEqual([['innovations', 0, 'governments', 'cohorts', 0], 'Unknown cohort "nope"']);
    const e = compileError((s) => void govs(s).push({ id: 'kab-b', type: 'regency', province: 'prov-a', districts: 2 }));
    // The catalog's duplicate_id, as every other list's (it was "duplicate government id ...", said "Invalid value: ...").
    expect([e.path, e.message]).toEqual([['governments', 4, 'id'], 'Duplicate government id "kab-b"']);
    const f = compileError((s) => void (govs(s)[2]!['election'] = 'c2099'));
    expect([f.path, f.message]).toEqual([['governments', 2, 'election'], 'Unknown election cycle "c2099"']);
    // Said as a city file's unknown ids are (the catalog's unknown_reference; it was "Invalid value: unknown ..."),
    // so --lang id words it too, the national kinds in the report's Indonesian.
    for (const [error, id] of [
      [a, 'pemerintah daerah "nope" tidak dikenal'],
      [c, 'provinsi "atlantis" tidak dikenal'],
      [d, 'kohort "nope" tidak dikenal'],
      [f, 'siklus pilkada "c2099" tidak dikenal'],
    ] as const) {
      expect(error.drafts.map((i) => i.code)).toEqual(['unknown_reference']);
      expect(messageId(error.drafts[0]!)).toBe(id);
    }
    // A province government that names another province would give that province its name in the outputs.
    const g = compileError((s) => void (govs(s)[0]!['province'] = 'prov-c'));
    expect([g.path, g.message]).toEqual([['governments', 0, 'province'], 'a province government\'s province is its own id ("prov-a"), not "prov-c"']);
    // Every known province is accepted (a province names itself; a regency names its province).
    expect(() => build((s) => void (s['government_network'] = { pioneers: { provinces: ['prov-a', 'prov-c'] } }))).not.toThrow();
  });
});

describe('cohort selection (docs/NATIONAL.md, programmes)', () => {
  const programme = (select: Input, members: string[] = []) => (s: Input) => {
    more(s);
    s['programmes'] = [{ id: 'p', cohorts: [{ id: 'c1', from: '2017-01', members, select }, { id: 'c2', from: '2018-01', members: [], select: { count: 2, by: 'fiscal_capacity' } }] }];
    s['government_network'] = { same_province: true };
  };

  it('by fiscal capacity: highest first, governments without a value last, among regencies and cities by default (never a province)', () => {
    const m = build(programme({ count: 10, by: 'fiscal_capacity' }));
    // kab-d 0.95, kota-c 0.9, kab-b 0.3, then kota-a and kab-e (no value) in lottery order.
    const c1 = ids(m, m.cohorts[0]!.members);
    expect(c1.slice(0, 3)).toEqual(['kab-d', 'kota-c', 'kab-b']);
    expect(new Set(c1.slice(3))).toEqual(new Set(['kota-a', 'kab-e']));
    const lot = (id: string) => keyOf(`p:c1:${id}`);
    expect(c1.slice(3)).toEqual(['kota-a', 'kab-e'].sort((x, y) => lot(x) - lot(y)));
    // A later cohort of the same programme takes none already in it: nobody is left but the provinces.
    expect(m.cohorts[1]!.members).toEqual([]);
  });

  it('types chosen: only those types; listed members first and not selected twice', () => {
    const m = build(programme({ count: 5, by: 'fiscal_capacity', types: ['province', 'city'] }, ['kota-c']));
    expect(ids(m, m.cohorts[0]!.members)).toEqual(['kota-c', ...['prov-a', 'kota-a', 'prov-c'].sort((x, y) => keyOf(`p:c1:${x}`) - keyOf(`p:c1:${y}`))]);
    // The next cohort: the two regencies with most fiscal capacity left (regency and city by default).
    expect(ids(m, m.cohorts[1]!.members)).toEqual(['kab-d', 'kab-b']);
  });

  it('by lottery: a fixed order keyed by programme, cohort and government id, the same on every compile', () => {
    const m = build(programme({ count: 3, by: 'lottery' }));
    const pool = ['kota-a', 'kab-b', 'kota-c', 'kab-d', 'kab-e'];
    const want = [...pool].sort((x, y) => keyOf(`p:c1:${x}`) - keyOf(`p:c1:${y}`)).slice(0, 3);
    expect(ids(m, m.cohorts[0]!.members)).toEqual(want);
    expect(ids(build(programme({ count: 3, by: 'lottery' })), m.cohorts[0]!.members)).toEqual(want);
    // The cohorts a government is in, and the cohort's first month.
    for (const g of m.governments) expect(g.cohorts, g.id).toEqual(m.cohorts.filter((c) => c.members.includes(g.index)).map((c) => c.id));
    expect(m.cohorts.map((c) => c.from)).toEqual([monthIndex(S, '2017-01'), monthIndex(S, '2018-01')]);
  });
});

describe('what a government gets from the template', () => {
  it('agencies: the type mix plus one kecamatan per district, the coordinator counted among the dinas, generated ids opd-1..opd-n', () => {
    const m = build((s) => {
      (s['template'] as Input)['agencies'] = {
        province: { dinas: 5, badan: 2 },
        regency: { dinas: 6, badan: 3, secretariat: 1, other: 2 },
        city: { dinas: 4, secretariat: 1 },
      };
    });
    const expectAgencies = (id: string, mix: Record<string, number>) => {
      const g = m.governments.find((x) => x.id === id)!;
      const generated = g.model.opds.filter((o) => o.id !== 'kominfo');
      const n = Object.values(mix).reduce((a, b) => a + b, 0);
      expect(generated.map((o) => o.id), id).toEqual(Array.from({ length: n }, (_, i) => `opd-${i + 1}`));
      const counts: Record<string, number> = {};
      for (const o of generated) counts[o.type] = (counts[o.type] ?? 0) + 1;
      expect(counts, id).toEqual(mix);
      const k = g.model.opds.filter((o) => o.id === 'kominfo');
      expect(k.map((o) => o.type)).toEqual(['dinas']);
      expect(g.model.opds[g.model.coordinator]!.id).toBe('kominfo');
    };
    expectAgencies('prov-a', { dinas: 4, badan: 2 });
    expectAgencies('kota-a', { dinas: 3, secretariat: 1, kecamatan: 5 });
    expectAgencies('kab-b', { dinas: 5, badan: 3, secretariat: 1, other: 2, kecamatan: 8 });
  });

  it('without a coordinator, no kominfo and the dinas are not reduced', () => {
    const m = build((s) => void ((s['template'] as Input)['coordinator'] = false));
    const g = m.governments[1]!;
    expect(g.model.coordinator).toBe(-1);
    expect(g.model.opds.map((o) => o.id)).toEqual(Array.from({ length: 8 + 3 + 1 + 5 }, (_, i) => `opd-${i + 1}`));
    expect(g.model.opds.filter((o) => o.type === 'dinas')).toHaveLength(8);
  });

  it('a national vendor reaches a government only through a service naming it or a platform in its custody', () => {
    const m = build((s) => {
      more(s);
      s['vendors'] = [
        { id: 'cloudco', contract_end: '2018-06' },
        { id: 'platco', contract_end: '2019-01' },
        { id: 'idle', contract_end: '2019-01' },
      ];
      s['platforms'] = [{ id: 'plat', custodian: 'platco' }, { id: 'unused', custodian: 'idle' }];
      s['innovations'] = [
        ...(s['innovations'] as Input[]),
        service('on-platform', { platform: 'plat', governments: { types: ['regency'] } }),
      ];
    });
    const vendors = (id: string) => m.governments.find((g) => g.id === id)!.model.vendors.map((v) => v.id);
    const platforms = (id: string) => m.governments.find((g) => g.id === id)!.model.platforms.map((p) => p.id);
    expect(vendors('kota-c')).toEqual([]);
    expect(vendors('kota-a')).toEqual(['cloudco']);
    expect(vendors('kab-b')).toEqual(['cloudco', 'platco']);
    expect(platforms('kab-b')).toEqual(['plat']);
    expect(platforms('kota-a')).toEqual([]);
    expect(m.governments.find((g) => g.id === 'kab-b')!.model.vendors.map((v) => v.contractEnd)).toEqual([monthIndex(S, '2018-06'), monthIndex(S, '2019-01')]);
  });
});

describe('national money and forced launches', () => {
  const schedule = (s: Input) => {
    more(s);
    s['innovations'] = [
      ...(s['innovations'] as Input[]),
      service('late', { launch: '2020-01' }),
    ];
    // Listed out of month order: the schedules are sorted by month, then local innovation.
    s['national_regulations'] = [
      { id: 'later', from: '2019-01', strength: 1, anchors: ['late', 'e-office'], money: true },
      { id: 'earlier', from: '2017-06', strength: 1, anchors: ['mandated-service'], money: true, governments: { types: ['regency'] } },
      { id: 'paper', from: '2016-06', strength: 1, anchors: ['e-office'], money: false },
    ];
    s['programmes'] = [
      { id: 'smart', cohorts: [{ id: 'smart-2017', from: '2017-01', members: ['kota-a'], select: { count: 1, by: 'fiscal_capacity' } }], vision: 0.8, strength: 0.5, anchors: ['vendor-app'], money: false },
    ];
  };

  it('money arrives in order of month and innovation; forced launches come no earlier than the service launch', () => {
    const m = build(schedule);
    const at = (ym: string) => monthIndex(S, ym);
    const local = (g: NationalModel['governments'][number], id: string) => g.model.innovations.findIndex((x) => x.id === id);
    for (const g of m.governments) {
      const eo = local(g, 'e-office');
      const late = local(g, 'late');
      const ms = local(g, 'mandated-service');
      const va = local(g, 'vendor-app');
      const money: [number, number][] = [];
      if (g.type === 'regency') money.push([at('2017-06'), ms]);
      money.push(...([[at('2019-01'), eo], [at('2019-01'), late]] as [number, number][]).sort((a, b) => a[1] - b[1]));
      expect(g.money, g.id).toEqual(money);
      // Forced: the funded mandates (the late service held to its launch) and the programme's anchors for members.
      const forced: [number, number][] = money.map(([mo, j]) => [j === late ? at('2020-01') : mo, j]);
      if (g.cohorts.includes('smart-2017') && va >= 0) forced.push([at('2017-01'), va]);
      forced.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(g.forcedLaunch, g.id).toEqual(forced);
      // The unfunded regulations are marked so (inert unless national money exists).
      expect(g.model.regulations.filter((r) => (r as { unfunded?: boolean }).unfunded).map((r) => r.id), g.id).toEqual([
        'national.paper',
        ...(g.cohorts.includes('smart-2017') && va >= 0 ? ['programme.smart'] : []),
      ]);
      expect(g.visionFloors, g.id).toEqual(g.cohorts.includes('smart-2017') ? [[at('2017-01'), 0.8]] : []);
    }
    expect(m.governments.filter((g) => g.cohorts.length > 0).map((g) => g.id)).toEqual(['kota-a', 'kab-d']);
  });
});

describe('city compile pieces the national level leans on', () => {
  it('agency types by largest remainder: exactly `count` agencies, remainders to the largest fractions, ties in type order', () => {
    const count = (xs: string[]) => xs.reduce<Record<string, number>>((a, t) => ({ ...a, [t]: (a[t] ?? 0) + 1 }), {});
    expect(allocateTypes(3, { dinas: 3, badan: 1 })).toEqual(['dinas', 'dinas', 'badan']);
    expect(allocateTypes(3, { dinas: 1, badan: 3 })).toEqual(['dinas', 'badan', 'badan']);
    expect(allocateTypes(2, { dinas: 1, badan: 3 })).toEqual(['dinas', 'badan']);
    expect(allocateTypes(5, { dinas: 1, badan: 1, kecamatan: 1 })).toEqual(['dinas', 'dinas', 'badan', 'badan', 'kecamatan']);
    expect(allocateTypes(7, { kecamatan: 0.5, other: 0.2, badan: 0.3 })).toEqual(['badan', 'badan', 'kecamatan', 'kecamatan', 'kecamatan', 'kecamatan', 'other']);
    expect(allocateTypes(4, undefined)).toEqual(['other', 'other', 'other', 'other']);
    expect(allocateTypes(2, { dinas: 0 })).toEqual(['other', 'other']);
    for (const n of [1, 9, 10, 31, 40]) {
      const w = { dinas: 17, badan: 6, kecamatan: 12, secretariat: 1, other: 4 };
      const got = count(allocateTypes(n, w));
      expect(Object.values(got).reduce((a, b) => a + b, 0), String(n)).toBe(n);
      // Each type within one of its exact quota.
      for (const [t, x] of Object.entries(w)) expect(Math.abs((got[t] ?? 0) - (n * x) / 40), `${n} ${t}`).toBeLessThan(1);
    }
  });

  it('a generated agency list of a city scenario has the count and mix asked for', () => {
    const m = cityModel({ opds: { generate: { count: 7, types: { dinas: 0.5, badan: 0.3, other: 0.2 } } }, innovations: [service('s')] as never });
    expect(m.opds.map((o) => [o.id, o.type])).toEqual([
      ['opd1', 'dinas'],
      ['opd2', 'dinas'],
      ['opd3', 'dinas'],
      ['opd4', 'dinas'],
      ['opd5', 'badan'],
      ['opd6', 'badan'],
      ['opd7', 'other'],
    ]);
  });

  it('readopt_months null or "off" compiles to never (Infinity); a number to itself', () => {
    expect(cityModel({ innovations: [service('s')] as never }).readoptMonths).toBe(Infinity);
    expect(cityModel({ innovations: [service('s')] as never, parameters: { readopt_months: 'off' } as never }).readoptMonths).toBe(Infinity);
    expect(cityModel({ innovations: [service('s')] as never, parameters: { readopt_months: 5 } }).readoptMonths).toBe(5);
  });
});

describe('a government as a city scenario (docs/NATIONAL.md, "The file")', () => {
  it('mandates become regulations with their window, strength, targets and anchors; a ban reaches governments without the anchors', () => {
    const m = build((s) => {
      s['national_regulations'] = [
        { id: 'm1', name: 'Mandate one', from: '2017-03', to: '2019-12', strength: 0.7, anchors: ['e-office', 'vendor-app'], applies_to: ['dinas'], money: true },
        { id: 'ban', from: '2020-01', strength: 0.4, anchors: ['vendor-app'], bans_standalone: true },
      ];
    });
    for (const g of m.governments) {
      const regs = g.model.regulations.filter((r) => r.id.startsWith('national.'));
      const m1 = regs.find((r) => r.id === 'national.m1')!;
      expect([m1.from, m1.to, m1.strength, m1.requiresBudgetLine, m1.bansStandalone], g.id).toEqual([at('2017-03'), at('2019-12'), 0.7, true, false]);
      // Anchors: the mandate's services this government offers (kota-c has no vendor-app).
      expect(Array.from(m1.anchors), g.id).toEqual(g.model.innovations.map((x) => (x.id === 'e-office' || x.id === 'vendor-app' ? 1 : 0)));
      expect(Array.from(m1.applies), g.id).toEqual(g.model.opds.map((o) => (o.type === 'dinas' ? 1 : 0)));
      const ban = regs.find((r) => r.id === 'national.ban')!;
      expect([ban.from, ban.to, ban.bansStandalone, Array.from(ban.anchors).reduce((a, b) => a + b, 0)], g.id).toEqual([at('2020-01'), Infinity, true, g.id === 'kota-c' ? 0 : 1]);
      expect(Array.from(ban.applies).every((x) => x === 1)).toBe(true);
    }
    // A mandate without a ban whose anchors a government does not offer does not reach it.
    const only = build((s) => void (s['national_regulations'] = [{ id: 'va', from: '2017-03', strength: 1, anchors: ['vendor-app'] }]));
    expect(only.governments.map((g) => g.model.regulations.some((r) => r.id === 'national.va'))).toEqual([true, true, true, false]);
  });

  it('a programme with strength gives its members a regulation from the cohort month; money there funds and forces its anchors', () => {
    const m = build((s) => {
      s['programmes'] = [
        {
          id: 'smart',
          cohorts: [
            { id: 'c1', from: '2017-01', members: ['kota-a'] },
            { id: 'c2', from: '2018-05', members: ['kota-c'] },
          ],
          strength: 0.6,
          anchors: ['e-office'],
          money: true,
        },
        // A cohort joining after the horizon changes nothing.
        { id: 'late', cohorts: [{ id: 'c3', from: '2030-01', members: ['kab-b'] }], strength: 1, anchors: ['e-office'], money: true, vision: 0.9 },
      ];
      s['government_network'] = { same_province: true };
    });
    const byId = (id: string) => m.governments.find((g) => g.id === id)!;
    for (const [id, from] of [['kota-a', '2017-01'], ['kota-c', '2018-05']] as const) {
      const g = byId(id);
      const r = g.model.regulations.find((x) => x.id === 'programme.smart')!;
      expect([r.from, r.strength, r.requiresBudgetLine, (r as { unfunded?: boolean }).unfunded ?? false], id).toEqual([at(from), 0.6, true, false]);
      const j = g.model.innovations.findIndex((x) => x.id === 'e-office');
      expect(g.money, id).toEqual([[at(from), j]]);
      expect(g.forcedLaunch, id).toEqual([[at(from), j], [at(from), j]]);
    }
    for (const id of ['prov-a', 'kab-b']) {
      const g = byId(id);
      expect(g.model.regulations.map((r) => r.id), id).toEqual([]);
      expect([g.money, g.forcedLaunch, g.visionFloors], id).toEqual([[], [], []]);
    }
    expect(byId('kab-b').cohorts).toEqual(['c3']);
  });

  it('a programme reaches a member only through the anchors it offers (no regulation, no forced launch otherwise)', () => {
    const m = build((s) => {
      s['programmes'] = [{ id: 'vend', cohorts: [{ id: 'v1', from: '2017-01', members: ['kota-a', 'kota-c'] }], strength: 1, anchors: ['vendor-app'] }];
      s['government_network'] = { same_province: true };
    });
    const [, kotaA, , kotaC] = m.governments;
    expect(kotaA!.model.regulations.map((r) => r.id)).toEqual(['programme.vend']);
    expect(kotaA!.forcedLaunch).toEqual([[at('2017-01'), kotaA!.model.innovations.findIndex((x) => x.id === 'vendor-app')]]);
    expect(kotaC!.model.regulations.map((r) => r.id)).toEqual([]);
    expect(kotaC!.forcedLaunch).toEqual([]);
    expect(kotaC!.cohorts).toEqual(['v1']);
  });

  it('election cycles: the head in office at the start, later heads within the horizon, acting heads named so', () => {
    const m = build((s) => {
      s['elections'] = [
        {
          id: 'cyc',
          name: 'Cycle',
          heads: [
            { from: '2010-01', commitment: 0.1 },
            { from: '2014-06', to: '2015-12' },
            { from: '2015-12', commitment: 0.4 },
            { from: '2017-02', to: '2017-08', acting: true },
            { from: '2017-09' },
            { from: '2040-01' },
          ],
        },
      ];
      for (const g of govs(s)) g['election'] = 'cyc';
    });
    const leaders = m.governments[0]!.model.leaders;
    expect(leaders.map((l) => [l.id, l.from, l.to, l.commitment])).toEqual([
      // No `to`: in office until a successor takes office (the city model's leader change).
      ['cyc-head-3', at('2015-12'), Infinity, 0.4],
      ['cyc-acting-4', at('2017-02'), at('2017-08'), undefined],
      ['cyc-head-5', at('2017-09'), Infinity, undefined],
    ]);
  });

  it('the city block: its parameters override the national ones, its own innovations are added, portfolio false offers no national service', () => {
    const m = build((s) => {
      s['parameters'] = { vendor_exit_discontinue: 1, h0_other: 0.2 };
      const g = govs(s);
      g[1]!['city'] = { parameters: { h0_other: 0.05 }, innovations: [service('own-app')] };
      g[2]!['portfolio'] = false;
      g[2]!['city'] = { innovations: [service('only-app')] };
    });
    const [provA, kotaA, kabB] = m.governments;
    expect([provA!.model.params.h0_other, kotaA!.model.params.h0_other, kabB!.model.params.h0_other]).toEqual([0.2, 0.05, 0.2]);
    expect(kotaA!.model.params.vendor_exit_discontinue).toBe(1);
    expect(kotaA!.model.innovations.map((x) => x.id)).toEqual(['e-office', 'vendor-app', 'mandated-service', 'own-app']);
    expect(kabB!.model.innovations.map((x) => x.id)).toEqual(['only-app']);
    expect(Array.from(kabB!.serviceIndex)).toEqual([-1, -1, -1]);
    expect(Array.from(kotaA!.serviceOf)).toEqual([0, 1, 2, -1]);
    expect(kabB!.model.vendors).toEqual([]);
  });

  it.each(['name', 'description', 'start', 'months', 'seed', 'replications'])('a city block may not set "%s"', (key) => {
    try {
      build((s) => void (govs(s)[2]!['city'] = { [key]: key === 'months' || key === 'seed' || key === 'replications' ? 3 : 'x' }));
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(NationalCompileError);
      expect((e as NationalCompileError).path).toEqual(['governments', 2, 'city', key]);
    }
  });
});
