/**
 * Programmes (docs/NATIONAL.md, "National actors"):
 *
 *  - a programme's `money` pays for its anchored services in member
 *    governments whatever its `strength` (the strength is that of its
 *    regulation; 0 is no regulation, not no money);
 *  - a cohort that joined before the scenario's start is a member from
 *    month 1: its regulation is in force, its money and vision floor arrive
 *    and it launches the programme's services then (it used to get nothing
 *    while still listed as a member).
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import { compileNational, type NationalModel } from '../../src/model/national/compile.js';
import { initNational, nationalMonth } from '../../src/model/national/simulate.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { LINE, STATE } from '../../src/model/world.js';

type Input = Record<string, unknown>;

const SVC = {
  id: 'svc',
  owner: 'opd',
  funding: 'apbd',
  launch: '2020-01',
  relative_advantage: 0.8,
  compatibility: 0.8,
  complexity: 0.2,
  trialability: 0.8,
  observability: 0.8,
};

function build(extra: Input): NationalModel {
  const input: Input = {
    name: 'programme-money',
    start: '2020-01',
    months: 6,
    seed: 3,
    replications: 1,
    template: { agencies: { city: { dinas: 4 }, province: { dinas: 2 } } },
    innovations: [SVC],
    parameters: { bass_p: 0.9, h0_other: 0 },
    // No launch of a government's own: only what the programme or the mandate makes.
    national_parameters: { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 },
    governments: [
      { id: 'p', type: 'province', province: 'p' },
      { id: 'a', type: 'city', province: 'p' },
    ],
    ...extra,
  };
  return compileNational(nationalSchema.parse(input) as NationalScenario);
}

/** Government `a` after `months` months: national money, launch month, vision and its agencies' lines for the service. */
function after(model: NationalModel, months: number) {
  const run = initNational(model, model.scenario.seed, 0);
  for (let m = 1; m <= months; m++) nationalMonth(model, run, m);
  const w = run.worlds[1]!;
  return {
    money: w.national!.money[0],
    launchedAt: w.national!.launchedAt[0],
    vision: w.vision,
    /** Lines of the live instances. */
    lines: Array.from({ length: w.n }, (_, o) => o * w.k)
      .filter((i) => w.state[i] === STATE.live || w.state[i] === STATE.routinized)
      .map((i) => w.line[i]!),
  };
}

const programme = (from: string, more: Input = {}) => ({
  programmes: [{ id: 'prog', cohorts: [{ id: 'c1', from, members: ['a'] }], anchors: ['svc'], money: true, ...more }],
});

describe('programme money', () => {
  it('arrives with the cohort when the programme has no regulation (strength 0)', () => {
    const model = build(programme('2020-02'));
    const g = model.governments[1]!;
    expect(g.model.regulations.map((r) => r.id)).toEqual([]);
    expect(g.money).toEqual([[2, 0]]);
    const a = after(model, 6);
    expect(a.money).toBe(1);
    expect(a.launchedAt).toBe(2);
    // Adopters (bass_p 0.9) are on the national line.
    expect(a.lines.length).toBeGreaterThan(0);
    expect(a.lines.every((l) => l === LINE.national)).toBe(true);
  });
});

describe('a cohort that joined before the start', () => {
  it('is a member from month 1: regulation, money, vision floor and launch', () => {
    const model = build(programme('2019-06', { strength: 0.5, vision: 0.9 }));
    const g = model.governments[1]!;
    expect(g.cohorts).toEqual(['c1']);
    expect(g.model.regulations.map((r) => r.id)).toEqual(['programme.prog']);
    expect(g.money).toEqual([[1, 0]]);
    expect(g.visionFloors).toEqual([[1, 0.9]]);
    expect(g.forcedLaunch.map(([m, j]) => [m, j])).toContainEqual([1, 0]);
    const a = after(model, 1);
    expect(a.launchedAt).toBe(1);
    expect(a.money).toBe(1);
    expect(a.vision).toBeGreaterThanOrEqual(0.9);
  });

  it('gives what a cohort joining in month 1 gives', () => {
    const before = build(programme('2019-06', { strength: 0.5, vision: 0.9 })).governments[1]!;
    const atStart = build(programme('2020-01', { strength: 0.5, vision: 0.9 })).governments[1]!;
    expect(before.money).toEqual(atStart.money);
    expect(before.forcedLaunch).toEqual(atStart.forcedLaunch);
    expect(before.visionFloors).toEqual(atStart.visionFloors);
  });

  it('after the horizon, does nothing', () => {
    const g = build(programme('2021-01', { strength: 0.5, vision: 0.9 })).governments[1]!;
    expect([g.money, g.forcedLaunch, g.visionFloors, g.model.regulations]).toEqual([[], [], [], []]);
  });
});
