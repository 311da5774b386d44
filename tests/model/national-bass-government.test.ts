/**
 * A government whose city block sets `decision: bass` runs the pure Bass
 * model (MODEL.md 7.2), which keeps no live list: the national tally must
 * count its live instances from their states. Its service flags (live, and
 * the peak live count) follow the world's states month by month, as for a
 * government running the full model.
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { expect, it } from 'vitest';
import { initNational, nationalPhase, tallyServices } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { isLive } from '../../src/model/world.js';
import { buildSmallNational } from './national-fixture.js';

it("a Bass government's live instances are counted: its live flags and peak follow its states", () => {
  const model = buildSmallNational((s) => {
    const govs = s['governments'] as Record<string, unknown>[];
    const g = govs.find((x) => x['id'] === 'kab-b')!;
    g['city'] = { decision: 'bass' };
  });
  const gi = model.governments.findIndex((g) => g.id === 'kab-b');
  expect(model.governments[gi]!.model.bass).toBe(true);
  const S = model.services.length;
  const run = initNational(model, model.scenario.seed, 0);
  const w = run.worlds[gi]!;
  const serviceOf = model.governments[gi]!.serviceOf;
  let monthsLive = 0;
  for (let month = 1; month <= model.months; month++) {
    nationalPhase(model, run, month);
    for (const x of run.worlds) step(x, month);
    tallyServices(model, run);
    for (let j = 0; j < w.k; j++) {
      let live = 0;
      for (let o = 0; o < w.n; o++) if (w.eligible[o * w.k + j] && isLive(w.state[o * w.k + j]!)) live++;
      const s = serviceOf[j]!;
      if (s >= 0) expect(run.live[gi * S + s], `month ${month}, service ${model.services[s]}`).toBe(live > 0 ? 1 : 0);
      if (live > 0) monthsLive++;
      expect(w.peakLive[j]).toBeGreaterThanOrEqual(live);
    }
  }
  // The check above has live months to check.
  expect(monthsLive).toBeGreaterThan(0);
});
