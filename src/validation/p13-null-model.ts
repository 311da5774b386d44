/**
 * P13: the null model (Volden, Ting and Carpenter 2008). With contagion off
 * (bass_q 0, w_peer 0) adoption curves turn concave (r-shaped), while the
 * sustained/discontinued contrast still holds: survival is a governance
 * outcome, not an imitation artefact. Controls: contagion on for the shape;
 * for the contrast, contagion still off but the vendor pilot taken over and
 * its vendor's contract not ending (the governance difference removed).
 */
import { meanSeries, type Ensemble } from '../experiment/ensemble.js';
import { CONTAGION_OFF, STYLIZED, STYLIZED_BAND } from './case.js';
import { ci, mean, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';
import { pilotsKept, shareOutcome } from './measure.js';
import { toDecimal } from '../messages/decimal.js';

/** Concave: at least 60 % of the final adoption reached by half-time. */
const CONCAVE = 0.6;

function shape(e: Ensemble): Reading {
  const F = meanSeries(e, 'cumulative_adoption_share');
  const T = F.length;
  const half = F[Math.floor(T / 2) - 1]! / Math.max(F[T - 1]!, 1e-9);
  // The early adoption rate: falling from the first month when r-shaped.
  const rate = meanSeries(e, 'new_adoptions');
  const trend = mean(rate.slice(6, 12)) / Math.max(mean(rate.slice(0, 6)), 1e-9);
  return { measured: `F(T/2)/F(T) ${toDecimal(half, 2)}; months 7-12 / 1-6 adoption rate ${toDecimal(trend, 2)}`, pass: half >= CONCAVE && trend < 1 };
}

function contrast(sustained: Ensemble, vendor: Ensemble): Reading {
  const a = shareOutcome(sustained, STYLIZED.agencyService, ['sustained']);
  const b = shareOutcome(vendor, STYLIZED.vendorPilot, ['discontinued']);
  return { measured: `${ci(a.p, a.low, a.high, (v) => toDecimal(v, 2))} / ${ci(b.p, b.low, b.high, (v) => toDecimal(v, 2))}`, pass: a.p >= STYLIZED_BAND.sustained && b.p >= STYLIZED_BAND.discontinued };
}

export const p13: PatternCheck = {
  ids: ['P13a', 'P13b'],
  title: 'Null model without contagion',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const R = ctx.replications;
    const off = await ctx.run(ctx.scenario('null-model', CONTAGION_OFF), R, 0);
    const on = await ctx.run(ctx.scenario('null-model'), R, 0);
    const sustained = await ctx.run(ctx.scenario('sustained', CONTAGION_OFF), R, 0);
    const vendor = await ctx.run(ctx.scenario('vendor', CONTAGION_OFF), R, 0);
    const kept = await ctx.run(ctx.scenario('vendor', { ...CONTAGION_OFF, ...pilotsKept(ctx.scenario('vendor')) }), R, 0);
    return [
      {
        id: 'P13a',
        pattern: 'Without contagion adoption curves turn concave (r-shaped)',
        metric: 'null model, contagion off: F(T/2)/F(T) of mean cumulative adoption; mean new adoptions in months 7-12 over months 1-6',
        target: `F ratio at least ${CONCAVE} and the early rate falling (below 1)`,
        case: shape(off),
        controls: [{ variant: 'contagion on (the null model as shipped)', why: 'imitation makes the curve S-shaped: convex start, rising early rate', ...shape(on) }],
      },
      {
        id: 'P13b',
        pattern: 'Without contagion the sustained/discontinued contrast still holds',
        metric: `stylized pair with contagion off: ${STYLIZED.agencyService} share sustained / ${STYLIZED.vendorPilot} share discontinued`,
        target: `at least ${toDecimal(STYLIZED_BAND.sustained, 2)} / at least ${toDecimal(STYLIZED_BAND.discontinued, 2)}`,
        case: contrast(sustained, vendor),
        controls: [
          { variant: 'contagion off, the vendor pilot taken over and its contract not ending', why: 'the governance difference removed: the contrast must go', ...contrast(sustained, kept) },
        ],
      },
    ];
  },
};
