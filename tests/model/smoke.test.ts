import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/simulate.js';
import { metricNames } from '../../src/model/observation.js';
import { model, ATTRS } from './helpers.js';

describe('smoke', () => {
  it('runs', () => {
    const m = model({
      months: 60,
      innovations: [{ id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...ATTRS }],
    });
    const r = simulateReplication(m, 1, 0, { detail: true });
    const names = metricNames(m);
    const at = (month: number, name: string) => r.series[(month - 1) * names.length + names.indexOf(name)];
    console.log([12, 24, 36, 60].map((t) => [at(t, 'cumulative_adoption_share'), at(t, 'live_share'), at(t, 'routinized_share'), at(t, 'mean_usage')]));
    console.log(r.outcomes, r.events?.length);
    expect(r.series.length).toBe(60 * names.length);
  });
});
