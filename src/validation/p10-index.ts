/**
 * P10: the index dips around the shocks, then recovers after consolidation.
 * Like with like: annual means of the translation index (mean T of live
 * instances) for three single years, before the shocks (2019), the record's
 * low (2022: SPBE index 2.94 in 2021, 2.78 in 2022) and after consolidation
 * (2024: 3.83). Control: no budget refocusing, one mayor throughout, no
 * 2023 ban, and no pilot end or vendor exit (every pilot taken over, no
 * contract ending), so there is nothing to dip around. The vendors' exit and
 * the pilot ends fall in 2019-03, inside the "before" year: a control that
 * keeps them (as this one did until the fourth session) still dips from
 * 2019 to 2022, because 2019's first months run at the level before the
 * exit (docs/ODD.md section 12).
 */
import { pairedDifference } from '../experiment/stats/paired.js';
import type { Ensemble } from '../experiment/ensemble.js';
import { BEKASI } from './case.js';
import { mean, missingRow, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';
import { meanOverMonths, monthsOfYear, pilotsKept } from './measure.js';

function dipAndRecovery(e: Ensemble): Reading {
  const s = e.scenario;
  const year = (y: number) => meanOverMonths(e, 'mean_translation', monthsOfYear(s, y));
  const before = year(BEKASI.indexBefore);
  const low = year(BEKASI.indexShock);
  const after = year(BEKASI.indexAfter);
  const dip = pairedDifference(before, low);
  const up = pairedDifference(low, after);
  const f = (v: number) => v.toFixed(3);
  return {
    measured: `${f(mean(before))} -> ${f(mean(low))} -> ${f(mean(after))} (dip ${f(dip.diff_mean)} [${f(dip.diff_ci_low)}, ${f(dip.diff_ci_high)}], recovery ${f(up.diff_mean)} [${f(up.diff_ci_low)}, ${f(up.diff_ci_high)}])`,
    pass: dip.diff_ci_high < 0 && up.diff_ci_low > 0,
  };
}

export const p10: PatternCheck = {
  ids: ['P10'],
  title: 'Index dips around shocks, then recovers',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const s = ctx.scenario('bekasi');
    const pattern = 'Index dips around shocks, then recovers after consolidation';
    if (s.leaders.length === 0) return [missingRow('P10', pattern, 'a leader')];
    const R = ctx.replications;
    const kase = await ctx.run(s, R, R);
    const first = s.leaders[0]!;
    const calm: Record<string, unknown> = {
      ...pilotsKept(s),
      budget_shocks: [],
      leaders: [{ id: first.id, from: first.from, ...(first.commitment !== undefined && { commitment: first.commitment }) }],
    };
    if (s.regulations.some((r) => r.id === BEKASI.ban)) calm[`regulations[id=${BEKASI.ban}]`] = null;
    const control = await ctx.run(ctx.scenario('bekasi', calm), R, 0);
    return [
      {
        id: 'P10',
        pattern,
        metric: `annual mean of the translation index (mean T of live instances): ${BEKASI.indexBefore} -> ${BEKASI.indexShock} -> ${BEKASI.indexAfter}; paired differences`,
        target: `${BEKASI.indexShock} below ${BEKASI.indexBefore}, and ${BEKASI.indexAfter} above ${BEKASI.indexShock} (95 % intervals)`,
        case: dipAndRecovery(kase),
        controls: [
          {
            variant: 'no budget refocusing, the first mayor throughout, no 2023 ban, no pilot end or vendor exit (every pilot taken over, no contract ending)',
            why: 'no shock of any kind in the years measured: nothing to dip around',
            ...dipAndRecovery(control),
          },
        ],
      },
    ];
  },
};
