import seedrandom from 'seedrandom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as stats from '../../../src/experiment/stats/index.js';

describe('stats module purity', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never calls Math.random: every draw comes from the injected rng', () => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random was called');
    });
    const rng = seedrandom('purity');
    const space = stats.ishigamiFactors;
    stats.latinHypercube(space, 20, rng);
    const morris = stats.morrisTrajectories(space, 4, 4, rng);
    stats.morrisEffects(morris, morris.rows.map((x) => stats.ishigami(x)));
    for (const sequence of ['sobol', 'random'] as const) {
      const s = stats.saltelliSample(space, 64, rng, { sequence });
      stats.sobolIndices(s.rows.map((x) => stats.ishigami(x)), 64, 3, { bootstrap: 5, rng });
    }
    stats.describe([1, 2, 3]);
    stats.pairedDifference([1, 2, 3], [2, 2, 4]);
    stats.wilson(3, 10);
    stats.enoughReplications([1, 2, 3], 0.1, 2);
    stats.RunningStats.of([1, 2, 3]);
    expect(spy).not.toHaveBeenCalled();
  });

  it('rejects an rng that returns values outside [0, 1)', () => {
    expect(() => stats.latinHypercube(stats.ishigamiFactors, 3, () => 1)).toThrow(RangeError);
  });
});
