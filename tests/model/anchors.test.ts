/**
 * Regulation anchors (MODEL.md 7.1, 7.3; src/model/instances.ts
 * refreshAnchors): every regulation in force anchors the services it names
 * for the agencies it applies to (applies_to: ids or types; default all);
 * the mandate M of an instance is the strongest such regulation's strength,
 * kept apart for regulations that require a budget line (they pull only
 * while funding is open) and those that do not. A regulation the city
 * enacts in its triple loop (7.6) requires a budget line and binds every
 * agency. Computed here by hand.
 */
import { describe, expect, it } from 'vitest';
import { refreshAnchors } from '../../src/model/instances.js';
import { events } from '../../src/model/events.js';
import { PLAIN, QUIET, at, opd, tick, world } from '../support/world.js';

const svc = (id: string) => ({ id, owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN });

function anchoredWorld() {
  const w = world({
    months: 12,
    opds: { list: [opd('a', { type: 'dinas' }), opd('b', { type: 'badan' }), opd('c', { type: 'dinas' })] },
    regulations: [
      { id: 'strong', from: '2020-01', strength: 0.7, anchors: ['x'], applies_to: ['dinas'] },
      { id: 'weak', from: '2020-01', strength: 0.3, anchors: ['x', 'y'] },
      { id: 'funded', from: '2020-01', strength: 0.9, anchors: ['y'], applies_to: ['b'], requires_budget_line: true },
      { id: 'funded-weak', from: '2020-01', strength: 0.2, anchors: ['y'], requires_budget_line: true },
      { id: 'later', from: '2020-06', strength: 1, anchors: ['z'] },
    ],
    innovations: [svc('x'), svc('y'), svc('z')],
    parameters: QUIET,
  });
  tick(w, 1);
  events(w);
  return w;
}

describe('regulation anchors and mandates', () => {
  it('the strongest regulation in force per instance, by agency and kind', () => {
    const w = anchoredWorld();
    const row = (id: string, inn: string) => [w.anchored[at(w, id, inn)], w.mandateFree[at(w, id, inn)], w.mandateBudget[at(w, id, inn)]];
    // x: strong (0.7) for the dinas a and c, weak (0.3, listed after it) for all.
    expect(row('a', 'x')).toEqual([1, 0.7, 0]);
    expect(row('b', 'x')).toEqual([1, 0.3, 0]);
    expect(row('c', 'x')).toEqual([1, 0.7, 0]);
    // y: weak for all; the funded one (0.9, needs a budget line) for b only, funded-weak (0.2, listed after it) for all.
    expect(row('a', 'y')).toEqual([1, 0.3, 0.2]);
    expect(row('b', 'y')).toEqual([1, 0.3, 0.9]);
    // z: its regulation is not yet in force.
    expect(row('a', 'z')).toEqual([0, 0, 0]);
  });

  it('a regulation coming into force later adds its anchors then', () => {
    const w = anchoredWorld();
    for (let m = 2; m <= 6; m++) {
      tick(w, m);
      events(w);
    }
    for (const id of ['a', 'b', 'c']) expect([w.anchored[at(w, id, 'z')], w.mandateFree[at(w, id, 'z')]], id).toEqual([1, 1]);
  });

  it("the city's own regulation (triple loop) requires a budget line and binds every agency; recomputing starts afresh", () => {
    const w = anchoredWorld();
    w.extraRegulations.push({ strength: 0.5, anchors: Uint8Array.from([0, 0, 1]) });
    refreshAnchors(w);
    for (const id of ['a', 'b', 'c']) expect([w.anchored[at(w, id, 'z')], w.mandateFree[at(w, id, 'z')], w.mandateBudget[at(w, id, 'z')]], id).toEqual([1, 0, 0.5]);
    // The others are unchanged by the recomputation.
    expect([w.mandateFree[at(w, 'a', 'x')], w.mandateBudget[at(w, 'b', 'y')]]).toEqual([0.7, 0.9]);
    // Lapsed: nothing left but the city's own.
    w.regulationActive.fill(0);
    refreshAnchors(w);
    expect([w.anchored[at(w, 'a', 'x')], w.mandateFree[at(w, 'a', 'x')]]).toEqual([0, 0]);
    expect(w.mandateBudget[at(w, 'c', 'z')]).toBe(0.5);
  });
});
