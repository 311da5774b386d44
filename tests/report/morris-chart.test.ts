/**
 * Session 39, the Morris chart (chart tester, item 3): the x ticks ran together
 * ("0.0000.0050.0100.015"); the axes said "mu*" with no unit while the summary quotes
 * "3.2 ± 1.1 pp" and the chart showed 0.032; two factors' intervals at the same sigma lay on
 * one another; the noise floor the summary tests against was not drawn.
 */
import { describe, expect, test } from 'vitest';
import { morrisPanelData, morrisSpec } from '../../src/report/specs/morris.js';
import { id } from '../../src/report/i18n/id.js';
import { units } from './helpers.js';

const row = (parameter: string, mu_star: number, conf: number, sigma: number, noise_floor: number | null = 0.01) =>
  ({ method: 'morris', parameter, outcome: 'live_share', mu: mu_star, mu_star, sigma, mu_star_conf: conf, noise_floor }) as never;

const rows = [row('parameters.pilot_discontinue', 0.032, 0.011, 0.017, 0.0096), row('parameters.takeover_vendor', 0.0197, 0.0061, 0.017, 0.0068), row('parameters.renew_other', 0.0045, 0.002, 0.0055, 0.0011)];

describe('Morris chart', () => {
  test('a share in percentage points, as the summary prints mu*; few formatted ticks', () => {
    const spec = morrisSpec({ rows });
    const all = units(spec);
    const points = all.find((u) => u.mark === 'point')!;
    expect(points.values.map((v) => (v as Record<string, unknown>)['mu_star'])).toContain(3.2);
    const text = JSON.stringify(spec);
    expect(text).toContain('"title":"mu* (percentage points)"');
    expect(text).toContain('"title":"sigma (percentage points)"');
    expect(text).toContain('"tickCount":5');
    expect(text).toMatch(/"format":",\.\d~f"/);
    expect(JSON.stringify(morrisSpec({ rows, t: id }))).toContain('mu* (poin persentase)');
    // A count keeps its own unit.
    const count = rows.map((r) => ({ ...(r as object), outcome: 'sustained_count' })) as never[];
    expect(JSON.stringify(morrisSpec({ rows: count }))).toContain('"title":"mu*"');
  });

  test('the noise floor is drawn on each factor\'s line and named in the subtitle', () => {
    const spec = morrisSpec({ rows });
    const floor = units(spec).find((u) => u.mark === 'rule' && JSON.stringify(u.unit).includes('"field":"floor"'))!;
    expect(floor).toBeDefined();
    expect(floor.values.map((v) => (v as Record<string, unknown>)['floor']).sort()).toEqual([0.11, 0.68, 0.96]);
    expect(JSON.stringify(spec)).toContain("dotted tick on each line: that factor's noise floor (0.11–0.96 pp)");
  });

  test('two factors at the same sigma with overlapping intervals are set apart', () => {
    const d = morrisPanelData(rows, 100);
    const [a, b] = d.points.filter((p) => p['sigma'] === 1.7);
    expect(a && b).toBeTruthy();
    // At least the dodge (6 px of the 300 px plot) apart, in data units.
    expect(Math.abs(Number(a!['sd']) - Number(b!['sd']))).toBeGreaterThanOrEqual((6 / 300) * d.max - 1e-9);
    // The value is kept: only the drawn height moves.
    expect(a!['sigma']).toBe(1.7);
  });
});
