/**
 * P14's spread control (src/validation/p14-alike.ts): the transform removes
 * each difference between governments and keeps what makes them a sample;
 * the spread statistic and the paired decision rule on hand-made inputs.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compareSpread, p14AlikeChanges, p14AlikeScenario } from '../../src/validation/p14-alike.js';
import { nationalSchema } from '../../src/scenario/national-schema.js';
import { compileNational } from '../../src/model/national/compile.js';
import { NationalTally } from '../../src/experiment/national-tally.js';
import { seriesGroups, type NationalReplicationResult } from '../../src/model/national/simulate.js';
import { nationalP14Spread } from '../../src/jobs/p14-alike.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const fixture = () => parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;

/**
 * The small fixture (four governments: prov-a, kota-a, kab-b, kota-c) with
 * one instance of every kind of difference: a service and a mandate for a
 * minority and for a majority, a programme for a minority (the fixture's:
 * kota-a listed, kota-c selected by fiscal capacity, 2 of 4) and one for a
 * majority over two cohorts, an election cycle, a government with its own
 * block, fiscal capacities, pioneers named by cohort.
 */
function varied(): Record<string, any> {
  const f = fixture();
  f['innovations'].push(
    { ...f['innovations'][0], id: 'cohort-only', governments: { cohorts: ['smart-2017'] } },
    { ...f['innovations'][0], id: 'three-of-four', governments: { except: ['prov-a'] } },
  );
  f['national_regulations'] = [
    { id: 'for-one', from: '2017-01', strength: 0.5, anchors: ['e-office'], governments: { ids: ['kota-a'] } },
    { id: 'for-three', from: '2017-01', strength: 0.5, anchors: ['mandated-service', 'cohort-only'], money: true, governments: { except: ['kota-c'] } },
  ];
  f['programmes'].push({
    id: 'big',
    cohorts: [
      { id: 'big-1', from: '2016-06', members: ['prov-a'] },
      { id: 'big-2', from: '2017-06', members: ['kab-b', 'kota-c'] },
    ],
    strength: 0.3,
    anchors: ['e-office', 'cohort-only'],
    vision: 0.6,
  });
  f['governments'][2] = {
    ...f['governments'][2],
    election: 'c2018',
    portfolio: false,
    city: { parameters: { champion_rotation: 0.1 }, innovations: [{ ...f['innovations'][0], id: 'own-app' }] },
  };
  return f;
}

