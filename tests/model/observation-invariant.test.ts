/**
 * tallyAfterStep (src/model/observation.ts) never sees an innovation whose
 * candidates are its aware agencies only (active.ts `listed[j] === 1`): that
 * list is made in a national government's world alone, and national worlds
 * are tallied by national/simulate.ts. The branch that counted such a
 * column was unreachable; it is now an invariant that stops with an
 * internal error instead of returning counts from a list it was not written
 * for.
 */
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';
import { initWorld } from '../../src/model/init.js';
import { newTallies, tally, tallyAfterStep } from '../../src/model/observation.js';
import { step } from '../../src/model/step.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';

describe('tallyAfterStep on a list only a national world makes', () => {
  it('stops with an internal error, where a city world is tallied as by the full scan', () => {
    const m = model({
      months: 12,
      opds: { generate: { count: 10 } },
      innovations: [{ id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
    });
    const w = initWorld(m, new Streams(replicationSeed(3, 0)), true);
    step(w, 1);
    expect(w.lists.observable).toBe(true);
    // Control: the city world as step() left it.
    expect(tallyAfterStep(w, newTallies(w.k))).toEqual(tally(w, newTallies(w.k)));
    w.lists.listed[0] = 1;
    expect(() => tallyAfterStep(w, newTallies(w.k))).toThrow(/national world/);
  });
});
