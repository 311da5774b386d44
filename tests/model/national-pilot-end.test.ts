/**
 * A vendor's pilot in a national scenario ends in the same month in every
 * government that offers it, launched there or not (docs/NATIONAL.md,
 * "Shared vendors"): each government decides its take-over as the city
 * model does. A government whose decision withdrew the pilot has nothing
 * left to launch: it never launches the service afterwards, neither on its
 * own nor when a programme or a mandate would make it (a launch of a
 * withdrawn pilot would be a "launched" initiative that could never go
 * live, a total failure P14 would count).
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import { compileNational, type NationalModel } from '../../src/model/national/compile.js';
import { initNational, nationalMonth, simulateNationalReplication } from '../../src/model/national/simulate.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { LINE, STATE } from '../../src/model/world.js';

type Input = Record<string, unknown>;

const PILOT = {
  id: 'svc',
  owner: 'vendor',
  funding: 'pilot',
  pilot_months: 2,
  launch: '2020-01',
  relative_advantage: 0.8,
  compatibility: 0.8,
  complexity: 0.2,
  trialability: 0.8,
  observability: 0.8,
  takeover: 0,
};

function build(extra: Input = {}, governments = 40): NationalModel {
  const input: Input = {
    name: 'pilot-end',
    start: '2020-01',
    months: 12,
    seed: 5,
    replications: 1,
    template: { agencies: { city: { dinas: 4 }, province: { dinas: 2 } } },
    innovations: [PILOT],
    // Every pilot not taken over is withdrawn.
    parameters: { pilot_discontinue: 1 },
    governments: [
      { id: 'p', type: 'province', province: 'p' },
      ...Array.from({ length: governments }, (_, x) => ({ id: `g${x}`, type: 'city', province: 'p' })),
    ],
    ...extra,
  };
  return compileNational(nationalSchema.parse(input) as NationalScenario);
}

/** The pilot's end month (launch + pilot_months) as a month index of the run. */
const PILOT_END = 1 + 2;

describe('a pilot withdrawn in a government before it launched the service', () => {
  it('is never launched there by the government itself', () => {
    // About 39 % a month: some governments launch before the pilot's end, some after it would.
    const model = build({ national_parameters: { gov_launch_base: 6, gov_imitation: 0, gov_competition: 0 } });
    let withdrawnUnlaunched = 0;
    let launchedInPilot = 0;
    for (let r = 0; r < 4; r++) {
      const run = initNational(model, model.scenario.seed, r);
      for (let m = 1; m <= model.months; m++) nationalMonth(model, run, m);
      run.worlds.forEach((w) => {
        const at = w.national!.launchedAt[0]!;
        expect(w.withdrawn[0], 'every pilot is withdrawn').toBe(1);
        // Launched while the pilot ran, or never (a launch in the end month is called off by the withdrawal).
        expect(at < PILOT_END, `launched in month ${at}`).toBe(true);
        if (at < 0) withdrawnUnlaunched++;
        else launchedInPilot++;
      });
    }
    // Both cases were exercised: with the old rule the unlaunched ones launched later at 39 % a month.
    expect(withdrawnUnlaunched).toBeGreaterThan(10);
    expect(launchedInPilot).toBeGreaterThan(10);
  });

  it('is not launched by a programme cohort joining after the withdrawal, and counts in no launched pair', () => {
    const model = build(
      {
        national_parameters: { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 },
        programmes: [{ id: 'prog', cohorts: [{ id: 'late', from: '2020-06', members: ['g0', 'g1'] }], anchors: ['svc'] }],
      },
      2,
    );
    // The cohort's join is a forced launch of month 6, after the pilot's end in month 3.
    expect(model.governments[1]!.forcedLaunch).toEqual([[6, 0]]);
    const result = simulateNationalReplication(model, model.scenario.seed, 0);
    for (const gi of [1, 2]) expect(result.launched[gi]![0], `government ${gi}`).toBe(0);
  });

  it('calls off a launch made in the month the pilot is withdrawn', () => {
    // The cohort joins in the pilot's end month: its launch comes before that month's pilot end.
    const model = build(
      {
        national_parameters: { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 },
        programmes: [{ id: 'prog', cohorts: [{ id: 'at-end', from: '2020-03', members: ['g0'] }], anchors: ['svc'] }],
      },
      1,
    );
    expect(model.governments[1]!.forcedLaunch).toEqual([[PILOT_END, 0]]);
    const result = simulateNationalReplication(model, model.scenario.seed, 0);
    expect(result.launched[1]![0]).toBe(0);
    expect(result.outcomes[1]![0]!.first_adoption_month).toBe(null);
  });
});

/**
 * National money (a funded mandate or programme) that reached a government
 * before a pilot's end pays for the service in place of the pilot: the end
 * has nothing left to decide there (docs/NATIONAL.md, "With money"; the
 * national line is cut only by betrayal, MODEL.md 7.7). A government the
 * mandate does not reach decides as before.
 */
describe('a pilot ending where national money already pays for the service', () => {
  const run = (takeover: number) => {
    const model = build(
      {
        innovations: [{ ...PILOT, pilot_months: 6, takeover }],
        parameters: { pilot_discontinue: 1, h0_other: 0, bass_p: 0.9 },
        national_parameters: { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 },
        national_regulations: [
          { id: 'funded', from: '2020-02', strength: 0.5, anchors: ['svc'], money: true, governments: { ids: ['g0'] } },
        ],
        // The other government launches the service in the same month by joining a programme without money.

        programmes: [{ id: 'prog', cohorts: [{ id: 'c', from: '2020-02', members: ['g1'] }], anchors: ['svc'] }],
      },
      2,
    );
    const r = initNational(model, model.scenario.seed, 0);
    for (let m = 1; m <= 7; m++) nationalMonth(model, r, m);
    const lines = (gi: number) => {
      const w = r.worlds[gi]!;
      return Array.from({ length: w.n }, (_, o) => w.line[o * w.k]!);
    };
    const states = (gi: number) => {
      const w = r.worlds[gi]!;
      return Array.from({ length: w.n }, (_, o) => w.state[o * w.k]!);
    };
    return { r, lines, states };
  };

  it('keeps the instances live on their national lines when the pilot is not taken over', () => {
    const { r, lines, states } = run(0);
    const funded = r.worlds[1]!;
    expect(funded.national!.money[0]).toBe(1);
    expect(funded.withdrawn[0]).toBe(0);
    expect(states(1).every((s) => s === STATE.live || s === STATE.routinized)).toBe(true);
    expect(lines(1).every((l) => l === LINE.national)).toBe(true);
    // Where no national money arrived, the pilot is withdrawn as in a city.
    const unfunded = r.worlds[2]!;
    expect(unfunded.national!.launchedAt[0]).toBe(2);
    expect(unfunded.withdrawn[0]).toBe(1);
    expect(states(2).every((s) => s === STATE.discontinued)).toBe(true);
  });

  it('keeps the national lines when the city would take the pilot over', () => {
    const { r, lines } = run(1);
    expect(r.worlds[1]!.takenOver[0]).toBe(0);
    expect(lines(1).every((l) => l === LINE.national)).toBe(true);
    // Taken over where nothing national pays: the instances get city lines.
    expect(r.worlds[2]!.takenOver[0]).toBe(1);
    expect(lines(2).every((l) => l === LINE.apbd)).toBe(true);
  });
});