describe("P14's spread control: the transform", () => {
  it('leaves its input alone, keeps seed, replications and the governments, and gives a valid scenario', () => {
    const input = varied();
    const before = JSON.stringify(input);
    const c = p14AlikeScenario(input);
    expect(JSON.stringify(input)).toBe(before);
    expect([c['seed'], c['replications'], c['template'], c['start'], c['months']]).toEqual([input['seed'], input['replications'], input['template'], input['start'], input['months']]);
    expect(() => nationalSchema.parse(c)).not.toThrow();
  });

  it('keeps what makes them a sample: ids, names, types, provinces, districts', () => {
    const input = varied();
    const c = p14AlikeScenario(input) as Record<string, any>;
    const sample = (g: any) => [g.id, g.name, g.type, g.province, g.districts];
    expect(c['governments'].map(sample)).toEqual(input['governments'].map(sample));
  });

  it('offers a service reaching at most half of the governments nowhere, and one reaching more than half everywhere', () => {
    const c = p14AlikeScenario(varied()) as Record<string, any>;
    const ids = c['innovations'].map((x: any) => x.id);
    expect(ids).toEqual(['e-office', 'vendor-app', 'mandated-service', 'three-of-four']);
    for (const x of c['innovations']) expect(x.governments).toBeUndefined();
    expect(p14AlikeChanges(varied())).toMatchObject({ servicesRemoved: ['cohort-only'], servicesEverywhere: ['vendor-app', 'three-of-four'] });
  });

  it("keeps a kept service's types (a kecamatan service reaches no province in the control either), dropping the rest of its selector", () => {
    const f = varied();
    f['innovations'].push({ ...f['innovations'][0], id: 'kecamatan-only', eligible: ['kecamatan'], governments: { types: ['regency', 'city'], except: ['prov-a'] } });
    const c = p14AlikeScenario(f) as Record<string, any>;
    expect(c['innovations'].find((x: any) => x.id === 'kecamatan-only').governments).toEqual({ types: ['regency', 'city'] });
    expect(p14AlikeChanges(f).servicesEverywhere).toContain('kecamatan-only');
    // The shipped file: village-information stays with the regencies and cities.
    const shipped = parse(readFileSync(fileURLToPath(new URL('../../scenarios/indonesia-2015-2025.yaml', import.meta.url)), 'utf8')) as Record<string, any>;
    const village = (p14AlikeScenario(shipped) as any)['innovations'].find((x: any) => x.id === 'village-information');
    expect(village.governments).toEqual({ types: ['regency', 'city'] });
  });

  it('gives a mandate reaching more than half to all (anchors of removed services dropped), one reaching fewer to none', () => {
    const c = p14AlikeScenario(varied()) as Record<string, any>;
    expect(c['national_regulations']).toEqual([{ id: 'for-three', from: '2017-01', strength: 0.5, anchors: ['mandated-service'], money: true }]);
  });

  it('removes a programme of at most half of the governments, and makes every government a member of the largest cohort of one of more', () => {
    const c = p14AlikeScenario(varied()) as Record<string, any>;
    expect(c['programmes']).toEqual([
      { id: 'big', cohorts: [{ id: 'big-2', from: '2017-06', members: ['prov-a', 'kota-a', 'kab-b', 'kota-c'] }], strength: 0.3, anchors: ['e-office'], vision: 0.6 },
    ]);
    expect(p14AlikeChanges(varied())).toMatchObject({ programmesRemoved: ['smart'], programmesEverywhere: ['big'] });
  });

  it('keeps the same pioneers, named by id (their cohort is gone)', () => {
    const c = p14AlikeScenario(varied()) as Record<string, any>;
    // smart-2017: kota-a listed, kota-c selected (highest fiscal capacity).
    expect(c['government_network']).toEqual({ same_province: true, pioneers: { ids: ['kota-a', 'kota-c'] } });
  });

  it('puts every government on the most common election cycle (none, or a cycle)', () => {
    // Fixture: kota-a on c2018, the three others on none.
    expect((p14AlikeScenario(fixture()) as any)['governments'].map((g: any) => g.election)).toEqual([undefined, undefined, undefined, undefined]);
    // Varied: kota-a and kab-b on c2018, two on none: the first written (the cycle) wins the tie.
    const c = p14AlikeScenario(varied()) as Record<string, any>;
    expect(c['governments'].map((g: any) => g.election)).toEqual(['c2018', 'c2018', 'c2018', 'c2018']);
    const three = varied();
    three['governments'][0] = { ...three['governments'][0], election: 'c2018' };
    expect((p14AlikeScenario(three) as any)['governments'].map((g: any) => g.election)).toEqual(['c2018', 'c2018', 'c2018', 'c2018']);
  });

  it("removes a government's own block and fiscal capacity, and offers it the portfolio", () => {
    const c = p14AlikeScenario(varied()) as Record<string, any>;
    for (const g of c['governments']) {
      expect(g.city).toBeUndefined();
      expect(g.fiscal_capacity).toBeUndefined();
      expect(g.portfolio).toBeUndefined();
    }
    expect(p14AlikeChanges(varied()).ownBlocksRemoved).toEqual(['kab-b']);
  });

  it('compiles to governments alike in every lever: services, mandates, money, inducement, vision floors, cohorts, heads, parameters', () => {
    const model = compileNational(nationalSchema.parse(p14AlikeScenario(varied())));
    const lever = (g: (typeof model.governments)[number]) =>
      JSON.stringify({
        services: g.model.innovations.map((x) => x.id),
        regulations: g.model.regulations.map((r) => [r.id, r.strength, r.unfunded ?? false]),
        money: g.money,
        forced: g.forcedLaunch,
        vision: g.visionFloors,
        cohorts: g.cohorts,
        election: g.election,
        leaders: g.model.leaders.length,
        vendors: g.model.vendors.map((v) => [v.id, v.contractEnd]),
      });
    const first = lever(model.governments[0]!);
    for (const g of model.governments) {
      expect(lever(g)).toBe(first);
      // Equal parameters share one object in the compile.
      expect(g.model.params).toBe(model.governments[0]!.model.params);
    }
    // The case differs in these levers (else the test above would prove nothing).
    const kase = compileNational(nationalSchema.parse(varied()));
    expect(new Set(kase.governments.map(lever)).size).toBeGreaterThan(1);
  });
});

