/**
 * A take-over probability on the innovation itself (issue 12, item 8): it
 * overrides the global takeover_<owner> for that pilot only, so a what-if
 * can rescue one service without changing every pilot of the same owner.
 */
import { describe, expect, it } from 'vitest';
import { events } from '../../src/model/events.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { model } from './helpers.js';
import type { World } from '../../src/model/world.js';
import { LINE, PLAIN, QUIET, at, eventRows, live, opd, tick, world } from '../support/world.js';

const pilot = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  owner: 'vendor' as const,
  vendor: 'acme',
  funding: 'pilot' as const,
  pilot_months: 6,
  launch: '2020-01',
  ...PLAIN,
  ...extra,
});

/** Two vendor pilots ending in month 7; `takeover` on the first only. */
function pilotsAtEnd(takeover: number | undefined, params: Record<string, number>): World {
  const w = world({
    months: 24,
    opds: { list: [opd('a'), opd('b')] },
    vendors: [{ id: 'acme' }],
    innovations: [pilot('own', takeover === undefined ? {} : { takeover }), pilot('other')],
    parameters: { ...QUIET, pilot_discontinue: 1, budget_open_min: 0.5, ...params },
  });
  for (const k of ['own', 'other']) for (const o of ['a', 'b']) live(w, at(w, o, k), { line: LINE.pilot });
  for (let m = 2; m <= 7; m++) {
    tick(w, m);
    events(w);
  }
  return w;
}

const outcome = (w: World, id: string) =>
  eventRows(w).find((e) => e.innovation === id && e.kind.startsWith('pilot_'))?.kind;

describe('innovations[].takeover overrides takeover_<owner> for that pilot only', () => {
  it('takeover 1 rescues one pilot while the global takeover_vendor 0 withdraws the other', () => {
    const w = pilotsAtEnd(1, { takeover_vendor: 0 });
    expect(outcome(w, 'own')).toBe('pilot_takeover');
    expect(outcome(w, 'other')).toBe('pilot_withdrawn');
    expect(w.line[at(w, 'a', 'own')]).toBe(LINE.apbd);
  });

  it('takeover 0 blocks a take-over the global takeover_vendor 1 would give', () => {
    const w = pilotsAtEnd(0, { takeover_vendor: 1 });
    expect(outcome(w, 'own')).toBe('pilot_withdrawn');
    expect(outcome(w, 'other')).toBe('pilot_takeover');
  });

  it('absent: the global parameter decides', () => {
    const w = pilotsAtEnd(undefined, { takeover_vendor: 1 });
    expect(outcome(w, 'own')).toBe('pilot_takeover');
  });

  it('the same value on the innovation as in the parameter gives the same run, draw for draw', () => {
    const scenario = (takeover: number | undefined) => ({
      months: 48,
      opds: { generate: { count: 15 } },
      vendors: [{ id: 'acme' }],
      innovations: [pilot('own', { pilot_months: 12, ...(takeover === undefined ? {} : { takeover }) }), pilot('other', { pilot_months: 18 })],
      parameters: { takeover_vendor: 0.4 },
    });
    const a = model(scenario(undefined));
    const b = model(scenario(0.4));
    const c = model(scenario(1));
    let differs = 0;
    for (let r = 0; r < 20; r++) {
      const ra = simulateReplication(a, 7, r, { detail: true });
      const rb = simulateReplication(b, 7, r, { detail: true });
      expect(rb.events).toEqual(ra.events);
      expect(Array.from(rb.series)).toEqual(Array.from(ra.series));
      const rc = simulateReplication(c, 7, r, { detail: true });
      if (JSON.stringify(rc.events) !== JSON.stringify(ra.events)) differs++;
    }
    // ...while a different value does change runs (the override is read at all).
    expect(differs).toBeGreaterThan(0);
  });
});
