/**
 * ADOPTION_EVENT and DISCONTINUANCE_EVENT (src/model/vocabulary.ts) name the
 * events that start and end an instance's life; the survival chart's
 * Kaplan-Meier curves (docs/EXPLORER.md; src/report/kaplan-meier.ts) pair them by these constants.
 * They must be the kinds the model records: one ADOPTION_EVENT per adoption
 * the month counters count, one DISCONTINUANCE_EVENT per discontinuance, and
 * every discontinued instance adopted first. (The model records the kinds
 * as literals, so an empty or misspelt constant left every model test
 * passing while the survival analysis found no spell.)
 */
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';
import { initWorld } from '../../src/model/init.js';
import { step } from '../../src/model/step.js';
import { ADOPTION_EVENT, DISCONTINUANCE_EVENT, EVENT_KINDS } from '../../src/model/vocabulary.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';

describe('the adoption and discontinuance events are the kinds the model records', () => {
  it('one ADOPTION_EVENT per adoption and one DISCONTINUANCE_EVENT per discontinuance, in order per instance', () => {
    const m = model({
      months: 48,
      opds: { generate: { count: 60 } },
      vendors: [{ id: 'v' }],
      innovations: [
        { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN, relative_advantage: 0.9, compatibility: 0.9, complexity: 0.1 },
        { id: 'pilot', owner: 'vendor', vendor: 'v', funding: 'pilot', pilot_months: 12, launch: '2020-02', ...PLAIN, relative_advantage: 0.9, compatibility: 0.9, complexity: 0.1 },
      ],
      parameters: { bass_p: 0.5, pilot_discontinue: 0.9, takeover_vendor: 0.1 },
    });
    const w = initWorld(m, new Streams(replicationSeed(2, 0)), true);
    let adoptions = 0;
    let discontinuances = 0;
    for (let t = 1; t <= m.months; t++) {
      step(w, t);
      adoptions += w.counters.newAdoptions;
      discontinuances += w.counters.discontinuedByCause.reduce((a, b) => a + b, 0);
    }
    const events = w.events!;
    expect(adoptions).toBeGreaterThan(20);
    expect(discontinuances).toBeGreaterThan(5);
    expect(EVENT_KINDS).toContain(ADOPTION_EVENT);
    expect(EVENT_KINDS).toContain(DISCONTINUANCE_EVENT);
    expect(events.filter((e) => e.kind === ADOPTION_EVENT).length).toBe(adoptions);
    expect(events.filter((e) => e.kind === DISCONTINUANCE_EVENT).length).toBe(discontinuances);
    // Each instance's events alternate: adopted, then (maybe) discontinued, then adopted again.
    const liveNow = new Set<string>();
    for (const e of events) {
      const key = `${e.opd}/${e.innovation}`;
      if (e.kind === ADOPTION_EVENT) {
        expect(liveNow.has(key), key).toBe(false);
        liveNow.add(key);
      } else if (e.kind === DISCONTINUANCE_EVENT) {
        expect(liveNow.delete(key), key).toBe(true);
      }
    }
  });
});
