/**
 * P12: a replacement wave after the 2023 integration mandate: standalone
 * services migrate (replacement, not failure). Control: the mandate's ban on
 * standalone apps removed.
 */
import { pairedDifference } from '../experiment/stats/paired.js';
import { sumOver, type Ensemble } from '../experiment/ensemble.js';
import { BEKASI } from './case.js';
import { ci, mean, missingRow, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';
import { monthOf } from './measure.js';
import { toDecimal } from '../messages/decimal.js';

/** A wave: at least three times the replacement rate before the mandate. */
const WAVE = 3;

export const p12: PatternCheck = {
  ids: ['P12'],
  title: 'Replacement wave after the integration mandate',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const s = ctx.scenario('bekasi');
    const ban = s.regulations.find((r) => r.id === BEKASI.ban);
    const pattern = 'Replacement wave after the 2023 integration mandate';
    if (!ban) return [missingRow('P12', pattern, `regulation ${BEKASI.ban}`)];
    const R = ctx.replications;
    const from = monthOf(s, ban.from);
    const wave = (e: Ensemble): Reading => {
      const before = sumOver(e, 'discontinued_replacement', 1, from - 1).map((x) => x / (from - 1));
      const after = sumOver(e, 'discontinued_replacement', from, s.months).map((x) => x / (s.months - from + 1));
      const d = pairedDifference(before, after);
      const ratio = mean(after) / Math.max(mean(before), 1e-9);
      return {
        measured: `${toDecimal(mean(after), 3)} vs ${toDecimal(mean(before), 3)} per month (x${toDecimal(ratio, 1)}); difference ${ci(d.diff_mean, d.diff_ci_low, d.diff_ci_high)}`,
        pass: ratio >= WAVE && d.diff_ci_low > 0,
      };
    };
    const kase = await ctx.run(s, R, R);
    const noBan = await ctx.run(ctx.scenario('bekasi', { [`regulations[id=${ban.id}]`]: null }), R, 0);
    return [
      {
        id: 'P12',
        pattern,
        metric: `replacement exits per month from ${ban.from} vs before (paired difference)`,
        target: `after at least ${WAVE} times before, and the difference above 0 (95 % interval)`,
        case: wave(kase),
        controls: [{ variant: `without the mandate (${ban.id})`, why: 'no ban on standalone apps to migrate from', ...wave(noBan) }],
      },
    ];
  },
};
