/**
 * Keyed random streams (MODEL.md section 9): every draw is a pure function of
 * (replication seed, process, month, OPD, innovation, k); replication seeds
 * are a pure function of (master seed, replication).
 */
import { describe, expect, it } from 'vitest';
import { Streams, keyOf, monthlyProbability, replicationSeed } from '../../src/engine/random.js';

const N = 100_000;

/** N keyed draws of one process, walking month, OPD and innovation keys. */
function draws(s: Streams, process: number, n = N): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = s.uniform(process, i % 120, Math.floor(i / 120) % 50, Math.floor(i / 6000), 0);
  return out;
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - m) ** 2;
  return s / (xs.length - 1);
}

describe('Streams.uniform', () => {
  const s = new Streams(replicationSeed(1, 0));
  const u = draws(s, 30);

  it('lies in [0, 1)', () => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of u) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    // And actually spreads over it.
    expect(lo).toBeLessThan(1e-3);
    expect(hi).toBeGreaterThan(1 - 1e-3);
  });

  it('mean 0.5 and variance 1/12 over 1e5 keyed draws', () => {
    // Standard errors: mean 0.29/sqrt(1e5) = 0.0009; variance sqrt((1/80 - 1/144)/1e5) = 0.00024.
    // Tolerances are about 5 standard errors.
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance(u) - 1 / 12)).toBeLessThan(0.0012);
  });

  it('is flat: chi-square over 20 bins below the 99.9 % quantile (43.8, 19 df)', () => {
    const bins = new Array<number>(20).fill(0);
    for (const x of u) bins[Math.floor(x * 20)]!++;
    const e = N / 20;
    const chi2 = bins.reduce((acc, o) => acc + (o - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(43.8);
  });

  it('successive keys are uncorrelated (lag-1 correlation within 0.015, about 5 standard errors)', () => {
    const m = mean(u);
    let num = 0;
    for (let i = 1; i < N; i++) num += (u[i]! - m) * (u[i - 1]! - m);
    const r = num / (N - 1) / variance(u);
    expect(Math.abs(r)).toBeLessThan(0.015);
  });

  it('same key, same draw; same seed in another Streams object, same draw', () => {
    const again = new Streams(replicationSeed(1, 0));
    const keys: [number, number, number, number, number][] = [
      [30, 1, 2, 3, 0],
      [50, 120, 99999, 4242, 7],
      [1, 0, 0, 0, 0],
    ];
    for (const key of keys) {
      expect(s.uniform(...key)).toBe(s.uniform(...key));
      expect(again.uniform(...key)).toBe(s.uniform(...key));
    }
    expect(Array.from(draws(again, 30, 1000))).toEqual(Array.from(u.subarray(0, 1000)));
  });

  it('different processes (and each key component) give different, uncorrelated draws', () => {
    const other = draws(s, 31);
    let same = 0;
    for (let i = 0; i < N; i++) if (other[i] === u[i]) same++;
    expect(same).toBe(0);
    const mu = mean(u);
    const mo = mean(other);
    let cov = 0;
    for (let i = 0; i < N; i++) cov += (u[i]! - mu) * (other[i]! - mo);
    const r = cov / (N - 1) / Math.sqrt(variance(u) * variance(other));
    expect(Math.abs(r)).toBeLessThan(0.015);

    const base = s.uniform(30, 5, 6, 7, 0);
    expect(s.uniform(31, 5, 6, 7, 0)).not.toBe(base);
    expect(s.uniform(30, 6, 6, 7, 0)).not.toBe(base);
    expect(s.uniform(30, 5, 7, 7, 0)).not.toBe(base);
    expect(s.uniform(30, 5, 6, 8, 0)).not.toBe(base);
    expect(s.uniform(30, 5, 6, 7, 1)).not.toBe(base);
    // Swapping OPD and innovation keys is another key.
    expect(s.uniform(30, 5, 7, 6, 0)).not.toBe(s.uniform(30, 5, 6, 7, 0));
  });

  it('another seed gives other draws', () => {
    const t = new Streams(replicationSeed(1, 1));
    expect(t.uniform(30, 1, 2, 3)).not.toBe(s.uniform(30, 1, 2, 3));
    expect(Math.abs(mean(draws(t, 30, 20_000)) - 0.5)).toBeLessThan(0.01);
  });
});

