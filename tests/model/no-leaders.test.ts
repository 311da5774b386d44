/**
 * MODEL.md 5, the leaders of a city scenario at the start: a scenario that
 * lists no leaders has an unnamed leader in office with commitment 0 (not a
 * vacant office): it sponsors a `sponsor: leader` innovation launched while
 * in office but pulls nothing. Leaders listed with none in office in month 1
 * leave the office vacant: nobody sponsors what is launched then.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../src/model/step.js';
import { PLAIN, QUIET, opd, world } from '../support/world.js';

const svc = { id: 'svc', owner: 'opd' as const, funding: 'apbd' as const, sponsor: 'leader' as const, launch: '2020-02', ...PLAIN };

describe('the office at the start (MODEL.md 5)', () => {
  it('no leaders listed: held, commitment 0, the leader-sponsored service sponsored', () => {
    const w = world({ months: 12, opds: { list: [opd('a')] }, innovations: [svc], parameters: QUIET });
    expect(w.model.vacantAtStart).toBe(false);
    expect([w.vacant, w.leader, w.commitment]).toEqual([false, -1, 0]);
    step(w, 1);
    step(w, 2);
    expect(w.sponsored[0]).toBe(1);
  });

  it('leaders listed, the first taking office later: vacant until then, nobody sponsors what is launched before', () => {
    const w = world({ months: 12, opds: { list: [opd('a')] }, leaders: [{ id: 'mayor', from: '2020-06', commitment: 0.8 }], innovations: [svc], parameters: QUIET });
    expect(w.model.vacantAtStart).toBe(true);
    expect([w.vacant, w.leader, w.commitment]).toEqual([true, -1, 0]);
    step(w, 1);
    step(w, 2);
    expect(w.sponsored[0]).toBe(0);
    for (let t = 3; t <= 6; t++) step(w, t);
    expect([w.vacant, w.commitment]).toEqual([false, 0.8]);
  });
});
