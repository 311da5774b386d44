/**
 * truncatedNormal's fallback (init.ts; ODD.md's choices for 2.3: "clamped
 * after 10,000 rejected draws"): when no draw falls in [lo, hi], the mean is
 * clamped into [lo, hi], so the value is the end nearer the mean and never
 * outside the window. The windows here lie dozens of SDs from the mean, so
 * every one of the 10,000 draws is rejected whatever the seed.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { truncatedNormal } from '../../src/model/init.js';
import { Process } from '../../src/model/processes.js';

describe('truncatedNormal after 10,000 rejected draws', () => {
  const streams = new Streams([3, 4]);

  it('a window above the mean gives its lower end', () => {
    // N(0.5, 0.01) in [0.9, 0.95]: 40 SDs above the mean.
    for (let key = 1; key <= 3; key++) expect(truncatedNormal(streams, Process.Theta, key, 0.5, 0.01, 0.9, 0.95)).toBe(0.9);
  });

  it('a window below the mean gives its upper end', () => {
    // N(0.5, 0.01) in [0.1, 0.2]: 30 SDs below the mean.
    for (let key = 1; key <= 3; key++) expect(truncatedNormal(streams, Process.Theta, key, 0.5, 0.01, 0.1, 0.2)).toBe(0.2);
  });

  it('an SD of 0 clamps the mean the same way, with no draw', () => {
    expect(truncatedNormal(streams, Process.Theta, 1, 0.5, 0, 0.1, 0.2)).toBe(0.2);
    expect(truncatedNormal(streams, Process.Theta, 1, 0.5, 0, 0.9, 0.95)).toBe(0.9);
    expect(truncatedNormal(streams, Process.Theta, 1, 0.5, 0, 0.1, 0.95)).toBe(0.5);
  });
});
