/**
 * The discontinuance pass (discontinuance.ts) draws a live instance's ban
 * replacement before its hazard, through one call site (a loop over the two
 * draws): when both would end it, the ban's draw comes first, so the cause is
 * `replacement`, and an instance the ban does not apply to (integrated) is
 * ended by the hazard alone. Both probabilities are 1 here, so each instance's
 * cause shows which draw was taken first.
 */
import { describe, expect, it } from 'vitest';
import { discontinuance } from '../../src/model/discontinuance.js';
import { events } from '../../src/model/events.js';
import { CAUSE } from '../../src/model/world.js';
import { PLAIN, QUIET, STATE, at, live, opd, tick, world } from '../support/world.js';

describe('the ban replacement is drawn before the hazard', () => {
  it('a standalone instance both would end is replaced; an integrated one ends by the hazard; each once', () => {
    const w = world({
      months: 24,
      opds: { list: [opd('a'), opd('b'), opd('c')] },
      regulations: [{ id: 'perpres', from: '2020-01', strength: 0.5, bans_standalone: true }],
      innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET, ban_replacement: 1e9, h0_other: 1e9, h0_routinized: 1e9 },
    });
    live(w, at(w, 'a', 'svc'), { integrated: false });
    live(w, at(w, 'b', 'svc'), { integrated: true });
    live(w, at(w, 'c', 'svc'), { integrated: false, state: STATE.routinized });
    tick(w, 1);
    events(w);
    expect(w.banActive).toBe(true);
    discontinuance(w);
    for (const id of ['a', 'b', 'c']) expect(w.state[at(w, id, 'svc')]).toBe(STATE.discontinued);
    expect(w.cause[at(w, 'a', 'svc')]).toBe(CAUSE.replacement);
    expect(w.cause[at(w, 'c', 'svc')]).toBe(CAUSE.replacement);
    expect(w.cause[at(w, 'b', 'svc')]).toBe(CAUSE.hazard);
    expect(w.counters.discontinuedByCause[CAUSE.replacement]).toBe(2);
    expect(w.counters.discontinuedByCause[CAUSE.hazard]).toBe(1);
  });
});
