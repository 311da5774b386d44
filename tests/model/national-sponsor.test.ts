/**
 * A `sponsor: leader` service is sponsored by whoever is in office at its
 * launch (MODEL.md 5, "Leaders"). In a national scenario a service is
 * available from its `launch` month, and each government launches it in a
 * month of its own (docs/NATIONAL.md, "Diffusion between governments"):
 * the sponsor is the head in office at the government's launch, not the
 * one in office when the service became available nationally (who may be
 * gone by then, taking the sponsorship along).
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import { compileNational } from '../../src/model/national/compile.js';
import { initNational, nationalMonth } from '../../src/model/national/simulate.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';

const SVC = {
  id: 'svc',
  owner: 'coordinator',
  funding: 'apbd',
  sponsor: 'leader',
  launch: '2020-01',
  relative_advantage: 0.6,
  compatibility: 0.6,
  complexity: 0.4,
  trialability: 0.5,
  observability: 0.6,
};

describe('a leader-sponsored national service', () => {
  it('is sponsored by the head in office when the government launches it', () => {
    const model = compileNational(
      nationalSchema.parse({
        name: 'sponsor',
        start: '2020-01',
        months: 12,
        seed: 1,
        replications: 1,
        template: { agencies: { city: { dinas: 4 }, province: { dinas: 2 } }, coordinator: true },
        innovations: [SVC],
        // No sponsorship carries over a change of head.
        parameters: { sponsor_continuity: 0 },
        national_parameters: { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 },
        elections: [{ id: 'c', heads: [{ from: '2019-01', commitment: 0.9 }, { from: '2020-03', commitment: 0.9 }] }],
        governments: [
          { id: 'p', type: 'province', province: 'p' },
          { id: 'a', type: 'city', province: 'p', election: 'c' },
        ],
        // Available from month 1; government `a` launches it in month 6, under the second head.
        programmes: [{ id: 'prog', cohorts: [{ id: 'c1', from: '2020-06', members: ['a'] }], anchors: ['svc'] }],
      }) as NationalScenario,
    );
    const run = initNational(model, 1, 0);
    const w = run.worlds[1]!;
    const sponsored: number[] = [];
    for (let m = 1; m <= 8; m++) {
      nationalMonth(model, run, m);
      sponsored.push(w.sponsored[0]!);
    }
    expect(w.national!.launchedAt[0]).toBe(6);
    // Nobody sponsors it before the government launches it; from the launch, the head in office does.
    expect(sponsored).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
  });
});
