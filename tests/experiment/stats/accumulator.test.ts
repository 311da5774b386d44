import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RunningStats } from '../../../src/experiment/stats/accumulator.js';
import { sampleMoments } from '../../../src/experiment/stats/moments.js';

function sample(seed: string, n: number, offset: number): number[] {
  const rng = seedrandom(seed);
  return Array.from({ length: n }, () => offset + 100 * rng());
}

describe('RunningStats', () => {
  it('matches the two-pass mean and variance (relative 1e-12), even with a large offset', () => {
    for (const offset of [0, 1e8]) {
      const xs = sample('welford', 5000, offset);
      const s = RunningStats.of(xs);
      const m = sampleMoments(xs);
      expect(s.n).toBe(5000);
      expect(Math.abs(s.mean - m.mean) / Math.abs(m.mean)).toBeLessThan(1e-12);
      expect(Math.abs(s.variance - m.variance) / m.variance).toBeLessThan(1e-9);
      expect(s.sd).toBeCloseTo(Math.sqrt(m.variance), 6);
    }
  });

  it('merge (Chan et al.) equals pushing everything, in any split and order', () => {
    const xs = sample('merge', 1000, 5);
    const whole = RunningStats.of(xs);
    const parts = [xs.slice(0, 1), xs.slice(1, 400), xs.slice(400, 401), xs.slice(401)].map((p) => RunningStats.of(p));
    const forward = new RunningStats();
    for (const p of parts) forward.merge(p);
    const backward = new RunningStats();
    for (const p of parts.slice().reverse()) backward.merge(p);
    for (const m of [forward, backward]) {
      expect(m.n).toBe(1000);
      expect(m.mean).toBeCloseTo(whole.mean, 10);
      expect(m.variance).toBeCloseTo(whole.variance, 8);
    }
    // merging an empty accumulator changes nothing; parts are not modified
    expect(RunningStats.of([1, 2]).merge(new RunningStats()).state()).toEqual(RunningStats.of([1, 2]).state());
    expect(parts[0]?.n).toBe(1);
  });

  it('pushing in the same order is bit-for-bit reproducible', () => {
    const xs = sample('repro', 300, 0);
    expect(RunningStats.of(xs).state()).toEqual(RunningStats.of(xs.slice()).state());
  });

  it('round-trips through its state, and follows the n < 2 conventions', () => {
    const s = RunningStats.of([1, 2, 3, 4]);
    const back = RunningStats.fromState(JSON.parse(JSON.stringify(s.state())) as ReturnType<typeof s.state>);
    expect(back.mean).toBe(2.5);
    expect(back.variance).toBeCloseTo(5 / 3, 14);
    const empty = new RunningStats();
    expect(empty.mean).toBeNaN();
    expect(empty.variance).toBeNaN();
    expect(RunningStats.of([3]).variance).toBe(0);
  });
});
