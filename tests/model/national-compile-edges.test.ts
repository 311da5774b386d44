/**
 * Compiling a national file (model/national/compile.ts), the parts no other
 * test reads back: the coordinating agency a government gets (its id, name,
 * type and flag), kecamatan counted from the template and the districts
 * (provinces have none from districts), the dinas count never below zero,
 * no generated agencies when the mix is empty, and the errors with their
 * paths for references the file gets wrong (anchors, cohorts, duplicate
 * cohort ids, a government whose city scenario is invalid). Expected values
 * are worked out from docs/NATIONAL.md and the fixture, not read off a run.
 *
 * Kept under tests/model/ so the mutation test set runs it; set-up inside `it`.
 */
import { describe, expect, it } from 'vitest';
import { NationalCompileError, type NationalModel } from '../../src/model/national/compile.js';
import { buildSmallNational, type Input } from './national-fixture.js';

const build = buildSmallNational;
const govs = (s: Input) => s['governments'] as Input[];
const template = (s: Input) => s['template'] as Input;
const counts = (m: NationalModel, id: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const o of m.governments.find((g) => g.id === id)!.model.opds) out[o.type] = (out[o.type] ?? 0) + 1;
  return out;
};
const error = (edit: (s: Input) => void): [readonly (string | number)[], string] => {
  try {
    build(edit);
  } catch (e) {
    expect(e).toBeInstanceOf(NationalCompileError);
    return [(e as NationalCompileError).path, (e as NationalCompileError).message];
  }
  throw new Error('no error');
};

describe('the agencies a government gets', () => {
  it('the coordinating agency: id kominfo, named Dinas Komunikasi dan Informatika, a dinas, the coordinator', () => {
    const m = build();
    for (const g of m.governments) {
      const c = g.model.opds[g.model.coordinator]!;
      expect([c.id, c.name, c.type], g.id).toEqual(['kominfo', 'Dinas Komunikasi dan Informatika', 'dinas']);
      // Generated agencies are named by their ids.
      for (const o of g.model.opds) if (o.id !== 'kominfo') expect(o.name).toBe(o.id);
    }
  });

  it('kecamatan: the template\'s own plus one per district for regencies and cities; a province gets none from districts', () => {
    const m = build((s) => {
      template(s)['agencies'] = {
        province: { dinas: 3, kecamatan: 1 },
        regency: { dinas: 4, kecamatan: 2 },
        city: { dinas: 4 },
      };
      govs(s)[0]!['districts'] = 7; // prov-a
    });
    // kominfo is one of the dinas: generated dinas = template - 1, plus kominfo.
    expect(counts(m, 'prov-a')).toEqual({ dinas: 3, kecamatan: 1 });
    expect(counts(m, 'kab-b')).toEqual({ dinas: 4, kecamatan: 2 + 8 });
    expect(counts(m, 'kota-a')).toEqual({ dinas: 4, kecamatan: 5 });
    expect(counts(m, 'kota-c')).toEqual({ dinas: 4, kecamatan: 4 });
  });

  it('a template without dinas: the coordinator is still one dinas, the generated dinas are none (not minus one)', () => {
    const m = build((s) => {
      template(s)['agencies'] = { province: { badan: 2 }, regency: { badan: 2 }, city: { badan: 1, secretariat: 1 } };
    });
    expect(counts(m, 'prov-a')).toEqual({ badan: 2, dinas: 1 });
    expect(counts(m, 'kota-a')).toEqual({ badan: 1, secretariat: 1, kecamatan: 5, dinas: 1 });
    const kota = m.governments[1]!;
    expect(kota.model.opds.map((o) => o.id)).toEqual(['opd-1', 'opd-2', 'opd-3', 'opd-4', 'opd-5', 'opd-6', 'opd-7', 'kominfo']);
  });

  it('an empty mix: the coordinator alone (no generated agencies); a province with only the coordinator', () => {
    const m = build((s) => {
      template(s)['agencies'] = { province: { dinas: 1 } };
    });
    const prov = m.governments[0]!;
    expect(prov.model.opds.map((o) => [o.id, o.type])).toEqual([['kominfo', 'dinas']]);
    // A regency with no template entry: its kecamatan only, then kominfo.
    expect(counts(m, 'kab-b')).toEqual({ kecamatan: 8, dinas: 1 });
  });
});

