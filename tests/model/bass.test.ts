/**
 * Pattern P2 (MODEL.md 7.2): pure Bass mode on a complete graph follows the
 * Bass model. 2,000 agencies, p = 0.03, q = 0.38 per year, 20 replications:
 * the mean cumulative share is compared with
 *  - the closed form F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}), t in years (tolerance 0.02, as MODEL.md states);
 *  - the discrete recursion F(n+1) = F(n) + (1-F(n)) (1-(1-p_m)(1-q_m F(n))), n in months (tolerance 0.01).
 * The standard error of a 20-replication mean is below 0.004 at every checked month.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompiledModel } from '../../src/model/compile.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { metricNames } from '../../src/model/observation.js';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.js';
import { PLAIN } from '../support/world.js';

const P = 0.03;
const Q = 0.38;
const R = 20;
const MONTHS = [12, 60, 120];

function bassModel(network: ScenarioInput['network']): CompiledModel {
  return compile(
    scenarioSchema.parse({
      name: 'bass',
      start: '2015-01',
      months: 120,
      seed: 2025,
      decision: 'bass',
      opds: { generate: { count: 2000 } },
      network,
      innovations: [{ id: 'e-service', owner: 'opd', funding: 'apbd', launch: '2015-01', ...PLAIN }],
      parameters: { bass_p: P, bass_q: Q },
    }),
  );
}

/** Mean over R replications of a metric at each month (1-based index = month). */
function meanSeries(m: CompiledModel, metric: string, reps = R): number[] {
  const names = metricNames(m);
  const col = names.indexOf(metric);
  expect(col).toBeGreaterThanOrEqual(0);
  const mean = new Array<number>(m.months + 1).fill(0);
  for (let r = 0; r < reps; r++) {
    const res = simulateReplication(m, m.scenario.seed, r, { detail: false });
    for (let t = 1; t <= m.months; t++) mean[t]! += res.series[(t - 1) * names.length + col]! / reps;
  }
  return mean;
}

function closedForm(years: number): number {
  const e = Math.exp(-(P + Q) * years);
  return (1 - e) / (1 + (Q / P) * e);
}

function recursion(months: number): number[] {
  const pm = 1 - Math.pow(1 - P, 1 / 12);
  const qm = Q / 12;
  const f = [0];
  for (let n = 0; n < months; n++) f.push(f[n]! + (1 - f[n]!) * (1 - (1 - pm) * (1 - qm * f[n]!)));
  return f;
}

describe('P2: pure Bass mode (7.2)', () => {
  const complete = bassModel({ type: 'complete' });
  let cumulative: number[] = [];
  beforeAll(() => {
    cumulative = meanSeries(complete, 'cumulative_adoption_share');
  });

  it('the recursion itself stays within 0.02 of the closed form (sanity of the reference)', () => {
    const f = recursion(120);
    for (const t of MONTHS) expect(Math.abs(f[t]! - closedForm(t / 12))).toBeLessThan(0.02);
  });

  it.each(MONTHS)('month %i: mean cumulative share within 0.02 of the closed form and 0.01 of the recursion', (t) => {
    expect(Math.abs(cumulative[t]! - closedForm(t / 12))).toBeLessThan(0.02);
    expect(Math.abs(cumulative[t]! - recursion(120)[t]!)).toBeLessThan(0.01);
  });

  it('no threshold and no discontinuance: everyone aware has adopted and stays live', () => {
    const names = metricNames(complete);
    const res = simulateReplication(complete, complete.scenario.seed, 0, { detail: false });
    const get = (t: number, name: string) => res.series[(t - 1) * names.length + names.indexOf(name)]!;
    for (const t of [1, 30, 60, 90, 120]) {
      expect(get(t, 'live_share')).toBe(get(t, 'cumulative_adoption_share'));
      expect(get(t, 'state_aware')).toBe(0);
      expect(get(t, 'state_discontinued')).toBe(0);
    }
    // S-curve: monotone, and well on its way by year 10.
    for (let t = 2; t <= 120; t++) expect(get(t, 'cumulative_adoption_share')).toBeGreaterThanOrEqual(get(t - 1, 'cumulative_adoption_share'));
  });

  it('a sparse small-world network (degree 4) diffuses more slowly than the complete graph by year 5', () => {
    // 8 replications: the gap (about 0.05) is ten times the standard error of the difference.
    const sparse = meanSeries(bassModel({ type: 'small-world', degree: 4, rewire: 0.1 }), 'cumulative_adoption_share', 8);
    // Complete: ~0.33 at month 60. Local imitation saturates neighbourhoods first.
    expect(sparse[60]!).toBeLessThan(cumulative[60]! - 0.02);
    // Spontaneous adoption (p) is the same: the first year barely differs.
    expect(Math.abs(sparse[12]! - cumulative[12]!)).toBeLessThan(0.01);
  });
});
