/**
 * The objects a replication builds are given their final layout in V8 up
 * front (src/model/init.ts settleWorldFields, observation.ts TallyScratch,
 * network.ts CsrNetwork, the outcome rows' months set after the literal), so
 * that a thread's first replication does not discard the code it just
 * optimized. Layout only: these tests pin what must not change with it —
 * the values a world starts with (fresh or reused), the tallies' zeroes,
 * the outcome rows' fields and their order (the CSV columns follow it).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';
import { compile } from '../../src/model/compile.js';
import { initWorld } from '../../src/model/init.js';
import { newTallies, outcomes } from '../../src/model/observation.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { step } from '../../src/model/step.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';

const BEKASI = fileURLToPath(new URL('../../scenarios/bekasi-2015-2025.yaml', import.meta.url));
const { scenario } = readScenarioFile(BEKASI);
const model = compile(scenario);

/** The scalar fields settleWorldFields sets to another value and back. */
const settled = (w: ReturnType<typeof initWorld>) => ({
  month: w.month,
  leader: w.leader,
  vacant: w.vacant,
  commitment: w.commitment,
  vision: w.vision,
  budget: w.budget,
  banActive: w.banActive,
  cityBan: w.cityBan,
  failingRun: w.failingRun,
  triplePending: w.triplePending,
  tripleDone: w.tripleDone,
  obligatoryPassagePoint: w.obligatoryPassagePoint,
});

describe('a world keeps the values initWorld gives it', () => {
  it('fresh: month 0, budget 1, the scenario vision, no ban, no triple loop, the leader in office', () => {
    const w = initWorld(model, new Streams(replicationSeed(scenario.seed, 0)), false);
    const s = settled(w);
    expect(s).toMatchObject({
      month: 0,
      vacant: false,
      vision: model.params.vision_init,
      budget: 1,
      banActive: false,
      cityBan: false,
      failingRun: 0,
      triplePending: false,
      tripleDone: 0,
      obligatoryPassagePoint: false,
    });
    // The first mayor (from 2015-01) is in office with the commitment the scenario gives.
    expect(s.leader).toBe(0);
    expect(s.commitment).toBe(model.leaders[0]!.commitment);
    expect(w.counters).not.toBe(w.lists);
    expect(w.counters.newAdoptions).toBe(0);
    expect(Array.isArray(w.lists)).toBe(false);
  });

  it('every settled field keeps its own value when they all differ (a value written back to the wrong field shows)', () => {
    // Bekasi's first mayor has commitment 0.8, as vision_init: a vision written back as the
    // commitment would pass above. Here the two differ.
    const variant = compile(
      readScenarioFile(BEKASI, {
        'parameters.vision_init': 0.55,
        leaders: [
          { id: 'first', from: '2015-01', commitment: 0.9 },
          { id: 'second', from: '2017-01', commitment: 0.3 },
        ],
      }).scenario,
    );
    const s = settled(initWorld(variant, new Streams(replicationSeed(scenario.seed, 0)), false));
    expect(s).toMatchObject({ leader: 0, vacant: false, commitment: 0.9, vision: 0.55, budget: 1, month: 0 });
  });

  it('an office vacant at the start: no leader (-1), vacant, commitment 0', () => {
    const variant = compile(readScenarioFile(BEKASI, { leaders: [{ id: 'later', from: '2016-01', commitment: 0.7 }] }).scenario);
    const s = settled(initWorld(variant, new Streams(replicationSeed(scenario.seed, 0)), false));
    expect(s).toMatchObject({ leader: -1, vacant: true, commitment: 0, vision: variant.params.vision_init });
  });

  // The scalars of a reused world come from initWorld's literal, as a fresh world's do: this
  // guards against a later change that would carry one over from the finished world.
  it('reused from a replication that ran to its horizon: the same start as a fresh world', () => {
    const streams = () => new Streams(replicationSeed(scenario.seed, 3));
    const fresh = settled(initWorld(model, streams(), false));
    const old = initWorld(model, new Streams(replicationSeed(scenario.seed, 2)), false);
    for (let m = 1; m <= model.months; m++) step(old, m);
    // The finished world has moved on (else the comparison proves nothing).
    expect(settled(old)).not.toEqual(fresh);
    expect(settled(initWorld(model, streams(), false, old))).toEqual(fresh);
  });
});

describe('tallies and outcome rows', () => {
  it('new tallies start at zero, with one count per innovation', () => {
    const t = newTallies(3);
    expect([t.eligiblePairs, t.ever, t.usageSum, t.translationSum, t.integratedShare, t.failingShare]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([t.stateCounts.length, t.stageCounts.length, t.liveBy.length, t.everBy.length, t.routinizedBy.length, t.awareBy.length]).toEqual([5, 4, 3, 3, 3, 3]);
  });

  it('an outcome row keeps its fields in order; a month that never came is null, one that came is its month', () => {
    const rows = simulateReplication(model, scenario.seed, 0, { detail: false }).outcomes;
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([
        'innovation',
        'outcome',
        'peak_live',
        'live_end',
        'first_adoption_month',
        'last_discontinuation_month',
        'main_cause',
        'heeks_success',
        'heeks_partial',
        'heeks_failure',
        'heeks_replaced',
      ]);
    }
    const w = initWorld(model, new Streams(replicationSeed(scenario.seed, 0)), false);
    const before = outcomes(w);
    expect(before.every((r) => r.first_adoption_month === null && r.last_discontinuation_month === null)).toBe(true);
    for (let m = 1; m <= model.months; m++) step(w, m);
    const after = outcomes(w);
    for (const [j, r] of after.entries()) {
      expect(r.first_adoption_month).toBe(w.firstAdopted[j]! >= 0 ? w.firstAdopted[j] : null);
      expect(r.last_discontinuation_month).toBe(w.lastEnded[j]! >= 0 ? w.lastEnded[j] : null);
    }
    expect(after.some((r) => r.first_adoption_month !== null)).toBe(true);
    expect(after.some((r) => r.last_discontinuation_month !== null)).toBe(true);
  });
});
