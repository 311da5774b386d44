/**
 * Launch adopters get their budget line from the budget climate of their
 * launch month (MODEL.md 3: the climate is set before the launches; 7.3:
 * city funding is open when B >= budget_open_min), as every adopter of that
 * month does: not from the previous month's climate.
 */
import { describe, expect, it } from 'vitest';
import { events } from '../../src/model/events.js';
import { LINE, PLAIN, QUIET, at, opd, tick, world } from '../support/world.js';

const build = (shock: { from: string; to: string }) =>
  world({
    months: 12,
    opds: { list: [opd('a'), opd('b')] },
    innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-03', initial_adopters: ['a', 'b'], ...PLAIN }],
    budget_shocks: [{ ...shock, factor: 0.3 }],
    parameters: { ...QUIET, budget_open_min: 0.5 },
  });

function launchLines(w: ReturnType<typeof build>): number[] {
  for (let m = 1; m <= 3; m++) {
    tick(w, m);
    events(w);
  }
  return ['a', 'b'].map((id) => w.line[at(w, id, 'svc')]!);
}

describe('launch adopters and the budget climate', () => {
  it('get no line when a cut starts in the launch month (funding closed)', () => {
    const w = build({ from: '2020-03', to: '2020-12' });
    expect(launchLines(w)).toEqual([LINE.none, LINE.none]);
    expect(w.budget).toBe(0.3);
  });

  it('get a city line when a cut ended the month before (funding open again)', () => {
    const w = build({ from: '2020-01', to: '2020-02' });
    expect(launchLines(w)).toEqual([LINE.apbd, LINE.apbd]);
    expect(w.budget).toBe(1);
  });
});
