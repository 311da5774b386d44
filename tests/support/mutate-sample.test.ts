/**
 * The sampled mutation score (scripts/mutate-sample.mjs, `npm run
 * mutate:sample`): the draw is a reproducible simple random sample and the
 * intervals are the ones docs/TESTING.md names. Reference values were computed
 * independently (scipy.stats: beta quantiles for Clopper-Pearson, hypergeom
 * for the exact finite-population interval).
 */
import { describe, expect, it } from 'vitest';
import { draw, exactHypergeometric, mutantKey, wilsonFpc } from '../../scripts/mutate-sample.mjs';

describe('mutation-score sample', () => {
  it('the same seed draws the same sample; another seed another one; no mutant twice', () => {
    const list = Array.from({ length: 500 }, (_, i) => i);
    const a = draw(list, 40, 7);
    expect(draw(list, 40, 7)).toEqual(a);
    expect(draw(list, 40, 8)).not.toEqual(a);
    expect(new Set(a).size).toBe(40);
    expect(draw(list, 500, 7)).toEqual(list); // the whole population, in order
  });

  it('every mutant is equally likely to be drawn (1,000 seeds, 4 binomial sd)', () => {
    const N = 50;
    const n = 10;
    const seeds = 1000;
    const hits = new Array<number>(N).fill(0);
    const list = Array.from({ length: N }, (_, i) => i);
    for (let s = 1; s <= seeds; s++) for (const i of draw(list, n, s)) hits[i]!++;
    const p = n / N;
    const sd = Math.sqrt(seeds * p * (1 - p));
    for (const h of hits) expect(Math.abs(h - seeds * p)).toBeLessThan(4 * sd);
    // A draw that always kept the first n would be far outside: 1,000 hits.
    expect(Math.abs(seeds - seeds * p)).toBeGreaterThan(4 * sd);
  });

  it('Wilson with a huge population is the plain Wilson interval; the finite-population correction narrows it', () => {
    const [lo, hi] = wilsonFpc(90, 100, 1e12);
    expect(lo).toBeCloseTo(0.825634, 5);
    expect(hi).toBeCloseTo(0.944771, 5);
    const [flo, fhi] = wilsonFpc(90, 100, 4774);
    expect(flo).toBeGreaterThan(lo);
    expect(fhi).toBeLessThan(hi);
    // A census has no sampling error.
    expect(wilsonFpc(90, 100, 100)).toEqual([0.9, 0.9]);
  });

  it('the exact interval matches the hypergeometric law (scipy) and tends to Clopper-Pearson', () => {
    const [lo, hi] = exactHypergeometric(90, 100, 4774);
    expect(Math.round(lo * 4774)).toBe(3937);
    expect(Math.round(hi * 4774)).toBe(4537);
    const [slo, shi] = exactHypergeometric(90, 100, 200);
    expect(Math.round(slo * 200)).toBe(170);
    expect(Math.round(shi * 200)).toBe(187);
    // Clopper-Pearson for 90 of 100: 0.82378 to 0.95100.
    const [blo, bhi] = exactHypergeometric(90, 100, 100_000);
    expect(blo).toBeCloseTo(0.8238, 3);
    expect(bhi).toBeCloseTo(0.951, 3);
  });

  it('a mutant has one name whether its file is given absolute, relative or in a sandbox', () => {
    const m = { location: { start: { line: 3, column: 4 }, end: { line: 3, column: 9 } }, mutatorName: 'EqualityOperator', replacement: 'a <= b' };
    const key = mutantKey('src/model/usage.ts', m);
    expect(key).toBe('src/model/usage.ts:3:4-3:9 EqualityOperator a <= b');
    expect(mutantKey('/work/x/src/model/usage.ts', m)).toBe(key);
    expect(mutantKey('/work/x/.stryker-tmp/sandbox-1/src/model/usage.ts', m)).toBe(key);
    expect(mutantKey('src/model/national/compile.ts', m)).toContain('src/model/national/compile.ts:');
  });
});
