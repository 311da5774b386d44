/**
 * A national service is live in a government only from that government's
 * launch of it (docs/NATIONAL.md, "Diffusion between governments"): a
 * `city.initial_adopters` entry naming a national service adopts when the
 * government launches the service, and a government running pure Bass
 * (`decision: bass`) starts the service's clocks then. Before, both
 * started at the service's `launch` (when it becomes available) whether or
 * not the government ever launched it: government_outcomes.csv said
 * share_launched 0 while national_series.csv had the service live there.
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { compileNational } from '../../src/model/national/compile.js';
import { initNational, nationalMonth, simulateNationalReplication } from '../../src/model/national/simulate.js';
import { isLive } from '../../src/model/world.js';

type Doc = Record<string, any>;

const base = (rate: number): Doc =>
  parse(`
name: launch-gate
start: 2016-01
months: 24
seed: 3
replications: 1
template:
  agencies: { regency: { dinas: 4 } }
  coordinator: true
  network: { type: complete }
national_parameters: { gov_launch_base: ${rate}, gov_imitation: 0, gov_competition: 0, gov_learning: 0 }
innovations:
  - { id: svc-a, owner: opd, funding: apbd, launch: 2016-03, relative_advantage: 0.9, compatibility: 0.9, complexity: 0.1, trialability: 0.9, observability: 0.9 }
governments:
  - id: kab-ia
    type: regency
    province: p1
    districts: 1
    city:
      initial_adopters: [ { innovation: svc-a, opds: [kominfo] } ]
  - id: kab-bass
    type: regency
    province: p1
    districts: 1
    city:
      decision: bass
      parameters: { bass_p: 1, bass_q: 1 }
`) as Doc;

const compileDoc = (doc: Doc) => compileNational(nationalSchema.parse(doc) as NationalScenario);

/** Per government, month by month: its launch month of svc-a (local 0) and its count of agencies with svc-a live. */
function trace(doc: Doc): { launchedAt: number[]; live: number[][]; everLive: number[] } {
  const model = compileDoc(doc);
  const run = initNational(model, model.scenario.seed, 0);
  const live: number[][] = model.governments.map(() => []);
  for (let m = 1; m <= model.months; m++) {
    nationalMonth(model, run, m);
    run.worlds.forEach((w, gi) => {
      let c = 0;
      for (let o = 0; o < w.n; o++) if (isLive(w.state[o * w.k]!)) c++;
      live[gi]!.push(c);
    });
  }
  return {
    launchedAt: run.worlds.map((w) => w.national!.launchedAt[0]!),
    live,
    everLive: run.worlds.map((w) => {
      let c = 0;
      for (let o = 0; o < w.n; o++) c += w.everAdopted[o * w.k]!;
      return c;
    }),
  };
}

describe('a national service is live in a government only from its launch there', () => {
  it('never launched: no initial adopter adopts and no Bass clock runs', () => {
    const t = trace(base(0));
    expect(t.launchedAt).toEqual([-1, -1]);
    expect(t.everLive).toEqual([0, 0]);
    // The national series agrees with the outcomes: live nowhere, in no month.
    const model = compileDoc(base(0));
    const r = simulateNationalReplication(model, model.scenario.seed, 0);
    expect(Math.max(...r.series)).toBe(0);
    expect(r.launched.map((x) => x[0])).toEqual([0, 0]);
  });

  it('launched: nothing is live before the launch month, and the initial adopter adopts in it', () => {
    const t = trace(base(0.5));
    const model = compileDoc(base(0.5));
    const launch = model.governments[0]!.model.innovations[0]!.launch;
    for (const gi of [0, 1]) {
      const at = t.launchedAt[gi]!;
      // Launched by a draw after the service became available (the check below needs months before it).
      expect(at).toBeGreaterThan(launch);
      for (let m = 1; m < at; m++) expect(t.live[gi]![m - 1], `government ${gi}, month ${m}`).toBe(0);
      expect(t.live[gi]![at - 1]).toBeGreaterThan(0);
    }
    // kab-ia's coordinator adopts at the launch, before any decision could.
    const w = initNational(model, model.scenario.seed, 0);
    for (let m = 1; m <= t.launchedAt[0]!; m++) nationalMonth(model, w, m);
    const ia = w.worlds[0]!;
    const kominfo = model.governments[0]!.model.opds.findIndex((o) => o.id === 'kominfo');
    expect(ia.adoptedAt[kominfo * ia.k]).toBe(t.launchedAt[0]);
  });

  it("a launch in the pilot's end month: the initial adopters adopt unless the pilot's end calls the launch off", () => {
    // A programme (no money, no regulation) makes kab-ia launch a 6-month pilot in the month the pilot ends.
    const pilot = (takeover: number, discontinue: number) => {
      const doc = base(0);
      doc['innovations'][0] = { ...doc['innovations'][0], funding: 'pilot', pilot_months: 6 };
      doc['governments'] = [doc['governments'][0]];
      doc['programmes'] = [{ id: 'p', cohorts: [{ id: 'c', from: '2016-09', members: ['kab-ia'] }], anchors: ['svc-a'], strength: 0, money: false }];
      doc['parameters'] = { takeover_opd: takeover, pilot_discontinue: discontinue };
      return trace(doc);
    };
    const end = 9;
    // Taken over: launched in the end month, the coordinator adopts then.
    const kept = pilot(1, 0);
    expect(kept.launchedAt[0]).toBe(end);
    expect(kept.live[0]![end - 1]).toBeGreaterThan(0);
    // Withdrawn: the launch is called off, and nobody ever adopted.
    const off = pilot(0, 1);
    expect(off.launchedAt[0]).toBe(-1);
    expect(off.everLive[0]).toBe(0);
  });
});
