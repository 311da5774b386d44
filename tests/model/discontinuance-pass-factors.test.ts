/**
 * The discontinuance pass (docs/MODEL.md 7.8) reads each instance's hazard
 * from a table of products indexed by which factors apply, not from
 * hazardRate(); tests/model/multipliers.test.ts checks hazardRate's product.
 * Here each factor alone is switched on for a whole population and the
 * pass's exit share must match 1 - exp(-h0 x factor / 12), and not the
 * nearest wrong formulas (the factor divided instead of multiplied, or
 * ignored). A mutation-testing sample found `h *= anchor` -> `h /= anchor`
 * and the late-adopter bit undetected in the table.
 */
import { describe, expect, it } from 'vitest';
import { discontinuance, hazardRate } from '../../src/model/discontinuance.js';
import { monthlyProbability } from '../../src/engine/random.js';
import { CATEGORY_Z_BANDS } from '../../src/scenario/schema.js';
import type { World } from '../../src/model/world.js';
import { LINE, PLAIN, QUIET, STATE, live, opd, tick, world } from '../support/world.js';

const AGENCIES = 400;
const SERVICES = 10;
const services = Array.from({ length: SERVICES }, (_, j) => ({ id: `s${j}`, owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN }));
/** 4 binomial standard deviations of a share from n draws. */
const tolerance = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

/** Annual base rate 3: monthly exit 0.22, in the middle of [0, 1]. Factors distinct, none 0 or 1. */
const M = {
  h0_routinized: 0.011,
  h0_other: 3,
  m_anchor: 0.6,
  m_integrated: 0.7,
  m_champion: 0.55,
  m_authority: 1.9,
  m_late: 1.45,
  m_disenchanted: 2.6,
  disenchant_months: 5,
  m_low_T: 3.3,
  T_low: 0.3,
  m_unfunded: 1.35,
};

type Factor = keyof typeof FACTORS;
/** How each factor is switched on for instance i of agency o (everything else off). */
const FACTORS = {
  m_anchor: (w: World, i: number) => {
    live(w, i, { translation: 0.9 });
    w.anchored[i] = 1;
  },
  m_integrated: (w: World, i: number) => live(w, i, { translation: 0.9, integrated: true }),
  m_authority: (w: World, i: number) => live(w, i, { translation: 0.9, authority: true }),
  m_late: (w: World, i: number, o: number) => {
    live(w, i, { translation: 0.9 });
    w.category[o] = CATEGORY_Z_BANDS.length - 1; // laggard
  },
  m_disenchanted: (w: World, i: number) => live(w, i, { translation: 0.9, failMonths: 5 }),
  m_low_T: (w: World, i: number) => live(w, i, { translation: 0.2 }),
  m_unfunded: (w: World, i: number) => live(w, i, { translation: 0.9, line: LINE.none }),
} as const;

function exitShare(factor: Factor | 'none'): { share: number; rate: number } {
  const list = Array.from({ length: AGENCIES }, (_, i) => opd(`o${i}`));
  const w = world({ months: 24, opds: { list }, innovations: services, parameters: { ...QUIET, ...M } });
  for (let o = 0; o < AGENCIES; o++) w.category[o] = 2; // early majority: not late
  const size = AGENCIES * SERVICES;
  for (let i = 0; i < size; i++) {
    const o = Math.floor(i / SERVICES);
    if (factor === 'none') live(w, i, { translation: 0.9 });
    else FACTORS[factor](w, i, o);
  }
  const rate = hazardRate(w, 0);
  tick(w, 3);
  discontinuance(w);
  let ended = 0;
  for (let i = 0; i < size; i++) if (w.state[i] === STATE.discontinued) ended++;
  return { share: ended / size, rate };
}

describe('the discontinuance pass applies each hazard factor once, as a factor (7.8)', () => {
  const n = AGENCIES * SERVICES;

  it('no factor: the base rate', () => {
    const { share, rate } = exitShare('none');
    expect(rate).toBeCloseTo(M.h0_other, 12);
    const p = monthlyProbability(M.h0_other);
    expect(Math.abs(share - p)).toBeLessThan(tolerance(p, n));
  });

  for (const factor of Object.keys(FACTORS) as Factor[]) {
    it(`${factor} = ${M[factor]}: exits at 1 - exp(-h0 x ${M[factor]} / 12), not divided or ignored`, () => {
      const { share, rate } = exitShare(factor);
      const f = M[factor];
      // The setup switches on exactly this factor (hazardRate agrees).
      expect(rate).toBeCloseTo(M.h0_other * f, 12);
      const p = monthlyProbability(M.h0_other * f);
      for (const wrong of [monthlyProbability(M.h0_other / f), monthlyProbability(M.h0_other)]) {
        expect(Math.abs(wrong - p)).toBeGreaterThan(tolerance(p, n) + tolerance(wrong, n));
      }
      expect(Math.abs(share - p)).toBeLessThan(tolerance(p, n));
    });
  }
});
