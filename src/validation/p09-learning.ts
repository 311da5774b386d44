/**
 * P9: the vision persists past services and leaders (kept by the
 * coordinator); single- and triple-loop learning occur; service-level double
 * loop is rare. Each judged per replication: the share of replications in
 * which it holds must be at least 80 % ("the pattern", not an average over
 * replications). Controls: the coordinator keeps no more of the vision than
 * anyone (vision_loss_coordinator = vision_loss_other); no single-loop
 * correction (alpha 0, unfunded effort kept); no ban on standalone apps;
 * every agency as reflexive as possible (reflexivity 1).
 */
import { wilson } from '../experiment/stats/wilson.js';
import { metricAt, sumOver, type Ensemble } from '../experiment/ensemble.js';
import { BEKASI } from './case.js';
import { ci, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';
import { toDecimal } from '../messages/decimal.js';

/** The share of replications in which each part must hold. */
const MOST_REPLICATIONS = 0.8;
/** "Rare": at most one service-level double loop per 20 live instance-years. */
const DOUBLE_RATE = 0.05;

function share(hits: readonly boolean[]): Reading {
  const w = wilson(hits.filter(Boolean).length, hits.length);
  return { measured: `${ci(w.p, w.low, w.high, (v) => toDecimal(v, 2))} of replications`, pass: w.p >= MOST_REPLICATIONS };
}

const vision = (e: Ensemble) => {
  const hold = e.model.params['vision_hold']!;
  return share(metricAt(e, 'vision', e.scenario.months).map((v) => v >= hold));
};
const single = (e: Ensemble) => share(sumOver(e, 'learning_single', 1, e.scenario.months).map((x) => x > 0));
const triple = (e: Ensemble) => share(sumOver(e, 'learning_triple', 1, e.scenario.months).map((x) => x > 0));
const rareDouble = (e: Ensemble) => {
  const T = e.scenario.months;
  const all = sumOver(e, 'learning_double', 1, T);
  const vis = sumOver(e, 'learning_double_vision', 1, T);
  const routinized = sumOver(e, 'state_routinized', 1, T);
  const live = sumOver(e, 'state_live', 1, T);
  return share(all.map((x, r) => (x - vis[r]!) / Math.max(1, (live[r]! + routinized[r]!) / 12) <= DOUBLE_RATE));
};

export const p09: PatternCheck = {
  ids: ['P9a', 'P9b', 'P9c', 'P9d'],
  title: 'Learning loops',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const s = ctx.scenario('bekasi');
    const R = ctx.replications;
    const kase = await ctx.run(s, R, R);
    // The case's resolved value (the scenario's or the default), as vision() reads vision_hold: not a copy of the default.
    const other = kase.model.params['vision_loss_other']!;
    const noKeeper = await ctx.run(ctx.scenario('bekasi', { 'parameters.vision_loss_coordinator': other }), R, 0);
    const noSingle = await ctx.run(ctx.scenario('bekasi', { 'parameters.alpha': 0, 'parameters.unfunded_effort_decay': 1 }), R, 0);
    const hasBan = s.regulations.some((r) => r.id === BEKASI.ban);
    const noBan = await ctx.run(ctx.scenario('bekasi', hasBan ? { [`regulations[id=${BEKASI.ban}]`]: null } : {}), R, 0);
    const reflexive = await ctx.run(ctx.scenario('bekasi', { 'parameters.reflexivity': 1 }), R, 0);
    const per = `per replication; target: in at least ${MOST_REPLICATIONS * 100} % of replications`;
    return [
      {
        id: 'P9a',
        pattern: 'The vision persists past services and leaders',
        metric: 'vision at the horizon at or above vision_hold',
        target: per,
        case: vision(kase),
        controls: [{ variant: 'vision_loss_coordinator = vision_loss_other', why: 'the coordinator no longer keeps the vision through leadership changes', ...vision(noKeeper) }],
      },
      {
        id: 'P9b',
        pattern: 'Single-loop learning occurs',
        metric: 'at least one single-loop correction of effort',
        target: per,
        case: single(kase),
        controls: [{ variant: 'alpha 0, unfunded_effort_decay 1', why: 'no effort is ever corrected', ...single(noSingle) }],
      },
      {
        id: 'P9c',
        pattern: 'Triple-loop learning occurs',
        metric: 'at least one city-level rule change',
        target: per,
        case: triple(kase),
        controls: [{ variant: `without the ban on standalone apps (${BEKASI.ban})`, why: 'the trigger the case records for the city\'s rule change removed', ...triple(noBan) }],
      },
      {
        id: 'P9d',
        pattern: 'Service-level double loop is rare',
        metric: `service-level double loops (vision events left out) per live instance-year at most ${DOUBLE_RATE}`,
        target: per,
        case: rareDouble(kase),
        controls: [{ variant: 'reflexivity 1', why: 'every agency changes a governing variable at every trigger', ...rareDouble(reflexive) }],
      },
    ];
  },
};
