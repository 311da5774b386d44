/**
 * MODEL.md section 8, per innovation at the horizon: `sustained` (live at the
 * end >= 1 and >= sustain_fraction of its peak, half by default, with
 * peak >= min(min_peak, eligible)),
 * `discontinued` (had live instances, none at the end, or withdrawn),
 * `never_adopted`, otherwise `declining`; Heeks per instance.
 */
import { describe, expect, it } from 'vitest';
import { outcomes } from '../../src/model/observation.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { CAUSE, type World } from '../../src/model/world.js';
import { model } from './helpers.js';
import { MODEL_DEFAULTS, PLAIN, QUIET, STATE, at, live, opd, world } from '../support/world.js';

function outcomeWorld(eligible: number): World {
  const ids = ['a', 'b', 'c', 'd'];
  return world({
    months: 24,
    opds: { list: ids.map((id) => opd(id)) },
    innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', eligible: ids.slice(0, eligible), ...PLAIN }],
    parameters: { ...QUIET, min_peak: 3, u_target: 0.6 },
  });
}

describe('innovation outcomes at the horizon (8)', () => {
  it.each<[string, number, number, number, string]>([
    // name, eligible, peak, live at the end, outcome
    ['live_end >= peak/2 and peak >= min_peak', 4, 4, 2, 'sustained'],
    ['live_end < peak/2', 4, 4, 1, 'declining'],
    ['peak below min(min_peak, eligible)', 4, 2, 2, 'declining'],
    ['peak = eligible < min_peak', 2, 2, 2, 'sustained'],
    ['had live instances, none at the end', 4, 3, 0, 'discontinued'],
    ['never live', 4, 0, 0, 'never_adopted'],
  ])('%s -> %s', (_name, eligible, peak, liveEnd, expected) => {
    const w = outcomeWorld(eligible);
    const ids = ['a', 'b', 'c', 'd'];
    for (let o = 0; o < peak; o++) {
      const i = at(w, ids[o]!, 'svc');
      live(w, i);
      if (o >= liveEnd) {
        w.state[i] = STATE.discontinued;
        w.cause[i] = CAUSE.hazard;
      }
    }
    w.peakLive[0] = peak;
    expect(outcomes(w)[0]).toMatchObject({ innovation: 'svc', outcome: expected, peak_live: peak, live_end: liveEnd });
  });

  it('the share of its peak a sustained service keeps is the parameter sustain_fraction (0.5 by default)', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `o${i}`);
    /** Peak 10, `liveEnd` still live at the horizon, read at sustain_fraction `f` (undefined: the default). */
    const read = (liveEnd: number, f?: number): string => {
      const w = world({
        months: 24,
        opds: { list: ids.map((id) => opd(id)) },
        innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
        parameters: { ...QUIET, min_peak: 3, ...(f !== undefined && { sustain_fraction: f }) },
      });
      ids.forEach((id, o) => {
        const i = at(w, id, 'svc');
        live(w, i);
        if (o >= liveEnd) {
          w.state[i] = STATE.discontinued;
          w.cause[i] = CAUSE.hazard;
        }
      });
      w.peakLive[0] = 10;
      return outcomes(w)[0]!.outcome;
    };
    expect([read(5), read(4)]).toEqual(['sustained', 'declining']);
    expect([read(3, 0.25), read(2, 0.25)]).toEqual(['sustained', 'declining']);
    expect([read(8, 0.75), read(7, 0.75)]).toEqual(['sustained', 'declining']);
    // 3 of 10 at 0.3: sustained (10 * 0.3 is 3.0000000000000004 in floating point; the ratio is exact).
    expect(read(3, 0.3)).toBe('sustained');
    expect([read(10, 1), read(9, 1)]).toEqual(['sustained', 'declining']);
  });

  it('withdrawn counts as discontinued; Heeks classes per instance', () => {
    const w = outcomeWorld(4);
    live(w, at(w, 'a', 'svc'), { state: STATE.routinized, usage: 0.6 }); // success
    live(w, at(w, 'b', 'svc'), { state: STATE.routinized, usage: 0.59 }); // partial
    live(w, at(w, 'c', 'svc'), { usage: 0.9 }); // partial (not routinized)
    live(w, at(w, 'd', 'svc'));
    w.state[at(w, 'd', 'svc')] = STATE.discontinued;
    w.cause[at(w, 'd', 'svc')] = CAUSE.replacement; // replaced
    w.peakLive[0] = 4;
    expect(outcomes(w)[0]).toMatchObject({ outcome: 'sustained', heeks_success: 1, heeks_partial: 2, heeks_failure: 0, heeks_replaced: 1 });
    w.withdrawn[0] = 1;
    expect(outcomes(w)[0]!.outcome).toBe('discontinued');
  });

  // A tick can adopt (phase 3) and discontinue (phase 8) the same instance: it never shows
  // in a month-end count (peak_live 0), yet the innovation had live instances.
  it('an innovation adopted and discontinued within one month is discontinued, not never_adopted', () => {
    const m = model({
      months: 3,
      opds: { list: [opd('a', { theta: 0 })] },
      innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...MODEL_DEFAULTS, ...QUIET, campaign_boost: 1000, h0_other: 1e9 },
    });
    const row = simulateReplication(m, 1, 0, { detail: false }).outcomes[0]!;
    expect(row.first_adoption_month).toBe(1);
    expect(row.heeks_failure).toBe(1);
    expect(row.peak_live).toBe(0);
    expect(row.outcome).toBe('discontinued');
  });
});
