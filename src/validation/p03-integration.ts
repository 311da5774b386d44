/**
 * P3: about 40 % of agencies were integrated when the platform launched
 * (17 of 43 at the 2016-03 soft launch), and full integration was not reached
 * by the city's 2018 target. The launch share is an input (the scenario lists
 * the 17 agencies as initial adopters): it is shown, not judged. Only the
 * 2018 part counts as evidence. Control: every agency connected at launch,
 * routinized, and no discontinuance hazard: the gradual uptake and the
 * attrition that keep integration partial are removed, so the same reading
 * must show full integration.
 */
import { OPD_TYPES } from '../scenario/schema.js';
import { describe } from '../experiment/stats/describe.js';
import { metricAt, type Ensemble } from '../experiment/ensemble.js';
import { BEKASI } from './case.js';
import { ci, missingRow, type CheckContext, type CheckRow, type PatternCheck, type Reading } from './check.js';
import { monthOf } from './measure.js';

export const p03: PatternCheck = {
  ids: ['P3'],
  title: 'Integration at the platform launch and by 2018',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const s = ctx.scenario('bekasi');
    const platform = s.innovations.find((x) => x.id === BEKASI.platform);
    const pattern = 'Full integration not reached by the 2018 target (about 40 % integrated at the platform launch)';
    if (!platform) return [missingRow('P3', pattern, `platform ${BEKASI.platform}`)];
    const kase = await ctx.run(s, ctx.replications, ctx.replications);
    const entry = s.initial_adopters.findIndex((a) => a.innovation === platform.id);
    const everyone = {
      [`initial_adopters[${entry}].opds`]: [...OPD_TYPES],
      [`initial_adopters[${entry}].state`]: 'routinized',
      'parameters.h0_routinized': 0,
      'parameters.h0_other': 0,
    };
    const control = await ctx.run(ctx.scenario('bekasi', everyone), ctx.replications, 0);
    const launch = monthOf(s, platform.launch);
    const target = monthOf(s, BEKASI.integrationTarget);
    const read = (e: Ensemble): Reading => {
      const at = describe(metricAt(e, 'integrated_share', target));
      return { measured: ci(at.mean, at.ci_low, at.ci_high), pass: at.ci_high < 1 };
    };
    const atLaunch = describe(metricAt(kase, 'integrated_share', launch));
    return [
      {
        id: 'P3',
        pattern,
        metric: `share of agencies with a live integrated service at ${BEKASI.integrationTarget}`,
        target: 'below 1 (upper 95 % bound)',
        case: read(kase),
        controls: [{
          variant: 'every agency connected and routinized at launch, no discontinuance hazard',
          why: 'removes the gradual uptake and the attrition that keep integration partial',
          ...read(control),
        }],
        note: `at launch (${platform.launch}) ${ci(atLaunch.mean, atLaunch.ci_low, atLaunch.ci_high)}: an input (the scenario's initial adopters, 17 of 43 = 0.40), not evidence`,
      },
    ];
  },
};
