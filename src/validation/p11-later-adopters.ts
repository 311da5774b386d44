/**
 * P11a: later adopters discontinue more (Prins, Verhoef and Franses 2009).
 * The later-adopter mechanism is isolated: voluntary exits (hazard,
 * disenchantment) per instance-year of exposure, counted only for instances
 * adopted without authority (an authority adoption has its own hazard
 * multiplier, and later adopters are more often pushed), and compared within
 * each innovation and routinization state (indirect standardization), so
 * that neither which services each group adopts nor how far they have
 * routinized confounds the comparison. Control: m_late = 1.
 *
 * P11b: disenchanted quitters depress peers' adoption (negative word of
 * mouth), on the null model with often-failing services. Control: nobody
 * becomes disenchanted (disenchant_months beyond the horizon), so the
 * negative word of mouth has no source.
 */
import { pairedDifference } from '../experiment/stats/paired.js';
import { metricAt, type Ensemble } from '../experiment/ensemble.js';
import { ci, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';

type Tally = { exposure: number; quits: number };

function laterAdopters(e: Ensemble): Reading {
  const horizon = e.scenario.months;
  // stratum (innovation|routinized) -> group -> tally
  const strata = new Map<string, { early: Tally; late: Tally }>();
  const add = (stratum: string, group: 'early' | 'late', years: number, quit: boolean) => {
    let t = strata.get(stratum);
    if (!t) strata.set(stratum, (t = { early: { exposure: 0, quits: 0 }, late: { exposure: 0, quits: 0 } }));
    t[group].exposure += years;
    if (quit) t[group].quits++;
  };
  for (const r of e.results) {
    if (!r.agents || !r.events) continue;
    const category = new Map(r.agents.map((a) => [a.opd, a.category]));
    const open = new Map<string, { from: number; routinized: boolean }>();
    const close = (key: string, month: number, quit: boolean) => {
      const spell = open.get(key);
      if (!spell) return;
      open.delete(key);
      const [opd, innovation] = key.split('|') as [string, string];
      const cat = category.get(opd);
      const group = cat === 'late_majority' || cat === 'laggard' ? 'late' : 'early';
      add(`${innovation}|${spell.routinized}`, group, (month - spell.from) / 12, quit);
    };
    for (const ev of r.events) {
      const key = `${ev.opd}|${ev.innovation}`;
      if (ev.kind === 'adoption' && ev.cause !== 'authority') open.set(key, { from: ev.month, routinized: false });
      else if (ev.kind === 'routinized' && open.has(key)) {
        // A new spell in the routinized stratum.
        close(key, ev.month, false);
        open.set(key, { from: ev.month, routinized: true });
      } else if (ev.kind === 'discontinuance') close(key, ev.month, ev.cause === 'hazard' || ev.cause === 'disenchantment');
    }
    for (const key of [...open.keys()]) close(key, horizon, false);
  }
  let observed = 0;
  let expected = 0;
  for (const t of strata.values()) {
    if (t.early.exposure <= 0 || t.late.exposure <= 0) continue;
    observed += t.late.quits;
    expected += t.late.exposure * (t.early.quits / t.early.exposure);
  }
  const ratio = observed / Math.max(expected, 1e-9);
  // Poisson interval for the observed count (Byar's approximation), divided by the expectation.
  const byar = (o: number, z: number) => o * Math.pow(1 - 1 / (9 * o) + (z / 3) * Math.sqrt(1 / o), 3);
  const low = observed > 0 ? byar(observed, -1.96) / expected : 0;
  const high = byar(observed + 1, 1.96) / expected;
  return {
    measured: `${ratio.toFixed(2)} [${low.toFixed(2)}, ${high.toFixed(2)}] (${observed} exits observed, ${expected.toFixed(0)} expected)`,
    pass: low > 1,
  };
}

export const p11: PatternCheck = {
  ids: ['P11a', 'P11b'],
  title: 'Later adopters discontinue more; negative word of mouth',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const R = ctx.replications;
    const s = ctx.scenario('bekasi');
    const kase = await ctx.run(s, R, R);
    const flat = await ctx.run(ctx.scenario('bekasi', { 'parameters.m_late': 1 }), R, R);

    // Negative word of mouth needs disenchanted quitters; Bekasi has few, so
    // the mechanism is shown on the null model with services that often
    // fail. The effect is small, so this check runs five times the
    // replications (the null model is cheap).
    const failing = { 'parameters.u_fail': 0.75, 'parameters.disenchant_months': 6 };
    const wideR = 5 * R;
    const wom = async (o: Record<string, unknown>): Promise<Reading> => {
      const withNeg = await ctx.run(ctx.scenario('null-model', o), wideR, 0);
      const noNeg = await ctx.run(ctx.scenario('null-model', { ...o, 'parameters.w_neg': 0 }), wideR, 0);
      const end = withNeg.scenario.months;
      const d = pairedDifference(metricAt(noNeg, 'cumulative_adoption_share', end), metricAt(withNeg, 'cumulative_adoption_share', end));
      return { measured: ci(d.diff_mean, d.diff_ci_low, d.diff_ci_high, (v) => v.toFixed(4)), pass: d.diff_ci_high < 0 };
    };
    const nullModel = ctx.scenario('null-model');
    return [
      {
        id: 'P11a',
        pattern: 'Later adopters discontinue more (Prins et al. 2009)',
        metric:
          'voluntary exits (hazard, disenchantment) of late majority and laggards adopted without authority, observed / expected at the earlier categories\' rate in the same innovation and routinization state',
        target: 'ratio above 1 (lower 95 % bound)',
        case: laterAdopters(kase),
        controls: [{ variant: 'm_late 1', why: 'later adopters\' hazard no higher than anyone\'s', ...laterAdopters(flat) }],
      },
      {
        id: 'P11b',
        pattern: 'Disenchanted quitters depress peers\' adoption (negative word of mouth)',
        metric: `null model with u_fail 0.75, disenchant_months 6, ${wideR} replications: cumulative adoption share at the horizon, w_neg default minus w_neg 0 (paired)`,
        target: 'difference below 0 (upper 95 % bound)',
        case: await wom(failing),
        controls: [
          {
            variant: `disenchant_months ${nullModel.months + 1} (beyond the horizon)`,
            why: 'nobody becomes disenchanted, so there is no negative word of mouth to spread',
            ...(await wom({ ...failing, 'parameters.disenchant_months': nullModel.months + 1 })),
          },
        ],
      },
    ];
  },
};