describe("P14's spread control: the statistic and the decision", () => {
  it("the tally's spread is the SD (divisor n - 1) across governments of sustained / launched, 0 where nothing was launched", () => {
    const model = compileNational(nationalSchema.parse(fixture()));
    const tally = new NationalTally(model, seriesGroups(model));
    const row = (outcome: 'sustained' | 'never_adopted') => ({
      innovation: 'x',
      outcome,
      peak_live: outcome === 'sustained' ? 2 : 0,
      live_end: outcome === 'sustained' ? 2 : 0,
      first_adoption_month: outcome === 'sustained' ? 3 : null,
      last_discontinuation_month: null,
      main_cause: null,
      heeks_success: outcome === 'sustained' ? 2 : 0,
      heeks_partial: 0,
      heeks_failure: 0,
      heeks_replaced: 0,
    });
    // prov-a sustains 3 of 3, kota-a 0 of 3, kab-b 1 of 2 (its third is sustained but never launched: not counted), kota-c launched none.
    const plan: [('sustained' | 'never_adopted')[], number[]][] = [
      [['sustained', 'sustained', 'sustained'], [1, 1, 1]],
      [['never_adopted', 'never_adopted', 'never_adopted'], [1, 1, 1]],
      [['sustained', 'never_adopted', 'sustained'], [1, 1, 0]],
      [['never_adopted', 'never_adopted'], [0, 0]],
    ];
    const result = {
      replication: 0,
      outcomes: plan.map(([o]) => o.map(row)),
      endedByCause: plan.map(([o]) => new Int32Array(o.length * 16)),
      launched: plan.map(([, l]) => Uint8Array.from(l)),
      series: new Float64Array(tally.series.length),
      flows: new Float64Array(tally.flows.length),
      offering: new Int32Array(0),
      agents: [],
    } as unknown as NationalReplicationResult;
    tally.add(result);
    const shares = [1, 0, 0.5, 0];
    const mean = 0.375;
    const sd = Math.sqrt(shares.reduce((a, s) => a + (s - mean) ** 2, 0) / 3);
    expect(tally.spread[0]!.mean_sustained_share).toBeCloseTo(mean, 12);
    expect(tally.spread[0]!.sd_sustained_share).toBeCloseTo(sd, 12);
    expect(sd).toBeCloseTo(0.478713, 5);
  });

  it('pairs by replication index and gives the Student t interval of the mean difference', () => {
    const kase = [0.2, 0.22, 0.21, 0.19].map((sd, replication) => ({ replication, sd_sustained_share: sd }));
    // Given in another order: paired by index, not by position.
    const control = [0.15, 0.16, 0.17, 0.15].map((sd, replication) => ({ replication, sd_sustained_share: sd })).reverse();
    const c = compareSpread(kase, control);
    const d = [0.05, 0.06, 0.04, 0.04];
    const mean = 0.0475;
    const s = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / 3);
    const half = (3.182446305283708 * s) / 2;
    expect(c.replications).toEqual([0, 1, 2, 3]);
    expect(c.difference).toBeCloseTo(mean, 12);
    expect(c.low).toBeCloseTo(mean - half, 9);
    expect(c.high).toBeCloseTo(mean + half, 9);
    expect([c.caseSd, c.controlSd]).toEqual([expect.closeTo(0.205, 12), expect.closeTo(0.1575, 12)]);
    expect(c.evidence).toBe(true);
    expect(c.line).toContain('case - control 4.75 points');
    expect(c.line).toContain(": evidence that the spread comes from the governments' differences");
  });

  it('is not evidence when the interval reaches 0, when the control spreads more, or with one replication', () => {
    const rows = (xs: number[]) => xs.map((sd, replication) => ({ replication, sd_sustained_share: sd }));
    const straddles = compareSpread(rows([0.2, 0.2, 0.2]), rows([0.1, 0.3, 0.19]));
    expect(straddles.difference).toBeGreaterThan(0);
    expect(straddles.low).toBeLessThan(0);
    expect(straddles.evidence).toBe(false);
    expect(straddles.line).toContain(': not evidence');
    expect(compareSpread(rows([0.1, 0.11]), rows([0.2, 0.22])).evidence).toBe(false);
    const one = compareSpread(rows([0.3]), rows([0.1]));
    expect(one.evidence).toBe(false);
    expect(Number.isNaN(one.low)).toBe(true);
  });

  it("refuses replications that are not the case's (not the same seeds)", () => {
    const rows = (idx: number[]) => idx.map((replication) => ({ replication, sd_sustained_share: 0.1 }));
    expect(() => compareSpread(rows([0, 1]), rows([0, 2]))).toThrow(/same seeds/);
    expect(() => compareSpread(rows([0, 1]), rows([0, 1, 2]))).toThrow(/same seeds/);
  });

  it('runs the case and the control on the same replications', async () => {
    const r = await nationalP14Spread(FIXTURE, 2, 1);
    expect(r.case.spread.map((x) => x.replication)).toEqual([0, 1]);
    expect(r.alike.spread.map((x) => x.replication)).toEqual([0, 1]);
    expect(r.comparison.replications).toEqual([0, 1]);
    expect(r.alike.changes.programmesRemoved).toEqual(['smart']);
  }, 120_000);
});