describe('references a national file gets wrong are errors at their paths', () => {
  it('an unknown national innovation among a mandate\'s or a programme\'s anchors', () => {
    expect(
      error((s) => {
        s['national_regulations'] = [{ id: 'm', from: '2017-01', strength: 1, anchors: ['e-office', 'nope'] }];
      }),
    ).toEqual([['national_regulations', 0, 'anchors', 1], 'Unknown national innovation "nope"']);
    expect(
      error((s) => {
        const p = (s['programmes'] as Input[])[0]!;
        (s['programmes'] as Input[]).push({ id: 'second', cohorts: [{ id: 'c2', from: '2018-01', members: ['kab-b'] }], anchors: ['e-office', 'mandated-service', 'ghost'] });
        p['anchors'] = ['e-office'];
      }),
    ).toEqual([['programmes', 1, 'anchors', 2], 'Unknown national innovation "ghost"']);
  });

  it('a duplicate cohort id, an unknown cohort member, an unknown id in a programme selector', () => {
    expect(
      error((s) => {
        (s['programmes'] as Input[]).push({ id: 'other', cohorts: [{ id: 'x', from: '2018-01' }, { id: 'smart-2017', from: '2019-01' }] });
      }),
    ).toEqual([['programmes', 1, 'cohorts', 1, 'id'], 'duplicate cohort id "smart-2017"']);
    expect(
      error((s) => {
        (s['programmes'] as Input[])[0]!['cohorts'] = [{ id: 'smart-2017', from: '2017-01', members: ['kota-a', 'atlantis'] }];
      }),
    ).toEqual([['programmes', 0, 'cohorts', 0, 'members', 1], 'Unknown government "atlantis"']);
  });

  it('a government whose city scenario is invalid: each issue where it is written in the national file, named by the government\'s id', () => {
    let thrown: unknown;
    try {
      build((s) => void (govs(s)[2]!['city'] = { coordinator: 'nobody' }));
    } catch (e) {
      thrown = e;
    }
    const e = thrown as NationalCompileError;
    expect(e).toBeInstanceOf(NationalCompileError);
    // The city validator's issues follow, each at its place in the national file: the template's
    // kominfo (template.coordinator) is marked as the coordinator, and the city block names another, unknown one.
    expect(e.drafts.map((d) => [d.path, d.message])).toEqual([
      [['template', 'coordinator'], 'government "kab-b": More than one coordinating agency'],
      [['governments', 2, 'city', 'coordinator'], 'government "kab-b": Unknown OPD "nobody"'],
    ]);
    expect([e.path, e.message]).toEqual([['template', 'coordinator'], 'government "kab-b": More than one coordinating agency']);
  });
});

describe('what a compiled government carries besides its city model', () => {
  it('its name (its id when it has none), fiscal capacity (null when unknown), election cycle (empty when none)', () => {
    const m = build((s) => void govs(s).push({ id: 'kab-x', type: 'regency', province: 'prov-c', districts: 2 }));
    expect(m.governments.map((g) => [g.id, g.name, g.fiscalCapacity, g.election, g.type, g.province])).toEqual([
      ['prov-a', 'Provinsi A', null, '', 'province', 'prov-a'],
      ['kota-a', 'Kota A', null, 'c2018', 'city', 'prov-a'],
      ['kab-b', 'Kabupaten B', 0.3, '', 'regency', 'prov-a'],
      ['kota-c', 'Kota C', 0.9, '', 'city', 'prov-c'],
      ['kab-x', 'kab-x', null, '', 'regency', 'prov-c'],
    ]);
  });

  it('money of one month for two services arrives in innovation order', () => {
    const m = build((s) => {
      s['national_regulations'] = [{ id: 'two', from: '2017-04', strength: 1, anchors: ['mandated-service', 'e-office'], money: true }];
    });
    const g = m.governments[1]!;
    const j = (id: string) => g.model.innovations.findIndex((x) => x.id === id);
    expect(g.money).toEqual([[16, j('e-office')], [16, j('mandated-service')]]);
    expect(g.forcedLaunch).toEqual([[16, j('e-office')], [16, j('mandated-service')]]);
  });
});
