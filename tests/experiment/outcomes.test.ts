import { describe, expect, it } from 'vitest';
import { OutcomeExtractor, resolveOutcomes } from '../../src/experiment/outcomes.js';

const ctx = {
  metrics: ['live_share', 'discontinued_defunded', 'discontinued_vendor_exit', 'discontinued_disenchantment', 'discontinued_hazard', 'discontinued_leadership', 'discontinued_replacement', 'live.a', 'live.b'],
  innovations: ['a', 'b'],
};

describe('outcomes', () => {
  it('expands wildcards in catalogue order and names unknown outcomes', () => {
    const r = resolveOutcomes(['sustained.*', 'live_share', 'live.*', 'sustained.a'], ctx);
    expect(r.ok && r.outcomes.map((o) => `${o.name}:${o.kind}`)).toEqual(['sustained.a:binary', 'sustained.b:binary', 'live_share:metric', 'live.a:metric', 'live.b:metric']);
    const bad = resolveOutcomes(['sustained.c', 'nothing.*'], ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.unknown).toEqual(['sustained.c', 'nothing.*']);
  });

  it('takes metrics at the horizon, discontinuations summed over months, sustained from the outcomes', () => {
    const r = resolveOutcomes(['live_share', 'discontinuations.defunded', 'discontinuations.total', 'sustained.b', 'sustained_count'], ctx);
    if (!r.ok) throw new Error('resolve');
    const x = new OutcomeExtractor(ctx, r.outcomes);
    const M = ctx.metrics.length;
    const series = new Float64Array(3 * M);
    series.set([0.1, 1, 2, 0, 0, 0, 0, 1, 1], 0);
    series.set([0.2, 0, 0, 0, 1, 0, 0, 1, 1], M);
    series.set([0.3, 2, 0, 0, 0, 0, 0, 1, 1], 2 * M);
    expect([...x.fromSeries(series, 3, ['declining', 'sustained'])]).toEqual([0.3, 3, 6, 1, 1]);
  });
});
