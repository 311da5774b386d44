/**
 * Pure Bass mode in a world (src/model/bass.ts bassStep and observeBass;
 * MODEL.md 7.2), recounted by hand from the model's definition as hazard
 * clocks, with two innovations (so an instance index o * k + j that is off
 * shows), eligibility, initial adopters, launches after month 1 (nothing
 * live before) and integration from later months:
 *  - agency o adopts innovation j in the first month t >= launch_j in which
 *    the cumulative hazard sum over months launch..t of
 *    -ln(1 - p_m) - ln(1 - min(1, q_m f)) reaches its threshold
 *    E = -ln(1 - u), u its keyed AwarenessClock draw (by agency and
 *    innovation key); p_m = 1 - (1 - bass_p)^(1/12), q_m = bass_q / 12, f the
 *    live share of its eligible peers at the start of the month (complete
 *    graph: live eligible agencies over eligible count - 1), the initial
 *    adopters live from the launch month;
 *  - the row: integrated share = agencies with a live integrated instance
 *    over all agencies (an instance is integrated once integrated_from has
 *    come), failing share 1 while anything is live (usage stays 0 below
 *    u_fail > 0), live and cumulative counts per innovation.
 * The same recount holds on the complete graph written as an edge list.
 */
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';
import { observeBass } from '../../src/model/bass.js';
import { initWorld } from '../../src/model/init.js';
import { metricNames } from '../../src/model/observation.js';
import { Process } from '../../src/model/processes.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { step } from '../../src/model/step.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';

const N = 40;
const MONTHS = 36;
const opds = Array.from({ length: N }, (_, i) => ({ id: `g${i + 1}`, type: (i % 4 === 3 ? 'badan' : 'dinas') as 'badan' | 'dinas' }));
const hazardOf = (x: number) => (x >= 1 ? Infinity : -Math.log1p(-x));

