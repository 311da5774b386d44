/**
 * P11a: later adopters discontinue more (Prins, Verhoef and Franses 2009).
 * The later-adopter mechanism is isolated: voluntary exits (hazard,
 * disenchantment) per instance-year of exposure, counted only for instances
 * adopted without authority (an authority adoption has its own hazard
 * multiplier, and later adopters are more often pushed), and compared within
 * each innovation and routinization state (indirect standardization), so
 * that neither which services each group adopts nor how far they have
 * routinized confounds the comparison; its 95 % interval is a percentile
 * bootstrap over replications (laterAdopters). Control: m_late = 1.
 *
 * P11b: disenchanted quitters depress peers' adoption (negative word of
 * mouth), on the null model with often-failing services. Control: nobody
 * becomes disenchanted (disenchant_months beyond the horizon), so the
 * negative word of mouth has no source.
 */
import { pairedDifference } from '../experiment/stats/paired.js';
import { metricAt, type Ensemble } from '../experiment/ensemble.js';
import { designRng } from '../experiment/design.js';
import { uniformIndex } from '../experiment/stats/random.js';
import { ci, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';
import { toDecimal } from '../messages/decimal.js';

/** One replication's exposure (instance-years) and voluntary exits, per stratum and group. */
type Tally = { earlyYears: number; earlyQuits: number; lateYears: number; lateQuits: number };

/** Bootstrap resamples of the replications for the interval of the ratio. */
const BOOTSTRAP_NOTE = 'percentile bootstrap over replications';
/** P11a runs this many times the case replications (see measure). */
const LATE_REPLICATIONS = 5;
const BOOTSTRAP = 2000;

/** Per replication, stratum (innovation|routinized) -> tally. */
function tallies(e: Ensemble): Map<string, Tally>[] {
  const horizon = e.scenario.months;
  const out: Map<string, Tally>[] = [];
  for (const r of e.results) {
    if (!r.agents || !r.events) continue;
    const strata = new Map<string, Tally>();
    const category = new Map(r.agents.map((a) => [a.opd, a.category]));
    const open = new Map<string, { from: number; routinized: boolean }>();
    // A spell from month a exposed to the hazard draws (phase 8) of months a..end-1.
    const close = (key: string, end: number, quit: boolean) => {
      const spell = open.get(key);
      if (!spell) return;
      open.delete(key);
      const [opd, innovation] = key.split('|') as [string, string];
      const cat = category.get(opd);
      const late = cat === 'late_majority' || cat === 'laggard';
      const stratum = `${innovation}|${spell.routinized}`;
      let t = strata.get(stratum);
      if (!t) strata.set(stratum, (t = { earlyYears: 0, earlyQuits: 0, lateYears: 0, lateQuits: 0 }));
      const years = (end - spell.from) / 12;
      if (late) {
        t.lateYears += years;
        if (quit) t.lateQuits++;
      } else {
        t.earlyYears += years;
        if (quit) t.earlyQuits++;
      }
    };
    for (const ev of r.events) {
      const key = `${ev.opd}|${ev.innovation}`;
      if (ev.kind === 'adoption' && ev.cause !== 'authority') open.set(key, { from: ev.month, routinized: false });
      else if (ev.kind === 'routinized' && open.has(key)) {
        // Routinized in phase 4: this month's hazard draw is already the routinized one.
        close(key, ev.month, false);
        open.set(key, { from: ev.month, routinized: true });
      } else if (ev.kind === 'discontinuance') {
        // A voluntary exit is this month's hazard draw (phase 8); other causes act before it.
        const quit = ev.cause === 'hazard' || ev.cause === 'disenchantment';
        close(key, quit ? ev.month + 1 : ev.month, quit);
      }
    }
    for (const key of [...open.keys()]) close(key, horizon + 1, false);
    out.push(strata);
  }
  return out;
}

/** Observed and expected late exits over the given replications (indirect standardization). */
function standardized(reps: readonly Map<string, Tally>[], pick: readonly number[]): { observed: number; expected: number } {
  const sum = new Map<string, Tally>();
  for (const i of pick)
    for (const [k, t] of reps[i]!) {
      const a = sum.get(k) ?? { earlyYears: 0, earlyQuits: 0, lateYears: 0, lateQuits: 0 };
      sum.set(k, { earlyYears: a.earlyYears + t.earlyYears, earlyQuits: a.earlyQuits + t.earlyQuits, lateYears: a.lateYears + t.lateYears, lateQuits: a.lateQuits + t.lateQuits });
    }
  let observed = 0;
  let expected = 0;
  for (const t of sum.values()) {
    if (t.earlyYears <= 0 || t.lateYears <= 0) continue;
    observed += t.lateQuits;
    expected += t.lateYears * (t.earlyQuits / t.earlyYears);
  }
  return { observed, expected };
}

/**
 * The ratio observed / expected, with a percentile bootstrap interval over
 * replications (the independent unit): the expected count is itself
 * estimated from the earlier categories' exits in the same runs, and exits
 * within a replication are not independent, so an interval on the observed
 * count alone (Poisson, as before the fourth session) is too narrow. At the
 * shipped seeds it gave the control 1.31 [1.16, 1.48], while the same control
 * gave 1.03 and 0.88 at seeds 1 and 2.
 */
function laterAdopters(e: Ensemble): Reading {
  const reps = tallies(e);
  const all = reps.map((_, i) => i);
  const { observed, expected } = standardized(reps, all);
  const ratio = observed / Math.max(expected, 1e-9);
  const rng = designRng(e.scenario.seed, 'p11a-bootstrap');
  const ratios: number[] = [];
  for (let b = 0; b < BOOTSTRAP && reps.length > 0; b++) {
    const pick = all.map(() => uniformIndex(rng, reps.length));
    const x = standardized(reps, pick);
    ratios.push(x.observed / Math.max(x.expected, 1e-9));
  }
  ratios.sort((a, b) => a - b);
  const q = (p: number) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(p * ratios.length)))] ?? Number.NaN;
  const low = q(0.025);
  const high = q(0.975);
  return {
    measured: `${toDecimal(ratio, 2)} [${toDecimal(low, 2)}, ${toDecimal(high, 2)}] (${observed} exits observed, ${toDecimal(expected, 0)} expected; bootstrap over ${reps.length} replications)`,
    pass: reps.length > 0 && low > 1,
  };
}

