/**
 * P7: exits cluster at pilot end (about 36 months), at budget gaps (2020)
 * and after the leadership change (2022-01). Like with like: exits in each
 * window against exits in the same calendar months of the other years (the
 * January budget cycle makes Januaries differ from other months). One
 * control per window, removing the mechanism that clusters exits there.
 *
 * The budget window: the case's gap is 2020; the scenario's refocusing runs
 * from 2020-04, and a budget gap reaches a service through its budget line,
 * which is renewed or lost in the January budget cycle. The first cycle
 * under the refocusing, 2021-01, is therefore where the 2020 gap ends
 * services in the model; the window is that month.
 */
import type { Scenario } from '../scenario/schema.js';
import { pairedDifference } from '../experiment/stats/paired.js';
import type { Ensemble } from '../experiment/ensemble.js';
import { BEKASI } from './case.js';
import { ci, mean, missingRow, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';
import { calendarMonth, exitsPerMonth, monthOf, pilotsKept } from './measure.js';
import { toDecimal } from '../messages/decimal.js';

/** "Cluster": at least twice the exits of the same months in other years. */
const CLUSTER_RATIO = 2;

function clustered(e: Ensemble, window: readonly number[], exclude: ReadonlySet<number>): Reading {
  const s = e.scenario;
  const months = new Set(window.map((m) => calendarMonth(s, m)));
  const baseline: number[] = [];
  for (let m = 1; m <= s.months; m++) if (months.has(calendarMonth(s, m)) && !exclude.has(m)) baseline.push(m);
  const exits = exitsPerMonth(e);
  const inside = exits.map((row) => mean(window.map((m) => row[m - 1]!)));
  const outside = exits.map((row) => mean(baseline.map((m) => row[m - 1]!)));
  const d = pairedDifference(outside, inside);
  const ratio = mean(inside) / Math.max(mean(outside), 1e-9);
  return {
    measured: `x${toDecimal(ratio, 1)} (${toDecimal(mean(inside), 2)} vs ${toDecimal(mean(outside), 2)} exits per month; difference ${ci(d.diff_mean, d.diff_ci_low, d.diff_ci_high, (v) => toDecimal(v, 2))})`,
    pass: ratio >= CLUSTER_RATIO && d.diff_ci_low > 0,
  };
}

function firstJanuary(s: Scenario, from: number, to: number): number {
  for (let m = from; m <= to; m++) if (calendarMonth(s, m) === 1) return m;
  return -1;
}

export const p07: PatternCheck = {
  ids: ['P7a', 'P7b', 'P7c'],
  title: 'Exits cluster at pilot end, budget gap and leadership change',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const s = ctx.scenario('bekasi');
    const R = ctx.replications;
    const kase = await ctx.run(s, R, R);
    const pilotEnds = [...new Set(s.innovations.filter((x) => x.funding === 'pilot' && x.pilot_months).map((x) => monthOf(s, x.launch) + x.pilot_months!))]
      .filter((m) => m <= s.months)
      .sort((a, b) => a - b);
    const shock = s.budget_shocks[BEKASI.budgetShock];
    const budget = shock ? firstJanuary(s, monthOf(s, shock.from), monthOf(s, shock.to)) : -1;
    const leader = s.leaders.find((l) => l.id === BEKASI.leadershipChange);
    const change = leader ? monthOf(s, leader.from) : -1;
    const leadership = change > 0 ? [change, change + 1, change + 2].filter((m) => m <= s.months) : [];
    const all = new Set([...pilotEnds, ...(budget > 0 ? [budget] : []), ...leadership]);
    const rows: CheckRow[] = [];
    const metric = (what: string) => `mean exits per month ${what}, against the same calendar months of the other years (no window months); ratio of means and paired difference`;
    const target = `ratio at least ${CLUSTER_RATIO} and the difference above 0 (95 % interval)`;

    if (pilotEnds.length === 0) rows.push(missingRow('P7a', 'Exits cluster at pilot end', 'a pilot'));
    else {
      const kept = await ctx.run(ctx.scenario('bekasi', pilotsKept(s)), R, 0);
      rows.push({
        id: 'P7a',
        pattern: 'Exits cluster at pilot end',
        metric: metric(`in the months the scenario's pilots end (${pilotEnds.join(', ')})`),
        target,
        case: clustered(kase, pilotEnds, all),
        controls: [{ variant: 'every pilot taken over, no contract ending', why: 'no pilot withdrawn, no vendor leaving', ...clustered(kept, pilotEnds, all) }],
      });
    }
    if (budget < 0) rows.push(missingRow('P7b', 'Exits cluster at the budget gap', 'the budget shock'));
    else {
      const noShock = await ctx.run(ctx.scenario('bekasi', { budget_shocks: [] }), R, 0);
      rows.push({
        id: 'P7b',
        pattern: 'Exits cluster at the budget gap (2020)',
        metric: metric(`at the first January budget cycle under the ${shock!.from} refocusing (month ${budget}: where a 2020 gap ends budget lines)`),
        target,
        case: clustered(kase, [budget], all),
        controls: [{ variant: 'no budget shock', why: 'the January cycle runs at the usual renewal rates', ...clustered(noShock, [budget], all) }],
      });
    }
    if (leadership.length === 0) rows.push(missingRow('P7c', 'Exits cluster after the leadership change', `leader ${BEKASI.leadershipChange}`));
    else {
      const calm = await ctx.run(ctx.scenario('bekasi', { 'parameters.leader_shock': 0, 'parameters.betrayal': 0 }), R, 0);
      rows.push({
        id: 'P7c',
        pattern: 'Exits cluster after the leadership change (2022-01)',
        metric: metric(`in the three months from ${leader!.from}`),
        target,
        case: clustered(kase, leadership, all),
        controls: [{ variant: 'leader_shock 0, betrayal 0', why: 'a new leader ends no service and withdraws no line', ...clustered(calm, leadership, all) }],
      });
    }
    return rows;
  },
};
