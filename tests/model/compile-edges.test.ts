/**
 * compile() (src/model/compile.ts) on one scenario whose every compiled
 * field is worked out by hand below: the phase-1 event months (each bit,
 * on both sides of the table's ends), the budget climate, the agencies
 * (generated, replaced by an explicit entry, listed), the innovations'
 * vendor, platform, pilot length, integration month and eligibility, the
 * regulations, the leaders (sorted by `from`, sponsors and `sponsored`),
 * the platforms, the initial adopters of both forms, re-adoption off and
 * on. (Written for issue #9: the mutation score of compile.ts.)
 *
 * start 2020-01, so month index t is 2020-01 + (t - 1) months: 2020-03 is
 * 3, 2020-10 is 10, 2021-01 is 13, 2021-02 is 14; months 24, so the
 * table of event months has ticks 0..25.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_MONTH, FUNDING, OWNER, SPONSOR, allocateTypes } from '../../src/model/compile.js';
import { keyOf } from '../../src/engine/random.js';
import { model } from './helpers.js';
import { PLAIN, world, opd } from '../support/world.js';

const scenario = () =>
  model({
    start: '2020-01',
    months: 24,
    coordinator: 'kominfo',
    opds: {
      generate: { count: 4, types: { dinas: 1, badan: 1 }, id_prefix: 'g' },
      list: [
        // Replaces the generated g2 in place (index 1), with its own type and name.
        { id: 'g2', type: 'kecamatan', name: 'Kecamatan Dua', capacity: 0.25, slack: 0.75 },
        { id: 'kominfo', type: 'secretariat', champion: true, reflexivity: 0.4, theta: 0.35 },
      ],
    },
    vendors: [{ id: 'v1', contract_end: '2020-10' }, { id: 'v2' }],
    platforms: [
      { id: 'p1', custodian: 'v2', active_until: '2021-02' },
      { id: 'p2', custodian: 'coordinator', active_until: '2021-06' },
    ],
    innovations: [
      // Launch 3, integrated from 6: launch bits at 3 and 6. On p1, whose custodian is v2: vendor 1.
      { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-03', integrated_from: '2020-06', platform: 'p1', eligible: ['dinas', 'kominfo'], ...PLAIN },
      // A pilot of 6 months from month 2: pilot end at 8; integrated from its launch (no second mark); names v1.
      { id: 'b', owner: 'vendor', vendor: 'v1', funding: 'pilot', pilot_months: 6, launch: '2020-02', integrated_from: '2020-02', sponsor: 'leader', costly: true, ...PLAIN, initial_adopters: ['badan'] },
      // Launch 26: past the table (ticks 0..25), not marked. pilot_months given but not a pilot: 0.
      { id: 'c', owner: 'coordinator', funding: 'national', pilot_months: 4, launch: '2022-02', platform: 'p2', sponsor: 'opd', ...PLAIN },
    ],
    regulations: [
      { from: '2020-04', to: '2020-08', strength: 0.7, applies_to: ['dinas'], anchors: ['a', 'c'], requires_budget_line: true },
      { id: 'ban', from: '2020-02', strength: 0.2, bans_standalone: true },
    ],
    // Listed out of order: compiled sorted by `from`.
    leaders: [
      { id: 'second', from: '2020-06', sponsors: ['c'], sponsored: ['a'] },
      { id: 'first', from: '2019-06', to: '2020-05', commitment: 0.8, sponsors: ['b'] },
    ],
    budget_shocks: [
      { from: '2020-03', to: '2020-05', factor: 0.5 },
      { from: '2020-09', to: '2020-10', factor: 0.8 },
    ],
    initial_adopters: [
      { innovation: 'a', opds: ['g1'], opd: 'kominfo', state: 'routinized' },
      { innovation: 'c', opd: 'g3' },
    ],
    parameters: { readopt_months: 9 },
  });

describe('compile: one scenario, every field by hand', () => {
  it('event months: each bit at its month, nothing outside ticks 0..25', () => {
    const m = scenario();
    expect(m.eventMonths.length).toBe(26);
    const months = (bit: number) => [...m.eventMonths.keys()].filter((t) => (m.eventMonths[t]! & bit) !== 0);
    // Launches 3 and 2, a's integration at 6 (b's integration month is its launch); c at 26 is past the table.
    expect(months(EVENT_MONTH.launch)).toEqual([2, 3, 6]);
    // b's pilot: launch 2 + 6 months.
    expect(months(EVENT_MONTH.pilotEnd)).toEqual([8]);
    // v1's contract end (v2 has none).
    expect(months(EVENT_MONTH.vendorExit)).toEqual([10]);
    // Ticks 0, 1 and 25; the first regulation's from 4 and to + 1 = 9; the ban's from 2 (open-ended).
    expect(months(EVENT_MONTH.regulation)).toEqual([0, 1, 2, 4, 9, 25]);
    // first: from -6 (before the table), to 5 -> 6; second: from 6.
    expect(months(EVENT_MONTH.leader)).toEqual([6]);
    // The earliest platform end is p1's 14: every tick after it.
    expect(months(EVENT_MONTH.platformEnd)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  });

  it('budget climate: the factor of the shock in force, 1 outside, ticks 0..25', () => {
    const m = scenario();
    const want = Array.from({ length: 26 }, (_, t) => (t >= 3 && t <= 5 ? 0.5 : t >= 9 && t <= 10 ? 0.8 : 1));
    expect(Array.from(m.budgetClimate)).toEqual(want);
    expect(m.shocks).toEqual([
      { from: 3, to: 5, factor: 0.5 },
      { from: 9, to: 10, factor: 0.8 },
    ]);
  });

  it('agencies: generated by largest remainder, an explicit entry in a generated place, drawn fields kept when given', () => {
    const m = scenario();
    expect(m.opds.map((o) => [o.id, o.type, o.name])).toEqual([
      ['g1', 'dinas', 'g1'],
      ['g2', 'kecamatan', 'Kecamatan Dua'],
      ['g3', 'badan', 'g3'],
      ['g4', 'badan', 'g4'],
      ['kominfo', 'secretariat', 'kominfo'],
    ]);
    expect(m.opds.map((o) => o.typeIndex)).toEqual(m.opds.map((o) => ['dinas', 'badan', 'kecamatan', 'secretariat', 'other'].indexOf(o.type)));
    expect(m.opds.map((o) => o.key)).toEqual(['g1', 'g2', 'g3', 'g4', 'kominfo'].map(keyOf));
    expect(m.coordinator).toBe(4);
    // The fields a file gives are kept; the others are left for initWorld to draw.
    expect([m.opds[0]!.capacity, m.opds[0]!.slack, m.opds[0]!.theta, m.opds[0]!.champion, m.opds[0]!.reflexivity]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(m.opds[1]!.capacity).toBe(0.25);
    expect(m.opds[1]!.slack).toBe(0.75);
    expect(m.opds[4]!.champion).toBe(true);
    expect(m.opds[4]!.reflexivity).toBe(0.4);
    expect(m.opds[4]!.theta).toBe(0.35);
  });

  it('innovations: owner, funding, vendor, pilot length, platform, integration month, sponsor, eligibility', () => {
    const m = scenario();
    const [a, b, c] = m.innovations;
    expect([a!.owner, b!.owner, c!.owner]).toEqual([OWNER.opd, OWNER.vendor, OWNER.coordinator]);
    expect([a!.funding, b!.funding, c!.funding]).toEqual([FUNDING.apbd, FUNDING.pilot, FUNDING.national]);
    // a: no vendor named, its platform p1 is in v2's custody -> 1; b names v1 -> 0; c: p2 is the coordinator's, not vendor-owned -> -1.
    expect([a!.vendor, b!.vendor, c!.vendor]).toEqual([1, 0, -1]);
    expect([a!.pilotMonths, b!.pilotMonths, c!.pilotMonths]).toEqual([0, 6, 0]);
    expect([a!.platform, b!.platform, c!.platform]).toEqual([0, -1, 1]);
    expect([a!.integratedFrom, b!.integratedFrom, c!.integratedFrom]).toEqual([6, 2, Infinity]);
    expect([a!.launch, b!.launch, c!.launch]).toEqual([3, 2, 26]);
    expect([a!.sponsor, b!.sponsor, c!.sponsor]).toEqual([SPONSOR.none, SPONSOR.leader, SPONSOR.opd]);
    expect([a!.costly, b!.costly, c!.costly]).toEqual([false, true, false]);
    // a: the dinas g1 and kominfo by id; b, c: everyone.
    expect(Array.from(a!.eligible)).toEqual([1, 0, 0, 0, 1]);
    expect(a!.eligibleCount).toBe(2);
    expect(Array.from(b!.eligible)).toEqual([1, 1, 1, 1, 1]);
    expect(b!.eligibleCount).toBe(5);
    expect([a!.ra, a!.co, a!.cx, a!.tr, a!.ob]).toEqual([PLAIN.relative_advantage, PLAIN.compatibility, PLAIN.complexity, PLAIN.trialability, PLAIN.observability]);
  });

  it('a vendor-owned innovation without a vendor or platform: the only vendor when there is one, else none', () => {
    const one = model({
      vendors: [{ id: 'solo' }],
      innovations: [
        { id: 'x', owner: 'vendor', funding: 'apbd', launch: '2020-01', ...PLAIN },
        { id: 'y', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
      ],
    });
    expect(one.innovations.map((x) => x.vendor)).toEqual([0, -1]);
    const two = model({ vendors: [{ id: 'v1' }, { id: 'v2' }], innovations: [{ id: 'x', owner: 'vendor', funding: 'apbd', launch: '2020-01', ...PLAIN }] });
    expect(two.innovations[0]!.vendor).toBe(-1);
    // A platform in the custody of "vendor" with the only vendor listed: that vendor.
    const custody = model({
      vendors: [{ id: 'solo', contract_end: '2020-05' }],
      platforms: [{ id: 'p', custodian: 'vendor' }],
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', platform: 'p', ...PLAIN }],
    });
    expect(custody.innovations[0]!.vendor).toBe(0);
    expect(custody.platforms).toEqual([{ id: 'p', custodianVendor: 0, activeUntil: Infinity }]);
  });

  it('regulations, leaders, platforms, vendors', () => {
    const m = scenario();
    const [r1, ban] = m.regulations;
    expect([r1!.id, r1!.from, r1!.to, r1!.strength, r1!.requiresBudgetLine, r1!.bansStandalone]).toEqual(['regulation-1', 4, 8, 0.7, true, false]);
    expect([ban!.id, ban!.from, ban!.to, ban!.strength, ban!.requiresBudgetLine, ban!.bansStandalone]).toEqual(['ban', 2, Infinity, 0.2, false, true]);
    expect(Array.from(r1!.applies)).toEqual([1, 0, 0, 0, 0]);
    expect(Array.from(ban!.applies)).toEqual([1, 1, 1, 1, 1]);
    expect(Array.from(r1!.anchors)).toEqual([1, 0, 1]);
    expect(Array.from(ban!.anchors)).toEqual([0, 0, 0]);
    expect(m.leaders).toEqual([
      { id: 'first', from: -6, to: 5, commitment: 0.8, sponsors: [1] },
      { id: 'second', from: 6, to: Infinity, sponsors: [2, 0] },
    ]);
    expect(m.platforms).toEqual([
      { id: 'p1', custodianVendor: 1, activeUntil: 14 },
      { id: 'p2', custodianVendor: -1, activeUntil: 18 },
    ]);
    expect(m.vendors).toEqual([
      { id: 'v1', contractEnd: 10 },
      { id: 'v2', contractEnd: Infinity },
    ]);
  });

  it('initial adopters: `opds` and `opd` together, the state, and the per-innovation form after the top-level ones', () => {
    const m = scenario();
    expect(m.initialAdopters.map((x) => [x.innovation, Array.from(x.opds), x.routinized])).toEqual([
      [0, [1, 0, 0, 0, 1], true],
      [2, [0, 0, 1, 0, 0], false],
      // b's own list: the badan agencies g3 and g4 (g2 is now a kecamatan).
      [1, [0, 0, 1, 1, 0], false],
    ]);
  });

  it('re-adoption: a number of months, or off (Infinity)', () => {
    expect(scenario().readoptMonths).toBe(9);
    const off = model({ innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }], parameters: { readopt_months: 'off' } });
    expect(off.readoptMonths).toBe(Infinity);
    expect(Number.isNaN(off.params.readopt_months)).toBe(true);
    const unset = model({ innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }] });
    expect(unset.readoptMonths).toBe(Infinity);
    expect(unset.bass).toBe(false);
    expect(model({ decision: 'bass', innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }] }).bass).toBe(true);
  });

  it('an agency value given in the file is the world\'s; a value left out is drawn (capacity and slack)', () => {
    const w = world({ opds: { list: [opd('a', { capacity: 0.2, slack: 0.9 }), { id: 'b' }] }, innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }] });
    expect([w.capacity[0], w.slack[0]]).toEqual([0.2, 0.9]);
    // b's are drawn from the truncated normal on [0, 1]: not the other agency's, and inside the band.
    expect(w.capacity[1]).toBeGreaterThan(0);
    expect(w.capacity[1]).toBeLessThan(1);
    expect(w.capacity[1]).not.toBe(w.slack[1]);
  });

  it('vendors and platforms found by index: a vendor or platform listed second', () => {
    const m = model({
      vendors: [{ id: 'v1' }, { id: 'v2' }],
      platforms: [
        { id: 'pa', custodian: 'v1' },
        { id: 'pb', custodian: 'v2' },
      ],
      innovations: [
        // Names the second vendor: 1.
        { id: 'x', owner: 'vendor', vendor: 'v2', funding: 'apbd', launch: '2020-01', ...PLAIN },
        // On the second platform, in v2's custody: 1; on the first, v1's: 0.
        { id: 'y', owner: 'opd', funding: 'apbd', launch: '2020-01', platform: 'pb', ...PLAIN },
        { id: 'z', owner: 'opd', funding: 'apbd', launch: '2020-01', platform: 'pa', ...PLAIN },
      ],
    });
    expect(m.innovations.map((x) => [x.vendor, x.platform])).toEqual([
      [1, -1],
      [1, 1],
      [0, 0],
    ]);
  });

  it('a pinned category is kept for initWorld (theta drawn inside its band)', () => {
    const m = model({
      opds: { list: [{ id: 'a', category: 'laggard' }, { id: 'b' }] },
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
    });
    expect(m.opds[0]!.category).toBe('laggard');
    expect(m.opds[1]!.category).toBeUndefined();
  });
});

describe('allocateTypes: largest remainder, ties to the type first in the vocabulary order (not the listing order)', () => {
  it('equal weights, one agency left over: the first type in the vocabulary order gets it', () => {
    // 4 over three equal weights: 1 each, remainders 1/3 each, the leftover to dinas.
    expect(allocateTypes(4, { kecamatan: 1, badan: 1, dinas: 1 })).toEqual(['dinas', 'dinas', 'badan', 'kecamatan']);
    // 7 over four: 1 each, remainders 3/4 each, three leftovers to dinas, badan, secretariat.
    expect(allocateTypes(7, { other: 1, secretariat: 1, badan: 1, dinas: 1 })).toEqual(['dinas', 'dinas', 'badan', 'badan', 'secretariat', 'secretariat', 'other']);
    // 3 over five equal weights: 0 each, remainders 3/5, the three first types.
    expect(allocateTypes(3, { other: 1, secretariat: 1, kecamatan: 1, badan: 1, dinas: 1 })).toEqual(['dinas', 'badan', 'kecamatan']);
    // A larger remainder first whatever the order: 5 over {dinas 1, badan 2}: 1.67 and 3.33 -> 2 and 3.
    expect(allocateTypes(5, { dinas: 1, badan: 2 })).toEqual(['dinas', 'dinas', 'badan', 'badan', 'badan']);
  });
});
