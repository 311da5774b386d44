/**
 * Shares and means whose denominator can be zero (MODEL.md section 8;
 * docs/OUTPUTS.md): a share over no eligible agency, a mean over no live
 * instance and the failing share with nothing live are 0, never NaN. A run
 * with a service nobody may adopt, and months before any launch, reaches
 * every such case.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { initWorld } from '../../src/model/init.js';
import { failingShare } from '../../src/model/learning.js';
import { metricNames } from '../../src/model/observation.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';

const opds = Array.from({ length: 12 }, (_, i) => ({ id: `d${i + 1}`, type: 'dinas' as const }));

function column(m: ReturnType<typeof model>, series: Float64Array, name: string): number[] {
  const names = metricNames(m);
  const c = names.indexOf(name);
  expect(c, name).toBeGreaterThanOrEqual(0);
  return Array.from({ length: m.months }, (_, t) => series[t * names.length + c]!);
}

describe('zero denominators give 0, not NaN', () => {
  it('a service no agency may adopt has a cumulative share of 0 beside one that spreads; means are 0 before anything is live', () => {
    const m = model({
      months: 36,
      opds: { list: opds },
      innovations: [
        { id: 'nobody', owner: 'opd', funding: 'apbd', launch: '2020-01', eligible: ['badan'], ...PLAIN },
        { id: 'late', owner: 'opd', funding: 'apbd', launch: '2020-07', ...PLAIN },
      ],
      parameters: { theta_mean: 0.2, bass_p: 0.6 },
    });
    expect(m.innovations[0]!.eligibleCount).toBe(0);
    const r = simulateReplication(m, 3, 0, { detail: false });
    for (const v of r.series) expect(Number.isFinite(v)).toBe(true);
    expect(column(m, r.series, 'cumulative.nobody')).toEqual(new Array(36).fill(0));
    const late = column(m, r.series, 'cumulative.late');
    expect(late[35]!).toBeGreaterThan(0.5);
    // Nothing is live before the launch in month 7: the means and the failing share are 0.
    for (const name of ['mean_usage', 'mean_translation', 'failing_share', 'live_share', 'cumulative_adoption_share']) {
      expect(column(m, r.series, name).slice(0, 6), name).toEqual([0, 0, 0, 0, 0, 0]);
    }
    // The city-wide share counts only eligible pairs: the ineligible service does not dilute it.
    expect(column(m, r.series, 'cumulative_adoption_share')[35]).toBeCloseTo(late[35]!, 12);
  });

  it('a city where no agency may adopt anything: every share is 0 in every month', () => {
    const m = model({
      months: 12,
      opds: { list: opds },
      innovations: [{ id: 'nobody', owner: 'opd', funding: 'apbd', launch: '2020-01', eligible: ['badan'], ...PLAIN }],
    });
    const r = simulateReplication(m, 3, 0, { detail: false });
    for (const v of r.series) expect(Number.isFinite(v)).toBe(true);
    for (const name of ['cumulative_adoption_share', 'live_share', 'routinized_share', 'failing_share', 'mean_usage']) {
      expect(column(m, r.series, name), name).toEqual(new Array(12).fill(0));
    }
  });

  it('the failing share with nothing live is 0', () => {
    const m = model({ innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }], parameters: { u_fail: 0.5 } });
    const w = initWorld(m, new Streams([1, 2]), false);
    expect(failingShare(w)).toBe(0);
  });
});
