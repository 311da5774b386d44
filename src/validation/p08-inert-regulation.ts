/**
 * P8: regulation without budget is inert (Perda 02/2020, "almost stagnant"
 * in 2020-2021). The same measurement must detect a regulation that does
 * carry money: controls with the Perda in an open budget (no refocusing) and
 * with a Perda whose mandate needs no budget line.
 */
import { pairedDifference } from '../experiment/stats/paired.js';
import { sumOver, type Ensemble } from '../experiment/ensemble.js';
import { BEKASI } from './case.js';
import { ci, missingRow, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';
import { monthOf } from './measure.js';
import { toDecimal } from '../messages/decimal.js';

/** Inert: no detectable effect (the 95 % interval holds 0) and under half an adoption per replication. */
const INERT = 0.5;

export const p08: PatternCheck = {
  ids: ['P8'],
  title: 'Regulation without budget is inert',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const s = ctx.scenario('bekasi');
    const perda = s.regulations.find((r) => r.id === BEKASI.inertRegulation);
    const pattern = 'Regulation without budget is inert (Perda 02/2020, 2020-2021)';
    if (!perda) return [missingRow('P8', pattern, `regulation ${BEKASI.inertRegulation}`)];
    const R = ctx.replications;
    const from = monthOf(s, perda.from);
    const to = monthOf(s, BEKASI.inertUntil);
    const drop = { [`regulations[id=${perda.id}]`]: null };
    const effect = (withIt: Ensemble, without: Ensemble): Reading => {
      const d = pairedDifference(sumOver(without, 'new_adoptions', from, to), sumOver(withIt, 'new_adoptions', from, to));
      return {
        measured: ci(d.diff_mean, d.diff_ci_low, d.diff_ci_high, (v) => toDecimal(v, 2)),
        pass: d.diff_ci_low <= 0 && d.diff_ci_high >= 0 && Math.abs(d.diff_mean) <= INERT,
      };
    };
    const kase = await ctx.run(s, R, R);
    const without = await ctx.run(ctx.scenario('bekasi', drop), R, 0);
    const open = { budget_shocks: [] };
    const openWith = await ctx.run(ctx.scenario('bekasi', open), R, 0);
    const openWithout = await ctx.run(ctx.scenario('bekasi', { ...open, ...drop }), R, 0);
    const free = await ctx.run(ctx.scenario('bekasi', { [`regulations[id=${perda.id}].requires_budget_line`]: false }), R, 0);
    return [
      {
        id: 'P8',
        pattern,
        metric: `new adoptions ${perda.from}..${BEKASI.inertUntil}, with the Perda minus without it (paired, common random numbers), per replication`,
        target: `no detectable effect: the 95 % interval holds 0 and |difference| at most ${INERT} adoptions`,
        case: effect(kase, without),
        controls: [
          { variant: 'no budget refocusing (money open), with vs without the Perda', why: 'the same Perda with money behind it must show', ...effect(openWith, openWithout) },
          { variant: 'the Perda\'s mandate needs no budget line', why: 'a mandate that carries its own weight must show', ...effect(free, without) },
        ],
      },
    ];
  },
};
