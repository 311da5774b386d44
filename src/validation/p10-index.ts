/**
 * P10: the index dips around the shocks, then recovers after consolidation,
 * judged as two checks, each with a control that removes only its own shock
 * (docs/ODD.md section 12). The index is the annual mean of the translation
 * index (mean T of live instances); differences are paired over
 * replications.
 *
 * P10a, the dip: from the year after the vendors' exit and before the
 * budget refocusing (2019-04 to 2020-03; BEKASI.dipBefore) to the record's
 * low (2022: SPBE index 2.94 in 2021, 2.78 in 2022). Control: no budget
 * refocusing and the first mayor throughout (the two shocks between those
 * windows), with the vendors' exit, the pilot ends and the 2023 ban kept.
 *
 * P10b, the recovery: from 2022 to 2024 (3.83). Control: no 2023 ban (the
 * consolidation), everything else as shipped. Until the fourth session P10
 * was one check whose control removed every shock at once, which changed
 * the whole regime (the index about 0.69 against 0.59 in every year) rather
 * than removing one mechanism.
 */
import { pairedDifference } from '../experiment/stats/paired.js';
import type { Ensemble } from '../experiment/ensemble.js';
import { BEKASI } from './case.js';
import { mean, missingRow, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';
import { meanOverMonths, monthOf, monthsOfYear } from './measure.js';
import { toDecimal } from '../messages/decimal.js';

const f = (v: number) => toDecimal(v, 3);

function dip(e: Ensemble): Reading {
  const s = e.scenario;
  const months: number[] = [];
  for (let m = monthOf(s, BEKASI.dipBefore.from); m <= monthOf(s, BEKASI.dipBefore.to); m++) if (m >= 1 && m <= s.months) months.push(m);
  const before = meanOverMonths(e, 'mean_translation', months);
  const low = meanOverMonths(e, 'mean_translation', monthsOfYear(s, BEKASI.indexShock));
  const d = pairedDifference(before, low);
  return {
    measured: `${f(mean(before))} -> ${f(mean(low))} (dip ${f(d.diff_mean)} [${f(d.diff_ci_low)}, ${f(d.diff_ci_high)}])`,
    pass: months.length > 0 && d.diff_ci_high < 0,
  };
}

function recovery(e: Ensemble): Reading {
  const s = e.scenario;
  const low = meanOverMonths(e, 'mean_translation', monthsOfYear(s, BEKASI.indexShock));
  const after = meanOverMonths(e, 'mean_translation', monthsOfYear(s, BEKASI.indexAfter));
  const d = pairedDifference(low, after);
  return {
    measured: `${f(mean(low))} -> ${f(mean(after))} (recovery ${f(d.diff_mean)} [${f(d.diff_ci_low)}, ${f(d.diff_ci_high)}])`,
    pass: d.diff_ci_low > 0,
  };
}

export const p10: PatternCheck = {
  ids: ['P10a', 'P10b'],
  title: 'Index dips around shocks, then recovers',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const s = ctx.scenario('bekasi');
    const dipPattern = 'Index dips around the shocks (budget refocusing, leadership change)';
    const upPattern = 'Index recovers after consolidation (the 2023 ban on standalone apps)';
    if (s.leaders.length === 0) return [missingRow('P10a', dipPattern, 'a leader'), missingRow('P10b', upPattern, 'a leader')];
    const hasBan = s.regulations.some((r) => r.id === BEKASI.ban);
    const R = ctx.replications;
    const kase = await ctx.run(s, R, R);
    const first = s.leaders[0]!;
    const calm = await ctx.run(
      ctx.scenario('bekasi', {
        budget_shocks: [],
        leaders: [{ id: first.id, from: first.from, ...(first.commitment !== undefined && { commitment: first.commitment }) }],
      }),
      R,
      0,
    );
    const noBan = hasBan ? await ctx.run(ctx.scenario('bekasi', { [`regulations[id=${BEKASI.ban}]`]: null }), R, 0) : null;
    const window = `${BEKASI.dipBefore.from} to ${BEKASI.dipBefore.to}`;
    return [
      {
        id: 'P10a',
        pattern: dipPattern,
        metric: `mean translation index (mean T of live instances) over ${window} (after the vendors' exit, before the refocusing) and over ${BEKASI.indexShock}; paired difference`,
        target: `${BEKASI.indexShock} below ${window} (95 % interval)`,
        case: dip(kase),
        controls: [
          {
            variant: 'no budget refocusing, the first mayor throughout; the vendors\' exit, the pilot ends and the 2023 ban kept',
            why: 'removes only the shocks between the two windows: nothing left to dip around',
            ...dip(calm),
          },
        ],
      },
      hasBan && noBan
        ? {
            id: 'P10b',
            pattern: upPattern,
            metric: `annual mean of the translation index: ${BEKASI.indexShock} -> ${BEKASI.indexAfter}; paired difference`,
            target: `${BEKASI.indexAfter} above ${BEKASI.indexShock} (95 % interval)`,
            case: recovery(kase),
            controls: [
              {
                variant: `no ${BEKASI.ban} (no national ban on standalone apps); every other shock kept`,
                why: 'removes only the consolidation: the index must not recover without it',
                ...recovery(noBan),
              },
            ],
          }
        : missingRow('P10b', upPattern, BEKASI.ban),
    ];
  },
};