describe("P14's spread control in docs/VALIDATION.md's P14 section", () => {
  it('shows the case and both controls side by side, the comparison and the changes, ids as code', async () => {
    const { p14Markdown } = await import('../../src/jobs/patterns.js');
    const { measureP14 } = await import('../../src/validation/p14-national.js');
    const p14 = (success: number) =>
      measureP14({
        pooled: [{ service: '(all)', counts: { success, partial: 50, total_failure: 35, replaced: 0 } }],
        spread: [{ governments: 100, sustain_most: 10, sustain_none: 30 }],
      });
    const rows = (xs: number[]) => xs.map((sd, replication) => ({ replication, sd_sustained_share: sd }));
    const comparison = compareSpread(rows([0.2, 0.21]), rows([0.22, 0.25]));
    const changes = { ...p14AlikeChanges(varied()), ownBlocksRemoved: ['kab-*b*'] };
    const text = p14Markdown(p14(15), p14(60), { p14: p14(20), comparison, changes }, 2);
    expect(text).toContain('| measure | model | band | verdict | control | control verdict | spread control | spread control verdict |');
    expect(text).toContain('| successes | 15.0 % | 10.0 %-25.0 % | pass | 41.4 % | FAIL | 19.0 % | pass |');
    // The SD row is in the table (no blank line before it).
    expect(text).toContain("| 30.0 % | pass |\n| SD of the governments' sustained shares (mean over replications) | 20.50 points | - | - | - | - | 23.50 points | - |");
    expect(text).toContain('2 replications of the national scenario per column');
    expect(text).toContain(": not evidence that the spread comes from the governments' differences.");
    expect(text).toContain('programmes removed: ` smart `');
    expect(text).toContain('own blocks removed: ` kab-*b* `');
    expect(text).toContain("every government's election cycle: ` c2018 `");
    // The spread thresholds have no source: the section says they are the project's reading.
    expect(text).toContain("the two spread thresholds (at least 5.0 % of governments sustaining at least half of their services, at least 20.0 % sustaining none) are the project's reading of a wide spread, not Heeks' numbers");
  });
});