function scenario(network: ScenarioInput['network']) {
  return model({
    decision: 'bass',
    months: MONTHS,
    opds: { list: opds },
    network,
    innovations: [
      { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-03', integrated_from: '2020-08', ...PLAIN },
      { id: 'b', owner: 'opd', funding: 'apbd', launch: '2020-04', integrated_from: '2020-11', eligible: ['dinas'], initial_adopters: ['g1', 'g4', 'g2'], ...PLAIN },
    ],
    initial_adopters: [{ innovation: 'a', opds: ['g5', 'g6'], state: 'routinized' }],
    parameters: { bass_p: 0.08, bass_q: 1.5, u_fail: 0.3 },
  });
}

/** Adoption month of every (agency, innovation), -1 for never, by the definition above. */
function recount(m: ReturnType<typeof scenario>, seed: [number, number]): number[][] {
  const streams = new Streams(seed);
  const p = m.params;
  const pm = 1 - Math.pow(1 - p.bass_p, 1 / 12);
  const qm = p.bass_q / 12;
  const base = hazardOf(Math.min(1, pm));
  const adoptedAt = m.innovations.map(() => new Array<number>(N).fill(-1));
  m.innovations.forEach((inn, j) => {
    const eligible = (o: number) => inn.eligible[o] === 1;
    const seeded = new Set<number>();
    for (const a of m.initialAdopters) if (a.innovation === j) a.opds.forEach((on, o) => on === 1 && eligible(o) && seeded.add(o));
    for (const o of seeded) adoptedAt[j]![o] = inn.launch;
    const E = opds.map((_, o) => -Math.log1p(-streams.uniform(Process.AwarenessClock, 0, m.opds[o]!.key, inn.key)));
    const eligibleCount = opds.filter((_, o) => eligible(o)).length;
    let live = seeded.size;
    let H = 0;
    for (let t = inn.launch; t <= m.months; t++) {
      const f = live / (eligibleCount - 1);
      H += base + (f > 0 ? hazardOf(Math.min(1, qm * f)) : 0);
      let fired = 0;
      for (let o = 0; o < N; o++) {
        if (!eligible(o) || adoptedAt[j]![o]! >= 0 || E[o]! > H) continue;
        adoptedAt[j]![o] = t;
        fired++;
      }
      live += fired;
    }
  });
  return adoptedAt;
}

describe('pure Bass mode in a world, recounted from MODEL.md 7.2', () => {
  it.each([
    ['complete graph', { type: 'complete' } as const],
    ['the complete graph as an edge list', { type: 'erdos-renyi', mean_degree: N - 1 } as const],
  ])('%s: every adoption month, and the metrics row each month', (_, network) => {
    const m = scenario(network);
    const names = metricNames(m);
    const col = (name: string) => {
      const c = names.indexOf(name);
      expect(c, name).toBeGreaterThanOrEqual(0);
      return c;
    };
    for (const r of [0, 1]) {
      const seed = replicationSeed(17, r);
      const want = recount(m, seed);
      const w = initWorld(m, new Streams(seed), false);
      const row = new Float64Array(names.length);
      let sawPartialIntegration = false;
      for (let t = 1; t <= MONTHS; t++) {
        step(w, t);
        observeBass(w, row);
        const liveBy = m.innovations.map((_, j) => want[j]!.filter((at) => at >= 0 && at <= t).length);
        const integratedAgencies = opds.filter((_, o) => m.innovations.some((inn, j) => want[j]![o]! >= 0 && want[j]![o]! <= t && t >= inn.integratedFrom)).length;
        const anyLive = liveBy.some((x) => x > 0);
        expect(row[col('integrated_share')], `r${r} month ${t} integrated`).toBeCloseTo(integratedAgencies / N, 12);
        expect(row[col('failing_share')], `r${r} month ${t} failing`).toBe(anyLive ? 1 : 0);
        expect(row[col('live.a')], `r${r} month ${t}`).toBe(liveBy[0]);
        expect(row[col('live.b')], `r${r} month ${t}`).toBe(liveBy[1]);
        expect(row[col('state_live')]! + row[col('state_routinized')]!, `r${r} month ${t}`).toBe(liveBy[0]! + liveBy[1]!);
        if (integratedAgencies > 0 && integratedAgencies < N) sawPartialIntegration = true;
      }
      for (let j = 0; j < 2; j++) {
        const got = opds.map((_, o) => (w.everAdopted[o * 2 + j] ? w.adoptedAt[o * 2 + j]! : -1));
        expect(got, `r${r} innovation ${j}`).toEqual(want[j]);
      }
      // The run is not degenerate: imitation spread both, some stayed out, integration was partial for a while.
      expect(want[0]!.filter((x) => x > 0).length).toBeGreaterThan(10);
      expect(want[1]!.filter((x) => x < 0).length).toBeGreaterThan(N / 4);
      expect(sawPartialIntegration).toBe(true);
    }
  });
});

describe('pure Bass mode: what the row and the log say besides adoption', () => {
  it('with u_fail 0 nothing is failing (usage 0 is not below 0); adoptions are logged without the authority flag', () => {
    const m = model({
      decision: 'bass',
      months: 24,
      opds: { list: opds },
      innovations: [{ id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { bass_p: 0.2, bass_q: 1, u_fail: 0 },
    });
    const names = metricNames(m);
    const res = simulateReplication(m, 5, 0, { detail: true });
    const failing = names.indexOf('failing_share');
    const live = names.indexOf('live.a');
    let anyLive = false;
    for (let t = 0; t < m.months; t++) {
      expect(res.series[t * names.length + failing], `month ${t + 1}`).toBe(0);
      if (res.series[t * names.length + live]! > 0) anyLive = true;
    }
    expect(anyLive).toBe(true);
    const adoptions = res.events!.filter((e) => e.kind === 'adoption');
    expect(adoptions.length).toBeGreaterThan(10);
    expect(new Set(adoptions.map((e) => e.cause))).toEqual(new Set(['']));
  });
});