export const p11: PatternCheck = {
  ids: ['P11a', 'P11b'],
  title: 'Later adopters discontinue more; negative word of mouth',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const R = ctx.replications;
    const s = ctx.scenario('bekasi');
    // Voluntary exits of later adopters are few (about 300 in 200
    // replications), and the ratio's sampling error at 200 replications
    // (bootstrap SD about 0.11; 0.09-0.14 between master seeds) is a quarter
    // of the effect the band must resolve (m_late 1.5: a ratio near 1.4), so
    // one seed's draws decide the verdict. The check runs five times the
    // replications, as P11b does (docs/ODD.md section 12).
    const lateR = LATE_REPLICATIONS * R;
    const kase = await ctx.run(s, lateR, lateR);
    const flat = await ctx.run(ctx.scenario('bekasi', { 'parameters.m_late': 1 }), lateR, lateR);

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
      return { measured: ci(d.diff_mean, d.diff_ci_low, d.diff_ci_high, (v) => toDecimal(v, 4)), pass: d.diff_ci_high < 0 };
    };
    const nullModel = ctx.scenario('null-model');
    return [
      {
        id: 'P11a',
        pattern: 'Later adopters discontinue more (Prins et al. 2009)',
        metric:
          `${lateR} replications: voluntary exits (hazard, disenchantment) of late majority and laggards adopted without authority, observed / expected at the earlier categories' rate in the same innovation and routinization state`,
        target: `ratio above 1 (lower 95 % bound, ${BOOTSTRAP_NOTE})`,
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
