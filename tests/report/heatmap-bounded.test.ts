/**
 * The sweep heat map calls the replication noise unbounded only when it is
 * wider than anything the outcome can be: a share near 0 with 50
 * replications, whose 95 % interval reaches a little below 0, is drawn on the
 * cells' range widened to the noise, with its ± figure (the first version
 * called any such panel "unbounded: too few replications" and coloured the
 * whole 0-100 %, hiding the differences).
 */
import { describe, expect, it } from 'vitest';
import { heatmapData, heatmapPanelSubtitle } from '../../src/report/specs/heatmap.js';

function sweepOf(n: number, half: number, mean: (a: number, b: number) => number, outcome = 'routinized_share') {
  const rows = [];
  let point = 0;
  for (const a of [0, 1])
    for (const b of [0, 0.3]) {
      const m = mean(a, b);
      rows.push({ point: point++, replication: -1, n, values: { 'parameters.takeover_vendor': a, 'parameters.champion_rotation': b, [outcome]: m }, ci: { [outcome]: [m - half, m + half] as [number, number] } });
    }
  return { parameters: ['parameters.takeover_vendor', 'parameters.champion_rotation'], outcomes: [outcome], rows };
}

describe('the heat map at many replications, a share near 0', () => {
  it('keeps the noise figure and a scale near the cells', () => {
    const d = heatmapData({ sweep: sweepOf(50, 0.025, (a, b) => 0.02 + 0.01 * a + 0.005 * b) } as never);
    const panel = d.panels[0]!;
    expect(panel.unbounded).toBe(false);
    expect(panel.domain[1]).toBeLessThan(0.1);
    expect(heatmapPanelSubtitle(panel)).toMatch(/replication noise ±2\.5 pp/);
  });

  it('says unbounded when the noise interval is wider than a share can be (2 replications)', () => {
    const d = heatmapData({ sweep: sweepOf(2, 3.1, (a) => 0.5 * a) } as never);
    expect(d.panels[0]!.unbounded).toBe(true);
    expect(d.panels[0]!.domain).toEqual([0, 1]);
  });

  it('a count: unbounded only when the noise interval is wider than 0 to its largest mean', () => {
    expect(heatmapData({ sweep: sweepOf(50, 2, (a) => 5 + a, 'discontinuations.total') } as never).panels[0]!.unbounded).toBe(false);
    expect(heatmapData({ sweep: sweepOf(2, 300, (a) => 113 + 7 * a, 'discontinuations.total') } as never).panels[0]!.unbounded).toBe(true);
  });
});
