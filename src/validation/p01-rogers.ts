/**
 * P1: Rogers' adopter categories from thresholds. Thresholds drawn from a
 * normal distribution give, by z-score, the exact normal areas of Rogers'
 * (2003, ch. 7) mean ± SD cut-points, 2.28 / 13.59 / 34.13 / 34.13 / 15.87 %
 * (Rogers rounds them to 2.5 / 13.5 / 34 / 34 / 16 %). Control: thresholds spread so wide (theta_sd 0.5)
 * that truncation to [0, 1] flattens them; the same z-bands must then miss.
 */
import { CATEGORIES } from '../scenario/schema.js';
import { wilson } from '../experiment/stats/wilson.js';
import type { Ensemble } from '../experiment/ensemble.js';
import { pct, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';
import { toDecimal } from '../messages/decimal.js';

const EXPECTED = [0.0228, 0.1359, 0.3413, 0.3413, 0.1587];
/** P1's target as docs/VALIDATION.md shows it: the numbers are the normal curve's, the cut-points and the rounding Rogers'. */
export const P1_TARGET =
  `${EXPECTED.map((e) => toDecimal(100 * e, 2)).join(' / ')} %, the normal areas of Rogers' (2003, ch. 7) mean ± SD cut-points (Rogers rounds them to 2.5 / 13.5 / 34 / 34 / 16 %), each within 1 point`;
/** Within one percentage point per category (10,000 agencies: a binomial sd of at most 0.5 points). */
const TOLERANCE = 0.01;

function read(e: Ensemble): Reading {
  const agents = e.results[0]!.agents!;
  const shares = CATEGORIES.map((c) => wilson(agents.filter((a) => a.category === c).length, agents.length));
  const worst = Math.max(...shares.map((s, i) => Math.abs(s.p - EXPECTED[i]!)));
  return { measured: shares.map((s) => `${pct(s.p)} [${pct(s.low)}, ${pct(s.high)}]`).join(' / '), pass: worst <= TOLERANCE };
}

export const p01: PatternCheck = {
  ids: ['P1'],
  title: 'Rogers categories from thresholds',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const kase = await ctx.run(ctx.scenario('rogers'), 1, 1);
    const control = await ctx.run(ctx.scenario('rogers', { 'parameters.theta_sd': 0.5 }), 1, 1);
    return [
      {
        id: 'P1',
        pattern: 'Adopter categories from normal thresholds follow Rogers\' shares',
        metric: `share of ${kase.results[0]!.agents!.length} generated agencies per category (innovators / early adopters / early majority / late majority / laggards), by the z-score of their threshold`,
        target: P1_TARGET,
        case: read(kase),
        controls: [{
          variant: 'theta_sd 0.5',
          why: 'thresholds truncated to [0, 1] are then nearly uniform, not normal: the categories must lose Rogers\' shares',
          ...read(control),
        }],
      },
    ];
  },
};
