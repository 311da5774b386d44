/**
 * A regulation binds the agencies in its `applies_to` (MODEL.md 2, 7.1),
 * and a ban on standalone apps is such a regulation: only the standalone
 * instances of the agencies it binds are replaced (7.8). The city's own ban
 * (the triple loop's third step, 7.6) binds every agency. Both ban and
 * hazard draws are certain here, and the hazard is off, so an instance's
 * state shows whether the ban reached it.
 */
import { describe, expect, it } from 'vitest';
import { discontinuance } from '../../src/model/discontinuance.js';
import { events } from '../../src/model/events.js';
import { learning } from '../../src/model/learning.js';
import { CAUSE } from '../../src/model/world.js';
import { PLAIN, QUIET, STATE, at, live, opd, tick, world } from '../support/world.js';

const build = (applies_to?: string[]) =>
  world({
    months: 24,
    opds: { list: [opd('a', { type: 'dinas' }), opd('b', { type: 'dinas' }), opd('c', { type: 'kecamatan' })] },
    regulations: [{ id: 'perpres', from: '2020-01', strength: 0.5, bans_standalone: true, ...(applies_to && { applies_to }) }],
    innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
    parameters: { ...QUIET, ban_replacement: 1e9, h0_other: 0, h0_routinized: 0 },
  });

function month1(w: ReturnType<typeof build>): void {
  for (const id of ['a', 'b', 'c']) live(w, at(w, id, 'svc'), { integrated: false });
  tick(w, 1);
  events(w);
  discontinuance(w);
}

describe('a ban on standalone apps', () => {
  it('replaces only the standalone instances of the agencies in its applies_to (by id)', () => {
    const w = build(['a']);
    month1(w);
    expect(w.state[at(w, 'a', 'svc')]).toBe(STATE.discontinued);
    expect(w.cause[at(w, 'a', 'svc')]).toBe(CAUSE.replacement);
    for (const id of ['b', 'c']) expect(w.state[at(w, id, 'svc')], id).toBe(STATE.live);
  });

  it('replaces only those of the agency types in its applies_to', () => {
    const w = build(['kecamatan']);
    month1(w);
    expect(w.state[at(w, 'c', 'svc')]).toBe(STATE.discontinued);
    for (const id of ['a', 'b']) expect(w.state[at(w, id, 'svc')], id).toBe(STATE.live);
  });

  it('without applies_to, replaces every agency\'s', () => {
    const w = build();
    month1(w);
    for (const id of ['a', 'b', 'c']) expect(w.state[at(w, id, 'svc')], id).toBe(STATE.discontinued);
  });

  it('enacted by the city itself (triple loop), binds every agency, also where a regulation\'s binds one', () => {
    const w = build(['a']);
    for (const id of ['a', 'b', 'c']) live(w, at(w, id, 'svc'), { integrated: false });
    tick(w, 1);
    events(w);
    // The triple loop's next step is the ban, taken at once.
    (w.model.params as { city_reflexivity: number }).city_reflexivity = 1;
    w.tripleDone = 2;
    w.triplePending = true;
    learning(w);
    expect(w.cityBan).toBe(true);
    discontinuance(w);
    for (const id of ['a', 'b', 'c']) expect(w.state[at(w, id, 'svc')], id).toBe(STATE.discontinued);
  });
});
