import { describe, expect, it } from 'vitest';
import { wilson } from '../../../src/experiment/stats/wilson.js';

describe('wilson', () => {
  it('8/10 gives about [0.490, 0.943]', () => {
    const w = wilson(8, 10);
    expect(w.p).toBe(0.8);
    expect(w.low).toBeCloseTo(0.4901625, 6);
    expect(w.high).toBeCloseTo(0.9433178, 6);
  });

  it('reproduces Newcombe (1998, Table I, method 3) to the 4 published decimals', () => {
    const table: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [s, n, low, high] of table) {
      const w = wilson(s, n);
      expect(Math.abs(w.low - low)).toBeLessThanOrEqual(5e-5);
      expect(Math.abs(w.high - high)).toBeLessThanOrEqual(5e-5);
    }
  });

  it('pins the bounds at 0 and 1 and stays inside [0, 1]', () => {
    expect(wilson(0, 5).low).toBe(0);
    expect(wilson(5, 5).high).toBe(1);
    for (let s = 0; s <= 7; s += 1) {
      const w = wilson(s, 7, 0.99);
      expect(w.low).toBeGreaterThanOrEqual(0);
      expect(w.high).toBeLessThanOrEqual(1);
      expect(w.low).toBeLessThanOrEqual(w.p);
      expect(w.high).toBeGreaterThanOrEqual(w.p);
    }
  });

  it('n = 0 is uninformative; invalid counts throw', () => {
    const w = wilson(0, 0);
    expect(w.p).toBeNaN();
    expect([w.low, w.high]).toEqual([0, 1]);
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(1.5, 2)).toThrow(RangeError);
  });
});