describe('Streams.normal', () => {
  it('is standard normal (mean within 0.02, sd within 0.02 over 2e4 draws)', () => {
    const s = new Streams([11, 12]);
    const xs = Array.from({ length: 20_000 }, (_, i) => s.normal(31, i % 100, Math.floor(i / 100), 0));
    expect(Math.abs(mean(xs))).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(variance(xs)) - 1)).toBeLessThan(0.02);
    // Tails: P(|z| > 1.96) = 5 %.
    const tail = xs.filter((x) => Math.abs(x) > 1.96).length / xs.length;
    expect(Math.abs(tail - 0.05)).toBeLessThan(0.006);
  });
});

describe('replicationSeed and keyOf', () => {
  it('replicationSeed is a deterministic pair of 32-bit integers, distinct per master seed and replication', () => {
    expect(replicationSeed(2025, 3)).toEqual(replicationSeed(2025, 3));
    const [a, b] = replicationSeed(2025, 3);
    for (const x of [a, b]) {
      expect(Number.isInteger(x)).toBe(true);
      expect(x | 0).toBe(x);
    }
    const seen = new Set<string>();
    for (const master of [1, 2, 2025]) for (let r = 0; r < 200; r++) seen.add(replicationSeed(master, r).join(':'));
    expect(seen.size).toBe(600);
  });

  it('keyOf is a deterministic 32-bit key per id', () => {
    expect(keyOf('opd1')).toBe(keyOf('opd1'));
    expect(keyOf('opd1')).not.toBe(keyOf('opd2'));
    expect(keyOf('opd12')).not.toBe(keyOf('opd21'));
    const k = keyOf('dinas-kesehatan');
    expect(k >>> 0).toBe(k);
  });

  it('monthlyProbability(h) = 1 - exp(-h/12)', () => {
    for (const h of [0, 0.05, 0.6, 3, 50]) expect(monthlyProbability(h)).toBeCloseTo(1 - Math.exp(-h / 12), 15);
  });
});

describe('prefixed draws', () => {
  it('uniformAfter(prefix(process, month), ...) is the same number as uniform(process, month, ...)', () => {
    const s = new Streams(replicationSeed(42, 3));
    for (let x = 0; x < 2000; x++) {
      const process = x % 7;
      const month = (x * 13) % 140;
      const opd = keyOf(`opd${x}`);
      const inn = (x * 2654435761) >>> 0;
      const k = x % 3;
      expect(s.uniformAfter(s.prefix(process, month), opd, inn, k)).toBe(s.uniform(process, month, opd, inn, k));
    }
  });
});

describe('Bernoulli draws from the first word (belowAfter, below)', () => {
  /** The next double above x (x > 0). */
  const up = (x: number) => x + x * Number.EPSILON;
  const down = (x: number) => x - x * Number.EPSILON * 0.5;

  it('give exactly uniform < p, also for p on the edges of the first word\'s interval and at the draw itself', () => {
    const s = new Streams(replicationSeed(5, 1));
    let second = 0;
    for (let x = 0; x < 3000; x++) {
      const process = x % 9;
      const month = (x * 7) % 133;
      const opd = keyOf(`o${x}`);
      const inn = (x * 40503) >>> 0;
      const k = x % 2;
      const u = s.uniform(process, month, opd, inn, k);
      // The interval [a 2^-32, (a + 1) 2^-32) that the first word fixes.
      const lo = Math.floor(u * 4294967296) / 4294967296;
      const hi = lo + 1 / 4294967296;
      const ps = [0, 1, NaN, u, up(u), down(u), lo, hi, up(lo), down(hi), (lo + hi) / 2, x / 3000];
      for (const p of ps) {
        const want = u < p;
        expect(s.belowAfter(s.prefix(process, month), opd, inn, p, k), `p ${p}, u ${u}`).toBe(want);
        expect(s.below(process, month, opd, inn, p, k), `p ${p}, u ${u}`).toBe(want);
        if (p > lo && p < hi) second++;
      }
    }
    // The cases that need the second word were exercised.
    expect(second).toBeGreaterThan(3000);
  });
});
