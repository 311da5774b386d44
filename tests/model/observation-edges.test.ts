/**
 * Observation (src/model/observation.ts) on worlds whose states are set by
 * hand, every expected value worked out in the comments: one row of
 * metrics (shares over eligible pairs, the failing and integrated shares
 * over every live instance, stage counts, counters, per-innovation
 * columns, the peak), the horizon outcomes on their boundaries (live at
 * the end exactly half the peak, usage exactly u_target, a peak exactly
 * min(min_peak, eligible), causes tied), the Heeks classes, Rogers'
 * realized categories with the sample SD, and the agents' table. (Written
 * for issue #9: the mutation score of observation.ts.)
 */
import { describe, expect, it } from 'vitest';
import { agents, metricNames, observe, outcomes, realizedCategories } from '../../src/model/observation.js';
import { CAUSE, CAUSES, type World } from '../../src/model/world.js';
import { PLAIN, QUIET, STAGE, STATE, live, opd, tick, world } from '../support/world.js';

const ids = (n: number) => Array.from({ length: n }, (_, o) => `a${o}`);

describe('one row of metrics, by hand', () => {
  it('month 4: x eligible everywhere, y only for the dinas a0..a2 and launched in month 6', () => {
    const w = world({
      opds: { list: ids(6).map((id, o) => opd(id, { type: o < 3 ? 'dinas' : 'badan' })) },
      innovations: [
        { id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
        { id: 'y', owner: 'opd', funding: 'apbd', launch: '2020-06', eligible: ['dinas'], ...PLAIN },
      ],
      parameters: { ...QUIET, u_fail: 0.3 },
    });
    tick(w, 4);
    const x = (o: number) => o * 2;
    const y = (o: number) => o * 2 + 1;
    live(w, x(0), { stage: STAGE.restructuring, usage: 0.2, translation: 0.4, integrated: true });
    live(w, x(1), { state: STATE.routinized, stage: STAGE.routinized, usage: 0.7, translation: 0.9 });
    w.state[x(2)] = STATE.aware;
    w.state[x(3)] = STATE.discontinued;
    w.everAdopted[x(3)] = 1;
    w.cause[x(3)] = CAUSE.disenchantment;
    live(w, x(5), { stage: STAGE.clarifying, usage: 0.3, translation: 0.5 });
    live(w, y(0), { stage: STAGE.clarifying, usage: 0.1, translation: 0.2 });
    w.state[y(1)] = STATE.aware;
    // Live where it is not eligible (a badan): in the failing and integrated shares only.
    live(w, y(3), { stage: STAGE.clarifying, usage: 0.25, translation: 1, integrated: true });
    w.counters.newAdoptions = 3;
    w.counters.adoptionsByCategory[1] = 2;
    w.counters.adoptionsByCategory[4] = 1;
    w.counters.discontinuedByCause[CAUSE.hazard] = 1;
    w.counters.discontinuedByCause[CAUSE.replacement] = 2;
    w.counters.learningSingle = 4;
    w.counters.learningDouble = 5;
    w.counters.learningDoubleVision = 6;
    w.counters.learningTriple = 7;
    w.commitment = 0.6;
    w.vision = 0.45;
    w.budget = 0.9;
    w.peakLive[0] = 2;
    w.peakLive[1] = 5;
    const names = metricNames(w.model);
    const row = new Float64Array(names.length);
    observe(w, row);
    const got = Object.fromEntries(names.map((name, c) => [name, row[c]]));
    // Eligible pairs: 6 (x) + 3 (y) = 9. Ever adopted among them: x a0 a1 a3 a5, y a0 = 5.
    // Live (eligible): x a0 a5 + y a0 = 3 live, x a1 routinized.
    // Live anywhere: those 4 and y a3 = 5; failing (usage < 0.3): x a0, y a0, y a3 = 3 (x a5 at 0.3 is not).
    // Agencies with an integrated live instance: a0 (x), a3 (y, not eligible) = 2 of 6.
    // Usage over the 4 eligible live: (.2 + .7 + .3 + .1) / 4 = .325; translation (.4 + .9 + .5 + .2) / 4 = .5.
    const want: Record<string, number> = {
      cumulative_adoption_share: 5 / 9,
      live_share: 4 / 9,
      routinized_share: 1 / 9,
      integrated_share: 2 / 6,
      failing_share: 3 / 5,
      mean_usage: 0.325,
      mean_translation: 0.5,
      state_unaware: 2, // x a4, y a2
      state_aware: 2, // x a2, y a1
      state_live: 3,
      state_routinized: 1,
      state_discontinued: 1,
      stage_restructuring: 1,
      stage_clarifying: 2,
      stage_routinized: 1,
      new_adoptions: 3,
      adoptions_innovator: 0,
      adoptions_early_adopter: 2,
      adoptions_early_majority: 0,
      adoptions_late_majority: 0,
      adoptions_laggard: 1,
      discontinued_defunded: 0,
      discontinued_vendor_exit: 0,
      discontinued_disenchantment: 0,
      discontinued_hazard: 1,
      discontinued_leadership: 0,
      discontinued_replacement: 2,
      learning_single: 4,
      learning_double: 5,
      learning_double_vision: 6,
      learning_triple: 7,
      leader_commitment: 0.6,
      vision: 0.45,
      budget: 0.9,
      'live.x': 3,
      'live.y': 1,
      'cumulative.x': 4 / 6,
      'cumulative.y': 1 / 3,
      'routinized.x': 1,
      'routinized.y': 0,
      'aware.x': 1,
      'aware.y': 1,
      'launched.x': 1,
      'launched.y': 0,
    };
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const [name, v] of Object.entries(want)) expect(got[name], name).toBeCloseTo(v, 12);
    // The peak of live instances: x rises from 2 to 3; y keeps 5.
    expect(Array.from(w.peakLive)).toEqual([3, 5]);
  });
});

