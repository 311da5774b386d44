/**
 * Phase 3 does not evaluate again an aware agency whose last decision gave
 * no adoption when none of its inputs changed since (src/model/active.ts
 * `decided`, `decisionKey`; src/model/diffusion.ts decision). These tests
 * run the same replications twice in lockstep, once as step() runs them and
 * once with the memory wiped before every tick (every aware agency
 * evaluated every month, as before the memory), and require every state
 * array to agree after every month. An input the memory does not watch
 * (the government pull of a national scenario, the mandates, a peer count)
 * makes the two runs part.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { compileNational, type NationalModel } from '../../src/model/national/compile.js';
import { initNational, nationalPhase, tallyServices } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { STATE, type World } from '../../src/model/world.js';

const FIXTURE = fileURLToPath(new URL('../national/fixtures/small-national.yaml', import.meta.url));

/** The four-government fixture on a sparse network (the memory is off on a complete one), with strong pulls between governments. */
function sparseNational(): NationalModel {
  const input = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  (input['template'] as Record<string, unknown>)['network'] = { type: 'hub', among: { type: 'small-world', degree: 4, rewire: 0.1 } };
  input['national_parameters'] = { gov_launch_base: 2, gov_learning: 0.6, gov_imitation: 1 };
  input['months'] = 72;
  // More governments in each province: their peers' routinized shares, and so the pulls, change more often.
  const more = ['kab-d', 'kab-e', 'kab-f', 'kota-g', 'kab-h', 'kab-i'].map((id, x) => ({ id, type: id.startsWith('kota') ? 'city' : 'regency', province: x % 2 === 0 ? 'prov-a' : 'prov-c', districts: 3 + x }));
  (input['governments'] as unknown[]).push(...more);
  return compileNational(nationalSchema.parse(input) as NationalScenario);
}

const ARRAYS = ['peerLive', 'peerDisenchanted', 'state', 'stage', 'everAdopted', 'adoptedAt', 'authority', 'line', 'integrated', 'usage', 'effort', 'cause', 'endedAt'] as const;

/**
 * Remembered aware instances of innovations whose government pull changed
 * since last month: those whose utility phase 3 rebuilds from the
 * remembered part and the new pull (the path a complete network never takes).
 */
function pullChanged(w: World, before: Float64Array): number {
  let c = 0;
  const u = w.national!.utility;
  for (let i = 0; i < w.n * w.k; i++) {
    const j = i % w.k;
    if (u[j] !== before[j] && w.state[i] === STATE.aware && w.lists.decided[i] === 1 && w.lists.decisionKeyed[j] === 1) c++;
  }
  return c;
}

/** Aware instances the memory would skip next month if nothing changed (evidence that it is in use). */
function remembered(w: World): number {
  let c = 0;
  for (let i = 0; i < w.n * w.k; i++) if (w.state[i] === STATE.aware && w.lists.decided[i] === 1 && w.lists.decisionKeyed[i % w.k] === 1) c++;
  return c;
}

describe('phase 3 memory of unchanged decisions', () => {
  it('gives the same states, month by month, as evaluating every aware agency every month (national, sparse networks)', () => {
    const model = sparseNational();
    let rememberedTotal = 0;
    let pullOnlyTotal = 0;
    let adoptions = 0;
    for (let r = 0; r < 4; r++) {
      const a = initNational(model, model.scenario.seed, r);
      const b = initNational(model, model.scenario.seed, r);
      for (let month = 1; month <= model.months; month++) {
        const before = a.worlds.map((w) => Float64Array.from(w.national!.utility));
        nationalPhase(model, a, month);
        nationalPhase(model, b, month);
        for (const [gi, w] of a.worlds.entries()) {
          rememberedTotal += remembered(w);
          pullOnlyTotal += pullChanged(w, before[gi]!);
          step(w, month);
          adoptions += w.counters.newAdoptions;
        }
        for (const w of b.worlds) {
          w.lists.decisionKeyed.fill(0);
          step(w, month);
        }
        tallyServices(model, a);
        tallyServices(model, b);
        a.worlds.forEach((wa, gi) => {
          const wb = b.worlds[gi]!;
          for (const name of ARRAYS) expect(Array.from(wa[name]), `replication ${r}, month ${month}, government ${gi}, ${name}`).toEqual(Array.from(wb[name]));
          expect(Array.from(wa.national!.utility)).toEqual(Array.from(wb.national!.utility));
        });
      }
    }
    // The memory was used, and the runs had decisions to make.
    expect(rememberedTotal).toBeGreaterThan(1000);
    // ... and remembered agencies met a changed pull (63 such instance-months when written;
    // 8 with the fixture's four governments alone, where a remembered utility read from
    // too short an array, active.ts decisionBase sized n / k, still passed).
    expect(pullOnlyTotal).toBeGreaterThan(40);
    expect(adoptions).toBeGreaterThan(100);
  });
});
