/**
 * P5: zombie services and the record's class totals.
 *
 * P5a: many surviving services are underused (partial failures): among the
 * instances live at the horizon, the partial ones (live but not routinized
 * with usage at the target) are at least half. Control: every service made
 * as attractive as the attributes allow (relative advantage, compatibility,
 * trialability and observability 1, complexity 0) and given the governance
 * of smart health (agency-owned, city budget, champions), so both causes of
 * a live partial failure (low usage, no routinization) are removed.
 *
 * P5b: per service on Heeks' (2003) definitions (a success; a partial
 * failure: live but underused, or ended after a year or more, his
 * sustainability failure; a total failure: never live, or ended within a
 * year), the record's class counts must each lie inside the model's central
 * 90 % interval of the per-replication counts, for at least one of the two
 * readings of the record. Controls as P4b. Heeks' cross-country rates
 * (15 / 50 / 35 %) belong to a national portfolio (P14), not to one city's
 * seven services.
 */
import type { Ensemble } from '../experiment/ensemble.js';
import { wilson } from '../experiment/stats/wilson.js';
import { BEKASI, ATTRITION_MONTHS } from './case.js';
import { centralInterval, ci, type CheckContext, type CheckRow, type Overrides, type PatternCheck, type Reading } from './check.js';
import { matureServices, portfolioControls, portfolioCounts } from './p04-attrition.js';
import { everyServiceOwned } from './measure.js';

/** "Many ... mostly underused": at least half of the live instances. */
const ZOMBIE_SHARE = 0.5;

function zombies(e: Ensemble): Reading {
  let partial = 0;
  let success = 0;
  for (const r of e.results)
    for (const o of r.outcomes) {
      partial += o.heeks_partial;
      success += o.heeks_success;
    }
  const z = wilson(partial, partial + success);
  return { measured: ci(z.p, z.low, z.high), pass: z.p >= ZOMBIE_SHARE };
}

function classTotals(e: Ensemble, ids: ReadonlySet<string>): Reading {
  const counts = portfolioCounts(e, ids);
  const interval = (k: 'success' | 'partial' | 'total_failure') => centralInterval(counts.map((c) => c[k]));
  const iv = { success: interval('success'), partial: interval('partial'), total_failure: interval('total_failure') };
  const fits = BEKASI.record.readings.map((rd) =>
    (['success', 'partial', 'total_failure'] as const).every((k) => rd[k] >= iv[k][0] && rd[k] <= iv[k][1]),
  );
  const fmt = (k: keyof typeof iv) => `[${iv[k][0]}, ${iv[k][1]}]`;
  return {
    measured:
      `90 % intervals: success ${fmt('success')}, partial ${fmt('partial')}, total failure ${fmt('total_failure')}; ` +
      `fits: ${BEKASI.record.readings.map((rd, i) => `${rd.success}/${rd.partial}/${rd.total_failure} ${fits[i] ? 'yes' : 'no'}`).join(', ')}`,
    pass: ids.size > 0 && fits.some(Boolean),
  };
}

export const p05: PatternCheck = {
  ids: ['P5a', 'P5b'],
  title: 'Zombie services; class totals against the record',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const s = ctx.scenario('bekasi');
    const kase = await ctx.run(s, ctx.replications, ctx.replications);
    const attractive: Overrides = {};
    for (const x of s.innovations) {
      for (const a of ['relative_advantage', 'compatibility', 'trialability', 'observability']) attractive[`innovations[id=${x.id}].${a}`] = 1;
      attractive[`innovations[id=${x.id}].complexity`] = 0;
    }
    const useful = await ctx.run(ctx.scenario('bekasi', { ...everyServiceOwned(s), ...attractive }), ctx.replications, 0);
    const mature = matureServices(s);
    const ids = new Set(mature.map((x) => x.id));
    return [
      {
        id: 'P5a',
        pattern: 'Zombie services: survivors mostly underused (partial failures)',
        metric: 'partial share of the instances live at the horizon (live, but not routinized with usage at the target), pooled over replications',
        target: `at least ${ZOMBIE_SHARE}`,
        case: zombies(kase),
        controls: [
          {
            variant: 'every service with the best attributes (advantage, compatibility, trialability, observability 1; complexity 0), agency-owned, on the city budget, every agency championed',
            why: 'removes the causes of a live service being a partial failure: low attraction (usage) and no city line (routinization)',
            ...zombies(useful),
          },
        ],
      },
      {
        id: 'P5b',
        pattern: 'Class totals on Heeks\' definitions, judged against the city\'s own record',
        metric: `per replication, the numbers of successes, partial failures and total failures among the ${mature.length} services with ${ATTRITION_MONTHS} months of history (per service, Heeks 2003; replaced services left out); central 90 % interval of each`,
        target: `each of the record's counts inside its interval, for one of its readings: ${BEKASI.record.readings.map((r) => `${r.success}/${r.partial}/${r.total_failure} (${r.label})`).join('; ')}`,
        case: classTotals(kase, ids),
        controls: await portfolioControls(ctx, s, (e) => classTotals(e, ids)),
      },
    ];
  },
};