/** A world of 8 agencies and the innovations `inns`, at its horizon (month 24). */
function horizon(inns: { id: string; eligible?: string[] }[]): World {
  const w = world({
    opds: { list: ids(8).map((id) => opd(id)) },
    innovations: inns.map((x) => ({ owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN, ...x })),
    parameters: { ...QUIET, min_peak: 3, u_target: 0.6 },
  });
  tick(w, 24);
  return w;
}

function ended(w: World, i: number, cause: number, state: number = STATE.discontinued): void {
  w.state[i] = state;
  w.everAdopted[i] = 1;
  w.cause[i] = cause;
}

describe('outcomes at the horizon, by hand', () => {
  it('sustained at exactly half the peak, declining just under it, discontinued, withdrawn, never adopted; Heeks classes; main cause', () => {
    const w = horizon([{ id: 'x' }, { id: 'y' }, { id: 'z' }, { id: 'u' }, { id: 'v' }]);
    const k = w.k;
    const at = (o: number, j: number) => o * k + j;
    // x: live at the end a0 (routinized, usage = u_target: success), a1 (routinized, usage just under: partial),
    // a2 (live, usage .9 but not routinized: partial); peak 6 -> 3 >= 6 / 2: sustained.
    live(w, at(0, 0), { state: STATE.routinized, usage: 0.6 });
    live(w, at(1, 0), { state: STATE.routinized, usage: 0.59 });
    live(w, at(2, 0), { usage: 0.9 });
    ended(w, at(3, 0), CAUSE.replacement); // replaced
    ended(w, at(4, 0), CAUSE.hazard); // failure
    ended(w, at(5, 0), CAUSE.disenchantment, STATE.aware); // aware again after a re-adoption window: still a failure
    w.peakLive[0] = 6;
    w.firstAdopted[0] = 0;
    w.lastEnded[0] = 0;
    // Causes of x tied at 2: the first in CAUSES order (hazard before replacement) is the main one.
    w.endedByCause[0 * (CAUSES.length + 1) + CAUSE.hazard] = 2;
    w.endedByCause[0 * (CAUSES.length + 1) + CAUSE.replacement] = 2;
    // y: 2 live, peak 5: 2 < 2.5, declining.
    live(w, at(0, 1));
    live(w, at(1, 1));
    w.peakLive[1] = 5;
    w.firstAdopted[1] = 3;
    w.lastEnded[1] = -1;
    w.endedByCause[1 * (CAUSES.length + 1) + CAUSE.leadership] = 1;
    // z: adopted once, none live at the end: discontinued.
    ended(w, at(0, 2), CAUSE.defunded);
    w.peakLive[2] = 1;
    w.firstAdopted[2] = 2;
    w.lastEnded[2] = 7;
    // u: withdrawn, though 4 of a peak of 4 are live: discontinued.
    for (let o = 0; o < 4; o++) live(w, at(o, 3));
    w.peakLive[3] = 4;
    w.firstAdopted[3] = 1;
    w.withdrawn[3] = 1;
    // v: never adopted.
    w.firstAdopted[4] = -1;
    const rows = outcomes(w);
    expect(rows.map((r) => [r.innovation, r.outcome, r.peak_live, r.live_end])).toEqual([
      ['x', 'sustained', 6, 3],
      ['y', 'declining', 5, 2],
      ['z', 'discontinued', 1, 0],
      ['u', 'discontinued', 4, 4],
      ['v', 'never_adopted', 0, 0],
    ]);
    expect(rows.map((r) => [r.heeks_success, r.heeks_partial, r.heeks_failure, r.heeks_replaced])).toEqual([
      [1, 2, 2, 1],
      [0, 2, 0, 0],
      [0, 0, 1, 0],
      [0, 4, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(rows.map((r) => r.main_cause)).toEqual(['hazard', 'leadership', null, null, null]);
    expect(rows.map((r) => r.first_adoption_month)).toEqual([0, 3, 2, 1, null]);
    expect(rows.map((r) => r.last_discontinuation_month)).toEqual([0, null, 7, null, null]);
  });

  it('the peak bar is min(min_peak, eligible agencies): 2 of 2 eligible is sustained, 2 of 8 eligible is not', () => {
    const w = horizon([{ id: 'few', eligible: ['a0', 'a1'] }, { id: 'many' }]);
    for (const j of [0, 1]) {
      live(w, 0 * w.k + j);
      live(w, 1 * w.k + j);
      w.peakLive[j] = 2;
      w.firstAdopted[j] = 1;
    }
    expect(outcomes(w).map((r) => r.outcome)).toEqual(['sustained', 'declining']);
  });
});

describe("Rogers' realized categories (sample SD, bands [lower, upper))", () => {
  it('months 0, 1, 2: mean 1, SD 1 (n - 1), z = -1, 0, 1 exactly', () => {
    // With the population SD (0.816) month 0 would be z = -1.22, an early adopter.
    expect(realizedCategories([0, 1, 2])).toEqual(['early_majority', 'late_majority', 'laggard']);
  });
  it('an innovator and the agencies that never adopted', () => {
    // Mean 9, sample SD sqrt(90 / 9) = 3.16: month 0 is z = -2.85.
    expect(realizedCategories([0, null, 10, 10, 10, 10, 10, 10, 10, 10, 10])).toEqual([
      'innovator', null, 'late_majority', 'late_majority', 'late_majority', 'late_majority', 'late_majority', 'late_majority', 'late_majority', 'late_majority', 'late_majority',
    ]);
  });
  it('months 4, 6, 2, 6, 5, 6, 6, 6, 6, 3: an early adopter at z in [-2, -1)', () => {
    // Mean 5, sum of squares 1+1+9+1+0+1+1+1+1+4 = 20, SD sqrt(20 / 9) = 1.49: month 2 is z = -2.01 (innovator),
    // month 3 is z = -1.34 (early adopter), month 4 z = -0.67 (early majority), 5 z = 0, 6 z = 0.67.
    expect(realizedCategories([4, 6, 2, 6, 5, 6, 6, 6, 6, 3])).toEqual([
      'early_majority', 'late_majority', 'innovator', 'late_majority', 'late_majority', 'late_majority', 'late_majority', 'late_majority', 'late_majority', 'early_adopter',
    ]);
  });
  it('one adopter, or all in the same month (SD 0): early majority; nobody: all null', () => {
    expect(realizedCategories([null, 5, null])).toEqual([null, 'early_majority', null]);
    expect(realizedCategories([3, 3])).toEqual(['early_majority', 'early_majority']);
    expect(realizedCategories([null, null])).toEqual([null, null]);
  });
});

describe('the agents table', () => {
  it('each agency: id, type, theta, category of theta, capacity, initial champion, first adoption, realized category', () => {
    const w = world({
      opds: {
        list: [
          opd('p', { theta: 0.5, capacity: 0.3, champion: true, type: 'badan' }),
          opd('q', { theta: 0.2, capacity: 0.8 }),
          opd('r', { theta: 0.7, capacity: 0.1 }),
        ],
      },
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET, theta_mean: 0.5, theta_sd: 0.1 },
    });
    w.firstAdoption[0] = 0;
    w.firstAdoption[1] = 2;
    w.firstAdoption[2] = -1;
    // Realized: months 0 and 2, mean 1, sample SD sqrt(2): z = -0.71 and 0.71.
    // Category of theta (mean .5, SD .1): .5 -> z 0 late majority; .2 -> z -3 innovator; .7 -> z 2 laggard.
    expect(agents(w)).toEqual([
      { opd: 'p', type: 'badan', theta: 0.5, category: 'late_majority', capacity: 0.3, champion: 1, first_adoption_month: 0, realized_category: 'early_majority' },
      { opd: 'q', type: 'other', theta: 0.2, category: 'innovator', capacity: 0.8, champion: 0, first_adoption_month: 2, realized_category: 'late_majority' },
      { opd: 'r', type: 'other', theta: 0.7, category: 'laggard', capacity: 0.1, champion: 0, first_adoption_month: null, realized_category: null },
    ]);
  });
});
