/**
 * What compiling a national file refuses or decides that a merge or a
 * list order would otherwise hide (docs/NATIONAL.md, "The file", "Election
 * calendars", "National actors"):
 *  - an id used twice among programmes, election cycles, national services,
 *    mandates, vendors or platforms is an error at the second one (it was
 *    merged with the first, or lost behind it);
 *  - an election cycle's heads are in order of `from` (one a month, `to`
 *    not before `from`), and a head who took office before the start but
 *    whose `to` lies before it leaves the office vacant at the start;
 *  - a programme's `select` never draws a government that one of its
 *    cohorts lists, and says when its count cannot be met;
 *  - a national platform's custodian is named (`custodian: vendor` is
 *    refused).
 * Expected values are worked out from the docs and the fixture
 * (tests/national/fixtures/small-national.yaml: start 2016-01; prov-a,
 * kota-a (no fiscal capacity), kab-b (0.3), kota-c (0.9)), not read off a run.
 *
 * Kept under tests/model/ so the mutation test set runs it; set-up inside `it`.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { monthIndex } from '../../src/scenario/calendar.js';
import { shortCohorts } from '../../src/jobs/national-warnings.js';
import { buildSmallNational, compileError, type Input } from './national-fixture.js';

const build = buildSmallNational;
const at = (month: string) => monthIndex('2016-01', month);
const list = (s: Input, key: string) => s[key] as Input[];
const refusal = (edit: (s: Input) => void) => {
  const e = compileError(edit);
  return { path: e.path, message: e.message, codes: e.drafts.map((d) => d.code) };
};

describe('an id used twice is refused at the second entry, naming the kind and the id', () => {
  it('programmes: two of one id were one programme (merged cohorts)', () => {
    expect(
      refusal((s) => list(s, 'programmes').push({ id: 'smart', cohorts: [{ id: 'smart-2019', from: '2019-01', members: ['kab-b'] }] })),
    ).toEqual({ path: ['programmes', 1, 'id'], message: MESSAGES.duplicate_id('programme', 'smart'), codes: ['duplicate_id'] });
    // (control) another id compiles, with both programmes' cohorts.
    const m = build((s) => list(s, 'programmes').push({ id: 'other', cohorts: [{ id: 'smart-2019', from: '2019-01', members: ['kab-b'] }] }));
    expect(m.cohorts.map((c) => [c.id, c.programme])).toEqual([['smart-2017', 'smart'], ['smart-2019', 'other']]);
  });

  it('election cycles: the second of an id was never used', () => {
    expect(refusal((s) => list(s, 'elections').push({ id: 'c2018', heads: [{ from: '2015-01', commitment: 0.1 }] }))).toEqual({
      path: ['elections', 1, 'id'],
      message: 'Duplicate election cycle id "c2018"',
      codes: ['duplicate_id'],
    });
  });

  it('national services, even with selectors that reach different governments', () => {
    expect(
      refusal((s) => {
        const first = list(s, 'innovations')[0]!;
        first['governments'] = { ids: ['kota-a'] };
        list(s, 'innovations').push({ ...first, governments: { ids: ['kab-b'] } });
      }),
    ).toEqual({ path: ['innovations', 3, 'id'], message: 'Duplicate national innovation id "e-office"', codes: ['duplicate_id'] });
  });

  it('mandates (national_regulations), vendors and platforms', () => {
    const mandate = (governments: Input) => ({ id: 'm', from: '2017-01', strength: 1, anchors: ['mandated-service'], governments });
    expect(refusal((s) => void (s['national_regulations'] = [mandate({ ids: ['kota-a'] }), mandate({ ids: ['kab-b'] })]))).toEqual({
      path: ['national_regulations', 1, 'id'],
      message: 'Duplicate national regulation id "m"',
      codes: ['duplicate_id'],
    });
    expect(refusal((s) => list(s, 'vendors').push({ id: 'cloudco', contract_end: '2020-01' }))).toEqual({
      path: ['vendors', 1, 'id'],
      message: 'Duplicate vendor id "cloudco"',
      codes: ['duplicate_id'],
    });
    expect(
      refusal((s) => void (s['platforms'] = [{ id: 'p', custodian: 'coordinator' }, { id: 'q', custodian: 'coordinator' }, { id: 'p', custodian: 'cloudco' }])),
    ).toEqual({ path: ['platforms', 2, 'id'], message: 'Duplicate platform id "p"', codes: ['duplicate_id'] });
    // (control) distinct ids compile.
    expect(() =>
      build((s) => {
        s['national_regulations'] = [mandate({ ids: ['kota-a'] }), { ...mandate({ ids: ['kab-b'] }), id: 'n' }];
        s['platforms'] = [{ id: 'p', custodian: 'coordinator' }, { id: 'q', custodian: 'cloudco' }];
      }),
    ).not.toThrow();
  });
});

describe('election cycles: heads in order, and the head in office at the start', () => {
  const heads = (h: Input[]) => (s: Input) => {
    s['elections'] = [{ id: 'cyc', heads: h }];
    for (const g of list(s, 'governments')) g['election'] = 'cyc';
  };

  it('heads out of order are refused at the first one out of place (not the last in list order taken as sitting)', () => {
    const e = refusal(heads([{ from: '2015-06', commitment: 0.9 }, { from: '2012-01', commitment: 0.1 }, { from: '2017-01' }]));
    expect(e).toEqual({ path: ['elections', 0, 'heads', 1, 'from'], message: MESSAGES.heads_order(), codes: ['heads_order'] });
    expect(compileError(heads([{ from: '2015-06' }, { from: '2012-01' }])).drafts[0]).toMatchObject({ expected: 'a month after 2015-06 (heads[0])', found: '"2012-01"' });
  });

  it('two heads taking office in one month, and a head whose to comes before their from, are refused', () => {
    expect(refusal(heads([{ from: '2012-01' }, { from: '2014-03' }, { from: '2014-03' }]))).toEqual({
      path: ['elections', 0, 'heads', 2, 'from'],
      message: MESSAGES.heads_same_month(1),
      codes: ['heads_same_month'],
    });
    expect(refusal(heads([{ from: '2012-01', to: '2011-06' }, { from: '2017-01' }]))).toEqual({
      path: ['elections', 0, 'heads', 0, 'to'],
      message: MESSAGES.month_order('from', 'to'),
      codes: ['month_order'],
    });
  });

  it('a head who took office before the start and left before it: the office is vacant at the start, until the next head', () => {
    const m = build(heads([{ from: '2010-01', to: '2015-06', commitment: 0.9 }, { from: '2016-07', commitment: 0.2, acting: true }]));
    for (const g of m.governments) expect(g.model.leaders.map((l) => [l.id, l.from, l.to, l.commitment]), g.id).toEqual([['cyc-acting-2', at('2016-07'), Infinity, 0.2]]);
    // Only the last one by the start counts: an earlier head with no `to` is not brought back.
    const later = build(heads([{ from: '2008-01', commitment: 0.5 }, { from: '2012-01', to: '2015-12', commitment: 0.9 }, { from: '2017-01' }]));
    expect(later.governments[1]!.model.leaders.map((l) => l.id)).toEqual(['cyc-head-3']);
  });

  it('(control) a head whose to lies at or after the start governs from month 1, with that to', () => {
    const m = build(heads([{ from: '2010-01', commitment: 0.1 }, { from: '2014-01', to: '2016-01', commitment: 0.9 }, { from: '2018-01' }]));
    expect(m.governments[1]!.model.leaders.map((l) => [l.id, l.to, l.commitment])).toEqual([
      ['cyc-head-2', at('2016-01'), 0.9],
      ['cyc-head-3', Infinity, undefined],
    ]);
  });
});

describe('cohort selection never draws a government a cohort of the programme lists', () => {
  it('an earlier select does not take a later cohort\'s listed member; that member joins with its own cohort', () => {
    const m = build((s) => {
      s['programmes'] = [
        {
          id: 'p',
          cohorts: [
            // By fiscal capacity kota-c (0.9) would come first: it is listed in the later cohort.
            { id: 'early', from: '2017-01', select: { count: 1, by: 'fiscal_capacity' } },
            { id: 'late', from: '2019-01', members: ['kota-c'] },
          ],
        },
      ];
      s['government_network'] = { same_province: true };
    });
    const ids = (c: number) => m.cohorts[c]!.members.map((g) => m.governments[g]!.id);
    expect([ids(0), ids(1)]).toEqual([['kab-b'], ['kota-c']]);
    expect(m.governments.find((g) => g.id === 'kota-c')!.cohorts).toEqual(['late']);
  });

  it('a lottery whose pool the listed members empty selects nobody, and says so', () => {
    const edit = (s: Input) => {
      s['programmes'] = [
        {
          id: 'p',
          cohorts: [
            { id: 'early', from: '2017-01', select: { count: 1 } },
            { id: 'late', from: '2019-01', members: ['kota-a', 'kab-b', 'kota-c'] },
          ],
        },
      ];
      s['government_network'] = { same_province: true };
    };
    const m = build(edit);
    expect(m.cohorts.map((c) => c.members.length)).toEqual([0, 3]);
    expect(shortCohorts(m.scenario)).toEqual([
      'programmes[0] "p" cohort "early": select.count is 1, but only 0 governments are left to select ' +
        '(of types regency, city, in no earlier cohort of the programme and listed in none of its cohorts), so it selects 0',
    ]);
  });

  it('a count larger than the pool selects the pool, and says so; (control) a count the pool meets says nothing', () => {
    const withCount = (count: number, types?: string[]) =>
      build((s) => {
        s['programmes'] = [{ id: 'p', cohorts: [{ id: 'c1', from: '2017-01', members: ['kota-a'], select: { count, ...(types && { types }) } }] }];
        s['government_network'] = { same_province: true };
      });
    const big = withCount(50);
    expect(big.cohorts[0]!.members).toHaveLength(3); // kota-a, then kab-b and kota-c
    expect(shortCohorts(big.scenario)).toEqual([
      'programmes[0] "p" cohort "c1": select.count is 50, but only 2 governments are left to select ' +
        '(of types regency, city, in no earlier cohort of the programme and listed in none of its cohorts), so it selects 2',
    ]);
    expect(shortCohorts(withCount(3, ['province', 'city']).scenario)).toEqual([
      'programmes[0] "p" cohort "c1": select.count is 3, but only 2 governments are left to select ' +
        '(of types province, city, in no earlier cohort of the programme and listed in none of its cohorts), so it selects 2',
    ]);
    expect(shortCohorts(withCount(2).scenario)).toEqual([]);
    expect(shortCohorts(build().scenario)).toEqual([]);
  });
});

describe('a national platform names its custodian', () => {
  it('custodian: vendor is refused at the platform (it would be each government\'s lone vendor, or an error where there is none)', () => {
    const e = compileError((s) => {
      s['platforms'] = [{ id: 'shared', custodian: 'vendor' }];
      list(s, 'innovations')[1]!['platform'] = 'shared';
    });
    expect([e.path, e.message, e.drafts.map((d) => [d.code, d.expected, d.found])]).toEqual([
      ['platforms', 0, 'custodian'],
      MESSAGES.national_platform_custodian(),
      [['national_platform_custodian', 'a vendor id (cloudco) or "coordinator"', '"vendor"']],
    ]);
  });

  it('a city vendor whose id is "vendor" in one government does not name the custodian for the others', () => {
    const e = compileError((s) => {
      s['platforms'] = [{ id: 'shared', custodian: 'vendor' }];
      list(s, 'innovations')[1]!['platform'] = 'shared';
      const g = list(s, 'governments')[1]!;
      g['city'] = { ...((g['city'] as Record<string, unknown> | undefined) ?? {}), vendors: [{ id: 'vendor', contract_end: '2020-01' }] };
    });
    expect(e.path).toEqual(['platforms', 0, 'custodian']);
  });

  it('(control) a vendor id or coordinator compiles, and so does a national vendor whose id is "vendor"', () => {
    for (const custodian of ['cloudco', 'coordinator']) {
      const m = build((s) => {
        s['platforms'] = [{ id: 'shared', custodian }];
        list(s, 'innovations')[1]!['platform'] = 'shared';
      });
      expect(m.governments[1]!.model.platforms.map((p) => p.id), custodian).toEqual(['shared']);
    }
    const named = build((s) => {
      list(s, 'vendors').push({ id: 'vendor', contract_end: '2020-01' });
      s['platforms'] = [{ id: 'shared', custodian: 'vendor' }];
      list(s, 'innovations')[1]!['platform'] = 'shared';
      list(s, 'innovations')[1]!['vendor'] = 'vendor';
    });
    const kotaA = named.governments[1]!.model;
    expect(kotaA.vendors[kotaA.platforms[0]!.custodianVendor]!.id).toBe('vendor');
  });
});
